// SPDX-License-Identifier: GPL-2.0-or-later
/// @file date_range.cc
/// @brief `date:` ranges over the date terms.
#include "internal/date_range.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

// "2025-08-20" → "20250820"; nullopt for anything but YYYY-MM-DD. Whether it is a real day
// is DateRangeTerms' check.
std::optional<std::string> DayValue(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string value;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    value += text[i];
  }
  return value;
}

// SCALE_WEIGHT(OR(parts), 0): matches what any part matches, adds no weight.
Xapian::Query AnyUnweighted(const std::vector<Xapian::Query>& parts) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), 0.0);
}

}  // namespace

Xapian::Query SinceFilter(const Xapian::Database& db, const std::string& since,
                          Xapian::valueno date_slot, Xapian::valueno timestamp_slot) {
  const Xapian::Query by_value(Xapian::Query::OP_VALUE_GE, timestamp_slot, since);
  if (since.size() != 14) return by_value;
  const std::string day = since.substr(0, 8);
  const std::string day_term = schema::DayTerm(day);
  if (day_term.empty()) return by_value;  // not a real day: the value check alone
  const std::string last = db.get_value_upper_bound(date_slot);
  std::vector<Xapian::Query> parts;
  std::vector<std::string> later;  // date terms of the whole days from `since` on
  if (since.substr(8) == "000000") {
    later = schema::DateRangeTerms(day, last);
  } else {
    parts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(day_term), by_value);
    later = schema::DateRangeTerms(schema::NextDay(day), last);
  }
  for (const std::string& term : later) parts.emplace_back(term);
  // Nothing dated from `since` on (or no dates at all): the value check, which Xapian
  // answers from the slot's bounds.
  if (parts.empty()) return by_value;
  return AnyUnweighted(parts);
}

DateTermRangeProcessor::DateTermRangeProcessor(const Xapian::Database* db,
                                               Xapian::valueno date_slot, const std::string& prefix)
    : Xapian::RangeProcessor(date_slot, prefix), db_(db), by_value_(date_slot) {}

Xapian::Query DateTermRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  const std::optional<std::string> first = begin.empty() ? std::string() : DayValue(begin);
  const std::optional<std::string> last = end.empty() ? std::string() : DayValue(end);
  if (!first || !last) return by_value_(begin, end);
  // Ends beyond the index's dates are as good as open: clamped to them, so that
  // date:..9999-12-31 costs what date:.. costs (its year terms had taken 3.5 s a query).
  const std::string lowest = db_->get_value_lower_bound(slot);
  const std::string highest = db_->get_value_upper_bound(slot);
  const std::vector<std::string> terms = schema::DateRangeTerms(
      first->empty() || *first < lowest ? lowest : *first,
      last->empty() || (!highest.empty() && *last > highest) ? highest : *last);
  if (terms.empty()) return Xapian::RangeProcessor::operator()(*first, *last);
  return AnyUnweighted(std::vector<Xapian::Query>(terms.begin(), terms.end()));
}

}  // namespace newsgrep::internal
