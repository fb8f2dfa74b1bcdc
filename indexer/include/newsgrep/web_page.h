// SPDX-License-Identifier: GPL-2.0-or-later
/// @file web_page.h
/// @brief A news web page (HTML) read as an article: its metadata and the article's own
/// text, without the page's navigation, share bars, teasers, comments and notices.
///
/// Metadata, in order of preference (the first that gives a value wins):
///   title      schema.org JSON-LD `headline` of an article object (NewsArticle, Article,
///              ReportageNewsArticle, BlogPosting, … : any type ending in "Article" or
///              "BlogPosting", also inside `@graph`), `og:title`, `twitter:title`, `<title>`
///              without a trailing " | Site" / " - Site" part, the first `<h1>`.
///   date       JSON-LD `datePublished`, `article:published_time`, other date `<meta>` names
///              (date, pubdate, publishdate, dc.date, …), the first `<time datetime>`; as
///              written (callers parse it with dates.h).
///   modified   JSON-LD `dateModified`, `article:modified_time`.
///   authors    JSON-LD `author` (names of persons or strings), `<meta name=author>`,
///              `article:author` when it is a name, not a link, the first byline (an
///              element, not the page's html/body/main/article, whose class has the word
///              "byline" or "author", whose id has "byline", or rel/itemprop=author) that
///              names two-to-five-word capitalised names (particles such as "de la" and
///              "van der" allowed), after "By", "By:" or "Author:" and before a comma, a
///              middle dot, a bar, a dash or a date: "By Ana Ruiz and Li Wei, Transport"
///              → Ana Ruiz, Li Wei.
///   site_name  `og:site_name`, JSON-LD `publisher.name`, else the part `<title>` loses
///              (below) when it is two words or more, or one word the page's URL holds
///              ("BBC" on bbc.co.uk; not "live" or "Photos").
///   url        `<link rel=canonical>`, `og:url`, JSON-LD `url`.
///   language   JSON-LD `inLanguage`, `<html lang>`, `og:locale`.
/// The body is the text of the page's main content block: the block whose paragraphs hold
/// the most prose (long text, commas, few links), with everything that is not the story
/// left out (script, style, navigation, header and footer of the page, forms, figures and
/// captions, elements hidden or marked by class, id or role as sharing, related stories,
/// comments, newsletter, advertising, cookie or paywall notices). Paragraphs stay
/// paragraphs ("\n\n" between them).
///
/// Broken markup is read as browsers read it (libxml2's HTML parser, recovering), as a
/// stream of events: no tree is built, and nesting depth costs no stack.
///
/// Thread safety: pure functions; safe to call concurrently.
#ifndef NEWSGREP_INDEXER_WEB_PAGE_H_
#define NEWSGREP_INDEXER_WEB_PAGE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep {

/// What ReadWebPage finds in a page. Strings are UTF-8 with white space collapsed ("" when
/// the page does not say); `body` keeps paragraphs apart with blank lines.
struct WebPage {
  std::string title;
  std::string date;
  std::string modified;
  std::vector<std::string> authors;
  std::string site_name;
  std::string url;
  std::string language;
  std::string body;
  /// What was repaired to read the page, one line each ("unknown character set \"x\":
  /// read as UTF-8"); empty for a clean page.
  std::vector<std::string> repairs;
};

/// Reads the page `html`. The character set is the byte order mark's, else
/// `transport_charset` (what the server said: the HTTP Content-Type's charset), else the
/// page's `<meta charset>` / `http-equiv` declaration, else UTF-8.
WebPage ReadWebPage(absl::string_view html, absl::string_view transport_charset = "");

/// The text of `html`, a fragment in UTF-8 (a feed item's description or content): every
/// paragraph, in order, blank lines between them, leaving out what ReadWebPage leaves out
/// of a story's block (script, style, figures and captions, hidden elements, sharing and
/// related-stories blocks). Entities are decoded; text without markup comes back with its
/// white space collapsed.
std::string HtmlFragmentText(absl::string_view html);

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_WEB_PAGE_H_
