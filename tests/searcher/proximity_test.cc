// SPDX-License-Identifier: GPL-2.0-or-later
/// @file proximity_test.cc
/// @brief The proximity check (internal/proximity.h) on its own: the same matches whether a
/// candidate's positions are looked up term by term or after reading its term list, and no
/// more candidates checked once the search's time budget is up.
#include "internal/proximity.h"

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "internal/search_budget.h"
#include "newsgrep/indexer.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep::internal {
namespace {

using test::IndexedTerm;

// `alpha` OR `extra` more terms (absent from the index) NEAR/2 `gamma`.
std::shared_ptr<const ProximityExpr> AlphaNearGamma(int extra) {
  std::vector<Xapian::Query> words = {Xapian::Query(IndexedTerm("alpha"))};
  for (int i = 0; i < extra; ++i) words.emplace_back(IndexedTerm(absl::StrCat("absent", i)));
  auto expr = std::make_shared<ProximityExpr>();
  expr->sides = {Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()),
                 Xapian::Query(IndexedTerm("gamma"))};
  expr->links = {ProximityLink{ProximityKind::kNear, 2}};
  for (const Xapian::Query& side : expr->sides) {
    absl::StatusOr<SpanPattern> pattern = ToSpanPattern(side);
    EXPECT_TRUE(pattern.ok()) << pattern.status();
    if (pattern.ok()) expr->patterns.push_back(*pattern);
  }
  return expr;
}

std::vector<Xapian::docid> Matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::vector<Xapian::docid> docids;
  for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
  std::sort(docids.begin(), docids.end());
  return docids;
}

class ProximityCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Article> articles;
    for (int i = 0; i < 30; ++i) {
      // Every third article has alpha and gamma 2 words apart; the others 6.
      articles.push_back(test::MakeArticle(
          absl::StrCat("a", i), "Letters",
          i % 3 == 0 ? "alpha beta delta gamma" : "alpha beta delta epsilon zeta eta theta gamma"));
    }
    ASSERT_TRUE(
        test::BuildIndex({.db_path = dir_ / "db", .detect_duplicates = false}, articles).ok());
    db_ = Xapian::Database(dir_ / "db");
  }
  test::TempDir dir_;
  Xapian::Database db_;
};

TEST_F(ProximityCheckTest, ManyTermsReadTheTermListFirstAndMatchTheSame) {
  const std::vector<Xapian::docid> few = Matches(db_, ProximityQuery(AlphaNearGamma(1), 0));
  ASSERT_EQ(few.size(), 10u);
  EXPECT_EQ(Matches(db_, ProximityQuery(AlphaNearGamma(100), 0)), few);
}

// Issue point 3: the check stops with the budget (the searcher then reports
// DeadlineExceeded), also when it leads the match and runs through candidates itself.
TEST_F(ProximityCheckTest, QueriesThatRunForMinutesTheCheckStopsWhenTheBudgetIsUp) {
  auto budget = std::make_shared<SearchBudget>();
  for (int extra : {1, 100}) {
    const Xapian::Query query = ProximityQuery(AlphaNearGamma(extra), 0, budget);
    budget->Start(absl::Hours(1));
    EXPECT_EQ(Matches(db_, query).size(), 10u);
    EXPECT_FALSE(budget->Expired());
    budget->Start(absl::Nanoseconds(1));
    absl::SleepFor(absl::Milliseconds(1));
    EXPECT_TRUE(Matches(db_, query).empty()) << extra;
    EXPECT_TRUE(budget->Expired());
  }
  // The searcher's own check of every candidate (WithinBudget), on a plain word.
  budget->Start(absl::Nanoseconds(1));
  absl::SleepFor(absl::Milliseconds(1));
  EXPECT_TRUE(Matches(db_, WithinBudget(Xapian::Query(IndexedTerm("alpha")), budget)).empty());
  budget->Stop();
  EXPECT_EQ(Matches(db_, WithinBudget(Xapian::Query(IndexedTerm("alpha")), budget)).size(), 30u);
}

}  // namespace
}  // namespace newsgrep::internal
