// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_tree.cc
/// @brief Rewriting a parsed query's leaves.
#include "internal/query_tree.h"

#include <vector>

namespace newsgrep::internal {
namespace {

Xapian::Query ReplaceIn(const Xapian::Query& query, const NodeReplacer& replace, bool* changed) {
  const Xapian::Query::op type = query.get_type();
  switch (type) {
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
        parts.push_back(ReplaceIn(query.get_subquery(i), replace, &parts_changed));
      }
      if (!parts_changed) return query;
      *changed = true;
      return Xapian::Query(type, parts.begin(), parts.end());
    }
    default: {
      std::optional<Xapian::Query> replacement = replace(query);
      if (!replacement.has_value()) return query;
      *changed = true;
      return *std::move(replacement);
    }
  }
}

}  // namespace

Xapian::Query ReplaceNodes(const Xapian::Query& query, const NodeReplacer& replace) {
  bool changed = false;
  return ReplaceIn(query, replace, &changed);
}

}  // namespace newsgrep::internal
