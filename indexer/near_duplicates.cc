/// @file near_duplicates.cc
/// @brief Shingling, MinHash/LSH band keys, similarity.
#include "newsgrep/near_duplicates.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "absl/strings/ascii.h"
#include "newsgrep/internal/hash.h"

namespace newsgrep {
namespace {

constexpr size_t kHashes = kBands * kRowsPerBand;

// P(X <= k) for X ~ Binomial(n, p).
double BinomialCdf(size_t k, size_t n, double p) {
  if (k >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  double term = std::pow(1 - p, static_cast<double>(n));  // P(X = 0)
  double sum = term;
  for (size_t i = 1; i <= k; ++i) {
    term *= static_cast<double>(n - i + 1) / static_cast<double>(i) * p / (1 - p);
    sum += term;
  }
  return sum;
}

// One permutation hashing of sorted, unique shingle hashes: bin = the top bits, value = the
// low 16 bits of the least hash in the bin (0 moved to 1: 0 marks an empty bin).
FingerprintSketch SketchShingles(const std::vector<uint64_t>& sorted_shingles, bool short_text) {
  static_assert((kSketchBins & (kSketchBins - 1)) == 0, "kSketchBins: a power of two");
  constexpr int kShift = 64 - std::countr_zero(kSketchBins);
  FingerprintSketch sketch;
  sketch.shingles = static_cast<uint32_t>(sorted_shingles.size());
  sketch.short_text = short_text;
  for (const uint64_t shingle : sorted_shingles) {
    uint16_t& bin = sketch.bins[shingle >> kShift];
    if (bin == 0) bin = std::max<uint16_t>(1, static_cast<uint16_t>(shingle));  // least: sorted
  }
  return sketch;
}

// Appends the hashes of the words of `text`: ASCII letters/digits lower-cased and non-ASCII
// letters are word characters; ASCII punctuation and U+2000–U+206F (typographic quotes,
// dashes, ellipsis) separate words, so "NATO’s" and "NATO's" give the same words.
void HashWords(absl::string_view text, std::vector<uint64_t>& words) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(internal::Fnv1a64(word));
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (absl::ascii_isalnum(c)) {
        word += static_cast<char>(absl::ascii_tolower(c));
      } else {
        flush();
      }
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
         static_cast<unsigned char>(text[i + 1]) == 0x81)) {
      flush();  // U+2000..U+207F: general punctuation
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xC0) {
      flush();  // U+0080..U+00BF: no-break space, «», ©, …
      i += 1;
      continue;
    }
    word += static_cast<char>(c);
  }
  flush();
}

}  // namespace

TextFingerprint FingerprintArticle(absl::string_view title, absl::string_view clean_body) {
  TextFingerprint fingerprint;
  std::vector<uint64_t> words;
  HashWords(clean_body, words);
  fingerprint.short_text = words.size() < kShortTextWords;
  if (fingerprint.short_text) {
    std::vector<uint64_t> title_words;
    HashWords(title, title_words);
    words.insert(words.begin(), title_words.begin(), title_words.end());
  }
  fingerprint.words = words.size();
  if (words.size() < kShingleWords) return fingerprint;
  fingerprint.shingles.reserve(words.size());
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kShingleWords; ++k) h = internal::Mix64(h ^ words[i + k]);
    fingerprint.shingles.push_back(h);
  }
  std::sort(fingerprint.shingles.begin(), fingerprint.shingles.end());
  fingerprint.shingles.erase(std::unique(fingerprint.shingles.begin(), fingerprint.shingles.end()),
                             fingerprint.shingles.end());
  if (fingerprint.shingles.size() < kMinShingles) return fingerprint;
  fingerprint.sketch = SketchShingles(fingerprint.shingles, fingerprint.short_text);

  uint64_t minima[kHashes];
  std::fill(std::begin(minima), std::end(minima), std::numeric_limits<uint64_t>::max());
  for (uint64_t shingle : fingerprint.shingles) {
    for (size_t k = 0; k < kHashes; ++k) {
      minima[k] = std::min(minima[k], internal::Mix64(shingle ^ (0xA24BAED4963EE407ULL * (k + 1))));
    }
  }
  fingerprint.band_keys.reserve(kBands);
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t key = band;
    for (size_t row = 0; row < kRowsPerBand; ++row) {
      key = internal::Mix64(key ^ minima[band * kRowsPerBand + row]);
    }
    fingerprint.band_keys.push_back(BandKey(band, static_cast<uint32_t>(key)));
  }
  return fingerprint;
}

Similarity CompareFingerprints(const TextFingerprint& a, const TextFingerprint& b) {
  Similarity similarity;
  similarity.short_text = a.short_text || b.short_text;
  if (a.shingles.empty() || b.shingles.empty()) return similarity;
  size_t shared = 0;
  auto i = a.shingles.begin(), j = b.shingles.begin();
  while (i != a.shingles.end() && j != b.shingles.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  const size_t union_size = a.shingles.size() + b.shingles.size() - shared;
  similarity.smaller = std::min(a.shingles.size(), b.shingles.size());
  similarity.jaccard = static_cast<double>(shared) / static_cast<double>(union_size);
  similarity.containment = static_cast<double>(shared) / static_cast<double>(similarity.smaller);
  return similarity;
}

bool IsNearDuplicate(const Similarity& similarity) {
  if (similarity.smaller < kMinShingles) return false;
  if (similarity.short_text) return similarity.jaccard >= kMinJaccardShort;
  if (similarity.jaccard >= kMinJaccard) return true;
  return similarity.smaller >= kMinShinglesForContainment &&
         similarity.containment >= kMinContainment;
}

bool MayBeNearDuplicate(const FingerprintSketch& a, const FingerprintSketch& b) {
  if (a.shingles == 0 || b.shingles == 0) return true;
  const double smaller = std::min(a.shingles, b.shingles);
  const double larger = std::max(a.shingles, b.shingles);
  if (smaller < kMinShingles) return false;
  // The lowest resemblance a near-duplicate of these sizes can have.
  double lowest = kMinJaccard;
  if (a.short_text || b.short_text) {
    lowest = kMinJaccardShort;
  } else if (smaller >= kMinShinglesForContainment) {
    // Containment c means c * smaller shared shingles: Jaccard c*s / (s + l - c*s).
    const double shared = kMinContainment * smaller;
    lowest = std::min(lowest, shared / (smaller + larger - shared));
  }
  size_t bins = 0, agree = 0;  // bins not empty in both; of those, bins that agree
  for (size_t k = 0; k < kSketchBins; ++k) {
    if (a.bins[k] == 0 && b.bins[k] == 0) continue;
    ++bins;
    if (a.bins[k] == b.bins[k]) ++agree;  // (an empty bin never equals a full one)
  }
  // 16-bit values also agree by chance, which only adds agreements (never rules out more).
  return BinomialCdf(agree, bins, lowest) >= kSketchMissProbability;
}

}  // namespace newsgrep
