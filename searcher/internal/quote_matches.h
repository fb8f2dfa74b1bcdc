// SPDX-License-Identifier: GPL-2.0-or-later
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

/// What a quote must have to answer `query` (a parsed query, wildcards expanded). Only
/// what the query asks for counts, not what it excludes (the part after NOT).
class QuoteFilter {
 public:
  explicit QuoteFilter(const Xapian::Query& query);
  /// True when `quote` answers the query: when the query has `said:` names, its speaker is
  /// one of them (every word of one name: said:zelensky, said:"volodymyr zelensky"); when it
  /// has words of the text (bare words, `quote:` words, phrases, acronyms), the quote holds
  /// one of them (a word in any form, an acronym in capitals).
  bool Matches(const StoredQuote& quote, const Xapian::Stem& stemmer) const;

 private:
  void Collect(const Xapian::Query& query);
  void AddTerm(const std::string& term);
  // said: names, each as its terms ("Z" + kSaidPrefix + stem).
  std::vector<std::vector<std::string>> said_;
  absl::flat_hash_set<std::string> words_;     // stems of text and quote: words
  absl::flat_hash_set<std::string> acronyms_;  // acronyms (schema::CaseTerm's)
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
  absl::flat_hash_set<std::string> seen_;           // collapse key + article id: once per article
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_QUOTE_MATCHES_H_
