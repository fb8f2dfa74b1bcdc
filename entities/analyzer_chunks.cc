// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analyzer_chunks.cc
/// @brief Capitalised chunks, and each classified as a person, a place or neither by its
/// news cues (titles, speech verbs, appositions, prepositions, gazetteers).
#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "internal/analyzer.h"
#include "newsgrep/name_folding.h"

namespace newsgrep::entities {

void Analyzer::BuildChunks() {
  // clang-format off
  static const WordSet* const kAbbrev = new WordSet(MakeSet(
      {"gen", "adm", "col", "lt", "maj", "capt", "sgt", "cpl", "gov", "sen", "rep", "rev",
       "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "fr", "cmdr", "brig", "insp", "det",
       "supt", "cllr", "jr", "sr"}));
  // clang-format on
  size_t i = 0;
  while (i < n_) {
    if (!IsCapAt(i) || (i >= dateline_first_ && i < dateline_last_)) {
      ++i;
      continue;
    }
    const bool caps = tokens_[i].Is(kCapsRun);
    size_t j = i + 1;
    size_t gaz_end = i + gaz_len_[i];
    while (j < n_) {
      if (j < gaz_end) {
        ++j;
        continue;
      }
      if (j >= dateline_first_ && j < dateline_last_) break;
      const Token& t = tokens_[j];
      if (t.Is(kPossessive)) break;
      if (IsCapAt(j) && !t.Is(kSentenceStart) && t.Is(kCapsRun) == caps &&
          (!tokens_[j - 1].Is(kPunct) || Text(j - 1) == ".")) {
        gaz_end = std::max(gaz_end, j + gaz_len_[j]);
        ++j;
        continue;
      }
      if (IsPunctAt(j, ".") && Attached(j) && kAbbrev->contains(Lower(j - 1)) && IsCapAt(j + 1)) {
        ++j;
        continue;
      }
      if (IsConnectorAt(j)) {
        // "van der Westhuizen": connectors may follow each other before the next name.
        size_t k = j;
        while (k < n_ && IsConnectorAt(k) && k - j < 3) ++k;
        if (IsCapAt(k) && !tokens_[k].Is(kSentenceStart)) {
          j = k;
          continue;
        }
      }
      break;
    }
    // A trailing '.' belongs to no name.
    size_t last = j;
    while (last > i && tokens_[last - 1].Is(kPunct)) --last;
    chunks_.push_back(Chunk{i, last, caps, false});
    i = j;
  }
}

bool Analyzer::LooksLikeNameAfterTitle(size_t first, size_t last) const {
  size_t words = 0;
  for (size_t i = first; i < last; ++i) {
    if (tokens_[i].Is(kPunct)) continue;
    if (IsConnectorAt(i)) continue;
    if (!IsCapAt(i)) return false;
    // A given name that is also an organisation's word opens a name ("President Bill
    // Clinton"); elsewhere it makes an organisation ("the Farm Bill").
    const bool given_first = i == first && i + 1 < last && IsGivenName(Lower(i));
    if ((IsOrgHeadAt(i) && !given_first) || IsAcronymAt(i) || MonthsAndDays().contains(Lower(i)) ||
        IsDemonym(i)) {
      return false;
    }
    ++words;
  }
  if (words == 0 || words > 4) return false;
  // A single word after a title: a surname, unless it is a plain common word
  // ("General Motors", "General Assembly").
  if (words == 1 && IsCommon(first) && d_.Surname(Lower(first)) <= 0 &&
      !IsGivenName(Lower(first))) {
    return false;
  }
  // "Commander Europe": an office, not a name ("President Clinton" is a name).
  if (gaz_len_[first] == last - first && gaz_place_[first] != nullptr &&
      (gaz_place_[first]->kind == LocationKind::kCountry ||
       gaz_place_[first]->kind == LocationKind::kArea ||
       d_.well_known.contains(PlaceKey(SpanText(first, last))))) {
    return false;
  }
  return true;
}

int Analyzer::PersonScore(size_t first, size_t last) const {
  int words = 0;
  bool any_common = false, all_common = true, any_place = false;
  for (size_t i = first; i < last; ++i) {
    if (!IsWordAt(i) || IsConnectorAt(i)) continue;
    ++words;
    if (tokens_[i].Is(kInitials)) continue;  // "V." is no word
    const bool common = IsCommon(i);
    any_common |= common;
    all_common &= common;
    // A given name that is also a town's (David, Panama; Eugene, Oregon) opens a name.
    if (gaz_len_[i] > 0 && !(i == first && gaz_len_[i] == 1 && gaz_place_[i] != nullptr &&
                             gaz_place_[i]->kind == LocationKind::kCity && IsGivenName(Lower(i)))) {
      any_place = true;
    }
    if (MonthsAndDays().contains(Lower(i)) || IsDemonym(i)) return -10;
  }
  if (words == 0) return -10;
  int score = 0;
  // Context before.
  const size_t prev = PrevWord(first);
  if (prev < n_ && IsWordAt(prev) && !tokens_[prev].Is(kCapitalized)) {
    const std::string& p = Lower(prev);
    if (RoleNouns().contains(p) && p != "told") score += 4;
    if (p == "said" || p == "says" || p == "added") score += 2;
    if (p == "by") {
      const size_t pp = PrevWord(prev);
      if (tokens_[prev].Is(kLineStart) || tokens_[prev].Is(kSentenceStart) ||
          (pp < n_ && (Lower(pp) == "reporting" || Lower(pp) == "editing" ||
                       Lower(pp) == "writing" || Text(pp) == "("))) {
        score += 3;
      }
    }
  }
  // "Latvia's deputy defence secretary, Ilze Berzina, said".
  if (prev < n_ && IsPunctAt(prev, ",") && prev > 0 && IsWordAt(prev - 1) &&
      !tokens_[prev - 1].Is(kCapitalized) && RoleNouns().contains(Lower(prev - 1)) &&
      Lower(prev - 1) != "told") {
    score += 2;
  }
  // Sports copy: line-ups "3 - Marius Hurter", scorecards "c Healy b Muralitharan",
  // "Scorers : Viorel Moldovan ( 21st minute )".
  if (sports_ && prev < n_) {
    const absl::string_view p = Text(prev);
    if ((p == "-" && prev > 0 && tokens_[prev - 1].Is(kNumber)) || p == "b" || p == "c" ||
        p == "st" ||
        ((p == ":" || p == ",") && prev > 0 &&
         (Lower(prev - 1) == "scorers" || Lower(prev - 1) == "scorer"))) {
      score += 4;
    }
  }
  // Context after.
  size_t next = last;
  if (sports_ && next < n_) {
    const absl::string_view x = Text(next);
    if (x == "c" || x == "b" || x == "lbw" || x == "st" ||
        ((x == "not" || x == "run") && next + 1 < n_ && Lower(next + 1) == "out")) {
      score += 3;
    }
    if (x == "(" && IsPlayerNoteAt(next + 1)) score += 3;
  }
  if (next < n_ && IsWordAt(next) && SubjectSpeechVerbs().contains(Lower(next))) {
    score += 2;
    // `…,” Kallaste said`: right after a closing quotation mark, a speaker.
    if (prev < n_ && tokens_[prev].Is(kQuoteMark) && prev > 0 && IsPunctAt(prev - 1, ",")) {
      score += 2;
    }
  }
  if (IsPunctAt(next, ",")) {
    if (next + 2 < n_ && tokens_[next + 1].Is(kNumber) && IsPunctAt(next + 2, ",")) score += 3;
    // ", a former prime minister of", ", the Swedish chief of defence", ", 45,".
    for (size_t k = next + 1; k < std::min(n_, next + 6); ++k) {
      if (!IsWordAt(k)) break;
      const std::string& w = Lower(k);
      if ((RoleNouns().contains(w) || w == "member") && w != "told") {
        score += 3;
        break;
      }
      if (k == next + 1 && (w == "who" || w == "whose")) {
        score += 1;
        break;
      }
      if (k == next + 1 && w != "a" && w != "an" && w != "the" && w != "former") break;
    }
  }
  // A reporter's sign-off: "-- Luli Popescu, Bucharest Newsroom".
  if (prev < n_ && IsPunctAt(prev, "-") && prev > 0 && IsPunctAt(prev - 1, "-")) score += 2;
  if (prev < n_ && (IsPunctAt(prev, "--") || IsPunctAt(prev, "\xE2\x80\x94"))) score += 2;
  if (IsPunctAt(next, "(") && next + 2 < n_ && gaz_len_[next + 1] > 0 &&
      gaz_place_[next + 1] != nullptr && gaz_place_[next + 1]->kind == LocationKind::kCountry &&
      IsPunctAt(next + 1 + gaz_len_[next + 1], ")")) {
    score += 3;  // sports results: "Pete Sampras (U.S.)"
  }
  // The name itself.
  const std::string& head = Lower(first);
  if (words >= 2) {
    const bool initial = tokens_[first].Is(kInitials) && gaz_len_[first] == 0;
    const bool given =
        IsGivenName(head) && (!tokens_[first].Is(kSentenceStart) || !IsCommon(first) ||
                              !IsCommon(last - 1) || d_.GivenName(head) >= 0.1f);
    if (initial || given) score += 3;
    if (d_.Surname(Lower(last - 1)) > 0) score += 1;
    if (!any_common && !any_place) score += 1;
    if (all_common && !initial && !given) score -= 2;
    if (words >= 5) score -= 3;
  } else {
    score -= 1;
    if (any_common) score -= 2;
  }
  if (any_place) score -= 1;
  return score;
}

bool Analyzer::PlaceContext(size_t first, size_t last) const {
  const size_t prev = WordBeforeThe(first);  // "in the Gulf", "across the Balkans"
  if (prev < n_ && IsWordAt(prev) && PlacePrepositions().contains(Lower(prev))) return true;
  // "Nice, France" / "Reading, England".
  if (IsPunctAt(last, ",") && last + 1 < n_ && gaz_len_[last + 1] > 0) {
    const PlaceEntry* p = gaz_place_[last + 1];
    if (p != nullptr && (p->kind == LocationKind::kCountry || p->kind == LocationKind::kRegion)) {
      return true;
    }
  }
  return false;
}

// Whether a gazetteer match is a place here: common words (Nice, Reading, Split) and
// small towns named like people need context.
bool Analyzer::AcceptPlace(size_t first, size_t last, const PlaceEntry* place, bool in_caps) const {
  if (place == nullptr) return false;
  if (SportsTeam(first, last)) return false;
  if (in_caps) {
    // Capitals say nothing of names; a preposition does ("KANSAS CITY AT DETROIT", "LEAD IN
    // MILWAUKEE"): then a region or a city of 100,000 will do.
    return place->kind == LocationKind::kCountry || place->kind == LocationKind::kArea ||
           place->population >= 1000000 ||
           (PlaceContext(first, last) &&
            (place->kind == LocationKind::kRegion || place->population >= 100000));
  }
  const bool single = last - first == 1;
  if (!single) return true;
  const std::string& w = Lower(first);
  if (MonthsAndDays().contains(w)) return false;
  if (d_.well_known.contains(PlaceKey(Text(first)))) return true;
  // Countries and continents are places even when also words (China, Turkey, Chad).
  if (place->kind == LocationKind::kCountry || place->kind == LocationKind::kArea) return true;
  const bool caps = tokens_[first].Is(kAllCaps);
  const bool common =
      (!caps && d_.IsCommonWord(w)) || (tokens_[first].Is(kSentenceStart) && IsCommon(first));
  if (common) return PlaceContext(first, last);
  const bool named_like_person = IsGivenName(w) || d_.Surname(w) >= 0.01f;
  if (place->kind == LocationKind::kCity) {
    if (named_like_person && place->population < 1000000) return PlaceContext(first, last);
    if (place->population < 100000 && !tokens_[first].Is(kAllCaps)) {
      return PlaceContext(first, last);
    }
    return true;
  }
  // Regions.
  if (named_like_person) return PlaceContext(first, last);
  return true;
}

int Analyzer::AddCandidate(size_t first, size_t last, EntityType type, bool strong,
                           const PlaceEntry* place, bool in_caps, int person) {
  if (first >= last) return -1;
  for (size_t i = first; i < last; ++i) {
    if (covered_[i] >= 0) return -1;
  }
  candidates_.push_back(Candidate{first, last, type, strong, place, in_caps, person});
  const int index = static_cast<int>(candidates_.size() - 1);
  for (size_t i = first; i < last; ++i) covered_[i] = index;
  return index;
}

// Firms named after people: a name before a firm's word ("Merrill Lynch and Co", "Alex
// Brown and Sons", "Merrill Lynch Capital Markets", "E.F. Hutton Inc"), the names listed
// before it ("Smith Barney, Harris Upham and Co"), and a name after "analysts at" or before
// "analysts" ("an analyst with Goldman Sachs", "Merrill Lynch economist"). Their keys are no
// person's in this text nor, through the corpus statistics, in its corpus.
void Analyzer::FindOrganisations() {
  // clang-format off
  static const WordSet* const kFirmWords = new WordSet(MakeSet(
      {"inc", "corp", "corporation", "co", "company", "ltd", "plc", "llc", "securities",
       "capital", "brothers", "bros", "associates", "partners", "holdings", "sons", "cie"}));
  static const WordSet* const kAfterAnd = new WordSet(MakeSet(
      {"co", "company", "sons", "partners", "associates", "brothers", "cie"}));
  static const WordSet* const kJobs = new WordSet(MakeSet(
      {"analyst", "analysts", "economist", "economists", "strategist", "strategists",
       "trader", "traders", "dealer", "dealers", "broker", "brokers"}));
  // clang-format on
  // The name and its shorter forms of two words or more ("Dean Witter Reynolds", "Dean
  // Witter").
  // "Shares of Merrill Lynch and Co", "Douglas Arthur of Kidder, Peabody and Co": the firm's
  // name starts after the last connector, and after common words opening a sentence.
  auto add = [this](size_t first, size_t last) {
    for (size_t j = first; j < last; ++j) {
      if (IsConnectorAt(j)) first = j + 1;
    }
    while (first < last && tokens_[first].Is(kSentenceStart) && IsCommon(first)) ++first;
    if (first >= last) return;
    const std::vector<std::string> words = FoldNameWords(SpanText(first, last));
    for (size_t n = std::min<size_t>(words.size(), 2); n <= words.size(); ++n) {
      if (n == 0) continue;
      organisations_.insert(absl::StrJoin(words.begin(), words.begin() + n, " "));
    }
  };
  for (size_t c = 0; c < chunks_.size(); ++c) {
    const Chunk& chunk = chunks_[c];
    if (chunk.in_caps || chunk.last - chunk.first > 5) continue;
    size_t name_last = chunk.last;
    for (size_t j = chunk.first + 1; j < chunk.last; ++j) {
      if (kFirmWords->contains(Lower(j))) {
        name_last = j;
        break;
      }
    }
    const size_t e = chunk.last;
    bool firm = name_last < chunk.last;
    bool partners = false;  // "X, Y and Co": the names listed before are the firm's too
    if (!firm && e < n_) {
      if (IsCapAt(e) && kFirmWords->contains(Lower(e))) firm = true;
      if ((IsPunctAt(e, "&") || (IsWordAt(e) && Lower(e) == "and")) && e + 1 < n_ &&
          IsCapAt(e + 1) && kAfterAnd->contains(Lower(e + 1))) {
        firm = partners = true;
      }
      if (IsWordAt(e) && !tokens_[e].Is(kCapitalized) && kJobs->contains(Lower(e))) firm = true;
    }
    const size_t before = PrevWord(chunk.first);
    if (!firm && before < n_ && before >= 1 && IsWordAt(before) &&
        (Lower(before) == "at" || Lower(before) == "with") && IsWordAt(before - 1) &&
        kJobs->contains(Lower(before - 1))) {
      firm = true;
    }
    if (!firm) continue;
    add(chunk.first, name_last);
    // "Smith Barney, Harris Upham and Co", "Goldman, Sachs and Co" (not "Peter Treadwell,
    // Merrill Lynch economist"): at most two names before.
    for (size_t k = c; partners && k > 0 && c - k < 2; --k) {
      const Chunk& earlier = chunks_[k - 1];
      const Chunk& later = chunks_[k];
      if (earlier.last + 1 != later.first || !IsPunctAt(earlier.last, ",") || earlier.in_caps) {
        break;
      }
      add(earlier.first, earlier.last);
    }
  }
}

bool Analyzer::IsRomanNumeralAt(size_t i) const {
  static const WordSet* const kNumerals = new WordSet(MakeSet(
      {"i",    "ii",  "iii", "iv",  "v",    "vi",    "vii", "viii", "ix",  "x",    "xi",   "xii",
       "xiii", "xiv", "xv",  "xvi", "xvii", "xviii", "xix", "xx",   "xxi", "xxii", "xxiii"}));
  if (!IsWordAt(i)) return false;
  const absl::string_view text = Text(i);
  return (text.size() == 1 || tokens_[i].Is(kAllCaps)) && kNumerals->contains(Lower(i));
}

void Analyzer::Classify(size_t first, size_t last, bool in_caps, bool allow_title) {
  // "Henry VIII", "Queen Elizabeth I", "Pope John Paul II": a regnal number ends the name
  // (a lone "I" only after a royal title: "when Alan I").
  if (!in_caps && allow_title && last - first >= 2 && IsRomanNumeralAt(last - 1) &&
      IsCapAt(last - 2) && !tokens_[last - 2].Is(kAllCaps) && !IsRomanNumeralAt(last - 2)) {
    static const WordSet* const kRoyal = new WordSet(
        MakeSet({"king", "queen", "pope", "emperor", "empress", "tsar", "czar", "tsarina", "kaiser",
                 "sultan", "shah", "prince", "princess", "pharaoh", "emir"}));
    bool royal = false;
    for (size_t i = first; i + 1 < last; ++i) royal |= kRoyal->contains(Lower(i));
    if (Text(last - 1) != "I" || royal) {
      const size_t before = candidates_.size();
      Classify(first, last - 1, in_caps, allow_title);
      for (size_t c = before; c < candidates_.size(); ++c) {
        if (candidates_[c].type == EntityType::kPerson && candidates_[c].last == last - 1) {
          candidates_[c].last = last;
          covered_[last - 1] = static_cast<int>(c);
          return;
        }
      }
      if (covered_[last - 2] < 0 && IsGivenName(Lower(last - 2))) {
        AddCandidate(last - 2, last, EntityType::kPerson, true, nullptr, false);
      }
      return;
    }
  }
  // Leading words that are capitalised only because a sentence starts: "The", "But".
  size_t t = first;
  while (t < last) {
    if (tokens_[t].Is(kPunct) || IsConnectorAt(t)) {
      ++t;
      continue;
    }
    const std::string& w = Lower(t);
    const bool initial = tokens_[t].Is(kSentenceStart) || w == "the" || in_caps;
    const bool particle =
        NameConnectors().contains(w) && w != "of" && t + 1 < last;  // "Van Poppel"
    const bool before_title = TitleModifiers().contains(w) && t + 1 < last && IsTitleHeadAt(t + 1);
    if (initial && gaz_len_[t] == 0 && IsCommon(t) && !TitleHeads().contains(w) && !IsDemonym(t) &&
        !tokens_[t].Is(kInitials) && !particle && !before_title &&
        !(IsGivenName(w) && t + 1 < last && !IsCommon(t + 1))) {
      ++t;
      continue;
    }
    break;
  }
  if (t >= last) return;
  // "Chancellor of the Exchequer Nigel Lawson", "Governor of the Bank of England Robin
  // Leigh-Pemberton": a chunk after "Title of (the)" is the office's domain, then the name:
  // its last two words, or three when the first is a given name.
  if (!in_caps && allow_title && t == first && first >= 2) {
    size_t of = first - 1;
    if (IsWordAt(of) && Lower(of) == "the" && of > 1) --of;
    if (IsWordAt(of) && Lower(of) == "of" && IsTitleHeadAt(of - 1)) {
      for (size_t k = first + 1; k + 1 < last; ++k) {
        // A given name may be a town's ("Nigel") or a word ("Robin"); a country is no name.
        const bool place = gaz_len_[k] > 0 &&
                           (gaz_len_[k] >= last - k || gaz_place_[k]->kind != LocationKind::kCity);
        const bool given = IsGivenName(Lower(k));
        if (last - k <= 3 && IsCapAt(k) && !place && (!IsCommon(k) || given) &&
            (last - k == 2 || given) && LooksLikeNameAfterTitle(k, last)) {
          Classify(first, k, false, false);
          AddCandidate(k, last, EntityType::kPerson, true, nullptr, false);
          return;
        }
      }
    }
  }
  if (in_caps) {
    // Headlines: only places of the gazetteer's first rank here; names in pass 2.
    for (size_t i = t; i < last;) {
      const size_t after = i + gaz_len_[i];
      const bool named_after = after < n_ && IsCapAt(after) && OrgHeads().contains(Lower(after));
      const bool tour_of = i >= 2 && Lower(i - 1) == "of" && OrgHeads().contains(Lower(i - 2));
      if (gaz_len_[i] > 0 && after <= last && !named_after && !tour_of && !SportsTeam(i, after) &&
          AcceptPlace(i, i + gaz_len_[i], gaz_place_[i], true)) {
        AddCandidate(i, i + gaz_len_[i], EntityType::kLocation, true, gaz_place_[i], true);
        i += gaz_len_[i];
      } else {
        ++i;
      }
    }
    return;
  }
  if (allow_title) {
    size_t head = last;
    for (size_t i = t; i < last; ++i) {
      if (IsTitleHeadAt(i)) head = i;
    }
    if (head < last) {
      size_t name_first = head + 1;
      // "Secretary of State John Kornblum": the rest of the title goes too.
      while (name_first < last && (tokens_[name_first].Is(kPunct) || IsConnectorAt(name_first) ||
                                   (TitleModifiers().contains(Lower(name_first)) &&
                                    name_first + 1 < last && IsCapAt(name_first + 1)))) {
        ++name_first;
      }
      // "President Tono Eitel of Germany": the name ends at "of".
      size_t name_last = last;
      for (size_t k = name_first; k < last; ++k) {
        if (IsConnectorAt(k) && Lower(k) == "of") {
          name_last = k;
          break;
        }
      }
      size_t title_first = head;
      while (title_first > t &&
             (TitleHeads().contains(Lower(title_first - 1)) ||
              TitleModifiers().contains(Lower(title_first - 1)) ||
              (tokens_[title_first - 1].Is(kPunct) && Attached(title_first - 1)))) {
        --title_first;
      }
      if (name_first < name_last) {
        if (title_first > t) Classify(t, title_first, false, false);
        if (LooksLikeNameAfterTitle(name_first, name_last)) {
          AddCandidate(name_first, name_last, EntityType::kPerson, true, nullptr, false);
        }
        if (name_last + 1 < last) Classify(name_last + 1, last, false, false);
        return;
      }
      // The title ends the chunk ("Foreign Minister"): what precedes it may be a place
      // ("Kyiv Mayor") or a name ending in a title-like word ("John Major", "Billie Jean
      // King", "Prime Minister John Major").
      static const WordSet* const kSurnameTitles =
          new WordSet(MakeSet({"major", "king", "bishop", "judge", "marshal", "chancellor",
                               "prince", "dean", "baron", "speaker", "mayor"}));
      size_t earlier = last;
      for (size_t i = t; i < head; ++i) {
        if (IsTitleHeadAt(i)) earlier = i;
      }
      if (kSurnameTitles->contains(Lower(head)) && head > t) {
        if (earlier < head) {
          size_t given = earlier + 1;
          while (given < head &&
                 (tokens_[given].Is(kPunct) || TitleModifiers().contains(Lower(given)))) {
            ++given;
          }
          if (given < head && LooksLikeNameAfterTitle(given, last)) {
            size_t title_start = earlier;
            while (title_start > t && (TitleModifiers().contains(Lower(title_start - 1)) ||
                                       TitleHeads().contains(Lower(title_start - 1)))) {
              --title_start;
            }
            if (title_start > t) Classify(t, title_start, false, false);
            AddCandidate(given, last, EntityType::kPerson, true, nullptr, false);
            return;
          }
        } else if (IsGivenName(Lower(t)) || (last - t >= 3 && !IsCommon(t))) {
          // Fall through: the whole chunk is a name.
        } else if (title_first > t) {
          Classify(t, title_first, false, false);
          return;
        } else {
          return;
        }
      } else {
        if (title_first > t) Classify(t, title_first, false, false);
        return;
      }
    }
  }
  // Only nationality words: "Russian", "Swedish".
  bool all_demonyms = true;
  for (size_t i = t; i < last; ++i) {
    if (IsWordAt(i) && !IsDemonym(i) && !IsConnectorAt(i)) all_demonyms = false;
  }
  const bool whole_place = gaz_len_[t] == last - t;
  // Unless the words are a sea or region after a preposition: "ships in the Gulf", "across the
  // Atlantic" (but "Gulf states", "Atlantic alliance" are adjectives).
  if (all_demonyms && !(whole_place && gaz_place_[t] != nullptr &&
                        gaz_place_[t]->kind == LocationKind::kArea && PlaceContext(t, last))) {
    return;
  }
  // "John Casesa of Schroder Wertheim", "Peter Nicol of Scotland": a person of somewhere.
  if (!whole_place) {
    for (size_t k = t + 1; k + 1 < last; ++k) {
      if (!(IsConnectorAt(k) && Lower(k) == "of")) continue;
      bool org_left = false;
      for (size_t i = t; i < k; ++i) org_left |= IsOrgWordAt(i, t, k) || IsAcronymAt(i);
      if (!org_left && PersonScore(t, k) >= 3) {
        AddCandidate(t, k, EntityType::kPerson, true, nullptr, false);
        Classify(k + 1, last, false, false);
        return;
      }
      break;
    }
  }
  if (!whole_place) {
    for (size_t i = t; i < last; ++i) {
      if (IsOrgWordAt(i, t, last) || IsAcronymAt(i)) return;  // an organisation
    }
  }
  if (whole_place) {
    if (AcceptPlace(t, last, gaz_place_[t], false)) {
      AddCandidate(t, last, EntityType::kLocation, true, gaz_place_[t], false);
    }
    return;
  }
  if (last - t >= 2 && PlaceSuffixes().contains(Lower(last - 1)) &&
      !(tokens_[t].Is(kSentenceStart) && FunctionWords().contains(Lower(t))) &&
      !(d_.Surname(Lower(last - 1)) > 0 && IsGivenName(Lower(t)))) {  // not "Damon Hill"
    AddCandidate(t, last, EntityType::kLocation, true, nullptr, false);
    return;
  }
  // A title in quotation marks ("Michael Collins", the film) or an adjective such as
  // "Hong Kong-based": no person, no place.
  if (t > 0 && last < n_ && tokens_[t - 1].Is(kQuoteMark) && tokens_[last].Is(kQuoteMark)) return;
  if (tokens_[last - 1].Is(kHyphenated)) {
    const std::string& w = Lower(last - 1);
    const size_t dash = w.rfind('-');
    if (dash != std::string::npos && dash + 1 < w.size() && absl::ascii_islower(w[dash + 1]) &&
        !IsCapAt(last - 1)) {
      return;
    }
    if (dash != std::string::npos && dash + 1 < w.size()) {
      const absl::string_view tail = absl::string_view(Text(last - 1)).substr(dash + 1);
      if (!tail.empty() && absl::ascii_islower(static_cast<unsigned char>(tail[0]))) return;
    }
  }
  // "Jackson Hole, Wyoming", "Tunbridge Wells, England": a place.
  if (IsPunctAt(last, ",") && last + 1 < n_ && gaz_len_[last + 1] > 0 &&
      gaz_place_[last + 1] != nullptr &&
      (gaz_place_[last + 1]->kind == LocationKind::kRegion ||
       gaz_place_[last + 1]->kind == LocationKind::kCountry) &&
      !(last + 1 + gaz_len_[last + 1] < n_ &&
        tokens_[last + 1 + gaz_len_[last + 1]].Is(kPossessive)) &&
      !IsTitleHeadAt(PrevWord(t) < n_ ? PrevWord(t) : t) && !IsCommon(t) &&
      !MonthsAndDays().contains(Lower(t))) {  // "On Thursday, Iraq accused Iran"
    const size_t prev = PrevWord(t);
    const bool role = prev < n_ && IsWordAt(prev) && RoleNouns().contains(Lower(prev));
    if (!role) {
      AddCandidate(t, last, EntityType::kLocation, true, nullptr, false);
      return;
    }
  }
  // A leading nationality word is no part of a name: "Swedish Anna …" is rare, but
  // "German Boris Becker" happens in sports copy.
  while (t < last && IsDemonym(t)) ++t;
  if (t >= last) return;
  int score = PersonScore(t, last);
  // A given name that is also a word, trimmed as sentence-initial ("Rein Kallaste, a
  // former prime minister"): keep it when the whole is a much better name.
  if (t > first && t - first == 1 && score < 3 && !FunctionWords().contains(Lower(first)) &&
      !IsDemonym(first) && gaz_len_[first] == 0 && IsCapAt(first)) {
    const int whole = PersonScore(first, last);
    if (whole >= 3 && whole > score) {
      t = first;
      score = whole;
    }
  }
  if (score >= 3) {
    AddCandidate(t, last, EntityType::kPerson, true, nullptr, false);
  } else if (score >= 2) {
    AddCandidate(t, last, EntityType::kPerson, false, nullptr, false);
  }
}

}  // namespace newsgrep::entities
