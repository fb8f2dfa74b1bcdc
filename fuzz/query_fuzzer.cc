// SPDX-License-Identifier: GPL-2.0-or-later
// The query language, end to end: each input is searched in a small index built once
// (check, proximity rewrite, parsing, wildcards, dates, matching, snippets). A query is
// either an error (InvalidArgument with a column) or results; never a crash or an
// exception, and highlight ranges always lie inside their snippet.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "newsgrep/article.h"
#include "newsgrep/dates.h"
#include "newsgrep/indexer.h"
#include "newsgrep/searcher.h"

namespace {

newsgrep::Article MakeArticle(std::string id, std::string title, std::string body, const char* date,
                              std::string source, std::string dateline) {
  newsgrep::Article article;
  article.id = id;
  article.origin = id;
  article.title = std::move(title);
  article.body = std::move(body);
  article.date = newsgrep::ParseNewsDate(date);
  article.source = std::move(source);
  article.dateline = std::move(dateline);
  return article;
}

std::unique_ptr<newsgrep::Searcher> OpenIndex() {
  char directory[] = "/tmp/newsgrep-fuzz-XXXXXX";
  if (mkdtemp(directory) == nullptr) std::abort();
  const std::string path = absl::StrCat(directory, "/db");
  {
    auto indexer = newsgrep::Indexer::Open({.db_path = path});
    if (!indexer.ok()) std::abort();
    const std::vector<newsgrep::Article> articles = {
        MakeArticle("a1", "NATO defence chiefs weigh security guarantees for Ukraine",
                    "BRUSSELS - Defence chiefs met on Tuesday. \"We will not draw lines on a "
                    "map,\" said General Anna Whitcombe, who told reporters in Kyiv that air "
                    "support was being studied by the Pentagon.",
                    "2025-08-19", "Herald", "Brussels"),
        MakeArticle("a2", "Riksbank holds key rate at 2 percent",
                    "STOCKHOLM - Sweden's central bank kept its rate unchanged. \"Inflation is "
                    "close to target,\" Governor Erik Thedeen said.",
                    "2025-08-20", "Wire", "Stockholm"),
        MakeArticle("a3", "Flash floods swamp streets in Nice",
                    "NICE, France - Storms flooded the old town overnight, officials said, "
                    "and the mayor asked residents of Nice and Cannes to stay home.",
                    "2025-08-21", "Meridian", "Nice"),
    };
    for (const newsgrep::Article& article : articles) {
      if (!(*indexer)->Add(article).ok()) std::abort();
    }
    if (!(*indexer)->Commit().ok()) std::abort();
  }
  auto searcher = newsgrep::Searcher::Open({path});
  if (!searcher.ok()) std::abort();
  // The open database keeps its files open: the folder can go now, so that no run leaves
  // one behind in /tmp.
  std::error_code error;
  std::filesystem::remove_all(directory, error);
  return *std::move(searcher);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static newsgrep::Searcher* const searcher = OpenIndex().release();
  const std::string query(reinterpret_cast<const char*>(data), size);
  newsgrep::SearchOptions options;
  options.limit = 3;
  const auto results = searcher->Search(query, options);
  if (!results.ok()) return 0;
  for (const newsgrep::Hit& hit : results->hits) {
    for (const auto& range : hit.highlights) {
      if (range.begin > range.end || range.end > hit.snippet.size()) std::abort();
    }
    for (const auto& range : hit.title_highlights) {
      if (range.begin > range.end || range.end > hit.article.title.size()) std::abort();
    }
  }
  return 0;
}
