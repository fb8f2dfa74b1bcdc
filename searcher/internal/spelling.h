// SPDX-License-Identifier: GPL-2.0-or-later
/// @file spelling.h
/// @brief "Did you mean …?" from the words already in the index: its vocabulary (the words
/// as written, internal/vocabulary.h) is read once and kept in memory; a word whose term the index
/// does not contain is compared with each of them by edit distance (Damerau–Levenshtein, adjacent
/// transpositions count one edit). A candidate counts only when its own term is in the field asked
/// about; its frequency is that term's (the number of articles with a word of that stem in that
/// field).
///
/// Choice of correction: the smallest distance (at most 1 for words of up to 4 letters,
/// 2 otherwise), then the most frequent, then the alphabetically first. Words shorter
/// than 3 letters, and words with digits, are not corrected.
///
/// Thread safety: a SpellingCorrector is not thread-safe (it caches); one per Searcher.
#ifndef NEWSGREP_SEARCHER_INTERNAL_SPELLING_H_
#define NEWSGREP_SEARCHER_INTERNAL_SPELLING_H_

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
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
  SpellingCorrector();

  /// The best correction of `word` (lower case, as the parser reads it) among the
  /// vocabulary words of `shards` whose terms are in the field with term prefix `prefix`
  /// ("" for the full text) of `db` (those shards searched together), or "" when none is
  /// close enough. The first call reads the vocabulary.
  std::string Suggest(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                      const std::string& prefix, const std::string& word);

  /// Forgets what was read (call after the database was reopened).
  void Clear() {
    fields_.clear();
    vocabulary_.reset();
  }

 private:
  struct Entry {
    std::string word;
    std::u32string letters;
    std::string stem;
  };
  // A vocabulary word whose term is in a field, with that term's frequency.
  struct Candidate {
    const Entry* entry;
    Xapian::doccount frequency;
  };
  const std::vector<Entry>& Vocabulary(const std::vector<Xapian::Database>& shards);
  // The vocabulary words whose terms are in the field with term prefix `prefix` (not
  // ""): read once per field, so that a correction scans the field's words, not all.
  const std::vector<Candidate>& FieldCandidates(const Xapian::Database& db,
                                                const std::vector<Xapian::Database>& shards,
                                                const std::string& prefix);

  std::optional<std::vector<Entry>> vocabulary_;
  std::map<std::string, std::vector<Candidate>> fields_;  // by term prefix
  Xapian::Stem stemmer_;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_SPELLING_H_
