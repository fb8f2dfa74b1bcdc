// SPDX-License-Identifier: GPL-2.0-or-later
/// @file searcher_pool.h
/// @brief Hands out Searchers to threads: a server thread leases one per request instead
/// of opening the index each time or sharing one Searcher (which is not thread-safe).
///
/// Example:
///   auto pool = newsgrep::SearcherPool::Open({.db_paths = {"/var/lib/news/index"}});
///   if (!pool.ok()) return pool.status();
///   // on any thread:
///   absl::StatusOr<newsgrep::SearcherPool::Lease> searcher = (*pool)->Acquire();
///   if (!searcher.ok()) return searcher.status();
///   auto results = (*searcher)->Search("nato", {});   // the lease returns it when destroyed
///
/// Acquire() reuses an idle Searcher (reopened first, so it sees the latest commit) or
/// opens a new one; a returned Searcher is kept for reuse, up to max_idle of them.
///
/// Thread safety: a SearcherPool is thread-safe. A Lease, like the Searcher it holds, is
/// for one thread at a time; it may move to another thread.
///
/// Lifetime: the pool must outlive every Lease it handed out.
#ifndef NEWSGREP_SEARCHER_SEARCHER_POOL_H_
#define NEWSGREP_SEARCHER_SEARCHER_POOL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "newsgrep/searcher.h"

namespace newsgrep {

struct SearcherPoolOptions {
  /// The indexes each Searcher opens (as Searcher::Open). REQUIRES: at least one.
  std::vector<std::string> db_paths;
  /// Idle Searchers kept for reuse; more are closed when returned. Default: 8.
  size_t max_idle = 8;
  /// Reopen an idle Searcher when it is handed out, to see the latest commit. Default: true.
  bool reopen_on_acquire = true;
  /// How each Searcher opens the indexes (Searcher::Open): locations, remote shards.
  OpenOptions open_options = {};
};

class SearcherPool {
 public:
  /// A Searcher on loan; returned to the pool when the Lease is destroyed. Movable.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    Searcher& operator*() const { return *searcher_; }
    Searcher* operator->() const { return searcher_.get(); }

   private:
    friend class SearcherPool;
    Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher);
    void Return();

    SearcherPool* pool_ = nullptr;
    std::unique_ptr<Searcher> searcher_;
  };

  /// Opens one Searcher to check the indexes (the errors of Searcher::Open) and keeps it.
  static absl::StatusOr<std::unique_ptr<SearcherPool>> Open(SearcherPoolOptions options);

  /// REQUIRES: every Lease has been destroyed.
  ~SearcherPool();
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  /// An idle Searcher (reopened unless options say not to) or a newly opened one.
  /// Returns the errors of Searcher::Open / Reopen (e.g. the index was removed).
  absl::StatusOr<Lease> Acquire() ABSL_LOCKS_EXCLUDED(mu_);

  /// Searchers waiting for reuse.
  size_t idle_count() const ABSL_LOCKS_EXCLUDED(mu_);
  /// Searchers opened so far (idle or on loan, not counting ones closed).
  size_t open_count() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  explicit SearcherPool(SearcherPoolOptions options);
  void Release(std::unique_ptr<Searcher> searcher) ABSL_LOCKS_EXCLUDED(mu_);

  const SearcherPoolOptions options_;
  mutable absl::Mutex mu_;
  std::vector<std::unique_ptr<Searcher>> idle_ ABSL_GUARDED_BY(mu_);
  size_t open_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace newsgrep

#endif  // NEWSGREP_SEARCHER_SEARCHER_POOL_H_
