// SPDX-License-Identifier: GPL-2.0-or-later
/// @file feed_reader.cc
/// @brief A feed file → articles: FeedParser's items, their HTML read as web-page text.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "internal/feed.h"
#include "internal/readers.h"
#include "newsgrep/internal/hash.h"
#include "newsgrep/text_rules.h"
#include "newsgrep/web_page.h"

namespace newsgrep::internal {
namespace {

// Text that is HTML or was escaped as HTML once more than XML needs ("Tom &amp;amp; Jerry",
// "&lt;b&gt;"): feeds do this to titles.
bool LooksLikeMarkup(absl::string_view text) {
  const size_t amp = text.find('&');
  return absl::StrContains(text, '<') ||
         (amp != absl::string_view::npos && text.find(';', amp) != absl::string_view::npos);
}

std::string TextOf(const std::string& value, bool html) {
  if (value.empty()) return "";
  if (html || LooksLikeMarkup(value)) return HtmlFragmentText(value);
  return std::string(absl::StripAsciiWhitespace(value));
}

}  // namespace

void ReadFeedFile(const std::string& path, InputFile& file, std::string head,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status) {
  size_t items = 0, unread = 0;
  const FeedParser* feed = nullptr;
  FeedParser parser([&](FeedItem&& item) {
    if (!status->ok()) return;
    const std::string origin = Location(path, item.line);
    Article article;
    article.origin = origin;
    article.url = item.link;
    article.body = TextOf(item.content, item.content_is_html);
    if (article.body.empty()) article.body = TextOf(item.summary, item.summary_is_html);
    article.title = CollapseSpaces(TextOf(item.title, item.title_is_html));
    if (article.title.empty() && !article.body.empty()) {
      article.title = FirstSentence(CollapseSpaces(article.body));
    }
    if (article.title.empty() && article.body.empty()) {
      ++unread;
      callbacks.on_problem({InputProblem::Outcome::kSkipped, origin,
                            "feed item with neither title nor text, not indexed"});
      return;
    }
    ++items;
    article.id = !item.id.empty() ? item.id : item.link;
    if (article.id.empty()) {
      // Neither guid nor link: named by the feed and what the item says, so that reading
      // the feed again replaces it.
      article.id = absl::StrFormat("%s#%016x", path,
                                   Fnv1a64(absl::StrCat(article.title, "\n", article.body)));
    }
    article.source = !item.source.empty() ? item.source : feed->title();
    article.authors = std::move(item.authors);
    for (std::string& category : item.categories) {
      if (std::find(article.categories.begin(), article.categories.end(), category) ==
          article.categories.end()) {
        article.categories.push_back(std::move(category));
      }
    }
    SetDate(article, item.published.empty() ? item.updated : item.published, origin,
            callbacks.on_problem);
    KeepWithinLimits(article, origin, limits, callbacks.on_problem);
    *status = callbacks.on_article(std::move(article));
  });
  feed = &parser;
  parser.Push(head);
  head.clear();
  head.shrink_to_fit();
  std::string chunk;
  while (status->ok()) {
    chunk.clear();
    const absl::StatusOr<size_t> n = file.Read(chunk);
    if (!n.ok()) {
      callbacks.on_problem({InputProblem::Outcome::kSkipped, path,
                            absl::StrCat(n.status().message(), " after ", items,
                                         " item(s); the rest of the feed was not read")});
      break;
    }
    if (*n == 0) break;
    parser.Push(chunk);
  }
  parser.Finish();
  if (!status->ok()) return;
  if (parser.repaired_bytes() > 0) {
    callbacks.on_problem(
        {InputProblem::Outcome::kRepaired, path, NotUtf8Note(parser.repaired_bytes())});
  }
  if (parser.error_count() > 0) {
    const std::string& first = parser.first_errors().front();
    callbacks.on_problem(
        {parser.stopped() ? InputProblem::Outcome::kSkipped : InputProblem::Outcome::kRepaired,
         path,
         absl::StrCat("malformed XML (", parser.error_count(), " error(s), the first at ", first,
                      parser.stopped() ? "); the feed was read up to where the parser stopped"
                                       : "); read as the parser recovered it")});
  }
  if (parser.truncated()) {
    callbacks.on_problem({InputProblem::Outcome::kRepaired, path,
                          "the feed ends inside an item: that item was read as far as it goes"});
  }
  if (items == 0 && unread == 0) {
    callbacks.on_problem({InputProblem::Outcome::kSkipped, path, "feed with no items"});
  }
}

}  // namespace newsgrep::internal
