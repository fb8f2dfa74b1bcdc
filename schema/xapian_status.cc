// SPDX-License-Identifier: GPL-2.0-or-later
/// @file xapian_status.cc
/// @brief Xapian exception → absl::Status mapping.
#include "newsgrep/internal/xapian_status.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace newsgrep::internal {

namespace {

// Whether the system refused access (Xapian keeps the errno text in the error, or only in
// its message: "Couldn't open lockfile: Permission denied").
bool IsAccessDenied(const Xapian::Error& error) {
  for (const int code : {EACCES, EPERM, EROFS}) {
    const char* text = std::strerror(code);
    const char* error_string = error.get_error_string();
    if ((error_string != nullptr && std::strcmp(error_string, text) == 0) ||
        absl::StrContains(error.get_msg(), text)) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::Status XapianErrorToStatus(const Xapian::Error& error, absl::string_view context) {
  // Xapian::Error is not polymorphic in 1.4: the class name is the discriminator.
  const std::string type = error.get_type();
  const std::string message = absl::StrCat(context, ": ", error.get_msg());
  if (type == "QueryParserError") return absl::InvalidArgumentError(message);
  if (IsAccessDenied(error)) {
    return absl::PermissionDeniedError(
        absl::StrCat(message,
                     " (the index's folder or files may not be read or written by this user: "
                     "check their owner and permissions)"));
  }
  if (type == "DatabaseLockError") {
    // Xapian says "already locked" when another process holds the lock; anything else is a
    // lock file that cannot be made or taken.
    if (!absl::StrContains(error.get_msg(), "already locked")) {
      return absl::FailedPreconditionError(
          absl::StrCat(message,
                       " (no other writer holds the lock: the lock file itself, flintlock, "
                       "cannot be made or locked there)"));
    }
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
  // A remote shard (xapian-tcpsrv) that did not answer in time, or could not be reached.
  if (type == "NetworkTimeoutError") return absl::DeadlineExceededError(message);
  if (type == "NetworkError") return absl::UnavailableError(message);
  if (type == "DatabaseModifiedError") {
    return absl::AbortedError(
        absl::StrCat(message,
                     " (the index changed while it was read, or it is damaged: "
                     "repeat, and if it persists run newsgrep check)"));
  }
  return absl::InternalError(absl::StrCat(message, " [", type, "]"));
}

}  // namespace newsgrep::internal
