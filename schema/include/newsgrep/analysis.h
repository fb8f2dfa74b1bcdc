// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analysis.h
/// @brief The one text-analysis setup (language, stemmer, stemming strategy, stopwords)
/// shared by the indexer and the searcher, so a query is analysed exactly as the index was.
///
/// Thread safety: the functions are safe to call from any thread; the Xapian objects they
/// configure are not thread-safe and belong to the caller.
#ifndef NEWSGREP_SCHEMA_ANALYSIS_H_
#define NEWSGREP_SCHEMA_ANALYSIS_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "newsgrep/schema.h"

namespace newsgrep::analysis {

/// The length in bytes of the character at byte `i` of `text` when it is a non-ASCII
/// space or punctuation mark that separates words (U+0080–U+00BF: no-break space, « », ©;
/// U+2000–U+206F: ’ “ ” – — …), else 0. For rules that read words byte by byte and would
/// otherwise take such a character for a letter ("NATO’s", “WHO”).
size_t SeparatorBytesAt(absl::string_view text, size_t i);

/// The acronym a word stands for, as the index keeps it (schema::CaseTerm): a word in
/// capitals of 2-6 ASCII letters or digits, a letter first ("NATO", "WHO", "G7"), or 2-6
/// capital letters each followed by a dot, the last dot optional ("U.N.", "U.S" → "UN",
/// "US"). nullopt for anything else ("Nato", "I", "NATIONAL", "COVID19").
std::optional<std::string> AcronymOf(absl::string_view word);

/// Calls `visit` with the acronym (AcronymOf) of each word of `text` that is one, in
/// order, repeats included. A word is a run of ASCII letters, digits and dots (non-ASCII
/// letters make a word that is no acronym; SeparatorBytesAt characters end it, so
/// "NATO’s" and “WHO” hold acronyms); a trailing dot that ends a sentence is not part of
/// it. Lines written in capitals are skipped: a shouted headline ("U.S. OIL PRICES
/// RISE") is not four acronyms. A line is shouted when it has at least three words in
/// capitals (two letters or more) and more than three times as many of them as words with
/// small letters.
void ForEachAcronym(absl::string_view text, absl::FunctionRef<void(absl::string_view)> visit);

/// English Snowball stemmer (Xapian's own Snowball implementation).
Xapian::Stem Stemmer();

/// Whether Stemmer() can stem `word` (lower case, as TermGenerator reads it) to `stem`
/// without stemming it: false only when it certainly does not. English Snowball rewrites
/// a suffix and never lengthens a word, so a stem keeps all but at most its last two bytes
/// as the word's beginning (dying → die, possibility → possibl(e): two; happy → happi:
/// one), and always its first byte. Lets a caller looking for one stem in a text stem only
/// the words that pass (SchemaTest.AnalysisStemmerKeepsAllButTheLastTwoBytesOfAStem checks
/// the rule on ~100,000 words).
inline bool CouldStemTo(absl::string_view word, absl::string_view stem) {
  if (stem.empty() || word.size() < stem.size() || word[0] != stem[0]) return false;
  const size_t kept = stem.size() > 3 ? stem.size() - 2 : 1;
  return word.substr(0, kept) == stem.substr(0, kept);
}

/// Collects the distinct words a stemmer made by MemoisingStemmer(collector) was asked to
/// stem, as the TermGenerator passes them (lower case): with kIndexStemStrategy that is
/// every word indexed, so the words of a document can go to the index's vocabulary
/// (schema::kVocabularyKeyPrefix) without tokenizing the text again. Not thread-safe.
class WordCollector {
 public:
  /// Adds `word` unless `*seen_in` says it was added since the last Take or Clear; then
  /// marks it so. `*seen_in` belongs to the caller (the stemmer's memo keeps one per
  /// word) and starts at 0. Saves hashing each occurrence of a word a second time.
  void AddOnce(const std::string& word, uint64_t* seen_in) {
    if (*seen_in == generation_) return;
    *seen_in = generation_;
    words_.push_back(word);
  }
  /// Marks lost (a memo cleared): words added before may come again.
  void ForgetMarks() { may_repeat_ = true; }
  /// The distinct words collected since the last Take or Clear (in no particular order),
  /// and forgets them.
  std::vector<std::string> Take();
  void Clear();

 private:
  std::vector<std::string> words_;
  bool may_repeat_ = false;  // words_ may hold a word twice
  uint64_t generation_ = 1;  // bumped by Take and Clear
};

/// Stemmer() with a memo of the words it has stemmed (the same stems; cleared after 65,536
/// distinct words, so memory stays bounded). For stemming much text whose vocabulary
/// repeats: an article's terms, the snippets of one result page. Each call returns a new
/// memo; like every Xapian object it is used from one thread at a time. When `collector`
/// is not null (not owned; it must outlive the stemmer), every word stemmed is added to it.
Xapian::Stem MemoisingStemmer(WordCollector* collector = nullptr);

/// STEM_ALL_Z: every word is indexed once, as its stem ("Z" + field prefix + stem), with
/// its position, so phrases and NEAR match stemmed forms ("security guarantee" finds
/// "security guarantees") and there is one posting and one position per word, not two
/// (STEM_SOME_FULL_POS also kept the unstemmed word with positions: 56 % more index and
/// 58 % more indexing time on Reuters-21578). Words as written are the index's vocabulary
/// (schema::kVocabularyKeyPrefix), for wildcards and spelling corrections. Set on both
/// sides.
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemStrategy =
    Xapian::TermGenerator::STEM_ALL_Z;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemStrategy =
    Xapian::QueryParser::STEM_ALL_Z;

/// The term a word gets under field prefix `prefix` ("" for the full text): "Z" + prefix
/// + stem. `word` is lower case, as the TermGenerator and QueryParser pass it.
std::string StemmedTerm(const Xapian::Stem& stemmer, absl::string_view prefix,
                        const std::string& word);

/// The term of stem `stem` under field prefix `prefix`: "Z" + prefix + stem. With an empty
/// `stem`, the start every term of that field has.
std::string TermOfStem(absl::string_view prefix, absl::string_view stem);

/// A word's term taken apart (the inverse of TermOfStem).
struct WordTerm {
  const schema::Field* field = nullptr;  // the free-text field; null: the full text
  absl::string_view stem;                // a view into the term
};

/// The field and stem of `term` when it is a word's term: TermOfStem's "Z" + prefix + stem
/// (also without the "Z", as an unstemmed word would be). nullopt for a term of a boolean
/// field, of an unknown prefix, or without a word ("Z", "ZS").
std::optional<WordTerm> SplitWordTerm(absl::string_view term);

/// Sets the stemmer and strategy on `generator`. Stopwords are indexed (phrases need them).
/// The generator gets its own MemoisingStemmer(collector).
void ConfigureTermGenerator(Xapian::TermGenerator& generator, WordCollector* collector = nullptr);

/// True when `word` (as typed, any case) is on the query stopword list.
bool IsQueryStopword(const std::string& word);

/// Sets the stemmer, strategy, English stopword list (dropped outside phrases) and every
/// field prefix from the schema on `parser`, except the name fields (Field::folds_names:
/// person:, said:), whose values must be folded by a Xapian::FieldProcessor; the searcher
/// registers those.
void ConfigureQueryParser(Xapian::QueryParser& parser);

}  // namespace newsgrep::analysis

#endif  // NEWSGREP_SCHEMA_ANALYSIS_H_
