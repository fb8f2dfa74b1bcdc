// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_text.h
/// @brief One reading of the query text, for the syntax check, the proximity rewrite's
/// operands and the text Xapian's query parser is given (newsgrep's query after the check and the
/// proximity rewrite, with what Xapian 1.4.22 reads wrongly put right). It reads characters as
/// Xapian does (its UTF-8 decoding, Unicode::is_wordchar and is_whitespace, its three double
/// quotes, a field name at a word's start).
///
/// Its errors point at their column (QueryErrorAt).
///
/// Thread safety: safe from any thread.
#ifndef NEWSGREP_SEARCHER_INTERNAL_QUERY_TEXT_H_
#define NEWSGREP_SEARCHER_INTERNAL_QUERY_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// InvalidArgument whose message names the problem (`what`) and the 1-based column of
/// `byte_offset` and ends with two lines: the query and a caret under that column:
/// "unclosed quote at column 5\n  <query>\n      ^"
absl::Status QueryErrorAt(absl::string_view query, size_t byte_offset, absl::string_view what);

/// The `date:` value in bytes [begin, end) of `query`: OK for A, A..B, A.. and ..B with
/// YYYY-MM-DD days A <= B; otherwise a QueryErrorAt naming the bad part.
absl::Status CheckDateValue(absl::string_view query, size_t begin, size_t end);

/// One operand of the query text, or an operator between operands: bytes [begin, end).
struct QueryOperand {
  size_t begin = 0;
  size_t end = 0;
};

/// Bytes [begin, end) of `text` split at white space outside quotes and brackets, and where
/// Xapian's parser ends a term without white space: after a wildcard's `*`, a closing quote
/// or a closing bracket (`a*NEAR b` is `a*`, `NEAR`, `b` to Xapian; read as one word here,
/// its NEAR reached Xapian's parser beside a proximity placeholder, which Xapian 1.4.22
/// rejects and leaks memory on). What the proximity rewrite reads as operands and operators.
std::vector<QueryOperand> QueryOperands(absl::string_view text, size_t begin, size_t end);

/// Whether `word` is one of Xapian's boolean operators (AND, OR, NOT, XOR: in capitals).
bool IsBooleanOperator(absl::string_view word);

/// Whether the character at byte `i` of `text` is white space to Xapian's parser.
bool IsQuerySpaceAt(absl::string_view text, size_t i);

/// Syntax checks Xapian's lenient parser does not make: unbalanced quotes (any of its three)
/// and brackets, unknown field names, bad dates and date ranges, `-date:`, wildcards in name
/// fields. Returns OK, or InvalidArgument (QueryErrorAt) for the first problem in the text.
absl::Status CheckQuerySyntax(absl::string_view query);

/// The field the acronym rewrite (XapianQueryText) writes a word in capitals under; not a
/// field of the query language.
inline constexpr absl::string_view kAcronymField = "newsgrepacronym";

/// `text` with these rewrites, everything else unchanged:
///
/// - Name fields (`person:`, `said:`). Xapian's parser never calls a FieldProcessor for a
///   phrase: a quoted value (`person:"dmitry sokolov"`, also in curly quotes) or words its
///   parser joins into a phrase by . - / : \ @ (`person:Jean-Claude`) parse to nothing, and
///   such a phrase marked '+' (`a +person:b/c`, `person:(anna +b/c)`) crashes the parser (a
///   null query; found by the query fuzzer). So every value of a name field, alone or inside
///   its brackets, becomes words Xapian reads as one: a quoted phrase its words joined by
///   '_' (`person:dmitry_sokolov`), and inside an unquoted word each character between two
///   word characters that is not an apostrophe '_' (`person:Jean_Claude`); the processor
///   (person_field.h) folds them back into words. Kept are apostrophes inside a word ('`'
///   becomes '\''), field names with their ':', and what leads or trails a word (+ - *).
/// - One day, `date:D`, becomes the range `date:D..D`, also after + or - (`+date:D` matched
///   nothing when only a word start after a space was read as one).
/// - NEAR and ADJ left where Xapian would read its own operator (newsgrep's proximity
///   rewrite did not take them) are written in lower case, except inside an exact value
///   (`id:x-NEAR`).
/// - `case:U.N.` becomes `case:UN` (the acronym, which Xapian's parser hands to the field
///   processor whole).
/// - With `acronyms`: each word in capitals that stands alone outside phrases and field
///   values (analysis::AcronymOf: `WHO`, `U.N.`, not AND, OR, NOT or XOR) becomes
///   `newsgrepacronym:WHO` (kAcronymField), answered by case_field.h. Off for the sides of
///   NEAR/ADJ, which need word positions that acronym terms do not have.
std::string XapianQueryText(absl::string_view text, bool acronyms = false);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_QUERY_TEXT_H_
