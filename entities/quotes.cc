// SPDX-License-Identifier: GPL-2.0-or-later
/// @file quotes.cc
/// @brief Quotation marks → quotations: pairing, nesting, paragraphs, apostrophes and
/// scare quotes.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "internal/text.h"
#include "newsgrep/entities.h"

namespace newsgrep {
namespace {

using entities::IsLetter;
using entities::IsSpace;
using entities::IsUpper;
using entities::NextCodePoint;
using entities::PreviousCodePoint;

enum class MarkKind { kOpenDouble, kCloseDouble, kOpenSingle, kCloseSingle };

struct Mark {
  size_t pos = 0;
  size_t len = 0;
  MarkKind kind = MarkKind::kOpenDouble;
  bool straight = false;
  char32_t ch = 0;
};

bool IsOpeningContext(char32_t prev) {
  return prev == 0 || IsSpace(prev) || prev == '(' || prev == '[' || prev == '{' ||
         prev == 0x2014 || prev == 0x2013 || prev == '-' || prev == '/' || prev == 0x201C ||
         prev == 0x201E || prev == 0x00AB || prev == '"';
}

bool IsClosingContext(char32_t next) {
  return next == 0 || IsSpace(next) || next == ',' || next == '.' || next == ';' || next == ':' ||
         next == '!' || next == '?' || next == ')' || next == ']' || next == 0x2014 ||
         next == 0x2013 || next == '-' || next == 0x201D || next == '"' || next == 0x2019 ||
         next == '\'' || next == 0x2026;
}

bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }

// The quotation marks of `text`, in order (apostrophes excluded).
std::vector<Mark> FindMarks(absl::string_view text) {
  std::vector<Mark> marks;
  size_t i = 0;
  while (i < text.size()) {
    const size_t pos = i;
    const char32_t c = NextCodePoint(text, &i);
    const size_t len = i - pos;
    const char32_t prev = PreviousCodePoint(text, pos);
    size_t j = i;
    const char32_t next = i < text.size() ? NextCodePoint(text, &j) : 0;
    switch (c) {
      case 0x201C:  // “ (also the closing mark of German „…“)
      case 0x201E:  // „
      case 0x201F:
      case 0x00AB:  // «
        marks.push_back({pos, len, MarkKind::kOpenDouble, false, c});
        break;
      case 0x201D:  // ”
      case 0x00BB:  // »
        marks.push_back({pos, len, MarkKind::kCloseDouble, false});
        break;
      case '"': {
        const bool opening = IsOpeningContext(prev) && next != 0 && !IsSpace(next);
        const bool closing = !IsSpace(prev) && prev != 0 && IsClosingContext(next);
        if (opening && !closing) marks.push_back({pos, len, MarkKind::kOpenDouble, true});
        if (closing && !opening) marks.push_back({pos, len, MarkKind::kCloseDouble, true});
        break;
      }
      case 0x2018:  // ‘ (‘90s is an apostrophe)
        if (!IsDigitCp(next) && next != 0 && !IsSpace(next)) {
          marks.push_back({pos, len, MarkKind::kOpenSingle, false});
        }
        break;
      case 0x2019:  // ’ : apostrophe between letters (won’t) or before digits (’90s)
      case '\'': {
        if (IsLetter(prev) && IsLetter(next)) break;
        if ((prev == 0 || IsSpace(prev)) && IsDigitCp(next)) break;
        if (IsOpeningContext(prev) && next != 0 && !IsSpace(next)) {
          if (c == '\'') marks.push_back({pos, len, MarkKind::kOpenSingle, true});
          break;
        }
        if (prev != 0 && !IsSpace(prev) && IsClosingContext(next)) {
          marks.push_back({pos, len, MarkKind::kCloseSingle, c == '\''});
        }
        break;
      }
      default:
        break;
    }
  }
  return marks;
}

// Paragraph breaks: a blank line, an indented line, or a line break after a sentence.
bool IsParagraphBreak(absl::string_view text, size_t newline) {
  size_t j = newline + 1;
  size_t spaces = 0;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
    ++spaces;
    ++j;
  }
  if (j >= text.size() || text[j] == '\n') return true;
  if (spaces >= 2) return true;
  size_t k = newline;
  while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\r')) --k;
  if (k == 0) return true;
  const char32_t last = PreviousCodePoint(text, k);
  return last == '.' || last == '!' || last == '?' || last == ':' || last == 0x201D ||
         last == '"' || last == 0x2019 || last == 0x2026;
}

// Words that hold a letter or a digit; white space and dashes separate them. Not
// CountWords (cleaner.h), on purpose: a spaced dash or a lone punctuation mark is no word
// here, so the scare-quote test below reads “war — now” as two words, not three.
size_t CountLetterWords(absl::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, &i);
    const bool letter = IsLetter(c) || IsDigitCp(c);
    if (letter && !in_word) ++words;
    if (IsSpace(c) || c == 0x2014 || c == 0x2013) in_word = false;
    if (letter) in_word = true;
  }
  return words;
}

bool AllCaps(absl::string_view text) {
  size_t letters = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, &i);
    if (!IsLetter(c)) continue;
    ++letters;
    if (!IsUpper(c)) return false;
  }
  return letters > 0;
}

// The word just before byte `pos`, lower case.
std::string WordBefore(absl::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && (absl::ascii_isalpha(text[begin - 1]) || text[begin - 1] == '-')) --begin;
  return absl::AsciiStrToLower(text.substr(begin, end - begin));
}

// Scare quotes: one or two words, or a short phrase used as a noun (the “coalition of the
// willing”) with no punctuation of its own.
bool IsQuotation(absl::string_view text, size_t open, absl::string_view quoted, bool single) {
  const size_t words = CountLetterWords(quoted);
  if (words <= 2) return false;
  if (AllCaps(quoted)) return false;
  if (single && words < 3) return false;
  if (words <= 4) {
    static constexpr absl::string_view kDeterminers[] = {
        "the",  "a",      "an",   "so-called", "this",   "these", "those",
        "its",  "their",  "his",  "her",       "our",    "my",    "your",
        "term", "phrase", "word", "dubbed",    "slogan", "label", "motto"};
    const std::string before = WordBefore(text, open);
    bool determiner = false;
    for (absl::string_view d : kDeterminers) determiner |= before == d;
    bool punctuation = false;
    for (const char c : quoted) {
      if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?') punctuation = true;
    }
    if (determiner && !punctuation) return false;
  }
  return true;
}

}  // namespace

std::vector<QuoteExtractor::Span> QuoteExtractor::Find(absl::string_view text) {
  std::vector<Span> quotes;
  const std::vector<Mark> marks = FindMarks(text);
  // Paragraph breaks in order.
  std::vector<size_t> breaks;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && IsParagraphBreak(text, i)) breaks.push_back(i);
  }
  size_t next_break = 0;
  bool open = false, open_straight = false;
  char32_t open_char = 0;
  size_t open_pos = 0, part_begin = 0;
  std::vector<std::pair<size_t, size_t>> parts;
  bool continuation = false;  // the previous paragraph left a quote open
  bool single_open = false;   // a top-level ‘…’
  size_t single_pos = 0;

  auto emit = [&](size_t close_pos, size_t close_len, bool single) {
    std::vector<std::string> texts;
    size_t begin = std::string::npos, end = 0;
    for (const auto& [b, e] : parts) {
      const absl::string_view part = absl::StripAsciiWhitespace(text.substr(b, e - b));
      if (part.empty()) continue;
      const size_t pb = static_cast<size_t>(part.data() - text.data());
      if (begin == std::string::npos) begin = pb;
      end = pb + part.size();
      texts.emplace_back(part);
    }
    if (texts.empty()) return;
    const std::string joined = absl::StrJoin(texts, "\n\n");
    const size_t open_at = single ? single_pos : open_pos;
    if (!IsQuotation(text, open_at, joined, single)) return;
    quotes.push_back(Span{open_at, begin, end, close_pos + close_len, joined});
  };

  for (size_t m = 0; m <= marks.size(); ++m) {
    const size_t pos = m < marks.size() ? marks[m].pos : text.size();
    // Paragraph breaks before this mark.
    while (next_break < breaks.size() && breaks[next_break] < pos) {
      const size_t br = breaks[next_break++];
      single_open = false;
      if (!open) continue;
      // Continued when the next paragraph opens with a quotation mark.
      size_t j = br + 1;
      while (j < text.size() &&
             (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
        ++j;
      }
      const bool reopens = m < marks.size() && marks[m].pos == j &&
                           marks[m].kind == MarkKind::kOpenDouble &&
                           (next_break >= breaks.size() || breaks[next_break] > j);
      if (reopens) {
        parts.emplace_back(part_begin, br);
        continuation = true;
      } else {
        open = false;  // never closed: not a quotation we can trust
        parts.clear();
      }
    }
    if (m == marks.size()) break;
    const Mark& mark = marks[m];
    switch (mark.kind) {
      case MarkKind::kOpenDouble:
        if (continuation) {
          continuation = false;
          part_begin = mark.pos + mark.len;
          break;
        }
        if (open && open_char == 0x201E && mark.ch == 0x201C) {
          // German „…“: “ closes.
          parts.emplace_back(part_begin, mark.pos);
          emit(mark.pos, mark.len, false);
          open = false;
          parts.clear();
          break;
        }
        if (open && open_straight && mark.straight) {
          // Two straight openers: the second is really a closer ("…"word).
          parts.emplace_back(part_begin, mark.pos);
          emit(mark.pos, mark.len, false);
          open = false;
          parts.clear();
          break;
        }
        open = true;
        open_straight = mark.straight;
        open_char = mark.ch;
        open_pos = mark.pos;
        part_begin = mark.pos + mark.len;
        parts.clear();
        break;
      case MarkKind::kCloseDouble:
        if (!open) break;
        parts.emplace_back(part_begin, mark.pos);
        emit(mark.pos, mark.len, false);
        open = false;
        parts.clear();
        break;
      case MarkKind::kOpenSingle:
        if (open) break;           // nested: part of the outer quotation
        if (mark.straight) break;  // a top-level straight ' is too ambiguous
        single_open = true;
        single_pos = mark.pos;
        break;
      case MarkKind::kCloseSingle:
        if (open || !single_open) break;
        single_open = false;
        parts.clear();
        parts.emplace_back(single_pos + 3, mark.pos);  // ‘ is three bytes
        emit(mark.pos, mark.len, true);
        parts.clear();
        break;
    }
  }
  return quotes;
}

}  // namespace newsgrep
