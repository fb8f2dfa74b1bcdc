/// @file stats.h
/// @brief `newsgrep stats people|places`: the most-mentioned people or places of an index,
/// counted from the person and place key terms the indexer writes (schema.h).
#ifndef NEWSGREP_TOOLS_STATS_H_
#define NEWSGREP_TOOLS_STATS_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace newsgrep::cli {

/// One person or place with how many articles name it.
struct EntityCount {
  std::string key;   // canonical key
  std::string name;  // display name (the fullest spelling, or canonical)
  std::string kind;  // places: country, region, city, area, place
  size_t articles = 0;
  std::vector<std::string> spellings;  // as written in the articles looked at
};

/// The `limit` most frequent people (`kind` "people") or places ("places") of the index at
/// `db_path`, most articles first. A person key of one word (a surname alone) is counted
/// with the one full name ending in it, when the index holds exactly one. Returns
/// NotFound / FailedPrecondition / DataLoss as the searcher does when the index cannot be
/// read.
absl::StatusOr<std::vector<EntityCount>> CountEntities(const std::string& db_path,
                                                       const std::string& kind, size_t limit);

/// Prints `counts` as a table or as JSON Lines. Returns 0 when something was printed, 1
/// when `counts` is empty.
int PrintEntityCounts(const std::vector<EntityCount>& counts, const std::string& kind, bool json,
                      FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_STATS_H_
