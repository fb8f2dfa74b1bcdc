/// @file query_check.h
/// @brief Query errors that point at their column, and the check of date values
/// (CheckQuerySyntax, in query_text.h, reads the whole query).
#ifndef NEWSGREP_SEARCHER_INTERNAL_QUERY_CHECK_H_
#define NEWSGREP_SEARCHER_INTERNAL_QUERY_CHECK_H_

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

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_QUERY_CHECK_H_
