/// @file eval_dedup.h
/// @brief `newsgrep eval dedup`: precision and recall of near-duplicate clustering, run
/// through the real indexer on (a) the five seed articles and the bundled sample corpus,
/// (b) a perturbation set generated from real articles, (c) exact-duplicate bodies in
/// Reuters-21578. Corpora that are absent are skipped with a message.
#ifndef NEWSGREP_TOOLS_EVAL_DEDUP_H_
#define NEWSGREP_TOOLS_EVAL_DEDUP_H_

#include <cstddef>
#include <cstdio>
#include <string>

namespace newsgrep::cli {

struct DedupEvalConfig {
  std::string seeds_dir;         // the labelled seed articles ("" skips them)
  std::string sample_dir;        // data/sample (articles/ + clusters.tsv)
  std::string perturb_source;    // a .jsonl(.gz) of real articles (BBC News)
  std::string reuters;           // reuters21578.jsonl.gz
  size_t perturb_stories = 200;  // originals drawn for the perturbation set
  std::string work_dir;          // where temporary indexes go (default: a new dir in /tmp)
};

/// Runs every evaluation whose corpus exists, printing a report to `out`.
/// Returns 0 when every target is met, 1 when one is missed, 2 on an error.
int RunDedupEval(const DedupEvalConfig& config, FILE* out);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_EVAL_DEDUP_H_
