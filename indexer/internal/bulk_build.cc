// SPDX-License-Identifier: GPL-2.0-or-later
/// @file bulk_build.cc
/// @brief Chunk writer threads and the cluster assigner's view of a bulk build.
#include "internal/bulk_build.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "newsgrep/internal/xapian_status.h"

namespace newsgrep::internal {
namespace {

// Documents queued per writer before Add blocks. Chunks go to the writers in turn, so the
// other writer gets work only once the producer has moved on to the next chunk: a queue
// much shorter than a chunk (say 256) leaves one writer idle most of the time. 2,048
// (about 19 KB a queued document, so ~40 MB per writer, twice that while it writes a batch
// it took whole): on the 100k corpus 47.8 / 49.2 s against 54.4 / 55.9 s with 256, peak
// RSS 295 against 226 MB; 10,000 gained little more (45.3 / 45.5 s) for 600 MB.
constexpr size_t kQueuedPerWriter = 2048;

}  // namespace

ChunkWriters::ChunkWriters(Options options) : options_(std::move(options)) {
  const size_t threads = std::max<size_t>(options_.threads, 1);
  for (size_t i = 0; i < threads; ++i) {
    writers_.push_back(std::make_unique<Writer>());
    Writer& writer = *writers_.back();
    writer.thread = std::thread([this, &writer] { WriterLoop(writer); });
  }
}

ChunkWriters::~ChunkWriters() { (void)Finish(); }

std::string ChunkWriters::PathOf(size_t chunk) const {
  return absl::StrFormat("%s/chunk-%06d", options_.directory, chunk);
}

absl::Status ChunkWriters::Add(Xapian::docid docid, Xapian::Document document,
                               std::vector<std::string> metadata_keys) {
  const size_t chunk = ChunkOf(docid);
  {
    absl::MutexLock lock(&state_mutex_);
    if (!error_.ok()) return error_;
    if (written_.size() <= chunk) written_.resize(chunk + 1, false);
    written_[chunk] = true;
  }
  Writer& writer = *writers_[chunk % writers_.size()];
  bool was_empty = false;
  {
    absl::MutexLock lock(&writer.mutex);
    while (writer.queue.size() >= kQueuedPerWriter) writer.changed.Wait(&writer.mutex);
    was_empty = writer.queue.empty();
    writer.queue.push_back(Item{docid, std::move(document), std::move(metadata_keys)});
  }
  // The writer waits only on an empty queue, and takes all that is queued at once: waking
  // it for every document would cost a context switch per document.
  if (was_empty) writer.changed.SignalAll();
  return absl::OkStatus();
}

absl::Status ChunkWriters::Finish() {
  if (!finished_) {
    finished_ = true;
    for (auto& writer : writers_) {
      {
        absl::MutexLock lock(&writer->mutex);
        writer->stopping = true;
      }
      writer->changed.SignalAll();
    }
    for (auto& writer : writers_) writer->thread.join();
  }
  absl::MutexLock lock(&state_mutex_);
  return error_;
}

void ChunkWriters::WriterLoop(Writer& writer) {
  std::unique_ptr<Xapian::WritableDatabase> db;
  size_t chunk = 0;
  size_t pending = 0;
  bool failed = false;
  auto close = [&] {
    if (db == nullptr) return;
    try {
      db->commit();
      db->close();
    } catch (const Xapian::Error& e) {
      Fail(XapianErrorToStatus(e, absl::StrCat("writing ", PathOf(chunk))));
      failed = true;
    }
    db.reset();
    if (!failed) MarkClosed(chunk);
  };
  std::deque<Item> batch;  // taken from the queue at once
  for (;;) {
    if (batch.empty()) {
      {
        absl::MutexLock lock(&writer.mutex);
        while (!writer.stopping && writer.queue.empty()) writer.changed.Wait(&writer.mutex);
        if (writer.queue.empty()) break;  // stopping, nothing left
        batch.swap(writer.queue);
      }
      writer.changed.SignalAll();  // room for Add
    }
    Item item = std::move(batch.front());
    batch.pop_front();
    if (failed) continue;  // drain the queue so that Add never blocks forever
    const size_t item_chunk = ChunkOf(item.docid);
    try {
      if (db == nullptr || item_chunk != chunk) {
        close();
        if (failed) continue;
        chunk = item_chunk;
        pending = 0;
        db = std::make_unique<Xapian::WritableDatabase>(
            PathOf(chunk), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        for (const auto& [key, value] : options_.metadata) db->set_metadata(key, value);
      }
      for (const std::string& key : item.metadata_keys) db->set_metadata(key, "1");
      db->replace_document(item.docid, item.document);
      if (++pending >= options_.commit_every) {
        db->commit();
        pending = 0;
      }
    } catch (const Xapian::Error& e) {
      Fail(XapianErrorToStatus(e, absl::StrCat("writing ", PathOf(item_chunk))));
      failed = true;
      db.reset();
    }
  }
  close();
}

void ChunkWriters::MarkClosed(size_t chunk) {
  absl::MutexLock lock(&state_mutex_);
  if (closed_.size() <= chunk) closed_.resize(chunk + 1, false);
  closed_[chunk] = true;
}

void ChunkWriters::Fail(absl::Status status) {
  absl::MutexLock lock(&state_mutex_);
  if (error_.ok()) error_ = std::move(status);
}

bool ChunkWriters::IsClosed(size_t chunk) const {
  absl::MutexLock lock(&state_mutex_);
  return chunk < closed_.size() && closed_[chunk];
}

size_t ChunkWriters::FirstOpenChunk() const {
  absl::MutexLock lock(&state_mutex_);
  size_t chunk = 0;
  while (chunk < closed_.size() && closed_[chunk]) ++chunk;
  return chunk;
}

std::vector<size_t> ChunkWriters::WrittenChunks() const {
  absl::MutexLock lock(&state_mutex_);
  std::vector<size_t> chunks;
  for (size_t chunk = 0; chunk < written_.size(); ++chunk) {
    if (written_[chunk]) chunks.push_back(chunk);
  }
  return chunks;
}

Xapian::docid BulkArticles::Assign(const std::string& id_term, bool* replacing) {
  if (next_docid_ == 0) next_docid_ = chunks_.FirstDocidOf(0);
  auto [it, inserted] = ids_.try_emplace(id_term, next_docid_);
  if (inserted) ++next_docid_;
  *replacing = !inserted;
  return it->second;
}

BulkArticles::Chunk& BulkArticles::ChunkFor(size_t chunk) {
  if (chunk_.size() <= chunk) chunk_.resize(chunk + 1);
  return chunk_[chunk];
}

void BulkArticles::RecordNew(Xapian::docid docid, const std::vector<uint64_t>& band_keys) {
  const size_t index = chunks_.ChunkOf(docid);
  // New docids come in increasing order: the chunks before this one are complete.
  for (; filling_chunk_ < index; ++filling_chunk_) Seal(ChunkFor(filling_chunk_));
  Chunk& chunk = ChunkFor(index);
  for (const uint64_t key : band_keys) {
    chunk.bands.Insert(key);
    chunk.filling[key].push_back(docid);
  }
}

void BulkArticles::Seal(Chunk& chunk) {
  std::vector<std::pair<uint64_t, Xapian::docid>> postings;
  for (const auto& [key, docids] : chunk.filling) {
    for (const Xapian::docid docid : docids) postings.emplace_back(key, docid);
  }
  std::sort(postings.begin(), postings.end());
  chunk.keys.reserve(postings.size());
  chunk.docids.reserve(postings.size());
  for (const auto& [key, docid] : postings) {
    chunk.keys.push_back(key);
    chunk.docids.push_back(docid);
  }
  chunk.filling = {};
}

void BulkArticles::RecordReplacement(Xapian::docid docid, const std::vector<uint64_t>& band_keys) {
  if (!replaced_.insert(docid).second) {
    // Replaced before in this build: its earlier replacement's bands are gone.
    for (auto& [key, docids] : replacement_bands_) {
      docids.erase(std::remove(docids.begin(), docids.end(), docid), docids.end());
    }
  }
  for (const uint64_t key : band_keys) {
    replacement_bands_[key].push_back(docid);
    replacement_postings_.emplace_back(key, docid);
  }
}

void BulkArticles::ForEachBandBucket(
    absl::FunctionRef<void(uint32_t bucket, const std::vector<BandPosting>& postings)> write) {
  for (; filling_chunk_ < chunk_.size(); ++filling_chunk_) Seal(chunk_[filling_chunk_]);
  std::vector<BandPosting>& replacements = replacement_postings_;
  std::sort(replacements.begin(), replacements.end());
  // One cursor into each chunk's sorted table and the replacements: the postings of each
  // bucket are the next run of each.
  std::vector<size_t> next(chunk_.size(), 0);
  size_t next_replacement = 0;
  std::vector<BandPosting> postings;
  while (true) {
    uint64_t bucket = uint64_t{1} << 32;  // above every bucket: none left
    for (size_t index = 0; index < chunk_.size(); ++index) {
      if (next[index] < chunk_[index].keys.size()) {
        bucket = std::min<uint64_t>(bucket, BandBucketOf(chunk_[index].keys[next[index]]));
      }
    }
    if (next_replacement < replacements.size()) {
      bucket = std::min<uint64_t>(bucket, BandBucketOf(replacements[next_replacement].first));
    }
    if (bucket == uint64_t{1} << 32) return;
    postings.clear();
    for (size_t index = 0; index < chunk_.size(); ++index) {
      const Chunk& chunk = chunk_[index];
      for (size_t& at = next[index];
           at < chunk.keys.size() && BandBucketOf(chunk.keys[at]) == bucket; ++at) {
        postings.emplace_back(chunk.keys[at], chunk.docids[at]);
      }
    }
    for (; next_replacement < replacements.size() &&
           BandBucketOf(replacements[next_replacement].first) == bucket;
         ++next_replacement) {
      postings.push_back(replacements[next_replacement]);
    }
    std::sort(postings.begin(), postings.end());
    postings.erase(std::unique(postings.begin(), postings.end()), postings.end());
    if (!postings.empty()) write(static_cast<uint32_t>(bucket), postings);
  }
}

std::vector<Xapian::docid> BulkArticles::Replaced() const {
  std::vector<Xapian::docid> docids(replaced_.begin(), replaced_.end());
  std::sort(docids.begin(), docids.end());
  return docids;
}

Xapian::Database* BulkArticles::ClosedDatabase(size_t chunk) {
  Chunk& state = ChunkFor(chunk);
  if (state.db != nullptr) return state.db.get();
  if (!chunks_.IsClosed(chunk)) return nullptr;
  state.db = std::make_unique<Xapian::Database>(chunks_.PathOf(chunk));
  return state.db.get();
}

void BulkArticles::ForEachWithBand(uint64_t key, absl::FunctionRef<bool(Xapian::docid)> visit) {
  // Replacements are the newest writes; then the chunks, the last filled first.
  if (auto found = replacement_bands_.find(key); found != replacement_bands_.end()) {
    for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
      if (!visit(*it)) return;
    }
  }
  auto visit_current = [&](Xapian::docid docid) {
    return replaced_.contains(docid) || visit(docid);
  };
  for (size_t index = chunk_.size(); index-- > 0;) {
    const Chunk& chunk = chunk_[index];
    if (!chunk.bands.MayContain(key)) continue;
    if (index < filling_chunk_) {
      const auto first = std::lower_bound(chunk.keys.begin(), chunk.keys.end(), key);
      auto it = std::upper_bound(first, chunk.keys.end(), key);
      while (it != first) {
        --it;
        if (!visit_current(chunk.docids[static_cast<size_t>(it - chunk.keys.begin())])) return;
      }
    } else if (auto found = chunk.filling.find(key); found != chunk.filling.end()) {
      for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
        if (!visit_current(*it)) return;
      }
    }
  }
}

Xapian::docid BulkArticles::Find(const std::string& id_term) {
  auto it = ids_.find(id_term);
  return it == ids_.end() ? 0 : it->second;
}

absl::StatusOr<Xapian::Document> BulkArticles::Document(Xapian::docid docid) {
  if (replaced_.contains(docid)) return replacements_.get_document(docid);
  Xapian::Database* db = ClosedDatabase(chunks_.ChunkOf(docid));
  if (db == nullptr) {
    // The cluster assigner pins the documents of open chunks in memory: never reached.
    return absl::InternalError(
        absl::StrCat("near-duplicate candidate ", docid, " is still being written"));
  }
  return db->get_document(docid);
}

}  // namespace newsgrep::internal
