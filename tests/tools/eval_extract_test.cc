// SPDX-License-Identifier: GPL-2.0-or-later
/// @file eval_extract_test.cc
/// @brief `newsgrep eval extract`: the benchmark's shingle measure on texts whose score is
/// known, and the command on a directory of invented pages (and, when present, on
/// ../shared/corpus/html-articles, whose figures are printed, not asserted).
#include "eval_extract.h"

#include <filesystem>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/files.h"
#include "testing/run_newsgrep.h"

namespace newsgrep::cli {
namespace {

namespace fs = std::filesystem;
using test::RunNewsgrep;
using test::RunResult;
using test::TempDir;
using test::WriteFile;
using ::testing::DoubleNear;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ExtractScoreTest, ShinglesOfFourWordsCountedAsMultisets) {
  // Identical texts; punctuation and case of separators do not matter, words do.
  ShingleScore s = ScoreExtraction("one two three four five", "one, two; three four five!");
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  // Truth: 2 shingles (1 2 3 4, 2 3 4 5). Extraction adds "six": 3 shingles, 2 right.
  s = ScoreExtraction("one two three four five", "one two three four five six");
  EXPECT_DOUBLE_EQ(s.precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  // Half the truth: 1 of its 2 shingles... plus none wrong.
  s = ScoreExtraction("one two three four five", "one two three four");
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  // A repeated shingle counts as often as it occurs.
  s = ScoreExtraction("a b c d", "a b c d a b c d");
  EXPECT_THAT(s.precision, DoubleNear(1.0 / 5.0, 1e-12));  // 5 shingles, 1 in the truth
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  // Texts shorter than four words are one shingle; an empty extraction scores 0.
  EXPECT_DOUBLE_EQ(ScoreExtraction("Über 40", "über 40").recall, 0.0);  // case matters
  EXPECT_DOUBLE_EQ(ScoreExtraction("Über 40", "Über 40").recall, 1.0);
  EXPECT_DOUBLE_EQ(ScoreExtraction("one two three four", "").precision, 0.0);
  EXPECT_DOUBLE_EQ(ScoreExtraction("one two three four", "").recall, 0.0);
}

TEST(ExtractEvalEndToEndTest, ScoresPagesAgainstTheirTrueText) {
  const TempDir dir;
  const std::string story =
      "Harbour authorities in Rotterdam said on Tuesday that the new cranes would be running "
      "by the spring, doubling the terminal's capacity, officials said.";
  WriteFile(dir / "bench/html/page1.html",
            "<html><head><title>Cranes | Port News</title></head><body><nav><a href=/>Home</a>"
            "</nav><article><p>" +
                story + "</p></article><footer>Contact us</footer></body></html>");
  const nlohmann::json truth = {{"page1", {{"articleBody", story}, {"url", "https://x/1"}}}};
  WriteFile(dir / "bench/ground-truth.json", truth.dump());
  const std::string output = dir / "extracted.json";
  const RunResult r = RunNewsgrep({"eval", "extract", dir / "bench", "--output", output},
                                  dir.path(), {.cwd = dir.path()});
  EXPECT_LE(r.exit_code, 1) << r;  // one page cannot reach 500 pages/s reliably
  EXPECT_THAT(r.out, StartsWith("body  P=1.0000 R=1.0000 F1=1.0000  (1 pages")) << r;
  EXPECT_THAT(r.out, HasSubstr("trafilatura 0.958")) << r;
  EXPECT_THAT(r.out, HasSubstr("pages/s")) << r;
  const nlohmann::json written = nlohmann::json::parse(test::ReadFile(output));
  EXPECT_EQ(written["page1"]["articleBody"], story);

  const RunResult missing =
      RunNewsgrep({"eval", "extract", dir / "nowhere"}, dir.path(), {.cwd = dir.path()});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_THAT(missing.err, HasSubstr("nowhere/ground-truth.json")) << missing;

  const std::string shared = std::string(NEWSGREP_SHARED_CORPUS) + "/html-articles";
  if (!fs::exists(shared)) {
    GTEST_LOG_(INFO) << shared << " is absent: the benchmark pages are not measured";
    return;
  }
  const RunResult full = RunNewsgrep({"eval", "extract", shared}, dir.path(), {.cwd = dir.path()});
  EXPECT_LE(full.exit_code, 1) << full;
  EXPECT_THAT(full.out, StartsWith("body  P=")) << full;
  std::printf("%s", full.out.c_str());
}

}  // namespace
}  // namespace newsgrep::cli
