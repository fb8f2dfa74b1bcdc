// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_ner.cc
/// @brief Person and place recognition measured on CoNLL-2003.
#include "eval_ner.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "entities_as_indexed.h"
#include "newsgrep/entities.h"
#include "newsgrep/input_file.h"

namespace newsgrep::cli {
namespace {

struct Document {
  std::string text;
  std::vector<std::pair<size_t, size_t>> tokens;  // byte spans in text
  std::vector<std::string> tags;                  // NE tag per token (IOB1)
  std::vector<size_t> sentence;                   // sentence number per token
};

std::vector<Document> ParseConll(const std::string& data) {
  std::vector<Document> docs;
  Document doc;
  bool sentence_open = false;
  size_t sentences = 0;
  auto finish_doc = [&] {
    if (!doc.tokens.empty()) docs.push_back(std::move(doc));
    doc = Document();
    sentence_open = false;
  };
  for (absl::string_view line : absl::StrSplit(data, '\n')) {
    line = absl::StripTrailingAsciiWhitespace(line);
    if (absl::StartsWith(line, "-DOCSTART-")) {
      finish_doc();
      continue;
    }
    if (line.empty()) {
      sentence_open = false;
      continue;
    }
    std::vector<absl::string_view> fields = absl::StrSplit(line, ' ');
    if (fields.size() < 2) continue;
    if (!doc.text.empty()) doc.text += sentence_open ? " " : "\n\n";
    const size_t begin = doc.text.size();
    doc.text.append(fields.front().data(), fields.front().size());
    if (!sentence_open) ++sentences;
    sentence_open = true;
    doc.tokens.emplace_back(begin, doc.text.size());
    doc.tags.emplace_back(fields.back());
    doc.sentence.push_back(sentences);
  }
  finish_doc();
  return docs;
}

// The paragraphs of a cleaned body in the body as read, when cleaning only dropped whole
// paragraphs: spans found in the cleaned body are mapped back to the tokens read.
class ParagraphMap {
 public:
  static std::optional<ParagraphMap> Of(absl::string_view original, absl::string_view cleaned) {
    ParagraphMap map;
    const std::vector<absl::string_view> read = absl::StrSplit(original, "\n\n");
    size_t r = 0;
    size_t cleaned_at = 0;
    for (absl::string_view paragraph : absl::StrSplit(cleaned, "\n\n")) {
      while (r < read.size() && read[r] != paragraph) ++r;
      if (r == read.size()) return std::nullopt;
      map.starts_.emplace_back(cleaned_at, static_cast<size_t>(read[r].data() - original.data()));
      cleaned_at += paragraph.size() + 2;
      ++r;
    }
    return map;
  }
  void ToOriginal(ArticleEntities& found) const {
    auto shift = [this](TextSpan& span) {
      if (span.field != TextSpan::Field::kBody) return;
      auto it = std::upper_bound(starts_.begin(), starts_.end(),
                                 std::make_pair(span.begin, std::numeric_limits<size_t>::max()));
      const size_t delta = std::prev(it)->second - std::prev(it)->first;
      span.begin += delta;
      span.end += delta;
    };
    for (Person& p : found.people) std::for_each(p.mentions.begin(), p.mentions.end(), shift);
    for (Location& l : found.locations) {
      std::for_each(l.mentions.begin(), l.mentions.end(), shift);
    }
  }

 private:
  std::vector<std::pair<size_t, size_t>> starts_;  // (offset in cleaned, offset as read)
};

using Mention = std::tuple<std::string, size_t, size_t>;  // type, first token, last token

// IOB1 (and IOB2) tags → mentions of PER and LOC.
std::set<Mention> GoldMentions(const Document& doc) {
  std::set<Mention> gold;
  size_t i = 0;
  while (i < doc.tags.size()) {
    const std::string& tag = doc.tags[i];
    if (tag.size() < 3 || tag == "O") {
      ++i;
      continue;
    }
    const std::string type = tag.substr(2);
    size_t j = i + 1;
    while (j < doc.tags.size() && doc.tags[j] == "I-" + type &&
           doc.sentence[j] == doc.sentence[i]) {
      ++j;
    }
    if (type == "PER" || type == "LOC") gold.emplace(type, i, j);
    i = j;
  }
  return gold;
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : static_cast<double>(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : static_cast<double>(tp) / (tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

}  // namespace

int RunNerEval(const NerEvalConfig& config, FILE* out) {
  const absl::StatusOr<std::string> data = ReadInputFile(config.conll_path);
  if (!data.ok()) {
    std::fprintf(stderr, "newsgrep: cannot read %s: %s\n", config.conll_path.c_str(),
                 std::string(data.status().message()).c_str());
    return 2;
  }
  const std::vector<Document> docs = ParseConll(*data);
  if (docs.empty()) {
    std::fprintf(stderr, "newsgrep: %s holds no CoNLL documents\n", config.conll_path.c_str());
    return 2;
  }
  absl::StatusOr<std::shared_ptr<const EntityResources>> resources = EntityResources::Load();
  if (!resources.ok()) {
    std::fprintf(stderr, "newsgrep: %s\n", std::string(resources.status().message()).c_str());
    return 2;
  }
  for (const std::string& warning : (*resources)->warnings()) {
    std::fprintf(stderr, "newsgrep: warning: %s\n", warning.c_str());
  }
  const auto start = std::chrono::steady_clock::now();
  // Entities as the indexer finds them (entities_as_indexed.h); spans found in a cleaned
  // body are mapped back to the text read when cleaning dropped whole paragraphs only.
  std::vector<ArticleEntities> entities;
  entities.reserve(docs.size());
  size_t cleaned = 0, cleaned_as_read = 0;
  EntitiesAsIndexed as_indexed(
      **resources, [&](Article&& article, std::string&& original, ArticleEntities&& found) {
        if (!original.empty()) {
          ++cleaned;
          const std::optional<ParagraphMap> map = ParagraphMap::Of(original, article.body);
          if (map) {
            map->ToOriginal(found);
          } else {
            // Edited inside a paragraph: measured on the text as read.
            ++cleaned_as_read;
            article.body = std::move(original);
            found = ExtractEntities(article, **resources);
          }
        }
        entities.push_back(std::move(found));
      });
  for (const Document& doc : docs) {
    Article article;
    article.id = "conll";
    article.body = doc.text;
    as_indexed.Add(std::move(article));
  }
  as_indexed.Finish();
  std::map<std::string, Counts> counts = {{"PER", {}}, {"LOC", {}}};
  std::map<std::string, std::vector<std::string>> false_positives, misses;
  size_t tokens = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    tokens += doc.tokens.size();
    const ArticleEntities& found = entities[d];
    // Byte offsets → token indexes.
    std::map<size_t, size_t> by_begin, by_end;
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      by_begin[doc.tokens[t].first] = t;
      by_end[doc.tokens[t].second] = t + 1;
    }
    std::set<Mention> predicted;
    size_t unaligned = 0;
    auto add = [&](const std::string& type, const TextSpan& span) {
      if (span.field != TextSpan::Field::kBody) return;
      auto b = by_begin.find(span.begin);
      auto e = by_end.find(span.end);
      if (b == by_begin.end() || e == by_end.end()) {
        ++unaligned;
        ++counts[type].fp;
        if (false_positives[type].size() < config.show_errors) {
          false_positives[type].push_back(doc.text.substr(span.begin, span.end - span.begin) +
                                          "  (not on token boundaries)");
        }
        return;
      }
      predicted.emplace(type, b->second, e->second);
    };
    for (const Person& p : found.people) {
      for (const TextSpan& span : p.mentions) add("PER", span);
    }
    for (const Location& l : found.locations) {
      for (const TextSpan& span : l.mentions) add("LOC", span);
    }
    const std::set<Mention> gold = GoldMentions(doc);
    auto context = [&doc](size_t first, size_t last) {
      const size_t from = first >= 4 ? first - 4 : 0;
      const size_t to = std::min(doc.tokens.size(), last + 4);
      std::string shown;
      for (size_t t = from; t < to; ++t) {
        if (t == first) shown += "[";
        shown += doc.text.substr(doc.tokens[t].first, doc.tokens[t].second - doc.tokens[t].first);
        if (t + 1 == last) shown += "]";
        shown += " ";
      }
      return shown;
    };
    for (const Mention& m : predicted) {
      const std::string& type = std::get<0>(m);
      if (gold.count(m) > 0) {
        ++counts[type].tp;
      } else {
        ++counts[type].fp;
        if (false_positives[type].size() < config.show_errors) {
          std::string gold_type = "O";
          for (size_t t = std::get<1>(m); t < std::get<2>(m); ++t) {
            if (doc.tags[t] != "O") gold_type = doc.tags[t];
          }
          false_positives[type].push_back(context(std::get<1>(m), std::get<2>(m)) + " gold " +
                                          gold_type);
        }
      }
    }
    for (const Mention& m : gold) {
      if (predicted.count(m) == 0) {
        const std::string& type = std::get<0>(m);
        ++counts[type].fn;
        if (misses[type].size() < config.show_errors) {
          misses[type].push_back(context(std::get<1>(m), std::get<2>(m)));
        }
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  bool met = true;
  for (const char* type : {"PER", "LOC"}) {
    const Counts& c = counts[type];
    std::fprintf(out, "%s  P=%.3f R=%.3f F1=%.3f  (tp=%zu fp=%zu fn=%zu)\n", type, c.Precision(),
                 c.Recall(), c.F1(), c.tp, c.fp, c.fn);
    met = met && c.Precision() >= 0.92 && c.F1() >= 0.90;
  }
  std::fprintf(out,
               "# %zu documents, %zu tokens, exact span match, as indexed: statistics over "
               "blocks of %zu articles, %zu documents cleaned (%zu of them measured as read), "
               "%.2f s (%.0f tokens/s)\n",
               docs.size(), tokens, CorpusBlock::kMaxArticles, cleaned, cleaned_as_read, seconds,
               tokens / std::max(seconds, 1e-9));
  for (const char* type : {"PER", "LOC"}) {
    for (const std::string& e : false_positives[type]) {
      std::fprintf(out, "# %s false positive: %s\n", type, e.c_str());
    }
    for (const std::string& e : misses[type])
      std::fprintf(out, "# %s missed: %s\n", type, e.c_str());
  }
  return met ? 0 : 1;
}

}  // namespace newsgrep::cli
