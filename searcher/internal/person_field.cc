// SPDX-License-Identifier: GPL-2.0-or-later
/// @file person_field.cc
/// @brief Folding person: and said: values like the indexer.
#include "internal/person_field.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "newsgrep/analysis.h"
#include "newsgrep/name_folding.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {

Xapian::Query NameFieldQuery(const Xapian::Stem& stemmer, absl::string_view prefix,
                             absl::string_view text) {
  std::vector<std::string> terms;
  for (const std::string& word : FoldNameWords(text)) {
    terms.push_back(analysis::StemmedTerm(stemmer, prefix, word));
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

NameFieldProcessor::NameFieldProcessor(std::string prefix)
    : prefix_(std::move(prefix)), stemmer_(analysis::Stemmer()) {}

Xapian::Query NameFieldProcessor::operator()(const std::string& text) {
  return NameFieldQuery(stemmer_, prefix_, text);
}

void AddNameFields(Xapian::QueryParser& parser) {
  for (const schema::Field& field : schema::kFields) {
    if (!field.folds_names) continue;
    parser.add_prefix(std::string(field.name),
                      (new NameFieldProcessor(std::string(field.prefix)))->release());
  }
}

}  // namespace newsgrep::internal
