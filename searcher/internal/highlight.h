// SPDX-License-Identifier: GPL-2.0-or-later
/// @file highlight.h
/// @brief Snippets and highlights on the text a person reads (the stored clean body or the
/// title), word-exact: a phrase is highlighted where the whole phrase occurs, a NEAR/ADJ
/// chain where the chain matched (its sides, not the words between), a field word
/// (title:summit, quote:…) wherever it occurs in the text, a plain word wherever it or a
/// word with the same stem occurs. Words only in NOT branches are not highlighted, nor
/// words of fields that are not part of the text (source:, dateline:, id:, cluster:).
///
/// Xapian's MSet::snippet is not used: it highlights no phrase at all when the parser
/// stems phrase words (as analysis::kQueryStemStrategy does), no field words, and NEAR only
/// word by word.
///
/// Thread safety: a HighlightPlan is immutable after construction but holds Xapian
/// queries, whose reference counts are not atomic: use it from one thread at a time.
#ifndef NEWSGREP_SEARCHER_INTERNAL_HIGHLIGHT_H_
#define NEWSGREP_SEARCHER_INTERNAL_HIGHLIGHT_H_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "internal/proximity.h"
#include "internal/text_words.h"

namespace newsgrep::internal {

/// The full-text term a query term `term` stands for: "" when it is not a word's stem
/// ("Z" + prefix + stem) or belongs to a field whose words are not in the title or body.
/// "ZSsecur" → "Zsecur", "Zsecur" → "Zsecur", "ZXSOURCEwire" → "", "Q123" → "".
std::string TextTermFor(absl::string_view term);

/// What to highlight, taken from a parsed query (before field boosts are added).
class HighlightPlan {
 public:
  HighlightPlan() = default;
  /// `proximity`: the query's NEAR/ADJ chains; `proximity_queries`: what ProximityQuery
  /// made of each (the same index), by which they are recognised in `query`.
  HighlightPlan(const Xapian::Query& query,
                std::vector<std::shared_ptr<const ProximityExpr>> proximity,
                const std::vector<Xapian::Query>& proximity_queries);

  /// For each of `words` = SplitWords(text) (of one text field), whether it is a match
  /// (1 or 0: bytes rather than std::vector<bool>, whose bit access was a quarter
  /// of MakeSnippet's instructions).
  /// `stemmer` stems the words as the indexer did; for the texts of one result page, pass
  /// one analysis::MemoisingStemmer() to all (the same words recur in its hits).
  std::vector<char> Matched(absl::string_view text, const std::vector<TextWord>& words,
                            const Xapian::Stem& stemmer) const;

 private:
  void Collect(const Xapian::Query& query);

  std::vector<SpanPattern> spans_;  // terms, phrases, wildcards, ORs of those
  std::vector<std::shared_ptr<const ProximityExpr>> table_;
  std::vector<std::string> descriptions_;  // of the queries made of table_
  std::vector<std::shared_ptr<const ProximityExpr>> chains_;
};

struct Snippet {
  std::string text;                                   // white space collapsed; `omit` marks a cut
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges in `text`
};

/// An excerpt of `text` of about `length` bytes (whole words) showing the most distinct
/// matched words, starting at a sentence start when that fits; the start of the text when
/// nothing matched. `words` = SplitWords(text), `matched` = Matched(text, words).
Snippet MakeSnippet(absl::string_view text, const std::vector<TextWord>& words,
                    const std::vector<char>& matched, size_t length,
                    absl::string_view omit = "\xE2\x80\xA6");

/// Byte ranges of the matched words in `text` itself (for the title).
std::vector<std::pair<size_t, size_t>> MatchedRanges(const std::vector<TextWord>& words,
                                                     const std::vector<char>& matched);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_HIGHLIGHT_H_
