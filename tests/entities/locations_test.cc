// SPDX-License-Identifier: GPL-2.0-or-later
/// @file locations_test.cc
/// @brief LocationRecognizer and the gazetteers loaded from Debian data: countries,
/// regions, cities, old spellings, common words that are also towns, datelines, teams.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/entities.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using test::EntityResourcesForTest;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Mentions(const std::string& text) {
  std::vector<std::string> out;
  for (const EntityMention& m : LocationRecognizer(EntityResourcesForTest()).Find(text)) {
    out.push_back(m.text);
  }
  return out;
}

ArticleEntities Extract(const std::string& body, const std::string& dateline = "") {
  Article article;
  article.id = "t";
  article.body = body;
  article.dateline = dateline;
  return ExtractEntities(article, EntityResourcesForTest());
}

const Location* Find(const ArticleEntities& found, const std::string& canonical) {
  for (const Location& l : found.locations) {
    if (l.canonical == canonical) return &l;
  }
  return nullptr;
}

TEST(EntityResourcesTest, GazetteersComeFromTheDebianPackages) {
  const EntityResources& r = EntityResourcesForTest();
  EXPECT_THAT(r.warnings(), IsEmpty());
  EXPECT_GT(r.place_name_count(), 20000u);  // geonames cities, ISO 3166, tzdata
  EXPECT_GT(r.given_name_count(), 4000u);   // US census lists (libtext-names-perl)
  EXPECT_GT(r.surname_count(), 900u);
  EXPECT_GT(r.dictionary_word_count(), 50000u);  // wamerican
}

TEST(EntityResourcesTest, NothingToLoadIsNotFound) {
  EntityResourcesOptions options;
  options.iso_codes_dir = "/nonexistent";
  options.zoneinfo_dir = "/nonexistent";
  options.geonames = false;
  const auto loaded = EntityResources::Load(options);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kNotFound);
}

// libgeonames is opened when the gazetteer loads (not linked): when it cannot be, that is a
// warning naming its Debian package, which makes Indexer::Open refuse (a silent downgrade
// of location: otherwise), as for any missing data set.
TEST(EntityResourcesTest, AMissingGeonamesLibraryIsNamedWithItsPackage) {
  EntityResourcesOptions options;
  options.geonames_library = "libgeonames-missing.so.0";
  const auto loaded = EntityResources::Load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status();  // the other gazetteers still load
  const std::vector<std::string>& warnings = (*loaded)->warnings();
  ASSERT_FALSE(warnings.empty());
  EXPECT_THAT(
      absl::StrJoin(warnings, "\n"),
      ::testing::HasSubstr("cannot load libgeonames-missing.so.0 (Debian package libgeonames0)"));
  // With the library, no warning about it, and its cities are among the sources.
  const auto full = EntityResources::Load({});
  ASSERT_TRUE(full.ok()) << full.status();
  bool geonames = false;
  for (const DataSource& source : (*full)->sources()) geonames |= source.package == "libgeonames0";
  EXPECT_TRUE(geonames);
}

// What an index records of the data it was built with: each file read, its package, the
// package's version from dpkg's status file, its size and a digest of its content.
TEST(EntityResourcesTest, SourcesNameEachFileItsPackageVersionAndContent) {
  const test::TempDir dir;
  test::WriteFile(dir / "words", "harbour\nReading\nreading\n");
  test::WriteFile(dir / "status",
                  "Package: wamerican\nStatus: deinstall ok config-files\nVersion: 1.0-1\n\n"
                  "Package: wamerican\nStatus: install ok installed\nVersion: 9.9-1\n\n"
                  "Package: tzdata\nStatus: install ok installed\nVersion: 2099a-1");
  EntityResourcesOptions options;
  options.dictionary = dir / "words";
  options.census_names = dir / "no-names";
  options.dpkg_status = dir / "status";
  options.geonames = false;
  const auto loaded = EntityResources::Load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  std::map<std::string, DataSource> by_path;
  for (const DataSource& source : (*loaded)->sources()) by_path[source.path] = source;
  ASSERT_TRUE(by_path.count(dir / "words"));
  const DataSource words = by_path[dir / "words"];
  EXPECT_EQ(words.package, "wamerican");
  EXPECT_EQ(words.version, "9.9-1");
  EXPECT_EQ(words.bytes, 24u);
  EXPECT_THAT(words.digest, ::testing::MatchesRegex("[0-9a-f]{16}"));
  EXPECT_EQ(by_path["/usr/share/zoneinfo/zone.tab"].version, "2099a-1");
  EXPECT_EQ(by_path["/usr/share/iso-codes/json/iso_3166-1.json"].version, "");  // not listed
  EXPECT_FALSE(by_path.count(dir / "no-names"));  // not read: a warning, no source
  EXPECT_THAT(
      DescribeDataSources((*loaded)->sources()),
      HasSubstr(absl::StrCat("wamerican\t9.9-1\t", dir / "words", "\t24\t", words.digest, "\n")));
  // Other content, another digest; no status file, no versions.
  test::WriteFile(dir / "words", "harbour\nReading\n");
  options.dpkg_status = dir / "no-status";
  const auto other = EntityResources::Load(options);
  ASSERT_TRUE(other.ok());
  bool words_read = false;
  for (const DataSource& source : (*other)->sources()) {
    EXPECT_EQ(source.version, "") << source.path;
    if (source.path == dir / "words") {
      words_read = true;
      EXPECT_NE(source.digest, words.digest);
    }
  }
  EXPECT_TRUE(words_read);
}

TEST(LocationRecognizerTest, CountriesRegionsAndCities) {
  const ArticleEntities found = Extract(
      "Defence chiefs from Germany, the U.K., France and Italy met in Brussels. Trump met "
      "Putin in Alaska, and officials flew on to Kuala Lumpur.");
  std::vector<std::string> canonical;
  for (const Location& l : found.locations) canonical.push_back(l.canonical);
  EXPECT_THAT(canonical, ElementsAre("Germany", "United Kingdom", "France", "Italy", "Brussels",
                                     "Alaska", "Kuala Lumpur"));
  EXPECT_EQ(Find(found, "Germany")->kind, LocationKind::kCountry);
  EXPECT_EQ(Find(found, "Germany")->country, "DE");
  EXPECT_EQ(Find(found, "United Kingdom")->name, "U.K.");
  EXPECT_EQ(Find(found, "Alaska")->kind, LocationKind::kRegion);
  EXPECT_EQ(Find(found, "Brussels")->kind, LocationKind::kCity);
  EXPECT_EQ(Find(found, "Brussels")->country, "BE");
}

TEST(LocationRecognizerTest, OldAndNewSpellingsAreOnePlace) {
  const ArticleEntities kiev = Extract("Troops returned to Kiev on Monday.");
  ASSERT_EQ(kiev.locations.size(), 1u);
  EXPECT_EQ(kiev.locations[0].name, "Kiev");
  EXPECT_EQ(kiev.locations[0].canonical, "Kyiv");
  EXPECT_THAT(kiev.locations[0].aliases, Contains("Kiev"));
  const ArticleEntities kyiv = Extract("Troops returned to Kyiv on Monday.");
  ASSERT_EQ(kyiv.locations.size(), 1u);
  EXPECT_EQ(kyiv.locations[0].key, kiev.locations[0].key);
  EXPECT_EQ(Extract("He flew to Bombay.").locations.at(0).canonical, "Mumbai");
}

TEST(LocationRecognizerTest, CommonWordsNeedContextToBePlaces) {
  EXPECT_THAT(Mentions("Reading the statement, he said it was a nice result and a split "
                       "decision. Best of all, the Man of the Match stayed."),
              IsEmpty());
  EXPECT_THAT(Mentions("Flooding hit parts of Reading. Floods swamped Nice, France, and "
                       "ferries sailed to Split, Croatia."),
              ElementsAre("Reading", "Nice", "France", "Split", "Croatia"));
}

// Class: a nationality word derived from one country's name that is another country's name
// ("Iraq" → "Iran") is that country.
TEST(LocationRecognizerTest, ADerivedNationalityWordThatNamesAPlaceIsThePlace) {
  EXPECT_THAT(Mentions("Iraq accused Iran of aggression."), ElementsAre("Iraq", "Iran"));
  EXPECT_THAT(Mentions("He flew to Iran on Monday."), ElementsAre("Iran"));
}

// Class: the state or country after a place and a comma, and the AP's abbreviations of US
// states, also in datelines and sports copy.
TEST(LocationRecognizerTest, RegionAfterAPlaceAndStateAbbreviations) {
  EXPECT_THAT(Mentions("GOLF - HENKE TAKES LEAD\n\nMILWAUKEE, Wisconsin 1996-08-29\n\nNolan "
                       "Henke fired a 64 on Thursday."),
              ElementsAre("MILWAUKEE", "Wisconsin"));
  EXPECT_THAT(Mentions("The firm is based in Jacksonville, Fla., and in Farmington Hills, Mich."),
              ElementsAre("Jacksonville", "Fla", "Farmington Hills", "Mich"));
  // Without the AP's dot (outside a dateline) a word is no state: no Louisiana here.
  EXPECT_THAT(Mentions("In Paris, La Tribune said the franc would hold."), ElementsAre("Paris"));
}

// Class: in capitals, a preposition says a city or region is a place ("KANSAS CITY AT
// DETROIT"), as it does in mixed case.
TEST(LocationRecognizerTest, PlacesAfterAPrepositionInCapitals) {
  EXPECT_THAT(Mentions("BASEBALL - MAJOR LEAGUE SCHEDULE\n\nCLEVELAND AT TEXAS\n\nBOSTON AT "
                       "OAKLAND"),
              ElementsAre("TEXAS", "OAKLAND"));
}

// Class: seas and regions that are also adjectives ("Gulf states") are places after a
// preposition and "the"; a day name is never a place.
TEST(LocationRecognizerTest, SeasAfterThePrepositionAndNoDayNames) {
  EXPECT_THAT(Mentions("Warplanes and ships in the Gulf await an order."), ElementsAre("Gulf"));
  EXPECT_THAT(Mentions("Gulf states met on Friday."), IsEmpty());
  EXPECT_THAT(Mentions("On Thursday, Iraq accused Iran of aggression."),
              ElementsAre("Iraq", "Iran"));
}

// Class: in sports copy a city names its team, but not before an event held there.
TEST(LocationRecognizerTest, EventsNamedAfterTheirPlaceInSportsCopy) {
  EXPECT_THAT(Mentions("ATHLETICS - JOHNSON RUNS\n\nJohnson will run at the Berlin grand prix "
                       "meeting and then take part in the Sarajevo meeting. Leeds beat Chelsea "
                       "2-0 in the league."),
              ElementsAre("Berlin", "Sarajevo"));
}

// Class: names news still uses for former states.
TEST(LocationRecognizerTest, FormerNamesStillInUse) {
  const ArticleEntities found = Extract("West Germany posted a record trade surplus.");
  ASSERT_EQ(found.locations.size(), 1u);
  EXPECT_EQ(found.locations[0].country, "DE");
}

TEST(LocationRecognizerTest, NationalityWordsAreNotPlaces) {
  EXPECT_THAT(Mentions("Russian, Ukrainian and Swedish officials met European envoys."), IsEmpty());
}

TEST(LocationRecognizerTest, PlacesThatAreAlsoTeamsInSportsCopy) {
  EXPECT_THAT(Mentions("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP\n\nLONDON 1996-08-30\n\n"
                       "Leicestershire beat Somerset by an innings at Grace Road, and England "
                       "play Pakistan next."),
              ElementsAre("LONDON", "Grace Road", "England", "Pakistan"));
}

TEST(LocationRecognizerTest, DatelineFromTheBody) {
  struct Case {
    const char* body;
    const char* name;
    const char* canonical;
  };
  for (const Case& c :
       {Case{"BRUSSELS: NATO’s top military leaders met.", "BRUSSELS", "Brussels"},
        Case{"WASHINGTON (Reuters) - Officials said.", "WASHINGTON", "Washington, D.C."},
        Case{"NICE, France (Continental Wire) - Streets flooded.", "NICE", "Nice"},
        Case{"WASHINGTON, Aug 19 - Senior officers met.", "WASHINGTON", "Washington, D.C."},
        Case{"RIGA \u2013 Latvia said.", "RIGA", "Riga"},
        Case{"MOSCOW -- Russia warned.", "MOSCOW", "Moscow"}}) {
    const ArticleEntities found = Extract(c.body);
    EXPECT_EQ(found.dateline.name, c.name) << c.body;
    EXPECT_EQ(found.dateline.canonical, c.canonical) << c.body;
    ASSERT_EQ(found.dateline.mentions.size(), 1u) << c.body;
    EXPECT_EQ(found.dateline.mentions[0].begin, 0u) << c.body;
    EXPECT_NE(Find(found, c.canonical), nullptr) << c.body;
  }
  // A headline with a dash is no dateline.
  EXPECT_EQ(Extract("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP").dateline.name, "");
  EXPECT_EQ(Extract("(Reuters) -NATO military leaders met.").dateline.name, "");
}

TEST(LocationRecognizerTest, DatelineFromTheArticleField) {
  const ArticleEntities found = Extract("Cocoa showers continued.", "SALVADOR, Feb 26");
  EXPECT_EQ(found.dateline.name, "SALVADOR");
  EXPECT_EQ(found.dateline.kind, LocationKind::kCity);
  EXPECT_TRUE(found.dateline.mentions.empty());  // not in the body
}

TEST(LocationRecognizerTest, UnknownPlacesByContext) {
  EXPECT_THAT(Mentions("Fighting raged in Tavildara. Traffic stopped on Oxford Road and near "
                       "Capitol Hill."),
              ElementsAre("Tavildara", "Oxford Road", "Capitol Hill"));
}

TEST(LocationRecognizerTest, TheArticleIsNotPartOfTheName) {
  EXPECT_THAT(Mentions("The United States and the Netherlands met in The Hague."),
              ElementsAre("United States", "Netherlands", "The Hague"));
}

}  // namespace
}  // namespace newsgrep
