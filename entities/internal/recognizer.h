// SPDX-License-Identifier: GPL-2.0-or-later
/// @file recognizer.h
/// @brief Recognising people and places in one text: capitalised chunks, news cues
/// (titles, roles, speech verbs, appositions, prepositions, datelines), gazetteers, and one
/// sense per article (a surname alone is the person named in full elsewhere).
#ifndef NEWSGREP_ENTITIES_INTERNAL_RECOGNIZER_H_
#define NEWSGREP_ENTITIES_INTERNAL_RECOGNIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "internal/resources.h"
#include "internal/text.h"

namespace newsgrep::entities {

enum class EntityType : uint8_t { kNone, kPerson, kLocation, kOther };

/// A person or place mention: tokens [first, last) of the analysed text.
struct TypedMention {
  size_t first = 0;
  size_t last = 0;
  uint32_t begin = 0;  // bytes
  uint32_t end = 0;
  EntityType type = EntityType::kNone;
  int entity = -1;       // index into Analysis::people or Analysis::places
  bool strong = false;   // found by a cue of its own (not only by resolution)
  bool in_caps = false;  // inside a run of capitals (headline): not used for pronouns
};

struct PersonEntity {
  std::vector<std::string> words;   // the fullest written form, word by word, no titles
  std::string name;                 // words joined ("Giuseppe Cavo Dragone")
  std::string key;                  // FoldName(name)
  std::vector<std::string> folded;  // FoldNameWords(name)
  char gender = 0;                  // 'M', 'F' or 0, from the given name
  std::vector<size_t> mentions;     // indexes into Analysis::mentions
};

struct PlaceEntity {
  std::string name;                   // as first written
  const PlaceEntry* place = nullptr;  // null for a place known by context only
  std::string key;                    // PlaceKey of the canonical name
  std::vector<size_t> mentions;
};

struct Analysis {
  std::vector<Token> tokens;
  std::vector<TypedMention> mentions;  // in text order
  std::vector<PersonEntity> people;
  std::vector<PlaceEntity> places;
  // The dateline at the start of the text: tokens [first, last) of its place, or none.
  size_t dateline_first = 0;
  size_t dateline_last = 0;
  // Names written as firms ("Merrill Lynch and Co", "analysts at Goldman Sachs"): FoldName
  // keys. No person has one of these keys, here or (through CorpusStatistics) in the
  // articles analysed with this one.
  std::vector<std::string> organisations;
};

/// Options for Analyze.
struct AnalyzeOptions {
  /// Only entities already known (from `known`) and gazetteer countries are recognised:
  /// for headlines, where capitalisation says nothing.
  bool known_only = false;
  const Analysis* known = nullptr;
  /// Look for a dateline at the start of the text. Default: true.
  bool dateline = true;
  /// Only what strong cues find, without resolving weak candidates and bare names against
  /// each other: all that corpus statistics gather (CollectCorpusStatistics), at less cost.
  bool strong_only = false;
};

/// Analyses `text`. `corpus` may be null.
Analysis Analyze(absl::string_view text, const EntityResources::Data& resources,
                 const CorpusStatistics::Data* corpus, const AnalyzeOptions& options = {});

/// The dateline place written in an Article::dateline field ("SALVADOR, Feb 26" →
/// "SALVADOR"), or "".
std::string DatelinePlace(absl::string_view dateline);

/// True for speech verbs ("said", "told", "added", "wrote", "according"…), lower case.
bool IsSpeechVerb(absl::string_view lower);

/// Adds what `text` tells about word case and strong names to `corpus` (first pass of
/// CorpusStatistics::Build).
void CollectCorpusStatistics(absl::string_view text, const EntityResources::Data& resources,
                             CorpusStatistics::Data& corpus);

}  // namespace newsgrep::entities

#endif  // NEWSGREP_ENTITIES_INTERNAL_RECOGNIZER_H_
