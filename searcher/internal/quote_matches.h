/// @file quote_matches.h
/// @brief Which quotes of matching articles answer a query (Searcher::Quotes): those by a
/// speaker the query's `said:` names and holding one of its words, each quote once.
///
/// Thread safety: plain values; one thread per QuoteCollector.
#ifndef NEWSGREP_SEARCHER_INTERNAL_QUOTE_MATCHES_H_
#define NEWSGREP_SEARCHER_INTERNAL_QUOTE_MATCHES_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "newsgrep/searcher.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {

/// What a quote must have to answer `query` (a parsed query, wildcards expanded).
class QuoteFilter {
 public:
  explicit QuoteFilter(const Xapian::Query& query);
  /// True when `quote` answers the query: when the query has `said:` names, its speaker is
  /// one of them (any word of a name: said:zelensky); when it has words of the text (bare
  /// words, `quote:` words, phrases), the quote holds one of them in any form (stemmed).
  bool Matches(const StoredQuote& quote, const Xapian::Stem& stemmer) const;

 private:
  absl::flat_hash_set<std::string> said_;   // said: terms ("Z" + kSaidPrefix + stem)
  absl::flat_hash_set<std::string> words_;  // stems of text and quote: words
};

/// Collects the matching quotes of articles visited in ranking order. With `collapse`, a
/// quote (speaker and text, white space and case aside) found in several articles is kept
/// once, from its earliest dated article, with the number of articles carrying it.
class QuoteCollector {
 public:
  explicit QuoteCollector(bool collapse) : collapse_(collapse) {}
  void Add(const StoredArticle& article, const StoredQuote& quote);
  /// The quotes, grouped by speaker (most quoted first, unattributed last), each speaker's
  /// in date order (undated last).
  std::vector<QuoteHit> Take() &&;

 private:
  bool collapse_;
  std::vector<QuoteHit> quotes_;
  absl::flat_hash_map<std::string, size_t> index_;  // collapse key → position in quotes_
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_QUOTE_MATCHES_H_
