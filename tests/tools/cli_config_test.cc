// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cli_config_test.cc
/// @brief Tests for the newsgrep command-line parser: subcommands, options, the database
/// path resolution order, validation errors and help texts.
#include "cli_config.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgrep::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// A getenv over a fixed environment, so tests never see the real one.
GetEnv FakeEnv(std::map<std::string, std::string> env) {
  return [env = std::move(env)](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
}

absl::StatusOr<Config> Parse(const std::vector<std::string>& args) {
  return ParseCommandLine(args, FakeEnv({{"HOME", "/home/ann"}}));
}

std::string ErrorOf(const std::vector<std::string>& args) {
  absl::StatusOr<Config> config = Parse(args);
  if (config.ok()) return "<parsed OK>";
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(config.status().message());
}

// --- search and subcommands ---------------------------------------------------------

TEST(CliConfigTest, BareWordsAreASearchJoinedBySpaces) {
  absl::StatusOr<Config> config = Parse({"security", "guarantees", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kSearch);
  EXPECT_EQ(config->search.query, "security guarantees nato");
  EXPECT_THAT(config->index.inputs, IsEmpty());
}

TEST(CliConfigTest, DefaultsForAPlainSearch) {
  absl::StatusOr<Config> config = Parse({"nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kText);
  EXPECT_EQ(config->color, ColorChoice::kAuto);
  EXPECT_EQ(config->search.options.limit, 10u);
  EXPECT_EQ(config->search.options.offset, 0u);
  EXPECT_FALSE(config->search.options.exact_count);
  EXPECT_EQ(config->search.options.sort, SortOrder::kRelevance);
}

TEST(CliConfigTest, QuotedQueryArgumentIsKeptWhole) {
  absl::StatusOr<Config> config = Parse({"\"security guarantees\" nato -russia"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.query, "\"security guarantees\" nato -russia");
}

TEST(CliConfigTest, SearchSubcommandSearchesForACommandName) {
  absl::StatusOr<Config> config = Parse({"search", "index"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kSearch);
  EXPECT_EQ(config->search.query, "index");
}

TEST(CliConfigTest, DoubleDashSearchesForACommandName) {
  absl::StatusOr<Config> config = Parse({"--", "index"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kSearch);
  EXPECT_EQ(config->search.query, "index");
  EXPECT_THAT(config->index.inputs, IsEmpty());
}

TEST(CliConfigTest, DoubleDashEndsOptions) {
  absl::StatusOr<Config> config = Parse({"nato", "--", "-russia", "--json"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.query, "nato -russia --json");
  EXPECT_EQ(config->output, OutputMode::kText);
}

TEST(CliConfigTest, CommandNameAfterTheFirstWordIsASearchWord) {
  absl::StatusOr<Config> config = Parse({"nato", "index", "help"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kSearch);
  EXPECT_EQ(config->search.query, "nato index help");
}

TEST(CliConfigTest, IndexSubcommandTakesInputs) {
  absl::StatusOr<Config> config = Parse({"index", "a.jsonl", "dir/b"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kIndex);
  EXPECT_THAT(config->index.inputs, ElementsAre("a.jsonl", "dir/b"));
  EXPECT_EQ(config->search.query, "");
  EXPECT_EQ(config->index.commit_every, 0u);  // automatic (IndexerOptions)
  EXPECT_FALSE(config->index.quiet);
}

TEST(CliConfigTest, OptionsBeforeTheSubcommand) {
  absl::StatusOr<Config> config = Parse({"--db", "/x", "index", "f"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kIndex);
  EXPECT_EQ(config->db_path, "/x");
  EXPECT_THAT(config->index.inputs, ElementsAre("f"));
}

TEST(CliConfigTest, IndexOptions) {
  absl::StatusOr<Config> config = Parse({"index", "-q", "--commit-every", "50", "in.jsonl"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->index.quiet);
  EXPECT_EQ(config->index.commit_every, 50u);
  EXPECT_THAT(config->index.inputs, ElementsAre("in.jsonl"));

  config = Parse({"index", "--quiet", "--commit-every=7", "in.jsonl"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->index.quiet);
  EXPECT_EQ(config->index.commit_every, 7u);
  EXPECT_EQ(config->index.analysis_threads, 0u);  // default: AnalysisThreads decides

  config = Parse({"index", "-j", "3", "in.jsonl"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->index.analysis_threads, 3u);
  config = Parse({"index", "--threads=1", "in.jsonl"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->index.analysis_threads, 1u);
  EXPECT_THAT(ErrorOf({"index", "-j", "many", "f"}), HasSubstr("whole number"));
  EXPECT_THAT(ErrorOf({"search", "-j", "2", "foo"}), HasSubstr("-j"));
}

TEST(CliConfigTest, CommitEveryZeroIsAnError) {
  EXPECT_THAT(ErrorOf({"index", "--commit-every", "0", "f"}), HasSubstr("--commit-every"));
}

// --- the database path ---------------------------------------------------------------

TEST(CliConfigTest, DbFlagBeatsEnvironment) {
  absl::StatusOr<Config> config = ParseCommandLine(
      {"--db", "/flag/db", "nato"},
      FakeEnv({{"NEWSGREP_DB", "/env/db"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/ann"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/flag/db");
}

TEST(CliConfigTest, DbFlagInlineForm) {
  absl::StatusOr<Config> config =
      ParseCommandLine({"--db=/flag/db", "nato"}, FakeEnv({{"NEWSGREP_DB", "/env/db"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/flag/db");
}

TEST(CliConfigTest, NewsgrepDbBeatsXdgDataHome) {
  absl::StatusOr<Config> config = ParseCommandLine(
      {"nato"},
      FakeEnv({{"NEWSGREP_DB", "/env/db"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/ann"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/env/db");
}

TEST(CliConfigTest, XdgDataHomeBeatsHome) {
  absl::StatusOr<Config> config =
      ParseCommandLine({"nato"}, FakeEnv({{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/ann"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/xdg/newsgrep/index");
}

TEST(CliConfigTest, HomeDefault) {
  absl::StatusOr<Config> config = ParseCommandLine({"nato"}, FakeEnv({{"HOME", "/home/ann"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/home/ann/.local/share/newsgrep/index");
}

TEST(CliConfigTest, EmptyEnvironmentVariablesAreIgnored) {
  absl::StatusOr<Config> config = ParseCommandLine(
      {"nato"}, FakeEnv({{"NEWSGREP_DB", ""}, {"XDG_DATA_HOME", ""}, {"HOME", "/home/ann"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/home/ann/.local/share/newsgrep/index");
}

TEST(CliConfigTest, DbPathIsResolvedForIndexToo) {
  absl::StatusOr<Config> config =
      ParseCommandLine({"index", "f"}, FakeEnv({{"NEWSGREP_DB", "/env/db"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_path, "/env/db");
}

TEST(CliConfigTest, DbWithoutValueIsAnError) {
  EXPECT_THAT(ErrorOf({"nato", "--db"}), HasSubstr("--db"));
}

// --- search options ------------------------------------------------------------------

TEST(CliConfigTest, LimitShortAndLongForms) {
  absl::StatusOr<Config> config = Parse({"-n", "3", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.limit, 3u);
  EXPECT_EQ(config->search.query, "nato");

  config = Parse({"nato", "--limit", "25"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.limit, 25u);
  EXPECT_EQ(config->search.query, "nato");
}

TEST(CliConfigTest, LimitAndOffsetInlineForm) {
  absl::StatusOr<Config> config = Parse({"--limit=5", "--offset=20", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.limit, 5u);
  EXPECT_EQ(config->search.options.offset, 20u);
}

// getopt_long's conventions: a short option's value attached or apart, a long option's
// after '=' or apart, short switches bundled.
TEST(CliConfigTest, OptionsTakeTheirValuesAsGetoptLongDoes) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"-n1", "nato"},
                                             {"-n", "1", "nato"},
                                             {"--limit=1", "nato"},
                                             {"--limit", "1", "nato"},
                                             {"nato", "-n1"},
                                             {"nato", "--limit=1"}}) {
    absl::StatusOr<Config> config = Parse(args);
    ASSERT_TRUE(config.ok()) << args[0] << ": " << config.status();
    EXPECT_EQ(config->search.options.limit, 1u) << args[0];
    EXPECT_EQ(config->search.query, "nato") << args[0];
  }
  // -ln3: -l, then -n with 3 attached.
  absl::StatusOr<Config> config = Parse({"-ln3", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kIdsOnly);
  EXPECT_EQ(config->search.options.limit, 3u);
  config = Parse({"index", "-qj2", "x"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->index.quiet);
  EXPECT_EQ(config->index.analysis_threads, 2u);
  // A bundle of two output formats is the same conflict as the two apart.
  EXPECT_THAT(ErrorOf({"-lc", "nato"}), HasSubstr("-l and -c are two output formats"));
  EXPECT_THAT(ErrorOf({"--json", "-c", "nato"}), HasSubstr("--json and -c are two output formats"));
  EXPECT_THAT(ErrorOf({"-n", "nato"}), HasSubstr("option -n needs a whole number, not 'nato'"));
  EXPECT_THAT(ErrorOf({"nato", "-n"}), HasSubstr("option -n needs a value"));
  EXPECT_THAT(ErrorOf({"--json=yes", "nato"}), HasSubstr("option --json takes no value"));
}

// Long options only whole: an abbreviation that works today would break a script the day
// another option shares its start.
TEST(CliConfigTest, AbbreviatedLongOptionsAreErrors) {
  EXPECT_THAT(ErrorOf({"--lim=3", "nato"}),
              HasSubstr("unknown option '--lim' (did you mean --limit?)"));
  EXPECT_THAT(ErrorOf({"--js", "nato"}), HasSubstr("unknown option '--js'"));
}

// Before the query, "-russia" is a bundle of short options (and -r is none); after its first
// word, an exclusion.
TEST(CliConfigTest, AWordLikeAnOptionBeforeTheQueryIsAnError) {
  EXPECT_THAT(ErrorOf({"-russia", "nato"}), HasSubstr("unknown option '-r' in '-russia'"));
  absl::StatusOr<Config> config = Parse({"nato", "-russia", "-lc2"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.query, "nato -russia -lc2");
  EXPECT_EQ(config->output, OutputMode::kText);
}

// Each command takes the options its help lists, no others (none silently ignored).
TEST(CliConfigTest, AnOptionTheCommandsHelpDoesNotListIsAnError) {
  EXPECT_THAT(ErrorOf({"similar", "-n", "3", "x"}),
              HasSubstr("-n is a search, stats option, not a similar option"));
  EXPECT_THAT(ErrorOf({"similar", "-l", "x"}), HasSubstr("-l is a search option"));
  EXPECT_THAT(ErrorOf({"stats", "--color", "never", "people"}),
              HasSubstr("--color is a search, show option, not a stats option"));
  EXPECT_THAT(ErrorOf({"eval", "dedup", "--db", "x"}), HasSubstr("not an eval option"));
  EXPECT_TRUE(Parse({"show", "--color=never", "x"}).ok());
  EXPECT_TRUE(Parse({"stats", "-n3", "--json", "people"}).ok());
}

TEST(CliConfigTest, Offset) {
  absl::StatusOr<Config> config = Parse({"--offset", "30", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.offset, 30u);
  EXPECT_EQ(config->search.options.limit, 10u);
}

TEST(CliConfigTest, NonNumberCountNamesTheOption) {
  std::string error = ErrorOf({"-n", "ten", "nato"});
  EXPECT_THAT(error, HasSubstr("-n"));
  EXPECT_THAT(error, HasSubstr("ten"));
  EXPECT_THAT(ErrorOf({"--limit=x", "nato"}), HasSubstr("--limit"));
  EXPECT_THAT(ErrorOf({"--offset", "-3", "nato"}), HasSubstr("--offset"));
  EXPECT_THAT(ErrorOf({"--offset", "", "nato"}), HasSubstr("--offset"));
}

TEST(CliConfigTest, CountOptionWithoutValueNamesTheOption) {
  EXPECT_THAT(ErrorOf({"nato", "--limit"}), HasSubstr("--limit"));
}

TEST(CliConfigTest, IdsOnly) {
  absl::StatusOr<Config> config = Parse({"-l", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kIdsOnly);
  EXPECT_FALSE(config->search.options.exact_count);
  EXPECT_FALSE(config->search.options.snippets);  // nothing to show them in
  config = Parse({"--ids-only", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kIdsOnly);
  EXPECT_FALSE(config->search.options.snippets);
}

TEST(CliConfigTest, TextAndJsonHaveSnippets) {
  for (const char* flag : {"--json", "--color=never"}) {
    absl::StatusOr<Config> config = Parse({flag, "nato"});
    ASSERT_TRUE(config.ok()) << config.status();
    EXPECT_TRUE(config->search.options.snippets) << flag;
  }
}

TEST(CliConfigTest, CountSetsExactCount) {
  absl::StatusOr<Config> config = Parse({"-c", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kCountOnly);
  EXPECT_TRUE(config->search.options.exact_count);
  EXPECT_FALSE(config->search.options.snippets);
  config = Parse({"nato", "--count"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kCountOnly);
  EXPECT_TRUE(config->search.options.exact_count);
}

TEST(CliConfigTest, TwoOutputFormatsAreAnErrorNamingBoth) {
  EXPECT_THAT(ErrorOf({"--json", "-c", "nato"}),
              HasSubstr("--json and -c are two output formats; give one of them"));
  EXPECT_THAT(ErrorOf({"-l", "nato", "--json"}), HasSubstr("-l and --json"));
  EXPECT_THAT(ErrorOf({"--count", "-l", "nato"}), HasSubstr("--count and -l"));
  // The same format twice is one format.
  absl::StatusOr<Config> config = Parse({"-c", "--count", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kCountOnly);
}

TEST(CliConfigTest, Json) {
  absl::StatusOr<Config> config = Parse({"--json", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kJson);
  EXPECT_EQ(config->search.query, "nato");
}

TEST(CliConfigTest, Color) {
  const std::vector<std::pair<std::string, ColorChoice>> cases = {{"always", ColorChoice::kAlways},
                                                                  {"never", ColorChoice::kNever},
                                                                  {"auto", ColorChoice::kAuto}};
  for (const auto& [when, expected] : cases) {
    // Start from a different choice so that `auto` is really parsed, not the default.
    absl::StatusOr<Config> config = Parse({"--color", "never", "--color", when, "nato"});
    ASSERT_TRUE(config.ok()) << when << ": " << config.status();
    EXPECT_EQ(config->color, expected) << when;
    EXPECT_EQ(config->search.query, "nato");
  }
  absl::StatusOr<Config> config = Parse({"--colour=always", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->color, ColorChoice::kAlways);
}

TEST(CliConfigTest, InvalidColorIsAnError) {
  std::string error = ErrorOf({"--color", "sometimes", "nato"});
  EXPECT_THAT(error, HasSubstr("--color"));
  EXPECT_THAT(error, HasSubstr("sometimes"));
}

TEST(CliConfigTest, Sort) {
  absl::StatusOr<Config> config = Parse({"--sort", "newest", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.sort, SortOrder::kNewest);
  config = Parse({"--sort", "newest", "--sort=relevance", "nato"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.sort, SortOrder::kRelevance);
}

TEST(CliConfigTest, InvalidSortIsAnError) {
  std::string error = ErrorOf({"--sort", "oldest", "nato"});
  EXPECT_THAT(error, HasSubstr("--sort"));
  EXPECT_THAT(error, HasSubstr("oldest"));
}

// --- usage errors --------------------------------------------------------------------

TEST(CliConfigTest, TimeoutTakesADurationOrSeconds) {
  EXPECT_EQ(Parse({"nato"})->search.options.time_limit, absl::InfiniteDuration());
  EXPECT_EQ(Parse({"--timeout", "30s", "nato"})->search.options.time_limit, absl::Seconds(30));
  EXPECT_EQ(Parse({"--timeout=500ms", "nato"})->search.options.time_limit, absl::Milliseconds(500));
  EXPECT_EQ(Parse({"--timeout", "2m", "nato"})->search.options.time_limit, absl::Minutes(2));
  EXPECT_EQ(Parse({"--timeout", "2.5", "nato"})->search.options.time_limit,
            absl::Milliseconds(2500));
  for (const char* bad : {"0", "-1", "0s", "soon", "inf", "nan", ""}) {
    EXPECT_THAT(ErrorOf({"--timeout", bad, "nato"}), HasSubstr("--timeout takes a time above zero"))
        << bad;
  }
  EXPECT_THAT(ErrorOf({"index", "--timeout", "5s", "x"}), HasSubstr("--timeout"));
}

TEST(CliConfigTest, UnknownOptionIsNamed) {
  EXPECT_THAT(ErrorOf({"--frobnicate", "nato"}), HasSubstr("'--frobnicate'"));
  EXPECT_THAT(ErrorOf({"nato", "-x"}), HasSubstr("'-x'"));
  EXPECT_THAT(ErrorOf({"--frob=1", "nato"}), HasSubstr("--frob"));
}

TEST(CliConfigTest, SearchOptionWithIndexIsAnError) {
  std::string error = ErrorOf({"index", "-l", "x"});
  EXPECT_THAT(error, HasSubstr("-l"));
  EXPECT_THAT(error, HasSubstr("search option"));
  EXPECT_THAT(ErrorOf({"index", "--json", "x"}), HasSubstr("--json"));
  EXPECT_THAT(ErrorOf({"--sort", "newest", "index", "x"}), HasSubstr("--sort"));
}

TEST(CliConfigTest, IndexOptionWithSearchIsAnError) {
  std::string error = ErrorOf({"-q", "foo"});
  EXPECT_THAT(error, HasSubstr("-q"));
  EXPECT_THAT(error, HasSubstr("index option"));
  EXPECT_THAT(ErrorOf({"search", "--commit-every", "5", "foo"}), HasSubstr("--commit-every"));
}

TEST(CliConfigTest, IndexWithoutInputsIsAnError) {
  EXPECT_THAT(ErrorOf({"index"}), HasSubstr("at least one file or directory"));
  EXPECT_THAT(ErrorOf({"index", "-q"}), HasSubstr("at least one file or directory"));
}

TEST(CliConfigTest, NoQueryIsAnError) {
  EXPECT_THAT(ErrorOf({}), HasSubstr("no query"));
  EXPECT_THAT(ErrorOf({"search"}), HasSubstr("no query"));
  EXPECT_THAT(ErrorOf({"--json", "-n", "3"}), HasSubstr("no query"));
}

TEST(CliConfigTest, ShowTakesIds) {
  absl::StatusOr<Config> config = Parse({"show", "--json", "a/1.txt", "wire-2"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kShow);
  EXPECT_EQ(config->output, OutputMode::kJson);
  EXPECT_THAT(config->show.ids, ElementsAre("a/1.txt", "wire-2"));
  EXPECT_THAT(ErrorOf({"show"}), HasSubstr("one or more article ids"));
  EXPECT_THAT(ErrorOf({"show", "-q", "x"}), HasSubstr("-q is an index option"));
}

TEST(CliConfigTest, DeleteTakesIdsOrMissingFiles) {
  absl::StatusOr<Config> config = Parse({"delete", "--db", "/x", "a/1.txt", "wire-2"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kDelete);
  EXPECT_THAT(config->remove.ids, ElementsAre("a/1.txt", "wire-2"));
  EXPECT_FALSE(config->remove.missing_files);
  EXPECT_FALSE(config->remove.dry_run);
  config = Parse({"delete", "--missing-files", "--dry-run"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(config->remove.ids, IsEmpty());
  EXPECT_TRUE(config->remove.missing_files);
  EXPECT_TRUE(config->remove.dry_run);
  EXPECT_THAT(ErrorOf({"delete"}), HasSubstr("needs article ids, or --missing-files"));
  EXPECT_THAT(ErrorOf({"delete", "--dry-run"}), HasSubstr("needs article ids"));
  EXPECT_THAT(ErrorOf({"delete", "--json", "x"}),
              HasSubstr("--json is a search, show, similar, stats option, not a delete option"));
  EXPECT_THAT(ErrorOf({"delete", "-q", "x"}), HasSubstr("-q is an index option, not a delete"));
  EXPECT_THAT(ErrorOf({"--missing-files", "nato"}), HasSubstr("is a delete option"));
  EXPECT_THAT(ErrorOf({"index", "--dry-run", "x"}), HasSubstr("is a delete option"));
}

// --- help and version ----------------------------------------------------------------

TEST(CliConfigTest, HelpAloneIsTheOverview) {
  for (const char* flag : {"--help", "-h"}) {
    absl::StatusOr<Config> config = Parse({flag});
    ASSERT_TRUE(config.ok()) << flag << ": " << config.status();
    EXPECT_EQ(config->command, Command::kHelp) << flag;
    EXPECT_EQ(config->help_for, Command::kHelp) << flag;
  }
  absl::StatusOr<Config> config = Parse({"help"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kHelp);
}

TEST(CliConfigTest, SubcommandHelpFlag) {
  absl::StatusOr<Config> config = Parse({"index", "--help"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kIndex);

  config = Parse({"search", "-h"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kSearch);
}

TEST(CliConfigTest, HelpWinsOverMissingOperands) {
  // `newsgrep nato --help` and `newsgrep index -q --help` show help instead of running.
  absl::StatusOr<Config> config = Parse({"nato", "--help"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kHelp);

  config = Parse({"index", "-q", "--help"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kIndex);
}

TEST(CliConfigTest, HelpSubcommandNamesACommand) {
  absl::StatusOr<Config> config = Parse({"help", "search"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kSearch);

  config = Parse({"help", "index"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kHelp);
  EXPECT_EQ(config->help_for, Command::kIndex);
}

TEST(CliConfigTest, HelpForUnknownCommandIsAnError) {
  std::string error = ErrorOf({"help", "bogus"});
  EXPECT_THAT(error, HasSubstr("'bogus'"));
  EXPECT_THAT(error, HasSubstr("index, search"));
}

TEST(CliConfigTest, Version) {
  for (const char* flag : {"--version", "-V"}) {
    absl::StatusOr<Config> config = Parse({flag});
    ASSERT_TRUE(config.ok()) << flag << ": " << config.status();
    EXPECT_EQ(config->command, Command::kVersion) << flag;
  }
}

TEST(CliConfigTest, HelpTextForIndex) {
  const std::string text = HelpText(Command::kIndex);
  EXPECT_THAT(text, HasSubstr("Usage: newsgrep index [OPTIONS] PATH..."));
  EXPECT_THAT(text, HasSubstr("Exit status:"));
  EXPECT_THAT(text, HasSubstr("--commit-every"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("Usage: newsgrep [search]")));
}

TEST(CliConfigTest, HelpTextForSearch) {
  const std::string text = HelpText(Command::kSearch);
  EXPECT_THAT(text, HasSubstr("Usage: newsgrep [search] [OPTIONS] QUERY..."));
  EXPECT_THAT(text, HasSubstr("Exit status:"));
  EXPECT_THAT(text, HasSubstr("--sort"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("Usage: newsgrep index")));
}

TEST(CliConfigTest, HelpTextOverview) {
  const std::string text = HelpText(Command::kHelp);
  EXPECT_THAT(text, HasSubstr("newsgrep help COMMAND"));
  EXPECT_THAT(text, HasSubstr("newsgrep index [OPTIONS] PATH..."));
  EXPECT_THAT(text, HasSubstr("newsgrep [search] [OPTIONS] QUERY..."));
  EXPECT_THAT(text, HasSubstr("Exit status:"));
  EXPECT_NE(text, HelpText(Command::kSearch));
  EXPECT_NE(text, HelpText(Command::kIndex));
}

// The shipped binary does not read the project's evaluation corpora from a path beside
// the source tree: eval dedup measures them only when given --corpus-dir.
TEST(CliConfigTest, EvalCorporaAreOnlyWhereTheUserPointsTo) {
  absl::StatusOr<Config> config = Parse({"eval", "dedup"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->eval.evaluation, Evaluation::kDedup);
  EXPECT_THAT(config->eval.corpus_dir, IsEmpty());
  config = Parse({"eval", "dedup", "--corpus-dir", "/data/corpus"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->eval.corpus_dir, "/data/corpus");
  EXPECT_THAT(HelpText(Command::kEval), Not(HasSubstr("default ../shared")));
}

// Each command's options land in its own struct, its modes typed: `stats places -n 3`
// sets the stats kind and row count and leaves the search options as they were.
TEST(CliConfigTest, StatsAndEvalOptionsAreTheirCommandsOwn) {
  absl::StatusOr<Config> config = Parse({"stats", "places", "-n", "3"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->command, Command::kStats);
  EXPECT_EQ(config->stats.kind, EntityKind::kPlace);
  EXPECT_EQ(config->stats.limit, 3u);
  EXPECT_EQ(config->search.options.limit, 10u);
  config = Parse({"stats", "people"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->stats.kind, EntityKind::kPerson);
  EXPECT_EQ(config->stats.limit, 10u);
  EXPECT_EQ(ErrorOf({"stats", "quotes"}), "newsgrep stats takes one of: people, places");

  config = Parse({"eval", "ner", "--conll", "dev.gz", "--errors", "5"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->eval.evaluation, Evaluation::kNer);
  EXPECT_EQ(config->eval.ner.conll_path, "dev.gz");
  EXPECT_EQ(config->eval.ner.show_errors, 5u);
  config = Parse({"eval", "quotes", "--corpus-dir", "c", "--labels", "l", "--draw", "5"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->eval.evaluation, Evaluation::kQuotes);
  EXPECT_EQ(config->eval.labels_dir, "l");
  EXPECT_EQ(config->eval.draw, 5u);
  EXPECT_EQ(ErrorOf({"eval", "quotes", "--draw", "5"}),
            "--draw needs --corpus-dir (the quotations are drawn from Reuters-21578)");
  EXPECT_EQ(ErrorOf({"eval", "quotes", "--conll", "x"}),
            "--conll is not an option of newsgrep eval quotes (it is one of newsgrep eval ner)");
  EXPECT_EQ(ErrorOf({"eval", "dedup", "--labels", "l"}),
            "--labels is not an option of newsgrep eval dedup (it is one of newsgrep eval quotes)");
  // Each evaluation takes its own options only: none is silently unused.
  EXPECT_EQ(ErrorOf({"eval", "ner", "--conll", "x", "--sets", "short"}),
            "--sets is not an option of newsgrep eval ner (it is one of newsgrep eval dedup)");
  EXPECT_EQ(ErrorOf({"eval", "extract", "d", "--errors", "3"}),
            "--errors is not an option of newsgrep eval extract (it is one of newsgrep eval ner, "
            "quotes)");
  // The evaluation measures the indexing setup only: no switch leaves statistics out.
  EXPECT_FALSE(Parse({"eval", "ner", "--conll", "dev.gz", "--no-corpus-stats"}).ok());

  config = Parse({"similar", "reuters-42"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->similar.article_id, "reuters-42");
  EXPECT_THAT(config->search.query, IsEmpty());
}

// --- the config file ------------------------------------------------------------------

// ParseCommandLineWithConfig over a fixed environment and fixed files.
absl::StatusOr<Config> ParseWithFiles(const std::vector<std::string>& args,
                                      std::map<std::string, std::string> env,
                                      std::map<std::string, std::string> files,
                                      std::vector<std::string>* read = nullptr) {
  env.emplace("HOME", "/home/ann");
  return ParseCommandLineWithConfig(
      args, FakeEnv(std::move(env)),
      [files = std::move(files), read](const std::string& path) -> absl::StatusOr<std::string> {
        if (read != nullptr) read->push_back(path);
        auto it = files.find(path);
        if (it == files.end()) return absl::NotFoundError("no such file");
        return it->second;
      });
}

constexpr char kDefaults[] =
    "# Ann's defaults\n"
    "--db=/srv/news\n"
    "\n"
    "-n 20\n"
    "  --color never  \n"
    "--sort\tnewest\n"
    "--quiet\n";

TEST(CliConfigFileTest, ItsOptionsAreDefaultsAndTheCommandLineWins) {
  const std::map<std::string, std::string> files = {
      {"/home/ann/.config/newsgrep/config", kDefaults}};
  absl::StatusOr<Config> config = ParseWithFiles({"nato"}, {}, files);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_paths, std::vector<std::string>{"/srv/news"});
  EXPECT_EQ(config->search.options.limit, 20u);
  EXPECT_EQ(config->color, ColorChoice::kNever);
  EXPECT_EQ(config->search.options.sort, SortOrder::kNewest);
  // The command line's -n, --sort and --db replace the file's.
  config = ParseWithFiles({"-n5", "--sort=relevance", "--db", "/tmp/other", "nato"}, {}, files);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.options.limit, 5u);
  EXPECT_EQ(config->search.options.sort, SortOrder::kRelevance);
  EXPECT_EQ(config->db_paths, std::vector<std::string>{"/tmp/other"});
  // Another command takes what applies to it: index its --quiet and --db, not -n or --color.
  config = ParseWithFiles({"index", "corpus/"}, {}, files);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->index.quiet);
  EXPECT_EQ(config->db_path, "/srv/news");
  config = ParseWithFiles({"stats", "places"}, {}, files);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->stats.limit, 20u);
}

TEST(CliConfigFileTest, AnOptionThatConflictsWithTheCommandLineIsLeftOut) {
  const std::map<std::string, std::string> files = {
      {"/home/ann/.config/newsgrep/config", "--json\n--facets\n"}};
  absl::StatusOr<Config> config = ParseWithFiles({"-c", "nato"}, {}, files);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kCountOnly);
  EXPECT_THAT(config->search.options.facets, IsEmpty());
  config = ParseWithFiles({"nato"}, {}, files);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->output, OutputMode::kJson);
  EXPECT_THAT(config->search.options.facets, Not(IsEmpty()));
}

TEST(CliConfigFileTest, ALineNewsgrepCannotTakeIsAnErrorNamingFileAndLine) {
  const std::string path = "/home/ann/.config/newsgrep/config";
  for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
           {"# comment\nnato\n", ":2: 'nato' is not an option"},
           {"--frobnicate\n", ":1: unknown option '--frobnicate'"},
           {"\n--color sometimes\n", ":2: --color takes auto, always or never"},
           {"--db\n", ":1: option --db needs a value"}}) {
    const absl::StatusOr<Config> config = ParseWithFiles({"nato"}, {}, {{path, text}});
    ASSERT_FALSE(config.ok()) << text;
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(config.status().message(), HasSubstr(path + expected)) << text;
  }
  // The command line's own errors come first, as without a file.
  const absl::StatusOr<Config> config = ParseWithFiles({"--bogus", "nato"}, {}, {{path, "x\n"}});
  EXPECT_THAT(config.status().message(), HasSubstr("unknown option '--bogus'"));
}

TEST(CliConfigFileTest, ALineThatWouldTakeTheCommandLinesWordsIsAnError) {
  const std::string path = "/home/ann/.config/newsgrep/config";
  // A value after a space that takes no value: it would swallow `index`.
  absl::StatusOr<Config> config =
      ParseWithFiles({"index", "corpus/"}, {}, {{path, "--facets person\n"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr(path + ":1: '--facets person' would take"));
  config = ParseWithFiles({"nato"}, {}, {{path, "--timeline week\n"}});
  EXPECT_THAT(config.status().message(), HasSubstr(":1: '--timeline week' would take"));
  config = ParseWithFiles({"index", "x"}, {}, {{path, "--db\n"}});
  EXPECT_THAT(config.status().message(), HasSubstr(":1: option --db needs a value"));
  // What only the command line may ask for.
  for (const char* line : {"--help", "-V", "--generate=man", "--no-config", "--allow-stub-programs",
                           "--missing-files", "--dry-run"}) {
    config = ParseWithFiles({"nato"}, {}, {{path, line}});
    ASSERT_FALSE(config.ok()) << line;
    EXPECT_THAT(config.status().message(), HasSubstr("is for the command line")) << line;
  }
}

TEST(CliConfigFileTest, TheFileMayGiveWhatTheCommandNeedsAndEnvironmentDbWins) {
  const std::string path = "/home/ann/.config/newsgrep/config";
  absl::StatusOr<Config> config = ParseWithFiles({"eval", "quotes", "--draw", "5"}, {},
                                                 {{path, "--corpus-dir=/data/corpus\n"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->eval.corpus_dir, "/data/corpus");
  EXPECT_EQ(config->eval.draw, 5u);
  config = ParseWithFiles({"nato"}, {{"NEWSGREP_DB", "/env/db"}}, {{path, "--db=/srv/news\n"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->db_paths, std::vector<std::string>{"/env/db"});
}

TEST(CliConfigFileTest, TheFilesOptionsNeverChangeWhatIsDeleted) {
  const std::string path = "/home/ann/.config/newsgrep/config";
  // A line of the file that would widen a delete is refused, with ids or without.
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"delete"}, {"delete", "a1"}}) {
    const absl::StatusOr<Config> config = ParseWithFiles(args, {}, {{path, "--missing-files\n"}});
    ASSERT_FALSE(config.ok()) << args.size();
  }
  EXPECT_THAT(
      ParseWithFiles({"delete", "a1"}, {}, {{path, "--missing-files\n"}}).status().message(),
      HasSubstr("is for the command line"));
  // An option of another command in the file does not stop the file giving what a
  // command needs.
  const absl::StatusOr<Config> config = ParseWithFiles(
      {"eval", "quotes", "--draw", "5"}, {}, {{path, "--sort newest\n--corpus-dir=/c\n"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->eval.corpus_dir, "/c");
}

TEST(CliConfigFileTest, NoDefaultFileWithoutAnAbsoluteHome) {
  EXPECT_EQ(ConfigFilePath(FakeEnv({})), "");
  EXPECT_EQ(ConfigFilePath(FakeEnv({{"HOME", "relative"}})), "");
  EXPECT_EQ(ConfigFilePath(FakeEnv({{"HOME", "/h"}, {"XDG_CONFIG_HOME", "rel"}})),
            "/h/.config/newsgrep/config");
  EXPECT_EQ(ConfigFilePath(FakeEnv({{"XDG_CONFIG_HOME", "/x"}})), "/x/newsgrep/config");
}

TEST(CliConfigFileTest, WhichFileIsReadAndWhenNone) {
  std::vector<std::string> read;
  // The default: XDG_CONFIG_HOME, else ~/.config; missing is no error.
  ASSERT_TRUE(ParseWithFiles({"nato"}, {{"XDG_CONFIG_HOME", "/xdg"}}, {}, &read).ok());
  EXPECT_EQ(read, std::vector<std::string>{"/xdg/newsgrep/config"});
  read.clear();
  ASSERT_TRUE(ParseWithFiles({"nato"}, {}, {}, &read).ok());
  EXPECT_EQ(read, std::vector<std::string>{"/home/ann/.config/newsgrep/config"});
  // NEWSGREP_CONFIG names it, and then it must be there.
  read.clear();
  const absl::StatusOr<Config> missing =
      ParseWithFiles({"nato"}, {{"NEWSGREP_CONFIG", "/etc/ng.conf"}}, {}, &read);
  EXPECT_EQ(read, std::vector<std::string>{"/etc/ng.conf"});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("config file /etc/ng.conf (NEWSGREP_CONFIG)"));
  // Set and empty, or --no-config: no file is read.
  read.clear();
  ASSERT_TRUE(ParseWithFiles({"nato"}, {{"NEWSGREP_CONFIG", ""}}, {}, &read).ok());
  absl::StatusOr<Config> config =
      ParseWithFiles({"--no-config", "nato"}, {{"NEWSGREP_CONFIG", "/etc/ng.conf"}}, {}, &read);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(read, IsEmpty());
  EXPECT_EQ(config->search.query, "nato");
  // After --, "--no-config" is a query word.
  config = ParseWithFiles({"--", "--no-config"}, {}, {}, &read);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->search.query, "--no-config");
}

}  // namespace
}  // namespace newsgrep::cli
