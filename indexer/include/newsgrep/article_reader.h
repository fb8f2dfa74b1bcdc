// SPDX-License-Identifier: GPL-2.0-or-later
/// @file article_reader.h
/// @brief Reads articles from files, directories and standard input: plain text, JSON Lines,
/// JSON, web pages, RSS / Atom feeds, WARC, Reuters SGML; any of them gzip-compressed.
///
/// Each file's format is found from its first bytes (after any gzip layer), else from its
/// name (SniffFormat in input_format.h), unless the caller names one for all:
///   JSON Lines   one JSON object per line: id, title, body, date, source, url, dateline,
///                author / authors (a name, {"name": …}, or an array of these),
///                categories / category / tags / topics (a string or an array of them);
///                other keys are ignored. A bad record is skipped alone.
///   JSON         one such object, or an array of them, read element by element (a bad
///                element is skipped alone; the memory is one element's). An element's
///                location is the line it starts on.
///   web page     one article (ReadWebPage in web_page.h): title, date, source (site
///                name), authors, url and, as id, the canonical URL (else the path); a
///                page with no article text is skipped and reported, WebPage::repairs
///                reported as repaired.
///   feed         RSS 0.9x / 1.0 / 2.0 or Atom, one article per item (internal/feed.h),
///                read as a stream: id = guid / atom:id / rdf:about, else the link, else
///                "PATH#" and a hash of the title and text; title (escaped HTML read as
///                text; else the text's first sentence); url = link; date = published,
///                else updated; authors; categories; body = content:encoded / content, else
///                description / summary, HTML read as web-page text (HtmlFragmentText);
///                source = the item's <source>, else the feed's title. An item with neither
///                title nor text is skipped; malformed XML is read as libxml2 recovers it
///                and reported with the line of its first error.
///   plain text   one article. An optional header block of `Title:`, `Date:`, `Source:`,
///                `URL:`, `Dateline:`, `Author:` (one per author) lines ends at the first
///                blank line. Without a Title header the first non-empty line that is not
///                a photo caption, byline or site chrome (IsCaptionLine / IsBylineLine /
///                IsChromeLine in cleaner.h, or a line opening with a credit such as
///                "(Reuters photo)") is the title; those lines stay in the body. When that
///                line is longer than kMaxTitleLineLength (a scraped page that starts with
///                its first paragraph), the title is the first sentence of what CleanBody
///                keeps of it (a flattened page's header gone), without a leading dateline
///                ("BRUSSELS:", "WASHINGTON (Reuters) -", "(AP) —"), and the whole text
///                is the body.
///   Reuters SGML the Reuters-21578 collection's reut2-*.sgm: one article per <REUTERS>
///                element, read as a stream: NEWID the id, TITLE, DATELINE (without its
///                " -"), BODY (or the text of a TYPE="UNPROC" story), TOPICS as
///                categories, DATE read as local time; entities decoded, C0 controls but
///                \n and \t removed.
///   WARC         WARC 1.0 / 1.1 (.warc, .warc.gz), read record by record: each response
///                record with an HTTP 2xx HTML payload (chunked and gzip / deflate
///                bodies decoded, the HTTP charset winning over the page's) and each
///                resource record with an HTML type is a web page, read as above with
///                the record's WARC-Target-URI as id and url and its WARC-Date as the
///                date of a page that gives none. Other responses (not HTML, not 2xx)
///                and revisits are reported as kIgnored; a Content-Length that does not
///                end the record is repaired by reading up to the next record.
/// A plain file's id is its canonical path: without "." and ".." steps or doubled slashes,
/// relative to the working directory when the file lies below it, else absolute (symbolic
/// links not resolved), so `a/x.txt`, `./a/x.txt` and its absolute path are one article.
/// A text read from standard input (path "-",
/// named "<stdin>" in messages) has the id "stdin:" and 16 hex digits of a hash of its
/// bytes.
/// Directories are walked recursively in name order; names starting with '.' are skipped.
/// A file that is no text whatever its name (PDF, PNG, JPEG, GIF, WebP, ZIP, ELF, Ogg,
/// MP4 by their first bytes, or, for text and web pages, NUL bytes in the first 8 KB) is
/// skipped and reported.
///
/// Problems never stop the read: each is reported once through the ProblemCallback with
/// the file (and line) it concerns, and the rest is still read.
///
/// Thread safety: the functions keep no state; concurrent calls on different inputs are
/// safe.
#ifndef NEWSGREP_INDEXER_ARTICLE_READER_H_
#define NEWSGREP_INDEXER_ARTICLE_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgrep/article.h"
#include "newsgrep/input_format.h"

namespace newsgrep {

inline constexpr size_t kMaxTitleLineLength = 200;

/// Something wrong with the input, and what was done about it.
struct InputProblem {
  enum class Outcome {
    kRepaired,  // the article was indexed after a repair (invalid UTF-8, bad date)
    kSkipped,   // the file or record was not indexed
    kIgnored,   // not an article, and no fault: a crawl's record that is not a 2xx HTML
                // page (counted, not indexed)
  };
  Outcome outcome;
  std::string location;  // "path", "path:line" or "path:line:column"
  std::string message;
};

/// Receives each article read. A non-OK return stops the read and is returned by
/// ReadArticles (used for failures of the consumer, e.g. the index cannot be written).
using ArticleCallback = std::function<absl::Status(Article&&)>;
using ProblemCallback = std::function<void(const InputProblem&)>;
/// Called after each file is finished (for progress reports).
using FileDoneCallback = std::function<void(const std::string& path)>;

/// Called with the bytes of `path` read so far (after decompression): after each article
/// and when the file is finished (for progress reports within large files).
using ReadProgressCallback = std::function<void(const std::string& path, uint64_t bytes)>;

struct ReadCallbacks {
  ArticleCallback on_article;          // REQUIRES: set
  ProblemCallback on_problem;          // REQUIRES: set
  FileDoneCallback on_file_done;       // Default: none
  ReadProgressCallback on_bytes_read;  // Default: none
};

/// Bounds on what one input may cost, so that a small file cannot demand unbounded memory
/// (a 600 KB .jsonl.gz can hold a 200 MB body, which took 3.2 GB to index and 3.5 GB for
/// every search that found it). What is cut or skipped is reported to on_problem.
struct ReadLimits {
  /// Longest article body kept; a longer one is cut at the last word boundary before it
  /// (reported as repaired). Default: 1 MiB, some 150,000 words; news stories are well under
  /// 100 KB.
  size_t max_body_bytes = size_t{1} << 20;
  /// Longest JSON Lines record read; a longer one is skipped without being held in memory
  /// whole. Default: 16 MiB.
  size_t max_record_bytes = size_t{16} << 20;
  /// Most of a plain-text file read; the rest is not read (reported as repaired). Default:
  /// 16 MiB.
  size_t max_text_file_bytes = size_t{16} << 20;
};

/// Longest title kept; a longer one is cut at a word boundary (reported as repaired).
inline constexpr size_t kMaxTitleBytes = 2048;

/// Reads every article in `path` (a file or a directory), within `limits`.
/// Returns OK once everything readable was passed on (problems go to on_problem), or the
/// first non-OK status returned by on_article.
absl::Status ReadArticles(const std::string& path, const ReadCallbacks& callbacks,
                          const ReadLimits& limits = {}, InputFormat format = InputFormat::kAuto);

/// Parses one plain-text article (`text` must already be valid UTF-8). `id` becomes
/// Article::id and origin. An unparseable Date header is reported through `on_problem`
/// (when set) and the article kept without a date. Returns InvalidArgument when there is
/// no text at all.
absl::StatusOr<Article> ParseTextArticle(absl::string_view text, absl::string_view id,
                                         const ProblemCallback& on_problem = nullptr);

/// Parses one JSON Lines record. `origin` ("feed.jsonl:12") is used in messages.
/// Repairs are reported through `on_problem` (REQUIRES: set). Returns InvalidArgument,
/// whose message starts with the location ("feed.jsonl:12:17: malformed JSON: …"), for
/// malformed JSON, a record that is not an object, a non-string field, no id/url, or no
/// text.
absl::StatusOr<Article> ParseJsonArticle(absl::string_view line, absl::string_view origin,
                                         const ProblemCallback& on_problem);

/// Makes `text` valid UTF-8: each byte that is not part of a valid sequence is read as
/// Windows-1252 (the usual cause), NUL and other C0 controls except \t \n \r are dropped.
/// Returns the number of bytes repaired or dropped (0 when `text` was already clean), and
/// the offset of the first one in `first_bad_offset` when that is not null.
size_t RepairUtf8(std::string& text, size_t* first_bad_offset = nullptr);

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_ARTICLE_READER_H_
