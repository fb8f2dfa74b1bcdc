// SPDX-License-Identifier: GPL-2.0-or-later
/// @file dates.cc
/// @brief ISO 8601 and RFC 2822 date parsing.
#include "newsgrep/dates.h"

#include <array>
#include <cctype>
#include <chrono>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

namespace newsgrep {
namespace {

// A cursor over the text with the few primitives both formats need.
class Scanner {
 public:
  explicit Scanner(absl::string_view text) : text_(text) {}
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  void SkipSpaces() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t')) ++pos_;
  }
  // Reads exactly `min`..`max` digits.
  std::optional<int> Digits(size_t min, size_t max) {
    size_t start = pos_;
    int value = 0;
    while (pos_ - start < max && !AtEnd() && absl::ascii_isdigit(Peek())) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    if (pos_ - start < min) return std::nullopt;
    return value;
  }
  absl::string_view Word() {
    size_t start = pos_;
    while (!AtEnd() && absl::ascii_isalpha(Peek())) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  absl::string_view text_;
  size_t pos_ = 0;
};

bool ValidDate(int y, int m, int d) {
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d))
      .ok();
}

// Shifts `date` by `offset_minutes` west (UTC = local - offset).
NewsDate ToUtc(NewsDate date, int offset_minutes) {
  using namespace std::chrono;
  sys_days day = year_month_day(year(date.year), month(date.month), std::chrono::day(date.day));
  sys_seconds t = day + hours(date.hour) + minutes(date.minute) + seconds(date.second) -
                  minutes(offset_minutes);
  sys_days new_day = floor<days>(t);
  year_month_day ymd(new_day);
  hh_mm_ss<seconds> tod(t - new_day);
  date.year = int(ymd.year());
  date.month = int(unsigned(ymd.month()));
  date.day = int(unsigned(ymd.day()));
  date.hour = int(tod.hours().count());
  date.minute = int(tod.minutes().count());
  date.second = int(tod.seconds().count());
  return date;
}

// "Z", "+02:00", "+0200", "-05", "GMT", "UTC", or nothing. Returns false on junk.
bool ParseZone(Scanner& in, int* offset_minutes) {
  *offset_minutes = 0;
  in.SkipSpaces();
  if (in.AtEnd() || in.Consume('Z') || in.Consume('z')) return true;
  if (in.Peek() == '+' || in.Peek() == '-') {
    const int sign = in.Peek() == '-' ? -1 : 1;
    in.Consume(in.Peek());
    auto hours = in.Digits(2, 2);
    if (!hours) return false;
    in.Consume(':');
    auto minutes = in.Digits(0, 2);
    *offset_minutes = sign * (*hours * 60 + minutes.value_or(0));
    return true;
  }
  const std::string zone = absl::AsciiStrToUpper(in.Word());
  return zone == "GMT" || zone == "UTC" || zone == "UT";
}

std::optional<NewsDate> ParseIso(absl::string_view text) {
  Scanner in(text);
  NewsDate date;
  auto y = in.Digits(4, 4);
  if (!y || !in.Consume('-')) return std::nullopt;
  auto m = in.Digits(2, 2);
  if (!m || !in.Consume('-')) return std::nullopt;
  auto d = in.Digits(2, 2);
  if (!d || !ValidDate(*y, *m, *d)) return std::nullopt;
  date.year = *y, date.month = *m, date.day = *d;
  if (in.AtEnd()) return date;
  if (!in.Consume('T') && !in.Consume(' ') && !in.Consume('t')) return std::nullopt;
  auto hh = in.Digits(2, 2);
  if (!hh || !in.Consume(':')) return std::nullopt;
  auto mm = in.Digits(2, 2);
  if (!mm) return std::nullopt;
  int ss = 0;
  if (in.Consume(':')) {
    auto s = in.Digits(2, 2);
    if (!s) return std::nullopt;
    ss = *s;
    if (in.Consume('.') || in.Consume(',')) in.Digits(1, 9);
  }
  if (*hh > 23 || *mm > 59 || ss > 60) return std::nullopt;
  date.hour = *hh, date.minute = *mm, date.second = ss == 60 ? 59 : ss;
  date.has_time = true;
  int offset = 0;
  if (!ParseZone(in, &offset) || !in.AtEnd()) return std::nullopt;
  return ToUtc(date, offset);
}

// "Wed, 20 Aug 2025 14:05:00 GMT" (the weekday is optional and not checked).
std::optional<NewsDate> ParseRfc2822(absl::string_view text) {
  static constexpr std::array<absl::string_view, 12> kMonths = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  Scanner in(text);
  if (absl::ascii_isalpha(in.Peek())) {
    in.Word();
    if (!in.Consume(',')) return std::nullopt;
  }
  in.SkipSpaces();
  auto d = in.Digits(1, 2);
  if (!d) return std::nullopt;
  in.SkipSpaces();
  const std::string month_name = absl::AsciiStrToUpper(in.Word());
  int m = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (month_name.substr(0, 3) == kMonths[i]) m = int(i) + 1;
  }
  if (m == 0) return std::nullopt;
  in.SkipSpaces();
  auto y = in.Digits(4, 4);
  if (!y || !ValidDate(*y, m, *d)) return std::nullopt;
  NewsDate date;
  date.year = *y, date.month = m, date.day = *d;
  in.SkipSpaces();
  if (in.AtEnd()) return date;
  auto hh = in.Digits(2, 2);
  if (!hh || !in.Consume(':')) return std::nullopt;
  auto mm = in.Digits(2, 2);
  if (!mm) return std::nullopt;
  int ss = 0;
  if (in.Consume(':')) {
    auto s = in.Digits(2, 2);
    if (!s) return std::nullopt;
    ss = *s;
  }
  if (*hh > 23 || *mm > 59 || ss > 60) return std::nullopt;
  date.hour = *hh, date.minute = *mm, date.second = ss == 60 ? 59 : ss;
  date.has_time = true;
  int offset = 0;
  if (!ParseZone(in, &offset) || !in.AtEnd()) return std::nullopt;
  return ToUtc(date, offset);
}

}  // namespace

std::string NewsDate::Iso8601() const {
  if (!has_time) return absl::StrFormat("%04d-%02d-%02d", year, month, day);
  return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
}

std::string NewsDate::DateValue() const {
  return absl::StrFormat("%04d%02d%02d", year, month, day);
}

std::string NewsDate::TimestampValue() const {
  return absl::StrFormat("%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute, second);
}

std::optional<NewsDate> ParseNewsDate(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return std::nullopt;
  if (auto iso = ParseIso(text)) return iso;
  return ParseRfc2822(text);
}

}  // namespace newsgrep
