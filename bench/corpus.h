// SPDX-License-Identifier: GPL-2.0-or-later
/// @file corpus.h
/// @brief Benchmark corpora: Reuters-21578 as staged in ../shared/corpus, subsets of it, and
/// generated corpora of any size built from its real text, all cached as JSON Lines + gzip
/// outside the source tree, keyed by a hash of their inputs.
///
/// Example:
///   auto corpus = bench::EnsureCorpus("100k", "/work/shared/corpus/reuters21578.jsonl.gz",
///                                     bench::CacheDir());
///   if (!corpus.ok()) return corpus.status();
///   bench::ReadCorpus(corpus->path, [](bench::BenchArticle&& a) { ...; return true; });
///
/// The generator (fixed seed, so the same inputs give the same bytes) recombines the real
/// sentences of Reuters articles, varies the people, places and dates in them and injects
/// a known share of near-duplicates (boilerplate added, body sometimes repeated, a few per
/// cent of the words edited), each marked with `dup_of` = the id of its original.
///
/// Thread safety: the functions keep no state; concurrent calls on different paths are
/// safe.
#ifndef NEWSGREP_BENCH_CORPUS_H_
#define NEWSGREP_BENCH_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace newsgrep::bench {

/// Bump when the generator's output changes: every generated corpus (and everything built
/// on it) gets a new cache key.
inline constexpr int kGeneratorVersion = 2;

/// One article as the benchmark corpora carry it (a superset of what newsgrep reads).
struct BenchArticle {
  std::string id;
  std::string date;  // ISO 8601 as in the file ("1987-02-26T15:01:01.790")
  std::string title;
  std::string dateline;
  std::string body;
  std::string source;
  std::string dup_of;               // generated near-duplicates: the id of the original
  std::vector<std::string> people;  // Reuters PEOPLE labels ("james-baker")
  std::vector<std::string> places;  // Reuters PLACES labels ("west-germany")
  std::vector<std::string> topics;  // Reuters TOPICS labels
};

/// Calls `on_article` for each record of a .jsonl or .jsonl.gz file, in file order, until
/// it returns false. Returns NotFound when the file cannot be opened, DataLoss on a
/// malformed line (with its number).
absl::Status ReadCorpus(const std::string& path,
                        const std::function<bool(BenchArticle&&)>& on_article);

/// Writes articles as gzip-compressed JSON Lines to a temporary file that Close() renames
/// to `path`, so an interrupted run never leaves a partial corpus behind.
class CorpusWriter {
 public:
  /// Returns Internal when the file cannot be created.
  static absl::StatusOr<std::unique_ptr<CorpusWriter>> Create(const std::string& path);
  ~CorpusWriter();
  CorpusWriter(const CorpusWriter&) = delete;
  CorpusWriter& operator=(const CorpusWriter&) = delete;

  absl::Status Write(const BenchArticle& article);
  /// Finishes the file and moves it into place.
  absl::Status Close();

 private:
  CorpusWriter(std::string path, std::string temp_path, void* file);
  std::string path_;
  std::string temp_path_;
  void* file_;  // gzFile
};

/// "YYYYMMDD" for an ISO 8601 date ("1987-02-26T15:01:01.790"), or "" when it has none.
std::string DateValue(std::string_view iso);

/// People and places for the generator to vary, and for the person:/location: query
/// classes: from the Reuters PEOPLE and PLACES labels and datelines, kept only when they
/// occur in the text.
struct NameTables {
  struct Person {
    std::string first;  // "" for a label that is a surname only ("volcker")
    std::string last;
  };
  std::vector<Person> people;          // "James" "Baker"
  std::vector<std::string> cities;     // "New York" (dateline cities)
  std::vector<std::string> countries;  // "West Germany"
};
NameTables BuildNameTables(const std::vector<BenchArticle>& source);

struct GeneratorOptions {
  size_t articles = 100000;
  uint64_t seed = 0x6e657773ull;  // "news"
  double near_duplicate_share = 0.10;
  std::string id_prefix = "gen-";
  int first_year = 1987;  // dates spread evenly over `years` years from Jan 1st
  int years = 10;
};

struct GeneratorReport {
  size_t articles = 0;
  size_t near_duplicates = 0;
  size_t sentences = 0;  // size of the sentence pool
};

/// Writes `options.articles` generated articles to `path` (.jsonl.gz).
/// REQUIRES: `source` non-empty. Returns Internal when the file cannot be written.
absl::Status GenerateCorpus(const std::vector<BenchArticle>& source,
                            const GeneratorOptions& options, const std::string& path,
                            GeneratorReport* report);

/// A corpus ready to index.
struct Corpus {
  std::string spec;  // as asked: "reuters", "reuters:5000", "100k", "1m"
  std::string key;   // cache key: name + hash of the inputs
  std::string path;  // the .jsonl.gz to read
  std::string dir;   // cache directory for everything built from it
  size_t articles = 0;
  size_t near_duplicates = 0;  // generated corpora: injected near-duplicates
};

/// Resolves `spec` ("reuters": the staged file itself; "reuters:N": its first N articles;
/// "100k", "1m", "250k", "gen:N": a generated corpus of that many articles), generating
/// what is missing under `cache_dir`. Progress goes to stderr.
/// Returns InvalidArgument for an unknown spec, NotFound when `reuters_path` is missing.
absl::StatusOr<Corpus> EnsureCorpus(const std::string& spec, const std::string& reuters_path,
                                    const std::string& cache_dir);

/// Loads every article of a corpus file into memory.
absl::StatusOr<std::vector<BenchArticle>> LoadCorpus(const std::string& path);

}  // namespace newsgrep::bench

#endif  // NEWSGREP_BENCH_CORPUS_H_
