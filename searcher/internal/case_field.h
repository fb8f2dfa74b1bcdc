// SPDX-License-Identifier: GPL-2.0-or-later
/// @file case_field.h
/// @brief Words in capitals in queries: `case:IT` and a bare query word in capitals
/// (`WHO vaccine`, which XapianQueryText writes as kAcronymField:WHO), answered from the
/// acronym terms the indexer writes (schema::CaseTerm).
///
/// A word typed in capitals means the acronym: WHO the organisation, not "who"; US, not
/// "us"; IT, not "it" (a stopword, which alone would be no query at all). So it matches only
/// where it is written in capitals; typed in small letters a word matches in any case
/// (nato finds NATO, Nato and nato). When the index has an acronym nowhere in capitals,
/// the searcher suggests the word in small letters (Searcher::Suggest).
///
/// Thread safety: like any Xapian object, one thread at a time.
#ifndef NEWSGREP_SEARCHER_INTERNAL_CASE_FIELD_H_
#define NEWSGREP_SEARCHER_INTERNAL_CASE_FIELD_H_

#include <xapian.h>

#include <string>

namespace newsgrep::internal {

/// A FieldProcessor for a value in capitals: the query of its acronym term. Throws
/// QueryParserError for a value that is no acronym (which the syntax check refuses first).
class CaseFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& text) override;
};

/// Registers CaseFieldProcessor for `case:` and kAcronymField on `parser`.
void AddCaseFields(Xapian::QueryParser& parser);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_CASE_FIELD_H_
