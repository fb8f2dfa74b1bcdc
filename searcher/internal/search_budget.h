// SPDX-License-Identifier: GPL-2.0-or-later
/// @file search_budget.h
/// @brief The time a search may take (SearchOptions::time_limit), enforced inside the
/// match.
///
/// Xapian 1.4 cannot stop a match: Enquire::set_time_limit only stops it from counting
/// beyond what the page needs. So the budget is checked where a match spends its time: by
/// BudgetSource, a weightless posting source that the searcher ANDs with the query when a
/// limit is set (Xapian asks it about every candidate the query produces), and by the
/// proximity check (proximity.h), which can reject many candidates on its own. Once the
/// time is up both report the end of their lists, so the match ends at once, and the
/// searcher, seeing Expired(), returns DeadlineExceeded instead of the partial result.
///
/// Thread safety: a SearchBudget belongs to one Searcher, used from one thread at a time.
#ifndef NEWSGREP_SEARCHER_INTERNAL_SEARCH_BUDGET_H_
#define NEWSGREP_SEARCHER_INTERNAL_SEARCH_BUDGET_H_

#include <xapian.h>

#include <memory>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace newsgrep::internal {

class SearchBudget {
 public:
  /// Starts a search that may take `limit` from now (absl::InfiniteDuration(): no limit).
  void Start(absl::Duration limit) {
    deadline_ = limit == absl::InfiniteDuration() ? absl::InfiniteFuture() : absl::Now() + limit;
    expired_ = false;
  }
  /// No limit from here on.
  void Stop() { Start(absl::InfiniteDuration()); }
  /// Whether the time is up (reads the clock only when a limit is set; once up, stays up
  /// until the next Start).
  bool Expired() {
    if (!expired_ && deadline_ != absl::InfiniteFuture() && absl::Now() >= deadline_) {
      expired_ = true;
    }
    return expired_;
  }
  bool limited() const { return deadline_ != absl::InfiniteFuture(); }

 private:
  absl::Time deadline_ = absl::InfiniteFuture();
  bool expired_ = false;
};

/// `query` with its candidates checked against `budget`: every document it matches, until
/// the budget expires. Same matches and weights while there is time.
Xapian::Query WithinBudget(const Xapian::Query& query, std::shared_ptr<SearchBudget> budget);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_SEARCH_BUDGET_H_
