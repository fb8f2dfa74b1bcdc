// SPDX-License-Identifier: GPL-2.0-or-later
// Unit tests for the article reader: UTF-8 repair, text and JSON Lines parsing, and the
// directory walk over plain and gzip-compressed files.
#include "newsgrep/article_reader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/dates.h"
#include "newsgrep/input_file.h"
#include "testing/files.h"
#include "testing/read_recorder.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;

using test::TempDir;
using test::WriteFile;
using test::WriteGzipFile;
using ::testing::ContainsRegex;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;

using Outcome = InputProblem::Outcome;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// Everything one ReadArticles call reported.
using Collected = test::ReadRecorder;

std::string JsonLine(absl::string_view id, absl::string_view title) {
  return absl::StrCat(R"({"id":")", id, R"(","title":")", title, R"(","body":"text of )", id,
                      "\"}\n");
}

// ---------------------------------------------------------------------------------------
// RepairUtf8

TEST(ArticleReaderTest, RepairUtf8LeavesCleanTextUntouched) {
  const std::string clean =
      "Plain ASCII, tab\there, CR\r\nLF\n, é ü ß, “quotes” — 東京, emoji 😀, DEL\x7F";
  std::string text = clean;
  size_t first_bad = 12345;
  EXPECT_EQ(RepairUtf8(text, &first_bad), 0u);
  EXPECT_EQ(text, clean);
  std::string empty;
  EXPECT_EQ(RepairUtf8(empty), 0u);
  EXPECT_EQ(empty, "");
}

TEST(ArticleReaderTest, RepairUtf8ReadsALoneWindows1252ByteAsItsCharacter) {
  std::string text = "It\x92s here";
  size_t first_bad = 0;
  EXPECT_EQ(RepairUtf8(text, &first_bad), 1u);
  EXPECT_EQ(text, "It\u2019s here");  // ’
  EXPECT_EQ(first_bad, 2u);

  std::string euro =
      "\x80"
      "5 \x93quoted\x94 \x96 dash";
  EXPECT_EQ(RepairUtf8(euro), 4u);
  EXPECT_EQ(euro,
            "\u20AC"
            "5 \u201Cquoted\u201D \u2013 dash");
}

// The clean prefix is skipped eight bytes at a time: a bad byte or a control character is
// found wherever it stands in (or after) such a run.
TEST(ArticleReaderTest, RepairUtf8FindsTheFirstBadByteAtEveryOffset) {
  for (size_t at = 0; at < 20; ++at) {
    for (const char bad : {'\xE9', '\x01'}) {
      std::string text(24, 'a');
      text[at] = bad;
      size_t first_bad = 12345;
      EXPECT_EQ(RepairUtf8(text, &first_bad), 1u) << at;
      EXPECT_EQ(first_bad, at);
      EXPECT_EQ(text, bad == '\x01' ? std::string(23, 'a')
                                    : std::string(at, 'a') + "\u00E9" + std::string(23 - at, 'a'));
    }
  }
}

TEST(ArticleReaderTest, RepairUtf8ReadsLatin1Bytes) {
  std::string text = "caf\xE9 cr\xE8me";
  size_t first_bad = 0;
  EXPECT_EQ(RepairUtf8(text, &first_bad), 2u);
  EXPECT_EQ(text, "café crème");
  EXPECT_EQ(first_bad, 3u);
}

TEST(ArticleReaderTest, RepairUtf8MapsBytesUndefinedInWindows1252ToLatin1) {
  std::string text =
      "a\x81"
      "b";
  EXPECT_EQ(RepairUtf8(text), 1u);
  EXPECT_EQ(text,
            "a\xC2\x81"
            "b");  // U+0081
}

TEST(ArticleReaderTest, RepairUtf8RepairsATruncatedSequenceAtTheEnd) {
  std::string text = "abc\xE2\x80";  // first two bytes of a three-byte sequence
  size_t first_bad = 0;
  EXPECT_EQ(RepairUtf8(text, &first_bad), 2u);
  EXPECT_EQ(text, "abc\u00E2\u20AC");  // â €
  EXPECT_EQ(first_bad, 3u);

  std::string four = "x\xF0\x9F\x98";  // three bytes of a four-byte emoji
  EXPECT_EQ(RepairUtf8(four), 3u);
  EXPECT_EQ(four, "x\u00F0\u0178\u02DC");  // ð Ÿ ˜
}

TEST(ArticleReaderTest, RepairUtf8RejectsOverlongEncodings) {
  std::string two = "\xC0\xAF";  // overlong '/'
  EXPECT_EQ(RepairUtf8(two), 2u);
  EXPECT_EQ(two, "\u00C0\u00AF");
  std::string three = "\xE0\x80\xAF";
  EXPECT_EQ(RepairUtf8(three), 3u);
  EXPECT_EQ(three, "\u00E0\u20AC\u00AF");
  std::string four = "\xF0\x80\x80\xAF";
  EXPECT_EQ(RepairUtf8(four), 4u);
  EXPECT_EQ(four, "\u00F0\u20AC\u20AC\u00AF");
}

TEST(ArticleReaderTest, RepairUtf8RejectsSurrogatesAndCodePointsBeyondUnicode) {
  std::string surrogate = "a\xED\xA0\x80z";  // U+D800
  size_t first_bad = 0;
  EXPECT_EQ(RepairUtf8(surrogate, &first_bad), 3u);
  EXPECT_EQ(surrogate, "a\u00ED\u00A0\u20ACz");
  EXPECT_EQ(first_bad, 1u);

  std::string beyond = "\xF4\x90\x80\x80";  // U+110000
  EXPECT_EQ(RepairUtf8(beyond), 4u);
  EXPECT_EQ(beyond, "\u00F4\u0090\u20AC\u20AC");

  std::string highest = "\xF4\x8F\xBF\xBF";  // U+10FFFF is valid
  EXPECT_EQ(RepairUtf8(highest), 0u);
}

TEST(ArticleReaderTest, RepairUtf8DropsNulAndC0ControlsButKeepsTabNewlineReturn) {
  std::string text(
      "a\0b\x01"
      "c\x1B"
      "d\te\nf\rg\x1F",
      14);
  size_t first_bad = 0;
  EXPECT_EQ(RepairUtf8(text, &first_bad), 4u);
  EXPECT_EQ(text, "abcd\te\nf\rg");
  EXPECT_EQ(first_bad, 1u);
}

TEST(ArticleReaderTest, RepairUtf8FirstBadOffsetCountsBytesAfterValidMultibyteText) {
  std::string text = "h\xC3\xA9llo \xE2\x80\x94 \x92 and \x92";
  size_t first_bad = 0;
  EXPECT_EQ(RepairUtf8(text, &first_bad), 2u);
  EXPECT_EQ(first_bad, 11u);  // h(1) é(2) llo(3) space(1) —(3) space(1)
  EXPECT_EQ(text, "héllo — ’ and ’");
}

TEST(ArticleReaderTest, RepairUtf8OutputIsCleanAndStable) {
  constexpr char kMess[] = "\xFF\xFE mixed \xE9\x00 \xC3 end\xE2\xF5\xC0\x80\x01";
  std::string text(kMess, sizeof(kMess) - 1);
  EXPECT_EQ(RepairUtf8(text), 10u);
  std::string again = text;
  EXPECT_EQ(RepairUtf8(again), 0u);
  EXPECT_EQ(again, text);
}

// ---------------------------------------------------------------------------------------
// ParseTextArticle

TEST(ArticleReaderTest, ParseTextArticleReadsTheHeaderBlock) {
  std::vector<InputProblem> problems;
  absl::StatusOr<Article> article = ParseTextArticle(
      "Title: Bahia cocoa review\n"
      "Date: 1987-02-26T15:01:01Z\n"
      "Source: Reuters\n"
      "URL: https://example.com/cocoa\n"
      "Dateline: SALVADOR, Feb 26\n"
      "Author: Ana Ruiz\n"
      "Author: Li Wei\n"
      "\n"
      "Showers continued throughout the week.   \n"
      "\n"
      "Second paragraph.\n",
      "corpus/cocoa.txt", [&](const InputProblem& p) { problems.push_back(p); });
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id, "corpus/cocoa.txt");
  EXPECT_EQ(article->origin, "corpus/cocoa.txt");
  EXPECT_EQ(article->title, "Bahia cocoa review");
  ASSERT_TRUE(article->date.has_value());
  EXPECT_EQ(article->date->Iso8601(), "1987-02-26T15:01:01Z");
  EXPECT_EQ(article->source, "Reuters");
  EXPECT_EQ(article->url, "https://example.com/cocoa");
  EXPECT_EQ(article->dateline, "SALVADOR, Feb 26");
  EXPECT_THAT(article->authors, ElementsAre("Ana Ruiz", "Li Wei"));
  EXPECT_EQ(article->body, "Showers continued throughout the week.\n\nSecond paragraph.");
  EXPECT_THAT(problems, IsEmpty());
}

TEST(ArticleReaderTest, ParseTextArticleHeaderKeysAreCaseInsensitive) {
  absl::StatusOr<Article> article = ParseTextArticle(
      "TITLE: Upper\nsource:lower\nDaTe:   2025-08-20  \nurl: http://x/y\nDATELINE: PARIS\n\n"
      "Body.",
      "x.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Upper");
  EXPECT_EQ(article->source, "lower");
  ASSERT_TRUE(article->date.has_value());
  EXPECT_EQ(article->date->Iso8601(), "2025-08-20");
  EXPECT_EQ(article->url, "http://x/y");
  EXPECT_EQ(article->dateline, "PARIS");
  EXPECT_EQ(article->body, "Body.");
}

TEST(ArticleReaderTest, ParseTextArticleWithoutHeaderUsesTheFirstLineAsTitle) {
  absl::StatusOr<Article> article = ParseTextArticle(
      "\n\n   Markets   rally after   rate cut  \nStocks rose on Tuesday.\nBonds fell.\n\n",
      "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Markets rally after rate cut");
  EXPECT_EQ(article->body, "Stocks rose on Tuesday.\nBonds fell.");
  EXPECT_FALSE(article->date.has_value());
  EXPECT_EQ(article->source, "");
}

TEST(ArticleReaderTest, ParseTextArticleSingleLineIsTitleWithEmptyBody) {
  absl::StatusOr<Article> article = ParseTextArticle("Just a headline", "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Just a headline");
  EXPECT_EQ(article->body, "");
}

// Regression: scraped pages that open with a photo caption got the caption as title.
TEST(ArticleReaderTest, ParseTextArticlePhotoCaptionBeforeTheStoryIsNotTheTitle) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"FILE PHOTO: Flags fly outside NATO headquarters in Brussels, Belgium.",
       "FILE PHOTO: Flags fly outside NATO headquarters in Brussels, Belgium."},
      {"Photo: Defence chiefs arrive in Brussels", "Photo: Defence chiefs arrive in Brussels"},
      {"(Reuters photo) Soldiers stand guard near Kyiv.",
       "(Reuters photo) Soldiers stand guard near Kyiv."},
      {"  (Photo: AP)   Ministers meet  ", "(Photo: AP)   Ministers meet"},
      {"Ministers meet in Brussels. REUTERS/Yves Herman",
       "Ministers meet in Brussels. REUTERS/Yves Herman"},
  };
  for (const auto& [caption, kept] : cases) {
    absl::StatusOr<Article> article = ParseTextArticle(
        caption + "\n\nNATO chiefs weigh security guarantees\n\nThe chiefs met on Tuesday.\n",
        "scraped.txt");
    ASSERT_TRUE(article.ok()) << caption << ": " << article.status();
    EXPECT_EQ(article->title, "NATO chiefs weigh security guarantees") << caption;
    // The caption stays in the body (the cleaner removes it at index time).
    EXPECT_EQ(article->body, kept + "\n\nThe chiefs met on Tuesday.") << caption;
  }
}

TEST(ArticleReaderTest, ParseTextArticleSkipsSeveralCaptionsAndUsesALongLineFirstSentence) {
  std::string story = "The central bank raised interest rates on Tuesday.";
  while (story.size() <= kMaxTitleLineLength) story += " Analysts had expected the move.";
  absl::StatusOr<Article> article = ParseTextArticle(
      "Photo: Reuters\nFILE PHOTO: The bank's headquarters.\n" + story + "\n", "scraped.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "The central bank raised interest rates on Tuesday");
  EXPECT_EQ(article->body, "Photo: Reuters\nFILE PHOTO: The bank's headquarters.\n" + story);
}

// The shape of seeds/003: caption, byline, then a long wire paragraph.
TEST(ArticleReaderTest, ParseTextArticleSkipsBylinesAndTheWireCreditOfTheFirstSentence) {
  std::string story =
      "(Reuters) -NATO military leaders are expected to meet on Wednesday to discuss Ukraine.";
  while (story.size() <= kMaxTitleLineLength) story += " Officials said so on Tuesday.";
  const std::string text =
      "FILE PHOTO: A general at a hearing. REUTERS/Kevin Mohatt\n\n"
      "By Idrees Ali and Sabine Siebold\n\n" +
      story + "\n";
  absl::StatusOr<Article> article = ParseTextArticle(text, "scraped.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title,
            "NATO military leaders are expected to meet on Wednesday to discuss Ukraine");
  EXPECT_THAT(article->body, HasSubstr("By Idrees Ali and Sabine Siebold"));
  EXPECT_THAT(article->body, HasSubstr("(Reuters) -NATO military leaders"));

  for (const std::string credit : {"(AP) \u2014 ", "(Reuters) - "}) {
    article = ParseTextArticle(credit + story.substr(11), "wire.txt");
    ASSERT_TRUE(article.ok()) << article.status();
    EXPECT_EQ(article->title,
              "NATO military leaders are expected to meet on Wednesday to discuss Ukraine")
        << credit;
  }
  // A short first line keeps its parenthesis: only a long paragraph's sentence is trimmed.
  article = ParseTextArticle("(Corrected) - Rates rise\n\nBody.", "short.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "(Corrected) - Rates rise");
}

// The shapes of seeds/004 and of wire copy: a dateline before the first sentence.
TEST(ArticleReaderTest, ParseTextArticleFirstSentenceTitleLeavesOutTheDateline) {
  std::string rest = " Officials said the talks would go on.";
  while (rest.size() <= kMaxTitleLineLength) rest += " Officials said so on Tuesday.";
  const std::string sentence = "NATO\u2019s top military leaders met on Wednesday";
  for (const std::string dateline :
       {"BRUSSELS: ", "WASHINGTON (Reuters) - ", "SAN FRANCISCO, March 3 (AP) \u2014 ",
        "WASHINGTON, D.C. -- ", "S\u00c3O PAULO: ", "(Continental Wire) -"}) {
    absl::StatusOr<Article> article =
        ParseTextArticle(dateline + sentence + "." + rest + "\n", "wire.txt");
    ASSERT_TRUE(article.ok()) << article.status();
    EXPECT_EQ(article->title, sentence) << dateline;
  }
  // Words in capitals after the dash: a headline in capitals, not a dateline.
  const std::string headline = "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS WIN";
  absl::StatusOr<Article> article =
      ParseTextArticle(headline + ". The county went top of the table." + rest, "sport.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, headline);
  // Nor are a dash or colon after an acronym or a word with digits when what follows is no
  // sentence start, or the word is no place.
  for (const std::string opening :
       {"NATO \u2014 the alliance founded in 1949 \u2014 said on Friday that it would meet.",
        "COVID-19: Cases rise again in the north after the holidays, officials said."}) {
    article = ParseTextArticle(opening + rest, "opening.txt");
    ASSERT_TRUE(article.ok()) << article.status();
    EXPECT_EQ(article->title, opening.substr(0, opening.size() - 1)) << opening;
  }
  // A sentence that opens with an acronym is no dateline either.
  article = ParseTextArticle("NATO said on Friday that its chiefs would meet again." + rest,
                             "acronym.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "NATO said on Friday that its chiefs would meet again");
}

// The shape of seeds/002: share bar and audio prompt lines before the story.
TEST(ArticleReaderTest, ParseTextArticleTitleSkipsSiteChromeLines) {
  absl::StatusOr<Article> article = ParseTextArticle(
      "Share and Follow\nNEWYou can now listen to Example News articles!\nAdvertisement\n"
      "Chiefs meet by video link\nThe chiefs met on Wednesday.\n",
      "scraped.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Chiefs meet by video link");
  EXPECT_THAT(article->body, Not(HasSubstr("Chiefs meet by video link")));
}

TEST(ArticleReaderTest, ParseTextArticleOfCaptionsOnlyTakesTheFirstLine) {
  absl::StatusOr<Article> article =
      ParseTextArticle("Photo: Reuters\nFILE PHOTO: A harbour at dawn.\n", "captions.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Photo: Reuters");
  EXPECT_EQ(article->body, "FILE PHOTO: A harbour at dawn.");
}

TEST(ArticleReaderTest, ParseTextArticleTitleMentioningAPhotoIsStillTheTitle) {
  for (const std::string title : {"Photographers honoured at the Brussels press awards",
                                  "Leaders pose for a family photo (and then talk)"}) {
    absl::StatusOr<Article> article = ParseTextArticle(title + "\nBody.", "a.txt");
    ASSERT_TRUE(article.ok()) << article.status();
    EXPECT_EQ(article->title, title);
    EXPECT_EQ(article->body, "Body.");
  }
}

TEST(ArticleReaderTest, ParseTextArticleLongFirstLineGivesFirstSentenceAndKeepsWholeBody) {
  const std::string first_sentence = "The central bank raised interest rates on Tuesday";
  std::string line = first_sentence + ".";
  while (line.size() <= kMaxTitleLineLength) {
    line += " Analysts had expected the move after months of rising prices.";
  }
  const std::string text = line + "\nSecond paragraph here.\n";
  absl::StatusOr<Article> article = ParseTextArticle(text, "scraped.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, first_sentence);
  EXPECT_EQ(article->body, line + "\nSecond paragraph here.");
}

TEST(ArticleReaderTest, ParseTextArticleLongFirstLineWithoutSentenceEndIsCutAtAWord) {
  std::string line;
  while (line.size() <= 2 * kMaxTitleLineLength) line += "word ";
  absl::StatusOr<Article> article = ParseTextArticle(line, "long.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_LE(article->title.size(), 150u + std::string("…").size());
  EXPECT_THAT(article->title, StartsWith("word word"));
  EXPECT_THAT(article->title, ::testing::EndsWith("word…"));
  EXPECT_EQ(article->body, std::string(absl::StripTrailingAsciiWhitespace(line)));
}

TEST(ArticleReaderTest, ParseTextArticleLineOfExactlyMaxLengthIsStillTheTitle) {
  const std::string line(kMaxTitleLineLength, 'x');
  absl::StatusOr<Article> article = ParseTextArticle(line + "\nbody", "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, line);
  EXPECT_EQ(article->body, "body");
}

TEST(ArticleReaderTest, ParseTextArticleHandlesCrlfAndLoneCr) {
  absl::StatusOr<Article> article = ParseTextArticle(
      "Title: Windows\r\nSource: Notepad\r\n\r\nLine one\r\nLine two\r\n\r\nLine three\rLast\r\n",
      "win.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Windows");
  EXPECT_EQ(article->source, "Notepad");
  EXPECT_EQ(article->body, "Line one\nLine two\n\nLine three\nLast");
}

TEST(ArticleReaderTest, ParseTextArticleSkipsAByteOrderMark) {
  absl::StatusOr<Article> with_header =
      ParseTextArticle("\xEF\xBB\xBFTitle: With BOM\n\nBody text", "bom.txt");
  ASSERT_TRUE(with_header.ok()) << with_header.status();
  EXPECT_EQ(with_header->title, "With BOM");
  EXPECT_EQ(with_header->body, "Body text");

  absl::StatusOr<Article> without_header =
      ParseTextArticle("\xEF\xBB\xBFHeadline\nBody text", "bom2.txt");
  ASSERT_TRUE(without_header.ok()) << without_header.status();
  EXPECT_EQ(without_header->title, "Headline");
}

TEST(ArticleReaderTest, ParseTextArticleKeepsArticleWithUnparseableDateAndReportsRepair) {
  std::vector<InputProblem> problems;
  absl::StatusOr<Article> article =
      ParseTextArticle("Title: Old wire\nDate: 31-MAR-1987 605:12:19.12\n\nBody.",
                       "reuters/0001.txt", [&](const InputProblem& p) { problems.push_back(p); });
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Old wire");
  EXPECT_EQ(article->body, "Body.");
  EXPECT_FALSE(article->date.has_value());
  ASSERT_THAT(problems, SizeIs(1));
  EXPECT_EQ(problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(problems[0].location, "reuters/0001.txt");
  EXPECT_THAT(problems[0].message, HasSubstr("31-MAR-1987 605:12:19.12"));
}

TEST(ArticleReaderTest, ParseTextArticleBadDateWithoutCallbackIsStillKept) {
  absl::StatusOr<Article> article =
      ParseTextArticle("Title: T\nDate: someday\n\nBody.", "a.txt", nullptr);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "T");
  EXPECT_FALSE(article->date.has_value());
}

TEST(ArticleReaderTest, ParseTextArticleWhitespaceOnlyIsAnError) {
  for (absl::string_view text : {absl::string_view(""), absl::string_view("   \n\t\n \r\n"),
                                 absl::string_view("\xEF\xBB\xBF\n\n")}) {
    absl::StatusOr<Article> article = ParseTextArticle(text, "blank.txt");
    EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument)
        << "for " << std::string(text);
  }
}

TEST(ArticleReaderTest, ParseTextArticleHeaderLookalikeInTheBodyIsNotAHeader) {
  absl::StatusOr<Article> article =
      ParseTextArticle("Headline\nNote: x\nSource: said to be a rumour\n\nMore.", "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Headline");
  EXPECT_EQ(article->source, "");
  EXPECT_EQ(article->body, "Note: x\nSource: said to be a rumour\n\nMore.");
}

TEST(ArticleReaderTest, ParseTextArticleHeaderLinesAfterTheBlockStayInTheBody) {
  absl::StatusOr<Article> article =
      ParseTextArticle("Title: Real\n\nFirst line.\nSource: fake\nDate: 2020-01-01\n", "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Real");
  EXPECT_EQ(article->source, "");
  EXPECT_FALSE(article->date.has_value());
  EXPECT_EQ(article->body, "First line.\nSource: fake\nDate: 2020-01-01");
}

TEST(ArticleReaderTest, ParseTextArticleHeaderWithoutTitleTakesTheFirstBodyLine) {
  absl::StatusOr<Article> article = ParseTextArticle(
      "Date: Wed, 20 Aug 2025 14:05:00 +0200\nSource: AP\n\n\nHeadline from body\nBody text.",
      "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Headline from body");
  EXPECT_EQ(article->body, "Body text.");
  EXPECT_EQ(article->source, "AP");
  ASSERT_TRUE(article->date.has_value());
  EXPECT_EQ(article->date->Iso8601(), "2025-08-20T12:05:00Z");
}

TEST(ArticleReaderTest, ParseTextArticleHeaderOnlyArticleHasEmptyBody) {
  absl::StatusOr<Article> article = ParseTextArticle("Title: Only a title\n\n\n", "a.txt");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "Only a title");
  EXPECT_EQ(article->body, "");
}

// ---------------------------------------------------------------------------------------
// ParseJsonArticle

class ProblemSink {
 public:
  ProblemCallback Callback() {
    return [this](const InputProblem& problem) { problems.push_back(problem); };
  }
  std::vector<InputProblem> problems;
};

TEST(ArticleReaderTest, ParseJsonArticleReadsAllFields) {
  ProblemSink sink;
  absl::StatusOr<Article> article = ParseJsonArticle(
      R"({"id":"r-1","title":"Cocoa","body":"Showers.\nMore.","date":"2025-08-20T14:05:00+02:00",)"
      R"("source":"Reuters","url":"https://e.com/1","dateline":"SALVADOR"})",
      "feed.jsonl:3", sink.Callback());
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id, "r-1");
  EXPECT_EQ(article->title, "Cocoa");
  EXPECT_EQ(article->body, "Showers.\nMore.");
  ASSERT_TRUE(article->date.has_value());
  EXPECT_EQ(article->date->Iso8601(), "2025-08-20T12:05:00Z");
  EXPECT_EQ(article->source, "Reuters");
  EXPECT_EQ(article->url, "https://e.com/1");
  EXPECT_EQ(article->dateline, "SALVADOR");
  EXPECT_EQ(article->origin, "feed.jsonl:3");
  EXPECT_THAT(sink.problems, IsEmpty());
}

TEST(ArticleReaderTest, ParseJsonArticleReadsAuthorsAsANameOrAnArray) {
  ProblemSink sink;
  absl::StatusOr<Article> one = ParseJsonArticle(
      R"({"id":"a","title":"t","author":"  Ana   Ruiz "})", "f.jsonl:1", sink.Callback());
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_THAT(one->authors, ElementsAre("Ana Ruiz"));
  absl::StatusOr<Article> two = ParseJsonArticle(
      R"({"id":"b","title":"t","authors":["Ana Ruiz","Li Wei",""]})", "f.jsonl:2", sink.Callback());
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_THAT(two->authors, ElementsAre("Ana Ruiz", "Li Wei"));
  // schema.org Person objects, nulls and a name given under both keys.
  absl::StatusOr<Article> objects = ParseJsonArticle(
      R"({"id":"c","title":"t","author":"Ana Ruiz","authors":[{"@type":"Person","name":"Ana Ruiz"},)"
      R"(null,{"name":"Li Wei"}]})",
      "f.jsonl:3", sink.Callback());
  ASSERT_TRUE(objects.ok()) << objects.status();
  EXPECT_THAT(objects->authors, ElementsAre("Ana Ruiz", "Li Wei"));
  EXPECT_THAT(sink.problems, IsEmpty());
  // Anything else is left out and reported; the article is still read.
  absl::StatusOr<Article> odd = ParseJsonArticle(
      R"({"id":"d","title":"t","authors":["Ana Ruiz",7,{"id":3}]})", "f.jsonl:4", sink.Callback());
  ASSERT_TRUE(odd.ok()) << odd.status();
  EXPECT_THAT(odd->authors, ElementsAre("Ana Ruiz"));
  ASSERT_EQ(sink.problems.size(), 1u);
  EXPECT_EQ(sink.problems[0].location, "f.jsonl:4");
  EXPECT_THAT(sink.problems[0].message, StartsWith("2 author(s) that are neither a name"));
}

TEST(ArticleReaderTest, ParseJsonArticleIgnoresUnknownKeys) {
  ProblemSink sink;
  absl::StatusOr<Article> article = ParseJsonArticle(
      R"({"id":"x","tags":["a","b"],"meta":{"n":1},"score":3.5,"ok":true,"title":"T"})",
      "f.jsonl:1", sink.Callback());
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id, "x");
  EXPECT_EQ(article->title, "T");
  EXPECT_THAT(sink.problems, IsEmpty());
}

TEST(ArticleReaderTest, ParseJsonArticleAcceptsANumericId) {
  ProblemSink sink;
  absl::StatusOr<Article> article =
      ParseJsonArticle(R"({"id":12345,"title":"T"})", "f.jsonl:1", sink.Callback());
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id, "12345");
}

TEST(ArticleReaderTest, ParseJsonArticleFallsBackToTheUrlAsId) {
  ProblemSink sink;
  for (absl::string_view line :
       {absl::string_view(R"({"url":"https://e.com/a","title":"T"})"),
        absl::string_view(R"({"id":null,"url":"https://e.com/a","title":"T"})"),
        absl::string_view(R"({"id":"","url":"https://e.com/a","title":"T"})")}) {
    absl::StatusOr<Article> article = ParseJsonArticle(line, "f.jsonl:1", sink.Callback());
    ASSERT_TRUE(article.ok()) << article.status();
    EXPECT_EQ(article->id, "https://e.com/a");
    EXPECT_EQ(article->url, "https://e.com/a");
  }
}

TEST(ArticleReaderTest, ParseJsonArticleWithoutIdOrUrlIsAnErrorStartingWithTheLocation) {
  ProblemSink sink;
  absl::StatusOr<Article> article =
      ParseJsonArticle(R"({"title":"T","body":"B"})", "feed.jsonl:12", sink.Callback());
  EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(article.status()), StartsWith("feed.jsonl:12: "));
  EXPECT_THAT(Message(article.status()), HasSubstr("\"id\""));
}

TEST(ArticleReaderTest, ParseJsonArticleWithoutTitleOrBodyIsAnError) {
  ProblemSink sink;
  absl::StatusOr<Article> article =
      ParseJsonArticle(R"({"id":"x","title":"  ","body":"\n"})", "feed.jsonl:4", sink.Callback());
  EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(article.status()), StartsWith("feed.jsonl:4: "));
  EXPECT_THAT(Message(article.status()), HasSubstr("neither \"title\" nor \"body\""));

  absl::StatusOr<Article> body_only =
      ParseJsonArticle(R"({"id":"x","body":"only body"})", "feed.jsonl:5", sink.Callback());
  ASSERT_TRUE(body_only.ok()) << body_only.status();
  EXPECT_EQ(body_only->title, "");
  EXPECT_EQ(body_only->body, "only body");
}

TEST(ArticleReaderTest, ParseJsonArticleMalformedJsonGivesLineAndColumn) {
  ProblemSink sink;
  absl::StatusOr<Article> article =
      ParseJsonArticle(R"({"id": "x", "title": oops})", "feed.jsonl:7", sink.Callback());
  EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(article.status()), StartsWith("feed.jsonl:7:22: malformed JSON: "));
  EXPECT_THAT(Message(article.status()), Not(HasSubstr("json.exception")));

  absl::StatusOr<Article> truncated =
      ParseJsonArticle(R"({"id":"x","title":"unterminated)", "feed.jsonl:8", sink.Callback());
  EXPECT_EQ(truncated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(truncated.status()),
              ContainsRegex("^feed\\.jsonl:8:[0-9]+: malformed JSON: "));
}

TEST(ArticleReaderTest, ParseJsonArticleRejectsNonObjects) {
  ProblemSink sink;
  for (absl::string_view line :
       {absl::string_view(R"(["id","x"])"), absl::string_view(R"("a string")"),
        absl::string_view("42"), absl::string_view("null")}) {
    absl::StatusOr<Article> article = ParseJsonArticle(line, "f.jsonl:2", sink.Callback());
    EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument) << line;
    EXPECT_EQ(Message(article.status()), "f.jsonl:2: record is not a JSON object") << line;
  }
}

TEST(ArticleReaderTest, ParseJsonArticleFieldOfWrongTypeIsAnErrorNamingTheField) {
  ProblemSink sink;
  absl::StatusOr<Article> array_title =
      ParseJsonArticle(R"({"id":"x","title":["a","b"]})", "f.jsonl:3", sink.Callback());
  EXPECT_EQ(array_title.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(array_title.status()), "f.jsonl:3: \"title\" must be a string");

  absl::StatusOr<Article> object_body =
      ParseJsonArticle(R"({"id":"x","title":"t","body":{"p":1}})", "f.jsonl:4", sink.Callback());
  EXPECT_EQ(object_body.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(object_body.status()), HasSubstr("\"body\""));

  absl::StatusOr<Article> bool_id =
      ParseJsonArticle(R"({"id":true,"title":"t"})", "f.jsonl:5", sink.Callback());
  EXPECT_EQ(bool_id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(bool_id.status()), HasSubstr("\"id\""));
}

TEST(ArticleReaderTest, ParseJsonArticleRepairsInvalidUtf8AndReportsWhere) {
  ProblemSink sink;
  absl::StatusOr<Article> article = ParseJsonArticle("{\"id\":\"x\",\"title\":\"caf\xE9 \x92s\"}",
                                                     "feed.jsonl:3", sink.Callback());
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title, "café ’s");
  ASSERT_THAT(sink.problems, SizeIs(1));
  EXPECT_EQ(sink.problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(sink.problems[0].location, "feed.jsonl:3:23");  // the column of \xE9
  EXPECT_THAT(sink.problems[0].message, HasSubstr("2 byte(s)"));
}

TEST(ArticleReaderTest, ParseJsonArticleBadDateKeepsArticleWithoutDate) {
  ProblemSink sink;
  absl::StatusOr<Article> article = ParseJsonArticle(R"({"id":"x","title":"t","date":"yesterday"})",
                                                     "feed.jsonl:9", sink.Callback());
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_FALSE(article->date.has_value());
  ASSERT_THAT(sink.problems, SizeIs(1));
  EXPECT_EQ(sink.problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(sink.problems[0].location, "feed.jsonl:9");
  EXPECT_THAT(sink.problems[0].message, HasSubstr("\"yesterday\""));
}

// ---------------------------------------------------------------------------------------
// ReadArticles

TEST(ArticleReaderTest, ReadArticlesWalksNestedDirectoriesInNameOrder) {
  TempDir dir;
  const std::string root = dir / "corpus";
  WriteFile(root + "/b.txt", "B title\nbody b");
  WriteFile(root + "/a/2.txt", "A2 title\nbody");
  WriteFile(root + "/a/10.txt", "A10 title\nbody");
  WriteFile(root + "/a/1.jsonl", JsonLine("j1", "J1 title") + JsonLine("j2", "J2 title"));
  WriteFile(root + "/c/deeper/z.txt", "Z title\nbody");
  WriteFile(root + "/C.txt", "Upper C\nbody");

  Collected got;
  ASSERT_EQ(ReadArticles(root, got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("Upper C", "J1 title", "J2 title", "A10 title", "A2 title",
                                        "B title", "Z title"));
  EXPECT_THAT(got.files_done,
              ElementsAre(root + "/C.txt", root + "/a/1.jsonl", root + "/a/10.txt",
                          root + "/a/2.txt", root + "/b.txt", root + "/c/deeper/z.txt"));
  EXPECT_THAT(got.problems, IsEmpty());
}

TEST(ArticleReaderTest, ReadArticlesSkipsHiddenFilesAndDirectories) {
  TempDir dir;
  const std::string root = dir / "corpus";
  WriteFile(root + "/visible.txt", "Visible\nbody");
  WriteFile(root + "/.hidden.txt", "Hidden\nbody");
  WriteFile(root + "/.git/objects.txt", "Git\nbody");
  WriteFile(root + "/sub/.secret.jsonl", JsonLine("s", "Secret"));
  WriteFile(root + "/sub/.cache/x.txt", "Cached\nbody");

  Collected got;
  ASSERT_EQ(ReadArticles(root, got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("Visible"));
  EXPECT_THAT(got.files_done, ElementsAre(root + "/visible.txt"));
  EXPECT_THAT(got.problems, IsEmpty());
}

TEST(ArticleReaderTest, ReadArticlesFileIdsAreCanonicalPathsJoinedWithInnerPath) {
  TempDir dir;
  WriteFile(dir / "corpus/sub/one.txt", "One\nbody");
  WriteFile(dir / "corpus/feed.jsonl", JsonLine("feed-id", "Feed"));

  Collected absolute;
  ASSERT_EQ(ReadArticles(dir / "corpus", absolute.Callbacks()), absl::OkStatus());
  ASSERT_THAT(absolute.articles, SizeIs(2));
  EXPECT_EQ(absolute.articles[0].id, "feed-id");  // JSON records keep their own id
  EXPECT_EQ(absolute.articles[0].origin, dir / "corpus/feed.jsonl:1");
  EXPECT_EQ(absolute.articles[1].id, dir / "corpus/sub/one.txt");
  EXPECT_EQ(absolute.articles[1].origin, dir / "corpus/sub/one.txt");

  Collected trailing_slash;
  ASSERT_EQ(ReadArticles(dir / "corpus/", trailing_slash.Callbacks()), absl::OkStatus());
  EXPECT_THAT(trailing_slash.Ids(), ElementsAre("feed-id", dir / "corpus/sub/one.txt"));

  // A relative path stays relative.
  const fs::path old_cwd = fs::current_path();
  fs::current_path(dir.path());
  Collected relative;
  const absl::Status status = ReadArticles("corpus", relative.Callbacks());
  fs::current_path(old_cwd);
  ASSERT_EQ(status, absl::OkStatus());
  EXPECT_THAT(relative.Ids(), ElementsAre("feed-id", "corpus/sub/one.txt"));
  EXPECT_THAT(relative.files_done, ElementsAre("corpus/feed.jsonl", "corpus/sub/one.txt"));

  // One file, however it is named, is one id: its path below the working directory.
  fs::current_path(dir / "corpus");
  Collected spellings;
  for (const std::string& name :
       std::vector<std::string>{"sub/one.txt", "./sub/one.txt", "sub//./one.txt",
                                "../corpus/sub/one.txt", (dir / "corpus/sub/one.txt")}) {
    ASSERT_EQ(ReadArticles(name, spellings.Callbacks()), absl::OkStatus()) << name;
  }
  // Outside it, the absolute path.
  fs::current_path(dir / "corpus/sub");
  ASSERT_EQ(ReadArticles("../feed.jsonl", spellings.Callbacks()), absl::OkStatus());
  ASSERT_EQ(ReadArticles("../sub/one.txt", spellings.Callbacks()), absl::OkStatus());
  fs::current_path(old_cwd);
  EXPECT_THAT(spellings.Ids(), ElementsAre("sub/one.txt", "sub/one.txt", "sub/one.txt",
                                           "sub/one.txt", "sub/one.txt", "feed-id", "one.txt"));
  EXPECT_EQ(spellings.articles[5].origin, absl::StrCat((dir / "corpus/feed.jsonl"), ":1"));

  // A single file is its own id.
  Collected single;
  ASSERT_EQ(ReadArticles(dir / "corpus/sub/one.txt", single.Callbacks()), absl::OkStatus());
  EXPECT_THAT(single.Ids(), ElementsAre(dir / "corpus/sub/one.txt"));
  EXPECT_THAT(single.files_done, ElementsAre(dir / "corpus/sub/one.txt"));
}

TEST(ArticleReaderTest, ReadArticlesReadsJsonLinesPlainAndGzipped) {
  TempDir dir;
  WriteFile(dir / "a.jsonl", JsonLine("a1", "A one") + JsonLine("a2", "A two"));
  WriteGzipFile(dir / "b.jsonl.gz", JsonLine("b1", "B one") + JsonLine("b2", "B two"));
  WriteFile(dir / "c.ndjson", JsonLine("c1", "C one"));
  WriteGzipFile(dir / "d.txt.gz", "Title: Gzipped text\nSource: Zlib\n\nCompressed body.\n");

  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("a1", "a2", "b1", "b2", "c1", dir / "d.txt.gz"));
  EXPECT_THAT(got.Titles(),
              ElementsAre("A one", "A two", "B one", "B two", "C one", "Gzipped text"));
  EXPECT_EQ(got.articles[2].body, "text of b1");
  EXPECT_EQ(got.articles[3].origin, dir / "b.jsonl.gz:2");
  EXPECT_EQ(got.articles[5].source, "Zlib");
  EXPECT_EQ(got.articles[5].body, "Compressed body.");
  EXPECT_THAT(got.problems, IsEmpty());
  EXPECT_THAT(got.files_done, SizeIs(4));
}

TEST(ArticleReaderTest, ReadArticlesJsonLinesHandlesCrlfBlankLinesAndNoFinalNewline) {
  TempDir dir;
  WriteFile(dir / "f.jsonl",
            "{\"id\":\"1\",\"title\":\"one\"}\r\n\r\n   \n{\"id\":\"4\",\"title\":\"four\"}");
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "f.jsonl", got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("1", "4"));
  ASSERT_THAT(got.articles, SizeIs(2));
  EXPECT_EQ(got.articles[1].origin, dir / "f.jsonl:4");
  EXPECT_THAT(got.problems, IsEmpty());
}

TEST(ArticleReaderTest, ReadArticlesReadsJsonLinesLongerThanOneReadBuffer) {
  TempDir dir;
  std::string contents;
  const std::string long_body(300 * 1024, 'x');  // longer than one 256 KiB read
  contents += absl::StrCat(R"({"id":"big","title":"Big","body":")", long_body, "\"}\n");
  for (int i = 0; i < 3000; ++i) contents += JsonLine(absl::StrCat("n", i), "Small");
  WriteGzipFile(dir / "big.jsonl.gz", contents);
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "big.jsonl.gz", got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(3001));
  EXPECT_EQ(got.articles[0].body, long_body);
  EXPECT_EQ(got.articles[3000].id, "n2999");
  EXPECT_EQ(got.articles[3000].origin, dir / "big.jsonl.gz:3001");
  EXPECT_THAT(got.problems, IsEmpty());
}

TEST(ArticleReaderTest, ReadArticlesSkipsEmptyFiles) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "spaces.txt", "  \n\n\t ");
  WriteGzipFile(dir / "empty.jsonl.gz", "");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_THAT(got.problems, SizeIs(3));
  const std::vector<std::string> names = {dir / "empty.jsonl.gz", dir / "empty.txt",
                                          dir / "spaces.txt"};
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(got.problems[i].outcome, Outcome::kSkipped);
    EXPECT_EQ(got.problems[i].location, names[i]);
    EXPECT_EQ(got.problems[i].message, "empty file");
  }
  EXPECT_THAT(got.files_done, ElementsAre(names[0], names[1], names[2]));
}

TEST(ArticleReaderTest, ReadArticlesSkipsBinaryFiles) {
  TempDir dir;
  WriteFile(dir / "image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  WriteFile(dir / "good.txt", "Good\nbody");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("Good"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "image.txt");
  EXPECT_THAT(got.problems[0].message, HasSubstr("binary"));
  EXPECT_THAT(got.files_done, ElementsAre(dir / "good.txt", dir / "image.txt"));
}

TEST(ArticleReaderTest, MalformedJsonLineIsSkippedAndTheRestRead) {
  TempDir dir;
  const std::string path = dir / "feed.jsonl";
  WriteFile(path, JsonLine("1", "First") +                        // line 1
                      "{\"id\":\"2\",\"title\":\"Second\",}\n" +  // line 2: trailing comma
                      "\n" +                                      // line 3: blank
                      "{\"title\":\"no id\"}\n" +                 // line 4: no id
                      "[1,2]\n" +                                 // line 5: not an object
                      JsonLine("6", "Sixth"));                    // line 6
  Collected got;
  ASSERT_EQ(ReadArticles(path, got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("1", "6"));
  ASSERT_THAT(got.articles, SizeIs(2));
  EXPECT_EQ(got.articles[1].origin, path + ":6");
  ASSERT_THAT(got.problems, SizeIs(3));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, path + ":2:28");
  EXPECT_THAT(got.problems[0].message, StartsWith("malformed JSON: "));
  EXPECT_EQ(got.problems[1].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[1].location, path + ":4");
  EXPECT_THAT(got.problems[1].message, HasSubstr("\"id\""));
  EXPECT_EQ(got.problems[2].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[2].location, path + ":5");
  EXPECT_THAT(got.files_done, ElementsAre(path));
}

TEST(ArticleReaderTest, ReadArticlesRepairsInvalidUtf8InTextFiles) {
  TempDir dir;
  WriteFile(dir / "cp1252.txt", "It\x92s a caf\xE9\nBody \x93quoted\x94.");
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "cp1252.txt", got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(1));
  EXPECT_EQ(got.articles[0].title, "It’s a café");
  EXPECT_EQ(got.articles[0].body, "Body “quoted”.");
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(got.problems[0].location, dir / "cp1252.txt");
  EXPECT_THAT(got.problems[0].message, HasSubstr("4 byte(s)"));
  EXPECT_THAT(got.problems[0].message, HasSubstr("first at byte 2"));
}

TEST(ArticleReaderTest, ReadArticlesReportsBadDatesInFilesAsRepaired) {
  TempDir dir;
  WriteFile(dir / "a.txt", "Title: T\nDate: not a date\n\nBody");
  WriteFile(dir / "b.jsonl", R"({"id":"x","title":"t","date":"2025-99-99"})");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(2));
  EXPECT_FALSE(got.articles[0].date.has_value());
  EXPECT_FALSE(got.articles[1].date.has_value());
  ASSERT_THAT(got.problems, SizeIs(2));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(got.problems[0].location, dir / "a.txt");
  EXPECT_EQ(got.problems[1].outcome, Outcome::kRepaired);
  EXPECT_EQ(got.problems[1].location, dir / "b.jsonl:1");
}

// A gzip file of `lines` JSON Lines records, returned with its size.
std::string LinesForGzip(int lines) {
  std::string contents;
  for (int i = 1; i <= lines; ++i) {
    // Varied text so that the compressed stream is long enough to cut in the middle.
    contents += JsonLine(absl::StrCat(i),
                         absl::StrCat("Title ", i * 7919 % 10007, " ", i * 104729 % 1299709));
  }
  return contents;
}

// Regression: zlib reports a truncated gzip stream as a normal end of file, so damaged
// .gz input used to be read without any problem being reported.
TEST(ArticleReaderTest, TruncatedGzipReadsLinesBeforeTheDamageAndReportsIt) {
  TempDir dir;
  const std::string path = dir / "cut.jsonl.gz";
  constexpr int kLines = 5000;
  WriteGzipFile(path, LinesForGzip(kLines));
  const auto size = fs::file_size(path);
  ASSERT_GT(size, 20000u);
  fs::resize_file(path, size / 2);

  Collected got;
  ASSERT_EQ(ReadArticles(path, got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, Not(IsEmpty()));
  EXPECT_LT(got.articles.size(), static_cast<size_t>(kLines));
  // Everything before the damage, in order, with nothing lost in between.
  for (size_t i = 0; i < got.articles.size(); ++i) {
    ASSERT_EQ(got.articles[i].id, absl::StrCat(i + 1));
  }
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_THAT(got.problems[0].location, StartsWith(path + ":"));
  EXPECT_THAT(got.problems[0].message, HasSubstr("truncated"));
  EXPECT_THAT(got.files_done, ElementsAre(path));
}

TEST(ArticleReaderTest, GzipTruncatedAtALineBoundaryIsStillReported) {
  // Only the gzip trailer (CRC and length) is missing: every line decompresses, but the
  // file is damaged and must not pass silently.
  TempDir dir;
  const std::string path = dir / "trailer.jsonl.gz";
  constexpr int kLines = 50;
  WriteGzipFile(path, LinesForGzip(kLines));
  fs::resize_file(path, fs::file_size(path) - 8);

  Collected got;
  ASSERT_EQ(ReadArticles(path, got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.articles, SizeIs(kLines));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, absl::StrCat(path, ":", kLines + 1));
  EXPECT_THAT(got.problems[0].message, HasSubstr("truncated"));
}

TEST(ArticleReaderTest, TruncatedGzippedTextFileIsSkipped) {
  TempDir dir;
  const std::string path = dir / "cut.txt.gz";
  WriteGzipFile(path, "Headline\n" + LinesForGzip(2000));
  fs::resize_file(path, fs::file_size(path) / 2);
  WriteFile(dir / "ok.txt", "Fine\nbody");

  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("Fine"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, path);
  EXPECT_THAT(got.problems[0].message, HasSubstr("truncated"));
}

TEST(ArticleReaderTest, CorruptGzipIsReported) {
  TempDir dir;
  const std::string path = dir / "corrupt.jsonl.gz";
  WriteGzipFile(path, LinesForGzip(3000));
  test::DamageMiddle(path);
  Collected got;
  ASSERT_EQ(ReadArticles(path, got.Callbacks()), absl::OkStatus());
  EXPECT_LT(got.articles.size(), 3000u);
  EXPECT_THAT(got.problems, Not(IsEmpty()));
  bool saw_skipped_at_path = false;
  for (const InputProblem& problem : got.problems) {
    if (problem.outcome == Outcome::kSkipped && absl::StartsWith(problem.location, path)) {
      saw_skipped_at_path = true;
    }
  }
  EXPECT_TRUE(saw_skipped_at_path);
}

TEST(ArticleReaderTest, DanglingSymlinkIsSkipped) {
  TempDir dir;
  WriteFile(dir / "real.txt", "Real\nbody");
  fs::create_symlink(dir / "missing-target.txt", dir / "dangling.txt");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("Real"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "dangling.txt");
  EXPECT_THAT(got.problems[0].message, HasSubstr("cannot read"));
}

// Issue point 6: a symbolic link to a folder inside a walked folder was silently not
// followed. Now it is, and a directory reached again (a loop) is reported, not read twice.
TEST(ArticleReaderTest, InputHandlingSymlinksAreFollowedAndALoopIsReportedNotRead) {
  TempDir dir;
  WriteFile(dir / "corpus/sub/a.txt", "A\nbody");
  WriteFile(dir / "elsewhere/b.txt", "B\nbody");
  WriteFile(dir / "other/c.txt", "C\nbody");
  fs::create_symlink(dir / "elsewhere/b.txt", dir / "corpus/link-b.txt");
  fs::create_directory_symlink(dir / "other", dir / "corpus/linked-folder");
  fs::create_directory_symlink(dir / "corpus", dir / "corpus/sub/loop");
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "corpus", got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre(dir / "corpus/link-b.txt", dir / "corpus/linked-folder/c.txt",
                                     dir / "corpus/sub/a.txt"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "corpus/sub/loop");
  EXPECT_THAT(got.problems[0].message,
              HasSubstr(absl::StrCat("a link to directory ", dir / "corpus", ", which is read")));
}

// Issue point 6: one raw NUL byte in a .jsonl skipped the whole file as "binary". Now the
// record is read like any other, the NUL removed as a control character (repaired).
TEST(ArticleReaderTest, InputHandlingANulByteInJsonLinesIsRepairedInItsRecord) {
  TempDir dir;
  std::string records =
      "{\"id\":\"1\",\"title\":\"One\",\"body\":\"x\"}\n{\"id\":\"2\",\"title\":\"T";
  records += '\0';
  records += "wo\",\"body\":\"x\"}\n{\"id\":\"3\",\"title\":\"Three\",\"body\":\"x\"}\n";
  WriteFile(dir / "feed.jsonl", records);
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("One", "Two", "Three"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kRepaired);
  EXPECT_THAT(got.problems[0].location, StartsWith(dir / "feed.jsonl:2:"));
}

TEST(ArticleReaderTest, FifoIsSkippedWithoutBlocking) {
  TempDir dir;
  WriteFile(dir / "a.txt", "A\nbody");
  ASSERT_EQ(mkfifo((dir / "pipe.txt").c_str(), 0600), 0);
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("A"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "pipe.txt");
  EXPECT_THAT(got.problems[0].message, HasSubstr("not a regular file"));
}

TEST(ArticleReaderTest, TextFilesLargerThanOneReadAreReadWhole) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 20000; ++i) absl::StrAppend(&body, "Line ", i, " of a long report.\n");
  ASSERT_GT(body.size(), 300u * 1024);
  WriteFile(dir / "long.txt", "Long report\n" + body);
  WriteGzipFile(dir / "long.txt.gz", "Long gzipped report\n" + body);
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(2));
  EXPECT_EQ(got.articles[0].title, "Long report");
  EXPECT_EQ(got.articles[0].body, std::string(absl::StripTrailingAsciiWhitespace(body)));
  EXPECT_EQ(got.articles[1].title, "Long gzipped report");
  EXPECT_EQ(got.articles[1].body, got.articles[0].body);
  EXPECT_THAT(got.problems, IsEmpty());
}

// Issue point 2: a small .jsonl.gz holding one huge body took gigabytes to index. Records
// over the limit are skipped without being held whole (also when one spans many reads),
// bodies and titles over theirs are cut at a word boundary, a text file is read up to its
// limit; each is reported, and everything else is read.
TEST(ArticleReaderTest, UnboundedMemoryRecordsBodiesAndFilesStayWithinTheLimits) {
  TempDir dir;
  const ReadLimits limits = {
      .max_body_bytes = 100, .max_record_bytes = 4000, .max_text_file_bytes = 2000};
  std::string long_body;
  while (long_body.size() < 300) absl::StrAppend(&long_body, "word ");
  const std::string huge(600 * 1024, 'x');  // more than two reads of the file
  WriteGzipFile(dir / "feed.jsonl.gz",
                absl::StrCat(JsonLine("1", "One"), R"({"id":"2","body":")", huge, "\"}\n",
                             R"({"id":"3","title":")", std::string(3000, 't'), R"(","body":")",
                             long_body, "\"}\n", JsonLine("4", "Four"), R"({"id":"5","body":")",
                             std::string(5000, 'y'), "\"}\n", JsonLine("6", "Six")));
  std::string text = "Long file\n\n";
  while (text.size() < 5000) absl::StrAppend(&text, "more text ");
  WriteFile(dir / "long.txt", text);
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks(), limits), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("1", "3", "4", "6", dir / "long.txt"));
  ASSERT_THAT(got.articles, SizeIs(5));
  EXPECT_EQ(got.articles[1].body.size(), 99u);  // "word word … word": cut at a space
  EXPECT_THAT(got.articles[1].body, testing::EndsWith("word"));
  EXPECT_LE(got.articles[1].title.size(), kMaxTitleBytes);
  EXPECT_LE(got.articles[4].body.size(), 100u);
  std::vector<std::string> problems;
  for (const InputProblem& p : got.problems) {
    problems.push_back(absl::StrCat(p.outcome == Outcome::kSkipped ? "skipped " : "repaired ",
                                    p.location, ": ", p.message));
  }
  const std::string feed = dir / "feed.jsonl.gz";
  EXPECT_THAT(
      problems,
      ElementsAre(
          absl::StrCat("skipped ", feed, ":2: record longer than 4000 bytes (the limit), not read"),
          StartsWith(absl::StrCat("repaired ", feed, ":3: title of 3000 bytes")),
          absl::StrCat("repaired ", feed,
                       ":3: body of 300 bytes cut to 99 (the "
                       "limit is 100 bytes)"),
          absl::StrCat("skipped ", feed, ":5: record longer than 4000 bytes (the limit), not read"),
          StartsWith(
              absl::StrCat("repaired ", dir / "long.txt", ": longer than 2000 bytes (the limit)")),
          StartsWith(absl::StrCat("repaired ", dir / "long.txt", ": body of"))));
}

// Found by the JSON Lines fuzzer: a number too large for a double made nlohmann-json throw
// out_of_range, which nothing caught (std::terminate: `newsgrep index` aborted).
TEST(ArticleReaderTest, AJsonNumberTooLargeIsAMalformedRecordNotACrash) {
  TempDir dir;
  WriteFile(dir / "feed.jsonl", JsonLine("1", "One") + R"({"id":"2","title":"Two","score":1e999})" +
                                    "\n" + JsonLine("3", "Three"));
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("One", "Three"));
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "feed.jsonl:2");
  EXPECT_THAT(got.problems[0].message, HasSubstr("malformed JSON: number overflow"));
}

// Found by the JSON Lines fuzzer: JSON escapes put control characters into a field
// ("\u001b[2J" in a title reaches the terminal of whoever searches); they are removed, as
// raw ones are, and the record reported as repaired.
TEST(ArticleReaderTest, ControlCharactersFromJsonEscapesAreRemoved) {
  TempDir dir;
  WriteFile(dir / "feed.jsonl",
            R"({"id":"1","title":"Alert\u001b[2J\u0000 now","body":"Tab\tkept\u0007."})"
            "\n");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(1));
  EXPECT_EQ(got.articles[0].title, "Alert[2J now");
  EXPECT_EQ(got.articles[0].body, "Tab\tkept.");
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(got.problems[0].location, dir / "feed.jsonl:1");
  EXPECT_EQ(got.problems[0].message, "3 control character(s) written as JSON escapes removed");
}

TEST(ArticleReaderTest, JsonLinesFileWithByteOrderMarkIsRead) {
  TempDir dir;
  WriteFile(dir / "bom.jsonl", "\xEF\xBB\xBF" + JsonLine("1", "One") + JsonLine("2", "Two"));
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "bom.jsonl", got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("1", "2"));
  EXPECT_THAT(got.problems, IsEmpty());
}

TEST(ArticleReaderTest, DeeplyNestedJsonIsHandledWithoutCrashing) {
  const std::string nested = std::string(100000, '[') + std::string(100000, ']');
  ProblemSink sink;
  absl::StatusOr<Article> article =
      ParseJsonArticle(absl::StrCat(R"({"id":"deep","title":"T","extra":)", nested, "}"),
                       "f.jsonl:1", sink.Callback());
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id, "deep");
  absl::StatusOr<Article> unbalanced =
      ParseJsonArticle(std::string(100000, '['), "f.jsonl:2", sink.Callback());
  EXPECT_EQ(unbalanced.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ArticleReaderTest, MissingPathIsReportedNotFatal) {
  TempDir dir;
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "nope", got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "nope");
}

TEST(ArticleReaderTest, OnFileDoneIsCalledOncePerFile) {
  TempDir dir;
  WriteFile(dir / "a.txt", "A\nbody");
  WriteFile(dir / "b.jsonl", JsonLine("1", "x") + "garbage\n" + JsonLine("2", "y"));
  WriteFile(dir / "c/empty.txt", "");
  WriteFile(dir / "c/bin.txt", std::string("\0\0\0", 3));
  WriteGzipFile(dir / "d.jsonl.gz", JsonLine("3", "z"));
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  std::map<std::string, int> calls;
  for (const std::string& path : got.files_done) ++calls[path];
  EXPECT_EQ(calls, (std::map<std::string, int>{{dir / "a.txt", 1},
                                               {dir / "b.jsonl", 1},
                                               {dir / "c/bin.txt", 1},
                                               {dir / "c/empty.txt", 1},
                                               {dir / "d.jsonl.gz", 1}}));
  EXPECT_THAT(got.articles, SizeIs(4));
}

TEST(ArticleReaderTest, ArticleCallbackErrorStopsTheReadAndIsReturned) {
  TempDir dir;
  WriteFile(dir / "a.txt", "A\nbody");
  WriteFile(dir / "b.jsonl", JsonLine("b1", "B1") + JsonLine("b2", "B2") + JsonLine("b3", "B3"));
  WriteFile(dir / "c.txt", "C\nbody");
  std::vector<std::string> seen;
  std::vector<std::string> files_done;
  ReadCallbacks callbacks;
  callbacks.on_article = [&](Article&& article) {
    seen.push_back(article.id);
    if (article.id == "b2") return absl::ResourceExhaustedError("disk full");
    return absl::OkStatus();
  };
  callbacks.on_problem = [](const InputProblem&) {};
  callbacks.on_file_done = [&](const std::string& path) { files_done.push_back(path); };
  const absl::Status status = ReadArticles(dir.path(), callbacks);
  EXPECT_EQ(status, absl::ResourceExhaustedError("disk full"));
  EXPECT_THAT(seen, ElementsAre(dir / "a.txt", "b1", "b2"));
  EXPECT_THAT(files_done, Not(::testing::Contains(dir / "c.txt")));
}

TEST(ArticleReaderTest, ArticleCallbackErrorOnATextFileStopsTheWalk) {
  TempDir dir;
  WriteFile(dir / "a.txt", "A\nbody");
  WriteFile(dir / "b.txt", "B\nbody");
  int calls = 0;
  ReadCallbacks callbacks;
  callbacks.on_article = [&](Article&&) {
    ++calls;
    return absl::InternalError("index broken");
  };
  callbacks.on_problem = [](const InputProblem&) {};
  EXPECT_EQ(ReadArticles(dir.path(), callbacks), absl::InternalError("index broken"));
  EXPECT_EQ(calls, 1);
}

// A web page is one article: metadata from the page, the body without what surrounds the
// story. A page is known by its name (.html, .htm, also gzipped) or by its first markup.
TEST(ArticleReaderTest, WebPagesAreReadAsArticlesByNameOrByContent) {
  TempDir dir;
  const std::string story =
      "<p>Harbour authorities in Rotterdam said on Tuesday that the new cranes, ordered in "
      "2023, would be running by the spring, doubling the terminal's capacity.</p>"
      "<p>The port, Europe's largest, has struggled with congestion since the winter, when "
      "storms closed the approaches for nine days and ships queued off the coast.</p>";
  const std::string page = absl::StrCat(
      "<!DOCTYPE html><html lang=en><head><title>Rotterdam adds cranes | Port News</title>"
      "<meta property=\"og:site_name\" content=\"Port News\">"
      "<meta property=\"article:published_time\" content=\"2025-03-04T09:30:00Z\">"
      "<link rel=canonical href=\"https://port.example/cranes\"></head><body>"
      "<nav><a href=/>Home</a> <a href=/world>World</a></nav><article>",
      story, "</article><footer>Contact us</footer></body></html>");
  WriteGzipFile(dir / "a/cranes.html.gz", page);
  WriteFile(dir / "b/saved-page.txt", absl::StrCat("\n  <!-- saved -->\n", page));
  WriteFile(dir / "c/empty.htm", "<html><body><nav><a href=/>Home</a></nav></body></html>");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(2));
  for (const Article& article : got.articles) {
    EXPECT_EQ(article.id, "https://port.example/cranes");
    EXPECT_EQ(article.url, "https://port.example/cranes");
    EXPECT_EQ(article.title, "Rotterdam adds cranes");
    EXPECT_EQ(article.source, "Port News");
    ASSERT_TRUE(article.date.has_value());
    EXPECT_EQ(article.date->day, 4);
    EXPECT_THAT(article.body, StartsWith("Harbour authorities in Rotterdam"));
    EXPECT_THAT(article.body, Not(HasSubstr("Home")));
    EXPECT_THAT(article.body, Not(HasSubstr("<")));
  }
  EXPECT_EQ(got.articles[0].origin, dir / "a/cranes.html.gz");
  EXPECT_EQ(got.articles[1].origin, dir / "b/saved-page.txt");
  ASSERT_THAT(got.problems, SizeIs(1));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[0].location, dir / "c/empty.htm");
  EXPECT_THAT(got.problems[0].message, HasSubstr("no article text"));
}

// ---------------------------------------------------------------------------------------
// Feeds, JSON documents and format detection.

constexpr char kFeed[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title>
<item>
  <title>Cranes arrive &amp;amp; unload</title>
  <link>https://gazette.example/cranes</link>
  <guid isPermaLink="false">g-1</guid>
  <pubDate>Tue, 4 Mar 2025 09:30:00 GMT</pubDate>
  <author>desk@gazette.example (Ana Ruiz)</author>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Harbour authorities said on Tuesday&nbsp;that the cranes had arrived.</p>
<figure><img src="c.jpg"><figcaption>A crane. Photo: Port</figcaption></figure>
<p>They will be running by spring.</p><script>track()</script>]]></content:encoded>
</item>
<item>
  <link>https://gazette.example/no-title</link>
  <pubDate>not a date</pubDate>
  <description>&lt;p&gt;Ferry crews said on Friday that they would strike. More talks are planned.&lt;/p&gt;</description>
</item>
<item><title>   </title><description></description></item>
<item><title>No guid nor link</title><description>Text.</description></item>
</channel></rss>
)";

TEST(ArticleReaderTest, FeedItemsAreArticlesWhateverTheFileIsCalled) {
  TempDir dir;
  WriteGzipFile(dir / "news.txt.gz", kFeed);
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "news.txt.gz", got.Callbacks()), absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(3));
  const Article& cranes = got.articles[0];
  EXPECT_EQ(cranes.id, "g-1");
  EXPECT_EQ(cranes.url, "https://gazette.example/cranes");
  EXPECT_EQ(cranes.title, "Cranes arrive & unload");  // escaped twice, read as text
  EXPECT_EQ(cranes.source, "Harbour Gazette");
  EXPECT_THAT(cranes.authors, ElementsAre("Ana Ruiz"));
  ASSERT_TRUE(cranes.date.has_value());
  EXPECT_EQ(cranes.date->day, 4);
  EXPECT_EQ(cranes.date->hour, 9);
  // content:encoded over the description; paragraphs kept, figure and script left out.
  EXPECT_EQ(cranes.body,
            "Harbour authorities said on Tuesday\u00a0that the cranes had arrived.\n\n"
            "They will be running by spring.");
  EXPECT_EQ(cranes.origin, absl::StrCat((dir / "news.txt.gz"), ":4"));
  const Article& ferry = got.articles[1];
  EXPECT_EQ(ferry.id, "https://gazette.example/no-title");  // the link
  EXPECT_EQ(ferry.title, "Ferry crews said on Friday that they would strike");
  EXPECT_FALSE(ferry.date.has_value());
  const Article& unnamed = got.articles[2];
  EXPECT_THAT(unnamed.id, StartsWith(absl::StrCat((dir / "news.txt.gz"), "#")));
  EXPECT_EQ(unnamed.id.size(), (dir / "news.txt.gz").size() + 17);
  // The bad date (repaired: the item is indexed) and the empty item (skipped), each at
  // the line where its item starts.
  ASSERT_THAT(got.problems, SizeIs(2));
  EXPECT_EQ(got.problems[0].outcome, Outcome::kRepaired);
  EXPECT_EQ(got.problems[0].location, absl::StrCat((dir / "news.txt.gz"), ":15"));
  EXPECT_THAT(got.problems[0].message, HasSubstr("unrecognised date \"not a date\""));
  EXPECT_EQ(got.problems[1].outcome, Outcome::kSkipped);
  EXPECT_EQ(got.problems[1].location, absl::StrCat((dir / "news.txt.gz"), ":20"));
  EXPECT_THAT(got.problems[1].message, HasSubstr("neither title nor text"));
}

TEST(ArticleReaderTest, AFeedReadAgainGivesTheSameIds) {
  TempDir dir;
  WriteFile(dir / "feed.xml", kFeed);
  Collected first, second;
  ASSERT_EQ(ReadArticles(dir / "feed.xml", first.Callbacks()), absl::OkStatus());
  ASSERT_EQ(ReadArticles(dir / "feed.xml", second.Callbacks()), absl::OkStatus());
  EXPECT_EQ(first.Ids(), second.Ids());
}

TEST(ArticleReaderTest, FeedWithoutItemsAndBrokenFeedsAreReported) {
  TempDir dir;
  WriteFile(dir / "a-empty.rss",
            "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");
  WriteFile(dir / "b-broken.rss",
            "<rss version=\"2.0\"><channel>\n<item><title>Kept</title><description>One & two"
            "</description></item>\n<item><title>Cut off</title><description>The rest");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Titles(), ElementsAre("Kept", "Cut off"));
  ASSERT_THAT(got.problems, SizeIs(3));
  EXPECT_EQ(got.problems[0].location, dir / "a-empty.rss");
  EXPECT_EQ(got.problems[0].outcome, Outcome::kSkipped);
  EXPECT_THAT(got.problems[0].message, HasSubstr("feed with no items"));
  EXPECT_EQ(got.problems[1].location, dir / "b-broken.rss");
  EXPECT_THAT(got.problems[1].message, StartsWith("malformed XML ("));
  EXPECT_THAT(got.problems[1].message, HasSubstr("the first at line 2: "));
  EXPECT_THAT(got.problems[2].message, HasSubstr("ends inside an item"));
}

TEST(ArticleReaderTest, JsonArrayElementsAreReadOneByOneAndABadOneAlone) {
  TempDir dir;
  WriteFile(
      dir / "archive.json",
      "\xEF\xBB\xBF[\n"
      "  {\"id\": \"a1\", \"title\": \"One\", \"body\": \"Text with ] and } and \\\"q\\\".\"},\n"
      "  {\"id\": \"a2\", \"title\": [\"not\", \"a string\"]},\n"
      "  42,\n"
      "  {\n    \"id\": \"a4\",\n    \"title\": \"Four\"\n  }\n"
      "]\n");
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "archive.json", got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("a1", "a4"));
  EXPECT_EQ(got.articles[0].body, "Text with ] and } and \"q\".");
  EXPECT_EQ(got.articles[1].origin, absl::StrCat((dir / "archive.json"), ":5"));
  ASSERT_THAT(got.problems, SizeIs(2));
  EXPECT_EQ(got.problems[0].location, absl::StrCat((dir / "archive.json"), ":3"));
  EXPECT_THAT(got.problems[0].message, HasSubstr("\"title\" must be a string"));
  EXPECT_EQ(got.problems[1].location, absl::StrCat((dir / "archive.json"), ":4"));
  EXPECT_THAT(got.problems[1].message, HasSubstr("not a JSON object"));
}

TEST(ArticleReaderTest, JsonObjectOverSeveralLinesAndArraysThatDoNotEnd) {
  TempDir dir;
  WriteFile(dir / "a-one.json", "{\n  \"id\": \"o1\",\n  \"title\": \"Pretty\"\n}\n");
  WriteFile(dir / "b-open.json",
            "[{\"id\": \"o2\", \"title\": \"Before the cut\"},\n {\"id\": \"o3\"");
  WriteFile(dir / "c-none.json", "[ ]");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("o1", "o2"));
  ASSERT_THAT(got.problems, SizeIs(3));
  EXPECT_THAT(got.problems[0].message, HasSubstr("malformed JSON"));  // the cut element
  EXPECT_THAT(got.problems[0].location, StartsWith(absl::StrCat((dir / "b-open.json"), ":2:")));
  EXPECT_THAT(got.problems[1].message, HasSubstr("not closed"));
  EXPECT_THAT(got.problems[2].message, HasSubstr("no articles"));
}

TEST(ArticleReaderTest, ALargeJsonArrayIsReadElementByElement) {
  TempDir dir;
  std::string json = "[";
  for (int i = 0; i < 3000; ++i) {
    absl::StrAppend(&json, i > 0 ? ",\n" : "", "{\"id\": \"n", i, "\", \"title\": \"Number ", i,
                    "\", \"body\": \"", std::string(200, 'x'), "\"}");
  }
  json += "]";
  WriteGzipFile(dir / "big.json.gz", json);
  Collected got;
  ReadLimits limits;
  limits.max_record_bytes = 1000;  // every element is shorter
  ASSERT_EQ(ReadArticles(dir / "big.json.gz", got.Callbacks(), limits), absl::OkStatus());
  EXPECT_THAT(got.articles, SizeIs(3000));
  EXPECT_THAT(got.problems, IsEmpty());
  EXPECT_EQ(got.articles.back().origin, absl::StrCat((dir / "big.json.gz"), ":3000"));
}

TEST(ArticleReaderTest, AFormatNamedForAllOverridesWhatTheContentSays) {
  TempDir dir;
  WriteFile(dir / "feed.xml", kFeed);
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "feed.xml", got.Callbacks(), {}, InputFormat::kText),
            absl::OkStatus());
  ASSERT_THAT(got.articles, SizeIs(1));
  EXPECT_THAT(got.articles[0].title, StartsWith("<?xml"));
}

TEST(ArticleReaderTest, BinaryContentIsSkippedWhateverTheName) {
  TempDir dir;
  WriteFile(dir / "records.jsonl", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
  WriteFile(dir / "feed.rss", std::string("\x7F"
                                          "ELF\x02\x01\x01\0\0\0",
                                          10));
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_THAT(got.problems, SizeIs(2));
  EXPECT_THAT(got.problems[0].message, HasSubstr("binary file (a program)"));
  EXPECT_THAT(got.problems[1].message, HasSubstr("binary file (a PDF document)"));
}

TEST(ArticleReaderTest, WarcIsReadAsRecordsNeverAsText) {
  // warc_reader_test.cc has the records that are articles.
  TempDir dir;
  WriteFile(dir / "crawl.warc",
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
  Collected got;
  ASSERT_EQ(ReadArticles(dir.path(), got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.articles, IsEmpty());
  EXPECT_THAT(got.problems, IsEmpty());
}

// Reuters-21578 as the collection's SGML files write it: one record of the JSON Lines
// conversion (../shared/corpus/README.md) turned back into a <REUTERS> element.
std::string ReutersElement(const nlohmann::json& record) {
  auto escape = [](const std::string& text) {
    std::string out;
    for (const char c : text) {
      if (c == '<') {
        out += "&lt;";
      } else if (c == '>') {
        out += "&gt;";
      } else if (c == '&') {
        out += "&amp;";
      } else {
        out += c;
      }
    }
    return out;
  };
  // "1987-02-26T15:01:01.790" → "26-FEB-1987 15:01:01.79"
  static constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  const std::string iso = record["date"];
  const std::string date =
      absl::StrCat(iso.substr(8, 2), "-", kMonths[std::stoi(iso.substr(5, 2)) - 1], "-",
                   iso.substr(0, 4), " ", iso.substr(11, 8), ".", iso.substr(20, 2));
  std::string element = absl::StrCat(
      "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"1\" NEWID=\"",
      std::string(record["id"]), "\">\n<DATE>", date, "</DATE>\n<TOPICS>");
  for (const std::string topic : record.value("topics", nlohmann::json::array())) {
    absl::StrAppend(&element, "<D>", escape(topic), "</D>");
  }
  absl::StrAppend(&element,
                  "</TOPICS>\n<PLACES></PLACES>\n<PEOPLE></PEOPLE>\n"
                  "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\n</UNKNOWN>\n");
  const std::string body = record["body"];
  const std::string dateline = record["dateline"];
  if (body.empty()) {
    absl::StrAppend(&element, "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>", escape(record["title"]),
                    "</TITLE>\n&#3;\n</TEXT>\n</REUTERS>\n");
  } else {
    absl::StrAppend(&element, "<TEXT>&#2;\n<TITLE>", escape(record["title"]),
                    "</TITLE>\n<DATELINE>    ", escape(dateline), " - </DATELINE><BODY>",
                    escape(body), "\n&#3;</BODY></TEXT>\n</REUTERS>\n");
  }
  return element;
}

TEST(ArticleReaderTest, ReutersSgmlIndexesToTheArticlesItsJsonLinesConversionGives) {
  const fs::path corpus = fs::path(NEWSGREP_SHARED_CORPUS) / "reuters21578.jsonl.gz";
  if (!fs::exists(corpus)) GTEST_SKIP() << "no " << corpus << ": the shared corpus is absent";
  absl::StatusOr<std::string> jsonl = ReadInputFile(corpus.string(), size_t{64} << 20);
  ASSERT_TRUE(jsonl.ok()) << jsonl.status();
  TempDir dir;
  std::string sgml = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";
  std::string lines;
  size_t records = 0;
  for (absl::string_view line : absl::StrSplit(*jsonl, '\n', absl::SkipEmpty())) {
    absl::StrAppend(&sgml, ReutersElement(nlohmann::json::parse(line)));
    absl::StrAppend(&lines, line, "\n");
    if (++records == 200) break;
  }
  WriteFile(dir / "reut2-000.sgm", sgml);
  WriteFile(dir / "reuters.jsonl", lines);
  Collected from_sgml, from_jsonl;
  ASSERT_EQ(ReadArticles(dir / "reut2-000.sgm", from_sgml.Callbacks()), absl::OkStatus());
  ASSERT_EQ(ReadArticles(dir / "reuters.jsonl", from_jsonl.Callbacks()), absl::OkStatus());
  EXPECT_THAT(from_sgml.problems, IsEmpty());
  ASSERT_EQ(from_sgml.articles.size(), 200u);
  ASSERT_EQ(from_jsonl.articles.size(), 200u);
  EXPECT_THAT(from_jsonl.articles[0].categories, ElementsAre("cocoa"));
  for (size_t i = 0; i < 200; ++i) {
    const Article& s = from_sgml.articles[i];
    const Article& j = from_jsonl.articles[i];
    EXPECT_EQ(s.id, j.id);
    EXPECT_EQ(s.title, j.title) << j.id;
    EXPECT_EQ(s.body, j.body) << j.id;
    EXPECT_EQ(s.dateline, j.dateline) << j.id;
    EXPECT_EQ(s.categories, j.categories) << j.id;  // TOPICS, and JSON "topics"
    ASSERT_EQ(s.date.has_value(), j.date.has_value()) << j.id;
    if (j.date) {
      EXPECT_EQ(s.date->Iso8601(), j.date->Iso8601()) << j.id;
    }
  }
  // Each article's location is the line its element starts on.
  EXPECT_EQ(from_sgml.articles[1].origin,
            absl::StrCat(
                (dir / "reut2-000.sgm"), ":",
                2 + std::count(sgml.begin(), sgml.begin() + sgml.find("NEWID=\"2\""), '\n') - 1));
}

TEST(ArticleReaderTest, ReutersSgmlUnprocessedStoriesBadBytesAndCutFiles) {
  TempDir dir;
  WriteFile(dir / "reut2-x.sgm",
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
            "<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:02:20.00</DATE>\n"
            "<TEXT TYPE=\"UNPROC\">&#2;\nGrain shipments said to rise. Caf\xe9 prices fell.\n"
            "&#3;</TEXT>\n</REUTERS>\n"
            "<REUTERS NEWID=\"8\">\n<DATE>31-MAR-1987 605:12:19.12</DATE>\n"
            "<TEXT><TITLE>ODD DATE</TITLE><BODY>Body.</BODY></TEXT>\n</REUTERS>\n"
            "<REUTERS NEWID=\"9\"><TEXT></TEXT></REUTERS>\n"
            "<REUTERS NEWID=\"10\">\n<TEXT><TITLE>CUT OFF</TITLE><BODY>The file stops he");
  Collected got;
  ASSERT_EQ(ReadArticles(dir / "reut2-x.sgm", got.Callbacks()), absl::OkStatus());
  EXPECT_THAT(got.Ids(), ElementsAre("7", "8", "10"));
  EXPECT_EQ(got.articles[0].title, "Grain shipments said to rise");
  EXPECT_EQ(got.articles[0].body, "Grain shipments said to rise. Café prices fell.");
  EXPECT_FALSE(got.articles[1].date.has_value());
  EXPECT_EQ(got.articles[2].body, "The file stops he");
  std::vector<std::string> seen;
  for (const InputProblem& p : got.problems)
    seen.push_back(absl::StrCat(p.location, " ", p.message));
  const std::string path = dir / "reut2-x.sgm";
  EXPECT_THAT(seen,
              ElementsAre(StartsWith(absl::StrCat(path, ":2 1 byte(s) that are not UTF-8")),
                          StartsWith(absl::StrCat(path, ":8 unrecognised date")),
                          StartsWith(absl::StrCat(path, ":12 <REUTERS> element with neither")),
                          StartsWith(absl::StrCat(path, ":13 the file ends inside"))));
}

}  // namespace
}  // namespace newsgrep
