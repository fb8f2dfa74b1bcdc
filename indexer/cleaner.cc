// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cleaner.cc
/// @brief Boilerplate, caption, byline, promo and repetition removal.
#include "newsgrep/cleaner.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "newsgrep/text_rules.h"

namespace newsgrep {

size_t CountWords(absl::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsCaptionLine(absl::string_view unit) {
  if (absl::StartsWith(unit, "FILE PHOTO:") || absl::StartsWith(unit, "Photo:") ||
      absl::StrContains(unit, "REUTERS/") || absl::StrContains(unit, "(AP Photo")) {
    return true;
  }
  // "Leaders meet on Wednesday. (NATO)" — a short line ending in a bare credit.
  if (CountWords(unit) > kMaxChromeWords || unit.empty() || unit.back() != ')') return false;
  const size_t open = unit.rfind('(');
  if (open == absl::string_view::npos || open < 2) return false;
  const absl::string_view credit = unit.substr(open + 1, unit.size() - open - 2);
  const absl::string_view before = absl::StripTrailingAsciiWhitespace(unit.substr(0, open));
  return CountWords(credit) <= 4 && !before.empty() &&
         (before.back() == '.' || absl::StartsWith(credit, "Photo"));
}

namespace {

// Lines longer than this with no line breaks are a whole article on one line (a scraped
// page): they are cut into sentences so repetition and chrome can be found inside.
constexpr size_t kLongLine = 600;
// The sentences of such a line in which chrome marks what comes before it as the header,
// and how many other sentences that header may hold.
constexpr size_t kLeadInUnits = 8;
constexpr size_t kMaxHeaderUnits = 2;
// The most words a line standing alone at either end of a text has to be chrome by
// IsEdgeChrome: "Follow the Valley Courier on Facebook and X for the latest updates" is 12.
constexpr size_t kMaxEdgeChromeWords = 15;

// Phrases that mark a short line (at most kMaxChromeWords words) as site chrome.
constexpr std::array<absl::string_view, 24> kChromePhrases = {
    "share this article",
    "subscribe now",
    "subscribe to our",
    "already a subscriber",
    "sign up for our",
    "sign up to our",
    "click here",
    "all rights reserved",
    "listen to this article",
    "you can now listen to",
    "download the app",
    "get the app",
    "follow us on",
    "log in or create an account",
    "you have reached your maximum",
    "please enter a valid email",
    "by entering your email",
    "terms of use and privacy",
    "for access to this content",
    "copyright ©",
    "(reporting by",
    "this story has been corrected",
    "read the full story",
    "contributed to this report",
};

// Whole lines (compared lower-cased) that are chrome by themselves.
constexpr std::array<absl::string_view, 8> kChromeLines = {"advertisement",
                                                           "skip to main content",
                                                           "share",
                                                           "share and follow",
                                                           "continue reading",
                                                           "reuter",
                                                           "reuters",
                                                           "close"};

constexpr std::array<absl::string_view, 7> kPromoPrefixes = {
    "READ MORE:", "RELATED:", "WATCH:", "SEE ALSO:", "ALSO READ:", "MORE:", "LISTEN:"};

// Lower-case letters and digits only, runs of anything else as one `separator`: with a
// space, the key for "same sentence"; without, a site's key ("Daily Ledger" and
// "dailyledger.com" → "dailyledger…").
std::string NormalizedKey(absl::string_view text, absl::string_view separator = " ") {
  std::string key;
  key.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || u >= 0x80) {
      if (space && !key.empty()) key.append(separator.data(), separator.size());
      key += static_cast<char>(absl::ascii_tolower(u));
      space = false;
    } else {
      space = true;
    }
  }
  return key;
}

std::string SiteKey(absl::string_view text) { return NormalizedKey(text, ""); }

// The keys a site segment of a title may have: of the source, of the url's host, and of
// the host's name ("news.bbc.co.uk" → "bbc").
// The host of `url` without "www.": "news.bbc.co.uk"; "" when it has none.
absl::string_view UrlHost(absl::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos) return {};
  absl::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (absl::StartsWithIgnoreCase(host, "www.")) host.remove_prefix(4);
  return host;
}

std::vector<std::string> SiteKeys(absl::string_view source, absl::string_view url) {
  std::vector<std::string> keys;
  if (std::string key = SiteKey(source); !key.empty()) keys.push_back(std::move(key));
  const absl::string_view host = UrlHost(url);
  if (host.empty()) return keys;
  keys.push_back(SiteKey(host));
  std::vector<absl::string_view> labels = absl::StrSplit(host, '.', absl::SkipEmpty());
  if (labels.size() >= 2) {
    labels.pop_back();  // the top-level domain
    static constexpr std::array<absl::string_view, 7> kSecondLevel = {"co",  "com", "org", "net",
                                                                      "gov", "ac",  "edu"};
    if (labels.size() >= 2 &&
        std::find(kSecondLevel.begin(), kSecondLevel.end(), absl::AsciiStrToLower(labels.back())) !=
            kSecondLevel.end()) {
      labels.pop_back();
    }
    keys.push_back(SiteKey(labels.back()));
  }
  return keys;
}

constexpr std::array<absl::string_view, 8> kTitleSeparators = {
    " - ", " | ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 ", " -- ", " // "};
// The separators after which a title's start segment may be learned as a site's name by
// recurrence: bars, not dashes ("UPDATE 1 - …", "SOCCER - …" open wire headlines).
constexpr std::array<absl::string_view, 4> kBarSeparators = {" | ", " :: ", " \u00B7 ", " // "};
// The most words a title segment has to be a site's name learned by recurrence.
constexpr size_t kMaxSiteWords = 6;

// Where one of `separators` stands in `text`: the last one (`last`) or the first.
struct Separator {
  size_t begin = absl::string_view::npos;  // npos: none
  size_t end = 0;
};
template <size_t N>
Separator FindSeparator(absl::string_view text, const std::array<absl::string_view, N>& separators,
                        bool last) {
  Separator found;
  for (absl::string_view separator : separators) {
    const size_t at = last ? text.rfind(separator) : text.find(separator);
    if (at == absl::string_view::npos) continue;
    if (found.begin == absl::string_view::npos || (last ? at > found.begin : at < found.begin)) {
      found = {at, at + separator.size()};
    }
  }
  return found;
}

// The text in final brackets of `title` ("… (Daily Ledger)"), with its opening bracket's
// offset; npos when none.
std::pair<absl::string_view, size_t> FinalBrackets(absl::string_view title) {
  if (title.empty() || title.back() != ')') return {{}, absl::string_view::npos};
  const size_t open = title.rfind('(');
  if (open == absl::string_view::npos || open == 0) return {{}, absl::string_view::npos};
  return {title.substr(open + 1, title.size() - open - 2), open};
}

// How calls to action open: verbs that are rarely a headline's first word ("Follow …",
// "Sign up …", "Listen …"), and two-word openings for verbs that often are ("Read more …",
// "Get the … app"; "Share prices slump" is news).
constexpr std::array<absl::string_view, 9> kCallToActionVerbs = {
    "follow", "subscribe", "sign", "click", "tap", "download", "listen", "register", "donate"};
constexpr std::array<absl::string_view, 12> kCallToActionOpenings = {
    "read more", "get the",     "get our",   "share this", "share on",   "join our",
    "like us",   "support our", "watch the", "watch our",  "never miss", "don't miss"};

// Whether words of `line` next to one another spell a site key ("Valley Courier",
// "valleycourier.com"): whole words only, so "sometimes" does not name time.com.
bool NamesSite(absl::string_view line, const std::vector<std::string>& site_keys) {
  const std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
  for (size_t i = 0; i < words.size(); ++i) {
    std::string key;
    for (size_t n = 0; n < kMaxSiteWords && i + n < words.size(); ++n) {
      key += SiteKey(words[i + n]);
      if (std::find(site_keys.begin(), site_keys.end(), key) != site_keys.end()) return true;
    }
  }
  return false;
}

// Whether `line` ends as a sentence does (. ? ! : or a closing quotation mark); "" does.
bool EndsSentence(absl::string_view line) {
  const char last = line.empty() ? '.' : line.back();
  return last == '.' || last == '?' || last == '!' || last == '"' || last == ':' ||
         absl::EndsWith(line, "\u201D");
}

// The rule for a line standing alone at either end of a text (near_duplicates.h's short
// items carry one above and one below): a copyright line ("© 2026 …", "Copyright 2026 …"),
// or a short line that is not a sentence and calls the reader to act or names the site.
bool IsEdgeChrome(absl::string_view line, const std::vector<std::string>& site_keys) {
  if (CountWords(line) > kMaxEdgeChromeWords) return false;
  if (absl::StartsWith(line, "\u00A9")) return true;
  if (absl::StartsWithIgnoreCase(line, "copyright ")) {
    const absl::string_view next = absl::StripLeadingAsciiWhitespace(line.substr(10));
    if (absl::StartsWith(next, "\u00A9") || absl::StartsWith(next, "(c)") ||
        (next.size() >= 4 && std::all_of(next.begin(), next.begin() + 4, [](char c) {
           return absl::ascii_isdigit(static_cast<unsigned char>(c));
         }))) {
      return true;
    }
  }
  if (EndsSentence(line)) return false;
  const std::string lower = absl::AsciiStrToLower(line.substr(0, 24));
  const absl::string_view first(lower.data(), std::min(lower.find(' '), lower.size()));
  if (std::find(kCallToActionVerbs.begin(), kCallToActionVerbs.end(), first) !=
      kCallToActionVerbs.end()) {
    return true;
  }
  for (absl::string_view opening : kCallToActionOpenings) {
    if (absl::StartsWith(lower, opening) &&
        (lower.size() == opening.size() || lower[opening.size()] == ' ')) {
      return true;
    }
  }
  return NamesSite(line, site_keys);
}

bool HasLowercase(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

bool HasDigit(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

bool IsAllCapitals(absl::string_view text) {
  size_t letters = 0;
  for (char c : text) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 8 && !HasLowercase(text);
}

bool IsChrome(absl::string_view unit) {
  if (CountWords(unit) > kMaxChromeWords) return false;
  const std::string lower = absl::AsciiStrToLower(unit);
  for (absl::string_view phrase : kChromePhrases) {
    if (absl::StrContains(lower, phrase)) return true;
  }
  for (absl::string_view line : kChromeLines) {
    if (lower == line) return true;
  }
  return absl::StartsWith(lower, "©");
}

// `unit` without a prompt glued to the story's first sentence, as a page flattened to text
// leaves it: "Listen to this article 3 min The NATO Chiefs…" → "The NATO Chiefs…". The
// prompts are an audio player's and an advertisement label, with a reading time after
// the first ("3 min", "5 minutes", "4:12"); what follows must be prose (12 words or more,
// starting with a capital), so "Advertisement revenue fell" is kept, and a short line
// such as "Listen to this article" is left to the chrome rule.
absl::string_view WithoutLeadingPrompt(absl::string_view unit) {
  const std::string lower = absl::AsciiStrToLower(unit.substr(0, 40));
  size_t length = 0;
  for (absl::string_view prompt : {"listen to this article", "advertisement"}) {
    if (absl::StartsWith(lower, prompt)) length = prompt.size();
  }
  if (length == 0) return unit;
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(unit.substr(length));
  // A reading time: digits, then "min", "mins" or "minutes"; or minutes:seconds.
  size_t digits = 0;
  bool colon = false;
  while (digits < rest.size() &&
         (absl::ascii_isdigit(static_cast<unsigned char>(rest[digits])) || rest[digits] == ':')) {
    colon |= rest[digits] == ':';
    ++digits;
  }
  if (digits > 0 && digits < rest.size() && rest[digits] == ' ') {
    absl::string_view after = absl::StripLeadingAsciiWhitespace(rest.substr(digits));
    bool unit_word = false;
    for (absl::string_view word : {"minutes", "mins", "min"}) {
      if (absl::StartsWith(after, word) &&
          (after.size() == word.size() || after[word.size()] == ' ')) {
        after = absl::StripLeadingAsciiWhitespace(after.substr(word.size()));
        unit_word = true;
        break;
      }
    }
    if (unit_word || colon) rest = after;
  }
  if (rest.empty() || !absl::ascii_isupper(static_cast<unsigned char>(rest[0])) ||
      CountWords(rest) < 12) {
    return unit;
  }
  return rest;
}

bool IsCapitalisedName(absl::string_view word) {
  return !word.empty() && absl::ascii_isupper(static_cast<unsigned char>(word[0]));
}

}  // namespace

bool IsChromeLine(absl::string_view line) { return IsChrome(line); }

// "By Jane Doe", "By Idrees Ali and Sabine Siebold", "By J.R. Whitcombe, Continental Wire"
bool IsBylineLine(absl::string_view unit) {
  if (!absl::StartsWith(unit, "By ")) return false;
  std::vector<absl::string_view> words =
      absl::StrSplit(unit.substr(3), absl::ByAnyChar(" ,"), absl::SkipEmpty());
  if (words.empty() || words.size() > 8) return false;
  for (absl::string_view word : words) {
    if (word != "and" && word != "in" && !IsCapitalisedName(word)) return false;
  }
  return true;
}

namespace {

bool IsPromoPrefix(absl::string_view unit) {
  for (absl::string_view prefix : kPromoPrefixes) {
    if (absl::StartsWith(unit, prefix)) return IsAllCapitals(unit);
  }
  return false;
}

bool IsProse(absl::string_view unit) { return CountWords(unit) >= 12 && HasLowercase(unit); }

struct Unit {
  std::string text;
  bool paragraph_break_before = false;  // a blank line preceded it
  bool own_line = true;                 // false for sentences cut out of a long line
  bool keep = true;
  size_t line = 0;  // the line (not blank) it comes from, 0 for the first
};

// Whether a line alone as a paragraph may be chrome by recurrence (RecurringChrome);
// `first`, `last`: it is the text's first, last paragraph.
bool MayRecur(absl::string_view line, bool first, bool last) {
  if (line.empty() || CountWords(line) > kMaxEdgeChromeWords || HasDigit(line)) return false;
  // A dateline's shape: "WASHINGTON -", "Kyiv, Ukraine,".
  if (line.back() == '-' || line.back() == ',' || absl::EndsWith(line, "\u2014") ||
      absl::EndsWith(line, "\u2013")) {
    return false;
  }
  if (first) {
    // A dateline of its own: a few capitalised words ("NEW YORK").
    const std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (words.size() <= 3 && std::all_of(words.begin(), words.end(), IsCapitalisedName)) {
      return false;
    }
  }
  return first || last || !EndsSentence(line);
}

// Calls `f(line, first, last)` for each line of `text` standing alone as a paragraph (a
// blank line or the text's end on either side), stripped; `first`, `last`: it is the first,
// last line that is not blank. Lines of a long line cut into sentences are none (CleanBody).
template <typename F>
void ForEachAloneLine(absl::string_view text, F f) {
  const std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  size_t first = lines.size(), last = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (absl::StripAsciiWhitespace(lines[i]).empty()) continue;
    first = std::min(first, i);
    last = i;
  }
  for (size_t i = first; i < lines.size() && i <= last; ++i) {
    const absl::string_view line = absl::StripAsciiWhitespace(lines[i]);
    if (line.empty() || line.size() > kLongLine) continue;
    const bool blank_before = i == first || absl::StripAsciiWhitespace(lines[i - 1]).empty();
    const bool blank_after = i == last || absl::StripAsciiWhitespace(lines[i + 1]).empty();
    if (blank_before && blank_after) f(line, i == first, i == last);
  }
}

std::string CleanBodyWith(absl::string_view body, CleaningReport* report,
                          const std::vector<std::string>& site_keys,
                          const absl::flat_hash_set<std::string>* recurring) {
  CleaningReport local;
  CleaningReport& counts = report != nullptr ? *report : local;
  counts = CleaningReport();

  std::vector<Unit> units;
  bool blank_before = false;
  size_t line_number = 0;
  for (absl::string_view raw : absl::StrSplit(body, '\n')) {
    const absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty()) {
      blank_before = true;
      continue;
    }
    if (line.size() > kLongLine) {
      bool first = true;
      for (absl::string_view sentence : SplitSentences(line)) {
        units.push_back({std::string(sentence), blank_before && first, false, true, line_number});
        first = false;
      }
    } else {
      // Keep the original line (with its leading indentation) for tables and wraps.
      units.push_back({std::string(absl::StripTrailingAsciiWhitespace(raw)), blank_before, true,
                       true, line_number});
    }
    blank_before = false;
    ++line_number;
  }

  // A line standing alone (a paragraph of its own).
  auto alone = [&units](size_t i) {
    return units[i].own_line && (i == 0 || units[i].paragraph_break_before) &&
           (i + 1 == units.size() || units[i + 1].paragraph_break_before);
  };
  // Lines that recur across the source's articles (as read, as RecurringChrome saw them),
  // as long as something else is kept.
  if (recurring != nullptr && !recurring->empty()) {
    size_t kept = static_cast<size_t>(
        std::count_if(units.begin(), units.end(), [](const Unit& unit) { return unit.keep; }));
    for (size_t i = 0; i < units.size() && kept > 1; ++i) {
      const absl::string_view text = absl::StripAsciiWhitespace(units[i].text);
      if (units[i].keep && alone(i) && MayRecur(text, i == 0, i + 1 == units.size()) &&
          recurring->contains(NormalizedKey(text))) {
        units[i].keep = false;
        ++counts.recurring;
        --kept;
      }
    }
  }
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < units.size(); ++i) {
    Unit& unit = units[i];
    if (!unit.keep) continue;
    if (const absl::string_view stripped = absl::StripAsciiWhitespace(unit.text),
        rest = WithoutLeadingPrompt(stripped);
        rest.size() < stripped.size()) {
      unit.text = std::string(rest);
      ++counts.boilerplate;
    }
    const absl::string_view text = absl::StripAsciiWhitespace(unit.text);
    if (CountWords(text) >= kMinRepeatedWords && !seen.insert(NormalizedKey(text)).second) {
      unit.keep = false;
      ++counts.repeated;
    } else if (IsChrome(text)) {
      unit.keep = false;
      ++counts.boilerplate;
    } else if (unit.own_line && IsBylineLine(text)) {
      unit.keep = false;
      ++counts.bylines;
    } else if (IsCaptionLine(text)) {
      unit.keep = false;
      ++counts.captions;
    } else if (unit.own_line && IsPromoPrefix(text)) {
      unit.keep = false;
      ++counts.promos;
    } else if (unit.own_line && IsAllCapitals(text) && CountWords(text) >= 4 && !HasDigit(text) &&
               !absl::StrContains(text, "  ") && i > 0 && i + 1 < units.size() &&
               IsProse(units[i - 1].text) && IsProse(units[i + 1].text)) {
      unit.keep = false;
      ++counts.promos;
    }
  }
  // A line standing alone at either end, with text besides.
  for (const bool at_start : {true, false}) {
    std::vector<size_t> kept;
    for (size_t i = 0; i < units.size(); ++i) {
      if (units[i].keep) kept.push_back(i);
    }
    if (kept.size() < 2) break;
    const size_t i = at_start ? kept.front() : kept.back();
    if (alone(i) && IsEdgeChrome(absl::StripAsciiWhitespace(units[i].text), site_keys)) {
      units[i].keep = false;
      ++counts.boilerplate;
    }
  }
  // A page flattened to one line loses the lines that set its header apart: when two or
  // more chrome sentences stand among the first kLeadInUnits sentences of its first line,
  // the one or two other sentences before the last of them are the header too (a video
  // teaser before a sign-in wall). One chrome sentence ("Customers can download the app
  // from Tuesday.") marks no header, and a story's lead of three sentences is never one.
  if (!units.empty() && !units[0].own_line) {
    size_t last_chrome = 0, chrome = 0;
    for (size_t i = 0; i < units.size() && i < kLeadInUnits && units[i].line == 0; ++i) {
      if (!units[i].keep && IsChrome(absl::StripAsciiWhitespace(units[i].text))) {
        last_chrome = i;
        ++chrome;
      }
    }
    const size_t before = static_cast<size_t>(
        std::count_if(units.begin(), units.begin() + static_cast<long>(last_chrome),
                      [](const Unit& unit) { return unit.keep; }));
    if (chrome >= 2 && before <= kMaxHeaderUnits) {
      for (size_t i = 0; i < last_chrome; ++i) {
        if (units[i].keep) {
          units[i].keep = false;
          ++counts.boilerplate;
        }
      }
    }
  }
  if (counts.total() == 0) return std::string(absl::StripAsciiWhitespace(body));

  std::string out;
  out.reserve(body.size());
  bool pending_break = false;
  for (const Unit& unit : units) {
    pending_break |= unit.paragraph_break_before;
    if (!unit.keep) continue;
    if (!out.empty()) out += pending_break ? "\n\n" : (unit.own_line ? "\n" : " ");
    out += unit.text;
    pending_break = false;
  }
  return out;
}

}  // namespace

std::string CleanBody(absl::string_view body, CleaningReport* report, absl::string_view source,
                      absl::string_view url) {
  return CleanBodyWith(body, report, SiteKeys(source, url), nullptr);
}

namespace {

std::string CleanTitleWith(absl::string_view title, const std::vector<std::string>& keys) {
  if (keys.empty()) return std::string(title);
  auto is_site = [&keys](absl::string_view segment) {
    const std::string key = SiteKey(segment);
    return !key.empty() && std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  absl::string_view rest = absl::StripAsciiWhitespace(title);
  // The end: the last separator, or final brackets.
  Separator cut = FindSeparator(rest, kTitleSeparators, /*last=*/true);
  if (const auto [inside, open] = FinalBrackets(rest);
      open != absl::string_view::npos &&
      (cut.begin == absl::string_view::npos || open > cut.begin)) {
    if (is_site(inside)) {
      rest = absl::StripTrailingAsciiWhitespace(rest.substr(0, open));
      cut = {};
    }
  }
  if (cut.begin != absl::string_view::npos && cut.begin > 0 && is_site(rest.substr(cut.end))) {
    rest = absl::StripTrailingAsciiWhitespace(rest.substr(0, cut.begin));
  }
  // The start: the first separator.
  const Separator first = FindSeparator(rest, kTitleSeparators, /*last=*/false);
  if (first.begin != absl::string_view::npos && first.end < rest.size() &&
      is_site(rest.substr(0, first.begin))) {
    rest = absl::StripLeadingAsciiWhitespace(rest.substr(first.end));
  }
  return rest.empty() ? std::string(title) : std::string(rest);
}

// The segments of `title` that may be its site's name (RecurringChrome): in final
// brackets, after the last separator, before the first bar; each of at most kMaxSiteWords
// words, with at least two words besides.
std::vector<absl::string_view> SiteSegments(absl::string_view title) {
  title = absl::StripAsciiWhitespace(title);
  std::vector<absl::string_view> segments;
  auto consider = [&segments](absl::string_view segment, absl::string_view rest) {
    segment = absl::StripAsciiWhitespace(segment);
    if (!segment.empty() && CountWords(segment) <= kMaxSiteWords && CountWords(rest) >= 2) {
      segments.push_back(segment);
    }
  };
  if (const auto [inside, open] = FinalBrackets(title); open != absl::string_view::npos) {
    consider(inside, title.substr(0, open));
  }
  if (const Separator last = FindSeparator(title, kTitleSeparators, /*last=*/true);
      last.begin != absl::string_view::npos) {
    consider(title.substr(last.end), title.substr(0, last.begin));
  }
  if (const Separator first = FindSeparator(title, kBarSeparators, /*last=*/false);
      first.begin != absl::string_view::npos) {
    consider(title.substr(0, first.begin), title.substr(first.end));
  }
  return segments;
}

// The key of an article's source for RecurringChrome: its `source`, else its url's host.
std::string SourceKey(const Article& article) {
  return SiteKey(article.source.empty() ? UrlHost(article.url) : article.source);
}

}  // namespace

std::string CleanTitle(absl::string_view title, absl::string_view source, absl::string_view url) {
  return CleanTitleWith(title, SiteKeys(source, url));
}

namespace {

// The lines of one article that recurrence counts: enough for what a site puts around a
// story, few enough that a body of a million short paragraphs costs no more than any.
constexpr size_t kMaxCountedLines = 32;

// The stories a line or a title segment was seen in. Copies and updates of one story share
// their short first and last paragraphs; chrome is what recurs across different stories, so
// an article counts only when its title and its text's longest line are both new.
class Sightings {
 public:
  void Add(uint64_t title, uint64_t text) {
    ++articles_;
    if (Has(titles_, title) || Has(texts_, text)) return;
    if (stories_ < RecurringChrome::kMinArticles) {
      titles_[stories_] = title;
      texts_[stories_] = text;
      ++stories_;
    }
  }
  bool Recurs() const { return stories_ >= RecurringChrome::kMinArticles; }
  size_t articles() const { return articles_; }

 private:
  using Keys = std::array<uint64_t, RecurringChrome::kMinArticles>;
  bool Has(const Keys& keys, uint64_t key) const {
    return std::find(keys.begin(), keys.begin() + stories_, key) != keys.begin() + stories_;
  }
  Keys titles_ = {}, texts_ = {};
  size_t stories_ = 0;
  size_t articles_ = 0;
};

// What tells one story from another: a hash of its title and of its text's longest line.
uint64_t HashOfKey(absl::string_view text) { return std::hash<std::string>{}(NormalizedKey(text)); }
uint64_t LongestLineHash(absl::string_view body) {
  absl::string_view longest;
  for (absl::string_view line : absl::StrSplit(body, '\n')) {
    if (line.size() > longest.size()) longest = line;
  }
  return HashOfKey(longest.substr(0, 400));
}

}  // namespace

RecurringChrome::RecurringChrome(const std::vector<Article>& articles) {
  struct Counts {
    size_t titles = 0;
    absl::flat_hash_map<std::string, Sightings> lines;
    absl::flat_hash_map<std::string, Sightings> segments;
  };
  absl::flat_hash_map<std::string, Counts> counts;
  absl::flat_hash_set<std::string> once;  // an article counts a line or segment once
  for (const Article& article : articles) {
    Counts& source = counts[SourceKey(article)];
    const uint64_t text = LongestLineHash(article.body);
    const uint64_t title = article.title.empty() ? text : HashOfKey(article.title);
    once.clear();
    ForEachAloneLine(article.body, [&](absl::string_view line, bool first, bool last) {
      if (once.size() < kMaxCountedLines && MayRecur(line, first, last)) {
        once.insert(NormalizedKey(line));
      }
    });
    for (const std::string& line : once) source.lines[line].Add(title, text);
    if (article.title.empty()) continue;
    ++source.titles;
    once.clear();
    for (absl::string_view segment : SiteSegments(article.title)) {
      if (std::string key = SiteKey(segment); !key.empty()) once.insert(std::move(key));
    }
    for (const std::string& key : once) source.segments[key].Add(title, text);
  }
  for (auto& [key, source] : counts) {
    Source learned;
    for (auto& [line, seen] : source.lines) {
      if (seen.Recurs()) learned.lines.insert(line);
    }
    for (auto& [segment, seen] : source.segments) {
      if (seen.Recurs() && seen.articles() * kMinTitleShare >= source.titles) {
        learned.site_keys.push_back(segment);
      }
    }
    std::sort(learned.site_keys.begin(), learned.site_keys.end());
    if (!learned.lines.empty() || !learned.site_keys.empty()) {
      sources_.emplace(key, std::move(learned));
    }
  }
}

const RecurringChrome::Source* RecurringChrome::Of(const Article& article) const {
  if (sources_.empty()) return nullptr;
  const auto it = sources_.find(SourceKey(article));
  return it == sources_.end() ? nullptr : &it->second;
}

std::string CleanArticle(Article& article, const RecurringChrome* recurring) {
  const RecurringChrome::Source* learned = recurring != nullptr ? recurring->Of(article) : nullptr;
  std::vector<std::string> site_keys = SiteKeys(article.source, article.url);
  if (learned != nullptr) {
    site_keys.insert(site_keys.end(), learned->site_keys.begin(), learned->site_keys.end());
  }
  std::string cleaned = CleanBodyWith(article.body, nullptr, site_keys,
                                      learned != nullptr ? &learned->lines : nullptr);
  std::string original;
  if (cleaned != article.body) original = std::exchange(article.body, std::move(cleaned));
  article.title = CleanTitleWith(article.title, site_keys);
  return original;
}

}  // namespace newsgrep
