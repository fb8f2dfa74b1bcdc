// SPDX-License-Identifier: GPL-2.0-or-later
/// @file people_test.cc
/// @brief PersonRecognizer and the name folding behind person keys: titles, initials,
/// hyphenated and multi-word names, surnames resolved to full names, "Washington" the
/// person vs the city, and what is not a person.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/article.h"
#include "newsgrep/entities.h"
#include "newsgrep/name_folding.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using test::EntityResourcesForTest;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

// Each person mention as written.
std::vector<std::string> Mentions(const std::string& text) {
  std::vector<std::string> out;
  for (const EntityMention& m : PersonRecognizer(EntityResourcesForTest()).Find(text)) {
    out.push_back(m.text);
  }
  return out;
}

// The people of an article: name as written (fullest form).
std::set<std::string> People(const std::string& body) {
  Article article;
  article.id = "t";
  article.body = body;
  std::set<std::string> out;
  for (const Person& p : ExtractEntities(article, EntityResourcesForTest()).people)
    out.insert(p.name);
  return out;
}

TEST(NameFoldingTest, SpellingVariantsFoldToOneKey) {
  for (const char* name : {"Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskii", "ZELENSKYY"}) {
    EXPECT_EQ(FoldName(name), "zelensky") << name;
  }
  EXPECT_EQ(FoldName("Зеленський"), FoldName("Zelenskyi"));
  EXPECT_EQ(FoldName("Sergey Lavrov"), FoldName("Sergei Lavrov"));
  EXPECT_EQ(FoldName("Dmitriy Sokolov"), FoldName("Dmitry Sokolov"));
  EXPECT_EQ(FoldName("Dmitri Sokolov"), FoldName("Dmitry Sokolov"));
  EXPECT_EQ(FoldName("Mykola Horodetskyy"), FoldName("Mykola Horodetskiy"));
  EXPECT_EQ(FoldName("Gaddafi"), FoldName("Qadhafi"));
  EXPECT_EQ(FoldName("Kadafi"), FoldName("Gaddafi"));
  EXPECT_EQ(FoldName("Serhiy"), FoldName("Sergei"));
}

TEST(NameFoldingTest, DiacriticsApostrophesAndHyphens) {
  EXPECT_EQ(FoldName("Anna Müller-Lindqvist"), FoldName("anna muller lindqvist"));
  EXPECT_EQ(FoldName("Martin O’Donnell"), FoldName("Martin O'Donnell"));
  EXPECT_EQ(FoldName("Martin O’Donnell"), FoldName("martin odonnell"));
  EXPECT_THAT(FoldNameWords("Ilze Bērziņa-Kalniņa"), ElementsAre("ilze", "berzina", "kalnina"));
  EXPECT_EQ(FoldName("  !! "), "");
}

TEST(NameFoldingTest, DifferentPeopleKeepDifferentKeys) {
  EXPECT_NE(FoldName("Zelensky"), FoldName("Salinas"));
  EXPECT_NE(FoldName("Putin"), FoldName("Pitin"));
  EXPECT_NE(FoldName("Lavrov"), FoldName("Lavrova"));
}

TEST(PersonRecognizerTest, TitlesIntroduceNamesAndAreNotPartOfThem) {
  EXPECT_THAT(People("Chairman of the Joint Chiefs of Staff Gen. Dan Caine met Adm. Giancarlo "
                     "De Santis Ferri. Russian Foreign Minister Sergey Lavrov objected, and "
                     "White House press secretary Karoline Leavitt declined to comment."),
              UnorderedElementsAre("Dan Caine", "Giancarlo De Santis Ferri", "Sergey Lavrov",
                                   "Karoline Leavitt"));
  EXPECT_THAT(People("U.S. Air Force Lieutenant General Alexus Grynkewich will brief them."),
              ElementsAre("Alexus Grynkewich"));
}

TEST(PersonRecognizerTest, InitialsAreNames) {
  EXPECT_THAT(Mentions("Col. J.R. Whitcombe, a spokesperson, spoke. Later S. Waugh scored 56."),
              ElementsAre("J.R. Whitcombe", "S. Waugh"));
}

TEST(PersonRecognizerTest, HyphenatedAndMultiWordNames) {
  EXPECT_THAT(People("Gen. Anna Müller-Lindqvist, Sweden’s chief of defence, said planners "
                     "were busy. Admiral Giuseppe Cavo Dragone agreed, as did scrum-half Joost "
                     "van der Westhuizen."),
              UnorderedElementsAre("Anna Müller-Lindqvist", "Giuseppe Cavo Dragone",
                                   "Joost van der Westhuizen"));
}

TEST(PersonRecognizerTest, BareSurnameResolvesToTheFullName) {
  const std::string text =
      "Caine is leading the session. Gen. Dan Caine, chairman of the Joint Chiefs of Staff, "
      "spoke first, and later Caine joined his counterparts.";
  EXPECT_THAT(Mentions(text), ElementsAre("Caine", "Dan Caine", "Caine"));
  for (const EntityMention& m : PersonRecognizer(EntityResourcesForTest()).Find(text)) {
    EXPECT_EQ(m.key, "dan caine") << m.text;
  }
  Article article;
  article.body = text;
  const ArticleEntities found = ExtractEntities(article, EntityResourcesForTest());
  ASSERT_EQ(found.people.size(), 1u);
  EXPECT_EQ(found.people[0].name, "Dan Caine");
  EXPECT_EQ(found.people[0].mentions.size(), 3u);
}

TEST(PersonRecognizerTest, SpellingVariantsInOneArticleAreOnePerson) {
  Article article;
  article.body = "Ukrainian President Volodymyr Zelenskyy met Trump. Zelensky said little.";
  const ArticleEntities found = ExtractEntities(article, EntityResourcesForTest());
  std::vector<std::string> keys;
  for (const Person& p : found.people) keys.push_back(p.key);
  EXPECT_THAT(keys, Contains("volodymyr zelensky"));
  for (const Person& p : found.people) {
    if (p.key == "volodymyr zelensky") {
      EXPECT_EQ(p.mentions.size(), 2u);
    }
  }
}

TEST(PersonRecognizerTest, WashingtonThePersonAndWashingtonTheCity) {
  Article article;
  article.title = "Senator Washington presses White House";
  article.body =
      "WASHINGTON - Senator Claire Washington on Wednesday urged the administration to "
      "explain its plans.\n\nWashington, a member of the Senate Armed Services Committee, "
      "spoke to reporters in Washington. “We need a vote,” Washington said.";
  const ArticleEntities found = ExtractEntities(article, EntityResourcesForTest());
  ASSERT_EQ(found.people.size(), 1u);
  EXPECT_EQ(found.people[0].name, "Claire Washington");
  // Title mention, full name, apposition, speaker: four; "in Washington" and the dateline
  // are the city.
  EXPECT_EQ(found.people[0].mentions.size(), 4u);
  ASSERT_EQ(found.locations.size(), 1u);
  EXPECT_EQ(found.locations[0].canonical, "Washington, D.C.");
  EXPECT_EQ(found.locations[0].mentions.size(), 2u);
  ASSERT_EQ(found.quotes.size(), 1u);
  EXPECT_EQ(found.quotes[0].speaker, "Claire Washington");

  // Without a person of that name, Washington is the city (and the government).
  EXPECT_THAT(People("Trump suggested Washington could provide air support."), IsEmpty());
}

TEST(PersonRecognizerTest, OrganisationsAndNationalitiesAreNotPeople) {
  EXPECT_THAT(People("Fox News reported, RIA Novosti said and the Associated Press confirmed "
                     "that the White House and the Russian and Swedish officials met at the "
                     "Military Committee."),
              IsEmpty());
}

TEST(PersonRecognizerTest, SentenceInitialWordsAreNotNames) {
  EXPECT_THAT(People("Reading the statement, officials smiled. According to a U.S. official, "
                     "talks went well. Speaking later, nobody objected."),
              IsEmpty());
}

TEST(PersonRecognizerTest, ListsOfNamesAroundAKnownName) {
  EXPECT_THAT(Mentions("The squad: Glenn McGrath, Ricky Ponting, Sanath Jayasuriya and Upul "
                       "Chandana."),
              ElementsAre("Glenn McGrath", "Ricky Ponting", "Sanath Jayasuriya", "Upul Chandana"));
}

// Class: a given name that is also an organisation's word ("Bill") right after a title.
TEST(PersonRecognizerTest, GivenNameThatIsAnOrganisationWordAfterATitle) {
  EXPECT_THAT(Mentions("President Bill Clinton said on Friday he would veto it."),
              ElementsAre("Bill Clinton"));
  EXPECT_THAT(Mentions("The Senate passed the Farm Bill on Friday."), IsEmpty());
}

// Class: a title standing before a name is not itself a person called King.
TEST(PersonRecognizerTest, TitleBeforeANameIsNoPerson) {
  EXPECT_THAT(People("Cambodia's King Norodom Sihanouk returned on Friday. Gaddafi deposed King "
                     "Mohammed Idris in 1969."),
              Not(Contains("King")));
}

// Class: reporters' bylines on the line before a dateline, also when the surname is a
// nationality word.
TEST(PersonRecognizerTest, BylineLineBeforeTheDateline) {
  EXPECT_THAT(People("Hingis beats Seles in a final\n\nRichard Finn\n\nNEW YORK 1996-08-31\n\n"
                     "Martina Hingis won the title on Saturday."),
              Contains("Richard Finn"));
  EXPECT_THAT(People("Markets steady\n\nBy Emese Bartha\n\nBUDAPEST 1996-08-30\n\nShares of "
                     "the bank rose on Friday."),
              Contains("Emese Bartha"));
  // A headline line is no byline.
  EXPECT_THAT(People("Oil Prices Rise\n\nLONDON 1996-08-30\n\nPrices rose on Friday."), IsEmpty());
}

// Class: regnal numbers end a name; a lone "I" only after a royal title.
TEST(PersonRecognizerTest, RegnalNumbersEndNames) {
  EXPECT_THAT(People("1533 - Queen Elizabeth I born. Daughter of Henry VIII and his second wife."),
              UnorderedElementsAre("Elizabeth I", "Henry VIII"));
  EXPECT_THAT(Mentions("When Alan I spoke, nobody listened."), Not(Contains("Alan I")));
}

// Class: line-ups and lists with no cue of their own beside one person or given name.
TEST(PersonRecognizerTest, ListsOfNameShapedItemsAreListsOfPeople) {
  EXPECT_THAT(People("CRICKET - SRI LANKA SQUAD\n\nSri Lanka: Arjuna Ranatunga (captain), Sanath "
                     "Jayasuriya, Romesh Kaluwitharana, "
                     "Asanka Gurusinha, Aravinda de Silva, Hashan Tillekeratne, Roshan Mahanama."),
              UnorderedElementsAre("Arjuna Ranatunga", "Sanath Jayasuriya", "Romesh Kaluwitharana",
                                   "Asanka Gurusinha", "Aravinda de Silva", "Hashan Tillekeratne",
                                   "Roshan Mahanama"));
  // Companies in a list are not people: no item is a person or opens with a given name.
  EXPECT_THAT(People("Shares of Nippon Steel, Sumitomo Metal, Kawasaki Steel and Kobe Steel "
                     "rose on Friday."),
              IsEmpty());
}

// Class: competitors in results, a country (or in sports copy a minute) in brackets.
TEST(PersonRecognizerTest, CompetitorsBeforeACountryInBrackets) {
  EXPECT_THAT(People("TENNIS - RESULTS\n\nThomas Enqvist (Sweden) beat Andrei Medvedev (Ukraine) "
                     "6-4 6-4. Bohdan Ulihrach (Czech Republic) beat Karol Kucera (Slovakia) 6-3 "
                     "6-2.\n\nScorers: Romania - Viorel Moldovan (21st minute)."),
              UnorderedElementsAre("Thomas Enqvist", "Andrei Medvedev", "Bohdan Ulihrach",
                                   "Karol Kucera", "Viorel Moldovan"));
  // Outside sports copy, only a given name makes one.
  EXPECT_THAT(People("Rio Tinto (Australia) raised its dividend on Friday."), IsEmpty());
}

// Class: a name broken by a hard line wrap, the first line short because the dateline was
// cut from it (Reuters-21578 article 1811).
TEST(PersonRecognizerTest, NamesBrokenAcrossHardWrappedLines) {
  EXPECT_THAT(People("U.S. Trade Representative Clayton\n"
                     "Yeutter said he hoped the U.S. dollar would continue to decline\n"
                     "in relation to the currencies of Taiwan and South Korea as a\n"
                     "way to improve the U.S. trade picture, officials said on Monday.\n"
                     "    Asked by a committee member if he expected a further\n"
                     "decline, Yeutter said the currencies should be adjusted."),
              ElementsAre("Clayton Yeutter"));
}

// Class: a title whose office follows "of (the)" before the name (article 458).
TEST(PersonRecognizerTest, TitleOfTheOfficeBeforeTheName) {
  EXPECT_THAT(People("U.K. Chancellor of the Exchequer Nigel Lawson has told Brazil's Finance "
                     "Minister Dilson Funaro that talks are a matter for the banks."),
              UnorderedElementsAre("Nigel Lawson", "Dilson Funaro"));
  EXPECT_THAT(People("The Governor of the Bank of England Robin Leigh-Pemberton spoke on Friday."),
              ElementsAre("Robin Leigh-Pemberton"));
}

// Class: firms named after people ("Merrill Lynch", listed by `stats people` on Reuters):
// a firm's word after the name, a list before it, "analysts at"; in the article and, through
// the statistics of the articles indexed together, in the others.
TEST(PersonRecognizerTest, FirmsNamedAfterPeopleAreNotPeople) {
  EXPECT_THAT(People("Merrill Lynch and Co said on Friday it would cut jobs. Merrill Lynch "
                     "analyst John Smith said the cuts were expected."),
              ElementsAre("John Smith"));
  EXPECT_THAT(People("Smith Barney, Harris Upham and Co and an analyst at Goldman Sachs said "
                     "the market would rise."),
              IsEmpty());
  const std::vector<std::string> corpus = {
      "Shares of Merrill Lynch and Co rose 2 dlrs on Friday.",
      "Merrill Lynch said its profits rose in the quarter, the firm said on Monday."};
  const std::shared_ptr<const CorpusStatistics> stats =
      CorpusStatistics::Build(corpus, EntityResourcesForTest());
  Article second;
  second.id = "t";
  second.body = corpus[1];
  EXPECT_THAT(ExtractEntities(second, EntityResourcesForTest(), stats.get()).people, IsEmpty());
}

// Class: initials alone and amounts written like names.
TEST(PersonRecognizerTest, InitialsAloneAndAmountsAreNotPeople) {
  EXPECT_THAT(People("Net profit was 45 mln N.Z. Dlrs against 38 mln N.Z. Dlrs, the firm said."),
              IsEmpty());
}

// Class: family name first ("Wang Donghai" … "Wang was arrested"): a lone word that opens a
// two-word name of the article and is no common given name is that person.
TEST(PersonRecognizerTest, FamilyNameFirstAloneIsThePerson) {
  EXPECT_THAT(Mentions("The detention of veteran dissident Wang Donghai showed the state's "
                       "resolve. Wang was arrested in the east China city of Hangzhou. Police "
                       "beat Wang and his colleague, an activist said."),
              ElementsAre("Wang Donghai", "Wang", "Wang"));
  // A common given name alone is not the person it opens: "John" is no "John Smith".
  EXPECT_THAT(Mentions("Finance chief John Smith spoke on Friday. John was not there."),
              ElementsAre("John Smith"));
}

// Class: a person known by a surname with a strong cue ("Krenzler said") and named in full
// with a weak one ("according to Eugene Krenzler, wheat specialist") is one person under the
// fuller name; a given name that is also a town's or a firm's word opens the name.
TEST(PersonRecognizerTest, TheFullerNameOfAPersonKnownByTheSurname) {
  EXPECT_THAT(People("Frost may harm wheat in Oklahoma, according to Eugene Krenzler, wheat\n"
                     "specialist for the Oklahoma Cooperative Extension.\n"
                     "    \"There is some threat,\" Krenzler said.\n"
                     "    Krenzler said less than 10 pct of the crop is at risk."),
              ElementsAre("Eugene Krenzler"));
  EXPECT_THAT(People("Prices may rise further.\n    David Wyss of Data Resources Inc noted that "
                     "imported goods prices rose.\n    Wyss said the rise would slow."),
              ElementsAre("David Wyss"));
  EXPECT_THAT(People("Production fell 14 pct, said Bill Guerard of the California Energy "
                     "Commission."),
              ElementsAre("Bill Guerard"));
}

// Hostile and tricky inputs around the rules above.
TEST(PersonRecognizerTest, RulesHoldOnHostileAndTrickyInput) {
  // Regnal numbers: a long run of numerals is no deep recursion.
  std::string numerals = "Henry";
  for (int i = 0; i < 50000; ++i) numerals += " V";
  EXPECT_THAT(People(numerals), Not(Contains("Henry V V")));
  // Firm lists: a long comma list of firms is read in linear time.
  std::string firms;
  for (int i = 0; i < 20000; ++i) firms += "Ab Inc, ";
  EXPECT_THAT(People(firms), IsEmpty());
  // A person in apposition before a firm is still a person.
  EXPECT_THAT(People("\"The dollar will fall,\" said Peter Treadwell, Merrill Lynch economist."),
              ElementsAre("Peter Treadwell"));
  // A surname that is also a currency is a name; only initials before one make an amount.
  EXPECT_THAT(People("Fund manager Howard Marks said on Friday that bonds were cheap."),
              ElementsAre("Howard Marks"));
  // A headline before a dateline is no byline.
  EXPECT_THAT(People("Yeltsin Backs Lebed\n\nMOSCOW 1996-08-30\n\nRussian security chief "
                     "Alexander Lebed met rebels on Friday."),
              Not(Contains("Yeltsin Backs Lebed")));
  // A full name after the surname's first mention is someone else of the family.
  EXPECT_THAT(People("President George Bush spoke on Friday. Bush said he would veto the bill. "
                     "First lady Barbara Bush visited a school."),
              Contains("George Bush"));
  // Firms in a list are no people even when they open with a given name.
  EXPECT_THAT(People("Shearson Lehman Brothers Inc, Dean Witter Reynolds Inc and Charles Schwab "
                     "Corp cut fees. Shearson Lehman, Dean Witter, Charles Schwab and Paine "
                     "Webber said so on Friday."),
              IsEmpty());
}

TEST(PersonRecognizerTest, BylineAndEditingCredits) {
  EXPECT_THAT(People("(Reporting by Idrees Ali and Sabine Siebold; Editing by Chizu Nomiyama, "
                     "Rod Nickel and David Gregorio)"),
              UnorderedElementsAre("Idrees Ali", "Sabine Siebold", "Chizu Nomiyama", "Rod Nickel",
                                   "David Gregorio"));
}

}  // namespace
}  // namespace newsgrep
