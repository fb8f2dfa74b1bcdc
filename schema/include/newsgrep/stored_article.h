/// @file stored_article.h
/// @brief What an index keeps of each article to show it (Xapian document data), and its
/// encoding. The indexer writes it; the searcher reads it.
///
/// Thread safety: plain values and pure functions, safe from any thread.
#ifndef NEWSGREP_SCHEMA_STORED_ARTICLE_H_
#define NEWSGREP_SCHEMA_STORED_ARTICLE_H_

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace newsgrep {

/// The displayable part of an indexed article. Strings are UTF-8.
struct StoredArticle {
  std::string id;        // unique id (JSON Lines `id`, or the file path)
  std::string title;
  std::string date;      // ISO 8601 as normalised by the indexer ("2025-08-20T14:05:00Z"),
                         // or "" when the article had none
  std::string source;
  std::string url;
  std::string dateline;
  std::string body;      // the cleaned text, as indexed: what snippets are cut from
  std::string original_body;  // the body as read, when cleaning changed it; else ""
};

/// Encodes `article` as the document-data string (JSON object, versioned by the schema).
std::string EncodeStoredArticle(const StoredArticle& article);

/// Decodes document data written by EncodeStoredArticle.
/// Returns DataLoss when `data` is not such a string.
absl::StatusOr<StoredArticle> DecodeStoredArticle(absl::string_view data);

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_STORED_ARTICLE_H_
