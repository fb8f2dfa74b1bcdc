// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_builder.h
/// @brief Building queries from code instead of pasting strings together: each function
/// returns query-language text (README.md, "Query language") that Searcher::Search or
/// Searcher::Parse accepts, with user-supplied words made safe (quotes, parentheses and
/// operator words in them cannot change the query's structure).
///
/// Example:
///   namespace q = newsgrep::query;
///   std::string text = q::All({q::Near(q::Phrase("air support"), q::Word("pentagon"), 5),
///                              q::InField("source", q::Word("meridian")),
///                              q::DateRange(newsgrep::ParseNewsDate("2025-08-01"), {})});
///   // (("air support" NEAR/5 "pentagon") AND (source:"meridian") AND (date:2025-08-01..))
///   auto results = searcher->Search(text, {});
///
/// Thread safety: pure functions, safe from any thread.
#ifndef NEWSGREP_SEARCHER_QUERY_BUILDER_H_
#define NEWSGREP_SEARCHER_QUERY_BUILDER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "newsgrep/dates.h"

namespace newsgrep::query {

/// One word, stemmed like a typed word ("guarantee" also finds "guarantees"); taken
/// literally even when it is AND, OR, NEAR or contains punctuation (then its parts must
/// be adjacent, as in a phrase).
std::string Word(absl::string_view word);

/// The words in this order, adjacent; the last word stemmed too.
std::string Phrase(absl::string_view words);

/// Words starting with `prefix` (prefix*).
std::string Prefix(absl::string_view prefix);

/// `query` (a Word, Phrase or Prefix) searched in one field: InField("title", Word("x"))
/// is title:"x". The field name is checked when the query is run (unknown field: an
/// InvalidArgument listing the known ones).
std::string InField(absl::string_view field, absl::string_view query);

/// `a` and `b` (each a Word, Phrase, Prefix, InField, or Any of those) with at most
/// `window` words between them, in either order (NEAR/window).
std::string Near(absl::string_view a, absl::string_view b, unsigned window = 10);

/// Like Near, but `a` must come first (ADJ/window).
std::string Adjacent(absl::string_view a, absl::string_view b, unsigned window = 10);

/// Every one of `queries` (AND). Empty parts are left out.
std::string All(const std::vector<std::string>& queries);

/// Any of `queries` (OR). Empty parts are left out.
std::string Any(const std::vector<std::string>& queries);

/// `query` without the articles `excluded` matches (query AND NOT excluded).
std::string Without(absl::string_view query, absl::string_view excluded);

/// Articles dated from `from` to `to` (days, inclusive; either may be left open).
/// "" when both are open.
std::string DateRange(const std::optional<NewsDate>& from, const std::optional<NewsDate>& to);

/// The article with this id.
std::string Id(absl::string_view id);

}  // namespace newsgrep::query

#endif  // NEWSGREP_SEARCHER_QUERY_BUILDER_H_
