// SPDX-License-Identifier: GPL-2.0-or-later
/// @file match_counter.h
/// @brief The counting pass: a Xapian::MatchSpy that sees every match of a query and counts
/// stories (or articles), facet values and dates, for exact totals, facets and timelines.
///
/// Run it on an unranked, uncollapsed match that visits everything (BoolWeight,
/// check_at_least = the database size): it then sees each matching document once.
/// It reads one value of each match, the count record (schema::kCountSlot, facet_record.h):
/// a story is its cluster key; an article without one is a story of its own. Counting by
/// story, a value counts once per story that has it in any matching version, and a story is
/// dated by its earliest matching version. Through remote shards, where only Xapian's own
/// match spies run, Xapian's ValueCountMatchSpy gathers the distinct count records and how
/// many matches have each, and Count() takes them: the same counts.
///
/// Memory: a story entry per matching story (16 bytes), a value id per value of a story
/// (4 bytes), and each distinct value once.
///
/// Thread safety: like any Xapian object, one thread at a time.
#ifndef NEWSGREP_SEARCHER_INTERNAL_MATCH_COUNTER_H_
#define NEWSGREP_SEARCHER_INTERNAL_MATCH_COUNTER_H_

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgrep/facet_record.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"

namespace newsgrep::internal {

/// The most buckets a timeline may have (a finer unit over a longer span is refused).
inline constexpr size_t kMaxTimelineBuckets = 10000;

class MatchCounter : public Xapian::MatchSpy {
 public:
  struct Plan {
    bool by_story = true;               // count stories, not articles
    std::vector<schema::Facet> facets;  // the facets to count
    bool dates = false;                 // count dates (for MakeTimeline)
  };
  explicit MatchCounter(Plan plan);

  void operator()(const Xapian::Document& document, double weight) override;

  /// Counts `matches` matches whose count record is `record` (as that many calls of the
  /// spy on such documents would).
  void Count(absl::string_view record, size_t matches);

  /// Matching stories (articles when not by story).
  size_t matches() const;
  /// Whether a count record (or the facet record in it) could not be read (its values are
  /// then missing from the counts).
  bool saw_damaged_record() const { return damaged_; }
  /// The counts of each planned facet, in the plan's order, at most `limit` values each.
  std::vector<FacetCounts> Facets(size_t limit) const;
  /// The matches per date bucket. InvalidArgument when `unit` would need more than
  /// kMaxTimelineBuckets buckets. REQUIRES: the plan counted dates.
  absl::StatusOr<Timeline> MakeTimeline(TimelineUnit unit) const;

 private:
  static constexpr int32_t kUndated = INT32_MIN;
  struct Story {
    size_t begin = 0;  // its value ids: value_ids_[begin, begin + size)
    uint32_t size = 0;
    int32_t day = kUndated;  // days since 1970-01-01 of its earliest dated version
  };
  struct Value {
    schema::Facet facet;
    std::string key;
    std::string name;
    size_t count = 0;
  };
  uint32_t Intern(schema::Facet facet, absl::string_view key, absl::string_view name);
  void AddToStory(Story& story, uint32_t value);
  void CountDay(int32_t day, size_t n);

  Plan plan_;
  std::array<bool, schema::kFacets.size()> wanted_ = {};
  size_t matches_ = 0;
  bool damaged_ = false;
  absl::flat_hash_map<uint64_t, Story> stories_;
  std::vector<uint32_t> value_ids_;
  std::array<absl::flat_hash_map<std::string, uint32_t>, schema::kFacets.size()> ids_;
  std::vector<Value> values_;
  absl::flat_hash_map<int32_t, size_t> days_;  // articles or story-less articles by day
  size_t undated_ = 0;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_MATCH_COUNTER_H_
