// SPDX-License-Identifier: GPL-2.0-or-later
/// @file word_lists.h
/// @brief The closed word lists the recognizer's cues read (lower case): titles, roles,
/// organisation heads, place prepositions, function words, speech verbs. Each is built once,
/// on first use, and never changes.
///
/// Thread safety: safe from any thread.
#ifndef NEWSGREP_ENTITIES_INTERNAL_WORD_LISTS_H_
#define NEWSGREP_ENTITIES_INTERNAL_WORD_LISTS_H_

#include <initializer_list>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace newsgrep::entities {

using WordSet = absl::flat_hash_set<absl::string_view>;

/// A set of `words` (string literals: the set keeps views of them).
WordSet MakeSet(std::initializer_list<absl::string_view> words);

/// Titles that introduce a name: "Gen. Dan Caine", "President Donald Trump".
const WordSet& TitleHeads();

/// Words that can stand between the start of a title and its head: "Deputy Foreign Minister".
const WordSet& TitleModifiers();

/// A lower-case word before a name that says it is a person: "coach Glenn Hoddle".
const WordSet& RoleNouns();

/// Capitalised words that make a chunk an organisation (or event, or title of a work).
const WordSet& OrgHeads();

/// Last words of a place name that is not in the gazetteers: "Grace Road", "Capitol Hill".
const WordSet& PlaceSuffixes();

/// Words before a name that say it is a place: "in Arbil", "northern Iraq".
const WordSet& PlacePrepositions();

/// Words capitalised only because they start a sentence, never part of a name.
const WordSet& FunctionWords();

/// Prepositions after which an unknown capitalised word is a place ("in Arbil").
const WordSet& UnknownPlacePrepositions();

const WordSet& NameConnectors();

const WordSet& MonthsAndDays();

const WordSet& SpeechVerbs();

/// Verbs after which a name is the subject ("X said"), for the person cue.
const WordSet& SubjectSpeechVerbs();

}  // namespace newsgrep::entities

#endif  // NEWSGREP_ENTITIES_INTERNAL_WORD_LISTS_H_
