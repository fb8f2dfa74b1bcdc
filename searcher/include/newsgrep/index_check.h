// SPDX-License-Identifier: GPL-2.0-or-later
/// @file index_check.h
/// @brief Whether an index is sound: Xapian's own check of every table, and newsgrep's
/// invariants on top of it.
///
/// Example:
///   absl::StatusOr<newsgrep::IndexCheck> check = newsgrep::CheckIndex("/var/lib/news/index");
///   if (!check.ok()) return check.status();               // not an index at all
///   for (const std::string& problem : check->problems) Report(problem);
///
/// What it can find: Xapian's check (Xapian::Database::check) walks every B-tree of the
/// glass database and compares the tables with each other (document lengths, term
/// frequencies, position lists against term lists), so a missing or truncated table, a
/// broken block or tables out of step are found. newsgrep adds: the schema version, one id
/// term per article and one article per id, a story cluster for each article, and word
/// positions (without them phrase, NEAR and ADJ cannot be answered). What no check can find:
/// a changed byte that leaves every structure valid, such as a flipped bit inside a stored
/// title or a posting's document length; only a copy of the index (or rebuilding it) helps.
///
/// Thread safety: reads the index only; safe beside a writer (it sees one revision).
#ifndef NEWSGREP_SEARCHER_INDEX_CHECK_H_
#define NEWSGREP_SEARCHER_INDEX_CHECK_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace newsgrep {

struct IndexCheck {
  size_t articles = 0;
  /// One line per problem found; empty when the index is sound.
  std::vector<std::string> problems;
  /// What Xapian's check printed (its tables and any errors).
  std::string xapian_report;
  /// The Debian packages (with their versions, "-" when unknown) whose data recognised the
  /// people and places of the articles last added (schema::kEntityDataKey), once each:
  /// "iso-codes 4.15.0-1". Empty for an index built without entities.
  std::vector<std::string> entity_data;
};

/// Checks the index in the directory `path` (not a stub). Returns the findings, or NotFound
/// when `path` holds no index, InvalidArgument when it is not a directory.
absl::StatusOr<IndexCheck> CheckIndex(const std::string& path);

}  // namespace newsgrep

#endif  // NEWSGREP_SEARCHER_INDEX_CHECK_H_
