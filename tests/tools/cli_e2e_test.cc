// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cli_e2e_test.cc
/// @brief End-to-end tests of the real `newsgrep` binary: each test runs it as a subprocess
/// (stdout on a pipe or a pseudo-terminal, stderr on a pipe) and checks stdout, stderr and
/// the exit status. The bundled sample corpus (data/sample/articles, 47 articles) is indexed
/// once per test process into a temporary directory.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/files.h"
#include "testing/run_newsgrep.h"

namespace {

namespace fs = std::filesystem;
using newsgrep::test::kSourceDir;
using newsgrep::test::Lines;
using newsgrep::test::RunNewsgrep;
using newsgrep::test::RunOptions;
using newsgrep::test::RunResult;
using newsgrep::test::StdoutKind;
using newsgrep::test::TempDir;
using newsgrep::test::WriteFile;
using newsgrep::test::WriteGzipFile;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

constexpr char kSampleArticles[] = "data/sample/articles";  // relative to kSourceDir
constexpr size_t kSampleArticleCount = 47;

// ---------------------------------------------------------------------------------------
// Small helpers.

// Removes SGR escape sequences ("\x1b[1;31m").
std::string StripAnsi(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      size_t end = i + 2;
      while (end < text.size() &&
             (absl::ascii_isdigit(static_cast<unsigned char>(text[end])) || text[end] == ';')) {
        ++end;
      }
      if (end < text.size() && text[end] == 'm') {
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The ids the sample corpus must produce when indexed as `data/sample/articles` from the
// source directory, from its ground truth (data/sample/clusters.tsv, one row an article):
// `path#id` for a JSON record or a web page with a URL, else the file's path.
std::set<std::string> ExpectedSampleIds() {
  std::set<std::string> ids;
  std::ifstream tsv(fs::path(kSourceDir) / "data/sample/clusters.tsv");
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    const std::string path = line.substr(0, line.find('\t'));
    const size_t hash = path.find('#');
    ids.insert(hash != std::string::npos ? path.substr(hash + 1)
                                         : absl::StrCat(kSampleArticles, "/", path));
  }
  return ids;
}

// ---------------------------------------------------------------------------------------
// The fixture: one temporary directory per test process, the sample indexed into it once.

class CliEndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    fs::create_directories(Home());
    sample_db_ = new std::string(*root_ / "sample-db");
    sample_index_ =
        new RunResult(RunNewsgrep({"index", "--db", *sample_db_, kSampleArticles}, Home()));
    sample_ids_ = new std::set<std::string>(ExpectedSampleIds());
  }

  static void TearDownTestSuite() {
    delete root_;
    delete sample_db_;
    delete sample_index_;
    delete sample_ids_;
    root_ = nullptr;
    sample_db_ = nullptr;
    sample_index_ = nullptr;
    sample_ids_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(sample_index_, nullptr);
    ASSERT_EQ(sample_index_->exit_code, 0) << *sample_index_;
    ASSERT_EQ(sample_ids_->size(), kSampleArticleCount);
  }

  static std::string Home() { return *root_ / "home"; }
  static const std::string& SampleDb() { return *sample_db_; }
  static const std::set<std::string>& SampleIds() { return *sample_ids_; }

  // A fresh directory under the suite's temporary root.
  static fs::path NewDir(const std::string& name) {
    const fs::path dir = *root_ / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
  }

  static RunResult Run(const std::vector<std::string>& args, const RunOptions& options = {}) {
    return RunNewsgrep(args, Home(), options);
  }

  // `newsgrep --db DB --all -c QUERY` (articles, not stories) as a number; fails the test
  // when it is not one.
  static size_t Count(const std::string& db, const std::string& query) {
    const RunResult r = Run({"--db", db, "--all", "-c", query});
    size_t n = 0;
    EXPECT_TRUE(absl::SimpleAtoi(absl::StripSuffix(r.out, "\n"), &n)) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    EXPECT_EQ(r.exit_code, n > 0 ? 0 : 1) << r;
    return n;
  }

  static std::vector<std::string> Ids(const std::string& db, const std::string& query,
                                      std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--db", db, "--all", "-l", query};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = Run(args);
    EXPECT_THAT(r.err, IsEmpty()) << r;
    return Lines(r.out);
  }

  static TempDir* root_;
  static std::string* sample_db_;
  static RunResult* sample_index_;
  static std::set<std::string>* sample_ids_;
};

TempDir* CliEndToEndTest::root_ = nullptr;
std::string* CliEndToEndTest::sample_db_ = nullptr;
RunResult* CliEndToEndTest::sample_index_ = nullptr;
std::set<std::string>* CliEndToEndTest::sample_ids_ = nullptr;

// ---------------------------------------------------------------------------------------
// 1. Indexing the sample corpus.

TEST_F(CliEndToEndTest, IndexSampleCorpusReportsFortyArticles) {
  const RunResult& r = *sample_index_;
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(r.out, IsEmpty()) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 1u) << r;  // only the summary: no problem in the sample
  EXPECT_THAT(err[0], StartsWith("newsgrep: indexed 47 articles from 38 files in ")) << r;
  EXPECT_THAT(err[0], HasSubstr(absl::StrCat(" into ", SampleDb(), "; 47 in index"))) << r;
  EXPECT_THAT(err[0], Not(HasSubstr("skipped"))) << r;
  // Every article contains "said": the index holds exactly the 47 articles.
  EXPECT_EQ(Count(SampleDb(), "said"), kSampleArticleCount);
}

TEST_F(CliEndToEndTest, ReindexingTheSameCorpusIsIdempotent) {
  const std::string db = (NewDir("reindex") / "db").string();
  const RunResult first = Run({"index", "--db", db, kSampleArticles});
  ASSERT_EQ(first.exit_code, 0) << first;
  const size_t nato = Count(db, "nato");
  const size_t guarantees = Count(db, "guarantees");
  const std::vector<std::string> ids = Ids(db, "said", {"-n", "100"});

  const RunResult second = Run({"index", "--db", db, kSampleArticles});
  EXPECT_EQ(second.exit_code, 0) << second;
  EXPECT_THAT(second.err, AllOf(HasSubstr("newsgrep: indexed 47 articles from 38 files"),
                                HasSubstr("; 47 in index\n")))
      << second;

  EXPECT_GT(nato, 0u);
  EXPECT_EQ(Count(db, "nato"), nato);
  EXPECT_EQ(Count(db, "guarantees"), guarantees);
  EXPECT_EQ(Count(db, "said"), kSampleArticleCount);
  EXPECT_EQ(Ids(db, "said", {"-n", "100"}), ids);
}

// ---------------------------------------------------------------------------------------
// 2. Text output and colour.

TEST_F(CliEndToEndTest, TextOutputShowsRankTitleDateSourceIdAndSnippet) {
  const RunResult text = Run({"--db", SampleDb(), "security guarantees"});
  ASSERT_EQ(text.exit_code, 0) << text;
  EXPECT_THAT(text.err, IsEmpty()) << text;
  EXPECT_EQ(text.out.find('\x1b'), std::string::npos) << "colour on a pipe" << text;

  // The same search as JSON tells what each text block must show.
  const RunResult json = Run({"--db", SampleDb(), "--json", "security guarantees"});
  ASSERT_EQ(json.exit_code, 0) << json;
  std::vector<nlohmann::json> hits;
  for (const std::string& line : Lines(json.out)) {
    nlohmann::json object = nlohmann::json::parse(line);
    if (object["type"] == "hit") hits.push_back(std::move(object));
  }
  ASSERT_EQ(hits.size(), 10u) << json;  // the default limit; 11 stories (16 articles) match

  // Blocks are separated by one blank line: "N. title", "   date · source · id", "   snippet".
  const std::vector<std::string> blocks = absl::StrSplit(text.out, "\n\n");
  ASSERT_EQ(blocks.size(), hits.size()) << text;
  for (size_t i = 0; i < blocks.size(); ++i) {
    SCOPED_TRACE(absl::StrCat("hit ", i + 1));
    const nlohmann::json& hit = hits[i];
    const std::vector<std::string> lines = Lines(blocks[i]);
    ASSERT_EQ(lines.size(), 3u) << blocks[i];
    const size_t similar = hit.at("similar_count").get<size_t>();
    EXPECT_EQ(lines[0], absl::StrCat(i + 1, ". ", hit.at("title").get<std::string>(),
                                     similar > 0 ? absl::StrCat(" (+", similar, " similar)")
                                                 : std::string()));
    // "   2025-08-20 14:05 UTC · Continental Wire · rss-0001"; empty parts are left out.
    std::vector<std::string> meta;
    if (!hit.at("date").is_null()) {
      const std::string date = hit.at("date").get<std::string>();
      ASSERT_EQ(date.size(), 20u) << date;  // 2025-08-20T14:05:00Z
      meta.push_back(absl::StrCat(date.substr(0, 10), " ", date.substr(11, 5), " UTC"));
    }
    if (!hit.at("source").get<std::string>().empty()) {
      meta.push_back(hit.at("source").get<std::string>());
    }
    meta.push_back(hit.at("id").get<std::string>());
    EXPECT_EQ(lines[1], absl::StrCat("   ", absl::StrJoin(meta, " · ")));
    EXPECT_EQ(SampleIds().count(hit.at("id").get<std::string>()), 1u) << hit.at("id");
    EXPECT_EQ(lines[2], absl::StrCat("   ", hit.at("snippet").get<std::string>()));
    EXPECT_THAT(Lower(lines[2]), AllOf(HasSubstr("secur"), HasSubstr("guarantee")));
  }
  // The best hits are the anchor story and its word-for-word copy in the JSON feed.
  // The anchor story collapses its five republications into one hit, represented by the
  // earliest (wire) version.
  EXPECT_THAT(text.out, StartsWith("1. NATO defence chiefs weigh security guarantees for "
                                   "Ukraine (+5 similar)\n"
                                   "   2025-08-20 14:05 UTC · Continental Wire · "));
}

TEST_F(CliEndToEndTest, ColorAlwaysHighlightsMatchedWords) {
  const RunResult plain = Run({"--db", SampleDb(), "security guarantees"});
  const RunResult colored = Run({"--db", SampleDb(), "--color=always", "security guarantees"});
  ASSERT_EQ(colored.exit_code, 0) << colored;
  EXPECT_THAT(colored.out, HasSubstr("\x1b[1;31msecurity\x1b[0m \x1b[1;31mguarantees\x1b[0m"))
      << colored;
  EXPECT_THAT(colored.out, StartsWith("\x1b[1m1. ")) << colored;
  // Colour adds escape codes and nothing else.
  EXPECT_EQ(StripAnsi(colored.out), plain.out);
  // --color never and --json never colour, even when asked.
  EXPECT_EQ(Run({"--db", SampleDb(), "--color", "never", "security guarantees"}).out, plain.out);
  const RunResult json = Run({"--db", SampleDb(), "--json", "--color=always", "security"});
  EXPECT_EQ(json.exit_code, 0) << json;
  EXPECT_EQ(json.out.find('\x1b'), std::string::npos) << json;
}

TEST_F(CliEndToEndTest, ColorAutoFollowsTerminalNoColorAndTerm) {
  const RunResult plain = Run({"--db", SampleDb(), "security guarantees"});
  ASSERT_EQ(plain.exit_code, 0) << plain;
  ASSERT_EQ(plain.out.find('\x1b'), std::string::npos) << plain;

  RunOptions tty;
  tty.stdout_kind = StdoutKind::kPty;
  tty.env = {"TERM=xterm-256color"};
  const RunResult on_tty = Run({"--db", SampleDb(), "security guarantees"}, tty);
  EXPECT_EQ(on_tty.exit_code, 0) << on_tty;
  EXPECT_THAT(on_tty.out, HasSubstr("\x1b[1;31msecurity\x1b[0m")) << on_tty;
  EXPECT_EQ(StripAnsi(on_tty.out), plain.out);

  // NO_COLOR (any non-empty value, https://no-color.org) turns it off on a terminal…
  RunOptions no_color = tty;
  no_color.env.push_back("NO_COLOR=1");
  const RunResult r1 = Run({"--db", SampleDb(), "security guarantees"}, no_color);
  EXPECT_EQ(r1.exit_code, 0) << r1;
  EXPECT_EQ(r1.out, plain.out) << r1;
  // …but --color=always still wins over it.
  const RunResult r2 = Run({"--db", SampleDb(), "--color=always", "security guarantees"}, no_color);
  EXPECT_THAT(r2.out, HasSubstr("\x1b[1;31m")) << r2;

  // An empty NO_COLOR does not count.
  RunOptions empty_no_color = tty;
  empty_no_color.env.push_back("NO_COLOR=");
  const RunResult r3 = Run({"--db", SampleDb(), "security guarantees"}, empty_no_color);
  EXPECT_THAT(r3.out, HasSubstr("\x1b[1;31m")) << r3;

  // TERM=dumb turns it off.
  RunOptions dumb = tty;
  dumb.env = {"TERM=dumb"};
  const RunResult r4 = Run({"--db", SampleDb(), "security guarantees"}, dumb);
  EXPECT_EQ(r4.exit_code, 0) << r4;
  EXPECT_EQ(r4.out, plain.out) << r4;

  // --json on a terminal is plain JSON.
  const RunResult r5 = Run({"--db", SampleDb(), "--json", "security"}, tty);
  EXPECT_EQ(r5.exit_code, 0) << r5;
  EXPECT_EQ(r5.out.find('\x1b'), std::string::npos) << r5;
}

// ---------------------------------------------------------------------------------------
// 3. JSON Lines.

TEST_F(CliEndToEndTest, JsonLinesHitsAndSummary) {
  for (const std::vector<std::string>& extra :
       std::vector<std::vector<std::string>>{{}, {"-n", "100"}, {"--offset", "3", "-n", "4"}}) {
    std::vector<std::string> args = {"--db", SampleDb(), "--json", "security guarantees"};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = Run(args);
    SCOPED_TRACE(r.command);
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    const std::vector<std::string> lines = Lines(r.out);
    ASSERT_FALSE(lines.empty()) << r;
    const size_t offset = extra.size() == 4 ? 3 : 0;
    size_t hits = 0;
    std::set<std::string> ids;
    for (size_t i = 0; i < lines.size(); ++i) {
      nlohmann::json object;
      ASSERT_NO_THROW(object = nlohmann::json::parse(lines[i])) << lines[i];
      ASSERT_TRUE(object.is_object()) << lines[i];
      EXPECT_EQ(object["format_version"], 1) << lines[i];
      if (i + 1 == lines.size()) {
        EXPECT_EQ(object["type"], "summary") << lines[i];
        EXPECT_EQ(object["query"], "security guarantees") << lines[i];
        EXPECT_EQ(object["returned"], hits) << lines[i];
        EXPECT_EQ(object["offset"], offset) << lines[i];
        ASSERT_TRUE(object["total"].is_number_unsigned()) << lines[i];
        EXPECT_GE(object["total"].get<size_t>(), offset + hits) << lines[i];
        if (extra.size() == 2) {  // -n 100: everything was returned, so the total is known
          EXPECT_EQ(object["total"], 11) << lines[i];  // stories: 16 articles
          EXPECT_EQ(object["total_is_exact"], true) << lines[i];
        }
        break;
      }
      ++hits;
      EXPECT_EQ(object["type"], "hit") << lines[i];
      EXPECT_EQ(object["rank"], offset + hits) << lines[i];
      ASSERT_TRUE(object["id"].is_string()) << lines[i];
      EXPECT_EQ(SampleIds().count(object["id"].get<std::string>()), 1u) << lines[i];
      EXPECT_TRUE(ids.insert(object["id"].get<std::string>()).second) << "duplicate " << lines[i];
      ASSERT_TRUE(object["title"].is_string()) << lines[i];
      EXPECT_FALSE(object["title"].get<std::string>().empty()) << lines[i];
      EXPECT_TRUE(object["score"].is_number()) << lines[i];
      ASSERT_TRUE(object["snippet"].is_string()) << lines[i];
      const std::string snippet = object["snippet"].get<std::string>();
      ASSERT_TRUE(object["highlights"].is_array()) << lines[i];
      EXPECT_FALSE(object["highlights"].empty()) << lines[i];
      size_t previous_end = 0;
      for (const nlohmann::json& span : object["highlights"]) {
        ASSERT_TRUE(span.is_array() && span.size() == 2) << lines[i];
        const size_t begin = span[0].get<size_t>(), end = span[1].get<size_t>();
        ASSERT_LE(previous_end, begin) << lines[i];
        ASSERT_LT(begin, end) << lines[i];
        ASSERT_LE(end, snippet.size()) << lines[i];
        previous_end = end;
        // A matched word: "security"/"secure" (stem secur), "guarantee(s)".
        const std::string word = Lower(snippet.substr(begin, end - begin));
        EXPECT_TRUE(absl::StartsWith(word, "secur") || absl::StartsWith(word, "guarantee"))
            << "highlighted '" << word << "' in " << lines[i];
      }
    }
    EXPECT_EQ(hits, extra.empty() ? 10u : extra.size() == 2 ? 11u : 4u) << r;
  }
}

// ---------------------------------------------------------------------------------------
// 4. -l, -c, -n, --offset.

TEST_F(CliEndToEndTest, IdsOnlyCountLimitAndOffsetAgree) {
  for (const char* query : {"nato", "security guarantees", "guarantees", "reading", "said"}) {
    for (const char* mode : {"--all", "--sort=relevance"}) {  // every article; one per story
      SCOPED_TRACE(absl::StrCat(query, " ", mode));
      const RunResult listed = Run({"--db", SampleDb(), mode, "-l", "-n", "100", query});
      ASSERT_EQ(listed.exit_code, 0) << listed;
      EXPECT_THAT(listed.err, IsEmpty()) << listed;
      const std::vector<std::string> ids = Lines(listed.out);
      const std::set<std::string> unique(ids.begin(), ids.end());
      EXPECT_EQ(unique.size(), ids.size()) << listed;
      for (const std::string& id : ids) EXPECT_EQ(SampleIds().count(id), 1u) << "'" << id << "'";

      const RunResult counted = Run({"--db", SampleDb(), mode, "-c", query});
      EXPECT_EQ(counted.exit_code, 0) << counted;
      EXPECT_THAT(counted.err, IsEmpty()) << counted;
      EXPECT_EQ(counted.out, absl::StrCat(ids.size(), "\n")) << counted;

      // Limits, and the default limit of 10.
      EXPECT_EQ(Lines(Run({"--db", SampleDb(), mode, "-l", "-n", "2", query}).out).size(), 2u);
      EXPECT_EQ(Lines(Run({"--db", SampleDb(), mode, "-l", query}).out).size(),
                std::min<size_t>(ids.size(), 10));
    }
  }
  EXPECT_EQ(Count(SampleDb(), "said"), kSampleArticleCount);
  EXPECT_EQ(Count(SampleDb(), "security guarantees"), 16u);
  EXPECT_EQ(Count(SampleDb(), "nato"), 18u);
}

// Pages are slices of the one ranking: `-n N` is its first N, `--offset K -n N` the N after
// the first K. (Multi-page queries whose ranking Xapian gets right; see the next test.)
TEST_F(CliEndToEndTest, PagesAreSlicesOfTheFullRanking) {
  for (const char* query : {"nato", "reading", "said", "kyiv", "nato kyiv"}) {
    SCOPED_TRACE(query);
    const std::vector<std::string> ids = Ids(SampleDb(), query, {"-n", "100"});
    ASSERT_GE(ids.size(), 8u);
    EXPECT_THAT(Ids(SampleDb(), query, {"-n", "2"}), ElementsAre(ids[0], ids[1]));
    EXPECT_THAT(Ids(SampleDb(), query, {"--offset", "3", "-n", "4"}),
                ElementsAre(ids[3], ids[4], ids[5], ids[6]));
    EXPECT_EQ(Ids(SampleDb(), query, {"--offset", "2", "-n", "100"}),
              std::vector<std::string>(ids.begin() + 2, ids.end()));
    for (size_t n = 1; n <= ids.size(); ++n) {
      EXPECT_EQ(Ids(SampleDb(), query, {"-n", std::to_string(n)}),
                std::vector<std::string>(ids.begin(), ids.begin() + n))
          << "-n " << n;
    }
  }
}

TEST_F(CliEndToEndTest, PagesOfATitleBoostedSearchAreSlicesOfTheFullRanking) {
  // Regression: with the title boost written as Q AND_MAYBE (title terms), Xapian 1.4.22
  // left the best hit out of `-n 7 guarantees` and skipped rank 7 of
  // `--offset 3 -n 4 "security guarantees"`. The phrase and proximity queries take
  // WithBonuses' other form, AND(query, OR(bonuses, MatchAll)), which the matcher may also
  // turn into an AND_MAYBE as the page fills; the date range is an OR of date terms.
  for (const char* query :
       {"guarantees", "security guarantees", "\"security guarantees\"",
        "security NEAR/4 guarantees", "guarantees date:2025-01-01..2026-12-31"}) {
    SCOPED_TRACE(query);
    const std::vector<std::string> ids = Ids(SampleDb(), query, {"-n", "100"});
    ASSERT_GE(ids.size(), 10u);
    EXPECT_THAT(Ids(SampleDb(), query, {"--offset", "3", "-n", "4"}),
                ElementsAre(ids[3], ids[4], ids[5], ids[6]));
    for (size_t n = 1; n <= ids.size(); ++n) {
      EXPECT_EQ(Ids(SampleDb(), query, {"-n", std::to_string(n)}),
                std::vector<std::string>(ids.begin(), ids.begin() + n))
          << "-n " << n;
    }
  }
}

TEST_F(CliEndToEndTest, LimitAndOffsetInTextOutput) {
  const RunResult two = Run({"--db", SampleDb(), "-n", "2", "nato"});
  ASSERT_EQ(two.exit_code, 0) << two;
  std::vector<std::string> rank_lines;
  for (const std::string& line : Lines(two.out)) {
    if (!line.empty() && line[0] != ' ') rank_lines.push_back(line.substr(0, line.find(' ')));
  }
  EXPECT_THAT(rank_lines, ElementsAre("1.", "2.")) << two;

  const RunResult paged = Run({"--db", SampleDb(), "--offset", "5", "-n", "3", "nato"});
  ASSERT_EQ(paged.exit_code, 0) << paged;
  rank_lines.clear();
  for (const std::string& line : Lines(paged.out)) {
    if (!line.empty() && line[0] != ' ') rank_lines.push_back(line.substr(0, line.find(' ')));
  }
  EXPECT_THAT(rank_lines, ElementsAre("6.", "7.", "8.")) << paged;
  EXPECT_THAT(paged.out, StartsWith("6. ")) << paged;
}

// ---------------------------------------------------------------------------------------
// 5. Exit codes and error messages.

TEST_F(CliEndToEndTest, NoMatchExitsOneWithEmptyOutput) {
  for (const std::vector<std::string>& mode :
       std::vector<std::vector<std::string>>{{}, {"-l"}, {"--json"}}) {
    std::vector<std::string> args = {"--db", SampleDb(), "zzyzxqoph"};
    args.insert(args.end(), mode.begin(), mode.end());
    const RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 1) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    if (mode.empty() || mode[0] == "-l") {
      EXPECT_THAT(r.out, IsEmpty()) << r;
    } else {  // --json: only the summary line
      const std::vector<std::string> lines = Lines(r.out);
      ASSERT_EQ(lines.size(), 1u) << r;
      const nlohmann::json summary = nlohmann::json::parse(lines[0]);
      EXPECT_EQ(summary.at("type"), "summary");
      EXPECT_EQ(summary.at("total"), 0);
      EXPECT_EQ(summary.at("returned"), 0);
    }
  }
  const RunResult counted = Run({"--db", SampleDb(), "-c", "zzyzxqoph"});
  EXPECT_EQ(counted.exit_code, 1) << counted;
  EXPECT_EQ(counted.out, "0\n") << counted;
  EXPECT_THAT(counted.err, IsEmpty()) << counted;
}

TEST_F(CliEndToEndTest, MalformedQueryExitsTwoNamingProblemAndColumn) {
  const RunResult quote = Run({"--db", SampleDb(), "nato \"security guar"});
  EXPECT_EQ(quote.exit_code, 2) << quote;
  EXPECT_THAT(quote.out, IsEmpty()) << quote;
  EXPECT_EQ(quote.err,
            "newsgrep: unclosed quote at column 6\n"
            "  nato \"security guar\n"
            "       ^\n")
      << quote;

  const RunResult field = Run({"--db", SampleDb(), "nato foo:bar"});
  EXPECT_EQ(field.exit_code, 2) << field;
  EXPECT_THAT(field.out, IsEmpty()) << field;
  const std::vector<std::string> err = Lines(field.err);
  ASSERT_FALSE(err.empty()) << field;
  EXPECT_THAT(err[0], StartsWith("newsgrep: unknown field 'foo:'")) << field;
  EXPECT_THAT(err[0], HasSubstr("title")) << "lists the known fields" << field;
  EXPECT_THAT(err[0], HasSubstr("at column 6")) << field;

  // Unclosed parenthesis, same shape.
  const RunResult paren = Run({"--db", SampleDb(), "(nato OR kyiv"});
  EXPECT_EQ(paren.exit_code, 2) << paren;
  EXPECT_THAT(paren.err, StartsWith("newsgrep: unclosed '(' at column 1\n")) << paren;
}

// Issue point 3: --timeout is the library's per-search time limit; a search over it exits
// 2 with one line that says so and prints no partial result.
TEST_F(CliEndToEndTest, QueriesThatRunForMinutesTimeoutStopsTheSearch) {
  const RunResult within = Run({"--db", SampleDb(), "--timeout", "10m", "-c", "nato"});
  EXPECT_EQ(within.exit_code, 0) << within;
  EXPECT_EQ(within.out, Run({"--db", SampleDb(), "-c", "nato"}).out) << within;

  const RunResult over = Run({"--db", SampleDb(), "--timeout", "1ns", "nato"});
  EXPECT_EQ(over.exit_code, 2) << over;
  EXPECT_THAT(over.out, IsEmpty()) << over;
  EXPECT_THAT(over.err, StartsWith("newsgrep: searching \"nato\" took longer than its time "
                                   "limit of 1ns; narrow it"))
      << over;
  EXPECT_EQ(Lines(over.err).size(), 1u) << over;
}

TEST_F(CliEndToEndTest, MissingIndexExitsTwoWithOneLineSayingHowToCreateIt) {
  for (const std::string& db : {std::string("/nonexistent/x"), *root_ / "no-such-index"}) {
    const RunResult r = Run({"--db", db, "nato"});
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.out, IsEmpty()) << r;
    EXPECT_EQ(Lines(r.err).size(), 1u) << r;
    EXPECT_THAT(r.err, StartsWith("newsgrep: ")) << r;
    EXPECT_THAT(r.err, HasSubstr(absl::StrCat("newsgrep index --db ", db))) << r;
    EXPECT_FALSE(fs::exists(db)) << "a search must not create the index directory";
  }
  // An existing directory that holds no index (e.g. made by hand) gets the same advice.
  const fs::path empty = NewDir("empty-index-dir");
  const RunResult r = Run({"--db", empty.string(), "nato"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.out, IsEmpty()) << r;
  EXPECT_EQ(Lines(r.err).size(), 1u) << r;
  EXPECT_THAT(r.err, HasSubstr(absl::StrCat("newsgrep index --db ", empty.string()))) << r;
}

// Issue point 4: a Xapian stub as --db could run a program (`remote :PROGRAM`).
TEST_F(CliEndToEndTest, DbRunsProgramsAStubThatWouldRunAProgramIsRefused) {
  const fs::path dir = NewDir("program-stub");
  const std::string marker = (dir / "ran").string();
  const std::string stub = (dir / "stub").string();
  WriteFile(stub, absl::StrCat("remote :/usr/bin/touch ", marker, "\n"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--db", stub, "nato"},
        std::vector<std::string>{"stats", "people", "--db", stub},
        std::vector<std::string>{"similar", "--db", stub, "x"}}) {
    const RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.err, HasSubstr(absl::StrCat(stub, ":1: "))) << r;
    EXPECT_THAT(r.err, HasSubstr("--allow-stub-programs")) << r;
  }
  EXPECT_FALSE(fs::exists(marker)) << "the stub's program was run";
  // A stub naming the sample index is an index.
  WriteFile((dir / "sample-stub").string(), absl::StrCat("auto ", SampleDb(), "\n"));
  const RunResult r = Run({"--db", (dir / "sample-stub").string(), "-c", "said"});
  EXPECT_EQ(r.exit_code, 0) << r;
}

// Issue point 5: an empty file as --db got Xapian's "Can't make an Enquire object".
TEST_F(CliEndToEndTest, AnEmptyFileAsDbSaysItIsNotAnIndex) {
  const std::string file = (NewDir("empty-file-db") / "db").string();
  WriteFile(file, "");
  const RunResult r = Run({"--db", file, "nato"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err, absl::StrCat("newsgrep: ", file,
                                " is an empty file, not an index (an index is a directory)\n"))
      << r;
}

// `--db A --db B` once silently kept B. Writing and checking take one index.
TEST_F(CliEndToEndTest, InputHandlingDbGivenTwiceToIndexIsAUsageError) {
  for (const char* command : {"index", "delete", "check"}) {
    const RunResult r = Run({command, "--db", SampleDb(), "--db", "/elsewhere", "x"});
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.out, IsEmpty()) << r;
    EXPECT_THAT(r.err, HasSubstr("--db given twice")) << r;
    EXPECT_THAT(r.err, HasSubstr(absl::StrCat(command, " works on one index"))) << r;
  }
}

// A copy of the sample index at `name`/db, to damage.
std::string CopyOfIndex(const fs::path& dir, const std::string& sample) {
  const fs::path copy = dir / "db";
  fs::copy(sample, copy, fs::copy_options::recursive);
  return copy.string();
}

// Xapian::Database::check trips AddressSanitizer inside libxapian 1.4.22 (a new/delete size
// mismatch in Xapian's own code), so `newsgrep check` runs with that one report off.
const RunOptions kCheckOptions = {
    .env = {
        absl::StrCat("ASAN_OPTIONS=new_delete_type_mismatch=0",
                     std::getenv("ASAN_OPTIONS") != nullptr ? ":" : "",
                     std::getenv("ASAN_OPTIONS") != nullptr ? std::getenv("ASAN_OPTIONS") : "")}};

// Issue point 7: with position.glass deleted, phrase, NEAR and ADJ silently became AND
// (exit 0). Opening such an index is DataLoss now, and `newsgrep check` says what is wrong.
TEST_F(CliEndToEndTest, SilentDegradationAMissingPositionTableIsAnErrorAndCheckNamesIt) {
  const std::string db = CopyOfIndex(NewDir("no-positions"), SampleDb());
  const RunResult sound = Run({"check", "--db", db}, kCheckOptions);
  EXPECT_EQ(sound.exit_code, 0) << sound;
  EXPECT_THAT(sound.out, HasSubstr("47 articles; no problem found")) << sound;
  EXPECT_THAT(sound.out,
              ::testing::ContainsRegex("people and places recognised with: .*iso-codes [^,]+, .*"))
      << sound;

  ASSERT_TRUE(fs::remove(fs::path(db) / "position.glass"));
  for (const char* query : {"\"security guarantees\"", "whitcombe NEAR/5 reporters", "nato"}) {
    const RunResult r = Run({"--db", db, query});
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.out, IsEmpty()) << r;
    EXPECT_THAT(r.err, HasSubstr("has no word positions (position.glass is missing")) << r;
  }
  const RunResult check = Run({"check", "--db", db}, kCheckOptions);
  EXPECT_EQ(check.exit_code, 2) << check;
  EXPECT_THAT(check.out, HasSubstr("no word positions")) << check;
}

// Issue point 5: a damaged index was told "create one with: newsgrep index".
TEST_F(CliEndToEndTest, LeftoversAndWrongMessagesADamagedIndexIsNotTakenForAMissingOne) {
  const std::string db = CopyOfIndex(NewDir("no-version-file"), SampleDb());
  ASSERT_TRUE(fs::remove(fs::path(db) / "iamglass"));
  const RunResult r = Run({"--db", db, "nato"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr(absl::StrCat("the index is damaged (newsgrep check --db ", db)))
      << r;
  EXPECT_THAT(r.err, Not(HasSubstr("create one with"))) << r;
}

// Issue point 5: a lock file that cannot be taken (here a directory in its place; as
// another user, one without permission) was reported as "locked by another writer".
TEST_F(CliEndToEndTest, LeftoversAndWrongMessagesALockThatCannotBeTakenIsNotAnotherWriter) {
  const fs::path db = NewDir("odd-lock") / "db";
  ASSERT_EQ(Run({"index", "-q", "--db", db.string(), kSampleArticles}).exit_code, 0);
  fs::remove(db / "flintlock");
  fs::create_directory(db / "flintlock");
  const RunResult r = Run({"index", "--db", db.string(), kSampleArticles});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("Is a directory")) << r;
  EXPECT_THAT(r.err, HasSubstr("no other writer holds the lock")) << r;
  EXPECT_THAT(r.err, Not(HasSubstr("locked by another"))) << r;
  EXPECT_THAT(r.err, HasSubstr("write lock on " + db.string() + ":")) << "the path given" << r;
}

TEST_F(CliEndToEndTest, CheckFindsADamagedTable) {
  const std::string db = CopyOfIndex(NewDir("damaged-table"), SampleDb());
  const fs::path termlist = fs::path(db) / "termlist.glass";
  fs::resize_file(termlist, fs::file_size(termlist) / 2);
  const RunResult r = Run({"check", "--db", db}, kCheckOptions);
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.out, HasSubstr("problem(s):")) << r;
  EXPECT_THAT(r.out, HasSubstr("Xapian's")) << r;
  const RunResult missing = Run({"check", "--db", (NewDir("no-index") / "x").string()});
  EXPECT_EQ(missing.exit_code, 2) << missing;
}

TEST_F(CliEndToEndTest, UsageErrorsExitTwo) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--db", SampleDb(), "--bogus", "nato"}, "newsgrep: unknown option '--bogus'"},
      {{"--db", SampleDb(), "-n", "many", "nato"}, "newsgrep: option -n needs a whole number"},
      {{"--db", SampleDb(), "--color=sometimes", "nato"}, "newsgrep: --color takes auto"},
      {{"--db", SampleDb()}, "newsgrep: no query given"},
      {{"index", "--db", SampleDb()}, "newsgrep: newsgrep index needs at least one file"},
      {{"index", "--db", SampleDb(), "-l", kSampleArticles}, "newsgrep: -l is a search option"},
      {{"help", "bogus"}, "newsgrep: no help for 'bogus'"},
  };
  for (const Case& c : cases) {
    const RunResult r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.out, IsEmpty()) << r;
    EXPECT_THAT(r.err, StartsWith(c.message)) << r;
    EXPECT_EQ(Lines(r.err).size(), 1u) << r;
  }
}

// ---------------------------------------------------------------------------------------
// 6. A closed pipe is not an error.

TEST_F(CliEndToEndTest, ClosedPipeIsNotAnError) {
  for (const std::string mode : {"", "--json", "-l"}) {
    std::vector<std::string> args = {"--db", SampleDb(), "--all", "-n", "40", "said"};
    if (!mode.empty()) args.push_back(mode);
    // The premise: the output is far larger than the (one-page) pipe, so the reader really
    // goes away while newsgrep is still writing.
    const RunResult whole = Run(args);
    ASSERT_EQ(whole.exit_code, 0) << whole;
    if (mode.empty()) {
      ASSERT_THAT(whole.out, HasSubstr("\n\n40. ")) << whole;
    } else {
      ASSERT_EQ(Lines(whole.out).size(), mode == "-l" ? 40u : 41u) << whole;
    }
    if (mode != "-l") {
      ASSERT_GT(whole.out.size(), 3u * 4096) << whole;
    }

    RunOptions head;
    head.close_stdout_after_first_line = true;
    const RunResult r = Run(args, head);
    SCOPED_TRACE(r.command);
    EXPECT_EQ(r.exit_code, 0) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    EXPECT_EQ(r.out, whole.out.substr(0, whole.out.find('\n') + 1)) << r;
  }
}

// ---------------------------------------------------------------------------------------
// 7. Subcommands and help.

TEST_F(CliEndToEndTest, SearchAndDoubleDashSearchForTheWordIndex) {
  // Only the markets story has the word (as "indexes", the same stem); a query that is not
  // a command name finds it without any help from the command-line parser.
  const RunResult expected = Run({"--db", SampleDb(), "-l", "-n", "100", "indexes"});
  ASSERT_EQ(expected.out,
            "data/sample/articles/meridian/wall-street-ends-mixed-as-chip-stocks-slide.txt\n")
      << expected;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"search", "index", "--db", SampleDb(), "-l", "-n", "100"},
           {"--db", SampleDb(), "-l", "-n", "100", "--", "index"},
           {"search", "--db", SampleDb(), "-l", "-n", "100", "--", "index"}}) {
    const RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 0) << r;
    EXPECT_THAT(r.err, Not(HasSubstr("indexed"))) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    EXPECT_EQ(r.out, expected.out) << r;
    for (const std::string& id : Lines(r.out)) EXPECT_EQ(SampleIds().count(id), 1u) << id;
  }
  // The text search, without -l, too.
  const RunResult text = Run({"search", "index", "--db", SampleDb()});
  EXPECT_THAT(text.err, IsEmpty()) << text;
  EXPECT_EQ(text.exit_code, 0) << text;
  EXPECT_THAT(text.out, StartsWith("1. Wall Street")) << text;
  // Nothing was added to the index.
  EXPECT_EQ(Count(SampleDb(), "said"), kSampleArticleCount);
  const RunResult counted = Run({"--db", SampleDb(), "-c", "--", "index"});
  EXPECT_EQ(counted.exit_code, 0) << counted;
  EXPECT_EQ(counted.out, "1\n") << counted;
  // Without `search` or `--`, a leading "index" is the index command (here: a usage error,
  // since -l belongs to search).
  const RunResult command = Run({"--db", SampleDb(), "-l", "index"});
  EXPECT_EQ(command.exit_code, 2) << command;
  EXPECT_THAT(command.err, HasSubstr("-l is a search option, not an index option")) << command;
}

TEST_F(CliEndToEndTest, HelpPrintsUsageAndExitsZero) {
  const RunResult general = Run({"--help"});
  EXPECT_EQ(general.exit_code, 0) << general;
  EXPECT_THAT(general.err, IsEmpty()) << general;
  EXPECT_THAT(general.out, StartsWith("newsgrep: full-text search for news articles\n"));
  EXPECT_THAT(general.out, HasSubstr("Usage:\n  newsgrep index [OPTIONS] PATH..."));
  EXPECT_EQ(Run({"-h"}).out, general.out);
  EXPECT_EQ(Run({"help"}).out, general.out);

  const RunResult index = Run({"index", "--help"});
  EXPECT_EQ(index.exit_code, 0) << index;
  EXPECT_THAT(index.err, IsEmpty()) << index;
  EXPECT_THAT(index.out, StartsWith("Usage: newsgrep index [OPTIONS] PATH...\n")) << index;
  EXPECT_THAT(index.out, HasSubstr("--commit-every N")) << index;
  const RunResult help_index = Run({"help", "index"});
  EXPECT_EQ(help_index.exit_code, 0) << help_index;
  EXPECT_EQ(help_index.out, index.out);

  const RunResult search = Run({"search", "--help"});
  EXPECT_EQ(search.exit_code, 0) << search;
  EXPECT_THAT(search.err, IsEmpty()) << search;
  EXPECT_THAT(search.out, StartsWith("Usage: newsgrep [search] [OPTIONS] QUERY...\n")) << search;
  EXPECT_THAT(search.out, HasSubstr("-l, --ids-only")) << search;
  EXPECT_EQ(Run({"help", "search"}).out, search.out);
  EXPECT_NE(search.out, index.out);
  EXPECT_NE(search.out, general.out);

  // --help wins over everything else on the line and needs no index.
  const RunResult with_query = Run({"--db", "/nonexistent/x", "nato", "--help"});
  EXPECT_EQ(with_query.exit_code, 0) << with_query;
  EXPECT_EQ(with_query.out, general.out);

  const RunResult version = Run({"--version"});
  EXPECT_EQ(version.exit_code, 0) << version;
  EXPECT_EQ(version.out, "newsgrep 0.1.0\n") << version;
}

// ---------------------------------------------------------------------------------------
// 8. Bad input for `newsgrep index`.

// Runs `newsgrep index --db <dir>/db <inputs>` in `dir`.
RunResult IndexIn(const fs::path& dir, std::vector<std::string> inputs, const std::string& home,
                  std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"index", "--db", (dir / "db").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), inputs.begin(), inputs.end());
  RunOptions options;
  options.cwd = dir.string();
  return RunNewsgrep(args, home, options);
}

constexpr char kGoodText[] = "Title: Okapi sighted\nDate: 2025-08-20\n\nAn okapi was seen.\n";

TEST_F(CliEndToEndTest, IndexSkipsEmptyFile) {
  const fs::path dir = NewDir("empty-file");
  WriteFile(dir / "in/empty.txt", "");
  WriteFile(dir / "in/blank.txt", " \n\n\t\n");
  WriteFile(dir / "in/good.txt", kGoodText);
  const RunResult r = IndexIn(dir, {"in"}, Home());
  EXPECT_EQ(r.exit_code, 1) << r;
  EXPECT_THAT(r.out, IsEmpty()) << r;
  EXPECT_THAT(r.err, HasSubstr("newsgrep: in/empty.txt: empty file (skipped)\n")) << r;
  EXPECT_THAT(r.err, HasSubstr("newsgrep: in/blank.txt: empty file (skipped)\n")) << r;
  EXPECT_THAT(r.err, HasSubstr("newsgrep: indexed 1 articles from 3 files")) << r;
  EXPECT_THAT(r.err, HasSubstr("; 1 in index; 2 skipped, 0 repaired\n")) << r;
  EXPECT_THAT(Ids((dir / "db").string(), "okapi"), ElementsAre("in/good.txt"));
}

// Reading commands search several indexes as one.
TEST_F(CliEndToEndTest, SeveralDbsAreSearchedAsOne) {
  const fs::path dir = NewDir("second-db");
  WriteFile(dir / "in/okapi.txt",
            "Title: Okapi sighted\nDate: 2025-08-20\n\nAn okapi was seen near the NATO base.\n");
  ASSERT_EQ(IndexIn(dir, {"in"}, Home()).exit_code, 0);
  const std::string second = (dir / "db").string();
  const RunResult okapi = Run({"--db", SampleDb(), "--db", second, "-l", "okapi"});
  EXPECT_EQ(okapi.exit_code, 0) << okapi;
  EXPECT_EQ(okapi.out, "in/okapi.txt\n") << okapi;
  // A word both have: the hits of each, counted as one search.
  const std::vector<std::string> sample = Ids(SampleDb(), "nato", {"-n", "100"});
  const std::vector<std::string> both = Ids(SampleDb(), "nato", {"-n", "100", "--db", second});
  EXPECT_EQ(both.size(), sample.size() + 1);
  EXPECT_THAT(both, Contains("in/okapi.txt"));
  const RunResult show = Run({"show", "--db", SampleDb(), "--db", second, "in/okapi.txt"});
  EXPECT_EQ(show.exit_code, 0) << show;
  EXPECT_THAT(show.out, HasSubstr("Okapi sighted")) << show;
  // The same index twice would count its articles twice.
  const RunResult twice = Run({"--db", SampleDb(), "--db", SampleDb() + "/", "nato"});
  EXPECT_EQ(twice.exit_code, 2) << twice;
  EXPECT_THAT(twice.err, HasSubstr("given twice")) << twice;
  // A missing one is named.
  const RunResult missing = Run({"--db", SampleDb(), "--db", (dir / "nowhere").string(), "nato"});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_THAT(missing.err, HasSubstr(absl::StrCat("no index at ", (dir / "nowhere").string())));
}

TEST_F(CliEndToEndTest, IndexSkipsBinaryFile) {
  const fs::path dir = NewDir("binary-file");
  constexpr char kContent[] = "Title: pangolin\n\npangolin\0\x01\x02\xff";
  WriteFile(dir / "in/image.dat", absl::string_view(kContent, sizeof kContent - 1));
  WriteFile(dir / "in/good.txt", kGoodText);
  const RunResult r = IndexIn(dir, {"in"}, Home());
  EXPECT_EQ(r.exit_code, 1) << r;
  EXPECT_THAT(r.err, HasSubstr("newsgrep: in/image.dat: binary file (contains NUL bytes), not "
                               "read (skipped)\n"))
      << r;
  EXPECT_THAT(r.err, HasSubstr("; 1 in index; 1 skipped, 0 repaired\n")) << r;
  EXPECT_EQ(Count((dir / "db").string(), "pangolin"), 0u);
  EXPECT_EQ(Count((dir / "db").string(), "okapi"), 1u);
}

TEST_F(CliEndToEndTest, IndexSkipsMalformedJsonLineAndKeepsTheOthers) {
  const fs::path dir = NewDir("malformed-jsonl");
  WriteFile(dir / "feed.jsonl",
            "{\"id\": \"good-1\", \"title\": \"First wombat\", \"body\": \"Alpha.\"}\n"
            "{\"id\": \"bad-2\", \"title\": \"Broken wombat\", \"body\": }\n"
            "{\"id\": \"good-3\", \"title\": \"Third wombat\", \"body\": \"Gamma.\"}\n");
  const RunResult r = IndexIn(dir, {"feed.jsonl"}, Home());
  EXPECT_EQ(r.exit_code, 1) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 2u) << r;
  EXPECT_THAT(err[0], StartsWith("newsgrep: feed.jsonl:2:")) << r;
  EXPECT_THAT(err[0], HasSubstr("malformed JSON")) << r;
  EXPECT_THAT(err[0], testing::EndsWith("(skipped)")) << r;
  EXPECT_THAT(err[1], StartsWith("newsgrep: indexed 2 articles from 1 files")) << r;
  EXPECT_THAT(err[1], testing::EndsWith("; 2 in index; 1 skipped, 0 repaired")) << r;

  const std::string db = (dir / "db").string();
  std::vector<std::string> ids = Ids(db, "wombat");
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("good-1", "good-3"));
  EXPECT_EQ(Count(db, "id:good-1"), 1u);
  EXPECT_EQ(Count(db, "id:good-3"), 1u);
  EXPECT_EQ(Count(db, "id:bad-2"), 0u);
  EXPECT_EQ(Count(db, "broken"), 0u);
}

TEST_F(CliEndToEndTest, IndexRepairsInvalidUtf8AndExitsZero) {
  const fs::path dir = NewDir("latin1");
  WriteFile(dir / "latin1.txt",
            "Title: Corner caf\xe9 reopens\n\nThe caf\xe9 on the square "
            "reopened on Monday.\n");
  const RunResult r = IndexIn(dir, {"latin1.txt"}, Home());
  EXPECT_EQ(r.exit_code, 0) << "a repair is not a skip" << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 2u) << r;
  EXPECT_THAT(err[0], StartsWith("newsgrep: latin1.txt: 2 byte(s) that are not UTF-8")) << r;
  EXPECT_THAT(err[0], testing::EndsWith("(repaired)")) << r;
  EXPECT_THAT(err[1], testing::EndsWith("; 1 in index; 0 skipped, 1 repaired")) << r;

  const std::string db = (dir / "db").string();
  const RunResult json = Run({"--db", db, "--json", "café"});
  ASSERT_EQ(json.exit_code, 0) << json;
  const std::vector<std::string> lines = Lines(json.out);
  ASSERT_EQ(lines.size(), 2u) << json;
  const nlohmann::json hit = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(hit.at("id"), "latin1.txt");
  EXPECT_EQ(hit.at("title"), "Corner café reopens");
  EXPECT_EQ(hit.at("snippet"), "The café on the square reopened on Monday.");
  EXPECT_EQ(hit.at("highlights"), nlohmann::json::parse("[[4,9]]"));  // "café" is 5 bytes
  EXPECT_EQ(Count(db, "title:café"), 1u);
}

// Issue point 2: a 600 KB .jsonl.gz holding one 200 MB body took 3.2 GB to index (and
// 3.5 GB for each search that hit it); under a 1.5 GB limit indexing aborted and lost the
// good file beside it. The limits (ReadLimits) keep both bounded: the 200 MB record is
// skipped, a 10 MB body is cut to 1 MiB, and the good articles are indexed. Memory is read
// as each run's peak RSS: `ulimit -v` cannot be used, as the sanitizers reserve terabytes
// of address space.
TEST_F(CliEndToEndTest, UnboundedMemorySizeBombsAreSkippedOrCutAndTheRestIndexed) {
  const fs::path dir = NewDir("size-bombs");
  std::string huge;
  huge.reserve(200u << 20);
  while (huge.size() < (200u << 20)) huge += "flood warning issued ";
  WriteGzipFile((dir / "in/bomb.jsonl.gz").string(),
                absl::StrCat(R"({"id":"bomb","title":"Bomb","body":")", huge, "\"}\n"));
  huge.resize(10u << 20);
  WriteGzipFile((dir / "in/big.jsonl.gz").string(),
                absl::StrCat(R"({"id":"big","title":"Big","body":")", huge, "\"}\n"));
  huge.clear();
  huge.shrink_to_fit();
  WriteFile((dir / "in/good.jsonl").string(),
            "{\"id\":\"good-1\",\"title\":\"Tide tables\",\"body\":\"The flood tide.\"}\n"
            "{\"id\":\"good-2\",\"title\":\"Harbour\",\"body\":\"Cranes and a flood.\"}\n");
  const std::string db = (dir / "db").string();
  const RunResult index = Run({"index", "--db", db, (dir / "in").string()});
  EXPECT_EQ(index.exit_code, 1) << index;  // something was skipped
  EXPECT_THAT(index.err, HasSubstr("bomb.jsonl.gz:1: record longer than 16777216 bytes (the "
                                   "limit), not read (skipped)"))
      << index;
  EXPECT_THAT(index.err, HasSubstr("big.jsonl.gz:1: body of 10485760 bytes cut to")) << index;
  EXPECT_THAT(index.err, HasSubstr("; 3 in index")) << index;
  EXPECT_LT(index.peak_rss_kb, 1024 * 1024) << index;
  const RunResult search = Run({"--db", db, "--all", "-l", "flood"});
  EXPECT_EQ(search.exit_code, 0) << search;
  std::vector<std::string> ids = Lines(search.out);
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("big", "good-1", "good-2")) << search;
  EXPECT_LT(search.peak_rss_kb, 512 * 1024) << search;
  std::printf("size bombs: index peak RSS %ld MB, search %ld MB\n", index.peak_rss_kb / 1024,
              search.peak_rss_kb / 1024);
}

TEST_F(CliEndToEndTest, IndexReadsGzippedJsonLines) {
  const fs::path dir = NewDir("gzip");
  WriteGzipFile(dir / "feed.jsonl.gz",
                "{\"id\": \"gz-1\", \"title\": \"Quokka census\", \"body\": \"Counted.\", "
                "\"date\": \"2025-08-19T08:00:00Z\", \"source\": \"Island Post\"}\n"
                "{\"id\": \"gz-2\", \"title\": \"Second quokka story\", \"body\": \"More.\"}\n");
  const RunResult r = IndexIn(dir, {"feed.jsonl.gz"}, Home());
  EXPECT_EQ(r.exit_code, 0) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 1u) << r;
  EXPECT_THAT(err[0], StartsWith("newsgrep: indexed 2 articles from 1 files")) << r;
  EXPECT_THAT(err[0], testing::EndsWith("; 2 in index")) << r;
  const std::string db = (dir / "db").string();
  std::vector<std::string> ids = Ids(db, "quokka");
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("gz-1", "gz-2"));
  EXPECT_EQ(Count(db, "source:island"), 1u);
}

TEST_F(CliEndToEndTest, IndexReportsDanglingSymlink) {
  const fs::path dir = NewDir("dangling");
  WriteFile(dir / "in/good.txt", kGoodText);
  fs::create_symlink(dir / "does-not-exist.txt", dir / "in/link.txt");
  const RunResult r = IndexIn(dir, {"in"}, Home());
  EXPECT_EQ(r.exit_code, 1) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 2u) << r;
  EXPECT_THAT(err[0], StartsWith("newsgrep: in/link.txt: cannot ")) << r;
  EXPECT_THAT(err[0], HasSubstr("No such file or directory")) << r;
  EXPECT_THAT(err[0], testing::EndsWith("(skipped)")) << r;
  EXPECT_THAT(err[1], testing::EndsWith("; 1 in index; 1 skipped, 0 repaired")) << r;
  EXPECT_EQ(Count((dir / "db").string(), "okapi"), 1u);

  // Named directly on the command line, a missing input is reported the same way.
  const RunResult direct = IndexIn(dir, {"in/link.txt", "in/nothing-here.txt"}, Home());
  EXPECT_EQ(direct.exit_code, 1) << direct;
  EXPECT_THAT(direct.err, HasSubstr("newsgrep: in/link.txt: cannot ")) << direct;
  EXPECT_THAT(direct.err, HasSubstr("newsgrep: in/nothing-here.txt: cannot ")) << direct;
  EXPECT_THAT(direct.err, HasSubstr("; 2 skipped, 0 repaired\n")) << direct;
}

TEST_F(CliEndToEndTest, IndexMixedDirectoryReportsEveryProblemAndIndexesTheRest) {
  const fs::path dir = NewDir("mixed");
  WriteFile(dir / "in/a-empty.txt", "");
  constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  WriteFile(dir / "in/b-binary.bin", absl::string_view(kPng, sizeof kPng - 1));
  WriteFile(dir / "in/c-feed.jsonl",
            "{\"id\": \"m1\", \"title\": \"Narwhal one\", \"body\": \"x\"}\n"
            "not json at all\n"
            "{\"id\": \"m3\", \"title\": \"Narwhal three\", \"body\": \"y\"}\n");
  WriteFile(dir / "in/d-latin1.txt", "Title: Cr\xe8me narwhal\n\nbody\n");
  WriteGzipFile(dir / "in/e-feed.jsonl.gz",
                "{\"id\": \"m5\", \"title\": \"Narwhal five\", \"body\": \"z\"}\n");
  fs::create_symlink(dir / "missing", dir / "in/f-link.txt");
  WriteFile(dir / "in/.hidden.txt", "Title: Hidden narwhal\n\nnot indexed\n");

  const RunResult r = IndexIn(dir, {"in"}, Home(), {"-q"});
  EXPECT_EQ(r.exit_code, 1) << r;
  EXPECT_THAT(r.out, IsEmpty()) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 6u) << r;  // five problems, in name order, and the summary
  EXPECT_THAT(err[0], AllOf(StartsWith("newsgrep: in/a-empty.txt: "), HasSubstr("(skipped)")));
  EXPECT_THAT(err[1],
              AllOf(StartsWith("newsgrep: in/b-binary.bin: binary"), HasSubstr("(skipped)")));
  EXPECT_THAT(err[2], AllOf(StartsWith("newsgrep: in/c-feed.jsonl:2:"), HasSubstr("(skipped)")));
  EXPECT_THAT(err[3], AllOf(StartsWith("newsgrep: in/d-latin1.txt: 1 byte(s) that are not UTF-8"),
                            HasSubstr("(repaired)")));
  EXPECT_THAT(err[4], AllOf(StartsWith("newsgrep: in/f-link.txt: cannot"), HasSubstr("(skipped)")));
  EXPECT_THAT(err[5], StartsWith("newsgrep: indexed 4 articles from 6 files")) << r;
  EXPECT_THAT(err[5], testing::EndsWith("; 4 in index; 4 skipped, 1 repaired")) << r;

  std::vector<std::string> ids = Ids((dir / "db").string(), "narwhal");
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("in/d-latin1.txt", "m1", "m3", "m5"));
  EXPECT_EQ(Count((dir / "db").string(), "crème"), 1u);
}

// Web pages that cannot be read as they claim: each named with what happened, the rest
// indexed, exit 1.
TEST_F(CliEndToEndTest, BadWebPagesAreReportedAndTheRestIndexed) {
  const fs::path dir = NewDir("bad-pages");
  const std::string story =
      "<p>Harbour officials said on Tuesday that the new cranes, ordered in 2023, would be "
      "running by the spring, doubling the terminal's capacity.</p><p>The port has struggled "
      "with congestion since the winter, when storms closed the approaches for nine days.</p>";
  WriteFile(dir / "in/a-charset.html",
            "<html><head><meta charset=\"x-unknown-9\"><title>Cranes arrive</title></head><body>" +
                story + "</body></html>");
  WriteFile(dir / "in/b-empty.html",
            "<html><head><title>Nothing</title></head><body><nav><a href=\"/\">Home</a></nav>"
            "</body></html>");
  constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  WriteFile(dir / "in/c-photo.htm", absl::string_view(kPng, sizeof kPng - 1));
  WriteFile(dir / "in/d-report.html",
            "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj<</Type/Catalog>>endobj\n");
  WriteFile(
      dir / "in/e-latin1.html",
      "<html><head><title>Cr\xE8me of the harbour</title></head><body>" + story + "</body></html>");
  std::string deep = "<html><head><title>Deep cranes</title></head><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  WriteFile(dir / "in/f-deep.html", deep + story);

  const RunResult r = IndexIn(dir, {"in"}, Home(), {"-q"});
  EXPECT_EQ(r.exit_code, 1) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 6u) << r;  // five problems, in name order, and the summary
  EXPECT_EQ(err[0],
            "newsgrep: in/a-charset.html: unknown character set \"x-unknown-9\": read as UTF-8 "
            "(repaired)");
  EXPECT_EQ(err[1],
            "newsgrep: in/b-empty.html: web page with no article text, not indexed (skipped)");
  EXPECT_EQ(err[2], "newsgrep: in/c-photo.htm: binary file (a PNG image), not read (skipped)");
  EXPECT_EQ(err[3], "newsgrep: in/d-report.html: binary file (a PDF document), not read (skipped)");
  EXPECT_THAT(err[4], AllOf(StartsWith("newsgrep: in/e-latin1.html: 1 byte(s) that are not UTF-8"),
                            HasSubstr("(repaired)")));
  EXPECT_THAT(err[5], StartsWith("newsgrep: indexed 3 articles from 6 files")) << r;
  const std::string db = (dir / "db").string();
  EXPECT_EQ(Count(db, "cranes"), 3u);
  EXPECT_EQ(Count(db, "title:crème"), 1u);
  EXPECT_EQ(Count(db, "title:deep"), 1u);
}

TEST_F(CliEndToEndTest, IndexCleanInputExitsZeroAndQuietIsSilent) {
  const fs::path dir = NewDir("clean");
  WriteFile(dir / "in/one.txt", kGoodText);
  WriteFile(dir / "in/two.jsonl", "{\"id\": \"t2\", \"title\": \"Okapi two\"}\n");
  const RunResult r = IndexIn(dir, {"in"}, Home());
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(r.out, IsEmpty()) << r;
  const std::vector<std::string> err = Lines(r.err);
  ASSERT_EQ(err.size(), 1u) << r;
  EXPECT_THAT(err[0], StartsWith("newsgrep: indexed 2 articles from 2 files")) << r;
  EXPECT_THAT(err[0], Not(HasSubstr("skipped"))) << r;

  const RunResult quiet = IndexIn(dir, {"in"}, Home(), {"-q"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet;
  EXPECT_THAT(quiet.err, IsEmpty()) << quiet;
  EXPECT_EQ(Count((dir / "db").string(), "okapi"), 2u);
}

// ---------------------------------------------------------------------------------------
// 9. Re-indexing an id replaces the article.

TEST_F(CliEndToEndTest, ReindexingAnIdReplacesTheArticle) {
  const fs::path dir = NewDir("replace");
  const std::string db = (dir / "db").string();
  WriteFile(dir / "x.jsonl", "{\"id\": \"x1\", \"title\": \"Aardvark festival opens\"}\n");
  RunResult r = IndexIn(dir, {"x.jsonl"}, Home());
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(Count(db, "aardvark"), 1u);
  EXPECT_EQ(Count(db, "bonobo"), 0u);

  WriteFile(dir / "x.jsonl", "{\"id\": \"x1\", \"title\": \"Bonobo festival opens\"}\n");
  r = IndexIn(dir, {"x.jsonl"}, Home());
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(r.err, HasSubstr("; 1 in index\n")) << r;
  EXPECT_EQ(Count(db, "aardvark"), 0u);
  EXPECT_EQ(Count(db, "bonobo"), 1u);
  EXPECT_EQ(Count(db, "festival"), 1u);
  EXPECT_EQ(Count(db, "id:x1"), 1u);
  const RunResult json = Run({"--db", db, "--json", "festival"});
  ASSERT_EQ(Lines(json.out).size(), 2u) << json;
  EXPECT_EQ(nlohmann::json::parse(Lines(json.out)[0])["title"], "Bonobo festival opens");
}

// ---------------------------------------------------------------------------------------
// 10. The index location from the environment.

TEST_F(CliEndToEndTest, NewsgrepDbEnvironmentIsTheDefaultIndex) {
  const fs::path dir = NewDir("env");
  WriteFile(dir / "in/one.txt", kGoodText);
  const std::string env_db = (dir / "env-db").string();
  RunOptions options;
  options.cwd = dir.string();
  options.env = {absl::StrCat("NEWSGREP_DB=", env_db)};

  const RunResult indexed = Run({"index", "in"}, options);
  EXPECT_EQ(indexed.exit_code, 0) << indexed;
  EXPECT_THAT(indexed.err, HasSubstr(absl::StrCat(" into ", env_db, "; 1 in index"))) << indexed;
  EXPECT_TRUE(fs::is_directory(env_db));

  const RunResult found = Run({"-l", "okapi"}, options);
  EXPECT_EQ(found.exit_code, 0) << found;
  EXPECT_EQ(found.out, "in/one.txt\n") << found;
  EXPECT_THAT(found.err, IsEmpty()) << found;

  // --db wins over NEWSGREP_DB.
  const RunResult flag = Run({"--db", SampleDb(), "-c", "okapi"}, options);
  EXPECT_EQ(flag.exit_code, 1) << flag;
  EXPECT_EQ(flag.out, "0\n") << flag;

  // Without NEWSGREP_DB: $XDG_DATA_HOME/newsgrep/index, then ~/.local/share/newsgrep/index.
  const std::string xdg = (dir / "xdg").string();
  RunOptions with_xdg;
  with_xdg.cwd = dir.string();
  with_xdg.env = {absl::StrCat("XDG_DATA_HOME=", xdg)};
  const RunResult xdg_index = Run({"index", "in"}, with_xdg);
  EXPECT_EQ(xdg_index.exit_code, 0) << xdg_index;
  EXPECT_TRUE(fs::is_directory(fs::path(xdg) / "newsgrep/index"));
  EXPECT_EQ(Run({"-l", "okapi"}, with_xdg).out, "in/one.txt\n");

  const RunResult no_home_index = Run({"okapi"});
  EXPECT_EQ(no_home_index.exit_code, 2) << no_home_index;
  EXPECT_THAT(no_home_index.err, HasSubstr(absl::StrCat("newsgrep index --db ", Home(),
                                                        "/.local/share/newsgrep/index")))
      << no_home_index;
}

// The config file (issue 32): defaults from the file NEWSGREP_CONFIG names, the command
// line winning, --no-config reading none, a bad file an error naming it.
TEST_F(CliEndToEndTest, TheConfigFileGivesDefaultOptionsTheCommandLineOverrides) {
  const fs::path dir = NewDir("config");
  const std::string config = (dir / "config").string();
  WriteFile(config, absl::StrCat("# defaults\n--db=", SampleDb(), "\n-n 1\n--quiet\n"));
  RunOptions with_config = kCheckOptions;
  with_config.env.push_back(absl::StrCat("NEWSGREP_CONFIG=", config));
  RunResult r = Run({"-l", "nato"}, with_config);
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r;
  r = Run({"-l", "-n", "3", "nato"}, with_config);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r;
  r = Run({"check"}, with_config);  // --db from the file; -n and --quiet are not check's
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(r.out, HasSubstr("47 articles")) << r;
  r = Run({"--no-config", "-l", "nato"}, with_config);  // no --db: the default index
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("no index at")) << r;

  WriteFile(config, "");  // an empty file is no error
  r = Run({"--db", SampleDb(), "-l", "-n", "2", "nato"}, with_config);
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r;

  WriteFile(config, "--db\n");
  r = Run({"nato"}, with_config);
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr(config + ":1: option --db needs a value")) << r;
  with_config.env.back() = absl::StrCat("NEWSGREP_CONFIG=", dir.string());
  r = Run({"nato"}, with_config);
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("not a regular file")) << r;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// 11. One hit per story: near-duplicate clusters collapse at search time.

// Every version of the anchor wire story (data/sample/clusters.tsv, nato-chods-brussels-wire).
const std::set<std::string>& AnchorStoryIds() {
  static const std::set<std::string> ids = {
      "data/sample/articles/wire/nato-chiefs-weigh-security-guarantees.txt",
      "data/sample/articles/wire/nato-chiefs-weigh-security-guarantees-update1.txt",
      "data/sample/articles/dailyherald/nato-defence-chiefs-weigh-security-guarantees.txt",
      "data/sample/articles/metroview/defence-chiefs-weigh-guarantees-for-ukraine.txt",
      "data/sample/articles/eurobrief/allied-military-chiefs-discuss-kyiv-guarantees.txt",
      "rss-0001"};
  return ids;
}

TEST_F(CliEndToEndTest, RepublishedStoryIsOneHitWithItsVersionCount) {
  const RunResult r = Run({"--db", SampleDb(), "--json", "-n", "100", "security guarantees"});
  ASSERT_EQ(r.exit_code, 0) << r;
  size_t anchor_hits = 0;
  std::set<std::string> clusters;
  for (const std::string& line : Lines(r.out)) {
    const nlohmann::json object = nlohmann::json::parse(line);
    if (object["type"] != "hit") continue;
    EXPECT_TRUE(clusters.insert(object["cluster_id"].get<std::string>()).second)
        << "two hits of one cluster: " << line;
    if (AnchorStoryIds().count(object["id"].get<std::string>()) == 0) continue;
    ++anchor_hits;
    EXPECT_EQ(object["similar_count"], 5) << line;
    // The representative of copies with equal scores is the earliest version.
    EXPECT_EQ(object["date"], "2025-08-20T14:05:00Z") << line;
  }
  EXPECT_EQ(anchor_hits, 1u) << r;
}

TEST_F(CliEndToEndTest, AllShowsEveryVersionInOneCluster) {
  const RunResult r =
      Run({"--db", SampleDb(), "--all", "--json", "-n", "100", "security guarantees"});
  ASSERT_EQ(r.exit_code, 0) << r;
  std::set<std::string> anchor_clusters;
  size_t anchor_hits = 0;
  for (const std::string& line : Lines(r.out)) {
    const nlohmann::json object = nlohmann::json::parse(line);
    if (object["type"] != "hit" || AnchorStoryIds().count(object["id"].get<std::string>()) == 0) {
      continue;
    }
    ++anchor_hits;
    anchor_clusters.insert(object["cluster_id"].get<std::string>());
  }
  EXPECT_EQ(anchor_hits, 6u) << r;
  EXPECT_EQ(anchor_clusters.size(), 1u) << r;
}

TEST_F(CliEndToEndTest, DistinctArticlesAboutTheSameEventStaySeparate) {
  // The preview, the Kyiv and Moscow reactions and the analysis share people, places and
  // phrases with the anchor story but are separately written: each is its own hit.
  for (const char* id :
       {"data/sample/articles/meridian/allied-chiefs-to-meet-as-guarantees-take-shape.txt",
        "data/sample/articles/eurobrief/kyiv-welcomes-nato-talks-wants-guarantees-with-teeth.txt",
        "data/sample/articles/northerncourier/moscow-warns-west-against-troops-in-ukraine.txt",
        "data/sample/articles/eurobrief/analysis-security-guarantees-who-goes-first.txt"}) {
    const RunResult r = Run({"--db", SampleDb(), "similar", id});
    EXPECT_EQ(r.exit_code, 1) << r;  // no other versions
    EXPECT_THAT(r.out, HasSubstr("0 other version(s)")) << r;
  }
}

TEST_F(CliEndToEndTest, SimilarListsTheOtherVersionsAndHowTheyDiffer) {
  const RunResult text = Run({"--db", SampleDb(), "similar", "rss-0001"});
  ASSERT_EQ(text.exit_code, 0) << text;
  EXPECT_THAT(text.out, HasSubstr("5 other version(s)")) << text;
  EXPECT_THAT(text.out, HasSubstr("Daily Herald")) << text;
  EXPECT_THAT(text.out, HasSubstr("same text")) << text;
  EXPECT_THAT(text.out, HasSubstr("other title")) << text;

  const RunResult json = Run({"--db", SampleDb(), "similar", "--json", "rss-0001"});
  ASSERT_EQ(json.exit_code, 0) << json;
  std::set<std::string> ids;
  std::string previous_date;
  for (const std::string& line : Lines(json.out)) {
    const nlohmann::json object = nlohmann::json::parse(line);
    EXPECT_EQ(object["type"], "version") << line;
    EXPECT_EQ(object["format_version"], 1) << line;
    ids.insert(object["id"].get<std::string>());
    EXPECT_GT(object["words"].get<size_t>(), 300u) << line;
    EXPECT_GE(object["shared_text"].get<double>(), 0.8) << line;
    const std::string date = object["date"].get<std::string>();
    EXPECT_LE(previous_date, date) << "not earliest first: " << line;
    previous_date = date;
  }
  std::set<std::string> expected = AnchorStoryIds();
  expected.erase("rss-0001");
  EXPECT_EQ(ids, expected);

  const RunResult missing = Run({"--db", SampleDb(), "similar", "no-such-id"});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_THAT(missing.err, HasSubstr("no article with id no-such-id")) << missing;
}

TEST_F(CliEndToEndTest, ShowPrintsWholeArticlesWithTheirEntitiesAndOtherVersions) {
  const RunResult text = Run({"--db", SampleDb(), "show", "rss-0001"});
  ASSERT_EQ(text.exit_code, 0) << text;
  EXPECT_THAT(text.out, StartsWith("NATO defence chiefs weigh security guarantees for Ukraine\n"
                                   "   2025-08-20 14:05 UTC · Continental Wire · rss-0001\n"))
      << text;
  EXPECT_THAT(text.out, HasSubstr("Defence ministers are expected to review the military "
                                  "options when they meet in Brussels in the autumn."))
      << "the whole text, its last paragraph too" << text;
  EXPECT_THAT(text.out, HasSubstr("\nPeople: Giancarlo De Santis Ferri (2); ")) << text;
  EXPECT_THAT(text.out, HasSubstr("Kyiv (city, UA)")) << text;
  EXPECT_THAT(text.out, HasSubstr("\u201cunacceptable in any form\u201d \u2014 Dmitriy Sokolov"))
      << text;
  EXPECT_THAT(text.out, HasSubstr("\nOther versions (5): ")) << text;
  // On a terminal (here: --color always) the quotes stand out in the text.
  const RunResult colored = Run({"--db", SampleDb(), "--color", "always", "show", "rss-0001"});
  ASSERT_EQ(colored.exit_code, 0) << colored;
  EXPECT_THAT(colored.out,
              HasSubstr("would be \u201c\x1b[36munacceptable in any form\x1b[0m\u201d"))
      << colored;
  // The people and places too, by name or surname.
  EXPECT_THAT(colored.out, HasSubstr("\x1b[33mDmitriy Sokolov\x1b[0m")) << colored;
  EXPECT_THAT(colored.out, HasSubstr(". \x1b[33mHorodetskyy\x1b[0m said")) << colored;
  EXPECT_THAT(colored.out, HasSubstr("\x1b[32mBrussels\x1b[0m")) << colored;
  EXPECT_THAT(text.out, Not(HasSubstr("\x1b["))) << "no colour unless asked or on a terminal";

  const RunResult json = Run({"--db", SampleDb(), "show", "--json", "rss-0001", "no-such-id",
                              "data/sample/articles/eurobrief/"
                              "analysis-security-guarantees-who-goes-first.txt"});
  EXPECT_EQ(json.exit_code, 1) << "one id is not there" << json;
  EXPECT_THAT(json.err, HasSubstr("newsgrep: no article with id no-such-id")) << json;
  const std::vector<std::string> lines = Lines(json.out);
  ASSERT_EQ(lines.size(), 2u) << json;
  const nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["type"], "article");
  EXPECT_EQ(first["format_version"], 1);
  EXPECT_EQ(first["id"], "rss-0001");
  EXPECT_THAT(first["body"].get<std::string>(), HasSubstr("in the autumn."));
  std::set<std::string> others;
  for (const nlohmann::json& id : first["other_versions"]) others.insert(id.get<std::string>());
  std::set<std::string> expected = AnchorStoryIds();
  expected.erase("rss-0001");
  EXPECT_EQ(others, expected);
  bool sokolov = false;
  for (const nlohmann::json& quote : first["quotes"]) {
    sokolov |= quote["speaker"] == "Dmitriy Sokolov" && quote["text"] == "unacceptable in any form";
  }
  EXPECT_TRUE(sokolov) << lines[0];
  // Where the names are: offsets into the body, in order, each a name of the article.
  const std::string body = first["body"].get<std::string>();
  std::set<std::string> kinds, named;
  size_t previous_end = 0;
  for (const nlohmann::json& m : first["mentions"]) {
    const size_t begin = m["begin"].get<size_t>(), end = m["end"].get<size_t>();
    ASSERT_LT(begin, end) << m;
    ASSERT_LE(end, body.size()) << m;
    EXPECT_GE(begin, previous_end) << "overlapping or out of order: " << m;
    previous_end = end;
    kinds.insert(m["kind"].get<std::string>());
    named.insert(body.substr(begin, end - begin));
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"person", "place"}));
  EXPECT_TRUE(named.count("Brussels") && named.count("Horodetskyy")) << lines[0];
  const nlohmann::json second = nlohmann::json::parse(lines[1]);
  EXPECT_THAT(second["other_versions"], IsEmpty());

  const RunResult none = Run({"--db", SampleDb(), "show"});
  EXPECT_EQ(none.exit_code, 2) << none;
  EXPECT_THAT(none.err, HasSubstr("newsgrep show takes one or more article ids")) << none;
}

// The text form of `similar` shows what --json shows, with dates as search hits show them.
TEST_F(CliEndToEndTest, SimilarTextShowsEachVersionLikeTheJsonWithSearchDates) {
  const RunResult text = Run({"--db", SampleDb(), "similar", "rss-0001"});
  ASSERT_EQ(text.exit_code, 0) << text;
  const RunResult json = Run({"--db", SampleDb(), "similar", "--json", "rss-0001"});
  ASSERT_EQ(json.exit_code, 0) << json;
  const std::vector<std::string> versions = Lines(json.out);
  ASSERT_EQ(versions.size(), 5u) << json;
  for (const std::string& line : versions) {
    const nlohmann::json version = nlohmann::json::parse(line);
    const std::string id = version["id"].get<std::string>();
    const std::string iso = version["date"].get<std::string>();  // 2025-08-20T14:05:00Z
    ASSERT_EQ(iso.size(), 20u) << line;
    const std::string shown = absl::StrCat(iso.substr(0, 10), " ", iso.substr(11, 5), " UTC");
    EXPECT_THAT(text.out, HasSubstr(absl::StrCat(
                              "   ", shown, " · ", version["source"].get<std::string>(), " · ", id,
                              " · ", version["words"].get<size_t>(), " words (")))
        << text;
    EXPECT_THAT(text.out, Not(HasSubstr(iso))) << text;
    // A search hit for the same article shows the same date.
    EXPECT_THAT(Run({"--db", SampleDb(), "--all", absl::StrCat("id:", id)}).out,
                HasSubstr(absl::StrCat("   ", shown, " · ")));
  }
}

TEST_F(CliEndToEndTest, ArticleIndexedLaterJoinsTheEarlierCluster) {
  const fs::path dir = NewDir("incremental");
  const fs::path wire = fs::path(kSourceDir) / "data/sample/articles/wire";
  // First run: the original only. Second run: its re-filed update.
  ASSERT_EQ(IndexIn(dir, {(wire / "nato-chiefs-weigh-security-guarantees.txt").string()}, Home())
                .exit_code,
            0);
  const std::string db = (dir / "db").string();
  const std::string original = (wire / "nato-chiefs-weigh-security-guarantees.txt").string();
  EXPECT_EQ(Run({"--db", db, "similar", original}).exit_code, 1);
  ASSERT_EQ(
      IndexIn(dir, {(wire / "nato-chiefs-weigh-security-guarantees-update1.txt").string()}, Home())
          .exit_code,
      0);
  const RunResult after = Run({"--db", db, "similar", original});
  EXPECT_EQ(after.exit_code, 0) << after;
  EXPECT_THAT(after.out, HasSubstr("1 other version(s)")) << after;
  // Re-indexing both is idempotent: still one story of two versions.
  ASSERT_EQ(IndexIn(dir, {wire.string()}, Home(), {"-q"}).exit_code, 0);
  EXPECT_THAT(Run({"--db", db, "similar", original}).out, HasSubstr("1 other version(s)"));
  EXPECT_EQ(Run({"--db", db, "-c", "security guarantees"}).out, "1\n");
  EXPECT_EQ(Run({"--db", db, "--all", "-c", "security guarantees"}).out, "2\n");
}

TEST_F(CliEndToEndTest, SeedArticlesCollapseOnlyTheRepublishedStory) {
  const fs::path seeds = (fs::path(NEWSGREP_SHARED_CORPUS) / "seeds").lexically_normal();
  if (!fs::exists(seeds)) GTEST_SKIP() << seeds << " not found (the shared corpus is absent)";
  const fs::path dir = NewDir("seeds");
  ASSERT_EQ(IndexIn(dir, {seeds.string()}, Home(), {"-q"}).exit_code, 0);
  const std::string db = (dir / "db").string();
  // 001 (site chrome, body three times) and 002 are one story; 000, 003, 004 are distinct.
  EXPECT_EQ(Run({"--db", db, "--all", "-c", "nato"}).out, "5\n");
  EXPECT_EQ(Run({"--db", db, "-c", "nato"}).out, "4\n");
  const std::string seed001 = (seeds / "001_f586897292351244.txt").string();
  const RunResult similar = Run({"--db", db, "--json", "similar", seed001});
  ASSERT_EQ(similar.exit_code, 0) << similar;
  ASSERT_EQ(Lines(similar.out).size(), 1u) << similar;
  EXPECT_THAT(similar.out, HasSubstr("002_064953a1111998bd.txt")) << similar;
  for (const char* distinct :
       {"000_287cef8020d8dae4.txt", "003_bd204845a8356881.txt", "004_13345a7135ccf119.txt"}) {
    EXPECT_EQ(Run({"--db", db, "similar", (seeds / distinct).string()}).exit_code, 1) << distinct;
  }
}

// The sample corpus's web pages (data/sample/articles/pages): JSON-LD, OpenGraph only, and
// <title> only with broken markup. Each is one article with its metadata (its author from
// JSON-LD, <meta name=author> and a byline), and neither
// its markup nor what surrounds the story (cookie banner, navigation, share bar, related
// stories, newsletter box, paywall notice, comments, footer) is searchable.
TEST_F(CliEndToEndTest, SampleWebPagesAreIndexedAsTheirStoriesAlone) {
  const fs::path pages = fs::path(kSourceDir) / kSampleArticles / "pages";
  const fs::path dir = NewDir("sample-pages");
  const RunResult indexed = IndexIn(dir, {pages.string()}, Home(), {});
  ASSERT_EQ(indexed.exit_code, 0) << indexed;
  EXPECT_THAT(indexed.err, HasSubstr("indexed 3 articles from 3 files")) << indexed;
  const std::string db = (dir / "db").string();
  struct Expected {
    std::string query, id, title, date, source, author;
  };
  const std::vector<Expected> expected = {
      {"tram extension",
       "https://harbourside-gazette.example/news/2025/08/21/tram-extension-approved",
       "Councillors approve tram extension to the waterfront", "2025-08-21T08:30:00Z",
       "Harbourside Gazette", "Maeve Calloway"},
      {"glaciologists", "https://thelantern.example/science/svalbard-meltwater-survey",
       "Meltwater under Svalbard glacier is moving faster than models assumed",
       "2025-08-20T14:00:00Z", "The Lantern", "Tomasz Wierzbicki"},
      {"deckhands", (pages / "rivermouth-post-ferry-crews-strike.html").string(),
       "Ferry crews vote to strike over rota changes", "2025-08-19T07:45:00Z", "Rivermouth Post",
       "Ines Carvalho"},
  };
  for (const Expected& e : expected) {
    const RunResult found = Run({"--db", db, "--json", e.query});
    ASSERT_EQ(found.exit_code, 0) << found;
    const std::vector<std::string> lines = Lines(found.out);
    ASSERT_EQ(lines.size(), 2u) << found;  // one hit and the summary
    const nlohmann::json hit = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(hit.at("id"), e.id) << e.query;
    EXPECT_EQ(hit.at("title"), e.title) << e.query;
    EXPECT_EQ(hit.at("date"), e.date) << e.query;
    EXPECT_EQ(hit.at("source"), e.source) << e.query;
    EXPECT_EQ(hit.at("authors"), nlohmann::json::array({e.author})) << e.query;
    // author: finds the page by its author's surname, in any case.
    const std::string surname = absl::AsciiStrToUpper(e.author.substr(e.author.rfind(' ') + 1));
    const std::vector<std::string> by = Ids(db, "author:" + surname);
    EXPECT_THAT(by, ElementsAre(e.id)) << surname;
  }
  // The stories' own words are found; their headlines' words once (no site name in them).
  EXPECT_EQ(Count(db, "barbican"), 1u);
  EXPECT_EQ(Count(db, "\"quayside\""), 1u);
  EXPECT_EQ(Count(db, "\"tamar bridge\""), 1u);
  for (const std::string chrome : {"cookie",
                                   "cookies",
                                   "subscribe",
                                   "newsletter",
                                   "\"morning briefing\"",
                                   "advertisement",
                                   "facebook",
                                   "breadcrumbs",
                                   "\"most read\"",
                                   "\"bus fares\"",
                                   "\"sums please\"",
                                   "\"run ragged\"",
                                   "\"test run\"",
                                   "\"free articles\"",
                                   "\"why sea ice\"",
                                   "\"all rights reserved\"",
                                   "\"transport reporter\"",
                                   "jobs",
                                   "href",
                                   "div",
                                   "class",
                                   "doctype",
                                   "viewport",
                                   "datalayer",
                                   "gtag",
                                   "stylesheet"}) {
    EXPECT_EQ(Count(db, chrome), 0u) << chrome;
  }
}

// The five scraped seeds get the titles a reader would give them: the story's own first
// sentence, never site chrome (002's "Share and Follow"), a video teaser or sign-in wall
// (001, a page flattened to one line) or a dateline (004's "BRUSSELS:").
TEST_F(CliEndToEndTest, SeedArticlesGetTheTitlesAReaderWouldGive) {
  const fs::path seeds = (fs::path(NEWSGREP_SHARED_CORPUS) / "seeds").lexically_normal();
  if (!fs::exists(seeds)) GTEST_SKIP() << seeds << " not found (the shared corpus is absent)";
  const fs::path dir = NewDir("seed-titles");
  ASSERT_EQ(IndexIn(dir, {seeds.string()}, Home(), {"-q"}).exit_code, 0);
  const RunResult found = Run({"--db", (dir / "db").string(), "--json", "--all", "nato"});
  ASSERT_EQ(found.exit_code, 0) << found;
  std::map<std::string, std::string> titles;  // file name → title
  for (const std::string& line : Lines(found.out)) {
    const nlohmann::json hit = nlohmann::json::parse(line);
    if (hit.contains("title")) {
      titles[fs::path(hit.at("id").get<std::string>()).filename().string()] =
          hit.at("title").get<std::string>();
    }
  }
  const std::map<std::string, std::string> starts = {
      {"000_287cef8020d8dae4.txt",
       "Chairman of the Joint Chiefs of Staff Gen. Dan Caine is hosting"},
      {"001_f586897292351244.txt", "The NATO Chiefs of Defense reaffirmed support for Ukraine"},
      {"002_064953a1111998bd.txt", "The NATO Chiefs of Defense reaffirmed support for Ukraine"},
      {"003_bd204845a8356881.txt", "NATO military leaders are expected to meet on Wednesday"},
      {"004_13345a7135ccf119.txt", "NATO\u2019s top military leaders on Wednesday held"},
  };
  ASSERT_EQ(titles.size(), starts.size()) << found;
  for (const auto& [file, start] : starts) {
    EXPECT_THAT(titles[file], StartsWith(start)) << file;
  }
}

TEST_F(CliEndToEndTest, MinusWordAfterTheQueryExcludesIt) {
  const RunResult plain = Run({"--db", SampleDb(), "--all", "-c", "nato"});
  const RunResult excluded = Run({"--db", SampleDb(), "--all", "-c", "nato", "-kyiv"});
  ASSERT_EQ(excluded.exit_code, 0) << excluded;
  size_t all = 0, without = 0;
  ASSERT_TRUE(absl::SimpleAtoi(absl::StripSuffix(plain.out, "\n"), &all)) << plain;
  ASSERT_TRUE(absl::SimpleAtoi(absl::StripSuffix(excluded.out, "\n"), &without)) << excluded;
  EXPECT_LT(without, all);
  EXPECT_EQ(without + Count(SampleDb(), "nato kyiv"), all);
}

TEST_F(CliEndToEndTest, NoEntitiesLeavesTheEntityFieldsEmpty) {
  const fs::path dir = NewDir("no-entities");
  ASSERT_EQ(IndexIn(dir, {(fs::path(kSourceDir) / kSampleArticles).string()}, Home(),
                    {"-q", "--no-entities"})
                .exit_code,
            0);
  const std::string db = (dir / "db").string();
  EXPECT_EQ(Run({"--db", db, "-c", "person:horodetskyy"}).exit_code, 1);
  EXPECT_EQ(Run({"--db", db, "-c", "horodetskyy"}).exit_code, 0);  // the text is indexed
  EXPECT_EQ(Run({"--db", SampleDb(), "-c", "person:horodetskyy"}).exit_code, 0);
}

// ---------------------------------------------------------------------------------------
// Feeds, JSON documents, Reuters SGML and standard input: one article per item, never
// markup as text.

// A WARC record of `type` for `uri` holding `block` (an HTTP response for "response").
std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& content_type = "application/http; msgtype=response") {
  return absl::StrCat("WARC/1.0\r\nWARC-Type: ", type, "\r\nWARC-Date: 2025-09-06T07:45:00Z\r\n",
                      uri.empty() ? "" : absl::StrCat("WARC-Target-URI: ", uri, "\r\n"),
                      "Content-Type: ", content_type, "\r\nContent-Length: ", block.size(),
                      "\r\n\r\n", block, "\r\n\r\n");
}

std::string OkapiPage(const std::string& title, const std::string& head_extra) {
  return absl::StrCat("<!DOCTYPE html><html><head><title>", title, "</title>", head_extra,
                      "</head><body><nav><a href=\"/\">Start</a></nav><article><h1>", title,
                      "</h1><p>The keepers said on Saturday that the young okapi, which was born "
                      "in the spring, had settled well, and that visitors could see it from "
                      "the new walkway from next week.</p></article></body></html>");
}

TEST_F(CliEndToEndTest, ACrawlArchiveIsIndexedOneArticlePerPageRecord) {
  const fs::path dir = NewDir("warc");
  const std::string dated =
      OkapiPage("Okapi calf meets visitors",
                "<meta property=\"article:published_time\" content=\"2025-09-05T16:00:00Z\">");
  // Latin-1 as the server says, chunked and gzip-compressed on the wire.
  const std::string latin1 = OkapiPage("Okapi caf\xe9 opens at the reserve", "");
  const std::string gzipped = newsgrep::test::Gzip(latin1);
  std::string chunked;
  for (size_t at = 0; at < gzipped.size(); at += 100) {
    const std::string chunk = gzipped.substr(at, 100);
    absl::StrAppend(&chunked, absl::Hex(chunk.size()), "\r\n", chunk, "\r\n");
  }
  chunked += "0\r\n\r\n";
  const std::string records[] = {
      WarcRecord("warcinfo", "", "software: okapi-crawler\r\n", "application/warc-fields"),
      WarcRecord("request", "https://okapi.example/calf", "GET /calf HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request"),
      WarcRecord(
          "response", "https://okapi.example/calf",
          absl::StrCat("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", dated)),
      WarcRecord("response", "https://okapi.example/gone",
                 absl::StrCat("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n",
                              OkapiPage("Okapi page not found", ""))),
      WarcRecord("response", "https://okapi.example/okapi.png",
                 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"),
      WarcRecord("response", "https://okapi.example/cafe",
                 absl::StrCat("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n"
                              "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n",
                              chunked)),
  };
  std::string warc;
  for (const std::string& record : records) warc += newsgrep::test::Gzip(record);
  WriteFile(dir / "in/crawl.warc.gz", warc);
  const RunResult indexed = IndexIn(dir, {"in"}, Home());
  EXPECT_EQ(indexed.exit_code, 0) << "pages that are not articles are no fault" << indexed;
  EXPECT_THAT(indexed.err, HasSubstr("indexed 2 articles from 1 files")) << indexed;
  EXPECT_THAT(indexed.err, HasSubstr("; 2 records not articles")) << indexed;
  EXPECT_THAT(indexed.err, Not(HasSubstr("(ignored)"))) << indexed;
  const std::string db = (dir / "db").string();

  const RunResult found = Run({"--db", db, "--json", "--all", "okapi"});
  std::map<std::string, nlohmann::json> hits;
  for (const std::string& line : Lines(found.out)) {
    nlohmann::json object = nlohmann::json::parse(line);
    if (object["type"] != "hit") continue;
    const std::string id = object.at("id").get<std::string>();
    hits[id] = std::move(object);
  }
  ASSERT_EQ(hits.size(), 2u) << found;
  ASSERT_EQ(hits.count("https://okapi.example/calf"), 1u) << found;
  ASSERT_EQ(hits.count("https://okapi.example/cafe"), 1u) << found;
  const nlohmann::json& calf = hits["https://okapi.example/calf"];
  EXPECT_EQ(calf.at("title"), "Okapi calf meets visitors");
  EXPECT_EQ(calf.at("url"), "https://okapi.example/calf");
  EXPECT_EQ(calf.at("date"), "2025-09-05T16:00:00Z") << "the page's own date";
  const nlohmann::json& cafe = hits["https://okapi.example/cafe"];
  EXPECT_EQ(cafe.at("title"), "Okapi café opens at the reserve");
  EXPECT_EQ(cafe.at("date"), "2025-09-06T07:45:00Z") << "the crawl's date";
  EXPECT_EQ(Count(db, "walkway"), 2u);
  for (const std::string markup : {"warc", "doctype", "html", "msgtype", "href", "chunked", "nav",
                                   "png", "gzip", "found", "warcinfo", "crawler"}) {
    EXPECT_EQ(Count(db, markup), 0u) << markup;
  }

  // --verbose names each record that holds no article.
  RunOptions in_dir;
  in_dir.cwd = dir.string();
  const RunResult verbose =
      RunNewsgrep({"index", "--db", (dir / "db2").string(), "--verbose", "in"}, Home(), in_dir);
  EXPECT_EQ(verbose.exit_code, 0) << verbose;
  EXPECT_THAT(verbose.err, HasSubstr("in/crawl.warc.gz: record 4 at byte ")) << verbose;
  EXPECT_THAT(verbose.err, HasSubstr("HTTP status 404 (https://okapi.example/gone), not indexed "
                                     "(ignored)"))
      << verbose;
  EXPECT_THAT(verbose.err, HasSubstr("not a web page (image/png)")) << verbose;
}

TEST_F(CliEndToEndTest, DeleteRemovesArticlesByIdAndThoseOfFilesThatAreGone) {
  const fs::path dir = NewDir("delete");
  WriteFile(dir / "in/kept.txt", "Title: Okapi kept\n\nThe okapi stays.\n");
  WriteFile(dir / "in/by-id.txt", "Title: Okapi removed by id\n\nThe okapi goes.\n");
  WriteFile(dir / "in/gone/feed.jsonl",
            "{\"id\":\"g1\",\"title\":\"Okapi one\",\"body\":\"An okapi record.\"}\n"
            "{\"id\":\"g2\",\"title\":\"Okapi two\",\"body\":\"Another okapi record.\"}\n");
  const RunResult indexed = IndexIn(dir, {"in"}, Home());
  ASSERT_EQ(indexed.exit_code, 0) << indexed;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(Count(db, "okapi"), 4u);

  const RunResult by_id = Run({"delete", "--db", db, "in/by-id.txt", "no-such-id"});
  EXPECT_EQ(by_id.exit_code, 1) << "an id that is not there" << by_id;
  EXPECT_THAT(by_id.err, HasSubstr("newsgrep: no article with id no-such-id\n")) << by_id;
  EXPECT_THAT(by_id.err, HasSubstr("removed 1 article(s) from " + db + "; 3 in index")) << by_id;
  EXPECT_EQ(Count(db, "okapi"), 3u);

  fs::remove_all(dir / "in/gone");
  // From another directory: the files are known by their absolute paths.
  RunOptions elsewhere;
  elsewhere.cwd = "/";
  const RunResult dry =
      RunNewsgrep({"delete", "--db", db, "--missing-files", "--dry-run"}, Home(), elsewhere);
  EXPECT_EQ(dry.exit_code, 0) << dry;
  EXPECT_THAT(Lines(dry.out), UnorderedElementsAre("g1", "g2")) << dry;
  EXPECT_THAT(dry.err, HasSubstr(absl::StrCat((dir / "in/gone/feed.jsonl").string(),
                                              " is gone: 2 article(s) would be removed")))
      << dry;
  EXPECT_EQ(Count(db, "okapi"), 3u) << "a dry run removes nothing";
  const RunResult gone = RunNewsgrep({"delete", "--db", db, "--missing-files"}, Home(), elsewhere);
  EXPECT_EQ(gone.exit_code, 0) << gone;
  EXPECT_THAT(gone.out, IsEmpty()) << gone;
  EXPECT_THAT(gone.err, HasSubstr("removed 2 article(s)")) << gone;
  EXPECT_THAT(Ids(db, "okapi"), ElementsAre("in/kept.txt"));

  const RunResult no_index = Run({"delete", "--db", (dir / "nowhere").string(), "x"});
  EXPECT_EQ(no_index.exit_code, 2) << no_index;
  EXPECT_THAT(no_index.err, HasSubstr("no index at")) << no_index;
  EXPECT_FALSE(fs::exists(dir / "nowhere")) << "delete never creates an index";
}

TEST_F(CliEndToEndTest, FeedsJsonArraysSgmlAndStdinAreIndexedOneArticlePerItem) {
  const fs::path dir = NewDir("feeds");
  WriteFile(dir / "in/gazette.rss",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n"
            "<title>Okapi Gazette</title>\n"
            "<item><title>Okapi calf born at the reserve</title><guid>og-1</guid>\n"
            "<category>Wildlife</category><category>Zoos</category>\n"
            "<link>https://okapi.example/calf</link><pubDate>Mon, 01 Sep 2025 08:00:00 GMT"
            "</pubDate><dc:creator>Wanjiru Kamau</dc:creator>\n"
            "<description><![CDATA[<p>Keepers said a calf was born overnight.</p>]]></description>"
            "</item>\n"
            "<item><title>Rangers count the okapi herd</title><link>https://okapi.example/count"
            "</link><pubDate>Tue, 2 Sep 2025 10:15:00 +0200</pubDate>\n"
            "<description>Rangers said the herd had grown to 41.</description></item>\n"
            "</channel></rss>\n");
  WriteFile(dir / "in/rdf.xml",
            "<?xml version=\"1.0\"?>\n<rdf:RDF "
            "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            "<channel rdf:about=\"https://rdf.example/\"><title>RDF Okapi News</title></channel>\n"
            "<item rdf:about=\"https://rdf.example/okapi-stamp\"><title>Okapi stamp issued</title>"
            "<link>https://rdf.example/okapi-stamp</link><dc:date>2025-09-03T09:00:00Z</dc:date>"
            "<description>The post office said the stamp sold out.</description></item>\n"
            "</rdf:RDF>\n");
  WriteFile(dir / "in/atom.feed",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Okapi</title>\n"
            "<entry><title type=\"html\">Okapi &lt;b&gt;tracks&lt;/b&gt; found</title>"
            "<id>tag:atom.example,2025:tracks</id><link href=\"https://atom.example/tracks\"/>"
            "<updated>2025-09-04T12:00:00Z</updated><author><name>Lena Vogt</name></author>"
            "<content type=\"html\">&lt;p&gt;Scientists said the tracks were fresh.&lt;/p&gt;"
            "</content></entry>\n</feed>\n");
  WriteFile(dir / "in/archive.json",
            "[\n {\"id\": \"arr-1\", \"title\": \"Okapi film premieres\", \"date\": \"2025-09-05\","
            " \"tags\": [\"wildlife\", \"film\"],"
            " \"body\": \"The director said the okapi was a natural star.\"},\n"
            " {\"id\": \"arr-2\", \"title\": [\"bad\"]},\n"
            " {\"id\": \"arr-3\", \"title\": \"Okapi book wins prize\", \"body\": \"The jury said"
            " it was charming.\"}\n]\n");
  WriteFile(dir / "in/reut2-000.sgm",
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"17\">\n"
            "<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TOPICS><D>zoo</D></TOPICS>\n<TEXT>&#2;\n"
            "<TITLE>OKAPI EXPORTS &lt;OKX&gt; RISE</TITLE>\n<DATELINE>    KINSHASA, Feb 26 - "
            "</DATELINE><BODY>Okapi exports rose, traders said.\n Reuter\n&#3;</BODY></TEXT>\n"
            "</REUTERS>\n");
  WriteFile(dir / "stdin.txt", "Title: Okapi seen from a pipe\n\nA reader said so.\n");
  const RunResult files = IndexIn(dir, {"in"}, Home());
  EXPECT_EQ(files.exit_code, 1) << "the bad JSON element is skipped" << files;
  EXPECT_THAT(files.err, HasSubstr("newsgrep: in/archive.json:3: \"title\" must be a string "
                                   "(skipped)"))
      << files;
  EXPECT_THAT(files.err, HasSubstr("indexed 7 articles from 5 files")) << files;
  RunOptions piped;
  piped.cwd = dir.string();
  piped.stdin_path = (dir / "stdin.txt").string();
  const std::string db = (dir / "db").string();
  const RunResult from_stdin = RunNewsgrep({"index", "--db", db, "-"}, Home(), piped);
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin;
  EXPECT_THAT(from_stdin.err, HasSubstr("indexed 1 articles from 1 files")) << from_stdin;

  struct Expected {
    std::string id, title, date, source, url;
  };
  const std::vector<Expected> expected = {
      {"og-1", "Okapi calf born at the reserve", "2025-09-01T08:00:00Z", "Okapi Gazette",
       "https://okapi.example/calf"},
      {"https://okapi.example/count", "Rangers count the okapi herd", "2025-09-02T08:15:00Z",
       "Okapi Gazette", "https://okapi.example/count"},
      {"https://rdf.example/okapi-stamp", "Okapi stamp issued", "2025-09-03T09:00:00Z",
       "RDF Okapi News", "https://rdf.example/okapi-stamp"},
      {"tag:atom.example,2025:tracks", "Okapi tracks found", "2025-09-04T12:00:00Z", "Atom Okapi",
       "https://atom.example/tracks"},
      {"arr-1", "Okapi film premieres", "2025-09-05", "", ""},
      {"arr-3", "Okapi book wins prize", "", "", ""},
      {"17", "OKAPI EXPORTS <OKX> RISE", "1987-02-26T15:01:01Z", "", ""},
  };
  const RunResult found = Run({"--db", db, "--json", "--all", "okapi"});
  std::vector<nlohmann::json> hits;
  for (const std::string& line : Lines(found.out)) {
    nlohmann::json object = nlohmann::json::parse(line);
    if (object["type"] == "hit") hits.push_back(std::move(object));
  }
  ASSERT_EQ(hits.size(), expected.size() + 1) << "one article per item, and the piped one";
  for (const Expected& e : expected) {
    const auto hit = std::find_if(hits.begin(), hits.end(),
                                  [&](const nlohmann::json& h) { return h.at("id") == e.id; });
    ASSERT_NE(hit, hits.end()) << e.id;
    EXPECT_EQ(hit->at("title"), e.title) << e.id;
    if (e.date.empty()) {
      EXPECT_TRUE(hit->at("date").is_null()) << e.id;
    } else {
      EXPECT_EQ(hit->at("date"), e.date) << e.id;
    }
    EXPECT_EQ(hit->at("source"), e.source) << e.id;
    EXPECT_EQ(hit->at("url"), e.url) << e.id;
  }
  EXPECT_THAT(Ids(db, "category:wildlife"), UnorderedElementsAre("og-1", "arr-1"));
  EXPECT_THAT(Ids(db, "category:zoo"), UnorderedElementsAre("og-1", "17"));  // a Reuters topic
  EXPECT_EQ(Count(db, "zoo"), 0u) << "a tag is not text of the story";
  EXPECT_THAT(Ids(db, "author:kamau"), ElementsAre("og-1"));
  EXPECT_THAT(Ids(db, "author:vogt"), ElementsAre("tag:atom.example,2025:tracks"));
  EXPECT_THAT(Ids(db, "\"seen from a pipe\""), ElementsAre(StartsWith("stdin:")));
  // No markup is searchable: not the feeds' elements, nor the HTML inside them.
  for (const std::string markup :
       {"rss", "channel", "item", "rdf", "cdata", "xmlns", "dc", "creator", "entry", "feed", "href",
        "guid", "reuters", "newid", "doctype", "lewis"}) {
    EXPECT_EQ(Count(db, markup), 0u) << markup;
  }
  // The same text piped again is the same article; --format overrides what content says.
  const RunResult again = RunNewsgrep({"index", "--db", db, "-"}, Home(), piped);
  EXPECT_THAT(again.err, HasSubstr("; 8 in index")) << again;
  const std::string text_db = (dir / "db2").string();
  const RunResult as_text =
      RunNewsgrep({"index", "--db", text_db, "--format", "text", "in/gazette.rss"}, Home(), piped);
  EXPECT_EQ(as_text.exit_code, 0) << as_text;
  EXPECT_EQ(Count(text_db, "channel"), 1u);
  const RunResult bad_format = IndexIn(dir, {"in"}, Home(), {"--format", "pdf"});
  EXPECT_EQ(bad_format.exit_code, 2) << bad_format;
  EXPECT_THAT(bad_format.err, HasSubstr("unknown format 'pdf'")) << bad_format;
}
