// SPDX-License-Identifier: GPL-2.0-or-later
/// @file wildcards.h
/// @brief `word*` against an index of stems. The index holds each word only as its stem
/// (analysis::kIndexStemStrategy), so Xapian's own wildcard, which lists the terms that
/// start with the typed letters, would miss "negotiat*" (the stem of "negotiations" is
/// "negoti") and could only match stems. The words as written are in the index's
/// vocabulary (internal/vocabulary.h, filled by the indexer); a wildcard becomes the
/// SYNONYM of the stemmed terms of the vocabulary words that start with the typed letters,
/// in the wildcard's field. Like a plain word, it then finds every form of the words it
/// matches: "negotiati*" matches "negotiations", so it finds "negotiated" too (one stem).
///
/// The vocabulary only grows (a word stays in it when the articles holding it are
/// replaced or removed): such a word's term then matches nothing, which is harmless.
///
/// Thread safety: safe from any thread; the Xapian objects passed belong to the caller.
#ifndef NEWSGREP_SEARCHER_INTERNAL_WILDCARDS_H_
#define NEWSGREP_SEARCHER_INTERNAL_WILDCARDS_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// The letters of a wildcard query leaf as the parser made it (field prefix + the typed
/// letters, lower case: "XLOCkyi" for location:kyi*), "" when `query` is not a wildcard.
std::string WildcardPattern(const Xapian::Query& query);

/// The most words one wildcard may stand for. `a*` is tens of thousands of words in a news
/// archive: a query of such a SYNONYM took 96 s on Reuters-21578 as `a* NEAR/5 b*`.
inline constexpr size_t kMaxWildcardWords = 1000;

/// `query` with each wildcard leaf replaced by the SYNONYM of the stemmed terms of the
/// vocabulary words of `shards` that start with its letters (a term no document has when
/// none does).
/// Wildcards are found under AND, OR, AND_NOT, AND_MAYBE, FILTER, XOR, SYNONYM and MAX,
/// which is everywhere Xapian's parser puts them. Returns InvalidArgument, naming the
/// wildcard, when one stands for more than kMaxWildcardWords words.
absl::StatusOr<Xapian::Query> ExpandWildcards(const Xapian::Query& query,
                                              const std::vector<Xapian::Database>& shards,
                                              const Xapian::Stem& stemmer);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_WILDCARDS_H_
