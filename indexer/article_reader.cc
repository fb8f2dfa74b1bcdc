// SPDX-License-Identifier: GPL-2.0-or-later
/// @file article_reader.cc
/// @brief Input walking and parsing: plain text, JSON Lines, gzip, UTF-8 repair.
#include "newsgrep/article_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "internal/readers.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/input_file.h"
#include "newsgrep/input_format.h"
#include "newsgrep/internal/hash.h"
#include "newsgrep/text_rules.h"
#include "newsgrep/web_page.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;
using internal::BinaryKind;
using internal::CutText;
using internal::FirstSentence;
using internal::KeepWithinLimits;
using internal::Location;
using internal::NotUtf8Note;
using internal::ReadFeedFile;
using internal::SetDate;

// Windows-1252 code points for bytes 0x80..0x9F (0 = undefined: read as Latin-1).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 if it is not valid.
size_t ValidSequenceLength(absl::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

}  // namespace

namespace internal {

absl::string_view BinaryKind(absl::string_view head) {
  static constexpr std::pair<absl::string_view, absl::string_view> kMagic[] = {
      {"%PDF-", "a PDF document"},
      {"\x89PNG\r\n\x1a\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {"PK\x03\x04", "a ZIP archive"},
      {"\x7F"
       "ELF",
       "a program"},
      {"OggS", "an audio or video file"},
  };
  for (const auto& [magic, kind] : kMagic) {
    if (absl::StartsWith(head, magic)) return kind;
  }
  if (head.size() >= 12 && head.substr(0, 4) == "RIFF" && head.substr(8, 4) == "WEBP") {
    return "a WebP image";
  }
  if (head.size() >= 12 && head.substr(4, 4) == "ftyp") return "an audio or video file";
  return "";
}

std::string NotUtf8Note(size_t repaired, size_t first_bad) {
  return absl::StrCat(
      repaired, " byte(s) that are not UTF-8",
      first_bad == std::string::npos ? "" : absl::StrCat(" (the first at byte ", first_bad, ")"),
      " read as Windows-1252 or dropped");
}

std::string Location(absl::string_view path, size_t line, size_t column) {
  if (column == 0) return absl::StrCat(path, ":", line);
  return absl::StrCat(path, ":", line, ":", column);
}

std::optional<Article> ArticleFromPage(absl::string_view html, const std::string& origin,
                                       const PageContext& context,
                                       const ProblemCallback& on_problem,
                                       const ReadLimits& limits) {
  const WebPage page = ReadWebPage(html, context.charset);
  for (const std::string& repair : page.repairs) {
    on_problem({InputProblem::Outcome::kRepaired, origin, repair});
  }
  if (page.body.empty()) {
    on_problem(
        {InputProblem::Outcome::kSkipped, origin, "web page with no article text, not indexed"});
    return std::nullopt;
  }
  Article article;
  article.origin = origin;
  article.url = page.url;
  article.id = page.url;
  article.body = page.body;
  article.title = page.title.empty() ? FirstSentence(page.body) : page.title;
  article.source = page.site_name;
  article.authors = page.authors;
  SetDate(article, page.date.empty() ? context.date : page.date, origin, on_problem);
  KeepWithinLimits(article, origin, limits, on_problem);
  return article;
}

}  // namespace internal

namespace {

// Whether `word` is written in capitals: no lower-case ASCII letter, at least one
// capital ("BRUSSELS", "D.C.", "SÃO" — letters outside ASCII are taken as they come).
bool IsCapitalsWord(absl::string_view word) {
  bool capital = false;
  for (const char c : word) {
    if (absl::ascii_islower(static_cast<unsigned char>(c)) ||
        absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return false;  // a digit: "COVID-19", "G7" are no place
    }
    capital |= absl::ascii_isupper(static_cast<unsigned char>(c));
  }
  return capital;
}

// `text` without a leading dateline: a place in capitals (at most four words, then an
// optional ", Region" or ", Month Day" of at most four words), a wire credit in
// parentheses, or both, ended by ":" or a dash: "BRUSSELS: NATO's…", "WASHINGTON
// (Reuters) - The…", "SAN FRANCISCO, March 3 (AP) — Officials…", "(Reuters) -NATO…". Kept
// when the words after it are in capitals too: "CRICKET - LEICESTERSHIRE TAKE OVER" is a
// headline, not a dateline.
absl::string_view WithoutDateline(absl::string_view text) {
  const absl::string_view head = text.substr(0, 120);
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < head.size() && head[i] == ' ') ++i;
  };
  auto next_word = [&]() -> absl::string_view {
    size_t end = i;
    while (end < head.size() && head[end] != ' ' && head[end] != '(') ++end;
    return head.substr(i, end - i);
  };
  bool place = false, separator = false;
  for (int words = 0; words < 4 && i < head.size() && head[i] != '('; ++words) {
    absl::string_view word = next_word();
    const bool colon = absl::EndsWith(word, ":");
    const bool comma = absl::EndsWith(word, ",");
    if (!IsCapitalsWord(absl::StripSuffix(absl::StripSuffix(word, ":"), ","))) break;
    place = true;
    i += word.size();
    skip_spaces();
    if (colon) {
      separator = true;
      break;
    }
    if (comma) {
      // ", D.C.", ", March 3", ", Feb 26": capitalised words and numbers.
      for (int more = 0; more < 4 && i < head.size() && head[i] != '('; ++more) {
        word = next_word();
        if (word.empty() || !(absl::ascii_isupper(static_cast<unsigned char>(word[0])) ||
                              absl::ascii_isdigit(static_cast<unsigned char>(word[0])))) {
          break;
        }
        i += word.size();
        skip_spaces();
        if (absl::EndsWith(word, ":")) {
          separator = true;
          break;
        }
      }
      break;
    }
  }
  bool credit = false;
  if (!separator && i < head.size() && head[i] == '(') {
    const size_t close = head.find(')', i);
    if (close == absl::string_view::npos || close - i > 30) return text;
    credit = true;
    i = close + 1;
    skip_spaces();
  }
  if (!place && !credit) return text;
  if (!separator) {
    for (absl::string_view dash : {"--", "-", "\u2013", "\u2014"}) {
      if (absl::StartsWith(head.substr(i), dash)) {
        separator = true;
        i += dash.size();
        break;
      }
    }
  }
  if (!separator) return text;
  const absl::string_view rest = absl::StripLeadingAsciiWhitespace(text.substr(i));
  // The story's first words: not all in capitals (beyond an acronym or two).
  int capitals = 0, words = 0;
  for (absl::string_view word : absl::StrSplit(rest.substr(0, 80), ' ', absl::SkipEmpty())) {
    if (++words > 3) break;
    if (IsCapitalsWord(word)) ++capitals;
  }
  if (rest.empty() || (words > 0 && capitals == std::min(words, 3))) return text;
  // The story's first sentence starts with a capital or a quotation mark: "NATO — the
  // alliance founded in 1949 — said…" has no dateline.
  const unsigned char lead = static_cast<unsigned char>(rest[0]);
  if (!absl::ascii_isupper(lead) && lead != '"' && lead < 0x80) return text;
  return rest;
}

// Where to cut `text` to at most `limit` bytes (REQUIRES: limit < text.size()): at the
// last of `spaces` up to `limit` when it is in the second half, else at the last UTF-8
// character boundary up to `limit`.
size_t CutPoint(absl::string_view text, size_t limit, const char* spaces) {
  const size_t space = text.find_last_of(spaces, limit);
  if (space != absl::string_view::npos && space >= limit / 2) return space;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

namespace internal {

// The first sentence of `text` (a leading dateline dropped), at most ~150 bytes, cut at a
// word boundary.
std::string FirstSentence(absl::string_view text) {
  constexpr size_t kMax = 150;
  text = WithoutDateline(text);
  size_t end = absl::string_view::npos;
  for (size_t i = 20; i < text.size() && i < kMax; ++i) {
    if (IsSentenceEnd(text, i)) {
      end = i + 1;
      break;
    }
  }
  // Without its full stop, but with the quotation mark after one.
  if (end != absl::string_view::npos) {
    const char last = text[end - 1];
    return std::string(text.substr(0, last == '.' || last == '?' || last == '!' ? end - 1 : end));
  }
  if (text.size() <= kMax) return std::string(text);
  return absl::StrCat(text.substr(0, CutPoint(text, kMax, " ")), "…");
}

}  // namespace internal

namespace {

// A line standing before the story on a scraped page: one the cleaner removes as a caption
// ("FILE PHOTO: …", "Photo: …", "… REUTERS/…"), byline ("By Jane Doe") or site chrome
// ("Share and Follow", "You can now listen to …"), or one that opens with a parenthesised
// photo credit ("(Reuters photo) Leaders gather …"). `line` is trimmed.
bool IsBeforeTheStory(absl::string_view line) {
  if (IsCaptionLine(line) || IsBylineLine(line) || IsChromeLine(line)) return true;
  if (!absl::StartsWith(line, "(")) return false;
  const size_t close = line.find(')');
  return close != absl::string_view::npos &&
         absl::StrContains(absl::AsciiStrToLower(line.substr(0, close)), "photo");
}

// A header line "Key: value" with a key we know; returns false otherwise.
bool ParseHeaderLine(absl::string_view line, std::string* key, std::string* value) {
  static constexpr std::array<absl::string_view, 7> kKeys = {"title",    "date", "source", "url",
                                                             "dateline", "id",   "author"};
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos || colon == 0 || colon > 10) return false;
  *key = absl::AsciiStrToLower(line.substr(0, colon));
  if (std::find(kKeys.begin(), kKeys.end(), *key) == kKeys.end()) return false;
  *value = std::string(absl::StripAsciiWhitespace(line.substr(colon + 1)));
  return true;
}

}  // namespace

namespace internal {

// Sets the article's date from `text` as written (what dates.h reads); a date it cannot
// read is reported and the article keeps none.
void SetDate(Article& article, absl::string_view text, const std::string& location,
             const ProblemCallback& on_problem) {
  if (text.empty()) return;
  article.date = ParseNewsDate(text);
  if (!article.date && on_problem) {
    on_problem({InputProblem::Outcome::kRepaired, location,
                absl::StrCat("unrecognised date \"", text,
                             "\" (expected ISO 8601 such as 2025-08-20T14:05:00Z, or RFC "
                             "2822); indexed without a date")});
  }
}

// `text` cut to at most `limit` bytes at a word boundary (CutPoint).
void CutText(std::string& text, size_t limit) {
  if (text.size() > limit) text.resize(CutPoint(text, limit, " \t\n"));
}

// Cuts an over-long title or body to its limit, reporting it at `location`.
void KeepWithinLimits(Article& article, const std::string& location, const ReadLimits& limits,
                      const ProblemCallback& on_problem) {
  for (auto [text, limit, name] : {std::tuple{&article.title, kMaxTitleBytes, "title"},
                                   std::tuple{&article.body, limits.max_body_bytes, "body"}}) {
    if (text->size() <= limit) continue;
    const size_t size = text->size();
    CutText(*text, limit);
    on_problem({InputProblem::Outcome::kRepaired, location,
                absl::StrCat(name, " of ", size, " bytes cut to ", text->size(), " (the limit is ",
                             limit, " bytes)")});
  }
}

}  // namespace internal

namespace {

void ReadTextFile(const std::string& path, const std::string& id, std::string text,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status) {
  size_t first_bad = 0;
  if (size_t bad = RepairUtf8(text, &first_bad); bad > 0) {
    callbacks.on_problem({InputProblem::Outcome::kRepaired, path, NotUtf8Note(bad, first_bad)});
  }
  absl::StatusOr<Article> article = ParseTextArticle(text, id, callbacks.on_problem);
  if (!article.ok()) {
    callbacks.on_problem(
        {InputProblem::Outcome::kSkipped, path, std::string(article.status().message())});
    return;
  }
  KeepWithinLimits(*article, path, limits, callbacks.on_problem);
  *status = callbacks.on_article(*std::move(article));
}

// A web page (web_page.h): its metadata and the article's own text. The id is the page's
// canonical URL when it has one (the same page saved twice is one article), else the path.
void ReadWebPageFile(const std::string& path, const std::string& id, absl::string_view html,
                     const ReadCallbacks& callbacks, const ReadLimits& limits,
                     absl::Status* status) {
  std::optional<Article> article =
      internal::ArticleFromPage(html, path, {}, callbacks.on_problem, limits);
  if (!article) return;
  if (article->id.empty()) article->id = id;
  *status = callbacks.on_article(*std::move(article));
}

std::optional<Article> ParseJsonRecord(absl::string_view line, absl::string_view origin,
                                       const ProblemCallback& on_problem, InputProblem& failure) {
  auto fail = [&](std::string location, std::string message) {
    failure = {InputProblem::Outcome::kSkipped, std::move(location), std::move(message)};
    return std::nullopt;
  };
  std::string repaired(line);
  size_t first_bad = 0;
  if (size_t bad = RepairUtf8(repaired, &first_bad); bad > 0) {
    on_problem({InputProblem::Outcome::kRepaired, absl::StrCat(origin, ":", first_bad + 1),
                NotUtf8Note(bad)});
  }
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(repaired);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column
    // 17: syntax error while parsing object - ..."; keep what follows the position.
    const size_t detail = what.find(": ");
    return fail(absl::StrCat(origin, ":", e.byte),
                absl::StrCat("malformed JSON: ",
                             detail == std::string::npos ? what : what.substr(detail + 2)));
  } catch (const nlohmann::json::exception& e) {
    // Well-formed but unrepresentable, such as a number too large for a double (1e999):
    // "[json.exception.out_of_range.406] number overflow parsing '1e999'".
    std::string what = e.what();
    const size_t detail = what.find("] ");
    return fail(std::string(origin),
                absl::StrCat("malformed JSON: ",
                             detail == std::string::npos ? what : what.substr(detail + 2)));
  }
  if (!json.is_object()) {
    return fail(std::string(origin), "record is not a JSON object");
  }
  Article article;
  article.origin = std::string(origin);
  std::string bad_key;
  size_t controls = 0;  // control characters written as JSON escapes ("\u001b"), dropped
  auto get = [&](const char* key) -> std::string {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) return "";
    if (it->is_string()) {
      std::string value = it->get<std::string>();
      controls += RepairUtf8(value);
      return value;
    }
    if (it->is_number()) return it->dump();
    if (bad_key.empty()) bad_key = key;
    return "";
  };
  article.id = get("id");
  article.title = get("title");
  article.body = get("body");
  article.source = get("source");
  article.url = get("url");
  article.dateline = get("dateline");
  // "author" or "authors": a name, a {"name": …} object (schema.org's Person), or an
  // array of these; nulls are passed over, anything else is reported and left out (the
  // article is still read), and a name given twice is kept once.
  size_t unreadable_authors = 0;
  for (const char* key : {"author", "authors"}) {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) continue;
    const nlohmann::json names = it->is_array() ? *it : nlohmann::json::array({*it});
    for (const nlohmann::json& entry : names) {
      const nlohmann::json* name = &entry;
      if (entry.is_object() && entry.contains("name")) name = &entry["name"];
      if (name->is_null()) continue;
      if (!name->is_string()) {
        ++unreadable_authors;
        continue;
      }
      std::string value = CollapseSpaces(name->get<std::string>());
      controls += RepairUtf8(value);
      if (!value.empty() && std::find(article.authors.begin(), article.authors.end(), value) ==
                                article.authors.end()) {
        article.authors.push_back(std::move(value));
      }
    }
  }
  if (unreadable_authors > 0) {
    on_problem({InputProblem::Outcome::kRepaired, std::string(origin),
                absl::StrCat(unreadable_authors,
                             " author(s) that are neither a name nor {\"name\": …} left out")});
  }
  // Subject tags: "categories", "category", "tags" or "topics", a string or an array of
  // strings (anything else in them is left out).
  for (const char* key : {"categories", "category", "tags", "topics"}) {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) continue;
    const nlohmann::json tags = it->is_array() ? *it : nlohmann::json::array({*it});
    for (const nlohmann::json& tag : tags) {
      if (!tag.is_string()) continue;
      std::string value = CollapseSpaces(tag.get<std::string>());
      controls += RepairUtf8(value);
      if (!value.empty() && std::find(article.categories.begin(), article.categories.end(),
                                      value) == article.categories.end()) {
        article.categories.push_back(std::move(value));
      }
    }
  }
  const std::string date = get("date");
  if (!bad_key.empty()) {
    return fail(std::string(origin), absl::StrCat("\"", bad_key, "\" must be a string"));
  }
  if (controls > 0) {
    // An escape sequence in a title would reach the terminal of whoever searches.
    on_problem({InputProblem::Outcome::kRepaired, std::string(origin),
                absl::StrCat(controls, " control character(s) written as JSON escapes removed")});
  }
  if (article.id.empty()) article.id = article.url;
  if (article.id.empty()) {
    return fail(std::string(origin), "record has no \"id\" (nor \"url\" to use as one)");
  }
  if (absl::StripAsciiWhitespace(article.title).empty() &&
      absl::StripAsciiWhitespace(article.body).empty()) {
    return fail(std::string(origin), "record has neither \"title\" nor \"body\" text");
  }
  SetDate(article, date, std::string(origin), on_problem);
  return article;
}

void ReadJsonLinesFile(const std::string& path, InputFile& reader, std::string buffer,
                       const ReadCallbacks& callbacks, const ReadLimits& limits,
                       absl::Status* status) {
  size_t line_number = 0;
  size_t start = 0;
  bool eof = false;
  bool skipping = false;  // inside a record longer than limits.max_record_bytes
  auto skip_long_record = [&](size_t line) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, Location(path, line),
                          absl::StrCat("record longer than ", limits.max_record_bytes,
                                       " bytes (the limit), not read")});
  };
  while (status->ok()) {
    size_t newline = buffer.find('\n', start);
    if (newline == std::string::npos && !eof &&
        (skipping || buffer.size() - start > limits.max_record_bytes)) {
      if (!skipping) skip_long_record(line_number + 1);
      skipping = true;
      start = buffer.size();  // what is buffered belongs to the record: dropped
    }
    if (skipping && newline != std::string::npos) {
      skipping = false;
      start = newline + 1;
      ++line_number;
      continue;
    }
    if (newline == std::string::npos && !eof) {
      buffer.erase(0, start);
      start = 0;
      const absl::StatusOr<size_t> n = reader.Read(buffer);
      if (!n.ok()) {
        callbacks.on_problem(
            {InputProblem::Outcome::kSkipped, Location(path, line_number + 1),
             absl::StrCat(n.status().message(), "; the rest of the file was not read")});
        return;
      }
      eof = *n == 0;
      continue;
    }
    if (newline == std::string::npos && start >= buffer.size()) return;
    if (skipping) return;  // the file ended inside the long record
    const size_t end = newline == std::string::npos ? buffer.size() : newline;
    absl::string_view line(buffer.data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (line.size() > limits.max_record_bytes) {
      skip_long_record(line_number);
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string origin = Location(path, line_number);
    InputProblem failure;
    std::optional<Article> article = ParseJsonRecord(line, origin, callbacks.on_problem, failure);
    if (!article) {
      callbacks.on_problem(failure);
      continue;
    }
    KeepWithinLimits(*article, origin, limits, callbacks.on_problem);
    *status = callbacks.on_article(*std::move(article));
  }
}

// A JSON document (input_format.h's kJson): one article object, or an array of them, read
// element by element so that a large array costs the memory of one element and a bad
// element is skipped alone. Elements are found by their brackets (strings and escapes
// respected) and each is parsed as a JSON Lines record is; its location is the line it
// starts on.
void ReadJsonFile(const std::string& path, InputFile& reader, std::string buffer,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status) {
  size_t i = 0, line = 1;
  bool eof = false;
  // Reads more into `buffer`, first dropping what is before `keep`; false at the end or on
  // a read error (reported).
  // Reads more into `buffer`, first dropping what is before `i` (`*other`, an index past i,
  // moves with it); false at the end or on a read error (reported).
  auto refill = [&](size_t* other) {
    if (eof) return false;
    buffer.erase(0, i);
    if (other != nullptr) *other -= i;
    i = 0;
    const absl::StatusOr<size_t> n = reader.Read(buffer);
    if (!n.ok()) {
      callbacks.on_problem(
          {InputProblem::Outcome::kSkipped, Location(path, line),
           absl::StrCat(n.status().message(), "; the rest of the file was not read")});
      eof = true;
      return false;
    }
    eof = *n == 0;
    return !eof;
  };
  auto skip_space = [&](bool commas) {
    for (;;) {
      while (i < buffer.size() && (absl::ascii_isspace(static_cast<unsigned char>(buffer[i])) ||
                                   (commas && buffer[i] == ','))) {
        if (buffer[i] == '\n') ++line;
        ++i;
      }
      if (i < buffer.size() || !refill(nullptr)) return;
    }
  };
  if (absl::StartsWith(buffer, "\xEF\xBB\xBF")) i = 3;
  skip_space(false);
  const bool array = i < buffer.size() && buffer[i] == '[';
  if (array) ++i;
  size_t elements = 0;
  while (status->ok()) {
    skip_space(array);
    if (i >= buffer.size()) {
      if (array) {
        callbacks.on_problem({InputProblem::Outcome::kSkipped, Location(path, line),
                              "the JSON array is not closed: the file ends before ']'"});
      }
      return;
    }
    if (array && buffer[i] == ']') {
      if (elements == 0) {
        callbacks.on_problem(
            {InputProblem::Outcome::kSkipped, path, "a JSON array of no articles"});
      }
      return;
    }
    if (!array && elements > 0) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, Location(path, line),
                            "more text after the JSON object, not read (an array of articles is "
                            "written [{…}, {…}]; one object a line is JSON Lines)"});
      return;
    }
    // One element: up to the bracket that closes its first one, or the next ',' / ']' /
    // white space for a bare value.
    const size_t first_line = line;
    size_t end = i, depth = 0;
    bool in_string = false, escaped = false, done = false, too_long = false;
    while (!done) {
      if (end >= buffer.size()) {
        if (end - i > limits.max_record_bytes) {
          too_long = true;
          buffer.erase(0, end);  // held no longer: the element is skipped
          i = end = 0;
        }
        if (!refill(&end) && end >= buffer.size()) break;
        if (end >= buffer.size()) continue;
      }
      const char c = buffer[end++];
      if (c == '\n') ++line;
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
          done = depth == 0;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth > 0) --depth;
        done = depth == 0;
      } else if (depth == 0 && (c == ',' || absl::ascii_isspace(static_cast<unsigned char>(c)))) {
        --end;  // a bare value ends before it
        if (c == '\n') --line;
        done = true;
      }
    }
    ++elements;
    const std::string origin = Location(path, first_line);
    const absl::string_view element(buffer.data() + i, end - i);
    i = end;
    if (too_long) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, origin,
                            absl::StrCat("element longer than ", limits.max_record_bytes,
                                         " bytes (the limit), not read")});
      continue;
    }
    InputProblem failure;
    std::optional<Article> article =
        ParseJsonRecord(element, origin, callbacks.on_problem, failure);
    if (!article) {
      callbacks.on_problem(failure);
      continue;
    }
    KeepWithinLimits(*article, origin, limits, callbacks.on_problem);
    *status = callbacks.on_article(*std::move(article));
  }
}

// The name standard input goes by in messages and ids.
constexpr absl::string_view kStdinName = "<stdin>";

// Reads the file `name`, open in `reader`, as `format` (kAuto: as its first bytes say).
void ReadFormat(const std::string& name, bool from_stdin, InputFile& reader, InputFormat format,
                const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status) {
  std::string head;
  if (absl::StatusOr<size_t> n = reader.Read(head, 64 * 1024); !n.ok()) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, name,
                          absl::StrCat("cannot read: ", n.status().message())});
    return;
  }
  if (absl::StripAsciiWhitespace(head).empty()) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, name, "empty file"});
    return;
  }
  if (const absl::string_view kind = BinaryKind(head); !kind.empty()) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, name,
                          absl::StrCat("binary file (", kind, "), not read")});
    return;
  }
  if (format == InputFormat::kAuto) format = SniffFormat(name, head);
  // Formats read as a stream. In JSON Lines a NUL byte is a control character of its
  // record (removed, reported with its line and column), not a sign of a binary file.
  switch (format) {
    case InputFormat::kJsonLines:
      ReadJsonLinesFile(name, reader, std::move(head), callbacks, limits, status);
      return;
    case InputFormat::kJson:
      ReadJsonFile(name, reader, std::move(head), callbacks, limits, status);
      return;
    case InputFormat::kFeed:
      ReadFeedFile(name, reader, std::move(head), callbacks, limits, status);
      return;
    case InputFormat::kSgml:
      internal::ReadSgmlFile(name, reader, std::move(head), callbacks, limits, status);
      return;
    case InputFormat::kWarc:
      internal::ReadWarcFile(name, reader, std::move(head), callbacks, limits, status);
      return;
    default:
      break;
  }
  if (head.substr(0, 8192).find('\0') != std::string::npos) {
    callbacks.on_problem(
        {InputProblem::Outcome::kSkipped, name, "binary file (contains NUL bytes), not read"});
    return;
  }
  for (;;) {
    if (head.size() > limits.max_text_file_bytes) {
      CutText(head, limits.max_text_file_bytes);
      callbacks.on_problem(
          {InputProblem::Outcome::kRepaired, name,
           absl::StrCat("longer than ", limits.max_text_file_bytes,
                        " bytes (the limit): only the first ", head.size(), " read")});
      break;
    }
    const absl::StatusOr<size_t> n = reader.Read(head);
    if (!n.ok()) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, name,
                            absl::StrCat("cannot read: ", n.status().message())});
      return;
    }
    if (*n == 0) break;
  }
  // A text from standard input has no name to be known by: its content names it, so that
  // the same text read twice is one article.
  const std::string id =
      from_stdin ? absl::StrFormat("stdin:%016x", internal::Fnv1a64(head)) : name;
  if (format == InputFormat::kHtml) {
    ReadWebPageFile(name, id, head, callbacks, limits, status);
  } else {
    ReadTextFile(name, id, std::move(head), callbacks, limits, status);
  }
}

void ReadFile(const std::string& path, InputFormat format, const ReadCallbacks& callbacks,
              const ReadLimits& limits, absl::Status* status) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? std::string(kStdinName) : path;
  absl::StatusOr<InputFile> reader = from_stdin ? InputFile::OpenStdin() : InputFile::Open(path);
  if (!reader.ok()) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, name,
                          absl::StrCat("cannot open: ", reader.status().message())});
    return;
  }
  // Each article learns its file; progress within the file: its bytes read after each
  // article, and at its end.
  std::string file;
  if (!from_stdin) {
    std::error_code error;
    file = fs::absolute(path, error).lexically_normal().generic_string();
    if (error) file.clear();
  }
  ReadCallbacks per_file = callbacks;
  per_file.on_article = [&](Article&& article) {
    article.file = file;
    absl::Status done = callbacks.on_article(std::move(article));
    if (callbacks.on_bytes_read) callbacks.on_bytes_read(name, reader->bytes_read());
    return done;
  };
  ReadFormat(name, from_stdin, *reader, format, per_file, limits, status);
  if (callbacks.on_bytes_read) callbacks.on_bytes_read(name, reader->bytes_read());
}

// `path` as a file's id starts: without "." and ".." steps or doubled slashes; relative to
// the working directory when it lies below it ("/home/ana/news/a.txt" run in /home/ana →
// "news/a.txt"), absolute when it lies elsewhere ("../x.txt" → "/home/x.txt"). Symbolic
// links are not resolved: a link names its file by where the user put it.
fs::path CanonicalPath(const std::string& path) {
  fs::path normal = fs::path(path).lexically_normal();
  std::error_code error;
  const fs::path cwd = fs::current_path(error);
  if (error) return normal;
  if (normal.is_relative()) {
    if (normal.empty() || *normal.begin() != "..") return normal;
    normal = (cwd / normal).lexically_normal();  // "../corpus/a.txt" may lead back below
  }
  const fs::path relative = normal.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return normal;
  // A trailing slash stays a trailing slash ("corpus/" names the same folder).
  return relative;
}

// The directories a walk has read, by device and inode, with the name each was read under:
// a directory reached again (through a symbolic link, maybe a loop) is not read twice.
using DirectoriesRead = std::map<std::pair<dev_t, ino_t>, std::string>;

void Walk(const fs::path& path, InputFormat format, const ReadCallbacks& callbacks,
          const ReadLimits& limits, absl::Status* status, DirectoriesRead& directories_read) {
  std::error_code error;
  const std::string name = path.generic_string();
  const fs::file_status stat = fs::status(path, error);
  if (error) {
    callbacks.on_problem(
        {InputProblem::Outcome::kSkipped, name, absl::StrCat("cannot read: ", error.message())});
    if (callbacks.on_file_done) callbacks.on_file_done(name);
    return;
  }
  if (fs::is_directory(stat)) {
    struct stat identity;
    if (::stat(name.c_str(), &identity) == 0) {
      const auto [read, first_time] =
          directories_read.emplace(std::pair(identity.st_dev, identity.st_ino), name);
      if (!first_time) {
        callbacks.on_problem({InputProblem::Outcome::kSkipped, name,
                              absl::StrCat("a link to directory ", read->second,
                                           ", which is read already: not read again")});
        return;
      }
    }
    std::vector<fs::path> children;
    for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
      const std::string child = it->path().filename().string();
      if (!child.empty() && child[0] == '.') continue;
      children.push_back(it->path());
    }
    if (error) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, name,
                            absl::StrCat("cannot list directory: ", error.message())});
      return;
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) {
      Walk(child, format, callbacks, limits, status, directories_read);
      if (!status->ok()) return;
    }
    return;
  }
  if (!fs::is_regular_file(stat)) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, name, "not a regular file"});
    if (callbacks.on_file_done) callbacks.on_file_done(name);
    return;
  }
  ReadFile(name, format, callbacks, limits, status);
  if (callbacks.on_file_done) callbacks.on_file_done(name);
}

}  // namespace

size_t RepairUtf8(std::string& text, size_t* first_bad_offset) {
  size_t i = 0;
  // Fast path: find the first byte that needs attention, eight bytes at a time while they
  // are printable ASCII (no byte >= 0x80, none below 0x20).
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kSpace = 0x2020202020202020ULL;
  for (uint64_t v; i + 8 <= text.size(); i += 8) {
    std::memcpy(&v, text.data() + i, 8);
    if (((v | ((v - kSpace) & ~v)) & kHigh) != 0) break;
  }
  for (; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t n = ValidSequenceLength(text, i);
      if (n == 0) break;
      i += n - 1;
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      break;
    }
  }
  if (i == text.size()) return 0;
  if (first_bad_offset != nullptr) *first_bad_offset = i;
  std::string out(text, 0, i);
  size_t repaired = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      ++repaired, ++i;
      continue;
    }
    const size_t n = ValidSequenceLength(text, i);
    if (n > 0) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    ++repaired;
    char32_t cp = c;
    if (c >= 0x80 && c <= 0x9F && kCp1252High[c - 0x80] != 0) cp = kCp1252High[c - 0x80];
    AppendUtf8(out, cp);
    ++i;
  }
  text = std::move(out);
  return repaired;
}

absl::StatusOr<Article> ParseTextArticle(absl::string_view text, absl::string_view id,
                                         const ProblemCallback& on_problem) {
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");  // byte-order mark
  std::string normalised;
  normalised.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalised += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normalised += text[i];
    }
  }
  std::vector<absl::string_view> lines = absl::StrSplit(normalised, '\n');
  Article article;
  article.id = std::string(id);
  article.origin = std::string(id);

  // Header block: every line up to the first blank one must be a known `Key: value`.
  size_t body_start = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (absl::StripAsciiWhitespace(lines[i]).empty()) {
      if (!headers.empty()) body_start = i + 1;
      break;
    }
    std::string key, value;
    if (!ParseHeaderLine(lines[i], &key, &value)) {
      headers.clear();
      break;
    }
    headers.emplace_back(std::move(key), std::move(value));
  }
  if (body_start == 0) headers.clear();
  for (const auto& [key, value] : headers) {
    if (key == "title") article.title = value;
    if (key == "source") article.source = value;
    if (key == "url") article.url = value;
    if (key == "dateline") article.dateline = value;
    if (key == "author" && !value.empty()) article.authors.push_back(value);
    if (key == "date") SetDate(article, value, std::string(id), on_problem);
  }

  // Skip leading blank lines of the body.
  while (body_start < lines.size() && absl::StripAsciiWhitespace(lines[body_start]).empty()) {
    ++body_start;
  }
  if (body_start >= lines.size()) {
    if (article.title.empty()) return absl::InvalidArgumentError("no text");
    return article;
  }
  // Without a Title header: the first line that is not a caption, byline or chrome (the
  // first line when all are), taken out of the body unless only its first sentence is used.
  size_t title_line = lines.size();
  if (article.title.empty()) {
    size_t line = body_start;
    while (line < lines.size() && (absl::StripAsciiWhitespace(lines[line]).empty() ||
                                   IsBeforeTheStory(absl::StripAsciiWhitespace(lines[line])))) {
      ++line;
    }
    if (line == lines.size()) line = body_start;
    const absl::string_view first = absl::StripAsciiWhitespace(lines[line]);
    if (first.size() <= kMaxTitleLineLength) {
      article.title = CollapseSpaces(first);
      title_line = line;
    } else {
      // A page flattened to one line: without its header (prompts, teasers) as the cleaner
      // finds it.
      const std::string story = CleanBody(first);
      article.title = FirstSentence(CollapseSpaces(story.empty() ? first : story));
    }
  }
  std::string body;
  for (size_t i = body_start; i < lines.size(); ++i) {
    if (i == title_line) {
      // A title between captions and the story leaves one blank line, not two.
      const bool blank_before = i > body_start && absl::StripAsciiWhitespace(lines[i - 1]).empty();
      while (blank_before && i + 1 < lines.size() &&
             absl::StripAsciiWhitespace(lines[i + 1]).empty()) {
        ++i;
      }
      continue;
    }
    absl::StrAppend(&body, absl::StripTrailingAsciiWhitespace(lines[i]), "\n");
  }
  article.body = std::string(absl::StripAsciiWhitespace(body));
  return article;
}

absl::StatusOr<Article> ParseJsonArticle(absl::string_view line, absl::string_view origin,
                                         const ProblemCallback& on_problem) {
  InputProblem failure;
  std::optional<Article> article = ParseJsonRecord(line, origin, on_problem, failure);
  if (!article)
    return absl::InvalidArgumentError(absl::StrCat(failure.location, ": ", failure.message));
  return *std::move(article);
}

absl::Status ReadArticles(const std::string& path, const ReadCallbacks& callbacks,
                          const ReadLimits& limits, InputFormat format) {
  absl::Status status;
  DirectoriesRead directories_read;
  if (path == "-") {
    ReadFile(path, format, callbacks, limits, &status);
    if (callbacks.on_file_done) callbacks.on_file_done(std::string(kStdinName));
    return status;
  }
  Walk(CanonicalPath(path), format, callbacks, limits, &status, directories_read);
  return status;
}

}  // namespace newsgrep
