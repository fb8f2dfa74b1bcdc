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

/// Xapian 1.4.22's parser never calls a FieldProcessor for a phrase: a quoted value
/// (`person:"dmitry sokolov"`, also in curly quotes) or words its parser joins into a phrase
/// by . - / : \ @ (`person:Jean-Claude`) parse to nothing, and such a phrase marked '+'
/// (`a +person:b/c`, `person:(anna +b/c)`) crashes the parser (a null query; found by the
/// query fuzzer). So every value of a name field, alone or inside its brackets, is rewritten
/// to words Xapian reads as one: a quoted phrase becomes its words joined by '_'
/// (`person:dmitry_sokolov`), and inside an unquoted word each character between two word
/// characters that is not an apostrophe becomes '_' (`person:Jean_Claude`); the processor
/// folds them back into words. Characters are read as Xapian reads them (its UTF-8 decoding
/// and Unicode::is_wordchar). Kept are apostrophes inside a word ('`' becomes '\''), field
/// names with their ':', and what leads or trails a word (+ - *). Other text is returned
/// unchanged.
std::string JoinNameFieldPhrases(absl::string_view query);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_PERSON_FIELD_H_
