// SPDX-License-Identifier: GPL-2.0-or-later
/// @file recency.cc
/// @brief The decaying recency bonus, as a map from days to weights.
#include "internal/recency.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

constexpr double kHalfLivesKept = 64;
constexpr int64_t kFutureDaysKept = 3660;
constexpr int64_t kPastDaysKept = 36600;

}  // namespace

std::optional<absl::CivilDay> DayOfValue(absl::string_view value) {
  if (value.size() < 8) return std::nullopt;
  int number[3] = {0, 0, 0};
  const size_t widths[3] = {4, 2, 2};
  size_t at = 0;
  for (int part = 0; part < 3; ++part) {
    for (size_t i = 0; i < widths[part]; ++i, ++at) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(value[at]))) return std::nullopt;
      number[part] = number[part] * 10 + (value[at] - '0');
    }
  }
  const absl::CivilDay day(number[0], number[1], number[2]);
  if (day.year() != number[0] || day.month() != number[1] || day.day() != number[2]) {
    return std::nullopt;
  }
  return day;
}

Xapian::Query RecencyBonus(const Xapian::Database& db, absl::CivilDay reference, double weight,
                           double half_life_days) {
  const std::optional<absl::CivilDay> lowest =
      DayOfValue(db.get_value_lower_bound(schema::kDateSlot));
  const std::optional<absl::CivilDay> highest =
      DayOfValue(db.get_value_upper_bound(schema::kDateSlot));
  auto* source = new Xapian::ValueMapPostingSource(schema::kDateSlot);
  source->set_default_weight(0);
  if (lowest && highest && weight > 0) {
    // (Days, at most the index's span and a century: a huge half-life keeps every day of
    // the last hundred years, no more.)
    const double span = std::min<double>(static_cast<double>(reference - *lowest), kPastDaysKept);
    const int64_t kept_days =
        static_cast<int64_t>(std::min(span, std::ceil(kHalfLivesKept * half_life_days)));
    const absl::CivilDay first = kept_days <= 0 ? reference : reference - kept_days;
    const absl::CivilDay last = std::min(*highest, reference + kFutureDaysKept);
    for (absl::CivilDay day = first; day <= last; ++day) {
      const double age = static_cast<double>(std::max<int64_t>(0, reference - day));
      source->add_mapping(absl::StrFormat("%04d%02d%02d", day.year(), day.month(), day.day()),
                          weight * std::exp2(-age / half_life_days));
    }
  }
  return Xapian::Query(source->release());
}

}  // namespace newsgrep::internal
