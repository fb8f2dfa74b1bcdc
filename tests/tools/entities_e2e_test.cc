// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entities_e2e_test.cc
/// @brief End-to-end tests of people, places and quotes: the real `newsgrep` binary indexes
/// the five seed articles (../shared/corpus/seeds, skipped when absent) and every quote, its
/// speaker, every person and every place of each is checked in the --json output and in the
/// library's extraction; person:/said:/quote:/location: queries, `stats`, and `eval ner`.
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/entities.h"
#include "testing/files.h"
#include "testing/run_newsgrep.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;
using test::RunNewsgrep;
using test::RunResult;
using test::TempDir;
using test::WriteFile;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

constexpr char kSharedCorpus[] = NEWSGREP_SHARED_CORPUS;

// What each seed article must yield. `optional_*`: names that occur only in site chrome
// (bylines, credits, photo captions, subscription boxes) which the cleaner may or may not
// strip; they may be found, nothing else may.
struct SeedExpectation {
  std::string file;
  std::set<std::string> people;
  std::set<std::string> optional_people;
  std::set<std::string> places;  // canonical names
  std::set<std::string> optional_places;
  std::set<std::pair<std::string, std::string>> quotes;  // (first words, speaker)
  std::string dateline;                                  // canonical, "" for none
};

const std::vector<SeedExpectation>& Seeds() {
  static const auto* const kSeeds = new std::vector<SeedExpectation>{
      {"000_287cef8020d8dae4.txt",
       {"Dan Caine", "Donald Trump", "Volodymyr Zelenskyy", "Alexus Grynkewich"},
       {},
       {"Germany", "United Kingdom", "France", "Finland", "Italy", "Washington, D.C.", "Ukraine",
        "United States", "Brussels", "Kyiv", "Russia"},
       {},
       {},  // "Fox & Friends" and "rapidly evolving" are no quotations
       ""},
      {"001_f586897292351244.txt",
       {"Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy", "Alexus Grynkewich", "Dan Caine",
        "Martin O’Donnell", "Sergey Lavrov"},
       {"Jacqui Heinrich", "Jasmine Baehr"},
       {"Ukraine", "Russia", "Brussels", "United States", "Kyiv", "Alaska", "Washington, D.C.",
        "Germany", "United Kingdom", "France", "Finland", "Italy", "Moscow"},
       {},
       {{"the Supreme Allied Commander was", "Martin O’Donnell"},
        {"NATO has faced important times", "Martin O’Donnell"},
        {"great, candid discussion among NATO", ""},
        {"excellent update on the security", ""},
        {"just, credible and durable peace", ""},
        {"this will not work", "Sergey Lavrov"},
        {"ensure its legitimate interests firmly", "Sergey Lavrov"}},
       ""},
      {"002_064953a1111998bd.txt",
       {"Alexus Grynkewich", "Dan Caine", "Martin O’Donnell", "Donald Trump", "Vladimir Putin",
        "Volodymyr Zelenskyy", "Sergey Lavrov"},
       {},
       {"Ukraine", "Russia", "Brussels", "United States", "Kyiv", "Alaska", "Washington, D.C.",
        "Germany", "United Kingdom", "France", "Finland", "Italy", "Moscow"},
       {},
       {{"the Supreme Allied Commander was", "Martin O’Donnell"},
        {"this will not work", "Sergey Lavrov"},
        {"ensure its legitimate interests firmly", "Sergey Lavrov"}},
       ""},
      {"003_bd204845a8356881.txt",
       {"Alexus Grynkewich", "Donald Trump", "Vladimir Putin", "Giuseppe Cavo Dragone", "Dan Caine",
        "Karoline Leavitt", "Volodymyr Zelenskiy"},
       {"Idrees Ali", "Sabine Siebold", "Chizu Nomiyama", "Rod Nickel", "Mark Porter",
        "David Gregorio", "Kevin Mohatt"},
       {"United States", "Washington, D.C.", "Ukraine", "Kyiv", "Europe", "Alaska"},
       {"Capitol Hill"},
       {{"As diplomatic efforts to secure", "Giuseppe Cavo Dragone"},
        {"When it comes to security,", "Donald Trump"},
        {"It is an option and", "Karoline Leavitt"}},
       ""},
      {"004_13345a7135ccf119.txt",
       {"Giuseppe Cavo Dragone", "Dan Caine", "Donald Trump", "Volodymyr Zelensky",
        "Vladimir Putin", "Sergei Lavrov"},
       {},
       {"Brussels", "Ukraine", "Russia", "Washington, D.C.", "United States", "Alaska", "Moscow",
        "Kyiv"},
       {},
       {{"great, candid discussion,", "Giuseppe Cavo Dragone"},
        {"the best options for a", ""},
        {"a utopia, a road to", "Sergei Lavrov"}},
       "Brussels"},
  };
  return *kSeeds;
}

std::string FirstWords(const std::string& text, size_t n = 5) {
  std::vector<std::string> words = absl::StrSplit(text, absl::ByAnyChar(" \n"), absl::SkipEmpty());
  if (words.size() > n) words.resize(n);
  return absl::StrJoin(words, " ");
}

std::string Describe(const std::set<std::string>& s) { return absl::StrJoin(s, " | "); }

// Checks found names against required ∪ optional.
void ExpectNames(const std::set<std::string>& found, const std::set<std::string>& required,
                 const std::set<std::string>& optional, const std::string& what) {
  for (const std::string& name : required) {
    EXPECT_EQ(found.count(name), 1u)
        << what << " missing " << name << "; found " << Describe(found);
  }
  for (const std::string& name : found) {
    EXPECT_TRUE(required.count(name) > 0 || optional.count(name) > 0)
        << what << " unexpected " << name;
  }
}

class EntitiesEndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    seeds_ = std::string(kSharedCorpus) + "/seeds";
    if (!fs::is_directory(seeds_)) return;
    scratch_ = new TempDir();
    const RunResult index = RunNewsgrep({"index", "--db", *scratch_ / "db", "-q", "seeds"},
                                        scratch_->path(), {.cwd = kSharedCorpus});
    ASSERT_EQ(index.exit_code, 0) << index;
  }
  static void TearDownTestSuite() {
    delete scratch_;
    scratch_ = nullptr;
  }
  void SetUp() override {
    if (!fs::is_directory(seeds_)) {
      GTEST_SKIP() << "the seed articles are not at " << seeds_
                   << " (the shared evaluation corpus is not staged on this machine)";
    }
  }

  RunResult Newsgrep(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", *scratch_ / "db"});
    return RunNewsgrep(args, scratch_->path(), {.cwd = kSharedCorpus});
  }
  std::set<std::string> Ids(const std::string& query) {
    const RunResult r = Newsgrep({"-l", "--all", "-n", "100", query});
    EXPECT_LE(r.exit_code, 1) << r;
    std::set<std::string> ids;
    for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
      ids.insert(std::string(line.substr(line.rfind('/') + 1, 3)));
    }
    return ids;
  }

  static std::string seeds_;
  static TempDir* scratch_;
};

std::string EntitiesEndToEndTest::seeds_;
TempDir* EntitiesEndToEndTest::scratch_ = nullptr;

TEST_F(EntitiesEndToEndTest, SeedsEveryQuoteSpeakerPersonAndPlaceInJson) {
  for (const SeedExpectation& seed : Seeds()) {
    SCOPED_TRACE(seed.file);
    const RunResult r = Newsgrep({"--json", "--all", absl::StrCat("id:seeds/", seed.file)});
    ASSERT_EQ(r.exit_code, 0) << r;
    nlohmann::json hit;
    for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
      nlohmann::json object = nlohmann::json::parse(line);
      if (object["type"] == "hit") hit = object;
    }
    ASSERT_TRUE(hit.is_object()) << r;
    std::set<std::string> people, places;
    for (const nlohmann::json& p : hit.at("people")) people.insert(p.at("name").get<std::string>());
    for (const nlohmann::json& l : hit.at("locations")) {
      places.insert(l.at("canonical").get<std::string>());
      EXPECT_FALSE(l.at("kind").get<std::string>().empty());
    }
    ExpectNames(people, seed.people, seed.optional_people, "people");
    ExpectNames(places, seed.places, seed.optional_places, "places");
    std::set<std::pair<std::string, std::string>> quotes;
    for (const nlohmann::json& q : hit.at("quotes")) {
      const std::string speaker =
          q.at("speaker").is_null() ? "" : q.at("speaker").get<std::string>();
      const std::string text = q.at("text").get<std::string>();
      quotes.emplace(FirstWords(text), speaker);
    }
    std::set<std::pair<std::string, std::string>> expected;
    for (const auto& [start, speaker] : seed.quotes) expected.emplace(FirstWords(start), speaker);
    EXPECT_EQ(quotes, expected);
    if (seed.dateline.empty()) {
      EXPECT_TRUE(hit.at("dateline_place").is_null()) << hit.at("dateline_place");
    } else {
      EXPECT_EQ(hit.at("dateline_place").at("canonical"), seed.dateline);
    }
  }
}

// The same expectations through the library, on the text as read and as cleaned.
TEST_F(EntitiesEndToEndTest, SeedsThroughTheLibraryRawAndCleaned) {
  absl::StatusOr<std::shared_ptr<const EntityResources>> resources = EntityResources::Load();
  ASSERT_TRUE(resources.ok()) << resources.status();
  std::map<std::string, Article> articles;
  ReadCallbacks callbacks;
  callbacks.on_problem = [](const InputProblem&) {};
  callbacks.on_article = [&](Article&& article) {
    articles[fs::path(article.id).filename().string()] = std::move(article);
    return absl::OkStatus();
  };
  ASSERT_TRUE(ReadArticles(seeds_, callbacks).ok());
  for (const SeedExpectation& seed : Seeds()) {
    for (const bool clean : {false, true}) {
      SCOPED_TRACE(absl::StrCat(seed.file, clean ? " (cleaned)" : " (as read)"));
      ASSERT_EQ(articles.count(seed.file), 1u);
      Article article = articles[seed.file];
      if (clean) article.body = CleanBody(article.body);
      const ArticleEntities found = ExtractEntities(article, **resources);
      std::set<std::string> people, places;
      for (const Person& p : found.people) people.insert(p.name);
      for (const Location& l : found.locations) places.insert(l.canonical);
      ExpectNames(people, seed.people, seed.optional_people, "people");
      ExpectNames(places, seed.places, seed.optional_places, "places");
      std::set<std::pair<std::string, std::string>> quotes, expected;
      for (const Quote& q : found.quotes) quotes.emplace(FirstWords(q.text), q.speaker);
      for (const auto& [start, speaker] : seed.quotes) expected.emplace(FirstWords(start), speaker);
      EXPECT_EQ(quotes, expected);
      EXPECT_EQ(found.dateline.canonical, seed.dateline);
    }
  }
}

TEST_F(EntitiesEndToEndTest, PersonQueriesMatchEverySpelling) {
  // Zelenskyy (000, 001, 002), Zelenskiy (003), Zelensky (004).
  for (const char* query : {"person:zelensky", "person:Zelenskyy", "person:zelenskiy",
                            "person:\"volodymyr zelenskii\""}) {
    EXPECT_THAT(Ids(query), UnorderedElementsAre("000", "001", "002", "003", "004")) << query;
  }
}

TEST_F(EntitiesEndToEndTest, SaidQuoteAndLocationQueries) {
  EXPECT_THAT(Ids("said:lavrov"), UnorderedElementsAre("001", "002", "004"));
  EXPECT_THAT(Ids("said:leavitt"), UnorderedElementsAre("003"));
  EXPECT_THAT(Ids("quote:\"this will not work\""), UnorderedElementsAre("001", "002"));
  EXPECT_THAT(Ids("location:brussels \"security guarantees\""),
              UnorderedElementsAre("000", "001", "002", "004"));
  EXPECT_THAT(Ids("dateline:brussels"), UnorderedElementsAre("004"));
  EXPECT_THAT(Ids("location:alaska"), UnorderedElementsAre("001", "002", "003", "004"));
}

TEST_F(EntitiesEndToEndTest, StatsPeopleAndPlaces) {
  const RunResult people = Newsgrep({"stats", "people", "-n", "3"});
  ASSERT_EQ(people.exit_code, 0) << people;
  EXPECT_THAT(people.out, StartsWith("   #  articles  person\n")) << people;
  EXPECT_THAT(people.out, HasSubstr("Dan Caine")) << people;
  const RunResult json = Newsgrep({"stats", "people", "--json", "-n", "20"});
  ASSERT_EQ(json.exit_code, 0) << json;
  bool zelenskyy = false;
  for (absl::string_view line : absl::StrSplit(json.out, '\n', absl::SkipEmpty())) {
    const nlohmann::json object = nlohmann::json::parse(line);
    if (object.at("key") != "volodymyr zelensky") continue;
    zelenskyy = true;
    EXPECT_EQ(object.at("articles"), 5);  // every spelling counted together
    EXPECT_THAT(object.at("spellings").get<std::vector<std::string>>(),
                IsSupersetOf({"Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelensky"}));
  }
  EXPECT_TRUE(zelenskyy) << json;
  const RunResult places = Newsgrep({"stats", "places", "-n", "5"});
  ASSERT_EQ(places.exit_code, 0) << places;
  // Five places are in all five articles; ties are listed in key order.
  EXPECT_EQ(places.out,
            "   #  articles  place\n"
            "   1         5  Kyiv (city)\n"
            "   2         5  Ukraine (country)\n"
            "   3         5  United States (country)  also written: U.S., US\n"
            "   4         5  Washington, D.C. (city)  also written: Washington\n"
            "   5         4  Alaska (region)\n")
      << places;
}

// `eval ner` on a small invented CoNLL file (and on the staged dev set when present, whose
// figures are printed, not asserted).
TEST(EvalNerEndToEndTest, PrintsOneLinePerType) {
  const TempDir dir;
  const std::string conll = dir / "mini.conll";
  WriteFile(conll,
            "-DOCSTART- -X- O O\n\n"
            "TALLINN NNP I-NP I-LOC\n1996-08-30 CD I-NP O\n\n"
            "Minister NNP I-NP O\nTomas NNP I-NP I-PER\nBerglund NNP I-NP I-PER\n"
            "met NN I-NP O\nofficials NNS I-NP O\nin IN I-PP O\nRiga NNP I-NP I-LOC\n. . O O\n");
  const RunResult r =
      RunNewsgrep({"eval", "ner", "--conll", conll}, dir.path(), {.cwd = dir.path()});
  EXPECT_LE(r.exit_code, 1) << r;
  const std::vector<std::string> lines = absl::StrSplit(r.out, '\n');
  ASSERT_GE(lines.size(), 2u) << r;
  EXPECT_THAT(lines[0], StartsWith("PER  P=1.000 R=1.000 F1=1.000")) << r;
  EXPECT_THAT(lines[1], StartsWith("LOC  P=1.000 R=1.000 F1=1.000")) << r;
  const std::string dev = std::string(kSharedCorpus) + "/conll2003/eng.testa.gz";
  if (fs::exists(dev)) {
    const RunResult full =
        RunNewsgrep({"eval", "ner", "--conll", dev}, dir.path(), {.cwd = dir.path()});
    EXPECT_LE(full.exit_code, 1) << full;
    EXPECT_THAT(full.out, StartsWith("PER  P=")) << full;
    EXPECT_THAT(full.out, HasSubstr("\nLOC  P=")) << full;
    std::cout << full.out;  // the figures, for the record
  }
  const RunResult missing = RunNewsgrep({"eval", "ner"}, dir.path(), {.cwd = dir.path()});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_THAT(missing.err, HasSubstr("--conll")) << missing;
}

// `eval quotes` measures the sample corpus's labelled quotations as the indexer finds them:
// every one found with its speaker; with the shared seeds, those too (Reuters is left to
// the tool: it reads 20,000 articles).
TEST(EvalQuotesEndToEndTest, SampleQuotationsAndTheirSpeakers) {
  const TempDir dir;
  const RunResult r = RunNewsgrep({"eval", "quotes"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(r.out, HasSubstr("sample   quotations found 45/45, speaker right 45/45")) << r;
  EXPECT_THAT(r.out, HasSubstr("seeds    skipped")) << r;
  const std::string seeds = std::string(kSharedCorpus) + "/seeds";
  if (fs::exists(seeds)) {
    fs::create_directory(dir / "corpus");
    fs::create_directory_symlink(seeds, dir / "corpus/seeds");
    const RunResult full =
        RunNewsgrep({"eval", "quotes", "--corpus-dir", dir / "corpus"}, dir.path());
    EXPECT_EQ(full.exit_code, 0) << full;
    EXPECT_THAT(full.out, HasSubstr("seeds    quotations found 16/16, speaker right 16/16"))
        << full;
    EXPECT_THAT(full.out, HasSubstr("reuters  skipped")) << full;
    // A labels file that is missing is named.
    const RunResult missing = RunNewsgrep(
        {"eval", "quotes", "--corpus-dir", dir / "corpus", "--labels", dir / "none"}, dir.path());
    EXPECT_EQ(missing.exit_code, 2) << missing;
    EXPECT_THAT(missing.err, HasSubstr("quotes-seeds.tsv")) << missing;
  }
}

}  // namespace
}  // namespace newsgrep
