// SPDX-License-Identifier: GPL-2.0-or-later
/// @file schema.h
/// @brief The one definition of what a newsgrep document is: fields, term prefixes, value
/// slots and boosts, shared by the indexer (what it writes) and the searcher (what it parses).
///
/// Example:
///   const newsgrep::schema::Field* f = newsgrep::schema::FindField("title");
///   if (f != nullptr) parser.add_prefix(std::string(f->name), std::string(f->prefix));
///
/// Thread safety: everything here is immutable and safe to use from any thread.
#ifndef NEWSGREP_SCHEMA_SCHEMA_H_
#define NEWSGREP_SCHEMA_SCHEMA_H_

#include <xapian.h>

#include <array>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace newsgrep::schema {

/// Bumped whenever a change to this file makes older indexes unreadable or wrong.
/// Stored in the database metadata under kSchemaVersionKey and checked on open.
/// 4: the display value (kDisplaySlot) added, the document data's body moved first.
/// 5: every word indexed only as its stem (analysis::kIndexStemStrategy, STEM_ALL_Z); the
///    words as written are the vocabulary (kVocabularyKeyPrefix).
/// 6: date terms (kDayPrefix, kMonthPrefix, kYearPrefix), which `date:` ranges now search.
/// 7: the document data holds the two bodies alone, binary (EncodeStoredBodies); the rest
///    of the article is the display value only.
/// 8: the near-duplicate band keys are metadata buckets (kBandBucketKeyPrefix), no longer
///    a boolean term each in the documents.
/// 9: authors: the author field (kAuthorPrefix) and the display record's author list.
/// 10: the facet record (slot 4, facet_record.h).
/// 11: acronyms as written (kCasePrefix, CaseTerm).
/// 12: slot 4 is the count record (kCountSlot: cluster, date and facet record together).
inline constexpr int kSchemaVersion = 12;
inline constexpr absl::string_view kSchemaVersionKey = "newsgrep.schema_version";
/// The data people and places were recognised with: each distinct description
/// (entities.h, DescribeDataSources: package, version, file, size and digest per line) of
/// the data of a writer that committed articles with entities, a blank line between two.
/// Absent in an index built without entities.
inline constexpr absl::string_view kEntityDataKey = "newsgrep.entity_data";

/// The index's vocabulary: every word indexed, as the term generator read it (lower case,
/// unstemmed), once, as the metadata key kVocabularyKeyPrefix + word (value "1"), for
/// wildcards and spelling corrections (the terms are stems). Metadata rather than Xapian's
/// spelling table, whose per-word trigram lists made indexing 9-20 % slower. Xapian reads the
/// metadata of the first shard only: a reader of several shards lists each one's.
inline constexpr absl::string_view kVocabularyKeyPrefix = "v:";

/// The near-duplicate candidate lookup (LSH band keys; the indexer's near_duplicates.h):
/// which documents have each band key, in buckets, one metadata entry a bucket. A band key
/// is the band number (upper 32 bits) and a 32-bit value; its bucket is the band and the
/// value's upper kBandBucketBits bits, its metadata key kBandBucketKeyPrefix + the band as a
/// letter ('a' + band) + those bits as 3 hex digits. The entry lists the bucket's postings
/// in increasing order of (value, docid), each as two unsigned LEB128 varints: the value's
/// lower 32 - kBandBucketBits bits less the previous posting's (the first: less 0), then
/// the docid. Written by indexer/internal/band_store.h.
inline constexpr absl::string_view kBandBucketKeyPrefix = "lsh:";
inline constexpr int kBandBucketBits = 12;

/// How a field's terms are generated and queried.
enum class FieldKind {
  kFreeText,  // analysed text: stemmed, positional, ranked (QueryParser::add_prefix)
  kBoolean,   // one exact term per value, filters only (QueryParser::add_boolean_prefix)
  /// Words written in capitals, kept as written (analysis::AcronymOf), one term per word
  /// and article (CaseTerm), ranked, without positions; the searcher reads the field's
  /// values with a Xapian::FieldProcessor.
  kExactCase,
};

/// One searchable field.
struct Field {
  absl::string_view name;    // the query-language name: `title:...`
  absl::string_view prefix;  // Xapian term prefix ("" = the unprefixed full text)
  FieldKind kind;
  double boost;                   // weight multiplier for free-text matches in this field
                                  // (applied at query time, so tunable without re-indexing)
  absl::string_view description;  // one line for help texts and errors
  /// True for fields whose terms are folded name keys (name_folding.h): the query parser
  /// must fold what the user types the same way, so such a field is registered with a
  /// Xapian::FieldProcessor by the searcher, not by analysis::ConfigureQueryParser.
  bool folds_names = false;
  /// True for fields whose words are words of the article's own title or body (the title,
  /// quotes, names in the text), so that a snippet highlights them where they occur; false
  /// for metadata (source, dateline) and exact fields.
  bool in_text = false;
};

/// Term prefixes, following omega's conventions where one exists (Q unique id, S title);
/// multi-letter custom prefixes start with X.
inline constexpr absl::string_view kIdPrefix = "Q";
inline constexpr absl::string_view kTitlePrefix = "S";
inline constexpr absl::string_view kSourcePrefix = "XSOURCE";
inline constexpr absl::string_view kDatelinePrefix = "XDATELINE";
/// The article's authors (bylines): each name as written and its folded key words
/// (name_folding.h), so `author:calloway` matches every spelling.
inline constexpr absl::string_view kAuthorPrefix = "XAUTHOR";
/// The subject tags the source gave the article (Article::categories).
inline constexpr absl::string_view kCategoryPrefix = "XCAT";
/// The acronyms written in the article's title and body, in capitals as written
/// (analysis::ForEachAcronym): the terms of `case:` and of a query word in capitals.
inline constexpr absl::string_view kCasePrefix = "XCASE";
/// The story cluster an article belongs to (near-duplicate versions share it).
inline constexpr absl::string_view kClusterPrefix = "XCLUSTER";
/// People named in the article: each person's name as written and its folded key words
/// (name_folding.h), positional, so `person:zelenskiy` and `person:"volodymyr zelensky"`
/// match every spelling.
inline constexpr absl::string_view kPersonPrefix = "XPERSON";
/// Places named in the article (and its dateline place): the name as written, the
/// gazetteer's canonical name, its other spellings (Kiev/Kyiv) and ASCII forms.
inline constexpr absl::string_view kLocationPrefix = "XLOC";
/// The text inside quotation marks, positional (phrase search inside quotes).
inline constexpr absl::string_view kQuotePrefix = "XQUOTE";
/// The folded name words of each quote's speaker.
inline constexpr absl::string_view kSaidPrefix = "XSAID";
/// Date terms, omega's convention: a dated article has D<YYYYMMDD>, M<YYYYMM> and Y<YYYY>
/// (boolean terms; DateTerms), so that a `date:` range is an OR of a few terms
/// (DateRangeTerms) rather than a read of every candidate's date value.
inline constexpr absl::string_view kDayPrefix = "D";
inline constexpr absl::string_view kMonthPrefix = "M";
inline constexpr absl::string_view kYearPrefix = "Y";
/// One exact term per person / place of the article: the canonical key (wdf = mentions).
/// Not query fields; `newsgrep stats` counts them.
inline constexpr absl::string_view kPersonKeyPrefix = "XPK";
inline constexpr absl::string_view kLocationKeyPrefix = "XLK";
/// The file an article was read from: kFilePrefix + its absolute path (Article::file), one
/// boolean term (FileTerm). Not a query field.
inline constexpr absl::string_view kFilePrefix = "XFILE";
/// Longest path a file term holds: Xapian's terms are at most 245 bytes. An article read
/// from a file with a longer path has no file term.
inline constexpr size_t kMaxFileTermPath = 240;

/// The field table. Unprefixed text (title + body) is what a bare word searches.
/// Boosts: a query word (not a stopword) found in a boosted field adds (boost - 1) x its
/// BM25 weight in that field, so an article whose headline, quotes, people or places
/// contain the word ranks above one that only mentions it in the body. Tunable here
/// without re-indexing.
inline constexpr std::array<Field, 12> kFields = {{
    {"title", kTitlePrefix, FieldKind::kFreeText, 3.0, "words in the headline", false, true},
    {"quote", kQuotePrefix, FieldKind::kFreeText, 2.0,
     "words inside quotation marks (what someone said)", false, true},
    {"person", kPersonPrefix, FieldKind::kFreeText, 2.0,
     "a person named in the article, in any spelling", true, true},
    {"location", kLocationPrefix, FieldKind::kFreeText, 1.5,
     "a country, region or city named in the article (or its dateline)", false, true},
    {"said", kSaidPrefix, FieldKind::kFreeText, 1.0,
     "the person quoted (the speaker of a quote), in any spelling", true, true},
    {"source", kSourcePrefix, FieldKind::kFreeText, 1.0, "the outlet that published it"},
    {"dateline", kDatelinePrefix, FieldKind::kFreeText, 1.0,
     "the place line at the top of a wire story"},
    {"author", kAuthorPrefix, FieldKind::kFreeText, 1.0, "who wrote it (a byline), in any spelling",
     true},
    {"category", kCategoryPrefix, FieldKind::kFreeText, 1.0,
     "a subject tag its source gave it (a feed's category, a Reuters topic)"},
    {"case", kCasePrefix, FieldKind::kExactCase, 1.0,
     "a word in capitals exactly as written: an acronym (case:IT, case:WHO, case:U.N.)"},
    {"id", kIdPrefix, FieldKind::kBoolean, 1.0, "the article's unique id (exact)"},
    {"cluster", kClusterPrefix, FieldKind::kBoolean, 1.0,
     "the story cluster: all versions of one story (exact)"},
}};

/// The query language's date field: `date:2025-08-18..2025-08-20`, `date:2025-08-20`. Not a
/// term field of kFields: the searcher answers it with the date terms (DateRangeTerms).
inline constexpr absl::string_view kDateField = "date";

/// Word positions skipped between two fields of a document, so that neither a phrase nor a
/// NEAR/ADJ window under this can span two of them (the searcher's proximity check relies
/// on it: internal/proximity.h).
inline constexpr Xapian::termpos kFieldGap = 100;
/// Word positions skipped between two values of one field (two people, two quotes), so that
/// no phrase runs from one into the next.
inline constexpr Xapian::termpos kValueGap = 10;

/// Value slots. Dates are stored so that string order is time order.
enum ValueSlot : Xapian::valueno {
  kDateSlot = 0,       // "YYYYMMDD" (what Xapian::DateRangeProcessor compares)
  kTimestampSlot = 1,  // "YYYYMMDDhhmmss" in UTC, for newest-first sorting
  kClusterSlot = 2,    // story cluster key (16 hex digits): the collapse key
  /// Everything a result line shows (stored_article.h, EncodeDisplayRecord): read for each
  /// hit instead of the document data, which also holds the bodies.
  kDisplaySlot = 3,
  /// The count record (facet_record.h): the cluster key, the date and the article's facet
  /// values (people, places, speakers, source, authors, categories) as keys and names, all
  /// a search's counting pass reads of each match, locally or through remote shards.
  kCountSlot = 4,
};

/// What a search can count among its matches (SearchOptions::facets): each is a kind of
/// value of the facet record (in kCountSlot), named by the query field that selects it.
enum class Facet : unsigned char { kPerson, kLocation, kSaid, kSource, kAuthor, kCategory };

struct FacetInfo {
  Facet facet;
  absl::string_view name;   // the query field: `person`, … (also the facet's name)
  absl::string_view title;  // a heading for people: "People"
};

/// The facets, in the order a listing of all of them shows them.
inline constexpr std::array<FacetInfo, 6> kFacets = {{
    {Facet::kPerson, "person", "People"},
    {Facet::kLocation, "location", "Places"},
    {Facet::kSaid, "said", "Quoted"},
    {Facet::kSource, "source", "Sources"},
    {Facet::kAuthor, "author", "Authors"},
    {Facet::kCategory, "category", "Categories"},
}};

/// What a search counts when asked for facets without naming them (`newsgrep --facets`,
/// the bench's facet query): who, where, who is quoted, and who published.
inline constexpr std::array<Facet, 4> kDefaultFacets = {Facet::kPerson, Facet::kLocation,
                                                        Facet::kSaid, Facet::kSource};

/// The facet named `name` ("person"), or nullptr when there is none.
const FacetInfo* FindFacet(absl::string_view name);

/// The entry of `facet` in kFacets.
const FacetInfo& InfoOf(Facet facet);

/// Returns the field named `name`, or nullptr when there is none.
const Field* FindField(absl::string_view name);

/// The field whose term prefix `term` starts with: the longest prefix followed by anything
/// but an upper-case letter (which would make it part of a longer prefix). nullptr for an
/// unprefixed term (lower case or digits first) or an unknown prefix. `term` is without
/// the stemmed terms' leading "Z" ("Ssecur", not "ZSsecur").
const Field* FieldOfTerm(absl::string_view term);

/// "dateline, id, source, title": for error messages about unknown fields.
std::string KnownFieldNames();

/// Checks the schema version recorded in `db`'s metadata.
/// Returns OK for this version; FailedPrecondition naming both versions and what to do
/// (re-index) when it differs or is missing from a non-empty database. `path` names the
/// index in the message.
absl::Status CheckSchemaVersion(const Xapian::Database& db, absl::string_view path);

/// The term of an acronym (analysis::AcronymOf) written in an article: kCasePrefix, ':'
/// (Xapian's separator before a value in capitals), the acronym: "XCASE:NATO".
std::string CaseTerm(absl::string_view acronym);

/// The unique-id term of the article whose id is `article_id`.
std::string IdTerm(absl::string_view article_id);

/// The file term of an article read from the file at `absolute_path` (Article::file); ""
/// when there is none (standard input, or a path over kMaxFileTermPath bytes).
std::string FileTerm(absl::string_view absolute_path);

/// The date terms of a day `day` ("YYYYMMDD", the kDateSlot value): {"D20250820",
/// "M202508", "Y2025"}. Empty when `day` is not a real day.
std::vector<std::string> DateTerms(absl::string_view day);

/// The day term alone: "D20250820" for "20250820"; "" when `day` is not a real day.
std::string DayTerm(absl::string_view day);

/// The day after `day`, both "YYYYMMDD": "20240229" → "20240301", "20251231" →
/// "20260101". "" when `day` is not a real day.
std::string NextDay(absl::string_view day);

/// The fewest date terms whose articles are exactly those dated `first` to `last`, both
/// included ("YYYYMMDD" days): whole years as Y terms, whole months as M terms, other days
/// as D terms ("20250830".."20251002" → D20250830, D20250831, M202509, D20251001,
/// D20251002). Empty when first > last or either is not a real day.
std::vector<std::string> DateRangeTerms(absl::string_view first, absl::string_view last);

}  // namespace newsgrep::schema

#endif  // NEWSGREP_SCHEMA_SCHEMA_H_
