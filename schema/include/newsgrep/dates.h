// SPDX-License-Identifier: GPL-2.0-or-later
/// @file dates.h
/// @brief Parsing the dates news feeds carry into one normalised form.
///
/// Thread safety: pure functions, safe from any thread.
#ifndef NEWSGREP_SCHEMA_DATES_H_
#define NEWSGREP_SCHEMA_DATES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace newsgrep {

/// A calendar date and time of day in UTC (seconds precision).
struct NewsDate {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;

  std::string Iso8601() const;         // "2025-08-20T14:05:00Z", or "2025-08-20" if date only
  std::string DateValue() const;       // "20250820": the kDateSlot value
  std::string TimestampValue() const;  // "20250820140500": the kTimestampSlot value
  bool has_time = false;
};

/// Parses ISO 8601 ("2025-08-20", "2025-08-20T14:05", "…:00Z", "…+02:00", fractional
/// seconds as in "1987-02-26T15:01:01.790"), and RFC 2822 as in RSS
/// ("Wed, 20 Aug 2025 14:05:00 GMT", "… +0200"). A time with an offset is converted to UTC.
/// Returns nullopt when `text` is none of these or names an impossible date.
std::optional<NewsDate> ParseNewsDate(absl::string_view text);

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_DATES_H_
