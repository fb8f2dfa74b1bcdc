// SPDX-License-Identifier: GPL-2.0-or-later
/// @file stats.cc
/// @brief Printing the most-mentioned people and places (Searcher::TopEntities).
#include "stats.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace newsgrep::cli {

int PrintEntityCounts(const std::vector<EntityCount>& counts, EntityKind kind, bool json,
                      FILE* out) {
  const bool people = kind == EntityKind::kPerson;
  if (!json && !counts.empty()) {
    std::fprintf(out, "%4s  %8s  %s\n", "#", "articles", people ? "person" : "place");
  }
  size_t rank = 0;
  for (const EntityCount& entity : counts) {
    ++rank;
    std::vector<std::string> others;
    for (const std::string& s : entity.spellings) {
      if (s != entity.name) others.push_back(s);
    }
    if (json) {
      nlohmann::json line = {{"type", people ? "person" : "place"},
                             {"rank", rank},
                             {"name", entity.name},
                             {"key", entity.key},
                             {"articles", entity.articles},
                             {"spellings", entity.spellings}};
      if (!people) line["kind"] = entity.kind;
      std::fputs(
          (line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n").c_str(),
          out);
      continue;
    }
    std::string line = absl::StrFormat("%4zu  %8zu  %s", rank, entity.articles, entity.name);
    if (!people && !entity.kind.empty()) absl::StrAppend(&line, " (", entity.kind, ")");
    if (!others.empty()) {
      std::string list;
      for (const std::string& o : others) absl::StrAppend(&list, list.empty() ? "" : ", ", o);
      absl::StrAppend(&line, "  also written: ", list);
    }
    std::fprintf(out, "%s\n", line.c_str());
  }
  return counts.empty() ? 1 : 0;
}

}  // namespace newsgrep::cli
