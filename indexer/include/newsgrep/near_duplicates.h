/// @file near_duplicates.h
/// @brief Fingerprints of cleaned article text for finding republications of one story.
///
/// Method: the text is cut into word 3-shingles (lower-cased letters and digits; quotes,
/// dashes and other punctuation separate words). 24 MinHash values are grouped into
/// kBands bands of kRowsPerBand; each band gives one band key, and the index keeps, for
/// every band key, the articles that have it (indexer/internal/band_store.h), so that it
/// finds candidates (articles sharing a band key). docs/DEDUP.md explains the
/// number of bands (recall against write cost). Candidates are
/// then verified exactly on their shingle sets: a near-duplicate has Jaccard resemblance
/// >= kMinJaccard, or containment (shared shingles / shingles of the shorter text)
/// >= kMinContainment when the shorter text has at least kMinShinglesForContainment
/// shingles — "one is the other plus extra" (a trimmed copy, a copy with an added
/// paragraph or with leftover site chrome). Thresholds: see docs/DEDUP.md for how they
/// were chosen.
///
/// Short texts (fewer than kShortTextWords words of body) have the title shingled in too
/// and must be near-identical (Jaccard >= kMinJaccardShort), so that two short notices
/// differing only by the company in the headline ("ALPHA CORP SETS QUARTERLY DIVIDEND" over
/// the same one-line body) are not merged. Texts with fewer than kMinShingles shingles are
/// never duplicates (too little text to judge).
///
/// In a large corpus, candidates that share a band by chance (a sentence or two in common)
/// far outnumber near-duplicates, and verifying one whose shingles are no longer in memory
/// means reading and re-fingerprinting its stored text. So each fingerprint also carries a
/// sketch small enough to keep for every article (kSketchBins 16-bit values: one
/// permutation hashing — the shingles split into bins by the top bits of their hash, the
/// least hash of each bin kept), and MayBeNearDuplicate rules a pair out from two sketches
/// with a chance below kSketchMissProbability of ruling out a near-duplicate; only the
/// pairs it lets through are verified exactly.
///
/// Thread safety: pure functions, safe from any thread.
#ifndef NEWSGREP_INDEXER_NEAR_DUPLICATES_H_
#define NEWSGREP_INDEXER_NEAR_DUPLICATES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep {

inline constexpr size_t kShingleWords = 3;
inline constexpr size_t kBands = 12;
inline constexpr size_t kRowsPerBand = 2;
inline constexpr size_t kMinShingles = 5;  // fewer: no band keys, never clustered
inline constexpr size_t kShortTextWords = 40;
inline constexpr double kMinJaccard = 0.45;
inline constexpr double kMinJaccardShort = 0.9;
inline constexpr double kMinContainment = 0.80;
inline constexpr size_t kMinShinglesForContainment = 20;
inline constexpr size_t kSketchBins = 64;
/// The chance that MayBeNearDuplicate rules out a pair that is a near-duplicate (at the
/// lowest resemblance a near-duplicate of its sizes can have; less above it).
inline constexpr double kSketchMissProbability = 1e-4;

/// What MayBeNearDuplicate needs of a fingerprint (see above): 132 bytes.
struct FingerprintSketch {
  /// Per bin, the low 16 bits of the bin's least shingle hash, never 0; 0 = empty bin.
  std::array<uint16_t, kSketchBins> bins{};
  uint32_t shingles = 0;  // 0: no sketch
  bool short_text = false;
};

struct TextFingerprint {
  std::vector<uint64_t> shingles;   // sorted, unique shingle hashes
  std::vector<uint64_t> band_keys;  // LSH keys (BandKey); empty for short texts
  size_t words = 0;                 // words in the shingled text
  bool short_text = false;          // body under kShortTextWords: title included
  FingerprintSketch sketch;         // empty (shingles 0) for fewer than kMinShingles
};

/// The key of LSH band `band` (< kBands) whose rows hash to `value`: the band in the
/// upper 32 bits, the value in the lower.
inline uint64_t BandKey(size_t band, uint32_t value) {
  return static_cast<uint64_t>(band) << 32 | value;
}

/// Fingerprints an article from its title and cleaned body.
TextFingerprint FingerprintArticle(absl::string_view title, absl::string_view clean_body);

struct Similarity {
  double jaccard = 0;       // |A∩B| / |A∪B|
  double containment = 0;   // |A∩B| / min(|A|, |B|)
  size_t smaller = 0;       // min(|A|, |B|)
  bool short_text = false;  // either text is short (see above)
};

Similarity CompareFingerprints(const TextFingerprint& a, const TextFingerprint& b);

/// The decision rule described above.
bool IsNearDuplicate(const Similarity& similarity);

/// False when the fingerprints sketched by `a` and `b` cannot be near-duplicates, except
/// with a probability below kSketchMissProbability: a bin that is not empty in both agrees
/// with a probability equal to the Jaccard resemblance, and too few agree for the lowest
/// resemblance a near-duplicate of these sizes can have. True when either sketch is empty.
bool MayBeNearDuplicate(const FingerprintSketch& a, const FingerprintSketch& b);

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_NEAR_DUPLICATES_H_
