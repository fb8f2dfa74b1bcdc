// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_dedup.cc
/// @brief Near-duplicate evaluation through the real indexer and searcher.
#include "eval_dedup.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/entities.h"
#include "newsgrep/indexer.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/near_duplicates.h"
#include "newsgrep/searcher.h"
#include "newsgrep/text_rules.h"

namespace newsgrep::cli {
namespace {

namespace fs = std::filesystem;

constexpr double kTargetPrecision = 0.99;
constexpr double kTargetRecall = 0.97;

// A small deterministic generator (the same perturbation set on every machine).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

struct Labeled {
  Article article;
  std::string story;                     // ground-truth cluster label
  std::string kind;                      // "original", or how it was perturbed
  std::vector<std::string> chrome = {};  // the chrome lines added to its body
};

struct PairScore {
  double true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  double precision() const { return predicted_pairs == 0 ? 1.0 : correct_pairs / predicted_pairs; }
  double recall() const { return true_pairs == 0 ? 1.0 : correct_pairs / true_pairs; }
};

double Pairs(double n) { return n * (n - 1) / 2; }

// Pair counts from the contingency table of truth × prediction.
PairScore ScorePairs(const std::vector<std::string>& truth,
                     const std::vector<std::string>& predicted) {
  std::map<std::string, double> by_truth, by_predicted;
  std::map<std::pair<std::string, std::string>, double> both;
  for (size_t i = 0; i < truth.size(); ++i) {
    ++by_truth[truth[i]];
    ++by_predicted[predicted[i]];
    ++both[{truth[i], predicted[i]}];
  }
  PairScore score;
  for (const auto& [label, n] : by_truth) score.true_pairs += Pairs(n);
  for (const auto& [label, n] : by_predicted) score.predicted_pairs += Pairs(n);
  for (const auto& [labels, n] : both) score.correct_pairs += Pairs(n);
  return score;
}

absl::Status ReadAll(const std::string& path, std::vector<Article>& articles) {
  ReadCallbacks callbacks;
  callbacks.on_article = [&articles](Article&& article) {
    articles.push_back(std::move(article));
    return absl::OkStatus();
  };
  callbacks.on_problem = [](const InputProblem&) {};
  return ReadArticles(path, callbacks);
}

// An indexer writing a new index at `db_path` (whatever was there is removed).
absl::StatusOr<std::unique_ptr<Indexer>> OpenNewIndex(const std::string& db_path,
                                                      bool detect_duplicates) {
  fs::remove_all(db_path);
  IndexerOptions options;
  options.db_path = db_path;
  options.detect_duplicates = detect_duplicates;
  return Indexer::Open(options);
}

// Indexes `articles` into a new index at `db_path` and returns each one's cluster id; with
// `indexed`, also each one as indexed (its cleaned title and body).
absl::StatusOr<std::vector<std::string>> Cluster(const std::vector<Labeled>& articles,
                                                 const std::string& db_path,
                                                 std::vector<StoredArticle>* indexed = nullptr) {
  {
    auto indexer = OpenNewIndex(db_path, /*detect_duplicates=*/true);
    if (!indexer.ok()) return indexer.status();
    // In blocks, as Indexer::IndexPath reads them: each cleaned with its block's recurring
    // chrome and analysed with its block's statistics.
    const std::shared_ptr<const EntityResources> resources = EntityResources::Shared();
    CorpusBlock block;
    auto add_block = [&]() -> absl::Status {
      const CorpusBlock::Taken taken = block.Take(*resources);
      const RecurringChrome chrome(taken.articles);
      for (const Article& article : taken.articles) {
        NEWSGREP_RETURN_IF_ERROR((*indexer)->Add(article, taken.statistics.get(), &chrome));
      }
      return absl::OkStatus();
    };
    for (const Labeled& labeled : articles) {
      if (block.Add(labeled.article)) NEWSGREP_RETURN_IF_ERROR(add_block());
    }
    if (!block.empty()) NEWSGREP_RETURN_IF_ERROR(add_block());
    absl::Status status = (*indexer)->Commit();
    if (!status.ok()) return status;
  }
  auto searcher = Searcher::Open({db_path});
  if (!searcher.ok()) return searcher.status();
  std::vector<std::string> clusters;
  clusters.reserve(articles.size());
  for (const Labeled& labeled : articles) {
    auto record = (*searcher)->Get(labeled.article.id);
    if (!record.ok()) return record.status();
    clusters.push_back(record->cluster_id);
    if (indexed != nullptr) indexed->push_back(std::move(record->article));
  }
  return clusters;
}

void PrintScore(FILE* out, absl::string_view name, const PairScore& score) {
  std::fprintf(out, "  %-34s pairs: true %.0f, predicted %.0f, correct %.0f   P=%.4f R=%.4f\n",
               std::string(name).c_str(), score.true_pairs, score.predicted_pairs,
               score.correct_pairs, score.precision(), score.recall());
}

// ---- (a) seeds and the bundled sample corpus -------------------------------------------

absl::StatusOr<bool> EvalLabeledSet(const std::string& name, std::vector<Labeled> articles,
                                    const std::string& work, FILE* out) {
  auto clusters = Cluster(articles, absl::StrCat(work, "/", name));
  if (!clusters.ok()) return clusters.status();
  std::vector<std::string> truth;
  for (const Labeled& labeled : articles) truth.push_back(labeled.story);
  const PairScore score = ScorePairs(truth, *clusters);
  std::fprintf(out, "%s: %zu articles\n", name.c_str(), articles.size());
  PrintScore(out, "all pairs", score);
  // Name every wrong decision: a corpus this small should be explained, not summarised.
  for (size_t i = 0; i < articles.size(); ++i) {
    for (size_t j = i + 1; j < articles.size(); ++j) {
      const bool same_truth = truth[i] == truth[j];
      const bool same_predicted = (*clusters)[i] == (*clusters)[j];
      if (same_truth != same_predicted) {
        std::fprintf(out, "  %s: %s ~ %s\n", same_truth ? "missed" : "FALSE MERGE",
                     articles[i].article.id.c_str(), articles[j].article.id.c_str());
      }
    }
  }
  return score.correct_pairs == score.predicted_pairs && score.recall() >= kTargetRecall;
}

absl::StatusOr<std::vector<Labeled>> LoadSeeds(const std::string& dir) {
  std::vector<Article> articles;
  absl::Status status = ReadAll(dir, articles);
  if (!status.ok()) return status;
  std::vector<Labeled> labeled;
  for (Article& article : articles) {
    // Ground truth (corpus README): 001 and 002 are one story; 000, 003, 004 distinct.
    const std::string name = fs::path(article.id).filename().string();
    std::string story = name.substr(0, 3);
    if (story == "002") story = "001";
    labeled.push_back({std::move(article), story, "seed"});
  }
  return labeled;
}

absl::StatusOr<std::vector<Labeled>> LoadSample(const std::string& dir) {
  std::ifstream tsv(dir + "/clusters.tsv");
  if (!tsv) return absl::NotFoundError(absl::StrCat("cannot read ", dir, "/clusters.tsv"));
  std::unordered_map<std::string, std::string> story_of;
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    if (fields.size() < 2) continue;
    const size_t hash = fields[0].find('#');
    const std::string id =
        hash != std::string::npos
            ? fields[0].substr(hash + 1)
            : (fs::path(dir) / "articles" / fields[0]).lexically_normal().generic_string();
    story_of[id] = fields[1];
  }
  std::vector<Article> articles;
  absl::Status status = ReadAll((fs::path(dir) / "articles").string(), articles);
  if (!status.ok()) return status;
  std::vector<Labeled> labeled;
  for (Article& article : articles) {
    auto it = story_of.find(article.id);
    if (it == story_of.end()) {
      return absl::DataLossError(absl::StrCat(article.id, " is not in clusters.tsv"));
    }
    labeled.push_back({std::move(article), it->second, "sample"});
  }
  return labeled;
}

// ---- (b) perturbations of real articles ------------------------------------------------

std::vector<std::string> Words(absl::string_view text) {
  return absl::StrSplit(text, absl::ByAnyChar(" \n"), absl::SkipEmpty());
}

std::string EditWords(absl::string_view body, double share, const std::vector<std::string>& vocab,
                      Random& random) {
  std::vector<std::string> paragraphs = absl::StrSplit(body, "\n\n");
  std::vector<std::pair<size_t, size_t>> positions;  // (paragraph, word)
  std::vector<std::vector<std::string>> words;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    words.push_back(Words(paragraphs[p]));
    for (size_t w = 0; w < words.back().size(); ++w) positions.push_back({p, w});
  }
  const size_t edits = static_cast<size_t>(share * static_cast<double>(positions.size()) + 0.5);
  for (size_t e = 0; e < edits && !positions.empty(); ++e) {
    const size_t pick = random.Below(positions.size());
    const auto [p, w] = positions[pick];
    words[p][w] = vocab[random.Below(vocab.size())];
    positions[pick] = positions.back();
    positions.pop_back();
  }
  std::vector<std::string> out;
  for (const auto& paragraph : words) out.push_back(absl::StrJoin(paragraph, " "));
  return absl::StrJoin(out, "\n\n");
}

std::string WithChrome(absl::string_view body, Random& random) {
  static constexpr const char* kCaptions[] = {"Officials at the scene on Monday. (Photo: Staff)",
                                              "Crowds gathered outside the building. (Reuters)"};
  std::vector<std::string> paragraphs = absl::StrSplit(body, "\n\n");
  const size_t at = std::min<size_t>(2, paragraphs.size());
  paragraphs.insert(paragraphs.begin() + static_cast<long>(at), kCaptions[random.Below(2)]);
  const size_t promo = std::min<size_t>(4, paragraphs.size() - 1);
  paragraphs.insert(paragraphs.begin() + static_cast<long>(promo),
                    "READ MORE: MARKETS RALLY AS RATES FALL");
  return absl::StrCat("Share this article\n\nListen to this article 3 min\n\nBy Staff Reporter\n\n",
                      absl::StrJoin(paragraphs, "\n\n"),
                      "\n\nClick here to get the Example News app\n\n"
                      "© 2025 Example News. All rights reserved.");
}

std::string Repeat(absl::string_view body, int times) {
  std::vector<std::string> copies(static_cast<size_t>(times), std::string(body));
  return absl::StrJoin(copies, "\n\n");
}

absl::StatusOr<std::vector<Labeled>> MakePerturbations(const std::string& source, size_t stories) {
  std::vector<Article> pool;
  absl::Status status = ReadAll(source, pool);
  if (!status.ok()) return status;
  // Originals: long enough to be stories, and not exact copies of one another (the source
  // collections themselves contain a few republished articles).
  std::set<std::string> openings;
  std::vector<Article> originals;
  Random random(20251122);
  std::vector<size_t> order(pool.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.Below(i)]);
  for (size_t index : order) {
    Article& article = pool[index];
    if (Words(article.body).size() < 150) continue;
    if (!openings.insert(article.body.substr(0, 200)).second) continue;
    originals.push_back(article);
    if (originals.size() == stories) break;
  }
  std::vector<std::string> vocab;
  for (const Article& article : originals) {
    for (std::string& word : Words(article.body)) {
      if (vocab.size() < 50000) vocab.push_back(std::move(word));
    }
  }
  std::vector<Labeled> out;
  for (size_t s = 0; s < originals.size(); ++s) {
    const Article& original = originals[s];
    const std::string story = absl::StrCat("story-", s);
    auto variant = [&](const std::string& kind, std::string title, std::string body) {
      Article article = original;
      article.id = absl::StrCat("perturb-", s, "-", kind);
      article.title = std::move(title);
      article.body = std::move(body);
      out.push_back({std::move(article), story, kind});
    };
    variant("original", original.title, original.body);
    variant("chrome", original.title, WithChrome(original.body, random));
    variant("repeat2", original.title, WithChrome(Repeat(original.body, 2), random));
    variant("repeat3", original.title, Repeat(original.body, 3));
    for (int percent : {1, 5, 10, 20}) {
      std::string edited = EditWords(original.body, percent / 100.0, vocab, random);
      variant(absl::StrCat("edit", percent), original.title, WithChrome(Repeat(edited, 2), random));
    }
    std::vector<absl::string_view> sentences = SplitSentences(original.body);
    const Article& other = originals[(s + 1) % originals.size()];
    std::vector<absl::string_view> other_sentences = SplitSentences(other.body);
    if (sentences.size() >= 4 && !other_sentences.empty()) {
      std::vector<absl::string_view> added = sentences;
      added.insert(added.begin() + static_cast<long>(random.Below(added.size())),
                   other_sentences[random.Below(other_sentences.size())]);
      variant("sentence_added", original.title, absl::StrJoin(added, " "));
      std::vector<absl::string_view> removed = sentences;
      removed.erase(removed.begin() + static_cast<long>(random.Below(removed.size())));
      variant("sentence_removed", original.title, absl::StrJoin(removed, " "));
    }
    variant("title_changed", other.title, original.body);
  }
  // Index in a shuffled order: a variant often arrives before its original.
  for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[random.Below(i)]);
  return out;
}

absl::StatusOr<bool> EvalPerturbations(const DedupEvalConfig& config, FILE* out) {
  auto articles = MakePerturbations(config.perturb_source, config.perturb_stories);
  if (!articles.ok()) return articles.status();
  auto clusters = Cluster(*articles, config.work_dir + "/perturb");
  if (!clusters.ok()) return clusters.status();
  std::fprintf(out, "perturbations of %s: %zu stories, %zu articles\n",
               config.perturb_source.c_str(), config.perturb_stories, articles->size());
  // Scored twice: every variant, and without the 20 % edits (outside the target).
  std::vector<std::string> truth, predicted, truth_in_target, predicted_in_target;
  std::map<std::string, std::string> original_cluster;
  for (size_t i = 0; i < articles->size(); ++i) {
    const Labeled& labeled = (*articles)[i];
    truth.push_back(labeled.story);
    predicted.push_back((*clusters)[i]);
    if (labeled.kind != "edit20") {
      truth_in_target.push_back(labeled.story);
      predicted_in_target.push_back((*clusters)[i]);
    }
    if (labeled.kind == "original") original_cluster[labeled.story] = (*clusters)[i];
  }
  const PairScore all = ScorePairs(truth, predicted);
  const PairScore in_target = ScorePairs(truth_in_target, predicted_in_target);
  PrintScore(out, "all variants", all);
  PrintScore(out, "up to 10% edits (target)", in_target);
  std::map<std::string, std::pair<size_t, size_t>> by_kind;  // kind → (joined, total)
  for (size_t i = 0; i < articles->size(); ++i) {
    const Labeled& labeled = (*articles)[i];
    if (labeled.kind == "original") continue;
    auto& [joined, total] = by_kind[labeled.kind];
    ++total;
    if ((*clusters)[i] == original_cluster[labeled.story]) ++joined;
  }
  std::fprintf(out, "  recall against the original, by perturbation:\n");
  for (const auto& [kind, counts] : by_kind) {
    std::fprintf(out, "    %-18s %4zu/%-4zu = %.3f\n", kind.c_str(), counts.first, counts.second,
                 static_cast<double>(counts.first) / counts.second);
  }
  return in_target.precision() >= kTargetPrecision && in_target.recall() >= kTargetRecall;
}

// ---- (c) Reuters-21578: exact-duplicate bodies, and the cost of detection -------------

// Wall and CPU (all threads of the process) seconds of indexing `path` into a new index
// the way `newsgrep index` does (IndexPath: analysis threads beside one writer).
struct IndexingTime {
  double wall = 0, cpu = 0;
};

absl::StatusOr<IndexingTime> TimeIndexing(const std::string& path, const std::string& db_path,
                                          bool detect_duplicates) {
  auto indexer = OpenNewIndex(db_path, detect_duplicates);
  if (!indexer.ok()) return indexer.status();
  const auto wall_start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  IndexReport report;
  absl::Status status = (*indexer)->IndexPath(path, nullptr, &report);
  if (status.ok()) status = (*indexer)->Commit();
  if (!status.ok()) return status;
  IndexingTime time;
  time.cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  time.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  indexer->reset();
  fs::remove_all(db_path);
  return time;
}

absl::StatusOr<bool> EvalReuters(const DedupEvalConfig& config, FILE* out) {
  std::vector<Article> articles;
  absl::Status status = ReadAll(config.reuters, articles);
  if (!status.ok()) return status;
  std::vector<Labeled> labeled;
  for (Article& article : articles) labeled.push_back({std::move(article), "", "reuters"});
  auto clusters = Cluster(labeled, config.work_dir + "/reuters");
  if (!clusters.ok()) return clusters.status();
  // The cost, timed side by side on a shared machine: without / with detection,
  // alternating, three times each; the median of each side is compared.
  constexpr int kRounds = 3;
  std::vector<double> wall[2], cpu[2];
  for (int round = 0; round < kRounds; ++round) {
    for (int with = 0; with < 2; ++with) {
      auto time = TimeIndexing(config.reuters, config.work_dir + "/reuters-timed", with == 1);
      if (!time.ok()) return time.status();
      wall[with].push_back(time->wall);
      cpu[with].push_back(time->cpu);
    }
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };

  // Truth: identical bodies (white space folded) of at least 50 words.
  std::unordered_map<std::string, std::string> group_of_body;
  std::vector<std::string> truth;
  for (const Labeled& l : labeled) {
    std::vector<std::string> words = Words(l.article.body);
    std::string key = absl::StrJoin(words, " ");
    if (words.size() < 50) {
      truth.push_back(l.article.id);  // a singleton: not part of the exact-body truth
      continue;
    }
    auto [it, inserted] = group_of_body.emplace(key, l.article.id);
    truth.push_back(absl::StrCat("body:", it->second));
  }
  const PairScore score = ScorePairs(truth, *clusters);
  std::fprintf(out, "reuters-21578: %zu articles\n", labeled.size());
  std::fprintf(out,
               "  exact-duplicate bodies (>= 50 words): %.0f pairs, %.0f in one cluster: "
               "R=%.4f\n",
               score.true_pairs, score.correct_pairs, score.recall());
  std::fprintf(out,
               "  all clustered pairs: %.0f (the rest are near-duplicates without a label; "
               "not scored)\n",
               score.predicted_pairs);
  const double wall_overhead = median(wall[1]) / median(wall[0]) - 1.0;
  const double cpu_overhead = median(cpu[1]) / median(cpu[0]) - 1.0;
  std::fprintf(out,
               "  indexing time (IndexPath as in newsgrep index, before its compaction; median "
               "of %d alternating runs): without duplicate detection %.2f s wall / %.2f s "
               "CPU, with %.2f s wall / %.2f s CPU: "
               "%+.1f %% wall, %+.1f %% CPU (target <= +15 %%)\n",
               kRounds, median(wall[0]), median(cpu[0]), median(wall[1]), median(cpu[1]),
               100.0 * wall_overhead, 100.0 * cpu_overhead);
  const double overhead = std::max(wall_overhead, cpu_overhead);
  return score.recall() >= kTargetRecall && overhead <= 0.15;
}

// ---- (d) short items: republications of real short ledes ------------------------------

// A short item as the near-duplicate rule counts it (near_duplicates.h: fewer than
// kShortTextWords words of cleaned body; "1,914,388" is three words).
bool IsShortItem(const Article& article) {
  return FingerprintArticle(article.title, CleanBody(article.body)).short_text;
}

// Words of a short item as the truth sees them (ASCII white space apart).
size_t WordCount(absl::string_view text) { return Words(text).size(); }

// Sites that republish: the name shown in titles and chrome, and the host of their pages.
struct Site {
  const char* name;
  const char* host;
};
constexpr Site kSites[] = {{"Daily Ledger", "www.dailyledger.com"},
                           {"NorthWire", "northwire.net"},
                           {"The Morning Post", "www.morningpost.co.uk"},
                           {"Metro Herald", "metroherald.org"},
                           {"KXRT 4 News", "www.kxrt4.com"},
                           {"Valley Courier", "valleycourier.com"}};

// One line of site chrome, in one of the forms short republished items carry.
std::string ChromeLine(const Site& site, Random& random) {
  const std::string name = site.name;
  switch (random.Below(10)) {
    case 0:
      return absl::StrCat("Sponsored by ", name, " Partners");
    case 1:
      return "ADVERTISEMENT";
    case 2:
      return absl::StrCat("Follow ", name, " on Facebook and X for the latest updates");
    case 3:
      return absl::StrCat("Click here to subscribe to ", name);
    case 4:
      return absl::StrCat("Listen to this story (", 1 + random.Below(4), " min)");
    case 5:
      return absl::StrCat("\u00A9 ", 2004 + random.Below(3), " ", name, ". All rights reserved.");
    case 6:
      return absl::StrCat("Get the ", name, " app for breaking news alerts");
    case 7:
      return "Story continues below";
    case 8:
      return absl::StrCat("Read more at ", site.host);
    default:
      return absl::StrCat("Sign up for the ", name, " morning briefing");
  }
}

// The title as a site republishes it: its name after a dash or bar, before a bar, or in
// brackets.
std::string SiteTitle(absl::string_view title, const Site& site, Random& random) {
  switch (random.Below(5)) {
    case 0:
      return absl::StrCat(title, " - ", site.name);
    case 1:
      return absl::StrCat(title, " | ", site.name);
    case 2:
      return absl::StrCat(site.name, " | ", title);
    case 3:
      return absl::StrCat(title, " (", site.name, ")");
    default:
      return absl::StrCat(title, " \u2013 ", site.name);
  }
}

bool IsLowercaseWord(absl::string_view word) {
  if (word.size() < 3) return false;
  for (const char c : word) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// `body` with `count` of its lower-case words (not the first) replaced by other lower-case
// words of `vocab`: an edit that does not touch names or figures.
std::string ChangeWords(absl::string_view body, size_t count, const std::vector<std::string>& vocab,
                        Random& random) {
  std::vector<std::string> words = absl::StrSplit(body, ' ');
  std::vector<size_t> candidates;
  for (size_t i = 1; i < words.size(); ++i) {
    if (IsLowercaseWord(words[i])) candidates.push_back(i);
  }
  for (size_t k = 0; k < count && !candidates.empty(); ++k) {
    const size_t pick = random.Below(candidates.size());
    std::string& word = words[candidates[pick]];
    std::string replacement = word;
    while (replacement == word) replacement = vocab[random.Below(vocab.size())];
    word = replacement;
    candidates[pick] = candidates.back();
    candidates.pop_back();
  }
  return absl::StrJoin(words, " ");
}

// `body` without its credit ("AP - ", "Reuters - ") when it opens with one, else with a
// dateline and credit added.
std::string ToggleCredit(absl::string_view body, const Site& site, Random& random) {
  const size_t dash = body.find(" - ");
  if (dash != absl::string_view::npos && dash <= 30 && WordCount(body.substr(0, dash)) <= 3) {
    return std::string(body.substr(dash + 3));
  }
  static constexpr const char* kPlaces[] = {"LONDON", "WASHINGTON", "NEW YORK", "PARIS"};
  return absl::StrCat(kPlaces[random.Below(4)], " (", site.name, ") - ", body);
}

// The kinds of republication in the target ("up to one word changed"), and the one beyond.
constexpr const char* kShortKinds[] = {"chrome", "site_title", "credit", "chrome+title",
                                       "chrome+title+1word"};
constexpr const char* kShortKindBeyond = "chrome+title+2words";

absl::StatusOr<std::vector<Labeled>> MakeShortItems(const DedupEvalConfig& config) {
  std::vector<Article> pool;
  NEWSGREP_RETURN_IF_ERROR(ReadAll(config.short_source, pool));
  Random random(20261206);
  for (size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[random.Below(i)]);
  // Originals: 12-40 words, no two with the same opening or title (the collection holds a
  // few republications of its own, which would count as false merges).
  std::set<std::string> seen;
  std::vector<Article> originals;
  for (Article& article : pool) {
    if (WordCount(article.body) < 12 || !IsShortItem(article) || article.title.empty()) continue;
    const std::string opening = absl::AsciiStrToLower(article.body.substr(0, 60));
    if (!seen.insert(opening).second || !seen.insert(absl::AsciiStrToLower(article.title)).second) {
      continue;
    }
    originals.push_back(std::move(article));
    if (originals.size() == config.short_originals) break;
  }
  // Replacement words: lower-case, and not number words (a changed figure is news).
  std::vector<std::string> vocab;
  for (const Article& article : originals) {
    for (std::string& word : Words(article.body)) {
      if (IsLowercaseWord(word) && !IsNumberWord(word)) vocab.push_back(std::move(word));
    }
  }
  std::vector<Labeled> out;
  for (size_t s = 0; s < originals.size(); ++s) {
    out.push_back({originals[s], absl::StrCat("short-", s), "original"});
  }
  constexpr size_t kKinds = std::size(kShortKinds) + 1;
  for (size_t v = 0; v < config.short_variants && !originals.empty(); ++v) {
    const size_t s = v % originals.size();
    const Article& original = originals[s];
    const size_t site_index = random.Below(std::size(kSites));
    const Site& site = kSites[site_index];
    const std::string kind =
        v % kKinds < std::size(kShortKinds) ? kShortKinds[v % kKinds] : kShortKindBeyond;
    Article article = original;
    article.id = absl::StrCat("short-", s, "-", kind);
    // A third of the republications say who they are (source and url); a third come from
    // a url whose host does not spell the site's name (a syndication feed); a third say
    // nothing. The rule must not depend on it.
    article.source.clear();
    article.url.clear();
    switch (v / kKinds % 3) {
      case 0:
        article.source = site.name;
        article.url = absl::StrCat("https://", site.host, "/news/", s);
        break;
      case 1:
        article.url = absl::StrCat("https://feed", site_index, ".syndication-hub.net/item/", s);
        break;
      default:
        break;
    }
    const bool chrome = kind != "site_title" && kind != "credit";
    const bool title = kind != "chrome" && kind != "credit";
    const size_t changed = kind == kShortKindBeyond ? 2 : kind == "chrome+title+1word" ? 1 : 0;
    if (kind == "credit") article.body = ToggleCredit(original.body, site, random);
    if (changed > 0) article.body = ChangeWords(original.body, changed, vocab, random);
    std::vector<std::string> lines;
    if (chrome) {
      lines = {ChromeLine(site, random), ChromeLine(site, random)};
      article.body = absl::StrCat(lines[0], "\n\n", article.body, "\n\n", lines[1]);
    }
    if (title) article.title = SiteTitle(original.title, site, random);
    out.push_back({std::move(article), absl::StrCat("short-", s), kind, std::move(lines)});
  }
  // Index in a shuffled order: a republication often arrives before its original.
  for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[random.Below(i)]);
  return out;
}

absl::StatusOr<bool> EvalShortItems(const DedupEvalConfig& config, FILE* out) {
  NEWSGREP_ASSIGN_OR_RETURN(std::vector<Labeled> articles, MakeShortItems(config));
  std::vector<StoredArticle> indexed;
  NEWSGREP_ASSIGN_OR_RETURN(std::vector<std::string> clusters,
                            Cluster(articles, config.work_dir + "/short", &indexed));
  std::fprintf(out, "short items (under %zu words) from %s: %zu articles\n", kShortTextWords,
               config.short_source.c_str(), articles.size());
  std::vector<std::string> truth;
  std::map<std::string, std::string> original_cluster;
  for (size_t i = 0; i < articles.size(); ++i) {
    truth.push_back(articles[i].story);
    if (articles[i].kind == "original") original_cluster[articles[i].story] = clusters[i];
  }
  const PairScore all = ScorePairs(truth, clusters);
  PrintScore(out, "all pairs", all);
  std::map<std::string, std::pair<size_t, size_t>> by_kind;  // kind → (joined, total)
  size_t in_target_joined = 0, in_target_total = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Labeled& labeled = articles[i];
    if (labeled.kind == "original") continue;
    auto& [joined, total] = by_kind[labeled.kind];
    const bool ok = clusters[i] == original_cluster[labeled.story];
    ++total;
    joined += ok;
    if (labeled.kind != kShortKindBeyond) ++in_target_total, in_target_joined += ok;
  }
  std::fprintf(out, "  recall against the original, by kind of republication:\n");
  for (const auto& [kind, counts] : by_kind) {
    std::fprintf(out, "    %-22s %4zu/%-4zu = %.3f%s\n", kind.c_str(), counts.first, counts.second,
                 static_cast<double>(counts.first) / static_cast<double>(counts.second),
                 kind == kShortKindBeyond ? "  (beyond the target)" : "");
  }
  // What the user sees of it: the chrome lines left out of the indexed text, and the site
  // names left out of the indexed titles, of sites that say who they are (source and url)
  // and of sites that do not.
  size_t chrome_lines = 0, chrome_removed = 0;
  // [0] no source, [1] a url that does not spell the name, [2] the site's name and url.
  size_t site_titles[3] = {0, 0, 0}, site_titles_cleaned[3] = {0, 0, 0};
  for (size_t i = 0; i < articles.size(); ++i) {
    const Labeled& labeled = articles[i];
    for (const std::string& line : labeled.chrome) {
      ++chrome_lines;
      chrome_removed += !absl::StrContains(indexed[i].body, line);
    }
    if (labeled.kind == "original") continue;
    for (const Site& site : kSites) {
      if (!absl::StrContains(labeled.article.title, site.name)) continue;
      const size_t known = !labeled.article.source.empty() ? 2 : !labeled.article.url.empty();
      ++site_titles[known];
      site_titles_cleaned[known] += !absl::StrContains(indexed[i].title, site.name);
    }
  }
  std::fprintf(out, "  chrome lines left out of the indexed text: %zu/%zu\n", chrome_removed,
               chrome_lines);
  std::fprintf(out,
               "  site names left out of the indexed titles: %zu/%zu of sites that name "
               "themselves, %zu/%zu known by a url that does not spell the name, %zu/%zu of "
               "unknown source\n",
               site_titles_cleaned[2], site_titles[2], site_titles_cleaned[1], site_titles[1],
               site_titles_cleaned[0], site_titles[0]);
  const double recall = in_target_total == 0 ? 1.0
                                             : static_cast<double>(in_target_joined) /
                                                   static_cast<double>(in_target_total);
  std::fprintf(out,
               "  chrome, site title, credit, up to one word changed: %zu/%zu = %.4f "
               "(target >= %.2f); precision %.4f (target >= %.2f)\n",
               in_target_joined, in_target_total, recall, kTargetRecall, all.precision(),
               kTargetPrecision);
  return recall >= kTargetRecall && all.precision() >= kTargetPrecision;
}

// ---- (e) Reuters-21578's short templated notices: false merges ------------------------

// What a notice is about, for the truth: its title in capitals (the company) and its
// figures (words with digits, number words).
struct Facts {
  std::string title;
  std::vector<std::string> figures;  // sorted
};

Facts NoticeFacts(const Article& article) {
  std::vector<std::string> facts;
  for (std::string& word : Words(absl::StrCat(article.title, " ", article.body))) {
    std::string lower = absl::AsciiStrToLower(word);
    const bool figure =
        std::any_of(word.begin(), word.end(), [](char c) { return absl::ascii_isdigit(c); }) ||
        IsNumberWord(lower);
    if (figure) facts.push_back(std::move(lower));
  }
  std::sort(facts.begin(), facts.end());
  return {absl::AsciiStrToLower(article.title), std::move(facts)};
}

// Two notices are about different companies or figures when their titles differ, or when
// neither's figures are all among the other's (one with a note added is the same notice).
bool DifferentNews(const Facts& a, const Facts& b) {
  if (a.title != b.title) return true;
  return !std::includes(a.figures.begin(), a.figures.end(), b.figures.begin(), b.figures.end()) &&
         !std::includes(b.figures.begin(), b.figures.end(), a.figures.begin(), a.figures.end());
}

const char* NoticeKind(const Article& article) {
  const std::string title = absl::AsciiStrToUpper(article.title);
  if (absl::StrContains(title, "DIV") || absl::StrContains(title, "PAYOUT")) return "dividend";
  if (absl::StrContains(title, " NET") || absl::StrContains(title, " LOSS") ||
      absl::StrContains(title, " QTR") || absl::StrContains(title, "EARN")) {
    return "earnings";
  }
  return "other";
}

absl::StatusOr<bool> EvalTemplatedNotices(const DedupEvalConfig& config, FILE* out) {
  std::vector<Article> pool;
  NEWSGREP_RETURN_IF_ERROR(ReadAll(config.reuters, pool));
  std::vector<Labeled> notices;
  for (Article& article : pool) {
    if (WordCount(article.body) < 5 || !IsShortItem(article) || article.title.empty()) continue;
    notices.push_back({std::move(article), "", "notice"});
  }
  NEWSGREP_ASSIGN_OR_RETURN(std::vector<std::string> clusters,
                            Cluster(notices, config.work_dir + "/notices"));
  std::map<std::string, std::vector<size_t>> members;
  for (size_t i = 0; i < notices.size(); ++i) members[clusters[i]].push_back(i);
  std::map<std::string, std::pair<size_t, size_t>> by_kind;  // kind → (merged, false)
  std::map<std::string, size_t> notices_of_kind;
  for (const Labeled& notice : notices) ++notices_of_kind[NoticeKind(notice.article)];
  size_t merged = 0, false_merges = 0, shown = 0;
  std::fprintf(out, "reuters-21578 short notices (under %zu words): %zu\n", kShortTextWords,
               notices.size());
  for (const auto& [cluster, indexes] : members) {
    for (size_t x = 0; x < indexes.size(); ++x) {
      for (size_t y = x + 1; y < indexes.size(); ++y) {
        const Article& a = notices[indexes[x]].article;
        const Article& b = notices[indexes[y]].article;
        const bool wrong = DifferentNews(NoticeFacts(a), NoticeFacts(b));
        auto& [kind_merged, kind_false] = by_kind[NoticeKind(a)];
        ++merged, ++kind_merged;
        false_merges += wrong, kind_false += wrong;
        if (wrong && shown++ < 5) {
          std::fprintf(out, "  FALSE MERGE: %s (%s) ~ %s (%s)\n", a.id.c_str(), a.title.c_str(),
                       b.id.c_str(), b.title.c_str());
        }
      }
    }
  }
  for (const auto& [kind, count] : notices_of_kind) {
    const auto [kind_merged, kind_false] = by_kind[kind];
    std::fprintf(out,
                 "  %-9s %5zu notices: %zu pairs merged, %zu about different companies or "
                 "figures: P=%.4f\n",
                 kind.c_str(), count, kind_merged, kind_false,
                 kind_merged == 0 ? 1.0 : 1.0 - static_cast<double>(kind_false) / kind_merged);
  }
  const double precision =
      merged == 0 ? 1.0 : 1.0 - static_cast<double>(false_merges) / static_cast<double>(merged);
  std::fprintf(out, "  all: %zu pairs merged, %zu false: P=%.4f (target >= %.2f)\n", merged,
               false_merges, precision, kTargetPrecision);
  return precision >= kTargetPrecision;
}

}  // namespace

bool IsDedupEvalSet(absl::string_view name) {
  return std::find(std::begin(kDedupEvalSets), std::end(kDedupEvalSets), name) !=
         std::end(kDedupEvalSets);
}

int RunDedupEval(const DedupEvalConfig& input, FILE* out) {
  DedupEvalConfig config = input;
  if (config.work_dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "newsgrep-eval-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::fprintf(stderr, "newsgrep: cannot create a temporary directory\n");
      return 2;
    }
    config.work_dir = pattern;
  }
  bool all_met = true;
  bool any_error = false;
  auto report = [&](const char* name, const absl::StatusOr<bool>& met) {
    if (!met.ok()) {
      std::fprintf(stderr, "newsgrep: eval dedup %s: %s\n", name,
                   std::string(met.status().message()).c_str());
      any_error = true;
      return;
    }
    std::fprintf(out, "  => %s\n\n", *met ? "target met" : "TARGET MISSED");
    all_met &= *met;
  };
  // Whether set `set` is to run (--sets) and its corpus at `path` is there.
  auto present = [out, &config](const char* set, const std::string& path, const char* what) {
    if (!config.sets.empty() &&
        std::find(config.sets.begin(), config.sets.end(), set) == config.sets.end()) {
      return false;
    }
    if (!path.empty() && fs::exists(path)) return true;
    if (path.empty()) {
      std::fprintf(out, "%s: skipped (no --corpus-dir given)\n\n", what);
    } else {
      std::fprintf(out, "%s: skipped (%s not found)\n\n", what, path.c_str());
    }
    return false;
  };
  if (present("seeds", config.seeds_dir, "seeds")) {
    auto seeds = LoadSeeds(config.seeds_dir);
    report("seeds", seeds.ok() ? EvalLabeledSet("seeds", *std::move(seeds), config.work_dir, out)
                               : absl::StatusOr<bool>(seeds.status()));
  }
  if (present("sample", config.sample_dir, "sample corpus")) {
    auto sample = LoadSample(config.sample_dir);
    report("sample", sample.ok()
                         ? EvalLabeledSet("sample", *std::move(sample), config.work_dir, out)
                         : absl::StatusOr<bool>(sample.status()));
  }
  if (present("perturbations", config.perturb_source, "perturbations")) {
    report("perturbations", EvalPerturbations(config, out));
  }
  if (present("short", config.short_source, "short items")) {
    report("short items", EvalShortItems(config, out));
  }
  if (present("notices", config.reuters, "reuters-21578 short notices")) {
    report("short notices", EvalTemplatedNotices(config, out));
  }
  if (present("reuters", config.reuters, "reuters-21578"))
    report("reuters", EvalReuters(config, out));
  if (input.work_dir.empty()) fs::remove_all(config.work_dir);
  if (any_error) return 2;
  return all_met ? 0 : 1;
}

}  // namespace newsgrep::cli
