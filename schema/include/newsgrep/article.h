// SPDX-License-Identifier: GPL-2.0-or-later
/// @file article.h
/// @brief An article as read from input, before indexing.
///
/// Thread safety: a plain value type.
#ifndef NEWSGREP_SCHEMA_ARTICLE_H_
#define NEWSGREP_SCHEMA_ARTICLE_H_

#include <optional>
#include <string>
#include <vector>

#include "newsgrep/dates.h"

namespace newsgrep {

/// One news article. All strings are valid UTF-8 (readers repair invalid input).
struct Article {
  std::string id;  // stable unique id: JSON `id`, else `url`; for files, the path
  std::string title;
  std::string body;
  std::optional<NewsDate> date;
  std::string source;
  std::string url;
  std::string dateline;
  std::vector<std::string> authors;  // bylines, as the input names them
  /// Subject tags the input gives it (a feed item's categories, JSON "categories" /
  /// "tags" / "topics", Reuters TOPICS), searchable with category:.
  std::vector<std::string> categories;
  std::string origin;  // where it was read: "feed.jsonl:12" or "a/b.txt", for messages
  /// The absolute path (lexically normal, links not resolved) of the file it was read
  /// from; "" for standard input. Indexed as its file term (schema::FileTerm), by which
  /// `newsgrep delete --missing-files` finds the articles of files that are gone.
  std::string file;
};

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_ARTICLE_H_
