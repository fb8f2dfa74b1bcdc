// SPDX-License-Identifier: GPL-2.0-or-later
/// @file feed.h
/// @brief RSS and Atom feeds read as a stream: each item is handed on as soon as it closes,
/// so a feed of any length costs the memory of one item.
///
/// Read: RSS 0.9x, 2.0 (no namespace), RSS 0.90 and 1.0 (RDF) by their namespaces, Atom 0.3
/// and 1.0, and the modules real feeds use: Dublin Core (dc:creator, dc:date,
/// dc:subject), content:encoded, media:title / media:description (when the item has no
/// title / text of its own). Other namespaces (atom:link inside RSS, itunes, …) are passed
/// over. Internal to the indexer.
///
/// Broken XML is read with libxml2's recovering parser: each error is counted and the
/// first ones kept with their line; items before and after it are still read. Bytes that
/// are not UTF-8 in a feed declared (or defaulting to) UTF-8 are repaired as RepairUtf8
/// does, so that they do not switch the rest of the feed to Latin-1.
///
/// Thread safety: one FeedParser per thread.
#ifndef NEWSGREP_INDEXER_INTERNAL_FEED_H_
#define NEWSGREP_INDEXER_INTERNAL_FEED_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// One item / entry as the feed gives it: strings UTF-8 with white space collapsed, dates
/// as written.
struct FeedItem {
  std::string id;  // guid, atom:id, or rdf:about
  std::string title;
  bool title_is_html = false;           // Atom type="html" / "xhtml"
  std::string link;                     // RSS link, Atom link rel=alternate (or without rel)
  std::string published;                // pubDate, published (issued), dc:date
  std::string updated;                  // updated (modified), atom:updated
  std::vector<std::string> authors;     // author, dc:creator, atom author/name
  std::vector<std::string> categories;  // category (text or term=), dc:subject
  std::string summary;                  // description / summary
  bool summary_is_html = false;
  std::string content;  // content:encoded / atom content
  bool content_is_html = false;
  std::string source;  // the item's own <source> / atom source/title
  size_t line = 0;     // the line where the item opens
};

class FeedParser {
 public:
  using ItemCallback = std::function<void(FeedItem&&)>;

  /// `on_item` receives each item when it closes (and, at Finish, one the feed ended in).
  explicit FeedParser(ItemCallback on_item);
  ~FeedParser();
  FeedParser(const FeedParser&) = delete;
  FeedParser& operator=(const FeedParser&) = delete;

  /// Parses the next bytes of the feed.
  void Push(absl::string_view bytes);
  /// Ends the feed; an item left open by a truncated feed is handed on if it has a title
  /// or text.
  void Finish();

  /// The feed's own title (channel/title, feed/title): the articles' source.
  const std::string& title() const;
  /// How many XML errors the parser recovered from, and the first few: "line 12: Opening
  /// and ending tag mismatch: item and channel".
  size_t error_count() const;
  const std::vector<std::string>& first_errors() const;
  /// Whether the parser stopped before the end of the feed (an error it cannot recover
  /// from, such as bytes its declared encoding cannot decode): what follows was not read.
  bool stopped() const;
  /// Bytes repaired to valid UTF-8.
  size_t repaired_bytes() const;
  /// Whether the feed ended inside an item (handed on by Finish).
  bool truncated() const;

  struct State;  // the parser callbacks' context

 private:
  std::unique_ptr<State> state_;
};

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_FEED_H_
