/// @file xapian_status.cc
/// @brief Xapian exception → absl::Status mapping.
#include "newsgrep/internal/xapian_status.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace newsgrep::internal {

absl::Status XapianErrorToStatus(const Xapian::Error& error, absl::string_view context) {
  // Xapian::Error is not polymorphic in 1.4: the class name is the discriminator.
  const std::string type = error.get_type();
  const std::string message = absl::StrCat(context, ": ", error.get_msg());
  if (type == "QueryParserError") return absl::InvalidArgumentError(message);
  if (type == "DatabaseLockError") {
    return absl::UnavailableError(
        absl::StrCat(context,
                     ": the index is locked by another newsgrep (or Xapian) writer; wait for it "
                     "to finish and try again"));
  }
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError" ||
      type == "DatabaseVersionError" || type == "DatabaseCreateError") {
    return absl::NotFoundError(message);
  }
  if (type == "DatabaseCorruptError") return absl::DataLossError(message);
  if (type == "DatabaseModifiedError") {
    return absl::AbortedError(
        absl::StrCat(message,
                     " (the index changed while it was read, or it is damaged: "
                     "repeat, and if it persists run newsgrep check)"));
  }
  return absl::InternalError(absl::StrCat(message, " [", type, "]"));
}

}  // namespace newsgrep::internal
