// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text_rules.h
/// @brief Small rules of news text that the reader (a title from the first sentence), the
/// cleaner (cutting one-line pages into sentences), the entity recognizer (which capital
/// starts a sentence) and the evaluation tools share, so that each is decided in one place.
///
/// Thread safety: pure functions of their arguments.
#ifndef NEWSGREP_ENTITIES_TEXT_RULES_H_
#define NEWSGREP_ENTITIES_TEXT_RULES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep {

/// True when a '.' written right after `word` belongs to the word instead of ending a
/// sentence: an initial (one capital letter: "J" of "J. R. Whitcombe", "S" of "U.S."), a
/// dotted abbreviation ("U.S", "a.m"), or a title, month or company abbreviation ("Gen",
/// "Mr", "Sept", "Corp"), compared without case. `word` is the run of letters (and dots)
/// before the '.'.
bool IsAbbreviation(absl::string_view word);

/// True when text[i] is a '.', '?' or '!' that ends a sentence, or the last of up to three
/// closing quotation marks or brackets after a '.' (" ' ) ’ ” »: `said “no.” Then`; not
/// after '?' or '!', where an attribution follows: `“Why?” Ruiz asked`): followed
/// by white space and then a capital letter (any script) or an opening quotation mark
/// (" “ ‘ « „), and, for a '.', not the dot of an abbreviation (IsAbbreviation of the
/// letters and dots before it).
bool IsSentenceEnd(absl::string_view text, size_t i);

/// The sentences of `text` in order, split after every IsSentenceEnd, each with its end
/// mark and without the white space around it; empty pieces are dropped. Views into `text`.
std::vector<absl::string_view> SplitSentences(absl::string_view text);

/// `text` with every run of ASCII white space (space, tab, newline, CR, form feed, vertical
/// tab) replaced by one space, and none at either end.
std::string CollapseSpaces(absl::string_view text);

}  // namespace newsgrep

#endif  // NEWSGREP_ENTITIES_TEXT_RULES_H_
