// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_text.cc
/// @brief The text Xapian's query parser is given.
#include "internal/query_text.h"

#include <xapian.h>
#include <xapian/unicode.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "newsgrep/analysis.h"
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

// Characters as Xapian's query parser reads them (its UTF-8 decoding, which takes a byte of
// malformed UTF-8 for a character of its own): `ch`, and where its bytes lie in the query.
struct Character {
  unsigned ch;
  size_t begin;
  size_t end;
};

std::vector<Character> Characters(absl::string_view text) {
  std::vector<Character> out;
  Xapian::Utf8Iterator it(text.data(), text.size());
  const Xapian::Utf8Iterator end;
  while (it != end) {
    const size_t begin = static_cast<size_t>(it.raw() - text.data());
    const unsigned ch = *it;
    ++it;
    out.push_back(
        {ch, begin, it == end ? text.size() : static_cast<size_t>(it.raw() - text.data())});
  }
  return out;
}

// Xapian's parser takes all three for a double quote.
bool IsQuote(unsigned ch) { return ch == '"' || ch == 0x201c || ch == 0x201d; }

// Apostrophes inside a name: Xapian keeps ' ’ ‛ inside a word, and the name folding drops
// them all, '`' too (O'Donnell → odonnell).
bool IsApostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019 || ch == 0x201b || ch == '`'; }

bool IsFieldChar(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_'; }

bool EndsWord(unsigned ch) {
  return Xapian::Unicode::is_whitespace(ch) || ch == '(' || ch == ')' || IsQuote(ch);
}

// One pass over the query text: what CheckQuerySyntax finds wrong (the first error, in the
// order of the text) and what XapianQueryText writes.
class QueryReader {
 public:
  explicit QueryReader(absl::string_view query, bool acronyms = false)
      : query_(query), text_(Characters(query)), acronyms_(acronyms) {
    out_.reserve(query_.size());
    size_t k = 0;
    while (k < text_.size()) k = Step(k);
    if (plain_quotes_) Fail(plain_quote_, "unclosed quote");
    if (!opens_.empty()) Fail(opens_.back(), "unclosed '('");
  }

  const absl::Status& error() const { return error_; }
  std::string text() && { return std::move(out_); }

 private:
  bool IsWord(size_t k) const {
    return k < text_.size() && Xapian::Unicode::is_wordchar(text_[k].ch);
  }
  absl::string_view Bytes(size_t from, size_t to) const {
    const size_t begin = text_[from].begin;
    const size_t end = to < text_.size() ? text_[to].begin : query_.size();
    return query_.substr(begin, end - begin);
  }
  bool InNameGroup() const { return !groups_.empty() && groups_.back(); }
  bool InFieldGroup() const { return !field_groups_.empty() && field_groups_.back(); }

  // Records the error at character k unless an earlier one is recorded.
  void Fail(size_t k, absl::string_view what) {
    if (error_.ok()) error_ = QueryErrorAt(query_, text_[k].begin, what);
  }
  void Fail(absl::Status status) {
    if (error_.ok()) error_ = std::move(status);
  }

  // Handles the text from character k on and returns where to go on.
  size_t Step(size_t k) {
    const unsigned ch = text_[k].ch;
    if (IsWord(k) && (k == 0 || !IsWord(k - 1))) {
      if (!plain_quotes_) {
        if (const size_t next = Field(k); next != k) return next;
      }
      if (const size_t next = Keyword(k); next != k) return next;
    }
    if (IsQuote(ch) && (name_term_ || InNameGroup())) return Quoted(k);
    if (EndsWord(ch)) {
      name_term_ = false;
      if (IsQuote(ch)) {
        plain_quotes_ = !plain_quotes_;
        plain_quote_ = k;
      } else if (plain_quotes_ || k < checked_value_end_) {
        // Brackets inside a phrase or a field's unquoted value are not brackets.
      } else if (ch == '(') {
        groups_.push_back(InNameGroup());
        // A field's group: `title:(` has just been written.
        field_groups_.push_back(InFieldGroup() || (!out_.empty() && out_.back() == ':'));
        opens_.push_back(k);
      } else if (ch == ')' && groups_.empty()) {
        Fail(k, "unmatched ')'");
      } else if (ch == ')') {
        groups_.pop_back();
        field_groups_.pop_back();
        opens_.pop_back();
      }
      absl::StrAppend(&out_, Bytes(k, k + 1));
      return k + 1;
    }
    if (!IsWord(k) && (name_term_ || InNameGroup()) && k > 0 && IsWord(k - 1)) {
      size_t end = k;
      while (end < text_.size() && !IsWord(end) && !EndsWord(text_[end].ch)) ++end;
      if (!IsWord(end)) {
        name_term_ = false;  // trailing punctuation or an operator (`smith*`)
        absl::StrAppend(&out_, Bytes(k, end));
      } else if (end == k + 1 && IsApostrophe(ch)) {
        absl::StrAppend(&out_, ch == '`' ? absl::string_view("'") : Bytes(k, end));
      } else {
        out_.append(text_[end].begin - text_[k].begin, '_');
      }
      return end;
    }
    absl::StrAppend(&out_, Bytes(k, k + 1));
    return k + 1;
  }

  // At a word's start: when the word is a field name Xapian takes for one (followed by ':'
  // and a character that is neither a space nor ')'), writes it and what its value needs and
  // returns the character after; else returns k.
  size_t Field(size_t k) {
    size_t colon = k;
    while (IsWord(colon)) ++colon;
    if (colon + 1 >= text_.size() || text_[colon].ch != ':' ||
        Xapian::Unicode::is_whitespace(text_[colon + 1].ch)) {
      return k;
    }
    const absl::string_view name = Bytes(k, colon);
    const schema::Field* field = schema::FindField(name);
    const size_t value = colon + 1;
    const bool plain_value = !IsQuote(text_[value].ch) && text_[value].ch != '(';
    if (k >= checked_value_end_) {
      if (field == nullptr && name != schema::kDateField) {
        if (std::all_of(name.begin(), name.end(), IsFieldChar)) {
          Fail(k, absl::StrCat("unknown field '", name,
                               ":' (known fields: ", schema::KnownFieldNames(), ")"));
        }
        return k;
      }
      // An unquoted value runs to the next space: `id:https://x/y` holds no field.
      if (plain_value) checked_value_end_ = ValueEnd(value);
      if (field == nullptr) CheckDates(k, value);
      if (field != nullptr && field->folds_names && plain_value) CheckName(name, value);
      if (field != nullptr && field->kind == schema::FieldKind::kExactCase) {
        CheckCase(name, value);
      }
    }
    if (text_[value].ch == ')') return k;  // Xapian reads no field here
    if (field == nullptr && (name != schema::kDateField || !plain_value)) return k;
    if (field == nullptr) {
      const size_t range = RangeStart(k);
      if (range == kNoRange) return k;
      if (range < k) out_.pop_back();  // the '+'
    }
    absl::StrAppend(&out_, Bytes(k, colon + 1));
    name_term_ = false;
    if (field == nullptr) return Days(value);
    if (field->kind == schema::FieldKind::kBoolean) return ExactValue(value);
    if (field->kind == schema::FieldKind::kExactCase) return CaseValue(value);
    if (!field->folds_names) return value;
    if (IsQuote(text_[value].ch)) return Quoted(value);
    if (text_[value].ch == '(') {
      groups_.push_back(true);
      field_groups_.push_back(true);
      opens_.push_back(value);
      out_ += '(';
      return value + 1;
    }
    name_term_ = true;
    return value;
  }

  // The end of the value starting at `value` as Xapian reads a range or an exact value: up
  // to white space or ')'.
  size_t ValueEnd(size_t value) const {
    size_t end = value;
    while (end < text_.size() && !Xapian::Unicode::is_whitespace(text_[end].ch) &&
           text_[end].ch != ')') {
      ++end;
    }
    return end;
  }

  // `date:` values: A, A..B, A.., ..B with A <= B, and no '-' before them.
  void CheckDates(size_t k, size_t value) {
    // Xapian reads `-date:…` as an unknown range: say how to exclude dates instead.
    if (k > 0 && text_[k - 1].ch == '-' && (k == 1 || SpaceOrOpen(k - 2))) {
      Fail(k - 1,
           "'-' cannot exclude dates; put NOT date:… after the words "
           "(kyiv NOT date:2025-08-19)");
    }
    if (IsQuote(text_[value].ch) || text_[value].ch == '(') {
      Fail(value,
           "date: takes a day or a range of days, as in date:2025-08-19 or "
           "date:2025-08-01..2025-08-31");
    } else {
      const size_t end = ValueEnd(value);
      Fail(CheckDateValue(query_, text_[value].begin,
                          end < text_.size() ? text_[end].begin : query_.size()));
    }
  }

  // Xapian 1.4 never hands a wildcard to a field processor, so `person:zel*` would silently
  // match nothing.
  void CheckName(absl::string_view name, size_t value) {
    const size_t end = ValueEnd(value);
    if (end > value && text_[end - 1].ch == '*') {
      Fail(end - 1, absl::StrCat(name,
                                 ": takes whole names, not wildcards (it matches every "
                                 "spelling of a name: ",
                                 name, ":zelensky finds Zelenskyy and Zelenskiy)"));
    }
  }

  // case: takes one acronym (analysis::AcronymOf), which Xapian's parser would split at its
  // dots (U.N.) or never hand to the field processor (a phrase, a group).
  void CheckCase(absl::string_view name, size_t value) {
    const size_t end = ValueEnd(value);
    if (IsQuote(text_[value].ch) || text_[value].ch == '(' ||
        !analysis::AcronymOf(Bytes(value, end)).has_value()) {
      Fail(value, absl::StrCat(name,
                               ": takes one word written in capitals, 2-6 letters or digits "
                               "(an acronym: ",
                               name, ":IT, ", name, ":WHO, ", name, ":U.N.)"));
    }
  }

  // The value of case:, as the acronym it spells (U.N. → UN).
  size_t CaseValue(size_t value) {
    const size_t end = ValueEnd(value);
    const absl::string_view written = Bytes(value, end);
    const std::optional<std::string> acronym = analysis::AcronymOf(written);
    absl::StrAppend(&out_, acronym ? absl::string_view(*acronym) : written);
    return end;
  }

  // A word in capitals standing alone (analysis::AcronymOf: `WHO`, `U.N.`; not AND, OR, NOT,
  // XOR), outside phrases and field values and not joined to other words (`WHO-led`,
  // `NAT*`), becomes kAcronymField:WORD, which the acronym processor answers
  // (case_field.h). Returns k when the word at k is no such word.
  size_t Acronym(size_t k) {
    if (!acronyms_ || plain_quotes_ || name_term_ || InNameGroup() || InFieldGroup() ||
        k < checked_value_end_) {
      return k;
    }
    size_t end = k;
    while (end < text_.size() && (IsWord(end) || text_[end].ch == '.')) ++end;
    const absl::string_view written = Bytes(k, end);
    if (IsBooleanOperator(written)) return k;
    const std::optional<std::string> acronym = analysis::AcronymOf(written);
    if (!acronym) return k;
    const bool alone_before =
        k == 0 || SpaceOrOpen(k - 1) ||
        ((text_[k - 1].ch == '+' || text_[k - 1].ch == '-') && (k == 1 || SpaceOrOpen(k - 2)));
    const bool alone_after = end == text_.size() || Xapian::Unicode::is_whitespace(text_[end].ch) ||
                             text_[end].ch == ')';
    if (!alone_before || !alone_after) return k;
    absl::StrAppend(&out_, kAcronymField, ":", *acronym);
    return end;
  }

  bool SpaceOrOpen(size_t k) const {
    return Xapian::Unicode::is_whitespace(text_[k].ch) || text_[k].ch == '(';
  }

  // Where the range at the field name at k starts as Xapian's parser reads it, or
  // kNoRange: it looks for ranges only in whole stretches of text between white space or
  // '(' (`x*date:…` is no range). A '+' before it (k - 1) is to be dropped, as Xapian reads
  // `+date:…` as an unknown range and a date range is a filter, which must hold anyway;
  // '-' is refused by the syntax check.
  static constexpr size_t kNoRange = static_cast<size_t>(-1);
  size_t RangeStart(size_t k) const {
    if (k == 0 || SpaceOrOpen(k - 1)) return k;
    if (text_[k - 1].ch == '+' && (k == 1 || SpaceOrOpen(k - 2))) return k - 1;
    return kNoRange;
  }

  // A date value: one day D becomes the range D..D, the only form Xapian's range processor
  // reads (`date:2025-08-20` matched nothing); ranges stay as they are.
  size_t Days(size_t value) {
    const size_t end = ValueEnd(value);
    const absl::string_view days = value < end ? Bytes(value, end) : absl::string_view();
    absl::StrAppend(&out_, days);
    if (!days.empty() && !absl::StrContains(days, "..")) absl::StrAppend(&out_, "..", days);
    return end;
  }

  // The value of an exact field (id:, cluster:), copied as it is: Xapian reads it whole, up
  // to white space or ')', or between quotes.
  size_t ExactValue(size_t value) {
    size_t end = ValueEnd(value);
    if (IsQuote(text_[value].ch)) {
      end = value + 1;
      while (end < text_.size() && !IsQuote(text_[end].ch)) ++end;
      if (end < text_.size()) {
        ++end;
      } else {
        Fail(value, "unclosed quote");
      }
    }
    absl::StrAppend(&out_, Bytes(value, end));
    return end;
  }

  // NEAR or ADJ where Xapian's parser would read its own operator: one newsgrep's proximity
  // rewrite did not take (`a;NEAR b`, `ADJ\x0f2`), which Xapian 1.4.22 rejects beside a
  // placeholder, leaking memory or crashing (`-k NEAR\xa8_\x15j` crashed a search). Written
  // in lower case it is a word. Returns k when the word at k is neither.
  size_t Keyword(size_t k) {
    size_t end = k;
    while (IsWord(end)) ++end;
    const absl::string_view word = Bytes(k, end);
    if (word != "NEAR" && word != "ADJ") return Acronym(k);
    absl::StrAppend(&out_, absl::AsciiStrToLower(word));
    return end;
  }

  // At the opening quote of a name value: writes its words joined by '_' (nothing when it
  // has none) and returns the character after the closing quote.
  size_t Quoted(size_t open) {
    name_term_ = false;
    size_t close = open + 1;
    while (close < text_.size() && !IsQuote(text_[close].ch)) ++close;
    if (close == text_.size()) Fail(open, "unclosed quote");
    bool gap = false;
    bool wrote = false;
    for (size_t k = open + 1; k < close; ++k) {
      if (IsWord(k)) {
        if (gap && wrote) out_ += '_';
        absl::StrAppend(&out_, Bytes(k, k + 1));
        gap = false;
        wrote = true;
      } else if (IsApostrophe(text_[k].ch) && IsWord(k - 1) && k + 1 < close && IsWord(k + 1)) {
        absl::StrAppend(&out_, text_[k].ch == '`' ? absl::string_view("'") : Bytes(k, k + 1));
      } else {
        gap = true;
      }
    }
    const size_t after = close < text_.size() ? close + 1 : close;
    if (wrote && IsWord(after)) out_ += ' ';
    return after;
  }

  absl::string_view query_;
  std::vector<Character> text_;
  std::string out_;
  absl::Status error_;
  std::vector<bool> groups_;        // per open bracket: a name field's group, or inside one
  std::vector<size_t> opens_;       // per open bracket: where it is
  size_t plain_quote_ = 0;          // the last quote outside name values
  size_t checked_value_end_ = 0;    // the end of the last unquoted field value checked
  bool name_term_ = false;          // inside the unbracketed value of a name field
  bool plain_quotes_ = false;       // inside a quoted phrase outside name values
  std::vector<bool> field_groups_;  // per open bracket: a field's group, or inside one
  bool acronyms_ = false;           // rewrite words in capitals (Acronym)
};

}  // namespace

std::vector<QueryOperand> QueryOperands(absl::string_view text, size_t begin, size_t end) {
  std::vector<Character> chars = Characters(text.substr(begin, end - begin));
  for (Character& c : chars) {
    c.begin += begin;
    c.end += begin;
  }
  const auto is_space = [&](size_t k) { return Xapian::Unicode::is_whitespace(chars[k].ch); };
  std::vector<QueryOperand> operands;
  size_t k = 0;
  while (k < chars.size()) {
    while (k < chars.size() && is_space(k)) ++k;
    if (k >= chars.size()) break;
    const size_t start = k;
    bool in_quote = false;
    int depth = 0;
    while (k < chars.size()) {
      const unsigned ch = chars[k].ch;
      if (IsQuote(ch)) {
        in_quote = !in_quote;
        ++k;
        if (!in_quote && depth == 0) break;
        continue;
      }
      if (!in_quote && is_space(k) && depth == 0) break;
      ++k;
      if (in_quote) continue;
      if (ch == '(') ++depth;
      if (ch == ')' && depth > 0 && --depth == 0) break;
      if (ch == '*' && depth == 0) break;
    }
    operands.push_back({chars[start].begin, k < chars.size() ? chars[k].begin : end});
  }
  return operands;
}

bool IsBooleanOperator(absl::string_view word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR";
}

bool IsQuerySpaceAt(absl::string_view text, size_t i) {
  Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
  return it != Xapian::Utf8Iterator() && Xapian::Unicode::is_whitespace(*it);
}

absl::Status CheckQuerySyntax(absl::string_view query) { return QueryReader(query).error(); }

std::string XapianQueryText(absl::string_view text, bool acronyms) {
  return QueryReader(text, acronyms).text();
}

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
