// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_set.h
/// @brief The benchmark's query set: deterministic, derived from the corpus itself (terms
/// by document-frequency band, pairs that co-occur, phrases and proximity pairs that occur
/// in the text, names and quotations), written as a TSV so every engine gets the same
/// queries, each in its own syntax.
///
/// Example:
///   bench::QuerySet set;
///   absl::Status s = bench::DeriveQuerySet(corpus, reuters_path, xapian_db, 50, &set);
///   if (s.ok()) s = bench::WriteQuerySet(corpus.dir + "/queries.tsv", set);
///
/// Thread safety: plain values and functions without state.
#ifndef NEWSGREP_BENCH_QUERY_SET_H_
#define NEWSGREP_BENCH_QUERY_SET_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace newsgrep::bench {

struct Corpus;

/// Bump when derivation changes: cached query sets are then derived again.
inline constexpr int kQuerySetVersion = 2;

enum class QueryClass {
  kTerm,      // one word
  kAnd,       // two words that co-occur: a AND b
  kPhrase2,   // "a b" as it occurs in the text
  kPhrase3,   // "a b c"
  kNear,      // a and b at most 4 words apart, either order
  kAdj,       // a before b, at most 4 words apart
  kDate,      // one word, dated within a window of 1/8 of the corpus's time span
  kPerson,    // person:NAME          (peers: the name as a phrase in the text)
  kLocation,  // location:PLACE       (peers: the place as a phrase in the text)
  kQuote,     // quote:"a b"          (peers: the words as a phrase in the text)
  kDup,       // two title words of an article that has near-duplicates
};
inline constexpr std::array<QueryClass, 11> kAllClasses = {
    QueryClass::kTerm,     QueryClass::kAnd,   QueryClass::kPhrase2, QueryClass::kPhrase3,
    QueryClass::kNear,     QueryClass::kAdj,   QueryClass::kDate,    QueryClass::kPerson,
    QueryClass::kLocation, QueryClass::kQuote, QueryClass::kDup};

/// "term", "and", "phrase2", "phrase3", "near", "adj", "date", "person", "location",
/// "quote", "dup".
std::string_view ClassName(QueryClass query_class);
std::optional<QueryClass> ClassFromName(std::string_view name);

/// Proximity window in the sense of FTS5's NEAR(a b, N): at most N words between a and b.
/// Xapian's `a NEAR/n b` allows n-1 words between, so it is written NEAR/(N+1).
inline constexpr int kProximityGap = 4;

/// One query, in each engine's syntax.
struct QueryRow {
  QueryClass query_class = QueryClass::kTerm;
  std::string newsgrep;   // newsgrep's query language
  std::string xapian;     // Xapian QueryParser (default flags, date: range processor)
  std::string fts5;       // FTS5 MATCH expression; "" when FTS5 has no form of it
  std::string date_from;  // FTS5 only: date column range, YYYYMMDD, when set
  std::string date_to;
};

struct QuerySet {
  std::vector<QueryRow> rows;
  /// Per class: how the queries were found, and any shortfall (fewer distinct queries
  /// than asked are cycled). Written as TSV comments.
  std::map<QueryClass, std::string> notes;
  std::vector<const QueryRow*> Of(QueryClass query_class) const;
};

/// Derives `per_class` queries of every class from the corpus at `corpus.path`, using
/// the raw Xapian index at `xapian_db` for document frequencies and to check that each
/// query matches, and the Reuters labels at `reuters_path` for people and places.
/// Deterministic: the same corpus and index give the same set.
absl::Status DeriveQuerySet(const Corpus& corpus, const std::string& reuters_path,
                            const std::string& xapian_db, size_t per_class, QuerySet* out);

/// TSV: class, newsgrep, xapian, fts5, fts5_date_from, fts5_date_to; `#` comments.
absl::Status WriteQuerySet(const std::string& path, const QuerySet& set);
absl::StatusOr<QuerySet> ReadQuerySet(const std::string& path);

/// newsgrep's query stopwords (analysis::IsQueryStopword) and the operator words of the
/// query languages (not, near, adj, xor): words the derivation never uses as a
/// stand-alone query word, since newsgrep would drop them and the peers would not.
bool IsQueryStopword(std::string_view word);

}  // namespace newsgrep::bench

#endif  // NEWSGREP_BENCH_QUERY_SET_H_
