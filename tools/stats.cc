/// @file stats.cc
/// @brief Counting people and places from the index's key terms.
#include "stats.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::cli {
namespace {

// Articles looked at per listed entity to find its display name and spellings.
constexpr size_t kSampleArticles = 20;

}  // namespace

absl::StatusOr<std::vector<EntityCount>> CountEntities(const std::string& db_path,
                                                       const std::string& kind, size_t limit) {
  const bool people = kind == "people";
  const std::string prefix(people ? schema::kPersonKeyPrefix : schema::kLocationKeyPrefix);
  try {
    Xapian::Database db(db_path);
    absl::Status version = schema::CheckSchemaVersion(db, db_path);
    if (!version.ok()) return version;
    // key → articles.
    std::map<std::string, size_t> counts;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      counts[(*it).substr(prefix.size())] = it.get_termfreq();
    }
    // A surname alone ("trump") joins the one full name that ends with it.
    std::map<std::string, std::vector<std::string>> merged;  // key → keys counted with it
    if (people) {
      absl::flat_hash_map<std::string, std::vector<std::string>> by_last_word;
      for (const auto& [key, n] : counts) {
        const size_t space = key.rfind(' ');
        if (space != std::string::npos) by_last_word[key.substr(space + 1)].push_back(key);
      }
      for (auto it = counts.begin(); it != counts.end();) {
        auto full = by_last_word.find(it->first);
        if (it->first.find(' ') == std::string::npos && full != by_last_word.end() &&
            full->second.size() == 1) {
          counts[full->second.front()] += it->second;
          merged[full->second.front()].push_back(it->first);
          it = counts.erase(it);
        } else {
          ++it;
        }
      }
    }
    std::vector<EntityCount> out;
    for (const auto& [key, n] : counts) out.push_back(EntityCount{key, "", "", n, {}});
    // Most articles first; ties in key order, so that the listing is reproducible.
    std::stable_sort(out.begin(), out.end(), [](const EntityCount& a, const EntityCount& b) {
      return a.articles != b.articles ? a.articles > b.articles : a.key < b.key;
    });
    if (out.size() > limit) out.resize(limit);
    for (EntityCount& entity : out) {
      std::vector<std::string> keys = {entity.key};
      for (const std::string& k : merged[entity.key]) keys.push_back(k);
      size_t looked = 0;
      for (const std::string& key : keys) {
        const std::string term = prefix + key;
        for (auto p = db.postlist_begin(term);
             p != db.postlist_end(term) && looked < kSampleArticles; ++p, ++looked) {
          absl::StatusOr<StoredArticle> stored =
              DecodeDisplayRecord(db.get_document(*p).get_value(schema::kDisplaySlot));
          if (!stored.ok()) continue;
          auto add_spelling = [&entity](const std::string& s) {
            if (!s.empty() && std::find(entity.spellings.begin(), entity.spellings.end(), s) ==
                                  entity.spellings.end()) {
              entity.spellings.push_back(s);
            }
          };
          if (people) {
            for (const StoredPerson& person : stored->people) {
              if (person.key != key) continue;
              if (key == entity.key && person.name.size() > entity.name.size()) {
                entity.name = person.name;
              }
              add_spelling(person.name);
            }
          } else {
            for (const StoredLocation& location : stored->locations) {
              if (location.key != key) continue;
              if (entity.name.empty()) entity.name = location.canonical;
              if (entity.kind.empty()) entity.kind = location.kind;
              add_spelling(location.name);
            }
          }
        }
      }
      if (entity.name.empty()) entity.name = entity.key;
    }
    return out;
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("reading index ", db_path));
  }
}

int PrintEntityCounts(const std::vector<EntityCount>& counts, const std::string& kind, bool json,
                      FILE* out) {
  const bool people = kind == "people";
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
