/// @file stored_article.cc
/// @brief Document-data encoding: a compact JSON object with short keys.
#include "newsgrep/stored_article.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"

namespace newsgrep {

std::string EncodeStoredArticle(const StoredArticle& article) {
  nlohmann::json json = nlohmann::json::object();
  json["i"] = article.id;
  json["t"] = article.title;
  if (!article.date.empty()) json["d"] = article.date;
  if (!article.source.empty()) json["s"] = article.source;
  if (!article.url.empty()) json["u"] = article.url;
  if (!article.dateline.empty()) json["l"] = article.dateline;
  json["b"] = article.body;
  if (!article.original_body.empty()) json["o"] = article.original_body;
  // Entities as arrays of arrays (compact: no repeated key names).
  auto location = [](const StoredLocation& l) {
    return nlohmann::json::array({l.name, l.canonical, l.key, l.kind, l.country, l.mentions});
  };
  if (!article.people.empty()) {
    nlohmann::json& people = json["P"] = nlohmann::json::array();
    for (const StoredPerson& p : article.people) {
      people.push_back(nlohmann::json::array({p.name, p.key, p.mentions}));
    }
  }
  if (!article.locations.empty()) {
    nlohmann::json& locations = json["L"] = nlohmann::json::array();
    for (const StoredLocation& l : article.locations) locations.push_back(location(l));
  }
  if (!article.dateline_place.name.empty()) json["D"] = location(article.dateline_place);
  if (!article.quotes.empty()) {
    nlohmann::json& quotes = json["Q"] = nlohmann::json::array();
    for (const StoredQuote& q : article.quotes) {
      quotes.push_back(nlohmann::json::array({q.text, q.speaker, q.speaker_key, q.begin, q.end}));
    }
  }
  // The indexer repairs text to valid UTF-8 before it gets here; replace defensively.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

absl::StatusOr<StoredArticle> DecodeStoredArticle(absl::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return absl::DataLossError(
        absl::StrCat("document data is not a newsgrep record (", data.size(), " bytes)"));
  }
  auto get = [&json](const char* key) {
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  StoredArticle article;
  article.id = get("i");
  article.title = get("t");
  article.date = get("d");
  article.source = get("s");
  article.url = get("u");
  article.dateline = get("l");
  article.body = get("b");
  article.original_body = get("o");
  // Entities: tolerate missing or malformed entries (skip them) rather than lose the article.
  auto text = [](const nlohmann::json& a, size_t i) {
    return i < a.size() && a[i].is_string() ? a[i].get<std::string>() : std::string();
  };
  auto number = [](const nlohmann::json& a, size_t i) -> uint64_t {
    return i < a.size() && a[i].is_number_unsigned() ? a[i].get<uint64_t>() : 0;
  };
  auto location = [&](const nlohmann::json& a) {
    return StoredLocation{.name = text(a, 0),
                          .canonical = text(a, 1),
                          .key = text(a, 2),
                          .kind = text(a, 3),
                          .country = text(a, 4),
                          .mentions = static_cast<uint32_t>(number(a, 5))};
  };
  if (auto it = json.find("P"); it != json.end() && it->is_array()) {
    for (const nlohmann::json& p : *it) {
      if (!p.is_array()) continue;
      article.people.push_back(StoredPerson{
          .name = text(p, 0), .key = text(p, 1), .mentions = static_cast<uint32_t>(number(p, 2))});
    }
  }
  if (auto it = json.find("L"); it != json.end() && it->is_array()) {
    for (const nlohmann::json& l : *it) {
      if (l.is_array()) article.locations.push_back(location(l));
    }
  }
  if (auto it = json.find("D"); it != json.end() && it->is_array()) {
    article.dateline_place = location(*it);
  }
  if (auto it = json.find("Q"); it != json.end() && it->is_array()) {
    for (const nlohmann::json& q : *it) {
      if (!q.is_array()) continue;
      article.quotes.push_back(StoredQuote{.text = text(q, 0),
                                           .speaker = text(q, 1),
                                           .speaker_key = text(q, 2),
                                           .begin = static_cast<size_t>(number(q, 3)),
                                           .end = static_cast<size_t>(number(q, 4))});
    }
  }
  return article;
}

}  // namespace newsgrep
