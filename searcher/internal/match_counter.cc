// SPDX-License-Identifier: GPL-2.0-or-later
/// @file match_counter.cc
/// @brief The counting pass's match spy.
#include "internal/match_counter.h"

#include <algorithm>
#include <climits>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "newsgrep/facet_record.h"
#include "newsgrep/internal/hash.h"

namespace newsgrep::internal {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

// Days since 1970-01-01 of a kDateSlot value ("YYYYMMDD"), or nullopt when it is not one.
std::optional<int32_t> DayNumber(absl::string_view value) {
  if (value.size() != 8) return std::nullopt;
  int digits[8];
  for (int i = 0; i < 8; ++i) {
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
    digits[i] = value[i] - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const int month = digits[4] * 10 + digits[5];
  const int day = digits[6] * 10 + digits[7];
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) return std::nullopt;
  return static_cast<int32_t>(civil - kEpoch);
}

// The first day of the bucket of `unit` that holds `day`.
absl::CivilDay BucketStart(absl::CivilDay day, TimelineUnit unit) {
  switch (unit) {
    case TimelineUnit::kWeek:
      return absl::PrevWeekday(day + 1, absl::Weekday::monday);
    case TimelineUnit::kMonth:
      return absl::CivilDay(absl::CivilMonth(day));
    case TimelineUnit::kYear:
      return absl::CivilDay(absl::CivilYear(day));
    case TimelineUnit::kAuto:
    case TimelineUnit::kDay:
      break;
  }
  return day;
}

absl::CivilDay NextBucket(absl::CivilDay start, TimelineUnit unit) {
  switch (unit) {
    case TimelineUnit::kWeek:
      return start + 7;
    case TimelineUnit::kMonth:
      return absl::CivilDay(absl::CivilMonth(start) + 1);
    case TimelineUnit::kYear:
      return absl::CivilDay(absl::CivilYear(start) + 1);
    case TimelineUnit::kAuto:
    case TimelineUnit::kDay:
      break;
  }
  return start + 1;
}

std::string Label(absl::CivilDay start, TimelineUnit unit) {
  switch (unit) {
    case TimelineUnit::kMonth:
      return absl::StrFormat("%04d-%02d", start.year(), start.month());
    case TimelineUnit::kYear:
      return absl::StrFormat("%04d", start.year());
    default:
      return absl::StrFormat("%04d-%02d-%02d", start.year(), start.month(), start.day());
  }
}

// The number of buckets of `unit` from the one holding `first` to the one holding `last`.
int64_t BucketCount(absl::CivilDay first, absl::CivilDay last, TimelineUnit unit) {
  switch (unit) {
    case TimelineUnit::kWeek:
      return (BucketStart(last, unit) - BucketStart(first, unit)) / 7 + 1;
    case TimelineUnit::kMonth:
      return absl::CivilMonth(last) - absl::CivilMonth(first) + 1;
    case TimelineUnit::kYear:
      return absl::CivilYear(last) - absl::CivilYear(first) + 1;
    case TimelineUnit::kAuto:
    case TimelineUnit::kDay:
      break;
  }
  return last - first + 1;
}

// The unit whose bars suit the span (SearchOptions::timeline, kAuto): days up to 62 bars,
// weeks up to 60, months up to 60, else years.
TimelineUnit UnitFor(absl::CivilDay first, absl::CivilDay last) {
  if (BucketCount(first, last, TimelineUnit::kDay) <= 62) return TimelineUnit::kDay;
  if (BucketCount(first, last, TimelineUnit::kWeek) <= 60) return TimelineUnit::kWeek;
  if (BucketCount(first, last, TimelineUnit::kMonth) <= 60) return TimelineUnit::kMonth;
  return TimelineUnit::kYear;
}

// Words of `text` that start with a capital and go on in small letters ("Wire", not
// "WIRE" nor "wire").
size_t CapitalisedWords(absl::string_view text) {
  size_t count = 0;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (absl::ascii_isupper(static_cast<unsigned char>(word[0])) &&
        std::any_of(word.begin() + 1, word.end(),
                    [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); })) {
      ++count;
    }
  }
  return count;
}

// The story id of a cluster key: its 16 hex digits, or a hash of anything else.
uint64_t StoryId(absl::string_view cluster) {
  uint64_t id = 0;
  if (cluster.size() == 16 && absl::SimpleHexAtoi(cluster, &id)) return id;
  return Fnv1a64(cluster);
}

}  // namespace

MatchCounter::MatchCounter(Plan plan) : plan_(std::move(plan)) {
  for (const schema::Facet facet : plan_.facets) wanted_[static_cast<size_t>(facet)] = true;
}

uint32_t MatchCounter::Intern(schema::Facet facet, absl::string_view key, absl::string_view name) {
  auto& ids = ids_[static_cast<size_t>(facet)];
  auto found = ids.find(key);
  if (found != ids.end()) {
    // The fullest of the value's names (the longest; of equal length the one with more
    // capitalised words, "Continental Wire" before "CONTINENTAL WIRE" and "continental
    // wire"; then the first in byte order): the same whatever order the matches come in
    // (through remote shards they come in the count records' order, not the documents').
    std::string& shown = values_[found->second].name;
    const auto rank = [](absl::string_view text) {
      return std::make_tuple(text.size(), CapitalisedWords(text));
    };
    if (rank(name) > rank(shown) || (rank(name) == rank(shown) && name < shown)) {
      shown = std::string(name);
    }
    return found->second;
  }
  const auto id = static_cast<uint32_t>(values_.size());
  values_.push_back({facet, std::string(key), std::string(name), 0});
  ids.emplace(std::string(key), id);
  return id;
}

void MatchCounter::AddToStory(Story& story, uint32_t value) {
  if (story.size == 0) {
    story.begin = value_ids_.size();
  } else if (story.begin + story.size != value_ids_.size()) {
    // Another story's values came after this one's: move its list to the end (rare: only a
    // story with several matching versions gets values after its first).
    const size_t begin = value_ids_.size();
    for (uint32_t i = 0; i < story.size; ++i) value_ids_.push_back(value_ids_[story.begin + i]);
    story.begin = begin;
  }
  value_ids_.push_back(value);
  ++story.size;
}

void MatchCounter::CountDay(int32_t day, size_t n) {
  if (day == kUndated) {
    undated_ += n;
  } else {
    days_[day] += n;
  }
}

void MatchCounter::operator()(const Xapian::Document& document, double) {
  Count(document.get_value(schema::kCountSlot), 1);
}

void MatchCounter::Count(absl::string_view value, size_t n) {
  const std::optional<CountRecord> record = DecodeCountRecord(value);
  if (!record) {
    // A story of its own, undated, with no values.
    damaged_ = true;
    matches_ += n;
    if (plan_.dates) CountDay(kUndated, n);
    return;
  }
  Story* story = nullptr;
  bool first_version = true;
  if (plan_.by_story && !record->cluster.empty()) {
    auto [it, inserted] = stories_.try_emplace(StoryId(record->cluster));
    story = &it->second;
    first_version = inserted;
  }
  if (story == nullptr) {
    matches_ += n;
  } else if (first_version) {
    ++matches_;
  }
  if (plan_.dates) {
    const std::optional<int32_t> day = DayNumber(record->date);
    if (story == nullptr) {
      CountDay(day.value_or(kUndated), n);
    } else if (day && (story->day == kUndated || *day < story->day)) {
      story->day = *day;
    }
  }
  if (plan_.facets.empty()) return;
  const bool read = VisitFacetRecord(
      record->facets, [&](schema::Facet facet, absl::string_view key, absl::string_view name) {
        if (!wanted_[static_cast<size_t>(facet)]) return;
        const uint32_t id = Intern(facet, key, name);
        if (story == nullptr) {
          values_[id].count += n;
          return;
        }
        if (!first_version) {
          const uint32_t* begin = value_ids_.data() + story->begin;
          if (std::find(begin, begin + story->size, id) != begin + story->size) return;
        }
        AddToStory(*story, id);
        ++values_[id].count;
      });
  if (!read) damaged_ = true;
}

size_t MatchCounter::matches() const { return matches_; }

std::vector<FacetCounts> MatchCounter::Facets(size_t limit) const {
  std::vector<FacetCounts> out;
  for (const schema::Facet facet : plan_.facets) {
    const schema::FacetInfo& info = schema::InfoOf(facet);
    FacetCounts counts;
    counts.facet = facet;
    counts.name = std::string(info.name);
    std::vector<const Value*> values;
    for (const auto& [key, id] : ids_[static_cast<size_t>(facet)]) values.push_back(&values_[id]);
    counts.distinct = values.size();
    const size_t shown = std::min(limit, values.size());
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(shown),
                      values.end(), [](const Value* a, const Value* b) {
                        if (a->count != b->count) return a->count > b->count;
                        return a->key < b->key;
                      });
    for (size_t i = 0; i < shown; ++i) {
      const Value& value = *values[i];
      // The name as written, which its field reads as the indexer did (the key is folded
      // further than some fields fold: "cote divoire", "le telegramme"); a quotation mark
      // would end the phrase.
      const std::string words = absl::StrReplaceAll(value.name, {{"\"", " "}});
      counts.values.push_back(
          {value.key, value.name, value.count, absl::StrCat(info.name, ":\"", words, "\"")});
    }
    out.push_back(std::move(counts));
  }
  return out;
}

absl::StatusOr<Timeline> MatchCounter::MakeTimeline(TimelineUnit unit) const {
  absl::flat_hash_map<int32_t, size_t> days = days_;
  Timeline timeline;
  timeline.undated = undated_;
  for (const auto& [id, story] : stories_) {
    if (story.day == kUndated) {
      ++timeline.undated;
    } else {
      ++days[story.day];
    }
  }
  if (days.empty()) {
    timeline.unit = unit == TimelineUnit::kAuto ? TimelineUnit::kDay : unit;
    return timeline;
  }
  int32_t first = INT32_MAX, last = INT32_MIN;
  for (const auto& [day, count] : days) {
    first = std::min(first, day);
    last = std::max(last, day);
  }
  if (unit == TimelineUnit::kAuto) unit = UnitFor(kEpoch + first, kEpoch + last);
  timeline.unit = unit;
  const absl::CivilDay end = BucketStart(kEpoch + last, unit);
  if (BucketCount(kEpoch + first, kEpoch + last, unit) >
      static_cast<int64_t>(kMaxTimelineBuckets)) {
    return absl::InvalidArgumentError(
        absl::StrCat("a timeline of the matches by this unit would have more than ",
                     kMaxTimelineBuckets, " bars (", Label(kEpoch + first, TimelineUnit::kDay),
                     " to ", Label(kEpoch + last, TimelineUnit::kDay), "); choose a longer unit"));
  }
  absl::flat_hash_map<int32_t, size_t> index;  // bucket start day → position
  for (absl::CivilDay start = BucketStart(kEpoch + first, unit); start <= end;
       start = NextBucket(start, unit)) {
    index[static_cast<int32_t>(start - kEpoch)] = timeline.buckets.size();
    timeline.buckets.push_back({Label(start, TimelineUnit::kDay), Label(start, unit), 0});
  }
  for (const auto& [day, count] : days) {
    const absl::CivilDay start = BucketStart(kEpoch + day, unit);
    timeline.buckets[index[static_cast<int32_t>(start - kEpoch)]].count += count;
  }
  return timeline;
}

}  // namespace newsgrep::internal
