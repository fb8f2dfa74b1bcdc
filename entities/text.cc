// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text.cc
/// @brief Tokenizer for entity recognition.
#include "internal/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "newsgrep/text_rules.h"

namespace newsgrep::entities {
namespace {

bool IsAlnumOrMark(char32_t c) {
  if (c < 0x80) return absl::ascii_isalnum(static_cast<char>(c));
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsQuoteChar(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
    case '`':
      return true;
    default:
      return false;
  }
}

bool IsCapsFunctionWord(absl::string_view word) {
  static constexpr absl::string_view kWords[] = {
      "TO",   "OF",   "THE",  "IN", "AT",  "ON", "AS", "FOR", "AND", "AFTER", "WITH", "BY", "FROM",
      "OVER", "INTO", "NEAR", "IS", "ARE", "BE", "A",  "AN",  "UP",  "OUT",   "NOT",  "NO"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

}  // namespace

char32_t NextCodePoint(absl::string_view text, size_t* i) {
  // ASCII, most of news text, without the decoder (a tenth of tokenizing).
  if (const unsigned char byte = static_cast<unsigned char>(text[*i]); byte < 0x80) {
    ++*i;
    return byte;
  }
  UChar32 c;
  int32_t at = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(text.size()), c);
  *i = static_cast<size_t>(at);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t PreviousCodePoint(absl::string_view text, size_t i) {
  if (i == 0) return 0;
  UChar32 c;
  int32_t at = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, at, c);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return absl::ascii_isalpha(static_cast<char>(c));
  return u_isalpha(static_cast<UChar32>(c));
}
bool IsUpper(char32_t c) {
  if (c < 0x80) return absl::ascii_isupper(static_cast<char>(c));
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsLower(char32_t c) {
  if (c < 0x80) return absl::ascii_islower(static_cast<char>(c));
  return u_islower(static_cast<UChar32>(c));
}
bool IsSpace(char32_t c) {
  if (c < 0x80) return absl::ascii_isspace(static_cast<char>(c));
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

std::string LowerKey(absl::string_view word) {
  std::string key = absl::AsciiStrToLower(word);
  if (!key.empty() && key.back() == '.' && key.find('.') == key.size() - 1) key.pop_back();
  return key;
}

namespace {

// Hard-wrapped text (wire copy): lines broken at a fixed width, so that at least three
// lines followed by another line are 50 to 100 bytes long and no line is longer than 100.
constexpr size_t kWrappedLineMin = 50;
constexpr size_t kWrappedLineMax = 100;

bool IsHardWrapped(absl::string_view text) {
  size_t wrapped_lines = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == absl::string_view::npos) end = text.size();
    const size_t length = end - begin;
    if (length > kWrappedLineMax) return false;
    const bool continued = end + 1 < text.size() && text[end + 1] != '\n';
    if (length >= kWrappedLineMin && continued) ++wrapped_lines;
    begin = end + 1;
  }
  return wrapped_lines >= 3;
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);
  bool line_start = true;
  bool paragraph_start = true;
  size_t newlines = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (IsSpace(c)) {
      if (c == '\n') {
        ++newlines;
        line_start = true;
        if (newlines >= 2) paragraph_start = true;
        // An indented line starts a paragraph (wire copy with hard-wrapped lines).
        size_t j = i, spaces = 0;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) {
          spaces += text[j] == '\t' ? 4 : 1;
          ++j;
        }
        if (spaces >= 2) paragraph_start = true;
      }
      continue;
    }
    Token token;
    token.begin = static_cast<uint32_t>(start);
    if (IsAlnumOrMark(c)) {
      size_t j = i;
      char32_t prev = c;
      bool has_dot = false;
      size_t segment_letters = IsLetter(c) ? 1 : 0;  // letters since the last dot
      bool hyphenated = false;
      while (j < text.size()) {
        size_t k = j;
        const char32_t d = NextCodePoint(text, &k);
        if (IsAlnumOrMark(d)) {
          if (IsLetter(d)) ++segment_letters;
          prev = d;
          j = k;
          continue;
        }
        size_t after = k;
        const char32_t next = after < text.size() ? NextCodePoint(text, &after) : 0;
        if (IsApostrophe(d) && IsLetter(prev) && IsLetter(next)) {
          prev = d;
          j = k;
          continue;
        }
        if (IsHyphen(d) && IsAlnumOrMark(prev) && prev != 0 && IsAlnumOrMark(next)) {
          hyphenated = true;
          prev = d;
          j = k;
          segment_letters = 0;
          continue;
        }
        if (d == '.' && IsLetter(prev) && segment_letters == 1) {
          // U.S. / J.R. / D.C.: single letters each followed by a dot.
          size_t after2 = after;
          const char32_t next2 = after < text.size() ? NextCodePoint(text, &after2) : 0;
          if ((IsLetter(next) && next2 == '.') || has_dot) {
            has_dot = true;
            prev = d;
            j = k;
            segment_letters = 0;
            continue;
          }
          // A single capital initial before a capitalised word: "S. Waugh".
          if (IsUpper(prev) && j - token.begin <= 4) {
            size_t m = k;
            while (m < text.size() && text[m] == ' ') ++m;
            size_t m2 = m;
            const char32_t following = m < text.size() ? NextCodePoint(text, &m2) : 0;
            if (m > k && IsUpper(following)) {
              has_dot = true;
              j = k;
              break;
            }
          }
        }
        if ((d == '.' || d == ',') && IsDigit(prev) && IsDigit(next)) {
          prev = d;
          j = k;
          continue;
        }
        if (d == '&' && IsUpper(prev) && IsUpper(next)) {
          prev = d;
          j = k;
          continue;
        }
        break;
      }
      i = j;
      token.end = static_cast<uint32_t>(j);
      const absl::string_view word = TokenText(text, token);
      size_t letters = 0, uppers = 0, lowers = 0;
      char32_t first_letter = 0;
      for (size_t p = 0; p < word.size();) {
        const char32_t w = NextCodePoint(word, &p);
        if (!IsLetter(w)) continue;
        if (first_letter == 0) first_letter = w;
        ++letters;
        if (IsUpper(w)) ++uppers;
        if (IsLower(w)) ++lowers;
      }
      if (IsDigit(c)) {
        token.flags |= kNumber;
      } else {
        token.flags |= kWord;
        if (first_letter != 0 && IsUpper(first_letter)) token.flags |= kCapitalized;
        if (letters >= 2 && lowers == 0 && uppers > 0) token.flags |= kAllCaps;
        if (has_dot) token.flags |= kInitials;
      }
      if (hyphenated) token.flags |= kHyphenated;
      // "al-Abidine", "bin-Talal": a name whose particle is written in lower case.
      if (hyphenated && (token.flags & kWord) && !(token.flags & kCapitalized)) {
        const size_t dash = word.find('-');
        static constexpr absl::string_view kParticles[] = {"al",  "el",   "ad", "ash", "as",  "at",
                                                           "az",  "ar",   "an", "bin", "ibn", "abu",
                                                           "ben", "bint", "ul", "ud"};
        const absl::string_view particle = word.substr(0, dash);
        if (dash + 1 < word.size() &&
            absl::ascii_isupper(static_cast<unsigned char>(word[dash + 1])) &&
            std::find(std::begin(kParticles), std::end(kParticles), particle) !=
                std::end(kParticles)) {
          token.flags |= kCapitalized;
        }
      }
      // Split a possessive: NATO’s → NATO + ’s.
      size_t suffix = 0;
      if (word.size() > 3 &&
          (word.substr(word.size() - 2) == "'s" || word.substr(word.size() - 2) == "'S")) {
        suffix = 2;
      } else if (word.size() > 5 && (word.substr(word.size() - 4) == "\xE2\x80\x99s" ||
                                     word.substr(word.size() - 4) == "\xE2\x80\x99S")) {
        suffix = 4;
      }
      if (suffix > 0 && !(token.flags & kNumber)) {
        Token possessive;
        possessive.begin = token.end - static_cast<uint32_t>(suffix);
        possessive.end = token.end;
        possessive.flags = kWord | kPossessive;
        token.end = possessive.begin;
        token.flags &= ~kAllCaps;
        const absl::string_view base = TokenText(text, token);
        size_t base_lowers = 0, base_letters = 0;
        for (size_t p = 0; p < base.size();) {
          const char32_t w = NextCodePoint(base, &p);
          if (!IsLetter(w)) continue;
          ++base_letters;
          if (IsLower(w)) ++base_lowers;
        }
        if (base_letters >= 2 && base_lowers == 0) token.flags |= kAllCaps;
        if (line_start) token.flags |= kLineStart;
        if (paragraph_start) token.flags |= kParagraphStart;
        tokens.push_back(token);
        tokens.push_back(possessive);
        line_start = paragraph_start = false;
        newlines = 0;
        continue;
      }
    } else {
      token.end = static_cast<uint32_t>(i);
      token.flags |= kPunct;
      if (IsQuoteChar(c)) token.flags |= kQuoteMark;
    }
    if (line_start) token.flags |= kLineStart;
    if (paragraph_start) token.flags |= kParagraphStart;
    line_start = paragraph_start = false;
    newlines = 0;
    tokens.push_back(token);
  }

  // Sentence starts.
  const bool wrapped = IsHardWrapped(text);
  bool sentence_start = true;
  for (size_t t = 0; t < tokens.size(); ++t) {
    Token& token = tokens[t];
    if (token.Is(kParagraphStart)) sentence_start = true;
    if (token.Is(kLineStart) && t > 0) {
      // A line after one that ended a sentence or was short (a headline) starts a sentence,
      // unless the text is hard-wrapped and the line continues the short one's paragraph:
      // wire copy whose dateline was cut from its first line ("U.S. Trade Representative
      // Clayton" / "Yeutter said he hoped the U.S. dollar would continue to decline").
      const Token& prev = tokens[t - 1];
      const absl::string_view p = TokenText(text, prev);
      if (p == "." || p == "!" || p == "?" || p == ":" || p == "\xE2\x80\x9D" || p == "\"") {
        sentence_start = true;
      } else {
        size_t line_begin = prev.begin;
        while (line_begin > 0 && text[line_begin - 1] != '\n') --line_begin;
        size_t next_end = text.find('\n', token.begin);
        if (next_end == absl::string_view::npos) next_end = text.size();
        const bool continued = wrapped && !token.Is(kParagraphStart) &&
                               text[token.begin - 1] == '\n' &&
                               next_end - token.begin >= kWrappedLineMin;
        if (prev.end - line_begin < kWrappedLineMin && !continued) sentence_start = true;
      }
    }
    if (token.Is(kWord | kNumber)) {
      if (sentence_start) token.flags |= kSentenceStart;
      sentence_start = false;
      continue;
    }
    const absl::string_view p = TokenText(text, token);
    if (p == "!" || p == "?" || p == ":") {
      sentence_start = true;
    } else if (p == ".") {
      bool abbreviation = false;
      if (t > 0 && tokens[t - 1].end == token.begin && tokens[t - 1].Is(kWord)) {
        abbreviation = IsAbbreviation(TokenText(text, tokens[t - 1]));
      }
      // "8. Jack Pierce": list numbering.
      if (t > 0 && tokens[t - 1].end == token.begin && tokens[t - 1].Is(kNumber) &&
          tokens[t - 1].end - tokens[t - 1].begin <= 2) {
        abbreviation = true;
      }
      if (!abbreviation) sentence_start = true;
    } else if (p == "\xE2\x80\x9C" || p == "\xC2\xAB" || p == "\xE2\x80\x9E" ||
               (p == "\"" && (t + 1 < tokens.size() && tokens[t + 1].begin == token.end))) {
      // An opening quotation mark: what follows starts like a sentence.
      if (t + 1 < tokens.size() && tokens[t + 1].begin == token.end) sentence_start = true;
    }
  }

  // Runs of capitals: three or more all-capital words (or two with a function word),
  // allowing punctuation and numbers between them.
  size_t t = 0;
  while (t < tokens.size()) {
    if (!(tokens[t].Is(kAllCaps) || TokenText(text, tokens[t]) == "A")) {
      ++t;
      continue;
    }
    size_t end = t, words = 0, function_words = 0, last_word = t;
    while (end < tokens.size()) {
      const Token& token = tokens[end];
      const absl::string_view w = TokenText(text, token);
      const bool single_capital =
          w.size() == 1 && absl::ascii_isupper(static_cast<unsigned char>(w[0]));
      if (token.Is(kWord) && (token.Is(kAllCaps) || single_capital ||
                              (token.Is(kInitials) && token.Is(kCapitalized)))) {
        ++words;
        if (IsCapsFunctionWord(w)) ++function_words;
        last_word = end;
        ++end;
        continue;
      }
      if (token.Is(kPunct | kNumber | kPossessive) && w != "." && w != "(" && w != ")") {
        ++end;
        continue;
      }
      break;
    }
    if (words >= 3 || (words >= 2 && function_words >= 1)) {
      for (size_t k = t; k <= last_word; ++k) tokens[k].flags |= kCapsRun;
    }
    t = std::max(end, t + 1);
  }
  return tokens;
}

}  // namespace newsgrep::entities
