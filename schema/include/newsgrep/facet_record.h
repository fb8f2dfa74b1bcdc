// SPDX-License-Identifier: GPL-2.0-or-later
/// @file facet_record.h
/// @brief The facet record: each article's facet values as keys and names; and the count
/// record (schema::kCountSlot) that holds it with the article's story and date, which the
/// indexer writes and a search's counting pass reads for every match.
///
/// A facet value is identified by its key (what counting compares: a person's canonical
/// key, a place's folded canonical name, a source's folded name) and shown by its name
/// (the fullest spelling in the article, the gazetteer's name, the source as written).
/// Encoding: per value, the facet's number (schema::Facet, one byte), the key and the name
/// as length-prefixed strings (unsigned LEB128), the name empty when it equals the key.
///
/// Thread safety: pure functions, safe from any thread.
#ifndef NEWSGREP_SCHEMA_FACET_RECORD_H_
#define NEWSGREP_SCHEMA_FACET_RECORD_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep {

/// One facet value of an article.
struct FacetEntry {
  schema::Facet facet = schema::Facet::kPerson;
  std::string key;
  std::string name;
  bool operator==(const FacetEntry&) const = default;
};

/// The facet values of `article` (its display part: people, places and the dateline place,
/// quote speakers, source, authors) and of its `categories` (Article::categories, which the
/// display record does not keep), each (facet, key) once, in that order. Values whose key
/// folds to nothing are left out.
std::vector<FacetEntry> FacetEntriesOf(const StoredArticle& article,
                                       const std::vector<std::string>& categories);

/// The key a source, author or category named `name` is counted under: its folded words
/// (name_folding.h) joined by spaces, so "REUTERS", "Reuters" and " reuters " are one.
std::string FacetKeyOf(schema::Facet facet, absl::string_view name);

/// Encodes `entries` as a facet record (the format above).
std::string EncodeFacetRecord(const std::vector<FacetEntry>& entries);

/// Calls `visit(facet, key, name)` for each value of `record` in order (`name` is the key
/// when the record leaves it out). Returns false, having visited the values before it, when
/// the record is not well formed (an unknown facet number, a string past the end).
bool VisitFacetRecord(
    absl::string_view record,
    absl::FunctionRef<void(schema::Facet, absl::string_view key, absl::string_view name)> visit);

/// The count record (schema::kCountSlot): everything the counting pass of a search reads of
/// a match (exact story counts, facets, timelines), in one value, so that Xapian's own
/// ValueCountMatchSpy can gather it through a stock xapian-tcpsrv as well: the cluster key
/// and the date value ("YYYYMMDD", or empty), each length-prefixed, then the facet record.
struct CountRecord {
  absl::string_view cluster;
  absl::string_view date;
  absl::string_view facets;  // a facet record
};

std::string EncodeCountRecord(const CountRecord& record);

/// The parts of `value` (views into it); nullopt when it is no count record.
std::optional<CountRecord> DecodeCountRecord(absl::string_view value);

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_FACET_RECORD_H_
