/// @file cli_config.h
/// @brief The newsgrep command line, parsed and validated into a config before anything
/// runs. Reads the environment only through the `getenv` it is given (testable).
#ifndef NEWSGREP_TOOLS_CLI_CONFIG_H_
#define NEWSGREP_TOOLS_CLI_CONFIG_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/searcher.h"

namespace newsgrep::cli {

enum class Command { kSearch, kIndex, kSimilar, kEval, kStats, kCheck, kHelp, kVersion };
enum class ColorChoice { kAuto, kAlways, kNever };
enum class OutputMode { kText, kJson, kIdsOnly, kCountOnly };

struct Config {
  Command command = Command::kSearch;
  Command help_for = Command::kSearch;  // with kHelp: which command's help (kHelp = general)
  std::string db_path;                  // resolved: --db, NEWSGREP_DB, XDG default
  bool allow_stub_programs = false;     // a stub --db may name programs (index_location.h)
  // search
  std::string query;  // the operands joined by spaces
  OutputMode output = OutputMode::kText;
  ColorChoice color = ColorChoice::kAuto;
  SearchOptions search;
  // similar
  std::string article_id;
  // eval
  std::string evaluation;    // "dedup" or "ner"
  std::string conll_path;    // eval ner: the CoNLL-2003 file (plain or .gz)
  bool corpus_stats = true;  // eval ner: gather corpus statistics first
  size_t show_errors = 0;    // eval ner: false positives and misses to print per type
  std::string corpus_dir;    // the evaluation corpora (eval dedup --corpus-dir); none by default
  std::string sample_dir = "data/sample";  // the bundled sample corpus
  size_t perturb_stories = 200;
  // stats
  std::string stats_kind;  // "people" or "places"
  // index
  std::vector<std::string> inputs;
  size_t commit_every = 0;      // 0: IndexerOptions' automatic batch
  size_t analysis_threads = 0;  // index -j: 0 = one per core
  bool extract_entities = true;
  ReadLimits read_limits;  // index --max-body-bytes
  bool quiet = false;
};

using GetEnv = std::function<const char*(const char*)>;

/// Parses argv (without argv[0]). Returns InvalidArgument with a one-line message for a
/// usage error (unknown option, missing value, no query, options of another command).
absl::StatusOr<Config> ParseCommandLine(const std::vector<std::string>& args, const GetEnv& getenv);

/// Help text for `command` (kHelp: the overview).
std::string HelpText(Command command);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_CLI_CONFIG_H_
