// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entity_counts.cc
/// @brief Counting people and places from the index's key terms.
#include "internal/entity_counts.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {
namespace {

// Articles looked at per listed entity to find its display name and spellings.
constexpr size_t kSampleArticles = 20;

void AddSpelling(EntityCount& entity, const std::string& spelling) {
  if (!spelling.empty() && std::find(entity.spellings.begin(), entity.spellings.end(), spelling) ==
                               entity.spellings.end()) {
    entity.spellings.push_back(spelling);
  }
}

}  // namespace

std::vector<EntityCount> CountEntities(const Xapian::Database& db, EntityKind kind, size_t limit) {
  const bool people = kind == EntityKind::kPerson;
  const std::string prefix(people ? schema::kPersonKeyPrefix : schema::kLocationKeyPrefix);
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
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && looked < kSampleArticles;
           ++p, ++looked) {
        absl::StatusOr<StoredArticle> stored =
            DecodeDisplayRecord(db.get_document(*p).get_value(schema::kDisplaySlot));
        if (!stored.ok()) continue;
        if (people) {
          for (const StoredPerson& person : stored->people) {
            if (person.key != key) continue;
            if (key == entity.key && person.name.size() > entity.name.size()) {
              entity.name = person.name;
            }
            AddSpelling(entity, person.name);
          }
        } else {
          for (const StoredLocation& location : stored->locations) {
            if (location.key != key) continue;
            if (entity.name.empty()) entity.name = location.canonical;
            if (entity.kind.empty()) entity.kind = location.kind;
            AddSpelling(entity, location.name);
          }
        }
      }
    }
    if (entity.name.empty()) entity.name = entity.key;
  }
  return out;
}

}  // namespace newsgrep::internal
