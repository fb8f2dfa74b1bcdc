// SPDX-License-Identifier: GPL-2.0-or-later
/// @file name_folding.cc
/// @brief Canonical keys for names: ICU transliteration plus spelling rules.
#include "newsgrep/name_folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace newsgrep {
namespace {

// One transliterator per thread: ICU transliterators are not documented as safe for
// concurrent use. Created on first use in each thread (about a millisecond).
const icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return transliterator.get();
}

bool IsAscii(absl::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Lower-case ASCII; non-ASCII text goes through ICU first. Characters ICU cannot map to
// ASCII are dropped.
std::string ToLowerAscii(absl::string_view text) {
  std::string out;
  if (IsAscii(text)) {
    out = absl::AsciiStrToLower(text);
    return out;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (const icu::Transliterator* t = ThreadTransliterator(); t != nullptr) {
    t->transliterate(unicode);
  }
  unicode.toUTF8String(out);
  std::string ascii;
  ascii.reserve(out.size());
  for (const char c : out) {
    if (static_cast<unsigned char>(c) < 0x80) ascii += absl::ascii_tolower(c);
  }
  return ascii;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

void ReplaceAll(std::string& word, const std::string& from, const std::string& to) {
  size_t at = 0;
  while ((at = word.find(from, at)) != std::string::npos) {
    word.replace(at, from.size(), to);
    at += to.size();
  }
}

bool EndsWith(const std::string& word, absl::string_view suffix) {
  return word.size() >= suffix.size() &&
         absl::string_view(word).substr(word.size() - suffix.size()) == suffix;
}

// Irregular variants the rules do not join (after the rules have run).
constexpr std::pair<absl::string_view, absl::string_view> kAliases[] = {
    {"serhy", "sergei"},    {"serhei", "sergei"},      {"sergy", "sergei"},
    {"gadafi", "kadafi"},   {"kadafy", "kadafi"},      {"gadafy", "kadafi"},
    {"muhamad", "mohamed"}, {"mohamad", "mohamed"},    {"muhamed", "mohamed"},
    {"mohamud", "mohamed"}, {"yury", "yuri"},          {"yuriy", "yuri"},
    {"jury", "yuri"},       {"olexandr", "oleksandr"}, {"olexander", "oleksandr"},
};

// The spelling rules for one lower-case ASCII word of letters and digits.
std::string FoldWord(std::string word) {
  // Doubled letters: Gaddafi → gadafi, Zelenskyy → zelensky, Zelenskii → zelenski.
  std::string single;
  single.reserve(word.size());
  for (const char c : word) {
    if (!single.empty() && single.back() == c && absl::ascii_isalpha(c)) continue;
    single += c;
  }
  word = std::move(single);
  ReplaceAll(word, "q", "k");
  ReplaceAll(word, "kh", "h");
  ReplaceAll(word, "dh", "d");
  ReplaceAll(word, "ck", "k");
  ReplaceAll(word, "ks", "x");
  // Slavic endings: -iy, -yi, -ij, -yy (collapsed above) → -y; -ey → -ei.
  for (absl::string_view ending : {"iy", "yi", "ij"}) {
    if (word.size() > 3 && EndsWith(word, ending)) {
      word.replace(word.size() - 2, 2, "y");
      break;
    }
  }
  if (word.size() > 3 && EndsWith(word, "ey")) word.replace(word.size() - 2, 2, "ei");
  // A final -i after a consonant: Dmitri → dmitry, Zelenski → zelensky.
  if (word.size() > 3 && word.back() == 'i' && !IsVowel(word[word.size() - 2]) &&
      absl::ascii_isalpha(word[word.size() - 2])) {
    word.back() = 'y';
  }
  for (const auto& [from, to] : kAliases) {
    if (word == from) return std::string(to);
  }
  return word;
}

}  // namespace

std::string FoldToAscii(absl::string_view text) { return ToLowerAscii(text); }

std::vector<std::string> FoldNameWords(absl::string_view name) {
  const std::string ascii = ToLowerAscii(name);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(FoldWord(std::move(word)));
    word.clear();
  };
  for (const char c : ascii) {
    if (absl::ascii_isalnum(c)) {
      word += c;
    } else if (c == '\'' || c == '`') {
      // O'Donnell → odonnell: an apostrophe joins, it does not split.
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string FoldName(absl::string_view name) { return absl::StrJoin(FoldNameWords(name), " "); }

}  // namespace newsgrep
