// SPDX-License-Identifier: GPL-2.0-or-later
/// @file input_format_test.cc
/// @brief SniffFormat: content first (markup is never text), the name where content is
/// silent; ParseInputFormat's names.
#include "newsgrep/input_format.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgrep {
namespace {

using ::testing::HasSubstr;

TEST(InputFormatTest, FeedsByTheirFirstElementWhateverTheName) {
  EXPECT_EQ(
      SniffFormat("news.txt", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"),
      InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("a", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"), InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("a.xml",
                        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n"
                        "<!-- generated -->\n<rdf:RDF xmlns:rdf=\"…\">"),
            InputFormat::kFeed);
  EXPECT_EQ(
      SniffFormat("a.html", "<!DOCTYPE rss PUBLIC \"-//Netscape\" \"x\"><rss version=\"0.91\">"),
      InputFormat::kFeed);
}

TEST(InputFormatTest, ArchivesAndAgencyFormats) {
  EXPECT_EQ(SniffFormat("crawl.warc.gz", "WARC/1.0\r\nWARC-Type: warcinfo\r\n"),
            InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS"),
            InputFormat::kSgml);
  EXPECT_EQ(SniffFormat("x", "<REUTERS TOPICS=\"YES\" NEWID=\"1\">"), InputFormat::kSgml);
}

TEST(InputFormatTest, AnyOtherMarkupIsAWebPageNeverText) {
  EXPECT_EQ(SniffFormat("page.txt", "<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("x", "<!-- saved page --> <HEAD><title>x</title>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("x", "<p>A fragment of a story</p>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("x", "<?xml version=\"1.0\"?><catalog>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("page.html", "Saved without its markup"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("story.txt", "<3 the new tram line"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("story.txt", "Title: Rotterdam adds cranes\n\nThe port said"),
            InputFormat::kText);
}

TEST(InputFormatTest, JsonShapes) {
  EXPECT_EQ(SniffFormat("a.json", "[{\"id\": \"1\"}]"), InputFormat::kJson);
  EXPECT_EQ(SniffFormat("a.json", "{\n  \"id\": \"1\",\n  \"title\": \"x\"\n}\n"),
            InputFormat::kJson);
  // One object a line is JSON Lines whatever the name.
  EXPECT_EQ(SniffFormat("a.json", "{\"id\": \"1\"}\n{\"id\": \"2\"}\n"), InputFormat::kJsonLines);
  EXPECT_EQ(SniffFormat("a.txt.gz", "{\"id\": \"1\"}"), InputFormat::kJsonLines);
  // By name when the first record is broken, or before any record.
  EXPECT_EQ(SniffFormat("a.jsonl", "{\"id\": \n"), InputFormat::kJsonLines);
  EXPECT_EQ(SniffFormat("a.ndjson.gz", "\n\n"), InputFormat::kJsonLines);
}

TEST(InputFormatTest, NamesForTheCommandLine) {
  for (InputFormat format :
       {InputFormat::kAuto, InputFormat::kText, InputFormat::kJsonLines, InputFormat::kJson,
        InputFormat::kHtml, InputFormat::kFeed, InputFormat::kWarc, InputFormat::kSgml}) {
    EXPECT_EQ(*ParseInputFormat(InputFormatName(format)), format) << InputFormatName(format);
  }
  EXPECT_EQ(*ParseInputFormat("RSS"), InputFormat::kFeed);
  EXPECT_EQ(*ParseInputFormat("atom"), InputFormat::kFeed);
  EXPECT_EQ(*ParseInputFormat("ndjson"), InputFormat::kJsonLines);
  const absl::StatusOr<InputFormat> bad = ParseInputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("unknown format 'pdf'"));
  EXPECT_THAT(bad.status().message(), HasSubstr("text, jsonl, json, html, feed, warc, sgml"));
}

}  // namespace
}  // namespace newsgrep
