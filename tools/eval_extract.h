// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_extract.h
/// @brief `newsgrep eval extract DIR`: how well ReadWebPage (web_page.h, the code
/// `newsgrep index` reads pages with) finds the article's own text, on a directory laid out
/// as the article-extraction benchmark is: DIR/ground-truth.json mapping each id to
/// {"articleBody": the true text}, and the pages DIR/html/<id>.html(.gz).
///
/// The benchmark's measure: words are runs of word characters (letters, digits, '_'), each
/// text is the multiset of its 4-word shingles (one shingle of fewer words when the text is
/// shorter); per page, true and false positives and false negatives are counted on the two
/// multisets and normalised to sum to 1; precision and recall are each averaged over the
/// pages (a page whose extraction is empty has precision 0), and F1 is the harmonic mean
/// of the two averages.
#ifndef NEWSGREP_TOOLS_EVAL_EXTRACT_H_
#define NEWSGREP_TOOLS_EVAL_EXTRACT_H_

#include <cstdio>
#include <string>

#include "absl/strings/string_view.h"

namespace newsgrep::cli {

struct ExtractEvalConfig {
  std::string dir;          // the benchmark directory
  std::string output_path;  // also write {"<id>": {"articleBody": …}} here ("" = no)
};

/// Precision, recall and F1 of one extraction against the truth (the measure above).
struct ShingleScore {
  double precision = 0;
  double recall = 0;
};
ShingleScore ScoreExtraction(absl::string_view truth, absl::string_view extracted);

/// Prints P, R, F1 (with the published F1 of other extractors beside them) and pages per
/// second of extraction alone to `out`. Returns 0 when F1 >= 0.96 and extraction reaches
/// 500 pages/s, 1 when not, 2 when DIR cannot be read.
int RunExtractEval(const ExtractEvalConfig& config, FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_EVAL_EXTRACT_H_
