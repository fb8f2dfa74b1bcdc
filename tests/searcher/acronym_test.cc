// SPDX-License-Identifier: GPL-2.0-or-later
/// @file acronym_test.cc
/// @brief Acronyms: which words are (analysis::AcronymOf, ForEachAcronym), how a query word
/// in capitals is rewritten (XapianQueryText), and what `WHO`, `IT` and `case:` find.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/query_text.h"
#include "newsgrep/analysis.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using analysis::AcronymOf;
using internal::XapianQueryText;
using test::BuildSearcher;
using test::Find;
using test::MakeArticle;
using test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Acronyms(absl::string_view text) {
  std::vector<std::string> out;
  analysis::ForEachAcronym(text, [&](absl::string_view a) { out.emplace_back(a); });
  return out;
}

TEST(AcronymTest, WordsInCapitalsOfTwoToSixLettersOrDigits) {
  EXPECT_EQ(AcronymOf("NATO"), "NATO");
  EXPECT_EQ(AcronymOf("IT"), "IT");
  EXPECT_EQ(AcronymOf("G7"), "G7");
  EXPECT_EQ(AcronymOf("OSCEXX"), "OSCEXX");
  EXPECT_EQ(AcronymOf("U.N."), "UN");
  EXPECT_EQ(AcronymOf("U.S"), "US");
  EXPECT_EQ(AcronymOf("E.U.R.O.P.A."), "EUROPA");
  EXPECT_EQ(AcronymOf("E.U.R.O.P.E.A."), std::nullopt);  // seven letters
  EXPECT_EQ(AcronymOf("NATIONAL"), std::nullopt);
  EXPECT_EQ(AcronymOf("Nato"), std::nullopt);
  EXPECT_EQ(AcronymOf("I"), std::nullopt);
  EXPECT_EQ(AcronymOf("7G"), std::nullopt);
  EXPECT_EQ(AcronymOf("U.N.."), std::nullopt);
  EXPECT_EQ(AcronymOf("U..N"), std::nullopt);
  EXPECT_EQ(AcronymOf(""), std::nullopt);
}

TEST(AcronymTest, FoundInTextWithTheirRepeats) {
  EXPECT_THAT(Acronyms("The WHO said it would ask the U.N. and the EU. The WHO's staff agreed."),
              ElementsAre("WHO", "UN", "EU", "WHO"));
  // Sentence dots and non-ASCII letters: "ÉTÉ" and "NATOÜ" are no acronyms.
  EXPECT_THAT(Acronyms("Ends with NATO. Then ÉTÉ and NATOÜ, COVID-19 and G7."),
              ElementsAre("NATO", "COVID", "G7"));
  EXPECT_THAT(Acronyms("Nato and Unesco are written like names here."), IsEmpty());
}

TEST(AcronymTest, TypographicPunctuationEndsAWord) {
  EXPECT_THAT(Acronyms("NATO\u2019s chiefs, \u201cWHO\u201d officials, the EU\u2014and\u00a0UN."),
              ElementsAre("NATO", "WHO", "EU", "UN"));
}

TEST(AcronymTest, ShoutedLinesAreNotAcronyms) {
  EXPECT_THAT(Acronyms("U.S. OIL PRICES RISE"), IsEmpty());
  EXPECT_THAT(Acronyms("GM TO CUT JOBS\nGM said the cuts were needed."), ElementsAre("GM"));
  // Many acronyms in an ordinary sentence are still acronyms.
  EXPECT_THAT(Acronyms("The EU, NATO, UN and OSCE met."), ElementsAre("EU", "NATO", "UN", "OSCE"));
}

TEST(AcronymQueryTextTest, BareWordsInCapitalsBecomeTheAcronymField) {
  const auto rewrite = [](absl::string_view q) { return XapianQueryText(q, true); };
  EXPECT_EQ(rewrite("WHO vaccine"), "newsgrepacronym:WHO vaccine");
  EXPECT_EQ(rewrite("U.N. talks"), "newsgrepacronym:UN talks");
  EXPECT_EQ(rewrite("ukraine -NATO +EU"), "ukraine -newsgrepacronym:NATO +newsgrepacronym:EU");
  EXPECT_EQ(rewrite("(WHO OR UN) AND IT"),
            "(newsgrepacronym:WHO OR newsgrepacronym:UN) AND newsgrepacronym:IT");
  // Left alone: operators, phrases, field values and groups, wildcards, joined words,
  // mixed case and longer words.
  EXPECT_EQ(rewrite("a AND b OR c NOT d XOR e"), "a AND b OR c NOT d XOR e");
  EXPECT_EQ(rewrite("\"WHO officials\""), "\"WHO officials\"");
  EXPECT_EQ(rewrite("title:WHO title:(NATO summit)"), "title:WHO title:(NATO summit)");
  EXPECT_EQ(rewrite("NAT* WHO-led Nato NATIONAL"), "NAT* WHO-led Nato NATIONAL");
  EXPECT_EQ(rewrite("case:U.N."), "case:UN");
  // Without `acronyms` (the sides of NEAR/ADJ) only case: is rewritten.
  EXPECT_EQ(XapianQueryText("WHO case:U.N."), "WHO case:UN");
}

std::vector<Article> Corpus() {
  return {
      MakeArticle("who-org", "Health agency report",
                  "The WHO published new guidance on outbreak data on Monday."),
      MakeArticle("who-word", "Local hero",
                  "The volunteer who found the dog said it was a long night for us."),
      MakeArticle("it-dept", "Council upgrades systems",
                  "The council said its IT department will replace old servers."),
      MakeArticle("us-country", "Trade talks", "The US and the EU resumed trade talks."),
      MakeArticle("un-dotted", "Aid convoy", "A U.N. convoy reached the town at dawn."),
      MakeArticle("nato-title", "Nato allies meet", "Nato allies met in Brussels to discuss aid."),
      MakeArticle("shout", "WHO WARNS ON HEAT", "A heat warning was issued on Tuesday."),
  };
}

class AcronymSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto searcher = BuildSearcher({.db_path = dir_ / "db", .detect_duplicates = false}, Corpus());
    ASSERT_TRUE(searcher.ok()) << searcher.status();
    searcher_ = *std::move(searcher);
  }
  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(AcronymSearchTest, AWordInCapitalsFindsOnlyItsCapitals) {
  EXPECT_THAT(Find(*searcher_, "WHO"), ElementsAre("who-org"));
  // In small letters any case: the shouted headline too.
  EXPECT_THAT(Find(*searcher_, "who"), UnorderedElementsAre("who-org", "who-word", "shout"));
  EXPECT_THAT(Find(*searcher_, "US"), ElementsAre("us-country"));
  EXPECT_THAT(Find(*searcher_, "WHO guidance"), ElementsAre("who-org"));
  EXPECT_THAT(Find(*searcher_, "U.N."), ElementsAre("un-dotted"));
  EXPECT_THAT(Find(*searcher_, "UN"), ElementsAre("un-dotted"));
  // A shouted headline holds no acronyms.
  EXPECT_THAT(Find(*searcher_, "heat WHO"), IsEmpty());
}

TEST_F(AcronymSearchTest, AnAcronymThatIsAStopwordInSmallLettersIsAQuery) {
  EXPECT_THAT(Find(*searcher_, "IT"), ElementsAre("it-dept"));
  EXPECT_THAT(Find(*searcher_, "IT servers"), ElementsAre("it-dept"));
  EXPECT_EQ(searcher_->Search("it", {}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(AcronymSearchTest, CaseFieldAndItsErrors) {
  EXPECT_THAT(Find(*searcher_, "case:EU"), ElementsAre("us-country"));
  EXPECT_THAT(Find(*searcher_, "case:U.N."), ElementsAre("un-dotted"));
  EXPECT_THAT(Find(*searcher_, "talks -case:EU"), IsEmpty());
  for (const char* bad : {"case:nato", "case:Nato", "case:\"WHO\"", "case:NATIONAL"}) {
    const absl::Status status = searcher_->Search(bad, {}).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(status.message(), HasSubstr("case: takes one word written in capitals")) << bad;
    EXPECT_THAT(status.message(), HasSubstr("at column 6")) << bad;
  }
}

TEST_F(AcronymSearchTest, InPhrasesAndProximityWordsMatchInAnyCase) {
  EXPECT_THAT(Find(*searcher_, "\"NATO allies\""), ElementsAre("nato-title"));
  EXPECT_THAT(Find(*searcher_, "NATO NEAR/3 brussels"), ElementsAre("nato-title"));
  // case: has no word positions to stand beside NEAR/ADJ with: an error, not no match.
  const absl::Status status = searcher_->Search("case:EU NEAR/3 talks", {}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("case: cannot stand beside NEAR or ADJ"));
}

TEST_F(AcronymSearchTest, AnAcronymNowhereInCapitalsSuggestsTheWord) {
  absl::StatusOr<SearchResults> results = searcher_->Search("NATO allies", {});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(results->total, 0u);
  EXPECT_EQ(results->suggestion, "nato allies");
  // Acronyms the index has in capitals suggest nothing.
  results = searcher_->Search("WHO", {});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(results->suggestion, "");
}

}  // namespace
}  // namespace newsgrep
