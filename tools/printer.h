/// @file printer.h
/// @brief One interface for every output format of `newsgrep search`: text (optionally
/// coloured), JSON Lines (docs/JSON.md), ids only, count only.
#ifndef NEWSGREP_TOOLS_PRINTER_H_
#define NEWSGREP_TOOLS_PRINTER_H_

#include <cstdio>
#include <memory>
#include <string>

#include "cli_config.h"
#include "newsgrep/searcher.h"

namespace newsgrep::cli {

/// Version of the JSON Lines output format; bumped on incompatible changes.
inline constexpr int kJsonFormatVersion = 1;

class ResultPrinter {
 public:
  virtual ~ResultPrinter() = default;
  virtual void PrintHit(const Hit& hit) = 0;
  /// Called once after the hits.
  virtual void PrintSummary(absl::string_view query, const SearchResults& results,
                            const SearchOptions& options) = 0;
};

/// A printer for `mode` writing to `out` (not owned; must outlive the printer).
std::unique_ptr<ResultPrinter> MakePrinter(OutputMode mode, bool color, FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_PRINTER_H_
