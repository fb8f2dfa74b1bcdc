// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text_words.h
/// @brief Splits text into words exactly as Xapian 1.4's TermGenerator does (same word
/// characters, acronyms, infix apostrophes and digits, `+`/`#` suffixes), keeping each
/// word's byte range, so that term positions can be mapped back onto the text a person
/// reads (snippets, highlights).
///
/// Thread safety: pure functions, safe from any thread.
#ifndef NEWSGREP_SEARCHER_INTERNAL_TEXT_WORDS_H_
#define NEWSGREP_SEARCHER_INTERNAL_TEXT_WORDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// One word of a text. Its position is its index in the vector plus one, like the term
/// positions TermGenerator gives one field.
struct TextWord {
  size_t begin = 0;  // byte range in the text
  size_t end = 0;
  /// The word as the indexer read it, lower case, before stemming; "" when that is the
  /// word's bytes in lower case, as for most words (plain ASCII ones): TermOf gives it
  /// then. (Most words of a page are never looked at: making their terms was a tenth of
  /// the instructions of a result page's snippets.)
  std::string term;
};

/// The longest word TermGenerator indexes (its default), in bytes.
inline constexpr size_t kMaxWordBytes = 64;

/// The words of `text`. Words longer than kMaxWordBytes are left out, as the indexer leaves
/// them out (they take no position). CJK n-gram splitting is not reproduced (the indexer
/// does not enable it).
std::vector<TextWord> SplitWords(absl::string_view text);

/// The term of `word`, one of SplitWords(text): the word as the indexer read it, lower
/// case, before stemming.
std::string TermOf(absl::string_view text, const TextWord& word);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_TEXT_WORDS_H_
