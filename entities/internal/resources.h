// SPDX-License-Identifier: GPL-2.0-or-later
/// @file resources.h
/// @brief The data behind EntityResources and CorpusStatistics (internal to the indexer).
#ifndef NEWSGREP_ENTITIES_INTERNAL_RESOURCES_H_
#define NEWSGREP_ENTITIES_INTERNAL_RESOURCES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "newsgrep/entities.h"

namespace newsgrep {

/// One place of the gazetteer.
struct PlaceEntry {
  std::string canonical;  // display name ("Kyiv", "United States")
  std::string key;        // PlaceKey(canonical)
  LocationKind kind = LocationKind::kCity;
  std::string country;               // ISO 3166-1 alpha-2
  uint64_t population = 0;           // cities only
  std::vector<std::string> aliases;  // every name it is known by (display forms)
};

struct EntityResources::Data {
  std::vector<PlaceEntry> places;
  // PlaceKey(name) → index into places (the most prominent place of that name).
  absl::flat_hash_map<std::string, uint32_t> place_by_name;
  size_t max_place_words = 1;
  // Lower-case ASCII given name → frequency (percent of people, US census 1990), and
  // gender ('M', 'F', or 0 when both are common).
  absl::flat_hash_map<std::string, float> given_names;
  absl::flat_hash_map<std::string, char> given_gender;
  absl::flat_hash_map<std::string, float> surnames;
  // Dictionary words: lower-case entries (common words) and capitalised ones (proper nouns).
  absl::flat_hash_set<std::string> common_words;
  absl::flat_hash_set<std::string> proper_words;
  // PlaceKeys of the explicit alias table (Washington, U.S., Bombay…): places in their
  // own right wherever they are written.
  absl::flat_hash_set<std::string> well_known;
  // Lower-case nationality adjectives and plurals ("russian", "russians", "french").
  absl::flat_hash_set<std::string> demonyms;
  std::vector<std::string> warnings;
  std::vector<DataSource> sources;  // what was read, in the order read

  const PlaceEntry* FindPlace(absl::string_view name) const;
  bool IsCommonWord(absl::string_view lower) const { return common_words.contains(lower); }
  float GivenName(absl::string_view lower) const {
    auto it = given_names.find(lower);
    return it == given_names.end() ? 0.0f : it->second;
  }
  float Surname(absl::string_view lower) const {
    auto it = surnames.find(lower);
    return it == surnames.end() ? 0.0f : it->second;
  }
};

/// The lookup key of a place name: lower-case ASCII, dots and apostrophes dropped, other
/// punctuation a space, "saint" → "st" ("St. Petersburg" = "Saint Petersburg" = "st
/// petersburg", "U.S." = "US" = "us").
std::string PlaceKey(absl::string_view name);

struct CorpusStatistics::Data {
  struct WordCase {
    uint32_t lower = 0;        // written in lower case
    uint32_t capitalized = 0;  // capitalised, not at a sentence start nor in capitals
  };
  absl::flat_hash_map<std::string, WordCase> word_case;  // key: lower-case word
  // Names found with strong cues anywhere in the corpus: full names (folded key) and
  // single name words (lower case, e.g. a surname) → how often.
  absl::flat_hash_map<std::string, uint32_t> person_words;
  absl::flat_hash_map<std::string, uint32_t> person_names;  // "alexander lebed"
  // Places found by context (not in the gazetteers): PlaceKey → count.
  absl::flat_hash_map<std::string, uint32_t> places;
  // Names written as firms anywhere in the corpus (Analysis::organisations) → how often.
  absl::flat_hash_map<std::string, uint32_t> organisations;
  // Words that start a strong person name (given names seen in the corpus).
  absl::flat_hash_map<std::string, uint32_t> given_names;

  const WordCase* Case(absl::string_view lower) const {
    auto it = word_case.find(lower);
    return it == word_case.end() ? nullptr : &it->second;
  }
};

}  // namespace newsgrep

#endif  // NEWSGREP_ENTITIES_INTERNAL_RESOURCES_H_
