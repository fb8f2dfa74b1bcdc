// SPDX-License-Identifier: GPL-2.0-or-later
/// @file case_field.cc
/// @brief `case:` and query words in capitals.
#include "internal/case_field.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "internal/query_text.h"
#include "newsgrep/analysis.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {

Xapian::Query CaseFieldProcessor::operator()(const std::string& text) {
  // Xapian's parser lower-cases a free-text field's value before it gets here; what the
  // syntax check let through and the rewrite wrote is an acronym, in capitals.
  const std::optional<std::string> acronym = analysis::AcronymOf(absl::AsciiStrToUpper(text));
  if (!acronym) {
    throw Xapian::QueryParserError(
        absl::StrCat("case: takes one word written in capitals (an acronym), not '", text, "'"));
  }
  return Xapian::Query(schema::CaseTerm(*acronym));
}

void AddCaseFields(Xapian::QueryParser& parser) {
  for (const schema::Field& field : schema::kFields) {
    if (field.kind != schema::FieldKind::kExactCase) continue;
    parser.add_prefix(std::string(field.name), (new CaseFieldProcessor())->release());
  }
  parser.add_prefix(std::string(kAcronymField), (new CaseFieldProcessor())->release());
}

}  // namespace newsgrep::internal
