// SPDX-License-Identifier: GPL-2.0-or-later
/// @file near_duplicates_test.cc
/// @brief Fingerprints: robust to the edits republication makes, apart for distinct stories.
#include "newsgrep/near_duplicates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/schema.h"

namespace newsgrep {
namespace {

using ::testing::Contains;

constexpr char kTitle[] = "Allied defence chiefs weigh options for Ukraine";
constexpr char kBody[] =
    "Defence chiefs from the alliance met by video link on Wednesday to discuss what "
    "guarantees for Ukraine could look like once the fighting stops, as governments race to "
    "turn broad political pledges into workable military plans.\n\n"
    "The session brought together chiefs of defence from all member states. Officials said "
    "it lasted a little over two hours and focused on air policing, training missions and "
    "the protection of Black Sea ports.\n\n"
    "Planners have been asked to produce detailed options within ten days, according to two "
    "people familiar with the talks, and ministers will review them in the autumn.\n\n"
    "Several officers questioned whether a European force could operate without American air "
    "cover, one official said, adding that no decision had been taken on ground troops.";

// Another article on the same event, written independently.
constexpr char kOtherBody[] =
    "Ukraine's defence minister welcomed Wednesday's meeting of alliance military chiefs but "
    "said his country would judge its partners by what they deliver, not by communiques.\n\n"
    "Speaking in Kyiv, he said guarantees needed aircraft, air defence and people behind "
    "them, and that the experience of the past decade showed paper promises were not enough.\n\n"
    "Diplomats in Brussels said the military options would go to ministers in the autumn.";

Similarity Compare(const std::string& title_a, const std::string& a, const std::string& title_b,
                   const std::string& b) {
  return CompareFingerprints(FingerprintArticle(title_a, a), FingerprintArticle(title_b, b));
}

TEST(NearDuplicatesTest, IdenticalTextIsADuplicateWithIdenticalBandKeys) {
  const TextFingerprint a = FingerprintArticle(kTitle, kBody);
  const TextFingerprint b = FingerprintArticle(kTitle, kBody);
  EXPECT_EQ(a.band_keys, b.band_keys);
  ASSERT_EQ(a.band_keys.size(), kBands);
  for (size_t band = 0; band < kBands; ++band) {
    EXPECT_EQ(a.band_keys[band] >> 32, band);  // each band's key names its band
  }
  const Similarity s = CompareFingerprints(a, b);
  EXPECT_DOUBLE_EQ(s.jaccard, 1.0);
  EXPECT_TRUE(IsNearDuplicate(s));
}

TEST(NearDuplicatesTest, TypographicAndStraightPunctuationGiveTheSameWords) {
  const std::string straight = absl::StrReplaceAll(kBody, {{"Ukraine", "Ukraine's"}});
  const std::string curly = absl::StrReplaceAll(kBody, {{"Ukraine", "Ukraine\u2019s"}});
  EXPECT_DOUBLE_EQ(Compare(kTitle, straight, kTitle, curly).jaccard, 1.0);
}

TEST(NearDuplicatesTest, ChangedTitleDoesNotMatterForAFullLengthBody) {
  EXPECT_DOUBLE_EQ(Compare(kTitle, kBody, "UPDATE 1-Something else entirely", kBody).jaccard, 1.0);
}

TEST(NearDuplicatesTest, SpellingFixAndAddedSentenceStayDuplicates) {
  std::string refiled = absl::StrReplaceAll(kBody, {{"a little over", "a litle over"}});
  refiled += " A spokesperson declined to give further details on Wednesday evening.";
  const Similarity s = Compare(kTitle, kBody, kTitle, refiled);
  EXPECT_GT(s.jaccard, 0.8);
  EXPECT_TRUE(IsNearDuplicate(s));
}

TEST(NearDuplicatesTest, TrimmedCopyIsContainedInTheOriginal) {
  const std::string trimmed(kBody, std::string(kBody).rfind("\n\n"));  // last paragraph cut
  const Similarity s = Compare(kTitle, kBody, "Shorter headline", trimmed);
  EXPECT_DOUBLE_EQ(s.containment, 1.0);
  EXPECT_TRUE(IsNearDuplicate(s));
}

TEST(NearDuplicatesTest, CleanedPageWithChromeAndRepetitionMatchesTheWireCopy) {
  const std::string page = absl::StrCat("Share this article\n\nBy Jane Doe\n\n", kBody, "\n\n",
                                        kBody, "\n\nClick here to get our app");
  const Similarity s = Compare(kTitle, kBody, kTitle, CleanBody(page));
  EXPECT_DOUBLE_EQ(s.jaccard, 1.0);
}

TEST(NearDuplicatesTest, DifferentArticleAboutTheSameEventIsNotADuplicate) {
  const Similarity s = Compare(kTitle, kBody, "Kyiv wants deeds", kOtherBody);
  EXPECT_LT(s.jaccard, 0.1);
  EXPECT_FALSE(IsNearDuplicate(s));
}

TEST(NearDuplicatesTest, ShortNoticesDifferingOnlyInTheHeadlineAreDistinct) {
  // Identical short bodies (a dividend notice) for two companies: the title decides.
  const std::string notice = "Qtly div 10 cts vs 10 cts prior. Pay April 1. Record March 15.";
  const Similarity s = Compare("ALPHA CORP SETS QUARTERLY DIVIDEND", notice,
                               "OMEGA INC SETS QUARTERLY DIVIDEND", notice);
  EXPECT_FALSE(IsNearDuplicate(s)) << s.jaccard;
  EXPECT_STREQ(s.short_verdict, "the titles differ in a name or figure");
  EXPECT_TRUE(IsNearDuplicate(Compare("ALPHA CORP SETS QUARTERLY DIVIDEND", notice,
                                      "ALPHA CORP SETS QUARTERLY DIVIDEND", notice)));
}

// ---- Short texts: decided by what differs ----

constexpr char kLede[] =
    "The city council voted on Tuesday to extend the late-night bus service to the eastern "
    "suburbs after a year-long trial drew more riders than expected.";
constexpr char kLedeTitle[] = "Council extends night buses";

Similarity CompareShort(const std::string& title_b, const std::string& body_b) {
  return Compare(kLedeTitle, kLede, title_b, body_b);
}

TEST(NearDuplicatesTest, ShortRepublicationWithChromeAndASiteInTheTitleJoins) {
  for (const char* title : {"Council extends night buses - Valley Courier",
                            "Valley Courier | Council extends night buses",
                            "Council extends night buses (Valley Courier)"}) {
    const Similarity s =
        CompareShort(title, absl::StrCat("Sponsored by Valley Courier Partners\n\n", kLede,
                                         "\n\n\u00A9 2026 Valley Courier. All rights reserved."));
    EXPECT_TRUE(s.short_text);
    EXPECT_LT(s.jaccard, 0.9) << title;  // the old rule's threshold
    EXPECT_TRUE(IsNearDuplicate(s)) << title << ": " << s.short_verdict;
  }
}

TEST(NearDuplicatesTest, ShortRepublicationWithADatelineOrCreditJoins) {
  const Similarity s = CompareShort(kLedeTitle, absl::StrCat("LONDON (NorthWire) - ", kLede));
  EXPECT_TRUE(IsNearDuplicate(s)) << s.short_verdict;
}

TEST(NearDuplicatesTest, ShortRepublicationWithAWordOrTwoEditedJoins) {
  const std::string one = absl::StrReplaceAll(kLede, {{"drew more riders", "drew many riders"}});
  const std::string two =
      absl::StrReplaceAll(kLede, {{"drew more riders", "drew many riders"}, {"eastern", "outer"}});
  EXPECT_TRUE(IsNearDuplicate(CompareShort(kLedeTitle, one)));
  EXPECT_TRUE(IsNearDuplicate(CompareShort(kLedeTitle, two)));
  const std::string three = absl::StrReplaceAll(
      kLede, {{"drew more riders", "drew many riders"}, {"eastern", "outer"}, {"trial", "test"}});
  const Similarity s = CompareShort(kLedeTitle, three);
  EXPECT_FALSE(IsNearDuplicate(s));
  EXPECT_STREQ(s.short_verdict, "more words edited than a correction");
}

TEST(NearDuplicatesTest, TwoSitesChromeAroundTheSameShortTextJoins) {
  // (Chrome lines with figures or names, "Listen (2 min)", "Follow the Valley Courier",
  // are not told from a template's first or last lines; such copies join through their
  // original, and the cleaner removes most of them first.)
  const Similarity s =
      Compare("Council extends night buses - Daily Ledger",
              absl::StrCat("Listen to this story\n\n", kLede, "\n\nGet the app"),
              "Council extends night buses",
              absl::StrCat("Story continues below\n\n", kLede, "\n\nAdvertisement"));
  EXPECT_TRUE(IsNearDuplicate(s)) << s.short_verdict;
}

TEST(NearDuplicatesTest, FirstLinesThatNameDifferentCompaniesAreNotChrome) {
  const std::string notice = "Qtly div 10 cts vs 10 cts prior\nPay April 1\nRecord March 15";
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"Alpha Corp", "Omega Inc"}, {"Statement by Alpha Corp", "Statement by Omega Inc"}}) {
    const Similarity s =
        Compare("Dividend declared", a + "\n" + notice, "Dividend declared", b + "\n" + notice);
    EXPECT_FALSE(IsNearDuplicate(s)) << a << ": " << s.short_verdict;
  }
}

TEST(NearDuplicatesTest, AnUntitledShortTextDoesNotJoinTitledNotices) {
  // Else two notices for two companies would each join the untitled one's story.
  const std::string notice = "Qtly div 10 cts vs 10 cts prior. Pay April 1. Record March 15.";
  const Similarity s = Compare("", notice, "ALPHA CORP SETS QUARTERLY DIVIDEND", notice);
  EXPECT_FALSE(IsNearDuplicate(s));
  EXPECT_TRUE(IsNearDuplicate(Compare("", notice, "", notice)));
}

TEST(NearDuplicatesTest, ShortTextsThatDifferInANameOrAFigureStayApart) {
  const std::string name = absl::StrReplaceAll(kLede, {{"Tuesday", "Friday"}});
  const std::string figure = absl::StrReplaceAll(kLede, {{"year-long", "two-year"}});
  const std::string digits = absl::StrReplaceAll(kLede, {{"a year-long", "a 12-month"}});
  for (const std::string& body : {name, figure, digits}) {
    const Similarity s = CompareShort(kLedeTitle, body);
    EXPECT_FALSE(IsNearDuplicate(s)) << body;
    EXPECT_STREQ(s.short_verdict, "the bodies differ in a name or figure");
  }
  const Similarity title = CompareShort("Council extends night buses to Leeds", kLede);
  EXPECT_FALSE(IsNearDuplicate(title));
}

TEST(NearDuplicatesTest, TemplatedNoticesDifferingInAFigureOrTheirLastLineStayApart) {
  // One company, two notices: the figures are the news.
  const Similarity words = Compare(
      "ALPHA CORP SETS QUARTERLY DIVIDEND", "Qtly div three cts vs three cts prior\nPay April 1",
      "ALPHA CORP SETS QUARTERLY DIVIDEND", "Qtly div five cts vs five cts prior\nPay April 1");
  EXPECT_FALSE(IsNearDuplicate(words));
  // A rate table of one template: its last line differs, in figures only.
  const std::string table =
      "The Federal Home Loan Mortgage Corp adjusted the rates on its short-term discount "
      "notes as follows:\n   MATURITY   RATE   OLD RATE\n";
  const Similarity rates =
      Compare("FREDDIE MAC ADJUSTS RATES", absl::StrCat(table, "    32 days  6.00 pct  6.10 pct"),
              "FREDDIE MAC ADJUSTS RATES", absl::StrCat(table, "    28 days  5.95 pct  5.95 pct"));
  EXPECT_FALSE(IsNearDuplicate(rates)) << rates.short_verdict;
}

TEST(NearDuplicatesTest, AShortTextAndALongOneAreComparedOnlyUpToALength) {
  // A brief that is the first paragraph of a longer article: a trimmed copy.
  const std::string longer =
      absl::StrCat(kLede,
                   "\n\nThe service will run every thirty minutes between midnight and five in the "
                   "morning, and fares will stay as they are, the council said.");
  EXPECT_TRUE(IsNearDuplicate(CompareShort(kLedeTitle, longer)));
  // Against a text of more than kMaxComparedWords words, never.
  const Similarity s = CompareShort(kLedeTitle, absl::StrCat(kLede, "\n\n", kBody, "\n\n", kBody));
  EXPECT_FALSE(IsNearDuplicate(s));
}

TEST(NearDuplicatesTest, AShortRepublicationSharesALedeBandWithItsOriginal) {
  const TextFingerprint original = FingerprintArticle(kLedeTitle, kLede);
  const TextFingerprint copy = FingerprintArticle(
      "Council extends night buses - Valley Courier",
      absl::StrCat("Sponsored by Valley Courier Partners\n\n", kLede,
                   "\n\nFollow Valley Courier on Facebook and X for the latest updates"));
  ASSERT_EQ(original.band_keys.size(), kBands);  // one paragraph: its bands are the lede's
  ASSERT_GT(copy.band_keys.size(), kBands);
  for (size_t band = 0; band < kLedeBands; ++band) {
    EXPECT_THAT(copy.band_keys, Contains(original.band_keys[band])) << band;
  }
  const std::set<uint64_t> unique(copy.band_keys.begin(), copy.band_keys.end());
  EXPECT_EQ(unique.size(), copy.band_keys.size());  // each key once
  EXPECT_TRUE(MayBeNearDuplicate(original.sketch, copy.sketch));
}

TEST(NearDuplicatesTest, TooShortTextsGetNoBandKeys) {
  const TextFingerprint fingerprint = FingerprintArticle("Brief", "Rates unchanged.");
  EXPECT_TRUE(fingerprint.band_keys.empty());
  EXPECT_FALSE(IsNearDuplicate(CompareFingerprints(fingerprint, fingerprint)));
}

TEST(NearDuplicatesTest, ContainmentNeedsEnoughTextToBeTrusted) {
  // A ten-word snippet fully contained in a long article is not a copy of it.
  const Similarity s =
      Compare("", "Defence chiefs from the alliance met by video link on Wednesday", kTitle, kBody);
  EXPECT_DOUBLE_EQ(s.containment, 1.0);
  EXPECT_FALSE(IsNearDuplicate(s));
}

// ---- Sketches (MayBeNearDuplicate) ----

// `count` distinct made-up words starting at word number `first` ("w17 w18 ...").
std::string Words(int first, int count) {
  std::string text;
  for (int i = first; i < first + count; ++i) {
    absl::StrAppend(&text, text.empty() ? "" : " ", "w", i * 7919 % 100003);
  }
  return text;
}

TEST(NearDuplicatesTest, SketchesLetNearDuplicatesThrough) {
  const std::string text = Words(0, 400);
  // Every tenth word replaced: about 30 % of the shingles differ, still a near-duplicate.
  std::string edited;
  for (int i = 0; i < 400; ++i) {
    absl::StrAppend(&edited, i ? " " : "", i % 10 == 5 ? absl::StrCat("x", i) : Words(i, 1));
  }
  const TextFingerprint a = FingerprintArticle("", text);
  const TextFingerprint b = FingerprintArticle("", edited);
  ASSERT_TRUE(IsNearDuplicate(CompareFingerprints(a, b))) << CompareFingerprints(a, b).jaccard;
  EXPECT_TRUE(MayBeNearDuplicate(a.sketch, b.sketch));
  EXPECT_TRUE(MayBeNearDuplicate(a.sketch, a.sketch));
  // A 60-word excerpt is contained in the whole: a near-duplicate by containment, although
  // its resemblance is only about 0.15.
  const TextFingerprint excerpt = FingerprintArticle("", Words(100, 60));
  const Similarity contained = CompareFingerprints(excerpt, a);
  ASSERT_TRUE(IsNearDuplicate(contained)) << contained.containment;
  ASSERT_LT(contained.jaccard, 0.2);
  EXPECT_TRUE(MayBeNearDuplicate(excerpt.sketch, a.sketch));
}

TEST(NearDuplicatesTest, SketchesRuleOutTextsThatShareOnlyAPassage) {
  // Two 300-word texts with one 30-word passage in common: resemblance about 0.05.
  const TextFingerprint a = FingerprintArticle("", Words(0, 300));
  const TextFingerprint b = FingerprintArticle(
      "", absl::StrCat(Words(1000, 135), " ", Words(50, 30), " ", Words(2000, 135)));
  const Similarity s = CompareFingerprints(a, b);
  ASSERT_GT(s.jaccard, 0.02);
  ASSERT_FALSE(IsNearDuplicate(s));
  EXPECT_FALSE(MayBeNearDuplicate(a.sketch, b.sketch));
}

TEST(NearDuplicatesTest, EmptySketchesTellNothing) {
  const TextFingerprint tiny = FingerprintArticle("Brief", "Rates unchanged.");
  const TextFingerprint full = FingerprintArticle(kTitle, kBody);
  EXPECT_EQ(tiny.sketch.shingles, 0u);
  EXPECT_EQ(full.sketch.shingles, full.shingles.size());
  EXPECT_TRUE(MayBeNearDuplicate(tiny.sketch, full.sketch));
  EXPECT_TRUE(MayBeNearDuplicate(FingerprintSketch(), FingerprintSketch()));
}

// On real wire copy: every pair of Reuters-21578 articles that shares a band (the
// candidates the index proposes) and is a near-duplicate gets through its sketches, and
// most pairs that are not are ruled out.
TEST(NearDuplicatesTest, SketchesNeverRuleOutAReutersNearDuplicate) {
  const std::string corpus = std::string(NEWSGREP_SHARED_CORPUS) + "/reuters21578.jsonl.gz";
  if (!std::ifstream(corpus)) GTEST_SKIP() << "no shared corpus at " << corpus;
  std::vector<TextFingerprint> fingerprints;
  ReadCallbacks callbacks;
  callbacks.on_problem = [](const InputProblem&) {};
  callbacks.on_article = [&](Article&& article) {
    fingerprints.push_back(FingerprintArticle(article.title, CleanBody(article.body)));
    return absl::OkStatus();
  };
  ASSERT_TRUE(ReadArticles(corpus, callbacks).ok());
  std::map<uint64_t, std::vector<size_t>> by_band;
  for (size_t i = 0; i < fingerprints.size(); ++i) {
    for (const uint64_t band : fingerprints[i].band_keys) by_band[band].push_back(i);
  }
  std::set<std::pair<size_t, size_t>> candidates;
  for (const auto& [band, members] : by_band) {
    if (members.size() > 200) continue;  // boilerplate shared by hundreds: pairs enough
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) candidates.emplace(members[x], members[y]);
    }
  }
  size_t duplicates = 0, others = 0, ruled_out = 0;
  for (const auto& [i, j] : candidates) {
    const bool duplicate = IsNearDuplicate(CompareFingerprints(fingerprints[i], fingerprints[j]));
    const bool maybe = MayBeNearDuplicate(fingerprints[i].sketch, fingerprints[j].sketch);
    if (duplicate) {
      ++duplicates;
      EXPECT_TRUE(maybe) << "articles " << i << " and " << j;
    } else {
      ++others;
      if (!maybe) ++ruled_out;
    }
  }
  ASSERT_GT(duplicates, 1000u);
  ASSERT_GT(others, 1000u);
  EXPECT_GT(ruled_out, others / 2) << ruled_out << " of " << others;
  std::cout << "candidate pairs: " << duplicates << " near-duplicates, " << others
            << " others, of which " << ruled_out << " ruled out by their sketches\n";
}

}  // namespace
}  // namespace newsgrep
