// SPDX-License-Identifier: GPL-2.0-or-later
/// @file index.cc
/// @brief MakeArticle, Date, BuildIndex, BuildSearcher, EntityResourcesForTest.
#include "testing/index.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"
#include "newsgrep/analysis.h"

namespace newsgrep::test {

Article MakeArticle(std::string id, std::string title, std::string body,
                    std::optional<NewsDate> date, std::string source, std::string dateline,
                    std::string url) {
  Article article;
  article.origin = "test:" + id;
  article.id = std::move(id);
  article.title = std::move(title);
  article.body = std::move(body);
  article.date = date;
  article.source = std::move(source);
  article.dateline = std::move(dateline);
  article.url = std::move(url);
  return article;
}

std::optional<NewsDate> Date(const char* text) {
  std::optional<NewsDate> date = ParseNewsDate(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date;
}

absl::Status BuildIndex(const IndexerOptions& options, const std::vector<Article>& articles) {
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open(options);
  if (!indexer.ok()) return indexer.status();
  for (const Article& article : articles) {
    if (absl::Status status = (*indexer)->Add(article); !status.ok()) return status;
  }
  return (*indexer)->Commit();
}

absl::StatusOr<std::unique_ptr<Searcher>> BuildSearcher(const IndexerOptions& options,
                                                        const std::vector<Article>& articles) {
  if (absl::Status status = BuildIndex(options, articles); !status.ok()) return status;
  return Searcher::Open({options.db_path});
}

const EntityResources& EntityResourcesForTest() {
  static const std::shared_ptr<const EntityResources> resources = [] {
    auto loaded = EntityResources::Load();
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? *loaded : EntityResources::Shared();
  }();
  return *resources;
}

std::vector<std::string> IdsOf(const SearchResults& results) {
  std::vector<std::string> ids;
  for (const Hit& hit : results.hits) ids.push_back(hit.article.id);
  return ids;
}

std::vector<std::string> Find(Searcher& searcher, const std::string& query, SearchOptions options) {
  absl::StatusOr<SearchResults> results = searcher.Search(query, options);
  if (!results.ok()) return {"<error " + results.status().ToString() + ">"};
  return IdsOf(*results);
}

std::string IndexedTerm(const std::string& word, absl::string_view prefix) {
  return analysis::StemmedTerm(analysis::Stemmer(), prefix, absl::AsciiStrToLower(word));
}

}  // namespace newsgrep::test
