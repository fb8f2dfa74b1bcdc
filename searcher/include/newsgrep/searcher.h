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
/// Query language (Xapian QueryParser with the schema's fields): words (all must match,
/// stemmed: "guarantee" finds "guarantees"), "quoted phrases", AND / OR / NOT (upper case),
/// +word / -word, word* wildcards, field:value for every field in schema.h (title:,
/// source:, dateline:, id:, cluster:), date:2025-08-18..2025-08-20 ranges (either end may
/// be left open) and single days (date:2025-08-20). Matches in boosted fields (the title)
/// rank higher; the factor comes from the schema at query time.
///
/// Story collapsing: the indexer puts near-duplicate versions of a story in one cluster.
/// By default a search returns one hit per cluster: the best-ranked version, and among
/// equally ranked versions (copies of the same text) the earliest dated, i.e. the original
/// wire story rather than a later republication. Hit::similar_count is the exact number of
/// other versions of that story in the index; Similar() lists them.
///
/// Thread safety: a Searcher is not thread-safe (Xapian databases are not): use one per
/// thread. Different Searchers on the same index may be used concurrently, also while one
/// writer indexes; call Reopen() to see commits made after Open.
#ifndef NEWSGREP_SEARCHER_SEARCHER_H_
#define NEWSGREP_SEARCHER_SEARCHER_H_

#include <cstddef>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "newsgrep/stored_article.h"

namespace newsgrep {

enum class SortOrder {
  kRelevance,  // BM25 score, best first
  kNewest,     // article date, newest first; relevance breaks ties
};

struct SearchOptions {
  /// Hits to skip (for paging). Default: 0.
  size_t offset = 0;
  /// Hits to return at most. Default: 10.
  size_t limit = 10;
  /// Make a highlighted snippet for each hit. Default: true.
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
};

/// A highlighted span of a snippet: bytes [begin, end) of Hit::snippet.
struct Highlight {
  size_t begin = 0;
  size_t end = 0;
};

struct Hit {
  size_t rank = 0;        // 1-based, counting the offset
  double score = 0;       // BM25 with field boosts; only comparable within one search
  StoredArticle article;  // everything stored except the body (left empty)
  std::string snippet;    // plain UTF-8, white space collapsed; "" when not requested
  std::vector<Highlight> highlights;  // matched words in `snippet`, in order
  std::string cluster_id;    // the story cluster (use with Similar() or `cluster:` queries)
  size_t similar_count = 0;  // other versions of this story in the index (exact)
};

/// One stored article with its story cluster.
struct ArticleRecord {
  StoredArticle article;     // everything stored, body included
  std::string cluster_id;
  size_t cluster_size = 0;   // versions of the story in the index, this one included
};

struct SearchResults {
  /// Matching stories (articles, when not collapsing): exact with
  /// SearchOptions::exact_count, otherwise Xapian's estimate (exact when total_is_exact).
  size_t total = 0;
  bool total_is_exact = false;
  std::vector<Hit> hits;
};

class Searcher {
 public:
  /// Opens the indexes at `db_paths` for reading, as one (Xapian sharding: results are
  /// merged and ranked together). REQUIRES: at least one path.
  /// Returns NotFound when a path holds no index, FailedPrecondition when an index was
  /// written by another schema version, DataLoss when it is corrupt.
  static absl::StatusOr<std::unique_ptr<Searcher>> Open(const std::vector<std::string>& db_paths);

  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Runs `query`. Returns InvalidArgument (the message quotes the query and says what is
  /// wrong) for a malformed query, an unknown field, or a query with no searchable words;
  /// Aborted when the index kept changing underneath (retry); DataLoss when corrupt.
  absl::StatusOr<SearchResults> Search(absl::string_view query, const SearchOptions& options);

  /// The article whose id is `id`. Returns NotFound when there is none.
  absl::StatusOr<ArticleRecord> Get(absl::string_view id);

  /// The other versions of the story that article `id` belongs to, earliest first (undated
  /// last). Returns NotFound when there is no article `id`; an empty list when it has no
  /// near-duplicates.
  absl::StatusOr<std::vector<ArticleRecord>> Similar(absl::string_view id);

  /// Re-reads the indexes to see the latest commit.
  absl::Status Reopen();

  /// Number of articles in the opened indexes.
  size_t article_count() const;

 private:
  struct State;
  explicit Searcher(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace newsgrep

#endif  // NEWSGREP_SEARCHER_SEARCHER_H_
