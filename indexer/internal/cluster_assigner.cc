/// @file cluster_assigner.cc
/// @brief Candidate lookup through LSH band terms, exact verification on stored text.
#include "internal/cluster_assigner.h"


#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "newsgrep/internal/hash.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {

std::string NewClusterKey(absl::string_view article_id, const TextFingerprint& fingerprint) {
  uint64_t h = internal::Fnv1a64(article_id);
  for (uint64_t shingle : fingerprint.shingles) h = internal::Mix64(h ^ shingle);
  return absl::StrFormat("%016x", h);
}

absl::StatusOr<std::string> AssignCluster(Xapian::WritableDatabase& db,
                                          absl::string_view article_id_term,
                                          const TextFingerprint& fingerprint) {
  if (fingerprint.band_terms.empty()) return std::string();
  try {
    Xapian::Query bands(Xapian::Query::OP_OR, fingerprint.band_terms.begin(),
                        fingerprint.band_terms.end());
    Xapian::Query query(Xapian::Query::OP_AND_NOT, bands,
                        Xapian::Query(std::string(article_id_term)));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // Every band term has the same small frequency profile, so BM25 ranks by the number of
    // bands shared: the likeliest duplicates come first.
    Xapian::MSet candidates = enquire.get_mset(0, kMaxCandidates);
    double best_score = -1;
    std::string best_cluster;
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
      const Xapian::Document document = it.get_document();
      absl::StatusOr<StoredArticle> stored = DecodeStoredArticle(document.get_data());
      if (!stored.ok()) return stored.status();
      const TextFingerprint other = FingerprintArticle(stored->title, stored->body);
      const Similarity similarity = CompareFingerprints(fingerprint, other);
      if (!IsNearDuplicate(similarity)) continue;
      const double score = std::max(similarity.jaccard, similarity.containment);
      if (score > best_score) {
        best_score = score;
        best_cluster = document.get_value(schema::kClusterSlot);
      }
    }
    return best_cluster;  // "" = no duplicate: the caller makes a new key
  } catch (const Xapian::Error& e) {
    return XapianErrorToStatus(e, "looking up near-duplicates");
  }
}

}  // namespace newsgrep::internal
