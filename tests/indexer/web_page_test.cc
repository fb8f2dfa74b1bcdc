// SPDX-License-Identifier: GPL-2.0-or-later
/// @file web_page_test.cc
/// @brief ReadWebPage on pages written for these tests: metadata from JSON-LD, OpenGraph or
/// <title> alone; the story's paragraphs without share bars, related-story lists, comments,
/// newsletter and paywall notices, captions and navigation; character sets; deep nesting.
#include "newsgrep/web_page.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

// The story's own paragraphs, long enough to read as prose.
constexpr const char* kStory =
    "<p>Harbour authorities in Rotterdam said on Tuesday that the new cranes, ordered in "
    "2023, would be running by the spring, doubling the terminal's capacity.</p>"
    "<p>The port, Europe's largest, has struggled with congestion since the winter, when "
    "storms closed the approaches for nine days and ships queued off the coast.</p>"
    "<p>“We expect the queues to be gone by April,” the port's director, Marieke de Vries, "
    "told reporters, adding that night shifts would continue until then.</p>";

std::string Page(const std::string& head, const std::string& body) {
  return absl::StrCat("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">", head,
                      "</head><body>", body, "</body></html>");
}

// Everything a news page puts around the story.
std::string Chrome(const std::string& article) {
  return absl::StrCat(
      "<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
      "<a href=\"/business\">Business</a></nav></header>"
      "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a>"
      "</div><main><article><h1>Rotterdam adds cranes</h1>"
      "<div class=\"byline\">By Anna Jansen, Shipping Correspondent</div>"
      "<figure><img src=\"c.jpg\"><figcaption>Cranes at the Maasvlakte terminal. (Photo: "
      "Port of Rotterdam)</figcaption></figure><div class=\"article-body\">",
      article,
      "</div><div class=\"newsletter-signup\"><p>Sign up for our morning briefing and get the "
      "day's biggest stories, in your inbox, every day, before breakfast.</p></div>"
      "<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Antwerp port expands "
      "its container terminal again this year</a></li><li><a href=\"/b\">Hamburg dockers "
      "strike over pay, shipping lines divert</a></li></ul></aside>"
      "<section id=\"comments\"><p>Great article, thanks, I have been waiting for this news "
      "for a long time, finally.</p></section></article></main>"
      "<div class=\"paywall-notice\"><p>You have read 3 of your 5 free articles this month, "
      "subscribe now for unlimited access, only 1 euro.</p></div>"
      "<footer><p>© 2025 Example Shipping News. All rights reserved, of course.</p></footer>");
}

TEST(WebPageTest, JsonLdGivesTheMetadata) {
  const WebPage page = ReadWebPage(
      Page("<title>Rotterdam adds cranes | Example Shipping News</title>"
           "<meta property=\"og:title\" content=\"OG title loses to JSON-LD\">"
           "<link rel=\"canonical\" href=\"https://news.example/rotterdam-cranes\">"
           "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
           "{\"@type\":\"WebSite\",\"name\":\"Example\"},"
           "{\"@type\":\"NewsArticle\",\"headline\":\"Rotterdam adds cranes to end queues\","
           "\"datePublished\":\"2025-03-04T09:30:00Z\",\"dateModified\":\"2025-03-04T11:00:00Z\","
           "\"author\":[{\"@type\":\"Person\",\"name\":\"Anna Jansen\"},{\"@type\":\"Person\","
           "\"name\":\"Piet Bakker\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":"
           "\"Example Shipping News\"},\"inLanguage\":\"en-GB\"}]}</script>",
           Chrome(kStory)));
  EXPECT_EQ(page.title, "Rotterdam adds cranes to end queues");
  EXPECT_EQ(page.date, "2025-03-04T09:30:00Z");
  EXPECT_EQ(page.modified, "2025-03-04T11:00:00Z");
  EXPECT_THAT(page.authors, ElementsAre("Anna Jansen", "Piet Bakker"));
  EXPECT_EQ(page.site_name, "Example Shipping News");
  EXPECT_EQ(page.url, "https://news.example/rotterdam-cranes");
  EXPECT_EQ(page.language, "en-GB");
}

TEST(WebPageTest, JsonLdEscapesOfControlCharactersNeverReachTheFields) {
  // A clean UTF-8 page whose JSON-LD escapes decode to control characters (found by the
  // web_page fuzzer): they would reach the terminal of whoever searches.
  const WebPage page = ReadWebPage(
      Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
           "\"headline\":\"Cranes\\u0007 arrive\\b\",\"datePublished\":\"2025-03-04\\u0000\","
           "\"author\":{\"name\":\"Anna\\u001b[31m Jansen\"}}</script>",
           Chrome(kStory)));
  EXPECT_EQ(page.title, "Cranes arrive");
  EXPECT_EQ(page.date, "2025-03-04");
  EXPECT_THAT(page.authors, ElementsAre("Anna[31m Jansen"));
}

TEST(WebPageTest, ABylineNamesTheAuthorsWhenTheMetadataDoesNot) {
  auto authors = [](const std::string& byline) {
    return ReadWebPage(Page("<title>Cranes</title>", byline + kStory)).authors;
  };
  EXPECT_THAT(authors("<p class=\"byline\">By <a rel=\"author\" href=\"/a\">Ana Ruiz</a> and Li "
                      "Wei, Transport Reporters</p>"),
              ElementsAre("Ana Ruiz", "Li Wei"));
  EXPECT_THAT(authors("<div class=\"c-author-meta\">Tomasz Wierzbicki \u00B7 20 August</div>"),
              ElementsAre("Tomasz Wierzbicki"));
  EXPECT_THAT(authors("<span itemprop=\"author\">Ines Carvalho</span>"),
              ElementsAre("Ines Carvalho"));
  // A biography or a date is not a name; a later byline may still give one.
  EXPECT_THAT(authors("<div class=\"author-bio\">Ana Ruiz is a reporter who covers ports.</div>"),
              IsEmpty());
  EXPECT_THAT(authors("<div class=\"byline\">20 August 2025</div><p class=\"byline\">By Li "
                      "Wei</p>"),
              ElementsAre("Li Wei"));
  // A label, particles, a date after the name, nested candidates, minified markup.
  EXPECT_THAT(authors("<p class=\"byline\">By: Ana de la Cruz</p>"), ElementsAre("Ana de la Cruz"));
  EXPECT_THAT(authors("<div class=\"byline\"><span class=\"author\">Ana Ruiz</span> "
                      "<time>20 August 2025</time></div>"),
              ElementsAre("Ana Ruiz"));
  EXPECT_THAT(authors("<div class=\"byline\"><span>By Ana Ruiz</span><span>20 August "
                      "2025</span></div>"),
              ElementsAre("Ana Ruiz"));
  // <body class="single-author"> is the page, not a byline.
  EXPECT_THAT(ReadWebPage("<html><head><title>Cranes</title></head><body class=\"single-author\">"
                          "<p class=\"byline\">By Li Wei</p>" +
                          std::string(kStory) + "</body></html>")
                  .authors,
              ElementsAre("Li Wei"));
  // The page's metadata wins over its byline.
  EXPECT_THAT(ReadWebPage(Page("<meta name=\"author\" content=\"Piet Bakker\">",
                               "<p class=\"byline\">By Ana Ruiz</p>" + std::string(kStory)))
                  .authors,
              ElementsAre("Piet Bakker"));
  // And the byline is not part of the body.
  EXPECT_THAT(
      ReadWebPage(Page("", "<p class=\"byline\">By Ana Ruiz</p>" + std::string(kStory))).body,
      Not(HasSubstr("Ana Ruiz")));
}

TEST(WebPageTest, OpenGraphAloneGivesTheMetadata) {
  const WebPage page =
      ReadWebPage(Page("<meta property=\"og:title\" content=\"Rotterdam adds cranes\">"
                       "<meta property=\"og:site_name\" content=\"Example Shipping News\">"
                       "<meta property=\"og:url\" content=\"https://news.example/c\">"
                       "<meta property=\"article:published_time\" content=\"2025-03-04\">"
                       "<meta name=\"author\" content=\"Anna Jansen\">",
                       Chrome(kStory)));
  EXPECT_EQ(page.title, "Rotterdam adds cranes");
  EXPECT_EQ(page.date, "2025-03-04");
  EXPECT_THAT(page.authors, ElementsAre("Anna Jansen"));
  EXPECT_EQ(page.site_name, "Example Shipping News");
  EXPECT_EQ(page.url, "https://news.example/c");
  EXPECT_EQ(page.language, "en");  // <html lang>
}

TEST(WebPageTest, Utf16PagesAreReadByTheirByteOrderMark) {
  const std::string ascii =
      "<html><head><title>Cranes</title></head><body>" + std::string(kStory) + "</body></html>";
  // kStory is ASCII but for its curly quotes: write those as UTF-16 too.
  std::u16string text;
  for (size_t i = 0; i < ascii.size(); ++i) {
    const auto c = static_cast<unsigned char>(ascii[i]);
    if (c == 0xE2) {  // U+201C or U+201D
      text += static_cast<char16_t>(0x2000 | ((ascii[i + 1] & 0x0F) << 6) | (ascii[i + 2] & 0x3F));
      i += 2;
    } else {
      text += static_cast<char16_t>(c);
    }
  }
  std::string le = "\xFF\xFE";
  for (const char16_t c : text) {
    le += static_cast<char>(c & 0xFF);
    le += static_cast<char>(c >> 8);
  }
  const WebPage page = ReadWebPage(le);
  EXPECT_EQ(page.title, "Cranes");
  EXPECT_THAT(page.body, HasSubstr("Harbour authorities in Rotterdam said on Tuesday"));
  EXPECT_THAT(page.body, HasSubstr("\u201cWe expect the queues"));
  EXPECT_THAT(page.repairs, IsEmpty());
}

TEST(WebPageTest, TitleElementAloneLosesTheSiteName) {
  const WebPage page =
      ReadWebPage(Page("<title>Rotterdam adds cranes | Example News</title>", kStory));
  EXPECT_EQ(page.title, "Rotterdam adds cranes");
  EXPECT_EQ(page.site_name, "Example News");  // what was cut off names the site
  // A one-word suffix only when the page's URL holds it: "live" and "Photos" name no site.
  EXPECT_EQ(ReadWebPage(Page("<title>Storm hits the coast - live</title>", kStory)).site_name, "");
  EXPECT_EQ(ReadWebPage(Page("<title>Storm hits the coast | BBC</title><link rel=\"canonical\" "
                             "href=\"https://www.bbc.co.uk/news/storm\">",
                             kStory))
                .site_name,
            "BBC");
  // Said by the page's metadata, the site name wins over the title's suffix.
  EXPECT_EQ(ReadWebPage(Page("<title>Cranes | News</title><meta property=\"og:site_name\" "
                             "content=\"Example News\">",
                             kStory))
                .site_name,
            "Example News");
  EXPECT_EQ(
      ReadWebPage(Page("<title>Cranes - a port's answer - Example News</title>", kStory)).title,
      "Cranes - a port's answer");
  // Nothing but a heading.
  EXPECT_EQ(ReadWebPage(Page("", absl::StrCat("<h1>Rotterdam adds cranes</h1>", kStory))).title,
            "Rotterdam adds cranes");
  // A <time> element dates a page without date metadata.
  EXPECT_EQ(
      ReadWebPage(Page("", absl::StrCat("<time datetime=\"2025-03-04\">4 March</time>", kStory)))
          .date,
      "2025-03-04");
}

TEST(WebPageTest, TheBodyIsTheStoryWithoutWhatSurroundsIt) {
  const WebPage page = ReadWebPage(Page("<title>Cranes</title>", Chrome(kStory)));
  EXPECT_THAT(page.body, StartsWith("Harbour authorities in Rotterdam said on Tuesday"));
  EXPECT_THAT(page.body, HasSubstr("doubling the terminal's capacity.\n\nThe port, Europe's"));
  EXPECT_THAT(page.body, HasSubstr("night shifts would continue until then."));
  for (const char* chrome :
       {"Home", "Share on", "Anna Jansen", "Photo:", "Sign up", "Related", "Antwerp",
        "Great article", "free articles", "All rights reserved", "<", "Rotterdam adds"}) {
    EXPECT_THAT(page.body, Not(HasSubstr(chrome))) << chrome;
  }
}

TEST(WebPageTest, HiddenElementsAndScriptsAreNotText) {
  const WebPage page = ReadWebPage(
      Page("<style>p { color: red }</style>",
           absl::StrCat("<div class=\"story\">", kStory,
                        "<p hidden>Hidden text that a reader never sees on the page at all.</p>"
                        "<p style=\"display: none\">Also hidden from every reader of this page.</p>"
                        "<script>var tracking = 'not a word of the story';</script></div>")));
  EXPECT_THAT(page.body, HasSubstr("Harbour authorities"));
  for (const char* hidden : {"Hidden text", "Also hidden", "tracking", "color"}) {
    EXPECT_THAT(page.body, Not(HasSubstr(hidden))) << hidden;
  }
}

TEST(WebPageTest, CharacterSetsByteOrderMarkDeclarationOrUtf8) {
  // Latin-1 declared: "café" is the byte E9.
  const std::string latin1 =
      "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9 society</title></head><body>"
      "<p>x</p></body></html>";
  EXPECT_EQ(ReadWebPage(latin1).title, "Caf\xC3\xA9 society");
  // Nothing declared: UTF-8, and a stray invalid byte is repaired, not the whole page
  // read as Latin-1.
  const std::string undeclared =
      "<html><head><title>Caf\xC3\xA9 \x81 society</title></head><body><p>x</p></body></html>";
  EXPECT_THAT(ReadWebPage(undeclared).title, StartsWith("Caf\xC3\xA9 "));
  // A byte order mark.
  EXPECT_EQ(ReadWebPage("\xEF\xBB\xBF<html><head><title>Caf\xC3\xA9</title></head></html>").title,
            "Caf\xC3\xA9");
}

// Found by the fuzzer: a charset libxml2 does not know made the page be parsed again as
// UTF-8 after control bytes were removed, with the old length (a read past the buffer);
// control bytes inside attributes reached the fields.
TEST(WebPageTest, UnknownCharsetAndControlBytesGiveCleanFields) {
  std::string page =
      "<html><head><meta charset=\"x-no-such-charset\"><title>Cranes\x08 and\x01 tides</title>"
      "<link rel=\"canonical\" href=\"https://port.example/\x08"
      "c\"></head><body>";
  page += std::string(40, '\0');
  page += "<p>Harbour authorities said on Tuesday, in Rotterdam, that cranes were coming.</p>";
  const WebPage read = ReadWebPage(page);
  EXPECT_EQ(read.title, "Cranes and tides");
  EXPECT_EQ(read.url, "https://port.example/c");
  EXPECT_EQ(read.body,
            "Harbour authorities said on Tuesday, in Rotterdam, that cranes were coming.");
  // Both repairs are said: the charset read as UTF-8, the 43 control bytes dropped.
  EXPECT_THAT(read.repairs,
              ElementsAre("unknown character set \"x-no-such-charset\": read as UTF-8",
                          StartsWith("43 byte(s) that are not UTF-8 (the first at byte 59)")));
  // A clean page needs none.
  EXPECT_THAT(ReadWebPage(Page("<title>Cranes</title>", kStory)).repairs, IsEmpty());
}

TEST(WebPageTest, MarkupNestedAHundredThousandDeepIsReadWithoutRecursion) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += kStory;
  const WebPage page = ReadWebPage(Page("<title>Deep</title>", deep));
  EXPECT_EQ(page.title, "Deep");
}

TEST(WebPageTest, NotAPageGivesNothing) {
  EXPECT_THAT(ReadWebPage("").body, IsEmpty());
  EXPECT_THAT(ReadWebPage("%PDF-1.7\n\x00\x01\x02 binary").body, IsEmpty());
}

}  // namespace
}  // namespace newsgrep
