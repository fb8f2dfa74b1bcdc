// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text_rules_test.cc
/// @brief The shared text rules: where sentences end (initials, dotted and listed
/// abbreviations, capitals of any script, opening quotes) and white-space collapsing.
#include "newsgrep/text_rules.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgrep {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Sentences(absl::string_view text) {
  std::vector<std::string> out;
  for (absl::string_view sentence : SplitSentences(text)) out.emplace_back(sentence);
  return out;
}

TEST(TextRulesTest, InitialsAndAbbreviationsDoNotEndSentences) {
  EXPECT_THAT(Sentences("Gen. J. R. Whitcombe met Mr. Hale in St. Louis. They spoke."),
              ElementsAre("Gen. J. R. Whitcombe met Mr. Hale in St. Louis.", "They spoke."));
  EXPECT_THAT(Sentences("The U.S. Navy sailed at 9 a.m. Officials said so."),
              ElementsAre("The U.S. Navy sailed at 9 a.m. Officials said so."));
  EXPECT_THAT(Sentences("Shares of Acme Corp. Rose. Talks began on Sept. 4 in Oslo."),
              ElementsAre("Shares of Acme Corp. Rose.", "Talks began on Sept. 4 in Oslo."));
  // Compared without case: a headline's "GEN." or a lower-case "mr." is still a title.
  EXPECT_TRUE(IsAbbreviation("GEN"));
  EXPECT_TRUE(IsAbbreviation("mr"));
  EXPECT_TRUE(IsAbbreviation("É"));  // an initial in another script
  EXPECT_FALSE(IsAbbreviation("Oslo"));
  EXPECT_FALSE(IsAbbreviation("a"));
  EXPECT_FALSE(IsAbbreviation(""));
}

TEST(TextRulesTest, AnEndNeedsSpaceThenACapitalOrAnOpeningQuote) {
  EXPECT_THAT(
      Sentences("It rose 2.5 percent. “We are pleased,” she said! Why? ‘Because.’"),
      ElementsAre("It rose 2.5 percent.", "“We are pleased,” she said!", "Why?", "‘Because.’"));
  EXPECT_THAT(Sentences("It fell. then it rose.Then it stopped."),
              ElementsAre("It fell. then it rose.Then it stopped."));
  // Any white space, and capitals outside ASCII.
  EXPECT_THAT(Sentences("Talks ended.\n\n Über 40 left.  Élise stayed."),
              ElementsAre("Talks ended.", "Über 40 left.", "Élise stayed."));
  EXPECT_THAT(Sentences("  \n "), IsEmpty());
  const std::string text = "Ends here. Next";
  EXPECT_TRUE(IsSentenceEnd(text, 9));
  EXPECT_FALSE(IsSentenceEnd(text, 3));
  EXPECT_FALSE(IsSentenceEnd(text, text.size()));
  EXPECT_FALSE(IsSentenceEnd("End.", 3));
}

TEST(TextRulesTest, ClosingQuotesAndBracketsAfterTheMarkEndWithIt) {
  EXPECT_THAT(
      Sentences("He said \u201cno.\u201d Then he left. On \u2018Report.\u2019 Join "
                "us. (See below.) Next \"one.\" Last (\u201cso.\u201d) Done."),
      ElementsAre("He said \u201cno.\u201d", "Then he left.", "On \u2018Report.\u2019",
                  "Join us. (See below.)", "Next \"one.\"", "Last (\u201cso.\u201d)", "Done."));
  // After a quoted question or exclamation the attribution follows: no end there.
  EXPECT_THAT(
      Sentences("\u201cIs this the end?\u201d Prime Minister Ana Ruiz asked. She left."),
      ElementsAre("\u201cIs this the end?\u201d Prime Minister Ana Ruiz asked.", "She left."));
  // (An opening bracket is no sentence start.) Only the last closer ends the sentence; an
  // abbreviation inside quotes does not.
  const std::string text = "It said \"ok.\" Then";
  EXPECT_FALSE(IsSentenceEnd(text, 11));  // the '.'
  EXPECT_TRUE(IsSentenceEnd(text, 12));   // the '"' after it
  EXPECT_THAT(Sentences("Ask \"Gen.\" Smith."), ElementsAre("Ask \"Gen.\" Smith."));
}

TEST(TextRulesTest, MalformedUtf8AfterAnEndIsNoCapital) {
  EXPECT_THAT(Sentences("It ended. \xC3 more. \xFF\xFE"),
              ElementsAre("It ended. \xC3 more. \xFF\xFE"));
}

TEST(TextRulesTest, CollapseSpacesTrimsAndJoinsWithOneSpace) {
  EXPECT_EQ(CollapseSpaces("  Jean \t\n Claude\r\n\v\fJuncker  "), "Jean Claude Juncker");
  EXPECT_EQ(CollapseSpaces(" \n\t "), "");
  EXPECT_EQ(CollapseSpaces("Kyiv"), "Kyiv");
}

}  // namespace
}  // namespace newsgrep
