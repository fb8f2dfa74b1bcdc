// SPDX-License-Identifier: GPL-2.0-or-later
/// @file quotes_test.cc
/// @brief QuoteExtractor (marks → quotations) and the speakers ExtractEntities attributes:
/// typographic and straight quotes, nesting, paragraphs, apostrophes, scare quotes, and
/// the attribution patterns of news copy.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/entities.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using test::EntityResourcesForTest;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

std::vector<std::string> Quotes(const std::string& text) {
  std::vector<std::string> out;
  for (const QuoteExtractor::Span& span : QuoteExtractor::Find(text)) out.push_back(span.text);
  return out;
}

// (quote text, speaker) pairs found in `body`.
std::vector<std::pair<std::string, std::string>> Attributed(const std::string& body) {
  Article article;
  article.id = "t";
  article.body = body;
  std::vector<std::pair<std::string, std::string>> out;
  for (const Quote& q : ExtractEntities(article, EntityResourcesForTest()).quotes) {
    out.emplace_back(q.text, q.speaker);
  }
  return out;
}

TEST(QuoteExtractorTest, TypographicDoubleQuotes) {
  EXPECT_THAT(Quotes("He said: “We are not here to sign a blank cheque.” Then he left."),
              ElementsAre("We are not here to sign a blank cheque."));
}

TEST(QuoteExtractorTest, StraightDoubleQuotes) {
  EXPECT_THAT(Quotes("\"Any foreign soldier will be seen as a participant,\" he said."),
              ElementsAre("Any foreign soldier will be seen as a participant,"));
}

TEST(QuoteExtractorTest, GuillemetsAndLowNineQuotes) {
  EXPECT_THAT(Quotes("Il a dit « nous ne céderons rien du tout » hier."),
              ElementsAre("nous ne céderons rien du tout"));
  EXPECT_THAT(Quotes("Er sagte „das wird so nicht gehen“ am Montag."),
              ElementsAre("das wird so nicht gehen"));
}

TEST(QuoteExtractorTest, NestedSingleQuotesStayInsideTheOuterQuote) {
  EXPECT_THAT(Quotes("“A colleague called this week ‘a turning point’, and I hope he is right,” "
                     "she said."),
              ElementsAre("A colleague called this week ‘a turning point’, and I hope he is "
                          "right,"));
  // A nested quote closed by a straight apostrophe right before the closing mark.
  EXPECT_THAT(Quotes("wrote that “as he has said before, ‘these are consequential times.'” "
                     "Later"),
              ElementsAre("as he has said before, ‘these are consequential times.'"));
}

TEST(QuoteExtractorTest, ApostrophesAreNotQuotes) {
  EXPECT_THAT(Quotes("NATO’s chiefs won’t meet O’Donnell in the ’90s style, the allies’ "
                     "envoys said."),
              IsEmpty());
  EXPECT_THAT(Quotes("It's the '90s again and they don't care, the lawmakers' aides said."),
              IsEmpty());
  // Apostrophes inside a real quote do not end it.
  EXPECT_THAT(Quotes("“We won’t get ahead of the planners’ work,” he said."),
              ElementsAre("We won’t get ahead of the planners’ work,"));
}

TEST(QuoteExtractorTest, ScareQuotesOfOneOrTwoWordsAreNotQuotations) {
  EXPECT_THAT(Quotes("The phrase of the moment is “security guarantees”. A so-called "
                     "“reassurance force” would stay far away. Talks were \"candid\"."),
              IsEmpty());
}

TEST(QuoteExtractorTest, ShortNounPhraseInQuotesIsAScareQuote) {
  EXPECT_THAT(Quotes("State media described the “coalition of the willing” as a provocation."),
              IsEmpty());
  // …but the same length with its own punctuation, or after a verb, is a quotation.
  EXPECT_THAT(Quotes("He called it a “great, candid discussion,” stressing unity."),
              ElementsAre("great, candid discussion,"));
  EXPECT_THAT(Quotes("He warned that \"this will not work\" at all."),
              ElementsAre("this will not work"));
}

TEST(QuoteExtractorTest, QuoteRunningAcrossParagraphsIsOneQuotation) {
  const std::string text =
      "“What our soldiers want to know is simple: who comes, and how fast.\n\n"
      "“Until we have those answers in writing, we will keep building our own army,” he "
      "said.";
  const std::vector<QuoteExtractor::Span> spans = QuoteExtractor::Find(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].text,
            "What our soldiers want to know is simple: who comes, and how fast.\n\n"
            "Until we have those answers in writing, we will keep building our own army,");
  EXPECT_EQ(text.substr(spans[0].begin, 4), "What");
  EXPECT_EQ(text.substr(spans[0].end - 5, 5), "army,");
}

TEST(QuoteExtractorTest, ParagraphLeftOpenWithoutContinuationIsDropped) {
  EXPECT_THAT(Quotes("He said “this sentence never closes its quotation mark.\n\n"
                     "Another paragraph starts here without a mark."),
              IsEmpty());
}

TEST(QuoteExtractorTest, HeadlinePromoInCapitalsIsNotAQuotation) {
  EXPECT_THAT(Quotes("READ MORE: WHAT A ‘REASSURANCE FORCE’ FOR UKRAINE COULD LOOK LIKE\n\n"
                     "EUROPEAN 'COALITION OF THE WILLING' FORMS UNITED FRONT"),
              IsEmpty());
}

TEST(QuoteExtractorTest, SpansPointAtTheQuotedText) {
  const std::string text = "Intro. “Guarantees on paper did not protect us,” he said.";
  const std::vector<QuoteExtractor::Span> spans = QuoteExtractor::Find(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), spans[0].text);
  EXPECT_EQ(text.substr(spans[0].open, 3), "“");
  EXPECT_EQ(text.substr(spans[0].close_end - 3, 3), "”");
}

TEST(QuoteSpeakerTest, CommaSaidName) {
  EXPECT_THAT(Attributed("Gen. Anna Lindqvist chairs the talks.\n\n“Nobody in that room wants a "
                         "force that fails on contact,” Gen. Lindqvist said."),
              ElementsAre(Pair("Nobody in that room wants a force that fails on contact,",
                               "Anna Lindqvist")));
}

TEST(QuoteSpeakerTest, CommaSaidFullName) {
  EXPECT_THAT(
      Attributed("\"They're testing whether the Americans will stay away,\" said Lena "
                 "Markovic, a Russia analyst at a Vienna institute."),
      ElementsAre(Pair("They're testing whether the Americans will stay away,", "Lena Markovic")));
}

TEST(QuoteSpeakerTest, NameSaidColonQuote) {
  EXPECT_THAT(
      Attributed("Representative Darnell Okafor visited Kyiv twice. Okafor said: “Europe has to "
                 "carry most of this load.”"),
      ElementsAre(Pair("Europe has to carry most of this load.", "Darnell Okafor")));
}

TEST(QuoteSpeakerTest, ToldReportersThat) {
  EXPECT_THAT(Attributed("Col. J.R. Whitcombe, a Joint Staff spokesperson, told reporters in "
                         "Washington that the talks had been “constructive and very practical”."),
              ElementsAre(Pair("constructive and very practical", "J.R. Whitcombe")));
}

TEST(QuoteSpeakerTest, WroteOnXThat) {
  EXPECT_THAT(
      Attributed("Senator Claire Washington wrote on X that “a guarantee nobody can "
                 "explain is not a guarantee.”"),
      ElementsAre(Pair("a guarantee nobody can explain is not a guarantee.", "Claire Washington")));
}

TEST(QuoteSpeakerTest, AccordingToAnUnnamedSourceHasNoSpeaker) {
  EXPECT_THAT(Attributed("“Everyone agrees on the principle and nobody on the numbers,” "
                         "according to one senior European diplomat."),
              ElementsAre(Pair("Everyone agrees on the principle and nobody on the numbers,", "")));
  EXPECT_THAT(Attributed("Caine met his counterparts to evaluate “the best options for a peace "
                         "deal,” a US defence official told AFP."),
              ElementsAre(Pair("the best options for a peace deal,", "")));
}

TEST(QuoteSpeakerTest, PronounIsThePersonJustNamed) {
  EXPECT_THAT(
      Attributed("Deputy Prime Minister Olena Kravets told reporters the mood had shifted. "
                 "“A colleague called this week ‘a turning point’, and I hope he is right,” "
                 "she said."),
      ElementsAre(Pair("A colleague called this week ‘a turning point’, and I hope he is right,",
                       "Olena Kravets")));
}

// Class: "he said" right before the quote, after a clause that opened the sentence, in a
// paragraph after the one naming the person (Reuters-21578 article 1811, hard-wrapped).
TEST(QuoteSpeakerTest, PronounAndSpeechVerbJustBeforeTheQuote) {
  EXPECT_THAT(Attributed("U.S. Trade Representative Clayton\n"
                         "Yeutter said he hoped the U.S. dollar would continue to decline\n"
                         "in relation to the currencies of Taiwan and South Korea as a\n"
                         "way to improve the U.S. trade picture.\n"
                         "    Testifying before the House Appropriations subcommittee\n"
                         "which must approve his agency's 1988 budget, he said, \"In my\n"
                         "judgment economic factors justify a continued decline.\""),
              ElementsAre(Pair("In my\njudgment economic factors justify a continued decline.",
                               "Clayton Yeutter")));
}

// Class: attributions after the quote with any finite speech verb ("commented Berry"), and a
// pronoun subject after a comma (`" grain price, he said`).
TEST(QuoteSpeakerTest, AttributionsAfterTheQuote) {
  EXPECT_THAT(Attributed("\"The market is very active,\" said Michael Berry, vice-president of "
                         "the firm.\n\n\"There is no lack of bonds now,\" commented Berry."),
              ElementsAre(Pair("The market is very active,", "Michael Berry"),
                          Pair("There is no lack of bonds now,", "Michael Berry")));
  EXPECT_THAT(Attributed("Senator Tom Harkin spoke on Friday.\n\nLivestock farmers would get \"a "
                         "predictable and stable price for their grain\" in future years, he "
                         "said."),
              ElementsAre(Pair("a predictable and stable price for their grain", "Tom Harkin")));
}

// The pronoun is someone named before its sentence, not in the clause that opens it.
TEST(QuoteSpeakerTest, PronounIsNotThePersonOfTheOpeningClause) {
  EXPECT_THAT(Attributed("Treasury Secretary James Baker spoke to reporters on Friday.\n\nAsked "
                         "about Fed chairman Paul Volcker, he said, \"I have full confidence in "
                         "him and in the Fed.\""),
              ElementsAre(Pair("I have full confidence in him and in the Fed.", "James Baker")));
}

TEST(QuoteSpeakerTest, SecondQuoteOfTheParagraphKeepsTheSpeaker) {
  EXPECT_THAT(Attributed("“The lesson of the ’90s was that a force only deters if it will "
                         "fight,” Siobhan O’Donnell said. “A force that is there to be seen "
                         "tends to be tested.”"),
              ElementsAre(Pair("The lesson of the ’90s was that a force only deters if it "
                               "will fight,",
                               "Siobhan O’Donnell"),
                          Pair("A force that is there to be seen tends to be tested.",
                               "Siobhan O’Donnell")));
}

TEST(QuoteSpeakerTest, SentenceSubjectWithASpeechVerbBeforeTheQuote) {
  EXPECT_THAT(Attributed("Russian Foreign Minister Sergey Lavrov criticized the talks, warning "
                         "that \"this will not work\" and vowing Russia would \"ensure its "
                         "interests firmly and harshly,\" RIA Novosti reported."),
              ElementsAre(Pair("this will not work", "Sergey Lavrov"),
                          Pair("ensure its interests firmly and harshly,", "Sergey Lavrov")));
}

TEST(QuoteSpeakerTest, UnattributedQuoteHasNoSpeaker) {
  EXPECT_THAT(Attributed("The banner read “we will not go back to the old days” in red."),
              ElementsAre(Pair("we will not go back to the old days", "")));
}

}  // namespace
}  // namespace newsgrep
