// SPDX-License-Identifier: GPL-2.0-or-later
/// @file bulk_build.h
/// @brief Building a new index in chunks written in parallel and merged once.
///
/// Xapian has one writer per database, and the cost of a commit grows with the database
/// (each commit rewrites the blocks of every term it touches, spread over the whole file).
/// A new index is therefore built as a series of chunk databases: chunk k holds the
/// articles with docids [first + k * size, first + (k + 1) * size), chunks are written by
/// several threads at once (chunk k by thread k % threads), and at the end they are merged
/// into one compact database by Xapian's compactor, which keeps the docids. The docids,
/// and so the index, are the ones a single writer would have produced: the articles get
/// them in input order.
///
/// An article whose id already has a docid in this build replaces it: its document goes
/// to the replacement database (ReplacementDatabase), which is applied to the merged index
/// after the merge (replacements are rare: a bulk input that repeats ids).
#ifndef NEWSGREP_INDEXER_INTERNAL_BULK_BUILD_H_
#define NEWSGREP_INDEXER_INTERNAL_BULK_BUILD_H_

#include <xapian.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "internal/band_store.h"
#include "internal/cluster_assigner.h"

namespace newsgrep::internal {

/// Threads that write documents with given docids into chunk databases under a directory.
///
/// Thread safety: Add and Finish are called from one thread (the producer); IsClosed and
/// FirstOpenChunk from any thread.
class ChunkWriters {
 public:
  struct Options {
    std::string directory;          // chunk k is directory/chunk-NNNNNN; REQUIRES: exists
    Xapian::docid first_docid = 1;  // the first docid of chunk 0
    size_t chunk_articles = 10000;  // docids per chunk (at least 1)
    size_t threads = 1;             // writer threads (at least 1)
    size_t commit_every = 1000;     // articles per commit inside a chunk (at least 1)
    std::vector<std::pair<std::string, std::string>> metadata;  // set in every chunk
  };

  /// Starts the writer threads.
  explicit ChunkWriters(Options options);
  /// Finishes if Finish was not called.
  ~ChunkWriters();
  ChunkWriters(const ChunkWriters&) = delete;
  ChunkWriters& operator=(const ChunkWriters&) = delete;

  /// Queues `document` as `docid` (REQUIRES: >= first_docid, and each docid's chunk
  /// receives its docids in increasing order) with the metadata keys `metadata_keys` (each
  /// set to "1"). Blocks while the chunk's writer is far behind. Returns the first writer
  /// error once there is one.
  absl::Status Add(Xapian::docid docid, Xapian::Document document,
                   std::vector<std::string> metadata_keys);

  /// Waits until every queued document is written and every chunk committed and closed;
  /// stops the threads. Returns the first writer error (with the chunk's path).
  absl::Status Finish();

  size_t ChunkOf(Xapian::docid docid) const {
    return (docid - options_.first_docid) / options_.chunk_articles;
  }
  Xapian::docid FirstDocidOf(size_t chunk) const {
    return options_.first_docid + static_cast<Xapian::docid>(chunk * options_.chunk_articles);
  }
  std::string PathOf(size_t chunk) const;

  /// Whether chunk `chunk` is committed and closed (it may then be opened for reading).
  bool IsClosed(size_t chunk) const;
  /// The lowest chunk that is not closed yet (chunks that never received a document
  /// count as open until Finish).
  size_t FirstOpenChunk() const;
  /// The chunks that received documents, in docid order. Valid after Finish.
  std::vector<size_t> WrittenChunks() const;

 private:
  struct Item {
    Xapian::docid docid;
    Xapian::Document document;
    std::vector<std::string> metadata_keys;
  };
  struct Writer {
    absl::Mutex mutex;
    absl::CondVar changed;  // the queue or `stopping` changed
    std::deque<Item> queue ABSL_GUARDED_BY(mutex);
    bool stopping ABSL_GUARDED_BY(mutex) = false;
    std::thread thread;
  };
  void WriterLoop(Writer& writer);
  void MarkClosed(size_t chunk);
  void Fail(absl::Status status);

  const Options options_;
  std::vector<std::unique_ptr<Writer>> writers_;
  bool finished_ = false;

  mutable absl::Mutex state_mutex_;
  std::vector<bool> closed_ ABSL_GUARDED_BY(state_mutex_);   // by chunk
  std::vector<bool> written_ ABSL_GUARDED_BY(state_mutex_);  // by chunk
  absl::Status error_ ABSL_GUARDED_BY(state_mutex_);
};

/// The articles of a bulk build for the cluster assigner. Band keys are looked up in
/// memory, never in the chunk databases: the chunk being filled keeps its documents by band
/// key in a hash map; once the next chunk has begun, that map becomes a table sorted by band
/// key (12 bytes a band posting: 144 MB for a million articles), searched only in the
/// chunks whose KeyFilter may hold the band. (Opening a posting list in a chunk database
/// for each lookup was, 300,000 articles into a million, a quarter of the build's CPU
/// time, on the one thread that every article passes through; keeping the lookups in
/// memory took a million-article build from 838 to 649 s.) Replacements' band keys are kept
/// in memory too; at the end of the build all the postings go to the index's band buckets
/// (ForEachBandBucket). Documents (a candidate's stored text) are read from the closed chunk
/// databases and the replacement database.
///
/// Not thread-safe: one per build, used by the thread that assigns docids.
class BulkArticles : public ArticleLookup {
 public:
  /// `chunks` and `replacements` must outlive this.
  BulkArticles(const ChunkWriters& chunks, Xapian::WritableDatabase& replacements)
      : chunks_(chunks), replacements_(replacements) {}

  /// The docid of `id_term` in this build, or a new one (the next in sequence) when it has
  /// none yet. `*replacing`: whether it had one.
  Xapian::docid Assign(const std::string& id_term, bool* replacing);

  /// Records the band keys of a new document `docid` (given to ChunkWriters).
  void RecordNew(Xapian::docid docid, const std::vector<uint64_t>& band_keys);
  /// Records that `docid` was replaced by a document (with `band_keys`) written to the
  /// replacement database.
  void RecordReplacement(Xapian::docid docid, const std::vector<uint64_t>& band_keys);

  /// The docids replaced in this build, in increasing order.
  std::vector<Xapian::docid> Replaced() const;

  /// Calls `write` with each bucket (BandBucketOf) that has postings, in increasing order,
  /// and its postings, in increasing order: every posting recorded (a replaced document's
  /// too, as adding the articles one by one leaves them: band_store.h). Once all articles
  /// are recorded; none may be recorded after.
  void ForEachBandBucket(
      absl::FunctionRef<void(uint32_t bucket, const std::vector<BandPosting>& postings)> write);

  void ForEachWithBand(uint64_t key, absl::FunctionRef<bool(Xapian::docid)> visit) override;
  Xapian::docid Find(const std::string& id_term) override;
  absl::StatusOr<Xapian::Document> Document(Xapian::docid docid) override;

 private:
  struct Chunk {
    KeyFilter bands;
    // While the chunk is being filled: its documents by band key.
    absl::flat_hash_map<uint64_t, absl::InlinedVector<Xapian::docid, 1>> filling;
    // Once sealed (a chunk below filling_chunk_): band keys in increasing order, and the
    // document with each (docids[i] has keys[i]).
    std::vector<uint64_t> keys;
    std::vector<Xapian::docid> docids;
    std::unique_ptr<Xapian::Database> db;  // once closed, opened on first use
  };
  Chunk& ChunkFor(size_t chunk);
  void Seal(Chunk& chunk);                         // `filling` becomes `keys` and `docids`
  Xapian::Database* ClosedDatabase(size_t chunk);  // null while the chunk is open

  const ChunkWriters& chunks_;
  Xapian::WritableDatabase& replacements_;
  std::vector<Chunk> chunk_;
  size_t filling_chunk_ = 0;  // the chunk RecordNew last added to; those below are sealed
  absl::flat_hash_map<std::string, Xapian::docid> ids_;
  Xapian::docid next_docid_ = 0;  // 0: chunks_.FirstDocidOf(0) not yet given
  absl::flat_hash_set<Xapian::docid> replaced_;
  absl::flat_hash_map<uint64_t, absl::InlinedVector<Xapian::docid, 1>> replacement_bands_;
  std::vector<BandPosting> replacement_postings_;  // every replacement's, in the order given
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_BULK_BUILD_H_
