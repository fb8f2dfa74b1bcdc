// SPDX-License-Identifier: GPL-2.0-or-later
/// @file proximity.h
/// @brief `a NEAR/n b` and `a ADJ/n b` where each side is a word, a "phrase", a field
/// term or phrase (title:"…"), a wildcard or a parenthesised OR of those — exact, which
/// Xapian 1.4 cannot do itself (its OP_NEAR/OP_PHRASE only take terms).
///
/// How: the query text is rewritten before Xapian's parser sees it. Each chain
/// `s0 OP s1 OP s2 …` becomes a placeholder field term that a FieldProcessor turns into
///   OP_FILTER(AND(s0, s1, …), ProximitySource)
/// The AND lets Xapian narrow the candidates (and rank them by the sides' words); the
/// ProximitySource, a weightless Xapian::PostingSource, then accepts a candidate only when
/// the sides occur within the window, by reading the positions of the sides' terms in that
/// document (it walks the postings of the rarest side's terms, so it never visits documents
/// that cannot match). Two single words on either side use Xapian's own NEAR/PHRASE
/// instead (see ProximityQuery). Being a query leaf, not a MatchDecider, it composes with OR/NOT
/// and works on sharded databases. It does not work with the remote backend (xapian-tcpsrv), which
/// cannot run a PostingSource it does not know.
///
/// Window semantics: `a NEAR/n b` — a and b do not overlap and at most n words lie between
/// the end of one and the start of the other, in either order. `a ADJ/n b` — the same with
/// a before b. A missing /n means 10. A chain is evaluated left to right: in
/// `a NEAR/2 b ADJ/5 c`, c must follow the span that `a NEAR/2 b` matched. Positions do
/// not cross fields (the indexer leaves schema::kFieldGap, 100, between fields), so windows below
/// 100 never join the title and the body.
///
/// Thread safety: the functions are safe from any thread; a ProximitySource (and so a
/// query holding one) belongs to one thread at a time, like any Xapian object.
#ifndef NEWSGREP_SEARCHER_INTERNAL_PROXIMITY_H_
#define NEWSGREP_SEARCHER_INTERNAL_PROXIMITY_H_

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "internal/search_budget.h"

namespace newsgrep::internal {

/// The field name of the placeholders the rewrite puts in the query text
/// (`newsgrepproximity:<id>`). Not a schema field, so a user cannot type it (the syntax
/// check rejects unknown fields first). The query parser knows it as a plain field with
/// prefix kProximityPrefix, so a placeholder parses to the term kProximityPrefix + id, which
/// WithProximityQueries then replaces.
inline constexpr absl::string_view kProximityField = "newsgrepproximity";
inline constexpr absl::string_view kProximityPrefix = "XNEWSGREPPROXIMITY";

/// Where the words of one document are: what span matching reads.
class PositionSource {
 public:
  virtual ~PositionSource() = default;
  /// Ascending positions of `term`; empty when the document does not contain it.
  virtual std::vector<Xapian::termpos> Positions(const std::string& term) = 0;
};

/// The positions of one document of a database.
class DocumentPositions : public PositionSource {
 public:
  /// `db` is copied (cheap: a reference-counted handle). With `list_terms_first`, the
  /// document's term list is read once and a term it lacks costs a hash lookup, not a
  /// B-tree lookup in the position table: for patterns of many terms (an expanded
  /// wildcard), where most terms asked about are not in the document.
  DocumentPositions(const Xapian::Database& db, Xapian::docid did, bool list_terms_first = false)
      : db_(db), did_(did), list_terms_first_(list_terms_first) {}
  std::vector<Xapian::termpos> Positions(const std::string& term) override;

 private:
  Xapian::Database db_;
  Xapian::docid did_;
  bool list_terms_first_;
  bool listed_ = false;
  absl::flat_hash_set<std::string> terms_;  // the document's terms, once listed
};

/// One occurrence of a side or a chain: the positions it covers, [first, last], and the
/// positions of the words that matched (not the words between the sides).
struct SpanMatch {
  Xapian::termpos first = 0;
  Xapian::termpos last = 0;
  std::vector<Xapian::termpos> words;
};

/// A span query taken apart once, to be matched in many documents or texts: a Xapian
/// Query gives its terms only through Query::get_terms_begin, which builds a list each
/// time (about 1,300 instructions, for every term of every hit of a result page).
struct SpanPattern {
  Xapian::Query::op type = Xapian::Query::LEAF_MATCH_NOTHING;
  std::string term;                // LEAF_TERM
  std::vector<SpanPattern> parts;  // the subqueries of a phrase (in order) or an OR
};

/// `query` as a SpanPattern, when span matching understands it: a term, a phrase, or an
/// OR/SYNONYM/MAX of those (a wildcard is a SYNONYM once ExpandWildcards has run).
/// Otherwise InvalidArgument saying what it cannot be.
absl::StatusOr<SpanPattern> ToSpanPattern(const Xapian::Query& query);

/// Occurrences of `pattern` (from ToSpanPattern), sorted by position.
std::vector<SpanMatch> FindSpans(const SpanPattern& pattern, PositionSource& source);

enum class ProximityKind { kNear, kAdjacent };

struct ProximityLink {
  ProximityKind kind = ProximityKind::kNear;
  unsigned window = 10;  // words allowed between the sides
};

/// A chain `sides[0] links[0] sides[1] links[1] sides[2] …`, evaluated left to right.
struct ProximityExpr {
  std::vector<Xapian::Query> sides;   // each a span query (ToSpanPattern OK)
  std::vector<ProximityLink> links;   // sides.size() - 1 of them
  std::vector<SpanPattern> patterns;  // ToSpanPattern of each side (what FindProximity reads)
};

/// Occurrences of the whole chain in a document. With `first_only`, stops at the first
/// one found (a match check).
std::vector<SpanMatch> FindProximity(const ProximityExpr& expr, PositionSource& source,
                                     bool first_only = false);

/// The query for `expr`. Two sides that are single terms: Xapian's own OP_NEAR (NEAR) or
/// OP_PHRASE (ADJ) with window n + 2, which is exactly the semantics above (Xapian's window
/// counts the span of positions) and faster, since Xapian reads positions lazily.
/// Otherwise OP_FILTER(AND(sides), ProximitySource); `id` names the source in the query's
/// description. The source stops (reports the end of its list) once `budget` has expired;
/// null: never.
Xapian::Query ProximityQuery(std::shared_ptr<const ProximityExpr> expr, size_t id,
                             std::shared_ptr<SearchBudget> budget = nullptr);

/// `parsed` with each placeholder term (kProximityPrefix + id) replaced by `queries[id]`;
/// a placeholder without a query matches nothing.
Xapian::Query WithProximityQueries(const Xapian::Query& parsed,
                                   const std::vector<Xapian::Query>& queries);

/// Parses one side's text with the searcher's query parser (quotes, fields, stemming).
using SideParser = std::function<absl::StatusOr<Xapian::Query>(absl::string_view side)>;

/// Rewrites every NEAR/ADJ chain of `query` (outside quotes, also inside parentheses)
/// into `newsgrepproximity:<id>`, appending the chains to `exprs` (ids are indexes into
/// it). Returns InvalidArgument pointing at the column (QueryErrorAt) for a missing side,
/// a bad window (NEAR/x), a side that is not a word, phrase, field term, wildcard or OR of
/// those, and NEAR inside a field group (title:(a NEAR b)). REQUIRES: CheckQuerySyntax OK.
absl::StatusOr<std::string> RewriteProximity(
    absl::string_view query, const SideParser& parse_side,
    std::vector<std::shared_ptr<const ProximityExpr>>* exprs);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_PROXIMITY_H_
