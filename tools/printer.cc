// SPDX-License-Identifier: GPL-2.0-or-later
/// @file printer.cc
/// @brief Text, JSON Lines, ids-only and count-only printers.
#include "printer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/schema.h"

namespace newsgrep::cli {
namespace {

constexpr char kBold[] = "\x1b[1m";
constexpr char kDim[] = "\x1b[2m";
constexpr char kMatch[] = "\x1b[1;31m";
constexpr char kReset[] = "\x1b[0m";
constexpr char kQuote[] = "\x1b[36m";   // cyan: quoted words in a whole article
constexpr char kPerson[] = "\x1b[33m";  // yellow: a person named in it
constexpr char kPlace[] = "\x1b[32m";   // green: a place named in it

void Write(FILE* out, absl::string_view text) { std::fwrite(text.data(), 1, text.size(), out); }

// "2025-08-20T14:05:00Z" → "2025-08-20 14:05 UTC"
std::string DisplayDate(absl::string_view iso) {
  if (iso.size() < 16) return std::string(iso);
  return absl::StrCat(iso.substr(0, 10), " ", iso.substr(11, 5), " UTC");
}

// Columns `text` takes in a terminal: one per UTF-8 character (names are mostly Latin).
size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

class TextPrinter : public ResultPrinter {
 public:
  TextPrinter(bool color, size_t width, FILE* out) : color_(color), width_(width), out_(out) {}

  void PrintHit(const Hit& hit) override {
    const StoredArticle& a = hit.article;
    std::string text;
    // A blank line between hits; none before the first, whatever its rank (--offset).
    if (printed_any_) text += "\n";
    printed_any_ = true;
    absl::StrAppend(&text, Style(kBold), hit.rank, ". ", a.title.empty() ? "(untitled)" : a.title,
                    Style(kReset));
    if (hit.similar_count > 0) {
      absl::StrAppend(&text, " ", Style(kDim), "(+", hit.similar_count, " similar)", Style(kReset));
    }
    text += "\n";
    std::string meta;
    const std::string by =
        a.authors.empty() ? std::string() : absl::StrCat("by ", absl::StrJoin(a.authors, ", "));
    for (const std::string& part :
         {a.date.empty() ? std::string() : DisplayDate(a.date), a.source, by, a.id}) {
      if (part.empty()) continue;
      if (!meta.empty()) meta += " · ";
      meta += part;
    }
    absl::StrAppend(&text, "   ", Style(kDim), meta, Style(kReset), "\n");
    if (!hit.snippet.empty()) {
      std::string snippet;
      size_t at = 0;
      for (const Highlight& h : hit.highlights) {
        absl::StrAppend(&snippet, hit.snippet.substr(at, h.begin - at), Style(kMatch),
                        hit.snippet.substr(h.begin, h.end - h.begin), Style(kReset));
        at = h.end;
      }
      snippet += hit.snippet.substr(at);
      absl::StrAppend(&text, "   ", snippet, "\n");
    }
    Write(out_, text);
  }

  // The facets and the timeline, after the hits.
  void PrintSummary(absl::string_view, const SearchResults& results,
                    const SearchOptions& options) override {
    const absl::string_view counted = options.collapse ? "stories" : "articles";
    std::string text;
    for (const FacetCounts& facet : results.facets) {
      if (printed_any_) text += "\n";
      printed_any_ = true;
      absl::StrAppend(&text, Style(kBold), schema::InfoOf(facet.facet).title, Style(kReset),
                      Style(kDim), " (", counted, "; ", facet.values.size(), " of ", facet.distinct,
                      ")", Style(kReset), "\n");
      if (facet.values.empty()) absl::StrAppend(&text, "   (none)\n");
      size_t name_width = 0;
      for (const FacetValue& value : facet.values) {
        name_width = std::max(name_width, DisplayWidth(value.name));
      }
      for (const FacetValue& value : facet.values) {
        absl::StrAppend(&text, absl::StrFormat("%6d  ", value.count), value.name,
                        std::string(name_width - DisplayWidth(value.name) + 2, ' '), Style(kDim),
                        value.query, Style(kReset), "\n");
      }
    }
    if (results.timeline) {
      const Timeline& timeline = *results.timeline;
      if (printed_any_) text += "\n";
      printed_any_ = true;
      size_t dated = 0, most = 0, label_width = 0;
      for (const Timeline::Bucket& bucket : timeline.buckets) {
        dated += bucket.count;
        most = std::max(most, bucket.count);
        label_width = std::max(label_width, bucket.label.size());
      }
      absl::StrAppend(&text, Style(kBold), "Matching ", counted, " by ",
                      TimelineUnitName(timeline.unit), Style(kReset), Style(kDim), " (", dated,
                      " dated",
                      timeline.undated > 0 ? absl::StrCat(", ", timeline.undated, " undated") : "",
                      ")", Style(kReset), "\n");
      // The bars fill what the label and the count leave of the line.
      const size_t count_width = std::to_string(most).size();
      const size_t fixed = label_width + 2 + 1 + count_width;
      const size_t room = width_ > fixed + 10 ? width_ - fixed : 10;
      for (const Timeline::Bucket& bucket : timeline.buckets) {
        size_t bar = most == 0 ? 0 : (bucket.count * room + most - 1) / most;
        std::string bars;
        for (size_t i = 0; i < bar; ++i) bars += "\u2588";
        absl::StrAppend(&text, bucket.label,
                        std::string(label_width - bucket.label.size() + 2, ' '), bars,
                        bar > 0 ? " " : "", bucket.count, "\n");
      }
    }
    Write(out_, text);
  }

  void PrintQuotes(absl::string_view, const QuoteResults& results, const SearchOptions&) override {
    std::string text;
    const std::string* speaker = nullptr;
    for (const QuoteHit& q : results.quotes) {
      if (speaker == nullptr || *speaker != q.speaker_key) {
        if (speaker != nullptr) text += "\n";
        speaker = &q.speaker_key;
        absl::StrAppend(&text, Style(kBold), q.speaker.empty() ? "(unattributed)" : q.speaker,
                        Style(kReset), "\n");
      }
      absl::StrAppend(&text, "   ", Style(kQuote), "\u201c", q.text, "\u201d", Style(kReset), "\n");
      std::string meta = q.date.empty() ? "(no date)" : DisplayDate(q.date);
      for (const std::string& part : {q.source, q.article_id}) {
        if (!part.empty()) absl::StrAppend(&meta, " · ", part);
      }
      if (q.versions > 1) absl::StrAppend(&meta, " (+", q.versions - 1, " more)");
      absl::StrAppend(&text, "      ", Style(kDim), meta, Style(kReset), "\n");
    }
    if (results.articles_capped) {
      absl::StrAppend(&text, "\n", Style(kDim), "(quotes of the ", results.articles_read,
                      " best-ranked matching articles)", Style(kReset), "\n");
    }
    Write(out_, text);
  }

  void PrintVersions(const StoredArticle& article,
                     const std::vector<StoryVersion>& versions) override {
    const size_t words = CountWords(article.body);
    std::string text =
        absl::StrCat(Style(kBold), article.title, Style(kReset), "\n   ", article.id, " · ", words,
                     " words · ", versions.size(), " other version(s)\n");
    for (const StoryVersion& version : versions) {
      const StoredArticle& a = version.record.article;
      const size_t version_words = CountWords(a.body);
      std::string how =
          version.similarity.jaccard >= 0.999
              ? "same text"
              : absl::StrFormat("%.0f%% of text shared", 100 * version.similarity.jaccard);
      if (a.title != article.title) absl::StrAppend(&how, ", other title");
      absl::StrAppend(
          &text, "\n", a.title, "\n   ", a.date.empty() ? "(no date)" : DisplayDate(a.date), " · ",
          a.source.empty() ? "(no source)" : a.source, " · ", a.id, " · ", version_words,
          " words (",
          absl::StrFormat("%+d", static_cast<long>(version_words) - static_cast<long>(words)),
          ") · ", how, "\n");
    }
    Write(out_, text);
  }

  void PrintArticle(const ArticleRecord& record,
                    const std::vector<std::string>& other_versions) override {
    const StoredArticle& a = record.article;
    std::string text = printed_any_ ? "\n" : "";
    printed_any_ = true;
    absl::StrAppend(&text, Style(kBold), a.title, Style(kReset), "\n   ",
                    a.date.empty() ? "(no date)" : DisplayDate(a.date), " · ",
                    a.source.empty() ? "(no source)" : a.source, " · ", a.id, "\n");
    if (!a.url.empty()) absl::StrAppend(&text, "   ", a.url, "\n");
    if (!a.authors.empty()) absl::StrAppend(&text, "   By ", absl::StrJoin(a.authors, ", "), "\n");
    if (!a.dateline.empty()) absl::StrAppend(&text, "   Dateline: ", a.dateline, "\n");
    // On a terminal the quotes, people and places stand out in the text (a name inside a
    // quote in its own colour).
    absl::StrAppend(&text, "\n");
    if (!color_) {
      absl::StrAppend(&text, a.body, "\n");
    } else {
      std::vector<const char*> style(a.body.size(), nullptr);
      for (const StoredQuote& q : a.quotes) {
        if (q.end <= q.begin || q.end > a.body.size()) continue;
        std::fill(style.begin() + static_cast<long>(q.begin),
                  style.begin() + static_cast<long>(q.end), kQuote);
      }
      for (const NameMention& m : NameMentions(a)) {
        std::fill(style.begin() + static_cast<long>(m.begin),
                  style.begin() + static_cast<long>(m.end),
                  m.kind == EntityKind::kPerson ? kPerson : kPlace);
      }
      const char* current = nullptr;
      for (size_t i = 0; i < a.body.size(); ++i) {
        if (style[i] != current) {
          if (current != nullptr) text += kReset;
          if (style[i] != nullptr) text += style[i];
          current = style[i];
        }
        text += a.body[i];
      }
      if (current != nullptr) text += kReset;
      text += "\n";
    }
    auto list = [&text](absl::string_view label, const std::vector<std::string>& items) {
      if (!items.empty())
        absl::StrAppend(&text, "\n", label, ": ", absl::StrJoin(items, "; "), "\n");
    };
    std::vector<std::string> people, places;
    for (const StoredPerson& p : a.people) {
      people.push_back(absl::StrCat(p.name, " (", p.mentions, ")"));
    }
    for (const StoredLocation& l : a.locations) {
      places.push_back(absl::StrCat(l.canonical.empty() ? l.name : l.canonical, " (", l.kind,
                                    l.country.empty() ? "" : ", ", l.country, ")"));
    }
    list("People", people);
    list("Places", places);
    if (!a.quotes.empty()) {
      absl::StrAppend(&text, "\nQuotes:\n");
      for (const StoredQuote& q : a.quotes) {
        absl::StrAppend(&text, "   \u201c", q.text, "\u201d",
                        q.speaker.empty() ? "" : absl::StrCat(" \u2014 ", q.speaker), "\n");
      }
    }
    list(absl::StrCat("Other versions (", other_versions.size(), ")"), other_versions);
    Write(out_, text);
  }

 private:
  absl::string_view Style(const char* code) const { return color_ ? code : ""; }
  bool color_;
  size_t width_;
  FILE* out_;
  bool printed_any_ = false;
};

nlohmann::json LocationJson(const StoredLocation& l) {
  return {{"name", l.name}, {"canonical", l.canonical}, {"key", l.key},
          {"kind", l.kind}, {"country", l.country},     {"mentions", l.mentions}};
}

// people, locations, dateline_place, quotes (with speaker): what the indexer found.
void AddEntities(const StoredArticle& a, nlohmann::json& line) {
  nlohmann::json people = nlohmann::json::array();
  for (const StoredPerson& p : a.people) {
    people.push_back({{"name", p.name}, {"key", p.key}, {"mentions", p.mentions}});
  }
  nlohmann::json locations = nlohmann::json::array();
  for (const StoredLocation& l : a.locations) locations.push_back(LocationJson(l));
  nlohmann::json quotes = nlohmann::json::array();
  for (const StoredQuote& q : a.quotes) {
    quotes.push_back(
        {{"text", q.text},
         {"speaker", q.speaker.empty() ? nlohmann::json() : nlohmann::json(q.speaker)},
         {"speaker_key", q.speaker_key.empty() ? nlohmann::json() : nlohmann::json(q.speaker_key)},
         {"begin", q.begin},
         {"end", q.end}});
  }
  line["people"] = std::move(people);
  line["locations"] = std::move(locations);
  line["dateline_place"] =
      a.dateline_place.name.empty() ? nlohmann::json() : LocationJson(a.dateline_place);
  line["quotes"] = std::move(quotes);
}

// What every object about one article holds (docs/JSON.md): its type, the format version,
// and the article's id, title, date (null when none), source, url, dateline and authors.
nlohmann::json ArticleFields(absl::string_view type, const StoredArticle& a) {
  return {{"type", type},
          {"format_version", kJsonFormatVersion},
          {"id", a.id},
          {"title", a.title},
          {"date", a.date.empty() ? nlohmann::json() : nlohmann::json(a.date)},
          {"source", a.source},
          {"url", a.url},
          {"dateline", a.dateline},
          {"authors", a.authors}};
}

class JsonPrinter : public ResultPrinter {
 public:
  explicit JsonPrinter(FILE* out) : out_(out) {}

  void PrintHit(const Hit& hit) override {
    const StoredArticle& a = hit.article;
    nlohmann::json highlights = nlohmann::json::array();
    for (const Highlight& h : hit.highlights) highlights.push_back({h.begin, h.end});
    nlohmann::json title_highlights = nlohmann::json::array();
    for (const Highlight& h : hit.title_highlights) title_highlights.push_back({h.begin, h.end});
    nlohmann::json line = ArticleFields("hit", a);
    line["rank"] = hit.rank;
    line["score"] = hit.score;
    line["snippet"] = hit.snippet;
    line["highlights"] = std::move(highlights);
    line["title_highlights"] = std::move(title_highlights);
    line["cluster_id"] = hit.cluster_id;
    line["similar_count"] = hit.similar_count;
    AddEntities(a, line);
    Write(out_, Dump(line));
  }

  void PrintSummary(absl::string_view query, const SearchResults& results,
                    const SearchOptions& options) override {
    const absl::string_view counted = options.collapse ? "stories" : "articles";
    for (const FacetCounts& facet : results.facets) {
      nlohmann::json values = nlohmann::json::array();
      for (const FacetValue& value : facet.values) {
        values.push_back({{"key", value.key},
                          {"name", value.name},
                          {"count", value.count},
                          {"query", value.query}});
      }
      Write(out_, Dump({{"type", "facet"},
                        {"format_version", kJsonFormatVersion},
                        {"facet", facet.name},
                        {"counts", counted},
                        {"distinct", facet.distinct},
                        {"values", std::move(values)}}));
    }
    if (results.timeline) {
      nlohmann::json buckets = nlohmann::json::array();
      for (const Timeline::Bucket& bucket : results.timeline->buckets) {
        buckets.push_back(
            {{"start", bucket.start}, {"label", bucket.label}, {"count", bucket.count}});
      }
      Write(out_, Dump({{"type", "timeline"},
                        {"format_version", kJsonFormatVersion},
                        {"unit", TimelineUnitName(results.timeline->unit)},
                        {"counts", counted},
                        {"undated", results.timeline->undated},
                        {"buckets", std::move(buckets)}}));
    }
    nlohmann::json line = {
        {"type", "summary"},
        {"format_version", kJsonFormatVersion},
        {"query", query},
        {"total", results.total},
        {"total_is_exact", results.total_is_exact},
        {"offset", options.offset},
        {"returned", results.hits.size()},
        {"suggestion",
         results.suggestion.empty() ? nlohmann::json() : nlohmann::json(results.suggestion)}};
    if (!results.missing_shards.empty()) line["missing_shards"] = results.missing_shards;
    Write(out_, Dump(line));
  }

  void PrintQuotes(absl::string_view query, const QuoteResults& results,
                   const SearchOptions& options) override {
    for (const QuoteHit& q : results.quotes) {
      Write(out_,
            Dump({{"type", "quote"},
                  {"format_version", kJsonFormatVersion},
                  {"text", q.text},
                  {"speaker", q.speaker.empty() ? nlohmann::json() : nlohmann::json(q.speaker)},
                  {"speaker_key",
                   q.speaker_key.empty() ? nlohmann::json() : nlohmann::json(q.speaker_key)},
                  {"id", q.article_id},
                  {"title", q.title},
                  {"date", q.date.empty() ? nlohmann::json() : nlohmann::json(q.date)},
                  {"source", q.source},
                  {"versions", q.versions}}));
    }
    nlohmann::json summary = {{"type", "summary"},
                              {"format_version", kJsonFormatVersion},
                              {"query", query},
                              {"total", results.total},
                              {"total_is_exact", !results.articles_capped},
                              {"offset", options.offset},
                              {"returned", results.quotes.size()},
                              {"suggestion", nlohmann::json()}};
    if (!results.missing_shards.empty()) summary["missing_shards"] = results.missing_shards;
    Write(out_, Dump(summary));
  }

  void PrintArticle(const ArticleRecord& record,
                    const std::vector<std::string>& other_versions) override {
    const StoredArticle& a = record.article;
    nlohmann::json line = ArticleFields("article", a);
    line["body"] = a.body;
    line["cluster_id"] = record.cluster_id;
    line["other_versions"] = other_versions;
    AddEntities(a, line);
    nlohmann::json mentions = nlohmann::json::array();
    for (const NameMention& m : NameMentions(a)) {
      mentions.push_back({{"begin", m.begin},
                          {"end", m.end},
                          {"kind", m.kind == EntityKind::kPerson ? "person" : "place"},
                          {"key", m.key}});
    }
    line["mentions"] = std::move(mentions);
    Write(out_, Dump(line));
  }

  void PrintVersions(const StoredArticle&, const std::vector<StoryVersion>& versions) override {
    for (const StoryVersion& version : versions) {
      const StoredArticle& a = version.record.article;
      nlohmann::json line = ArticleFields("version", a);
      line["words"] = CountWords(a.body);
      line["shared_text"] = version.similarity.jaccard;
      line["containment"] = version.similarity.containment;
      line["cluster_id"] = version.record.cluster_id;
      Write(out_, Dump(line));
    }
  }

 private:
  static std::string Dump(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  FILE* out_;
};

class IdPrinter : public ResultPrinter {
 public:
  explicit IdPrinter(FILE* out) : out_(out) {}
  void PrintHit(const Hit& hit) override { Write(out_, absl::StrCat(hit.article.id, "\n")); }
  void PrintSummary(absl::string_view, const SearchResults&, const SearchOptions&) override {}
  void PrintVersions(const StoredArticle&, const std::vector<StoryVersion>& versions) override {
    for (const StoryVersion& version : versions) {
      Write(out_, absl::StrCat(version.record.article.id, "\n"));
    }
  }
  void PrintArticle(const ArticleRecord& record, const std::vector<std::string>&) override {
    Write(out_, absl::StrCat(record.article.id, "\n"));
  }
  void PrintQuotes(absl::string_view, const QuoteResults& results, const SearchOptions&) override {
    for (const QuoteHit& q : results.quotes) Write(out_, absl::StrCat(q.article_id, "\n"));
  }

 private:
  FILE* out_;
};

class CountPrinter : public ResultPrinter {
 public:
  explicit CountPrinter(FILE* out) : out_(out) {}
  void PrintHit(const Hit&) override {}
  void PrintSummary(absl::string_view, const SearchResults& results,
                    const SearchOptions&) override {
    Write(out_, absl::StrCat(results.total, "\n"));
  }
  void PrintVersions(const StoredArticle&, const std::vector<StoryVersion>& versions) override {
    Write(out_, absl::StrCat(versions.size(), "\n"));
  }
  void PrintArticle(const ArticleRecord&, const std::vector<std::string>&) override {
    Write(out_, "1\n");
  }
  void PrintQuotes(absl::string_view, const QuoteResults& results, const SearchOptions&) override {
    Write(out_, absl::StrCat(results.total, "\n"));
  }

 private:
  FILE* out_;
};

}  // namespace

std::unique_ptr<ResultPrinter> MakePrinter(OutputMode mode, bool color, FILE* out, size_t width) {
  switch (mode) {
    case OutputMode::kJson:
      return std::make_unique<JsonPrinter>(out);
    case OutputMode::kIdsOnly:
      return std::make_unique<IdPrinter>(out);
    case OutputMode::kCountOnly:
      return std::make_unique<CountPrinter>(out);
    case OutputMode::kText:
      break;
  }
  return std::make_unique<TextPrinter>(color, width, out);
}

}  // namespace newsgrep::cli
