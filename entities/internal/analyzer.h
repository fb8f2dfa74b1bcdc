// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analyzer.h
/// @brief The recognizer's stages over one text, shared by the files that implement them:
/// analyzer.cc (the order of the stages, word predicates, the result),
/// analyzer_context.cc (gazetteer matches, sports copy, the dateline),
/// analyzer_chunks.cc (capitalised chunks classified into candidates by their cues) and
/// analyzer_resolve.cc (lists, people and one sense per article).
/// Private to the entities library; recognizer.h is the interface.
#ifndef NEWSGREP_ENTITIES_INTERNAL_ANALYZER_H_
#define NEWSGREP_ENTITIES_INTERNAL_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "internal/recognizer.h"
#include "internal/resources.h"
#include "internal/text.h"
#include "internal/word_lists.h"

namespace newsgrep::entities {

using Data = EntityResources::Data;

// A dash or colon standing between words on a line ("LONDON - ", "Keir Starmer: ").
inline bool IsLinePunct(absl::string_view p) {
  return p == "-" || p == "--" || p == "\xE2\x80\x93" || p == "\xE2\x80\x94" || p == ":";
}

struct Candidate {
  size_t first = 0, last = 0;
  EntityType type = EntityType::kNone;
  bool strong = false;
  const PlaceEntry* place = nullptr;
  bool in_caps = false;
  int person = -1;  // index into people_ once known
};

class Analyzer {
 public:
  Analyzer(absl::string_view text, const Data& data, const CorpusStatistics::Data* corpus,
           const AnalyzeOptions& options)
      : text_(text), d_(data), corpus_(corpus), options_(options) {}

  Analysis Run();

 private:
  struct Chunk {
    size_t first = 0, last = 0;
    bool in_caps = false;
    bool resolved = false;  // produced a candidate (or was rejected as organisation)
  };

  // Token predicates.
  bool IsWordAt(size_t i) const {
    return i < n_ && tokens_[i].Is(kWord) && !tokens_[i].Is(kPossessive);
  }
  bool IsCapAt(size_t i) const { return IsWordAt(i) && tokens_[i].Is(kCapitalized); }
  const std::string& Lower(size_t i) const { return lower_[i]; }
  absl::string_view Text(size_t i) const { return TokenText(text_, tokens_[i]); }
  bool IsPunctAt(size_t i, absl::string_view p) const {
    return i < n_ && tokens_[i].Is(kPunct) && Text(i) == p;
  }
  bool Attached(size_t i) const {
    return i > 0 && i < n_ && tokens_[i].begin == tokens_[i - 1].end;
  }
  bool IsCommon(size_t i) const;
  bool IsCommonLower(absl::string_view lower) const;
  bool IsGivenName(absl::string_view lower) const;
  bool IsDemonym(size_t i) const { return d_.demonyms.contains(Lower(i)); }
  bool IsTitleHeadAt(size_t i) const;
  bool IsAcronymAt(size_t i) const {
    return IsCapAt(i) && tokens_[i].Is(kAllCaps) && !tokens_[i].Is(kCapsRun) &&
           !tokens_[i].Is(kInitials) && gaz_len_[i] != 1;
  }
  bool IsOrgHeadAt(size_t i) const { return IsCapAt(i) && OrgHeads().contains(Lower(i)); }
  // An organisation's word in the name [first, last), unless it is a given name opening a
  // name of two or three words ("Bill Guerard", "Bill James", not "Farm Bill").
  bool IsOrgWordAt(size_t i, size_t first, size_t last) const {
    return IsOrgHeadAt(i) && !(i == first && last - first >= 2 && last - first <= 3 &&
                               IsGivenName(Lower(i)) && !IsOrgHeadAt(i + 1));
  }
  bool IsConnectorAt(size_t i) const {
    return IsWordAt(i) && !tokens_[i].Is(kCapitalized) && NameConnectors().contains(Lower(i));
  }
  size_t PrevWord(size_t i) const;  // index of the token before i, or n_
  // The word before i, or before the "the" before i ("in the Gulf"), or n_.
  size_t WordBeforeThe(size_t i) const;
  // In sports copy, what a player's brackets hold: a minute ("21st") or "captain".
  bool IsPlayerNoteAt(size_t i) const;
  std::string SpanText(size_t first, size_t last) const;

  void ScanGazetteer();
  void DetectSports();
  bool SportsTeam(size_t first, size_t last) const;
  void DetectDateline();
  void BuildChunks();
  void Classify(size_t first, size_t last, bool in_caps, bool allow_title);
  bool LooksLikeNameAfterTitle(size_t first, size_t last) const;
  int PersonScore(size_t first, size_t last) const;
  bool PlaceContext(size_t first, size_t last) const;
  bool UnknownPlaceContext(size_t first) const {
    const size_t prev = PrevWord(first);
    if (tokens_[first].Is(kHyphenated)) return false;  // "Kurdish-controlled"
    return prev < n_ && IsWordAt(prev) && UnknownPlacePrepositions().contains(Lower(prev));
  }
  bool AcceptPlace(size_t first, size_t last, const PlaceEntry* place, bool in_caps) const;
  // Adds a candidate unless a token is taken; returns its index or -1.
  int AddCandidate(size_t first, size_t last, EntityType type, bool strong, const PlaceEntry* place,
                   bool in_caps, int person = -1);
  void PropagateLists();
  void PeopleBeforeCountries();
  void RegionsAfterPlaces();
  void FindOrganisations();
  bool IsOrganisation(const std::string& key) const;
  void PeopleLists();
  void BylineBeforeDateline();
  bool IsRomanNumeralAt(size_t i) const;
  void PropagateSandwiched();
  bool NameShaped(size_t first, size_t last) const;
  bool ListItemLooksLikeName(size_t first, size_t last) const;
  bool CuedItemLooksLikeName(size_t first, size_t last) const;
  void BuildPeople();
  void Resolve();
  int MatchPerson(size_t first, size_t last) const;
  int FullerNameOf(size_t first, size_t last);
  void MatchKnownInRange(size_t first, size_t last, bool in_caps);
  void KnownOnly();
  int MatchPersonText(absl::string_view name) const;
  Analysis Finish();

  absl::string_view text_;
  const Data& d_;
  const CorpusStatistics::Data* corpus_;
  AnalyzeOptions options_;
  std::vector<Token> tokens_;
  size_t n_ = 0;
  std::vector<std::string> lower_;
  std::vector<uint8_t> gaz_len_;  // tokens of the gazetteer match starting here (0: none)
  std::vector<const PlaceEntry*> gaz_place_;
  std::vector<Chunk> chunks_;
  std::vector<Candidate> candidates_;
  std::vector<int> covered_;  // candidate index per token, -1
  size_t dateline_first_ = 0, dateline_last_ = 0;
  bool sports_ = false;  // sports copy: results, tables, match reports
  std::vector<PersonEntity> people_;
  absl::flat_hash_set<std::string> organisations_;  // FoldName keys (FindOrganisations)
};

}  // namespace newsgrep::entities

#endif  // NEWSGREP_ENTITIES_INTERNAL_ANALYZER_H_
