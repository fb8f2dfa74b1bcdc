// SPDX-License-Identifier: GPL-2.0-or-later
/// @file manual.h
/// @brief The man page and the shell completions, generated from the help texts
/// (`newsgrep --generate man|complete-bash|complete-zsh|complete-fish`, as ripgrep does).
///
/// One source of truth: each command's `--help` (cli_config.h, HelpText) lists its options
/// as lines of the form `  -n, --limit N        what it does` (continued on lines indented
/// further); those lines are the flag table. The man page is the help texts set in roff, and
/// the completions offer each command's flags from the same lines, with the values a few of
/// them take (kFlagChoices). The parser (cli_config.cc) builds its getopt_long table from
/// the same lines; tests/tools/manual_test.cc checks that it handles every listed option and
/// no other.
#ifndef NEWSGREP_TOOLS_MANUAL_H_
#define NEWSGREP_TOOLS_MANUAL_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "cli_config.h"

namespace newsgrep::cli {

/// One option as a help text lists it.
struct HelpFlag {
  std::vector<std::string> names;  // "-n", "--limit"
  std::string value;               // "N", "PATH"; "" for a switch
  bool value_optional = false;     // --facets[=LIST]
  std::string help;                // the description, its lines joined by spaces
};

/// The options `command`'s help text lists (kHelp: the ones every command takes), in order.
std::vector<HelpFlag> FlagsOf(Command command);

/// The commands that have their own help and options, with their names: "search", "index"…
struct NamedCommand {
  Command command;
  const char* name;
};
const std::vector<NamedCommand>& Commands();

/// The values an option takes, for completion ("auto always never" for --color); empty when
/// any value goes (a path, a number).
std::vector<std::string> ChoicesOf(absl::string_view flag);

/// What `newsgrep --generate KIND` prints; nullopt for an unknown KIND.
std::optional<std::string> Generate(absl::string_view kind, absl::string_view version);

/// The kinds Generate knows: man, complete-bash, complete-zsh, complete-fish.
const std::vector<std::string>& GenerateKinds();

}  // namespace newsgrep::cli

#endif  // NEWSGREP_TOOLS_MANUAL_H_
