// SPDX-License-Identifier: GPL-2.0-or-later
// Unit tests for the indexer's internal OrderedPipeline and the near-duplicate KeyFilter.
#include "internal/ordered_pipeline.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/cluster_assigner.h"

namespace newsgrep::internal {
namespace {

using ::testing::HasSubstr;

// Items finish out of order (later items are quicker), yet arrive in order.
TEST(OrderedPipelineTest, ResultsArriveInSubmissionOrder) {
  std::vector<std::string> consumed;
  std::atomic<size_t> max_worker{0};
  {
    OrderedPipeline<int, std::string> pipeline(
        4, 16,
        [&](int&& n, size_t worker) {
          size_t seen = max_worker.load();
          while (worker > seen && !max_worker.compare_exchange_weak(seen, worker)) {
          }
          std::this_thread::sleep_for(std::chrono::microseconds((200 - n) % 7 * 100));
          return std::to_string(n);
        },
        [&](std::string&& s) {
          consumed.push_back(std::move(s));
          return absl::OkStatus();
        });
    for (int i = 0; i < 200; ++i) ASSERT_TRUE(pipeline.Submit(i).ok());
    ASSERT_TRUE(pipeline.Finish().ok());
  }
  ASSERT_EQ(consumed.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(consumed[static_cast<size_t>(i)], std::to_string(i));
  EXPECT_LT(max_worker.load(), 4u);  // worker indexes are 0..threads-1
}

// The consumer is woken for runs of results and a blocked producer when the pipeline is
// half empty: whatever the limit, the number of workers and the pace of the producer (here
// a pause every few items, so that the pipeline often holds fewer items than a run), every
// item arrives, in order, and nothing waits forever.
TEST(OrderedPipelineTest, EveryShapeDeliversEverythingInOrder) {
  for (size_t threads : {1, 3}) {
    for (size_t max_in_flight : {1, 2, 3, 7, 64}) {
      std::vector<int> consumed;
      OrderedPipeline<int, int> pipeline(
          threads, max_in_flight, [](int&& n, size_t) { return n; },
          [&](int&& n) {
            consumed.push_back(n);
            return absl::OkStatus();
          });
      for (int i = 0; i < 300; ++i) {
        if (i % 11 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
        ASSERT_TRUE(pipeline.Submit(i).ok());
      }
      ASSERT_TRUE(pipeline.Finish().ok());
      ASSERT_EQ(consumed.size(), 300u) << threads << " threads, " << max_in_flight;
      for (int i = 0; i < 300; ++i) ASSERT_EQ(consumed[static_cast<size_t>(i)], i);
    }
  }
}

TEST(OrderedPipelineTest, NeverMoreThanMaxInFlight) {
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  OrderedPipeline<int, int> pipeline(
      3, 5,
      [&](int&& n, size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        return n;
      },
      [&](int&&) {
        --in_flight;
        return absl::OkStatus();
      });
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(pipeline.Submit(i).ok());
    const int now = ++in_flight;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
  }
  ASSERT_TRUE(pipeline.Finish().ok());
  EXPECT_EQ(in_flight.load(), 0);
  // The producer counts an item after Submit returns, the consumer before the pipeline
  // frees its slot: at most one more than the limit can be seen.
  EXPECT_LE(most.load(), 6);
}

TEST(OrderedPipelineTest, FirstConsumerErrorStopsEverythingAndIsReturned) {
  std::vector<int> consumed;
  OrderedPipeline<int, int> pipeline(
      2, 4, [](int&& n, size_t) { return n; },
      [&](int&& n) {
        if (n == 10) return absl::InternalError("disk full at 10");
        consumed.push_back(n);
        return absl::OkStatus();
      });
  absl::Status status;
  int submitted = 0;
  for (; submitted < 1000 && status.ok(); ++submitted) status = pipeline.Submit(submitted);
  EXPECT_THAT(std::string(status.message()), HasSubstr("disk full at 10"));
  EXPECT_LT(submitted, 1000);  // submitting stopped early
  const absl::Status finished = pipeline.Finish();
  EXPECT_EQ(finished.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(pipeline.Finish(), finished);  // idempotent
  ASSERT_EQ(consumed.size(), 10u);         // nothing after the failed item
  for (int i = 0; i < 10; ++i) EXPECT_EQ(consumed[static_cast<size_t>(i)], i);
}

TEST(OrderedPipelineTest, DestructorWaitsForSubmittedItems) {
  std::atomic<int> consumed{0};
  {
    OrderedPipeline<int, int> pipeline(
        2, 8, [](int&& n, size_t) { return n; },
        [&](int&&) {
          ++consumed;
          return absl::OkStatus();
        });
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(pipeline.Submit(i).ok());
  }
  EXPECT_EQ(consumed.load(), 50);
}

uint64_t Key(uint64_t i) { return i * 0x9E3779B97F4A7C15ULL + 17; }

TEST(KeyFilterTest, NoFalseNegativesAcrossLevelsAndFewFalsePositives) {
  KeyFilter filter;
  constexpr uint64_t kKeys = 300000;  // several levels
  for (uint64_t i = 0; i < kKeys; ++i) filter.Insert(Key(i));
  EXPECT_EQ(filter.size(), kKeys);
  for (uint64_t i = 0; i < kKeys; ++i) ASSERT_TRUE(filter.MayContain(Key(i))) << i;
  size_t false_positives = 0;
  constexpr uint64_t kProbes = 100000;
  for (uint64_t i = kKeys; i < kKeys + kProbes; ++i) false_positives += filter.MayContain(Key(i));
  EXPECT_LT(false_positives, kProbes * 3 / 100);  // ~1 % per level, a few levels
}

TEST(KeyFilterTest, EmptyFilterContainsNothing) {
  KeyFilter filter;
  EXPECT_FALSE(filter.MayContain(1));
  EXPECT_FALSE(filter.MayContain(0));
}

}  // namespace
}  // namespace newsgrep::internal
