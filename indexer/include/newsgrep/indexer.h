// SPDX-License-Identifier: GPL-2.0-or-later
/// @file indexer.h
/// @brief Writes articles into a newsgrep index (a Xapian glass database).
///
/// Example:
///   auto indexer = newsgrep::Indexer::Open({.db_path = "/tmp/news"});
///   if (!indexer.ok()) return indexer.status();
///   IndexReport report;
///   absl::Status s = (*indexer)->IndexPath("articles/", nullptr, &report);
///   if (s.ok()) s = (*indexer)->Commit();
///
/// Each article is stored under a unique id term, so adding an article whose id is already
/// indexed replaces it: re-indexing the same input never duplicates. Each article joins
/// the story cluster of its most similar near-duplicate already indexed (or starts one);
/// removing or replacing an article leaves the other members' clusters as they are. Articles are
/// committed in batches; every commit is atomic, so the index on disk is always a consistent set of
/// whole articles, even if the process is killed mid-run (re-run to finish: it is
/// idempotent).
///
/// Thread safety: an Indexer is not thread-safe; use it from one thread. Only one Indexer
/// (one Xapian writer) can have an index open at a time: a second gets Unavailable. The
/// Indexer holds the index's lock from Open to its destruction without a gap, through the
/// directory exchanges of a bulk build and of Compact too.
#ifndef NEWSGREP_INDEXER_INDEXER_H_
#define NEWSGREP_INDEXER_INDEXER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgrep/article.h"
#include "newsgrep/article_reader.h"

namespace newsgrep {

class CorpusStatistics;  // entities.h
class RecurringChrome;   // cleaner.h
class EntityResources;   // entities.h

struct IndexerOptions {
  /// Directory of the index; created if missing. REQUIRES: non-empty.
  std::string db_path;
  /// Articles per commit; 0: CommitBatch(articles in the index), recomputed at each
  /// commit. Default: 0. Xapian buffers a batch in memory maps whose cost per posting grows
  /// with the batch (on Reuters-21578 batches of 500-1000 index in 60 % of the CPU time of
  /// 10000, with a fifth of the memory), while each commit rewrites the blocks of every
  /// term the batch touched, spread over a file that grows with the index: small batches
  /// suit a small index, larger ones a large index (generated articles: 1,000 per commit
  /// was 7 % faster than 10,000 at 100,000 articles, 10,000 9 % faster at 300,000).
  size_t commit_every = 0;
  /// Strip boilerplate, captions, bylines and repeated text from bodies before indexing,
  /// and the site's name from titles (cleaner.h); the original body is stored too.
  /// Default: true.
  bool clean_bodies = true;
  /// Put each article in a story cluster with its near-duplicates (near_duplicates.h), so
  /// searches can collapse them. With false every article is its own cluster.
  /// Default: true.
  bool detect_duplicates = true;
  /// Recognise quotes (with speakers), people and places (entities.h) and index them as the
  /// person:, said:, quote: and location: fields. Default: true.
  bool extract_entities = true;
  /// The data entities are recognised with (gazetteers, name and word lists). Open fails
  /// with FailedPrecondition, naming each file and its Debian package, when
  /// extract_entities is on and any of it could not be read: a missing data set would
  /// silently make the person: and location: fields worse. Default (null):
  /// EntityResources::Shared(), the data where Debian installs it.
  std::shared_ptr<const EntityResources> entity_resources = nullptr;
  /// Threads that analyse articles (clean, fingerprint, extract entities, generate terms)
  /// for IndexPath, beside the one thread that writes the index. 0: one per core but one
  /// (at least one).
  /// Add() always works on the caller's thread.
  size_t analysis_threads = 0;
  /// Whether IndexPath builds an index that holds no article yet as a bulk build: the
  /// articles are written into chunks of `bulk_chunk_articles` by `writer_threads` threads
  /// at once, then merged into one compact index, which replaces the empty one when
  /// IndexPath returns (committed: readers see nothing before, everything after). The
  /// index, docids included, is the one that writing the articles one by one builds.
  /// Until then the chunks live in a directory beside the index (PATH.bulk), so the disk
  /// needs room for a second copy; on any error the index stays empty (a killed run leaves
  /// PATH.bulk behind; the next writer to open the index removes it). Default: true.
  bool bulk_build = true;
  /// Bounds on what one input file or record may cost (article_reader.h): IndexPath cuts
  /// longer bodies and skips longer records, reporting each. Default: ReadLimits's.
  ReadLimits read_limits = {};
  /// The format of every input file; kAuto: each file's own (SniffFormat in
  /// input_format.h). Default: kAuto.
  InputFormat input_format = InputFormat::kAuto;
  /// Articles per chunk of a bulk build; 0: 10,000.
  size_t bulk_chunk_articles = 0;
  /// Threads writing chunks in a bulk build; 0: WriterThreads's default (one per core, at
  /// most two).
  size_t writer_threads = 0;
};

/// The automatic commit batch for an index holding `articles`: one thirtieth of them,
/// at least 1,000 and at most 10,000.
size_t CommitBatch(size_t articles);

/// The number of analysis threads IndexPath uses with `options`.
size_t AnalysisThreads(const IndexerOptions& options);

/// The number of chunk writer threads a bulk build uses with `options`.
size_t WriterThreads(const IndexerOptions& options);

/// What one IndexPath run did.
struct IndexReport {
  size_t files = 0;         // files read (including ones skipped as a whole)
  size_t articles = 0;      // articles read and passed on to be added or to replace one
                            // (all of them written unless writing failed)
  size_t repaired = 0;      // problems repaired: the article was indexed anyway
  size_t skipped = 0;       // files or records not indexed
  size_t ignored = 0;       // records that hold no article (InputProblem::Outcome::kIgnored)
  uint64_t bytes_read = 0;  // input bytes read (after decompression)
};

/// Receives input problems and progress. Either may be unset.
struct IndexObserver {
  ProblemCallback on_problem;
  /// Called with the running totals after each file, and within a file after each
  /// article.
  std::function<void(const IndexReport&)> on_progress;
};

class Indexer {
 public:
  /// Opens (creating if needed) the index at options.db_path for writing, and removes what a
  /// killed writer left beside it (PATH.bulk, PATH.compacting).
  /// Returns InvalidArgument for an empty path or a directory holding a Xapian stub file
  /// (XAPIANDB: newsgrep writes one database), Unavailable when another writer holds the
  /// index, FailedPrecondition when it was written by another schema version, NotFound or
  /// Internal when it cannot be created or opened.
  static absl::StatusOr<std::unique_ptr<Indexer>> Open(const IndexerOptions& options);

  /// Commits what is pending and closes the index.
  ~Indexer();
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  /// Adds `article`, replacing any article with the same id. Commits when a batch is full.
  /// Entities are found with `statistics` and the article is cleaned with `chrome` (each may
  /// be null): IndexPath passes those of the article's CorpusBlock (entities.h; chrome
  /// gathered as RecurringChrome(block's articles), cleaner.h), so adding a block's articles
  /// one by one with them builds what IndexPath builds.
  /// REQUIRES: article.id non-empty. Returns Internal/DataLoss when the index cannot be
  /// written.
  absl::Status Add(const Article& article, const CorpusStatistics* statistics = nullptr,
                   const RecurringChrome* chrome = nullptr);

  /// Removes the article whose id is `id`. Returns NotFound when there is none.
  absl::Status Remove(absl::string_view id);

  /// OK when the index holds an article whose id is `id`, NotFound when not.
  absl::Status Contains(absl::string_view id) const;

  /// The articles of one file that is gone.
  struct GoneFile {
    std::string path;              // absolute, as indexed (Article::file)
    std::vector<std::string> ids;  // its articles' ids
  };
  /// The files articles were read from that no longer exist (by their file terms: files
  /// with paths over schema::kMaxFileTermPath bytes, and standard input, have none), in
  /// path order, with their articles; a path that cannot be checked (permission denied)
  /// counts as present. With `remove`, also removes those articles, as Remove does
  /// (written by the next Commit). Returns Internal/DataLoss when the index cannot be read
  /// or written.
  absl::StatusOr<std::vector<GoneFile>> ArticlesOfGoneFiles(bool remove);

  /// Reads every article under `path` (see article_reader.h) and adds it, as Add would, in
  /// input order; the analysis runs on options.analysis_threads threads and the writing on
  /// one more, so this is faster than calling Add for each article. Input problems are
  /// reported to `observer` (may be null; called on the caller's thread) and counted in
  /// `report` (REQUIRES: not null; counts are added to). Returns non-OK only when the index
  /// cannot be written (or an article has no id); reading stops at the first such error.
  /// On an index that holds no article, this is a bulk build (IndexerOptions::bulk_build):
  /// faster, and all or nothing.
  absl::Status IndexPath(const std::string& path, const IndexObserver* observer,
                         IndexReport* report);

  /// Makes everything added so far durable and visible to readers.
  absl::Status Commit();

  /// Number of articles in the index, including uncommitted ones.
  size_t article_count() const;

  /// True when the index held no article when this Indexer opened it (a fresh build).
  bool opened_empty() const;

  /// Commits, then rewrites the index compactly (Xapian's compaction: full B-tree blocks,
  /// about half the size after a bulk build, ~1 s for Reuters-21578) and replaces the
  /// index with the result atomically (the two directories are exchanged with
  /// renameat2(RENAME_EXCHANGE); readers with the index open keep their view until they
  /// reopen). The compacted copy is written beside the index (PATH.compacting), so the
  /// disk needs room for a second copy; the old index's files are deleted at once, but their
  /// space is freed only at the next Compact or when the Indexer is destroyed (the Indexer
  /// keeps them open so that their lock keeps out a writer that was about to take it).
  /// The Indexer stays usable. Returns Internal /
  /// Unavailable with the path when compaction or the exchange fails; the index is then
  /// left as it was after the commit. Does nothing when nothing was written since the
  /// index was last compacted (a bulk build's merge leaves it compact).
  absl::Status Compact();

 private:
  struct State;
  explicit Indexer(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_INDEXER_H_
