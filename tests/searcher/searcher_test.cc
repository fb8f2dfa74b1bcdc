// SPDX-License-Identifier: GPL-2.0-or-later
/// @file searcher_test.cc
/// @brief Tests for newsgrep::Searcher against small indexes built with newsgrep::Indexer
/// in fresh temporary directories: query language, ranking, paging, counts, snippets,
/// errors, sharding and reopening.
#include "newsgrep/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/dates.h"
#include "newsgrep/indexer.h"
#include "newsgrep/schema.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using test::BuildIndex;
using test::BuildSearcher;
using test::Date;
using test::Find;
using test::IdsOf;
using test::MakeArticle;
using test::TempDir;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

// The error `query` gives; OK when it parses.
absl::Status QueryError(Searcher& searcher, const std::string& query) {
  return searcher.Search(query, {}).status();
}

// A small news corpus for the query-language tests.
std::vector<Article> NewsCorpus() {
  return {
      MakeArticle("nato-1", "Allies weigh security guarantees",
                  "Officials met in Washington to discuss security guarantees for Kyiv. "
                  "Grynkiewicz said talks would continue.",
                  Date("2025-08-18T09:30:00Z"), "Wire Service", "WASHINGTON",
                  "https://news.example/nato-1"),
      MakeArticle("summit-1", "Summit ends without a deal",
                  "The leaders gave no guarantee at the summit in Anchorage. Security "
                  "experts were sceptical.",
                  Date("2025-08-19"), "Daily Planet", "ANCHORAGE"),
      MakeArticle("trade-1", "Steel tariffs rise",
                  "Steel tariffs rose again, Brussels said. Exporters expect a summit next "
                  "month.",
                  Date("2025-08-20"), "Wire Service", "BRUSSELS"),
      MakeArticle("https://x.example/a", "Harvest report",
                  "Farmers in Grynkova reported a strong wheat harvest.", Date("2025-08-21"),
                  "Farm Weekly", "KYIV"),
      MakeArticle("weather-1", "Storm warning", "A storm is expected on the coast.", std::nullopt,
                  "Met Office"),
      MakeArticle("old-1", "Border security talks",
                  "Negotiators on border security opened in Vienna.", Date("2025-08-17"),
                  "Wire Service", "VIENNA"),
      // Title ends with "monitors", body starts with "deployed".
      MakeArticle("boundary-1", "Ceasefire monitors", "Deployed along the river at dawn."),
      MakeArticle("boundary-2", "Mission update", "The monitors deployed quickly."),
  };
}

// Opens the news corpus in `dir`.
std::unique_ptr<Searcher> OpenNews(const TempDir& dir) {
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "news"}, NewsCorpus());
  EXPECT_TRUE(searcher.ok()) << searcher.status();
  return searcher.ok() ? std::move(*searcher) : nullptr;
}

// --- words, stemming, boolean operators ----------------------------------------------

TEST(SearcherTest, ArticleCountOfOpenedIndex) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_EQ(searcher->article_count(), 8u);
}

TEST(SearcherTest, StemmingFindsInflectedForms) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // nato-1 only has "guarantees", summit-1 only "guarantee".
  EXPECT_THAT(Find(*searcher, "guarantee"), UnorderedElementsAre("nato-1", "summit-1"));
  EXPECT_THAT(Find(*searcher, "guarantees"), UnorderedElementsAre("nato-1", "summit-1"));
  EXPECT_THAT(Find(*searcher, "tariff"), ElementsAre("trade-1"));
}

TEST(SearcherTest, WordsAreCaseInsensitive) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "anchorage"), ElementsAre("summit-1"));
  EXPECT_THAT(Find(*searcher, "Anchorage"), ElementsAre("summit-1"));
}

TEST(SearcherTest, NoMatchIsEmptyNotAnError) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::StatusOr<SearchResults> results = searcher->Search("xylophone", {});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_THAT(results->hits, IsEmpty());
  EXPECT_EQ(results->total, 0u);
  EXPECT_TRUE(results->total_is_exact);
}

TEST(SearcherTest, DefaultOperatorIsAnd) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // "security" alone: nato-1, summit-1, old-1; "summit" alone: summit-1, trade-1.
  EXPECT_THAT(Find(*searcher, "security"), UnorderedElementsAre("nato-1", "summit-1", "old-1"));
  EXPECT_THAT(Find(*searcher, "summit"), UnorderedElementsAre("summit-1", "trade-1"));
  EXPECT_THAT(Find(*searcher, "security summit"), ElementsAre("summit-1"));
}

TEST(SearcherTest, OrOperator) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "tariffs OR harvest"),
              UnorderedElementsAre("trade-1", "https://x.example/a"));
  EXPECT_THAT(Find(*searcher, "(tariffs OR harvest) steel"), ElementsAre("trade-1"));
}

TEST(SearcherTest, NotOperator) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "security NOT border"), UnorderedElementsAre("nato-1", "summit-1"));
  EXPECT_THAT(Find(*searcher, "security AND NOT guarantee"), ElementsAre("old-1"));
}

TEST(SearcherTest, PlusAndMinus) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "+security -border"), UnorderedElementsAre("nato-1", "summit-1"));
  EXPECT_THAT(Find(*searcher, "security -guarantee"), ElementsAre("old-1"));
  EXPECT_THAT(Find(*searcher, "+summit -steel"), ElementsAre("summit-1"));
}

// --- phrases -------------------------------------------------------------------------

TEST(SearcherTest, PhraseRequiresAdjacentWords) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // summit-1 has both words, but not next to each other.
  EXPECT_THAT(Find(*searcher, "security guarantees"), UnorderedElementsAre("nato-1", "summit-1"));
  EXPECT_THAT(Find(*searcher, "\"security guarantees\""), ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "\"guarantees security\""), IsEmpty());
}

TEST(SearcherTest, PhraseIsStemmingAware) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // The text says "security guarantees" only.
  EXPECT_THAT(Find(*searcher, "\"security guarantee\""), ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "\"border securities\""), ElementsAre("old-1"));
}

// Regression: Xapian does not stem a word directly followed by '"', so the last word of
// a phrase had to match exactly.
TEST(SearcherTest, LastWordOfPhraseIsStemmed) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "title:\"security guarantee\""), ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "\"security guarantee\" kyiv"), ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "kyiv \"security guarantee\"washington"), ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "\xE2\x80\x9Csecurity guarantee\xE2\x80\x9D"),  // “…”
              ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "\"guarantee\""), UnorderedElementsAre("nato-1", "summit-1"));
}

TEST(SearcherTest, PhraseDoesNotSpanTitleAndBody) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // boundary-1: title "Ceasefire monitors", body "Deployed along …".
  EXPECT_THAT(Find(*searcher, "monitors deployed"),
              UnorderedElementsAre("boundary-1", "boundary-2"));
  EXPECT_THAT(Find(*searcher, "\"monitors deployed\""), ElementsAre("boundary-2"));
}

// --- wildcards and fields ------------------------------------------------------------

TEST(SearcherTest, TrailingWildcard) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "grynk*"), UnorderedElementsAre("nato-1", "https://x.example/a"));
  EXPECT_THAT(Find(*searcher, "grynkiew*"), ElementsAre("nato-1"));
  EXPECT_THAT(Find(*searcher, "grynk* wheat"), ElementsAre("https://x.example/a"));
}

// The index holds stems only; a wildcard goes through the words as written (the
// vocabulary), so letters that run past a word's stem still match it: the stem of
// "negotiations" and "negotiated" is "negoti".
TEST(SearcherTest, WildcardMatchesWordsAsWrittenNotStems) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = BuildSearcher(
      {.db_path = dir / "db"},
      {MakeArticle("talks", "Ceasefire negotiations resume", "Negotiators met on Tuesday."),
       MakeArticle("deal", "Trade deal signed", "The minister negotiated for a year."),
       MakeArticle("rain", "Rain expected", "Showers will spread north.")});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  EXPECT_THAT(Find(**searcher, "negotiat*"), UnorderedElementsAre("talks", "deal"));
  // "negotiati*" is "negotiations", whose stem is also that of "negotiated": like a plain
  // word, a wildcard finds every form of the words it matches.
  EXPECT_THAT(Find(**searcher, "negotiati*"), UnorderedElementsAre("talks", "deal"));
  EXPECT_THAT(Find(**searcher, "title:negot*"), ElementsAre("talks"));
  EXPECT_THAT(Find(**searcher, "negotiat* NEAR/2 tuesday"), ElementsAre("talks"));
  EXPECT_THAT(Find(**searcher, "shower*"), ElementsAre("rain"));
  EXPECT_THAT(Find(**searcher, "zzyzx*"), IsEmpty());
  EXPECT_THAT(Find(**searcher, "zzyzx* NEAR/2 tuesday"), IsEmpty());
  // A correction is a word as written, never a stem.
  absl::StatusOr<SearchResults> misspelt = (*searcher)->Search("negotiatons", {});
  ASSERT_TRUE(misspelt.ok()) << misspelt.status();
  EXPECT_EQ(misspelt->suggestion, "negotiations");
}

TEST(SearcherTest, WildcardsAndCorrectionsUseEveryShardsVocabulary) {
  TempDir dir;
  ASSERT_TRUE(BuildIndex({.db_path = dir / "east"},
                         {MakeArticle("east-1", "Harbourmaster retires", "After forty years.")})
                  .ok());
  ASSERT_TRUE(BuildIndex({.db_path = dir / "west"},
                         {MakeArticle("west-1", "Harbourside market", "Stalls reopen.")})
                  .ok());
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({dir / "east", dir / "west"});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  EXPECT_THAT(Find(**searcher, "harbour*"), UnorderedElementsAre("east-1", "west-1"));
  absl::StatusOr<SearchResults> misspelt = (*searcher)->Search("harbuorside", {});
  ASSERT_TRUE(misspelt.ok()) << misspelt.status();
  EXPECT_EQ(misspelt->suggestion, "harbourside");
}

TEST(SearcherTest, TitleField) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // trade-1 mentions a summit in its body only.
  EXPECT_THAT(Find(*searcher, "title:summit"), ElementsAre("summit-1"));
  EXPECT_THAT(Find(*searcher, "title:security"), UnorderedElementsAre("nato-1", "old-1"));
  EXPECT_THAT(Find(*searcher, "title:guarantee"), ElementsAre("nato-1"));  // stemmed
}

TEST(SearcherTest, SourceField) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "source:wire"), UnorderedElementsAre("nato-1", "trade-1", "old-1"));
  EXPECT_THAT(Find(*searcher, "source:\"daily planet\""), ElementsAre("summit-1"));
  EXPECT_THAT(Find(*searcher, "security source:wire"), UnorderedElementsAre("nato-1", "old-1"));
  // Source words are not body words.
  EXPECT_THAT(Find(*searcher, "planet"), IsEmpty());
}

TEST(SearcherTest, DatelineField) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "dateline:brussels"), ElementsAre("trade-1"));
  // nato-1 mentions Kyiv in its body, but only the harvest story is datelined there.
  EXPECT_THAT(Find(*searcher, "dateline:kyiv"), ElementsAre("https://x.example/a"));
  EXPECT_THAT(Find(*searcher, "kyiv"), UnorderedElementsAre("nato-1"));
}

TEST(SearcherTest, IdField) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "id:trade-1"), ElementsAre("trade-1"));
  EXPECT_THAT(Find(*searcher, "id:trade"), IsEmpty());  // exact, not a word
  EXPECT_THAT(Find(*searcher, "steel id:trade-1"), ElementsAre("trade-1"));
  EXPECT_THAT(Find(*searcher, "steel id:summit-1"), IsEmpty());
}

TEST(SearcherTest, UrlLikeIdIsNotAnUnknownField) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::Status status = QueryError(*searcher, "id:https://x.example/a");
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_THAT(std::string(status.message()), ::testing::Not(HasSubstr("unknown field")));
  EXPECT_THAT(Find(*searcher, "id:https://x.example/a"), ElementsAre("https://x.example/a"));
  EXPECT_THAT(Find(*searcher, "harvest id:https://x.example/a"),
              ElementsAre("https://x.example/a"));
}

// --- dates ---------------------------------------------------------------------------

TEST(SearcherTest, ClosedDateRange) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "date:2025-08-18..2025-08-20"),
              UnorderedElementsAre("nato-1", "summit-1", "trade-1"));
  EXPECT_THAT(Find(*searcher, "date:2025-08-19..2025-08-19"), ElementsAre("summit-1"));
  EXPECT_THAT(Find(*searcher, "summit date:2025-08-18..2025-08-19"), ElementsAre("summit-1"));
}

TEST(SearcherTest, OpenEndedDateRanges) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "date:2025-08-19.."),
              UnorderedElementsAre("summit-1", "trade-1", "https://x.example/a"));
  EXPECT_THAT(Find(*searcher, "date:..2025-08-18"), UnorderedElementsAre("old-1", "nato-1"));
  EXPECT_THAT(Find(*searcher, "summit date:2025-08-20.."), ElementsAre("trade-1"));
}

TEST(SearcherTest, SortNewestOrdersByDate) {
  TempDir dir;
  // r-old is by far the most relevant; r-undated has no date and goes last.
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = BuildSearcher(
      {.db_path = dir / "db"},
      {MakeArticle("r-mid", "Quarterly figures", "The report was published.", Date("2025-03-10")),
       MakeArticle("r-old", "Report on the report", "Report after report: the report.",
                   Date("2025-01-05")),
       MakeArticle("r-undated", "Undated", "A report without a date."),
       MakeArticle("r-late", "Evening", "A late report.", Date("2025-08-20T18:00:00Z")),
       MakeArticle("r-early", "Morning", "An early report.", Date("2025-08-20T06:00:00Z")),
       MakeArticle("r-other", "Other", "Nothing to see.", Date("2025-12-31"))});
  ASSERT_TRUE(searcher.ok()) << searcher.status();

  EXPECT_THAT(Find(**searcher, "report", {.limit = 10, .sort = SortOrder::kNewest}),
              ElementsAre("r-late", "r-early", "r-mid", "r-old", "r-undated"));
  std::vector<std::string> by_relevance = Find(**searcher, "report", {.limit = 10});
  ASSERT_EQ(by_relevance.size(), 5u);
  EXPECT_EQ(by_relevance[0], "r-old");
}

// --- ranking -------------------------------------------------------------------------

TEST(SearcherTest, TitleMatchOutranksBodyMatch) {
  TempDir dir;
  // Same words and lengths; only where "zephyr" occurs differs. The title one is added
  // last so that document order cannot explain its rank.
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = BuildSearcher(
      {.db_path = dir / "db"},
      {MakeArticle("body-start", "Weather harbour news",
                   "zephyr seas today across northern coast calm"),
       MakeArticle("body-end", "Weather harbour news",
                   "calm seas today across northern coast zephyr"),
       MakeArticle("filler-1", "Harbour news", "Ferries run on time across the bay."),
       MakeArticle("filler-2", "Market news", "Fish prices fell at the northern market."),
       MakeArticle("in-title", "Zephyr harbour news",
                   "weather seas today across northern coast calm")});
  ASSERT_TRUE(searcher.ok()) << searcher.status();

  absl::StatusOr<SearchResults> results = (*searcher)->Search("zephyr", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 3u);
  EXPECT_EQ(results->hits[0].article.id, "in-title");
  EXPECT_GT(results->hits[0].score, results->hits[1].score);
  EXPECT_THAT(IdsOf(*results), UnorderedElementsAre("in-title", "body-start", "body-end"));
  EXPECT_DOUBLE_EQ(results->hits[1].score, results->hits[2].score);

  // Also with a second word that every candidate has in its body.
  EXPECT_THAT(Find(**searcher, "zephyr coast"),
              ElementsAre("in-title", ::testing::_, ::testing::_));
}

TEST(SearcherTest, ScoresAreDescendingAndRanksOneBased) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::StatusOr<SearchResults> results = searcher->Search("security", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 3u);
  for (size_t i = 0; i < results->hits.size(); ++i) {
    EXPECT_EQ(results->hits[i].rank, i + 1);
    EXPECT_GT(results->hits[i].score, 0.0);
    if (i > 0) {
      EXPECT_GE(results->hits[i - 1].score, results->hits[i].score);
    }
  }
}

// --- paging and counts ---------------------------------------------------------------

TEST(SearcherTest, LimitAndOffsetPageThroughDisjointConsecutiveRanks) {
  TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 7; ++i) {
    std::string body = "zebra crossing";
    for (int j = 0; j < i; ++j) body += " zebra";
    articles.push_back(MakeArticle("page-" + std::to_string(i), "Page", body));
  }
  articles.push_back(MakeArticle("no-zebra", "Page", "horse crossing"));
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, articles);
  ASSERT_TRUE(searcher.ok()) << searcher.status();

  absl::StatusOr<SearchResults> all = (*searcher)->Search("zebra", {.limit = 100});
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->hits.size(), 7u);

  std::vector<std::string> paged;
  std::set<std::string> seen;
  size_t expected_rank = 1;
  for (size_t offset : {0u, 3u, 6u}) {
    absl::StatusOr<SearchResults> page =
        (*searcher)->Search("zebra", {.offset = offset, .limit = 3});
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total, 7u) << "offset " << offset;
    ASSERT_EQ(page->hits.size(), offset == 6 ? 1u : 3u) << "offset " << offset;
    for (const Hit& hit : page->hits) {
      EXPECT_EQ(hit.rank, expected_rank++);
      EXPECT_TRUE(seen.insert(hit.article.id).second) << hit.article.id << " on two pages";
      paged.push_back(hit.article.id);
    }
  }
  EXPECT_THAT(paged, ElementsAreArray(IdsOf(*all)));

  absl::StatusOr<SearchResults> beyond = (*searcher)->Search("zebra", {.offset = 10});
  ASSERT_TRUE(beyond.ok()) << beyond.status();
  EXPECT_THAT(beyond->hits, IsEmpty());
  EXPECT_EQ(beyond->total, 7u);
}

TEST(SearcherTest, LimitZeroReturnsNoHits) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::StatusOr<SearchResults> results =
      searcher->Search("security", {.limit = 0, .exact_count = true});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_THAT(results->hits, IsEmpty());
  EXPECT_EQ(results->total, 3u);
  EXPECT_TRUE(results->total_is_exact);
}

TEST(SearcherTest, ExactCountGivesExactTotal) {
  TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 60; ++i) {
    articles.push_back(MakeArticle("doc-" + std::to_string(i), "Numbered",
                                   i % 2 == 0 ? "alpha beta gamma" : "alpha gamma"));
  }
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, articles);
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  EXPECT_EQ((*searcher)->article_count(), 60u);

  absl::StatusOr<SearchResults> results =
      (*searcher)->Search("alpha beta", {.limit = 1, .exact_count = true});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_TRUE(results->total_is_exact);
  EXPECT_EQ(results->total, 30u);
  EXPECT_EQ(results->hits.size(), 1u);

  results = (*searcher)->Search("alpha NOT beta", {.limit = 2, .exact_count = true});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_TRUE(results->total_is_exact);
  EXPECT_EQ(results->total, 30u);
  EXPECT_EQ(results->hits.size(), 2u);
}

// --- snippets and stored fields ------------------------------------------------------

// The lower-cased text of each highlight.
std::vector<std::string> HighlightedWords(const Hit& hit) {
  std::vector<std::string> words;
  for (const Highlight& h : hit.highlights) {
    EXPECT_LT(h.begin, h.end);
    EXPECT_LE(h.end, hit.snippet.size());
    if (h.begin >= h.end || h.end > hit.snippet.size()) continue;
    words.push_back(absl::AsciiStrToLower(hit.snippet.substr(h.begin, h.end - h.begin)));
  }
  return words;
}

std::vector<Article> SnippetCorpus() {
  return {
      MakeArticle("snip-1", "Markets & tariffs",
                  "Tariffs on steel\n\n   rose  sharply, \"analysts\" said.\tProfits & losses "
                  "<fell> as security guarantees were priced in. Guarantee talks continue.",
                  Date("2025-08-18T09:30:00Z"), "Wire Service", "LONDON",
                  "https://news.example/snip-1"),
      MakeArticle("title-only", "Tariff tables", ""),
  };
}

TEST(SearcherTest, SnippetHighlightsExactlyTheMatchedWords) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, SnippetCorpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> results = (*searcher)->Search("guarantee tariff", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  const Hit& hit = results->hits[0];
  EXPECT_THAT(HighlightedWords(hit), ElementsAre("tariffs", "guarantees", "guarantee"));
  for (size_t i = 1; i < hit.highlights.size(); ++i) {
    EXPECT_LE(hit.highlights[i - 1].end, hit.highlights[i].begin);
  }
}

TEST(SearcherTest, SnippetIsPlainTextWithCollapsedWhiteSpace) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, SnippetCorpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> results = (*searcher)->Search("steel", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  const Hit& hit = results->hits[0];
  EXPECT_EQ(hit.snippet,
            "Tariffs on steel rose sharply, \"analysts\" said. Profits & losses <fell> as "
            "security guarantees were priced in. Guarantee talks continue.");
  EXPECT_THAT(HighlightedWords(hit), ElementsAre("steel"));
  ASSERT_EQ(hit.highlights.size(), 1u);
  EXPECT_EQ(hit.highlights[0].begin, 11u);
  EXPECT_EQ(hit.highlights[0].end, 16u);
}

TEST(SearcherTest, SnippetOfTitleOnlyArticle) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, SnippetCorpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> results = (*searcher)->Search("tables", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  EXPECT_EQ(results->hits[0].article.id, "title-only");
  EXPECT_EQ(results->hits[0].snippet, "Tariff tables");
  EXPECT_THAT(HighlightedWords(results->hits[0]), ElementsAre("tables"));
}

TEST(SearcherTest, LongSnippetIsCutNearTheRequestedLength) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 100; ++i) body += "filler words here. ";
  body += "The needle sits at the end.";
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, {MakeArticle("long-1", "Long", body)});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> results = (*searcher)->Search("needle", {.snippet_length = 60});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  const Hit& hit = results->hits[0];
  EXPECT_LT(hit.snippet.size(), 100u);
  EXPECT_THAT(hit.snippet, HasSubstr("needle"));
  EXPECT_THAT(HighlightedWords(hit), ElementsAre("needle"));
}

TEST(SearcherTest, NoSnippetWhenNotRequested) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, SnippetCorpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> results = (*searcher)->Search("steel", {.snippets = false});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  EXPECT_EQ(results->hits[0].snippet, "");
  EXPECT_THAT(results->hits[0].highlights, IsEmpty());
  EXPECT_EQ(results->hits[0].article.title, "Markets & tariffs");
}

// What a result line of SnippetCorpus's "snip-1" carries: every stored field but the bodies.
void ExpectSnipOneLine(const StoredArticle& article) {
  EXPECT_EQ(article.id, "snip-1");
  EXPECT_EQ(article.title, "Markets & tariffs");
  EXPECT_EQ(article.source, "Wire Service");
  EXPECT_EQ(article.date, "2025-08-18T09:30:00Z");
  EXPECT_EQ(article.url, "https://news.example/snip-1");
  EXPECT_EQ(article.dateline, "LONDON");
  EXPECT_EQ(article.body, "");
  EXPECT_EQ(article.original_body, "");
}

TEST(SearcherTest, HitCarriesStoredFieldsButNotBody) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, SnippetCorpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> results = (*searcher)->Search("steel", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  ExpectSnipOneLine(results->hits[0].article);
}

// Replaces the document data (the whole stored record, bodies included) of every article
// in the index at `path` with `data`, leaving terms and values as they are.
void OverwriteDocumentData(const std::string& path, const std::string& data) {
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document document = db.get_document(*it);
    document.set_data(data);
    db.replace_document(*it, document);
  }
  db.commit();
}

TEST(SearcherTest, ResultLinesDoNotReadTheStoredBodies) {
  TempDir dir;
  const std::string path = dir / "db";
  ASSERT_TRUE(BuildIndex({.db_path = path}, SnippetCorpus()).ok());
  OverwriteDocumentData(path, "not a newsgrep record");
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({path});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  // Without snippets, every hit comes from the display value alone.
  for (const bool collapse : {false, true}) {
    absl::StatusOr<SearchResults> results =
        (*searcher)->Search("steel", {.snippets = false, .collapse = collapse});
    ASSERT_TRUE(results.ok()) << results.status();
    ASSERT_EQ(results->hits.size(), 1u);
    ExpectSnipOneLine(results->hits[0].article);
  }
  // A snippet needs the body: the broken record is reported, not papered over.
  EXPECT_EQ((*searcher)->Search("steel", {}).status().code(), absl::StatusCode::kDataLoss);
}

TEST(SearcherTest, GetReturnsTheWholeRecordBodiesIncluded) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      BuildSearcher({.db_path = dir / "db"}, SnippetCorpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<ArticleRecord> record = (*searcher)->Get("snip-1");
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(record->article.id, "snip-1");
  EXPECT_EQ(record->article.title, "Markets & tariffs");
  EXPECT_EQ(record->article.dateline, "LONDON");
  EXPECT_THAT(record->article.body, StartsWith("Tariffs on steel"));
  EXPECT_THAT(record->article.body, HasSubstr("Guarantee talks continue."));
  EXPECT_EQ(record->cluster_size, 1u);
  // The hit of the same article shows the same fields, without the body.
  absl::StatusOr<SearchResults> results = (*searcher)->Search("steel", {.snippets = false});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  StoredArticle without_body = record->article;
  without_body.body.clear();
  without_body.original_body.clear();
  EXPECT_EQ(results->hits[0].article, without_body);
}

// --- query errors --------------------------------------------------------------------

TEST(SearcherTest, UnknownFieldIsInvalidArgumentWithColumnAndCaret) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::Status status = QueryError(*searcher, "foo:bar");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("unknown field 'foo:'"));
  // The list comes from the schema (it grows with it), and includes the date range.
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("(known fields: " + schema::KnownFieldNames() + ")"));
  for (const char* field : {"date", "dateline", "id", "source", "title"}) {
    EXPECT_THAT(schema::KnownFieldNames(), HasSubstr(field));
  }
  EXPECT_THAT(std::string(status.message()), HasSubstr("column 1"));
  EXPECT_THAT(std::string(status.message()), EndsWith("\n  foo:bar\n  ^"));

  status = QueryError(*searcher, "nato foo:bar");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("column 6"));
  EXPECT_THAT(std::string(status.message()), EndsWith("\n  nato foo:bar\n       ^"));
}

TEST(SearcherTest, UnclosedQuoteIsInvalidArgumentWithColumn) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::Status status = QueryError(*searcher, "nato \"security guarantees");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), StartsWith("unclosed quote"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("column 6"));
  EXPECT_THAT(std::string(status.message()), EndsWith("\n       ^"));
}

TEST(SearcherTest, UnmatchedClosingParenthesis) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::Status status = QueryError(*searcher, "nato)");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("unmatched ')'"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("column 5"));
}

TEST(SearcherTest, UnclosedOpeningParenthesis) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  absl::Status status = QueryError(*searcher, "steel (tariffs OR summit");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("unclosed '('"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("column 7"));
}

TEST(SearcherTest, ParenthesesInsideQuotesAreText) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Find(*searcher, "\"steel tariffs)\""), ElementsAre("trade-1"));
}

TEST(SearcherTest, OnlyStopwordsIsInvalidArgument) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  for (const char* query : {"the of", "the", "", "  ", "!!"}) {
    absl::Status status = QueryError(*searcher, query);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << "'" << query << "'";
    EXPECT_THAT(std::string(status.message()), HasSubstr("no searchable words"))
        << "'" << query << "'";
  }
}

// Regression: Xapian keeps the words of an all-stopword query, so "the of" searched for
// "the" and "of" instead of being reported.
TEST(SearcherTest, AllStopwordQueriesAreRejectedWhateverTheOperator) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  for (const char* query : {"the OR of", "(the of) OR (a an)", "The Of"}) {
    absl::Status status = QueryError(*searcher, query);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << "'" << query << "'";
    EXPECT_THAT(std::string(status.message()), HasSubstr(query));
  }
}

TEST(SearcherTest, QueriesThatOnlyLookLikeStopwordsAreSearched) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // A phrase of stopwords is meant; "wills" stems to the stopword "will"; a field term
  // and a wildcard are explicit.
  for (const char* query : {"\"the of\"", "wills", "title:the", "the*", "the nato"}) {
    absl::Status status = QueryError(*searcher, query);
    EXPECT_TRUE(status.ok()) << "'" << query << "': " << status;
  }
  EXPECT_THAT(Find(*searcher, "\"on the coast\""), ElementsAre("weather-1"));
  EXPECT_THAT(Find(*searcher, "title:a"), ElementsAre("summit-1"));
}

TEST(SearcherTest, StopwordsNextToRealWordsAreDropped) {
  TempDir dir;
  std::unique_ptr<Searcher> searcher = OpenNews(dir);
  ASSERT_NE(searcher, nullptr);
  // "the" occurs in several articles but not in old-1; it must not be required.
  EXPECT_THAT(Find(*searcher, "the border"), ElementsAre("old-1"));
  // Inside a phrase, stopwords count.
  EXPECT_THAT(Find(*searcher, "\"at the summit\""), ElementsAre("summit-1"));
  EXPECT_THAT(Find(*searcher, "\"at a summit\""), IsEmpty());
}

// --- opening -------------------------------------------------------------------------

TEST(SearcherTest, OpenMissingPathIsNotFound) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({dir / "nothing"});
  EXPECT_EQ(searcher.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(searcher.status().message()), HasSubstr(dir / "nothing"));
}

TEST(SearcherTest, OpenWithNoPathsIsInvalidArgument) {
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({});
  EXPECT_EQ(searcher.status().code(), absl::StatusCode::kInvalidArgument);
}

// Makes the index at `path` claim to be of schema version `version`.
void RecordSchemaVersion(const std::string& path, const std::string& version) {
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  db.set_metadata(std::string(schema::kSchemaVersionKey), version);
  db.commit();
}

TEST(SearcherTest, OpenOtherSchemaVersionIsFailedPrecondition) {
  TempDir dir;
  const std::string path = dir / "db";
  ASSERT_TRUE(BuildIndex({.db_path = path}, {MakeArticle("a", "Title", "Body text.")}).ok());
  RecordSchemaVersion(path, "999");
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({path});
  EXPECT_EQ(searcher.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(searcher.status().message()), HasSubstr("999"));
  EXPECT_THAT(std::string(searcher.status().message()), HasSubstr(path));
}

// Version 4 indexes hold every word unstemmed too and no vocabulary; version 5 queries
// only stems. An old index is refused with the instruction to re-index, rather than
// searched with queries that miss its terms.
TEST(SearcherTest, OpenPreviousVersionIndexSaysToReindex) {
  TempDir dir;
  const std::string path = dir / "db";
  ASSERT_TRUE(BuildIndex({.db_path = path}, {MakeArticle("a", "Title", "Body text.")}).ok());
  const std::string previous = std::to_string(schema::kSchemaVersion - 1);
  RecordSchemaVersion(path, previous);
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({path});
  EXPECT_EQ(searcher.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(searcher.status().message()),
              HasSubstr(absl::StrCat("schema version ", previous,
                                     " but this newsgrep uses version ", schema::kSchemaVersion)));
  EXPECT_THAT(std::string(searcher.status().message()), HasSubstr("re-index"));
}

TEST(SearcherTest, TwoShardsSearchTogether) {
  TempDir dir;
  ASSERT_TRUE(BuildIndex({.db_path = dir / "east"},
                         {MakeArticle("east-1", "Harbour opens", "The eastern harbour opened."),
                          MakeArticle("east-2", "Rail news", "Trains run late.")})
                  .ok());
  ASSERT_TRUE(BuildIndex({.db_path = dir / "west"},
                         {MakeArticle("west-1", "Harbour closes", "The western harbour closed."),
                          MakeArticle("west-2", "Road news", "Roads are busy.")})
                  .ok());
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({dir / "east", dir / "west"});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  EXPECT_EQ((*searcher)->article_count(), 4u);
  EXPECT_THAT(Find(**searcher, "harbour"), UnorderedElementsAre("east-1", "west-1"));
  EXPECT_THAT(Find(**searcher, "id:west-2"), ElementsAre("west-2"));
  EXPECT_THAT(Find(**searcher, "news"), UnorderedElementsAre("east-2", "west-2"));
  absl::StatusOr<SearchResults> results = (*searcher)->Search("harbour", {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 2u);
  EXPECT_EQ(results->hits[0].rank, 1u);
  EXPECT_EQ(results->hits[1].rank, 2u);
  EXPECT_THAT(results->hits[0].snippet, HasSubstr("harbour"));
}

TEST(SearcherTest, OneMissingShardFailsTheOpen) {
  TempDir dir;
  ASSERT_TRUE(
      BuildIndex({.db_path = dir / "east"}, {MakeArticle("east-1", "Harbour", "Boats.")}).ok());
  absl::StatusOr<std::unique_ptr<Searcher>> searcher =
      Searcher::Open({dir / "east", dir / "missing"});
  EXPECT_EQ(searcher.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(searcher.status().message()), HasSubstr(dir / "missing"));
}

TEST(SearcherTest, ReopenSeesLaterCommits) {
  TempDir dir;
  const std::string path = dir / "db";
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open({.db_path = path});
  ASSERT_TRUE(indexer.ok()) << indexer.status();
  ASSERT_TRUE((*indexer)->Add(MakeArticle("first", "Harbour", "Boats arrive.")).ok());
  ASSERT_TRUE((*indexer)->Commit().ok());

  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({path});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  EXPECT_EQ((*searcher)->article_count(), 1u);

  ASSERT_TRUE((*indexer)->Add(MakeArticle("second", "Harbour", "Boats leave.")).ok());
  ASSERT_TRUE((*indexer)->Commit().ok());
  EXPECT_EQ((*searcher)->article_count(), 1u);  // still the revision it opened
  EXPECT_THAT(Find(**searcher, "boats"), ElementsAre("first"));

  ASSERT_TRUE((*searcher)->Reopen().ok());
  EXPECT_EQ((*searcher)->article_count(), 2u);
  EXPECT_THAT(Find(**searcher, "boats"), UnorderedElementsAre("first", "second"));
}

}  // namespace
}  // namespace newsgrep
