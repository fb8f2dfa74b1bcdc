// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cluster_assigner.h
/// @brief Index-time near-duplicate lookup: which story cluster does a new article join?
#ifndef NEWSGREP_INDEXER_INTERNAL_CLUSTER_ASSIGNER_H_
#define NEWSGREP_INDEXER_INTERNAL_CLUSTER_ASSIGNER_H_

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "internal/band_store.h"
#include "newsgrep/near_duplicates.h"

namespace newsgrep::internal {

/// The maximum number of candidates verified per article (best band overlap first).
inline constexpr size_t kMaxCandidates = 10;
/// The most articles one band key is followed to, the newest first. A key that thousands
/// of articles share (a template, a boilerplate block) would make every lookup scan them
/// all: indexing a generated feed of 100,000 templated items took 545 s, 10,000 4 s.
inline constexpr size_t kMaxPostingsPerBand = 100;

/// A set of 64-bit keys that answers "maybe present" or "certainly absent" (a Bloom filter
/// that grows by adding levels, so no capacity has to be known in advance). About 1.2
/// bytes per key; false "maybe" answers about 1 % of the time.
/// Not thread-safe.
class KeyFilter {
 public:
  void Insert(uint64_t key);
  bool MayContain(uint64_t key) const;
  size_t size() const { return keys_; }

 private:
  struct Level {
    std::vector<uint64_t> bits;
    size_t capacity = 0;  // keys this level takes before the next one is added
    size_t count = 0;
  };
  std::vector<Level> levels_;
  size_t keys_ = 0;
};

/// Where the assigner finds the articles already written: the index itself
/// (DatabaseLookup), or, during a bulk build, the chunks being written (bulk_build.h).
/// Methods may throw Xapian::Error. Not thread-safe.
class ArticleLookup {
 public:
  virtual ~ArticleLookup() = default;
  /// Calls `visit` with the docid of every article written so far that has band key
  /// `key` (BandKey), and perhaps of articles that had it and are gone or changed, the
  /// newest first, until it returns false.
  virtual void ForEachWithBand(uint64_t key, absl::FunctionRef<bool(Xapian::docid)> visit) = 0;
  /// The docid of the article with id term `id_term`; 0 when there is none.
  virtual Xapian::docid Find(const std::string& id_term) = 0;
  /// The document `docid` as written (its stored text and values); NotFound when there is
  /// none (deleted).
  virtual absl::StatusOr<Xapian::Document> Document(Xapian::docid docid) = 0;
};

/// ArticleLookup over a database (committed and pending documents alike) and its band
/// postings (`bands`: committed, and added since).
class DatabaseLookup : public ArticleLookup {
 public:
  /// `db` and `bands` must outlive this.
  DatabaseLookup(Xapian::Database& db, BandStore& bands) : db_(db), bands_(bands) {}
  void ForEachWithBand(uint64_t key, absl::FunctionRef<bool(Xapian::docid)> visit) override;
  Xapian::docid Find(const std::string& id_term) override;
  absl::StatusOr<Xapian::Document> Document(Xapian::docid docid) override;

 private:
  Xapian::Database& db_;
  BandStore& bands_;
};

/// Assigns story clusters while one writer fills `db`.
///
/// Finds the cluster for an article about to be written: the cluster of the most similar
/// near-duplicate already in the index (committed or not: a WritableDatabase sees its own
/// pending documents), else none (the caller makes a new key with NewClusterKey). The
/// article's own previous version (same id term) is never a candidate, so re-indexing is
/// idempotent: an article keeps the cluster of the versions it resembles.
///
/// Candidates are the documents that share band keys with the article (ArticleLookup).
/// Almost every band key of a new article occurs nowhere else; so the assigner remembers,
/// in a KeyFilter, the band keys of the documents written through it (Recorded) and, when
/// the index was empty when the writer opened it, skips the lookup for a band the filter
/// has never seen (measured when the keys were terms: 20 lookups per article were ~10 % of
/// indexing time on Reuters-21578).
/// When the index already held documents, every band is looked up in the index.
/// The filter only ever answers "maybe" for keys that are gone (replaced or deleted
/// documents): those cost a lookup, never a wrong cluster.
///
/// Verifying a candidate needs its shingles: the assigner keeps the fingerprints and
/// clusters of the most recently written documents (up to kRecentShingles shingles, about
/// 32 MB), so that a candidate written in this session is verified without reading and
/// re-fingerprinting its stored text; older candidates are read from the index. Most
/// candidates of a large index are chance matches (measured on 300,000 generated articles:
/// 5 candidates an article, 4 of them read from the index, 1 in 7 a near-duplicate), so
/// the assigner also keeps the sketch of every document written in this session (about
/// 140 bytes each: 140 MB for a million) and reads a candidate from the index only when
/// MayBeNearDuplicate lets it through.
///
/// Not thread-safe: one per writer.
class ClusterAssigner {
 public:
  /// `index_had_documents`: whether `db` held any document when the writer opened it;
  /// `first_new_docid`: the docid its next new document gets (db.get_lastdocid() + 1);
  /// `recent_shingles`: how many shingles of recent documents to keep (see above).
  ClusterAssigner(bool index_had_documents, Xapian::docid first_new_docid,
                  size_t recent_shingles = kRecentShingles)
      : index_had_documents_(index_had_documents),
        recent_shingles_limit_(recent_shingles),
        sketch_base_(first_new_docid) {}

  /// Returns the 16-hex-digit cluster key of the best near-duplicate among the articles
  /// `lookup` finds, "" when there is none; Internal/DataLoss when the index cannot be
  /// read.
  absl::StatusOr<std::string> Assign(ArticleLookup& lookup, absl::string_view article_id_term,
                                     const TextFingerprint& fingerprint);

  /// Keeps the shingles of documents `docid` and above in memory whatever their number
  /// (a bulk build pins the documents of chunks still being written, which cannot be read
  /// back yet). Default: none pinned.
  void PinRecentFrom(Xapian::docid docid) { pinned_from_ = docid; }

  /// Records a document just written to the index as `docid` (a new document or a
  /// replacement) with its fingerprint and cluster.
  void Record(Xapian::docid docid, TextFingerprint fingerprint, const std::string& cluster);

  /// Forgets document `docid` (deleted from the index).
  void Forget(Xapian::docid docid);

  /// Shingles of recent documents kept for verification (see above).
  static constexpr size_t kRecentShingles = size_t{4} << 20;

  /// What became of the candidates so far (for tests and measurements).
  struct Counts {
    size_t candidates = 0;           // verified or ruled out
    size_t verified_in_memory = 0;   // against recent shingles
    size_t verified_from_index = 0;  // stored text read and fingerprinted
    size_t ruled_out_by_sketch = 0;  // MayBeNearDuplicate said no: nothing read
  };
  const Counts& counts() const { return counts_; }

 private:
  struct Recent {
    TextFingerprint fingerprint;  // without band keys
    std::string cluster;
  };

  bool index_had_documents_;
  size_t recent_shingles_limit_;
  KeyFilter written_bands_;
  absl::flat_hash_map<Xapian::docid, Recent> recent_;
  std::deque<Xapian::docid> recent_order_;  // oldest first; may name forgotten documents
  size_t recent_shingles_ = 0;              // in shingles' room (CachedSize)
  /// What a cached fingerprint takes, counted in shingles (8 bytes each): its shingles and
  /// the words it keeps for the short-text rule.
  static size_t CachedSize(const TextFingerprint& fingerprint);
  Xapian::docid pinned_from_ = static_cast<Xapian::docid>(-1);
  // Sketches of the documents written in this session, by docid: sketches_[docid -
  // sketch_base_] for new documents, other_sketches_ for replaced documents of an earlier
  // session. shingles == 0: none.
  const FingerprintSketch* SketchOf(Xapian::docid docid) const;
  void DropRecent(Xapian::docid docid);  // forgets its shingles, not its sketch
  std::vector<FingerprintSketch> sketches_;
  Xapian::docid sketch_base_;
  absl::flat_hash_map<Xapian::docid, FingerprintSketch> other_sketches_;
  Counts counts_;
};

/// A fresh cluster key for an article that resembles nothing indexed.
std::string NewClusterKey(absl::string_view article_id, const TextFingerprint& fingerprint);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_CLUSTER_ASSIGNER_H_
