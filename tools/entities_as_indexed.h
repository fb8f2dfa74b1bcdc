// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entities_as_indexed.h
/// @brief The people, places and quotes of articles as the indexer finds them, for the
/// evaluations (`newsgrep eval ner`, `newsgrep eval quotes`): so that what they measure is
/// what the index gets.
///
/// Articles are taken in input order and cut into CorpusBlocks (entities.h); each is
/// cleaned as the indexer cleans it by default (CleanArticle with the block's
/// RecurringChrome; IndexerOptions::clean_bodies)
/// and analysed with its block's statistics, as Indexer::IndexPath does.
#ifndef NEWSGREP_TOOLS_ENTITIES_AS_INDEXED_H_
#define NEWSGREP_TOOLS_ENTITIES_AS_INDEXED_H_

#include <functional>
#include <string>
#include <utility>

#include "newsgrep/article.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/entities.h"

namespace newsgrep::cli {

class EntitiesAsIndexed {
 public:
  /// Receives each article cleaned, its body as read when cleaning changed it (else ""),
  /// and its entities; in input order.
  using Found =
      std::function<void(Article&& cleaned, std::string&& original_body, ArticleEntities&&)>;

  /// `resources` must outlive this object.
  EntitiesAsIndexed(const EntityResources& resources, Found found)
      : resources_(resources), found_(std::move(found)) {}

  /// Adds the next article; `found` is called for a block's articles once it is full.
  void Add(Article article) {
    if (block_.Add(std::move(article))) Flush();
  }
  /// Analyses what is left. Call once the input ends.
  void Finish() {
    if (!block_.empty()) Flush();
  }

 private:
  void Flush() {
    CorpusBlock::Taken taken = block_.Take(resources_);
    const RecurringChrome chrome(taken.articles);
    for (Article& article : taken.articles) {
      std::string original = CleanArticle(article, &chrome);
      ArticleEntities entities = ExtractEntities(article, resources_, taken.statistics.get());
      found_(std::move(article), std::move(original), std::move(entities));
    }
  }

  const EntityResources& resources_;
  Found found_;
  CorpusBlock block_;
};

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_ENTITIES_AS_INDEXED_H_
