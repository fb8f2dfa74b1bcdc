// SPDX-License-Identifier: GPL-2.0-or-later
/// @file band_store.cc
/// @brief Band postings in metadata buckets: encoding, reading, writing.
#include "internal/band_store.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "newsgrep/internal/varint.h"

namespace newsgrep::internal {
namespace {

constexpr int kLowBits = 32 - schema::kBandBucketBits;  // of a value, below its bucket's
constexpr uint64_t kLowMask = (uint64_t{1} << kLowBits) - 1;

}  // namespace

static_assert(schema::kBandBucketBits == 12, "BandBucketKey writes the bits as 3 hex digits");

std::string BandBucketKey(uint32_t bucket) {
  const uint32_t band = bucket >> schema::kBandBucketBits;
  const uint32_t upper = bucket & ((uint32_t{1} << schema::kBandBucketBits) - 1);
  return absl::StrFormat("%s%c%03x", schema::kBandBucketKeyPrefix, static_cast<char>('a' + band),
                         upper);
}

std::string EncodeBandBucket(const std::vector<BandPosting>& postings) {
  std::string entry;
  uint64_t previous = 0;
  for (const auto& [key, docid] : postings) {
    const uint64_t low = key & kLowMask;
    PutVarint(low - previous, entry);
    PutVarint(docid, entry);
    previous = low;
  }
  return entry;
}

void WriteBandBucket(Xapian::WritableDatabase& db, uint32_t bucket,
                     const std::vector<BandPosting>& postings) {
  db.set_metadata(BandBucketKey(bucket), EncodeBandBucket(postings));
}

std::vector<BandPosting> DecodeBandBucket(uint32_t bucket, absl::string_view entry) {
  std::vector<BandPosting> postings;
  const uint64_t base = static_cast<uint64_t>(bucket) << kLowBits;
  uint64_t low = 0;
  while (!entry.empty()) {
    uint64_t delta = 0;
    uint64_t docid = 0;
    if (!GetVarint(&entry, &delta) || !GetVarint(&entry, &docid) || delta > kLowMask - low ||
        docid == 0 || docid > Xapian::docid(-1) ||
        (!postings.empty() && delta == 0 && docid <= postings.back().second)) {
      throw Xapian::DatabaseCorruptError(
          absl::StrCat("near-duplicate lookup entry ", BandBucketKey(bucket), " is corrupt"));
    }
    low += delta;
    postings.emplace_back(base | low, static_cast<Xapian::docid>(docid));
  }
  return postings;
}

BandStore::Bucket& BandStore::Read(const Xapian::Database& db, uint32_t bucket) {
  auto [it, inserted] = buckets_.try_emplace(bucket);
  if (inserted) {
    it->second.postings = DecodeBandBucket(bucket, db.get_metadata(BandBucketKey(bucket)));
    kept_postings_ += it->second.postings.size();
  }
  return it->second;
}

void BandStore::ForEach(const Xapian::Database& db, uint64_t key,
                        absl::FunctionRef<bool(Xapian::docid)> visit) {
  const std::vector<BandPosting>& postings = Read(db, BandBucketOf(key)).postings;
  const auto first = std::lower_bound(postings.begin(), postings.end(), BandPosting(key, 0));
  auto it = std::upper_bound(first, postings.end(), BandPosting(key, Xapian::docid(-1)));
  while (it != first) {
    if (!visit((--it)->second)) return;
  }
}

void BandStore::Add(const Xapian::Database& db, uint64_t key, Xapian::docid docid) {
  Bucket& bucket = Read(db, BandBucketOf(key));
  const BandPosting posting(key, docid);
  auto at = std::lower_bound(bucket.postings.begin(), bucket.postings.end(), posting);
  if (at != bucket.postings.end() && *at == posting) return;
  bucket.postings.insert(at, posting);
  bucket.changed = true;
  ++kept_postings_;
}

void BandStore::Flush(Xapian::WritableDatabase& db) {
  for (auto& [bucket, state] : buckets_) {
    if (!state.changed) continue;
    WriteBandBucket(db, bucket, state.postings);
    state.changed = false;
  }
  if (kept_postings_ > kMaxKeptPostings) Clear();
}

}  // namespace newsgrep::internal
