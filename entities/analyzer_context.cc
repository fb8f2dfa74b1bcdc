// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analyzer_context.cc
/// @brief What surrounds the names: gazetteer matches, sports copy (results and tables),
/// and the dateline at the start of a story.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "internal/analyzer.h"

namespace newsgrep::entities {

void Analyzer::ScanGazetteer() {
  gaz_len_.assign(n_, 0);
  gaz_place_.assign(n_, nullptr);
  static const WordSet* const kInner =
      new WordSet(MakeSet({"of", "and", "the", "de", "du", "da", "del", "la", "le", "upon", "on",
                           "am", "an", "y", "el", "al", "es", "sur", "en"}));
  const size_t max_tokens = d_.max_place_words + 2;
  std::string key;
  for (size_t i = 0; i < n_; ++i) {
    if (!IsCapAt(i)) continue;
    size_t best = 0;
    const PlaceEntry* best_place = nullptr;
    size_t words = 0;
    key.clear();
    for (size_t j = i; j < n_ && j - i < max_tokens; ++j) {
      const Token& t = tokens_[j];
      if (t.Is(kPunct)) {
        if (Text(j) == "." && Attached(j)) continue;  // "St." "D.C."
        break;
      }
      if (!IsWordAt(j)) break;
      const bool cap = t.Is(kCapitalized);
      if (!cap && !kInner->contains(Lower(j))) break;
      if (j > i && t.Is(kSentenceStart)) break;
      if (!key.empty()) key += ' ';
      key.append(Text(j).data(), Text(j).size());
      ++words;
      if (words > d_.max_place_words) break;
      if (!cap) continue;
      if (const PlaceEntry* place = d_.FindPlace(key); place != nullptr) {
        // "The United States": the article is no part of the name (The Hague's is).
        if (Lower(i) == "the" && !absl::StartsWith(place->canonical, "The ")) continue;
        // Two letters or fewer (US, UK, "U.N."): only the names of the alias table.
        const std::string place_key = PlaceKey(key);
        if (place_key.size() <= 2 && !d_.well_known.contains(place_key)) continue;
        // "Kurdish-controlled", "Arab-Israeli": not places.
        if (j == i && tokens_[i].Is(kHyphenated)) {
          bool demonym_part = false;
          for (absl::string_view part : absl::StrSplit(Lower(i), '-')) {
            if (d_.demonyms.contains(part) || (!part.empty() && d_.IsCommonWord(part))) {
              demonym_part = true;
            }
          }
          if (demonym_part) continue;
        }
        best = j - i + 1;
        best_place = place;
      }
    }
    if (best > 0 && best < 256) {
      gaz_len_[i] = static_cast<uint8_t>(best);
      gaz_place_[i] = best_place;
    }
  }
}

// Sports copy names teams after places ("Leicestershire beat Somerset", "NEW YORK 74 59"):
// a slug such as "CRICKET -" opening the text, or many sports words, or a table of numbers.
void Analyzer::DetectSports() {
  // clang-format off
  static const WordSet* const kSlugs = new WordSet(MakeSet(
      {"soccer", "football", "cricket", "tennis", "golf", "baseball", "basketball", "hockey",
       "rugby", "athletics", "cycling", "boxing", "squash", "badminton", "swimming", "skiing",
       "racing", "yachting", "rowing", "nfl", "nba", "nhl", "volleyball", "handball", "sport",
       "sports", "olympics", "snooker", "motorcycling", "judo", "wrestling", "triathlon",
       "gymnastics", "sailing", "motor", "formula", "horse", "alpine", "nordic", "chess"}));
  // clang-format on
  // clang-format off
  static const WordSet* const kWords = new WordSet(MakeSet(
      {"goal", "goals", "match", "matches", "innings", "wicket", "wickets", "striker",
       "midfielder", "halftime", "half-time", "scored", "seeded", "league", "division",
       "championship", "tournament", "lap", "laps", "beat", "v", "runs", "homer", "inning",
       "pitcher", "quarter-final", "semi-final", "final", "standings", "points", "season",
       "coach", "cup", "tiebreak", "birdie", "bogey", "penalty", "defender", "goalkeeper",
       "batsman", "bowler", "scorers", "victory", "draw", "drew", "round", "qualifier",
       "races", "race", "title", "champion", "champions", "fixture", "fixtures", "playoff"}));
  // clang-format on
  size_t i = 0;
  while (i < n_ && i < 3 && IsWordAt(i) && tokens_[i].Is(kAllCaps)) {
    if (kSlugs->contains(Lower(i))) {
      sports_ = true;
      return;
    }
    ++i;
  }
  size_t words = 0, numbers = 0, sports_words = 0;
  for (size_t t = 0; t < n_; ++t) {
    if (tokens_[t].Is(kNumber)) ++numbers;
    if (!IsWordAt(t)) continue;
    ++words;
    if (kWords->contains(Lower(t))) ++sports_words;
  }
  sports_ = sports_words >= 6 || (n_ >= 40 && numbers * 10 >= (words + numbers) * 3);
}

// A place name standing for a team: in sports copy (unless "in X" / "at X"), before a
// score or a table row ("Essex 372"), or before a player's role ("Norwich striker").
bool Analyzer::SportsTeam(size_t first, size_t last) const {
  const PlaceEntry* place = gaz_place_[first];
  if (place != nullptr &&
      (place->kind == LocationKind::kCountry || place->kind == LocationKind::kArea)) {
    return false;
  }
  if (first >= dateline_first_ && first < dateline_last_) return false;
  const size_t prev = WordBeforeThe(first);  // "at the Berlin grand prix meeting"
  if (prev < n_ && IsWordAt(prev)) {
    const std::string& p = Lower(prev);
    if (p == "in" || p == "at" || p == "near" || p == "outside" || p == "from") return false;
  }
  if (IsPunctAt(last, ",") && last + 1 < n_ && gaz_len_[last + 1] > 0) return false;
  // An event or venue named after its place: "the Sarajevo meeting", "the Berlin stadium".
  // clang-format off
  static const WordSet* const kEvents = new WordSet(MakeSet(
      {"meeting", "marathon", "stadium", "grand", "race", "games", "olympics", "tournament",
       "circuit", "velodrome", "arena", "racecourse"}));
  // clang-format on
  if (last < n_ && IsWordAt(last) && !tokens_[last].Is(kCapitalized) &&
      kEvents->contains(Lower(last))) {
    return false;
  }
  if (sports_) return true;
  if (last < n_ && tokens_[last].Is(kNumber)) {
    const absl::string_view number = Text(last);
    const bool year = number.size() == 4 && (number[0] == '1' || number[0] == '2');
    if (!year && number.find('-') == absl::string_view::npos) return true;
  }
  // clang-format off
  static const WordSet* const kTeamRoles = new WordSet(MakeSet(
      {"striker", "forward", "midfielder", "defender", "goalkeeper", "skipper", "captain",
       "coach", "manager", "team", "side", "fans", "supporters", "batsman", "bowler",
       "pitcher", "winger", "keeper", "player", "players", "squad", "teammate", "team-mate"}));
  // clang-format on
  return last < n_ && IsWordAt(last) && kTeamRoles->contains(Lower(last));
}

// BRUSSELS: / WASHINGTON (Reuters) - / NICE, France (Wire) - / WASHINGTON, Aug 19 - /
// LONDON 1996-08-30 (a line of its own after a headline).
void Analyzer::DetectDateline() {
  std::vector<size_t> starts = {0};
  for (size_t i = 1; i < n_ && starts.size() < 3 && tokens_[i].begin < 400; ++i) {
    if (tokens_[i].Is(kLineStart)) starts.push_back(i);
  }
  for (const size_t start : starts) {
    size_t i = start;
    size_t words = 0;
    while (i < n_ && words < 5 && (i == start || !tokens_[i].Is(kLineStart))) {
      if (IsWordAt(i) &&
          (tokens_[i].Is(kAllCaps) || (tokens_[i].Is(kInitials) && tokens_[i].Is(kCapitalized)))) {
        ++words;
        ++i;
        continue;
      }
      if (IsPunctAt(i, ".") && Attached(i)) {
        ++i;
        continue;
      }
      break;
    }
    if (words == 0) continue;
    const size_t place_last = i;
    bool dated = false;
    if (IsPunctAt(i, ",")) {
      ++i;
      size_t region_words = 0;
      while (i < n_ && region_words < 4 && !tokens_[i].Is(kLineStart) &&
             ((IsCapAt(i) && !tokens_[i].Is(kCapsRun)) || tokens_[i].Is(kNumber) ||
              (IsPunctAt(i, ".") && Attached(i)) || IsPunctAt(i, ","))) {
        if (tokens_[i].Is(kNumber)) dated = true;
        if (IsWordAt(i)) ++region_words;
        ++i;
      }
    }
    if (i < n_ && tokens_[i].Is(kNumber) && !tokens_[i].Is(kLineStart)) {
      dated = true;
      ++i;
    }
    if (IsPunctAt(i, "(")) {
      while (i < n_ && !IsPunctAt(i, ")") && !tokens_[i].Is(kLineStart)) ++i;
      if (IsPunctAt(i, ")")) ++i;
    }
    bool ok = false;
    if (i < n_ && tokens_[i].Is(kPunct) && IsLinePunct(Text(i))) {
      size_t after = i + 1;
      while (after < n_ && tokens_[after].Is(kPunct) && IsLinePunct(Text(after))) ++after;
      // "CRICKET - LEICESTERSHIRE TAKE OVER": a headline, not a dateline.
      ok = after >= n_ || !tokens_[after].Is(kCapsRun);
      if (ok && gaz_len_[start] == 0 && tokens_[start].Is(kCapsRun)) ok = false;
      // "BOXING - ", "PRESALE - ": a single unknown word needs a region, date or agency.
      if (ok && gaz_len_[start] == 0 && i == place_last + 1 && Text(i) != ":") ok = false;
    } else if (dated && (i >= n_ || tokens_[i].Is(kLineStart))) {
      ok = true;
    }
    if (!ok) continue;
    // The place must be a place name (or look like one: not a known non-place word).
    if (gaz_len_[start] == 0 && words == 1 && IsCommon(start)) continue;
    dateline_first_ = start;
    dateline_last_ = place_last;
    return;
  }
}

// "MILWAUKEE, Wisconsin", "Jacksonville, Fla.", "ROCHESTER, N.H.": the state or country
// after a place and a comma is a place too (in sports copy as well: no team is named so),
// and so is a US state written as the AP abbreviates it.
void Analyzer::RegionsAfterPlaces() {
  // clang-format off
  static const auto* const kStates = new absl::flat_hash_map<std::string, std::string>({
      {"ala", "Alabama"}, {"ariz", "Arizona"}, {"ark", "Arkansas"}, {"calif", "California"},
      {"colo", "Colorado"}, {"conn", "Connecticut"}, {"del", "Delaware"}, {"fla", "Florida"},
      {"ga", "Georgia"}, {"ill", "Illinois"}, {"ind", "Indiana"}, {"kan", "Kansas"},
      {"kans", "Kansas"}, {"ky", "Kentucky"}, {"la", "Louisiana"}, {"md", "Maryland"},
      {"mass", "Massachusetts"}, {"mich", "Michigan"}, {"minn", "Minnesota"},
      {"miss", "Mississippi"}, {"mo", "Missouri"}, {"mont", "Montana"}, {"neb", "Nebraska"},
      {"nebr", "Nebraska"}, {"nev", "Nevada"}, {"nh", "New Hampshire"}, {"nj", "New Jersey"},
      {"nm", "New Mexico"}, {"nc", "North Carolina"}, {"nd", "North Dakota"},
      {"okla", "Oklahoma"}, {"ore", "Oregon"}, {"pa", "Pennsylvania"}, {"ri", "Rhode Island"},
      {"sc", "South Carolina"}, {"sd", "South Dakota"}, {"tenn", "Tennessee"},
      {"tex", "Texas"}, {"vt", "Vermont"}, {"va", "Virginia"}, {"wva", "West Virginia"},
      {"wis", "Wisconsin"}, {"wisc", "Wisconsin"}, {"wyo", "Wyoming"}});
  // clang-format on
  for (size_t i = 2; i < n_; ++i) {
    if (covered_[i] >= 0 || !IsCapAt(i) || !IsPunctAt(i - 1, ",")) continue;
    const int before = covered_[i - 2];
    const bool after_place =
        (before >= 0 && candidates_[static_cast<size_t>(before)].type == EntityType::kLocation &&
         candidates_[static_cast<size_t>(before)].last == i - 1);
    if (!after_place) continue;
    if (gaz_len_[i] > 0 && gaz_place_[i] != nullptr &&
        (gaz_place_[i]->kind == LocationKind::kRegion ||
         gaz_place_[i]->kind == LocationKind::kCountry)) {
      AddCandidate(i, i + gaz_len_[i], EntityType::kLocation, true, gaz_place_[i],
                   tokens_[i].Is(kCapsRun));
      continue;
    }
    // An abbreviation only as the AP writes it, with its dot (or in a dateline): "Paris, La
    // Tribune" is no Louisiana ("St. Petersburg, Fla." and "Paris, Mo." are in the US whatever the
    // gazetteer's first sense).
    const bool dotted = Text(i).find('.') != absl::string_view::npos || IsPunctAt(i + 1, ".");
    const bool dateline = candidates_[static_cast<size_t>(before)].first == dateline_first_ &&
                          dateline_last_ > dateline_first_;  // "IRVINE, Calif 1996-08-30"
    if (!dotted && !dateline) continue;
    auto state = kStates->find(PlaceKey(Text(i)));
    if (state == kStates->end()) continue;
    if (const PlaceEntry* place = d_.FindPlace(state->second); place != nullptr) {
      AddCandidate(i, i + 1, EntityType::kLocation, true, place, false);
    }
  }
}

}  // namespace newsgrep::entities
