// SPDX-License-Identifier: GPL-2.0-or-later
/// @file warc_reader_test.cc
/// @brief WARC files read through ReadArticles, on records written for these tests: the
/// records that are pages and the ones that are not, HTTP bodies chunked and compressed,
/// charsets, gzip members per record, and the damage crawls have (a Content-Length that
/// lies, junk between records, truncation, a corrupt body, records over the limit).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article_reader.h"
#include "testing/files.h"
#include "testing/read_recorder.h"

namespace newsgrep {
namespace {

using test::Gzip;
using test::TempDir;
using test::WriteFile;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

using Outcome = InputProblem::Outcome;

using Collected = test::ReadRecorder;

// A news page whose story is `title` and a paragraph about it.
std::string Page(const std::string& title, const std::string& head_extra = "") {
  return absl::StrCat(
      "<!DOCTYPE html><html><head><title>", title, " | Harbourside Gazette</title>", head_extra,
      "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>",
      title,
      "</h1><p>The harbour authority said on Tuesday that the new ferry terminal, which cost "
      "more than forty million euros, would open to passengers in the spring, after two years "
      "of delays caused by flooding, a contractor's collapse and a dispute over fares.</p>"
      "<p>Local businesses, who had waited for the terminal since 2019, welcomed the news, "
      "although several said the fares were still too high for daily commuters.</p>"
      "</article><footer>Copyright Harbourside Gazette</footer></body></html>");
}

// An HTTP response with `status`, extra header lines (each ending "\r\n") and `body`.
std::string Http(int status, const std::string& headers, const std::string& body) {
  return absl::StrCat("HTTP/1.1 ", status, status == 200 ? " OK" : " Other", "\r\n", headers,
                      "\r\n", body);
}

// A WARC record of `type` for `uri` holding `block`, with a true Content-Length unless
// `length` says otherwise.
std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response",
                   int64_t length = -1) {
  return absl::StrCat("WARC/1.0\r\nWARC-Type: ", type, "\r\nWARC-Record-ID: <urn:uuid:", uri.size(),
                      type.size(), ">\r\nWARC-Date: 2026-03-14T09:30:00Z\r\n",
                      uri.empty() ? "" : absl::StrCat("WARC-Target-URI: ", uri, "\r\n"),
                      "Content-Type: ", content_type, "\r\nContent-Length: ",
                      length >= 0 ? length : static_cast<int64_t>(block.size()), "\r\n\r\n", block,
                      "\r\n\r\n");
}

std::string Warcinfo() {
  return Record("warcinfo", "", "software: a test\r\nformat: WARC File Format 1.0\r\n",
                "application/warc-fields");
}

std::string Response(const std::string& uri, const std::string& title) {
  return Record("response", uri,
                Http(200, "Content-Type: text/html; charset=utf-8\r\n", Page(title)));
}

Collected Read(const std::string& path, const ReadLimits& limits = {}) {
  Collected got;
  EXPECT_EQ(ReadArticles(path, got.Callbacks(), limits), absl::OkStatus());
  return got;
}

TEST(WarcReaderTest, EachHtmlPageIsAnArticleAndOtherRecordsAreCountedNotFaults) {
  TempDir dir;
  const std::string page_uri = "https://harbourside.example/news/ferry-terminal";
  WriteFile(
      dir / "crawl.warc",
      absl::StrCat(Warcinfo(),
                   Record("request", page_uri, "GET /news/ferry-terminal HTTP/1.1\r\n\r\n",
                          "application/http; msgtype=request"),
                   Response(page_uri, "Ferry terminal to open in spring"),
                   Record("response", "https://harbourside.example/missing",
                          Http(404, "Content-Type: text/html\r\n", Page("Page not found"))),
                   Record("response", "https://harbourside.example/logo.png",
                          Http(200, "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n....")),
                   Record("resource", "https://harbourside.example/news/fares",
                          Page("Fares stay high for commuters"), "text/html; charset=utf-8"),
                   Record("metadata", page_uri, "fetchTimeMs: 120\r\n", "application/warc-fields"),
                   Record("revisit", page_uri, Http(200, "Content-Type: text/html\r\n", ""))));
  const Collected got = Read(dir / "crawl.warc");
  EXPECT_THAT(got.Ids(), ElementsAre(page_uri, "https://harbourside.example/news/fares"));
  ASSERT_THAT(got.articles, SizeIs(2));
  EXPECT_EQ(got.articles[0].title, "Ferry terminal to open in spring");
  EXPECT_EQ(got.articles[0].url, page_uri);
  EXPECT_THAT(got.articles[0].body, HasSubstr("new ferry terminal"));
  EXPECT_THAT(got.articles[0].body, Not(HasSubstr("Home")));
  EXPECT_EQ(got.articles[0].source, "Harbourside Gazette");
  EXPECT_THAT(got.articles[0].origin, HasSubstr("crawl.warc: record 3 at byte "));
  EXPECT_EQ(got.articles[1].title, "Fares stay high for commuters");
  EXPECT_THAT(got.With(Outcome::kSkipped), IsEmpty());
  EXPECT_THAT(got.With(Outcome::kRepaired), IsEmpty());
  const std::vector<InputProblem> ignored = got.With(Outcome::kIgnored);
  ASSERT_THAT(ignored, SizeIs(3));
  EXPECT_THAT(ignored[0].message, AllOf(HasSubstr("HTTP status 404"), HasSubstr("/missing")));
  EXPECT_THAT(ignored[0].location, HasSubstr("record 4 at byte "));
  EXPECT_THAT(ignored[1].message, HasSubstr("not a web page (image/png)"));
  EXPECT_THAT(ignored[2].message, HasSubstr("revisit"));
}

TEST(WarcReaderTest, WarcDateIsTheDateOfAPageThatGivesNone) {
  TempDir dir;
  WriteFile(dir / "a.warc",
            absl::StrCat(Response("https://x.example/undated", "Undated story"),
                         Record("response", "https://x.example/dated",
                                Http(200, "Content-Type: text/html\r\n",
                                     Page("Dated story",
                                          "<meta property=\"article:published_time\" "
                                          "content=\"2026-03-01T08:00:00Z\">")))));
  const Collected got = Read(dir / "a.warc");
  ASSERT_THAT(got.articles, SizeIs(2));
  ASSERT_TRUE(got.articles[0].date.has_value());
  ASSERT_TRUE(got.articles[1].date.has_value());
  EXPECT_EQ(got.articles[0].date->Iso8601(), "2026-03-14T09:30:00Z");
  EXPECT_EQ(got.articles[1].date->Iso8601(), "2026-03-01T08:00:00Z");
}

TEST(WarcReaderTest, TheHttpCharsetWinsOverThePagesOwn) {
  TempDir dir;
  // The server says Latin-1 and the bytes are; the page's meta tag is wrong.
  const std::string page = Page("Caf\xe9 owners protest", "<meta charset=\"utf-8\">");
  WriteFile(dir / "a.warc",
            Record("response", "https://x.example/cafe",
                   Http(200, "Content-Type: text/html; charset=ISO-8859-1\r\n", page)));
  const Collected got = Read(dir / "a.warc");
  ASSERT_THAT(got.articles, SizeIs(1));
  EXPECT_EQ(got.articles[0].title, "Café owners protest");
  EXPECT_THAT(got.With(Outcome::kRepaired), IsEmpty());
}

// `body` in HTTP's chunked transfer coding, in chunks of `size` bytes.
std::string Chunked(const std::string& body, size_t size) {
  std::string out;
  for (size_t at = 0; at < body.size(); at += size) {
    const std::string chunk = body.substr(at, size);
    absl::StrAppend(&out, absl::Hex(chunk.size()), "\r\n", chunk, "\r\n");
  }
  return out + "0\r\n\r\n";
}

TEST(WarcReaderTest, ChunkedAndCompressedBodiesAreDecoded) {
  TempDir dir;
  const std::string html = Page("Chunked and compressed pages decoded");
  WriteFile(
      dir / "a.warc",
      absl::StrCat(
          Record("response", "https://x.example/chunked",
                 Http(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                      Chunked(html, 100))),
          Record("response", "https://x.example/gzip",
                 Http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", Gzip(html))),
          Record("response", "https://x.example/both",
                 Http(200,
                      "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n",
                      Chunked(Gzip(html), 64))),
          // Stored decoded, the headers kept (as many crawlers do).
          Record("response", "https://x.example/decoded",
                 Http(200,
                      "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n",
                      html))));
  const Collected got = Read(dir / "a.warc");
  ASSERT_THAT(got.articles, SizeIs(4));
  for (const Article& article : got.articles) {
    EXPECT_EQ(article.title, "Chunked and compressed pages decoded") << article.id;
    EXPECT_THAT(article.body, HasSubstr("new ferry terminal")) << article.id;
    EXPECT_THAT(article.body, Not(HasSubstr("\r\n"))) << article.id;
  }
  EXPECT_THAT(got.problems, IsEmpty());
}

TEST(WarcReaderTest, ACorruptOrUnknownBodyEncodingSkipsThatRecordAlone) {
  TempDir dir;
  std::string gzip = Gzip(Page("Corrupt"));
  gzip[gzip.size() / 2] ^= 0x55;
  gzip[gzip.size() / 2 + 1] ^= 0x55;
  WriteFile(
      dir / "a.warc",
      absl::StrCat(Record("response", "https://x.example/corrupt",
                          Http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzip)),
                   Record("response", "https://x.example/brotli",
                          Http(200, "Content-Type: text/html\r\nContent-Encoding: br\r\n",
                               "\x1b\x03\x00\xf8")),
                   Response("https://x.example/fine", "Fine")));
  const Collected got = Read(dir / "a.warc");
  EXPECT_THAT(got.Ids(), ElementsAre("https://x.example/fine"));
  const std::vector<InputProblem> skipped = got.With(Outcome::kSkipped);
  ASSERT_THAT(skipped, SizeIs(2));
  EXPECT_THAT(skipped[0].message, HasSubstr("gzip-encoded HTTP body"));
  EXPECT_THAT(skipped[0].location, HasSubstr("record 1"));
  EXPECT_THAT(skipped[1].message, HasSubstr("\"br\""));
}

TEST(WarcReaderTest, AContentLengthThatLiesIsReadUpToTheNextRecord) {
  TempDir dir;
  const std::string block = Http(200, "Content-Type: text/html\r\n", Page("Too long"));
  const std::string short_block = Http(200, "Content-Type: text/html\r\n", Page("Too short"));
  WriteFile(dir / "a.warc", absl::StrCat(Record("response", "https://x.example/long", block,
                                                "application/http; msgtype=response",
                                                static_cast<int64_t>(block.size()) + 300),
                                         Record("response", "https://x.example/short", short_block,
                                                "application/http; msgtype=response",
                                                static_cast<int64_t>(short_block.size()) - 200),
                                         Response("https://x.example/after", "After")));
  const Collected got = Read(dir / "a.warc");
  EXPECT_THAT(got.Ids(), ElementsAre("https://x.example/long", "https://x.example/short",
                                     "https://x.example/after"));
  ASSERT_THAT(got.articles, SizeIs(3));
  EXPECT_THAT(got.articles[1].body, HasSubstr("too high for daily commuters"));
  const std::vector<InputProblem> repaired = got.With(Outcome::kRepaired);
  ASSERT_THAT(repaired, SizeIs(2));
  EXPECT_THAT(repaired[0].message,
              HasSubstr(absl::StrCat("Content-Length says ", block.size() + 300,
                                     " bytes, but "
                                     "the record holds ",
                                     block.size())));
  EXPECT_THAT(repaired[1].location, HasSubstr("record 2"));
  EXPECT_THAT(got.With(Outcome::kSkipped), IsEmpty());
}

TEST(WarcReaderTest, JunkBetweenRecordsIsSkippedToTheNextRecord) {
  TempDir dir;
  const std::string first = Response("https://x.example/1", "First");
  const std::string junk = "garbage that is no record\nWARC/ nope\n";
  WriteFile(dir / "a.warc", absl::StrCat(first, junk, Response("https://x.example/2", "Second")));
  const Collected got = Read(dir / "a.warc");
  EXPECT_THAT(got.Ids(), ElementsAre("https://x.example/1", "https://x.example/2"));
  const std::vector<InputProblem> skipped = got.With(Outcome::kSkipped);
  ASSERT_THAT(skipped, SizeIs(1));
  EXPECT_EQ(skipped[0].location, absl::StrCat(dir / "a.warc", ": byte ", first.size()));
  EXPECT_THAT(skipped[0].message,
              HasSubstr(absl::StrCat(junk.size(),
                                     " bytes that are no WARC record skipped to the next record")));
}

TEST(WarcReaderTest, GzipMembersPerRecordAndATruncatedFileKeepTheRecordsBeforeTheCut) {
  TempDir dir;
  std::string warc;
  for (int i = 1; i <= 3; ++i) {
    absl::StrAppend(
        &warc, Gzip(Response(absl::StrCat("https://x.example/", i), absl::StrCat("Story ", i))));
  }
  WriteFile(dir / "whole.warc.gz", warc);
  EXPECT_THAT(Read(dir / "whole.warc.gz").Ids(),
              ElementsAre("https://x.example/1", "https://x.example/2", "https://x.example/3"));

  WriteFile(dir / "cut.warc.gz", warc.substr(0, warc.size() - 200));
  const Collected got = Read(dir / "cut.warc.gz");
  EXPECT_THAT(got.Ids(), ElementsAre("https://x.example/1", "https://x.example/2"));
  const std::vector<InputProblem> skipped = got.With(Outcome::kSkipped);
  ASSERT_THAT(skipped, SizeIs(2));
  EXPECT_THAT(skipped[0].message,
              HasSubstr("truncated gzip data; the rest of the file was not read"));
  EXPECT_THAT(skipped[1].message, HasSubstr("the file ends inside this record"));
  EXPECT_THAT(skipped[1].location, HasSubstr("record 3"));
}

TEST(WarcReaderTest, ARecordOverTheLimitIsPassedOverWithoutBeingHeld) {
  TempDir dir;
  ReadLimits limits;
  limits.max_record_bytes = 64 * 1024;
  const std::string big =
      Http(200, "Content-Type: text/html\r\n", Page(std::string(100 * 1024, 'x')));
  const std::string video =
      Http(200, "Content-Type: video/mp4\r\n", std::string(200 * 1024, '\x01'));
  WriteFile(dir / "a.warc", absl::StrCat(Record("response", "https://x.example/big", big),
                                         Record("response", "https://x.example/video", video),
                                         Response("https://x.example/small", "Small")));
  const Collected got = Read(dir / "a.warc", limits);
  EXPECT_THAT(got.Ids(), ElementsAre("https://x.example/small"));
  // A page is skipped (a fault: its story is lost); a video is no page whatever its size.
  const std::vector<InputProblem> skipped = got.With(Outcome::kSkipped);
  ASSERT_THAT(skipped, SizeIs(1));
  EXPECT_THAT(skipped[0].message, HasSubstr("over the limit (65536), not read"));
  EXPECT_THAT(skipped[0].location, HasSubstr("record 1"));
  const std::vector<InputProblem> ignored = got.With(Outcome::kIgnored);
  ASSERT_THAT(ignored, SizeIs(1));
  EXPECT_THAT(ignored[0].message, HasSubstr("not a web page (video/mp4)"));
}

TEST(WarcReaderTest, ProgressReportsTheBytesReadUpToTheWholeFile) {
  TempDir dir;
  std::string warc = Warcinfo();
  for (int i = 0; i < 200; ++i) {
    absl::StrAppend(&warc, Response(absl::StrCat("https://x.example/", i), "Story"));
  }
  WriteFile(dir / "a.warc", warc);
  const Collected got = Read(dir / "a.warc");
  EXPECT_THAT(got.articles, SizeIs(200));
  ASSERT_THAT(got.bytes_read, SizeIs(201));
  EXPECT_LT(got.bytes_read.front(), warc.size());
  EXPECT_TRUE(std::is_sorted(got.bytes_read.begin(), got.bytes_read.end()));
  EXPECT_EQ(got.bytes_read.back(), warc.size());
}

TEST(WarcReaderTest, AFileOfNoRecordsIsSkipped) {
  TempDir dir;
  WriteFile(dir / "a.warc", "WARC/1.0 is what this file says it is, and nothing more\n");
  const Collected got = Read(dir / "a.warc");
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_THAT(got.With(Outcome::kSkipped), SizeIs(1));
}

}  // namespace
}  // namespace newsgrep
