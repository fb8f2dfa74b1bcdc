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

QuoteFilter::QuoteFilter(const Xapian::Query& query) {
  const std::string said_start = absl::StrCat("Z", schema::kSaidPrefix);
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (absl::StartsWith(term, said_start)) {
      said_.insert(term);
      continue;
    }
    const std::optional<analysis::WordTerm> parts = analysis::SplitWordTerm(term);
    if (!parts || parts->stem.empty()) continue;
    if (parts->field != nullptr && parts->field != &QuoteField()) continue;
    // A phrase's stopwords ("the") would make every quote match.
    if (analysis::IsQueryStopword(std::string(parts->stem))) continue;
    words_.insert(std::string(parts->stem));
  }
}

bool QuoteFilter::Matches(const StoredQuote& quote, const Xapian::Stem& stemmer) const {
  if (!said_.empty()) {
    if (quote.speaker_key.empty()) return false;
    bool named = false;
    for (const std::string& word : FoldNameWords(quote.speaker_key)) {
      named |= said_.contains(analysis::StemmedTerm(stemmer, schema::kSaidPrefix, word));
    }
    if (!named) return false;
  }
  if (words_.empty()) return true;
  for (const TextWord& word : SplitWords(quote.text)) {
    if (words_.contains(stemmer(TermOf(quote.text, word)))) return true;
  }
  return false;
}

void QuoteCollector::Add(const StoredArticle& article, const StoredQuote& quote) {
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
  auto [it, inserted] = index_.try_emplace(CollapseKey(quote), quotes_.size());
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
