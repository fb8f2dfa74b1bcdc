/// @file near_duplicates_test.cc
/// @brief Fingerprints: robust to the edits republication makes, apart for distinct stories.
#include "newsgrep/near_duplicates.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/schema.h"

namespace newsgrep {
namespace {

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

TEST(NearDuplicatesTest, IdenticalTextIsADuplicateWithIdenticalBandTerms) {
  const TextFingerprint a = FingerprintArticle(kTitle, kBody);
  const TextFingerprint b = FingerprintArticle(kTitle, kBody);
  EXPECT_EQ(a.band_terms, b.band_terms);
  EXPECT_EQ(a.band_terms.size(), kBands);
  for (const std::string& term : a.band_terms) {
    EXPECT_TRUE(absl::StartsWith(term, schema::kBandPrefix)) << term;
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
  const Similarity s =
      Compare("ALPHA CORP SETS QUARTERLY DIVIDEND", notice, "OMEGA INC SETS QUARTERLY DIVIDEND",
              notice);
  EXPECT_FALSE(IsNearDuplicate(s)) << s.jaccard;
}

TEST(NearDuplicatesTest, TooShortTextsGetNoBandTerms) {
  const TextFingerprint fingerprint = FingerprintArticle("Brief", "Rates unchanged.");
  EXPECT_TRUE(fingerprint.band_terms.empty());
  EXPECT_FALSE(IsNearDuplicate(CompareFingerprints(fingerprint, fingerprint)));
}

TEST(NearDuplicatesTest, ContainmentNeedsEnoughTextToBeTrusted) {
  // A ten-word snippet fully contained in a long article is not a copy of it.
  const Similarity s =
      Compare("", "Defence chiefs from the alliance met by video link on Wednesday", kTitle,
              kBody);
  EXPECT_DOUBLE_EQ(s.containment, 1.0);
  EXPECT_FALSE(IsNearDuplicate(s));
}

}  // namespace
}  // namespace newsgrep
