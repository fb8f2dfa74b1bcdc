// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text_rules.cc
/// @brief Sentence ends with one abbreviation list; white-space collapsing.
#include "newsgrep/text_rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>

#include "absl/strings/ascii.h"

namespace newsgrep {
namespace {

// Words after which a '.' does not end a sentence, lower case.
constexpr absl::string_view kAbbreviations[] = {
    "mr",     "mrs", "ms",  "dr",  "prof", "gen",  "adm",  "col",  "lt",   "maj",    "capt", "sgt",
    "cpl",    "gov", "sen", "rep", "rev",  "st",   "mt",   "ft",   "jan",  "feb",    "mar",  "apr",
    "jun",    "jul", "aug", "sep", "sept", "oct",  "nov",  "dec",  "no",   "vs",     "inc",  "corp",
    "co",     "ltd", "jr",  "sr",  "cmdr", "brig", "pres", "supt", "insp", "det",    "cllr", "fr",
    "messrs", "mme", "hon", "amb", "gens", "reps", "govt", "dept", "est",  "approx", "bros"};

bool IsWordByte(unsigned char c) { return absl::ascii_isalpha(c) || c >= 0x80; }

// The code point starting at text[i], or -1 when there is none or it is malformed.
UChar32 CodePointAt(absl::string_view text, size_t i) {
  if (i >= text.size()) return -1;
  UChar32 c;
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(text.size()), c);
  return c;
}

bool OpensSentence(UChar32 c) {
  switch (c) {
    case '"':
    case 0x201C:  // “
    case 0x2018:  // ‘
    case 0x00AB:  // «
    case 0x201E:  // „
      return true;
    default:
      return c >= 0 && u_isupper(c);
  }
}

}  // namespace

bool IsAbbreviation(absl::string_view word) {
  if (word.empty()) return false;
  if (word.find('.') != absl::string_view::npos) return true;
  const UChar32 first = CodePointAt(word, 0);
  if (first >= 0 && u_isupper(first) && static_cast<size_t>(U8_LENGTH(first)) == word.size()) {
    return true;  // an initial
  }
  if (word.size() > 6) return false;
  const std::string lower = absl::AsciiStrToLower(word);
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), lower) !=
         std::end(kAbbreviations);
}

// The byte length of a closing quotation mark or bracket whose last byte is text[i]
// (" ' ) ’ ” »), 0 when there is none.
size_t CloserEndingAt(absl::string_view text, size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')') return 1;
  for (absl::string_view closer : {"\u2019", "\u201D", "\u00BB"}) {
    if (i + 1 >= closer.size() && text.substr(i + 1 - closer.size(), closer.size()) == closer) {
      return closer.size();
    }
  }
  return 0;
}

bool IsSentenceEnd(absl::string_view text, size_t i) {
  if (i >= text.size()) return false;
  // The mark, before at most three closing quotes or brackets ending at i. Only a full
  // stop ends a sentence there: after a quoted question or exclamation the attribution
  // follows (“Is this the end?” Prime Minister Ana Ruiz asked).
  size_t mark = i;
  for (int closers = 0; closers < 3; ++closers) {
    const size_t length = CloserEndingAt(text, mark);
    if (length == 0 || mark < length) break;
    mark -= length;
  }
  const char c = text[mark];
  if (c != '.' && c != '?' && c != '!') return false;
  if (mark != i && c != '.') return false;
  size_t next = i + 1;
  while (next < text.size() && absl::ascii_isspace(static_cast<unsigned char>(text[next]))) {
    ++next;
  }
  if (next == i + 1 || !OpensSentence(CodePointAt(text, next))) return false;
  if (c != '.') return true;
  size_t start = mark;
  while (start > 0 && (IsWordByte(static_cast<unsigned char>(text[start - 1])) ||
                       (text[start - 1] == '.' && start >= 2 &&
                        IsWordByte(static_cast<unsigned char>(text[start - 2]))))) {
    --start;
  }
  return !IsAbbreviation(text.substr(start, mark - start));
}

std::vector<absl::string_view> SplitSentences(absl::string_view text) {
  std::vector<absl::string_view> sentences;
  size_t start = 0;
  auto add = [&](size_t end) {
    const absl::string_view sentence = absl::StripAsciiWhitespace(text.substr(start, end - start));
    if (!sentence.empty()) sentences.push_back(sentence);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsSentenceEnd(text, i)) {
      add(i + 1);
      start = i + 1;
    }
  }
  add(text.size());
  return sentences;
}

std::string CollapseSpaces(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

}  // namespace newsgrep
