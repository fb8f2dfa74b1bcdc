// SPDX-License-Identifier: GPL-2.0-or-later
/// @file index_check.cc
/// @brief Xapian's table check plus newsgrep's invariants.
#include "newsgrep/index_check.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"

namespace newsgrep {

absl::StatusOr<IndexCheck> CheckIndex(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(absl::StrCat(path, " is not an index directory"));
  }
  if (!std::filesystem::exists(std::filesystem::path(path) / "iamglass", error)) {
    return absl::NotFoundError(absl::StrCat("no index at ", path));
  }
  IndexCheck check;
  std::ostringstream report;
  try {
    const size_t errors = Xapian::Database::check(path, Xapian::DBCHECK_SHOW_STATS, &report);
    check.xapian_report = report.str();
    if (errors > 0) {
      check.problems.push_back(absl::StrCat("Xapian's check found ", errors,
                                            " error(s) in the tables (its report "
                                            "says where)"));
    }
  } catch (const Xapian::Error& e) {
    check.xapian_report = report.str();
    check.problems.push_back(absl::StrCat("Xapian's check stopped: ", e.get_description()));
    return check;  // the tables cannot be read: newsgrep's checks would only repeat it
  }
  try {
    const Xapian::Database db(path);
    check.articles = db.get_doccount();
    for (absl::string_view line : absl::StrSplit(
             db.get_metadata(std::string(schema::kEntityDataKey)), '\n', absl::SkipEmpty())) {
      const std::vector<std::string> fields = absl::StrSplit(line, '\t');
      if (fields.size() < 2) continue;
      std::string package = absl::StrCat(fields[0], " ", fields[1]);
      if (std::find(check.entity_data.begin(), check.entity_data.end(), package) ==
          check.entity_data.end()) {
        check.entity_data.push_back(std::move(package));
      }
    }
    if (absl::Status version = schema::CheckSchemaVersion(db, path); !version.ok()) {
      check.problems.push_back(std::string(version.message()));
    }
    if (check.articles > 0 && !db.has_positions()) {
      check.problems.push_back(
          "no word positions (position.glass missing or emptied): phrase, NEAR and ADJ cannot "
          "be answered");
    }
    const std::string id_prefix(schema::kIdPrefix);
    size_t ids = 0;
    for (auto term = db.allterms_begin(id_prefix); term != db.allterms_end(id_prefix); ++term) {
      ++ids;
      if (term.get_termfreq() != 1) {
        check.problems.push_back(
            absl::StrCat("id term ", *term, " is on ", term.get_termfreq(), " articles"));
      }
    }
    if (ids != check.articles) {
      check.problems.push_back(absl::StrCat(ids, " article ids for ", check.articles, " articles"));
    }
    // The slot's value stream lists only the articles that have a cluster (no document is
    // read).
    size_t with_cluster = 0;
    for (auto it = db.valuestream_begin(schema::kClusterSlot);
         it != db.valuestream_end(schema::kClusterSlot); ++it) {
      if (!(*it).empty()) ++with_cluster;
    }
    const size_t without_cluster = check.articles - with_cluster;
    if (without_cluster > 0) {
      check.problems.push_back(
          absl::StrCat(without_cluster, " article(s) without a story cluster"));
    }
  } catch (const Xapian::Error& e) {
    check.problems.push_back(absl::StrCat("reading the index: ", e.get_description()));
  }
  return check;
}

}  // namespace newsgrep
