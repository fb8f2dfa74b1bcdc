// SPDX-License-Identifier: GPL-2.0-or-later
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
#include "eval_extract.h"
#include "eval_ner.h"
#include "eval_quotes.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/searcher.h"

namespace newsgrep::cli {

enum class Command {
  kSearch,
  kIndex,
  kDelete,
  kSimilar,
  kShow,
  kEval,
  kStats,
  kCheck,
  kHelp,
  kVersion,
  kGenerate  // --generate KIND: the man page or a shell's completions (manual.h)
};
enum class ColorChoice { kAuto, kAlways, kNever };
enum class OutputMode { kText, kJson, kIdsOnly, kCountOnly };
enum class Evaluation { kDedup, kNer, kExtract, kQuotes };

/// `newsgrep [search] QUERY`.
struct SearchArgs {
  std::string query;  // the operands joined by spaces
  SearchOptions options;
  bool quotes = false;   // --quotes: the matching quotes, not the articles (Searcher::Quotes)
  bool partial = false;  // --partial: answer from the shards that can be reached (OpenOptions)
};

/// `newsgrep index PATH...`.
struct IndexArgs {
  std::vector<std::string> inputs;
  size_t commit_every = 0;      // 0: IndexerOptions' automatic batch
  size_t analysis_threads = 0;  // -j: 0 = one per core
  bool extract_entities = true;
  ReadLimits read_limits;                         // --max-body-bytes
  InputFormat input_format = InputFormat::kAuto;  // --format
  bool quiet = false;
  bool verbose = false;  // --verbose: name each ignored record too
};

/// `newsgrep delete ID...`, `newsgrep delete --missing-files`.
struct DeleteArgs {
  std::vector<std::string> ids;
  bool missing_files = false;  // --missing-files: the articles of files that are gone
  bool dry_run = false;        // --dry-run: list what would go, change nothing
};

/// `newsgrep show ID...`.
struct ShowArgs {
  std::vector<std::string> ids;
};

/// `newsgrep similar ID`.
struct SimilarArgs {
  std::string article_id;
};

/// `newsgrep eval dedup|ner|extract|quotes`.
struct EvalArgs {
  Evaluation evaluation = Evaluation::kDedup;
  NerEvalConfig ner;                       // eval ner: --conll, --errors
  ExtractEvalConfig extract;               // eval extract DIR [--output FILE]
  std::string labels_dir = "data/labels";  // eval quotes --labels
  size_t draw = 0;                         // eval quotes --draw
  std::string corpus_dir;  // eval dedup --corpus-dir: the evaluation corpora; none by default
  std::string sample_dir = "data/sample";  // eval dedup --sample-dir: the bundled sample corpus
  size_t perturb_stories = 200;            // eval dedup --stories
  std::vector<std::string> dedup_sets;     // eval dedup --sets: empty = every set
};

/// `newsgrep stats people|places`.
struct StatsArgs {
  EntityKind kind = EntityKind::kPerson;
  size_t limit = 10;  // -n
};

/// A parsed command line: what every command shares, then one options struct per command,
/// of which only `command`'s is filled in (the others keep their defaults).
struct Config {
  Command command = Command::kSearch;
  Command help_for = Command::kSearch;  // with kHelp: which command's help (kHelp = general)
  std::string db_path;                  // resolved: --db, NEWSGREP_DB, XDG default
  /// Every --db given (search, similar, show and stats search them as one), else db_path.
  std::vector<std::string> db_paths;
  bool allow_stub_programs = false;  // a stub --db may name programs (index_location.h)
  std::string generate;              // --generate: man, complete-bash, complete-zsh, complete-fish
  OutputMode output = OutputMode::kText;
  ColorChoice color = ColorChoice::kAuto;
  SearchArgs search;
  IndexArgs index;
  DeleteArgs remove;  // `delete`
  SimilarArgs similar;
  ShowArgs show;
  EvalArgs eval;
  StatsArgs stats;
};

using GetEnv = std::function<const char*(const char*)>;

/// Parses argv (without argv[0]) with getopt_long, whose table is the options the help texts
/// list (manual.h): `-n1`, `-n 1`, `--limit=1`, `--limit 1`; bundled switches (`-ln3`);
/// long options only whole; an optional value only after '=' (`--facets=person`). A
/// command takes the options its help lists and every command's. After the first word of
/// a query, a word not shaped as an option (`-russia`) is a query word. Returns
/// InvalidArgument with a one-line message for a usage error (unknown option, missing
/// value, no query, another command's option, two output formats). Not reentrant:
/// getopt_long keeps its place in globals (the CLI parses on one thread).
absl::StatusOr<Config> ParseCommandLine(const std::vector<std::string>& args, const GetEnv& getenv);

/// Reads a whole file: its contents, or NotFound / another error naming it.
using ReadFileFn = std::function<absl::StatusOr<std::string>(const std::string& path)>;

/// The config file of default options, as ripgrep's: NEWSGREP_CONFIG names it (set and
/// empty: none), else $XDG_CONFIG_HOME/newsgrep/config, else ~/.config/newsgrep/config.
/// One option per line, its value after "=" or a space (`--db=/srv/news`, `-n 20`,
/// `--color never`); blank lines and lines starting with '#' are ignored.
/// Returns "" when no file is named and the default one does not exist.
std::string ConfigFilePath(const GetEnv& getenv);

/// ParseCommandLine with the config file's options before the command line's: the command
/// line wins (a later -n, --color or --sort replaces the config's; a --db on the command
/// line replaces the config's --db), and an option of the file that another command takes,
/// or that conflicts with the command line (--json there, -c here), is left out. `--no-config`
/// (anywhere before `--`) reads no file. Returns InvalidArgument naming the file and line
/// for a line that is no option or an option newsgrep does not know or take that way, and
/// the read error for a file NEWSGREP_CONFIG names that cannot be read (a default file
/// that does not exist is no error). The library never reads the file: only the CLI does.
absl::StatusOr<Config> ParseCommandLineWithConfig(const std::vector<std::string>& args,
                                                  const GetEnv& getenv,
                                                  const ReadFileFn& read_file);

/// Help text for `command` (kHelp: the overview).
std::string HelpText(Command command);

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_CLI_CONFIG_H_
