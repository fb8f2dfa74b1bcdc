// SPDX-License-Identifier: GPL-2.0-or-later
/// @file proximity.cc
/// @brief Exact NEAR/ADJ between phrases, field terms and words: query rewrite, span
/// matching and the PostingSource that checks candidates.
#include "internal/proximity.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "internal/query_text.h"
#include "internal/query_tree.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

constexpr absl::string_view kDescriptionPrefix = "newsgrep.proximity#";
constexpr unsigned kDefaultWindow = 10;
constexpr unsigned kMaxWindow = 1000;
// Bound on the occurrences kept per chain step, so that a chain of very frequent words in
// a long document cannot take quadratic time and memory.
constexpr size_t kMaxMatches = 20000;
// A chain of more terms than this (expanded wildcards) reads each candidate's term list
// before its positions (DocumentPositions): `pr* NEAR/5 ex*` (1,100 terms) on
// Reuters-21578 took 56 s looking up every term's positions in every candidate.
constexpr size_t kListTermsFirstAbove = 32;

size_t CountTerms(const SpanPattern& pattern) {
  size_t count = pattern.type == Xapian::Query::LEAF_TERM ? 1 : 0;
  for (const SpanPattern& part : pattern.parts) count += CountTerms(part);
  return count;
}

bool SpanLess(const SpanMatch& a, const SpanMatch& b) {
  return a.first != b.first ? a.first < b.first : a.last < b.last;
}

// Sorts, and merges occurrences with the same extent (their matched words are united).
void Normalize(std::vector<SpanMatch>& spans) {
  std::sort(spans.begin(), spans.end(), SpanLess);
  size_t out = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (out > 0 && spans[out - 1].first == spans[i].first && spans[out - 1].last == spans[i].last) {
      std::vector<Xapian::termpos>& words = spans[out - 1].words;
      words.insert(words.end(), spans[i].words.begin(), spans[i].words.end());
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      continue;
    }
    if (out != i) spans[out] = std::move(spans[i]);
    ++out;
  }
  spans.resize(out);
  if (spans.size() > kMaxMatches) spans.resize(kMaxMatches);
}

SpanMatch Joined(const SpanMatch& a, const SpanMatch& b) {
  SpanMatch joined{std::min(a.first, b.first), std::max(a.last, b.last), a.words};
  joined.words.insert(joined.words.end(), b.words.begin(), b.words.end());
  std::sort(joined.words.begin(), joined.words.end());
  return joined;
}

// The occurrences of `left` and `right` that `link` joins. `first_only`: stop at one.
std::vector<SpanMatch> Join(const std::vector<SpanMatch>& left, const std::vector<SpanMatch>& right,
                            const ProximityLink& link, bool first_only) {
  std::vector<SpanMatch> joined;
  if (left.empty() || right.empty()) return joined;
  Xapian::termpos longest_right = 0;
  for (const SpanMatch& r : right) longest_right = std::max(longest_right, r.last - r.first + 1);
  const Xapian::termpos window = link.window;
  for (const SpanMatch& l : left) {
    // `right` after `l`: r.first in [l.last + 1, l.last + 1 + window].
    auto it = std::lower_bound(right.begin(), right.end(), l.last + 1,
                               [](const SpanMatch& r, Xapian::termpos p) { return r.first < p; });
    for (; it != right.end() && it->first <= l.last + 1 + window; ++it) {
      joined.push_back(Joined(l, *it));
      if (first_only) return joined;
    }
    if (link.kind != ProximityKind::kNear) continue;
    // `right` before `l`: r.last in [l.first - 1 - window, l.first - 1], so r.first is at
    // least l.first - window - longest_right.
    const Xapian::termpos from =
        l.first > window + longest_right ? l.first - window - longest_right : 0;
    it = std::lower_bound(right.begin(), right.end(), from,
                          [](const SpanMatch& r, Xapian::termpos p) { return r.first < p; });
    for (; it != right.end() && it->first < l.first; ++it) {
      if (it->last < l.first && l.first - it->last - 1 <= window) {
        joined.push_back(Joined(*it, l));
        if (first_only) return joined;
      }
    }
  }
  Normalize(joined);
  return joined;
}

// Phrase: each part starts right after the previous one ends.
std::vector<SpanMatch> PhraseSpans(const SpanPattern& pattern, PositionSource& source) {
  std::vector<SpanMatch> current;
  for (size_t i = 0; i < pattern.parts.size(); ++i) {
    std::vector<SpanMatch> part = FindSpans(pattern.parts[i], source);
    if (i == 0) {
      current = std::move(part);
    } else {
      std::vector<SpanMatch> next;
      for (const SpanMatch& c : current) {
        auto it =
            std::lower_bound(part.begin(), part.end(), c.last + 1,
                             [](const SpanMatch& r, Xapian::termpos p) { return r.first < p; });
        for (; it != part.end() && it->first == c.last + 1; ++it) next.push_back(Joined(c, *it));
      }
      Normalize(next);
      current = std::move(next);
    }
    if (current.empty()) break;
  }
  return current;
}

// NEAR, NEAR/5, ADJ, ADJ/3. Returns false when `word` is not an operator; sets `error`
// when it is one with a bad window.
bool ParseOperator(absl::string_view word, ProximityLink* link, std::string* error) {
  absl::string_view rest;
  if (absl::StartsWith(word, "NEAR")) {
    link->kind = ProximityKind::kNear;
    rest = word.substr(4);
  } else if (absl::StartsWith(word, "ADJ")) {
    link->kind = ProximityKind::kAdjacent;
    rest = word.substr(3);
  } else {
    return false;
  }
  if (rest.empty()) {
    link->window = kDefaultWindow;
    return true;
  }
  if (rest[0] != '/') return false;  // NEARBY, ADJUST: ordinary words
  const absl::string_view digits = rest.substr(1);
  unsigned window = 0;
  const bool all_digits = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
  if (!all_digits || !absl::SimpleAtoi(digits, &window)) {
    *error =
        absl::StrCat("expected a number of words after ", word.substr(0, word.size() - rest.size()),
                     "/ (as in ", word.substr(0, word.size() - rest.size()), "/5)");
    return true;
  }
  if (window > kMaxWindow) {
    *error = absl::StrCat("proximity window ", window, " is too large (at most ", kMaxWindow, ")");
    return true;
  }
  link->window = window;
  return true;
}

// True when a NEAR/ADJ operator occurs anywhere in [begin, end), at any depth.
bool ContainsOperator(absl::string_view text, size_t begin, size_t end) {
  for (const QueryOperand& token : QueryOperands(text, begin, end)) {
    const absl::string_view word = text.substr(token.begin, token.end - token.begin);
    ProximityLink link;
    std::string error;
    if (ParseOperator(word, &link, &error)) return true;
    if (word.size() >= 2 && word.front() == '(' && word.back() == ')' &&
        ContainsOperator(text, token.begin + 1, token.end - 1)) {
      return true;
    }
    const size_t paren = word.find('(');
    if (paren != absl::string_view::npos && paren > 0 && word.back() == ')' &&
        ContainsOperator(text, token.begin + paren + 1, token.end - 1)) {
      return true;
    }
  }
  return false;
}

class Rewriter {
 public:
  Rewriter(absl::string_view query, const SideParser& parse_side,
           std::vector<std::shared_ptr<const ProximityExpr>>* exprs)
      : query_(query), parse_side_(parse_side), exprs_(exprs) {}

  // Appends the rewrite of [begin, end) to `out`.
  absl::Status Rewrite(size_t begin, size_t end, std::string& out) {
    const std::vector<QueryOperand> tokens = QueryOperands(query_, begin, end);
    std::vector<bool> is_op(tokens.size());
    std::vector<ProximityLink> links(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      std::string error;
      is_op[i] = ParseOperator(Text(tokens[i]), &links[i], &error);
      if (!error.empty()) return QueryErrorAt(query_, tokens[i].begin, error);
    }
    size_t copied = begin;  // text before this offset is already in `out`
    for (size_t i = 0; i < tokens.size(); ++i) {
      const bool chain_starts = i + 1 < tokens.size() && is_op[i + 1];
      if (is_op[i]) {  // an operator with no operand before it
        return QueryErrorAt(query_, tokens[i].begin,
                            absl::StrCat(Text(tokens[i]), " needs a word or a phrase on its left"));
      }
      if (!chain_starts) {
        NEWSGREP_RETURN_IF_ERROR(CopyToken(tokens[i], copied, out));
        continue;
      }
      // tokens[i] OP tokens[i+2] OP tokens[i+4] …
      auto expr = std::make_shared<ProximityExpr>();
      std::string sign;
      size_t j = i;
      while (true) {
        QueryOperand side = tokens[j];
        if (j == i && (query_[side.begin] == '+' || query_[side.begin] == '-')) {
          sign = std::string(1, query_[side.begin]);  // +/- applies to the whole chain
          ++side.begin;
        }
        SpanPattern pattern;
        absl::StatusOr<Xapian::Query> parsed =
            ParseSide(side, j == i ? links[j + 1] : links[j - 1], j == i, &pattern);
        if (!parsed.ok()) return parsed.status();
        expr->patterns.push_back(std::move(pattern));
        expr->sides.push_back(*std::move(parsed));
        if (j + 1 >= tokens.size() || !is_op[j + 1]) break;
        if (j + 2 >= tokens.size() || is_op[j + 2]) {
          return QueryErrorAt(
              query_, tokens[j + 1].begin,
              absl::StrCat(Text(tokens[j + 1]), " needs a word or a phrase on its right"));
        }
        expr->links.push_back(links[j + 1]);
        j += 2;
      }
      out.append(query_.data() + copied, tokens[i].begin - copied);
      absl::StrAppend(&out, sign, kProximityField, ":", exprs_->size());
      exprs_->push_back(std::move(expr));
      copied = tokens[j].end;
      // A chain can end where Xapian's term ends but the text goes on (`t*:a`): what
      // follows must not become part of the placeholder's value (Xapian 1.4.22's parser
      // crashed on `-b -x ADJ t*:a`, found by the query fuzzer).
      if (copied < end && !IsQuerySpaceAt(query_, copied)) out += ' ';
      i = j;
    }
    out.append(query_.data() + copied, end - copied);
    return absl::OkStatus();
  }

 private:
  absl::string_view Text(const QueryOperand& token) const {
    return query_.substr(token.begin, token.end - token.begin);
  }

  // Copies a token that is not part of a chain, rewriting chains inside a group.
  absl::Status CopyToken(const QueryOperand& token, size_t& copied, std::string& out) {
    const absl::string_view text = Text(token);
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
      out.append(query_.data() + copied, token.begin + 1 - copied);
      NEWSGREP_RETURN_IF_ERROR(Rewrite(token.begin + 1, token.end - 1, out));
      copied = token.end - 1;
      return absl::OkStatus();
    }
    const size_t paren = text.find("(");
    if (paren != absl::string_view::npos && paren > 0 && text.back() == ')' &&
        text[paren - 1] == ':' &&
        ContainsOperator(query_, token.begin + paren + 1, token.end - 1)) {
      return QueryErrorAt(query_, token.begin,
                          "NEAR/ADJ inside field:(…) is not supported; put the field on each "
                          "side: title:a NEAR/5 title:b");
    }
    return absl::OkStatus();
  }

  // The query of one side; `*pattern` becomes it as a SpanPattern.
  absl::StatusOr<Xapian::Query> ParseSide(const QueryOperand& side, const ProximityLink& link,
                                          bool left, SpanPattern* pattern) {
    const absl::string_view text = Text(side);
    const std::string op = link.kind == ProximityKind::kNear ? "NEAR" : "ADJ";
    const std::string where =
        absl::StrCat(op, " needs a word or a phrase on its ", left ? "left" : "right");
    if (text.empty() || IsBooleanOperator(text) || text[0] == '+' || text[0] == '-') {
      return QueryErrorAt(query_, side.begin, where);
    }
    if (text.front() == '(' && ContainsOperator(query_, side.begin, side.end)) {
      return QueryErrorAt(query_, side.begin,
                          absl::StrCat("a group with NEAR/ADJ inside cannot be a side of ", op,
                                       "; chain them instead: a NEAR/3 b ADJ/5 c"));
    }
    absl::StatusOr<Xapian::Query> parsed = parse_side_(text);
    if (!parsed.ok()) {
      return QueryErrorAt(query_, side.begin, parsed.status().message());
    }
    if (parsed->empty()) {
      return QueryErrorAt(query_, side.begin,
                          absl::StrCat("nothing to search for in '", text, "' (", where, ")"));
    }
    absl::StatusOr<SpanPattern> span = ToSpanPattern(*parsed);
    if (!span.ok()) {
      return QueryErrorAt(
          query_, side.begin,
          absl::StrCat("'", text, "' cannot be a side of ", op, ": ", span.status().message()));
    }
    *pattern = *std::move(span);
    return parsed;
  }

  absl::string_view query_;
  const SideParser& parse_side_;
  std::vector<std::shared_ptr<const ProximityExpr>>* exprs_;
};

// Terms of which every occurrence of `query` contains at least one (for a phrase, those
// of its rarest part), or false when they cannot be listed.
bool RequiredTerms(const Xapian::Query& query, const Xapian::Database& db,
                   std::vector<std::string>* terms, Xapian::doccount* frequency) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *query.get_terms_begin();
      terms->push_back(term);
      *frequency += db.get_termfreq(term);
      return true;
    }
    case Xapian::Query::OP_PHRASE: {
      bool found = false;
      std::vector<std::string> best;
      Xapian::doccount best_frequency = 0;
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        std::vector<std::string> part;
        Xapian::doccount part_frequency = 0;
        if (!RequiredTerms(query.get_subquery(i), db, &part, &part_frequency)) continue;
        if (!found || part_frequency < best_frequency) {
          best = std::move(part);
          best_frequency = part_frequency;
          found = true;
        }
      }
      if (!found) return false;
      terms->insert(terms->end(), best.begin(), best.end());
      *frequency += best_frequency;
      return true;
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (!RequiredTerms(query.get_subquery(i), db, terms, frequency)) return false;
      }
      return true;
    default:
      return false;
  }
}

// The exact positional check for one chain, as a weightless posting list over the
// documents where the chain occurs. Its candidates are the documents containing a term the
// rarest side needs (or, if no side's terms can be listed, every document); the matcher
// mostly asks it about documents the AND of the sides produced (check()).
class ProximitySource : public Xapian::PostingSource {
 public:
  ProximitySource(std::shared_ptr<const ProximityExpr> expr, size_t id,
                  std::shared_ptr<SearchBudget> budget)
      : expr_(std::move(expr)), id_(id), budget_(std::move(budget)) {
    for (const SpanPattern& pattern : expr_->patterns) terms_ += CountTerms(pattern);
  }

  void init(const Xapian::Database& db) override {
    db_ = db;
    current_ = 0;
    at_end_ = false;
    drivers_.clear();
    std::vector<std::string> best;
    Xapian::doccount best_frequency = db.get_doccount();
    bool found = false;
    for (const Xapian::Query& side : expr_->sides) {
      std::vector<std::string> terms;
      Xapian::doccount frequency = 0;
      if (!RequiredTerms(side, db, &terms, &frequency)) continue;
      if (!found || frequency < best_frequency) {
        best = std::move(terms);
        best_frequency = frequency;
        found = true;
      }
    }
    if (!found) best = {""};  // every document
    std::sort(best.begin(), best.end());
    best.erase(std::unique(best.begin(), best.end()), best.end());
    for (const std::string& term : best) {
      drivers_.push_back({db.postlist_begin(term), db.postlist_end(term)});
    }
    termfreq_max_ = std::min(best_frequency, db.get_doccount());
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_max_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }
  Xapian::docid get_docid() const override { return current_; }
  bool at_end() const override { return at_end_; }

  void next(double) override { Advance(current_ + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (did > current_) Advance(did);
  }
  bool check(Xapian::docid did, double) override {
    current_ = did;
    if (OutOfTime()) return true;  // at the end: a definite position
    return Matches(did);
  }

  Xapian::PostingSource* clone() const override { return new ProximitySource(expr_, id_, budget_); }
  std::string get_description() const override { return absl::StrCat(kDescriptionPrefix, id_); }

 private:
  struct Driver {
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
  };

  bool OutOfTime() {
    if (budget_ == nullptr || !budget_->Expired()) return false;
    at_end_ = true;
    return true;
  }

  bool Matches(Xapian::docid did) {
    DocumentPositions positions(db_, did, /*list_terms_first=*/terms_ > kListTermsFirstAbove);
    return !FindProximity(*expr_, positions, /*first_only=*/true).empty();
  }

  // Moves to the first matching document at or after `did`.
  void Advance(Xapian::docid did) {
    while (true) {
      if (OutOfTime()) return;
      Xapian::docid candidate = 0;
      for (Driver& driver : drivers_) {
        if (driver.it != driver.end && *driver.it < did) driver.it.skip_to(did);
        if (driver.it != driver.end && (candidate == 0 || *driver.it < candidate)) {
          candidate = *driver.it;
        }
      }
      if (candidate == 0) {
        at_end_ = true;
        return;
      }
      if (Matches(candidate)) {
        current_ = candidate;
        return;
      }
      did = candidate + 1;
    }
  }

  std::shared_ptr<const ProximityExpr> expr_;
  size_t id_;
  std::shared_ptr<SearchBudget> budget_;  // may be null
  size_t terms_ = 0;                      // in the chain's patterns
  Xapian::Database db_;
  Xapian::docid current_ = 0;
  bool at_end_ = false;
  std::vector<Driver> drivers_;
  Xapian::doccount termfreq_max_ = 0;
};

}  // namespace

std::vector<Xapian::termpos> DocumentPositions::Positions(const std::string& term) {
  std::vector<Xapian::termpos> positions;
  if (list_terms_first_) {
    if (!listed_) {
      for (auto it = db_.termlist_begin(did_); it != db_.termlist_end(did_); ++it) {
        terms_.insert(*it);
      }
      listed_ = true;
    }
    if (!terms_.contains(term)) return positions;
  }
  for (auto it = db_.positionlist_begin(did_, term); it != db_.positionlist_end(did_, term); ++it) {
    positions.push_back(*it);
  }
  return positions;
}

absl::StatusOr<SpanPattern> ToSpanPattern(const Xapian::Query& query) {
  SpanPattern pattern;
  pattern.type = query.get_type();
  switch (pattern.type) {
    case Xapian::Query::LEAF_TERM:
      pattern.term = *query.get_terms_begin();
      return pattern;
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        absl::StatusOr<SpanPattern> part = ToSpanPattern(query.get_subquery(i));
        if (!part.ok()) return part.status();
        pattern.parts.push_back(*std::move(part));
      }
      return pattern;
    default:
      return absl::InvalidArgumentError(
          "use a word, a \"phrase\", field:word, field:\"phrase\", word* or (a OR b)");
  }
}

std::vector<SpanMatch> FindSpans(const SpanPattern& pattern, PositionSource& source) {
  std::vector<SpanMatch> spans;
  switch (pattern.type) {
    case Xapian::Query::LEAF_TERM:
      for (Xapian::termpos p : source.Positions(pattern.term)) {
        spans.push_back({p, p, {p}});
      }
      return spans;
    case Xapian::Query::OP_PHRASE:
      return PhraseSpans(pattern, source);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (const SpanPattern& part : pattern.parts) {
        std::vector<SpanMatch> found = FindSpans(part, source);
        spans.insert(spans.end(), std::make_move_iterator(found.begin()),
                     std::make_move_iterator(found.end()));
      }
      Normalize(spans);
      return spans;
    default:
      return spans;
  }
}

std::vector<SpanMatch> FindProximity(const ProximityExpr& expr, PositionSource& source,
                                     bool first_only) {
  if (expr.patterns.empty()) return {};
  std::vector<SpanMatch> current = FindSpans(expr.patterns[0], source);
  for (size_t i = 0; i < expr.links.size() && i + 1 < expr.patterns.size(); ++i) {
    if (current.empty()) return current;
    const bool last = i + 2 == expr.patterns.size();
    current =
        Join(current, FindSpans(expr.patterns[i + 1], source), expr.links[i], first_only && last);
  }
  return current;
}

Xapian::Query ProximityQuery(std::shared_ptr<const ProximityExpr> expr, size_t id,
                             std::shared_ptr<SearchBudget> budget) {
  if (expr->sides.size() == 2 && expr->links.size() == 1 &&
      expr->sides[0].get_type() == Xapian::Query::LEAF_TERM &&
      expr->sides[1].get_type() == Xapian::Query::LEAF_TERM) {
    // Xapian's window is the span of positions: at most n words between two terms is a
    // span of n + 2. OP_NEAR needs the two occurrences at different positions, as we do.
    const ProximityLink& link = expr->links[0];
    return Xapian::Query(
        link.kind == ProximityKind::kNear ? Xapian::Query::OP_NEAR : Xapian::Query::OP_PHRASE,
        expr->sides.begin(), expr->sides.end(), link.window + 2);
  }
  Xapian::Query candidates(Xapian::Query::OP_AND, expr->sides.begin(), expr->sides.end());
  Xapian::Query check((new ProximitySource(std::move(expr), id, std::move(budget)))->release());
  return Xapian::Query(Xapian::Query::OP_FILTER, candidates, check);
}

Xapian::Query WithProximityQueries(const Xapian::Query& parsed,
                                   const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return parsed;
  return ReplaceNodes(parsed, [&](const Xapian::Query& node) -> std::optional<Xapian::Query> {
    if (node.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const std::string leaf = *node.get_terms_begin();
    absl::string_view term = leaf;
    absl::ConsumePrefix(&term, "Z");  // in case the parser ever stems the id
    size_t id = 0;
    if (!absl::ConsumePrefix(&term, kProximityPrefix) || !absl::SimpleAtoi(term, &id)) {
      return std::nullopt;
    }
    return id < queries.size() ? queries[id] : Xapian::Query::MatchNothing;
  });
}

absl::StatusOr<std::string> RewriteProximity(
    absl::string_view query, const SideParser& parse_side,
    std::vector<std::shared_ptr<const ProximityExpr>>* exprs) {
  std::string out;
  out.reserve(query.size() + 16);
  Rewriter rewriter(query, parse_side, exprs);
  if (absl::Status status = rewriter.Rewrite(0, query.size(), out); !status.ok()) return status;
  return out;
}

}  // namespace newsgrep::internal
