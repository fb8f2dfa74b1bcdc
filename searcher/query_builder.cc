// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_builder.cc
/// @brief Query-language text from code.
#include "newsgrep/query_builder.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "newsgrep/schema.h"

namespace newsgrep::query {
namespace {

// `text` without quote marks (which would end a phrase) and with white space collapsed.
std::string Unquoted(absl::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') continue;
    if (text.substr(i, 3) == "\xE2\x80\x9C" || text.substr(i, 3) == "\xE2\x80\x9D") {
      i += 2;
      continue;
    }
    if (absl::ascii_isspace(static_cast<unsigned char>(text[i]))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}

std::string Quoted(absl::string_view text) {
  const std::string words = Unquoted(text);
  return words.empty() ? "" : absl::StrCat("\"", words, "\"");
}

bool HasSpace(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& queries, absl::string_view op) {
  std::vector<std::string> parts;
  for (const std::string& q : queries) {
    if (q.empty()) continue;
    parts.push_back(
        HasSpace(q) && !(q.front() == '(' && q.back() == ')') ? absl::StrCat("(", q, ")") : q);
  }
  if (parts.empty()) return "";
  if (parts.size() == 1) return parts[0];
  return absl::StrCat("(", absl::StrJoin(parts, absl::StrCat(" ", op, " ")), ")");
}

std::string Day(const NewsDate& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year, date.month, date.day);
}

std::string Proximity(absl::string_view a, absl::string_view b, absl::string_view op,
                      unsigned window) {
  if (a.empty() || b.empty()) return "";
  return absl::StrCat(a, " ", op, "/", window, " ", b);
}

}  // namespace

std::string Word(absl::string_view word) { return Quoted(word); }

std::string Phrase(absl::string_view words) { return Quoted(words); }

std::string Prefix(absl::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || u >= 0x80 || c == '_') out += c;
  }
  return out.empty() ? "" : out + "*";
}

std::string InField(absl::string_view field, absl::string_view query) {
  if (field.empty() || query.empty()) return std::string(query);
  return absl::StrCat(field, ":", query);
}

std::string Near(absl::string_view a, absl::string_view b, unsigned window) {
  return Proximity(a, b, "NEAR", window);
}

std::string Adjacent(absl::string_view a, absl::string_view b, unsigned window) {
  return Proximity(a, b, "ADJ", window);
}

std::string All(const std::vector<std::string>& queries) { return Joined(queries, "AND"); }

std::string Any(const std::vector<std::string>& queries) { return Joined(queries, "OR"); }

std::string Without(absl::string_view query, absl::string_view excluded) {
  if (excluded.empty()) return std::string(query);
  const std::string right = absl::StrCat("(", excluded, ")");
  if (query.empty()) return absl::StrCat("NOT ", right);
  return absl::StrCat("(", query, ") AND NOT ", right);
}

std::string DateRange(const std::optional<NewsDate>& from, const std::optional<NewsDate>& to) {
  if (!from && !to) return "";
  return absl::StrCat(schema::kDateField, ":", from ? Day(*from) : "", "..", to ? Day(*to) : "");
}

std::string Id(absl::string_view id) {
  bool plain = !id.empty();
  for (char c : id) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '"' || c == '(' || c == ')') {
      plain = false;
    }
  }
  if (plain) return absl::StrCat("id:", id);
  return absl::StrCat("id:\"", Unquoted(id), "\"");
}

}  // namespace newsgrep::query
