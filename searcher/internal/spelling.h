/// @file spelling.h
/// @brief "Did you mean …?" from the words already in the index, with no spelling data
/// written at index time: the terms of a field are read once (Database::allterms) and
/// kept in memory; a word the index does not contain is compared with each of them by
/// edit distance (Damerau–Levenshtein, adjacent transpositions count one edit).
///
/// Choice of correction: the smallest distance (at most 1 for words of up to 4 letters,
/// 2 otherwise), then the word in the most articles, then the alphabetically first.
/// Words shorter than 3 letters, and words with digits, are not corrected.
///
/// Thread safety: a SpellingCorrector is not thread-safe (it caches); one per Searcher.
#ifndef NEWSGREP_SEARCHER_INTERNAL_SPELLING_H_
#define NEWSGREP_SEARCHER_INTERNAL_SPELLING_H_

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// Edit distance between `a` and `b` (UTF-8, compared by code point), or `limit` + 1 when
/// it exceeds `limit`.
size_t EditDistance(absl::string_view a, absl::string_view b, size_t limit);

class SpellingCorrector {
 public:
  /// The best correction of `word` (lower case, as the parser reads it) among the terms
  /// of the field with term prefix `prefix` ("" for the full text) in `db`, or "" when
  /// none is close enough. The first call for a prefix reads that field's terms.
  std::string Suggest(const Xapian::Database& db, const std::string& prefix,
                      const std::string& word);

  /// Forgets what was read (call after the database was reopened).
  void Clear() { vocabularies_.clear(); }

 private:
  struct Entry {
    std::string word;  // without the prefix
    std::u32string letters;
    Xapian::doccount frequency = 0;
  };
  const std::vector<Entry>& Vocabulary(const Xapian::Database& db, const std::string& prefix);

  std::map<std::string, std::vector<Entry>> vocabularies_;  // by prefix
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_SPELLING_H_
