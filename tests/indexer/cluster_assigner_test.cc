// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cluster_assigner_test.cc
/// @brief The index-time near-duplicate lookup: which candidates are verified, and how.
#include "internal/cluster_assigner.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "newsgrep/near_duplicates.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {
namespace {

// `count` distinct made-up words starting at word number `first`.
std::string Words(int first, int count) {
  std::string text;
  for (int i = first; i < first + count; ++i) {
    absl::StrAppend(&text, text.empty() ? "" : " ", "w", i * 7919 % 100003);
  }
  return text;
}

// An index as the indexer writes it, with its band postings.
struct Index {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  BandStore bands;
  DatabaseLookup lookup{db, bands};
};

// Adds a document as the indexer does (stored text, cluster value, band keys `keys`).
Xapian::docid AddDocument(Index& index, const std::string& id, const std::string& body,
                          const std::string& cluster, const std::vector<uint64_t>& keys) {
  StoredArticle stored;
  stored.id = id;
  stored.body = body;
  Xapian::Document document;
  document.set_data(EncodeStoredBodies(stored));
  document.add_value(schema::kDisplaySlot, EncodeDisplayRecord(stored));
  document.add_value(schema::kClusterSlot, cluster);
  document.add_boolean_term(schema::IdTerm(id));
  const Xapian::docid docid = index.db.add_document(document);
  for (const uint64_t key : keys) index.bands.Add(index.db, key, docid);
  return docid;
}

// Two documents with the same text (`article`'s), ids and clusters as given.
struct TwoCopies {
  TextFingerprint article;
  Xapian::docid first = 0;
  Xapian::docid second = 0;
};
TwoCopies AddTwoCopies(Index& index, const std::string& first_id, const std::string& first_cluster,
                       const std::string& second_id, const std::string& second_cluster) {
  const std::string text = Words(0, 300);
  TwoCopies copies;
  copies.article = FingerprintArticle("", text);
  copies.first = AddDocument(index, first_id, text, first_cluster, copies.article.band_keys);
  copies.second = AddDocument(index, second_id, text, second_cluster, copies.article.band_keys);
  return copies;
}

TEST(ClusterAssignerTest, CandidatesOutOfMemoryAreReadOnlyWhenTheirSketchAllows) {
  Index index;
  Xapian::WritableDatabase& db = index.db;
  // Keep no shingles in memory: every candidate is either ruled out by its sketch or read.
  ClusterAssigner assigner(/*index_had_documents=*/false, db.get_lastdocid() + 1,
                           /*recent_shingles=*/0);
  const std::string text = Words(0, 300);
  const TextFingerprint article = FingerprintArticle("", text);
  ASSERT_EQ(article.band_keys.size(), kBands);

  // A document that shares the article's bands by chance: its text is another story.
  TextFingerprint other = FingerprintArticle("", Words(5000, 300));
  other.band_keys = article.band_keys;  // as in the index
  const Xapian::docid chance =
      AddDocument(index, "chance", Words(5000, 300), "aaaaaaaaaaaaaaaa", article.band_keys);
  assigner.Record(chance, other, "aaaaaaaaaaaaaaaa");
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("new"), article).value(), "");
  EXPECT_EQ(assigner.counts().candidates, 1u);
  EXPECT_EQ(assigner.counts().ruled_out_by_sketch, 1u);
  EXPECT_EQ(assigner.counts().verified_from_index, 0u);

  // A real copy: its sketch lets it through, its stored text is read and verified.
  const Xapian::docid copy =
      AddDocument(index, "copy", text, "bbbbbbbbbbbbbbbb", article.band_keys);
  assigner.Record(copy, article, "bbbbbbbbbbbbbbbb");
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("new"), article).value(),
            "bbbbbbbbbbbbbbbb");
  EXPECT_EQ(assigner.counts().candidates, 3u);
  EXPECT_EQ(assigner.counts().ruled_out_by_sketch, 2u);
  EXPECT_EQ(assigner.counts().verified_from_index, 1u);
  EXPECT_EQ(assigner.counts().verified_in_memory, 0u);

  // Forgotten (deleted) documents have no sketch left: the copy is verified, the chance
  // match is read too (its stored text says it is another story).
  assigner.Forget(chance);
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("new"), article).value(),
            "bbbbbbbbbbbbbbbb");
  EXPECT_EQ(assigner.counts().verified_from_index, 3u);
}

TEST(ClusterAssignerTest, RecentCandidatesAreVerifiedInMemory) {
  Index index;
  Xapian::WritableDatabase& db = index.db;
  ClusterAssigner assigner(/*index_had_documents=*/false, db.get_lastdocid() + 1);
  const std::string text = Words(0, 300);
  const TextFingerprint article = FingerprintArticle("", text);
  const Xapian::docid copy =
      AddDocument(index, "copy", text, "cccccccccccccccc", article.band_keys);
  assigner.Record(copy, article, "cccccccccccccccc");
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("new"), article).value(),
            "cccccccccccccccc");
  EXPECT_EQ(assigner.counts().verified_in_memory, 1u);
  EXPECT_EQ(assigner.counts().verified_from_index, 0u);
  // The article's own earlier version is never its candidate.
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("copy"), article).value(), "");
}

// A bulk build pins the documents of chunks still being written, which cannot be read
// back: they stay in memory however few shingles the assigner may keep.
TEST(ClusterAssignerTest, PinnedDocumentsStayInMemory) {
  Index index;
  ClusterAssigner assigner(/*index_had_documents=*/false, index.db.get_lastdocid() + 1,
                           /*recent_shingles=*/0);
  const auto [article, old_copy, pinned_copy] =
      AddTwoCopies(index, "old", "dddddddddddddddd", "pinned", "dddddddddddddddd");
  assigner.PinRecentFrom(pinned_copy);
  assigner.Record(old_copy, article, "dddddddddddddddd");
  assigner.Record(pinned_copy, article, "dddddddddddddddd");
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("new"), article).value(),
            "dddddddddddddddd");
  EXPECT_EQ(assigner.counts().candidates, 2u);
  EXPECT_EQ(assigner.counts().verified_in_memory, 1u);   // the pinned one
  EXPECT_EQ(assigner.counts().verified_from_index, 1u);  // the other was dropped
}

// A deleted document leaves its band postings behind (band_store.h): the candidate it
// names is skipped, not an error.
TEST(ClusterAssignerTest, ADeletedDocumentsLeftoverPostingsAreSkipped) {
  Index index;
  ClusterAssigner assigner(/*index_had_documents=*/true, index.db.get_lastdocid() + 1,
                           /*recent_shingles=*/0);
  const auto [article, gone, kept] =
      AddTwoCopies(index, "gone", "eeeeeeeeeeeeeeee", "kept", "ffffffffffffffff");
  index.db.delete_document(gone);
  const absl::StatusOr<std::string> cluster =
      assigner.Assign(index.lookup, schema::IdTerm("new"), article);
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  EXPECT_EQ(*cluster, "ffffffffffffffff");
  EXPECT_EQ(assigner.counts().candidates, 2u);
  EXPECT_EQ(assigner.counts().verified_from_index, 2u);
  index.db.delete_document(kept);
  EXPECT_EQ(assigner.Assign(index.lookup, schema::IdTerm("new"), article).value(), "");
}

}  // namespace
}  // namespace newsgrep::internal
