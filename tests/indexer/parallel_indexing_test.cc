// IndexPath analyses articles on several threads and writes them on one: the index it
// builds must be the one that adding the same articles one by one builds — same documents,
// same story clusters — and duplicate detection must keep working across sessions.
#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/indexer.h"
#include "newsgrep/schema.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;

const std::string kSample = std::string(NEWSGREP_SOURCE_DIR) + "/data/sample/articles";

// id → (cluster key, document data, term list) of every document.
struct Snapshot {
  std::map<std::string, std::string> cluster;
  std::map<std::string, std::string> data;
  std::map<std::string, std::vector<std::string>> terms;
};

Snapshot Read(const std::string& path) {
  Snapshot snapshot;
  Xapian::Database db(path);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document document = db.get_document(*it);
    std::string id;
    std::vector<std::string> terms;
    for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
      terms.push_back(*t);
      if ((*t).rfind(std::string(schema::kIdPrefix), 0) == 0 && id.empty()) id = *t;
    }
    snapshot.cluster[id] = document.get_value(schema::kClusterSlot);
    snapshot.data[id] = document.get_data();
    snapshot.terms[id] = terms;
  }
  return snapshot;
}

std::vector<Article> ReadAll(const std::string& path) {
  std::vector<Article> articles;
  ReadCallbacks callbacks;
  callbacks.on_article = [&](Article&& article) {
    articles.push_back(std::move(article));
    return absl::OkStatus();
  };
  callbacks.on_problem = [](const InputProblem&) {};
  EXPECT_TRUE(ReadArticles(path, callbacks).ok());
  return articles;
}

// The writer has a core of its own: by default one analysis thread per core but one.
TEST(ParallelIndexingTest, AnalysisThreadsLeaveTheWriterACore) {
  const size_t cores = std::thread::hardware_concurrency();
  EXPECT_EQ(AnalysisThreads({}), cores > 2 ? cores - 1 : 1u);
  IndexerOptions three;
  three.analysis_threads = 3;
  EXPECT_EQ(AnalysisThreads(three), 3u);
}

TEST(ParallelIndexingTest, IndexPathBuildsTheIndexThatAddingOneByOneBuilds) {
  ASSERT_TRUE(fs::exists(kSample)) << kSample;
  const test::TempDir temp;
  const std::string& dir = temp.path();
  {
    auto sequential = Indexer::Open({.db_path = dir + "/one_by_one"});
    ASSERT_TRUE(sequential.ok());
    for (const Article& article : ReadAll(kSample)) ASSERT_TRUE((*sequential)->Add(article).ok());
    ASSERT_TRUE((*sequential)->Commit().ok());
  }
  for (size_t threads : {1, 3}) {
    const std::string path = absl::StrCat(dir, "/threads", threads);
    auto parallel = Indexer::Open(
        {.db_path = path, .commit_every = 7, .analysis_threads = threads});
    ASSERT_TRUE(parallel.ok());
    IndexReport report;
    ASSERT_TRUE((*parallel)->IndexPath(kSample, nullptr, &report).ok());
    ASSERT_TRUE((*parallel)->Commit().ok());
    EXPECT_EQ(report.articles, 40u);
  }
  const Snapshot expected = Read(dir + "/one_by_one");
  ASSERT_EQ(expected.cluster.size(), 40u);
  for (size_t threads : {1, 3}) {
    SCOPED_TRACE(absl::StrCat(threads, " analysis threads"));
    const Snapshot got = Read(absl::StrCat(dir, "/threads", threads));
    EXPECT_EQ(got.cluster, expected.cluster);
    EXPECT_EQ(got.data, expected.data);
    EXPECT_EQ(got.terms, expected.terms);
  }
  // The sample has republished stories: some clusters must have several members.
  std::map<std::string, int> members;
  for (const auto& [id, cluster] : expected.cluster) ++members[cluster];
  EXPECT_LT(members.size(), expected.cluster.size());
}

// The writer remembers the band keys it wrote (to skip index lookups for unseen keys); an
// index that already held documents must still be searched for their duplicates.
TEST(ParallelIndexingTest, ADuplicateAddedInALaterSessionJoinsTheEarlierCluster) {
  const test::TempDir temp;
  const std::string& dir = temp.path();
  const std::string body =
      "Grain traders in the port city said on Tuesday that barley shipments had doubled "
      "since the spring, as buyers from three countries raced to secure supplies before "
      "the new tariffs take effect. The harbour authority expects record volumes this "
      "month and has extended the opening hours of two terminals to cope with demand.";
  {
    auto first = Indexer::Open({.db_path = dir + "/db"});
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE((*first)->Add(test::MakeArticle("original", "Barley exports double", body)).ok());
    ASSERT_TRUE((*first)
                    ->Add(test::MakeArticle("other", "Rain",
                                      "Heavy rain fell across the northern hills overnight, "
                                      "closing two roads and a railway line while crews "
                                      "cleared fallen trees and repaired damaged power "
                                      "lines near the villages."))
                    .ok());
  }
  {
    auto second = Indexer::Open({.db_path = dir + "/db"});
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE((*second)
                    ->Add(test::MakeArticle("copy", "Barley exports have doubled, traders say",
                                      body + " Click here to subscribe."))
                    .ok());
  }
  const Snapshot snapshot = Read(dir + "/db");
  const std::string original = schema::IdTerm("original"), copy = schema::IdTerm("copy"),
                    other = schema::IdTerm("other");
  ASSERT_EQ(snapshot.cluster.size(), 3u);
  EXPECT_EQ(snapshot.cluster.at(copy), snapshot.cluster.at(original));
  EXPECT_NE(snapshot.cluster.at(other), snapshot.cluster.at(original));
}

uint64_t DirectoryBytes(const std::string& path) {
  uint64_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(path)) bytes += entry.file_size();
  return bytes;
}

TEST(ParallelIndexingTest, CompactKeepsEveryDocumentShrinksTheIndexAndTheIndexerGoesOn) {
  const test::TempDir temp;
  const std::string path = temp / "db";
  auto indexer = Indexer::Open({.db_path = path, .commit_every = 5});
  ASSERT_TRUE(indexer.ok());
  EXPECT_TRUE((*indexer)->opened_empty());
  IndexReport report;
  ASSERT_TRUE((*indexer)->IndexPath(kSample, nullptr, &report).ok());
  ASSERT_TRUE((*indexer)->Commit().ok());
  const Snapshot before = Read(path);
  const uint64_t bytes_before = DirectoryBytes(path);

  ASSERT_TRUE((*indexer)->Compact().ok());
  EXPECT_FALSE(fs::exists(path + ".compacting"));
  EXPECT_LT(DirectoryBytes(path), bytes_before);
  const Snapshot after = Read(path);
  EXPECT_EQ(after.cluster, before.cluster);
  EXPECT_EQ(after.data, before.data);
  EXPECT_EQ(after.terms, before.terms);

  // Still the writer: a republication added now joins its story's cluster.
  const std::vector<Article> sample = ReadAll(kSample);
  Article copy = sample.front();
  const std::string original_id = copy.id;
  copy.id = "republished-after-compaction";
  copy.body += "\n\nRead more on our website.";
  ASSERT_TRUE((*indexer)->Add(copy).ok());
  ASSERT_TRUE((*indexer)->Commit().ok());
  const Snapshot added = Read(path);
  ASSERT_EQ(added.cluster.size(), before.cluster.size() + 1);
  EXPECT_EQ(added.cluster.at(schema::IdTerm(copy.id)),
            added.cluster.at(schema::IdTerm(original_id)));
}

TEST(ParallelIndexingTest, CompactWorksWhenThePathEndsWithASlash) {
  const test::TempDir temp;
  auto indexer = Indexer::Open({.db_path = temp / "db/"});
  ASSERT_TRUE(indexer.ok());
  ASSERT_TRUE((*indexer)->Add(test::MakeArticle("a", "Title", "Some body text here.")).ok());
  const absl::Status status = (*indexer)->Compact();
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_FALSE(fs::exists(temp / "db.compacting"));
  EXPECT_FALSE(fs::exists(temp / "db/.compacting"));
  EXPECT_EQ((*indexer)->article_count(), 1u);
}

TEST(ParallelIndexingTest, AnIndexerOnAnIndexWithArticlesIsNotOpenedEmpty) {
  const test::TempDir temp;
  const std::string path = temp / "db";
  ASSERT_TRUE(test::BuildIndex({.db_path = path},
                               {test::MakeArticle("a", "Title", "Some body text here.")})
                  .ok());
  auto indexer = Indexer::Open({.db_path = path});
  ASSERT_TRUE(indexer.ok());
  EXPECT_FALSE((*indexer)->opened_empty());
}

}  // namespace
}  // namespace newsgrep
