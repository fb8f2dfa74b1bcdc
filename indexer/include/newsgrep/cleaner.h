// SPDX-License-Identifier: GPL-2.0-or-later
/// @file cleaner.h
/// @brief Removes what is not the story from an article body: site boilerplate, promo and
/// cross-link headlines, photo captions, bylines, and a body pasted several times.
///
/// The cleaned text is what gets indexed, shown in snippets and compared for
/// near-duplicates; the indexer keeps the original too. Rules are deliberately
/// conservative (a kept chrome line costs a little similarity; a dropped sentence of
/// news loses content):
///   - repeated units: a line (or, in a text that is one long line, a sentence) of at
///     least kMinRepeatedWords words that already occurred earlier in the same body;
///   - boilerplate: lines of at most kMaxChromeWords words containing a known site-chrome
///     phrase ("share this article", "subscribe now", "click here", "all rights reserved",
///     "listen to this article", …); a long sentence that opens with an audio player's
///     or advertisement label loses it ("Listen to this article 3 min The NATO…" → "The
///     NATO…"); in a text whose first line is a whole page flattened to text, two or more
///     chrome sentences among its first 8 mark the one or two sentences before the last of
///     them as the page's header (a video teaser before a sign-in wall), removed too;
///   - bylines: "By First Last" (and "By A and B"), at most 8 words, on a line of their own;
///   - captions: lines starting "FILE PHOTO:" / "Photo:" or containing "REUTERS/" or
///     "(AP Photo", and short lines that end in a parenthesised credit such as
///     "… on Wednesday. (Photo: NATO)" or "… (NATO)";
///   - promo headlines: an all-capitals line starting "READ MORE:", "RELATED:", "WATCH:",
///     "SEE ALSO:", "ALSO READ:", or an all-capitals line of 4+ words without digits
///     standing between two prose paragraphs (tables in capitals are kept);
///   - edges: a line standing alone as the first or the last paragraph of a text with
///     more besides, of at most 15 words, that is a copyright line ("© …", "Copyright 2026
///     …"), or is not a sentence (no closing . ? ! " :) and opens with a call to action
///     ("Follow …", "Sign up …", "Get the … app", "Listen …", "Read more at …") or names
///     the article's site in whole words (its `source` or url host, or a site name its
///     source's titles carry, below): the chrome a republished short item carries above
///     and below;
///   - recurring lines (CleanArticle with a RecurringChrome): a line alone as a paragraph
///     that recurs in kMinArticles or more stories of the same source read together, of at most 15
///     words, without figures, and a sentence only as the first or last paragraph — a
///     sponsor label, a call to follow, a subscription prompt, wherever the source puts it.
///
/// Thread safety: pure functions, safe from any thread.
#ifndef NEWSGREP_INDEXER_CLEANER_H_
#define NEWSGREP_INDEXER_CLEANER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "newsgrep/article.h"

namespace newsgrep {

inline constexpr size_t kMinRepeatedWords = 6;
inline constexpr size_t kMaxChromeWords = 30;

/// What the cleaner removed, by kind (counts of lines or sentences).
struct CleaningReport {
  size_t repeated = 0;
  size_t boilerplate = 0;
  size_t bylines = 0;
  size_t captions = 0;
  size_t promos = 0;
  size_t recurring = 0;  // lines a RecurringChrome names (never through CleanBody alone)
  size_t total() const { return repeated + boilerplate + bylines + captions + promos + recurring; }
};

/// The number of words in `text`: runs of characters other than ASCII white space. The
/// word limits above count with it, and `newsgrep similar` shows article lengths with it.
size_t CountWords(absl::string_view text);

/// True for a line the cleaner removes as site chrome (the boilerplate rule above). The
/// article reader never takes such a line as a title.
bool IsChromeLine(absl::string_view line);

/// True for a line the cleaner removes as a photo caption (the rule above). The article
/// reader never takes such a line as a title (article_reader.h).
bool IsCaptionLine(absl::string_view line);

/// True for a line the cleaner removes as a byline ("By Jane Doe", the rule above). The
/// article reader never takes such a line as a title either.
bool IsBylineLine(absl::string_view line);

/// Returns `body` without the units described above. Paragraphs (blank-line separated)
/// are kept as paragraphs; white space inside a line is kept. `report` may be null.
/// `source` and `url` (the article's) name its site for the edge rule above.
std::string CleanBody(absl::string_view body, CleaningReport* report = nullptr,
                      absl::string_view source = {}, absl::string_view url = {});

/// Returns `title` without the site's name where it is clearly chrome: a segment at the end
/// (after " - ", " | ", " – ", " — ", " :: ", " · ", or in final brackets) or at the start
/// (before one of those separators) whose letters and digits, lower-cased, are those of
/// `source` or of the host of `url` ("Daily Ledger", "dailyledger.com", or the host's
/// name without "www." and its domain ending, "dailyledger" of www.dailyledger.co.uk).
/// A title that is nothing but the site's name is kept.
std::string CleanTitle(absl::string_view title, absl::string_view source, absl::string_view url);

/// What the articles read together (a block, below) say about each source's chrome: the
/// lines that recur in its bodies and the site names its titles carry. Chrome is what a
/// site puts around every story, so recurrence finds it without a list of phrases.
///
/// A source is the article's `source`, else its url's host, else "" (articles that do not
/// say where they come from are one source). What recurs must recur across stories: copies
/// and updates of one story share their short first and last paragraphs, so an article
/// counts only when its title and its text's longest line both differ from those of the
/// articles counted before it. Gathered over bodies and titles as read:
///   - lines: a line alone as a paragraph (blank lines or the text's ends around it) of at
///     most 15 words, without figures, that is no sentence (no closing . ? ! " :) or is the
///     first or last paragraph, in kMinArticles or more of the source's stories (the first
///     32 such lines of each article). Never a first paragraph of at most three capitalised
///     words ("NEW YORK": a dateline) nor a line ending in a dash or comma (a dateline's
///     shape);
///   - site names: a title's end segment — after its last separator (" - ", " | ", " – ",
///     " — ", " :: ", " · ", " -- ", " // ") or in final brackets — or its start segment
///     before a bar (" | ", " :: ", " · ", " // "), of at most 6 words, with at least 2
///     words besides, in kMinArticles or more of the source's stories and in at least one
///     in kMinTitleShare of its titles. A name so learned is then the site's name as a
///     declared one is: cut from either end of a title (after any separator) and naming
///     the site for the edge rule above. A site's name is on most of its titles; a speaker's or an
///     agency's ("… - USDA", "… - dealers", 49 and 7 of Reuters-21578's titles) or one
///     section's ("Opinion | …") on a few, and they are kept.
/// The newsgrep indexer gathers one over each block of the articles it reads (the blocks of
/// CorpusBlock, entities.h, in input order), so an article's cleaning depends only on its
/// block, and the same input gives the same index. A block is 2,000 articles or 16 MiB of
/// bodies: a source with fewer than kMinArticles stories in it (or an article added alone)
/// gets no recurrence.
///
/// Thread safety: immutable once constructed; one may be shared by any number of threads.
class RecurringChrome {
 public:
  static constexpr size_t kMinArticles = 3;
  static constexpr size_t kMinTitleShare = 4;  // one title in 4

  /// Nothing learned: cleaning as without one.
  RecurringChrome() = default;
  /// Gathers over `articles` (bodies and titles as read).
  explicit RecurringChrome(const std::vector<Article>& articles);

  /// What was learned of one source.
  struct Source {
    absl::flat_hash_set<std::string> lines;  // NormalizedKey of each recurring line
    std::vector<std::string> site_keys;      // SiteKey of each recurring title segment
  };
  /// What was learned of `article`'s source; null when nothing.
  const Source* Of(const Article& article) const;

 private:
  absl::flat_hash_map<std::string, Source> sources_;
};

/// Cleans `article` as the indexer does before anything else reads it: the body with
/// CleanBody (the article's source and url naming its site), the title with CleanTitle;
/// with `recurring` (may be null), also the lines it names and the site names it learned
/// from the titles of the article's source. Returns the body as read when cleaning changed
/// it (the indexer stores it), else "".
std::string CleanArticle(Article& article, const RecurringChrome* recurring = nullptr);

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_CLEANER_H_
