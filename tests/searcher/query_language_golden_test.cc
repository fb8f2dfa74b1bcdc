// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_language_golden_test.cc
/// @brief The query language pinned down: 4,000 queries drawn at random (fixed seed), half
/// built as a user would write them, half thrown together from the language's pieces (words,
/// wildcards, every field, dates and ranges, straight and curly phrases, AND/OR/NOT/XOR, NEAR and
/// ADJ with and without windows, signs, brackets, stray punctuation and malformed UTF-8), searched
/// in a small index. Each one's outcome (the ids found, or the error's code and column) must be
/// what testdata/query_language_golden.tsv says. The file holds the outcomes of the query language
/// as it was when the query text was first read by one lexer: a change of behaviour shows here as a
/// diff to explain.
///
/// After an intended change, rewrite the file and say why in the commit:
///   NEWSGREP_UPDATE_GOLDEN=1 build-test/tests/query_language_golden_test
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/searcher.h"
#include "testing/files.h"
#include "testing/index.h"
#include "testing/run_newsgrep.h"

namespace newsgrep {
namespace {

using test::Date;
using test::MakeArticle;
using test::TempDir;

std::vector<Article> Corpus() {
  return {
      MakeArticle("a", "NATO weighs security guarantees for Ukraine",
                  "KYIV - President Volodymyr Zelenskyy said security guarantees \"must have "
                  "teeth\". Foreign Minister Sergey Lavrov warned that this will not work.",
                  Date("2025-08-19"), "Herald", "Kyiv"),
      MakeArticle("b", "Riksbank holds key rate",
                  "STOCKHOLM - Sweden's central bank kept its rate unchanged. \"Inflation is "
                  "close to target,\" Governor Erik Thedeen said.",
                  Date("2025-08-20"), "Wire", "Stockholm"),
      MakeArticle("c", "Flash floods swamp Nice",
                  "NICE, France - Storms flooded the old town overnight, officials said, and "
                  "the mayor asked residents of Nice and Cannes to stay home.",
                  Date("2025-08-21"), "Meridian", "Nice"),
      MakeArticle("d", "Talks on guarantees stall in Brussels",
                  "BRUSSELS - Jean-Claude Juncker said the guarantees were not security "
                  "enough; Zelensky and Lavrov did not meet. Rate talks go on.",
                  Date("2025-08-22"), "Herald", "Brussels"),
      MakeArticle("e", "Cocoa prices rise", "Cocoa prices rose in Abidjan, traders said.",
                  std::nullopt, "", ""),
  };
}

const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      // words, stopwords, unknown words, wildcards
      "security", "guarantees", "kyiv", "zelensky", "lavrov", "rate", "bank", "nice", "floods",
      "cocoa", "teeth", "the", "of", "not", "qwxz", "sec*", "gua*", "z*", "r*",
      // fields
      "title:", "person:", "said:", "location:", "quote:", "source:", "dateline:", "id:",
      "cluster:", "date:", "bogus:", "title:security", "person:lavrov", "said:zelensky",
      "location:nice", "source:Herald", "id:a", "person:Jean-Claude", "person:\"sergey lavrov\"",
      // dates
      "date:2025-08-19", "date:2025-08-19..2025-08-21", "date:..2025-08-20", "date:2025-08-21..",
      "date:2025-13-01", "date:2025-08-21..2025-08-19", "date:..",
      // phrases
      "\"security guarantees\"", "\"will not\"", "\u201csecurity guarantees\u201d", "\"", "\"rate",
      // operators
      "AND", "OR", "NOT", "XOR", "NEAR", "NEAR/3", "NEAR/0", "ADJ", "ADJ/2", "NEAR/x",
      "NEAR/100000", "ADJ/",
      // signs, brackets, punctuation, bytes
      "+", "-", "(", ")", "(", ")", "*", ":", ".", "/", "\x88", "\t", "..", "'"};
  return pieces;
}

// A small deterministic generator (the same sequence on every platform).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  size_t Below(size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state_ >> 33) % n);
  }

 private:
  uint64_t state_;
};

// An operand as a user would write one: a word, field term, phrase or wildcard, maybe
// signed, or a bracketed pair.
std::string Operand(Random& random, int depth) {
  static const std::vector<std::string> operands = {"security",
                                                    "guarantees",
                                                    "kyiv",
                                                    "zelensky",
                                                    "lavrov",
                                                    "rate",
                                                    "nice",
                                                    "cocoa",
                                                    "the",
                                                    "qwxz",
                                                    "sec*",
                                                    "gua*",
                                                    "title:security",
                                                    "title:guarantees",
                                                    "person:lavrov",
                                                    "person:zelensky",
                                                    "said:zelensky",
                                                    "location:nice",
                                                    "location:kyiv",
                                                    "source:Herald",
                                                    "dateline:brussels",
                                                    "id:a",
                                                    "person:Jean-Claude",
                                                    "quote:teeth",
                                                    "person:\"sergey lavrov\"",
                                                    "title:\"security guarantees\"",
                                                    "date:2025-08-19",
                                                    "date:2025-08-19..2025-08-21",
                                                    "date:..2025-08-20",
                                                    "\"security guarantees\"",
                                                    "\"will not\"",
                                                    "\u201cguarantees were\u201d",
                                                    "person:(lavrov OR zelensky)"};
  static const std::vector<std::string> operators = {" ",     " ",        " AND ",   " OR ",
                                                     " NOT ", " NEAR/3 ", " ADJ/2 ", " NEAR "};
  std::string sign;
  if (const size_t s = random.Below(8); s == 0)
    sign = "+";
  else if (s == 1)
    sign = "-";
  if (depth < 2 && random.Below(6) == 0) {
    return absl::StrCat(sign, "(", Operand(random, depth + 1),
                        operators[random.Below(operators.size())], Operand(random, depth + 1), ")");
  }
  return absl::StrCat(sign, operands[random.Below(operands.size())]);
}

// Half the queries are built like a user's; half are pieces thrown together.
std::vector<std::string> Queries() {
  static const std::vector<std::string> operators = {
      " ", " ", " AND ", " OR ", " NOT ", " NEAR/3 ", " ADJ/2 ", " NEAR ", " XOR "};
  Random random(20261205);
  const std::vector<std::string>& pieces = Pieces();
  std::vector<std::string> queries;
  for (int i = 0; i < 2000; ++i) {
    std::string query = Operand(random, 0);
    for (size_t n = random.Below(4); n > 0; --n) {
      absl::StrAppend(&query, operators[random.Below(operators.size())], Operand(random, 0));
    }
    queries.push_back(query);
  }
  for (int i = 0; i < 2000; ++i) {
    std::string query;
    for (size_t n = 1 + random.Below(7); n > 0; --n) {
      if (!query.empty() && random.Below(5) != 0) query += ' ';
      query += pieces[random.Below(pieces.size())];
    }
    queries.push_back(query);
  }
  return queries;
}

// "ok\t<ids, sorted>" or "error\t<code>\t<column or ->".
std::string Outcome(Searcher& searcher, const std::string& query) {
  SearchOptions options;
  options.limit = 100;
  options.collapse = false;
  options.snippets = false;
  const auto results = searcher.Search(query, options);
  if (!results.ok()) {
    const std::string message(results.status().message());
    const size_t at = message.find(" at column ");
    std::string column = "-";
    if (at != std::string::npos) {
      column = message.substr(at + 11, message.find_first_not_of("0123456789", at + 11) - at - 11);
    }
    return absl::StrCat("error\t", absl::StatusCodeToString(results.status().code()), "\t", column);
  }
  std::vector<std::string> ids = test::IdsOf(*results);
  std::sort(ids.begin(), ids.end());
  return absl::StrCat("ok\t", absl::StrJoin(ids, ","));
}

// Queries hold tabs and line breaks: the file writes them escaped.
std::string Escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += absl::StrFormat("\\x%02x", byte);
    } else {
      out += c;
    }
  }
  return out;
}

TEST(QueryLanguageGoldenTest, EveryQueryHasTheOutcomeOnFile) {
  TempDir dir;
  auto searcher =
      test::BuildSearcher({.db_path = dir.path(), .detect_duplicates = false}, Corpus());
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  std::vector<std::string> lines;
  for (const std::string& query : Queries()) {
    lines.push_back(absl::StrCat(Escape(query), "\t", Outcome(**searcher, query)));
  }
  const std::string path =
      absl::StrCat(test::kSourceDir, "/tests/searcher/testdata/query_language_golden.tsv");
  if (std::getenv("NEWSGREP_UPDATE_GOLDEN") != nullptr) {
    test::WriteFile(path, absl::StrCat(absl::StrJoin(lines, "\n"), "\n"));
    GTEST_SKIP() << "wrote " << path;
  }
  const std::vector<std::string> expected =
      absl::StrSplit(test::ReadFile(path), '\n', absl::SkipEmpty());
  ASSERT_EQ(expected.size(), lines.size()) << path;
  int differences = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != expected[i] && ++differences <= 20) {
      ADD_FAILURE() << "query " << i << "\n  expected: " << expected[i]
                    << "\n  actual:   " << lines[i];
    }
  }
  EXPECT_EQ(differences, 0) << "of " << lines.size() << " queries";
}

}  // namespace
}  // namespace newsgrep
