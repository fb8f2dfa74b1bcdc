// SPDX-License-Identifier: GPL-2.0-or-later
/// @file searcher.h
/// @brief Searching a newsgrep index: the embedding API.
///
/// Example:
///   auto searcher = newsgrep::Searcher::Open({"/var/lib/news/index"});
///   if (!searcher.ok()) return searcher.status();
///   auto results = (*searcher)->Search("\"security guarantees\" nato", {.limit = 10});
///   if (!results.ok()) return results.status();   // InvalidArgument: bad query syntax
///   for (const newsgrep::Hit& hit : results->hits) Use(hit.article.title, hit.snippet);
///
/// Query language (README.md, "Query language"; query_builder.h builds it from code):
/// words (all must match, stemmed: "guarantee" finds "guarantees"), "quoted phrases"
/// (stemming-aware), AND / OR / NOT (upper case), +word / -word, word* wildcards,
/// field:value and field:"phrase" for every field in schema.h (title:, source:,
/// dateline:, id:, cluster:, and the entity fields when the schema has them), exact
/// proximity `a NEAR/n b` (either order) and `a ADJ/n b` (a first) where a and b may be
/// words, phrases, field terms, wildcards or (x OR y) — at most n words between them —,
/// date:2025-08-18..2025-08-20 ranges (either end may be left open) and single days
/// (date:2025-08-20). Matches in boosted fields (the title) rank higher; the factor comes
/// from the schema at query time. Malformed queries are InvalidArgument with the column.
///
/// Story collapsing: the indexer puts near-duplicate versions of a story in one cluster.
/// By default a search returns one hit per cluster: the best-ranked version, and among
/// equally ranked versions (copies of the same text) the earliest dated, i.e. the original
/// wire story rather than a later republication (with SortOrder::kRecencyBoosted, whose
/// bonus favours later versions anyway, the newest). Hit::similar_count is the exact number of
/// other versions of that story in the index; Similar() lists them.
///
/// Remote shards: a stock xapian-tcpsrv runs only Xapian's own classes. Exact story counts,
/// facets and timelines are gathered there with Xapian's ValueCountMatchSpy, the recency
/// bonus is Xapian's ValueMapPostingSource everywhere, and the time limit bounds each
/// server's answer (OpenOptions::remote_timeout). Limitation: NEAR/ADJ with a phrase, a
/// field phrase, a wildcard or an OR group on a side (or a chain of three or more sides)
/// is checked by a Xapian::PostingSource of newsgrep's, so it works on local (also
/// sharded) databases but not through Xapian's remote backend; NEAR/ADJ between two
/// single words is Xapian's own operator and works everywhere.
///
/// Thread safety: a Searcher is not thread-safe (Xapian databases are not): use one per
/// thread, or hand them out with a SearcherPool (searcher_pool.h). Different Searchers on
/// the same index may be used concurrently, also while one writer indexes; call Reopen()
/// to see commits made after Open. A ParsedQuery belongs to the thread that made it.
///
/// Lifetimes: results (SearchResults, Hit, ArticleRecord) are plain values that own their
/// data and outlive the Searcher. A ParsedQuery may outlive its Searcher, but is meant to
/// be run by the Searcher that parsed it.
#ifndef NEWSGREP_SEARCHER_SEARCHER_H_
#define NEWSGREP_SEARCHER_SEARCHER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "newsgrep/dates.h"
#include "newsgrep/index_location.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep {

namespace internal {
struct ParsedQueryRep;
}  // namespace internal

/// The width of a timeline's bars (SearchOptions::timeline).
enum class TimelineUnit {
  kAuto,  // from the span of the matches' dates: days when that makes at most 62 bars,
          // else weeks when at most 60, else months when at most 60, else years
  kDay,
  kWeek,  // ISO weeks, Monday to Sunday
  kMonth,
  kYear,
};

/// "auto", "day", "week", "month", "year": a unit's name, as the CLI and JSON write it.
absl::string_view TimelineUnitName(TimelineUnit unit);
/// The unit named `name` (TimelineUnitName); nullopt for any other name.
std::optional<TimelineUnit> TimelineUnitNamed(absl::string_view name);

enum class SortOrder {
  kRelevance,  // BM25 score, best first
  kNewest,     // article date, newest first; relevance breaks ties
  /// Relevance plus a bonus for recent articles: score = BM25 (with field boosts) +
  /// recency_weight × 2^(−age / recency_half_life_days), age in whole days (UTC calendar
  /// days) before recency_reference's day (undated articles get no bonus); equal scores
  /// newest first. Which articles match is unchanged. The same through remote shards.
  kRecencyBoosted,
};

struct SearchOptions {
  /// Hits to skip (for paging). Default: 0.
  size_t offset = 0;
  /// Hits to return at most. Default: 10.
  size_t limit = 10;
  /// Make a highlighted snippet for each hit (the only thing that reads a hit's stored
  /// body). Default: true.
  bool snippets = true;
  /// Snippet length in bytes (approximate, cut at word boundaries). Default: 240.
  size_t snippet_length = 240;
  /// Count every match exactly instead of estimating (slower on large indexes: every
  /// match is visited; with `collapse`, stories are counted). Default: false.
  bool exact_count = false;
  /// Default: kRelevance.
  SortOrder sort = SortOrder::kRelevance;
  /// One hit per story cluster. Default: true.
  bool collapse = true;
  /// Only articles dated at or after this time (UTC; a date without time means its
  /// midnight). Undated articles never match. The CLI's `--since 7d` computes it from the
  /// clock, so the library stays deterministic. Default: none.
  std::optional<NewsDate> since = std::nullopt;
  /// With kRecencyBoosted: the bonus of an article dated at the reference time. BM25
  /// scores of a good match are typically 2–10. Default: 1.0. REQUIRES: >= 0.
  double recency_weight = 1.0;
  /// With kRecencyBoosted: days after which the bonus halves. Default: 7. REQUIRES: > 0.
  double recency_half_life_days = 7.0;
  /// With kRecencyBoosted: "now" for ages. Default: the newest article date in the index
  /// (deterministic, and right for archives as well as live feeds).
  std::optional<NewsDate> recency_reference = std::nullopt;
  /// Fill SearchResults::suggestion when a query word is not in the index. Default: true.
  bool spelling_suggestions = true;
  /// The time the match may take (the match and the exact count; not parsing, which the
  /// wildcard limit bounds, nor reading the page's hits). When it runs out the search stops within
  /// about a candidate's check and returns DeadlineExceeded, never a partial result. Not with
  /// Xapian's remote backend, which cannot run the check (the limitation below). Default: no limit.
  /// REQUIRES: > 0.
  absl::Duration time_limit = absl::InfiniteDuration();
  /// Count the values of these facets among all matches (SearchResults::facets, in this
  /// order): stories with `collapse` (a story counts once for a value when any of its
  /// matching versions has it), else articles. Exact: every match is visited, as with
  /// exact_count (and the total becomes exact too). Not with Xapian's remote backend.
  /// Default: none.
  std::vector<schema::Facet> facets = {};
  /// Values listed per facet, most counted first. Default: 10.
  size_t facet_limit = 10;
  /// Count the matches per date (SearchResults::timeline): stories with `collapse`, each
  /// at its earliest matching version's date, else articles. Visits every match, like
  /// `facets`. Default: none.
  std::optional<TimelineUnit> timeline = std::nullopt;
};

/// One value of a facet with the matches that have it.
struct FacetValue {
  std::string key;    // what is counted (facet_record.h): "volodymyr zelensky", "kyiv"
  std::string name;   // how to show it: "Volodymyr Zelenskyy", "Kyiv", "Continental Wire"
                      // (of its spellings among the matches: the longest, then the one
                      // with more capitalised words)
  size_t count = 0;   // matching stories (articles without collapsing) with this value
  std::string query;  // a query term selecting it: `person:"volodymyr zelensky"`
};

/// The counts of one facet (SearchOptions::facets).
struct FacetCounts {
  schema::Facet facet = schema::Facet::kPerson;
  std::string name;                // the facet's name: "person"
  size_t distinct = 0;             // values among all matches (values lists the top ones)
  std::vector<FacetValue> values;  // most counted first, ties by key
};

/// Matches per date bucket (SearchOptions::timeline).
struct Timeline {
  TimelineUnit unit = TimelineUnit::kDay;  // never kAuto: the unit used
  struct Bucket {
    std::string start;  // the bucket's first day, "2025-08-18" (a week's Monday)
    std::string label;  // "2025-08-18" (day, week), "2025-08" (month), "2025" (year)
    size_t count = 0;
  };
  /// From the earliest match's bucket to the latest's, every bucket (empty ones too).
  std::vector<Bucket> buckets;
  size_t undated = 0;  // matches without a date (in no bucket)
};

/// A highlighted span of a snippet: bytes [begin, end) of Hit::snippet.
struct Highlight {
  size_t begin = 0;
  size_t end = 0;
};

struct Hit {
  size_t rank = 0;   // 1-based, counting the offset
  double score = 0;  // BM25 with field boosts; only comparable within one search
  /// Everything stored but the bodies (`body` and `original_body` are left empty): read
  /// from the display record, so a hit costs no body decoding; Get() returns the bodies.
  StoredArticle article;
  std::string snippet;                // plain UTF-8, white space collapsed; "" when not requested
  std::vector<Highlight> highlights;  // matched words in `snippet`, in order
  /// Matched words in `article.title` (byte ranges), in order; filled with the snippet.
  std::vector<Highlight> title_highlights;
  std::string cluster_id;    // the story cluster (use with Similar() or `cluster:` queries)
  size_t similar_count = 0;  // other versions of this story in the index (exact)
};

/// One stored article with its story cluster.
struct ArticleRecord {
  StoredArticle article;  // everything stored, body included
  std::string cluster_id;
  size_t cluster_size = 0;  // versions of the story in the index, this one included
};

struct SearchResults {
  /// Matching stories (articles, when not collapsing): exact with
  /// SearchOptions::exact_count, otherwise Xapian's estimate (exact when total_is_exact).
  size_t total = 0;
  bool total_is_exact = false;
  std::vector<Hit> hits;
  /// The query with each word the index does not contain replaced by the closest word it
  /// does contain ("did you mean …?"); "" when every word is known or nothing is close.
  /// Computed whether or not there are hits (a caller may show it only when there are none).
  std::string suggestion;
  /// One per SearchOptions::facets, in its order; empty when none was asked for.
  std::vector<FacetCounts> facets;
  /// With SearchOptions::timeline.
  std::optional<Timeline> timeline;
  /// With OpenOptions::partial: the shards left out of this answer (could not be opened, or
  /// failed during a search), each named as OpenOptions says, with what happened. Empty
  /// when every shard answered.
  std::vector<std::string> missing_shards;
};

/// A quotation that answers a query (Searcher::Quotes).
struct QuoteHit {
  std::string text;         // the words inside the marks (StoredQuote::text)
  std::string speaker;      // as written; "" when the quote is not attributed
  std::string speaker_key;  // the speaker's canonical key; "" when none
  /// The article it is quoted from: with collapsing, the earliest dated of the articles
  /// carrying it (the original, not a republication).
  std::string article_id;
  std::string title;
  std::string date;  // the article's (ISO 8601), "" when undated
  std::string source;
  size_t versions = 1;  // articles carrying this quote (1 without collapsing)
};

/// What Searcher::Quotes found.
struct QuoteResults {
  size_t total = 0;              // matching quotes (before offset and limit)
  std::vector<QuoteHit> quotes;  // the page of them: options.offset, options.limit
  size_t articles_read = 0;      // matching articles whose quotes were read
  /// True when more articles matched than the kMaxQuoteArticles best-ranked that were read.
  bool articles_capped = false;
  /// As SearchResults::missing_shards.
  std::vector<std::string> missing_shards;
};

/// The most matching articles Searcher::Quotes reads quotes from (the best ranked first).
inline constexpr size_t kMaxQuoteArticles = 5000;

/// What Searcher::TopEntities counts.
enum class EntityKind { kPerson, kPlace };

/// A place in an article's body where one of its people or places is named (NameMentions).
struct NameMention {
  size_t begin = 0;  // bytes [begin, end) of StoredArticle::body
  size_t end = 0;
  EntityKind kind = EntityKind::kPerson;
  std::string key;  // the person's or place's key (StoredPerson::key, StoredLocation::key)
  bool operator==(const NameMention&) const = default;
};

/// Where the people and places the indexer found in `article` are named in its body: each
/// person's name as stored and its last word of three letters or more (the surname alone:
/// "Sokolov said"), each
/// place's name as written and its gazetteer name, as whole words written exactly so
/// (case included); where two overlap, the longer. In body order. Pure: reads only
/// `article`.
std::vector<NameMention> NameMentions(const StoredArticle& article);

/// A person or place with the number of articles that name it (Searcher::TopEntities).
struct EntityCount {
  std::string key;   // the canonical key the indexer writes (schema.h): "keir starmer", "kyiv"
  std::string name;  // people: the fullest spelling seen; places: the gazetteer's name
  std::string kind;  // places: "country", "region", "city", "area" or "place"; people: ""
  /// Articles naming it. A person key of one word (a surname alone) is counted with the
  /// one full name ending in it, when the index holds exactly one such name.
  size_t articles = 0;
  /// Spellings as written, from up to 20 of those articles, in the order first seen.
  std::vector<std::string> spellings;
};

/// A query checked and parsed once (Searcher::Parse), to run many times or inspect.
/// Copying is cheap (shared, immutable). A default-constructed ParsedQuery is empty:
/// Search() rejects it with InvalidArgument.
class ParsedQuery {
 public:
  ParsedQuery() = default;
  /// The query text as given to Parse.
  const std::string& text() const;
  /// Xapian's description of the parsed query, for logs and debugging (not stable).
  std::string DebugString() const;
  /// Whether the query has NEAR/ADJ. (Those with more than a single word on a side, or
  /// more than two sides, are checked by newsgrep's PostingSource; see the limitation
  /// above.)
  bool has_proximity() const;
  bool empty() const { return rep_ == nullptr; }

 private:
  friend class Searcher;
  std::shared_ptr<const internal::ParsedQueryRep> rep_;
};

/// How Searcher::Open opens its indexes.
struct OpenOptions {
  /// What the index locations may be (index_location.h). Default: no programs.
  IndexLocationPolicy location_policy = {};
  /// How long a remote shard (a server a stub file names) may take to accept the connection,
  /// and then to send each answer: past it the open or the search fails with
  /// DeadlineExceeded naming the shard, or, with `partial`, goes on without it. Default:
  /// 10 s (Xapian's). REQUIRES: at least 1 ms.
  absl::Duration remote_timeout = absl::Seconds(10);
  /// Answer from the remote shards that can be reached: one that cannot be opened, or that
  /// fails or times out during a search, is left out from then on and named in
  /// SearchResults::missing_shards. Local shards are never left out. Default: false (any
  /// failing shard fails the open or the search, with a message naming it).
  bool partial = false;
};

class Searcher {
 public:
  /// Opens the indexes at `db_paths` for reading, as one (Xapian sharding: results are
  /// merged and ranked together). Each path is a directory or a Xapian stub file, checked
  /// first (index_location.h): a stub entry that would run a program is refused unless
  /// the location policy allows it. Stubs are followed by newsgrep, so that each shard is
  /// opened, timed and named on its own (`remote HOST:PORT` through
  /// Xapian::Remote::open with options.remote_timeout). REQUIRES: at least one path.
  /// Returns InvalidArgument / PermissionDenied for a path that is not an index location,
  /// NotFound when a path holds no index (DataLoss when it holds database files that cannot
  /// be opened), FailedPrecondition when an index was written by
  /// another schema version, DataLoss when it is corrupt or has lost its word positions
  /// (CheckIndex in index_check.h looks closer), Unavailable or DeadlineExceeded naming a
  /// remote shard that cannot be reached (with options.partial: only when none can).
  static absl::StatusOr<std::unique_ptr<Searcher>> Open(const std::vector<std::string>& db_paths,
                                                        const OpenOptions& options = {});

  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Runs `query`. Returns InvalidArgument (the message says what is wrong and, for
  /// syntax errors, ends with the query and a caret under the column) for a malformed
  /// query, an unknown field, a bad date or range, a bad NEAR/ADJ, or a query with no
  /// searchable words; DeadlineExceeded when the match took longer than
  /// options.time_limit; Aborted when the index kept changing underneath (retry); DataLoss
  /// when corrupt.
  absl::StatusOr<SearchResults> Search(absl::string_view query, const SearchOptions& options);

  /// Runs a query made by Parse. Same results and errors as Search(query.text(), options),
  /// without parsing again. InvalidArgument for an empty ParsedQuery.
  absl::StatusOr<SearchResults> Search(const ParsedQuery& query, const SearchOptions& options);

  /// The quotations that answer `query`, not the articles: the quotes of the matching
  /// articles (the kMaxQuoteArticles best ranked) by a speaker the query's `said:` names,
  /// if it names one, and holding one of the query's words (bare words, `quote:` words,
  /// phrase words, in any form), if it has any. With options.collapse, each quote once
  /// (QuoteHit::versions). Grouped by speaker, most quoted first (unattributed quotes
  /// last), each speaker's in date order. options.offset and options.limit page the quotes;
  /// since and time_limit apply as in Search; snippets, sort, facets and timeline do not.
  /// Errors as Search.
  absl::StatusOr<QuoteResults> Quotes(absl::string_view query, const SearchOptions& options);

  /// Checks and parses `query` (the errors of Search for a malformed query) without
  /// running it.
  absl::StatusOr<ParsedQuery> Parse(absl::string_view query);

  /// The article whose id is `id`. Returns NotFound when there is none.
  absl::StatusOr<ArticleRecord> Get(absl::string_view id);

  /// The other versions of the story that article `id` belongs to, earliest first (undated
  /// last). Returns NotFound when there is no article `id`; an empty list when it has no
  /// near-duplicates.
  absl::StatusOr<std::vector<ArticleRecord>> Similar(absl::string_view id);

  /// The `limit` people or places named in the most articles of the opened indexes (all
  /// shards together), most articles first, ties in key order. Counts come from the key
  /// terms' frequencies (cheap: no document is read for them); names and spellings from the
  /// stored records of up to 20 articles per listed entity. DataLoss when the index is
  /// corrupt.
  absl::StatusOr<std::vector<EntityCount>> TopEntities(EntityKind kind, size_t limit);

  /// Re-reads the indexes to see the latest commit. Cheap when nothing changed.
  absl::Status Reopen();

  /// Number of articles in the opened indexes.
  size_t article_count() const;

 private:
  struct State;
  explicit Searcher(std::unique_ptr<State> state);
  // The query the match runs: `rep`'s with options.since and the time budget.
  Xapian::Query MatchQuery(const internal::ParsedQueryRep& rep, const SearchOptions& options);
  // `mset`: the match of `query` (its term statistics say which words the index has).
  std::string Suggest(const internal::ParsedQueryRep& query, const Xapian::MSet& mset);
  // After `error` (a network error) from a search: reconnects the remote shards and
  // returns the ones that fail, named, as an error; with OpenOptions::partial, OK having
  // left them out (unless none would be left). When none fails: OK if `may_retry`.
  absl::Status LeaveOutFailedShards(const Xapian::Error& error, absl::string_view context,
                                    bool may_retry);
  std::unique_ptr<State> state_;
};

}  // namespace newsgrep

#endif  // NEWSGREP_SEARCHER_SEARCHER_H_
