// SPDX-License-Identifier: GPL-2.0-or-later
// One writer at a time, for the whole life of an Indexer: a bulk build's swap and a
// compaction's swap replace the index directory, and at no moment of either may another
// writer (another newsgrep, or any Xapian writer) get the index's lock.
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/indexer.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;

// Tries to open `path` for writing, as fast as it can, until stopped; counts the times it
// got the lock. Each win is a moment in which a second writer could have written.
class LockProbe {
 public:
  explicit LockProbe(std::string path) : path_(std::move(path)), thread_([this] { Run(); }) {}
  ~LockProbe() { Stop(); }

  // Stops probing; the number of times the lock was won.
  int Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return wins_;
  }
  int attempts() const { return attempts_; }

 private:
  void Run() {
    while (!stop_) {
      ++attempts_;
      try {
        Xapian::WritableDatabase db(path_, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
        ++wins_;
        db.close();
      } catch (const Xapian::Error&) {
        // Locked (the expected outcome) or not there at this instant.
      }
    }
  }

  const std::string path_;
  std::atomic<bool> stop_{false};
  std::atomic<int> wins_{0};
  std::atomic<int> attempts_{0};
  std::thread thread_;
};

std::string WriteArticles(const test::TempDir& temp, int count) {
  const std::string input = temp / "in";
  for (int i = 0; i < count; ++i) {
    test::WriteFile(absl::StrCat(input, "/a", i, ".txt"),
                    absl::StrCat("Title: Story number ", i, "\n\nThe body of story ", i,
                                 " says something about harbour cranes and tides."));
  }
  return input;
}

// Issue point 1: a fresh bulk build closed the index (releasing Xapian's lock) before
// exchanging directories and reopened it after, and a second writer in that window won
// the index (and could lose the first writer's articles or corrupt the index).
TEST(WriterLockTest, TwoWriterRaceNoOtherWriterGetsTheLockDuringABulkBuildSwap) {
  const test::TempDir temp;
  const std::string input = WriteArticles(temp, 12);
  int wins = 0;
  int attempts = 0;
  for (int round = 0; round < 25; ++round) {
    const std::string path = temp / absl::StrCat("db", round);
    auto indexer = Indexer::Open({.db_path = path, .bulk_chunk_articles = 5});
    ASSERT_TRUE(indexer.ok()) << indexer.status();
    LockProbe probe(path);
    IndexReport report;
    const absl::Status status = (*indexer)->IndexPath(input, nullptr, &report);
    ASSERT_TRUE(status.ok()) << "round " << round << ": " << status;
    ASSERT_TRUE((*indexer)->Commit().ok());
    wins += probe.Stop();
    attempts += probe.attempts();
    EXPECT_EQ((*indexer)->article_count(), 12u);
    indexer->reset();
    EXPECT_EQ(Xapian::Database(path).get_doccount(), 12u);
  }
  EXPECT_EQ(wins, 0) << "of " << attempts << " attempts";
  EXPECT_GT(attempts, 0);
}

TEST(WriterLockTest, TwoWriterRaceNoOtherWriterGetsTheLockDuringACompaction) {
  const test::TempDir temp;
  const std::string path = temp / "db";
  auto indexer = Indexer::Open({.db_path = path, .bulk_build = false});
  ASSERT_TRUE(indexer.ok()) << indexer.status();
  LockProbe probe(path);
  for (int round = 0; round < 25; ++round) {
    ASSERT_TRUE((*indexer)
                    ->Add(test::MakeArticle(absl::StrCat("a", round), "Cranes",
                                            absl::StrCat("Harbour cranes, story ", round)))
                    .ok());
    const absl::Status status = (*indexer)->Compact();
    ASSERT_TRUE(status.ok()) << "round " << round << ": " << status;
  }
  EXPECT_EQ(probe.Stop(), 0) << "of " << probe.attempts() << " attempts";
  EXPECT_EQ((*indexer)->article_count(), 25u);
  indexer->reset();
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 25u);
}

// The lock is released when the Indexer is gone: the next writer gets the index, with
// everything the first one wrote.
TEST(WriterLockTest, TheNextWriterGetsTheIndexWhenTheIndexerIsGone) {
  const test::TempDir temp;
  const std::string input = WriteArticles(temp, 3);
  const std::string path = temp / "db";
  {
    auto indexer = Indexer::Open({.db_path = path});
    ASSERT_TRUE(indexer.ok());
    IndexReport report;
    ASSERT_TRUE((*indexer)->IndexPath(input, nullptr, &report).ok());
    auto second = Indexer::Open({.db_path = path});
    EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  }
  auto next = Indexer::Open({.db_path = path});
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ((*next)->article_count(), 3u);
}

// Issue point 5: a writer killed during a bulk build or a compaction left PATH.bulk or
// PATH.compacting (each the size of the index) behind for good.
TEST(WriterLockTest, LeftoversOfAKilledWriterAreRemovedByTheNextWriter) {
  const test::TempDir temp;
  const std::string path = temp / "db";
  test::WriteFile(path + ".bulk/chunk-0/postlist.glass", "left by a killed build");
  test::WriteFile(path + ".compacting/postlist.glass", "left by a killed compaction");
  auto indexer = Indexer::Open({.db_path = path});
  ASSERT_TRUE(indexer.ok()) << indexer.status();
  EXPECT_FALSE(fs::exists(path + ".bulk"));
  EXPECT_FALSE(fs::exists(path + ".compacting"));
}

// ... but only by the writer that holds the lock: the directories of a running writer stay.
TEST(WriterLockTest, ASecondWriterThatIsRefusedRemovesNothing) {
  const test::TempDir temp;
  const std::string path = temp / "db";
  auto indexer = Indexer::Open({.db_path = path});
  ASSERT_TRUE(indexer.ok()) << indexer.status();
  test::WriteFile(path + ".bulk/chunk-0/postlist.glass", "the first writer's");
  auto second = Indexer::Open({.db_path = path});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(fs::exists(path + ".bulk/chunk-0/postlist.glass"));
}

}  // namespace
}  // namespace newsgrep
