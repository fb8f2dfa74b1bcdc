// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_quotes.cc
/// @brief Quotations and their speakers measured as indexed (eval_quotes.h).
#include "eval_quotes.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "entities_as_indexed.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/entities.h"
#include "newsgrep/input_file.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/name_folding.h"

namespace newsgrep::cli {
namespace {

struct Extracted {
  Article article;  // cleaned, as indexed
  ArticleEntities entities;
};

// Every article under `path` with its entities, as the indexer finds them.
absl::StatusOr<std::vector<Extracted>> ReadAsIndexed(const std::string& path,
                                                     const EntityResources& resources) {
  std::vector<Extracted> out;
  EntitiesAsIndexed as_indexed(resources,
                               [&out](Article&& article, std::string&&, ArticleEntities&& found) {
                                 out.push_back({std::move(article), std::move(found)});
                               });
  ReadCallbacks callbacks;
  callbacks.on_article = [&as_indexed](Article&& article) {
    as_indexed.Add(std::move(article));
    return absl::OkStatus();
  };
  callbacks.on_problem = [](const InputProblem&) {};
  NEWSGREP_RETURN_IF_ERROR(ReadArticles(path, callbacks));
  as_indexed.Finish();
  return out;
}

// The first `n` white-space separated words of `text`, joined by single spaces.
std::string FirstWords(absl::string_view text, size_t n) {
  std::vector<absl::string_view> words =
      absl::StrSplit(text, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty());
  if (words.size() > n) words.resize(n);
  return absl::StrJoin(words, " ");
}

bool SameSpeaker(absl::string_view found, absl::string_view label) {
  return FoldName(found) == FoldName(label);
}

// Lines of a TSV file without its header, split into fields.
absl::StatusOr<std::vector<std::vector<std::string>>> ReadTsv(const std::string& path) {
  absl::StatusOr<std::string> read = ReadInputFile(path);
  if (!read.ok()) {
    return absl::Status(read.status().code(),
                        absl::StrCat("cannot read ", path, ": ", read.status().message()));
  }
  const std::string& text = *read;
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripSuffix(line, "\r");
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    rows.push_back(absl::StrSplit(line, '\t'));
  }
  return rows;
}

// What one set measured.
struct Tally {
  size_t labelled = 0;    // quotations labelled
  size_t found = 0;       // of those, found as quotations
  size_t right = 0;       // of those, with the right speaker (or rightly none)
  size_t attributed = 0;  // found quotations given a speaker
  size_t attributed_right = 0;
  size_t extra = 0;  // quotations found that are none (unlabelled, or labelled "-")
  std::vector<std::string> errors;
};

void Print(FILE* out, const char* set, const Tally& t, size_t show_errors) {
  std::fprintf(out,
               "%-8s quotations found %zu/%zu, speaker right %zu/%zu (%.3f), speakers given "
               "right %zu/%zu (precision %.3f), false quotations %zu\n",
               set, t.found, t.labelled, t.right, t.labelled,
               t.labelled == 0 ? 0.0 : static_cast<double>(t.right) / t.labelled,
               t.attributed_right, t.attributed,
               t.attributed == 0 ? 0.0 : static_cast<double>(t.attributed_right) / t.attributed,
               t.extra);
  for (size_t i = 0; i < t.errors.size() && i < show_errors; ++i) {
    std::fprintf(out, "# %s: %s\n", set, t.errors[i].c_str());
  }
}

// Scores a found quotation against its label.
void Score(const Quote& quote, const std::string& label, const std::string& where, Tally& t) {
  ++t.found;
  const bool right = quote.speaker.empty() ? label.empty() : SameSpeaker(quote.speaker, label);
  if (right) ++t.right;
  if (!quote.speaker.empty()) {
    ++t.attributed;
    if (right) ++t.attributed_right;
  }
  if (!right) {
    t.errors.push_back(
        absl::StrCat(where, ": speaker \"", quote.speaker, "\", labelled \"", label, "\""));
  }
}

// sample: quotes.tsv rows (path, speaker, first five words).
absl::StatusOr<Tally> SampleSet(const QuotesEvalConfig& config, const EntityResources& resources) {
  NEWSGREP_ASSIGN_OR_RETURN(const auto rows, ReadTsv(config.sample_dir + "/quotes.tsv"));
  NEWSGREP_ASSIGN_OR_RETURN(std::vector<Extracted> articles,
                            ReadAsIndexed(config.sample_dir + "/articles", resources));
  Tally t;
  // Labels per article, in order.
  std::map<const Extracted*, std::vector<bool>> used;
  auto find_article = [&articles](const std::string& path) -> Extracted* {
    const std::vector<std::string> parts = absl::StrSplit(path, '#');
    for (Extracted& e : articles) {
      if (!absl::EndsWith(e.article.file, "/" + parts[0])) continue;
      if (parts.size() > 1 && e.article.id != parts[1]) continue;
      return &e;
    }
    return nullptr;
  };
  for (const std::vector<std::string>& row : rows) {
    if (row.size() < 3) continue;
    ++t.labelled;
    Extracted* article = find_article(row[0]);
    if (article == nullptr) {
      t.errors.push_back(absl::StrCat(row[0], ": no such article"));
      continue;
    }
    std::vector<bool>& taken = used[article];
    taken.resize(article->entities.quotes.size());
    const std::string start = FirstWords(row[2], 5);
    bool matched = false;
    for (size_t q = 0; q < article->entities.quotes.size() && !matched; ++q) {
      if (taken[q] || FirstWords(article->entities.quotes[q].text, 5) != start) continue;
      taken[q] = true;
      matched = true;
      Score(article->entities.quotes[q], row[1], absl::StrCat(row[0], " \"", start, "\""), t);
    }
    if (!matched) t.errors.push_back(absl::StrCat(row[0], " \"", start, "\": not found"));
  }
  for (const auto& [article, taken] : used) {
    for (size_t q = 0; q < taken.size(); ++q) {
      if (taken[q]) continue;
      ++t.extra;
      t.errors.push_back(absl::StrCat(article->article.id, " \"",
                                      FirstWords(article->entities.quotes[q].text, 5),
                                      "\": not a labelled quotation"));
    }
  }
  return t;
}

// Labels by (article id, offset): seeds and reuters.
absl::StatusOr<Tally> LabelledSet(const std::vector<Extracted>& articles,
                                  const std::string& labels_path, bool every_quote_labelled) {
  NEWSGREP_ASSIGN_OR_RETURN(const auto rows, ReadTsv(labels_path));
  std::map<std::string, const Extracted*> by_id;
  for (const Extracted& e : articles) {
    by_id[e.article.id] = &e;
    by_id[std::filesystem::path(e.article.file).filename().string()] = &e;
  }
  Tally t;
  std::map<std::pair<const Extracted*, size_t>, bool> seen;
  for (const std::vector<std::string>& row : rows) {
    size_t offset = 0;
    if (row.size() < 3 || !absl::SimpleAtoi(row[1], &offset)) {
      return absl::InvalidArgumentError(absl::StrCat(
          labels_path, ": a row needs id, offset and speaker: ", absl::StrJoin(row, "\t")));
    }
    const std::string where = absl::StrCat(row[0], "@", row[1]);
    auto article = by_id.find(row[0]);
    const Quote* quote = nullptr;
    if (article != by_id.end()) {
      for (const Quote& q : article->second->entities.quotes) {
        if (q.span.begin == offset) quote = &q;
      }
    }
    if (row[2] == "-") {  // found, but no quotation
      if (quote != nullptr) ++t.extra;
      if (quote != nullptr) seen[{article->second, offset}] = true;
      continue;
    }
    ++t.labelled;
    if (quote == nullptr) {
      t.errors.push_back(absl::StrCat(where, ": not found"));
      continue;
    }
    seen[{article->second, offset}] = true;
    Score(*quote, row[2], where, t);
  }
  if (every_quote_labelled) {
    for (const Extracted& e : articles) {
      for (const Quote& q : e.entities.quotes) {
        if (seen.contains({&e, q.span.begin})) continue;
        ++t.extra;
        t.errors.push_back(absl::StrCat(e.article.id, "@", q.span.begin, ": not labelled"));
      }
    }
  }
  return t;
}

// The quotations of `articles` drawn for the Reuters set: kReutersQuotesDrawn of them,
// evenly spaced over all, in input order.
std::vector<std::pair<const Extracted*, const Quote*>> Drawn(const std::vector<Extracted>& articles,
                                                             size_t count) {
  std::vector<std::pair<const Extracted*, const Quote*>> all;
  for (const Extracted& e : articles) {
    for (const Quote& q : e.entities.quotes) all.emplace_back(&e, &q);
  }
  std::vector<std::pair<const Extracted*, const Quote*>> drawn;
  if (all.empty() || count == 0) return drawn;
  const double step = static_cast<double>(all.size()) / count;
  for (size_t i = 0; i < count && i < all.size(); ++i) {
    drawn.push_back(all[static_cast<size_t>(step * i + step / 2)]);
  }
  return drawn;
}

}  // namespace

int RunQuotesEval(const QuotesEvalConfig& config, FILE* out) {
  absl::StatusOr<std::shared_ptr<const EntityResources>> resources = EntityResources::Load();
  if (!resources.ok()) {
    std::fprintf(stderr, "newsgrep: %s\n", std::string(resources.status().message()).c_str());
    return 2;
  }
  const std::string reuters = config.corpus_dir + "/reuters21578.jsonl.gz";
  if (config.draw > 0) {
    absl::StatusOr<std::vector<Extracted>> articles = ReadAsIndexed(reuters, **resources);
    if (!articles.ok()) {
      std::fprintf(stderr, "newsgrep: %s\n", std::string(articles.status().message()).c_str());
      return 2;
    }
    for (const auto& [article, quote] : Drawn(*articles, config.draw)) {
      const std::string& body = article->article.body;
      const size_t from = quote->span.begin > 700 ? quote->span.begin - 700 : 0;
      const size_t to = std::min(body.size(), quote->span.end + 200);
      std::fprintf(out, "=== %s\t%zu\n%s[[%s]]%s\n", article->article.id.c_str(), quote->span.begin,
                   body.substr(from, quote->span.begin - from).c_str(),
                   body.substr(quote->span.begin, quote->span.end - quote->span.begin).c_str(),
                   body.substr(quote->span.end, to - quote->span.end).c_str());
    }
    return 0;
  }
  bool met = true;
  auto fail = [](const absl::Status& status) {
    std::fprintf(stderr, "newsgrep: %s\n", std::string(status.message()).c_str());
    return 2;
  };
  if (std::filesystem::exists(config.sample_dir + "/quotes.tsv")) {
    absl::StatusOr<Tally> t = SampleSet(config, **resources);
    if (!t.ok()) return fail(t.status());
    Print(out, "sample", *t, config.show_errors);
    met = met && t->right == t->labelled && t->extra == 0;
  } else {
    std::fprintf(out, "sample   skipped: no %s/quotes.tsv\n", config.sample_dir.c_str());
  }
  const std::string seeds = config.corpus_dir + "/seeds";
  if (!config.corpus_dir.empty() && std::filesystem::is_directory(seeds)) {
    absl::StatusOr<std::vector<Extracted>> articles = ReadAsIndexed(seeds, **resources);
    if (!articles.ok()) return fail(articles.status());
    absl::StatusOr<Tally> t = LabelledSet(*articles, config.labels_dir + "/quotes-seeds.tsv",
                                          /*every_quote_labelled=*/true);
    if (!t.ok()) return fail(t.status());
    Print(out, "seeds", *t, config.show_errors);
    met = met && t->right == t->labelled && t->extra == 0;
  } else {
    std::fprintf(out, "seeds    skipped: no seeds/ (give --corpus-dir ../shared/corpus)\n");
  }
  if (!config.corpus_dir.empty() && std::filesystem::exists(reuters)) {
    absl::StatusOr<std::vector<Extracted>> articles = ReadAsIndexed(reuters, **resources);
    if (!articles.ok()) return fail(articles.status());
    absl::StatusOr<Tally> t = LabelledSet(*articles, config.labels_dir + "/quotes-reuters.tsv",
                                          /*every_quote_labelled=*/false);
    if (!t.ok()) return fail(t.status());
    size_t quotes = 0;
    for (const Extracted& e : *articles) quotes += e.entities.quotes.size();
    Print(out, "reuters", *t, config.show_errors);
    std::fprintf(out, "# reuters: %zu quotations drawn evenly from the %zu found in %zu articles\n",
                 kReutersQuotesDrawn, quotes, articles->size());
  } else {
    std::fprintf(out, "reuters  skipped: no reuters21578.jsonl.gz (give --corpus-dir)\n");
  }
  return met ? 0 : 1;
}

}  // namespace newsgrep::cli
