// SPDX-License-Identifier: GPL-2.0-or-later
/// @file recognizer.cc
/// @brief People and places in one text (see recognizer.h for the approach).
#include "internal/recognizer.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "internal/analyzer.h"
#include "internal/word_lists.h"

namespace newsgrep::entities {

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
  AnalyzeOptions options;
  options.strong_only = true;
  const Analysis a = Analyze(text, resources, nullptr, options);
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
  for (const std::string& key : a.organisations) ++corpus.organisations[key];
  for (const PlaceEntity& p : a.places) {
    if (p.place != nullptr) continue;
    bool strong = false;
    for (const size_t m : p.mentions) strong |= a.mentions[m].strong;
    if (strong) ++corpus.places[p.key];
  }
}

}  // namespace newsgrep::entities
