/// @file query_check.cc
/// @brief Query syntax checks with positions.
#include "internal/query_check.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
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

}  // namespace

absl::Status QueryErrorAt(absl::string_view query, size_t byte_offset, absl::string_view what) {
  const size_t column = ColumnOf(query, byte_offset);
  return absl::InvalidArgumentError(absl::StrCat(what, " at column ", column, "\n  ", query,
                                                 "\n  ", std::string(column - 1, ' '), "^"));
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
    if (IsFieldChar(c) && (i == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(query[i - 1])))) {
      size_t end = i;
      while (end < query.size() && IsFieldChar(query[end])) ++end;
      if (end + 1 < query.size() && query[end] == ':' && query[end + 1] != ' ') {
        const absl::string_view name = query.substr(i, end - i);
        if (name != "date" && schema::FindField(name) == nullptr) {
          return QueryErrorAt(query, i,
                              absl::StrCat("unknown field '", name, ":' (known fields: ",
                                           schema::KnownFieldNames(), ")"));
        }
        // An unquoted value runs to the next space: `id:https://x/y` holds no field.
        if (query[end + 1] != '"' && query[end + 1] != '(') {
          while (end < query.size() && query[end] != ' ' && query[end] != ')') ++end;
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
