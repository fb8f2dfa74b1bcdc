/// @file sentences.cc
/// @brief Sentence-end detection with an abbreviation guard.
#include "internal/sentences.h"

#include <array>

#include "absl/strings/ascii.h"

namespace newsgrep::internal {
namespace {

constexpr std::array<absl::string_view, 34> kAbbreviations = {
    "Gen",  "Adm", "Col", "Capt", "Lt",  "Sgt", "Maj",  "Cmdr", "Gov", "Sen", "Rep", "Mr",
    "Mrs",  "Ms",  "Dr",  "Prof", "St",  "Jr",  "Sr",   "Rev",  "Hon", "Jan", "Feb", "Aug",
    "Sept", "Sep", "Oct", "Nov",  "Dec", "No",  "Corp", "Inc",  "Co",  "Ltd"};

}  // namespace

bool IsSentenceEnd(absl::string_view text, size_t i) {
  if (i + 2 >= text.size()) return false;
  const char c = text[i];
  if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') return false;
  const unsigned char next = static_cast<unsigned char>(text[i + 2]);
  // A capital, a straight quote, or a UTF-8 typographic quote (U+201C starts with 0xE2).
  if (!absl::ascii_isupper(next) && next != '"' && next != 0xE2) return false;
  if (c != '.') return true;
  size_t start = i;
  while (start > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
  const absl::string_view word = text.substr(start, i - start);
  if (word.size() == 1 && absl::ascii_isupper(static_cast<unsigned char>(word[0]))) {
    return false;  // an initial: "J. R. Whitcombe", "U.S. Gen."
  }
  for (absl::string_view abbreviation : kAbbreviations) {
    if (word == abbreviation) return false;
  }
  return true;
}

}  // namespace newsgrep::internal
