// SPDX-License-Identifier: GPL-2.0-or-later
/// @file newsgrep_main.cc
/// @brief The `newsgrep` command: parse → validate → call the libraries → print.
/// Exit status: 0 match / success, 1 no match (search) or input skipped (index), 2 error.
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli_config.h"
#include "eval_dedup.h"
#include "eval_extract.h"
#include "eval_ner.h"
#include "eval_quotes.h"
#include "manual.h"
#include "newsgrep/index_check.h"
#include "newsgrep/indexer.h"
#include "newsgrep/near_duplicates.h"
#include "newsgrep/searcher.h"
#include "printer.h"
#include "stats.h"

namespace newsgrep::cli {
namespace {

constexpr int kExitMatch = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;
// The project's version (CMakeLists.txt project(); debian/changelog must agree: check_deb.sh).
constexpr char kVersion[] = "newsgrep " NEWSGREP_VERSION;

void PrintError(absl::string_view message) {
  std::fprintf(stderr, "newsgrep: %.*s\n", static_cast<int>(message.size()), message.data());
}

bool UseColor(const Config& config) {
  if (config.output != OutputMode::kText) return false;
  if (config.color == ColorChoice::kAlways) return true;
  if (config.color == ColorChoice::kNever) return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0') &&
         !(term != nullptr && absl::string_view(term) == "dumb");
}

// Columns of the terminal standard output is (its size, else $COLUMNS, else 80).
size_t TerminalWidth() {
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  size_t columns = 0;
  const char* env = std::getenv("COLUMNS");
  if (env != nullptr && absl::SimpleAtoi(env, &columns) && columns > 0) return columns;
  return 80;
}

// Flushes stdout. A closed pipe (`newsgrep x | head -1`) is not an error.
bool FlushStdout() {
  if (std::fflush(stdout) == 0) return true;
  return errno == EPIPE;
}

// Opens the index for reading, or prints why not (with how to create one when there is
// none, how to check it when it is damaged) and returns null.
std::unique_ptr<Searcher> OpenForReading(const Config& config) {
  // With several indexes, Searcher's message names the one that failed.
  const bool one = config.db_paths.size() == 1;
  const std::string create_hint =
      one ? absl::StrCat("; create one with: newsgrep index --db ", config.db_path, " ARTICLES...")
          : "";
  for (const std::string& path : config.db_paths) {
    if (!std::filesystem::exists(path)) {
      PrintError(absl::StrCat("no index at ", path, "; create one with: newsgrep index --db ", path,
                              " ARTICLES..."));
      return nullptr;
    }
  }
  OpenOptions options{.location_policy = {.allow_programs = config.allow_stub_programs},
                      .partial = config.search.partial};
  // --timeout also bounds each remote shard's answer (Xapian's default: 10 s).
  if (config.search.options.time_limit != absl::InfiniteDuration()) {
    options.remote_timeout = std::max(absl::Milliseconds(1), config.search.options.time_limit);
  }
  auto searcher = Searcher::Open(config.db_paths, options);
  if (!searcher.ok()) {
    const absl::Status& status = searcher.status();
    if (status.code() == absl::StatusCode::kNotFound) {
      PrintError(absl::StrCat(status.message(), create_hint));  // e.g. an empty directory
    } else if (status.code() == absl::StatusCode::kDataLoss) {
      PrintError(absl::StrCat(status.message(), "; the index is damaged (newsgrep check --db ",
                              one ? config.db_path : "PATH", " tells more)"));
    } else {
      PrintError(status.message());
    }
    return nullptr;
  }
  return *std::move(searcher);
}

int RunQuotes(const Config& config, Searcher& searcher) {
  auto results = searcher.Quotes(config.search.query, config.search.options);
  if (!results.ok()) {
    PrintError(results.status().message());
    return kExitError;
  }
  for (const std::string& missing : results->missing_shards) {
    PrintError(absl::StrCat("answered without a shard: ", missing));
  }
  MakePrinter(config.output, UseColor(config), stdout)
      ->PrintQuotes(config.search.query, *results, config.search.options);
  if (!FlushStdout()) {
    PrintError(absl::StrCat("writing output: ", std::strerror(errno)));
    return kExitError;
  }
  return results->total > 0 ? kExitMatch : kExitNoMatch;
}

int RunSearch(const Config& config) {
  std::unique_ptr<Searcher> searcher = OpenForReading(config);
  if (searcher == nullptr) return kExitError;
  if (config.search.quotes) return RunQuotes(config, *searcher);
  auto results = searcher->Search(config.search.query, config.search.options);
  if (!results.ok()) {
    PrintError(results.status().message());
    return kExitError;
  }
  // --partial: said on stderr in every format (JSON's summary lists them too).
  for (const std::string& missing : results->missing_shards) {
    PrintError(absl::StrCat("answered without a shard: ", missing));
  }
  std::unique_ptr<ResultPrinter> printer =
      MakePrinter(config.output, UseColor(config), stdout, TerminalWidth());
  for (const Hit& hit : results->hits) {
    printer->PrintHit(hit);
    if (std::ferror(stdout)) break;  // closed pipe: stop quietly
  }
  printer->PrintSummary(config.search.query, *results, config.search.options);
  if (!FlushStdout()) {
    PrintError(absl::StrCat("writing output: ", std::strerror(errno)));
    return kExitError;
  }
  // For people only: scripts read the JSON summary's "suggestion" (-l/-c stay silent).
  if (results->total == 0 && !results->suggestion.empty() && config.output == OutputMode::kText) {
    PrintError(absl::StrCat("no match; did you mean ", results->suggestion, "?"));
  }
  return results->total > 0 ? kExitMatch : kExitNoMatch;
}

int RunSimilar(const Config& config) {
  std::unique_ptr<Searcher> searcher = OpenForReading(config);
  if (searcher == nullptr) return kExitError;
  auto self = searcher->Get(config.similar.article_id);
  if (!self.ok()) {
    PrintError(self.status().message());
    return kExitError;
  }
  auto records = searcher->Similar(config.similar.article_id);
  if (!records.ok()) {
    PrintError(records.status().message());
    return kExitError;
  }
  const TextFingerprint reference = FingerprintArticle(self->article.title, self->article.body);
  std::vector<StoryVersion> versions;
  for (ArticleRecord& record : *records) {
    const Similarity similarity = CompareFingerprints(
        reference, FingerprintArticle(record.article.title, record.article.body));
    versions.push_back({std::move(record), similarity});
  }
  // `similar` has a text and a JSON form only (-l and -c are search options).
  const OutputMode mode =
      config.output == OutputMode::kJson ? OutputMode::kJson : OutputMode::kText;
  MakePrinter(mode, UseColor(config), stdout)->PrintVersions(self->article, versions);
  if (!FlushStdout()) return kExitError;
  return versions.empty() ? kExitNoMatch : kExitMatch;
}

int RunShow(const Config& config) {
  std::unique_ptr<Searcher> searcher = OpenForReading(config);
  if (searcher == nullptr) return kExitError;
  // `show` has a text and a JSON form only (-l and -c are search options).
  const OutputMode mode =
      config.output == OutputMode::kJson ? OutputMode::kJson : OutputMode::kText;
  std::unique_ptr<ResultPrinter> printer = MakePrinter(mode, UseColor(config), stdout);
  size_t missing = 0;
  for (const std::string& id : config.show.ids) {
    absl::StatusOr<ArticleRecord> record = searcher->Get(id);
    if (absl::IsNotFound(record.status())) {
      std::fprintf(stderr, "newsgrep: %s\n", std::string(record.status().message()).c_str());
      ++missing;
      continue;
    }
    if (!record.ok()) {
      PrintError(record.status().message());
      return kExitError;
    }
    absl::StatusOr<std::vector<ArticleRecord>> versions = searcher->Similar(id);
    if (!versions.ok()) {
      PrintError(versions.status().message());
      return kExitError;
    }
    std::vector<std::string> other_ids;
    for (const ArticleRecord& version : *versions) other_ids.push_back(version.article.id);
    printer->PrintArticle(*record, other_ids);
  }
  if (!FlushStdout()) return kExitError;
  return missing > 0 ? kExitNoMatch : kExitMatch;
}

int RunEval(const Config& config) {
  if (config.eval.evaluation == Evaluation::kExtract) {
    const int status = RunExtractEval(config.eval.extract, stdout);
    if (!FlushStdout()) return kExitError;
    return status;
  }
  if (config.eval.evaluation == Evaluation::kQuotes) {
    QuotesEvalConfig quotes;
    quotes.sample_dir = config.eval.sample_dir;
    quotes.corpus_dir = config.eval.corpus_dir;
    quotes.labels_dir = config.eval.labels_dir;
    quotes.show_errors = config.eval.ner.show_errors;
    quotes.draw = config.eval.draw;
    const int status = RunQuotesEval(quotes, stdout);
    if (!FlushStdout()) return kExitError;
    return status;
  }
  if (config.eval.evaluation == Evaluation::kNer) {
    const int status = RunNerEval(config.eval.ner, stdout);
    if (!FlushStdout()) return kExitError;
    return status;
  }
  DedupEvalConfig eval;
  eval.sample_dir = config.eval.sample_dir;
  if (!config.eval.corpus_dir.empty()) {
    eval.seeds_dir = config.eval.corpus_dir + "/seeds";
    eval.perturb_source = config.eval.corpus_dir + "/bbc_news.jsonl.gz";
    eval.reuters = config.eval.corpus_dir + "/reuters21578.jsonl.gz";
    eval.short_source = config.eval.corpus_dir + "/agnews_test.jsonl.gz";
  }
  eval.perturb_stories = config.eval.perturb_stories;
  eval.sets = config.eval.dedup_sets;
  const int status = RunDedupEval(eval, stdout);
  FlushStdout();
  return status;
}

int RunStats(const Config& config) {
  std::unique_ptr<Searcher> searcher = OpenForReading(config);
  if (searcher == nullptr) return kExitError;
  auto counts = searcher->TopEntities(config.stats.kind, config.stats.limit);
  if (!counts.ok()) {
    PrintError(counts.status().message());
    return kExitError;
  }
  const int status =
      PrintEntityCounts(*counts, config.stats.kind, config.output == OutputMode::kJson, stdout);
  if (!FlushStdout()) return kExitError;
  return status == 0 ? kExitMatch : kExitNoMatch;
}

int RunCheck(const Config& config) {
  absl::StatusOr<IndexCheck> check = CheckIndex(config.db_path);
  if (!check.ok()) {
    PrintError(check.status().message());
    return kExitError;
  }
  if (check->problems.empty()) {
    std::printf(
        "index %s: %zu articles; no problem found (Xapian's check of every table, "
        "and newsgrep's)\n",
        config.db_path.c_str(), check->articles);
  } else {
    std::printf("index %s: %zu articles; %zu problem(s):\n", config.db_path.c_str(),
                check->articles, check->problems.size());
    for (const std::string& problem : check->problems) std::printf("  %s\n", problem.c_str());
    std::printf("Xapian's report:\n%s", check->xapian_report.c_str());
  }
  if (!check->entity_data.empty()) {
    std::printf("people and places recognised with: %s\n",
                absl::StrJoin(check->entity_data, ", ").c_str());
  }
  if (!FlushStdout()) return kExitError;
  return check->problems.empty() ? kExitMatch : kExitError;
}

int RunDelete(const Config& config) {
  // Opening for writing would create an index: a mistyped --db is an error here.
  if (!std::filesystem::exists(config.db_path)) {
    PrintError(absl::StrCat("no index at ", config.db_path));
    return kExitError;
  }
  IndexerOptions options;
  options.db_path = config.db_path;
  options.extract_entities = false;  // deleting adds no article: no entity data needed
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open(options);
  if (!indexer.ok()) {
    PrintError(indexer.status().message());
    return kExitError;
  }
  const bool dry_run = config.remove.dry_run;
  size_t removed = 0, missing = 0;
  for (const std::string& id : config.remove.ids) {
    // A dry run asks without removing: the id's term is what Remove looks up too.
    const absl::Status status = dry_run ? (*indexer)->Contains(id) : (*indexer)->Remove(id);
    if (absl::IsNotFound(status)) {
      std::fprintf(stderr, "newsgrep: no article with id %s\n", id.c_str());
      ++missing;
      continue;
    }
    if (!status.ok()) {
      PrintError(status.message());
      return kExitError;
    }
    if (dry_run) std::printf("%s\n", id.c_str());
    ++removed;
  }
  if (config.remove.missing_files) {
    absl::StatusOr<std::vector<Indexer::GoneFile>> gone = (*indexer)->ArticlesOfGoneFiles(!dry_run);
    if (!gone.ok()) {
      PrintError(gone.status().message());
      return kExitError;
    }
    for (const Indexer::GoneFile& file : *gone) {
      std::fprintf(stderr, "newsgrep: %s is gone: %zu article(s)%s\n", file.path.c_str(),
                   file.ids.size(), dry_run ? " would be removed" : " removed");
      if (dry_run) {
        for (const std::string& id : file.ids) std::printf("%s\n", id.c_str());
      }
      removed += file.ids.size();
    }
  }
  if (!dry_run) {
    if (absl::Status committed = (*indexer)->Commit(); !committed.ok()) {
      PrintError(committed.message());
      return kExitError;
    }
  }
  if (!FlushStdout()) return kExitError;
  std::fprintf(stderr, "newsgrep: %s %zu article(s) from %s; %zu in index\n",
               dry_run ? "would remove" : "removed", removed, config.db_path.c_str(),
               (*indexer)->article_count());
  return missing > 0 ? kExitNoMatch : kExitMatch;
}

int RunIndex(const Config& config) {
  const bool progress = !config.index.quiet && isatty(STDERR_FILENO);
  IndexerOptions options;
  options.db_path = config.db_path;
  options.commit_every = config.index.commit_every;
  options.analysis_threads = config.index.analysis_threads;
  options.extract_entities = config.index.extract_entities;
  options.read_limits = config.index.read_limits;
  options.input_format = config.index.input_format;
  auto indexer = Indexer::Open(options);
  if (!indexer.ok()) {
    PrintError(indexer.status().message());
    return kExitError;
  }
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  IndexObserver observer;
  bool progress_shown = false;
  observer.on_problem = [&progress_shown, &config](const InputProblem& problem) {
    const char* outcome = "repaired";
    if (problem.outcome == InputProblem::Outcome::kSkipped) outcome = "skipped";
    if (problem.outcome == InputProblem::Outcome::kIgnored) {
      if (!config.index.verbose) return;  // counted in the summary
      outcome = "ignored";
    }
    if (progress_shown) std::fputs("\r\x1b[K", stderr);
    std::fprintf(stderr, "newsgrep: %s: %s (%s)\n", problem.location.c_str(),
                 problem.message.c_str(), outcome);
  };
  auto last_progress = start;
  observer.on_progress = [&](const IndexReport& report) {
    if (!progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    progress_shown = true;
    // Records that hold no article (a crawl's images, error pages) are read too: counted.
    const std::string ignored =
        report.ignored > 0 ? absl::StrCat(", ", report.ignored, " records not articles") : "";
    std::fprintf(stderr, "\r\x1b[Kindexing: %zu files, %.1f MB, %zu articles%s, %.0f articles/s",
                 report.files, report.bytes_read / 1e6, report.articles, ignored.c_str(),
                 report.articles / std::max(elapsed(), 1e-9));
  };
  IndexReport report;
  absl::Status status;
  for (const std::string& input : config.index.inputs) {
    status = (*indexer)->IndexPath(input, &observer, &report);
    if (!status.ok()) break;
  }
  if (status.ok()) status = (*indexer)->Commit();
  // A fresh build is compacted (about half the size, ~5 % of the indexing time); adding to
  // an existing index is not (that would rewrite all of it).
  if (status.ok() && (*indexer)->opened_empty()) status = (*indexer)->Compact();
  if (progress_shown) std::fputs("\r\x1b[K", stderr);
  if (!status.ok()) {
    PrintError(status.message());
    return kExitError;
  }
  const double seconds = elapsed();
  std::string summary = absl::StrFormat(
      "indexed %zu articles from %zu files in %.2f s (%.0f articles/s) into %s; %zu in index",
      report.articles, report.files, seconds, report.articles / std::max(seconds, 1e-9),
      config.db_path, (*indexer)->article_count());
  if (report.skipped > 0 || report.repaired > 0) {
    absl::StrAppend(&summary, "; ", report.skipped, " skipped, ", report.repaired, " repaired");
  }
  if (report.ignored > 0) {
    absl::StrAppend(&summary, "; ", report.ignored,
                    " records not articles (not HTML, or not HTTP 2xx)",
                    config.index.verbose ? "" : ": --verbose names them");
  }
  if (!config.index.quiet || report.skipped > 0)
    std::fprintf(stderr, "newsgrep: %s\n", summary.c_str());
  return report.skipped > 0 ? kExitNoMatch : kExitMatch;
}

// The config file's text; NotFound when there is none. Opened once, without blocking (a
// FIFO put in its place cannot hang newsgrep), checked to be a regular file, and read to
// at most kMaxConfigBytes.
absl::StatusOr<std::string> ReadConfigFile(const std::string& path) {
  constexpr size_t kMaxConfigBytes = size_t{1} << 20;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) return absl::NotFoundError("no such file");
    return absl::PermissionDeniedError(std::strerror(error));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return absl::InternalError(std::strerror(errno));
  if (!S_ISREG(info.st_mode)) return absl::InvalidArgumentError("not a regular file");
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(std::strerror(errno));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<size_t>(got));
    if (text.size() > kMaxConfigBytes) {
      return absl::InvalidArgumentError("larger than 1 MiB: not a config file");
    }
  }
  return text;
}

int Main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  absl::StatusOr<Config> config = ParseCommandLineWithConfig(
      args, [](const char* name) { return static_cast<const char*>(std::getenv(name)); },
      ReadConfigFile);
  if (!config.ok()) {
    PrintError(config.status().message());
    return kExitError;
  }
  switch (config->command) {
    case Command::kHelp:
      std::fputs(HelpText(config->help_for).c_str(), stdout);
      return FlushStdout() ? kExitMatch : kExitError;
    case Command::kVersion:
      std::puts(kVersion);
      return FlushStdout() ? kExitMatch : kExitError;
    case Command::kGenerate:
      std::fputs(Generate(config->generate, kVersion).value_or("").c_str(), stdout);
      return FlushStdout() ? kExitMatch : kExitError;
    case Command::kIndex:
      return RunIndex(*config);
    case Command::kDelete:
      return RunDelete(*config);
    case Command::kSearch:
      return RunSearch(*config);
    case Command::kSimilar:
      return RunSimilar(*config);
    case Command::kShow:
      return RunShow(*config);
    case Command::kEval:
      return RunEval(*config);
    case Command::kStats:
      return RunStats(*config);
    case Command::kCheck:
      return RunCheck(*config);
  }
  return kExitError;
}

}  // namespace
}  // namespace newsgrep::cli

int main(int argc, char** argv) { return newsgrep::cli::Main(argc, argv); }
