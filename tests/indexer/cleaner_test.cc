/// @file cleaner_test.cc
/// @brief CleanBody: what is removed, and what must survive.
#include "newsgrep/cleaner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace newsgrep {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kStory[] =
    "BRUSSELS (Continental Wire) - Defence chiefs met by video link on Wednesday to discuss "
    "what guarantees for Ukraine could look like once the fighting stops.\n\n"
    "The session was chaired from Brussels and lasted a little over two hours, officials "
    "said after the call ended.\n\n"
    "Ministers are expected to review the options when they meet in the autumn.";

TEST(CleanerTest, CleanTextIsReturnedUnchanged) {
  CleaningReport report;
  EXPECT_EQ(CleanBody(kStory, &report), kStory);
  EXPECT_EQ(report.total(), 0u);
}

TEST(CleanerTest, BodyPastedThreeTimesKeepsOneCopy) {
  const std::string pasted = std::string(kStory) + "\n\n" + kStory + "\n\n" + kStory;
  CleaningReport report;
  EXPECT_EQ(CleanBody(pasted, &report), kStory);
  EXPECT_EQ(report.repeated, 6u);  // three paragraphs, twice
}

TEST(CleanerTest, SiteChromeBylineCaptionAndPromoAreRemoved) {
  const std::string page =
      std::string(
          "Share this article\n\nListen to this article 4 min\n\n"
          "Subscribe now for unlimited access\n\nBy Jane Doe\n\n"
          "Defence chiefs meet by video link on Wednesday. (Photo: NATO)\n\n") +
      kStory +
      "\n\nREAD MORE: EU LEADERS PLAN ENERGY SUMMIT\n\n"
      "Click here to get the Daily Herald app\n\n"
      "© 2025 Daily Herald. All rights reserved.";
  CleaningReport report;
  EXPECT_EQ(CleanBody(page, &report), kStory);
  EXPECT_EQ(report.boilerplate, 5u);
  EXPECT_EQ(report.bylines, 1u);
  EXPECT_EQ(report.captions, 1u);
  EXPECT_EQ(report.promos, 1u);
}

TEST(CleanerTest, CapitalisedCrossLinkBetweenProseParagraphsIsRemoved) {
  const std::string text =
      "Officials said the meeting had been constructive and that planners would now work "
      "through the detail of each option.\n"
      "NATO SCRAMBLES JETS AS DRONES CROSS INTO ALLIED AIRSPACE\n"
      "A second meeting is planned for next week, when ministers will look at the costs of "
      "each of the proposals on the table.";
  CleaningReport report;
  EXPECT_THAT(CleanBody(text, &report), Not(HasSubstr("SCRAMBLES")));
  EXPECT_EQ(report.promos, 1u);
}

TEST(CleanerTest, TablesInCapitalsAreKept) {
  // Reuters-style statistics: capitals, digits and column spacing are content.
  const std::string table =
      "Wheat exports rose in the week, the department said in its weekly report.\n"
      "COUNTRY        CURRENT        FEBRUARY    QUOTA\n"
      "SAUDI ARABIA   3.10           3.50        4.133\n"
      "FEBRUARY SALES FOR MAJOR U.S. RETAILERS\n"
      "SEARS             4.9      1.8 BILL   1.8 BILL";
  CleaningReport report;
  EXPECT_EQ(CleanBody(table, &report), table);
  EXPECT_EQ(report.total(), 0u);
}

TEST(CleanerTest, ProseMentioningChromeWordsIsKept) {
  const std::string text =
      "The advertisement campaign drew criticism from regulators, who said it overstated the "
      "benefits of the product.\n"
      "Readers can subscribe to newsletters, the company said, but it would not publish "
      "figures.";
  EXPECT_EQ(CleanBody(text), text);
}

TEST(CleanerTest, AcronymInParenthesesEndingASentenceIsNotACaption) {
  const std::string text =
      "The officers belong to the North Atlantic Treaty Organization (NATO).\n"
      "Talks resume on Monday.";
  EXPECT_EQ(CleanBody(text), text);
}

TEST(CleanerTest, RepeatedShortLinesAreKept) {
  // Short repeated lines (list markers, table cells) are not a pasted body.
  const std::string text = "Results:\nYes\nNo\nYes\nNo";
  EXPECT_EQ(CleanBody(text), text);
}

TEST(CleanerTest, OneLinePageIsCutIntoSentencesToFindRepetitionAndChrome) {
  // A scraped page on one line: chrome sentences and the body repeated inline.
  std::string body =
      "Gen. Anna Berg said the plan was ready for ministers to review next month. The "
      "alliance will decide on the size of the force after the review is complete. ";
  std::string page =
      "You have reached your maximum number of articles. " + body + body + body + body;
  ASSERT_GT(page.size(), 600u);  // a long line: cut into sentences
  CleaningReport report;
  const std::string clean = CleanBody(page, &report);
  EXPECT_EQ(report.repeated, 6u);
  EXPECT_EQ(report.boilerplate, 1u);
  // "Gen." is an abbreviation, not a sentence end: the first sentence stays whole.
  EXPECT_EQ(clean,
            "Gen. Anna Berg said the plan was ready for ministers to review next month. The "
            "alliance will decide on the size of the force after the review is complete.");
}

TEST(CleanerTest, ReportMayBeNull) {
  EXPECT_EQ(CleanBody("By Jane Doe\n\nA short story about a river crossing in the north."),
            "A short story about a river crossing in the north.");
}

}  // namespace
}  // namespace newsgrep
