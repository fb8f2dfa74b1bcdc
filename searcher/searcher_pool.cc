// SPDX-License-Identifier: GPL-2.0-or-later
/// @file searcher_pool.cc
/// @brief A thread-safe pool of Searchers.
#include "newsgrep/searcher_pool.h"

#include <utility>

namespace newsgrep {

SearcherPool::Lease::Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher)
    : pool_(pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), searcher_(std::move(other.searcher_)) {}

SearcherPool::Lease& SearcherPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Return();
    pool_ = std::exchange(other.pool_, nullptr);
    searcher_ = std::move(other.searcher_);
  }
  return *this;
}

SearcherPool::Lease::~Lease() { Return(); }

void SearcherPool::Lease::Return() {
  if (pool_ != nullptr && searcher_ != nullptr) pool_->Release(std::move(searcher_));
  pool_ = nullptr;
  searcher_.reset();
}

SearcherPool::SearcherPool(SearcherPoolOptions options) : options_(std::move(options)) {}

SearcherPool::~SearcherPool() = default;

absl::StatusOr<std::unique_ptr<SearcherPool>> SearcherPool::Open(SearcherPoolOptions options) {
  absl::StatusOr<std::unique_ptr<Searcher>> first =
      Searcher::Open(options.db_paths, options.open_options);
  if (!first.ok()) return first.status();
  std::unique_ptr<SearcherPool> pool(new SearcherPool(std::move(options)));
  absl::MutexLock lock(&pool->mu_);
  pool->idle_.push_back(*std::move(first));
  pool->open_ = 1;
  return pool;
}

absl::StatusOr<SearcherPool::Lease> SearcherPool::Acquire() {
  std::unique_ptr<Searcher> searcher;
  {
    absl::MutexLock lock(&mu_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  // Opening and reopening read files: done outside the lock.
  if (searcher != nullptr) {
    if (options_.reopen_on_acquire) {
      if (absl::Status status = searcher->Reopen(); !status.ok()) {
        absl::MutexLock lock(&mu_);
        --open_;
        return status;
      }
    }
    return Lease(this, std::move(searcher));
  }
  absl::StatusOr<std::unique_ptr<Searcher>> opened =
      Searcher::Open(options_.db_paths, options_.open_options);
  if (!opened.ok()) return opened.status();
  {
    absl::MutexLock lock(&mu_);
    ++open_;
  }
  return Lease(this, *std::move(opened));
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  absl::MutexLock lock(&mu_);
  if (idle_.size() < options_.max_idle) {
    idle_.push_back(std::move(searcher));
    return;
  }
  --open_;
  // `searcher` closes when this returns (the lock is still held; closing only releases
  // file handles).
}

size_t SearcherPool::idle_count() const {
  absl::MutexLock lock(&mu_);
  return idle_.size();
}

size_t SearcherPool::open_count() const {
  absl::MutexLock lock(&mu_);
  return open_;
}

}  // namespace newsgrep
