// SPDX-License-Identifier: GPL-2.0-or-later
/// @file ordered_pipeline.h
/// @brief Parallel preparation, in-order consumption: N worker threads transform items,
/// one consumer thread receives the results in the order the items were submitted.
///
/// The indexer uses it to analyse articles (cleaning, fingerprints, entities, term
/// generation) on the cores beside the single Xapian writer, while the writer still sees
/// the articles in input order (cluster assignment and replacement by id depend on it).
///
/// Example:
///   OrderedPipeline<int, std::string> pipeline(
///       2, 64, [](int&& n, size_t worker) { return std::to_string(n); },
///       [&](std::string&& s) { out.push_back(s); return absl::OkStatus(); });
///   for (int i = 0; i < 100; ++i) NEWSGREP_RETURN_IF_ERROR(pipeline.Submit(i));
///   return pipeline.Finish();
///
/// Thread safety: Submit and Finish are called from one thread (the producer). `prepare`
/// runs on the worker threads, concurrently with itself (worker index 0..threads-1 tells
/// which, so each can use its own per-thread state); `consume` runs on the consumer thread,
/// never concurrently with itself. An item is handed from thread to thread under a mutex
/// and touched by one thread at a time, so objects that are not thread-safe (Xapian
/// documents) may travel through it when nothing else holds a reference to them.
#ifndef NEWSGREP_INDEXER_INTERNAL_ORDERED_PIPELINE_H_
#define NEWSGREP_INDEXER_INTERNAL_ORDERED_PIPELINE_H_

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace newsgrep::internal {

template <typename In, typename Out>
class OrderedPipeline {
 public:
  using Prepare = std::function<Out(In&&, size_t worker)>;
  using Consume = std::function<absl::Status(Out&&)>;

  /// Starts `threads` workers (at least 1) and the consumer. At most `max_in_flight` items
  /// (at least 1) are submitted but not yet consumed; Submit blocks beyond that.
  OrderedPipeline(size_t threads, size_t max_in_flight, Prepare prepare, Consume consume)
      : prepare_(std::move(prepare)),
        consume_(std::move(consume)),
        max_in_flight_(max_in_flight == 0 ? 1 : max_in_flight),
        consume_batch_(std::max<size_t>(max_in_flight_ / 4, 1)) {
    if (threads == 0) threads = 1;
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this, i] { WorkerLoop(i); });
    consumer_ = std::thread([this] { ConsumerLoop(); });
  }

  /// Finishes (waits for every submitted item) if Finish was not called.
  ~OrderedPipeline() { (void)Finish(); }
  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  /// Queues `item`. Returns the consumer's first error instead once there is one (the item
  /// is then dropped, and so are items queued behind the failed one).
  absl::Status Submit(In item) {
    absl::MutexLock lock(&mutex_);
    while (error_.ok() && submitted_ - consumed_ >= max_in_flight_) room_.Wait(&mutex_);
    if (!error_.ok()) return error_;
    input_.emplace_back(submitted_++, std::move(item));
    work_.Signal();
    return absl::OkStatus();
  }

  /// Waits until every submitted item is consumed (or the consumer failed), stops the
  /// threads and returns the consumer's first error. Later calls return the same.
  absl::Status Finish() {
    {
      absl::MutexLock lock(&mutex_);
      if (finished_) return error_;
      while (error_.ok() && consumed_ != submitted_) room_.Wait(&mutex_);
      stopping_ = true;
      finished_ = true;
    }
    work_.SignalAll();
    ready_.SignalAll();
    for (std::thread& worker : workers_) worker.join();
    consumer_.join();
    absl::MutexLock lock(&mutex_);
    return error_;
  }

 private:
  void WorkerLoop(size_t worker) {
    for (;;) {
      std::pair<size_t, In> job;
      {
        absl::MutexLock lock(&mutex_);
        while (!stopping_ && input_.empty()) work_.Wait(&mutex_);
        if (input_.empty()) return;  // stopping, nothing left
        job = std::move(input_.front());
        input_.pop_front();
      }
      Out out = prepare_(std::move(job.second), worker);
      bool wake_consumer = false;
      {
        absl::MutexLock lock(&mutex_);
        done_.emplace(job.first, std::move(out));
        wake_consumer = ConsumerHasWork();
      }
      if (wake_consumer) ready_.Signal();
    }
  }

  // Whether the consumer has enough to take: a run of consume_batch_ results in order, or
  // all the submitted ones it has not taken (fewer). Waking the consumer for each result
  // would cost a context switch per item.
  bool ConsumerHasWork() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    const size_t wanted = std::min(consume_batch_, submitted_ - taken_);
    size_t run = 0;
    while (run < wanted && done_.count(taken_ + run) > 0) ++run;
    return wanted > 0 && run == wanted;
  }

  void ConsumerLoop() {
    std::vector<Out> run;
    for (;;) {
      {
        absl::MutexLock lock(&mutex_);
        while (!stopping_ && !ConsumerHasWork()) ready_.Wait(&mutex_);
        if (!error_.ok()) return;  // a failed item stops the consumer
        for (auto next = done_.find(taken_); next != done_.end(); next = done_.find(taken_)) {
          run.push_back(std::move(next->second));
          done_.erase(next);
          ++taken_;
        }
        if (run.empty()) return;  // stopping, nothing left to consume
      }
      for (Out& out : run) {
        absl::Status status = consume_(std::move(out));
        bool failed = false;
        bool wake_producer = false;
        {
          absl::MutexLock lock(&mutex_);
          ++consumed_;
          if (!status.ok() && error_.ok()) {
            error_ = std::move(status);
            stopping_ = true;  // drop the rest
            input_.clear();
            work_.SignalAll();
          }
          failed = !error_.ok();
          // A producer blocked on a full pipeline is woken when it is half empty (then it
          // submits half a pipeline in one go) rather than for every item consumed; Finish
          // when everything is consumed.
          const size_t in_flight = submitted_ - consumed_;
          wake_producer = failed || in_flight == max_in_flight_ / 2 || in_flight == 0;
        }
        if (wake_producer) room_.SignalAll();
        if (failed) return;
      }
      run.clear();
    }
  }

  const Prepare prepare_;
  const Consume consume_;
  const size_t max_in_flight_;
  const size_t consume_batch_;  // results the consumer is woken for (ConsumerHasWork)

  absl::Mutex mutex_;
  absl::CondVar work_;   // workers: input available or stopping
  absl::CondVar ready_;  // consumer: a run of results is done, or stopping
  absl::CondVar room_;   // producer: room to submit, all consumed, or error
  std::deque<std::pair<size_t, In>> input_ ABSL_GUARDED_BY(mutex_);
  std::map<size_t, Out> done_ ABSL_GUARDED_BY(mutex_);
  size_t submitted_ ABSL_GUARDED_BY(mutex_) = 0;
  size_t taken_ ABSL_GUARDED_BY(mutex_) = 0;     // results the consumer took from done_
  size_t consumed_ ABSL_GUARDED_BY(mutex_) = 0;  // results consumed (<= taken_)
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  bool finished_ ABSL_GUARDED_BY(mutex_) = false;
  absl::Status error_ ABSL_GUARDED_BY(mutex_);

  std::vector<std::thread> workers_;
  std::thread consumer_;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_ORDERED_PIPELINE_H_
