// SPDX-License-Identifier: GPL-2.0-or-later
/// @file stored_article.h
/// @brief What an index keeps of each article to show it, and its encodings. The indexer
/// writes it; the searcher reads it.
///
/// Each document holds the article in two parts, split by cost of reading:
///  * the display value (schema::kDisplaySlot): everything but the two bodies, in a compact
///    binary form (EncodeDisplayRecord): all a result line needs;
///  * the document data (Xapian::Document::get_data): the two bodies (EncodeStoredBodies),
///    which Xapian keeps zlib-compressed: what snippets, Searcher::Get and the
///    near-duplicate verifier read besides.
/// A result page so reads the document data only for the hits that get a snippet, and then
/// inflates the body alone.
///
/// Thread safety: plain values and pure functions, safe from any thread; ReadStoredArticle
/// reads a Xapian::Document, which (like every Xapian object) one thread uses at a time.
#ifndef NEWSGREP_SCHEMA_STORED_ARTICLE_H_
#define NEWSGREP_SCHEMA_STORED_ARTICLE_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace newsgrep {

/// A person named in an article (see the indexer's entities.h).
struct StoredPerson {
  std::string name;       // the fullest form written in the article ("Volodymyr Zelenskyy")
  std::string key;        // canonical key (name_folding.h): "volodymyr zelensky"
  uint32_t mentions = 0;  // times named, surname-only mentions included
  bool operator==(const StoredPerson&) const = default;
};

/// A place named in an article.
struct StoredLocation {
  std::string name;       // as written ("Kiev")
  std::string canonical;  // the gazetteer's name ("Kyiv"); the name itself when unknown
  std::string key;        // canonical key: the canonical name folded to ASCII ("kyiv")
  std::string kind;       // "country", "region", "city" or "area" (continent, sea, …)
                          // from the gazetteers; "place" when only context says so
  std::string country;    // ISO 3166-1 alpha-2 code where known ("UA"), else ""
  uint32_t mentions = 0;
  bool operator==(const StoredLocation&) const = default;
};

/// A quotation in the article body.
struct StoredQuote {
  std::string text;         // the words inside the marks; a quote continued over
                            // paragraphs is joined with "\n\n"
  std::string speaker;      // the speaker's full name as written; "" when the quote is
                            // not attributed or its source is not named
  std::string speaker_key;  // canonical key of the speaker, "" when none
  size_t begin = 0;         // bytes [begin, end) of StoredArticle::body, from the first
  size_t end = 0;           // to the last quoted character
  bool operator==(const StoredQuote&) const = default;
};

/// The displayable part of an indexed article. Strings are UTF-8.
struct StoredArticle {
  std::string id;  // unique id (JSON Lines `id`, or the file path)
  std::string title;
  std::string date;  // ISO 8601 as normalised by the indexer ("2025-08-20T14:05:00Z"),
                     // or "" when the article had none
  std::string source;
  std::string url;
  std::string dateline;
  std::vector<std::string> authors = {};  // bylines, as the input named them
  std::string body;           // the cleaned text, as indexed: what snippets are cut from
  std::string original_body;  // the body as read, when cleaning changed it; else ""
                              // (stored as its difference from `body`)
  // Entities found at index time (schema version 3 on), in order of first mention.
  // (Default member initializers keep designated initializers of the fields above valid.)
  std::vector<StoredPerson> people = {};
  std::vector<StoredLocation> locations = {};
  StoredLocation dateline_place = {};  // the place of the dateline; name "" when none
  std::vector<StoredQuote> quotes = {};
  bool operator==(const StoredArticle&) const = default;
};

/// Encodes the two bodies of `article` as the document data: the cleaned body, then, when
/// cleaning changed the text, the original as its difference from the cleaned one (binary,
/// versioned by the schema; schema/SCHEMA.md). The bytes are kept as they are.
std::string EncodeStoredBodies(const StoredArticle& article);

/// The cleaned body (StoredArticle::body) in document data written by EncodeStoredBodies:
/// a view into `data`. Returns DataLoss when `data` is not such a string.
absl::StatusOr<absl::string_view> StoredBodyOf(absl::string_view data);

/// Sets `article->body` and `article->original_body` from document data written by
/// EncodeStoredBodies. Returns DataLoss when `data` is not such a string.
absl::Status DecodeStoredBodies(absl::string_view data, StoredArticle* article);

/// Encodes everything of `article` but `body` and `original_body` as the display value
/// (schema::kDisplaySlot): length-prefixed fields in a fixed order, versioned by the schema.
std::string EncodeDisplayRecord(const StoredArticle& article);

/// Decodes a display value written by EncodeDisplayRecord into an article whose `body` and
/// `original_body` are empty. Returns DataLoss when `data` is not such a value (also when
/// it is empty: every document of this schema version has one).
absl::StatusOr<StoredArticle> DecodeDisplayRecord(absl::string_view data);

/// The whole article from its display value and its document data (DecodeDisplayRecord
/// and DecodeStoredBodies). Returns DataLoss when either is not what this schema writes.
absl::StatusOr<StoredArticle> DecodeStoredArticle(absl::string_view display_value,
                                                  absl::string_view document_data);

/// The whole article of an indexed document (DecodeStoredArticle of its display value and
/// document data). Returns DataLoss as DecodeStoredArticle does.
absl::StatusOr<StoredArticle> ReadStoredArticle(const Xapian::Document& document);

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_STORED_ARTICLE_H_
