// SPDX-License-Identifier: GPL-2.0-or-later
/// @file near_duplicates.h
/// @brief Fingerprints of cleaned article text for finding republications of one story.
///
/// Method: the cleaned body (never the title) is cut into word 3-shingles (lower-cased
/// letters and digits; quotes, dashes and other punctuation separate words). 24 MinHash
/// values are grouped into kBands bands of kRowsPerBand; each band gives one band key, and the
/// index keeps, for every band key, the articles that have it (indexer/internal/band_store.h), so
/// that it finds candidates (articles sharing a band key). docs/DEDUP.md explains the number of
/// bands (recall against write cost). Candidates are then verified exactly on their shingle sets: a
/// near-duplicate has Jaccard resemblance
/// >= kMinJaccard, or containment (shared shingles / shingles of the shorter text)
/// >= kMinContainment when the shorter text has at least kMinShinglesForContainment
/// shingles — "one is the other plus extra" (a trimmed copy, a copy with an added
/// paragraph or with leftover site chrome). Thresholds: see docs/DEDUP.md for how they
/// were chosen.
///
/// Short texts (fewer than kShortTextWords words of body; "short pairs", where either text
/// is short) are decided from what differs, not from a resemblance threshold: at 20-40
/// words, a chrome line, a site name in the title or one changed word moves Jaccard far
/// more than it does the news. Both texts' words are aligned (title with title, body with
/// body, words compared lower-cased, as a diff does: the longest shared run, then the
/// longest in what is left on either side) and the unmatched runs are judged
/// (CompareFingerprints sets Similarity::short_match; docs/DEDUP.md section 3):
///   - chrome, allowed: words only one text has before the first or after the last
///     common word (a chrome line, a dateline, a credit); whole lines at either end that
///     both texts have but differ (two sites' chrome), and a whole line of at most
///     kMaxInsertedLineWords words inside the body that one text has and the other lacks,
///     when neither holds a figure or a name other than a line's first word;
///     in the title, whole separator-delimited segments of at most kMaxSiteSegmentWords
///     words that only one title has at its start or end ("… - Site", "Site | …",
///     "… (Site)");
///   - an edit, allowed up to kMaxEditedWords words in all, and one per kWordsPerEdit
///     words of the shorter body (two words of a seven-word item are much of it): other
///     runs, when none of their words is a figure (a digit, a number word) or a name (a
///     capitalised word, which in a title in capitals is every word);
///   - what the news is about, never allowed: a figure or a name in an edit, or more
///     edited words than that.
/// Titles are compared when either text has one (a title against none has nothing in
/// common). Besides, the common words must be at least half the shorter body and
/// kMinCommonWords in all. So a republication with chrome and a site-suffixed title joins its
/// story, and two notices that differ in the company or a figure stay apart ("ALPHA CORP SETS
/// QUARTERLY DIVIDEND" and "OMEGA INC SETS QUARTERLY DIVIDEND" over the same body). A short text
/// and one of more than kMaxComparedWords words are never near-duplicates. Texts with fewer than
/// kMinShingles shingles never are (too little text to judge).
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
/// A text of at most kMaxComparedWords words in several paragraphs also gets the keys of
/// the first kLedeBands bands of its longest paragraph alone (the "lede bands"), the keys
/// a text that is only that paragraph has: so a short item finds its republication with
/// a chrome line above and below (which halves their resemblance), and back.
inline constexpr size_t kLedeBands = 6;
inline constexpr size_t kMinShingles = 5;  // fewer: no band keys, never clustered
inline constexpr size_t kShortTextWords = 40;
inline constexpr double kMinJaccard = 0.45;
/// The short-text rule (above): at most this many words edited, in the title and body
/// together; site segments, inserted chrome lines and compared texts no longer than these.
inline constexpr size_t kMaxEditedWords = 2;
inline constexpr size_t kWordsPerEdit = 10;
inline constexpr size_t kMaxSiteSegmentWords = 6;
inline constexpr size_t kMaxInsertedLineWords = 12;
inline constexpr size_t kMinCommonWords = 6;
inline constexpr size_t kMaxComparedWords = 120;
inline constexpr size_t kMaxComparedTitleWords = 40;
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

/// A word as the short-text rule sees it.
struct ComparedWord {
  enum Flag : uint8_t {
    kFigure = 1,           // holds a digit, or is a number word ("three", "mln")
    kName = 2,             // starts with a capital (or a non-ASCII letter)
    kLineStart = 4,        // the first word of a line (of the text)
    kLineEnd = 8,          // the last word of a line
    kSegmentStart = 16,    // title: the first word of the title or after a separator (| - ( …)
    kSegmentEnd = 32,      // title: the last word of the title or before a separator
    kParagraphStart = 64,  // the first word of the text or after a blank line
  };
  uint64_t hash = 0;  // of the lower-cased word, as shingled
  uint8_t flags = 0;
};

struct TextFingerprint {
  std::vector<uint64_t> shingles;   // sorted, unique shingle hashes
  std::vector<uint64_t> band_keys;  // LSH keys (BandKey), lede bands after the others, unique
  size_t words = 0;                 // words in the body
  bool short_text = false;          // body under kShortTextWords words
  FingerprintSketch sketch;         // empty (shingles 0) for fewer than kMinShingles
  /// For the short-text rule: the words of the title (the first kMaxComparedTitleWords)
  /// and of the body, kept when the body has at most kMaxComparedWords words.
  bool words_kept = false;
  std::vector<ComparedWord> title_words, body_words;
};

/// The key of LSH band `band` (< kBands) whose rows hash to `value`: the band in the
/// upper 32 bits, the value in the lower.
inline uint64_t BandKey(size_t band, uint32_t value) {
  return static_cast<uint64_t>(band) << 32 | value;
}

/// True for a lower-case number word ("three", "hundred", "mln"): a figure, to the
/// short-text rule.
bool IsNumberWord(absl::string_view word);

/// Fingerprints an article from its title and cleaned body.
TextFingerprint FingerprintArticle(absl::string_view title, absl::string_view clean_body);

struct Similarity {
  double jaccard = 0;       // |A∩B| / |A∪B|
  double containment = 0;   // |A∩B| / min(|A|, |B|)
  size_t smaller = 0;       // min(|A|, |B|)
  bool short_text = false;  // either text is short (see above)
  /// Short pairs: whether the short-text rule holds them the same story, and why (or why
  /// not), in a few words ("names or figures differ").
  bool short_match = false;
  const char* short_verdict = "";
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
