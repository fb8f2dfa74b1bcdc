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

}  // namespace

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
