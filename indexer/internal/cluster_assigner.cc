// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cluster_assigner.cc
/// @brief Candidate lookup through LSH band keys, exact verification on stored text.
#include "internal/cluster_assigner.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "newsgrep/internal/hash.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {
namespace {

// Bloom filter parameters: 10 bits and 5 probes per key (about 1 % false "maybe").
constexpr size_t kBitsPerKey = 10;
constexpr int kProbes = 5;
constexpr size_t kFirstLevelKeys = size_t{1} << 16;

// The probe positions of `key` in a level of `bits` bits (double hashing).
template <typename F>
void ForEachProbe(uint64_t key, size_t bits, F&& f) {
  const uint64_t h1 = Mix64(key);
  const uint64_t h2 = Mix64(h1) | 1;
  for (int i = 0; i < kProbes; ++i) f((h1 + static_cast<uint64_t>(i) * h2) % bits);
}

}  // namespace

void DatabaseLookup::ForEachWithBand(uint64_t key, absl::FunctionRef<bool(Xapian::docid)> visit) {
  bands_.ForEach(db_, key, visit);
}

Xapian::docid DatabaseLookup::Find(const std::string& id_term) {
  auto it = db_.postlist_begin(id_term);
  return it == db_.postlist_end(id_term) ? 0 : *it;
}

absl::StatusOr<Xapian::Document> DatabaseLookup::Document(Xapian::docid docid) {
  try {
    return db_.get_document(docid);
  } catch (const Xapian::DocNotFoundError&) {
    return absl::NotFoundError(absl::StrCat("no document ", docid));
  }
}

void KeyFilter::Insert(uint64_t key) {
  if (levels_.empty() || levels_.back().count >= levels_.back().capacity) {
    Level level;
    level.capacity = levels_.empty() ? kFirstLevelKeys : 2 * levels_.back().capacity;
    level.bits.assign((level.capacity * kBitsPerKey + 63) / 64, 0);
    levels_.push_back(std::move(level));
  }
  Level& level = levels_.back();
  const size_t bits = level.bits.size() * 64;
  ForEachProbe(key, bits, [&](uint64_t bit) { level.bits[bit / 64] |= uint64_t{1} << (bit % 64); });
  ++level.count;
  ++keys_;
}

bool KeyFilter::MayContain(uint64_t key) const {
  for (const Level& level : levels_) {
    const size_t bits = level.bits.size() * 64;
    bool all = true;
    ForEachProbe(key, bits,
                 [&](uint64_t bit) { all = all && (level.bits[bit / 64] >> (bit % 64) & 1) != 0; });
    if (all) return true;
  }
  return false;
}

void ClusterAssigner::Record(Xapian::docid docid, TextFingerprint fingerprint,
                             const std::string& cluster) {
  for (const uint64_t key : fingerprint.band_keys) written_bands_.Insert(key);
  if (docid >= sketch_base_) {
    const size_t slot = docid - sketch_base_;
    if (slot >= sketches_.size()) sketches_.resize(slot + 1);
    sketches_[slot] = fingerprint.sketch;
  } else {
    other_sketches_[docid] = fingerprint.sketch;
  }
  if (fingerprint.shingles.size() < kMinShingles) {
    Forget(docid);  // a replacement too short to be anyone's duplicate
    return;
  }
  auto [it, inserted] = recent_.try_emplace(docid);
  if (inserted) {
    recent_order_.push_back(docid);
  } else {
    recent_shingles_ -= CachedSize(it->second.fingerprint);
  }
  fingerprint.band_keys.clear();  // recorded in the filter; not needed to verify
  recent_shingles_ += CachedSize(fingerprint);
  it->second.fingerprint = std::move(fingerprint);
  it->second.cluster = cluster;
  while (recent_shingles_ > recent_shingles_limit_ && !recent_order_.empty() &&
         recent_order_.front() < pinned_from_) {
    DropRecent(recent_order_.front());  // its sketch stays
    recent_order_.pop_front();
  }
}

size_t ClusterAssigner::CachedSize(const TextFingerprint& fingerprint) {
  // A kept word (ComparedWord) takes two shingles' room.
  return fingerprint.shingles.size() +
         2 * (fingerprint.title_words.size() + fingerprint.body_words.size());
}

const FingerprintSketch* ClusterAssigner::SketchOf(Xapian::docid docid) const {
  const FingerprintSketch* sketch = nullptr;
  if (docid >= sketch_base_ && docid - sketch_base_ < sketches_.size()) {
    sketch = &sketches_[docid - sketch_base_];
  } else if (auto it = other_sketches_.find(docid); it != other_sketches_.end()) {
    sketch = &it->second;
  }
  return sketch != nullptr && sketch->shingles > 0 ? sketch : nullptr;
}

void ClusterAssigner::Forget(Xapian::docid docid) {
  if (docid >= sketch_base_ && docid - sketch_base_ < sketches_.size()) {
    sketches_[docid - sketch_base_] = FingerprintSketch();
  }
  other_sketches_.erase(docid);
  DropRecent(docid);
}

void ClusterAssigner::DropRecent(Xapian::docid docid) {
  auto it = recent_.find(docid);
  if (it == recent_.end()) return;
  recent_shingles_ -= CachedSize(it->second.fingerprint);
  recent_.erase(it);
}

std::string NewClusterKey(absl::string_view article_id, const TextFingerprint& fingerprint) {
  uint64_t h = internal::Fnv1a64(article_id);
  for (uint64_t shingle : fingerprint.shingles) h = internal::Mix64(h ^ shingle);
  return absl::StrFormat("%016x", h);
}

absl::StatusOr<std::string> ClusterAssigner::Assign(ArticleLookup& lookup,
                                                    absl::string_view article_id_term,
                                                    const TextFingerprint& fingerprint) {
  if (fingerprint.band_keys.empty()) return std::string();
  try {
    // Candidates: documents sharing band keys, most shared bands first.
    std::unordered_map<Xapian::docid, unsigned> shared_bands;
    for (const uint64_t key : fingerprint.band_keys) {
      if (!index_had_documents_ && !written_bands_.MayContain(key)) continue;
      size_t followed = 0;
      lookup.ForEachWithBand(key, [&](Xapian::docid docid) {
        ++shared_bands[docid];
        return ++followed < kMaxPostingsPerBand;
      });
    }
    if (shared_bands.empty()) return std::string();
    // The article's previous version is never its own candidate.
    if (Xapian::docid previous = lookup.Find(std::string(article_id_term)); previous != 0) {
      shared_bands.erase(previous);
    }
    std::vector<std::pair<unsigned, Xapian::docid>> candidates;
    candidates.reserve(shared_bands.size());
    for (const auto& [docid, bands] : shared_bands) candidates.emplace_back(bands, docid);
    const size_t keep = std::min<size_t>(candidates.size(), kMaxCandidates);
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(keep),
                      candidates.end(), [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    candidates.resize(keep);
    // The most resembling candidate wins: Jaccard first, containment to break ties, so an
    // exact copy is preferred to a longer article that merely contains the text.
    std::pair<double, double> best_score(-1, -1);
    std::string best_cluster;
    for (const auto& [bands, docid] : candidates) {
      Similarity similarity;
      std::string cluster;
      ++counts_.candidates;
      if (auto recent = recent_.find(docid); recent != recent_.end()) {
        ++counts_.verified_in_memory;
        similarity = CompareFingerprints(fingerprint, recent->second.fingerprint);
        if (IsNearDuplicate(similarity)) cluster = recent->second.cluster;
      } else if (const FingerprintSketch* sketch = SketchOf(docid);
                 sketch != nullptr && !MayBeNearDuplicate(fingerprint.sketch, *sketch)) {
        ++counts_.ruled_out_by_sketch;
        continue;
      } else {
        ++counts_.verified_from_index;
        absl::StatusOr<Xapian::Document> document = lookup.Document(docid);
        if (absl::IsNotFound(document.status())) continue;  // deleted: a leftover posting
        if (!document.ok()) return document.status();
        absl::StatusOr<StoredArticle> stored = ReadStoredArticle(*document);
        if (!stored.ok()) return stored.status();
        similarity =
            CompareFingerprints(fingerprint, FingerprintArticle(stored->title, stored->body));
        if (IsNearDuplicate(similarity)) cluster = document->get_value(schema::kClusterSlot);
      }
      if (cluster.empty()) continue;
      const std::pair<double, double> score(similarity.jaccard, similarity.containment);
      if (score > best_score) {
        best_score = score;
        best_cluster = std::move(cluster);
      }
    }
    return best_cluster;  // "" = no duplicate: the caller makes a new key
  } catch (const Xapian::Error& e) {
    return XapianErrorToStatus(e, "looking up near-duplicates");
  }
}

}  // namespace newsgrep::internal
