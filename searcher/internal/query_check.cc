/// @file query_check.cc
/// @brief Query syntax checks with positions.
#include "internal/query_check.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "newsgrep/dates.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

// Columns count characters, not bytes.
size_t ColumnOf(absl::string_view query, size_t byte_offset) {
  size_t column = 1;
  for (size_t i = 0; i < byte_offset && i < query.size(); ++i) {
    if ((static_cast<unsigned char>(query[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// One end of a date range: YYYY-MM-DD naming a real day.
bool IsDate(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return ParseNewsDate(text).has_value();
}

}  // namespace

absl::Status CheckDateValue(absl::string_view query, size_t begin, size_t end) {
  const absl::string_view value = query.substr(begin, end - begin);
  const size_t dots = value.find("..");
  const absl::string_view from = value.substr(0, dots);
  const absl::string_view to =
      dots == absl::string_view::npos ? absl::string_view() : value.substr(dots + 2);
  if (dots != absl::string_view::npos && from.empty() && to.empty()) {
    return QueryErrorAt(query, begin, "date range needs a start or an end (date:2025-08-18..)");
  }
  if (!from.empty() && !IsDate(from)) {
    return QueryErrorAt(query, begin, absl::StrCat("bad date '", from, "' (dates are YYYY-MM-DD)"));
  }
  if (!to.empty() && !IsDate(to)) {
    return QueryErrorAt(query, begin + dots + 2,
                        absl::StrCat("bad date '", to, "' (dates are YYYY-MM-DD)"));
  }
  if (!from.empty() && !to.empty() && to < from) {
    return QueryErrorAt(query, begin,
                        absl::StrCat("date range ends (", to, ") before it starts (", from, ")"));
  }
  return absl::OkStatus();
}

absl::Status QueryErrorAt(absl::string_view query, size_t byte_offset, absl::string_view what) {
  const size_t column = ColumnOf(query, byte_offset);
  return absl::InvalidArgumentError(absl::StrCat(what, " at column ", column, "\n  ", query, "\n  ",
                                                 std::string(column - 1, ' '), "^"));
}

}  // namespace newsgrep::internal
