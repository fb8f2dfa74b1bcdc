// SPDX-License-Identifier: GPL-2.0-or-later
/// @file recency.h
/// @brief The recency bonus of SortOrder::kRecencyBoosted: for an article dated `age` whole
/// days (UTC calendar days) before the reference day,
///     weight × 2^(−age / half_life_days)
/// (full weight on the reference day or later, half after one half-life). Undated articles
/// get no bonus. Added to the BM25 score, it reorders results without changing which
/// articles match.
///
/// It is Xapian's own ValueMapPostingSource over the date slot, with one weight per day of
/// the index's date range: a class every Xapian server knows, so the bonus is the same
/// through a stock xapian-tcpsrv (remote shards) as on local databases. Days more than 64
/// half-lives before the reference (a bonus below weight × 2^−64, beneath a double's
/// precision next to any score), more than 36,600 days before it and more than 3,660 days
/// after it get none (the map, sent to every server with each query, stays bounded).
///
/// Thread safety: like any Xapian object, one thread at a time.
#ifndef NEWSGREP_SEARCHER_INTERNAL_RECENCY_H_
#define NEWSGREP_SEARCHER_INTERNAL_RECENCY_H_

#include <xapian.h>

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace newsgrep::internal {

/// The day of a "YYYYMMDD…" value (a date or timestamp slot's), or nullopt when it is none.
std::optional<absl::CivilDay> DayOfValue(absl::string_view value);

/// The recency bonus as a query leaf over `db`'s date slot (schema::kDateSlot); `reference`
/// is the reference day. A query matching nothing when the index has no dated article.
/// REQUIRES: weight >= 0, half_life_days > 0. May throw Xapian::Error (reading the slot's
/// bounds).
Xapian::Query RecencyBonus(const Xapian::Database& db, absl::CivilDay reference, double weight,
                           double half_life_days);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_RECENCY_H_
