// SPDX-License-Identifier: GPL-2.0-or-later
/// @file band_store_test.cc
/// @brief The near-duplicate band postings in metadata buckets: encoding, reading back,
/// what a writer holds before and after Flush, corrupt entries.
#include "internal/band_store.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "newsgrep/near_duplicates.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

// The documents with `key`, in increasing order.
std::vector<Xapian::docid> With(BandStore& store, const Xapian::Database& db, uint64_t key) {
  std::vector<Xapian::docid> docids;
  store.ForEach(db, key, [&](Xapian::docid docid) {
    docids.push_back(docid);
    return true;
  });
  std::reverse(docids.begin(), docids.end());
  return docids;
}

TEST(BandStoreTest, ABucketIsItsBandAndTheKeysTopBitsAndItsEntryDecodesToItsPostings) {
  const uint64_t key = BandKey(2, 0xabcdef12);
  EXPECT_EQ(BandBucketOf(key), (2u << schema::kBandBucketBits) | 0xabcu);
  EXPECT_EQ(BandBucketKey(BandBucketOf(key)), "lsh:cabc");
  EXPECT_EQ(BandBucketKey(BandBucketOf(BandKey(11, 0x00012345))), "lsh:l000");

  const uint32_t bucket = BandBucketOf(key);
  const std::vector<BandPosting> postings = {{BandKey(2, 0xabc00000), 7},
                                             {BandKey(2, 0xabc00000), 90000},
                                             {BandKey(2, 0xabcdef12), 3},
                                             {BandKey(2, 0xabcfffff), 4000000000u}};
  const std::string entry = EncodeBandBucket(postings);
  EXPECT_EQ(DecodeBandBucket(bucket, entry), postings);
  EXPECT_LT(entry.size(), 4 * 8u);  // varints: far below a pair of 32-bit numbers each
  EXPECT_TRUE(DecodeBandBucket(bucket, "").empty());
}

TEST(BandStoreTest, ACorruptEntryIsAnErrorNamingItsKey) {
  const uint32_t bucket = BandBucketOf(BandKey(0, 0x12300000));
  const std::string good = EncodeBandBucket({{BandKey(0, 0x12300005), 9}});
  for (const std::string& bad : {good.substr(0, good.size() - 1),         // cut short
                                 std::string("\x05\x00", 2),              // docid 0
                                 std::string("\xff\xff\xff\x7f\x01", 5),  // beyond the bucket
                                 good + std::string("\x00\x09", 2)}) {    // the same again
    try {
      DecodeBandBucket(bucket, bad);
      ADD_FAILURE() << "no error for an entry of " << bad.size() << " bytes";
    } catch (const Xapian::DatabaseCorruptError& e) {
      EXPECT_NE(e.get_msg().find("lsh:a123"), std::string::npos) << e.get_msg();
    }
  }
}

TEST(BandStoreTest, AKeysDocumentsComeNewestFirstUntilTheVisitorStops) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const uint64_t key = BandKey(1, 0x0badcafe);
  BandStore store;
  for (Xapian::docid docid : {5u, 1u, 9u, 3u}) store.Add(db, key, docid);
  store.Add(db, BandKey(1, 0x0badcaff), 7);  // a neighbour in the bucket, never visited
  std::vector<Xapian::docid> seen;
  store.ForEach(db, key, [&](Xapian::docid docid) {
    seen.push_back(docid);
    return seen.size() < 3;
  });
  EXPECT_EQ(seen, (std::vector<Xapian::docid>{9, 5, 3}));
}

TEST(BandStoreTest, PostingsAreVisibleToTheirWriterAtOnceAndInTheIndexAfterFlush) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const uint64_t key = BandKey(5, 0x11112222);
  const uint64_t neighbour = BandKey(5, 0x11112223);  // the same bucket
  BandStore writer;
  writer.Add(db, key, 4);
  writer.Add(db, key, 2);
  writer.Add(db, key, 4);  // once only
  writer.Add(db, neighbour, 3);
  EXPECT_EQ(With(writer, db, key), (std::vector<Xapian::docid>{2, 4}));
  EXPECT_EQ(With(writer, db, BandKey(6, 0x11112222)), std::vector<Xapian::docid>{});

  BandStore reader;
  EXPECT_TRUE(With(reader, db, key).empty());  // not flushed: not in the index yet
  writer.Flush(db);
  EXPECT_EQ(db.get_metadata(BandBucketKey(BandBucketOf(key))),
            EncodeBandBucket({{key, 2}, {key, 4}, {neighbour, 3}}));
  BandStore later;
  EXPECT_EQ(With(later, db, key), (std::vector<Xapian::docid>{2, 4}));
  EXPECT_EQ(With(later, db, neighbour), std::vector<Xapian::docid>{3});

  // A writer that read a bucket before adds to what the index holds, not just its own.
  later.Add(db, key, 9);
  later.Flush(db);
  writer.Clear();
  EXPECT_EQ(With(writer, db, key), (std::vector<Xapian::docid>{2, 4, 9}));
}

}  // namespace
}  // namespace newsgrep::internal
