// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analyzer.cc
/// @brief The recognizer's frame: word predicates, the order of the stages, and the
/// Analysis they produce.
#include "internal/analyzer.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace newsgrep::entities {

bool Analyzer::IsCommonLower(absl::string_view lower) const {
  const CorpusStatistics::Data::WordCase* c = corpus_ != nullptr ? corpus_->Case(lower) : nullptr;
  // The corpus writes it capitalised mid-sentence and (almost) never in lower case: a
  // name here ("Dole", "Such"), whatever the dictionary says.
  if (c != nullptr && c->capitalized >= 2 && c->capitalized >= 4 * c->lower) return false;
  if (d_.IsCommonWord(lower)) return true;
  return c != nullptr && c->lower >= 2 && c->lower > c->capitalized;
}

bool Analyzer::IsCommon(size_t i) const {
  // An acronym is no common word: "US" is not "us".
  if (tokens_[i].Is(kAllCaps) && !tokens_[i].Is(kCapsRun)) return false;
  return IsCommonLower(Lower(i));
}

bool Analyzer::IsGivenName(absl::string_view lower) const {
  // Rare census names that are also common words ("In", "Will") need to be frequent.
  const float frequency = d_.GivenName(lower);
  if (frequency >= (d_.IsCommonWord(lower) ? 0.03f : 0.002f)) return true;
  if (corpus_ != nullptr) {
    auto it = corpus_->given_names.find(lower);
    if (it != corpus_->given_names.end() && it->second >= 1) return true;
  }
  return false;
}

namespace {

// Initials alone ("L", "F. C.") and amounts ("N.Z. Dlrs", "H.K. Dollars") are no names.
bool NotAName(const PersonEntity& person) {
  static const WordSet* const kCurrencies = new WordSet(
      MakeSet({"dlrs",     "dlr",        "dollar",  "dollars", "yen",    "marks",  "francs",
               "pounds",   "stg",        "lire",    "lira",    "pesos",  "rupees", "crowns",
               "guilders", "schillings", "yuan",    "rand",    "riyals", "dinars", "cents",
               "cts",      "euros",      "roubles", "rubles"}));
  bool word = false;
  for (const std::string& w : person.words) {
    size_t letters = 0;
    for (const char c : w) letters += absl::ascii_isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
    word |= letters >= 2 || static_cast<unsigned char>(w.empty() ? 0 : w[0]) >= 0x80;
  }
  // A currency after initials ("N.Z. Dlrs"), not a surname that is one ("Howard Marks").
  return !word ||
         (person.words.size() >= 2 && person.words.front().find('.') != std::string::npos &&
          kCurrencies->contains(absl::AsciiStrToLower(person.words.back())));
}

}  // namespace

bool Analyzer::IsOrganisation(const std::string& key) const {
  return organisations_.contains(key) ||
         (corpus_ != nullptr && corpus_->organisations.contains(key));
}

size_t Analyzer::WordBeforeThe(size_t i) const {
  size_t prev = PrevWord(i);
  if (prev < n_ && prev > 0 && IsWordAt(prev) && Lower(prev) == "the") prev = PrevWord(prev);
  return prev;
}

bool Analyzer::IsPlayerNoteAt(size_t i) const {
  if (i >= n_) return false;
  const std::string inside = absl::AsciiStrToLower(Text(i));
  const bool ordinal = inside.size() > 2 && absl::ascii_isdigit(inside[0]) &&
                       (absl::EndsWith(inside, "th") || absl::EndsWith(inside, "st") ||
                        absl::EndsWith(inside, "nd") || absl::EndsWith(inside, "rd"));
  return ordinal || inside == "captain" || inside == "capt";
}

size_t Analyzer::PrevWord(size_t i) const { return i == 0 ? n_ : i - 1; }

bool Analyzer::IsTitleHeadAt(size_t i) const {
  if (!IsCapAt(i)) return false;
  if (tokens_[i].Is(kHyphenated) && !TitleHeads().contains(Lower(i))) {
    // "Lieutenant-Colonel", "Major-General", "Vice-Admiral".
    bool all = true;
    size_t heads = 0;
    for (absl::string_view part : absl::StrSplit(Lower(i), '-')) {
      const std::string p(part);
      if (TitleHeads().contains(p))
        ++heads;
      else if (!TitleModifiers().contains(p))
        all = false;
    }
    return all && heads > 0;
  }
  if (!TitleHeads().contains(Lower(i))) return false;
  // "Sen", "Gen", "Rep": abbreviations are titles only before "." or a name.
  // clang-format off
  static const WordSet* const kAbbreviated = new WordSet(MakeSet(
      {"gen", "adm", "col", "lt", "maj", "capt", "sgt", "cpl", "gov", "sen", "rep", "rev",
       "fr", "dr", "mr", "mrs", "ms", "prof", "cmdr", "brig", "insp", "det", "supt", "cllr"}));
  // clang-format on
  if (kAbbreviated->contains(Lower(i))) {
    return (i + 1 < n_ && IsPunctAt(i + 1, ".") && Attached(i + 1)) ||
           (i + 1 < n_ && IsCapAt(i + 1) && !tokens_[i].Is(kAllCaps));
  }
  return true;
}

std::string Analyzer::SpanText(size_t first, size_t last) const {
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first && !Attached(i)) out += ' ';
    out.append(Text(i).data(), Text(i).size());
  }
  return out;
}

Analysis Analyzer::Run() {
  tokens_ = Tokenize(text_);
  n_ = tokens_.size();
  lower_.resize(n_);
  for (size_t i = 0; i < n_; ++i) {
    if (tokens_[i].Is(kWord)) lower_[i] = LowerKey(Text(i));
  }
  covered_.assign(n_, -1);
  ScanGazetteer();
  DetectSports();
  if (options_.known_only) {
    if (options_.known != nullptr) people_ = options_.known->people;
    for (PersonEntity& p : people_) p.mentions.clear();
    KnownOnly();
    return Finish();
  }
  if (options_.dateline) DetectDateline();
  if (dateline_last_ > dateline_first_) {
    const PlaceEntry* place = gaz_len_[dateline_first_] == dateline_last_ - dateline_first_
                                  ? gaz_place_[dateline_first_]
                                  : nullptr;
    AddCandidate(dateline_first_, dateline_last_, EntityType::kLocation, true, place,
                 tokens_[dateline_first_].Is(kCapsRun));
    BylineBeforeDateline();
  }
  BuildChunks();
  FindOrganisations();
  for (const Chunk& chunk : chunks_) Classify(chunk.first, chunk.last, chunk.in_caps, true);
  PeopleBeforeCountries();
  RegionsAfterPlaces();
  PeopleLists();
  PropagateLists();
  PropagateSandwiched();
  BuildPeople();
  if (!options_.strong_only) Resolve();
  return Finish();
}

Analysis Analyzer::Finish() {
  Analysis a;
  std::vector<PersonEntity> people = std::move(people_);
  for (PersonEntity& p : people) p.mentions.clear();
  std::vector<TypedMention> mentions;
  for (size_t c = 0; c < candidates_.size(); ++c) {
    const Candidate& cand = candidates_[c];
    if (cand.type != EntityType::kPerson && cand.type != EntityType::kLocation) continue;
    TypedMention m;
    m.first = cand.first;
    m.last = cand.last;
    m.begin = tokens_[cand.first].begin;
    m.end = tokens_[cand.last - 1].end;
    m.type = cand.type;
    m.strong = cand.strong;
    m.in_caps = cand.in_caps;
    if (cand.type == EntityType::kPerson) {
      // "King Norodom Sihanouk", "deposed King Mohammed Idris": a title before a name is
      // no mention of a person named King.
      if (cand.last - cand.first == 1 && TitleHeads().contains(Lower(cand.first)) &&
          IsCapAt(cand.last) && !tokens_[cand.last].Is(kSentenceStart)) {
        continue;
      }
      int p = cand.person;
      if (p < 0) p = MatchPerson(cand.first, cand.last);
      if (p < 0 || IsOrganisation(people[static_cast<size_t>(p)].key) ||
          NotAName(people[static_cast<size_t>(p)])) {
        continue;
      }
      m.entity = p;
    } else {
      m.entity = -1;
      // The place itself is attached below.
      m.strong = cand.strong;
    }
    mentions.push_back(m);
    if (cand.type == EntityType::kLocation) {
      // Remember the gazetteer entry through the candidate index.
      mentions.back().entity = -2 - static_cast<int>(c);
    }
  }
  // "Zelensky-Putin": hyphenated words whose parts name people of the text.
  if (!people.empty()) {
    people_ = people;  // MatchPersonText reads people_
    for (size_t i = 0; i < n_; ++i) {
      if (!tokens_[i].Is(kHyphenated) || covered_[i] >= 0 || !tokens_[i].Is(kCapitalized)) continue;
      const absl::string_view word = Text(i);
      std::vector<std::pair<size_t, size_t>> parts;
      size_t start = 0;
      for (size_t k = 0; k <= word.size(); ++k) {
        if (k == word.size() || word[k] == '-') {
          if (k > start) parts.emplace_back(start, k);
          start = k + 1;
        }
      }
      if (parts.size() < 2) continue;
      for (const auto& [b, e] : parts) {
        const absl::string_view part = word.substr(b, e - b);
        const int p = MatchPersonText(part);
        if (p < 0) continue;
        TypedMention m;
        m.first = i;
        m.last = i + 1;
        m.begin = tokens_[i].begin + static_cast<uint32_t>(b);
        m.end = tokens_[i].begin + static_cast<uint32_t>(e);
        m.type = EntityType::kPerson;
        m.entity = p;
        m.in_caps = tokens_[i].Is(kCapsRun);
        mentions.push_back(m);
      }
    }
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const TypedMention& x, const TypedMention& y) { return x.begin < y.begin; });
  // Entities in order of first mention.
  std::vector<int> person_index(people.size(), -1);
  absl::flat_hash_map<std::string, size_t> place_index;
  for (TypedMention& m : mentions) {
    if (m.type == EntityType::kPerson) {
      const size_t p = static_cast<size_t>(m.entity);
      if (person_index[p] < 0) {
        person_index[p] = static_cast<int>(a.people.size());
        a.people.push_back(people[p]);
      }
      m.entity = person_index[p];
      a.people[static_cast<size_t>(m.entity)].mentions.push_back(a.mentions.size());
    } else {
      const Candidate& cand = candidates_[static_cast<size_t>(-2 - m.entity)];
      const std::string written = SpanText(cand.first, cand.last);
      const std::string key = cand.place != nullptr ? cand.place->key : PlaceKey(written);
      auto [it, inserted] = place_index.try_emplace(key, a.places.size());
      if (inserted) {
        PlaceEntity place;
        place.name = written;
        place.place = cand.place;
        place.key = key;
        a.places.push_back(std::move(place));
      }
      m.entity = static_cast<int>(it->second);
      a.places[it->second].mentions.push_back(a.mentions.size());
    }
    a.mentions.push_back(m);
  }
  a.dateline_first = dateline_first_;
  a.dateline_last = dateline_last_;
  a.organisations.assign(organisations_.begin(), organisations_.end());
  std::sort(a.organisations.begin(), a.organisations.end());
  a.tokens = std::move(tokens_);
  return a;
}

}  // namespace newsgrep::entities
