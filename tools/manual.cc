// SPDX-License-Identifier: GPL-2.0-or-later
/// @file manual.cc
/// @brief The man page and shell completions, from the help texts' option lines.
#include "manual.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace newsgrep::cli {
namespace {

// Where a help line's description starts: after the option and its value, two or more
// spaces. A line of its own when the option is too long ("--allow-stub-programs").
constexpr size_t kOptionIndent = 2;

bool IsOptionName(absl::string_view word) {
  return word.size() >= 2 && word[0] == '-' && word != "--" &&
         std::all_of(word.begin() + 1, word.end(), [](char c) {
           return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-';
         });
}

// Parses "  -n, --limit N        show …" (or "  --facets[=LIST]   …"); nullopt for any
// other line.
std::optional<HelpFlag> ParseOptionLine(absl::string_view line) {
  if (line.size() <= kOptionIndent || line.substr(0, kOptionIndent) != "  " ||
      line[kOptionIndent] != '-') {
    return std::nullopt;
  }
  line.remove_prefix(kOptionIndent);
  const size_t gap = line.find("  ");
  const absl::string_view head = line.substr(0, gap);
  HelpFlag flag;
  if (gap != absl::string_view::npos) {
    flag.help = std::string(absl::StripAsciiWhitespace(line.substr(gap)));
  }
  for (absl::string_view part : absl::StrSplit(head, ", ")) {
    absl::string_view name = part;
    if (const size_t space = part.find(' '); space != absl::string_view::npos) {
      name = part.substr(0, space);
      flag.value = std::string(part.substr(space + 1));
    }
    if (const size_t bracket = name.find("[="); bracket != absl::string_view::npos) {
      flag.value = std::string(absl::StripSuffix(name.substr(bracket + 2), "]"));
      flag.value_optional = true;
      name = name.substr(0, bracket);
    }
    if (!IsOptionName(name)) return std::nullopt;
    flag.names.emplace_back(name);
  }
  return flag;
}

// The choices of the options that take one of a few words; the parser accepts each
// (manual_test.cc checks it).
const std::map<std::string, std::vector<std::string>>& FlagChoices() {
  static const auto* choices = new std::map<std::string, std::vector<std::string>>{
      {"--color", {"auto", "always", "never"}},
      {"--colour", {"auto", "always", "never"}},
      {"--sort", {"relevance", "newest", "recent"}},
      {"--timeline", {"auto", "day", "week", "month", "year"}},
      {"--facets", {"person", "location", "said", "source", "author", "category"}},
      {"--format", {"auto", "text", "jsonl", "json", "html", "feed", "warc", "sgml"}},
      {"--sets", {"seeds", "sample", "perturbations", "short", "notices", "reuters"}},
      {"--generate", {"man", "complete-bash", "complete-zsh", "complete-fish"}},
  };
  return *choices;
}

// Values that name files or directories, for completion.
bool TakesPath(const HelpFlag& flag) {
  return flag.value == "PATH" || flag.value == "FILE" || flag.value == "DIR";
}

// ---- roff ---------------------------------------------------------------------------

// Text made safe for roff: backslashes doubled, a leading dot or quote escaped, hyphens
// of options as minus signs.
std::string Roff(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\\') {
        out += "\\e";
      } else if (c == '-') {
        out += "\\-";
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // Any other character as groff's \[uXXXX], so the page reads the same in any locale.
    const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t code = length == 1 ? 0xFFFD : c & (0xFF >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      code = i + k < text.size() ? (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F)
                                 : 0xFFFD;
    }
    absl::StrAppend(&out, "\\[u", absl::StrFormat("%04X", code), "]");
    i += length;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// One help text in roff: its usage lines, its paragraphs, and its options as tagged
// paragraphs. Lines indented by two spaces that are not options (examples, tables) are
// kept as they are, in a no-fill block.
std::string HelpAsRoff(absl::string_view help) {
  std::string out;
  const std::vector<absl::string_view> lines = absl::StrSplit(help, '\n');
  bool in_block = false, in_flag = false;
  auto end_block = [&] {
    if (in_block) absl::StrAppend(&out, ".fi\n.in\n");
    in_block = false;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const absl::string_view line = lines[i];
    if (line.empty()) {
      end_block();
      in_flag = false;
      absl::StrAppend(&out, ".PP\n");
      continue;
    }
    if (std::optional<HelpFlag> flag = ParseOptionLine(line)) {
      end_block();
      std::vector<std::string> names;
      for (const std::string& name : flag->names)
        names.push_back(absl::StrCat("\\fB", Roff(name), "\\fR"));
      std::string head = absl::StrJoin(names, ", ");
      if (!flag->value.empty()) {
        absl::StrAppend(&head, flag->value_optional ? "[=" : " ", "\\fI", Roff(flag->value), "\\fR",
                        flag->value_optional ? "]" : "");
      }
      absl::StrAppend(&out, ".TP\n", head, "\n", flag->help.empty() ? "" : Roff(flag->help),
                      flag->help.empty() ? "" : "\n");
      in_flag = true;
      continue;
    }
    if (in_flag && absl::StartsWith(line, "    ")) {
      absl::StrAppend(&out, Roff(absl::StripAsciiWhitespace(line)), "\n");
      continue;
    }
    in_flag = false;
    if (absl::StartsWith(line, "  ")) {
      if (!in_block) absl::StrAppend(&out, ".in +2\n.nf\n");
      in_block = true;
      absl::StrAppend(&out, Roff(line.substr(2)), "\n");
      continue;
    }
    end_block();
    absl::StrAppend(&out, Roff(line), "\n");
  }
  end_block();
  return out;
}

std::string ManPage(absl::string_view version) {
  std::string out = absl::StrCat(
      ".\\\" Generated by `newsgrep --generate man` from the help texts; do not edit.\n",
      ".TH NEWSGREP 1 \"\" \"", Roff(version), "\" \"User Commands\"\n",
      ".SH NAME\nnewsgrep \\- full\\-text search for news articles, one hit per story\n",
      ".SH SYNOPSIS\n");
  for (const NamedCommand& command : Commands()) {
    // The usage lines: the first ("Usage: newsgrep …") and those under it.
    for (absl::string_view line : absl::StrSplit(HelpText(command.command), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (!absl::ConsumePrefix(&line, "Usage: ") && !absl::StartsWith(line, "newsgrep ")) break;
      absl::StrAppend(&out, ".br\n", Roff(line), "\n");
    }
  }
  absl::StrAppend(&out, ".SH DESCRIPTION\n", HelpAsRoff(HelpText(Command::kHelp)));
  absl::StrAppend(&out, ".SH COMMANDS\n");
  for (const NamedCommand& command : Commands()) {
    absl::StrAppend(&out, ".SS ", command.name, "\n", HelpAsRoff(HelpText(command.command)));
  }
  absl::StrAppend(
      &out, ".SH \"QUERY LANGUAGE\"\n",
      "The search command's help above lists the query syntax; README.md, installed with the "
      "documentation, describes it in full.\n",
      ".SH \"EXIT STATUS\"\n",
      ".TP\n0\na match, or success\n.TP\n1\nno match (index: some "
      "input skipped)\n.TP\n2\nan error\n",
      ".SH ENVIRONMENT\n", ".TP\n\\fBNEWSGREP_DB\\fR\nthe index when no \\-\\-db is given\n",
      ".TP\n\\fBNEWSGREP_CONFIG\\fR\nthe config file of default options (set and empty: "
      "none)\n",
      ".TP\n\\fBXDG_CONFIG_HOME\\fR, \\fBXDG_DATA_HOME\\fR, \\fBHOME\\fR\nwhere the default "
      "config file and index are\n",
      ".TP\n\\fBNO_COLOR\\fR, \\fBTERM\\fR\nno colour when NO_COLOR is set or TERM is dumb\n",
      ".TP\n\\fBNEWSGREP_NOW\\fR\nthe time \\-\\-since counts back from (default: the clock)\n",
      ".SH FILES\n",
      ".TP\n\\fI$XDG_CONFIG_HOME/newsgrep/config\\fR (\\fI~/.config/newsgrep/config\\fR)\n"
      "default options, one per line\n",
      ".TP\n\\fI$XDG_DATA_HOME/newsgrep/index\\fR (\\fI~/.local/share/newsgrep/index\\fR)\n"
      "the default index\n",
      ".SH \"SEE ALSO\"\n\\fBxapian\\-tcpsrv\\fR(1), \\fBxapian\\-compact\\fR(1)\n");
  return out;
}

// ---- completions ----------------------------------------------------------------------

// `help` cut to about 70 bytes (at a character's start) for a completion menu.
std::string Shorten(std::string help) {
  constexpr size_t kMax = 70;
  if (help.size() <= kMax) return help;
  size_t cut = kMax - 3;
  while (cut > 0 && (static_cast<unsigned char>(help[cut]) & 0xC0) == 0x80) --cut;
  help.resize(cut);
  return help + "...";
}

std::string CommandNames() {
  std::vector<std::string> names;
  for (const NamedCommand& command : Commands()) names.emplace_back(command.name);
  names.emplace_back("help");
  return absl::StrJoin(names, " ");
}

std::vector<std::string> AllNames(const std::vector<HelpFlag>& flags) {
  std::vector<std::string> names;
  for (const HelpFlag& flag : flags)
    names.insert(names.end(), flag.names.begin(), flag.names.end());
  return names;
}

// Every option of any command that takes a value in the next word.
std::vector<std::string> ValueOptions() {
  std::set<std::string> names;
  std::vector<NamedCommand> commands = Commands();
  commands.push_back({Command::kHelp, ""});
  for (const NamedCommand& command : commands) {
    for (const HelpFlag& flag : FlagsOf(command.command)) {
      if (!flag.value.empty() && !flag.value_optional)
        names.insert(flag.names.begin(), flag.names.end());
    }
  }
  return {names.begin(), names.end()};
}

// The words a command's operand may be ("dedup ner extract quotes" for eval); "" for files.
std::string OperandWords(Command command) {
  switch (command) {
    case Command::kEval:
      return "dedup ner extract quotes";
    case Command::kStats:
      return "people places";
    default:
      return "";
  }
}

std::string BashCompletion() {
  const std::string value_options = absl::StrJoin(ValueOptions(), "|");
  std::string out = absl::StrCat(
      "# bash completion for newsgrep; generated by `newsgrep --generate complete-bash`.\n"
      "_newsgrep() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command=search\n"
      "  local i ended=0 query=0\n"
      "  # --color=n: bash splits at the '='.\n"
      "  if [[ $cur == = ]]; then cur=''; fi\n"
      "  if [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
      "  # The command: the first word that is no option nor an option's value.\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${COMP_WORDS[i]} in\n"
      "      --) ended=1; break ;;\n"
      "      ",
      value_options,
      ") ((i++)) ;;\n"
      "      -*) ;;\n"
      "      ",
      absl::StrReplaceAll(CommandNames(), {{" ", "|"}}),
      ") command=${COMP_WORDS[i]}; break ;;\n"
      "      *) query=1; break ;;\n"
      "    esac\n"
      "  done\n"
      "  case $prev in\n");
  // Values: choices, paths, or anything.
  std::map<std::string, std::string> value_words;  // flag → choices, "@path" or "@any"
  std::vector<NamedCommand> commands = Commands();
  commands.push_back({Command::kHelp, ""});
  for (const NamedCommand& command : commands) {
    for (const HelpFlag& flag : FlagsOf(command.command)) {
      if (flag.value.empty()) continue;
      for (const std::string& name : flag.names) {
        const std::vector<std::string> choices = ChoicesOf(flag.names.back());
        value_words[name] = !choices.empty()  ? absl::StrJoin(choices, " ")
                            : TakesPath(flag) ? "@path"
                                              : "@any";
      }
    }
  }
  for (const auto& [name, words] : value_words) {
    if (words == "@path") {
      absl::StrAppend(&out, "    ", name,
                      ") compopt -o filenames 2>/dev/null; "
                      "mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); return ;;\n");
    } else if (words == "@any") {
      absl::StrAppend(&out, "    ", name, ") return ;;\n");
    } else {
      absl::StrAppend(&out, "    ", name, ") mapfile -t COMPREPLY < <(compgen -W \"", words,
                      "\" -- \"$cur\"); return ;;\n");
    }
  }
  absl::StrAppend(&out, "  esac\n  local words='' operand_words=''\n  case $command in\n");
  const std::vector<std::string> global = AllNames(FlagsOf(Command::kHelp));
  for (const NamedCommand& command : Commands()) {
    std::vector<std::string> names = AllNames(FlagsOf(command.command));
    names.insert(names.end(), global.begin(), global.end());
    const std::string operand_words =
        command.command == Command::kSearch ? CommandNames() : OperandWords(command.command);
    absl::StrAppend(&out, "    ", command.name, ") words=\"", absl::StrJoin(names, " "),
                    "\"; operand_words=\"", operand_words, "\" ;;\n");
  }
  absl::StrAppend(&out, "    help) operand_words=\"", CommandNames(),
                  "\" ;;\n"
                  "  esac\n"
                  "  if ((ended)); then\n"
                  "    return  # after --, query words\n"
                  "  elif [[ $cur == -* ]]; then\n"
                  "    mapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")\n"
                  "  elif [[ -n $operand_words && $query == 0 ]]; then\n"
                  "    mapfile -t COMPREPLY < <(compgen -W \"$operand_words\" -- \"$cur\")\n"
                  "  elif [[ $command != search ]]; then\n"
                  "    compopt -o filenames 2>/dev/null\n"
                  "    mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
                  "  fi\n"
                  "}\n"
                  "complete -F _newsgrep newsgrep\n");
  return out;
}

// A zsh _arguments spec for `flag`: '(-n --limit)'{-n,--limit=}'[help]:N:' and so on.
std::string ZshSpec(const HelpFlag& flag) {
  const std::string help =
      absl::StrReplaceAll(Shorten(flag.help), {{"'", "'\\''"}, {"[", "("}, {"]", ")"}, {":", ";"}});
  std::string action;
  if (!flag.value.empty()) {
    const std::vector<std::string> choices = ChoicesOf(flag.names.back());
    action = absl::StrCat(":", flag.value, ":",
                          !choices.empty()  ? absl::StrCat("(", absl::StrJoin(choices, " "), ")")
                          : TakesPath(flag) ? "_files"
                                            : " ");
  }
  // A long option's value may follow '=' or come as the next word; an optional one only
  // after '='.
  auto spelled = [&flag](const std::string& name) {
    if (flag.value.empty() || !absl::StartsWith(name, "--")) return name;
    return absl::StrCat(name, flag.value_optional ? "=-" : "=");
  };
  const std::string repeat = flag.names.back() == "--db" ? "*" : "";
  if (flag.names.size() == 1) {
    return absl::StrCat("'", repeat, spelled(flag.names[0]), "[", help, "]", action, "'");
  }
  std::vector<std::string> names;
  for (const std::string& name : flag.names) names.push_back(spelled(name));
  return absl::StrCat("'(", absl::StrJoin(flag.names, " "), ")'{", absl::StrJoin(names, ","), "}'[",
                      help, "]", action, "'");
}

std::string ZshCompletion() {
  std::string out = absl::StrCat(
      "#compdef newsgrep\n"
      "# zsh completion for newsgrep; generated by `newsgrep --generate complete-zsh`.\n"
      "_newsgrep() {\n"
      "  local command=search i\n"
      "  # The command: the first word that is no option nor an option's value.\n"
      "  for ((i = 2; i < CURRENT; i++)); do\n"
      "    case ${words[i]} in\n"
      "      --) break ;;\n"
      "      ",
      absl::StrJoin(ValueOptions(), "|"),
      ") ((i++)) ;;\n"
      "      -*) ;;\n"
      "      ",
      absl::StrReplaceAll(CommandNames(), {{" ", "|"}}),
      ") command=${words[i]}; break ;;\n"
      "      *) break ;;\n"
      "    esac\n"
      "  done\n"
      "  case $command in\n");
  std::vector<std::string> global;
  for (const HelpFlag& flag : FlagsOf(Command::kHelp)) global.push_back(ZshSpec(flag));
  for (const NamedCommand& command : Commands()) {
    std::vector<std::string> specs = global;
    for (const HelpFlag& flag : FlagsOf(command.command)) specs.push_back(ZshSpec(flag));
    const std::string operands = OperandWords(command.command);
    const std::string rest = command.command == Command::kSearch
                                 ? absl::StrCat("'*:query or command:(", CommandNames(), ")'")
                             : !operands.empty()
                                 ? absl::StrCat("'1:what:(", operands, ")' '*:file:_files'")
                                 : "'*:argument:_files'";
    absl::StrAppend(&out, "    ", command.name, ")\n      _arguments -s \\\n        ",
                    absl::StrJoin(specs, " \\\n        "), " \\\n        ", rest, " ;;\n");
  }
  absl::StrAppend(&out, "    help) _values command ", CommandNames(), " ;;\n  esac\n}\n",
                  "_newsgrep \"$@\"\n");
  return out;
}

std::string FishCompletion() {
  const std::string commands = CommandNames();
  std::string out = absl::StrCat(
      "# fish completion for newsgrep; generated by `newsgrep --generate complete-fish`.\n"
      "# The command: the first word that is no option nor an option's value.\n"
      "function __newsgrep_command\n"
      "    set -l words (commandline -opc)\n"
      "    set -e words[1]\n"
      "    set -l skip 0\n"
      "    for word in $words\n"
      "        if test $skip = 1\n"
      "            set skip 0\n"
      "            continue\n"
      "        end\n"
      "        switch $word\n"
      "            case ",
      absl::StrJoin(ValueOptions(), " "),
      "\n"
      "                set skip 1\n"
      "            case '--'\n"
      "                echo search\n"
      "                return\n"
      "            case '-*'\n"
      "                continue\n"
      "            case ",
      commands,
      "\n"
      "                echo $word\n"
      "                return\n"
      "            case '*'\n"
      "                echo search\n"
      "                return\n"
      "        end\n"
      "    end\n"
      "    echo none\n"
      "end\n");
  absl::StrAppend(&out, "complete -c newsgrep -n 'test (__newsgrep_command) = none' -f -a '",
                  commands, "'\n");
  auto emit = [&](const HelpFlag& flag, const std::string& condition) {
    std::string line = absl::StrCat("complete -c newsgrep -n '", condition, "'");
    for (const std::string& name : flag.names) {
      if (absl::StartsWith(name, "--")) {
        absl::StrAppend(&line, " -l ", name.substr(2));
      } else {
        absl::StrAppend(&line, " -s ", name.substr(1));
      }
    }
    const std::vector<std::string> choices = ChoicesOf(flag.names.back());
    if (!flag.value.empty()) {
      absl::StrAppend(&line, flag.value_optional ? "" : " -r",
                      !choices.empty()  ? absl::StrCat(" -f -a '", absl::StrJoin(choices, " "), "'")
                      : TakesPath(flag) ? " -F"
                                        : " -f");
    }
    const std::string help = absl::StrReplaceAll(Shorten(flag.help), {{"'", "\\'"}});
    absl::StrAppend(&line, " -d '", help, "'\n");
    out += line;
  };
  for (const HelpFlag& flag : FlagsOf(Command::kHelp)) emit(flag, "true");
  for (const NamedCommand& command : Commands()) {
    const std::string condition = command.command == Command::kSearch
                                      ? "contains -- (__newsgrep_command) search none"
                                      : absl::StrCat("test (__newsgrep_command) = ", command.name);
    for (const HelpFlag& flag : FlagsOf(command.command)) emit(flag, condition);
    if (const std::string operands = OperandWords(command.command); !operands.empty()) {
      absl::StrAppend(&out, "complete -c newsgrep -n '", condition, "' -f -a '", operands, "'\n");
    }
  }
  absl::StrAppend(&out, "complete -c newsgrep -n 'test (__newsgrep_command) = help' -f -a '",
                  commands, "'\n");
  return out;
}

}  // namespace

std::vector<HelpFlag> FlagsOf(Command command) {
  std::vector<HelpFlag> flags;
  bool in_flag = false;
  for (absl::string_view line : absl::StrSplit(HelpText(command), '\n')) {
    if (std::optional<HelpFlag> flag = ParseOptionLine(line)) {
      const bool seen = std::any_of(flags.begin(), flags.end(), [&](const HelpFlag& other) {
        return other.names == flag->names;  // eval lists --errors under two evaluations
      });
      in_flag = !seen;
      if (!seen) flags.push_back(*std::move(flag));
    } else if (in_flag && absl::StartsWith(line, "    ")) {
      std::string& help = flags.back().help;
      absl::StrAppend(&help, help.empty() ? "" : " ", absl::StripAsciiWhitespace(line));
    } else {
      in_flag = false;
    }
  }
  return flags;
}

const std::vector<NamedCommand>& Commands() {
  static const auto* commands = new std::vector<NamedCommand>{
      {Command::kSearch, "search"},   {Command::kIndex, "index"},   {Command::kShow, "show"},
      {Command::kSimilar, "similar"}, {Command::kDelete, "delete"}, {Command::kStats, "stats"},
      {Command::kEval, "eval"},       {Command::kCheck, "check"}};
  return *commands;
}

std::vector<std::string> ChoicesOf(absl::string_view flag) {
  const auto it = FlagChoices().find(std::string(flag));
  return it == FlagChoices().end() ? std::vector<std::string>{} : it->second;
}

const std::vector<std::string>& GenerateKinds() {
  static const auto* kinds = new std::vector<std::string>(ChoicesOf("--generate"));
  return *kinds;
}

std::optional<std::string> Generate(absl::string_view kind, absl::string_view version) {
  if (kind == "man") return ManPage(version);
  if (kind == "complete-bash") return BashCompletion();
  if (kind == "complete-zsh") return ZshCompletion();
  if (kind == "complete-fish") return FishCompletion();
  return std::nullopt;
}

}  // namespace newsgrep::cli
