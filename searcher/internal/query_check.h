/// @file query_check.h
/// @brief Syntax checks Xapian's lenient QueryParser does not make: unbalanced quotes and
/// parentheses, unknown field names. Errors point at the column in the query.
#ifndef NEWSGREP_SEARCHER_INTERNAL_QUERY_CHECK_H_
#define NEWSGREP_SEARCHER_INTERNAL_QUERY_CHECK_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// Returns OK, or InvalidArgument whose message names the problem and the 1-based column
/// and ends with two lines: the query and a caret under that column.
absl::Status CheckQuerySyntax(absl::string_view query);

/// "unclosed quote at column 5\n  <query>\n      ^"
absl::Status QueryErrorAt(absl::string_view query, size_t byte_offset, absl::string_view what);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_QUERY_CHECK_H_
