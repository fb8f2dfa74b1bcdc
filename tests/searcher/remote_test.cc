// SPDX-License-Identifier: GPL-2.0-or-later
/// @file remote_test.cc
/// @brief Searching through a stock xapian-tcpsrv (Xapian's remote backend) gives the answers
/// a local search gives: hits, order, scores, "+N similar", exact story counts, facets,
/// timelines, the recency bonus; and a shard that is down or too slow is named, or left
/// out with OpenOptions::partial.
#include <signal.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/searcher.h"
#include "testing/files.h"
#include "testing/index.h"
#include "testing/tcp_server.h"

namespace newsgrep {
namespace {

using test::BuildIndex;
using test::HaveTcpServer;
using test::MakeArticle;
using test::TcpServer;
using test::TempDir;
using ::testing::HasSubstr;

std::vector<Article> Articles() {
  const std::string wire =
      "Defence ministers agreed on Tuesday to send air defence systems to the region, "
      "officials said, after a meeting that lasted well into the night and ended with a "
      "joint statement on training and supplies for the coming winter.";
  return {MakeArticle("wire", "Ministers agree air defence package", wire,
                      test::Date("2025-08-19T09:00:00Z")),
          MakeArticle("copy", "Ministers agree air defence package - Daily Ledger",
                      absl::StrCat(wire, "\n\nFollow the Daily Ledger on X"),
                      test::Date("2025-08-19T11:30:00Z")),
          MakeArticle("other", "Air defence drill in the north",
                      "Crews tested air defence radars in the north on Monday as part of a "
                      "drill planned months ago, the army said in a brief statement.",
                      test::Date("2025-08-04")),
          MakeArticle("older", "Air defence budget",
                      "The air defence budget was cut, the ministry said.",
                      test::Date("2025-06-30"), "Continental Wire"),
          MakeArticle("unrelated", "Harbour reopens", "The harbour reopened on Friday.")};
}

struct Answer {
  std::vector<std::string> ids;
  std::vector<size_t> similar;
  std::vector<double> scores;
  size_t total = 0;
  bool exact = false;
};

Answer Ask(Searcher& searcher, const std::string& query, SearchOptions options = {}) {
  options.exact_count = true;
  absl::StatusOr<SearchResults> results = searcher.Search(query, options);
  EXPECT_TRUE(results.ok()) << query << ": " << results.status();
  Answer answer;
  if (!results.ok()) return answer;
  for (const Hit& hit : results->hits) {
    answer.ids.push_back(hit.article.id);
    answer.similar.push_back(hit.similar_count);
    answer.scores.push_back(hit.score);
  }
  answer.total = results->total;
  answer.exact = results->total_is_exact;
  return answer;
}

// The articles indexed at dir/db, served by a stock xapian-tcpsrv named by dir/remote.stub.
class RemoteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HaveTcpServer()) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian: xapian-tools)";
    ASSERT_TRUE(BuildIndex({.db_path = dir_ / "db"}, Articles()).ok());
    server_ = std::make_unique<TcpServer>(dir_ / "db");
    ASSERT_TRUE(server_->running()) << "xapian-tcpsrv did not start on port " << server_->port();
    std::ofstream(dir_ / "remote.stub") << "remote 127.0.0.1:" << server_->port() << "\n";
  }
  std::unique_ptr<Searcher> Open(const std::string& name) {
    absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({dir_ / name});
    EXPECT_TRUE(searcher.ok()) << searcher.status();
    return searcher.ok() ? *std::move(searcher) : nullptr;
  }

  TempDir dir_;
  std::unique_ptr<TcpServer> server_;  // declared after the directory: stopped first
};

TEST_F(RemoteTest, AStockServerGivesTheLocalAnswersAndExactStoryCounts) {
  const std::unique_ptr<Searcher> local = Open("db"), remote = Open("remote.stub");
  ASSERT_NE(local, nullptr);
  ASSERT_NE(remote, nullptr);
  for (const char* query : {"air defence", "\"air defence\"", "defence NEAR/5 statement",
                            "title:ministers", "harbour OR drill"}) {
    const Answer here = Ask(*local, query), there = Ask(*remote, query);
    EXPECT_EQ(there.ids, here.ids) << query;
    EXPECT_EQ(there.similar, here.similar) << query;
    EXPECT_EQ(there.scores, here.scores) << query;
    EXPECT_EQ(there.total, here.total) << query;
    EXPECT_TRUE(there.exact) << query;
  }
  // The wire story and its copy are one story: three stories match "air defence".
  EXPECT_EQ(Ask(*remote, "air defence").total, 3u);
}

// The recency bonus is Xapian's own ValueMapPostingSource: a stock server runs it.
TEST_F(RemoteTest, RecencyThroughAStockServerIsTheLocalOne) {
  const std::unique_ptr<Searcher> local = Open("db"), remote = Open("remote.stub");
  ASSERT_NE(local, nullptr);
  ASSERT_NE(remote, nullptr);
  SearchOptions options{.sort = SortOrder::kRecencyBoosted};
  options.recency_weight = 5;  // enough to reorder
  const Answer here = Ask(*local, "air defence", options);
  const Answer there = Ask(*remote, "air defence", options);
  EXPECT_EQ(there.ids, here.ids);
  EXPECT_EQ(there.scores, here.scores);
  ASSERT_EQ(here.ids.size(), 3u);
  EXPECT_EQ(here.ids.back(), "older");  // oldest last: the bonus did reorder
  EXPECT_NE(Ask(*local, "air defence").scores, here.scores);
}

// Facets and timelines: Xapian's own ValueCountMatchSpy over the count record, on every
// server, then counted on the client as the local match spy counts.
TEST_F(RemoteTest, FacetsAndTimelinesThroughAStockServerAreTheLocalOnes) {
  const std::unique_ptr<Searcher> local = Open("db"), remote = Open("remote.stub");
  ASSERT_NE(local, nullptr);
  ASSERT_NE(remote, nullptr);
  for (const bool collapse : {true, false}) {
    SearchOptions options{.collapse = collapse, .timeline = TimelineUnit::kAuto};
    options.facets.assign(schema::kFacets.size(), schema::Facet::kPerson);
    for (size_t i = 0; i < schema::kFacets.size(); ++i)
      options.facets[i] = schema::kFacets[i].facet;
    for (const char* query : {"air defence", "defence OR harbour", "ministry"}) {
      absl::StatusOr<SearchResults> here = local->Search(query, options);
      absl::StatusOr<SearchResults> there = remote->Search(query, options);
      ASSERT_TRUE(here.ok()) << here.status();
      ASSERT_TRUE(there.ok()) << query << ": " << there.status();
      EXPECT_EQ(there->total, here->total) << query;
      ASSERT_EQ(there->facets.size(), here->facets.size());
      size_t values = 0;
      for (size_t f = 0; f < here->facets.size(); ++f) {
        EXPECT_EQ(there->facets[f].distinct, here->facets[f].distinct) << query;
        ASSERT_EQ(there->facets[f].values.size(), here->facets[f].values.size()) << query;
        for (size_t v = 0; v < here->facets[f].values.size(); ++v) {
          EXPECT_EQ(there->facets[f].values[v].key, here->facets[f].values[v].key);
          EXPECT_EQ(there->facets[f].values[v].name, here->facets[f].values[v].name);
          EXPECT_EQ(there->facets[f].values[v].count, here->facets[f].values[v].count);
          ++values;
        }
      }
      ASSERT_TRUE(here->timeline && there->timeline);
      EXPECT_EQ(there->timeline->unit, here->timeline->unit);
      EXPECT_EQ(there->timeline->undated, here->timeline->undated);
      ASSERT_EQ(there->timeline->buckets.size(), here->timeline->buckets.size()) << query;
      for (size_t i = 0; i < here->timeline->buckets.size(); ++i) {
        EXPECT_EQ(there->timeline->buckets[i].start, here->timeline->buckets[i].start);
        EXPECT_EQ(there->timeline->buckets[i].count, here->timeline->buckets[i].count);
      }
      if (std::string(query) == "air defence") {
        // Something was counted: the sources and the days of the three stories (the wire
        // story and its copy once when collapsing).
        EXPECT_GT(values, 0u);
        EXPECT_EQ(here->total, collapse ? 3u : 4u);
      }
    }
  }
}

// Two shards, each served by its own stock xapian-tcpsrv, named by dir/shards.stub.
class RemoteShardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HaveTcpServer()) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian: xapian-tools)";
    const std::vector<Article> articles = Articles();
    ASSERT_TRUE(BuildIndex({.db_path = dir_ / "a"}, {articles[0], articles[2]}).ok());
    ASSERT_TRUE(BuildIndex({.db_path = dir_ / "b"}, {articles[3], articles[4]}).ok());
    std::ofstream stub(dir_ / "shards.stub");
    for (const char* name : {"a", "b"}) {
      servers_.push_back(std::make_unique<TcpServer>(dir_ / name));
      ASSERT_TRUE(servers_.back()->running()) << "xapian-tcpsrv did not start";
      stub << "remote 127.0.0.1:" << servers_.back()->port() << "\n";
    }
  }
  std::unique_ptr<Searcher> Open(const OpenOptions& options) {
    absl::StatusOr<std::unique_ptr<Searcher>> searcher =
        Searcher::Open({dir_ / "shards.stub"}, options);
    EXPECT_TRUE(searcher.ok()) << searcher.status();
    return searcher.ok() ? *std::move(searcher) : nullptr;
  }
  std::string Name(size_t server) const {
    return absl::StrCat("127.0.0.1:", servers_[server]->port(), " (");
  }

  TempDir dir_;
  std::vector<std::unique_ptr<TcpServer>> servers_;  // after the directory: stopped first
};

TEST_F(RemoteShardsTest, AShardThatIsDownIsNamedOrLeftOutWithPartial) {
  const std::unique_ptr<Searcher> strict = Open({});
  const std::unique_ptr<Searcher> partial = Open({.partial = true});
  ASSERT_NE(strict, nullptr);
  ASSERT_NE(partial, nullptr);
  ASSERT_EQ(Ask(*strict, "air defence").ids.size(), 3u);
  servers_[1]->Signal(SIGKILL);  // shard b (older) goes down between two searches
  absl::StatusOr<SearchResults> failed = strict->Search("air defence", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable) << failed.status();
  EXPECT_THAT(failed.status().message(), HasSubstr(Name(1)));
  absl::StatusOr<SearchResults> answered = partial->Search("air defence", {});
  ASSERT_TRUE(answered.ok()) << answered.status();
  EXPECT_EQ(answered->hits.size(), 2u);  // wire, other
  ASSERT_EQ(answered->missing_shards.size(), 1u);
  EXPECT_THAT(answered->missing_shards[0], HasSubstr(Name(1)));
  // Opening: refused without --partial, named; with it, the other shard answers.
  absl::StatusOr<std::unique_ptr<Searcher>> reopened = Searcher::Open({dir_ / "shards.stub"});
  ASSERT_FALSE(reopened.ok());
  EXPECT_THAT(reopened.status().message(), HasSubstr(Name(1)));
  const std::unique_ptr<Searcher> late = Open({.partial = true});
  ASSERT_NE(late, nullptr);
  answered = late->Search("air defence", {});
  ASSERT_TRUE(answered.ok()) << answered.status();
  EXPECT_EQ(answered->hits.size(), 2u);
  EXPECT_THAT(answered->missing_shards, ::testing::ElementsAre(HasSubstr(Name(1))));
}

// A server that still accepts connections but is slow on this search (its connection's
// process stops answering): found by the error's context, not by connecting afresh.
TEST_F(RemoteShardsTest, ASlowConnectionOfAServerThatStillAcceptsIsNamed) {
  const std::unique_ptr<Searcher> strict = Open({.remote_timeout = absl::Milliseconds(300)});
  ASSERT_NE(strict, nullptr);
  const std::vector<pid_t> connections = servers_[1]->Connections();
  ASSERT_EQ(connections.size(), 1u);  // strict's connection to shard b
  const std::unique_ptr<Searcher> partial =
      Open({.remote_timeout = absl::Milliseconds(300), .partial = true});
  ASSERT_NE(partial, nullptr);
  for (const pid_t pid : servers_[1]->Connections()) kill(pid, SIGSTOP);
  ASSERT_TRUE(servers_[1]->running());  // the listener itself still accepts
  absl::StatusOr<SearchResults> failed = strict->Search("air defence", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kDeadlineExceeded) << failed.status();
  EXPECT_THAT(failed.status().message(), HasSubstr(Name(1)));
  absl::StatusOr<SearchResults> answered = partial->Search("air defence", {});
  ASSERT_TRUE(answered.ok()) << answered.status();
  EXPECT_THAT(answered->missing_shards, ::testing::ElementsAre(HasSubstr(Name(1))));
  EXPECT_EQ(answered->hits.size(), 2u);  // wire, other (shard a)
  for (const pid_t pid : servers_[1]->Connections()) kill(pid, SIGCONT);
}

TEST_F(RemoteShardsTest, AShardThatAnswersTooSlowlyTimesOutNamed) {
  const std::unique_ptr<Searcher> strict = Open({.remote_timeout = absl::Milliseconds(300)});
  const std::unique_ptr<Searcher> partial =
      Open({.remote_timeout = absl::Milliseconds(300), .partial = true});
  ASSERT_NE(strict, nullptr);
  ASSERT_NE(partial, nullptr);
  servers_[0]->Signal(SIGSTOP);  // shard a stops answering, its connections stay open
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<SearchResults> failed = strict->Search("air defence", {});
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kDeadlineExceeded) << failed.status();
  EXPECT_THAT(failed.status().message(), HasSubstr(Name(0)));
  EXPECT_LT(took, std::chrono::seconds(5));  // the timeout, not Xapian's default 10 s
  absl::StatusOr<SearchResults> answered = partial->Search("air defence", {});
  ASSERT_TRUE(answered.ok()) << answered.status();
  EXPECT_THAT(answered->missing_shards, ::testing::ElementsAre(HasSubstr(Name(0))));
  ASSERT_EQ(answered->hits.size(), 1u);
  EXPECT_EQ(answered->hits[0].article.id, "older");
  servers_[0]->Signal(SIGCONT);
}

}  // namespace
}  // namespace newsgrep
