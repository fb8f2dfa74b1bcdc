// SPDX-License-Identifier: GPL-2.0-or-later
/// @file index.h
/// @brief Test helpers for building small indexes: articles from a few strings, an index
/// written from a list of articles, a Searcher on it, and the entity resources loaded once.
///
/// Thread safety: the functions keep no state of their own (EntityResourcesForTest loads
/// once, thread-safely).
#ifndef NEWSGREP_TESTS_TESTING_INDEX_H_
#define NEWSGREP_TESTS_TESTING_INDEX_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgrep/article.h"
#include "newsgrep/dates.h"
#include "newsgrep/entities.h"
#include "newsgrep/indexer.h"
#include "newsgrep/searcher.h"

namespace newsgrep::test {

/// An article with these fields and origin "test:<id>".
Article MakeArticle(std::string id, std::string title, std::string body,
                    std::optional<NewsDate> date = std::nullopt, std::string source = "",
                    std::string dateline = "", std::string url = "");

/// ParseNewsDate(text); a test failure when it does not parse.
std::optional<NewsDate> Date(const char* text);

/// Adds `articles` to the index at `options.db_path` (created if missing) and commits.
/// Returns the first error of Indexer::Open, Add or Commit.
absl::Status BuildIndex(const IndexerOptions& options, const std::vector<Article>& articles);

/// BuildIndex, then a Searcher on the index; the first error otherwise.
absl::StatusOr<std::unique_ptr<Searcher>> BuildSearcher(const IndexerOptions& options,
                                                        const std::vector<Article>& articles);

/// The entity resources, loaded once per process; a test failure (and the built-in
/// EntityResources::Shared()) when loading fails.
const EntityResources& EntityResourcesForTest();

/// The ids of `results`' hits, in rank order.
std::vector<std::string> IdsOf(const SearchResults& results);

/// The ids `query` finds with `options` (default: up to 100), or one "<error …>" element
/// so that a failure shows in the matcher's message.
std::vector<std::string> Find(Searcher& searcher, const std::string& query,
                              SearchOptions options = {.limit = 100});

/// The term the indexer makes of `word` (as written, any case) in the field with term
/// prefix `prefix` ("" for the full text): "Z" + prefix + stem ("Security" → "Zsecur").
std::string IndexedTerm(const std::string& word, absl::string_view prefix = "");

}  // namespace newsgrep::test

#endif  // NEWSGREP_TESTS_TESTING_INDEX_H_
