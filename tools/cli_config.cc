// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cli_config.cc
/// @brief Command-line parsing.
#include "cli_config.h"

#include <getopt.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "eval_dedup.h"
#include "manual.h"
#include "newsgrep/dates.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/schema.h"

namespace newsgrep::cli {
namespace {

std::string DefaultDbPath(const GetEnv& getenv) {
  if (const char* db = getenv("NEWSGREP_DB"); db != nullptr && *db != '\0') return db;
  if (const char* xdg = getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    return absl::StrCat(xdg, "/newsgrep/index");
  }
  const char* home = getenv("HOME");
  return absl::StrCat(home != nullptr ? home : ".", "/.local/share/newsgrep/index");
}

// --timeout: a time above zero, as absl::ParseDuration reads it (30s, 500ms, 2m) or a bare
// number of seconds (2.5).
absl::StatusOr<absl::Duration> TimeLimit(absl::string_view text) {
  absl::Duration limit;
  double seconds = 0;
  bool parsed = false;
  if (absl::SimpleAtod(text, &seconds)) {
    parsed = std::isfinite(seconds);
    limit = absl::Seconds(seconds);
  } else {
    parsed = absl::ParseDuration(text, &limit);
  }
  if (!parsed || limit <= absl::ZeroDuration() || limit == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--timeout takes a time above zero (2.5, 30s, 500ms, 2m), not '", text, "'"));
  }
  return limit;
}

// --since: a duration back from now (24h, 7d, 2w) or a date (2025-08-18, or any form
// ParseNewsDate reads). "Now" is the clock, or $NEWSGREP_NOW when set (reproducible runs).
absl::StatusOr<NewsDate> SinceDate(absl::string_view value, const GetEnv& getenv) {
  if (std::optional<NewsDate> date = ParseNewsDate(value)) return *date;
  using std::chrono::hours;
  int64_t count = 0;
  const char unit = value.empty() ? '\0' : value.back();
  const int64_t unit_hours = unit == 'h' ? 1 : unit == 'd' ? 24 : unit == 'w' ? 24 * 7 : 0;
  if (unit_hours == 0 || !absl::SimpleAtoi(value.substr(0, value.size() - 1), &count) ||
      count < 0 || count > 1000000) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--since takes a duration (24h, 7d, 2w) or a date (2025-08-18), not '", value, "'"));
  }
  std::chrono::sys_seconds now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  if (const char* fixed = getenv("NEWSGREP_NOW"); fixed != nullptr && *fixed != '\0') {
    const std::optional<NewsDate> date = ParseNewsDate(fixed);
    if (!date) {
      return absl::InvalidArgumentError(absl::StrCat("NEWSGREP_NOW is not a date: '", fixed, "'"));
    }
    now = std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(date->year),
                                                            std::chrono::month(date->month),
                                                            std::chrono::day(date->day))) +
          std::chrono::hours(date->hour) + std::chrono::minutes(date->minute) +
          std::chrono::seconds(date->second);
  }
  const std::chrono::sys_seconds since = now - hours(count * unit_hours);
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(since);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss<std::chrono::seconds> time(since - day);
  NewsDate date;
  date.year = static_cast<int>(ymd.year());
  date.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  date.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  date.hour = static_cast<int>(time.hours().count());
  date.minute = static_cast<int>(time.minutes().count());
  date.second = static_cast<int>(time.seconds().count());
  date.has_time = true;
  return date;
}

std::optional<Command> SubcommandNamed(absl::string_view name) {
  if (name == "search") return Command::kSearch;
  if (name == "index") return Command::kIndex;
  if (name == "delete") return Command::kDelete;
  if (name == "help") return Command::kHelp;
  if (name == "similar") return Command::kSimilar;
  if (name == "show") return Command::kShow;
  if (name == "eval") return Command::kEval;
  if (name == "stats") return Command::kStats;
  if (name == "check") return Command::kCheck;
  return std::nullopt;
}

// "person,said" → the facets named (schema::kFacets), each once, in the order given.
absl::StatusOr<std::vector<schema::Facet>> FacetList(absl::string_view names) {
  std::vector<schema::Facet> facets;
  for (absl::string_view name : absl::StrSplit(names, ',', absl::SkipWhitespace())) {
    name = absl::StripAsciiWhitespace(name);
    const schema::FacetInfo* info = schema::FindFacet(name);
    if (info == nullptr) {
      std::vector<absl::string_view> known;
      for (const schema::FacetInfo& f : schema::kFacets) known.push_back(f.name);
      return absl::InvalidArgumentError(absl::StrCat(
          "--facets: no facet '", name, "'; the facets are ", absl::StrJoin(known, ", ")));
    }
    if (std::find(facets.begin(), facets.end(), info->facet) == facets.end()) {
      facets.push_back(info->facet);
    }
  }
  if (facets.empty()) return absl::InvalidArgumentError("--facets= needs at least one facet");
  return facets;
}

// One option as the command line gave it, as getopt_long split it off.
struct GivenOption {
  const HelpFlag* flag = nullptr;  // its line in the help texts
  std::string key;                 // the flag's first long name, which Apply goes by: "--limit"
  std::string spelled;             // as given: "-n" or "--limit"
  std::optional<std::string> value;
};

// A command line split into options and operands, with the command its first operand names.
struct SplitLine {
  std::vector<GivenOption> options;
  std::vector<std::string> operands;
  Command command = Command::kSearch;
  bool explicit_command = false;
};

// Every option some help text lists, each once: the parser's table.
std::vector<HelpFlag> AllFlags() {
  std::vector<HelpFlag> all;
  auto add = [&all](Command command) {
    for (HelpFlag& flag : FlagsOf(command)) {
      if (std::none_of(all.begin(), all.end(),
                       [&](const HelpFlag& other) { return other.names == flag.names; })) {
        all.push_back(std::move(flag));
      }
    }
  };
  add(Command::kHelp);
  for (const NamedCommand& command : Commands()) add(command.command);
  return all;
}

std::string KeyOf(const HelpFlag& flag) {
  for (const std::string& name : flag.names) {
    if (absl::StartsWith(name, "--")) return name;
  }
  return flag.names.front();
}

bool Lists(const std::vector<HelpFlag>& flags, const HelpFlag& flag) {
  return std::any_of(flags.begin(), flags.end(),
                     [&](const HelpFlag& other) { return other.names == flag.names; });
}

std::string CommandName(Command command) {
  for (const NamedCommand& named : Commands()) {
    if (named.command == command) return named.name;
  }
  return "help";
}

// Splits `args` with getopt_long, its table built from the help texts' option lines
// (manual.h): `-n1`, `-n 1`, `--limit=1` and `--limit 1` are one option; short switches
// bundle (`-lc` is -l and -c); an optional value only follows '=' (`--facets=person`).
// Long options are taken only whole (getopt_long's abbreviations would break a script when
// a later option shares the prefix). Operands are kept in order; the first, when it names
// a command, is the command. After the first word of a query, a word that is not shaped
// as an option (`-russia`: longer than a short option, and no number after -n or -j) is a
// query word: the query language's exclusion.
absl::StatusOr<SplitLine> Split(const std::vector<std::string>& args,
                                const std::vector<HelpFlag>& flags) {
  constexpr int kLongBase = 256;  // getopt_long's value for flags[i]: kLongBase + i
  std::string shortopts = "+:";   // no reordering (operands are ours); ':' for a missing value
  std::vector<option> longopts;
  std::map<char, size_t> short_flags;
  for (size_t i = 0; i < flags.size(); ++i) {
    const int has_arg = flags[i].value.empty()    ? no_argument
                        : flags[i].value_optional ? optional_argument
                                                  : required_argument;
    for (const std::string& name : flags[i].names) {
      if (absl::StartsWith(name, "--")) {
        longopts.push_back({name.c_str() + 2, has_arg, nullptr, kLongBase + static_cast<int>(i)});
      } else {
        shortopts += name[1];
        if (has_arg == required_argument) shortopts += ':';
        short_flags[name[1]] = i;
      }
    }
  }
  longopts.push_back({nullptr, 0, nullptr, 0});
  // An option's shape, for a word after the query's first: --long, -x, or -n5.
  auto option_shaped = [&](const std::string& word) {
    if (absl::StartsWith(word, "--") || word.size() == 2) return true;
    const auto it = short_flags.find(word[1]);
    return it != short_flags.end() && !flags[it->second].value.empty() &&
           std::all_of(word.begin() + 2, word.end(),
                       [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
  };

  std::vector<std::string> words = {"newsgrep"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const int argc = static_cast<int>(words.size());
  // getopt_long keeps its place inside a bundle in globals: start afresh (glibc: optind 0
  // reinitialises), with its errors returned rather than printed.
  opterr = 0;
  optind = 0;
  const option no_options[] = {{nullptr, 0, nullptr, 0}};
  getopt_long(1, argv.data(), "+", no_options, nullptr);

  SplitLine line;
  bool ended = false, in_bundle = false;
  while (in_bundle || optind < argc) {
    if (!in_bundle) {
      const std::string& word = words[optind];
      const bool in_query = line.command == Command::kSearch && !line.operands.empty();
      if (ended || word.size() < 2 || word[0] != '-' || (in_query && !option_shaped(word))) {
        std::optional<Command> command;
        if (!ended && !line.explicit_command && line.operands.empty()) {
          command = SubcommandNamed(word);
        }
        if (command) {
          line.command = *command;
          line.explicit_command = true;
        } else {
          line.operands.push_back(word);
        }
        ++optind;
        continue;
      }
      if (word == "--") {
        ended = true;
        ++optind;
        continue;
      }
    }
    const int at = optind;
    const std::string& word = words[at];
    const absl::string_view long_name = absl::string_view(word).substr(0, word.find('='));
    int long_index = -1;
    const int code =
        getopt_long(argc, argv.data(), shortopts.c_str(), longopts.data(), &long_index);
    in_bundle = optind == at;  // still inside "-lc"
    if (code == -1) break;     // (not reached: operands and "--" are taken above)
    if (code == '?' || code == ':') {
      if (optopt >= kLongBase) {
        return absl::InvalidArgumentError(
            absl::StrCat("option ", long_name, code == ':' ? " needs a value" : " takes no value"));
      }
      if (optopt != 0) {
        const std::string name = absl::StrCat("-", std::string(1, static_cast<char>(optopt)));
        if (code == ':')
          return absl::InvalidArgumentError(absl::StrCat("option ", name, " needs a value"));
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown option '", name, "'", word.size() > 2 ? absl::StrCat(" in '", word, "'") : "",
            " (see newsgrep --help; a query word that starts with '-' goes after --)"));
      }
      return absl::InvalidArgumentError(
          absl::StrCat("unknown option '", long_name, "' (see newsgrep --help)"));
    }
    GivenOption given;
    if (code >= kLongBase) {
      given.flag = &flags[static_cast<size_t>(code - kLongBase)];
      given.spelled = absl::StrCat("--", longopts[static_cast<size_t>(long_index)].name);
      if (long_name != given.spelled) {
        return absl::InvalidArgumentError(
            absl::StrCat("unknown option '", long_name, "' (did you mean ", given.spelled, "?)"));
      }
    } else {
      given.flag = &flags[short_flags.at(static_cast<char>(code))];
      given.spelled = absl::StrCat("-", std::string(1, static_cast<char>(code)));
    }
    given.key = KeyOf(*given.flag);
    if (optarg != nullptr) given.value = optarg;
    line.options.push_back(std::move(given));
  }
  return line;
}

}  // namespace

absl::StatusOr<Config> ParseCommandLine(const std::vector<std::string>& args,
                                        const GetEnv& getenv) {
  const std::vector<HelpFlag> flags = AllFlags();
  NEWSGREP_ASSIGN_OR_RETURN(SplitLine line, Split(args, flags));
  Config config;
  config.command = line.command;
  std::vector<std::string>& operands = line.operands;
  bool help = false;
  std::vector<std::string> db_flags;
  std::optional<size_t> count_limit;  // -n: search hits or stats rows
  std::string output_flag;            // the first of --json, -l, -c given

  for (const GivenOption& given : line.options) {
    const std::string& name = given.spelled;
    const std::string& key = given.key;
    const std::string value = given.value.value_or("");
    auto take_count = [&](size_t* out) -> absl::Status {
      uint64_t n = 0;
      if (!absl::SimpleAtoi(value, &n)) {
        return absl::InvalidArgumentError(
            absl::StrCat("option ", name, " needs a whole number, not '", value, "'"));
      }
      *out = static_cast<size_t>(n);
      return absl::OkStatus();
    };
    absl::Status status;
    if (key == "--help") {
      help = true;
    } else if (key == "--version") {
      config.command = Command::kVersion;
    } else if (key == "--no-config") {
      // ParseCommandLineWithConfig's: nothing to do here.
    } else if (key == "--generate") {
      const std::vector<std::string>& kinds = GenerateKinds();
      if (std::find(kinds.begin(), kinds.end(), value) == kinds.end()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--generate takes ", absl::StrJoin(kinds, ", "), ", not '", value, "'"));
      }
      config.command = Command::kGenerate;
      config.generate = value;
    } else if (key == "--db") {
      for (const std::string& other : db_flags) {
        // (Both with a final separator: "db" and "db/" are one index.)
        if ((std::filesystem::path(other) / "").lexically_normal() ==
            (std::filesystem::path(value) / "").lexically_normal()) {
          return absl::InvalidArgumentError(
              absl::StrCat("--db ", value, " given twice (its articles would count twice)"));
        }
      }
      db_flags.push_back(value);
    } else if (key == "--allow-stub-programs") {
      config.allow_stub_programs = true;
    } else if (key == "--limit") {
      count_limit.emplace();
      status = take_count(&*count_limit);
    } else if (key == "--offset") {
      status = take_count(&config.search.options.offset);
    } else if (key == "--all") {
      config.search.options.collapse = false;
    } else if (key == "--facets") {
      // Only --facets=LIST takes a list: after a bare --facets comes the query.
      if (given.value) {
        absl::StatusOr<std::vector<schema::Facet>> facets = FacetList(value);
        if (!facets.ok()) return facets.status();
        config.search.options.facets = *facets;
      } else {
        config.search.options.facets.assign(schema::kDefaultFacets.begin(),
                                            schema::kDefaultFacets.end());
      }
    } else if (key == "--quotes") {
      config.search.quotes = true;
    } else if (key == "--partial") {
      config.search.partial = true;
    } else if (key == "--facet-limit") {
      status = take_count(&config.search.options.facet_limit);
    } else if (key == "--timeline") {
      const std::string unit_name = given.value.value_or("auto");
      const std::optional<TimelineUnit> unit = TimelineUnitNamed(unit_name);
      if (!unit) {
        return absl::InvalidArgumentError(
            absl::StrCat("--timeline takes day, week, month, year or auto, not '", unit_name, "'"));
      }
      config.search.options.timeline = *unit;
    } else if (key == "--corpus-dir") {
      config.eval.corpus_dir = value;
    } else if (key == "--sample-dir") {
      config.eval.sample_dir = value;
    } else if (key == "--stories") {
      status = take_count(&config.eval.perturb_stories);
    } else if (key == "--sets") {
      for (absl::string_view set : absl::StrSplit(value, ',', absl::SkipEmpty())) {
        if (!IsDedupEvalSet(set)) {
          return absl::InvalidArgumentError(absl::StrCat("--sets: no evaluation set '", set, "' (",
                                                         absl::StrJoin(kDedupEvalSets, ", "), ")"));
        }
        config.eval.dedup_sets.emplace_back(set);
      }
    } else if (key == "--conll") {
      config.eval.ner.conll_path = value;
    } else if (key == "--output") {
      config.eval.extract.output_path = value;
    } else if (key == "--errors") {
      status = take_count(&config.eval.ner.show_errors);
    } else if (key == "--labels") {
      config.eval.labels_dir = value;
    } else if (key == "--draw") {
      status = take_count(&config.eval.draw);
    } else if (key == "--ids-only" || key == "--count" || key == "--json") {
      const OutputMode mode = key == "--json"    ? OutputMode::kJson
                              : key == "--count" ? OutputMode::kCountOnly
                                                 : OutputMode::kIdsOnly;
      // Two output formats at once would leave one silently unused.
      if (!output_flag.empty() && mode != config.output) {
        return absl::InvalidArgumentError(
            absl::StrCat(output_flag, " and ", name, " are two output formats; give one of them"));
      }
      output_flag = name;
      config.output = mode;
    } else if (key == "--color") {
      if (value == "auto") {
        config.color = ColorChoice::kAuto;
      } else if (value == "always") {
        config.color = ColorChoice::kAlways;
      } else if (value == "never") {
        config.color = ColorChoice::kNever;
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat(name, " takes auto, always or never, not '", value, "'"));
      }
    } else if (key == "--sort") {
      if (value == "relevance") {
        config.search.options.sort = SortOrder::kRelevance;
      } else if (value == "newest") {
        config.search.options.sort = SortOrder::kNewest;
      } else if (value == "recent") {
        config.search.options.sort = SortOrder::kRecencyBoosted;
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("--sort takes relevance, newest or recent, not '", value, "'"));
      }
    } else if (key == "--since") {
      absl::StatusOr<NewsDate> since = SinceDate(value, getenv);
      if (!since.ok()) return since.status();
      config.search.options.since = *since;
    } else if (key == "--timeout") {
      absl::StatusOr<absl::Duration> limit = TimeLimit(value);
      if (!limit.ok()) return limit.status();
      config.search.options.time_limit = *limit;
    } else if (key == "--commit-every") {
      status = take_count(&config.index.commit_every);
      if (status.ok() && config.index.commit_every == 0) {
        status = absl::InvalidArgumentError("--commit-every must be at least 1");
      }
    } else if (key == "--threads") {
      status = take_count(&config.index.analysis_threads);
    } else if (key == "--no-entities") {
      config.index.extract_entities = false;
    } else if (key == "--max-body-bytes") {
      size_t bytes = 0;
      status = take_count(&bytes);
      if (status.ok() && bytes == 0) {
        status = absl::InvalidArgumentError("--max-body-bytes must be at least 1");
      }
      // A record or file holding such a body may be twice its size (JSON escapes) and more.
      const size_t room = bytes > (SIZE_MAX - 65536) / 2 ? SIZE_MAX : 2 * bytes + 65536;
      config.index.read_limits.max_body_bytes = bytes;
      config.index.read_limits.max_record_bytes =
          std::max(config.index.read_limits.max_record_bytes, room);
      config.index.read_limits.max_text_file_bytes =
          std::max(config.index.read_limits.max_text_file_bytes, room);
    } else if (key == "--format") {
      absl::StatusOr<InputFormat> format = ParseInputFormat(value);
      if (!format.ok()) return format.status();
      config.index.input_format = *format;
    } else if (key == "--quiet") {
      config.index.quiet = true;
    } else if (key == "--verbose") {
      config.index.verbose = true;
    } else if (key == "--missing-files") {
      config.remove.missing_files = true;
    } else if (key == "--dry-run") {
      config.remove.dry_run = true;
    } else {
      // A help text lists an option this parser does not handle (manual_test checks it).
      return absl::InternalError(absl::StrCat("option ", name, " is listed but not handled"));
    }
    if (!status.ok()) return status;
  }

  if (db_flags.empty()) db_flags.push_back(DefaultDbPath(getenv));
  config.db_paths = db_flags;
  config.db_path = db_flags.front();
  // Reading commands search several indexes as one; writing and checking take one.
  const bool one_index = config.command == Command::kIndex || config.command == Command::kDelete ||
                         config.command == Command::kCheck;
  if (one_index && db_flags.size() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("--db given twice ('", db_flags[0], "', '", db_flags[1], "'): newsgrep ",
                     CommandName(config.command), " works on one index"));
  }
  if (config.command == Command::kVersion || config.command == Command::kGenerate) return config;
  if (config.command == Command::kHelp) {
    config.help_for = Command::kHelp;
    if (!operands.empty()) {
      auto command = SubcommandNamed(operands[0]);
      if (!command) {
        return absl::InvalidArgumentError(
            absl::StrCat("no help for '", operands[0],
                         "': commands are index, search, similar, eval, stats, check"));
      }
      config.help_for = *command;
    }
    return config;
  }
  if (help) {
    config.help_for = line.explicit_command ? config.command : Command::kHelp;
    config.command = Command::kHelp;
    return config;
  }
  // Each option must be one that the command's help lists, or every command's.
  const std::vector<HelpFlag> own = FlagsOf(config.command), every = FlagsOf(Command::kHelp);
  for (const GivenOption& given : line.options) {
    if (Lists(own, *given.flag) || Lists(every, *given.flag)) continue;
    std::vector<std::string> takers;
    for (const NamedCommand& named : Commands()) {
      if (Lists(FlagsOf(named.command), *given.flag)) takers.push_back(named.name);
    }
    auto a = [](absl::string_view name) {
      return absl::StrContains("aeiou", name[0]) ? "an " : "a ";
    };
    return absl::InvalidArgumentError(
        absl::StrCat(given.spelled, " is ", a(takers.front()), absl::StrJoin(takers, ", "),
                     " option, not ", a(CommandName(config.command)), CommandName(config.command),
                     " option (see newsgrep ", CommandName(config.command), " --help)"));
  }
  if (config.command == Command::kDelete) {
    if (operands.empty() && !config.remove.missing_files) {
      return absl::InvalidArgumentError(
          "newsgrep delete needs article ids, or --missing-files (see newsgrep delete --help)");
    }
    config.remove.ids = std::move(operands);
    return config;
  }
  if (config.command == Command::kEval) {
    if (operands.empty() || (operands[0] != "dedup" && operands[0] != "ner" &&
                             operands[0] != "extract" && operands[0] != "quotes")) {
      return absl::InvalidArgumentError(
          "newsgrep eval takes one evaluation name: dedup, ner, extract or quotes");
    }
    // Which evaluation takes which option (eval's help lists them under each): any other
    // would be silently unused.
    struct EvalOptions {
      absl::string_view evaluation;
      std::vector<absl::string_view> options;
    };
    static const auto* kEvalOptions = new std::vector<EvalOptions>{
        {"dedup", {"--corpus-dir", "--sample-dir", "--stories", "--sets"}},
        {"ner", {"--conll", "--errors"}},
        {"extract", {"--output"}},
        {"quotes", {"--corpus-dir", "--sample-dir", "--labels", "--draw", "--errors"}}};
    const absl::string_view evaluation = operands[0];
    for (const EvalOptions& allowed : *kEvalOptions) {
      if (allowed.evaluation != evaluation) continue;
      for (const GivenOption& given : line.options) {
        if (Lists(every, *given.flag) || std::find(allowed.options.begin(), allowed.options.end(),
                                                   given.key) != allowed.options.end()) {
          continue;
        }
        std::vector<absl::string_view> takers;
        for (const EvalOptions& other : *kEvalOptions) {
          if (std::find(other.options.begin(), other.options.end(), given.key) !=
              other.options.end()) {
            takers.push_back(other.evaluation);
          }
        }
        return absl::InvalidArgumentError(
            absl::StrCat(given.spelled, " is not an option of newsgrep eval ", evaluation,
                         " (it is one of newsgrep eval ", absl::StrJoin(takers, ", "), ")"));
      }
    }
    const size_t operands_wanted = evaluation == "extract" ? 2 : 1;
    if (operands.size() != operands_wanted) {
      return absl::InvalidArgumentError(
          evaluation == "extract"
              ? "newsgrep eval extract takes one directory (ground-truth.json and html/)"
              : absl::StrCat("newsgrep eval ", evaluation, " takes no operand"));
    }
    if (evaluation == "quotes") {
      if (config.eval.draw > 0 && config.eval.corpus_dir.empty()) {
        return absl::InvalidArgumentError(
            "--draw needs --corpus-dir (the quotations are drawn from Reuters-21578)");
      }
      config.eval.evaluation = Evaluation::kQuotes;
    } else if (evaluation == "extract") {
      config.eval.evaluation = Evaluation::kExtract;
      config.eval.extract.dir = operands[1];
    } else if (evaluation == "ner") {
      if (config.eval.ner.conll_path.empty()) {
        return absl::InvalidArgumentError(
            "newsgrep eval ner needs --conll FILE (CoNLL-2003 format, plain or .gz)");
      }
      config.eval.evaluation = Evaluation::kNer;
    } else {
      config.eval.evaluation = Evaluation::kDedup;
    }
    return config;
  }
  if (config.command == Command::kStats) {
    if (operands.size() != 1 || (operands[0] != "people" && operands[0] != "places")) {
      return absl::InvalidArgumentError("newsgrep stats takes one of: people, places");
    }
    config.stats.kind = operands[0] == "people" ? EntityKind::kPerson : EntityKind::kPlace;
    if (count_limit) config.stats.limit = *count_limit;
    return config;
  }
  if (config.command == Command::kCheck) {
    if (!operands.empty()) {
      return absl::InvalidArgumentError("newsgrep check takes no arguments (the index is --db)");
    }
    return config;
  }
  if (config.command == Command::kShow) {
    if (operands.empty()) {
      return absl::InvalidArgumentError("newsgrep show takes one or more article ids");
    }
    config.show.ids = std::move(operands);
    return config;
  }
  if (config.command == Command::kSimilar) {
    if (operands.size() != 1) {
      return absl::InvalidArgumentError("newsgrep similar takes one article id");
    }
    config.similar.article_id = operands[0];
    return config;
  }
  if (config.command == Command::kIndex) {
    if (operands.empty()) {
      return absl::InvalidArgumentError("newsgrep index needs at least one file or directory");
    }
    config.index.inputs = std::move(operands);
    return config;
  }
  if (operands.empty()) {
    return absl::InvalidArgumentError("no query given (see newsgrep --help)");
  }
  config.search.query = absl::StrJoin(operands, " ");
  if (count_limit) config.search.options.limit = *count_limit;
  if (config.search.quotes &&
      (!config.search.options.facets.empty() || config.search.options.timeline)) {
    return absl::InvalidArgumentError(
        "--quotes lists quotes: it goes without --facets and --timeline");
  }
  if ((!config.search.options.facets.empty() || config.search.options.timeline) &&
      (config.output == OutputMode::kIdsOnly || config.output == OutputMode::kCountOnly)) {
    return absl::InvalidArgumentError(
        "--facets and --timeline print as text or --json, not with -l or -c");
  }
  if (config.output == OutputMode::kCountOnly) config.search.options.exact_count = true;
  // Ids and counts print no snippet: do not read the stored bodies to make one.
  if (config.output == OutputMode::kIdsOnly || config.output == OutputMode::kCountOnly) {
    config.search.options.snippets = false;
  }
  return config;
}

std::string ConfigFilePath(const GetEnv& getenv) {
  if (const char* named = getenv("NEWSGREP_CONFIG"); named != nullptr) return named;
  // Only absolute directories (as the XDG specification says): without HOME, no file is
  // read from wherever the command happens to run.
  if (const char* xdg = getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/') {
    return absl::StrCat(xdg, "/newsgrep/config");
  }
  const char* home = getenv("HOME");
  if (home == nullptr || home[0] != '/') return "";
  return absl::StrCat(home, "/.config/newsgrep/config");
}

namespace {

// One option of the config file: its arguments ("--db", "/srv/news") and where it is.
struct ConfigOption {
  std::vector<std::string> args;
  std::string where;  // "FILE:LINE"
};

absl::StatusOr<std::vector<ConfigOption>> ConfigOptions(const std::string& path,
                                                        const std::string& text) {
  std::vector<ConfigOption> options;
  size_t line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    ConfigOption option;
    option.where = absl::StrCat(path, ":", line_number);
    if (line[0] != '-' || line == "-" || line == "--") {
      return absl::InvalidArgumentError(
          absl::StrCat(option.where, ": '", line, "' is not an option (one option per line)"));
    }
    // What only the command line may ask for: another command, a file read or not, or
    // programs run from a stub file.
    const absl::string_view name = line.substr(0, line.find_first_of(" \t="));
    for (absl::string_view own : {"-h", "--help", "-V", "--version", "--generate", "--no-config",
                                  "--allow-stub-programs", "--missing-files", "--dry-run"}) {
      if (name == own) {
        return absl::InvalidArgumentError(
            absl::StrCat(option.where, ": ", own, " is for the command line, not the config file"));
      }
    }
    const size_t space = line.find_first_of(" \t");
    const size_t equals = line.find('=');
    if (space != absl::string_view::npos && (equals == absl::string_view::npos || space < equals)) {
      option.args = {std::string(line.substr(0, space)),
                     std::string(absl::StripLeadingAsciiWhitespace(line.substr(space)))};
    } else {
      option.args = {std::string(line)};
    }
    options.push_back(std::move(option));
  }
  return options;
}

// Whether `option` parses as some command's option, taking only its own arguments (then a
// failure with the command line means it belongs to another command or conflicts with the
// command line).
bool SomeCommandTakes(const ConfigOption& option, const GetEnv& getenv) {
  struct Probe {
    std::vector<std::string> args;
    std::function<bool(const Config&)> intact;  // the probe's own words still read as such
  };
  static const std::vector<Probe> kProbes = {
      {{"query"},
       [](const Config& c) { return c.command == Command::kSearch && c.search.query == "query"; }},
      {{"index", "x"},
       [](const Config& c) {
         return c.command == Command::kIndex && c.index.inputs == std::vector<std::string>{"x"};
       }},
      {{"delete", "x"},
       [](const Config& c) {
         return c.command == Command::kDelete && c.remove.ids == std::vector<std::string>{"x"};
       }},
      {{"eval", "dedup"}, [](const Config& c) { return c.command == Command::kEval; }},
      {{"eval", "quotes"}, [](const Config& c) { return c.command == Command::kEval; }},
      {{"eval", "ner", "--conll", "x"},
       [](const Config& c) { return c.command == Command::kEval && c.eval.ner.conll_path == "x"; }},
      {{"eval", "extract", "x"},
       [](const Config& c) { return c.command == Command::kEval && c.eval.extract.dir == "x"; }},
      {{"stats", "people"}, [](const Config& c) { return c.command == Command::kStats; }},
  };
  for (const Probe& probe : kProbes) {
    std::vector<std::string> args = option.args;
    args.insert(args.end(), probe.args.begin(), probe.args.end());
    const absl::StatusOr<Config> config = ParseCommandLine(args, getenv);
    if (config.ok() && probe.intact(*config)) return true;
  }
  return false;
}

// Whether `merged` does what the command line alone asked: the same command on the same
// words. A config line can otherwise take the command line's first word as its value
// (`--facets person` before `index corpus/`).
bool SameRequest(const Config& merged, const Config& alone) {
  return merged.command == alone.command && merged.help_for == alone.help_for &&
         merged.search.query == alone.search.query && merged.index.inputs == alone.index.inputs &&
         merged.remove.ids == alone.remove.ids &&
         merged.remove.missing_files == alone.remove.missing_files &&
         merged.remove.dry_run == alone.remove.dry_run && merged.show.ids == alone.show.ids &&
         merged.similar.article_id == alone.similar.article_id &&
         merged.eval.evaluation == alone.eval.evaluation &&
         merged.eval.extract.dir == alone.eval.extract.dir && merged.stats.kind == alone.stats.kind;
}

bool IsDbOption(const std::string& arg) { return arg == "--db" || absl::StartsWith(arg, "--db="); }

}  // namespace

absl::StatusOr<Config> ParseCommandLineWithConfig(const std::vector<std::string>& args,
                                                  const GetEnv& getenv,
                                                  const ReadFileFn& read_file) {
  std::vector<std::string> command_line;
  bool no_config = false, options_ended = false;
  for (const std::string& arg : args) {
    options_ended |= arg == "--";
    if (!options_ended && arg == "--no-config") {
      no_config = true;
    } else {
      command_line.push_back(arg);
    }
  }
  absl::StatusOr<Config> alone = ParseCommandLine(command_line, getenv);
  // Help, the version and the generated files never depend on the file.
  if (no_config ||
      (alone.ok() && (alone->command == Command::kHelp || alone->command == Command::kVersion ||
                      alone->command == Command::kGenerate))) {
    return alone;
  }
  const std::string path = ConfigFilePath(getenv);
  if (path.empty()) return alone;
  const char* named = getenv("NEWSGREP_CONFIG");
  absl::StatusOr<std::string> text = read_file(path);
  if (!text.ok()) {
    if (!alone.ok() || (named == nullptr && absl::IsNotFound(text.status()))) return alone;
    return absl::Status(text.status().code(),
                        absl::StrCat("config file ", path, " (",
                                     named != nullptr ? "NEWSGREP_CONFIG" : "the default",
                                     "): ", text.status().message()));
  }
  absl::StatusOr<std::vector<ConfigOption>> options = ConfigOptions(path, *text);
  if (!options.ok()) return alone.ok() ? options.status() : alone.status();  // the line's first
  // The file's --db gives way to the command line's and to $NEWSGREP_DB.
  const char* env_db = getenv("NEWSGREP_DB");
  const bool db_given = std::any_of(command_line.begin(), command_line.end(), IsDbOption) ||
                        (env_db != nullptr && *env_db != '\0');
  std::vector<ConfigOption> file_options;
  for (ConfigOption& option : *options) {
    if (!(db_given && IsDbOption(option.args[0]))) file_options.push_back(std::move(option));
  }
  std::vector<std::string> kept;
  size_t needed = file_options.size();  // the option the command line needs, if any
  if (!alone.ok()) {
    // The file may give what the command needs (eval quotes --draw: --corpus-dir): an
    // option that makes the command line parse, before it and after its words alike.
    for (size_t i = 0; i < file_options.size() && needed == file_options.size(); ++i) {
      std::vector<std::string> before = file_options[i].args, after = command_line;
      before.insert(before.end(), command_line.begin(), command_line.end());
      after.insert(after.end(), file_options[i].args.begin(), file_options[i].args.end());
      absl::StatusOr<Config> with = ParseCommandLine(before, getenv);
      const absl::StatusOr<Config> with_after = ParseCommandLine(after, getenv);
      if (with.ok() && with_after.ok() && SameRequest(*with, *with_after)) {
        needed = i;
        alone = std::move(with);
        kept = file_options[i].args;
      }
    }
    if (!alone.ok()) return alone;
  }
  // Each option of the file, in order, kept when the command line still parses with it
  // and asks for the same; left out when another command takes it or the command line
  // overrides it; an error otherwise.
  for (size_t i = 0; i < file_options.size(); ++i) {
    if (i == needed) continue;
    const ConfigOption& option = file_options[i];
    std::vector<std::string> trial = kept;
    trial.insert(trial.end(), option.args.begin(), option.args.end());
    trial.insert(trial.end(), command_line.begin(), command_line.end());
    const absl::StatusOr<Config> merged = ParseCommandLine(trial, getenv);
    if (merged.ok() && SameRequest(*merged, *alone)) {
      kept.insert(kept.end(), option.args.begin(), option.args.end());
      continue;
    }
    if (!merged.ok() && SomeCommandTakes(option, getenv)) continue;
    const absl::StatusOr<Config> own = ParseCommandLine(option.args, getenv);
    return absl::InvalidArgumentError(absl::StrCat(
        option.where, ": ",
        !own.ok() && !absl::StrContains(own.status().message(), "no query given")
            ? std::string(own.status().message())
            : absl::StrCat("'", absl::StrJoin(option.args, " "),
                           "' would take the command line's words: give the option's value "
                           "after '=' (or none)")));
  }
  kept.insert(kept.end(), command_line.begin(), command_line.end());
  return ParseCommandLine(kept, getenv);
}

std::string HelpText(Command command) {
  if (command == Command::kSimilar) {
    return R"help(Usage: newsgrep similar [OPTIONS] ID

List the other versions of the story that article ID belongs to (near-duplicate
republications found at index time), earliest first, with how each differs from ID:
source, date, length in words and the share of text they have in common.

Options:
  --db PATH            index directory (see newsgrep index --help)
  --json               JSON Lines, one object per version (docs/JSON.md)
  -h, --help           this help

Exit status: 0 versions found, 1 none (the story has one version), 2 error (no such id).
)help";
  }
  if (command == Command::kShow) {
    return R"help(Usage: newsgrep show [OPTIONS] ID...

Print each article whose id is given (as newsgrep -l prints ids) in full: title, date,
source, id, url, authors, dateline, the clean text as indexed (on a terminal its quotes
in cyan, the people named in yellow, the places in green), then the people, places and
quotes (with their speakers) found in it, and the ids of its story's other versions.

Options:
  --db PATH            index directory (see newsgrep index --help)
  --json               one JSON object per article (docs/JSON.md)
  --color, --colour WHEN
                       auto (default: only on a terminal, not with NO_COLOR), always, never
  -h, --help           this help

Exit status: 0 every article found, 1 some id is not in the index (each is named; the
others are printed), 2 error.
)help";
  }
  if (command == Command::kDelete) {
    return R"help(Usage: newsgrep delete [OPTIONS] ID...
       newsgrep delete --missing-files [--dry-run]

Remove articles from the index: each article whose id is given (as `newsgrep -l` prints
ids), and, with --missing-files, every article read from a file that no longer exists (as
newsgrep index recorded it: its absolute path, so it works from any directory; a file that
cannot be checked, such as one behind a folder without permission, counts as present).
Other versions of a story stay, one fewer. The index is not compacted.

Options:
  --db PATH            index directory (see newsgrep index --help)
  --missing-files      also remove the articles of files that are gone (the file and
                       its article count are printed)
  --dry-run            print the ids that would be removed, one per line; remove nothing
  -h, --help           this help

Exit status: 0 all removed, 1 some id was not in the index (each is named; the others
were removed), 2 error (nothing was removed).
)help";
  }
  if (command == Command::kCheck) {
    return R"help(Usage: newsgrep check [--db PATH]

Check that the index is sound: Xapian's own check of every table (B-tree structure and the
tables against each other), then newsgrep's invariants: the schema version, one id per
article and one article per id, a story cluster for each article, word positions. A changed
byte that leaves every structure valid (a flipped bit inside a stored title) cannot be
found by any check.

Options:
  --db PATH            index directory (see newsgrep index --help)
  -h, --help           this help

Exit status: 0 sound, 2 a problem found (each is printed) or no index.
)help";
  }
  if (command == Command::kStats) {
    return R"help(Usage: newsgrep stats people|places [OPTIONS]

The most-mentioned people (or places) in the index, with the number of articles that
name them. People are counted by canonical name, so spellings are merged (Zelenskyy,
Zelensky, Zelenskiy); an article that names only a surname counts for the full name when
the index holds one full name with that surname. Places are counted by gazetteer entry
(Kiev and Kyiv together). Copies of a story count once per copy.

Options:
  --db PATH            index directory (see newsgrep index --help)
  -n, --limit N        show the first N (default 10)
  --json               JSON Lines, one object per person or place
  -h, --help           this help

Exit status: 0 something listed, 1 nothing (no entities in the index), 2 error.
)help";
  }
  if (command == Command::kEval) {
    return R"help(Usage: newsgrep eval dedup [OPTIONS]
       newsgrep eval ner --conll FILE [--errors N]
       newsgrep eval extract DIR [--output FILE]
       newsgrep eval quotes [--corpus-dir DIR] [--sample-dir DIR] [--labels DIR] [--errors N]

Measure near-duplicate clustering through the real indexer: precision and recall of
duplicate pairs on (a) the seed articles and the bundled sample corpus, (b) a perturbation
set generated from real articles (boilerplate, repetition, 1/5/10/20 % word edits, sentence
added/removed, title changed), (c) short items: republications of real short ledes (AG
News) with chrome, a site name in the title, a credit, edited words, (d) Reuters-21578's
short templated notices, where no two about different companies or figures may merge,
(e) exact-duplicate bodies in Reuters-21578, plus the indexing time duplicate detection
adds. Missing corpora are skipped with a message.

Options:
  --corpus-dir DIR     the evaluation corpora: seeds/, bbc_news.jsonl.gz (perturbation
                       source), agnews_test.jsonl.gz (short ledes),
                       reuters21578.jsonl.gz; without it only the sample
                       corpus is measured
  --sample-dir DIR     the bundled sample corpus (default data/sample)
  --stories N          originals drawn for the perturbation set (default 200)
  --sets LIST          only these sets, comma-separated: seeds, sample, perturbations,
                       short, notices, reuters (default: all)
  -h, --help           this help

eval ner: precision, recall and F1 of the person (PER) and place (LOC) recognizers at
mention level (exact token span) on a CoNLL-2003 file, as the indexer finds them (the
same statistics blocks), one line per type:
  PER  P=0.964 R=0.895 F1=0.928
  --conll FILE         the CoNLL-2003 file (plain or .gz), e.g.
                       ../shared/corpus/conll2003/eng.testa.gz
  --errors N           also print N false positives and N misses per type

eval extract: precision, recall and F1 of the article text newsgrep reads from web pages,
by the article-extraction benchmark's measure (4-word shingles, averaged over pages), and
pages per second; DIR holds ground-truth.json ({"<id>": {"articleBody": …}}) and
html/<id>.html or .html.gz, as ../shared/corpus/html-articles does.
  --output FILE        also write what was extracted, in the ground truth's format

eval quotes: quotations found and their speakers, as the indexer finds them, on (a) the
sample corpus's quotes.tsv, (b) the seed reports and (c) 100 quotations drawn evenly from
Reuters-21578, the last two labelled by hand in data/labels (ids and offsets, no text):
  --corpus-dir DIR     seeds/ and reuters21578.jsonl.gz (without it only the sample)
  --labels DIR         the labels (default data/labels)
  --errors N           also print N wrong speakers, misses and false quotations per set
  --draw N             print the N quotations of Reuters that would be drawn, with the
                       text around them and not the speaker found, for labelling

Exit status: 0 every target met, 1 a target missed, 2 error.
)help";
  }
  if (command == Command::kIndex) {
    return R"help(Usage: newsgrep index [OPTIONS] PATH...

Index news articles. PATH may be a file or a directory (walked recursively; names
starting with '.' are skipped), or - for standard input. Each file's format is found
from its content (after any gzip layer), else its name:
  RSS or Atom feed     one article per item (title, link, guid, dates, authors, text)
  JSON Lines           one JSON object per line (id, title, body, date, source, url,
                       dateline, author or authors); *.jsonl, *.ndjson
  JSON                 one such object, or an array of them
  web page (HTML)      one article: title, date, site name, authors, canonical URL and
                       the article's own text; *.html, *.htm, and any other markup
  Reuters-21578 SGML   one article per <REUTERS> element
  plain text           one article, optionally starting with Title:/Date:/Source:/URL:/
                       Dateline:/Author: header lines and a blank line
A file's id is its path relative to the current directory (absolute when the file is
outside it); a record's, item's or page's id is its own. Re-indexing an article with the
same id replaces it. A new index
is built in chunks written in parallel and merged, compact, when the run ends (readers see
it then, all at once; on an error it stays empty); adding to an existing index commits
as it goes and does not compact (xapian-compact does it on demand).

Options:
  --db PATH            index directory (default: $NEWSGREP_DB, else
                       $XDG_DATA_HOME/newsgrep/index, else ~/.local/share/newsgrep/index)
  --commit-every N     articles per commit (default: a thirtieth of the articles in
                       the index, from 1000 to 10000; 1000 in a new index's chunks)
  -j, --threads N      threads analysing articles beside the ones writing the index
                       (default 0: one per core but one, at least one)
  --max-body-bytes N   longest body kept (default 1048576, 1 MiB): a longer one is cut
                       at a word boundary and reported; records and files over 16 MiB
                       (or twice N) are skipped or cut too, so no input can take
                       unbounded memory
  --no-entities        do not recognise people, places and quotes (faster; the person:,
                       said:, quote: and location: fields stay empty)
  --format FMT         read every input as FMT: auto (the default: each file's own),
                       text, jsonl, json, html, feed (rss, atom), warc, sgml
  -q, --quiet          no progress line
  --verbose            also name each crawl record that holds no article (a WARC
                       response that is not a 2xx HTML page; counted in any case)
  -h, --help           this help

Exit status: 0 all input indexed (records that hold no article, such as a crawl's images
and error pages, are counted, not faults), 1 some files or records were skipped (each is
named on stderr; the rest was indexed), 2 error (nothing more could be indexed).
)help";
  }
  if (command == Command::kSearch) {
    return R"help(Usage: newsgrep [search] [OPTIONS] QUERY...

Search the index. Words must all match (stemmed: "guarantee" finds "guarantees").
  "security guarantees"        phrase            nato OR alliance   either word
  nato -russia, NOT            exclude           grynk*             wildcard
  title:summit, source:wire    field             date:2025-08-18..2025-08-20  date range
  person:zelensky              a person named (any spelling: Zelenskyy, Zelenskiy)
  location:kyiv                a place named (also Kiev)   quote:"will not work"  quoted
  said:lavrov                  articles quoting Lavrov
  WHO, IT, U.N., case:EU       an acronym: only where written in capitals
  "air support" NEAR/10 pentagon, claire ADJ/1 washington   proximity (README.md)
Versions of one story (near-duplicates) are collapsed into one hit: "(+3 similar)".

Options:
  --db PATH            index directory (see newsgrep index --help); again for several
                       indexes, searched as one
  -n, --limit N        show at most N hits (default 10; -n0: none, with --facets)
  --offset N           skip the first N hits
  --facets[=LIST]      after the hits, the values most counted among all matching
                       stories (articles with --all) of each facet in LIST:
                       person, location, said, source, author, category
                       (default: person,location,said,source)
  --facet-limit N      values shown per facet (default 10)
  --timeline[=UNIT]    after the hits, matching stories per day, week, month or year
                       as bars (default: auto, from the dates' span)
  --quotes             the quotes that answer the query instead of articles: by the
                       speaker said: names, holding a word of the query; each quote once
                       (every copy with --all), by speaker and date; -n pages them
  -l, --ids-only       print only the id of each hit, one per line
  -c, --count          print only the number of matching articles (stories, unless --all)
  --all                every version of a story, not one hit per story
  --json               JSON Lines, one object per hit and a summary (docs/JSON.md)
                       (--json, -l and -c are output formats: one at a time)
  --color, --colour WHEN
                       auto (default: only on a terminal, not with NO_COLOR), always, never
  --sort ORDER         relevance (default), newest, or recent (relevance plus a bonus
                       that halves every 7 days back from the newest article)
  --since WHEN         only articles from the last 24h, 7d, 2w… (or since a date,
                       2025-08-18); "now" is the clock, or $NEWSGREP_NOW when set
  --timeout TIME       give up (exit 2) when the search takes longer: 30s, 500ms, 2m
                       (a bare number is seconds); default: no limit. Also how long a
                       remote shard may take to answer (default 10s), past which the
                       search fails naming it
  --partial            answer from the remote shards that can be reached, naming the
                       ones left out on stderr (and in --json's summary)
  -h, --help           this help

Exit status: 0 matches found, 1 no match, 2 error.
To search for a word that is also a command name: newsgrep search index, or newsgrep -- index.
)help";
  }
  return R"help(newsgrep: full-text search for news articles

Usage:
  newsgrep index [OPTIONS] PATH...      index articles (files, directories, feeds, JSON, WARC, -)
  newsgrep delete ID... | --missing-files   remove articles (by id, or of files that are gone)
  newsgrep [search] [OPTIONS] QUERY...  search them: newsgrep "security guarantees"
  newsgrep show ID...                   one article in full: text, people, places, quotes
  newsgrep similar ID                   the other versions of a story
  newsgrep eval dedup --corpus-dir DIR  measure near-duplicate detection
  newsgrep eval ner --conll FILE        measure person and place recognition
  newsgrep stats people|places          the most-mentioned people or places
  newsgrep check                        check that the index is sound
  newsgrep help COMMAND                 help for a command (or COMMAND --help)
  newsgrep --version

Default options are read from the file $NEWSGREP_CONFIG names, else
$XDG_CONFIG_HOME/newsgrep/config (~/.config/newsgrep/config): one option per line, such as
--db=/srv/news or --color never; the command line wins; --no-config reads none.
The index lives in --db PATH, else $NEWSGREP_DB, else $XDG_DATA_HOME/newsgrep/index.
Search, show, similar and stats take --db several times and search the indexes as one.
PATH is a directory, or a Xapian stub file naming indexes ('auto PATH') and servers
('remote HOST:PORT'); a stub entry that runs a program ('remote :PROGRAM') is refused
unless --allow-stub-programs is given.

Options of every command:
  --no-config          read no config file
  --allow-stub-programs
                       let a stub file given as --db run the programs it names
  --generate KIND      print the man page or a shell's completions: man, complete-bash,
                       complete-zsh, complete-fish
  -h, --help           this help (newsgrep COMMAND --help: the command's)
  -V, --version        the version

Exit status: 0 match (or success), 1 no match, 2 error.
)help";
}

}  // namespace newsgrep::cli
