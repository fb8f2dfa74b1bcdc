/// @file document_builder.h
/// @brief Article → Xapian::Document, driven by the schema table.
#ifndef NEWSGREP_INDEXER_INTERNAL_DOCUMENT_BUILDER_H_
#define NEWSGREP_INDEXER_INTERNAL_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "newsgrep/article.h"

namespace newsgrep::internal {

/// Builds documents. Holds a configured TermGenerator, so reuse one builder for many
/// articles. Not thread-safe: one per thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  /// What the indexer adds beyond the article itself.
  struct Extras {
    std::string original_body;            // stored when cleaning changed the body
    std::string cluster;                  // story cluster key (REQUIRES: non-empty)
    std::vector<std::string> band_terms;  // near-duplicate lookup keys
  };

  /// The document for `article` (its body already cleaned): unprefixed positional text of
  /// title and body (a phrase cannot span them), the title again under its field prefix,
  /// source and dateline fields, the unique id term, the cluster (value slot and term),
  /// band terms, date values, and the StoredArticle as document data.
  Xapian::Document Build(const Article& article, const Extras& extras);

 private:
  Xapian::TermGenerator generator_;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_DOCUMENT_BUILDER_H_
