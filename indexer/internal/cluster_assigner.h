/// @file cluster_assigner.h
/// @brief Index-time near-duplicate lookup: which story cluster does a new article join?
#ifndef NEWSGREP_INDEXER_INTERNAL_CLUSTER_ASSIGNER_H_
#define NEWSGREP_INDEXER_INTERNAL_CLUSTER_ASSIGNER_H_

#include <xapian.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgrep/near_duplicates.h"

namespace newsgrep::internal {

/// The maximum number of candidates verified per article (best band overlap first).
inline constexpr size_t kMaxCandidates = 10;

/// Finds the cluster for an article about to be written to `db`: the cluster of the most
/// similar near-duplicate already in the index (committed or not: a WritableDatabase sees
/// its own pending documents), else a new cluster. The article's own previous version
/// (same id term) is never a candidate, so re-indexing is idempotent: an article keeps the
/// cluster of the versions it resembles.
///
/// A new cluster's key is derived from the article id and its text, so replacing the
/// founding article by different text does not pull its former cluster-mates along.
///
/// Returns the 16-hex-digit cluster key; Internal/DataLoss when the index cannot be read.
/// Not thread-safe (uses `db`).
absl::StatusOr<std::string> AssignCluster(Xapian::WritableDatabase& db,
                                          absl::string_view article_id_term,
                                          const TextFingerprint& fingerprint);

/// A fresh cluster key for an article that resembles nothing indexed.
std::string NewClusterKey(absl::string_view article_id, const TextFingerprint& fingerprint);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_CLUSTER_ASSIGNER_H_
