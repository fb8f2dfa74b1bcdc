// SPDX-License-Identifier: GPL-2.0-or-later
/// @file input_format.h
/// @brief What kind of news a file holds, decided by its content (after any gzip layer) and,
/// only where the content does not say, by its name; `--format` overrides both.
///
/// SniffFormat's rules, in order (the head is read after a UTF-8 byte order mark and white
/// space, XML declarations, comments, processing instructions and DOCTYPEs other than
/// the ones named):
///   `WARC/1.`                                         kWarc
///   `<!DOCTYPE lewis`, `<REUTERS`                     kSgml (Reuters-21578)
///   a first element `<rss`, `<feed`, `<rdf:RDF` (any  kFeed
///   prefix), `<channel`
///   any other markup (`<` then a letter, `!` or `?`)  kHtml: a web page, so that markup is
///                                                     never indexed as text
///   `[`                                               kJson (an array of articles)
///   `{`: the name is *.jsonl / *.ndjson, or the       kJsonLines
///   first line is a whole JSON value
///   `{` otherwise (an object over several lines)      kJson
///   by name: *.jsonl / *.ndjson                       kJsonLines
///   by name: *.html / *.htm / *.xhtml                 kHtml
///   anything else                                     kText
/// A ".gz" ending is ignored for names.
///
/// Thread safety: pure functions.
#ifndef NEWSGREP_INDEXER_INPUT_FORMAT_H_
#define NEWSGREP_INDEXER_INPUT_FORMAT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace newsgrep {

enum class InputFormat {
  kAuto,       // decided per file by SniffFormat
  kText,       // one plain-text article (optional header lines)
  kJsonLines,  // one JSON object per line
  kJson,       // one JSON object, or an array of them
  kHtml,       // one web page
  kFeed,       // RSS 0.9x / 1.0 (RDF) / 2.0 or Atom: one article per item
  kWarc,       // web archive: one article per HTML response record
  kSgml,       // Reuters-21578 SGML: one article per <REUTERS> element
};

/// The format of a file named `name` whose first bytes (decompressed) are `head`.
/// Never returns kAuto.
InputFormat SniffFormat(absl::string_view name, absl::string_view head);

/// The name `--format` takes for `format`: "auto", "text", "jsonl", "json", "html",
/// "feed", "warc", "sgml".
absl::string_view InputFormatName(InputFormat format);

/// The format named `name` (InputFormatName's names; also "rss", "atom" for kFeed and
/// "ndjson" for kJsonLines). InvalidArgument listing the names otherwise.
absl::StatusOr<InputFormat> ParseInputFormat(absl::string_view name);

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_INPUT_FORMAT_H_
