// SPDX-License-Identifier: GPL-2.0-or-later
// Unit tests for ParseNewsDate and the NewsDate formatters.
#include "newsgrep/dates.h"

#include <iterator>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgrep {
namespace {

// The Iso8601() form of what `text` parses to, or "(nullopt)".
std::string Parsed(absl::string_view text) {
  std::optional<NewsDate> date = ParseNewsDate(text);
  return date ? date->Iso8601() : "(nullopt)";
}

TEST(DatesTest, IsoDateOnly) {
  std::optional<NewsDate> date = ParseNewsDate("2025-08-20");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->year, 2025);
  EXPECT_EQ(date->month, 8);
  EXPECT_EQ(date->day, 20);
  EXPECT_FALSE(date->has_time);
  EXPECT_EQ(date->Iso8601(), "2025-08-20");
  EXPECT_EQ(date->DateValue(), "20250820");
  EXPECT_EQ(date->TimestampValue(), "20250820000000");
}

TEST(DatesTest, IsoWithTime) {
  std::optional<NewsDate> date = ParseNewsDate("2025-08-20T14:05:09");
  ASSERT_TRUE(date.has_value());
  EXPECT_TRUE(date->has_time);
  EXPECT_EQ(date->hour, 14);
  EXPECT_EQ(date->minute, 5);
  EXPECT_EQ(date->second, 9);
  EXPECT_EQ(date->Iso8601(), "2025-08-20T14:05:09Z");
  EXPECT_EQ(date->DateValue(), "20250820");
  EXPECT_EQ(date->TimestampValue(), "20250820140509");
}

TEST(DatesTest, IsoWithHoursAndMinutesOnly) {
  EXPECT_EQ(Parsed("2025-08-20T14:05"), "2025-08-20T14:05:00Z");
}

TEST(DatesTest, IsoWithSpaceOrLowercaseSeparator) {
  EXPECT_EQ(Parsed("2025-08-20 14:05:00"), "2025-08-20T14:05:00Z");
  EXPECT_EQ(Parsed("2025-08-20t14:05:00z"), "2025-08-20T14:05:00Z");
}

TEST(DatesTest, IsoWithZ) {
  std::optional<NewsDate> date = ParseNewsDate("2025-08-20T14:05:00Z");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->Iso8601(), "2025-08-20T14:05:00Z");
  EXPECT_EQ(date->TimestampValue(), "20250820140500");
}

TEST(DatesTest, IsoPositiveOffsetIsConvertedToUtc) {
  std::optional<NewsDate> date = ParseNewsDate("2025-08-20T14:05:00+02:00");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->hour, 12);
  EXPECT_EQ(date->Iso8601(), "2025-08-20T12:05:00Z");
  EXPECT_EQ(date->DateValue(), "20250820");
  EXPECT_EQ(date->TimestampValue(), "20250820120500");
}

TEST(DatesTest, IsoNegativeOffsetWithoutColonIsConvertedToUtc) {
  EXPECT_EQ(Parsed("2025-08-20T14:05:00-0500"), "2025-08-20T19:05:00Z");
  EXPECT_EQ(Parsed("2025-08-20T14:05:00-05"), "2025-08-20T19:05:00Z");
  EXPECT_EQ(Parsed("2025-08-20T14:05:00+05:30"), "2025-08-20T08:35:00Z");
}

TEST(DatesTest, OffsetConversionRollsTheDayOver) {
  // Back into the previous day, month and year.
  EXPECT_EQ(Parsed("2025-08-20T01:30:00+02:00"), "2025-08-19T23:30:00Z");
  EXPECT_EQ(Parsed("2025-03-01T00:30:00+01:00"), "2025-02-28T23:30:00Z");
  EXPECT_EQ(Parsed("2024-03-01T00:30:00+01:00"), "2024-02-29T23:30:00Z");  // leap year
  EXPECT_EQ(Parsed("2025-01-01T00:00:00+00:01"), "2024-12-31T23:59:00Z");
  // Forward into the next day, month and year.
  EXPECT_EQ(Parsed("2025-12-31T22:15:00-0500"), "2026-01-01T03:15:00Z");
  EXPECT_EQ(Parsed("2025-04-30T21:00:00-03:00"), "2025-05-01T00:00:00Z");

  std::optional<NewsDate> date = ParseNewsDate("2025-12-31T22:15:00-0500");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->DateValue(), "20260101");
  EXPECT_EQ(date->TimestampValue(), "20260101031500");
}

TEST(DatesTest, IsoFractionalSecondsAreDropped) {
  std::optional<NewsDate> date = ParseNewsDate("1987-02-26T15:01:01.790");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->second, 1);
  EXPECT_EQ(date->Iso8601(), "1987-02-26T15:01:01Z");
  EXPECT_EQ(date->TimestampValue(), "19870226150101");
  EXPECT_EQ(Parsed("2025-08-20T14:05:00.123456789+02:00"), "2025-08-20T12:05:00Z");
  EXPECT_EQ(Parsed("2025-08-20T14:05:00,5Z"), "2025-08-20T14:05:00Z");
}

TEST(DatesTest, LeapSecondIsClampedTo59) {
  EXPECT_EQ(Parsed("2016-12-31T23:59:60Z"), "2016-12-31T23:59:59Z");
}

TEST(DatesTest, SurroundingWhitespaceIsIgnored) {
  EXPECT_EQ(Parsed("  2025-08-20T14:05:00Z \n"), "2025-08-20T14:05:00Z");
  EXPECT_EQ(Parsed("\t2025-08-20\t"), "2025-08-20");
}

TEST(DatesTest, Rfc2822WithWeekdayAndGmt) {
  std::optional<NewsDate> date = ParseNewsDate("Wed, 20 Aug 2025 14:05:00 GMT");
  ASSERT_TRUE(date.has_value());
  EXPECT_TRUE(date->has_time);
  EXPECT_EQ(date->Iso8601(), "2025-08-20T14:05:00Z");
  EXPECT_EQ(date->DateValue(), "20250820");
  EXPECT_EQ(date->TimestampValue(), "20250820140500");
}

TEST(DatesTest, Rfc2822WithoutWeekday) {
  EXPECT_EQ(Parsed("20 Aug 2025 14:05:00 GMT"), "2025-08-20T14:05:00Z");
  EXPECT_EQ(Parsed("5 Aug 2025 14:05:00 UTC"), "2025-08-05T14:05:00Z");
}

TEST(DatesTest, Rfc2822WithNumericOffset) {
  EXPECT_EQ(Parsed("Wed, 20 Aug 2025 14:05:00 +0200"), "2025-08-20T12:05:00Z");
  EXPECT_EQ(Parsed("Wed, 20 Aug 2025 14:05:00 -0700"), "2025-08-20T21:05:00Z");
  EXPECT_EQ(Parsed("Thu, 01 Jan 2026 01:00:00 +0200"), "2025-12-31T23:00:00Z");
}

TEST(DatesTest, Rfc2822WithoutSecondsOrZone) {
  EXPECT_EQ(Parsed("Wed, 20 Aug 2025 14:05"), "2025-08-20T14:05:00Z");
}

TEST(DatesTest, Rfc2822DateOnlyAndCaseInsensitiveMonth) {
  std::optional<NewsDate> date = ParseNewsDate("Wed, 20 aug 2025");
  ASSERT_TRUE(date.has_value());
  EXPECT_FALSE(date->has_time);
  EXPECT_EQ(date->Iso8601(), "2025-08-20");
  EXPECT_EQ(Parsed("20 AUGUST 2025"), "2025-08-20");
}

TEST(DatesTest, RejectsImpossibleDates) {
  EXPECT_EQ(ParseNewsDate("2025-02-30"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-02-29"), std::nullopt);  // not a leap year
  EXPECT_EQ(ParseNewsDate("2025-13-01"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-00-10"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-04-31T10:00:00Z"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("30 Feb 2024 10:00:00 GMT"), std::nullopt);
  EXPECT_TRUE(ParseNewsDate("2024-02-29").has_value());
}

TEST(DatesTest, RejectsImpossibleTimes) {
  EXPECT_EQ(ParseNewsDate("2025-08-20T24:00:00Z"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T12:60:00Z"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T12:00:61Z"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("Wed, 20 Aug 2025 25:00:00 GMT"), std::nullopt);
}

TEST(DatesTest, RejectsReutersSgmlDates) {
  EXPECT_EQ(ParseNewsDate("31-MAR-1987 605:12:19.12"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("26-FEB-1987 15:01:01.79"), std::nullopt);
}

TEST(DatesTest, RejectsEmptyAndWords) {
  EXPECT_EQ(ParseNewsDate(""), std::nullopt);
  EXPECT_EQ(ParseNewsDate("   "), std::nullopt);
  EXPECT_EQ(ParseNewsDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("Wed"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("Wed,"), std::nullopt);
}

TEST(DatesTest, RejectsTrailingJunk) {
  EXPECT_EQ(ParseNewsDate("2025-08-20 junk"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20junk"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T14:05:00Z junk"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T14:05:00Zjunk"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T14:05:00+02:00x"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T14:05:00 CEST"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("Wed, 20 Aug 2025 14:05:00 GMT extra"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("Wed, 20 Aug 2025 junk"), std::nullopt);
}

TEST(DatesTest, RejectsMalformedNumbers) {
  EXPECT_EQ(ParseNewsDate("2025-8-20"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("25-08-20"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025/08/20"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T1:05"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T14"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2025-08-20T14:05:00+2"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("20 Foo 2025"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("20 Aug 25"), std::nullopt);
}

TEST(DatesTest, FormattersPadWithZeros) {
  NewsDate date;
  date.year = 7;
  date.month = 1;
  date.day = 2;
  EXPECT_EQ(date.Iso8601(), "0007-01-02");
  EXPECT_EQ(date.DateValue(), "00070102");
  date.has_time = true;
  date.hour = 3;
  date.minute = 4;
  date.second = 5;
  EXPECT_EQ(date.Iso8601(), "0007-01-02T03:04:05Z");
  EXPECT_EQ(date.TimestampValue(), "00070102030405");
}

TEST(DatesTest, StringOrderOfValuesIsTimeOrder) {
  const char* in_order[] = {"1987-02-26T15:01:01Z", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z",
                            "2025-08-20T09:00:00Z", "2025-08-20T10:00:00Z", "2025-08-21T00:00:00Z"};
  for (size_t i = 1; i < std::size(in_order); ++i) {
    std::optional<NewsDate> a = ParseNewsDate(in_order[i - 1]);
    std::optional<NewsDate> b = ParseNewsDate(in_order[i]);
    ASSERT_TRUE(a && b) << in_order[i];
    EXPECT_LT(a->TimestampValue(), b->TimestampValue());
    EXPECT_LE(a->DateValue(), b->DateValue());
  }
}

}  // namespace
}  // namespace newsgrep
