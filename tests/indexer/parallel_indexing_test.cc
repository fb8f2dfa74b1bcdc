// SPDX-License-Identifier: GPL-2.0-or-later
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
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/entities.h"
#include "newsgrep/indexer.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"
#include "nlohmann/json.hpp"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;

const std::string kSample = std::string(NEWSGREP_SOURCE_DIR) + "/data/sample/articles";

// id → (cluster key, document data, term list, docid) of every document, and the
// index's metadata.
struct Snapshot {
  std::map<std::string, std::string> cluster;
  std::map<std::string, std::string> data;
  std::map<std::string, std::vector<std::string>> terms;
  std::map<std::string, Xapian::docid> docid;
  std::map<std::string, std::string> metadata;
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
    snapshot.docid[id] = *it;
  }
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) {
    snapshot.metadata[*it] = db.get_metadata(*it);
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

// Adds, through `indexer`, the sample's first article republished as `copy_id` (a
// footer added), commits, and checks that it joined the original's story cluster.
// Returns the index at `path` afterwards.
Snapshot AddRepublicationOfTheFirstSampleArticle(Indexer& indexer, const std::string& path,
                                                 const std::string& copy_id) {
  Article copy = ReadAll(kSample).front();
  const std::string original_id = copy.id;
  copy.id = copy_id;
  copy.body += "\n\nRead more on our website.";
  EXPECT_TRUE(indexer.Add(copy).ok());
  EXPECT_TRUE(indexer.Commit().ok());
  Snapshot snapshot = Read(path);
  const auto copy_cluster = snapshot.cluster.find(schema::IdTerm(copy_id));
  const auto original_cluster = snapshot.cluster.find(schema::IdTerm(original_id));
  EXPECT_TRUE(copy_cluster != snapshot.cluster.end() &&
              original_cluster != snapshot.cluster.end() &&
              copy_cluster->second == original_cluster->second)
      << copy_id << " did not join the cluster of " << original_id;
  return snapshot;
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
    // The sample is one CorpusBlock: its articles share the block's statistics.
    CorpusBlock block;
    for (const Article& article : ReadAll(kSample)) ASSERT_FALSE(block.Add(article));
    const CorpusBlock::Taken taken = block.Take(*EntityResources::Shared());
    const RecurringChrome chrome(taken.articles);
    for (const Article& article : taken.articles) {
      ASSERT_TRUE((*sequential)->Add(article, taken.statistics.get(), &chrome).ok());
    }
    ASSERT_TRUE((*sequential)->Commit().ok());
  }
  for (size_t threads : {1, 3}) {
    const std::string path = absl::StrCat(dir, "/threads", threads);
    auto parallel =
        Indexer::Open({.db_path = path, .commit_every = 7, .analysis_threads = threads});
    ASSERT_TRUE(parallel.ok());
    IndexReport report;
    ASSERT_TRUE((*parallel)->IndexPath(kSample, nullptr, &report).ok());
    ASSERT_TRUE((*parallel)->Commit().ok());
    EXPECT_EQ(report.articles, 47u);
  }
  const Snapshot expected = Read(dir + "/one_by_one");
  ASSERT_EQ(expected.cluster.size(), 47u);
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

// Short items (docs/DEDUP.md, the short-text rule) through the whole indexer: the title's
// site name, the lede's band keys and the rule of what differs.
TEST(ParallelIndexingTest, ShortRepublicationsJoinTheirStoryAndTemplatedNoticesStayApart) {
  const test::TempDir temp;
  const std::string lede =
      "The city council voted on Tuesday to extend the late-night bus service to the "
      "eastern suburbs after a year-long trial drew more riders than expected.";
  Article republished = test::MakeArticle(
      "republished", "Council extends night buses - Valley Courier",
      absl::StrCat("Sponsored by Valley Courier Partners\n\n", lede,
                   "\n\nFollow Valley Courier on Facebook and X for the latest updates"));
  republished.source = "Valley Courier";
  const std::string edited =
      absl::StrCat("Listen to this story (2 min)\n\n",
                   absl::StrReplaceAll(lede, {{"drew more riders", "drew many more riders"}}),
                   "\n\nRead more at metroherald.org");
  const std::string notice = "Qtly div 10 cts vs 10 cts prior\nPay April 1\nRecord March 15";
  {
    auto indexer = Indexer::Open({.db_path = temp.path() + "/db"});
    ASSERT_TRUE(indexer.ok());
    ASSERT_TRUE((*indexer)->Add(republished).ok());  // before its original
    ASSERT_TRUE(
        (*indexer)->Add(test::MakeArticle("original", "Council extends night buses", lede)).ok());
    ASSERT_TRUE(
        (*indexer)
            ->Add(test::MakeArticle("edited", "Metro Herald | Council extends night buses", edited))
            .ok());
    ASSERT_TRUE((*indexer)
                    ->Add(test::MakeArticle("alpha", "ALPHA CORP SETS QUARTERLY DIVIDEND", notice))
                    .ok());
    ASSERT_TRUE((*indexer)
                    ->Add(test::MakeArticle("omega", "OMEGA INC SETS QUARTERLY DIVIDEND", notice))
                    .ok());
    ASSERT_TRUE(
        (*indexer)
            ->Add(test::MakeArticle("alpha-2", "ALPHA CORP SETS QUARTERLY DIVIDEND",
                                    absl::StrReplaceAll(notice, {{"10 cts vs", "12 cts vs"}})))
            .ok());
  }
  const Snapshot snapshot = Read(temp.path() + "/db");
  auto cluster = [&](const char* id) { return snapshot.cluster.at(schema::IdTerm(id)); };
  EXPECT_EQ(cluster("republished"), cluster("original"));
  EXPECT_EQ(cluster("edited"), cluster("original"));
  EXPECT_NE(cluster("alpha"), cluster("omega"));    // another company
  EXPECT_NE(cluster("alpha"), cluster("alpha-2"));  // another figure
  // The site's name is chrome in the title the user sees; without the source, the title is
  // kept as it came.
  auto searcher = Searcher::Open({temp.path() + "/db"});
  ASSERT_TRUE(searcher.ok());
  EXPECT_EQ((*searcher)->Get("republished")->article.title, "Council extends night buses");
  EXPECT_EQ((*searcher)->Get("edited")->article.title,
            "Metro Herald | Council extends night buses");
}

uint64_t DirectoryBytes(const std::string& path) {
  uint64_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(path)) bytes += entry.file_size();
  return bytes;
}

TEST(ParallelIndexingTest, CompactKeepsEveryDocumentShrinksTheIndexAndTheIndexerGoesOn) {
  const test::TempDir temp;
  const std::string path = temp / "db";
  auto indexer = Indexer::Open({.db_path = path, .commit_every = 5, .bulk_build = false});
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
  const Snapshot added =
      AddRepublicationOfTheFirstSampleArticle(**indexer, path, "republished-after-compaction");
  EXPECT_EQ(added.cluster.size(), before.cluster.size() + 1);
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
  ASSERT_TRUE(
      test::BuildIndex({.db_path = path}, {test::MakeArticle("a", "Title", "Some body text here.")})
          .ok());
  auto indexer = Indexer::Open({.db_path = path});
  ASSERT_TRUE(indexer.ok());
  EXPECT_FALSE((*indexer)->opened_empty());
}

// Writes `articles` as JSON Lines to `path`.
void WriteJsonLines(const std::string& path, const std::vector<Article>& articles) {
  std::string text;
  for (const Article& article : articles) {
    nlohmann::json record = {{"id", article.id},     {"title", article.title},
                             {"body", article.body}, {"source", article.source},
                             {"url", article.url},   {"dateline", article.dateline}};
    if (article.date.has_value()) record["date"] = article.date->Iso8601();
    text += record.dump() + "\n";
  }
  test::WriteFile(path, text);
}

// The sample, then republications (new ids: they join their stories' clusters) and
// corrections (ids seen before: they replace the earlier version, one of them twice), so a
// bulk build has near-duplicates across chunks and replacements to apply after its merge.
std::vector<Article> SampleWithRepublicationsAndCorrections() {
  std::vector<Article> articles = ReadAll(kSample);
  const size_t sample = articles.size();
  for (size_t i = 0; i < sample; i += 4) {
    Article copy = articles[i];
    copy.id = absl::StrCat("republished-", i);
    copy.body += "\n\nRead more on our website.";
    articles.push_back(copy);
  }
  for (size_t i = 0; i < sample; i += 5) {
    Article correction = articles[i];
    correction.body += "\n\nCorrection: an earlier version of this story gave a wrong figure.";
    articles.push_back(correction);
  }
  // The first article replaced a second time, by a story of its own, and then that story
  // republished: the republication can only find it as the replacement it is.
  Article rewritten = articles[0];
  rewritten.title = "Ferry timetable changes after harbour survey";
  rewritten.body =
      "The island ferry company will run two fewer crossings each weekday from next month "
      "after a survey of the harbour found silt building up faster than expected near the "
      "northern berth. Dredging is planned for the spring, the company said, and the "
      "evening sailings will leave twenty minutes earlier until the work is finished. "
      "Season ticket holders can ask for a partial refund at the terminal office.";
  articles.push_back(rewritten);
  Article copy_of_rewritten = rewritten;
  copy_of_rewritten.id = "republished-rewritten";
  articles.push_back(copy_of_rewritten);
  return articles;
}

TEST(ParallelIndexingTest, ABulkBuildInManyChunksBuildsTheIndexThatAddingOneByOneBuilds) {
  ASSERT_TRUE(fs::exists(kSample)) << kSample;
  const test::TempDir temp;
  const std::string input = temp / "input.jsonl";
  WriteJsonLines(input, SampleWithRepublicationsAndCorrections());
  const std::vector<Article> articles = ReadAll(input);
  {
    auto sequential = Indexer::Open({.db_path = temp / "one_by_one"});
    ASSERT_TRUE(sequential.ok());
    CorpusBlock block;  // one block: the articles share its statistics, as in IndexPath
    for (const Article& article : articles) ASSERT_FALSE(block.Add(article));
    const CorpusBlock::Taken taken = block.Take(*EntityResources::Shared());
    const RecurringChrome chrome(taken.articles);
    for (const Article& article : taken.articles) {
      ASSERT_TRUE((*sequential)->Add(article, taken.statistics.get(), &chrome).ok());
    }
    ASSERT_TRUE((*sequential)->Commit().ok());
  }
  const Snapshot expected = Read(temp / "one_by_one");
  ASSERT_EQ(expected.cluster.size(), 60u);              // 47 + 12 republications + 1
  ASSERT_LT(expected.cluster.size(), articles.size());  // corrections replaced articles
  // The rewritten article's republication joined it, not the story it once was.
  const std::string first = schema::IdTerm(articles[0].id);
  EXPECT_EQ(expected.cluster.at(schema::IdTerm("republished-rewritten")),
            expected.cluster.at(first));
  EXPECT_NE(expected.cluster.at(schema::IdTerm("republished-0")), expected.cluster.at(first));
  // The band postings are metadata (band_store.h), so the metadata compared below has them.
  size_t band_buckets = 0;
  for (const auto& [key, entry] : expected.metadata) {
    if (key.rfind(std::string(schema::kBandBucketKeyPrefix), 0) == 0) ++band_buckets;
  }
  EXPECT_GT(band_buckets, 300u);  // 12 bands of ~50 articles, nearly a bucket each

  for (size_t chunk : {3, 7, 1000}) {
    for (size_t writers : {1, 3}) {
      SCOPED_TRACE(absl::StrCat("chunks of ", chunk, ", ", writers, " writers"));
      const std::string path = absl::StrCat(temp.path(), "/bulk", chunk, "_", writers);
      auto bulk = Indexer::Open({.db_path = path,
                                 .commit_every = 2,
                                 .bulk_chunk_articles = chunk,
                                 .writer_threads = writers});
      ASSERT_TRUE(bulk.ok());
      IndexReport report;
      const absl::Status status = (*bulk)->IndexPath(input, nullptr, &report);
      ASSERT_TRUE(status.ok()) << status;
      EXPECT_EQ(report.articles, articles.size());
      EXPECT_EQ((*bulk)->article_count(), expected.cluster.size());
      EXPECT_FALSE(fs::exists(path + ".bulk"));
      const Snapshot got = Read(path);
      EXPECT_EQ(got.docid, expected.docid);
      EXPECT_EQ(got.cluster, expected.cluster);
      EXPECT_EQ(got.data, expected.data);
      EXPECT_EQ(got.terms, expected.terms);
      EXPECT_EQ(got.metadata, expected.metadata);
    }
  }
}

// A bulk build is all or nothing: readers see an empty index until IndexPath returns, then
// every article, committed. Later articles go into the merged index as usual.
TEST(ParallelIndexingTest, ABulkBuildIsVisibleWhenIndexPathReturnsAndTheIndexerGoesOn) {
  ASSERT_TRUE(fs::exists(kSample)) << kSample;
  const test::TempDir temp;
  const std::string path = temp / "db";
  auto indexer = Indexer::Open({.db_path = path, .commit_every = 2, .bulk_chunk_articles = 5});
  ASSERT_TRUE(indexer.ok());
  std::vector<Xapian::doccount> seen_during;
  IndexObserver observer;
  observer.on_progress = [&](const IndexReport&) {
    seen_during.push_back(Xapian::Database(path).get_doccount());
  };
  IndexReport report;
  ASSERT_TRUE((*indexer)->IndexPath(kSample, &observer, &report).ok());
  EXPECT_EQ(report.articles, 47u);
  ASSERT_FALSE(seen_during.empty());
  EXPECT_THAT(seen_during, testing::Each(0u));
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 47u);  // before any Commit()

  // The merge left it compact: Compact() has nothing to do.
  const uint64_t bytes = DirectoryBytes(path);
  ASSERT_TRUE((*indexer)->Compact().ok());
  EXPECT_EQ(DirectoryBytes(path), bytes);

  // Still the writer, with what it knows of the build: a republication joins its story.
  const Snapshot after =
      AddRepublicationOfTheFirstSampleArticle(**indexer, path, "republished-after-bulk");
  EXPECT_EQ(after.cluster.size(), 48u);
  // A second IndexPath on the now non-empty index replaces in place, as Add does.
  ASSERT_TRUE((*indexer)->IndexPath(kSample, nullptr, &report).ok());
  ASSERT_TRUE((*indexer)->Commit().ok());
  EXPECT_EQ(Read(path).docid, after.docid);
}

// Chrome found by recurrence (cleaner.h, RecurringChrome) through the whole indexer: a
// syndication feed known only by its host puts the same lines around every story and its
// name on every title; they are left out of what is indexed and shown, the body as read is
// kept, and a republication from that feed joins its story.
TEST(ParallelIndexingTest, ChromeThatRecursAcrossAFeedsArticlesIsLeftOutOfTheIndex) {
  const test::TempDir temp;
  const std::vector<std::string> ledes = {
      "The city council voted on Tuesday to extend the late-night bus service to the eastern "
      "suburbs after a year-long trial drew more riders than expected.",
      "Fishermen in the harbour say the new quota rules will halve their winter catch, and "
      "their association has asked the ministry to delay them.",
      "A fire at a disused warehouse on the waterfront was put out overnight, and nobody was "
      "hurt, the fire service said on Wednesday morning."};
  const std::vector<std::string> titles = {"Night buses extended", "Quota rules anger fishermen",
                                           "Warehouse fire put out"};
  std::vector<Article> articles;
  articles.push_back(test::MakeArticle("original", titles[0], ledes[0]));
  for (size_t i = 0; i < ledes.size(); ++i) {
    Article article =
        test::MakeArticle(absl::StrCat("feed-", i), absl::StrCat(titles[i], " - Harbour Gazette"),
                          absl::StrCat("Brought to you by Meridian Bank\n\n", ledes[i],
                                       "\n\nMore from the harbour every morning"));
    article.url = absl::StrCat("https://feed3.syndication-hub.net/item/", i);
    articles.push_back(std::move(article));
  }
  const std::string input = temp / "feed.jsonl";
  WriteJsonLines(input, articles);
  {
    auto indexer = Indexer::Open({.db_path = temp / "db"});
    ASSERT_TRUE(indexer.ok());
    IndexReport report;
    ASSERT_TRUE((*indexer)->IndexPath(input, nullptr, &report).ok());
    EXPECT_EQ(report.articles, 4u);
  }
  auto searcher = Searcher::Open({temp / "db"});
  ASSERT_TRUE(searcher.ok());
  for (size_t i = 0; i < ledes.size(); ++i) {
    const auto record = (*searcher)->Get(absl::StrCat("feed-", i));
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->article.title, titles[i]);
    EXPECT_EQ(record->article.body, ledes[i]);
    EXPECT_THAT(record->article.original_body, testing::HasSubstr("Meridian Bank"));
  }
  EXPECT_EQ((*searcher)->Get("feed-0")->cluster_id, (*searcher)->Get("original")->cluster_id);
  EXPECT_NE((*searcher)->Get("feed-1")->cluster_id, (*searcher)->Get("original")->cluster_id);
}

}  // namespace
}  // namespace newsgrep
