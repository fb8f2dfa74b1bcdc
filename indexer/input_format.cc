// SPDX-License-Identifier: GPL-2.0-or-later
/// @file input_format.cc
/// @brief Format sniffing: the first bytes decide, the name only where they do not.
#include "newsgrep/input_format.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace newsgrep {
namespace {

constexpr std::array<std::pair<absl::string_view, InputFormat>, 8> kNames = {{
    {"auto", InputFormat::kAuto},
    {"text", InputFormat::kText},
    {"jsonl", InputFormat::kJsonLines},
    {"json", InputFormat::kJson},
    {"html", InputFormat::kHtml},
    {"feed", InputFormat::kFeed},
    {"warc", InputFormat::kWarc},
    {"sgml", InputFormat::kSgml},
}};

bool StartsWithNoCase(absl::string_view text, absl::string_view prefix) {
  return text.size() >= prefix.size() &&
         absl::EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// `head` after its leading white space and the markup that precedes a document's first
// element: `<?…?>`, `<!--…-->` and a DOCTYPE that is not Reuters' (its own rule).
absl::string_view FirstElement(absl::string_view head) {
  for (;;) {
    head = absl::StripLeadingAsciiWhitespace(head);
    absl::string_view end_mark;
    if (absl::StartsWith(head, "<?")) {
      end_mark = "?>";
    } else if (absl::StartsWith(head, "<!--")) {
      end_mark = "-->";
    } else if (StartsWithNoCase(head, "<!doctype") && !StartsWithNoCase(head, "<!doctype lewis")) {
      end_mark = ">";
    } else {
      return head;
    }
    const size_t end = head.find(end_mark);
    if (end == absl::string_view::npos) return absl::string_view();
    head.remove_prefix(end + end_mark.size());
  }
}

// The name of the element `element` opens ("rss", "rdf:RDF"), or "".
absl::string_view ElementName(absl::string_view element) {
  if (!absl::StartsWith(element, "<")) return "";
  size_t end = 1;
  while (end < element.size() &&
         (absl::ascii_isalnum(static_cast<unsigned char>(element[end])) || element[end] == ':' ||
          element[end] == '-' || element[end] == '_' || element[end] == '.')) {
    ++end;
  }
  return element.substr(1, end - 1);
}

bool IsJsonLinesName(absl::string_view name) {
  return absl::EndsWithIgnoreCase(name, ".jsonl") || absl::EndsWithIgnoreCase(name, ".ndjson");
}

}  // namespace

InputFormat SniffFormat(absl::string_view name, absl::string_view head) {
  absl::ConsumeSuffix(&name, ".gz");
  absl::ConsumePrefix(&head, "\xEF\xBB\xBF");
  head = absl::StripLeadingAsciiWhitespace(head);
  if (absl::StartsWith(head, "WARC/1.")) return InputFormat::kWarc;
  if (StartsWithNoCase(head, "<!doctype lewis") || absl::StartsWith(head, "<REUTERS")) {
    return InputFormat::kSgml;
  }
  if (absl::StartsWith(head, "<")) {
    const absl::string_view element = FirstElement(head);
    if (absl::StartsWith(element, "<REUTERS")) return InputFormat::kSgml;
    absl::string_view local = ElementName(element);
    if (const size_t colon = local.find(':'); colon != absl::string_view::npos) {
      local.remove_prefix(colon + 1);
    }
    if (local == "rss" || local == "feed" || local == "RDF" || local == "channel") {
      return InputFormat::kFeed;
    }
    if (head.size() > 1 && (absl::ascii_isalpha(static_cast<unsigned char>(head[1])) ||
                            head[1] == '!' || head[1] == '?')) {
      return InputFormat::kHtml;
    }
  }
  if (absl::StartsWith(head, "[")) return InputFormat::kJson;
  if (absl::StartsWith(head, "{")) {
    if (IsJsonLinesName(name)) return InputFormat::kJsonLines;
    const size_t newline = head.find('\n');
    // A first line longer than the head is one record of JSON Lines, or one object on one
    // line, which the JSON Lines reader reads the same.
    if (newline == absl::string_view::npos && head.size() >= 64 * 1024) {
      return InputFormat::kJsonLines;
    }
    const absl::string_view first_line = head.substr(0, newline);
    return nlohmann::json::accept(first_line) ? InputFormat::kJsonLines : InputFormat::kJson;
  }
  if (IsJsonLinesName(name)) return InputFormat::kJsonLines;
  if (absl::EndsWithIgnoreCase(name, ".html") || absl::EndsWithIgnoreCase(name, ".htm") ||
      absl::EndsWithIgnoreCase(name, ".xhtml")) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

absl::string_view InputFormatName(InputFormat format) {
  for (const auto& [name, value] : kNames) {
    if (value == format) return name;
  }
  return "auto";
}

absl::StatusOr<InputFormat> ParseInputFormat(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  if (lower == "rss" || lower == "atom") return InputFormat::kFeed;
  if (lower == "ndjson") return InputFormat::kJsonLines;
  for (const auto& [known, value] : kNames) {
    if (lower == known) return value;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown format '", name,
                   "': the formats are auto, text, jsonl, json, html, feed, warc, sgml"));
}

}  // namespace newsgrep
