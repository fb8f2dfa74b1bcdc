// SPDX-License-Identifier: GPL-2.0-or-later
/// @file printer.h
/// @brief One interface for every output format of `newsgrep search` and `newsgrep
/// similar`: text (optionally coloured), JSON Lines (docs/JSON.md), ids only, count only.
#ifndef NEWSGREP_TOOLS_PRINTER_H_
#define NEWSGREP_TOOLS_PRINTER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli_config.h"
#include "newsgrep/near_duplicates.h"
#include "newsgrep/searcher.h"

namespace newsgrep::cli {

/// Version of the JSON Lines output format; bumped on incompatible changes.
inline constexpr int kJsonFormatVersion = 1;

/// One other version of a story, for `newsgrep similar`: the stored article (body
/// included) and how much text it shares with the article asked about.
struct StoryVersion {
  ArticleRecord record;
  Similarity similarity;
};

/// Writes results to a FILE in one output format. Not thread-safe: one printer per thread.
class ResultPrinter {
 public:
  virtual ~ResultPrinter() = default;
  virtual void PrintHit(const Hit& hit) = 0;
  /// Called once after the hits. Text: the facets (a heading, then count, name and the
  /// query that selects each value) and the timeline (a bar per bucket); JSON: a "facet"
  /// object per facet, a "timeline" object, then the "summary"; count only: the total.
  virtual void PrintSummary(absl::string_view query, const SearchResults& results,
                            const SearchOptions& options) = 0;
  /// `newsgrep --quotes`: the quotes found. Text: a heading per speaker, then each quote
  /// with its date, source and article id; JSON: one "quote" object per quote, then the
  /// "summary" (its total counts quotes); ids only: each quote's article id; count only:
  /// the number of quotes.
  virtual void PrintQuotes(absl::string_view query, const QuoteResults& results,
                           const SearchOptions& options) = 0;
  /// `newsgrep similar`: `article` (the one asked about) and the other `versions` of its
  /// story, earliest first. Text: the article's title, id, length and number of versions,
  /// then one block per version (dates shown as in search hits); JSON: one "version" object
  /// per version; ids only: the versions' ids; count only: their number.
  virtual void PrintVersions(const StoredArticle& article,
                             const std::vector<StoryVersion>& versions) = 0;
  /// `newsgrep show`: one whole article and the ids of its story's other versions. Text:
  /// title, date · source · id, url, authors, dateline, the clean text (when colour is on,
  /// its quotes and the names of its people and places (NameMentions) in colour), then the
  /// people, places and quotes (with speakers) found in it and the other versions; JSON:
  /// one "article" object with the names' offsets (docs/JSON.md); ids only: its id; count
  /// only: 1.
  virtual void PrintArticle(const ArticleRecord& record,
                            const std::vector<std::string>& other_versions) = 0;
};

/// A printer for `mode` writing to `out` (not owned; must outlive the printer). Text lines
/// that scale (the timeline's bars) fill `width` columns.
std::unique_ptr<ResultPrinter> MakePrinter(OutputMode mode, bool color, FILE* out,
                                           size_t width = 80);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_PRINTER_H_
