/// @file date_range.cc
/// @brief `date:` ranges over the date terms.
#include "internal/date_range.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

// The day after `day` ("YYYYMMDD", a real day).
std::string NextDay(const std::string& day) {
  int year = 0, month = 0, day_of_month = 0;
  if (!absl::SimpleAtoi(day.substr(0, 4), &year) || !absl::SimpleAtoi(day.substr(4, 2), &month) ||
      !absl::SimpleAtoi(day.substr(6, 2), &day_of_month)) {
    return "";
  }
  const std::chrono::year_month_day next(
      std::chrono::sys_days(std::chrono::year(year) / month / day_of_month) + std::chrono::days(1));
  return absl::StrFormat("%04d%02u%02u", static_cast<int>(next.year()),
                         static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
}

}  // namespace

Xapian::Query SinceFilter(const Xapian::Database& db, const std::string& since,
                          Xapian::valueno date_slot, Xapian::valueno timestamp_slot) {
  const Xapian::Query by_value(Xapian::Query::OP_VALUE_GE, timestamp_slot, since);
  if (since.size() != 14) return by_value;
  const std::string day = since.substr(0, 8);
  const std::string last = db.get_value_upper_bound(date_slot);
  std::vector<Xapian::Query> parts;
  std::vector<std::string> later;  // date terms of the whole days from `since` on
  if (since.substr(8) == "000000") {
    later = schema::DateRangeTerms(day, last);
  } else {
    parts.emplace_back(Xapian::Query::OP_FILTER,
                       Xapian::Query(absl::StrCat(schema::kDayPrefix, day)), by_value);
    later = schema::DateRangeTerms(NextDay(day), last);
  }
  for (const std::string& term : later) parts.emplace_back(term);
  // Nothing dated from `since` on (or no dates at all): the value check, which Xapian
  // answers from the slot's bounds.
  if (parts.empty()) return by_value;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), 0.0);
}

DateTermRangeProcessor::DateTermRangeProcessor(const Xapian::Database* db,
                                               Xapian::valueno date_slot, const std::string& prefix)
    : Xapian::RangeProcessor(date_slot, prefix), db_(db), by_value_(date_slot) {}

Xapian::Query DateTermRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  const std::optional<std::string> first = begin.empty() ? std::string() : DayValue(begin);
  const std::optional<std::string> last = end.empty() ? std::string() : DayValue(end);
  if (!first || !last) return by_value_(begin, end);
  const std::vector<std::string> terms =
      schema::DateRangeTerms(first->empty() ? db_->get_value_lower_bound(slot) : *first,
                             last->empty() ? db_->get_value_upper_bound(slot) : *last);
  if (terms.empty()) return Xapian::RangeProcessor::operator()(*first, *last);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

}  // namespace newsgrep::internal
