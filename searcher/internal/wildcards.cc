/// @file wildcards.cc
/// @brief Wildcards expanded over the index's vocabulary.
#include "internal/wildcards.h"

#include <set>
#include <vector>

#include "absl/strings/strip.h"
#include "internal/vocabulary.h"
#include "newsgrep/analysis.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

Xapian::Query Expand(const std::string& pattern, const std::vector<Xapian::Database>& shards,
                     const Xapian::Stem& stemmer) {
  const schema::Field* field = schema::FieldOfTerm(pattern);
  const absl::string_view prefix = field == nullptr ? "" : field->prefix;
  const std::string letters = pattern.substr(prefix.size());
  std::set<std::string> terms;
  if (!letters.empty()) {
    for (const std::string& word : VocabularyWords(shards, letters)) {
      terms.insert(analysis::StemmedTerm(stemmer, prefix, word));
    }
  }
  // No word starts with the letters: a term no document has keeps the query's shape (a
  // NEAR side must stay a term).
  if (terms.empty()) return Xapian::Query(analysis::StemmedTerm(stemmer, prefix, letters));
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

}  // namespace

std::string WildcardPattern(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::OP_WILDCARD) return "";
  // Xapian 1.4 has no accessor: "Query(WILDCARD SYNONYM grynk)".
  const std::string description = query.get_description();
  absl::string_view view(description);
  if (!absl::ConsumePrefix(&view, "Query(") || !absl::ConsumeSuffix(&view, ")")) return "";
  if (!absl::ConsumePrefix(&view, "WILDCARD ")) return "";
  const size_t space = view.find(' ');
  if (space == absl::string_view::npos) return "";
  return std::string(view.substr(space + 1));
}

namespace {

Xapian::Query ExpandIn(const Xapian::Query& query, const std::vector<Xapian::Database>& shards,
                       const Xapian::Stem& stemmer, bool* changed) {
  const Xapian::Query::op type = query.get_type();
  switch (type) {
    case Xapian::Query::OP_WILDCARD:
      *changed = true;
      return Expand(WildcardPattern(query), shards, stemmer);
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      std::vector<Xapian::Query> parts;
      bool parts_changed = false;
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        parts.push_back(ExpandIn(query.get_subquery(i), shards, stemmer, &parts_changed));
      }
      if (!parts_changed) return query;
      *changed = true;
      return Xapian::Query(type, parts.begin(), parts.end());
    }
    default:
      return query;
  }
}

}  // namespace

Xapian::Query ExpandWildcards(const Xapian::Query& query,
                              const std::vector<Xapian::Database>& shards,
                              const Xapian::Stem& stemmer) {
  bool changed = false;
  return ExpandIn(query, shards, stemmer, &changed);
}

}  // namespace newsgrep::internal
