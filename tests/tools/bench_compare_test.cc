// SPDX-License-Identifier: GPL-2.0-or-later
/// @file bench_compare_test.cc
/// @brief End-to-end tests of newsgrep-bench-compare, the tool CI's benchmark gate runs
/// (bench/README.md, "CI"): --check passes and fails on the ratios of small result files
/// written here, --calibrate recomputes the limits by the documented rule, and malformed
/// input is an error naming the file and line, not a crash.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/files.h"
#include "testing/run_newsgrep.h"

namespace {

using newsgrep::test::kBenchCompareBinary;
using newsgrep::test::Lines;
using newsgrep::test::RunNewsgrep;
using newsgrep::test::RunOptions;
using newsgrep::test::RunResult;
using newsgrep::test::TempDir;
using newsgrep::test::WriteFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A result file as Google Benchmark writes it: term and phrase2 for raw Xapian and
// newsgrep_ids, cpu_p50_us and cpu_best_p99_us; an index row pair.
std::string ResultJson(double term_ids_p50, double phrase2_ids_p50, double term_ids_best_p99,
                       double newsgrep_rate) {
  auto query = [](const std::string& cls, const std::string& engine, double p50, double best_p99) {
    return absl::StrFormat(
        R"({"name": "BM_Query/%s/%s/iterations:200", "run_type": "iteration",
            "iterations": 200, "real_time": 1.0, "cpu_time": 1.0, "time_unit": "us",
            "cpu_p50_us": %f, "cpu_best_p99_us": %f, "queries": 50})",
        cls, engine, p50, best_p99);
  };
  auto index = [](const std::string& engine, double rate) {
    return absl::StrFormat(
        R"({"name": "BM_Index/%s/iterations:1/manual_time", "run_type": "iteration",
            "iterations": 1, "real_time": 2.0, "cpu_time": 2.0, "time_unit": "s",
            "articles_per_s": %f, "bytes_per_article": 1000})",
        engine, rate);
  };
  return absl::StrCat(R"({"context": {"host_name": "test"}, "benchmarks": [)",
                      query("term", "xapian", 100, 200), ",",
                      query("term", "newsgrep_ids", term_ids_p50, term_ids_best_p99), ",",
                      query("phrase2", "xapian", 100, 200), ",",
                      query("phrase2", "newsgrep_ids", phrase2_ids_p50, 300), ",",
                      index("xapian", 2000), ",", index("newsgrep", newsgrep_rate), "]}");
}

constexpr char kThresholds[] =
    "# a comment line, kept by --calibrate\n"
    "\n"
    "term\tnewsgrep_ids\txapian\tcpu_p50_us\t3.0\t# old comment\n"
    "term\tnewsgrep_ids\txapian\tcpu_best_p99_us\t4.0\n"
    "*\tnewsgrep_ids\txapian\tcpu_p50_us\t5\n"
    "index\tnewsgrep\txapian\tarticles_per_s\t>=0.4\n"
    "index\tnewsgrep\txapian\tbytes_per_article\t2.0\t# fixed: set by hand\n"
    "phrase2\tnewsgrep_ids\txapian\tcpu_p50_us\t9\t#\n";  // an empty comment

class BenchCompareTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args) {
    RunOptions options;
    options.binary = kBenchCompareBinary;
    return RunNewsgrep(args, dir_.path(), options);
  }
  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = dir_ / name;
    WriteFile(path, contents);
    return path;
  }
  TempDir dir_;
};

TEST_F(BenchCompareTest, CheckPassesWithinTheLimits) {
  const std::string thresholds = Write("t.tsv", kThresholds);
  // term 2.5x, phrase2 4x (under the * ceiling of 5), best p99 3.5x, rate 0.5x.
  const std::string run = Write("run.json", ResultJson(250, 400, 700, 1000));
  const RunResult r = Run({"--check", thresholds, run});
  EXPECT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(r.out, HasSubstr("bench check: OK")) << r;
  EXPECT_THAT(r.out, HasSubstr("2.50")) << r;
}

TEST_F(BenchCompareTest, CheckFailsEachExceededLimit) {
  const std::string thresholds = Write("t.tsv", kThresholds);
  // term p50 3.1x > 3.0; phrase2 5.5x > the * ceiling 5; best p99 4.5x > 4; rate 0.3x < 0.4.
  const std::string run = Write("run.json", ResultJson(310, 550, 900, 600));
  const RunResult r = Run({"--check", thresholds, run});
  EXPECT_EQ(r.exit_code, 1) << r;
  // The * line passes term (3.1x) and fails phrase2.
  EXPECT_THAT(r.out, HasSubstr("bench check: 4 FAILED")) << r;
}

TEST_F(BenchCompareTest, CheckFailsAStatisticTheRunDoesNotHave) {
  // A renamed or removed counter must fail the gate, not pass it unchecked.
  const std::string thresholds = Write("t.tsv", "term\tnewsgrep_ids\txapian\tcpu_p99_us\t4.0\n");
  const std::string run = Write("run.json", ResultJson(250, 400, 700, 1000));
  const RunResult r = Run({"--check", thresholds, run});
  EXPECT_EQ(r.exit_code, 1) << r;
  EXPECT_THAT(r.out, HasSubstr("FAIL (no cpu_p99_us)")) << r;
}

TEST_F(BenchCompareTest, CalibrateAppliesTheDocumentedRule) {
  const std::string thresholds = Write("t.tsv", kThresholds);
  const std::string first = Write("1.json", ResultJson(200, 300, 400, 1000));
  const std::string second = Write("2.json", ResultJson(220, 280, 500, 1600));
  const RunResult r = Run({"--calibrate", thresholds, first, second});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_THAT(Lines(r.out),
              ElementsAre("# a comment line, kept by --calibrate", "",
                          // p50: 2 x the largest (2.2)
                          "term\tnewsgrep_ids\txapian\tcpu_p50_us\t4.4\t# 2.20 (2.00)",
                          // p99: 3 x the largest (2.5)
                          "term\tnewsgrep_ids\txapian\tcpu_best_p99_us\t7.5\t# 2.50 (2.00)",
                          // *: 2.5 x the largest of any class (phrase2's 3.0)
                          "*\tnewsgrep_ids\txapian\tcpu_p50_us\t7.5\t# 3.00 (2.00)",
                          // a minimum: half the smallest (0.5)
                          "index\tnewsgrep\txapian\tarticles_per_s\t>=0.25\t# 0.80 (0.50)",
                          // kept as written
                          "index\tnewsgrep\txapian\tbytes_per_article\t2.0\t# fixed: set by hand",
                          // an empty comment is no `# fixed`
                          "phrase2\tnewsgrep_ids\txapian\tcpu_p50_us\t6\t# 3.00 (2.80)"))
      << r;
  // The output is a thresholds file the two runs pass.
  const std::string recalibrated = Write("new.tsv", r.out);
  EXPECT_EQ(Run({"--check", recalibrated, first}).exit_code, 0);
  EXPECT_EQ(Run({"--check", recalibrated, second}).exit_code, 0);
}

TEST_F(BenchCompareTest, MalformedThresholdsNameTheLine) {
  const std::string run = Write("run.json", ResultJson(250, 400, 700, 1000));
  const std::string bad_limit =
      Write("limit.tsv", "# header\nterm\tnewsgrep_ids\txapian\tcpu_p50_us\tfast\n");
  RunResult r = Run({"--check", bad_limit, run});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("limit.tsv:2: the limit 'fast' is not a number")) << r;

  const std::string short_line = Write("short.tsv", "term\tnewsgrep_ids\txapian\n");
  r = Run({"--calibrate", short_line, run});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("short.tsv:1: expected CLASS VARIANT PEER STAT LIMIT")) << r;
}

TEST_F(BenchCompareTest, MalformedResultsAreAnErrorNotACrash) {
  const std::string thresholds = Write("t.tsv", kThresholds);
  for (const std::string& contents :
       {std::string("not json"), std::string(R"({"benchmarks": 3})"),
        std::string(R"({"benchmarks": [1]})"),
        std::string(R"({"benchmarks": [{"name": 7, "run_type": "iteration"}]})")}) {
    const std::string run = Write("bad.json", contents);
    const RunResult r = Run({"--check", thresholds, run});
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_THAT(r.err, HasSubstr("bad.json")) << r;
  }
}

}  // namespace
