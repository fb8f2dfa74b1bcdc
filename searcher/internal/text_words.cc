// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text_words.cc
/// @brief Word splitting that follows Xapian 1.4's TermGenerator rules (parse_terms in
/// xapian-core/queryparser/termgenerator_internal.cc), with byte offsets.
#include "internal/text_words.h"

#include <xapian.h>

#include <limits>

namespace newsgrep::internal {
namespace {

using Xapian::Utf8Iterator;
namespace Unicode = Xapian::Unicode;

constexpr unsigned kIgnore = std::numeric_limits<unsigned>::max();

bool AsciiUpper(unsigned ch) { return ch < 128 && ch >= 'A' && ch <= 'Z'; }

// ASCII word characters (most of a news text), without Xapian's Unicode tables: the
// lower-case form of letters, digits and '_' (connector punctuation); 0 for the rest,
// bytes from 0x80 included (so that a scan needs one test per byte).
struct AsciiWordBytes {
  unsigned char lower[256] = {};
  constexpr AsciiWordBytes() {
    for (int c = 0; c < 128; ++c) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') lower[c] = c;
      if (c >= 'A' && c <= 'Z') lower[c] = c + ('a' - 'A');
    }
  }
};
constexpr AsciiWordBytes kAscii;

// The lower-case form of `ch` when it is a word character, else 0.
unsigned WordChar(unsigned ch) {
  if (ch < 128) return kAscii.lower[ch];
  return Unicode::is_wordchar(ch) ? Unicode::tolower(ch) : 0;
}

void Append(std::string& term, unsigned ch) {
  if (ch < 128) {
    term += static_cast<char>(ch);
  } else {
    Unicode::append_utf8(term, ch);
  }
}

// Characters kept inside a word between two word characters (AT&T, don't, l·l).
unsigned Infix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  if (ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff)) return kIgnore;
  return 0;
}

// Characters kept between two digits (1,000.5).
unsigned InfixDigit(unsigned ch) {
  switch (ch) {
    case ',':
    case '.':
    case ';':
    case 0x037e:
    case 0x0589:
    case 0x060D:
    case 0x07F8:
    case 0x2044:
    case 0xFE10:
    case 0xFE13:
    case 0xFE14:
      return ch;
  }
  if (ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff)) return kIgnore;
  return 0;
}

bool IsDigit(unsigned ch) {
  if (ch < 128) return ch >= '0' && ch <= '9';
  return Unicode::get_category(ch) == Unicode::DECIMAL_DIGIT_NUMBER;
}

unsigned Suffix(unsigned ch) { return ch == '+' || ch == '#' ? ch : 0; }

// Xapian::Utf8Iterator's interface and decoding (invalid bytes are single Latin-1
// characters, as TermGenerator reads them), with ASCII decoded inline: Utf8Iterator's
// operator* is a library call per character.
class CharIterator {
 public:
  CharIterator() = default;  // the end
  CharIterator(const char* p, size_t size) : p_(p), end_(p + size) { Decode(); }
  unsigned operator*() const { return ch_; }
  CharIterator& operator++() {
    p_ += length_;
    Decode();
    return *this;
  }
  CharIterator operator++(int) {
    CharIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CharIterator& other) const { return p_ == other.p_; }
  bool operator!=(const CharIterator& other) const { return p_ != other.p_; }
  const char* raw() const { return p_; }  // REQUIRES: not the end

 private:
  void Decode() {
    if (p_ == end_) {
      p_ = nullptr;
      return;
    }
    const auto byte = static_cast<unsigned char>(*p_);
    if (byte < 0x80) {
      ch_ = byte;
      length_ = 1;
      return;
    }
    Utf8Iterator it;  // (then assign: GCC cannot see that assign sets seqlen here)
    it.assign(p_, static_cast<size_t>(end_ - p_));
    ch_ = *it;
    ++it;
    length_ =
        it == Utf8Iterator() ? static_cast<size_t>(end_ - p_) : static_cast<size_t>(it.raw() - p_);
  }

  const char* p_ = nullptr;  // nullptr at the end
  const char* end_ = nullptr;
  unsigned ch_ = 0;
  size_t length_ = 0;
};

// One word starting at byte `begin` of `text` (a word character), by every rule of
// TermGenerator; appended to `words` unless too long. Returns the byte after the word (and
// after its '+'/'#' suffix).
size_t SplitWordAt(absl::string_view text, size_t begin, std::vector<TextWord>& words) {
  const CharIterator end;
  CharIterator it(text.data() + begin, text.size() - begin);
  auto offset = [&](const CharIterator& at) {
    return at == end ? text.size() : static_cast<size_t>(at.raw() - text.data());
  };
  unsigned ch = WordChar(*it);
  std::string term;
  bool done = false;
  // Initials separated by '.' (U.S., P.T.O.) make one term.
  if (AsciiUpper(*it)) {
    CharIterator p = it;
    do {
      Append(term, Unicode::tolower(*p++));
    } while (p != end && *p == '.' && ++p != end && AsciiUpper(*p));
    if (term.size() > 1 && (p == end || !Unicode::is_wordchar(*p))) {
      it = p;
      done = true;
    } else {
      term.clear();
    }
  }
  while (!done) {
    unsigned previous = 0;
    do {
      Append(term, ch);
      previous = ch;
      if (++it == end) {
        done = true;
        break;
      }
      ch = WordChar(*it);
    } while (ch != 0);
    if (done) break;
    CharIterator next(it);
    ++next;
    if (next == end) break;
    const unsigned next_ch = WordChar(*next);
    if (next_ch == 0) break;
    unsigned infix = (IsDigit(previous) && IsDigit(*next)) ? InfixDigit(*it) : Infix(*it);
    if (infix == 0) break;
    if (infix != kIgnore) Append(term, infix);
    ch = next_ch;
    it = next;
  }
  size_t word_end = offset(it);
  if (!done) {
    // Up to three '+' or '#' (C++, C#), unless a word character follows (fish+chips).
    const size_t length = term.size();
    unsigned count = 0;
    while (it != end && (ch = Suffix(*it)) != 0) {
      if (++count > 3) {
        term.resize(length);
        break;
      }
      Append(term, ch);
      ++it;
    }
    if (it != end && Unicode::is_wordchar(*it)) term.resize(length);
    if (term.size() > length) word_end = offset(it);  // the suffix is part of the word
  }
  if (term.size() <= kMaxWordBytes) words.push_back({begin, word_end, std::move(term)});
  return offset(it);
}

// The end of the plain ASCII word at byte `begin` (a word byte), or 0 when the word is not
// plain: when what follows it could continue it or change it under TermGenerator's rules
// (a non-ASCII character, an infix ' or &, a '+'/'#' suffix, a digit separator after a
// digit, a '.' after a capital that may start initials). Most words of a news text are
// plain; the rest go through SplitWordAt.
size_t PlainAsciiWordEnd(absl::string_view text, size_t begin) {
  size_t end = begin;
  while (end < text.size() && kAscii.lower[static_cast<unsigned char>(text[end])] != 0) ++end;
  if (end == text.size()) return end;
  switch (text[end]) {
    case '\'':
    case '&':
    case '+':
    case '#':
      return 0;
    case ',':
    case ';':
      return IsDigit(static_cast<unsigned char>(text[end - 1])) ? 0 : end;
    case '.':
      if (IsDigit(static_cast<unsigned char>(text[end - 1]))) return 0;
      return end - begin == 1 && AsciiUpper(static_cast<unsigned char>(text[begin])) ? 0 : end;
    default:
      return static_cast<unsigned char>(text[end]) < 0x80 ? end : 0;
  }
}

}  // namespace

std::vector<TextWord> SplitWords(absl::string_view text) {
  std::vector<TextWord> words;
  words.reserve(text.size() / 6 + 1);
  size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (kAscii.lower[byte] == 0) {
        ++at;
        continue;
      }
      if (const size_t end = PlainAsciiWordEnd(text, at); end != 0) {
        if (end - at <= kMaxWordBytes) {
          TextWord& word = words.emplace_back();  // its term: the bytes in lower case
          word.begin = at;
          word.end = end;
        }
        at = end;
        continue;
      }
      at = SplitWordAt(text, at, words);
      continue;
    }
    const CharIterator character(text.data() + at, text.size() - at);
    if (WordChar(*character) == 0) {
      CharIterator next = character;
      ++next;
      at = next == CharIterator() ? text.size() : static_cast<size_t>(next.raw() - text.data());
      continue;
    }
    at = SplitWordAt(text, at, words);
  }
  return words;
}

std::string TermOf(absl::string_view text, const TextWord& word) {
  if (!word.term.empty()) return word.term;
  std::string term(text.substr(word.begin, word.end - word.begin));
  for (char& c : term) c = static_cast<char>(kAscii.lower[static_cast<unsigned char>(c)]);
  return term;
}

}  // namespace newsgrep::internal
