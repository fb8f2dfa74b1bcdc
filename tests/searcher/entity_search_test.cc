// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entity_search_test.cc
/// @brief Searching the entity fields: person: and said: in any spelling, location: with
/// old and new spellings, quote: phrases inside quotation marks only, entities in hits,
/// and the ranking that puts an article whose headline, quotes, people or places hold the
/// word above one that only mentions it in the body.
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/indexer.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using test::BuildSearcher;
using test::MakeArticle;
using test::TempDir;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Every test article is its own story, so that collapsing never hides one.
std::unique_ptr<Searcher> Build(const TempDir& dir, const std::vector<Article>& articles) {
  auto searcher = BuildSearcher({.db_path = dir.path(), .detect_duplicates = false}, articles);
  EXPECT_TRUE(searcher.ok()) << searcher.status();
  return searcher.ok() ? *std::move(searcher) : nullptr;
}

SearchOptions All() {
  SearchOptions options;
  options.limit = 100;
  options.collapse = false;
  options.snippets = false;
  return options;
}

std::vector<std::string> Ids(Searcher& searcher, const std::string& query) {
  return test::Find(searcher, query, All());
}

std::vector<Article> Corpus() {
  return {
      MakeArticle("a", "Kyiv asks for guarantees",
                  "Ukrainian President Volodymyr Zelenskyy said in Kyiv that “security "
                  "guarantees must have teeth”. Russian Foreign Minister Sergey Lavrov "
                  "warned that \"this will not work\"."),
      MakeArticle("b", "Talks in Brussels",
                  "BRUSSELS: President Zelenskiy joined the call. Officials said this will "
                  "not work without security guarantees; Foreign Minister Lavrov was not "
                  "quoted."),
      MakeArticle("c", "Kiev reaction",
                  "In Kiev, President Zelensky met envoys. “We will not accept any deal that "
                  "leaves us alone,” Zelensky said."),
      MakeArticle("d", "Unrelated", "Cocoa prices rose in Abidjan on Tuesday, traders said."),
  };
}

TEST(EntitySearchTest, PersonInAnySpelling) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  for (const char* query : {"person:zelensky", "person:Zelenskyy", "person:zelenskiy",
                            "person:ZELENSKII", "person:\"Volodymyr Zelenskiy\""}) {
    const std::vector<std::string> ids = Ids(*searcher, query);
    if (std::string(query).find("Volodymyr") != std::string::npos) {
      EXPECT_THAT(ids, ElementsAre("a")) << query;  // the full name is only in "a"
    } else {
      EXPECT_THAT(ids, UnorderedElementsAre("a", "b", "c")) << query;
    }
  }
  EXPECT_THAT(Ids(*searcher, "person:lavrov"), UnorderedElementsAre("a", "b"));
  EXPECT_THAT(Ids(*searcher, "person:\"sergei lavrov\""), ElementsAre("a"));
}

TEST(EntitySearchTest, SaidFindsArticlesQuotingThePerson) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Ids(*searcher, "said:lavrov"), ElementsAre("a"));  // "b" names, not quotes
  EXPECT_THAT(Ids(*searcher, "said:zelenskyy"), UnorderedElementsAre("a", "c"));
  EXPECT_THAT(Ids(*searcher, "said:\"sergey lavrov\""), ElementsAre("a"));
}

TEST(EntitySearchTest, QuoteSearchesOnlyTextInsideQuotationMarks) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Ids(*searcher, "quote:\"this will not work\""), ElementsAre("a"));
  EXPECT_THAT(Ids(*searcher, "\"this will not work\""), UnorderedElementsAre("a", "b"));
  EXPECT_THAT(Ids(*searcher, "quote:teeth"), ElementsAre("a"));
  EXPECT_THAT(Ids(*searcher, "quote:zelensky"), IsEmpty());
}

TEST(EntitySearchTest, LocationWithOldAndNewSpellingsAndDatelines) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Ids(*searcher, "location:kyiv"), UnorderedElementsAre("a", "c"));
  EXPECT_THAT(Ids(*searcher, "location:kiev"), UnorderedElementsAre("a", "c"));
  EXPECT_THAT(Ids(*searcher, "location:brussels \"security guarantees\""), ElementsAre("b"));
  EXPECT_THAT(Ids(*searcher, "dateline:brussels"), ElementsAre("b"));  // found in the body
  EXPECT_THAT(Ids(*searcher, "location:abidjan"), ElementsAre("d"));
}

TEST(EntitySearchTest, HitsCarryTheEntities) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  auto results = searcher->Search("id:a", All());
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 1u);
  const StoredArticle& a = results->hits[0].article;
  ASSERT_EQ(a.people.size(), 2u);
  EXPECT_EQ(a.people[0].name, "Volodymyr Zelenskyy");
  EXPECT_EQ(a.people[0].key, "volodymyr zelensky");
  EXPECT_EQ(a.people[1].name, "Sergey Lavrov");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].text, "security guarantees must have teeth");
  EXPECT_EQ(a.quotes[0].speaker, "Volodymyr Zelenskyy");
  EXPECT_EQ(a.quotes[1].text, "this will not work");
  EXPECT_EQ(a.quotes[1].speaker, "Sergey Lavrov");
  ASSERT_FALSE(a.locations.empty());
  EXPECT_EQ(a.locations[0].canonical, "Kyiv");
}

// Xapian 1.4's parser never hands a phrase to a field processor: a name written with a
// hyphen or slash, or in curly quotes, used to find nothing ("no searchable words"), and such
// a phrase marked '+' crashed the parser (found by the query fuzzer).
TEST(EntitySearchTest, NameValuesWrittenAsPhrasesFindTheName) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  for (const char* query :
       {"person:Volodymyr-Zelenskiy", "person:volodymyr/zelensky", "person:(Volodymyr-Zelenskiy)",
        "person:“Volodymyr Zelenskiy”", "+person:volodymyr.zelensky",
        "kyiv +person:volodymyr-zelensky", "person:(zelensky +\"volodymyr zelensky\")",
        "person:(zelensky +volodymyr/zelensky)", "person:(zelensky +volodymyr/-zelensky)",
        "person:(lavrov OR volodymyr-zelensky) teeth", "said:(volodymyr-zelensky)",
        "person:(zelensky said:volodymyr-zelensky)"}) {
    EXPECT_THAT(Ids(*searcher, query), ElementsAre("a")) << query;
  }
  EXPECT_THAT(Ids(*searcher, "person:(zelensky -volodymyr-zelensky)"),
              UnorderedElementsAre("b", "c"));
  EXPECT_THAT(Ids(*searcher, "person:(sergei +lavrov/zelensky)"), IsEmpty());
}

// A wildcard never reaches a field processor in Xapian 1.4: `person:zel*` matched nothing
// with "no searchable words"; now it is refused, saying why and where.
TEST(EntitySearchTest, NameFieldsRefuseWildcardsSayingWhy) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  for (const char* query : {"person:zelensk*", "kyiv said:zel*"}) {
    const auto results = searcher->Search(query, All());
    ASSERT_FALSE(results.ok()) << query;
    EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(results.status().message(), ::testing::HasSubstr("not wildcards")) << query;
    EXPECT_THAT(results.status().message(),
                ::testing::HasSubstr(absl::StrCat("column ", std::string(query).size())));
  }
  EXPECT_THAT(Ids(*searcher, "location:ky*"), UnorderedElementsAre("a", "c"));
}

// Queries built from the pieces that break Xapian's parser around field processors (name
// fields, groups, quotes of both kinds, '+' and '-', words joined by punctuation, malformed
// UTF-8): each one is either searched or refused with InvalidArgument, never a crash.
TEST(EntitySearchTest, NameFieldQueriesNeverCrashTheParser) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  const std::vector<std::string> pieces = {
      "person:", "said:", "title:", "(",    ")",        "+",      "-",      "\"",  "“",
      "”",       " ",     " ",      " ",    "zelensky", "lavrov", "a/b",    "a.b", "a-b",
      "a@b",     "a\\b",  "a:b",    "b--c", "x*",       "O'Neil", "O’Neil", "a`b", "AND",
      "OR",      "NOT",   "\x88",   "\xbd", "=",        "&",      ".."};
  std::mt19937 random(20261205);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  SearchOptions options = All();
  options.limit = 3;
  for (int i = 0; i < 20000; ++i) {
    std::string query;
    for (int n = length(random); n > 0; --n) query += pieces[piece(random)];
    const auto results = searcher->Search(query, options);
    EXPECT_TRUE(results.ok() || results.status().code() == absl::StatusCode::kInvalidArgument)
        << query << ": " << results.status();
  }
}

TEST(EntitySearchTest, NameFieldsAreNameFoldingFieldsOfTheSchema) {
  for (const char* name : {"person", "said"}) {
    const schema::Field* field = schema::FindField(name);
    ASSERT_NE(field, nullptr) << name;
    EXPECT_TRUE(field->folds_names) << name;
  }
  for (const char* name : {"person", "location", "quote", "title"}) {
    EXPECT_GT(schema::FindField(name)->boost, 1.0) << name;
  }
}

// Pairs of articles identical but for where the query word is: in a boosted place (the
// headline, a quotation, a person's name, a place name) or in the body only. The first of
// each pair ranks first.
TEST(EntityRankingTest, BoostedFieldMatchOutranksBodyOnlyMatch) {
  struct Pair {
    const char* query;
    Article boosted;
    Article body_only;
  };
  const std::vector<Pair> pairs = {
      {"tesselaar",
       MakeArticle("title", "Tesselaar talks resume",
                   "Officials met on Tuesday to discuss "
                   "the plan."),
       MakeArticle("body", "Talks resume today",
                   "Officials met Tesselaar on Tuesday to "
                   "discuss the plan.")},
      {"readiness",
       MakeArticle("quote", "Planners report",
                   "“The readiness of the force is clear,” Tomas Berglund said on Tuesday."),
       MakeArticle("plain", "Planners report",
                   "The readiness of the force is clear, Tomas Berglund said on Tuesday.")},
      {"berglund",
       MakeArticle("person", "Planners report",
                   "Minister Tomas Berglund met the planners on Tuesday in the morning."),
       MakeArticle("word", "Planners report",
                   "The minister met the berglund planners on Tuesday in the morning.")},
      {"tallinn",
       MakeArticle("place", "Planners report",
                   "The planners met in Tallinn on Tuesday in the morning."),
       MakeArticle("noplace", "Planners report",
                   "The planners met the tallinn crew on Tuesday in the morning.")},
  };
  for (Pair pair : pairs) {
    SCOPED_TRACE(pair.query);
    pair.boosted.date = pair.body_only.date = test::Date("2025-08-20");
    // Both orders of indexing, so that document ids cannot decide.
    for (bool boosted_first : {true, false}) {
      TempDir sub;
      auto searcher =
          Build(sub, boosted_first ? std::vector<Article>{pair.boosted, pair.body_only}
                                   : std::vector<Article>{pair.body_only, pair.boosted});
      ASSERT_NE(searcher, nullptr);
      // Without and with a --since filter: the bonuses take their other form for queries
      // that check values or positions (searcher.cc, WithBonuses). Not from midnight, so
      // that the filter checks the timestamps of its first day.
      SearchOptions since = All();
      since.since = test::Date("2025-08-19T12:00:00Z");
      for (const SearchOptions& options : {All(), since}) {
        SCOPED_TRACE(options.since.has_value() ? "since" : "all");
        auto results = searcher->Search(pair.query, options);
        ASSERT_TRUE(results.ok()) << results.status();
        ASSERT_EQ(results->hits.size(), 2u);
        EXPECT_EQ(results->hits[0].article.id, pair.boosted.id);
        EXPECT_GT(results->hits[0].score, results->hits[1].score);
      }
    }
  }
}

// A phrase keeps its stopwords, but they earn no field bonus: two articles with the same
// words, one with "the" inside its quotation and the other with "a" there, score the same
// for a phrase with "the" in it. (With a bonus for "the" in a quotation, the first would
// rank above the second for no reason a reader would see.)
TEST(EntityRankingTest, StopwordsInAPhraseEarnNoFieldBonus) {
  Article the_quoted = MakeArticle(
      "the-quoted", "Ceasefire report",
      "Envoys discussed the end of the war on Tuesday. “The plan is ready,” an official "
      "said, adding that a deal was near.");
  Article a_quoted =
      MakeArticle("a-quoted", "Ceasefire report",
                  "Envoys discussed the end of the war on Tuesday. “A plan is ready,” an official "
                  "said, adding that the deal was near.");
  the_quoted.date = a_quoted.date = test::Date("2025-08-20");
  TempDir dir;
  auto searcher = Build(dir, {the_quoted, a_quoted});
  ASSERT_NE(searcher, nullptr);
  // Both quotations are in the quote field.
  EXPECT_THAT(Ids(*searcher, "quote:ready"), UnorderedElementsAre("the-quoted", "a-quoted"));
  auto results = searcher->Search("\"end of the war\"", All());
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->hits.size(), 2u);
  EXPECT_DOUBLE_EQ(results->hits[0].score, results->hits[1].score);
}

// (key, articles, name) of each counted entity, in the order listed.
std::vector<std::tuple<std::string, size_t, std::string>> Counts(Searcher& searcher,
                                                                 EntityKind kind, size_t limit) {
  std::vector<std::tuple<std::string, size_t, std::string>> out;
  absl::StatusOr<std::vector<EntityCount>> counts = searcher.TopEntities(kind, limit);
  EXPECT_TRUE(counts.ok()) << counts.status();
  if (!counts.ok()) return out;
  for (const EntityCount& c : *counts) out.emplace_back(c.key, c.articles, c.name);
  return out;
}

TEST(EntityCountTest, TopPeopleCountEverySpellingAndASurnameAloneWithItsFullName) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  EXPECT_THAT(Counts(*searcher, EntityKind::kPerson, 10),
              ElementsAre(std::make_tuple("volodymyr zelensky", 3, "Volodymyr Zelenskyy"),
                          std::make_tuple("sergei lavrov", 2, "Sergey Lavrov")));
  EXPECT_THAT(Counts(*searcher, EntityKind::kPerson, 1),
              ElementsAre(std::make_tuple("volodymyr zelensky", 3, "Volodymyr Zelenskyy")));
  absl::StatusOr<std::vector<EntityCount>> people = searcher->TopEntities(EntityKind::kPerson, 1);
  ASSERT_TRUE(people.ok()) << people.status();
  EXPECT_THAT(people->front().spellings,
              UnorderedElementsAre("Volodymyr Zelenskyy", "Zelenskiy", "Zelensky"));
  EXPECT_THAT(people->front().kind, IsEmpty());
}

TEST(EntityCountTest, TopPlacesHaveTheGazetteerNameAndKind) {
  TempDir dir;
  auto searcher = Build(dir, Corpus());
  ASSERT_NE(searcher, nullptr);
  absl::StatusOr<std::vector<EntityCount>> places = searcher->TopEntities(EntityKind::kPlace, 1);
  ASSERT_TRUE(places.ok()) << places.status();
  ASSERT_THAT(*places, testing::SizeIs(1));
  EXPECT_EQ(places->front().key, "kyiv");  // Kyiv in "a", Kiev in "c"
  EXPECT_EQ(places->front().name, "Kyiv");
  EXPECT_EQ(places->front().kind, "city");
  EXPECT_EQ(places->front().articles, 2u);
  EXPECT_THAT(places->front().spellings, UnorderedElementsAre("Kyiv", "Kiev"));
}

TEST(EntityCountTest, ShardsAreCountedAsOneIndex) {
  TempDir one, first, second;
  auto whole = Build(one, Corpus());
  ASSERT_NE(whole, nullptr);
  const std::vector<Article> corpus = Corpus();
  ASSERT_NE(Build(first, {corpus[0], corpus[1]}), nullptr);
  ASSERT_NE(Build(second, {corpus[2], corpus[3]}), nullptr);
  auto sharded = Searcher::Open({first.path(), second.path()});
  ASSERT_TRUE(sharded.ok()) << sharded.status();
  for (EntityKind kind : {EntityKind::kPerson, EntityKind::kPlace}) {
    EXPECT_EQ(Counts(**sharded, kind, 100), Counts(*whole, kind, 100));
  }
}

}  // namespace
}  // namespace newsgrep
