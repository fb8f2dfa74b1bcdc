// SPDX-License-Identifier: GPL-2.0-or-later
/// @file highlight.cc
/// @brief Word-exact highlights and snippet windows.
#include "internal/highlight.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "newsgrep/analysis.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

// analysis::CouldStemTo(TermOf(text, word), stem), without making the term of a plain word.
bool CouldStemTo(absl::string_view text, const TextWord& word, absl::string_view stem) {
  if (!word.term.empty()) return analysis::CouldStemTo(word.term, stem);
  // A plain word: its term is its bytes in lower case, as long as the word. Its first
  // stem.size() bytes decide.
  const size_t size = word.end - word.begin;
  if (stem.empty() || size < stem.size() ||
      absl::ascii_tolower(static_cast<unsigned char>(text[word.begin])) != stem[0]) {
    return false;
  }
  char lower[kMaxWordBytes];  // a plain word is at most as long
  for (size_t i = 0; i < stem.size(); ++i) {
    lower[i] = absl::ascii_tolower(static_cast<unsigned char>(text[word.begin + i]));
  }
  return analysis::CouldStemTo(absl::string_view(lower, stem.size()), stem);
}

// Term positions of one text, as the indexer would have given them with no prefix, found
// on demand: only the words that can have the stem a query term asks for
// (analysis::CouldStemTo: they begin with all but its last two bytes) are stemmed.
class TextPositions : public PositionSource {
 public:
  TextPositions(absl::string_view text, const std::vector<TextWord>& words,
                const Xapian::Stem& stemmer)
      : text_(text), words_(words), stemmer_(stemmer) {}

  std::vector<Xapian::termpos> Positions(const std::string& term) override {
    const std::string text_term = TextTermFor(term);
    if (text_term.empty()) return {};
    auto memo = memo_.find(text_term);
    if (memo != memo_.end()) return memo->second;
    std::vector<Xapian::termpos> positions;
    const absl::string_view stem = absl::string_view(text_term).substr(1);
    const TextWord* const words = words_.data();  // (read once, not after each stemming)
    const size_t n = words_.size();
    for (size_t i = 0; i < n; ++i) {
      if (!CouldStemTo(text_, words[i], stem)) continue;
      if (StemOf(i) == stem) positions.push_back(static_cast<Xapian::termpos>(i + 1));
    }
    memo_.emplace(text_term, positions);
    return positions;
  }

 private:
  // The stem of word `i`: the term the indexer made of it, without its "Z".
  const std::string& StemOf(size_t i) {
    auto [it, added] = stems_.try_emplace(i);
    if (added) it->second = stemmer_(TermOf(text_, words_[i]));
    return it->second;
  }

  absl::string_view text_;
  const std::vector<TextWord>& words_;
  const Xapian::Stem& stemmer_;
  // By word index, of the few words stemmed (a vector for every word cost more).
  absl::flat_hash_map<size_t, std::string> stems_;
  std::map<std::string, std::vector<Xapian::termpos>> memo_;  // text term → positions
};

size_t Bytes(const std::vector<TextWord>& words, size_t from, size_t to) {
  return words[to].end - words[from].begin;
}

// Whether word `k` starts a sentence: the first word, or one after . ! ? and a space, or
// after a line break.
bool SentenceStart(absl::string_view text, const std::vector<TextWord>& words, size_t k) {
  if (k == 0) return true;
  bool after_stop = false;  // (gaps are short: one pass, no library calls)
  for (size_t i = words[k - 1].end; i < words[k].begin; ++i) {
    const char c = text[i];
    if (c == '\n') return true;
    if (after_stop && (c == ' ' || c == '\t' || c == '\r')) return true;
    if (c == '.' || c == '!' || c == '?') after_stop = true;
  }
  return false;
}

bool IsSpace(char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); }

// Appends `text` with each run of white space as one space (none at the very start).
void AppendCollapsed(absl::string_view text, std::string& out, bool& pending_space) {
  for (const char c : text) {
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
}

}  // namespace

std::string TextTermFor(absl::string_view term) {
  // Every word is indexed as "Z" + field prefix + stem; other terms are not words.
  if (term.size() < 2 || term[0] != 'Z') return "";
  const std::optional<analysis::WordTerm> parts = analysis::SplitWordTerm(term);
  if (!parts) return "";
  if (parts->field == nullptr) return std::string(term);  // Zstem: the full text itself
  if (!parts->field->in_text) return "";
  return absl::StrCat("Z", parts->stem);
}

HighlightPlan::HighlightPlan(const Xapian::Query& query,
                             std::vector<std::shared_ptr<const ProximityExpr>> proximity,
                             const std::vector<Xapian::Query>& proximity_queries)
    : table_(std::move(proximity)) {
  for (const Xapian::Query& q : proximity_queries) descriptions_.push_back(q.get_description());
  Collect(query);
}

void HighlightPlan::Collect(const Xapian::Query& query) {
  const Xapian::Query::op type = query.get_type();
  if (!descriptions_.empty() &&
      (type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_NEAR ||
       type == Xapian::Query::OP_PHRASE)) {
    // A NEAR/ADJ chain: what it matched, not every occurrence of its sides. (A tight
    // phrase the user typed can look the same as `a ADJ/0 b`, which matches the same.)
    const std::string description = query.get_description();
    for (size_t i = 0; i < descriptions_.size() && i < table_.size(); ++i) {
      if (descriptions_[i] == description) {
        chains_.push_back(table_[i]);
        return;
      }
    }
  }
  switch (type) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::OP_PHRASE:
      if (absl::StatusOr<SpanPattern> span = ToSpanPattern(query); span.ok()) {
        spans_.push_back(*std::move(span));
      }
      return;
    case Xapian::Query::OP_AND_NOT:
      if (query.get_num_subqueries() > 0) Collect(query.get_subquery(0));
      return;
    case Xapian::Query::OP_NEAR:  // not made by our parser setup: its window is unknown
    case Xapian::Query::LEAF_POSTING_SOURCE:
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
      return;
    default:
      break;
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) Collect(query.get_subquery(i));
}

std::vector<char> HighlightPlan::Matched(absl::string_view text, const std::vector<TextWord>& words,
                                         const Xapian::Stem& stemmer) const {
  std::vector<char> matched(words.size(), 0);
  if (words.empty() || (spans_.empty() && chains_.empty())) return matched;
  TextPositions positions(text, words, stemmer);
  auto mark = [&](const std::vector<SpanMatch>& spans) {
    for (const SpanMatch& span : spans) {
      for (Xapian::termpos p : span.words) {
        if (p >= 1 && p <= words.size()) matched[p - 1] = 1;
      }
    }
  };
  for (const SpanPattern& span : spans_) mark(FindSpans(span, positions));
  for (const auto& chain : chains_) mark(FindProximity(*chain, positions));
  return matched;
}

Snippet MakeSnippet(absl::string_view text, const std::vector<TextWord>& words,
                    const std::vector<char>& matched, size_t length, absl::string_view omit) {
  Snippet snippet;
  if (words.empty()) {
    bool pending = false;
    AppendCollapsed(text.substr(0, std::min(text.size(), length)), snippet.text, pending);
    return snippet;
  }
  const size_t n = words.size();
  // The window of words within `length` bytes with the most distinct matched words, then
  // the most matched words; the earliest among equals. Only windows that start at a matched
  // word are scored: a window starting before its first matched word holds no matched word
  // that the window starting there lacks, so it never scores higher, and when it scores the
  // same it holds the same matched words, which are all the rest of this function uses.
  // So only the matched words are visited, each with the index of its distinct term.
  std::vector<size_t> matched_at;  // word indexes
  std::vector<size_t> term_at;     // for each of matched_at, the index of its distinct term
  absl::flat_hash_map<std::string, size_t> terms;  // distinct term → index
  for (size_t k = 0; k < n; ++k) {
    if (!matched[k]) continue;
    matched_at.push_back(k);
    term_at.push_back(terms.try_emplace(TermOf(text, words[k]), terms.size()).first->second);
  }
  size_t first_match = 0, last_match = 0;  // word indexes of the best window's matched words
  long best_score = -1;
  std::vector<int> in_window(terms.size(), 0);  // by term index
  size_t distinct = 0;                          // terms with in_window > 0
  size_t total = 0;
  size_t to = 0;  // exclusive end of the current window, in matched_at
  for (size_t at = 0; at < matched_at.size(); ++at) {
    const size_t from = matched_at[at];
    if (to <= at) {
      to = at;
      std::fill(in_window.begin(), in_window.end(), 0);
      distinct = 0;
      total = 0;
    }
    while (to < matched_at.size() && (to == at || Bytes(words, from, matched_at[to]) <= length)) {
      if (in_window[term_at[to]]++ == 0) ++distinct;
      ++total;
      ++to;
    }
    const long score = static_cast<long>(distinct) * 1000 + static_cast<long>(total);
    if (score > best_score) {
      best_score = score;
      first_match = from;
      last_match = matched_at[to - 1];
    }
    if (--in_window[term_at[at]] == 0) --distinct;
    --total;
  }
  // The matched words of that window, then as much context as fits: back to the start of
  // their sentence when possible, then forward, then back to earlier sentence starts.
  size_t start = first_match;
  while (start > 0 && !SentenceStart(text, words, start)) --start;
  if (Bytes(words, start, last_match) > length) {
    start = first_match;
    while (start > 0 && words[first_match].begin - words[start - 1].begin <= length / 4 &&
           Bytes(words, start - 1, last_match) <= length) {
      --start;
    }
  }
  size_t end = last_match;
  while (end + 1 < n && Bytes(words, start, end + 1) <= length) ++end;
  for (size_t k = start; k-- > 0 && Bytes(words, k, end) <= length;) {
    if (SentenceStart(text, words, k)) start = k;
  }

  // Text from the punctuation that opens the first word (“, () to what closes the last one
  // (., ”), white space collapsed.
  size_t begin_byte = words[start].begin;
  const size_t floor = start > 0 ? words[start - 1].end : 0;
  while (begin_byte > floor && !IsSpace(text[begin_byte - 1])) --begin_byte;
  size_t end_byte = words[end].end;
  const size_t ceiling = end + 1 < n ? words[end + 1].begin : text.size();
  while (end_byte < ceiling && !IsSpace(text[end_byte])) ++end_byte;
  const absl::string_view closing = text.substr(words[end].end, end_byte - words[end].end);

  std::string& out = snippet.text;
  out.reserve(end_byte - begin_byte + 2 * omit.size());
  bool pending_space = false;
  if (start > 0 && !SentenceStart(text, words, start)) absl::StrAppend(&out, omit);
  size_t at = begin_byte;
  for (size_t k = start; k <= end; ++k) {
    AppendCollapsed(text.substr(at, words[k].begin - at), out, pending_space);
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    const size_t highlight_begin = out.size();
    out.append(text.data() + words[k].begin, words[k].end - words[k].begin);
    if (matched[k]) snippet.highlights.emplace_back(highlight_begin, out.size());
    at = words[k].end;
  }
  AppendCollapsed(text.substr(at, end_byte - at), out, pending_space);
  if (end + 1 < n && closing.find_first_of(".!?") == absl::string_view::npos)
    absl::StrAppend(&out, omit);
  return snippet;
}

std::vector<std::pair<size_t, size_t>> MatchedRanges(const std::vector<TextWord>& words,
                                                     const std::vector<char>& matched) {
  std::vector<std::pair<size_t, size_t>> ranges;
  for (size_t k = 0; k < words.size() && k < matched.size(); ++k) {
    if (matched[k]) ranges.emplace_back(words[k].begin, words[k].end);
  }
  return ranges;
}

}  // namespace newsgrep::internal
