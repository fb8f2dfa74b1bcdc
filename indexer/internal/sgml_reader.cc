// SPDX-License-Identifier: GPL-2.0-or-later
/// @file sgml_reader.cc
/// @brief Reuters-21578 SGML (reut2-*.sgm) → articles, one per <REUTERS> element, read as
/// a stream of elements: the collection's markup is regular (no nesting of REUTERS, tags in
/// capitals, entities &lt; &gt; &amp; and &#N;), so a scanner reads it whole; no SGML
/// parser (DTD) is needed.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "internal/readers.h"
#include "newsgrep/text_rules.h"

namespace newsgrep::internal {
namespace {

// The text between <NAME> (or <NAME …>) and </NAME> in `element`, or "" (found = false).
absl::string_view Inner(absl::string_view element, absl::string_view name, bool* found = nullptr) {
  const std::string open = absl::StrCat("<", name);
  size_t at = 0;
  for (;;) {
    at = element.find(open, at);
    if (at == absl::string_view::npos) break;
    const size_t after = at + open.size();
    if (after < element.size() && (element[after] == '>' || element[after] == ' ')) break;
    at = after;
  }
  if (found != nullptr) *found = false;
  if (at == absl::string_view::npos) return "";
  const size_t begin = element.find('>', at);
  if (begin == absl::string_view::npos) return "";
  const size_t end = element.find(absl::StrCat("</", name, ">"), begin);
  if (found != nullptr) *found = true;
  return element.substr(begin + 1,
                        (end == absl::string_view::npos ? element.size() : end) - begin - 1);
}

// The value of attribute `name` in the start tag `tag` ("<REUTERS … NEWID=\"12\">").
absl::string_view AttributeOf(absl::string_view tag, absl::string_view name) {
  const size_t at = tag.find(absl::StrCat(" ", name, "=\""));
  if (at == absl::string_view::npos) return "";
  const size_t begin = at + name.size() + 3;
  const size_t end = tag.find('"', begin);
  return end == absl::string_view::npos ? "" : tag.substr(begin, end - begin);
}

// `text` with its entities decoded (&lt; &gt; &amp; &quot; &#N;) and C0 control characters
// other than \n and \t removed (the wire's &#2; / &#3; start and end of text).
std::string Decode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '&') {
      const size_t semi = text.find(';', i);
      if (semi != absl::string_view::npos && semi - i <= 8) {
        const absl::string_view name = text.substr(i + 1, semi - i - 1);
        int code = -1;
        if (name == "lt") code = '<';
        if (name == "gt") code = '>';
        if (name == "amp") code = '&';
        if (name == "quot") code = '"';
        if (absl::StartsWith(name, "#") && !absl::SimpleAtoi(name.substr(1), &code)) code = -1;
        if (code >= 0 && code < 0x80) {
          if (code >= 0x20 || code == '\n' || code == '\t') out += static_cast<char>(code);
          i = semi;
          continue;
        }
      }
    }
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && c != '\n' && c != '\t') continue;  // \r and the wire's control bytes
    out += c;
  }
  return out;
}

// "26-FEB-1987 15:01:01.79" → "1987-02-26T15:01:01.790" (local time, as the collection
// gives it); other text is returned as it is, for SetDate to report.
std::string IsoDate(absl::string_view date) {
  date = absl::StripAsciiWhitespace(date);
  static constexpr absl::string_view kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, hundredths = 0;
  char month_name[4] = {};
  if (std::sscanf(std::string(date).c_str(), "%2d-%3c-%4d %2d:%2d:%2d.%2d", &day, month_name, &year,
                  &hour, &minute, &second, &hundredths) != 7) {
    return std::string(date);
  }
  for (int m = 0; m < 12; ++m) {
    if (kMonths[m] == absl::string_view(month_name, 3)) {
      return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02d.%03d", year, m + 1, day, hour, minute,
                             second, hundredths * 10);
    }
  }
  return std::string(date);
}

}  // namespace

void ReadSgmlFile(const std::string& path, InputFile& file, std::string buffer,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status) {
  size_t line = 1;  // the line `buffer` starts on
  size_t elements = 0;
  bool eof = false;
  while (status->ok()) {
    const size_t start = buffer.find("<REUTERS");
    size_t end = start == std::string::npos ? std::string::npos : buffer.find("</REUTERS>", start);
    if (end == std::string::npos && !eof) {
      if (start == std::string::npos && buffer.size() > 16) {
        // Nothing of an element yet: keep the tail a tag may begin in.
        line += static_cast<size_t>(std::count(buffer.begin(), buffer.end() - 16, '\n'));
        buffer.erase(0, buffer.size() - 16);
      } else if (start != std::string::npos && buffer.size() - start > limits.max_record_bytes) {
        callbacks.on_problem(
            {InputProblem::Outcome::kSkipped,
             Location(path, line + static_cast<size_t>(
                                       std::count(buffer.begin(), buffer.begin() + start, '\n'))),
             absl::StrCat("<REUTERS> element longer than ", limits.max_record_bytes,
                          " bytes (the limit), not read")});
        line += static_cast<size_t>(std::count(buffer.begin(), buffer.end(), '\n'));
        buffer.clear();
      }
      const absl::StatusOr<size_t> n = file.Read(buffer);
      if (!n.ok()) {
        callbacks.on_problem({InputProblem::Outcome::kSkipped, Location(path, line),
                              absl::StrCat(n.status().message(), " after ", elements,
                                           " article(s); the rest of the file was not read")});
        return;
      }
      eof = *n == 0;
      continue;
    }
    if (start == std::string::npos) break;
    const size_t element_line =
        line + static_cast<size_t>(std::count(buffer.begin(), buffer.begin() + start, '\n'));
    const std::string origin = Location(path, element_line);
    const bool closed = end != std::string::npos;
    if (!closed) end = buffer.size();
    std::string element = buffer.substr(start, end - start);
    line = element_line + static_cast<size_t>(std::count(element.begin(), element.end(), '\n'));
    buffer.erase(0, closed ? end + 10 : end);
    ++elements;
    if (!closed) {
      callbacks.on_problem({InputProblem::Outcome::kRepaired, origin,
                            "the file ends inside this <REUTERS> element: read as far as it goes"});
    }
    if (const size_t bad = RepairUtf8(element); bad > 0) {
      callbacks.on_problem({InputProblem::Outcome::kRepaired, origin, NotUtf8Note(bad)});
    }
    const absl::string_view tag = absl::string_view(element).substr(0, element.find('>'));
    Article article;
    article.origin = origin;
    article.id = std::string(AttributeOf(tag, "NEWID"));
    if (article.id.empty()) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, origin,
                            "<REUTERS> element without NEWID, not indexed"});
      continue;
    }
    const absl::string_view text = Inner(element, "TEXT");
    article.title = std::string(absl::StripAsciiWhitespace(Decode(Inner(text, "TITLE"))));
    bool has_body = false;
    article.body = std::string(absl::StripAsciiWhitespace(Decode(Inner(text, "BODY", &has_body))));
    if (!has_body && absl::StrContains(element, "<TEXT TYPE=\"UNPROC\"")) {
      // Unprocessed stories have their text straight inside <TEXT>.
      article.body = std::string(absl::StripAsciiWhitespace(Decode(text)));
    }
    // <TOPICS><D>grain</D><D>wheat</D></TOPICS>: the collection's subject codes.
    absl::string_view topics = Inner(element, "TOPICS");
    for (size_t at = topics.find("<D>"); at != absl::string_view::npos;
         at = topics.find("<D>", at)) {
      const size_t close = topics.find("</D>", at);
      if (close == absl::string_view::npos) break;
      std::string topic = CollapseSpaces(Decode(topics.substr(at + 3, close - at - 3)));
      if (!topic.empty()) article.categories.push_back(std::move(topic));
      at = close;
    }
    const std::string dateline = CollapseSpaces(Decode(Inner(text, "DATELINE")));
    absl::string_view place = dateline;  // "SALVADOR, Feb 26 -": the separator goes
    absl::ConsumeSuffix(&place, "-");
    article.dateline = std::string(absl::StripAsciiWhitespace(place));
    if (article.title.empty() && article.body.empty()) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, origin,
                            "<REUTERS> element with neither TITLE nor BODY, not indexed"});
      continue;
    }
    if (article.title.empty()) article.title = FirstSentence(CollapseSpaces(article.body));
    SetDate(article, IsoDate(Decode(Inner(element, "DATE"))), origin, callbacks.on_problem);
    KeepWithinLimits(article, origin, limits, callbacks.on_problem);
    *status = callbacks.on_article(std::move(article));
  }
  if (status->ok() && elements == 0) {
    callbacks.on_problem(
        {InputProblem::Outcome::kSkipped, path, "SGML file with no <REUTERS> elements"});
  }
}

}  // namespace newsgrep::internal
