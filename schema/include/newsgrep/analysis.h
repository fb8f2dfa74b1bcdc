/// @file analysis.h
/// @brief The one text-analysis setup (language, stemmer, stemming strategy, stopwords)
/// shared by the indexer and the searcher, so a query is analysed exactly as the index was.
///
/// Thread safety: the functions are safe to call from any thread; the Xapian objects they
/// configure are not thread-safe and belong to the caller.
#ifndef NEWSGREP_SCHEMA_ANALYSIS_H_
#define NEWSGREP_SCHEMA_ANALYSIS_H_

#include <xapian.h>

#include <string>

namespace newsgrep::analysis {

/// English Snowball stemmer (Xapian's own Snowball implementation).
Xapian::Stem Stemmer();

/// Stemmer() with a memo of the words it has stemmed (the same stems; cleared after 65,536
/// distinct words, so memory stays bounded). For stemming much text whose vocabulary
/// repeats: an article's terms, the snippets of one result page. Each call returns a new
/// memo; like every Xapian object it is used from one thread at a time.
Xapian::Stem MemoisingStemmer();

/// STEM_SOME_FULL_POS: stemmed terms carry positions too, so phrases and NEAR match
/// stemmed forms ("security guarantee" finds "security guarantees"). Set on both sides.
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemStrategy =
    Xapian::TermGenerator::STEM_SOME_FULL_POS;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemStrategy =
    Xapian::QueryParser::STEM_SOME_FULL_POS;

/// Sets the stemmer and strategy on `generator`. Stopwords are indexed (phrases need them).
/// The generator gets its own MemoisingStemmer().
void ConfigureTermGenerator(Xapian::TermGenerator& generator);

/// True when `word` (as typed, any case) is on the query stopword list.
bool IsQueryStopword(const std::string& word);

/// Sets the stemmer, strategy, English stopword list (dropped outside phrases) and every
/// field prefix from the schema on `parser`, except the name fields (Field::folds_names:
/// person:, said:), whose values must be folded by a Xapian::FieldProcessor; the searcher
/// registers those.
void ConfigureQueryParser(Xapian::QueryParser& parser);

}  // namespace newsgrep::analysis

#endif  // NEWSGREP_SCHEMA_ANALYSIS_H_
