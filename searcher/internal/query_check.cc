/// @file query_check.cc
/// @brief Query syntax checks with positions.
#include "internal/query_check.h"

#include <string>
#include <vector>

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

bool IsFieldChar(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_'; }

// One end of a date range: YYYY-MM-DD naming a real day.
bool IsDate(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return ParseNewsDate(text).has_value();
}

// `date:` values: A, A..B, A.., ..B with A <= B. `begin`/`end` delimit the value.
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

}  // namespace

absl::Status QueryErrorAt(absl::string_view query, size_t byte_offset, absl::string_view what) {
  const size_t column = ColumnOf(query, byte_offset);
  return absl::InvalidArgumentError(absl::StrCat(what, " at column ", column, "\n  ", query, "\n  ",
                                                 std::string(column - 1, ' '), "^"));
}

absl::Status CheckQuerySyntax(absl::string_view query) {
  bool in_quote = false;
  size_t quote_start = 0;
  std::vector<size_t> open_parens;
  for (size_t i = 0; i < query.size(); ++i) {
    const char c = query[i];
    if (c == '"') {
      if (!in_quote) quote_start = i;
      in_quote = !in_quote;
      continue;
    }
    if (in_quote) continue;
    if (c == '(') open_parens.push_back(i);
    if (c == ')') {
      if (open_parens.empty()) return QueryErrorAt(query, i, "unmatched ')'");
      open_parens.pop_back();
    }
    // field:value — a run of letters at a word start, then ':' and something after it.
    if (IsFieldChar(c) &&
        (i == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(query[i - 1])))) {
      size_t end = i;
      while (end < query.size() && IsFieldChar(query[end])) ++end;
      if (end + 1 < query.size() && query[end] == ':' && query[end + 1] != ' ') {
        const absl::string_view name = query.substr(i, end - i);
        // Xapian reads `-date:…` as an unknown range: say how to exclude dates instead.
        if (name == schema::kDateField && i > 0 && query[i - 1] == '-' &&
            (i == 1 || query[i - 2] == ' ' || query[i - 2] == '(')) {
          return QueryErrorAt(query, i - 1,
                              "'-' cannot exclude dates; put NOT date:… after the words "
                              "(kyiv NOT date:2025-08-19)");
        }
        if (name != schema::kDateField && schema::FindField(name) == nullptr) {
          return QueryErrorAt(query, i,
                              absl::StrCat("unknown field '", name,
                                           ":' (known fields: ", schema::KnownFieldNames(), ")"));
        }
        // An unquoted value runs to the next space: `id:https://x/y` holds no field.
        if (query[end + 1] != '"' && query[end + 1] != '(') {
          const size_t value_begin = end + 1;
          while (end < query.size() && query[end] != ' ' && query[end] != ')') ++end;
          if (name == schema::kDateField) {
            if (absl::Status status = CheckDateValue(query, value_begin, end); !status.ok()) {
              return status;
            }
          }
          // Xapian 1.4 never hands a wildcard to a field processor, so `person:zel*` would
          // silently match nothing.
          if (schema::FindField(name) != nullptr && schema::FindField(name)->folds_names &&
              end > value_begin && query[end - 1] == '*') {
            return QueryErrorAt(query, end - 1,
                                absl::StrCat(name,
                                             ": takes whole names, not wildcards (it matches every "
                                             "spelling of a name: ",
                                             name, ":zelensky finds Zelenskyy and Zelenskiy)"));
          }
        }
      }
      i = end - 1;
    }
  }
  if (in_quote) return QueryErrorAt(query, quote_start, "unclosed quote");
  if (!open_parens.empty()) return QueryErrorAt(query, open_parens.back(), "unclosed '('");
  return absl::OkStatus();
}

}  // namespace newsgrep::internal
