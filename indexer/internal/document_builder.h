// SPDX-License-Identifier: GPL-2.0-or-later
/// @file document_builder.h
/// @brief Article → Xapian::Document, driven by the schema table.
#ifndef NEWSGREP_INDEXER_INTERNAL_DOCUMENT_BUILDER_H_
#define NEWSGREP_INDEXER_INTERNAL_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgrep/analysis.h"
#include "newsgrep/article.h"
#include "newsgrep/entities.h"

namespace newsgrep::internal {

/// Builds documents. Holds a configured TermGenerator, so reuse one builder for many
/// articles. Not thread-safe: one per thread.
class DocumentBuilder {
 public:
  /// Extracts entities with the process-wide EntityResources::Shared() (loaded on first
  /// use, about 0.2 s).
  DocumentBuilder();
  /// Extracts entities with `resources` (not owned; must outlive the builder). Null: no
  /// entity extraction (unless Extras::entities brings them).
  explicit DocumentBuilder(const EntityResources* resources);

  /// What the indexer adds beyond the article itself.
  struct Extras {
    std::string original_body;  // stored when cleaning changed the body
    /// Entities of the (cleaned) article, when already extracted (e.g. on another thread
    /// with ExtractEntities); when unset, Build extracts them itself.
    std::optional<ArticleEntities> entities;
    /// Statistics of the article's CorpusBlock for entity extraction (not owned; may be
    /// null).
    const CorpusStatistics* statistics = nullptr;
  };

  /// The document for `article` (its body already cleaned): unprefixed positional text of
  /// title and body (a phrase cannot span them), then every free-text field of
  /// schema::kFields under its prefix (the title again, source, dateline, and the entity
  /// fields: people, places, quotes, speakers), one key term per person and place, the
  /// unique id term, the date terms and values, and the StoredArticle as document data. The cluster
  /// is added by the writer (AddCluster). The returned document shares nothing with the builder, so
  /// it may be handed to another thread. When `words` is not null, it receives the distinct words
  /// indexed (lower case, as written), for the index's vocabulary (schema::kVocabularyKeyPrefix).
  Xapian::Document Build(const Article& article, const Extras& extras,
                         std::vector<std::string>* words = nullptr);

 private:
  // Filled by generator_'s stemmer with every word indexed (declared first: the stemmer
  // points to it).
  std::unique_ptr<analysis::WordCollector> words_ = std::make_unique<analysis::WordCollector>();
  Xapian::TermGenerator generator_;
  const EntityResources* resources_ = nullptr;
  std::shared_ptr<const EntityResources> shared_;  // keeps Shared() alive
};

/// Puts `document` in story cluster `cluster` (REQUIRES: non-empty): the cluster term, the
/// collapse value, and the count record (schema::kCountSlot), made of the cluster, the date
/// and the facet record that Build left in that slot. REQUIRES: once per built document.
void AddCluster(const std::string& cluster, Xapian::Document& document);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_DOCUMENT_BUILDER_H_
