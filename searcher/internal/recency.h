// SPDX-License-Identifier: GPL-2.0-or-later
/// @file recency.h
/// @brief The recency bonus of SortOrder::kRecencyBoosted: a PostingSource over the
/// timestamp slot whose weight for an article dated `age` days before the reference time is
///     weight × 2^(−age / half_life_days)
/// (full weight at the reference time or later, half after one half-life). Undated
/// articles get no bonus. Added to the BM25 score, it reorders results without changing
/// which articles match.
///
/// Thread safety: like any Xapian object, one thread at a time.
#ifndef NEWSGREP_SEARCHER_INTERNAL_RECENCY_H_
#define NEWSGREP_SEARCHER_INTERNAL_RECENCY_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// Seconds since 1970-01-01T00:00:00Z of a "YYYYMMDDhhmmss" timestamp value, or nullopt
/// when `value` is not one.
std::optional<int64_t> TimestampSeconds(absl::string_view value);

/// The recency bonus as a query leaf. `reference` is a timestamp value ("YYYYMMDDhhmmss");
/// REQUIRES: weight >= 0, half_life_days > 0.
Xapian::Query RecencyBonus(Xapian::valueno slot, const std::string& reference, double weight,
                           double half_life_days);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_RECENCY_H_
