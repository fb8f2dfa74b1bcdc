// SPDX-License-Identifier: GPL-2.0-or-later
/// @file status_macros.h
/// @brief RETURN_IF_ERROR / ASSIGN_OR_RETURN for absl::Status, which Debian's Abseil
/// (20220623) does not ship. Internal to newsgrep; not part of the embedding API.
#ifndef NEWSGREP_SCHEMA_INTERNAL_STATUS_MACROS_H_
#define NEWSGREP_SCHEMA_INTERNAL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define NEWSGREP_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::absl::Status newsgrep_status_ = (expr);            \
    if (!newsgrep_status_.ok()) return newsgrep_status_; \
  } while (false)

#define NEWSGREP_STATUS_CONCAT_INNER_(a, b) a##b
#define NEWSGREP_STATUS_CONCAT_(a, b) NEWSGREP_STATUS_CONCAT_INNER_(a, b)

/// NEWSGREP_ASSIGN_OR_RETURN(auto value, FunctionReturningStatusOr());
#define NEWSGREP_ASSIGN_OR_RETURN(lhs, expr) \
  NEWSGREP_ASSIGN_OR_RETURN_IMPL_(NEWSGREP_STATUS_CONCAT_(newsgrep_statusor_, __LINE__), lhs, expr)
#define NEWSGREP_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                    \
  if (!statusor.ok()) return std::move(statusor).status();   \
  lhs = std::move(statusor).value()

#endif  // NEWSGREP_SCHEMA_INTERNAL_STATUS_MACROS_H_
