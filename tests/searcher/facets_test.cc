// SPDX-License-Identifier: GPL-2.0-or-later
/// @file facets_test.cc
/// @brief Tests for what a search says beyond its hits, on a small index of three stories,
/// one republished three times: facets and timelines (SearchOptions::facets, ::timeline),
/// quotes (Searcher::Quotes), and the facet record.
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/match_counter.h"
#include "newsgrep/article.h"
#include "newsgrep/facet_record.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using schema::Facet;
using test::BuildIndex;
using test::Date;
using test::MakeArticle;
using test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kStoryA[] =
    "LONDON - Keir Starmer said on Monday that the talks on steel tariffs would go on. "
    "\"We will not walk away from these talks,\" Starmer told reporters in London after "
    "a meeting with industry leaders. Officials said a deal could come within weeks, "
    "though unions warned that thousands of jobs depended on the outcome of the talks.";
constexpr char kStoryB[] =
    "PARIS - Emmanuel Macron and Keir Starmer held talks in Paris on Wednesday about "
    "fishing rights. \"The door is open,\" Macron said after the meeting.";
constexpr char kStoryC[] =
    "BERLIN - Emmanuel Macron arrived in Berlin for talks with the chancellor on defence "
    "spending.";

std::vector<Article> Corpus() {
  std::vector<Article> articles = {
      // One story republished twice: the same text from three outlets on three days.
      MakeArticle("a-1", "Starmer vows to stay in steel talks", kStoryA, Date("2025-08-18"),
                  "Continental Wire"),
      MakeArticle("a-2", "Starmer vows to stay in steel talks", kStoryA, Date("2025-08-19"),
                  "Daily Herald"),
      MakeArticle("a-3", "Starmer vows to stay in steel talks", kStoryA, Date("2025-08-25"),
                  "Metro View"),
      MakeArticle("b-1", "Macron and Starmer meet on fishing", kStoryB, Date("2025-08-20"),
                  "CONTINENTAL WIRE"),
      MakeArticle("c-1", "Macron in Berlin", kStoryC, std::nullopt, "Eastern Desk"),
      MakeArticle("other", "Harvest report", "Farmers reported a strong harvest.",
                  Date("2025-08-21"), "Farm Weekly"),
  };
  articles[0].categories = {"Politics", "Trade"};
  articles[3].categories = {"politics"};
  return articles;
}

class FacetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(BuildIndex({.db_path = dir_ / "db"}, Corpus()).ok());
    auto searcher = Searcher::Open({dir_ / "db"});
    ASSERT_TRUE(searcher.ok()) << searcher.status();
    searcher_ = *std::move(searcher);
  }

  SearchResults Run(const std::string& query, SearchOptions options) {
    options.snippets = false;
    absl::StatusOr<SearchResults> results = searcher_->Search(query, options);
    EXPECT_TRUE(results.ok()) << results.status();
    return results.ok() ? *results : SearchResults();
  }

  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

// "name=count" of each value of `counts`, in order.
std::vector<std::string> Values(const FacetCounts& counts) {
  std::vector<std::string> out;
  for (const FacetValue& value : counts.values) {
    out.push_back(value.name + "=" + std::to_string(value.count));
  }
  return out;
}

std::vector<std::string> Buckets(const Timeline& timeline) {
  std::vector<std::string> out;
  for (const Timeline::Bucket& bucket : timeline.buckets) {
    out.push_back(bucket.label + "=" + std::to_string(bucket.count));
  }
  return out;
}

TEST_F(FacetsTest, TheStoriesAreClusteredAsTheTestAssumes) {
  const SearchResults all = Run("talks", {.exact_count = true, .collapse = false});
  EXPECT_EQ(all.total, 5u);
  const SearchResults stories = Run("talks", {.exact_count = true});
  EXPECT_EQ(stories.total, 3u);
}

TEST_F(FacetsTest, CountsStoriesNotRepublications) {
  const SearchResults results =
      Run("talks", {.limit = 0, .facets = {Facet::kPerson, Facet::kSource, Facet::kCategory}});
  EXPECT_TRUE(results.hits.empty());
  EXPECT_EQ(results.total, 3u);
  EXPECT_TRUE(results.total_is_exact);
  ASSERT_EQ(results.facets.size(), 3u);
  EXPECT_EQ(results.facets[0].facet, Facet::kPerson);
  EXPECT_EQ(results.facets[0].name, "person");
  // Equal counts: in key order.
  EXPECT_THAT(Values(results.facets[0]), ElementsAre("Emmanuel Macron=2", "Keir Starmer=2"));
  // A story counts for every source among its matching versions; "CONTINENTAL WIRE" and
  // "Continental Wire" are one source.
  EXPECT_THAT(Values(results.facets[1]), ElementsAre("Continental Wire=2", "Daily Herald=1",
                                                     "Eastern Desk=1", "Metro View=1"));
  EXPECT_EQ(results.facets[1].distinct, 4u);
  EXPECT_THAT(Values(results.facets[2]), ElementsAre("Politics=2", "Trade=1"));
}

TEST_F(FacetsTest, WithoutCollapsingCountsArticles) {
  const SearchResults results =
      Run("talks", {.limit = 0, .collapse = false, .facets = {Facet::kPerson, Facet::kSource}});
  EXPECT_EQ(results.total, 5u);
  EXPECT_THAT(Values(results.facets[0]), ElementsAre("Keir Starmer=4", "Emmanuel Macron=2"));
  EXPECT_THAT(Values(results.facets[1]), ElementsAre("Continental Wire=2", "Daily Herald=1",
                                                     "Eastern Desk=1", "Metro View=1"));
}

TEST_F(FacetsTest, PlacesSpeakersAndTheQueryOfEachValue) {
  const SearchResults results =
      Run("talks", {.limit = 0, .facets = {Facet::kLocation, Facet::kSaid}});
  ASSERT_EQ(results.facets.size(), 2u);
  EXPECT_THAT(Values(results.facets[0]), ElementsAre("Berlin=1", "London=1", "Paris=1"));
  EXPECT_THAT(Values(results.facets[1]), ElementsAre("Emmanuel Macron=1", "Keir Starmer=1"));
  // Each value's query selects the stories it counts.
  for (const FacetCounts& facet : results.facets) {
    for (const FacetValue& value : facet.values) {
      const SearchResults refined = Run("talks " + value.query, {.exact_count = true});
      EXPECT_EQ(refined.total, value.count) << value.query;
    }
  }
}

TEST_F(FacetsTest, FacetLimitKeepsTheMostCountedAndTheDistinctCount) {
  const SearchResults results =
      Run("talks", {.limit = 0, .facets = {Facet::kSource}, .facet_limit = 1});
  ASSERT_EQ(results.facets.size(), 1u);
  EXPECT_THAT(Values(results.facets[0]), ElementsAre("Continental Wire=2"));
  EXPECT_EQ(results.facets[0].distinct, 4u);
}

TEST_F(FacetsTest, FacetsCountAllMatchesNotThePage) {
  const SearchResults page = Run("talks", {.limit = 1, .facets = {Facet::kPerson}});
  EXPECT_EQ(page.hits.size(), 1u);
  EXPECT_THAT(Values(page.facets[0]), ElementsAre("Emmanuel Macron=2", "Keir Starmer=2"));
}

TEST_F(FacetsTest, TimelineDatesAStoryByItsEarliestVersion) {
  const SearchResults results = Run("talks", {.limit = 0, .timeline = TimelineUnit::kDay});
  ASSERT_TRUE(results.timeline.has_value());
  EXPECT_EQ(results.timeline->unit, TimelineUnit::kDay);
  EXPECT_THAT(Buckets(*results.timeline),
              ElementsAre("2025-08-18=1", "2025-08-19=0", "2025-08-20=1"));
  EXPECT_EQ(results.timeline->undated, 1u);
  EXPECT_EQ(results.timeline->buckets[0].start, "2025-08-18");
}

TEST_F(FacetsTest, TimelineOfArticles) {
  const SearchResults results =
      Run("talks", {.limit = 0, .collapse = false, .timeline = TimelineUnit::kAuto});
  ASSERT_TRUE(results.timeline.has_value());
  EXPECT_EQ(results.timeline->unit, TimelineUnit::kDay);  // a week's span: days
  EXPECT_THAT(Buckets(*results.timeline),
              ElementsAre("2025-08-18=1", "2025-08-19=1", "2025-08-20=1", "2025-08-21=0",
                          "2025-08-22=0", "2025-08-23=0", "2025-08-24=0", "2025-08-25=1"));
  EXPECT_EQ(results.timeline->undated, 1u);
}

TEST_F(FacetsTest, TimelineByWeekMonthAndYear) {
  const SearchResults week =
      Run("talks", {.limit = 0, .collapse = false, .timeline = TimelineUnit::kWeek});
  // 2025-08-18 is a Monday: the 25th starts the next week.
  EXPECT_THAT(Buckets(*week.timeline), ElementsAre("2025-08-18=3", "2025-08-25=1"));
  const SearchResults month = Run("talks", {.limit = 0, .timeline = TimelineUnit::kMonth});
  EXPECT_THAT(Buckets(*month.timeline), ElementsAre("2025-08=2"));
  EXPECT_EQ(month.timeline->buckets[0].start, "2025-08-01");
  const SearchResults year = Run("talks", {.limit = 0, .timeline = TimelineUnit::kYear});
  EXPECT_THAT(Buckets(*year.timeline), ElementsAre("2025=2"));
}

TEST_F(FacetsTest, TimelineFollowsTheQueryAndSince) {
  const SearchResults dated = Run("talks date:2025-08-19..",
                                  {.limit = 0, .collapse = false, .timeline = TimelineUnit::kDay});
  EXPECT_THAT(Buckets(*dated.timeline),
              ElementsAre("2025-08-19=1", "2025-08-20=1", "2025-08-21=0", "2025-08-22=0",
                          "2025-08-23=0", "2025-08-24=0", "2025-08-25=1"));
  EXPECT_EQ(dated.timeline->undated, 0u);
  const SearchResults since = Run("talks", {.limit = 0,
                                            .collapse = false,
                                            .since = ParseNewsDate("2025-08-20").value(),
                                            .timeline = TimelineUnit::kDay});
  EXPECT_THAT(Buckets(*since.timeline),
              ElementsAre("2025-08-20=1", "2025-08-21=0", "2025-08-22=0", "2025-08-23=0",
                          "2025-08-24=0", "2025-08-25=1"));
}

TEST_F(FacetsTest, NoMatchGivesEmptyFacetsAndTimeline) {
  const SearchResults results =
      Run("zeppelin", {.facets = {Facet::kPerson}, .timeline = TimelineUnit::kAuto});
  EXPECT_EQ(results.total, 0u);
  ASSERT_EQ(results.facets.size(), 1u);
  EXPECT_TRUE(results.facets[0].values.empty());
  ASSERT_TRUE(results.timeline.has_value());
  EXPECT_TRUE(results.timeline->buckets.empty());
  EXPECT_EQ(results.timeline->undated, 0u);
}

QuoteResults Quotes(Searcher& searcher, const std::string& query, SearchOptions options = {}) {
  absl::StatusOr<QuoteResults> results = searcher.Quotes(query, options);
  EXPECT_TRUE(results.ok()) << results.status();
  return results.ok() ? *results : QuoteResults();
}

// "speaker: text (id, versions)" of each quote.
std::vector<std::string> Said(const QuoteResults& results) {
  std::vector<std::string> out;
  for (const QuoteHit& q : results.quotes) {
    out.push_back(q.speaker_key + ": " + q.text + " (" + q.article_id + ", " +
                  std::to_string(q.versions) + ")");
  }
  return out;
}

TEST_F(FacetsTest, QuotesOfASpeakerOnceEachFromTheEarliestVersion) {
  const QuoteResults results = Quotes(*searcher_, "said:starmer");
  EXPECT_THAT(Said(results),
              ElementsAre("keir starmer: We will not walk away from these talks, (a-1, 3)"));
  EXPECT_EQ(results.total, 1u);
  ASSERT_EQ(results.quotes.size(), 1u);
  EXPECT_EQ(results.quotes[0].speaker, "Keir Starmer");
  EXPECT_EQ(results.quotes[0].date, "2025-08-18");
  EXPECT_EQ(results.quotes[0].source, "Continental Wire");
  EXPECT_EQ(results.articles_read, 3u);  // the three versions that quote him
  EXPECT_FALSE(results.articles_capped);
  // Without collapsing, every copy.
  EXPECT_THAT(Said(Quotes(*searcher_, "said:starmer", {.collapse = false})),
              ElementsAre("keir starmer: We will not walk away from these talks, (a-1, 1)",
                          "keir starmer: We will not walk away from these talks, (a-2, 1)",
                          "keir starmer: We will not walk away from these talks, (a-3, 1)"));
}

TEST_F(FacetsTest, QuotesHoldAWordOfTheQuery) {
  // "talks" is in Starmer's quote, not in Macron's (whose article is about talks too).
  EXPECT_THAT(Said(Quotes(*searcher_, "talks")),
              ElementsAre("keir starmer: We will not walk away from these talks, (a-1, 3)"));
  EXPECT_THAT(Said(Quotes(*searcher_, "door")),
              ElementsAre("emanuel macron: The door is open, (b-1, 1)"));
  EXPECT_THAT(Said(Quotes(*searcher_, "quote:\"door is open\"")),
              ElementsAre("emanuel macron: The door is open, (b-1, 1)"));
  EXPECT_THAT(Said(Quotes(*searcher_, "said:macron talks")), ::testing::IsEmpty());
  // What NOT excludes is not what the quotes must say.
  EXPECT_THAT(Said(Quotes(*searcher_, "said:starmer NOT harvest")),
              ElementsAre("keir starmer: We will not walk away from these talks, (a-1, 3)"));
  // A name of two words is one name: both words of the same speaker.
  EXPECT_THAT(Said(Quotes(*searcher_, "said:\"emmanuel starmer\"")), ::testing::IsEmpty());
  EXPECT_EQ(Quotes(*searcher_, "said:\"keir starmer\"").total, 1u);
  EXPECT_EQ(Quotes(*searcher_, "harvest").total, 0u);
}

TEST_F(FacetsTest, QuotesAreGroupedBySpeakerAndPaged) {
  const QuoteResults all = Quotes(*searcher_, "said:starmer OR said:macron");
  EXPECT_THAT(Said(all),
              ElementsAre("emanuel macron: The door is open, (b-1, 1)",
                          "keir starmer: We will not walk away from these talks, (a-1, 3)"));
  const QuoteResults second =
      Quotes(*searcher_, "said:starmer OR said:macron", {.offset = 1, .limit = 1});
  EXPECT_EQ(second.total, 2u);
  EXPECT_THAT(Said(second),
              ElementsAre("keir starmer: We will not walk away from these talks, (a-1, 3)"));
  EXPECT_EQ(searcher_->Quotes("said:(", {}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FacetsTimelineTest, TooManyBucketsIsAnErrorNamingTheSpan) {
  TempDir dir;
  ASSERT_TRUE(
      BuildIndex(
          {.db_path = dir / "db"},
          {MakeArticle("old", "Tariff talks", "Talks on tariffs.", Date("1987-03-02")),
           MakeArticle("new", "Tariff talks again", "More talks on tariffs.", Date("2025-08-20"))})
          .ok());
  auto searcher = Searcher::Open({dir / "db"});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  absl::StatusOr<SearchResults> by_day =
      (*searcher)->Search("talks", {.timeline = TimelineUnit::kDay});
  EXPECT_EQ(by_day.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(by_day.status().message(), HasSubstr("1987-03-02 to 2025-08-20"));
  absl::StatusOr<SearchResults> automatic =
      (*searcher)->Search("talks", {.timeline = TimelineUnit::kAuto});
  ASSERT_TRUE(automatic.ok()) << automatic.status();
  EXPECT_EQ(automatic->timeline->unit, TimelineUnit::kYear);
  EXPECT_EQ(automatic->timeline->buckets.size(), 2025u - 1987u + 1u);
}

TEST(FacetsTimelineTest, AutomaticUnitIsDaysUpTo62BarsThenWeeks) {
  for (const auto& [last, unit] : std::vector<std::pair<const char*, TimelineUnit>>{
           {"2025-03-03", TimelineUnit::kDay},      // 62 days from 2025-01-01
           {"2025-03-04", TimelineUnit::kWeek},     // 63
           {"2026-02-22", TimelineUnit::kWeek},     // 60 weeks (Mondays 2024-12-30 .. 2026-02-16)
           {"2026-02-23", TimelineUnit::kMonth},    // 61 weeks
           {"2029-12-31", TimelineUnit::kMonth},    // 60 months
           {"2030-01-01", TimelineUnit::kYear}}) {  // 61
    TempDir dir;
    ASSERT_TRUE(
        BuildIndex(
            {.db_path = dir / "db"},
            {MakeArticle("first", "Tariff talks", "Talks on tariffs.", Date("2025-01-01")),
             MakeArticle("last", "Tariff talks again", "More talks on tariffs.", Date(last))})
            .ok());
    auto searcher = Searcher::Open({dir / "db"});
    ASSERT_TRUE(searcher.ok()) << searcher.status();
    absl::StatusOr<SearchResults> results =
        (*searcher)->Search("talks", {.collapse = false, .timeline = TimelineUnit::kAuto});
    ASSERT_TRUE(results.ok()) << results.status();
    EXPECT_EQ(results->timeline->unit, unit) << last;
  }
}

// Through remote shards the count records come in another order than the documents: the
// counts, and the names shown, must not depend on it.
TEST(MatchCounterTest, CountsAndNamesDoNotDependOnTheOrderOfTheRecords) {
  const std::vector<std::string> records = {
      EncodeCountRecord(
          {.cluster = "00000000000000a1",
           .date = "20250818",
           .facets = EncodeFacetRecord({{Facet::kPerson, "dmitry sokolov", "Dmitry Sokolov"}})}),
      EncodeCountRecord(
          {.cluster = "00000000000000a1",
           .date = "20250817",
           .facets = EncodeFacetRecord({{Facet::kPerson, "dmitry sokolov", "Dmitriy Sokolov"}})}),
      EncodeCountRecord(
          {.cluster = "",
           .date = "20250820",
           .facets = EncodeFacetRecord({{Facet::kPerson, "dmitry sokolov", "Dmitry Sokolov"}})}),
  };
  auto count = [&](const std::vector<size_t>& order) {
    auto counter = std::make_unique<internal::MatchCounter>(
        internal::MatchCounter::Plan{.by_story = true, .facets = {Facet::kPerson}, .dates = true});
    for (const size_t i : order) counter->Count(records[i], i == 2 ? 3 : 1);
    return counter;
  };
  for (const std::vector<size_t>& order :
       std::vector<std::vector<size_t>>{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}}) {
    const std::unique_ptr<internal::MatchCounter> made = count(order);
    const internal::MatchCounter& counter = *made;
    EXPECT_EQ(counter.matches(), 4u);  // one story of two versions, three story-less articles
    const std::vector<FacetCounts> facets = counter.Facets(10);
    ASSERT_EQ(facets.size(), 1u);
    ASSERT_EQ(facets[0].values.size(), 1u);
    EXPECT_EQ(facets[0].values[0].count, 4u);
    EXPECT_EQ(facets[0].values[0].name, "Dmitriy Sokolov");  // the longest spelling
    absl::StatusOr<Timeline> timeline = counter.MakeTimeline(TimelineUnit::kDay);
    ASSERT_TRUE(timeline.ok());
    ASSERT_EQ(timeline->buckets.size(), 4u);         // Aug 17 … Aug 20
    EXPECT_EQ(timeline->buckets.front().count, 1u);  // the story, by its earliest
    EXPECT_EQ(timeline->buckets.back().count, 3u);
  }
}

TEST(FacetsDamageTest, ADamagedFacetRecordIsDataLoss) {
  TempDir dir;
  const std::string path = dir / "db";
  ASSERT_TRUE(BuildIndex({.db_path = path}, Corpus()).ok());
  {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document document = db.get_document(*it);
      const std::string cluster = document.get_value(schema::kClusterSlot);
      const std::string date = document.get_value(schema::kDateSlot);
      document.add_value(
          schema::kCountSlot,
          EncodeCountRecord({.cluster = cluster, .date = date, .facets = "\x7f\x05oops"}));
      db.replace_document(*it, document);
    }
    db.commit();
  }
  auto searcher = Searcher::Open({path});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  EXPECT_EQ((*searcher)->Search("talks", {.facets = {Facet::kPerson}}).status().code(),
            absl::StatusCode::kDataLoss);
  // Searches that do not count facets never read the record's facets.
  EXPECT_TRUE((*searcher)->Search("talks", {.timeline = TimelineUnit::kDay}).ok());
  // A count record that is none at all is damage for any count.
  {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document document = db.get_document(*it);
      document.add_value(schema::kCountSlot, "\xff\xff");
      db.replace_document(*it, document);
    }
    db.commit();
  }
  ASSERT_TRUE((*searcher)->Reopen().ok());
  EXPECT_EQ((*searcher)->Search("talks", {.timeline = TimelineUnit::kDay}).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(NameMentionsTest, NamesAndSurnamesAsWholeWordsLongestFirst) {
  StoredArticle article;
  article.body =
      "Keir Starmer met Macron in Kiev. Starmer said Starmerism was dead; Kyiv agreed. "
      "Starmer\u2019s aides and Starmer's staff. \u201cKyiv\u201d\u2014Starmer\u00a0said. "
      "kiev in small letters is not the name as written.";
  article.people = {{"Keir Starmer", "keir starmer", 2}};
  article.locations = {{"Kiev", "Kyiv", "kyiv", "city", "UA", 1}};
  const std::vector<NameMention> mentions = NameMentions(article);
  std::vector<std::string> found;
  for (const NameMention& m : mentions) {
    found.push_back(article.body.substr(m.begin, m.end - m.begin) + "/" + m.key);
  }
  EXPECT_THAT(found, ElementsAre("Keir Starmer/keir starmer", "Kiev/kyiv", "Starmer/keir starmer",
                                 "Kyiv/kyiv", "Starmer/keir starmer", "Starmer/keir starmer",
                                 "Kyiv/kyiv", "Starmer/keir starmer"));
  EXPECT_EQ(mentions[1].kind, EntityKind::kPlace);
  EXPECT_TRUE(NameMentions(StoredArticle{}).empty());
}

TEST(FacetRecordTest, EncodesAndVisitsEveryValue) {
  const std::vector<FacetEntry> entries = {
      {Facet::kPerson, "keir starmer", "Keir Starmer"},
      {Facet::kLocation, "kyiv", "Kyiv"},
      {Facet::kSource, "reuters", "reuters"},  // the name equals the key: stored once
  };
  const std::string record = EncodeFacetRecord(entries);
  std::vector<FacetEntry> visited;
  EXPECT_TRUE(
      VisitFacetRecord(record, [&](Facet facet, absl::string_view key, absl::string_view name) {
        visited.push_back({facet, std::string(key), std::string(name)});
      }));
  EXPECT_EQ(visited, entries);
}

TEST(FacetRecordTest, DamagedRecordsAreRejectedNotOverrun) {
  const std::string good = EncodeFacetRecord({{Facet::kPerson, "keir starmer", "Keir Starmer"}});
  for (size_t cut = 1; cut < good.size(); ++cut) {
    EXPECT_FALSE(VisitFacetRecord(good.substr(0, cut), [](Facet, absl::string_view,
                                                          absl::string_view) {
    })) << cut;
  }
  EXPECT_FALSE(
      VisitFacetRecord("\x09\x01x\x00", [](Facet, absl::string_view, absl::string_view) {}));
}

TEST(FacetRecordTest, EntriesOfAnArticleAreUniqueByKey) {
  StoredArticle article;
  article.people = {{"Keir Starmer", "keir starmer", 2}, {"Sir Keir Starmer", "keir starmer", 1}};
  article.locations = {{"Kiev", "Kyiv", "kyiv", "city", "UA", 1}};
  article.dateline_place = {"KYIV", "Kyiv", "kyiv", "city", "UA", 1};
  article.quotes = {{"We go on", "Starmer", "keir starmer", 0, 8},
                    {"Unattributed", "", "", 10, 20}};
  article.source = "The Meridian Times";
  article.authors = {"Ann O'Neil"};
  const std::vector<FacetEntry> entries = FacetEntriesOf(article, {"World News", "world  news"});
  EXPECT_THAT(entries,
              ElementsAre(FacetEntry{Facet::kPerson, "keir starmer", "Keir Starmer"},
                          FacetEntry{Facet::kLocation, "kyiv", "Kyiv"},
                          FacetEntry{Facet::kSaid, "keir starmer", "Starmer"},
                          FacetEntry{Facet::kSource, "the meridian times", "The Meridian Times"},
                          FacetEntry{Facet::kAuthor, "an oneil", "Ann O'Neil"},
                          FacetEntry{Facet::kCategory, "world news", "World News"}));
}

TEST(FacetRecordTest, EveryFacetIsInTheTableUnderItsNumber) {
  for (size_t i = 0; i < schema::kFacets.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(schema::kFacets[i].facet), i);
    EXPECT_EQ(schema::FindFacet(schema::kFacets[i].name), &schema::kFacets[i]);
  }
  EXPECT_EQ(schema::FindFacet("nope"), nullptr);
}

}  // namespace
}  // namespace newsgrep
