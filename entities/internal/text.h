// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text.h
/// @brief Tokens with byte offsets for entity recognition: words (with internal
/// apostrophes, hyphens and the dots of U.S. / J.R.), numbers and punctuation, plus what
/// the recognizers need to know about each: capitalisation, sentence and paragraph starts,
/// runs of capitals (headlines, promos).
#ifndef NEWSGREP_ENTITIES_INTERNAL_TEXT_H_
#define NEWSGREP_ENTITIES_INTERNAL_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::entities {

enum TokenFlag : uint32_t {
  kWord = 1u << 0,            // letters (maybe digits, apostrophes, hyphens, dots)
  kNumber = 1u << 1,          // starts with a digit
  kPunct = 1u << 2,           // one punctuation or symbol character
  kCapitalized = 1u << 3,     // a word whose first letter is upper case
  kAllCaps = 1u << 4,         // a word of two or more letters, none lower case
  kInitials = 1u << 5,        // "J." "J.R." "U.S." (letters each followed by a dot)
  kPossessive = 1u << 6,      // the "’s" split off "NATO’s"
  kSentenceStart = 1u << 7,   // first word of a sentence (capitalisation is no evidence)
  kParagraphStart = 1u << 8,  // first token of a paragraph
  kLineStart = 1u << 9,       // first token of a line
  kCapsRun = 1u << 10,        // inside a run of capitalised words (headline, promo)
  kQuoteMark = 1u << 11,      // a quotation mark or apostrophe-like character
  kInQuote = 1u << 12,        // inside a quotation (set by the extractor)
  kHyphenated = 1u << 13,     // contains an internal hyphen
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t flags = 0;
  bool Is(uint32_t f) const { return (flags & f) != 0; }
};

/// Tokens of `text` with the flags above (kInQuote excepted).
std::vector<Token> Tokenize(absl::string_view text);

/// The text of `token`.
inline absl::string_view TokenText(absl::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

/// Lower case (ASCII letters; other bytes unchanged) without a trailing dot.
std::string LowerKey(absl::string_view word);

/// Decodes one code point at `*i` (advancing it); U+FFFD for invalid bytes.
/// REQUIRES: *i < text.size().
char32_t NextCodePoint(absl::string_view text, size_t* i);
/// The code point that ends just before byte `i` (0 at the start).
char32_t PreviousCodePoint(absl::string_view text, size_t i);

bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsSpace(char32_t c);

}  // namespace newsgrep::entities

#endif  // NEWSGREP_ENTITIES_INTERNAL_TEXT_H_
