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
  return article;
}

}  // namespace newsgrep
