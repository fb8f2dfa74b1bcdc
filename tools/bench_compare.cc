// SPDX-License-Identifier: GPL-2.0-or-later
/// @file bench_compare.cc
/// @brief newsgrep-bench-compare: reads the JSON files the benchmark suite writes
/// (bench/README.md) and prints one run as tables, compares two runs, checks a run's
/// newsgrep/peer ratios against documented thresholds (what CI fails on), or recomputes
/// those thresholds from calibration runs.
///
///   newsgrep-bench-compare [--markdown] RESULT.json      one run: tables
///   newsgrep-bench-compare OLD.json NEW.json             changes per benchmark
///   newsgrep-bench-compare --check THRESHOLDS RESULT.json
///   newsgrep-bench-compare --calibrate THRESHOLDS RUN.json...   new thresholds on stdout
///
/// Exit status: 0 fine, 1 a threshold was exceeded or a newsgrep benchmark failed, 2 usage
/// or unreadable input (the file and line of a malformed threshold on stderr).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

constexpr const char* kNotSupported = "not supported by newsgrep yet";

// One benchmark of a result file.
struct Row {
  std::string name;   // without /iterations:N, /manual_time
  std::string group;  // "Query", "Index", "Incremental", "QueryProcess"
  std::string cls;    // Query: the class; others: ""
  std::string engine;
  bool error = false;
  std::string message;
  std::map<std::string, double> counters;

  std::optional<double> Get(const std::string& key) const {
    auto it = counters.find(key);
    if (it == counters.end()) return std::nullopt;
    return it->second;
  }
};

struct Result {
  std::string path;
  std::map<std::string, std::string> context;
  std::vector<Row> rows;

  const Row* Find(const std::string& group, const std::string& cls,
                  const std::string& engine) const {
    for (const Row& row : rows) {
      if (row.group == group && row.cls == cls && row.engine == engine) return &row;
    }
    return nullptr;
  }
  std::vector<std::string> Classes() const {
    std::vector<std::string> classes;
    for (const Row& row : rows) {
      if (row.group == "Query" &&
          std::find(classes.begin(), classes.end(), row.cls) == classes.end()) {
        classes.push_back(row.cls);
      }
    }
    return classes;
  }
  std::vector<std::string> Engines(const std::string& group) const {
    std::vector<std::string> engines;
    for (const Row& row : rows) {
      if (row.group == group &&
          std::find(engines.begin(), engines.end(), row.engine) == engines.end()) {
        engines.push_back(row.engine);
      }
    }
    return engines;
  }
};

// Drops the parts of a benchmark name that depend on how it was run:
// "/iterations:1000", "/manual_time", "/real_time".
std::string Normalize(const std::string& name) {
  std::string out;
  std::stringstream parts(name);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.rfind("iterations:", 0) == 0 || part == "manual_time" || part == "real_time") {
      continue;
    }
    out += (out.empty() ? "" : "/") + part;
  }
  return out;
}

std::optional<Result> Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "newsgrep-bench-compare: cannot read " << path << "\n";
    return std::nullopt;
  }
  json doc = json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("benchmarks") ||
      !doc["benchmarks"].is_array()) {
    std::cerr << "newsgrep-bench-compare: " << path << " is not a benchmark JSON file\n";
    return std::nullopt;
  }
  Result result;
  result.path = path;
  if (doc.contains("context") && doc["context"].is_object()) {
    for (auto& [key, value] : doc["context"].items()) {
      result.context[key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  }
  static const std::set<std::string> kStandard = {"family_index", "per_family_instance_index",
                                                  "repetitions",  "repetition_index",
                                                  "threads",      "iterations",
                                                  "real_time",    "cpu_time"};
  size_t number = 0;
  for (const json& b : doc["benchmarks"]) {
    ++number;
    if (!b.is_object()) {
      std::cerr << "newsgrep-bench-compare: " << path << ": benchmark " << number
                << " is not an object\n";
      return std::nullopt;
    }
    Row row;
    try {
      if (b.value("run_type", "iteration") != "iteration") continue;
      row.name = Normalize(b.value("name", ""));
      row.error = b.value("error_occurred", false);
      row.message = b.value("error_message", "");
    } catch (const json::exception&) {  // a field of the wrong type
      std::cerr << "newsgrep-bench-compare: " << path << ": benchmark " << number
                << ": name, run_type, error_occurred or error_message of the wrong type\n";
      return std::nullopt;
    }
    if (std::any_of(result.rows.begin(), result.rows.end(),
                    [&](const Row& r) { return r.name == row.name; })) {
      continue;  // repetitions: the first one stands for all
    }
    std::vector<std::string> parts;
    std::stringstream stream(row.name);
    for (std::string part; std::getline(stream, part, '/');) parts.push_back(part);
    if (parts.empty() || parts[0].rfind("BM_", 0) != 0) continue;
    row.group = parts[0].substr(3);
    if (row.group == "Query" && parts.size() >= 3) {
      row.cls = parts[1];
      row.engine = parts[2];
    } else if (parts.size() >= 2) {
      row.engine = parts[1];
    }
    for (auto& [key, value] : b.items()) {
      if (value.is_number() && !kStandard.count(key)) row.counters[key] = value.get<double>();
    }
    if (b.contains("real_time") && b["real_time"].is_number()) {
      row.counters["real_time"] = b["real_time"].get<double>();
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

std::string Num(std::optional<double> value, int precision = 0) {
  if (!value) return "-";
  char text[64];
  const double v = *value;
  if (precision == 0 && std::llabs(std::llround(v)) >= 1000) {
    // thousands separators for large integers
    std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
      if (count > 0 && count % 3 == 0 && *it != '-') out.insert(out.begin(), ',');
      out.insert(out.begin(), *it);
      ++count;
    }
    return out;
  }
  std::snprintf(text, sizeof text, "%.*f", precision, v);
  return text;
}

std::string Ratio(std::optional<double> value) { return value ? Num(value, 2) + "x" : "-"; }

// A simple column printer: plain text aligned, or Markdown.
class Table {
 public:
  Table(std::vector<std::string> header, bool markdown)
      : header_(std::move(header)), markdown_(markdown) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// A row whose last cell runs on past the columns (not measured for widths).
  void AddSpanning(std::vector<std::string> row) {
    spanning_.insert(rows_.size());
    rows_.push_back(std::move(row));
  }
  void Print() const {
    std::vector<size_t> width(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
      for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
        width[i] = std::max(width[i], Utf8Length(row[i]));
      }
    };
    measure(header_);
    for (size_t r = 0; r < rows_.size(); ++r) {
      if (!spanning_.count(r)) {
        measure(rows_[r]);
      } else {
        std::vector<std::string> head(rows_[r].begin(), rows_[r].end() - 1);
        measure(head);
      }
    }
    auto print = [&](const std::vector<std::string>& row, bool spanning) {
      std::string line = markdown_ ? "|" : "";
      for (size_t i = 0; i < header_.size(); ++i) {
        const std::string cell = i < row.size() ? row[i] : "";
        if (spanning && i + 1 == row.size()) {
          line += markdown_ ? " " + cell + " |" : "  " + cell;
          if (markdown_) {
            for (size_t j = i + 1; j < header_.size(); ++j) line += " |";
          }
          break;
        }
        const std::string pad(width[i] - Utf8Length(cell), ' ');
        static const std::set<std::string> kTextColumns = {"engine", "variant", "peer",
                                                           "stat",   "result",  "build"};
        const bool left = i == 0 || kTextColumns.count(header_[i]) > 0;
        // Appended piece by piece (GCC 12 warns, wrongly, of overlapping copies in the
        // temporaries of `" " + cell + pad + " |"`).
        if (markdown_ || i > 0) line += markdown_ ? " " : "  ";
        line += left ? cell : pad;
        line += left ? pad : cell;
        if (markdown_) line += " |";
      }
      std::cout << line << "\n";
    };
    print(header_, false);
    if (markdown_) {
      std::string rule = "|";
      for (size_t i = 0; i < header_.size(); ++i) rule += i == 0 ? "---|" : "---:|";
      std::cout << rule << "\n";
    }
    for (size_t r = 0; r < rows_.size(); ++r) print(rows_[r], spanning_.count(r) > 0);
  }

 private:
  static size_t Utf8Length(const std::string& text) {
    size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::set<size_t> spanning_;
  bool markdown_;
};

void PrintRun(const Result& result, bool markdown) {
  auto context = [&](const char* key) {
    auto it = result.context.find(key);
    return it == result.context.end() ? std::string("?") : it->second;
  };
  std::cout << (markdown ? "#### " : "== ") << "corpus " << context("newsgrep_corpus") << ": "
            << Num(std::stod(context("newsgrep_corpus_articles") == "?"
                                 ? "0"
                                 : context("newsgrep_corpus_articles")))
            << " articles (" << context("newsgrep_corpus_near_duplicates")
            << " generated near-duplicates); " << context("date") << ", " << context("num_cpus")
            << " CPUs" << (context("newsgrep_short_pass") == "1" ? ", SHORT pass" : "") << "\n\n";

  // Indexing.
  Table index({"indexing", "articles/s", "articles/CPU-s", "bytes/article", "compacted B/art",
               "peak RSS MB", "all stages ÷ this (time / CPU)", "add 1,000 (s)",
               "query proc RSS MB", "build"},
              markdown);
  const Row* fts5 = result.Find("Index", "", "fts5");
  for (const std::string& engine : result.Engines("Index")) {
    const Row* row = result.Find("Index", "", engine);
    const Row* incremental = result.Find("Incremental", "", engine);
    const Row* process = result.Find("QueryProcess", "", engine);
    std::string size = Num(row->Get("bytes_per_article"));
    if (engine.rfind("newsgrep", 0) == 0 && fts5 != nullptr) {
      size += " (" + Ratio(row->Get("size_vs_fts5")) + " FTS5)";
    }
    std::string stage_cost = "-";
    if (row->Get("full_time_vs_this")) {
      stage_cost =
          Ratio(row->Get("full_time_vs_this")) + " / " + Ratio(row->Get("full_cpu_vs_this"));
    }
    index.Add({engine, Num(row->Get("articles_per_s")), Num(row->Get("articles_per_cpu_s")), size,
               Num(row->Get("compact_bytes_per_article")), Num(row->Get("peak_rss_MB")), stage_cost,
               incremental ? Num(incremental->Get("seconds"), 2) : "-",
               process ? Num(process->Get("peak_rss_MB")) : "-",
               row->Get("fresh").value_or(0) > 0 ? "this run" : "cached"});
  }
  index.Print();
  std::cout << "\n";

  // Summary matrices: class x engine, p50 / p99, and the ratios the targets are about
  // (the full page against raw Xapian's ids-only time, and against FTS5). Once with
  // wall-clock latency, once with CPU time (robust to other processes on the machine).
  const std::vector<std::string> columns = {"newsgrep_page", "newsgrep_ids", "xapian",
                                            "fts5",          "xapian_page",  "fts5_page"};
  for (const bool cpu : {false, true}) {
    const std::string p50 = cpu ? "cpu_p50_us" : "p50_us";
    const std::string p99 = cpu ? "cpu_p99_us" : "p99_us";
    std::vector<std::string> header = {cpu ? "CPU p50 / p99 µs" : "p50 / p99 µs"};
    for (const std::string& c : columns) header.push_back(c);
    header.push_back("page ÷ xapian");
    header.push_back("ids ÷ xapian");
    header.push_back("page ÷ fts5");
    header.push_back("page ÷ xapian page");
    header.push_back("page ÷ fts5 page");
    Table summary(header, markdown);
    for (const std::string& cls : result.Classes()) {
      std::vector<std::string> line = {cls};
      for (const std::string& engine : columns) {
        const Row* row = result.Find("Query", cls, engine);
        if (row == nullptr) {
          line.push_back("-");
        } else if (row->error) {
          line.push_back(row->message.rfind(kNotSupported, 0) == 0   ? "not yet"
                         : row->message.rfind("FTS5 has no", 0) == 0 ? "n/a"
                                                                     : "ERROR");
        } else {
          line.push_back(Num(row->Get(p50)) + " / " + Num(row->Get(p99)));
        }
      }
      auto ratio_pair = [&](const std::string& engine, const std::string& peer) {
        const Row* mine = result.Find("Query", cls, engine);
        const Row* theirs = result.Find("Query", cls, peer);
        if (mine == nullptr || theirs == nullptr || mine->error || theirs->error) {
          return std::string("-");
        }
        auto ratio = [&](const std::string& key) -> std::optional<double> {
          auto a = mine->Get(key);
          auto b = theirs->Get(key);
          if (!a || !b || *b <= 0) return std::nullopt;
          return *a / *b;
        };
        return Num(ratio(p50), 2) + " / " + Num(ratio(p99), 2);
      };
      line.push_back(ratio_pair("newsgrep_page", "xapian"));
      line.push_back(ratio_pair("newsgrep_ids", "xapian"));
      line.push_back(ratio_pair("newsgrep_page", "fts5"));
      line.push_back(ratio_pair("newsgrep_page", "xapian_page"));
      line.push_back(ratio_pair("newsgrep_page", "fts5_page"));
      summary.Add(line);
    }
    summary.Print();
    std::cout << "\n";
  }

  // What counting every match adds to the page: facets and the timeline (CPU time).
  bool counted = false;
  for (const Row& row : result.rows) {
    counted |= row.group == "Query" &&
               (row.engine == "newsgrep_facets" || row.engine == "newsgrep_timeline");
  }
  if (counted) {
    Table extra({"CPU p50 / p99 µs", "newsgrep_page", "newsgrep_facets", "newsgrep_timeline",
                 "facets ÷ page", "timeline ÷ page", "matches"},
                markdown);
    for (const std::string& cls : result.Classes()) {
      const Row* page = result.Find("Query", cls, "newsgrep_page");
      std::vector<std::string> line = {cls};
      for (const char* engine : {"newsgrep_page", "newsgrep_facets", "newsgrep_timeline"}) {
        const Row* row = result.Find("Query", cls, engine);
        line.push_back(row == nullptr || row->error
                           ? "-"
                           : Num(row->Get("cpu_p50_us")) + " / " + Num(row->Get("cpu_p99_us")));
      }
      for (const char* engine : {"newsgrep_facets", "newsgrep_timeline"}) {
        const Row* row = result.Find("Query", cls, engine);
        std::optional<double> a, b;
        if (row != nullptr && page != nullptr && !row->error && !page->error) {
          a = row->Get("cpu_p50_us");
          b = page->Get("cpu_p50_us");
        }
        line.push_back(a && b && *b > 0 ? Num(*a / *b, 2) : "-");
      }
      line.push_back(page == nullptr || page->error ? "-" : Num(page->Get("matches")));
      extra.Add(line);
    }
    extra.Print();
    std::cout << "\n";
  }

  // Details.
  Table details(
      {"class", "engine", "p50 µs", "p95 µs", "p99 µs", "cpu p50", "cpu p99", "qps", "hits",
       "matches", "÷xapian p50", "÷xapian p99", "÷xapian cpu50", "÷fts5 p50", "÷fts5 p99"},
      markdown);
  for (const std::string& cls : result.Classes()) {
    for (const Row& row : result.rows) {
      if (row.group != "Query" || row.cls != cls) continue;
      if (row.error) {
        details.AddSpanning({cls, row.engine, "skipped: " + row.message});
        continue;
      }
      details.Add({cls, row.engine, Num(row.Get("p50_us")), Num(row.Get("p95_us")),
                   Num(row.Get("p99_us")), Num(row.Get("cpu_p50_us")), Num(row.Get("cpu_p99_us")),
                   Num(row.Get("qps")), Num(row.Get("hits"), 1), Num(row.Get("matches")),
                   Ratio(row.Get("x_xapian_p50")), Ratio(row.Get("x_xapian_p99")),
                   Ratio(row.Get("x_xapian_cpu_p50")), Ratio(row.Get("x_fts5_p50")),
                   Ratio(row.Get("x_fts5_p99"))});
    }
  }
  details.Print();
}

std::string Change(std::optional<double> before, std::optional<double> after, int precision) {
  if (!before && !after) return "-";
  std::string text = Num(before, precision) + " → " + Num(after, precision);
  if (before && after && *before != 0) {
    char pct[32];
    std::snprintf(pct, sizeof pct, " (%+.0f%%)", (*after / *before - 1) * 100);
    text += pct;
  }
  return text;
}

int Compare(const Result& old_result, const Result& new_result) {
  std::cout << "old: " << old_result.path << "\nnew: " << new_result.path << "\n\n";
  Table index({"benchmark", "articles/s", "bytes/article", "peak RSS MB", "seconds"}, false);
  Table queries({"benchmark", "p50 µs", "p99 µs", "÷xapian p50", "÷xapian p99", "÷fts5 p50"},
                false);
  for (const Row& row : new_result.rows) {
    const Row* old_row = nullptr;
    for (const Row& candidate : old_result.rows) {
      if (candidate.name == row.name) old_row = &candidate;
    }
    auto get = [](const Row* r, const std::string& key) -> std::optional<double> {
      if (r == nullptr || r->error) return std::nullopt;
      return r->Get(key);
    };
    if (row.group == "Query") {
      if (row.error && (old_row == nullptr || old_row->error)) continue;
      queries.Add({row.name.substr(9), Change(get(old_row, "p50_us"), get(&row, "p50_us"), 0),
                   Change(get(old_row, "p99_us"), get(&row, "p99_us"), 0),
                   Change(get(old_row, "x_xapian_p50"), get(&row, "x_xapian_p50"), 2),
                   Change(get(old_row, "x_xapian_p99"), get(&row, "x_xapian_p99"), 2),
                   Change(get(old_row, "x_fts5_p50"), get(&row, "x_fts5_p50"), 2)});
    } else {
      index.Add({row.name, Change(get(old_row, "articles_per_s"), get(&row, "articles_per_s"), 0),
                 Change(get(old_row, "bytes_per_article"), get(&row, "bytes_per_article"), 0),
                 Change(get(old_row, "peak_rss_MB"), get(&row, "peak_rss_MB"), 0),
                 Change(get(old_row, "seconds"), get(&row, "seconds"), 2)});
    }
  }
  index.Print();
  std::cout << "\n";
  queries.Print();
  return 0;
}

// THRESHOLDS: one check per line, `#` comments:
//   CLASS|*|index  VARIANT  PEER  STAT  [<=|>=]LIMIT
// For a query class (or * = every class): ratio = VARIANT's STAT / PEER's STAT in the same
// run (STAT: any counter of the benchmark: cpu_p50_us, cpu_best_p99_us, p99_us, …). For
// `index`: the BM_Index counters (articles_per_s, bytes_per_article, …). LIMIT without a
// sign is a maximum.
struct Threshold {
  std::string cls;  // a query class, "*" or "index"
  std::string variant;
  std::string peer;
  std::string stat;
  bool at_least = false;  // written >=LIMIT
  double limit = 0;
};

// The thresholds file's lines, each with its check when it holds one (not a blank or
// comment line). nullopt, with the file and line on stderr, when it cannot be read.
struct ThresholdsLine {
  std::string text;
  std::optional<Threshold> check;
  bool fixed = false;  // its comment starts with "fixed": a limit set by hand
};
std::optional<std::vector<ThresholdsLine>> ReadThresholds(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "newsgrep-bench-compare: cannot read " << path << "\n";
    return std::nullopt;
  }
  std::vector<ThresholdsLine> lines;
  std::string line;
  while (std::getline(in, line)) {
    ThresholdsLine& entry = lines.emplace_back();
    entry.text = line;
    const size_t hash = line.find('#');
    if (hash != std::string::npos) {
      const size_t comment = line.find_first_not_of(" \t", hash + 1);
      entry.fixed = comment != std::string::npos && line.compare(comment, 5, "fixed") == 0;
      line.erase(hash);
    }
    std::stringstream fields(line);
    Threshold check;
    if (!(fields >> check.cls)) continue;
    std::string limit_text, extra;
    const std::string where = path + ":" + std::to_string(lines.size()) + ": ";
    if (!(fields >> check.variant >> check.peer >> check.stat >> limit_text) || fields >> extra) {
      std::cerr << where << "expected CLASS VARIANT PEER STAT LIMIT\n";
      return std::nullopt;
    }
    if (limit_text.rfind(">=", 0) == 0) {
      check.at_least = true;
      limit_text = limit_text.substr(2);
    } else if (limit_text.rfind("<=", 0) == 0) {
      limit_text = limit_text.substr(2);
    }
    char* end = nullptr;
    check.limit = std::strtod(limit_text.c_str(), &end);
    if (limit_text.empty() || *end != '\0' || !std::isfinite(check.limit)) {
      std::cerr << where << "the limit '" << limit_text << "' is not a number\n";
      return std::nullopt;
    }
    entry.check = check;
  }
  return lines;
}

// The query classes a check applies to in `result` ("" for `index`).
std::vector<std::string> ClassesOf(const Threshold& check, const Result& result) {
  if (check.cls == "*") return result.Classes();
  return {check.cls == "index" ? "" : check.cls};
}

// VARIANT's STAT / PEER's STAT for `cls` in `result`, when both have the figure.
std::optional<double> RatioOf(const Threshold& check, const std::string& cls,
                              const Result& result) {
  const std::string group = check.cls == "index" ? "Index" : "Query";
  const Row* mine = result.Find(group, cls, check.variant);
  const Row* theirs = result.Find(group, cls, check.peer);
  if (mine == nullptr || mine->error || theirs == nullptr || theirs->error) return std::nullopt;
  const std::optional<double> numerator = mine->Get(check.stat);
  const std::optional<double> denominator = theirs->Get(check.stat);
  if (!numerator || !denominator || *denominator <= 0) return std::nullopt;
  return *numerator / *denominator;
}

int Check(const std::string& thresholds_path, const Result& result) {
  const auto thresholds = ReadThresholds(thresholds_path);
  if (!thresholds) return 2;
  Table table({"check", "variant", "peer", "stat", "ratio", "limit", "result"}, false);
  int failures = 0;
  for (const ThresholdsLine& line : *thresholds) {
    if (!line.check) continue;
    const Threshold& check = *line.check;
    for (const std::string& c : ClassesOf(check, result)) {
      const std::string label = check.cls == "index" ? "index" : c;
      const std::string group = check.cls == "index" ? "Index" : "Query";
      const Row* mine = result.Find(group, c, check.variant);
      std::string verdict;
      std::string ratio_text = "-";
      if (mine == nullptr) {
        if (check.cls == "*") continue;
        verdict = "FAIL (no result)";
      } else if (mine->error) {
        if (mine->message.rfind(kNotSupported, 0) == 0 ||
            mine->message.rfind("no queries", 0) == 0) {
          verdict = "skip (" + mine->message.substr(0, 60) + ")";
        } else {
          verdict = "FAIL (" + mine->message.substr(0, 60) + ")";
        }
      } else if (const Row* theirs = result.Find(group, c, check.peer);
                 theirs == nullptr || theirs->error) {
        verdict = "skip (no peer figure)";  // e.g. FTS5 has no ordered proximity
      } else if (!mine->Get(check.stat) || !theirs->Get(check.stat)) {
        verdict = "FAIL (no " + check.stat + ")";  // a renamed counter must not pass silently
      } else if (*theirs->Get(check.stat) <= 0) {
        verdict = "skip (peer figure 0)";
      } else {
        const double ratio = *mine->Get(check.stat) / *theirs->Get(check.stat);
        ratio_text = Num(ratio, 2);
        const bool ok = check.at_least ? ratio >= check.limit : ratio <= check.limit;
        verdict = ok ? "ok" : "FAIL";
      }
      if (verdict.rfind("FAIL", 0) == 0) ++failures;
      table.Add({label, check.variant, check.peer, check.stat, ratio_text,
                 (check.at_least ? ">= " : "<= ") + Num(check.limit, 2), verdict});
    }
  }
  // Any newsgrep query benchmark that errored for another reason than a missing feature.
  for (const Row& row : result.rows) {
    if (row.group != "Query" || row.engine.rfind("newsgrep", 0) != 0 || !row.error) continue;
    if (row.message.rfind(kNotSupported, 0) == 0 || row.message.rfind("no queries", 0) == 0) {
      continue;
    }
    table.Add(
        {row.cls, row.engine, "-", "-", "-", "-", "FAIL (" + row.message.substr(0, 60) + ")"});
    ++failures;
  }
  table.Print();
  std::cout << (failures == 0 ? "\nbench check: OK\n"
                              : "\nbench check: " + std::to_string(failures) + " FAILED\n");
  return failures == 0 ? 0 : 1;
}

// Three significant digits, no trailing zeros: 7.22, 12.2, 19, 0.963.
std::string Significant(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

// The thresholds file with every check's limit recomputed from `runs` (calibration runs
// of the same pass on an otherwise unchanged tree), written to stdout; blank and comment
// lines are kept. The rule (bench/README.md, "CI"): a maximum is 2x the largest ratio
// seen (3x for a p99 statistic, 1.5x for bytes, 2.5x for a `*` line, whose ratio is the
// largest of any class); a minimum (>=) is half the smallest. Each check's comment
// becomes the largest and smallest ratio seen. A check whose comment starts with
// "fixed" is kept as it is (a limit set by hand); one no run has a ratio for is kept too,
// with a warning on stderr.
int Calibrate(const std::string& thresholds_path, const std::vector<Result>& runs) {
  const auto thresholds = ReadThresholds(thresholds_path);
  if (!thresholds) return 2;
  for (const ThresholdsLine& line : *thresholds) {
    if (!line.check || line.fixed) {  // comment lines and limits set by hand, as they are
      std::cout << line.text << "\n";
      continue;
    }
    const Threshold& check = *line.check;
    std::vector<double> ratios;
    for (const Result& run : runs) {
      for (const std::string& c : ClassesOf(check, run)) {
        if (const std::optional<double> ratio = RatioOf(check, c, run)) ratios.push_back(*ratio);
      }
    }
    if (ratios.empty()) {
      std::cerr << "newsgrep-bench-compare: no run has a ratio for '" << line.text
                << "'; kept as it was\n";
      std::cout << line.text << "\n";
      continue;
    }
    const double largest = *std::max_element(ratios.begin(), ratios.end());
    const double smallest = *std::min_element(ratios.begin(), ratios.end());
    double limit = 0;
    if (check.at_least) {
      limit = smallest / 2;
    } else if (check.cls == "*") {
      limit = 2.5 * largest;
    } else if (check.stat.find("p99") != std::string::npos) {
      limit = 3 * largest;
    } else if (check.stat.find("bytes") != std::string::npos) {
      limit = 1.5 * largest;
    } else {
      limit = 2 * largest;
    }
    std::cout << check.cls << "\t" << check.variant << "\t" << check.peer << "\t" << check.stat
              << "\t" << (check.at_least ? ">=" : "") << Significant(limit) << "\t# "
              << Num(largest, 2) << " (" << Num(smallest, 2) << ")\n";
  }
  return 0;
}

int Usage() {
  std::cerr << "usage: newsgrep-bench-compare [--markdown] RESULT.json\n"
               "       newsgrep-bench-compare OLD.json NEW.json\n"
               "       newsgrep-bench-compare --check THRESHOLDS RESULT.json\n"
               "       newsgrep-bench-compare --calibrate THRESHOLDS RUN.json...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool markdown = false;
  std::string thresholds;
  std::string calibrate;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--markdown") {
      markdown = true;
    } else if (args[i] == "--check" && i + 1 < args.size()) {
      thresholds = args[++i];
    } else if (args[i] == "--calibrate" && i + 1 < args.size()) {
      calibrate = args[++i];
    } else if (args[i] == "--help" || args[i] == "-h") {
      Usage();
      return 0;
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage();
    } else {
      files.push_back(args[i]);
    }
  }
  if (!thresholds.empty() && !calibrate.empty()) return Usage();
  if (!thresholds.empty()) {
    if (files.size() != 1) return Usage();
    auto result = Load(files[0]);
    return result ? Check(thresholds, *result) : 2;
  }
  if (!calibrate.empty()) {
    if (files.empty()) return Usage();
    std::vector<Result> runs;
    for (const std::string& file : files) {
      auto result = Load(file);
      if (!result) return 2;
      runs.push_back(std::move(*result));
    }
    return Calibrate(calibrate, runs);
  }
  if (files.size() == 1) {
    auto result = Load(files[0]);
    if (!result) return 2;
    PrintRun(*result, markdown);
    return 0;
  }
  if (files.size() == 2) {
    auto old_result = Load(files[0]);
    auto new_result = Load(files[1]);
    if (!old_result || !new_result) return 2;
    return Compare(*old_result, *new_result);
  }
  return Usage();
}
