// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_quotes.h
/// @brief `newsgrep eval quotes`: are quotations found, and is each one's speaker right, as
/// the indexer finds them (entities_as_indexed.h)?
///
/// Three sets, each skipped with a message when its files are missing:
///   - sample: the bundled sample corpus's quotes.tsv (every quotation of the annotated
///     articles with its speaker; conventions in data/sample/README.md). A label is matched
///     by the first words of the quotation; every quotation found in an annotated article
///     and not labelled counts as a false quotation.
///   - seeds: the five seed reports (../shared/corpus/seeds), labelled in
///     LABELS/quotes-seeds.tsv.
///   - reuters: 100 quotations drawn evenly from every one found in Reuters-21578, labelled
///     by hand in LABELS/quotes-reuters.tsv; the precision of the speakers given.
/// Labels of the shared corpora hold no text of theirs: an article id (the seed's file
/// name), the byte offset of the quotation's first character in the body as indexed
/// (cleaned), and the speaker ("" for none: unattributed or an unnamed source), or "-" in
/// the speaker column for a span that is no quotation. Speakers are compared by their
/// name keys (FoldName), so spellings of one name agree.
#ifndef NEWSGREP_TOOLS_EVAL_QUOTES_H_
#define NEWSGREP_TOOLS_EVAL_QUOTES_H_

#include <cstddef>
#include <cstdio>
#include <string>

namespace newsgrep::cli {

struct QuotesEvalConfig {
  std::string sample_dir = "data/sample";  // quotes.tsv and articles/
  std::string corpus_dir;                  // seeds/ and reuters21578.jsonl.gz; "" = skip
  std::string labels_dir = "data/labels";  // quotes-seeds.tsv, quotes-reuters.tsv
  size_t show_errors = 0;  // print this many wrong speakers, misses and false quotations per set
  /// > 0: print the quotations of Reuters-21578 that would be drawn, for labelling (id,
  /// offset, the text around; not the speaker found), instead of measuring.
  size_t draw = 0;
};

/// The number of Reuters quotations measured.
inline constexpr size_t kReutersQuotesDrawn = 100;

/// Prints one line per set to `out`. Returns 0 when every speaker of sample and seeds is
/// right and no quotation there is missed or false, 1 when not, 2 when a file cannot be
/// read.
int RunQuotesEval(const QuotesEvalConfig& config, FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_EVAL_QUOTES_H_
