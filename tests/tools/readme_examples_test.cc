// SPDX-License-Identifier: GPL-2.0-or-later
/// @file readme_examples_test.cc
/// @brief End-to-end tests of the query language through the real `newsgrep` binary on the
/// bundled sample corpus: every example of README.md's "Query language" section (the lines
/// between <!-- query-examples --> and <!-- /query-examples -->) is run and must find
/// something, or print the suggestion its comment announces; then one test per feature of
/// the query language and of the search output that the examples do not pin down
/// (exactness of NEAR, highlights, errors with columns, --since, --sort recent,
/// suggestions in each output mode).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
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
#include "testing/tcp_server.h"

namespace {

namespace fs = std::filesystem;
using newsgrep::test::kSourceDir;
using newsgrep::test::Lines;
using newsgrep::test::RunNewsgrep;
using newsgrep::test::RunResult;
using newsgrep::test::TcpServer;
using newsgrep::test::TempDir;
using ::testing::AllOf;
using ::testing::AnyOf;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAreArray;

constexpr char kSampleArticles[] = "data/sample/articles";  // relative to kSourceDir
// The entity fields come with the analysis work; until the index has them, examples that
// use them are skipped (and only those).
constexpr const char* kEntityFields[] = {"person:", "location:", "quote:", "said:"};

// ---------------------------------------------------------------------------------------
// The README's examples.

struct Example {
  std::string line;                 // as written
  std::vector<std::string> env;     // leading NAME=value words
  std::vector<std::string> args;    // after "newsgrep"
  std::string expected_suggestion;  // from a "did you mean X?" comment
};

// Splits a shell command line into words: '…' literal, "…" with \" and \\ escapes,
// unquoted words end at white space; a # at a word start begins a comment. Returns false
// on an unclosed quote.
bool ShellWords(absl::string_view line, std::vector<std::string>* words, std::string* comment) {
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && absl::ascii_isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i >= line.size()) break;
    if (line[i] == '#') {
      *comment = std::string(absl::StripAsciiWhitespace(line.substr(i + 1)));
      return true;
    }
    std::string word;
    while (i < line.size() && !absl::ascii_isspace(static_cast<unsigned char>(line[i]))) {
      const char c = line[i];
      if (c == '\'') {
        const size_t end = line.find('\'', i + 1);
        if (end == absl::string_view::npos) return false;
        absl::StrAppend(&word, line.substr(i + 1, end - i - 1));
        i = end + 1;
      } else if (c == '"') {
        ++i;
        while (i < line.size() && line[i] != '"') {
          if (line[i] == '\\' && i + 1 < line.size()) ++i;
          word += line[i++];
        }
        if (i >= line.size()) return false;
        ++i;
      } else if (c == '\\' && i + 1 < line.size()) {
        word += line[i + 1];
        i += 2;
      } else {
        word += c;
        ++i;
      }
    }
    words->push_back(std::move(word));
  }
  return true;
}

std::vector<Example> ReadmeExamples() {
  std::ifstream file(fs::path(kSourceDir) / "README.md");
  std::stringstream content;
  content << file.rdbuf();
  const std::string text = content.str();
  const size_t begin = text.find("<!-- query-examples -->");
  const size_t end = text.find("<!-- /query-examples -->");
  std::vector<Example> examples;
  if (begin == std::string::npos || end == std::string::npos || end < begin) return examples;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(text).substr(begin, end - begin), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || absl::StartsWith(line, "```") || absl::StartsWith(line, "<!--")) continue;
    Example example;
    example.line = std::string(line);
    std::vector<std::string> words;
    std::string comment;
    if (!ShellWords(line, &words, &comment)) {
      example.args = {"<unclosed quote in README line>"};
      examples.push_back(std::move(example));
      continue;
    }
    size_t k = 0;
    while (k < words.size() && words[k].find('=') != std::string::npos && words[k].find('=') > 0 &&
           words[k] != "newsgrep") {
      example.env.push_back(words[k++]);
    }
    if (k < words.size() && words[k] == "newsgrep") ++k;
    example.args.assign(words.begin() + static_cast<long>(k), words.end());
    const size_t mean = comment.find("did you mean ");
    if (mean != std::string::npos) {
      example.expected_suggestion = std::string(absl::StripSuffix(comment.substr(mean + 13), "?"));
    }
    examples.push_back(std::move(example));
  }
  return examples;
}

bool UsesEntityField(const Example& example) {
  for (const std::string& arg : example.args) {
    for (const char* field : kEntityFields) {
      if (absl::StrContains(arg, field)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// The fixture: the sample corpus indexed once per test process.

class ReadmeExamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    fs::create_directories(Home());
    db_ = new std::string(*root_ / "db");
    index_ = new RunResult(RunNewsgrep({"index", "-q", "--db", *db_, kSampleArticles}, Home()));
  }
  static void TearDownTestSuite() {
    delete root_;
    delete db_;
    delete index_;
    root_ = nullptr;
    db_ = nullptr;
    index_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(index_, nullptr);
    ASSERT_EQ(index_->exit_code, 0) << *index_;
  }

  static std::string Home() { return *root_ / "home"; }

  // newsgrep --db <sample> ARGS…
  static RunResult Search(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--db", *db_});
    return RunNewsgrep(args, Home(), {.env = env});
  }

  // The ids `query` finds (every version, up to 100).
  static std::vector<std::string> Ids(const std::string& query,
                                      std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--all", "-l", "-n", "100"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(query);
    const RunResult r = Search(args);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    return Lines(r.out);
  }

  // The JSON objects of `newsgrep --json ARGS…`.
  static std::vector<nlohmann::json> Json(std::vector<std::string> args, int* exit_code = nullptr,
                                          std::vector<std::string> env = {}) {
    args.insert(args.begin(), "--json");
    const RunResult r = Search(args, env);
    if (exit_code != nullptr) *exit_code = r.exit_code;
    std::vector<nlohmann::json> objects;
    for (const std::string& line : Lines(r.out)) {
      nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
      EXPECT_FALSE(object.is_discarded()) << line << r;
      objects.push_back(std::move(object));
    }
    return objects;
  }

  static TempDir* root_;
  static std::string* db_;
  static RunResult* index_;
};

TempDir* ReadmeExamplesTest::root_ = nullptr;
std::string* ReadmeExamplesTest::db_ = nullptr;
RunResult* ReadmeExamplesTest::index_ = nullptr;

// The highlighted words (lower case) of one JSON hit.
std::vector<std::string> HighlightedWords(const nlohmann::json& hit) {
  std::vector<std::string> words;
  const std::string snippet = hit.at("snippet").get<std::string>();
  for (const nlohmann::json& span : hit.at("highlights")) {
    const size_t begin = span[0].get<size_t>(), end = span[1].get<size_t>();
    EXPECT_LT(begin, end);
    EXPECT_LE(end, snippet.size());
    if (begin < end && end <= snippet.size()) {
      words.push_back(absl::AsciiStrToLower(snippet.substr(begin, end - begin)));
    }
  }
  return words;
}

// ---------------------------------------------------------------------------------------
// 1. Every README example.

TEST_F(ReadmeExamplesTest, ReadmeHasTheExampleBlockCoveringEveryFeature) {
  const std::vector<Example> examples = ReadmeExamples();
  ASSERT_GE(examples.size(), 20u) << "README.md lost its <!-- query-examples --> block?";
  std::string all;
  for (const Example& example : examples) absl::StrAppend(&all, example.line, "\n");
  for (const char* feature : {"'\"security guarantee\"'",
                              "title:\"",
                              "NEAR/",
                              "ADJ/",
                              "\"air support\" NEAR/",
                              "title:",
                              "source:",
                              "dateline:",
                              "id:",
                              "person:",
                              "location:",
                              "quote:\"",
                              "said:",
                              "date:2025-08-18..2025-08-20",
                              "date:2025-08-21..",
                              "--since",
                              "--sort newest",
                              "--sort recent",
                              " OR ",
                              " NOT ",
                              "*'",
                              "did you mean",
                              "'WHO data'",
                              "case:",
                              "--facets ",
                              "--facets=",
                              "--timeline",
                              "--quotes"}) {
    EXPECT_THAT(all, HasSubstr(feature)) << "no README example shows " << feature;
  }
}

TEST_F(ReadmeExamplesTest, EveryReadmeExampleFindsSomething) {
  const std::vector<Example> examples = ReadmeExamples();
  ASSERT_FALSE(examples.empty());
  std::vector<std::string> skipped;
  for (const Example& example : examples) {
    SCOPED_TRACE(example.line);
    ASSERT_FALSE(example.args.empty()) << "not a newsgrep command";
    const RunResult r = Search(example.args, example.env);
    if (UsesEntityField(example) && r.exit_code == 2 && absl::StrContains(r.err, "unknown field")) {
      skipped.push_back(example.line);  // the index has no entity fields yet
      continue;
    }
    if (!example.expected_suggestion.empty()) {
      EXPECT_EQ(r.exit_code, 1) << r;
      EXPECT_THAT(r.out, IsEmpty()) << r;
      EXPECT_EQ(r.err, absl::StrCat("newsgrep: no match; did you mean ",
                                    example.expected_suggestion, "?\n"))
          << r;
      continue;
    }
    EXPECT_EQ(r.exit_code, 0) << r;
    EXPECT_THAT(r.err, IsEmpty()) << r;
    const auto has = [&](const char* arg) {
      return std::find(example.args.begin(), example.args.end(), arg) != example.args.end();
    };
    const bool no_hits = has("-n0") || has("--quotes");
    // -n0 shows only what comes after the hits (the facets), --quotes quotes: a heading first.
    if (no_hits) {
      EXPECT_THAT(r.out, Not(AnyOf(IsEmpty(), StartsWith("1. ")))) << r;
    } else {
      EXPECT_THAT(r.out, StartsWith("1. ")) << r;
    }
  }
  if (!skipped.empty()) {
    // (Not gtest's "[  SKIPPED ]" marker: the other examples did run and pass.)
    std::cout << "note: examples not run, the index has no entity fields yet:\n";
    for (const std::string& line : skipped) std::cout << "              " << line << "\n";
  }
  // Only examples of the entity fields may be skipped.
  for (const std::string& line : skipped) {
    bool entity = false;
    for (const char* field : kEntityFields) entity = entity || absl::StrContains(line, field);
    EXPECT_TRUE(entity) << line;
  }
}

// Scaling out: the sample corpus as three shards, each served by a stock xapian-tcpsrv on a
// loopback port; every README example, through the three servers (a stub file naming
// them), prints what it prints on the three shards' directories, byte for byte (hits,
// order, "+N similar", snippets, facets, timelines). The one documented exception, a phrase
// beside NEAR/ADJ, must say clearly that it cannot run there.
TEST_F(ReadmeExamplesTest, EveryReadmeExampleAnswersTheSameThroughThreeServers) {
  if (!newsgrep::test::HaveTcpServer()) {
    GTEST_SKIP() << "xapian-tcpsrv not installed (Debian: xapian-tools)";
  }
  std::vector<std::string> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(kSourceDir) / kSampleArticles)) {
    if (entry.is_regular_file()) {
      files.push_back(fs::relative(entry.path(), kSourceDir).string());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 6u);
  constexpr size_t kShards = 3;
  std::vector<std::string> local_args, shards;
  std::vector<std::unique_ptr<TcpServer>> servers;
  std::string stub_text;
  for (size_t k = 0; k < kShards; ++k) {
    shards.push_back(*root_ / absl::StrCat("shard-", k));
    std::vector<std::string> args = {"index", "-q", "--db", shards.back()};
    for (size_t i = k; i < files.size(); i += kShards) args.push_back(files[i]);
    const RunResult indexed = RunNewsgrep(args, Home());
    ASSERT_EQ(indexed.exit_code, 0) << indexed;
    local_args.insert(local_args.end(), {"--db", shards.back()});
    servers.push_back(std::make_unique<TcpServer>(shards.back()));
    ASSERT_TRUE(servers.back()->running()) << "xapian-tcpsrv did not start";
    absl::StrAppend(&stub_text, "remote 127.0.0.1:", servers.back()->port(), "\n");
  }
  const std::string stub = *root_ / "shards.stub";
  std::ofstream(stub) << stub_text;
  std::vector<std::string> not_remote;
  for (const Example& example : ReadmeExamples()) {
    SCOPED_TRACE(example.line);
    std::vector<std::string> here = local_args, there = {"--db", stub};
    here.insert(here.end(), example.args.begin(), example.args.end());
    there.insert(there.end(), example.args.begin(), example.args.end());
    const RunResult local = RunNewsgrep(here, Home(), {.env = example.env});
    const RunResult remote = RunNewsgrep(there, Home(), {.env = example.env});
    const bool phrase_beside_proximity =
        absl::StrContains(example.line, "\" NEAR/") || absl::StrContains(example.line, "\" ADJ/");
    if (phrase_beside_proximity) {
      EXPECT_EQ(local.exit_code, 0) << local;
      EXPECT_EQ(remote.exit_code, 2) << remote;
      EXPECT_THAT(remote.err, HasSubstr("a stock xapian-tcpsrv cannot run")) << remote;
      not_remote.push_back(example.line);
      continue;
    }
    EXPECT_EQ(remote.exit_code, local.exit_code) << remote;
    EXPECT_EQ(remote.out, local.out);
    EXPECT_EQ(remote.err, local.err);
    EXPECT_THAT(local.exit_code, AnyOf(0, 1)) << local;
  }
  EXPECT_EQ(not_remote.size(), 2u);  // the README's two phrase-beside-NEAR examples
}

TEST_F(ReadmeExamplesTest, ReadmeErrorExampleIsWhatNewsgrepPrints) {
  const RunResult r = Search({"nato date:2025-13-40..2025-08-20"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.out, IsEmpty()) << r;
  EXPECT_EQ(r.err,
            "newsgrep: bad date '2025-13-40' (dates are YYYY-MM-DD) at column 11\n"
            "  nato date:2025-13-40..2025-08-20\n"
            "            ^\n")
      << r;
  std::ifstream file(fs::path(kSourceDir) / "README.md");
  std::stringstream readme;
  readme << file.rdbuf();
  EXPECT_THAT(readme.str(),
              HasSubstr(absl::StrCat("$ newsgrep 'nato date:2025-13-40..2025-08-20'\n", r.err)));
}

// ---------------------------------------------------------------------------------------
// 2. Proximity: exact, ordered or not, phrases on either side, fields.

TEST_F(ReadmeExamplesTest, PhraseNearWordIsExactNotAnd) {
  // Every article with the phrase "air support" and "kremlin" somewhere…
  const std::vector<std::string> both = Ids("\"air support\" kremlin");
  ASSERT_FALSE(both.empty());
  // …and those where they are at most 3 words apart ("the Kremlin's response to the
  // air-support ideas": 3 words between).
  const std::vector<std::string> near3 = Ids("\"air support\" NEAR/3 kremlin");
  EXPECT_THAT(near3,
              ElementsAre("data/sample/articles/meridian/pentagon-studies-air-support-role.txt"));
  EXPECT_THAT(Ids("\"air support\" NEAR/2 kremlin"), IsEmpty());
  EXPECT_THAT(Ids("kremlin ADJ/3 \"air support\""), near3);
  EXPECT_THAT(Ids("\"air support\" ADJ/3 kremlin"), IsEmpty());
  for (const std::string& id : near3) EXPECT_THAT(both, testing::Contains(id));
}

TEST_F(ReadmeExamplesTest, NearAndAdjBetweenWordsAndNames) {
  // "Senator Claire Washington": senator, one word, washington.
  const std::vector<std::string> adj1 = Ids("senator ADJ/1 washington");
  EXPECT_FALSE(adj1.empty());
  // The other order only where the dateline runs into the text: "WASHINGTON - Senator".
  EXPECT_THAT(Ids("washington ADJ/1 senator"),
              ElementsAre("data/sample/articles/dailyherald/"
                          "senator-washington-presses-white-house-on-guarantees.txt"));
  EXPECT_THAT(Ids("washington NEAR/1 senator"), UnorderedElementsAreArray(adj1));
  EXPECT_THAT(Ids("senator ADJ/0 washington"), Not(UnorderedElementsAreArray(adj1)));
  EXPECT_THAT(Ids("claire ADJ/0 washington"), UnorderedElementsAreArray(adj1));
  EXPECT_THAT(Ids("\"senator claire\" ADJ/0 washington"), UnorderedElementsAreArray(adj1));
  // In a field: the pentagon story's headline "Pentagon studies air support role".
  EXPECT_THAT(Ids("title:pentagon NEAR/1 title:\"air support\""),
              ElementsAre("data/sample/articles/meridian/pentagon-studies-air-support-role.txt"));
  EXPECT_THAT(Ids("title:pentagon NEAR/0 title:\"air support\""), IsEmpty());
}

TEST_F(ReadmeExamplesTest, ProximityCountsAndPagesAgree) {
  const RunResult count = Search({"--all", "-c", "\"air support\" NEAR/30 pentagon OR kremlin"});
  ASSERT_EQ(count.exit_code, 0) << count;
  size_t n = 0;
  ASSERT_TRUE(absl::SimpleAtoi(absl::StripSuffix(count.out, "\n"), &n)) << count;
  EXPECT_EQ(Ids("\"air support\" NEAR/30 pentagon OR kremlin").size(), n);
  EXPECT_GT(n, 1u);
}

TEST_F(ReadmeExamplesTest, MalformedProximityExitsTwoWithCaret) {
  RunResult r = Search({"nato NEAR/x kyiv"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err,
            "newsgrep: expected a number of words after NEAR/ (as in NEAR/5) at column 6\n"
            "  nato NEAR/x kyiv\n"
            "       ^\n")
      << r;
  r = Search({"nato ADJ/3"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err,
              StartsWith("newsgrep: ADJ/3 needs a word or a phrase on its right at column 6"))
      << r;
  r = Search({"(nato AND kyiv) NEAR/3 talks"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("cannot be a side of NEAR")) << r;
}

// ---------------------------------------------------------------------------------------
// 3. Highlights through phrases, proximity and fields (JSON offsets).

// Regression: a quoted phrase gave "highlights": [].
TEST_F(ReadmeExamplesTest, QuotedPhraseIsHighlighted) {
  const std::vector<nlohmann::json> objects = Json({"-n", "20", "\"security guarantees\""});
  size_t hits = 0;
  for (const nlohmann::json& object : objects) {
    if (object.at("type") != "hit") continue;
    ++hits;
    SCOPED_TRACE(object.dump());
    const std::vector<std::string> words = HighlightedWords(object);
    ASSERT_FALSE(words.empty());
    // Phrase words come in pairs: security, guarantees.
    ASSERT_EQ(words.size() % 2, 0u);
    for (size_t i = 0; i < words.size(); i += 2) {
      EXPECT_EQ(words[i], "security");
      EXPECT_EQ(words[i + 1], "guarantees");
    }
  }
  EXPECT_GT(hits, 1u);
}

TEST_F(ReadmeExamplesTest, ProximityAndFieldMatchesAreHighlighted) {
  std::vector<nlohmann::json> objects = Json({"\"air support\" NEAR/3 kremlin"});
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_THAT(HighlightedWords(objects[0]), ElementsAre("kremlin’s", "air", "support"));
  EXPECT_THAT(objects[0].at("snippet").get<std::string>(),
              HasSubstr("the Kremlin’s response to the air-support ideas"));

  objects = Json({"title:summit"});
  size_t hits = 0;
  for (const nlohmann::json& object : objects) {
    if (object.at("type") != "hit") continue;
    ++hits;
    for (const std::string& word : HighlightedWords(object)) {
      EXPECT_TRUE(absl::StartsWith(word, "summit")) << word;
    }
    EXPECT_FALSE(HighlightedWords(object).empty()) << object.dump();
  }
  EXPECT_GT(hits, 0u);

  // Colour on a terminal shows the same words.
  const RunResult colored = Search({"--color=always", "\"air support\" NEAR/3 kremlin"});
  EXPECT_THAT(colored.out, HasSubstr("\x1b[1;31mair\x1b[0m-\x1b[1;31msupport\x1b[0m")) << colored;
}

// ---------------------------------------------------------------------------------------
// 4. Dates, --since, sorting.

TEST_F(ReadmeExamplesTest, BadDateRangesExitTwoWithCaret) {
  RunResult r = Search({"date:2025-08-20..2025-08-18"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err,
            "newsgrep: date range ends (2025-08-18) before it starts (2025-08-20) at column 6\n"
            "  date:2025-08-20..2025-08-18\n"
            "       ^\n")
      << r;
  r = Search({"nato date:2025-08-01..soon"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, StartsWith("newsgrep: bad date 'soon' (dates are YYYY-MM-DD) at column 23"))
      << r;
}

TEST_F(ReadmeExamplesTest, SinceCountsBackFromNow) {
  const std::vector<std::string> env = {"NEWSGREP_NOW=2025-08-23T00:00:00Z"};
  // 3 days back from Aug 23 00:00 is Aug 20 00:00: the same as date:2025-08-20..
  RunResult since = Search({"--all", "-l", "-n", "100", "--since", "3d", "nato"}, env);
  ASSERT_EQ(since.exit_code, 0) << since;
  EXPECT_THAT(Lines(since.out), UnorderedElementsAreArray(Ids("nato date:2025-08-20..")));
  RunResult hours = Search({"--all", "-l", "-n", "100", "--since", "72h", "nato"}, env);
  EXPECT_EQ(hours.out, since.out) << hours;
  RunResult day = Search({"--all", "-l", "-n", "100", "--since", "2025-08-20", "nato"});
  EXPECT_EQ(day.out, since.out) << day;
  // With "now" far in the future, nothing is recent.
  RunResult none = Search({"--since", "1w", "nato"}, {"NEWSGREP_NOW=2099-01-01"});
  EXPECT_EQ(none.exit_code, 1) << none;
  RunResult bad = Search({"--since", "7x", "nato"});
  EXPECT_EQ(bad.exit_code, 2) << bad;
  EXPECT_THAT(bad.err, StartsWith("newsgrep: --since takes a duration (24h, 7d, 2w) or a date"))
      << bad;
  bad = Search({"--since", "7d", "nato"}, {"NEWSGREP_NOW=yesterday"});
  EXPECT_EQ(bad.exit_code, 2) << bad;
  EXPECT_THAT(bad.err, HasSubstr("NEWSGREP_NOW")) << bad;
}

TEST_F(ReadmeExamplesTest, SortRecentReordersTheSameMatches) {
  const std::vector<std::string> relevance = Ids("nato");
  const std::vector<std::string> recent = Ids("nato", {"--sort", "recent"});
  const std::vector<std::string> newest = Ids("nato", {"--sort", "newest"});
  EXPECT_THAT(recent, UnorderedElementsAreArray(relevance));
  EXPECT_THAT(newest, UnorderedElementsAreArray(relevance));
  EXPECT_NE(recent, relevance);
  RunResult bad = Search({"--sort", "oldest", "nato"});
  EXPECT_EQ(bad.exit_code, 2) << bad;
  EXPECT_THAT(bad.err, HasSubstr("relevance, newest or recent")) << bad;
  // Scores in JSON include the bonus: the top recent hit scores more than under relevance.
  const std::vector<nlohmann::json> plain = Json({"--all", "-n", "100", "nato"});
  const std::vector<nlohmann::json> boosted =
      Json({"--all", "-n", "100", "--sort", "recent", "nato"});
  std::map<std::string, double> plain_scores;
  for (const nlohmann::json& o : plain) {
    if (o.at("type") == "hit") plain_scores[o.at("id")] = o.at("score");
  }
  for (const nlohmann::json& o : boosted) {
    if (o.at("type") != "hit" || o.at("date").is_null()) continue;
    EXPECT_GT(o.at("score").get<double>(), plain_scores[o.at("id")]) << o.at("id");
  }
}

// ---------------------------------------------------------------------------------------
// 5. Spelling suggestions in each output mode.

TEST_F(ReadmeExamplesTest, SuggestionOnStderrInJsonAndNotForScripts) {
  RunResult text = Search({"horodetskyj"});
  EXPECT_EQ(text.exit_code, 1) << text;
  EXPECT_THAT(text.out, IsEmpty()) << text;
  EXPECT_EQ(text.err, "newsgrep: no match; did you mean horodetskyy?\n") << text;
  // The whole query comes back, each unknown word replaced.
  text = Search({"whitcomb AND horodetskyj"});
  EXPECT_EQ(text.err, "newsgrep: no match; did you mean whitcomb AND horodetskyy?\n") << text;

  int exit_code = -1;
  std::vector<nlohmann::json> json = Json({"horodetskyj"}, &exit_code);
  EXPECT_EQ(exit_code, 1);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0].at("type"), "summary");
  EXPECT_EQ(json[0].at("suggestion"), "horodetskyy");
  // With hits, the summary still says which word is unknown; no stderr.
  RunResult with_hits = Search({"--json", "nato OR horodetskyj"});
  EXPECT_EQ(with_hits.exit_code, 0) << with_hits;
  EXPECT_THAT(with_hits.err, IsEmpty()) << with_hits;
  EXPECT_THAT(Lines(with_hits.out).back(), HasSubstr("\"suggestion\":\"nato OR horodetskyy\""))
      << with_hits;
  json = Json({"nato"});
  EXPECT_TRUE(json.back().at("suggestion").is_null());

  for (const char* mode : {"-l", "-c"}) {
    RunResult quiet = Search({mode, "horodetskyj"});
    EXPECT_EQ(quiet.exit_code, 1) << quiet;
    EXPECT_THAT(quiet.err, IsEmpty()) << quiet;
  }
}

// ---------------------------------------------------------------------------------------
// 6. Facets and the timeline.

// The count `newsgrep -c QUERY` prints (stories), or -1 on an error.
int64_t CountOf(const RunResult& r) {
  int64_t n = -1;
  if (r.exit_code == 0 || r.exit_code == 1) {
    EXPECT_TRUE(absl::SimpleAtoi(absl::StripAsciiWhitespace(r.out), &n)) << r;
  }
  return n;
}

TEST_F(ReadmeExamplesTest, EachFacetValueCountsTheStoriesItsQueryFinds) {
  int exit_code = -1;
  const std::vector<nlohmann::json> json =
      Json({"--facets=person,location,said,source", "--facet-limit", "100", "-n0", "ukraine"},
           &exit_code);
  EXPECT_EQ(exit_code, 0);
  ASSERT_EQ(json.size(), 5u);  // four facets, the summary
  EXPECT_EQ(json.back().at("type"), "summary");
  EXPECT_EQ(json.back().at("returned"), 0);
  size_t values = 0;
  for (size_t i = 0; i < 4; ++i) {
    const nlohmann::json& facet = json[i];
    ASSERT_EQ(facet.at("type"), "facet");
    EXPECT_EQ(facet.at("format_version"), 1);
    EXPECT_EQ(facet.at("counts"), "stories");
    EXPECT_EQ(facet.at("values").size(), facet.at("distinct").get<size_t>()) << facet;
    const std::string name = facet.at("facet").get<std::string>();
    size_t previous = SIZE_MAX;
    for (const nlohmann::json& value : facet.at("values")) {
      const size_t count = value.at("count").get<size_t>();
      EXPECT_LE(count, previous) << "not most counted first: " << facet;
      previous = count;
      ++values;
      const int64_t found =
          CountOf(Search({"-c", "ukraine " + value.at("query").get<std::string>()}));
      // A name field's query is a phrase, which a longer name holding it matches too.
      if (name == "person" || name == "said") {
        EXPECT_GE(found, static_cast<int64_t>(count)) << value;
      } else {
        EXPECT_EQ(found, static_cast<int64_t>(count)) << value;
      }
    }
  }
  EXPECT_GE(values, 20u);
}

TEST_F(ReadmeExamplesTest, FacetsCountStoriesAndWithAllArticles) {
  // The anchor story has six versions from several outlets: counted once by story.
  const std::vector<nlohmann::json> stories =
      Json({"--facets=source", "--facet-limit", "100", "-n0", "\"security guarantees\""});
  const std::vector<nlohmann::json> articles =
      Json({"--facets=source", "--facet-limit", "100", "-n0", "--all", "\"security guarantees\""});
  ASSERT_EQ(stories.size(), 2u);
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0].at("counts"), "articles");
  std::map<std::string, size_t> by_story, by_article;
  size_t article_sum = 0;
  for (const nlohmann::json& v : stories[0].at("values")) by_story[v.at("key")] = v.at("count");
  for (const nlohmann::json& v : articles[0].at("values")) {
    by_article[v.at("key")] = v.at("count");
    article_sum += v.at("count").get<size_t>();
  }
  // An article has at most one source: by article the counts add up to at most the total.
  EXPECT_LE(article_sum, articles[1].at("total").get<size_t>());
  EXPECT_LT(stories[1].at("total").get<size_t>(), articles[1].at("total").get<size_t>());
  ASSERT_EQ(by_story.size(), by_article.size());
  bool fewer = false;
  for (const auto& [key, count] : by_story) {
    EXPECT_LE(count, by_article[key]) << key;
    fewer |= count < by_article[key];
  }
  EXPECT_TRUE(fewer) << "no source had republished versions";
}

TEST_F(ReadmeExamplesTest, TimelineBucketsAddUpToTheTotal) {
  for (const std::vector<std::string>& extra :
       std::vector<std::vector<std::string>>{{}, {"--all"}, {"--timeline=week"}}) {
    std::vector<std::string> args = {"--timeline", "-n0", "nato"};
    args.insert(args.begin(), extra.begin(), extra.end());
    const std::vector<nlohmann::json> json = Json(args);
    ASSERT_EQ(json.size(), 2u);
    const nlohmann::json& timeline = json[0];
    ASSERT_EQ(timeline.at("type"), "timeline");
    size_t sum = timeline.at("undated").get<size_t>();
    std::string previous;
    for (const nlohmann::json& bucket : timeline.at("buckets")) {
      EXPECT_GT(bucket.at("start").get<std::string>(), previous);
      previous = bucket.at("start").get<std::string>();
      sum += bucket.at("count").get<size_t>();
    }
    EXPECT_EQ(sum, json[1].at("total").get<size_t>()) << timeline;
    EXPECT_TRUE(json[1].at("total_is_exact").get<bool>());
  }
  const std::vector<nlohmann::json> weeks = Json({"--timeline=week", "-n0", "nato"});
  EXPECT_EQ(weeks[0].at("unit"), "week");
}

TEST_F(ReadmeExamplesTest, TimelineBarsFitTheWidthAndFollowDates) {
  const RunResult r =
      Search({"--timeline", "-n0", "nato date:2025-08-19..2025-08-21"}, {"COLUMNS=40"});
  EXPECT_EQ(r.exit_code, 0) << r;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 2u) << r;
  EXPECT_THAT(lines[0], StartsWith("Matching stories by day")) << r;
  size_t bars = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_THAT(lines[i], StartsWith("2025-08-")) << r;
    size_t columns = 0;  // one per UTF-8 character
    for (const char c : lines[i]) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(columns, 40u) << lines[i];
    bars += absl::StrContains(lines[i], "\u2588");
  }
  EXPECT_EQ(lines.size(), 4u) << r;  // three days
  EXPECT_GE(bars, 1u) << r;
}

TEST_F(ReadmeExamplesTest, FacetAndTimelineUsageErrors) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--facets=people", "nato"},
                                             {"--timeline=fortnight", "nato"},
                                             {"-c", "--facets", "nato"},
                                             {"-l", "--timeline", "nato"}}) {
    const RunResult r = Search(args);
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.err, StartsWith("newsgrep: ")) << r;
    EXPECT_THAT(r.out, IsEmpty()) << r;
  }
  EXPECT_THAT(Search({"--facets=people", "nato"}).err,
              HasSubstr("the facets are person, location, said, source, author, category"));
}

// ---------------------------------------------------------------------------------------
// 7. Acronyms and quotes.

TEST_F(ReadmeExamplesTest, AWordInCapitalsFindsTheAcronymOnly) {
  const std::string who_story = "who-and-eu-agree-health-data-rules.txt";
  const std::vector<std::string> capitals = Ids("WHO");
  ASSERT_EQ(capitals.size(), 1u);
  EXPECT_THAT(capitals[0], EndsWith(who_story));
  // In small letters: every "who", the analysis piece's headline among them.
  const std::vector<std::string> word = Ids("who");
  EXPECT_GT(word.size(), capitals.size());
  // IT is a query though "it" is a stopword; U.N. and UN are one acronym.
  const std::vector<std::string> it = Ids("IT");
  ASSERT_EQ(it.size(), 1u);
  EXPECT_THAT(it[0], EndsWith(who_story));
  EXPECT_EQ(Ids("U.N."), Ids("case:UN"));
  EXPECT_EQ(Search({"it"}).exit_code, 2);
  const RunResult bad = Search({"case:nato"});
  EXPECT_EQ(bad.exit_code, 2) << bad;
  EXPECT_THAT(bad.err, HasSubstr("case: takes one word written in capitals")) << bad;
  EXPECT_THAT(bad.err, HasSubstr("at column 6")) << bad;
}

TEST_F(ReadmeExamplesTest, QuotesOnceEachWithTheirCopiesCounted) {
  int exit_code = -1;
  const std::vector<nlohmann::json> json =
      Json({"--quotes", "-n", "100", "said:horodetskyy"}, &exit_code);
  EXPECT_EQ(exit_code, 0);
  ASSERT_GE(json.size(), 3u);
  const nlohmann::json& summary = json.back();
  EXPECT_EQ(summary.at("type"), "summary");
  EXPECT_EQ(summary.at("total").get<size_t>(), json.size() - 1);
  std::set<std::string> texts;
  size_t copies = 0;
  for (size_t i = 0; i + 1 < json.size(); ++i) {
    const nlohmann::json& q = json[i];
    ASSERT_EQ(q.at("type"), "quote") << q;
    EXPECT_THAT(q.at("speaker_key").get<std::string>(), HasSubstr("horodetsk")) << q;
    EXPECT_TRUE(texts.insert(q.at("text").get<std::string>()).second) << "listed twice: " << q;
    copies += q.at("versions").get<size_t>();
  }
  // The anchor story's quotes are republished: --all lists each copy.
  EXPECT_GT(copies, texts.size());
  const RunResult all = Search({"--quotes", "--all", "-c", "said:horodetskyy"});
  EXPECT_EQ(all.exit_code, 0) << all;
  EXPECT_EQ(absl::StripAsciiWhitespace(all.out), std::to_string(copies)) << all;
  // Text: the speaker, then each quote with its article's id.
  const RunResult text = Search({"--quotes", "-n", "2", "said:horodetskyy"});
  EXPECT_EQ(text.exit_code, 0) << text;
  EXPECT_THAT(Lines(text.out)[0], HasSubstr("Horodetsk")) << text;
  EXPECT_EQ(Search({"--quotes", "said:horodetskyy zeppelin"}).exit_code, 1);
}

}  // namespace
