// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entity_counts.h
/// @brief The most-mentioned people or places of a database, from the person and place key
/// terms the indexer writes (schema.h) and the display records of a few articles each.
#ifndef NEWSGREP_SEARCHER_INTERNAL_ENTITY_COUNTS_H_
#define NEWSGREP_SEARCHER_INTERNAL_ENTITY_COUNTS_H_

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "newsgrep/searcher.h"

namespace newsgrep::internal {

/// Searcher::TopEntities on `db` (its contract). Throws what Xapian throws.
std::vector<EntityCount> CountEntities(const Xapian::Database& db, EntityKind kind, size_t limit);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_ENTITY_COUNTS_H_
