// SPDX-License-Identifier: GPL-2.0-or-later
/// @file schema.cc
/// @brief Field lookup and schema-version checks.
#include "newsgrep/schema.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
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

const FacetInfo* FindFacet(absl::string_view name) {
  for (const FacetInfo& info : kFacets) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

const FacetInfo& InfoOf(Facet facet) {
  for (const FacetInfo& info : kFacets) {
    if (info.facet == facet) return info;
  }
  return kFacets[0];  // unreachable: kFacets lists every Facet (schema_test checks)
}

std::string CaseTerm(absl::string_view acronym) { return absl::StrCat(kCasePrefix, ":", acronym); }

std::string KnownFieldNames() {
  std::vector<absl::string_view> names;
  for (const Field& field : kFields) names.push_back(field.name);
  names.push_back(kDateField);
  std::sort(names.begin(), names.end());
  return absl::StrJoin(names, ", ");
}

namespace {

// "YYYYMMDD" naming a real day.
std::optional<std::chrono::year_month_day> ParseDay(absl::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 8 || !std::all_of(text.begin(), text.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      })) {
    return std::nullopt;
  }
  // (SimpleAtoi accepts a sign; the digit check above has ruled one out.)
  if (!absl::SimpleAtoi(text.substr(0, 4), &year) || !absl::SimpleAtoi(text.substr(4, 2), &month) ||
      !absl::SimpleAtoi(text.substr(6, 2), &day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day parsed = std::chrono::year(year) / month / day;
  if (!parsed.ok()) return std::nullopt;
  return parsed;
}

// "YYYYMMDD" of a real day.
std::string DayText(const std::chrono::year_month_day& day) {
  return absl::StrFormat("%04d%02u%02u", static_cast<int>(day.year()),
                         static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

// The one spelling of the date terms of `day` ("YYYYMMDD"), indexed and searched alike.
std::string DayTermOf(absl::string_view day) { return absl::StrCat(kDayPrefix, day); }
std::string MonthTermOf(absl::string_view day) {
  return absl::StrCat(kMonthPrefix, day.substr(0, 6));
}
std::string YearTermOf(absl::string_view day) {
  return absl::StrCat(kYearPrefix, day.substr(0, 4));
}

}  // namespace

std::vector<std::string> DateTerms(absl::string_view day) {
  if (!ParseDay(day)) return {};
  return {DayTermOf(day), MonthTermOf(day), YearTermOf(day)};
}

std::string DayTerm(absl::string_view day) {
  if (!ParseDay(day)) return "";
  return DayTermOf(day);
}

std::string NextDay(absl::string_view day) {
  const std::optional<std::chrono::year_month_day> parsed = ParseDay(day);
  if (!parsed) return "";
  return DayText(std::chrono::sys_days(*parsed) + std::chrono::days(1));
}

std::vector<std::string> DateRangeTerms(absl::string_view first, absl::string_view last) {
  using std::chrono::sys_days;
  const std::optional<std::chrono::year_month_day> from = ParseDay(first);
  const std::optional<std::chrono::year_month_day> to = ParseDay(last);
  std::vector<std::string> terms;
  if (!from || !to) return terms;
  // Walk from `from` to `to`, taking the largest unit that starts here and ends by `to`.
  for (sys_days at = sys_days(*from); at <= sys_days(*to);) {
    const std::chrono::year_month_day day(at);
    const std::string text = DayText(day);
    const sys_days month_end = sys_days(day.year() / day.month() / std::chrono::last);
    const sys_days year_end = sys_days(day.year() / std::chrono::December / 31);
    const bool first_of_month = day.day() == std::chrono::day(1);
    if (first_of_month && day.month() == std::chrono::January && year_end <= sys_days(*to)) {
      terms.push_back(YearTermOf(text));
      at = year_end + std::chrono::days(1);
    } else if (first_of_month && month_end <= sys_days(*to)) {
      terms.push_back(MonthTermOf(text));
      at = month_end + std::chrono::days(1);
    } else {
      terms.push_back(DayTermOf(text));
      at += std::chrono::days(1);
    }
  }
  return terms;
}

std::string FileTerm(absl::string_view absolute_path) {
  if (absolute_path.empty() || absolute_path.size() > kMaxFileTermPath) return "";
  return absl::StrCat(kFilePrefix, absolute_path);
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
    return absl::FailedPreconditionError(
        absl::StrCat("index ", path, " has schema version ", stored.empty() ? "(none)" : stored,
                     " but this newsgrep uses version ", expected,
                     "; re-index into a new --db path (or delete the old index)"));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("reading index ", path));
  }
}

}  // namespace newsgrep::schema
