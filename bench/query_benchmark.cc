// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_benchmark.cc
/// @brief The newsgrep benchmark suite: indexing and query latency of newsgrep against raw
/// Xapian and SQLite FTS5 on the same corpus and the same queries (see bench/README.md).
///
///   query_benchmark [--corpus=reuters|reuters:N|100k|1m] [--short] [--reindex]
///                   [--no-compact] [--per-class=50] [--budget=SECONDS] [--max-passes=N]
///                   [--reuters=PATH] [--cache=DIR] [--benchmark_* flags]
///
/// Before any benchmark runs it makes sure the corpus, the three indexes (each built in a
/// child process, which measures throughput, size and peak memory) and the query set are
/// in the cache, adds 1,000 articles to a copy of each index (incremental cost), and
/// measures a query process's peak memory per engine. Then, class by class, the peers run
/// first and each newsgrep variant after them, so that newsgrep's counters carry its ratios
/// to the peers of the same run.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus.h"
#include "engines.h"
#include "newsgrep/schema.h"
#include "query_set.h"

namespace newsgrep::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kIncrementalArticles = 1000;

struct Options {
  std::string corpus = "reuters";
  std::string reuters = NEWSGREP_BENCH_REUTERS_DEFAULT;
  std::string cache;
  bool short_pass = false;
  bool reindex = false;
  bool compact = true;
  bool incremental = true;
  bool index_variants = true;  // newsgrep also without each analysis stage
  size_t per_class = 50;
  double budget = 2.0;  // seconds of timed queries per benchmark, at most
  size_t min_passes = 3;
  size_t max_passes = 20;
};

// ---- Child processes: each measures one thing in a fresh address space ----

int ChildMain(const std::map<std::string, std::string>& flags) {
  const std::string mode = flags.at("bench_child");
  Engine engine;
  if (!flags.count("engine") || !EngineFromName(flags.at("engine"), &engine)) {
    std::cerr << "bench child: --engine missing or unknown\n";
    return 2;
  }
  auto get = [&](const char* key) {
    auto it = flags.find(key);
    return it == flags.end() ? std::string() : it->second;
  };
  json out;
  if (mode == "build") {
    const std::string dir = get("dir");
    const std::string db = DatabasePath(engine, dir);
    std::vector<std::string> stages_off;
    std::stringstream stages(get("stages_off"));
    for (std::string stage; std::getline(stages, stage, ',');) {
      if (!stage.empty()) stages_off.push_back(stage);
    }
    size_t articles = 0;
    const double start = Now();
    absl::Status status = BuildIndex(engine, get("corpus"), db, &articles, stages_off);
    const double seconds = Now() - start;
    if (!status.ok()) {
      std::cerr << "bench: building " << EngineName(engine) << ": " << status << "\n";
      return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double cpu_seconds =
        static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
        static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    out = {{"engine", EngineName(engine)}, {"stages_off", stages_off},
           {"articles", articles},         {"seconds", seconds},
           {"cpu_seconds", cpu_seconds},   {"bytes", DiskBytes(db)},
           {"peak_rss_kib", PeakRssKiB()}, {"built_unix", static_cast<long>(std::time(nullptr))}};
    if (get("compact") == "1" && engine != Engine::kFts5 && InPath("xapian-compact")) {
      const std::string compacted = dir + "/compacted";
      fs::remove_all(compacted);
      const double compact_start = Now();
      if (RunQuiet("xapian-compact", {db, compacted}) == 0) {
        out["compact_bytes"] = DiskBytes(compacted);
        out["compact_seconds"] = Now() - compact_start;
      }
      fs::remove_all(compacted);
    }
    if (!WriteFileAtomically(dir + "/stats.json", out.dump(2) + "\n")) return 1;
    return 0;
  }
  if (mode == "incremental") {
    auto seconds =
        AddToCopy(engine, get("db"), get("extra"), static_cast<size_t>(std::stoull(get("base"))));
    if (!seconds.ok()) {
      std::cerr << "bench: incremental " << EngineName(engine) << ": " << seconds.status() << "\n";
      return 1;
    }
    out = {{"seconds", *seconds}, {"peak_rss_kib", PeakRssKiB()}};
  } else if (mode == "query_rss") {
    auto set = ReadQuerySet(get("queries"));
    if (!set.ok()) return 1;
    std::string why;
    const NewsgrepVariant variant = NewsgrepSupports(NewsgrepVariant::kPage, &why)
                                        ? NewsgrepVariant::kPage
                                        : NewsgrepVariant::kSnippets;
    auto query_engine = OpenQueryEngine(engine, get("db"), variant);
    if (!query_engine.ok()) {
      std::cerr << "bench: " << query_engine.status() << "\n";
      return 1;
    }
    size_t ran = 0;
    for (const QueryRow& row : set->rows) {
      if ((*query_engine)->Run(row).ok()) ++ran;
    }
    out = {{"queries", ran}, {"peak_rss_kib", PeakRssKiB()}};
  } else {
    std::cerr << "bench child: unknown mode " << mode << "\n";
    return 2;
  }
  return WriteFileAtomically(get("out"), out.dump(2) + "\n") ? 0 : 1;
}

// ---- Preparation ----

struct IndexInfo {
  Engine engine;
  std::string variant;                  // newsgrep: "" (every stage), "no_clean", "bare", …
  std::vector<std::string> stages_off;  // newsgrep: analysis stages switched off
  std::string dir;
  std::string db;
  json stats;
  bool fresh = false;  // built by this run
  json incremental;    // {"seconds": …}
  json query_process;  // {"peak_rss_kib": …}

  std::string Name() const {
    return std::string(EngineName(engine)) + (variant.empty() ? "" : "_" + variant);
  }
};

json ReadJson(const std::string& path) {
  const std::string text = ReadFile(path);
  if (text.empty()) return json();
  json value = json::parse(text, nullptr, false);
  return value.is_discarded() ? json() : value;
}

bool EnsureIndex(const Corpus& corpus, const Options& options, IndexInfo* info) {
  info->dir = corpus.dir + "/index-" + IndexKey(info->engine) +
              (info->variant.empty() ? "" : "-" + info->variant);
  info->db = DatabasePath(info->engine, info->dir);
  const std::string stats_path = info->dir + "/stats.json";
  info->stats = ReadJson(stats_path);
  if (!options.reindex && info->stats.is_object() && fs::exists(info->db)) return true;
  fs::remove_all(info->dir);
  fs::create_directories(info->dir);
  std::cerr << "bench: indexing " << corpus.articles << " articles with " << info->Name() << " ..."
            << std::flush;
  std::string stages_off;
  for (const std::string& stage : info->stages_off) {
    stages_off += (stages_off.empty() ? "" : ",") + stage;
  }
  const int rc = RunSelf(
      {"--bench_child=build", "--engine=" + std::string(EngineName(info->engine)),
       "--corpus=" + corpus.path, "--dir=" + info->dir,
       std::string("--compact=") + (options.compact ? "1" : "0"), "--stages_off=" + stages_off});
  info->stats = ReadJson(stats_path);
  if (rc != 0 || !info->stats.is_object()) {
    std::cerr << " failed\n";
    fs::remove_all(info->dir);
    return false;
  }
  info->fresh = true;
  std::cerr << " " << info->stats["seconds"].get<double>() << " s\n";
  // Indexes of the same engine and variant under an older key (an earlier indexer, another
  // library version) are never read again: delete them (~10 GB each at 1M articles).
  const std::string prefix = "index-" + std::string(EngineName(info->engine)) + "-";
  const std::string current = fs::path(info->dir).filename().string();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(corpus.dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name == current || name.rfind(prefix, 0) != 0) continue;
    const size_t dash = name.find('-', prefix.size());
    const std::string variant = dash == std::string::npos ? "" : name.substr(dash + 1);
    if (variant == info->variant) fs::remove_all(entry.path(), error);
  }
  return true;
}

json RunProbe(const std::vector<std::string>& args, const std::string& out) {
  fs::remove(out);
  std::vector<std::string> all = args;
  all.push_back("--out=" + out);
  if (RunSelf(all) != 0) return json();
  json result = ReadJson(out);
  fs::remove(out);
  return result;
}

std::string IncrementalCorpus(const Options& options) {
  const std::string path =
      options.cache + "/incremental-" +
      Hex(Fnv1a(Hex(HashFile(options.reuters)) + " v" + std::to_string(kGeneratorVersion)))
          .substr(0, 12) +
      ".jsonl.gz";
  if (fs::exists(path)) return path;
  auto source = LoadCorpus(options.reuters);
  if (!source.ok()) return "";
  GeneratorOptions generator;
  generator.articles = kIncrementalArticles;
  generator.seed = 0x696e6372ull;  // "incr"
  generator.id_prefix = "incr-";
  generator.first_year = 1997;
  generator.years = 1;
  GeneratorReport report;
  if (!GenerateCorpus(*source, generator, path, &report).ok()) return "";
  return path;
}

// ---- Query benchmarks ----

// CPU time of this thread, in seconds: on a shared machine, wall-clock latency also
// counts the time other processes held the core; the CPU-time percentiles do not.
double ThreadCpu() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct LatencyStats {
  double p50 = 0, p95 = 0, p99 = 0, mean = 0;
};

struct PeerStats {
  LatencyStats wall, cpu;
};

// Peers' results by class, filled as benchmarks finish (the peers of a class run first).
std::map<std::string, std::map<std::string, PeerStats>>& PeerResults() {
  static auto* results = new std::map<std::string, std::map<std::string, PeerStats>>();
  return *results;
}

LatencyStats Summarize(std::vector<double> micros) {
  LatencyStats stats;
  if (micros.empty()) return stats;
  std::sort(micros.begin(), micros.end());
  auto rank = [&](double p) {  // nearest rank
    const size_t index = static_cast<size_t>(std::ceil(p * static_cast<double>(micros.size())));
    return micros[std::min(micros.size(), std::max<size_t>(index, 1)) - 1];
  };
  stats.p50 = rank(0.50);
  stats.p95 = rank(0.95);
  stats.p99 = rank(0.99);
  double sum = 0;
  for (const double m : micros) sum += m;
  stats.mean = sum / static_cast<double>(micros.size());
  return stats;
}

// The least of each query's times: `micros[i]` is a time of query `i % queries` (the
// passes cycle through the queries in order).
std::vector<double> BestPerQuery(const std::vector<double>& micros, size_t queries) {
  std::vector<double> best;
  if (queries == 0) return best;
  best.reserve(std::min(queries, micros.size()));
  for (size_t i = 0; i < micros.size(); ++i) {
    if (i < queries) {
      best.push_back(micros[i]);
    } else {
      best[i % queries] = std::min(best[i % queries], micros[i]);
    }
  }
  return best;
}

struct QueryTask {
  QueryClass query_class;
  std::string engine_name;  // "xapian", "fts5", "newsgrep_ids", …
  QueryEngine* engine = nullptr;
  std::vector<const QueryRow*> rows;
  std::string skip;  // non-empty: SkipWithError(skip)
  double mean_matches = 0;
  size_t passes = 1;
};

void RunQueries(benchmark::State& state, const QueryTask& task) {
  if (!task.skip.empty()) {
    state.SkipWithError(task.skip.c_str());
    for (auto _ : state) {
    }
    return;
  }
  std::vector<double> micros, cpu_micros;
  micros.reserve(static_cast<size_t>(state.max_iterations));
  cpu_micros.reserve(static_cast<size_t>(state.max_iterations));
  size_t next = 0, hits = 0;
  std::string error;
  for (auto _ : state) {
    const QueryRow& row = *task.rows[next];
    next = next + 1 == task.rows.size() ? 0 : next + 1;
    const double cpu_start = ThreadCpu();
    const double start = Now();
    auto result = task.engine->Run(row);
    const double end = Now();
    const double cpu_end = ThreadCpu();
    if (!result.ok()) {
      error = "query failed: " + std::string(result.status().message());
      state.SkipWithError(error.c_str());
      break;
    }
    hits += *result;
    micros.push_back((end - start) * 1e6);
    cpu_micros.push_back((cpu_end - cpu_start) * 1e6);
  }
  if (!error.empty()) return;
  const LatencyStats stats = Summarize(micros);
  state.counters["p50_us"] = stats.p50;
  state.counters["p95_us"] = stats.p95;
  state.counters["p99_us"] = stats.p99;
  state.counters["mean_us"] = stats.mean;
  state.counters["qps"] = stats.mean > 0 ? 1e6 / stats.mean : 0;
  const LatencyStats cpu = Summarize(cpu_micros);
  state.counters["cpu_p50_us"] = cpu.p50;
  state.counters["cpu_p99_us"] = cpu.p99;
  // The same statistics over each query's least CPU time across the passes: a query's
  // intrinsic cost, without the passes another process's interference happened to hit
  // (what CI's regression thresholds gate; bench/README.md, "CI").
  const LatencyStats best = Summarize(BestPerQuery(cpu_micros, task.rows.size()));
  state.counters["cpu_best_p50_us"] = best.p50;
  state.counters["cpu_best_p99_us"] = best.p99;
  state.counters["hits"] =
      micros.empty() ? 0 : static_cast<double>(hits) / static_cast<double>(micros.size());
  state.counters["matches"] = task.mean_matches;
  state.counters["queries"] = static_cast<double>(task.rows.size());
  const std::string class_name(ClassName(task.query_class));
  if (task.engine_name.rfind("newsgrep", 0) != 0) {
    PeerResults()[class_name][task.engine_name] = {stats, cpu};
    return;
  }
  // The page is what the facet and timeline variants add to (they run after it).
  if (task.engine_name == "newsgrep_page")
    PeerResults()[class_name][task.engine_name] = {stats, cpu};
  const bool adds_to_page =
      task.engine_name == "newsgrep_facets" || task.engine_name == "newsgrep_timeline";
  // The page against the peers' pages too (the same work: ten snippets).
  const bool is_page = task.engine_name == "newsgrep_page";
  for (const char* peer : {"xapian", "fts5", "xapian_page", "fts5_page", "newsgrep_page"}) {
    const std::string_view name(peer);
    if (name == "newsgrep_page" && !adds_to_page) continue;
    if ((name == "xapian_page" || name == "fts5_page") && !is_page) continue;
    auto& peers = PeerResults()[class_name];
    auto it = peers.find(peer);
    if (it == peers.end() || it->second.wall.p50 <= 0 || it->second.cpu.p50 <= 0) continue;
    const std::string prefix =
        std::string("x_") + (std::string_view(peer) == "newsgrep_page" ? "page" : peer);
    state.counters[prefix + "_p50"] = stats.p50 / it->second.wall.p50;
    state.counters[prefix + "_p99"] = stats.p99 / it->second.wall.p99;
    state.counters[prefix + "_cpu_p50"] = cpu.p50 / it->second.cpu.p50;
  }
  state.SetLabel("ratios x_<peer>_pNN = newsgrep / peer");
}

// Why newsgrep cannot run a class yet ("" when it can).
std::string NewsgrepClassGap(QueryClass c, bool proximity, const std::string& proximity_why) {
  switch (c) {
    case QueryClass::kNear:
    case QueryClass::kAdj:
      return proximity ? "" : "not supported by newsgrep yet: " + proximity_why;
    case QueryClass::kPerson:
    case QueryClass::kLocation:
    case QueryClass::kQuote: {
      const std::string field(ClassName(c));
      return schema::FindField(field) != nullptr
                 ? ""
                 : "not supported by newsgrep yet: the " + field + ": field";
    }
    default:
      return "";
  }
}

int Main(int argc, char** argv) {
  const auto flags = ParseFlags(argc, argv);
  if (flags.count("bench_child")) return ChildMain(flags);

  Options options;
  // Our flags are taken out of argv; the rest is Google Benchmark's.
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const std::string& name) -> const char* {
      return arg.rfind("--" + name + "=", 0) == 0 ? argv[i] + name.size() + 3 : nullptr;
    };
    if (const char* v = value("corpus")) {
      options.corpus = v;
    } else if (const char* r = value("reuters")) {
      options.reuters = r;
    } else if (const char* c = value("cache")) {
      options.cache = c;
    } else if (const char* p = value("per-class")) {
      options.per_class = std::max<size_t>(1, std::stoul(p));
    } else if (const char* b = value("budget")) {
      options.budget = std::stod(b);
    } else if (const char* m = value("max-passes")) {
      options.max_passes = std::max<size_t>(1, std::stoul(m));
    } else if (arg == "--short") {
      options.short_pass = true;
    } else if (arg == "--reindex") {
      options.reindex = true;
    } else if (arg == "--no-compact") {
      options.compact = false;
    } else if (arg == "--no-incremental") {
      options.incremental = false;
    } else if (arg == "--no-index-variants") {
      options.index_variants = false;
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (const char* env = std::getenv("NEWSGREP_BENCH_REUTERS"); env != nullptr && *env != '\0') {
    if (!flags.count("reuters")) options.reuters = env;
  }
  if (options.cache.empty()) {
    options.cache = CacheDir();
  } else {
    fs::create_directories(options.cache);
  }
  if (options.short_pass) {
    options.budget = std::min(options.budget, 0.2);
    options.min_passes = 2;
    options.max_passes = std::min<size_t>(options.max_passes, 4);
    options.compact = false;
    options.index_variants = false;
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 2;

  const double prepare_start = Now();
  auto corpus = EnsureCorpus(options.corpus, options.reuters, options.cache);
  if (!corpus.ok()) {
    std::cerr << "bench: " << corpus.status() << "\n";
    return 2;
  }
  std::cerr << "bench: corpus " << corpus->spec << " = " << corpus->articles << " articles ("
            << corpus->path << "), cache " << corpus->dir << "\n";

  // The three engines' indexes (queried), then newsgrep without each analysis stage and
  // without any (indexing figures only).
  std::vector<IndexInfo> indexes;
  for (const Engine engine : {Engine::kFts5, Engine::kXapian, Engine::kNewsgrep}) {
    IndexInfo info;
    info.engine = engine;
    if (!EnsureIndex(*corpus, options, &info)) return 1;
    indexes.push_back(std::move(info));
  }
  std::vector<IndexInfo> variants;
  const std::vector<std::string> stages = NewsgrepStages();
  if (options.index_variants && !stages.empty()) {
    for (const std::string& stage : stages) {
      IndexInfo info;
      info.engine = Engine::kNewsgrep;
      info.variant = "no_" + stage;
      info.stages_off = {stage};
      variants.push_back(std::move(info));
    }
    if (stages.size() > 1) {
      IndexInfo info;
      info.engine = Engine::kNewsgrep;
      info.variant = "bare";
      info.stages_off = stages;
      variants.push_back(std::move(info));
    }
    for (IndexInfo& info : variants) {
      if (!EnsureIndex(*corpus, options, &info)) return 1;
    }
  }
  auto index_of = [&](Engine engine) -> IndexInfo& {
    for (IndexInfo& info : indexes) {
      if (info.engine == engine) return info;
    }
    return indexes.front();
  };

  const std::string queries_path = corpus->dir + "/queries-v" + std::to_string(kQuerySetVersion) +
                                   "-" + std::to_string(options.per_class) + "-" +
                                   IndexKey(Engine::kXapian) + ".tsv";
  if (options.reindex || !fs::exists(queries_path)) {
    std::cerr << "bench: deriving the query set ..." << std::flush;
    QuerySet derived;
    absl::Status status = DeriveQuerySet(*corpus, options.reuters, index_of(Engine::kXapian).db,
                                         options.per_class, &derived);
    if (status.ok()) status = WriteQuerySet(queries_path, derived);
    if (!status.ok()) {
      std::cerr << " " << status << "\n";
      return 1;
    }
    std::cerr << " " << queries_path << "\n";
  }
  auto query_set = ReadQuerySet(queries_path);
  if (!query_set.ok()) {
    std::cerr << "bench: " << query_set.status() << "\n";
    return 1;
  }

  if (options.incremental) {
    const std::string extra = IncrementalCorpus(options);
    for (IndexInfo& info : indexes) {
      if (extra.empty()) break;
      info.incremental =
          RunProbe({"--bench_child=incremental", "--engine=" + std::string(EngineName(info.engine)),
                    "--db=" + info.db, "--extra=" + extra,
                    "--base=" + std::to_string(info.stats.value("articles", size_t{0}))},
                   corpus->dir + "/incremental-result.json");
    }
  }
  for (IndexInfo& info : indexes) {
    info.query_process =
        RunProbe({"--bench_child=query_rss", "--engine=" + std::string(EngineName(info.engine)),
                  "--db=" + info.db, "--queries=" + queries_path},
                 corpus->dir + "/query-rss-result.json");
  }

  std::string proximity_why;
  const bool proximity = NewsgrepHasProximity(corpus->dir, &proximity_why);

  // Engines, opened once and kept for the whole run.
  std::vector<std::unique_ptr<QueryEngine>> engines;
  struct Slot {
    std::string name;
    QueryEngine* engine = nullptr;
    std::string unsupported;  // why this engine/variant cannot run at all
  };
  std::vector<Slot> slots;
  for (const bool page : {false, true}) {
    for (const Engine engine : {Engine::kXapian, Engine::kFts5}) {
      auto opened = OpenQueryEngine(engine, index_of(engine).db,
                                    page ? NewsgrepVariant::kPage : NewsgrepVariant::kIds);
      if (!opened.ok()) {
        std::cerr << "bench: " << opened.status() << "\n";
        return 1;
      }
      slots.push_back({std::string(EngineName(engine)) + (page ? "_page" : ""), opened->get(), ""});
      engines.push_back(std::move(*opened));
    }
  }
  for (const NewsgrepVariant variant :
       {NewsgrepVariant::kIds, NewsgrepVariant::kSnippets, NewsgrepVariant::kCollapsed,
        NewsgrepVariant::kPage, NewsgrepVariant::kFacets, NewsgrepVariant::kTimeline}) {
    Slot slot{std::string(VariantName(variant)), nullptr, ""};
    std::string why;
    if (!NewsgrepSupports(variant, &why)) {
      slot.unsupported = "not supported by newsgrep yet: " + why;
    } else {
      auto opened = OpenQueryEngine(Engine::kNewsgrep, index_of(Engine::kNewsgrep).db, variant);
      if (!opened.ok()) {
        std::cerr << "bench: " << opened.status() << "\n";
        return 1;
      }
      slot.engine = opened->get();
      engines.push_back(std::move(*opened));
    }
    slots.push_back(std::move(slot));
  }

  // One untimed pass per class and engine: warms caches, counts matches exactly, checks
  // that every query runs, and sizes the timed passes to the budget.
  std::cerr << "bench: warm-up pass ..." << std::flush;
  std::vector<QueryTask> tasks;
  for (const QueryClass c : kAllClasses) {
    const std::vector<const QueryRow*> rows = query_set->Of(c);
    for (const Slot& slot : slots) {
      QueryTask task;
      task.query_class = c;
      task.engine_name = slot.name;
      task.engine = slot.engine;
      task.rows = rows;
      if (rows.empty()) {
        task.skip = "no queries of this class were found in the corpus";
      } else if (!slot.unsupported.empty()) {
        task.skip = slot.unsupported;
      } else if (slot.name.rfind("newsgrep", 0) == 0) {
        task.skip = NewsgrepClassGap(c, proximity, proximity_why);
      } else if (slot.name.rfind("fts5", 0) == 0 && rows.front()->fts5.empty()) {
        task.skip = "FTS5 has no form of this query (no ordered proximity operator)";
      }
      if (task.skip.empty()) {
        double matches = 0, seconds = 0;
        for (const QueryRow* row : rows) {
          auto count = task.engine->Count(*row);
          const double start = Now();
          auto result = task.engine->Run(*row);
          seconds += Now() - start;
          if (!count.ok() || !result.ok()) {
            task.skip = "query failed: " +
                        std::string((count.ok() ? result.status() : count.status()).message());
            break;
          }
          matches += static_cast<double>(*count);
        }
        task.mean_matches = matches / static_cast<double>(rows.size());
        const double passes = seconds > 0 ? options.budget / seconds : 1e9;
        task.passes =
            std::clamp<size_t>(static_cast<size_t>(passes), options.min_passes, options.max_passes);
      }
      tasks.push_back(std::move(task));
    }
  }
  std::cerr << " done; preparation took " << Now() - prepare_start << " s\n";

  // Context for the JSON file.
  benchmark::AddCustomContext("newsgrep_corpus", corpus->spec);
  benchmark::AddCustomContext("newsgrep_corpus_key", corpus->key);
  benchmark::AddCustomContext("newsgrep_corpus_articles", std::to_string(corpus->articles));
  benchmark::AddCustomContext("newsgrep_corpus_near_duplicates",
                              std::to_string(corpus->near_duplicates));
  benchmark::AddCustomContext("newsgrep_query_set", queries_path);
  benchmark::AddCustomContext("newsgrep_short_pass", options.short_pass ? "1" : "0");
  benchmark::AddCustomContext("newsgrep_passes", std::to_string(options.min_passes) + ".." +
                                                     std::to_string(options.max_passes) +
                                                     " per benchmark, budget " +
                                                     std::to_string(options.budget) + " s");

  // Indexing, incremental and memory figures (measured above in child processes).
  const double fts5_bytes = index_of(Engine::kFts5).stats.value("bytes", 0.0);
  const double full_seconds = index_of(Engine::kNewsgrep).stats.value("seconds", 0.0);
  const double full_cpu = index_of(Engine::kNewsgrep).stats.value("cpu_seconds", 0.0);
  std::vector<const IndexInfo*> all_indexes;
  for (const IndexInfo& info : indexes) all_indexes.push_back(&info);
  for (const IndexInfo& info : variants) all_indexes.push_back(&info);
  for (const IndexInfo* index : all_indexes) {
    const IndexInfo& info = *index;
    const json stats = info.stats;
    const double articles = std::max(1.0, stats.value("articles", 1.0));
    const double seconds = stats.value("seconds", 0.0);
    const bool is_newsgrep = info.engine == Engine::kNewsgrep;
    const bool is_variant = !info.variant.empty();
    benchmark::RegisterBenchmark(
        ("BM_Index/" + info.Name()).c_str(),
        [stats, articles, seconds, fts5_bytes, full_seconds, full_cpu, fresh = info.fresh,
         is_newsgrep, is_variant](benchmark::State& state) {
          for (auto _ : state) state.SetIterationTime(seconds);
          state.counters["articles"] = articles;
          state.counters["articles_per_s"] = seconds > 0 ? articles / seconds : 0;
          // CPU seconds of the indexing process: unlike the rate above, not slowed down
          // by other processes sharing the machine.
          const double cpu = stats.value("cpu_seconds", 0.0);
          if (cpu > 0) state.counters["articles_per_cpu_s"] = articles / cpu;
          state.counters["bytes_per_article"] = stats.value("bytes", 0.0) / articles;
          if (stats.contains("compact_bytes")) {
            state.counters["compact_bytes_per_article"] =
                stats["compact_bytes"].get<double>() / articles;
          }
          state.counters["peak_rss_MB"] = stats.value("peak_rss_kib", 0.0) / 1024.0;
          state.counters["fresh"] = fresh ? 1 : 0;
          if (is_variant && seconds > 0) {
            // How much longer indexing takes with every stage on than without these.
            state.counters["full_time_vs_this"] = full_seconds / seconds;
            if (cpu > 0 && full_cpu > 0) state.counters["full_cpu_vs_this"] = full_cpu / cpu;
          }
          if (is_newsgrep && fts5_bytes > 0) {
            state.counters["size_vs_fts5"] = stats.value("bytes", 0.0) / fts5_bytes;
            if (stats.contains("compact_bytes")) {
              state.counters["compact_size_vs_fts5"] =
                  stats["compact_bytes"].get<double>() / fts5_bytes;
            }
          }
          state.SetLabel(fresh ? "built in this run" : "cached build (rebuild: --reindex)");
        })
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
  }
  for (const IndexInfo& info : indexes) {
    if (!info.incremental.is_object()) continue;
    const double seconds = info.incremental.value("seconds", 0.0);
    benchmark::RegisterBenchmark(
        ("BM_Incremental/" + std::string(EngineName(info.engine))).c_str(),
        [seconds](benchmark::State& state) {
          for (auto _ : state) state.SetIterationTime(seconds);
          state.counters["added"] = static_cast<double>(kIncrementalArticles);
          state.counters["seconds"] = seconds;
          state.counters["articles_per_s"] =
              seconds > 0 ? static_cast<double>(kIncrementalArticles) / seconds : 0;
        })
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
  }
  for (const IndexInfo& info : indexes) {
    if (!info.query_process.is_object()) continue;
    const double kib = info.query_process.value("peak_rss_kib", 0.0);
    benchmark::RegisterBenchmark(
        ("BM_QueryProcess/" + std::string(EngineName(info.engine))).c_str(),
        [kib](benchmark::State& state) {
          for (auto _ : state) state.SetIterationTime(0);
          state.counters["peak_rss_MB"] = kib / 1024.0;
          state.SetLabel("one process running every query of the set once");
        })
        ->Iterations(1)
        ->UseManualTime();
  }
  for (const QueryTask& task : tasks) {
    const std::string name =
        "BM_Query/" + std::string(ClassName(task.query_class)) + "/" + task.engine_name;
    auto* registered = benchmark::RegisterBenchmark(
        name.c_str(), [task](benchmark::State& state) { RunQueries(state, task); });
    registered->Unit(benchmark::kMicrosecond)
        ->Iterations(static_cast<benchmark::IterationCount>(
            task.skip.empty() ? task.passes * task.rows.size() : 1));
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace newsgrep::bench

int main(int argc, char** argv) { return newsgrep::bench::Main(argc, argv); }
