// SPDX-License-Identifier: GPL-2.0-or-later
/// @file readers.h
/// @brief The article reader's pieces shared by its formats (article_reader.cc reads plain
/// text, JSON and web pages; feed_reader.cc, warc_reader.cc and sgml_reader.cc the rest).
/// Internal to the indexer.
///
/// Each Read…File function reads the file `path` whose first bytes `head` were already
/// read from `file`, hands each article to callbacks.on_article and each problem to
/// callbacks.on_problem (with the file and line, record or byte offset it concerns), and
/// sets `*status` to on_article's first non-OK return, after which it stops.
#ifndef NEWSGREP_INDEXER_INTERNAL_READERS_H_
#define NEWSGREP_INDEXER_INTERNAL_READERS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "newsgrep/article.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/input_file.h"

namespace newsgrep::internal {

/// What a file that is no text whatever its name says it is, by its first bytes' magic: "a
/// PDF document", "a PNG image", …; "" for anything else. (A NUL byte makes a text or web
/// page binary, not a JSON Lines file, where it is one record's fault.)
absl::string_view BinaryKind(absl::string_view head);

/// "path:line" or "path:line:column" (column 0: none).
std::string Location(absl::string_view path, size_t line, size_t column = 0);

/// Sets the article's date from `text` as written (what dates.h reads); a date it cannot
/// read is reported at `location` as repaired, and the article keeps none. "" sets none.
void SetDate(Article& article, absl::string_view text, const std::string& location,
             const ProblemCallback& on_problem);

/// `text` cut to at most `limit` bytes at a word boundary.
void CutText(std::string& text, size_t limit);

/// Cuts an over-long title or body to its limit at a word boundary, reporting it at
/// `location`.
void KeepWithinLimits(Article& article, const std::string& location, const ReadLimits& limits,
                      const ProblemCallback& on_problem);

/// What RepairUtf8 did, in one wording for every format: "3 byte(s) that are not UTF-8
/// (the first at byte 17) read as Windows-1252 or dropped"; without the offset when
/// `first_bad` is npos (the caller's location names it).
std::string NotUtf8Note(size_t repaired, size_t first_bad = std::string::npos);

/// The first sentence of `text` (a leading dateline dropped), at most ~150 bytes, cut at a
/// word boundary: the title of an article that has none.
std::string FirstSentence(absl::string_view text);

/// What a web page's container says of it (a WARC record); "" where it says nothing.
struct PageContext {
  std::string charset;  // the HTTP Content-Type's charset: it wins over the page's own
  std::string date;     // when the page was fetched: the date of a page that gives none
};

/// The article in the web page `html` (ReadWebPage in web_page.h), problems reported at
/// `origin`: id and url are the page's canonical URL ("" when it names none; the caller
/// sets the id then). nullopt, reported as skipped, for a page with no article text.
std::optional<Article> ArticleFromPage(absl::string_view html, const std::string& origin,
                                       const PageContext& context,
                                       const ProblemCallback& on_problem, const ReadLimits& limits);

/// An RSS / Atom feed (feed.h): one article per item.
void ReadFeedFile(const std::string& path, InputFile& file, std::string head,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status);

/// A WARC file (warc_reader.cc): one article per response or resource record holding a
/// 2xx HTML page.
void ReadWarcFile(const std::string& path, InputFile& file, std::string head,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status);

/// Reuters-21578 SGML: one article per <REUTERS> element (NEWID the id; TITLE, DATELINE,
/// BODY, or the text of an unprocessed story; DATE read as local time).
void ReadSgmlFile(const std::string& path, InputFile& file, std::string head,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_READERS_H_
