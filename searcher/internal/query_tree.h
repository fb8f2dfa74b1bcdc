// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_tree.h
/// @brief Rewriting a parsed query's leaves: Xapian 1.4's queries are immutable, so a
/// rewrite rebuilds the operators above each leaf it replaces.
///
/// Thread safety: safe from any thread.
#ifndef NEWSGREP_SEARCHER_INTERNAL_QUERY_TREE_H_
#define NEWSGREP_SEARCHER_INTERNAL_QUERY_TREE_H_

#include <xapian.h>

#include <functional>
#include <optional>

namespace newsgrep::internal {

/// What replaces one node: a query, or nullopt to keep it.
using NodeReplacer = std::function<std::optional<Xapian::Query>(const Xapian::Query& node)>;

/// `query` with each node below the operators Xapian's parser combines queries with (AND,
/// OR, AND_NOT, AND_MAYBE, FILTER, XOR, SYNONYM, MAX) replaced by what `replace` returns for
/// it. `replace` sees every such node, leaves and phrases alike, in order; an operator none
/// of whose nodes changed is kept as it was.
Xapian::Query ReplaceNodes(const Xapian::Query& query, const NodeReplacer& replace);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_QUERY_TREE_H_
