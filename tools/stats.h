// SPDX-License-Identifier: GPL-2.0-or-later
/// @file stats.h
/// @brief `newsgrep stats people|places`: the most-mentioned people or places of an index
/// (Searcher::TopEntities), printed as a table or as JSON Lines.
#ifndef NEWSGREP_TOOLS_STATS_H_
#define NEWSGREP_TOOLS_STATS_H_

#include <cstdio>
#include <vector>

#include "newsgrep/searcher.h"

namespace newsgrep::cli {

/// Prints `counts` (of people or places, as `kind` says) as a table or as JSON Lines.
/// Returns 0 when something was printed, 1 when `counts` is empty.
int PrintEntityCounts(const std::vector<EntityCount>& counts, EntityKind kind, bool json,
                      FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_STATS_H_
