// SPDX-License-Identifier: GPL-2.0-or-later
/// @file wildcards.cc
/// @brief Wildcards expanded over the index's vocabulary.
#include "internal/wildcards.h"

#include <optional>
#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "internal/query_tree.h"
#include "internal/vocabulary.h"
#include "newsgrep/analysis.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {
namespace {

Xapian::Query Expand(const std::string& pattern, const std::vector<Xapian::Database>& shards,
                     const Xapian::Stem& stemmer, absl::Status* error) {
  const schema::Field* field = schema::FieldOfTerm(pattern);
  const absl::string_view prefix = field == nullptr ? "" : field->prefix;
  const std::string letters = pattern.substr(prefix.size());
  std::set<std::string> terms;
  if (!letters.empty()) {
    const std::vector<std::string> words = VocabularyWords(shards, letters, kMaxWildcardWords);
    if (words.size() > kMaxWildcardWords) {
      *error = absl::InvalidArgumentError(
          absl::StrCat("wildcard ", field == nullptr ? "" : absl::StrCat(field->name, ":"), letters,
                       "* stands for more than ", kMaxWildcardWords,
                       " words of the index (the limit); give it more letters"));
      return Xapian::Query();
    }
    for (const std::string& word : words) {
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

absl::StatusOr<Xapian::Query> ExpandWildcards(const Xapian::Query& query,
                                              const std::vector<Xapian::Database>& shards,
                                              const Xapian::Stem& stemmer) {
  absl::Status error;
  Xapian::Query expanded =
      ReplaceNodes(query, [&](const Xapian::Query& node) -> std::optional<Xapian::Query> {
        if (node.get_type() != Xapian::Query::OP_WILDCARD || !error.ok()) return std::nullopt;
        return Expand(WildcardPattern(node), shards, stemmer, &error);
      });
  if (!error.ok()) return error;
  return expanded;
}

}  // namespace newsgrep::internal
