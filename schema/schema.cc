/// @file schema.cc
/// @brief Field lookup and schema-version checks.
#include "newsgrep/schema.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "newsgrep/internal/hash.h"
#include "newsgrep/internal/xapian_status.h"

namespace newsgrep::schema {

const Field* FindField(absl::string_view name) {
  for (const Field& field : kFields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const Field* FieldOfTerm(absl::string_view term) {
  const auto upper = [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); };
  const Field* found = nullptr;
  for (const Field& field : kFields) {
    if (field.prefix.empty() || !absl::StartsWith(term, field.prefix)) continue;
    const absl::string_view rest = term.substr(field.prefix.size());
    if (!rest.empty() && upper(rest[0])) continue;  // a longer prefix
    if (found == nullptr || field.prefix.size() > found->prefix.size()) found = &field;
  }
  return found;
}

std::string KnownFieldNames() {
  std::vector<absl::string_view> names;
  for (const Field& field : kFields) names.push_back(field.name);
  names.push_back("date");  // a value range, not a term field; handled by the searcher
  std::sort(names.begin(), names.end());
  return absl::StrJoin(names, ", ");
}

std::string IdTerm(absl::string_view article_id) {
  // Xapian terms are at most 245 bytes; longer ids (long paths) are hashed down to fit
  // while staying unique in practice.
  std::string term = absl::StrCat(kIdPrefix, article_id);
  if (term.size() <= 240) return term;
  return absl::StrCat(term.substr(0, 200), "#",
                      absl::Hex(internal::Fnv1a64(article_id), absl::kZeroPad16));
}

absl::Status CheckSchemaVersion(const Xapian::Database& db, absl::string_view path) {
  try {
    const std::string stored = db.get_metadata(std::string(kSchemaVersionKey));
    const std::string expected = std::to_string(kSchemaVersion);
    if (stored == expected) return absl::OkStatus();
    if (stored.empty() && db.get_doccount() == 0) return absl::OkStatus();
    return absl::FailedPreconditionError(absl::StrCat(
        "index ", path, " has schema version ", stored.empty() ? "(none)" : stored,
        " but this newsgrep uses version ", expected,
        "; re-index into a new --db path (or delete the old index)"));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("reading index ", path));
  }
}

}  // namespace newsgrep::schema
