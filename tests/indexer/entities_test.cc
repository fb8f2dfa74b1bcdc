// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entities_test.cc
/// @brief ExtractEntities on whole articles (title, body, dateline, quotes together),
/// concurrent use of shared resources, the entity fields the indexer writes, and the
/// stored-article encoding of entities.
#include "newsgrep/entities.h"

#include <stdlib.h>
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/indexer.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using test::EntityResourcesForTest;
using test::IndexedTerm;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

// An invented wire story with every kind of entity.
Article Story() {
  Article article;
  article.id = "story-1";
  article.title = "Kyiv welcomes talks as Horodetsky asks for guarantees";
  article.body =
      "KYIV: Ukraine’s Defence Minister Mykola Horodetsky said on Wednesday that the video "
      "conference was “a useful step” but warned that Kyiv would not accept weak guarantees.\n\n"
      "“We have been promised a lot over thirty years,” Horodetsky said. “What our soldiers "
      "want to know is simple.\n\n"
      "“Until we have answers in writing, we will keep building our own army.”\n\n"
      "In Moscow, Deputy Foreign Minister Dmitry Sokolov dismissed the talks as “a rehearsal "
      "for escalation”. Officials in Brussels said the “coalition of the willing” would meet.";
  return article;
}

TEST(ExtractEntitiesTest, WholeArticle) {
  const Article article = Story();
  const ArticleEntities found = ExtractEntities(article, EntityResourcesForTest());

  ASSERT_EQ(found.people.size(), 2u);
  EXPECT_EQ(found.people[0].name, "Mykola Horodetsky");
  EXPECT_EQ(found.people[0].key, "mykola horodetsky");
  // Title mention first, then the body: full name, two surname-only mentions.
  ASSERT_EQ(found.people[0].mentions.size(), 3u);
  EXPECT_EQ(found.people[0].mentions[0].field, TextSpan::Field::kTitle);
  for (const TextSpan& span : found.people[0].mentions) {
    const std::string& text = span.field == TextSpan::Field::kTitle ? article.title : article.body;
    EXPECT_THAT(text.substr(span.begin, span.end - span.begin),
                testing::AnyOf("Horodetsky", "Mykola Horodetsky"));
  }
  EXPECT_EQ(found.people[1].name, "Dmitry Sokolov");

  std::vector<std::string> places;
  for (const Location& l : found.locations) places.push_back(l.canonical);
  EXPECT_THAT(places, ElementsAre("Kyiv", "Ukraine", "Moscow", "Brussels"));
  EXPECT_EQ(found.dateline.name, "KYIV");
  EXPECT_EQ(found.dateline.canonical, "Kyiv");

  ASSERT_EQ(found.quotes.size(), 4u);
  EXPECT_EQ(found.quotes[0].text, "a useful step");
  EXPECT_EQ(found.quotes[0].speaker, "Mykola Horodetsky");
  EXPECT_EQ(found.quotes[0].speaker_key, "mykola horodetsky");
  EXPECT_EQ(found.quotes[1].text, "We have been promised a lot over thirty years,");
  EXPECT_EQ(found.quotes[1].speaker, "Mykola Horodetsky");
  // The next quote runs over two paragraphs and follows the attributed one.
  EXPECT_THAT(found.quotes[2].text, testing::StartsWith("What our soldiers want"));
  EXPECT_THAT(found.quotes[2].text, testing::HasSubstr("\n\nUntil we have answers"));
  EXPECT_EQ(found.quotes[2].speaker, "Mykola Horodetsky");
  // Dismissed … as “…”: his words; the “coalition of the willing” is a scare quote.
  EXPECT_EQ(found.quotes[3].text, "a rehearsal for escalation");
  EXPECT_EQ(found.quotes[3].speaker, "Dmitry Sokolov");
  for (const Quote& q : found.quotes) {
    EXPECT_EQ(q.span.field, TextSpan::Field::kBody);
    EXPECT_LT(q.span.begin, q.span.end);
    EXPECT_LE(q.span.end, article.body.size());
  }
}

TEST(ExtractEntitiesTest, SameResultsFromManyThreads) {
  const Article article = Story();
  const ArticleEntities expected = ExtractEntities(article, EntityResourcesForTest());
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (size_t t = 0; t < ok.size(); ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 20; ++i) {
        const ArticleEntities found = ExtractEntities(article, EntityResourcesForTest());
        same = same && found.people.size() == expected.people.size() &&
               found.locations.size() == expected.locations.size() &&
               found.quotes.size() == expected.quotes.size() &&
               found.people[0].key == expected.people[0].key;
      }
      ok[t] = same ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(ok, testing::Each(1));
}

TEST(ExtractEntitiesTest, EmptyArticle) {
  const ArticleEntities found = ExtractEntities(Article{}, EntityResourcesForTest());
  EXPECT_THAT(found.people, IsEmpty());
  EXPECT_THAT(found.locations, IsEmpty());
  EXPECT_THAT(found.quotes, IsEmpty());
  EXPECT_EQ(found.dateline.name, "");
}

TEST(ExtractEntitiesTest, CorpusStatisticsResolveSurnamesAcrossArticles) {
  // In one article the cue is strong; in the other the surname stands alone.
  const std::vector<std::string> corpus = {
      "Russian security chief Alexander Lebed met rebel leaders on Friday.",
      "Talks went on. Lebed met them again on Saturday."};
  const std::shared_ptr<const CorpusStatistics> stats =
      CorpusStatistics::Build(corpus, EntityResourcesForTest());
  Article second;
  second.body = corpus[1];
  EXPECT_THAT(ExtractEntities(second, EntityResourcesForTest()).people, IsEmpty());
  const ArticleEntities with = ExtractEntities(second, EntityResourcesForTest(), stats.get());
  ASSERT_EQ(with.people.size(), 1u);
  EXPECT_EQ(with.people[0].name, "Lebed");
}

TEST(CorpusBlockTest, FullAtItsArticleLimitAndStatisticsOverItsBodies) {
  CorpusBlock block;
  EXPECT_TRUE(block.empty());
  Article cue;
  cue.body = "Russian security chief Alexander Lebed met rebel leaders on Friday.";
  Article alone;
  alone.body = "Talks went on. Lebed met them again on Saturday.";
  EXPECT_FALSE(block.Add(cue));
  EXPECT_FALSE(block.Add(alone));
  CorpusBlock::Taken taken = block.Take(EntityResourcesForTest());
  EXPECT_TRUE(block.empty());
  ASSERT_EQ(taken.articles.size(), 2u);
  ASSERT_NE(taken.statistics, nullptr);
  const ArticleEntities found =
      ExtractEntities(taken.articles[1], EntityResourcesForTest(), taken.statistics.get());
  ASSERT_EQ(found.people.size(), 1u);
  EXPECT_EQ(found.people[0].name, "Lebed");

  size_t added = 1;
  while (!block.Add(alone)) ++added;
  EXPECT_EQ(added, CorpusBlock::kMaxArticles);
}

TEST(StoredArticleTest, EntitiesRoundTrip) {
  StoredArticle article;
  article.id = "a";
  article.body = "x";
  article.people = {{"Volodymyr Zelenskyy", "volodymyr zelensky", 3}};
  article.locations = {{"Kiev", "Kyiv", "kyiv", "city", "UA", 2}};
  article.dateline_place = {"KYIV", "Kyiv", "kyiv", "city", "UA", 1};
  article.quotes = {{"We need guarantees.", "Volodymyr Zelenskyy", "volodymyr zelensky", 5, 24},
                    {"at the appropriate time", "", "", 30, 53}};
  const absl::StatusOr<StoredArticle> decoded =
      DecodeStoredArticle(EncodeDisplayRecord(article), EncodeStoredBodies(article));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->people, article.people);
  EXPECT_EQ(decoded->locations, article.locations);
  EXPECT_EQ(decoded->dateline_place, article.dateline_place);
  EXPECT_EQ(decoded->quotes, article.quotes);
}

// The indexer writes the entity fields: prefixed positional terms for person:, location:,
// quote:, said:, one key term per person and place, and the entities in the stored data.
TEST(IndexEntitiesTest, EntityTermsAndStoredEntities) {
  std::string dir = (std::filesystem::temp_directory_path() / "entities_test_XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  {
    auto indexer = Indexer::Open({.db_path = dir});
    ASSERT_TRUE(indexer.ok()) << indexer.status();
    ASSERT_TRUE((*indexer)->Add(Story()).ok());
    ASSERT_TRUE((*indexer)->Commit().ok());
  }
  Xapian::Database db(dir);
  auto has = [&db](const std::string& term) { return db.term_exists(term); };
  EXPECT_TRUE(has(IndexedTerm("horodetsky", schema::kPersonPrefix)));
  EXPECT_TRUE(has(IndexedTerm("mykola", schema::kPersonPrefix)));
  EXPECT_TRUE(has(std::string(schema::kPersonKeyPrefix) + "mykola horodetsky"));
  EXPECT_TRUE(has(std::string(schema::kPersonKeyPrefix) + "dmitry sokolov"));
  EXPECT_TRUE(has(IndexedTerm("kyiv", schema::kLocationPrefix)));
  EXPECT_TRUE(has(IndexedTerm("kiev", schema::kLocationPrefix)));  // the old spelling too
  EXPECT_TRUE(has(std::string(schema::kLocationKeyPrefix) + "kyiv"));
  EXPECT_TRUE(has(IndexedTerm("escalation", schema::kQuotePrefix)));
  EXPECT_FALSE(has(IndexedTerm("coalition", schema::kQuotePrefix)));  // a scare quote
  EXPECT_TRUE(has(IndexedTerm("horodetsky", schema::kSaidPrefix)));
  EXPECT_TRUE(has(IndexedTerm("kyiv", schema::kDatelinePrefix)));  // dateline from the body
  Xapian::PostingIterator posting = db.postlist_begin(schema::IdTerm("story-1"));
  ASSERT_NE(posting, db.postlist_end(schema::IdTerm("story-1")));
  const absl::StatusOr<StoredArticle> stored = ReadStoredArticle(db.get_document(*posting));
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->people.size(), 2u);
  EXPECT_EQ(stored->people[0].name, "Mykola Horodetsky");
  EXPECT_EQ(stored->people[0].mentions, 3u);
  ASSERT_EQ(stored->quotes.size(), 4u);
  EXPECT_EQ(stored->quotes[0].speaker, "Mykola Horodetsky");
  EXPECT_EQ(
      stored->body.substr(stored->quotes[0].begin, stored->quotes[0].end - stored->quotes[0].begin),
      "a useful step");
  EXPECT_EQ(stored->dateline_place.canonical, "Kyiv");
  std::error_code error;
  std::filesystem::remove_all(dir, error);
}

// What `newsgrep eval ner` measures is what the index gets: articles read together share
// their block's statistics, so a surname alone in one article is the person another names
// with a strong cue; a single article added alone has no such help.
TEST(IndexEntitiesTest, ArticlesIndexedTogetherShareStatistics) {
  std::string dir = (std::filesystem::temp_directory_path() / "entities_test_XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const std::string input = dir + "/in.jsonl";
  {
    std::FILE* f = std::fopen(input.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "{\"id\": \"cue\", \"body\": \"Russian security chief Alexander Lebed met rebel "
        "leaders on Friday.\"}\n"
        "{\"id\": \"alone\", \"body\": \"Talks went on. Lebed met them again on "
        "Saturday.\"}\n",
        f);
    std::fclose(f);
  }
  auto people_of = [](const std::string& db_path, const std::string& id) {
    Xapian::Database db(db_path);
    Xapian::PostingIterator posting = db.postlist_begin(schema::IdTerm(id));
    std::vector<std::string> names;
    if (posting == db.postlist_end(schema::IdTerm(id))) return names;
    const absl::StatusOr<StoredArticle> stored = ReadStoredArticle(db.get_document(*posting));
    if (stored.ok()) {
      for (const StoredPerson& p : stored->people) names.push_back(p.name);
    }
    return names;
  };
  {
    auto indexer = Indexer::Open({.db_path = dir + "/together"});
    ASSERT_TRUE(indexer.ok()) << indexer.status();
    IndexReport report;
    ASSERT_TRUE((*indexer)->IndexPath(input, nullptr, &report).ok());
    EXPECT_EQ(report.articles, 2u);
  }
  EXPECT_THAT(people_of(dir + "/together", "alone"), testing::ElementsAre("Lebed"));
  {
    auto indexer = Indexer::Open({.db_path = dir + "/alone"});
    ASSERT_TRUE(indexer.ok()) << indexer.status();
    Article alone;
    alone.id = "alone";
    alone.body = "Talks went on. Lebed met them again on Saturday.";
    ASSERT_TRUE((*indexer)->Add(alone).ok());
  }
  EXPECT_THAT(people_of(dir + "/alone", "alone"), IsEmpty());
  std::error_code error;
  std::filesystem::remove_all(dir, error);
}

}  // namespace
}  // namespace newsgrep
