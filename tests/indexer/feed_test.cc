// SPDX-License-Identifier: GPL-2.0-or-later
/// @file feed_test.cc
/// @brief FeedParser on feeds written for these tests: RSS 2.0, RSS 1.0 (RDF), Atom with
/// every kind of text, the modules real feeds use, broken and truncated feeds, bytes that
/// are not UTF-8, HTML entities, and any split of the bytes into pushes.
#include "internal/feed.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgrep::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;

struct Parsed {
  std::vector<FeedItem> items;
  std::string title;
  size_t errors = 0;
  std::vector<std::string> first_errors;
  size_t repaired = 0;
  bool truncated = false;
  bool stopped = false;
};

// Parses `feed` pushed in pieces of `piece` bytes (0: all at once).
Parsed Parse(const std::string& feed, size_t piece = 0) {
  Parsed out;
  FeedParser parser([&out](FeedItem&& item) { out.items.push_back(std::move(item)); });
  if (piece == 0) piece = feed.size() + 1;
  for (size_t i = 0; i < feed.size(); i += piece) parser.Push(feed.substr(i, piece));
  parser.Finish();
  out.title = parser.title();
  out.errors = parser.error_count();
  out.first_errors = parser.first_errors();
  out.repaired = parser.repaired_bytes();
  out.truncated = parser.truncated();
  out.stopped = parser.stopped();
  return out;
}

const char kRss2[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Harbourside Gazette</title>
  <link>https://gazette.example/</link>
  <atom:link href="https://gazette.example/feed" rel="self" type="application/rss+xml"/>
  <image><title>Gazette logo</title><url>https://gazette.example/logo.png</url></image>
  <item>
    <title>Tram line to reach the ferry terminal by 2028</title>
    <link>https://gazette.example/tram-2028</link>
    <guid isPermaLink="false">gazette-1001</guid>
    <pubDate>Tue, 04 Nov 2025 09:30:00 +0000</pubDate>
    <dc:creator>Maren Holt</dc:creator>
    <dc:creator>Ines Braga</dc:creator>
    <category>Transport</category>
    <category>City</category>
    <description>&lt;p&gt;The council approved the extension.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>The council approved a tram extension on Monday.</p><p>Works start in spring.</p>]]></content:encoded>
  </item>
  <item>
    <title>Fish market reopens</title>
    <link>https://gazette.example/fish-market</link>
    <author>news@gazette.example (Tomas Reed)</author>
    <source url="https://wire.example/rss">Coastal Wire</source>
    <media:description>A photo caption that is not the text.</media:description>
    <description>The old fish market reopened on Wednesday.</description>
  </item>
</channel>
</rss>
)";

TEST(FeedParserTest, Rss2ItemsWithTheirModules) {
  const Parsed feed = Parse(kRss2);
  EXPECT_EQ(feed.title, "Harbourside Gazette");  // not the image's title
  EXPECT_EQ(feed.errors, 0u);
  ASSERT_THAT(feed.items, SizeIs(2));
  const FeedItem& tram = feed.items[0];
  EXPECT_EQ(tram.id, "gazette-1001");
  EXPECT_EQ(tram.title, "Tram line to reach the ferry terminal by 2028");
  EXPECT_EQ(tram.link, "https://gazette.example/tram-2028");
  EXPECT_EQ(tram.published, "Tue, 04 Nov 2025 09:30:00 +0000");
  EXPECT_THAT(tram.authors, ElementsAre("Maren Holt", "Ines Braga"));
  EXPECT_THAT(tram.categories, ElementsAre("Transport", "City"));
  EXPECT_EQ(tram.summary, "<p>The council approved the extension.</p>");
  EXPECT_TRUE(tram.summary_is_html);
  EXPECT_EQ(tram.content,
            "<p>The council approved a tram extension on Monday.</p><p>Works start in spring.</p>");
  EXPECT_TRUE(tram.content_is_html);
  EXPECT_EQ(tram.line, 10u);
  const FeedItem& fish = feed.items[1];
  EXPECT_EQ(fish.id, "");  // no guid: the reader falls back to the link
  EXPECT_THAT(fish.authors, ElementsAre("Tomas Reed"));
  EXPECT_EQ(fish.source, "Coastal Wire");
  EXPECT_EQ(fish.summary, "The old fish market reopened on Wednesday.");
}

TEST(FeedParserTest, AnySplitOfTheBytesReadsTheSame) {
  const Parsed whole = Parse(kRss2);
  for (size_t piece : {1u, 2u, 3u, 7u, 64u, 255u, 256u, 1000u}) {
    const Parsed split = Parse(kRss2, piece);
    ASSERT_THAT(split.items, SizeIs(2)) << piece;
    EXPECT_EQ(split.items[0].content, whole.items[0].content) << piece;
    EXPECT_EQ(split.items[1].authors, whole.items[1].authors) << piece;
    EXPECT_EQ(split.errors, 0u) << piece;
  }
}

TEST(FeedParserTest, Rss1RdfWithDublinCore) {
  const Parsed feed = Parse(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://post.example/rss">
    <title>Rivermouth Post</title>
    <items><rdf:Seq><rdf:li resource="https://post.example/ferry"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://post.example/ferry">
    <title>Ferry crews strike over rosters</title>
    <link>https://post.example/ferry</link>
    <description>Ferry crews walked out on Friday.</description>
    <dc:date>2025-09-12T07:45:00Z</dc:date>
    <dc:creator>Jo Okafor</dc:creator>
    <dc:subject>Labour</dc:subject>
  </item>
</rdf:RDF>)");
  EXPECT_EQ(feed.title, "Rivermouth Post");
  ASSERT_THAT(feed.items, SizeIs(1));
  EXPECT_EQ(feed.items[0].id, "https://post.example/ferry");
  EXPECT_EQ(feed.items[0].published, "2025-09-12T07:45:00Z");
  EXPECT_THAT(feed.items[0].authors, ElementsAre("Jo Okafor"));
  EXPECT_THAT(feed.items[0].categories, ElementsAre("Labour"));
}

TEST(FeedParserTest, AtomTextConstructsPeopleAndLinks) {
  const Parsed feed = Parse(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Lantern Valley Observer</title>
  <author><name>Desk</name></author>
  <entry>
    <title type="html">Glacier melt &lt;em&gt;doubles&lt;/em&gt;</title>
    <link rel="enclosure" href="https://observer.example/glacier.mp3"/>
    <link rel="alternate" type="text/html" href="https://observer.example/glacier"/>
    <id>tag:observer.example,2025:glacier</id>
    <published>2025-10-01T06:15:00+02:00</published>
    <updated>2025-10-01T09:00:00Z</updated>
    <author><name>Ada Lindqvist</name><email>ada@observer.example</email>
      <uri>https://observer.example/ada</uri></author>
    <category term="Climate" label="Climate and weather"/>
    <summary>Meltwater has doubled.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Flows of 3 &lt; 5 m³/s.</p></div></content>
    <source><id>urn:x</id><title>Alpine Wire</title><updated>2025-10-01T00:00:00Z</updated></source>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="https://observer.example/updated"/>
    <id>tag:observer.example,2025:updated</id>
    <updated>2025-10-03T10:00:00Z</updated>
    <content type="text">Plain text, with a &lt;tag&gt; written as text.</content>
  </entry>
</feed>)");
  EXPECT_EQ(feed.title, "Lantern Valley Observer");
  ASSERT_THAT(feed.items, SizeIs(2));
  const FeedItem& glacier = feed.items[0];
  EXPECT_EQ(glacier.title, "Glacier melt <em>doubles</em>");
  EXPECT_TRUE(glacier.title_is_html);
  EXPECT_EQ(glacier.link, "https://observer.example/glacier");  // the alternate, not the mp3
  EXPECT_EQ(glacier.published, "2025-10-01T06:15:00+02:00");
  EXPECT_EQ(glacier.updated, "2025-10-01T09:00:00Z");
  EXPECT_THAT(glacier.authors, ElementsAre("Ada Lindqvist"));  // no e-mail, no uri
  EXPECT_THAT(glacier.categories, ElementsAre("Climate"));
  EXPECT_EQ(glacier.summary, "Meltwater has doubled.");
  EXPECT_FALSE(glacier.summary_is_html);
  // XHTML: the elements are the markup, the text's '<' is text (escaped again).
  EXPECT_EQ(glacier.content, "<div><p>Flows of 3 &lt; 5 m³/s.</p></div>");
  EXPECT_TRUE(glacier.content_is_html);
  EXPECT_EQ(glacier.source, "Alpine Wire");
  const FeedItem& updated = feed.items[1];
  EXPECT_EQ(updated.link, "https://observer.example/updated");
  EXPECT_EQ(updated.published, "");
  EXPECT_EQ(updated.updated, "2025-10-03T10:00:00Z");
  EXPECT_EQ(updated.content, "Plain text, with a <tag> written as text.");
  EXPECT_FALSE(updated.content_is_html);
}

TEST(FeedParserTest, Atom03EscapedContent) {
  const Parsed feed = Parse(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Old Atom</title>
  <entry><title>Escaped</title><issued>2004-05-01T12:00:00Z</issued>
    <link rel="alternate" type="text/html" href="https://old.example/1"/>
    <content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry>
</feed>)");
  ASSERT_THAT(feed.items, SizeIs(1));
  EXPECT_EQ(feed.items[0].published, "2004-05-01T12:00:00Z");
  EXPECT_EQ(feed.items[0].content, "<p>Body</p>");
  EXPECT_TRUE(feed.items[0].content_is_html);
}

TEST(FeedParserTest, HtmlEntitiesAreReadNotLost) {
  const Parsed feed = Parse(
      "<rss version=\"2.0\"><channel><title>Caf&eacute; &amp; Co</title>"
      "<item><title>Prices rise&nbsp;&mdash; again&hellip;</title>"
      "<description>It&rsquo;s &unknownentity; here</description></item></channel></rss>");
  EXPECT_EQ(feed.title, "Café & Co");
  ASSERT_THAT(feed.items, SizeIs(1));
  EXPECT_EQ(feed.items[0].title, "Prices rise\u00a0\u2014 again\u2026");
  EXPECT_THAT(feed.items[0].summary, StartsWith("It\u2019s "));
  EXPECT_EQ(feed.errors, 1u);  // the unknown entity
}

TEST(FeedParserTest, BrokenMarkupKeepsTheItemsAroundIt) {
  const Parsed feed = Parse(
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Broken</title>\n"
      "<item><title>First item</title><link>https://b.example/1</link></item>\n"
      "<item><title>Second & broken <b>item</title><link>https://b.example/2</link></item>\n"
      "<item><title>Third item</title><link>https://b.example/3</link></item>\n"
      "</channel></rss>\n");
  EXPECT_GE(feed.errors, 2u);
  ASSERT_THAT(feed.first_errors, Not(IsEmpty()));
  EXPECT_THAT(feed.first_errors[0], StartsWith("line 4: "));
  ASSERT_THAT(feed.items, SizeIs(3));
  EXPECT_EQ(feed.items[0].link, "https://b.example/1");
  EXPECT_THAT(feed.items[1].title, HasSubstr("Second broken item"));
  EXPECT_EQ(feed.items[2].title, "Third item");
  EXPECT_EQ(feed.items[2].link, "https://b.example/3");
}

TEST(FeedParserTest, TruncatedFeedKeepsItsLastItem) {
  const Parsed feed = Parse(
      "<rss version=\"2.0\"><channel><title>Cut</title>"
      "<item><title>Whole</title><description>One.</description></item>"
      "<item><title>Cut off</title><description>The text stops he");
  ASSERT_THAT(feed.items, SizeIs(2));
  EXPECT_EQ(feed.items[1].title, "Cut off");
  EXPECT_EQ(feed.items[1].summary, "The text stops he");
  EXPECT_TRUE(feed.truncated);
}

TEST(FeedParserTest, BytesThatAreNotUtf8AreRepairedNotASwitchToLatin1) {
  const Parsed feed = Parse(
      "<rss version=\"2.0\"><channel><title>Caf\xe9</title>"
      "<item><title>Stra\xdf"
      "e \xe2\x80\x94 ok</title></item></channel></rss>");
  EXPECT_EQ(feed.repaired, 2u);
  EXPECT_EQ(feed.title, "Café");
  ASSERT_THAT(feed.items, SizeIs(1));
  EXPECT_EQ(feed.items[0].title, "Straße — ok");  // the valid dash stays a dash
}

TEST(FeedParserTest, DeclaredLatin1IsDecoded) {
  const Parsed feed = Parse(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
      "<title>Caf\xe9</title><item><title>Na\xefve</title></item></channel></rss>");
  EXPECT_EQ(feed.repaired, 0u);
  EXPECT_EQ(feed.title, "Café");
  ASSERT_THAT(feed.items, SizeIs(1));
  EXPECT_EQ(feed.items[0].title, "Naïve");
}

TEST(FeedParserTest, HtmlEntitiesAreReadInEveryAsciiCompatibleCharset) {
  // A windows-1252 feed written by an HTML tool uses HTML's names (&nbsp; &rsquo;) as a
  // UTF-8 one does; without their rewriting libxml2 stops at the first one.
  const Parsed feed = Parse(
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel>"
      "<title>Caf\xe9</title><item><title>It&rsquo;s na\xefve&nbsp;now</title>"
      "<description>One&hellip;</description></item>"
      "<item><title>Second</title></item></channel></rss>");
  EXPECT_EQ(feed.repaired, 0u);
  EXPECT_EQ(feed.title, "Café");
  ASSERT_THAT(feed.items, SizeIs(2));
  EXPECT_EQ(feed.items[0].title, "It\u2019s naïve\u00a0now");
  EXPECT_EQ(feed.items[0].summary, "One\u2026");
  EXPECT_EQ(feed.items[1].title, "Second");
}

TEST(FeedParserTest, DeclaredEntitiesAreNotExpanded) {
  // A feed's own DTD is not read: no entity expansion, however the entities nest.
  std::string feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (int i = 0; i < 9; ++i) {
    absl::StrAppend(&feed, "<!ENTITY ", std::string(1, static_cast<char>('b' + i)), " \"");
    for (int k = 0; k < 10; ++k)
      absl::StrAppend(&feed, "&", std::string(1, static_cast<char>('a' + i)), ";");
    absl::StrAppend(&feed, "\">");
  }
  absl::StrAppend(&feed,
                  "]><rss><channel><item><title>&j;</title><description>x</description>"
                  "</item></channel></rss>");
  const Parsed parsed = Parse(feed);
  ASSERT_THAT(parsed.items, SizeIs(1));
  EXPECT_LT(parsed.items[0].title.size(), 100u);
}

TEST(FeedParserTest, ManyItemsOneAtATime) {
  // Each item is handed on as it closes, so the parser holds a few items at most however
  // long the feed: its memory does not grow with the number of items.
  size_t count = 0;
  size_t most_behind = 0;
  FeedParser parser([&count](FeedItem&& item) {
    ++count;
    EXPECT_FALSE(item.title.empty());
  });
  parser.Push("<rss version=\"2.0\"><channel><title>Big</title>");
  constexpr size_t kItems = 100000;
  for (size_t i = 0; i < kItems; ++i) {
    parser.Push(absl::StrCat("<item><title>Item ", i, "</title><guid>g", i,
                             "</guid><description>Text of item ", i, ".</description></item>"));
    most_behind = std::max(most_behind, i + 1 - count);
  }
  parser.Push("</channel></rss>");
  parser.Finish();
  EXPECT_EQ(count, kItems);
  EXPECT_LE(most_behind, 2u) << "items pushed but not yet handed on";
  EXPECT_EQ(parser.error_count(), 0u);
}

}  // namespace
}  // namespace newsgrep::internal
