// SPDX-License-Identifier: GPL-2.0-or-later
/// @file xapian_status.h
/// @brief Maps Xapian exceptions to absl::Status at the library boundary, so no Xapian
/// exception escapes newsgrep. Internal to newsgrep; not part of the embedding API.
#ifndef NEWSGREP_SCHEMA_INTERNAL_XAPIAN_STATUS_H_
#define NEWSGREP_SCHEMA_INTERNAL_XAPIAN_STATUS_H_

#include <xapian.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// QueryParserError → InvalidArgument; DatabaseNotFoundError, DatabaseOpeningError →
/// NotFound; DatabaseLockError → Unavailable; DatabaseCorruptError → DataLoss;
/// DatabaseModifiedError → Aborted (reopen and retry); anything else → Internal.
/// `context` ("opening index /x") starts the message.
absl::Status XapianErrorToStatus(const Xapian::Error& error, absl::string_view context);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SCHEMA_INTERNAL_XAPIAN_STATUS_H_
