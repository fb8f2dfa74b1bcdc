// SPDX-License-Identifier: GPL-2.0-or-later
/// @file text_words_test.cc
/// @brief SplitWords gives exactly the words and positions Xapian's TermGenerator indexes.
#include "internal/text_words.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "newsgrep/article_reader.h"

namespace newsgrep::internal {
namespace {

using Positions = std::map<std::string, std::vector<Xapian::termpos>>;

Positions IndexedByXapian(const std::string& text) {
  Xapian::TermGenerator generator;
  Xapian::Document document;
  generator.set_document(document);
  generator.index_text(text);
  Positions positions;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    for (auto p = term.positionlist_begin(); p != term.positionlist_end(); ++p) {
      positions[*term].push_back(*p);
    }
  }
  return positions;
}

Positions Split(const std::string& text) {
  Positions positions;
  const std::vector<TextWord> words = SplitWords(text);
  for (size_t i = 0; i < words.size(); ++i) {
    positions[TermOf(text, words[i])].push_back(static_cast<Xapian::termpos>(i + 1));
    EXPECT_LE(words[i].begin, words[i].end);
    EXPECT_LE(words[i].end, text.size());
  }
  return positions;
}

TEST(TextWordsTest, TrickyTextsSplitAsTermGeneratorDoes) {
  const std::vector<std::string> texts = {
      "",
      "NATO",
      "The U.S. and P.T.O. met AT&T's chief; don't panic.",
      "Profits rose 1,000.5 mln dlrs, or 12.5 pct, in 1987/88.",
      "C++ and C# and fish+chips and a+++ b++++",
      "Caf\xC3\xA9 na\xC3\xAFve \xC3\x9C"
      "BER stra\xC3\x9F"
      "e \xE2\x80\x9Cquoted\xE2\x80\x9D",
      "Minister\xE2\x80\x99s words \xE2\x80\x94 an em dash \xE2\x80\xA6 and an ellipsis",
      "zero\xE2\x80\x8Bwidth join and l\xC2\xB7l and under_score 42nd",
      "mixed ASCIIand\xC3\xA9t\xC3\xA9 runs\xC3\xA9 \xC3\xA9x 9\xE2\x80\x89"
      "000",
      "trailing word",
      "A.B. C. d.e.f. X.Y",
      std::string("invalid \xFF\xFE bytes and ") + std::string(70, 'x') + " long",
      // Where a plain ASCII word ends and where it may go on (SplitWords' fast path):
      "A. Baker, I. e.g. i.e. AB. Ab. x.Y 9. 9.5 9,5 9;5 9, 5 word; end. end",
      "Dogs' bones, rock'n'roll, R&D, A&, &B, 3+ C+, x#y, under_score_ Caf\xC3\xA9s",
      std::string(64, 'y') + " " + std::string(65, 'z') + " " + std::string(64, 'w') + "'s",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Split(text), IndexedByXapian(text));
  }
}

TEST(TextWordsTest, ReutersBodiesSplitAsTermGeneratorDoes) {
  const std::string corpus = std::string(NEWSGREP_SHARED_CORPUS) + "/reuters21578.jsonl.gz";
  if (!std::ifstream(corpus)) GTEST_SKIP() << "no shared corpus at " << corpus;
  size_t compared = 0;
  ReadCallbacks callbacks;
  callbacks.on_problem = [](const InputProblem&) {};
  callbacks.on_article = [&](Article&& article) {
    if (compared++ % 10 == 0) {  // every tenth: 2,000 articles
      EXPECT_EQ(Split(article.body), IndexedByXapian(article.body)) << article.id;
      EXPECT_EQ(Split(article.title), IndexedByXapian(article.title)) << article.id;
    }
    return absl::OkStatus();
  };
  ASSERT_TRUE(ReadArticles(corpus, callbacks).ok());
  EXPECT_GT(compared, 20000u);
}

}  // namespace
}  // namespace newsgrep::internal
