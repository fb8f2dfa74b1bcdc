// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analyzer_resolve.cc
/// @brief One sense per article: list items and sandwiched words take their neighbours'
/// type, people are built from their fullest form, and every other mention is resolved
/// to them; headlines only match what the body already knows.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "internal/analyzer.h"
#include "newsgrep/name_folding.h"

namespace newsgrep::entities {

// Two or three capitalised words, none a firm's, a nationality (first), a month or a title,
// the first no place: the shape of a name. A nationality word after the first is a surname
// ("Viorel Moldovan", "Richard Finn").
bool Analyzer::NameShaped(size_t first, size_t last) const {
  if (last - first < 2 || last - first > 3) return false;
  for (size_t i = first; i < last; ++i) {
    if (!IsCapAt(i) || covered_[i] >= 0 || IsOrgHeadAt(i) || IsAcronymAt(i) ||
        (i == first && IsDemonym(i)) || MonthsAndDays().contains(Lower(i)) ||
        TitleHeads().contains(Lower(i))) {
      return false;
    }
  }
  return gaz_len_[first] == 0;
}

bool Analyzer::ListItemLooksLikeName(size_t first, size_t last) const {
  return NameShaped(first, last) && (!IsCommon(first) || IsGivenName(Lower(first)));
}

// With a cue of its own, a common first word will do ("Guy Forget (France)", "Jan Kroslak
// (Slovakia)") when a later word is no common word.
bool Analyzer::CuedItemLooksLikeName(size_t first, size_t last) const {
  if (ListItemLooksLikeName(first, last)) return true;
  if (!NameShaped(first, last)) return false;
  for (size_t i = first + 1; i < last; ++i) {
    if (!IsCommon(i)) return true;
  }
  return false;
}

// "Guy Forget (France) beat Jan Kroslak (Slovakia)": in sports copy, two or three
// capitalised words before a country in brackets are a competitor, as is a given name and
// surname anywhere ("Ato Boldon (Trinidad)"); so are they before a minute or a number in
// brackets, or "(captain)", in sports copy. A team is one place name, not name-shaped.
void Analyzer::PeopleBeforeCountries() {
  for (size_t open = 2; open + 2 < n_; ++open) {
    if (!IsPunctAt(open, "(") || covered_[open - 1] >= 0) continue;
    const size_t place_end = open + 1 + gaz_len_[open + 1];
    const bool country = gaz_len_[open + 1] > 0 && gaz_place_[open + 1] != nullptr &&
                         gaz_place_[open + 1]->kind == LocationKind::kCountry &&
                         IsPunctAt(place_end, ")");
    // Scorers and line-ups: "Viorel Moldovan (21st minute)", "Arjuna Ranatunga (captain)".
    // (A plain number is a score: "Aston Villa (2)".)
    const bool player = sports_ && IsPlayerNoteAt(open + 1);
    if (!country && !player) continue;
    size_t first = open;
    while (first > 0 && open - first < 3 && IsCapAt(first - 1) && covered_[first - 1] < 0 &&
           (first == open || !tokens_[first].Is(kSentenceStart))) {
      --first;
    }
    if (first > 0 && IsCapAt(first - 1)) continue;  // longer than a name
    if (sports_ ? !CuedItemLooksLikeName(first, open)
                : !(ListItemLooksLikeName(first, open) && IsGivenName(Lower(first)))) {
      continue;
    }
    AddCandidate(first, open, EntityType::kPerson, true, nullptr, false);
  }
}

// A line of two or three capitalised words just before the dateline ("Richard Finn" /
// "By Richard Finn", then "NEW YORK 1996-08-31"): the reporter's byline.
void Analyzer::BylineBeforeDateline() {
  if (dateline_first_ == 0 || !tokens_[dateline_first_].Is(kLineStart)) return;
  size_t first = dateline_first_ - 1;  // back to the previous line's first token
  while (first > 0 && !tokens_[first].Is(kLineStart)) --first;
  if (IsWordAt(first) && Lower(first) == "by") ++first;
  const size_t last = dateline_first_;
  if (last - first < 2 || last - first > 3 || gaz_len_[first] > 0) return;
  for (size_t i = first; i < last; ++i) {
    // A surname may be a nationality word ("Richard Finn"); a common word makes a headline
    // ("Yeltsin Backs Lebed", "Reuters Staff").
    if (!IsCapAt(i) || tokens_[i].Is(kAllCaps) || IsOrgHeadAt(i) ||
        TitleHeads().contains(Lower(i)) || (i == first && IsDemonym(i)) ||
        (IsCommon(i) && !(i == first && IsGivenName(Lower(i))))) {
      return;
    }
  }
  AddCandidate(first, last, EntityType::kPerson, true, nullptr, false);
}

// "Sanath Jayasuriya, Romesh Kaluwitharana, Asanka Gurusinha, Aravinda de Silva": a
// list of four or more items of two or three name-shaped words (a particle such as "de"
// inside) where one item is already a person is a list of people, even when no other item
// has a cue of its own; no item may be a firm's name ("Dean Witter, Charles Schwab").
void Analyzer::PeopleLists() {
  size_t i = 0;
  while (i < n_) {
    struct Item {
      size_t first, last;
    };
    std::vector<Item> items;
    size_t k = i;
    while (k < n_) {
      size_t e = k;
      size_t words = 0;
      while (e < n_ && words < 4 &&
             ((IsCapAt(e) && (e == k || !tokens_[e].Is(kSentenceStart))) ||
              (e > k && IsConnectorAt(e) && Lower(e) != "of" && Lower(e) != "and"))) {
        if (IsCapAt(e)) ++words;
        ++e;
      }
      if (words < 2 || words > 3 || !IsCapAt(e - 1)) break;
      items.push_back({k, e});
      if (e + 1 < n_ && (IsPunctAt(e, ",") || (IsWordAt(e) && Lower(e) == "and")) &&
          IsCapAt(e + 1)) {
        k = e + 1;
        continue;
      }
      break;
    }
    const size_t next = items.empty() ? i + 1 : items.back().last;
    bool list = items.size() >= 4;
    bool seed = false;
    for (size_t x = 0; list && x < items.size(); ++x) {
      const Item& item = items[x];
      const int covering = covered_[item.first];
      if (covering >= 0) {
        const Candidate& c = candidates_[static_cast<size_t>(covering)];
        if (c.type == EntityType::kPerson && c.first == item.first && c.last == item.last) {
          seed = true;
          continue;
        }
        list = false;
        break;
      }
      if (IsOrganisation(FoldName(SpanText(item.first, item.last)))) list = false;
      for (size_t t = item.first; t < item.last; ++t) {
        if (covered_[t] >= 0 ||
            (IsCapAt(t) &&
             (IsOrgHeadAt(t) || IsAcronymAt(t) || IsDemonym(t) || gaz_len_[t] > 0 ||
              MonthsAndDays().contains(Lower(t)) || TitleHeads().contains(Lower(t))))) {
          list = false;
        }
      }
      if (IsCommon(item.first) && !IsGivenName(Lower(item.first))) list = false;
    }
    if (list && seed) {
      for (const Item& item : items) {
        if (covered_[item.first] < 0) {
          AddCandidate(item.first, item.last, EntityType::kPerson, true, nullptr, false);
        }
      }
    }
    i = std::max(next, i + 1);
  }
}

// "Glenn McGrath, Ricky Ponting, Michael Slater and Mark Waugh": the items of a list
// around a person are people too (two or three capitalised words each).
void Analyzer::PropagateLists() {
  for (size_t c = 0; c < candidates_.size(); ++c) {
    if (candidates_[c].type != EntityType::kPerson || !candidates_[c].strong) continue;
    // Forward.
    size_t k = candidates_[c].last;
    while (k + 1 < n_ && (IsPunctAt(k, ",") || (IsWordAt(k) && Lower(k) == "and"))) {
      size_t e = k + 1;
      while (e < n_ && IsCapAt(e) && covered_[e] < 0 && e - k <= 3 &&
             (e == k + 1 || !tokens_[e].Is(kSentenceStart))) {
        ++e;
      }
      if (!ListItemLooksLikeName(k + 1, e) || (e < n_ && IsCapAt(e))) break;
      AddCandidate(k + 1, e, EntityType::kPerson, true, nullptr, false);
      k = e;
    }
    // Backward.
    size_t b = candidates_[c].first;
    while (b >= 3 && (IsPunctAt(b - 1, ",") || (IsWordAt(b - 1) && Lower(b - 1) == "and"))) {
      size_t s = b - 1;
      while (s > 0 && IsCapAt(s - 1) && covered_[s - 1] < 0 && b - 1 - s < 3 &&
             (s == b - 1 || !tokens_[s].Is(kSentenceStart))) {
        --s;
      }
      if (s == b - 1 || !ListItemLooksLikeName(s, b - 1) || (s > 0 && IsCapAt(s - 1))) break;
      AddCandidate(s, b - 1, EntityType::kPerson, true, nullptr, false);
      b = s;
    }
  }
}

// "Brian Henninger, Tiger Woods, Steve Jurgenson": an item between two people.
void Analyzer::PropagateSandwiched() {
  for (size_t i = 1; i + 1 < n_; ++i) {
    if (!IsCapAt(i) || covered_[i] >= 0 || !IsPunctAt(i - 1, ",")) continue;
    size_t e = i;
    while (e < n_ && IsCapAt(e) && covered_[e] < 0 && e - i < 3 &&
           (e == i || !tokens_[e].Is(kSentenceStart))) {
      ++e;
    }
    if (e - i < 2 || e >= n_ || !(IsPunctAt(e, ",") || (IsWordAt(e) && Lower(e) == "and")))
      continue;
    const int before = i >= 2 ? covered_[i - 2] : -1;
    const int after = e + 1 < n_ ? covered_[e + 1] : -1;
    if (before < 0 || after < 0) continue;
    if (candidates_[static_cast<size_t>(before)].type != EntityType::kPerson ||
        candidates_[static_cast<size_t>(after)].type != EntityType::kPerson) {
      continue;
    }
    bool ok = true;
    for (size_t k = i; k < e; ++k) {
      if (IsOrgHeadAt(k) || IsAcronymAt(k) || IsDemonym(k) || gaz_len_[k] > 0 ||
          MonthsAndDays().contains(Lower(k))) {
        ok = false;
      }
    }
    if (ok) AddCandidate(i, e, EntityType::kPerson, true, nullptr, false);
  }
}

// People from the strong person candidates: one per distinct name; a single word joins
// the full name it ends (Caine → Dan Caine).
void Analyzer::BuildPeople() {
  auto words_of = [this](const Candidate& c) {
    std::vector<std::string> words;
    for (size_t i = c.first; i < c.last; ++i) {
      if (tokens_[i].Is(kPunct)) continue;
      words.emplace_back(Text(i));
    }
    return words;
  };
  // Longest names first, so that shorter forms join them.
  std::vector<size_t> order;
  for (size_t c = 0; c < candidates_.size(); ++c) {
    if (candidates_[c].type == EntityType::kPerson && candidates_[c].strong) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    return candidates_[a].last - candidates_[a].first > candidates_[b].last - candidates_[b].first;
  });
  for (const size_t c : order) {
    const std::string name = SpanText(candidates_[c].first, candidates_[c].last);
    std::vector<std::string> folded = FoldNameWords(name);
    if (folded.empty()) continue;
    int match = -1;
    for (size_t p = 0; p < people_.size() && match < 0; ++p) {
      const std::vector<std::string>& f = people_[p].folded;
      if (f == folded) match = static_cast<int>(p);
      // A suffix of a longer name: "Cavo Dragone", "Dragone".
      if (match < 0 && folded.size() < f.size() &&
          std::equal(folded.rbegin(), folded.rend(), f.rbegin())) {
        match = static_cast<int>(p);
      }
    }
    if (match < 0) {
      PersonEntity person;
      person.words = words_of(candidates_[c]);
      person.name = name;
      person.key = absl::StrJoin(folded, " ");
      person.folded = folded;
      if (folded.size() >= 2) {
        auto g = d_.given_gender.find(absl::AsciiStrToLower(person.words.front()));
        if (g != d_.given_gender.end()) person.gender = g->second;
      }
      people_.push_back(std::move(person));
      match = static_cast<int>(people_.size() - 1);
    }
    candidates_[c].person = match;
  }
}

// "Eugene Krenzler, wheat specialist" beside "Krenzler said" found first with a stronger cue:
// a given name and the surname of a person known by the surname alone is that person, whose
// name becomes the fuller one. Returns the person, or -1.
int Analyzer::FullerNameOf(size_t first, size_t last) {
  // (A given name may be a town's: Eugene, Oregon.)
  if (last - first != 2 || !IsCapAt(first) || !IsCapAt(last - 1) || !IsGivenName(Lower(first))) {
    return -1;
  }
  const int p = MatchPerson(last - 1, last);
  if (p < 0 || people_[static_cast<size_t>(p)].folded.size() != 1) return -1;
  // News names a person in full first: a full name after the surname's first mention is
  // someone else of the family ("President Bush" … "Barbara Bush").
  for (const Candidate& c : candidates_) {
    if (c.person == p && c.first < first) return -1;
  }
  PersonEntity& person = people_[static_cast<size_t>(p)];
  person.name = SpanText(first, last);
  person.folded = FoldNameWords(person.name);
  person.key = absl::StrJoin(person.folded, " ");
  person.words = {std::string(Text(first)), std::string(Text(last - 1))};
  if (auto g = d_.given_gender.find(Lower(first)); g != d_.given_gender.end()) {
    person.gender = g->second;
  }
  return p;
}

// The person whose name (or surname) tokens [first, last) are, or -1; a lone family name
// that opens a two-word name (below) too.
int Analyzer::MatchPerson(size_t first, size_t last) const {
  if (people_.empty()) return -1;  // no folding needed (a tenth of a title's analysis)
  std::string name;
  for (size_t i = first; i < last; ++i) {
    if (tokens_[i].Is(kPunct)) continue;
    if (!name.empty()) name += ' ';
    name.append(Text(i).data(), Text(i).size());
  }
  const std::vector<std::string> folded = FoldNameWords(name);
  if (folded.empty()) return -1;
  int match = -1;
  for (size_t p = 0; p < people_.size(); ++p) {
    const std::vector<std::string>& f = people_[p].folded;
    if (folded.size() > f.size()) continue;
    if (f == folded || std::equal(folded.rbegin(), folded.rend(), f.rbegin())) {
      // Prefer the fuller name; among equals the first.
      if (match < 0 ||
          people_[p].folded.size() > people_[static_cast<size_t>(match)].folded.size()) {
        match = static_cast<int>(p);
      }
    }
  }
  // Family name first ("Wang Donghai" … "Wang was arrested", "Kang Young-hoon" … "Kang"): a
  // lone word that opens a two-word name, is no common given name and ends no other name.
  if (match < 0 && folded.size() == 1 && last - first == 1 && gaz_len_[first] == 0 &&
      d_.GivenName(Lower(first)) < 0.01f) {
    for (size_t p = 0; p < people_.size(); ++p) {
      const std::vector<std::string>& f = people_[p].folded;
      if (f.size() == 2 && f.front() == folded.front()) {
        if (match >= 0) return -1;  // two such people: which one is unclear
        match = static_cast<int>(p);
      }
    }
  }
  return match;
}

// Tokens [first, last) inside capitals or a title: known people and places, countries.
void Analyzer::MatchKnownInRange(size_t first, size_t last, bool in_caps) {
  size_t i = first;
  while (i < last) {
    if (!IsWordAt(i) || covered_[i] >= 0) {
      ++i;
      continue;
    }
    bool done = false;
    // Known people: up to four words.
    for (size_t len = std::min<size_t>(4, last - i); len >= 1 && !done; --len) {
      bool words_only = true;
      for (size_t k = i; k < i + len; ++k) {
        if (!IsWordAt(k) || !tokens_[k].Is(kCapitalized)) words_only = false;
      }
      if (!words_only) continue;
      const int p = MatchPerson(i, i + len);
      if (p >= 0) {
        AddCandidate(i, i + len, EntityType::kPerson, false, nullptr, in_caps, p);
        i += len;
        done = true;
      }
    }
    if (done) continue;
    if (gaz_len_[i] > 0 && i + gaz_len_[i] <= last &&
        AcceptPlace(i, i + gaz_len_[i], gaz_place_[i], true)) {
      AddCandidate(i, i + gaz_len_[i], EntityType::kLocation, false, gaz_place_[i], in_caps);
      i += gaz_len_[i];
      continue;
    }
    ++i;
  }
}

void Analyzer::Resolve() {
  // Places written elsewhere in the text with a cue (by key).
  absl::flat_hash_set<std::string> known_places;
  for (const Candidate& c : candidates_) {
    if (c.type == EntityType::kLocation && c.place == nullptr) {
      known_places.insert(PlaceKey(SpanText(c.first, c.last)));
    }
  }
  // 1. Candidates that are places by the gazetteer but name a person of this text
  //    ("Washington said" after "Senator Claire Washington").
  for (size_t c = 0; c < candidates_.size(); ++c) {
    Candidate& cand = candidates_[c];
    if (cand.type != EntityType::kLocation || cand.last - cand.first != 1) continue;
    if (cand.place != nullptr && (cand.place->kind == LocationKind::kCountry) &&
        !tokens_[cand.first].Is(kCapitalized)) {
      continue;
    }
    const int p = MatchPerson(cand.first, cand.last);
    if (p < 0) continue;
    if (cand.first >= dateline_first_ && cand.first < dateline_last_) continue;
    if (PlaceContext(cand.first, cand.last)) continue;
    if (IsPunctAt(cand.last, ",") && cand.last + 1 < n_ && Text(cand.last + 1) == "D.C.") continue;
    cand.type = EntityType::kPerson;
    cand.place = nullptr;
    cand.person = p;
  }
  // 2. Weak person candidates and unresolved chunks.
  for (size_t c = 0; c < candidates_.size(); ++c) {
    Candidate& cand = candidates_[c];
    if (cand.type != EntityType::kPerson || cand.person >= 0) continue;
    cand.person = MatchPerson(cand.first, cand.last);
    if (cand.person < 0) cand.person = FullerNameOf(cand.first, cand.last);
    if (cand.person < 0) {
      // A weak candidate with no support: keep only multi-word names the corpus confirms
      // or that look like given name + surname.
      const std::string key = FoldName(SpanText(cand.first, cand.last));
      bool keep = cand.last - cand.first >= 2;
      if (corpus_ != nullptr && corpus_->person_names.contains(key)) keep = true;
      if (!keep) {
        cand.type = EntityType::kNone;
        continue;
      }
      PersonEntity person;
      person.name = SpanText(cand.first, cand.last);
      person.folded = FoldNameWords(person.name);
      person.key = absl::StrJoin(person.folded, " ");
      for (size_t i = cand.first; i < cand.last; ++i) {
        if (!tokens_[i].Is(kPunct)) person.words.emplace_back(Text(i));
      }
      people_.push_back(std::move(person));
      cand.person = static_cast<int>(people_.size() - 1);
    }
  }
  for (const Chunk& chunk : chunks_) {
    // Tokens of the chunk not covered yet: known people, then the corpus' names and places.
    size_t i = chunk.first;
    while (i < chunk.last) {
      if (covered_[i] >= 0 || !IsCapAt(i)) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < chunk.last && covered_[j] < 0) ++j;
      // Trim sentence-initial common words and nationality words.
      size_t f = i;
      while (f < j && (tokens_[f].Is(kPunct) || IsConnectorAt(f) || IsDemonym(f) ||
                       ((tokens_[f].Is(kSentenceStart) || Lower(f) == "the" || chunk.in_caps) &&
                        IsCommon(f) && MatchPerson(f, f + 1) < 0))) {
        ++f;
      }
      if (f >= j) {
        i = j;
        continue;
      }
      if (chunk.in_caps) {
        MatchKnownInRange(f, j, true);
        i = j;
        continue;
      }
      bool org = false;
      for (size_t k = f; k < j; ++k) {
        if (IsOrgWordAt(k, f, j) || IsAcronymAt(k) || MonthsAndDays().contains(Lower(k))) {
          org = true;
        }
      }
      int p = org ? -1 : MatchPerson(f, j);
      if (p < 0 && !org && (!IsCommon(f) || IsGivenName(Lower(f))) &&
          (!tokens_[f].Is(kSentenceStart) || !IsCommon(f))) {
        p = FullerNameOf(f, j);
      }
      // "Naina Yeltsin" beside "Boris Yeltsin": another person of the same family.
      const bool family = !org && p < 0 && j - f == 2 && IsCapAt(f) && gaz_len_[f] == 0 &&
                          (!IsCommon(f) || IsGivenName(Lower(f))) && MatchPerson(j - 1, j) >= 0 &&
                          (!tokens_[f].Is(kSentenceStart) || !IsCommon(f));
      if (p >= 0) {
        AddCandidate(f, j, EntityType::kPerson, false, nullptr, false, p);
      } else if (family) {
        PersonEntity person;
        person.name = SpanText(f, j);
        person.folded = FoldNameWords(person.name);
        person.key = absl::StrJoin(person.folded, " ");
        person.words = {std::string(Text(f)), std::string(Text(j - 1))};
        people_.push_back(std::move(person));
        AddCandidate(f, j, EntityType::kPerson, false, nullptr, false,
                     static_cast<int>(people_.size() - 1));
      } else if (!org) {
        const std::string name = SpanText(f, j);
        const std::string key = FoldName(name);
        const std::string lower = absl::AsciiStrToLower(name);
        const bool sentence_common = tokens_[f].Is(kSentenceStart) && IsCommon(f);
        const bool table_row = sports_ && j - f == 1 && j < n_ && tokens_[j].Is(kNumber) &&
                               (tokens_[f].Is(kParagraphStart) || tokens_[f].Is(kLineStart) ||
                                (f > 0 && tokens_[f - 1].Is(kNumber)));
        const bool corpus_person =
            corpus_ != nullptr && !table_row &&
            (corpus_->person_names.contains(key) ||
             (j - f == 1 && corpus_->person_words.contains(lower) && !IsCommon(f)));
        const bool place = (corpus_ != nullptr && corpus_->places.contains(PlaceKey(name))) ||
                           known_places.contains(PlaceKey(name)) ||
                           (j - f == 1 && UnknownPlaceContext(f) && !IsGivenName(Lower(f)) &&
                            !MonthsAndDays().contains(Lower(f)) && d_.Surname(Lower(f)) <= 0);
        if (!sentence_common && corpus_person) {
          PersonEntity person;
          person.name = name;
          person.folded = FoldNameWords(name);
          person.key = key;
          for (size_t k = f; k < j; ++k) {
            if (!tokens_[k].Is(kPunct)) person.words.emplace_back(Text(k));
          }
          people_.push_back(std::move(person));
          AddCandidate(f, j, EntityType::kPerson, false, nullptr, false,
                       static_cast<int>(people_.size() - 1));
        } else if (!sentence_common && !IsCommon(f) && place) {
          AddCandidate(f, j, EntityType::kLocation, false, nullptr, false);
        }
      }
      // "Yeltsin endorses Lebed Chechnya peace plan": known people inside a longer run.
      if (!org && j - f >= 2 && covered_[f] < 0) {
        bool any_person = false;
        for (size_t k = f; k < j && !any_person; ++k) {
          if (!IsCommon(k) && MatchPerson(k, k + 1) >= 0) any_person = true;
        }
        if (any_person) MatchKnownInRange(f, j, false);
      }
      i = j;
    }
  }
}

void Analyzer::KnownOnly() {
  absl::flat_hash_set<std::string> known_places;
  if (options_.known != nullptr) {
    for (const PlaceEntity& p : options_.known->places) known_places.insert(PlaceKey(p.name));
  }
  size_t i = 0;
  while (i < n_) {
    if (!IsCapAt(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n_ && IsCapAt(j)) ++j;
    // Within the run: people (with a title before them, or not a place), then places.
    size_t k = i;
    while (k < j) {
      bool done = false;
      for (size_t len = std::min<size_t>(4, j - k); len >= 1 && !done; --len) {
        const int p = MatchPerson(k, k + len);
        if (p < 0) continue;
        const bool place_too = len == 1 && (gaz_len_[k] == 1 || known_places.contains(Lower(k)));
        const size_t prev = PrevWord(k);
        const bool titled = prev < n_ && TitleHeads().contains(Lower(prev));
        const bool speaks =
            k + len < n_ && IsWordAt(k + len) && SubjectSpeechVerbs().contains(Lower(k + len));
        if (place_too && !titled && !speaks) break;
        AddCandidate(k, k + len, EntityType::kPerson, false, nullptr, tokens_[k].Is(kCapsRun), p);
        k += len;
        done = true;
      }
      if (done) continue;
      if (gaz_len_[k] > 0 && k + gaz_len_[k] <= j) {
        const std::string key = PlaceKey(SpanText(k, k + gaz_len_[k]));
        if (known_places.contains(key) || AcceptPlace(k, k + gaz_len_[k], gaz_place_[k], true)) {
          AddCandidate(k, k + gaz_len_[k], EntityType::kLocation, false, gaz_place_[k],
                       tokens_[k].Is(kCapsRun));
          k += gaz_len_[k];
          continue;
        }
      }
      if (known_places.contains(PlaceKey(Text(k)))) {
        AddCandidate(k, k + 1, EntityType::kLocation, false, nullptr, tokens_[k].Is(kCapsRun));
      }
      ++k;
    }
    i = j;
  }
}

int Analyzer::MatchPersonText(absl::string_view name) const {
  const std::vector<std::string> folded = FoldNameWords(name);
  if (folded.empty()) return -1;
  for (size_t p = 0; p < people_.size(); ++p) {
    const std::vector<std::string>& f = people_[p].folded;
    if (folded.size() <= f.size() && std::equal(folded.rbegin(), folded.rend(), f.rbegin())) {
      return static_cast<int>(p);
    }
  }
  return -1;
}

}  // namespace newsgrep::entities
