// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_dedup.h
/// @brief `newsgrep eval dedup`: precision and recall of near-duplicate clustering, run
/// through the real indexer on (a) the five seed articles and the bundled sample corpus,
/// (b) a perturbation set generated from real articles, (c) exact-duplicate bodies in
/// Reuters-21578, (d) short items: republications of real short ledes (AG News) with chrome,
/// site-suffixed titles, credits and edited words, and (e) Reuters-21578's short templated
/// notices (dividends, earnings lines), where no two about different companies or figures
/// may merge. Corpora that are absent are skipped with a message.
#ifndef NEWSGREP_TOOLS_EVAL_DEDUP_H_
#define NEWSGREP_TOOLS_EVAL_DEDUP_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::cli {

/// The evaluation sets, by the names `--sets` takes.
inline constexpr const char* kDedupEvalSets[] = {"seeds",  "short",         "notices",
                                                 "sample", "perturbations", "reuters"};
bool IsDedupEvalSet(absl::string_view name);

struct DedupEvalConfig {
  std::string seeds_dir;          // the labelled seed articles ("" skips them)
  std::string sample_dir;         // data/sample (articles/ + clusters.tsv)
  std::string perturb_source;     // a .jsonl(.gz) of real articles (BBC News)
  std::string reuters;            // reuters21578.jsonl.gz
  std::string short_source;       // agnews_test.jsonl.gz: the short ledes
  size_t short_originals = 2000;  // short ledes drawn for the short-item set
  size_t short_variants = 300;    // republications of them
  size_t perturb_stories = 200;   // originals drawn for the perturbation set
  std::string work_dir;           // where temporary indexes go (default: a new dir in /tmp)
  std::vector<std::string> sets;  // kDedupEvalSets to run; empty: all
};

/// Runs every evaluation whose corpus exists, printing a report to `out`.
/// Returns 0 when every target is met, 1 when one is missed, 2 on an error.
int RunDedupEval(const DedupEvalConfig& config, FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_EVAL_DEDUP_H_
