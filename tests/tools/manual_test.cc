// SPDX-License-Identifier: GPL-2.0-or-later
/// @file manual_test.cc
/// @brief The man page and completions come from the help texts' option lines: every
/// option the parser takes is listed there, every listed one parses, and the generated
/// files work in the tools that read them.
#include "manual.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "testing/files.h"

namespace newsgrep::cli {
namespace {

using ::testing::HasSubstr;

GetEnv NoEnv() {
  return [](const char* name) -> const char* {
    return std::string(name) == "HOME" ? "/home/ann" : nullptr;
  };
}

// A value the parser takes for `flag`.
std::string SampleValue(const HelpFlag& flag) {
  const std::vector<std::string> choices = ChoicesOf(flag.names.back());
  if (!choices.empty()) return choices.front();
  if (flag.value == "N") return "1";
  if (flag.value == "TIME") return "1s";
  if (flag.value == "WHEN") return "7d";
  return "x";
}

// Command lines on which `command`'s options are tried.
std::vector<std::vector<std::string>> Probes(Command command) {
  switch (command) {
    case Command::kSearch:
      return {{"query"}};
    case Command::kIndex:
      return {{"index", "x"}};
    case Command::kDelete:
      return {{"delete", "x"}, {"delete"}};
    case Command::kShow:
      return {{"show", "x"}};
    case Command::kSimilar:
      return {{"similar", "x"}};
    case Command::kStats:
      return {{"stats", "people"}};
    case Command::kEval:
      return {{"eval", "dedup"},
              {"eval", "quotes", "--corpus-dir", "x"},
              {"eval", "ner", "--conll", "x"},
              {"eval", "extract", "x"}};
    case Command::kCheck:
      return {{"check"}};
    default:
      return {{"query"}};
  }
}

bool Parses(const std::vector<std::string>& option, Command command) {
  for (const std::vector<std::string>& probe : Probes(command)) {
    std::vector<std::string> args = option;
    args.insert(args.end(), probe.begin(), probe.end());
    absl::StatusOr<Config> config = ParseCommandLineWithConfig(
        args, NoEnv(), [](const std::string&) -> absl::StatusOr<std::string> {
          return absl::NotFoundError("no config file in this test");
        });
    if (config.ok()) return true;
  }
  return false;
}

TEST(ManualTest, EveryListedOptionParsesForItsCommand) {
  size_t checked = 0;
  std::vector<NamedCommand> commands = Commands();
  commands.push_back({Command::kHelp, "(every command)"});
  for (const NamedCommand& command : commands) {
    const std::vector<HelpFlag> flags = FlagsOf(command.command);
    EXPECT_FALSE(flags.empty()) << command.name;
    for (const HelpFlag& flag : flags) {
      for (const std::string& name : flag.names) {
        std::vector<std::string> option = {name};
        if (!flag.value.empty() && !flag.value_optional) option.push_back(SampleValue(flag));
        EXPECT_TRUE(
            Parses(option, command.command == Command::kHelp ? Command::kSearch : command.command))
            << command.name << ": " << name;
        ++checked;
      }
      for (const std::string& choice : ChoicesOf(flag.names.back())) {
        const std::vector<std::string> option =
            flag.value_optional ? std::vector<std::string>{flag.names.back() + "=" + choice}
                                : std::vector<std::string>{flag.names.back(), choice};
        EXPECT_TRUE(
            Parses(option, command.command == Command::kHelp ? Command::kSearch : command.command))
            << flag.names.back() << " " << choice;
      }
    }
  }
  EXPECT_GT(checked, 50u);
}

// The parser takes only what the help texts list (its getopt_long table is built from
// them); this checks the other way round that it handles nothing else: every
// `key == "--…"` of its handlers in cli_config.cc is an option some help lists.
TEST(ManualTest, EveryOptionTheParserHandlesIsListed) {
  std::ifstream file(std::string(NEWSGREP_SOURCE_DIR) + "/tools/cli_config.cc");
  ASSERT_TRUE(file) << "tools/cli_config.cc";
  std::stringstream source;
  source << file.rdbuf();
  const std::string text = source.str();
  std::set<std::string> listed;
  std::vector<NamedCommand> commands = Commands();
  commands.push_back({Command::kHelp, ""});
  for (const NamedCommand& command : commands) {
    for (const HelpFlag& flag : FlagsOf(command.command)) {
      listed.insert(flag.names.begin(), flag.names.end());
    }
  }
  // Each `key == "--…"` of the parser (a plain scan: std::regex trips GCC 12's
  // maybe-uninitialized warning in sanitizer builds).
  constexpr std::string_view kTest = "key == \"";
  size_t found = 0;
  for (size_t at = text.find(kTest); at != std::string::npos; at = text.find(kTest, at + 1)) {
    const size_t begin = at + kTest.size();
    const size_t end = text.find('"', begin);
    ASSERT_NE(end, std::string::npos);
    const std::string name = text.substr(begin, end - begin);
    if (name.empty() || name[0] != '-') continue;
    EXPECT_TRUE(listed.count(name)) << name << " is in no help text";
    ++found;
  }
  EXPECT_GT(found, 30u);
}

// Runs `command` in a shell; its stdout, and the exit status in `status`.
std::string Shell(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *status = -1;
    return out;
  }
  char buffer[4096];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  *status = ::pclose(pipe);
  return out;
}

TEST(ManualTest, TheManPageRendersWithItsSections) {
  if (!std::filesystem::exists("/usr/bin/man") || !std::filesystem::exists("/usr/bin/groff")) {
    GTEST_SKIP() << "man-db and groff-base are not installed (scripts/setup.sh installs them)";
  }
  const test::TempDir dir;
  const std::string page = dir / "newsgrep.1";
  test::WriteFile(page, *Generate("man", "newsgrep 0.0"));
  int status = 0;
  const std::string shown = Shell("MANWIDTH=100 man -l -P cat " + page + " 2>&1", &status);
  EXPECT_EQ(status, 0) << shown;
  for (const char* section :
       {"NEWSGREP(1)", "SYNOPSIS", "COMMANDS", "QUERY LANGUAGE", "EXIT STATUS", "ENVIRONMENT",
        "FILES", "NEWSGREP_CONFIG", "--limit", "--no-entities", "\"security guarantees\""}) {
    EXPECT_THAT(shown, HasSubstr(section));
  }
  // groff's own warnings (bad requests, characters it cannot set): none.
  const std::string warnings =
      Shell("LC_ALL=C groff -man -Tutf8 -ww -z " + page + " 2>&1", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(warnings, "");
}

TEST(ManualTest, BashCompletesCommandsOptionsAndTheirValues) {
  const test::TempDir dir;
  const std::string script = dir / "newsgrep.bash";
  test::WriteFile(script, *Generate("complete-bash", "newsgrep 0.0"));
  const auto complete = [&](const std::string& words, int current) {
    int status = 0;
    const std::string out =
        Shell(absl::StrCat("bash --norc --noprofile -c 'source ", script,
                           " && complete -p newsgrep >/dev/null && COMP_WORDS=(", words,
                           ") && COMP_CWORD=", current,
                           " && _newsgrep && printf \"%s\\n\" \"${COMPREPLY[@]}\"' 2>&1"),
              &status);
    EXPECT_EQ(status, 0) << out;
    return out;
  };
  EXPECT_EQ(complete("newsgrep --js", 1), "--json\n");
  EXPECT_EQ(complete("newsgrep index --no-e", 2), "--no-entities\n");
  EXPECT_EQ(complete("newsgrep --color n", 2), "never\n");
  EXPECT_EQ(complete("newsgrep ind", 1), "index\n");
  EXPECT_EQ(complete("newsgrep stats --li", 2), "--limit\n");
  // The command after an option's value; no command after --; an operand's words.
  EXPECT_EQ(complete("newsgrep --db /x index --no-e", 4), "--no-entities\n");
  EXPECT_EQ(complete("newsgrep -- index --no-e", 3), "\n");  // printf's one line: nothing
  EXPECT_EQ(complete("newsgrep eval ne", 2), "ner\n");
  EXPECT_EQ(complete("newsgrep nato show --li", 3), "--limit\n");  // options after query words
  // A file name with a space is one word.
  const std::string spaced = dir / "my dir";
  std::filesystem::create_directories(spaced);
  EXPECT_EQ(complete(absl::StrCat("newsgrep index ", dir.path(), "/my"), 2), spaced + "\n");
}

TEST(ManualTest, ZshAndFishScriptsAreValidAndListEveryOption) {
  const std::string zsh = *Generate("complete-zsh", "newsgrep 0.0");
  const std::string fish = *Generate("complete-fish", "newsgrep 0.0");
  for (const NamedCommand& command : Commands()) {
    for (const HelpFlag& flag : FlagsOf(command.command)) {
      EXPECT_THAT(zsh, HasSubstr(flag.names.back())) << command.name;
      EXPECT_THAT(fish, HasSubstr("-l " + flag.names.back().substr(2))) << command.name;
    }
  }
  const test::TempDir dir;
  for (const auto& [shell, text] :
       std::map<std::string, std::string>{{"zsh", zsh}, {"fish", fish}}) {
    if (!std::filesystem::exists("/usr/bin/" + shell) &&
        !std::filesystem::exists("/bin/" + shell)) {
      std::printf("%s is not installed: its script's syntax is not checked\n", shell.c_str());
      continue;
    }
    const std::string file = dir / shell;
    test::WriteFile(file, text);
    int status = 0;
    const std::string out = Shell(absl::StrCat(shell, " -n ", file, " 2>&1"), &status);
    EXPECT_EQ(status, 0) << shell << ": " << out;
    if (shell == "fish") {  // and words completed, as fish completes them
      for (const auto& [line, expected] : std::vector<std::pair<std::string, std::string>>{
               {"newsgrep index --no-e", "--no-entities\t"},
               {"newsgrep --db /x index --no-e", "--no-entities\t"},
               {"newsgrep nato show --li", "--limit\t"},
               {"newsgrep stats pe", "people"}}) {
        const std::string completed = Shell(absl::StrCat("fish --no-config -c 'source ", file,
                                                         "; complete -C \"", line, "\"' 2>&1"),
                                            &status);
        EXPECT_THAT(completed, ::testing::StartsWith(expected)) << line << ": " << completed;
      }
    }
  }
  EXPECT_FALSE(Generate("complete-tcsh", "x").has_value());
}

}  // namespace
}  // namespace newsgrep::cli
