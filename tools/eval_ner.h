// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_ner.h
/// @brief `newsgrep eval ner --conll FILE`: mention-level precision, recall and F1 of the
/// person and place recognizers (indexer's entities.h) on a CoNLL-2003 file.
///
/// Each document of the file (-DOCSTART- separated) is rebuilt as text (tokens joined by
/// spaces, one sentence per paragraph), analysed like an article body, and every PER and
/// LOC mention found is compared with the gold mentions by exact token span and type.
/// Entities are found as the indexer finds them: capitalisation statistics and the names
/// found with strong cues are gathered over each CorpusBlock of the file (one block for a
/// file of up to CorpusBlock::kMaxArticles documents), the figure printed is the index's.
/// (A document the cleaner edits inside a paragraph cannot be aligned with its tokens: it
/// is measured as read, without statistics, and counted in the note printed.)
#ifndef NEWSGREP_TOOLS_EVAL_NER_H_
#define NEWSGREP_TOOLS_EVAL_NER_H_

#include <cstddef>
#include <cstdio>
#include <string>

namespace newsgrep::cli {

struct NerEvalConfig {
  std::string conll_path;  // CoNLL-2003 format, plain or .gz
  size_t show_errors = 0;  // print this many false positives and misses per type
};

/// Prints one line per type ("PER  P=0.964 R=0.895 F1=0.928 …", then "LOC …") and a note
/// on what was measured to `out`. Returns 0 when both types reach P >= 0.92 and F1 >= 0.90,
/// 1 when not, 2 when the file cannot be read or holds no documents.
int RunNerEval(const NerEvalConfig& config, FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_EVAL_NER_H_
