// SPDX-License-Identifier: GPL-2.0-or-later
/// @file quote_matches.cc
/// @brief Matching quotes and collapsing their copies.
#include "internal/quote_matches.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "internal/text_words.h"
#include "newsgrep/analysis.h"
#include "newsgrep/name_folding.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

const schema::Field& QuoteField() { return *schema::FindField("quote"); }

// The collapse key of a quote: its speaker key and its words, lower case, one space apart.
std::string CollapseKey(const StoredQuote& quote) {
  std::string key = quote.speaker_key;
  key += '\x1f';
  for (const TextWord& word : SplitWords(quote.text)) {
    absl::StrAppend(&key, TermOf(quote.text, word), " ");
  }
  return key;
}

}  // namespace

QuoteFilter::QuoteFilter(const Xapian::Query& query) { Collect(query); }

void QuoteFilter::Collect(const Xapian::Query& query) {
  const std::string said_start = absl::StrCat("Z", schema::kSaidPrefix);
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      AddTerm(*query.get_terms_begin());
      return;
    case Xapian::Query::OP_AND_NOT:
      // What follows NOT is what the quotes' articles must not have, not what they say.
      if (query.get_num_subqueries() > 0) Collect(query.get_subquery(0));
      return;
    case Xapian::Query::OP_PHRASE: {
      // A name of several words: said:"volodymyr zelensky" is one name, not two.
      std::vector<std::string> name;
      for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
        if (absl::StartsWith(*it, said_start)) name.push_back(*it);
      }
      if (!name.empty()) {
        said_.push_back(std::move(name));
        return;
      }
      break;
    }
    default:
      break;
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) Collect(query.get_subquery(i));
}

void QuoteFilter::AddTerm(const std::string& term) {
  const std::string said_start = absl::StrCat("Z", schema::kSaidPrefix);
  const std::string case_start = schema::CaseTerm("");
  if (absl::StartsWith(term, said_start)) {
    said_.push_back({term});
  } else if (absl::StartsWith(term, case_start)) {
    acronyms_.insert(term.substr(case_start.size()));
  } else if (const std::optional<analysis::WordTerm> parts = analysis::SplitWordTerm(term);
             parts && !parts->stem.empty() &&
             (parts->field == nullptr || parts->field == &QuoteField()) &&
             // A phrase's stopwords ("the") would make every quote match.
             !analysis::IsQueryStopword(std::string(parts->stem))) {
    words_.insert(std::string(parts->stem));
  }
}

bool QuoteFilter::Matches(const StoredQuote& quote, const Xapian::Stem& stemmer) const {
  if (!said_.empty()) {
    if (quote.speaker_key.empty()) return false;
    absl::flat_hash_set<std::string> speaker;
    for (const std::string& word : FoldNameWords(quote.speaker_key)) {
      speaker.insert(analysis::StemmedTerm(stemmer, schema::kSaidPrefix, word));
    }
    const bool named = std::any_of(said_.begin(), said_.end(), [&](const auto& name) {
      return std::all_of(name.begin(), name.end(),
                         [&](const std::string& term) { return speaker.contains(term); });
    });
    if (!named) return false;
  }
  if (words_.empty() && acronyms_.empty()) return true;
  for (const TextWord& word : SplitWords(quote.text)) {
    if (words_.contains(stemmer(TermOf(quote.text, word)))) return true;
  }
  bool acronym = false;
  analysis::ForEachAcronym(quote.text,
                           [&](absl::string_view a) { acronym |= acronyms_.contains(a); });
  return acronym;
}

void QuoteCollector::Add(const StoredArticle& article, const StoredQuote& quote) {
  // A quote an article repeats (a pull quote) is one quote of that article.
  const std::string key = CollapseKey(quote);
  if (!seen_.insert(absl::StrCat(key, "\x1e", article.id)).second) return;
  QuoteHit hit{.text = quote.text,
               .speaker = quote.speaker,
               .speaker_key = quote.speaker_key,
               .article_id = article.id,
               .title = article.title,
               .date = article.date,
               .source = article.source};
  if (!collapse_) {
    quotes_.push_back(std::move(hit));
    return;
  }
  auto [it, inserted] = index_.try_emplace(key, quotes_.size());
  if (inserted) {
    quotes_.push_back(std::move(hit));
    return;
  }
  QuoteHit& kept = quotes_[it->second];
  ++kept.versions;
  // The earliest dated version speaks for the quote (the original, not a republication).
  if (!hit.date.empty() && (kept.date.empty() || hit.date < kept.date)) {
    hit.versions = kept.versions;
    kept = std::move(hit);
  }
}

std::vector<QuoteHit> QuoteCollector::Take() && {
  absl::flat_hash_map<std::string, size_t> per_speaker;
  for (const QuoteHit& q : quotes_) ++per_speaker[q.speaker_key];
  std::stable_sort(quotes_.begin(), quotes_.end(), [&](const QuoteHit& a, const QuoteHit& b) {
    if (a.speaker_key != b.speaker_key) {
      if (a.speaker_key.empty() != b.speaker_key.empty()) return b.speaker_key.empty();
      const size_t na = per_speaker[a.speaker_key], nb = per_speaker[b.speaker_key];
      if (na != nb) return na > nb;
      return a.speaker_key < b.speaker_key;
    }
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date < b.date;
  });
  return std::move(quotes_);
}

}  // namespace newsgrep::internal
