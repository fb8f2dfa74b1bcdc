// SPDX-License-Identifier: GPL-2.0-or-later
/// @file parsed_query.h
/// @brief What a newsgrep::ParsedQuery holds: the Xapian query and what searching,
/// highlighting and spelling suggestions need from the parse.
#ifndef NEWSGREP_SEARCHER_INTERNAL_PARSED_QUERY_H_
#define NEWSGREP_SEARCHER_INTERNAL_PARSED_QUERY_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "internal/highlight.h"
#include "internal/proximity.h"

namespace newsgrep::internal {

struct ParsedQueryRep {
  std::string text;     // as given
  Xapian::Query query;  // as parsed, wildcards expanded: no boosts, date filter or bonus yet
  // The field boost clauses (searcher.cc, FieldBoosts) of the query's words as typed: made
  // before the wildcards were expanded, so the many words of a wildcard are not boosted.
  std::vector<Xapian::Query> field_boosts;
  std::vector<std::shared_ptr<const ProximityExpr>> proximity;  // by ProximityQuery id
  std::map<std::string, std::string> typed;  // term → the word typed for it (first one)
  HighlightPlan highlight;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_PARSED_QUERY_H_
