// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cleaner_test.cc
/// @brief CleanBody: what is removed, and what must survive.
#include "newsgrep/cleaner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace newsgrep {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

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

TEST(CleanerTest, AFlattenedPagesHeaderEndsAtItsLastChromeSentence) {
  // A video teaser and a sign-in wall before the story, then an audio prompt glued to its
  // first sentence: all of it goes, the story stays whole.
  std::string story =
      "The alliance's chiefs met on Wednesday to discuss guarantees for the region. Gen. Anna "
      "Berg said the plan was ready for ministers to review next month. ";
  while (story.size() < 700) story += "Officials said talks would resume after the summer. ";
  const std::string page =
      "close Ministers meet on the border crisis Our correspondent reports from the capital on "
      "\u2018Evening Report.\u2019 Join us for access to this content. Please enter a valid email "
      "address. Listen to this article 3 min " +
      story;
  CleaningReport report;
  const std::string clean = CleanBody(page, &report);
  EXPECT_THAT(clean, StartsWith("The alliance's chiefs met on Wednesday"));
  EXPECT_THAT(clean, Not(HasSubstr("correspondent")));
  EXPECT_THAT(clean, Not(HasSubstr("Listen")));
  EXPECT_EQ(report.boilerplate, 4u);  // teaser, two prompts, the glued prompt
}

TEST(CleanerTest, ChromeLaterInAFlattenedPageOrOnItsOwnLineRemovesOnlyItself) {
  // Chrome after the first eight sentences is not the header's end.
  std::string page;
  for (int i = 0; i < 9; ++i) {
    page += "Sentence number " + std::to_string(i) + " of the story says something new here. ";
  }
  page += "Please enter a valid email address. The story goes on after the prompt for a while.";
  while (page.size() < 700) page += " More text follows.";
  std::string clean = CleanBody(page);
  EXPECT_THAT(clean, StartsWith("Sentence number 0 of the story"));
  EXPECT_THAT(clean, Not(HasSubstr("valid email")));
  // In text with its lines, a chrome line removes itself only.
  clean = CleanBody(
      "The talks resumed on Monday, officials said.\nAdvertisement\nThey ended on Tuesday.");
  EXPECT_EQ(clean, "The talks resumed on Monday, officials said.\nThey ended on Tuesday.");
}

TEST(CleanerTest, ChromeLinesAreRemovedWholeNotCutToWhatFollowsTheirPhrase) {
  const std::string story = "The talks resumed on Monday, officials said.";
  for (const std::string chrome :
       {"(Reporting by Idrees Ali; Editing by Chris Reese)", "Follow us on Twitter",
        "Copyright \u00A9 2025 Example News", "You can now listen to Example News articles!",
        "Listen to this article", "Sign up for our Morning Briefing newsletter"}) {
    EXPECT_EQ(CleanBody(story + "\n" + chrome), story) << chrome;
  }
}

// One chrome sentence in the lead of a one-line text marks no header: only it goes.
TEST(CleanerTest, OneChromeSentenceInAOneLineLeadRemovesOnlyItself) {
  std::string page =
      "The bank said on Monday it would offer faster payments for small firms across the "
      "region. Chief executive Ana Ruiz said the service would cut waiting times by half. "
      "Customers can download the app from Tuesday. ";
  while (page.size() < 700) page += "Analysts said the move followed similar steps by rivals. ";
  const std::string clean = CleanBody(page);
  EXPECT_THAT(clean, StartsWith("The bank said on Monday it would offer faster payments"));
  EXPECT_THAT(clean, HasSubstr("Chief executive Ana Ruiz said"));
  EXPECT_THAT(clean, Not(HasSubstr("download the app")));
}

TEST(CleanerTest, APromptIsCutOnlyWhenASentenceFollowsIt) {
  EXPECT_EQ(CleanBody("Advertisement The talks resumed on Monday in Geneva, officials from both "
                      "sides said in a statement."),
            "The talks resumed on Monday in Geneva, officials from both sides said in a "
            "statement.");
  // A year is no reading time.
  const std::string year =
      "Advertisement 2024 Olympic Games tickets went on sale on Monday, and most of them were "
      "gone by the evening.";
  EXPECT_EQ(CleanBody(year), year);
  const std::string prose =
      "Advertisement revenue fell by a third in the quarter, the company said.";
  EXPECT_EQ(CleanBody(prose), prose);
  EXPECT_EQ(CleanBody("Listen to this article 12 minutes The minister resigned on Friday after "
                      "weeks of pressure from her own party."),
            "The minister resigned on Friday after weeks of pressure from her own party.");
}

TEST(CleanerTest, ReportMayBeNull) {
  EXPECT_EQ(CleanBody("By Jane Doe\n\nA short story about a river crossing in the north."),
            "A short story about a river crossing in the north.");
}

TEST(CleanerTest, CleanTitleDropsTheSiteNameSetOffAtEitherEnd) {
  EXPECT_EQ(CleanTitle("Council extends night buses - Valley Courier", "Valley Courier", ""),
            "Council extends night buses");
  EXPECT_EQ(CleanTitle("Valley Courier | Council extends night buses", "Valley Courier", ""),
            "Council extends night buses");
  EXPECT_EQ(CleanTitle("Council extends night buses (valleycourier.com)", "",
                       "https://www.valleycourier.com/news/1"),
            "Council extends night buses");
  EXPECT_EQ(CleanTitle("Rates held - BBC", "", "https://news.bbc.co.uk/x"), "Rates held");
}

TEST(CleanerTest, CleanTitleKeepsWhatIsNotTheSitesName) {
  // Another name after a dash is part of the headline.
  EXPECT_EQ(CleanTitle("We need to do well - Benitez", "Valley Courier", ""),
            "We need to do well - Benitez");
  EXPECT_EQ(CleanTitle("Apple - Samsung settle", "Samsung Daily", ""), "Apple - Samsung settle");
  // Nothing known of the site, or a title that is only its name: kept.
  EXPECT_EQ(CleanTitle("Night buses - Valley Courier", "", ""), "Night buses - Valley Courier");
  EXPECT_EQ(CleanTitle("Valley Courier", "Valley Courier", ""), "Valley Courier");
}

TEST(CleanerTest, CallsToActionAndTheSitesOwnLinesAtEitherEndAreChrome) {
  const std::string lede =
      "The city council voted on Tuesday to extend the late-night bus service to the eastern "
      "suburbs after a year-long trial drew more riders than expected.";
  for (const std::string above :
       {"Listen to this story (2 min)", "Get the Valley Courier app for breaking news alerts",
        "Valley Courier | Local news", "\u00A9 2026 Valley Courier"}) {
    for (const std::string below :
         {"Follow Valley Courier on Facebook and X for the latest updates",
          "Sign up for our morning briefing", "Read more at valleycourier.com"}) {
      EXPECT_EQ(CleanBody(above + "\n\n" + lede + "\n\n" + below, nullptr, "Valley Courier", ""),
                lede)
          << above << " / " << below;
    }
  }
}

TEST(CleanerTest, SentencesAndLinesInsideTheTextAreNotEdgeChrome) {
  const std::string lede =
      "The city council voted on Tuesday to extend the late-night bus service to the eastern "
      "suburbs.";
  // A sentence (it ends like one), a line inside the text, a text that is only that line.
  const std::string sentence = lede + "\n\nValley Courier could not verify the report.";
  EXPECT_EQ(CleanBody(sentence, nullptr, "Valley Courier", ""), sentence);
  const std::string inside = lede + "\n\nRead the council's statement\n\n" + lede + " Again.";
  EXPECT_EQ(CleanBody(inside), inside);
  EXPECT_EQ(CleanBody("Follow the money"), "Follow the money");
  // Without the site's name, a line naming it is no call to action.
  const std::string named = lede + "\n\nValley Courier | Local news";
  EXPECT_EQ(CleanBody(named), named);
  // Headlines and sentences that only look like chrome.
  for (const std::string line :
       {"Share prices slump after profit warning", "Watch this space for the budget vote",
        "Copyright claims against the band were dismissed in 2019."}) {
    EXPECT_EQ(CleanBody(line + "\n\n" + lede), line + "\n\n" + lede) << line;
  }
  // The site's name in whole words only: time.com is not in "sometimes", news.com.au's
  // "news" not in "new Senate".
  const std::string polls = "Why sometimes the polls are wrong\n\n" + lede;
  EXPECT_EQ(CleanBody(polls, nullptr, "", "https://time.com/x"), polls);
  const std::string senate = "Labor's new Senate deal explained\n\n" + lede;
  EXPECT_EQ(CleanBody(senate, nullptr, "", "https://www.news.com.au/x"), senate);
}

// Articles of one source, each with its own story between the lines the source puts
// around every story.
std::vector<Article> FromOneSource(absl::string_view url_host,
                                   const std::vector<std::string>& titles, absl::string_view above,
                                   absl::string_view below) {
  static constexpr const char* kLedes[] = {
      "The city council voted on Tuesday to extend the late-night bus service to the eastern "
      "suburbs after a year-long trial drew more riders than expected.",
      "Fishermen in the harbour say the new quota rules will halve their winter catch, and "
      "their association has asked the ministry to delay them.",
      "A fire at a disused warehouse on the waterfront was put out overnight, and nobody was "
      "hurt, the fire service said on Wednesday morning.",
      "The regional hospital will open a second maternity ward next spring, its board said, "
      "after births in the district rose for a third year.",
      "Voters in the northern ward will choose a new councillor next month after the "
      "resignation of the sitting member over a planning dispute."};
  std::vector<Article> articles;
  for (size_t i = 0; i < titles.size(); ++i) {
    Article article;
    article.id = absl::StrCat("a", i);
    article.title = titles[i];
    article.url = absl::StrCat("https://", url_host, "/item/", i);
    // A sentence every story has inside it, and a last paragraph of its own.
    article.body = absl::StrCat(above, above.empty() ? "" : "\n\n", kLedes[i % std::size(kLedes)],
                                "\n\nOfficials will report back to the council in the new year.",
                                "\n\nThe next meeting is in week ", i + 1, ".",
                                below.empty() ? "" : "\n\n", below);
    articles.push_back(std::move(article));
  }
  return articles;
}

TEST(RecurringChromeTest, LinesAroundEveryStoryOfASourceAreChrome) {
  // Neither line is a call to action nor names the site: only recurrence makes them chrome.
  const std::vector<Article> articles = FromOneSource(
      "feed3.syndication-hub.net",
      {"Night buses extended", "Quota rules anger fishermen", "Warehouse fire put out"},
      "Brought to you by Meridian Bank", "More from the harbour every morning");
  const RecurringChrome chrome(articles);
  for (Article article : articles) {
    const std::string as_read = article.body;
    EXPECT_EQ(CleanArticle(article, &chrome), as_read);
    EXPECT_THAT(article.body, Not(HasSubstr("Meridian")));
    EXPECT_THAT(article.body, Not(HasSubstr("every morning")));
    EXPECT_THAT(article.body, HasSubstr("Officials will report back"));
  }
  // Without what the block says, or when the lines recur in fewer than kMinArticles articles
  // of the source, they are kept.
  Article alone = articles[0];
  EXPECT_EQ(CleanArticle(alone), "");
  EXPECT_THAT(alone.body, HasSubstr("Meridian"));
  const std::vector<Article> two(articles.begin(), articles.begin() + 2);
  const RecurringChrome too_few(two);
  alone = articles[0];
  EXPECT_EQ(CleanArticle(alone, &too_few), "");
  // Another source does not learn from this one.
  Article elsewhere = articles[0];
  elsewhere.url = "https://other.example.org/item/9";
  EXPECT_EQ(CleanArticle(elsewhere, &chrome), "");
}

TEST(RecurringChromeTest, RecurringLinesThatMayBeNewsAreKept) {
  // Figures, a dateline of its own, a dateline's shape, a sentence inside the text.
  for (const std::string line :
       {"Shares closed at 12 pence", "HALIFAX", "NEW YORK CITY", "Filed from the harbour desk,",
        "Special report from the harbour -", "Special report from the harbour \u2014",
        "Special report from the harbour \u2013"}) {
    const std::vector<Article> articles = FromOneSource(
        "gazette.example.org",
        {"Night buses extended", "Quota rules anger fishermen", "Warehouse fire put out"}, line,
        "");
    const RecurringChrome chrome(articles);
    Article article = articles[1];
    EXPECT_EQ(CleanArticle(article, &chrome), "") << line;
  }
  std::vector<Article> articles = FromOneSource(
      "gazette.example.org",
      {"Night buses extended", "Quota rules anger fishermen", "Warehouse fire put out"}, "", "");
  for (Article& article : articles) {
    article.body = absl::StrReplaceAll(
        article.body, {{"\n\nOfficials", "\n\nThe council did not comment.\n\nOfficials"}});
  }
  const RecurringChrome chrome(articles);
  Article article = articles[0];
  EXPECT_EQ(CleanArticle(article, &chrome), "");
  // A text is never left empty: its one line stays.
  std::vector<Article> bare = articles;
  for (Article& a : bare) a.body = "Story continues below";
  const RecurringChrome all_chrome(bare);
  Article only = bare[0];
  EXPECT_EQ(CleanArticle(only, &all_chrome), "");
  EXPECT_EQ(only.body, "Story continues below");
}

TEST(RecurringChromeTest, CopiesAndUpdatesOfOneStoryAreOneStory) {
  // Three versions of one story from one source (a copy, an update with a new title, a
  // copy with a word changed) share a one-line lede and a closing line: not chrome.
  const std::string lede = "Night buses will run to the eastern suburbs from Monday";
  const std::string text =
      "The city council voted on Tuesday to extend the late-night bus service to the eastern "
      "suburbs after a year-long trial drew more riders than expected.";
  std::vector<Article> articles;
  for (const auto& [title, body] : std::vector<std::pair<std::string, std::string>>{
           {"Night buses extended", text},
           {"Night buses extended", text},
           {"Council extends night buses after trial", text},
           {"Night buses extended",
            absl::StrReplaceAll(text, {{"drew more riders", "drew many more riders"}})}}) {
    Article article;
    article.id = absl::StrCat("v", articles.size());
    article.title = title;
    article.url = absl::StrCat("https://gazette.example.org/item/", articles.size());
    article.body = absl::StrCat(lede, "\n\n", body, "\n\nMore on the buses later today");
    articles.push_back(std::move(article));
  }
  const RecurringChrome chrome(articles);
  for (Article article : articles) {
    EXPECT_EQ(CleanArticle(article, &chrome), "") << article.id;
  }
}

TEST(RecurringChromeTest, ASiteNameOnMostOfASourcesTitlesIsLeftOutOfThem) {
  // Known by a host that does not spell its name: only its titles say who it is.
  std::vector<Article> articles = FromOneSource(
      "feed3.syndication-hub.net",
      {"Night buses extended - Harbour Gazette", "Harbour Gazette | Quota rules anger fishermen",
       "Warehouse fire put out (Harbour Gazette)", "Maternity ward to open"},
      "", "");
  // A line naming the site, in one article only: recurrence does not find it.
  articles[3].body += "\n\nSponsored by Harbour Gazette Partners";
  const RecurringChrome chrome(articles);
  const char* expected[] = {"Night buses extended", "Quota rules anger fishermen",
                            "Warehouse fire put out", "Maternity ward to open"};
  for (size_t i = 0; i < articles.size(); ++i) {
    Article article = articles[i];
    CleanArticle(article, &chrome);
    EXPECT_EQ(article.title, expected[i]);
  }
  // The learned name makes the line naming it edge chrome.
  Article sponsored = articles[3];
  CleanArticle(sponsored, &chrome);
  EXPECT_THAT(sponsored.body, Not(HasSubstr("Sponsored")));
  sponsored = articles[3];
  CleanArticle(sponsored);
  EXPECT_THAT(sponsored.body, HasSubstr("Sponsored"));
}

TEST(RecurringChromeTest, WhatEndsAFewOfASourcesTitlesIsKept) {
  // A speaker's or an agency's name, a section, on 3 of 16 titles; a dash before the
  // headline ("UPDATE 1 - …") is no site's place.
  std::vector<std::string> titles;
  for (int i = 0; i < 3; ++i)
    titles.push_back(absl::StrCat("Grain exports seen rising ", i, " - USDA"));
  for (int i = 0; i < 3; ++i) titles.push_back(absl::StrCat("Opinion | Why the buses matter ", i));
  for (int i = 0; i < 4; ++i)
    titles.push_back(absl::StrCat("UPDATE 1 - Harbour plan approved ", i));
  for (int i = 0; i < 6; ++i) titles.push_back(absl::StrCat("Council meets on budget ", i));
  const std::vector<Article> articles = FromOneSource("wire.example.com", titles, "", "");
  const RecurringChrome chrome(articles);
  for (const Article& original : articles) {
    Article article = original;
    CleanArticle(article, &chrome);
    EXPECT_EQ(article.title, original.title);
  }
}

}  // namespace
}  // namespace newsgrep
