// SPDX-License-Identifier: GPL-2.0-or-later
/// @file band_store.h
/// @brief The index's near-duplicate lookup: which documents have each LSH band key.
///
/// Every article has kBands band keys (near_duplicates.h); a new article's candidates are
/// the documents sharing one. Through schema 7 each key was a boolean term of its document:
/// a key occurs almost nowhere else, so that was nearly one posting-list B-tree entry per
/// posting, and twelve more termlist entries per article, 10 % of the index on
/// Reuters-21578. Since schema 8 the postings (band key, docid) are grouped in buckets of
/// user metadata (the layout: schema.h, kBandBucketKeyPrefix), about 5 bytes a posting.
///
/// Postings are added, never removed: a document deleted or replaced leaves its old
/// postings behind. The cluster assigner verifies every candidate against the document
/// as it now is (a replaced one) and skips documents that are gone, so a leftover posting
/// costs a lookup, never a wrong cluster; re-indexing an unchanged article adds nothing.
#ifndef NEWSGREP_INDEXER_INTERNAL_BAND_STORE_H_
#define NEWSGREP_INDEXER_INTERNAL_BAND_STORE_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {

/// One posting: a band key (near_duplicates.h, BandKey) and a document that has it.
using BandPosting = std::pair<uint64_t, Xapian::docid>;

/// The bucket of band key `key` (the band and the upper bits of its value).
inline uint32_t BandBucketOf(uint64_t key) {
  return static_cast<uint32_t>(key >> (32 - schema::kBandBucketBits));
}

/// The metadata key of bucket `bucket` (schema.h, kBandBucketKeyPrefix).
std::string BandBucketKey(uint32_t bucket);

/// The metadata entry of a bucket with `postings` (all of one bucket, in increasing order,
/// no two equal).
std::string EncodeBandBucket(const std::vector<BandPosting>& postings);

/// Sets bucket `bucket`'s metadata entry in `db` to `postings` (as EncodeBandBucket).
void WriteBandBucket(Xapian::WritableDatabase& db, uint32_t bucket,
                     const std::vector<BandPosting>& postings);

/// The postings of bucket `bucket` from its entry `entry` (empty: none). Throws
/// Xapian::DatabaseCorruptError when the entry is not one EncodeBandBucket makes.
std::vector<BandPosting> DecodeBandBucket(uint32_t bucket, absl::string_view entry);

/// The band postings of one writable index, read from it bucket by bucket as they are
/// needed and kept in memory, with the postings added since the last Flush.
/// Not thread-safe: one per writer.
class BandStore {
 public:
  /// Calls `visit` with each document of `db` (or added here) that has band key `key`,
  /// the highest docid (the newest) first, until it returns false.
  /// Throws Xapian::Error when the index cannot be read.
  void ForEach(const Xapian::Database& db, uint64_t key,
               absl::FunctionRef<bool(Xapian::docid)> visit);

  /// Records that document `docid` of `db` has band key `key` (once, however often it is
  /// recorded). Written to `db` by the next Flush.
  void Add(const Xapian::Database& db, uint64_t key, Xapian::docid docid);

  /// Writes the buckets changed since the last Flush to `db` (before a commit). When more
  /// postings than kMaxKeptPostings are in memory, forgets them all afterwards (buckets
  /// are read again when needed).
  void Flush(Xapian::WritableDatabase& db);

  /// Forgets everything, written or not (the index was replaced by another).
  void Clear() {
    buckets_.clear();
    kept_postings_ = 0;
  }

  /// 128 MB of postings (16 bytes each).
  static constexpr size_t kMaxKeptPostings = size_t{8} << 20;

 private:
  struct Bucket {
    std::vector<BandPosting> postings;  // increasing
    bool changed = false;
  };
  Bucket& Read(const Xapian::Database& db, uint32_t bucket);

  absl::flat_hash_map<uint32_t, Bucket> buckets_;
  size_t kept_postings_ = 0;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_BAND_STORE_H_
