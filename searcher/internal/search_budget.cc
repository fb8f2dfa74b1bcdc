// SPDX-License-Identifier: GPL-2.0-or-later
/// @file search_budget.cc
/// @brief The posting source that ends a match when its time is up.
#include "internal/search_budget.h"

#include <string>
#include <utility>

namespace newsgrep::internal {
namespace {

// Every document of the database, in order, until the budget expires; then at its end.
// Weightless, so it changes no score.
class BudgetSource : public Xapian::PostingSource {
 public:
  explicit BudgetSource(std::shared_ptr<SearchBudget> budget) : budget_(std::move(budget)) {}

  void init(const Xapian::Database& db) override {
    last_ = db.get_lastdocid();
    doccount_ = db.get_doccount();
    current_ = 0;
    at_end_ = false;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return doccount_; }
  Xapian::doccount get_termfreq_max() const override { return doccount_; }
  Xapian::docid get_docid() const override { return current_; }
  bool at_end() const override { return at_end_; }
  void next(double) override { MoveTo(current_ + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (did > current_) MoveTo(did);
  }
  bool check(Xapian::docid did, double) override {
    // Not necessarily a document (docids may have gaps); the query it filters decides.
    MoveTo(did);
    return true;
  }
  Xapian::PostingSource* clone() const override { return new BudgetSource(budget_); }
  std::string get_description() const override { return "newsgrep.budget"; }

 private:
  void MoveTo(Xapian::docid did) {
    current_ = did;
    if (did > last_ || budget_->Expired()) at_end_ = true;
  }

  std::shared_ptr<SearchBudget> budget_;
  Xapian::docid last_ = 0;
  Xapian::doccount doccount_ = 0;
  Xapian::docid current_ = 0;
  bool at_end_ = false;
};

}  // namespace

Xapian::Query WithinBudget(const Xapian::Query& query, std::shared_ptr<SearchBudget> budget) {
  Xapian::Query check((new BudgetSource(std::move(budget)))->release());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, check);
}

}  // namespace newsgrep::internal
