// SPDX-License-Identifier: GPL-2.0-or-later
/// @file engines.h
/// @brief The three engines the suite compares, over the same articles and queries:
/// newsgrep (through its public Indexer/Searcher API), raw Xapian (plain TermGenerator and
/// QueryParser with the English stemmer, no newsgrep layers) and SQLite FTS5
/// (tokenize='porter unicode61', ORDER BY bm25 rank).
///
/// Example:
///   size_t n = 0;
///   absl::Status s = bench::BuildIndex(bench::Engine::kXapian, corpus.path, db, &n);
///   auto engine = bench::OpenQueryEngine(bench::Engine::kXapian, db);
///   auto hits = (*engine)->Run(row);  // top 10 + stored title
///
/// Thread safety: a QueryEngine is not thread-safe (neither are the databases it holds).
#ifndef NEWSGREP_BENCH_ENGINES_H_
#define NEWSGREP_BENCH_ENGINES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "query_set.h"

namespace newsgrep::bench {

enum class Engine { kNewsgrep, kXapian, kFts5 };

/// "newsgrep", "xapian", "fts5".
std::string_view EngineName(Engine engine);
/// Parses EngineName's output; false when unknown.
bool EngineFromName(std::string_view name, Engine* engine);

/// What identifies an engine's index format beyond the corpus: library version, schema
/// version, and for newsgrep a fingerprint of the schema+indexer sources (so a change to
/// the indexer rebuilds the cached index).
std::string IndexKey(Engine engine);

/// Where the database lives inside an index cache directory (`dir`/db or `dir`/fts5.db).
std::string DatabasePath(Engine engine, const std::string& dir);

/// The analysis stages of newsgrep's indexer that this build can switch off (IndexerOptions
/// members, detected at compile time): "clean" (clean_bodies), "dedup"
/// (detect_duplicates).
std::vector<std::string> NewsgrepStages();

/// Indexes every article of `corpus_path` into a new database at `db_path` (replacing
/// one that is there): newsgrep through Indexer::IndexPath, exactly as `newsgrep index`
/// does, with the stages named in `stages_off` switched off; raw Xapian and FTS5 read the
/// same file with the suite's reader, one commit or one transaction at the end. Sets
/// `*articles`. Returns Internal on any failure, InvalidArgument for an unknown stage.
absl::Status BuildIndex(Engine engine, const std::string& corpus_path, const std::string& db_path,
                        size_t* articles, const std::vector<std::string>& stages_off = {});

/// Adds every article of `extra_path` to a copy of the index at `db_path` (a file or a
/// directory) and commits; returns the seconds that took (reading the file included, the
/// copying not). The copy is deleted before returning: the cached index is never written,
/// so the queries of every run read the index as it was built. `base_articles` is the
/// index's article count.
absl::StatusOr<double> AddToCopy(Engine engine, const std::string& db_path,
                                 const std::string& extra_path, size_t base_articles);

/// How newsgrep is asked for a result page.
enum class NewsgrepVariant {
  kIds,        // top 10, no snippets, no collapsing
  kSnippets,   // top 10 with snippets, no collapsing
  kCollapsed,  // top 10, one hit per story cluster, no snippets
  kPage,       // top 10, collapsed, with snippets: the full result page the CLI prints
  kFacets,     // the page and the facets of all matches: `newsgrep --facets` (person,
               // location, said, source)
  kTimeline,   // the page and the timeline of all matches: `newsgrep --timeline`
};
std::string_view VariantName(NewsgrepVariant variant);  // "newsgrep_ids", …
/// Whether this build of newsgrep can run `variant`; if not, `why` says what is missing.
bool NewsgrepSupports(NewsgrepVariant variant, std::string* why);

class QueryEngine {
 public:
  virtual ~QueryEngine() = default;
  /// Runs the query for the engine's column of `row`: top 10 by relevance, reading each
  /// hit's stored title (newsgrep: its stored article, plus snippets when asked).
  /// Returns the number of hits, InvalidArgument when the engine rejects the query,
  /// Unimplemented when the engine has no form of it.
  virtual absl::StatusOr<size_t> Run(const QueryRow& row) = 0;
  /// The exact number of matching documents (slow; for checking that engines agree).
  virtual absl::StatusOr<size_t> Count(const QueryRow& row) = 0;
};

/// Opens the database at `db_path` for querying. `variant`: newsgrep's form; a peer runs
/// ids only, or with kPage its own page (a highlighted snippet of each hit's body: raw
/// Xapian's MSet::snippet, FTS5's snippet()), the same work as newsgrep's page.
absl::StatusOr<std::unique_ptr<QueryEngine>> OpenQueryEngine(
    Engine engine, const std::string& db_path, NewsgrepVariant variant = NewsgrepVariant::kIds);

/// Whether newsgrep's query language runs `NEAR/n` and `ADJ/n` as proximity operators:
/// indexes three tiny articles under `scratch_dir` and checks which ones match.
bool NewsgrepHasProximity(const std::string& scratch_dir, std::string* why);

}  // namespace newsgrep::bench

#endif  // NEWSGREP_BENCH_ENGINES_H_
