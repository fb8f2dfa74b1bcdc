// SPDX-License-Identifier: GPL-2.0-or-later
/// @file main.cc
/// @brief Embedding newsgrep: open an index, run a query (query-language text, or one built
/// with newsgrep::query), print the top hits. Usage: newsgrep_embed INDEX QUERY [N]
///
/// Exit status: 0 hits found, 1 none, 2 error (bad query, no index).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "newsgrep/query_builder.h"
#include "newsgrep/searcher.h"
#include "newsgrep/searcher_pool.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s INDEX QUERY [N]\n", argv[0]);
    return 2;
  }
  const std::string index = argv[1];
  const size_t limit = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 5;

  // A pool hands out Searchers to threads; one thread here, but the same code serves many.
  auto pool = newsgrep::SearcherPool::Open({.db_paths = {index}});
  if (!pool.ok()) {
    std::fprintf(stderr, "cannot open %s: %s\n", index.c_str(),
                 std::string(pool.status().message()).c_str());
    return 2;
  }
  auto searcher = (*pool)->Acquire();
  if (!searcher.ok()) {
    std::fprintf(stderr, "%s\n", std::string(searcher.status().message()).c_str());
    return 2;
  }

  // Parse once (errors point at the column), run, print.
  auto query = (*searcher)->Parse(argv[2]);
  if (!query.ok()) {
    std::fprintf(stderr, "bad query: %s\n", std::string(query.status().message()).c_str());
    return 2;
  }
  auto results = (*searcher)->Search(*query, {.limit = limit});
  if (!results.ok()) {
    std::fprintf(stderr, "%s\n", std::string(results.status().message()).c_str());
    return 2;
  }
  std::printf("%zu match(es) for %s\n", results->total, query->text().c_str());
  for (const newsgrep::Hit& hit : results->hits) {
    std::printf("%zu. %s [%s] %.3f\n   %s\n", hit.rank, hit.article.title.c_str(),
                hit.article.id.c_str(), hit.score, hit.snippet.c_str());
  }
  if (!results->suggestion.empty()) std::printf("did you mean: %s\n", results->suggestion.c_str());

  // The same kind of query built from code: user words cannot inject operators.
  namespace q = newsgrep::query;
  const std::string built =
      q::All({q::Near(q::Phrase("security guarantees"), q::Word("ukraine"), 3),
              q::InField("title", q::Word("nato"))});
  auto more = (*searcher)->Search(built, {.limit = 1});
  if (!more.ok()) {
    std::fprintf(stderr, "%s\n", std::string(more.status().message()).c_str());
    return 2;
  }
  std::printf("built query %s: %zu match(es)\n", built.c_str(), more->total);
  return results->hits.empty() ? 1 : 0;
}
