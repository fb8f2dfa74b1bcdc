/// @file schema.cc
/// @brief Field lookup and schema-version checks.
#include "newsgrep/schema.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "newsgrep/internal/hash.h"
#include "newsgrep/internal/xapian_status.h"

namespace newsgrep::schema {

const Field* FindField(absl::string_view name) {
  for (const Field& field : kFields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const Field* FieldOfTerm(absl::string_view term) {
  const auto upper = [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); };
  const Field* found = nullptr;
  for (const Field& field : kFields) {
    if (field.prefix.empty() || !absl::StartsWith(term, field.prefix)) continue;
    const absl::string_view rest = term.substr(field.prefix.size());
    if (!rest.empty() && upper(rest[0])) continue;  // a longer prefix
    if (found == nullptr || field.prefix.size() > found->prefix.size()) found = &field;
  }
  return found;
}

std::string KnownFieldNames() {
  std::vector<absl::string_view> names;
  for (const Field& field : kFields) names.push_back(field.name);
  names.push_back("date");  // ranges over the date terms, handled by the searcher
  std::sort(names.begin(), names.end());
  return absl::StrJoin(names, ", ");
}

namespace {

struct Day {
  int year = 0, month = 0, day = 0;
};

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYYMMDD" naming a real day.
std::optional<Day> ParseDay(absl::string_view text) {
  if (text.size() != 8) return std::nullopt;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  Day d;
  if (!absl::SimpleAtoi(text.substr(0, 4), &d.year) ||
      !absl::SimpleAtoi(text.substr(4, 2), &d.month) ||
      !absl::SimpleAtoi(text.substr(6, 2), &d.day)) {
    return std::nullopt;
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

bool Before(const Day& a, const Day& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

}  // namespace

std::vector<std::string> DateTerms(absl::string_view day) {
  if (day.size() != 8 || !std::all_of(day.begin(), day.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      })) {
    return {};
  }
  return {absl::StrCat(kDayPrefix, day), absl::StrCat(kMonthPrefix, day.substr(0, 6)),
          absl::StrCat(kYearPrefix, day.substr(0, 4))};
}

std::vector<std::string> DateRangeTerms(absl::string_view first, absl::string_view last) {
  const std::optional<Day> from = ParseDay(first);
  const std::optional<Day> to = ParseDay(last);
  std::vector<std::string> terms;
  if (!from || !to || Before(*to, *from)) return terms;
  // Walk from `from` to `to`, taking the largest unit that starts here and ends by `to`.
  Day at = *from;
  const auto ends_by_to = [&](const Day& end) { return !Before(*to, end); };
  while (!Before(*to, at)) {
    if (at.month == 1 && at.day == 1 && ends_by_to(Day{at.year, 12, 31})) {
      terms.push_back(absl::StrFormat("%s%04d", kYearPrefix, at.year));
      at = Day{at.year + 1, 1, 1};
    } else if (at.day == 1 && ends_by_to(Day{at.year, at.month, DaysInMonth(at.year, at.month)})) {
      terms.push_back(absl::StrFormat("%s%04d%02d", kMonthPrefix, at.year, at.month));
      at = at.month == 12 ? Day{at.year + 1, 1, 1} : Day{at.year, at.month + 1, 1};
    } else {
      terms.push_back(absl::StrFormat("%s%04d%02d%02d", kDayPrefix, at.year, at.month, at.day));
      if (at.day < DaysInMonth(at.year, at.month)) {
        ++at.day;
      } else {
        at = at.month == 12 ? Day{at.year + 1, 1, 1} : Day{at.year, at.month + 1, 1};
      }
    }
  }
  return terms;
}

std::string IdTerm(absl::string_view article_id) {
  // Xapian terms are at most 245 bytes; longer ids (long paths) are hashed down to fit
  // while staying unique in practice.
  std::string term = absl::StrCat(kIdPrefix, article_id);
  if (term.size() <= 240) return term;
  return absl::StrCat(term.substr(0, 200), "#",
                      absl::Hex(internal::Fnv1a64(article_id), absl::kZeroPad16));
}

absl::Status CheckSchemaVersion(const Xapian::Database& db, absl::string_view path) {
  try {
    const std::string stored = db.get_metadata(std::string(kSchemaVersionKey));
    const std::string expected = std::to_string(kSchemaVersion);
    if (stored == expected) return absl::OkStatus();
    if (stored.empty() && db.get_doccount() == 0) return absl::OkStatus();
    return absl::FailedPreconditionError(absl::StrCat(
        "index ", path, " has schema version ", stored.empty() ? "(none)" : stored,
        " but this newsgrep uses version ", expected,
        "; re-index into a new --db path (or delete the old index)"));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("reading index ", path));
  }
}

}  // namespace newsgrep::schema
