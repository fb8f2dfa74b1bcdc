// SPDX-License-Identifier: GPL-2.0-or-later
/// @file person_field.h
/// @brief `person:` and `said:` in queries: what the user types is folded to the canonical
/// name words the indexer stored (name_folding.h), so `person:zelenskiy` finds Zelenskyy,
/// Zelensky and Zelenskiy alike.
#ifndef NEWSGREP_SEARCHER_INTERNAL_PERSON_FIELD_H_
#define NEWSGREP_SEARCHER_INTERNAL_PERSON_FIELD_H_

#include <xapian.h>

#include <string>
#include <utility>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// The query for a name field's value `text` under term `prefix`: each folded word
/// becomes its term as the indexer made it (analysis::StemmedTerm with `stemmer`); one word
/// is that term, several are a phrase of them (`person:"volodymyr zelensky"`).
/// MatchNothing when `text` has no letters or digits.
Xapian::Query NameFieldQuery(const Xapian::Stem& stemmer, absl::string_view prefix,
                             absl::string_view text);

/// A FieldProcessor applying NameFieldQuery with a fixed prefix.
class NameFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit NameFieldProcessor(std::string prefix);
  Xapian::Query operator()(const std::string& text) override;

 private:
  std::string prefix_;
  Xapian::Stem stemmer_;
};

/// Registers a NameFieldProcessor for every schema field with Field::folds_names.
void AddNameFields(Xapian::QueryParser& parser);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_PERSON_FIELD_H_
