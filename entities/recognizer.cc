/// @file recognizer.cc
/// @brief People and places in one text (see recognizer.h for the approach).
#include "internal/recognizer.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "internal/word_lists.h"
#include "newsgrep/name_folding.h"

namespace newsgrep::entities {
namespace {

using Data = EntityResources::Data;
bool IsLinePunct(absl::string_view p) {
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
  bool IsConnectorAt(size_t i) const {
    return IsWordAt(i) && !tokens_[i].Is(kCapitalized) && NameConnectors().contains(Lower(i));
  }
  size_t PrevWord(size_t i) const;  // index of the token before i, or n_
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
  void PropagateSandwiched();
  bool ListItemLooksLikeName(size_t first, size_t last) const;
  void BuildPeople();
  void Resolve();
  int MatchPerson(size_t first, size_t last) const;
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
};

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
  const size_t prev = PrevWord(first);
  if (prev < n_ && IsWordAt(prev)) {
    const std::string& p = Lower(prev);
    if (p == "in" || p == "at" || p == "near" || p == "outside" || p == "from") return false;
  }
  if (IsPunctAt(last, ",") && last + 1 < n_ && gaz_len_[last + 1] > 0) return false;
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
    if (IsOrgHeadAt(i) || IsAcronymAt(i) || MonthsAndDays().contains(Lower(i)) || IsDemonym(i)) {
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
    if (gaz_len_[i] > 0) any_place = true;
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
    if (x == "(" && next + 1 < n_) {
      const std::string inside = absl::AsciiStrToLower(Text(next + 1));
      const bool ordinal = inside.size() > 2 && absl::ascii_isdigit(inside[0]) &&
                           (absl::EndsWith(inside, "th") || absl::EndsWith(inside, "st") ||
                            absl::EndsWith(inside, "nd") || absl::EndsWith(inside, "rd"));
      if (inside == "captain" || inside == "capt" || ordinal) score += 3;
    }
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
  const size_t prev = PrevWord(first);
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
    return place->kind == LocationKind::kCountry || place->kind == LocationKind::kArea ||
           place->population >= 1000000;
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

void Analyzer::Classify(size_t first, size_t last, bool in_caps, bool allow_title) {
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
  if (all_demonyms) return;
  const bool whole_place = gaz_len_[t] == last - t;
  // "John Casesa of Schroder Wertheim", "Peter Nicol of Scotland": a person of somewhere.
  if (!whole_place) {
    for (size_t k = t + 1; k + 1 < last; ++k) {
      if (!(IsConnectorAt(k) && Lower(k) == "of")) continue;
      bool org_left = false;
      for (size_t i = t; i < k; ++i) org_left |= IsOrgHeadAt(i) || IsAcronymAt(i);
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
      if (IsOrgHeadAt(i) || IsAcronymAt(i)) return;  // an organisation
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
      !IsTitleHeadAt(PrevWord(t) < n_ ? PrevWord(t) : t) && !IsCommon(t)) {
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

bool Analyzer::ListItemLooksLikeName(size_t first, size_t last) const {
  if (last - first < 2 || last - first > 3) return false;
  for (size_t i = first; i < last; ++i) {
    if (!IsCapAt(i) || covered_[i] >= 0 || IsOrgHeadAt(i) || IsAcronymAt(i) || IsDemonym(i) ||
        MonthsAndDays().contains(Lower(i)) || TitleHeads().contains(Lower(i))) {
      return false;
    }
  }
  if (gaz_len_[first] > 0) return false;
  return !IsCommon(first) || IsGivenName(Lower(first));
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

// The person whose name (or surname) tokens [first, last) are, or -1.
int Analyzer::MatchPerson(size_t first, size_t last) const {
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
        if (IsOrgHeadAt(k) || IsAcronymAt(k) || MonthsAndDays().contains(Lower(k))) org = true;
      }
      const int p = org ? -1 : MatchPerson(f, j);
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
                            d_.Surname(Lower(f)) <= 0);
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
  }
  BuildChunks();
  for (const Chunk& chunk : chunks_) Classify(chunk.first, chunk.last, chunk.in_caps, true);
  PropagateLists();
  PropagateSandwiched();
  BuildPeople();
  Resolve();
  return Finish();
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
      int p = cand.person;
      if (p < 0) p = MatchPerson(cand.first, cand.last);
      if (p < 0) continue;
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
  a.tokens = std::move(tokens_);
  return a;
}

}  // namespace

Analysis Analyze(absl::string_view text, const EntityResources::Data& resources,
                 const CorpusStatistics::Data* corpus, const AnalyzeOptions& options) {
  return Analyzer(text, resources, corpus, options).Run();
}

std::string DatelinePlace(absl::string_view dateline) {
  absl::string_view place = dateline;
  for (absl::string_view stop : {",", "(", " -", " \xE2\x80\x93", " \xE2\x80\x94", ":"}) {
    if (size_t at = place.find(stop); at != absl::string_view::npos) place = place.substr(0, at);
  }
  place = absl::StripAsciiWhitespace(place);
  for (const char c : place) {
    if (absl::ascii_isdigit(c)) return "";
  }
  return std::string(place);
}

bool IsSpeechVerb(absl::string_view lower) { return SpeechVerbs().contains(lower); }

void CollectCorpusStatistics(absl::string_view text, const EntityResources::Data& resources,
                             CorpusStatistics::Data& corpus) {
  const Analysis a = Analyze(text, resources, nullptr);
  for (const Token& t : a.tokens) {
    if (!t.Is(kWord) || t.Is(kPossessive) || t.Is(kSentenceStart) || t.Is(kCapsRun) ||
        t.Is(kInitials)) {
      continue;
    }
    const absl::string_view word = TokenText(text, t);
    auto& c = corpus.word_case[LowerKey(word)];
    if (t.Is(kCapitalized)) {
      ++c.capitalized;
    } else {
      ++c.lower;
    }
  }
  for (const PersonEntity& p : a.people) {
    bool strong = false;
    for (const size_t m : p.mentions) strong |= a.mentions[m].strong;
    if (!strong || p.words.empty()) continue;
    if (p.folded.size() >= 2) {
      ++corpus.person_names[p.key];
      const std::string& first = p.words.front();
      if (first.find('.') == std::string::npos && first.size() > 1) {
        ++corpus.given_names[absl::AsciiStrToLower(first)];
      }
    }
    ++corpus.person_words[absl::AsciiStrToLower(p.words.back())];
  }
  for (const PlaceEntity& p : a.places) {
    if (p.place != nullptr) continue;
    bool strong = false;
    for (const size_t m : p.mentions) strong |= a.mentions[m].strong;
    if (strong) ++corpus.places[p.key];
  }
}

}  // namespace newsgrep::entities
