// SPDX-License-Identifier: GPL-2.0-or-later
/// @file extract.cc
/// @brief ExtractEntities: people and places of title and body, the dateline, quotes and
/// their speakers.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "internal/recognizer.h"
#include "internal/resources.h"
#include "internal/text.h"
#include "internal/word_lists.h"
#include "newsgrep/entities.h"
#include "newsgrep/name_folding.h"
#include "newsgrep/text_rules.h"

namespace newsgrep {
namespace {

using entities::Analysis;
using entities::EntityType;
using entities::Token;
using entities::TokenText;

// "BRUSSELS" → "Brussels", "NEW YORK" → "New York"; other text unchanged.
std::string TitleCaseIfCaps(absl::string_view name) {
  bool lower = false;
  for (const char c : name) lower |= absl::ascii_islower(c);
  if (lower) return std::string(name);
  std::string out(name);
  bool start = true;
  for (char& c : out) {
    if (absl::ascii_isalpha(c)) {
      c = start ? c : absl::ascii_tolower(c);
      start = false;
    } else {
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

Location MakeLocation(absl::string_view written, const PlaceEntry* place) {
  Location location;
  location.name = CollapseSpaces(written);
  if (place != nullptr) {
    location.canonical = place->canonical;
    location.key = place->key;
    location.kind = place->kind;
    location.country = place->country;
    location.aliases = place->aliases;
  } else {
    location.canonical = TitleCaseIfCaps(location.name);
    location.key = PlaceKey(location.canonical);
    location.kind = LocationKind::kPlace;
  }
  return location;
}

// Who said the quotes of a body, from the analysis of that body.
class Attributor {
 public:
  Attributor(absl::string_view body, const Analysis& analysis,
             const std::vector<QuoteExtractor::Span>& quotes)
      : body_(body), a_(analysis), quotes_(quotes) {
    const size_t n = a_.tokens.size();
    in_quote_.assign(n, -1);
    person_at_.assign(n, -1);
    for (size_t q = 0; q < quotes_.size(); ++q) {
      for (size_t t = 0; t < n; ++t) {
        if (a_.tokens[t].begin >= quotes_[q].open && a_.tokens[t].end <= quotes_[q].close_end) {
          in_quote_[t] = static_cast<int>(q);
        }
      }
    }
    for (size_t m = 0; m < a_.mentions.size(); ++m) {
      const entities::TypedMention& mention = a_.mentions[m];
      if (mention.type != EntityType::kPerson) continue;
      for (size_t t = mention.first; t < mention.last; ++t) person_at_[t] = static_cast<int>(m);
    }
  }

  // The person index (into a_.people) who said quote `q`; -1 when unattributed or unnamed.
  int Speaker(size_t q, const std::vector<int>& speakers) {
    const QuoteExtractor::Span& quote = quotes_[q];
    const size_t n = a_.tokens.size();
    size_t open_tok = n, close_tok = n;
    for (size_t t = 0; t < n; ++t) {
      if (open_tok == n && a_.tokens[t].begin >= quote.open) open_tok = t;
      if (a_.tokens[t].end <= quote.close_end) close_tok = t;
    }
    if (open_tok == n || close_tok == n) return -1;
    bool decided = false;
    int speaker = After(close_tok, quote, &decided);
    if (decided && speaker >= 0) return speaker;
    const bool weak_after = decided;  // "RIA Novosti reported": keep looking before
    bool decided_before = false;
    const int before = Before(open_tok, quote, &decided_before);
    if (before >= 0) return before;
    if (decided_before || weak_after) return -1;
    // A quote following another in the same paragraph and sentence run: same speaker.
    if (q > 0 && SameParagraph(quotes_[q - 1].close_end, quote.open)) return speakers[q - 1];
    return -1;
  }

 private:
  bool IsWord(size_t t) const { return t < a_.tokens.size() && a_.tokens[t].Is(entities::kWord); }
  std::string Lower(size_t t) const { return entities::LowerKey(TokenText(body_, a_.tokens[t])); }
  bool IsPunct(size_t t, absl::string_view p) const {
    return t < a_.tokens.size() && a_.tokens[t].Is(entities::kPunct) &&
           TokenText(body_, a_.tokens[t]) == p;
  }
  // A '.', '!' or '?' that ends a sentence ("Gen." and "U.S." do not).
  bool SentenceEnd(size_t t) const {
    if (IsPunct(t, "!") || IsPunct(t, "?")) return true;
    if (!IsPunct(t, ".")) return false;
    if (t > 0 && a_.tokens[t].begin == a_.tokens[t - 1].end) {
      static const auto* const kAbbrev = new absl::flat_hash_set<std::string>(
          {"gen", "adm", "col",  "lt", "maj", "capt", "sgt", "gov",  "sen",  "rep",  "mr", "mrs",
           "ms",  "dr",  "prof", "st", "rev", "cllr", "fr",  "cmdr", "brig", "insp", "det"});
      if (a_.tokens[t - 1].Is(entities::kInitials) || kAbbrev->contains(Lower(t - 1))) {
        return false;
      }
    }
    return true;
  }
  bool SameParagraph(size_t from, size_t to) const {
    for (size_t i = from; i < to && i < body_.size(); ++i) {
      if (body_[i] == '\n') return false;
    }
    return true;
  }
  // A speech verb that attributes words by itself: "said", "commented" (not "saying",
  // "according", "called"); the recognizer's cue after a subject, one list.
  static bool IsFiniteSpeechVerb(const std::string& l) {
    return entities::SubjectSpeechVerbs().contains(l);
  }
  int PersonOfMention(int mention) const {
    return mention < 0 ? -1 : a_.mentions[static_cast<size_t>(mention)].entity;
  }

  // he / she → the person named last before byte `pos` (outside quotes and headlines),
  // skipping people of the other gender.
  int Pronoun(const std::string& pronoun, size_t pos) const {
    const char want = pronoun == "he" ? 'M' : pronoun == "she" ? 'F' : 0;
    for (size_t m = a_.mentions.size(); m-- > 0;) {
      const entities::TypedMention& mention = a_.mentions[m];
      if (mention.type != EntityType::kPerson || mention.begin >= pos || mention.in_caps) continue;
      if (in_quote_[mention.first] >= 0) continue;
      const char gender = a_.people[static_cast<size_t>(mention.entity)].gender;
      if (want != 0 && gender != 0 && gender != want) continue;
      return mention.entity;
    }
    return -1;
  }

  // After the closing mark: `”, X said`, `”, said X`, `”, he added`, `according to X`.
  int After(size_t close_tok, const QuoteExtractor::Span& quote, bool* decided) {
    const size_t n = a_.tokens.size();
    std::vector<size_t> window;
    for (size_t t = close_tok + 1; t < n && window.size() < 25; ++t) {
      if (a_.tokens[t].Is(entities::kParagraphStart)) break;
      if (in_quote_[t] >= 0) break;
      if (SentenceEnd(t)) break;
      window.push_back(t);
    }
    size_t w = 0;
    while (w < window.size() && a_.tokens[window[w]].Is(entities::kPunct)) ++w;
    if (w >= window.size()) return -1;
    const std::string first = Lower(window[w]);
    if (IsFiniteSpeechVerb(first) && first != "told") {
      // `”, said Lena Markovic, a Russia analyst` / `”, said a senior official`.
      for (size_t k = w + 1; k < window.size() && k < w + 8; ++k) {
        const size_t t = window[k];
        if (person_at_[t] >= 0) {
          *decided = true;
          return PersonOfMention(person_at_[t]);
        }
        const std::string l = Lower(t);
        if (l == "he" || l == "she") {
          *decided = true;
          return Pronoun(l, quote.open);
        }
        if (a_.tokens[t].Is(entities::kPunct)) break;
      }
      *decided = true;
      return -1;
    }
    // `”, X said` with X a name, a pronoun or an unnamed source.
    for (size_t k = w; k < window.size() && k < w + 12; ++k) {
      const size_t t = window[k];
      const std::string l = IsWord(t) ? Lower(t) : "";
      if (l == "according" && k + 1 < window.size() && Lower(window[k + 1]) == "to") {
        for (size_t j = k + 2; j < window.size(); ++j) {
          if (person_at_[window[j]] >= 0) {
            *decided = true;
            return PersonOfMention(person_at_[window[j]]);
          }
        }
        *decided = true;
        return -1;
      }
      if (!IsFiniteSpeechVerb(l)) continue;
      if (k == w) break;
      // The subject: window[w, k).
      const std::string head = Lower(window[w]);
      if (head == "and" || head == "but" || head == "that" || head == "which" || head == "as" ||
          head == "while" || head == "so" || head == "if") {
        return -1;
      }
      int person = -1;
      bool capital_subject = false;
      for (size_t j = w; j < k; ++j) {
        if (person_at_[window[j]] >= 0) person = PersonOfMention(person_at_[window[j]]);
        if (a_.tokens[window[j]].Is(entities::kCapitalized)) capital_subject = true;
      }
      *decided = true;
      if (person >= 0) return person;
      // The subject is what follows the last comma: `” grain price, he said`.
      size_t subject = w;
      for (size_t j = w; j < k; ++j) {
        if (IsPunct(window[j], ",")) subject = j + 1;
      }
      const std::string pronoun = subject + 1 == k ? Lower(window[subject]) : "";
      if (pronoun == "he" || pronoun == "she") return Pronoun(pronoun, quote.open);
      if (l == "reported" && capital_subject) return -1;  // weak: a news agency reported
      return -1;
    }
    return -1;
  }

  // Before the opening mark, in the same sentence: `X said: “`, `X told reporters … “`,
  // `X wrote on X that “`, `According to X, “`.
  int Before(size_t open_tok, const QuoteExtractor::Span& quote, bool* decided) {
    std::vector<size_t> window;
    for (size_t t = open_tok; t-- > 0;) {
      if (in_quote_[t] >= 0) continue;
      if (SentenceEnd(t)) break;
      window.push_back(t);
      if (a_.tokens[t].Is(entities::kParagraphStart)) break;
    }
    std::reverse(window.begin(), window.end());
    // `…, he said, “` / `Improvements, he said, will present “`: a pronoun opening a clause
    // (after a comma, or the sentence) and a speech verb, whatever opened the sentence
    // ("Testifying before the subcommittee, he said").
    for (size_t k = 0; k + 1 < window.size(); ++k) {
      const std::string l = IsWord(window[k]) ? Lower(window[k]) : "";
      if (l != "he" && l != "she") continue;
      if (k > 0 && !IsPunct(window[k - 1], ",")) continue;
      if (!IsWord(window[k + 1]) || !IsFiniteSpeechVerb(Lower(window[k + 1]))) continue;
      // The person named before this sentence ("Asked about Paul Volcker, he said" is not
      // Volcker).
      const int p = Pronoun(l, a_.tokens[window.front()].begin);
      if (p >= 0) return p;
    }
    bool speech = false;
    int subject = -1;
    for (size_t k = 0; k < window.size(); ++k) {
      const size_t t = window[k];
      if (!IsWord(t)) continue;
      const std::string l = Lower(t);
      if (l == "according" && k + 1 < window.size() && Lower(window[k + 1]) == "to") {
        for (size_t j = k + 2; j < window.size(); ++j) {
          if (person_at_[window[j]] >= 0) return PersonOfMention(person_at_[window[j]]);
          if (IsPunct(window[j], ",")) break;
        }
        *decided = true;
        continue;
      }
      if (subject < 0 && !speech && person_at_[t] >= 0) subject = person_at_[t];
      if (subject < 0 && !speech && (l == "he" || l == "she") && k == 0) {
        const int p = Pronoun(l, quote.open);
        if (p >= 0) {
          // Find the speech verb below, then return.
          for (size_t j = k + 1; j < window.size(); ++j) {
            if (IsWord(window[j]) && entities::IsSpeechVerb(Lower(window[j]))) return p;
          }
        }
      }
      if (entities::IsSpeechVerb(l)) speech = true;
    }
    if (speech && subject >= 0) return PersonOfMention(subject);
    if (speech) *decided = true;
    return -1;
  }

  absl::string_view body_;
  const Analysis& a_;
  const std::vector<QuoteExtractor::Span>& quotes_;
  std::vector<int> in_quote_;   // quote index per token
  std::vector<int> person_at_;  // person mention index per token
};

}  // namespace

absl::string_view LocationKindName(LocationKind kind) {
  switch (kind) {
    case LocationKind::kCountry:
      return "country";
    case LocationKind::kRegion:
      return "region";
    case LocationKind::kCity:
      return "city";
    case LocationKind::kArea:
      return "area";
    case LocationKind::kPlace:
      break;
  }
  return "place";
}

ArticleEntities ExtractEntities(const Article& article, const EntityResources& resources,
                                const CorpusStatistics* corpus) {
  const EntityResources::Data& data = resources.data();
  const CorpusStatistics::Data* corpus_data = corpus != nullptr ? &corpus->data() : nullptr;
  ArticleEntities out;
  const Analysis body = entities::Analyze(article.body, data, corpus_data);
  entities::AnalyzeOptions title_options;
  title_options.known_only = true;
  title_options.known = &body;
  title_options.dateline = false;
  const Analysis title = entities::Analyze(article.title, data, corpus_data, title_options);

  // People: those of the body (the title only names people of the body).
  absl::flat_hash_map<std::string, size_t> person_by_key;
  auto person_slot = [&](const entities::PersonEntity& p) {
    auto [it, inserted] = person_by_key.try_emplace(p.key, out.people.size());
    if (inserted) out.people.push_back(Person{p.name, p.key, {}});
    return it->second;
  };
  absl::flat_hash_map<std::string, size_t> place_by_key;
  auto add_place_mention = [&](const entities::PlaceEntity& p, TextSpan span, bool caps) {
    auto [it, inserted] = place_by_key.try_emplace(p.key, out.locations.size());
    if (inserted) out.locations.push_back(MakeLocation(p.name, p.place));
    Location& location = out.locations[it->second];
    // Prefer a mixed-case spelling as "the name as written" (KYIV: dateline → Kyiv).
    if (!caps) {
      bool lower = false;
      for (const char c : location.name) lower |= absl::ascii_islower(c);
      if (!lower && span.field == TextSpan::Field::kBody) {
        bool span_lower = false;
        const std::string& text = article.body;
        for (size_t i = span.begin; i < span.end; ++i) span_lower |= absl::ascii_islower(text[i]);
        if (span_lower)
          location.name = CollapseSpaces(text.substr(span.begin, span.end - span.begin));
      }
    }
    location.mentions.push_back(span);
  };
  for (const auto* analysis : {&title, &body}) {
    const bool is_title = analysis == &title;
    for (const entities::TypedMention& m : analysis->mentions) {
      const TextSpan span{is_title ? TextSpan::Field::kTitle : TextSpan::Field::kBody, m.begin,
                          m.end};
      if (m.type == EntityType::kPerson) {
        const entities::PersonEntity& p = analysis->people[static_cast<size_t>(m.entity)];
        out.people[person_slot(p)].mentions.push_back(span);
      } else if (m.type == EntityType::kLocation) {
        add_place_mention(analysis->places[static_cast<size_t>(m.entity)], span, m.in_caps);
      }
    }
  }

  // The dateline: the Article's dateline field, else the start of the body.
  const std::string field_place = entities::DatelinePlace(article.dateline);
  if (!field_place.empty()) {
    out.dateline = MakeLocation(field_place, data.FindPlace(field_place));
  } else if (body.dateline_last > body.dateline_first) {
    const uint32_t b = body.tokens[body.dateline_first].begin;
    const uint32_t e = body.tokens[body.dateline_last - 1].end;
    const std::string written = article.body.substr(b, e - b);
    out.dateline = MakeLocation(written, data.FindPlace(written));
    out.dateline.mentions.push_back(TextSpan{TextSpan::Field::kBody, b, e});
  }
  if (!out.dateline.name.empty()) {
    auto it = place_by_key.find(out.dateline.key);
    if (it == place_by_key.end()) {
      place_by_key[out.dateline.key] = out.locations.size();
      out.locations.push_back(out.dateline);
    } else {
      out.dateline.aliases = out.locations[it->second].aliases;
    }
  }

  // Quotes and speakers.
  const std::vector<QuoteExtractor::Span> spans = QuoteExtractor::Find(article.body);
  Attributor attributor(article.body, body, spans);
  std::vector<int> speakers;
  for (size_t q = 0; q < spans.size(); ++q) {
    const int speaker = attributor.Speaker(q, speakers);
    speakers.push_back(speaker);
    Quote quote;
    quote.text = spans[q].text;
    quote.span = TextSpan{TextSpan::Field::kBody, spans[q].begin, spans[q].end};
    if (speaker >= 0) {
      const entities::PersonEntity& p = body.people[static_cast<size_t>(speaker)];
      quote.speaker = p.name;
      quote.speaker_key = p.key;
    }
    out.quotes.push_back(std::move(quote));
  }
  for (Person& p : out.people) p.name = CollapseSpaces(p.name);
  return out;
}

CorpusStatistics::CorpusStatistics(std::unique_ptr<Data> data) : data_(std::move(data)) {}
CorpusStatistics::~CorpusStatistics() = default;

std::shared_ptr<const CorpusStatistics> CorpusStatistics::Build(
    const std::vector<std::string>& texts, const EntityResources& resources) {
  auto data = std::make_unique<Data>();
  for (const std::string& text : texts) {
    entities::CollectCorpusStatistics(text, resources.data(), *data);
  }
  return std::shared_ptr<const CorpusStatistics>(new CorpusStatistics(std::move(data)));
}

bool CorpusBlock::Add(Article article) {
  bytes_ += article.body.size();
  articles_.push_back(std::move(article));
  return articles_.size() >= kMaxArticles || bytes_ >= kMaxBytes;
}

CorpusBlock::Taken CorpusBlock::Take(const EntityResources* resources) {
  Taken taken;
  if (resources != nullptr) {
    auto data = std::make_unique<CorpusStatistics::Data>();
    for (const Article& article : articles_) {
      entities::CollectCorpusStatistics(article.body, resources->data(), *data);
    }
    taken.statistics =
        std::shared_ptr<const CorpusStatistics>(new CorpusStatistics(std::move(data)));
  }
  taken.articles = std::move(articles_);
  articles_.clear();
  bytes_ = 0;
  return taken;
}

std::vector<EntityMention> PersonRecognizer::Find(absl::string_view text) const {
  const Analysis a =
      entities::Analyze(text, resources_.data(), corpus_ != nullptr ? &corpus_->data() : nullptr);
  std::vector<EntityMention> out;
  for (const entities::TypedMention& m : a.mentions) {
    if (m.type != EntityType::kPerson) continue;
    out.push_back(EntityMention{m.begin, m.end, std::string(text.substr(m.begin, m.end - m.begin)),
                                a.people[static_cast<size_t>(m.entity)].key});
  }
  return out;
}

std::vector<EntityMention> LocationRecognizer::Find(absl::string_view text) const {
  const Analysis a =
      entities::Analyze(text, resources_.data(), corpus_ != nullptr ? &corpus_->data() : nullptr);
  std::vector<EntityMention> out;
  for (const entities::TypedMention& m : a.mentions) {
    if (m.type != EntityType::kLocation) continue;
    out.push_back(EntityMention{m.begin, m.end, std::string(text.substr(m.begin, m.end - m.begin)),
                                a.places[static_cast<size_t>(m.entity)].key});
  }
  return out;
}

}  // namespace newsgrep
