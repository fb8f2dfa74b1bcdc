// SPDX-License-Identifier: GPL-2.0-or-later
/// @file near_duplicates.cc
/// @brief Shingling, MinHash/LSH band keys, similarity.
#include "newsgrep/near_duplicates.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "newsgrep/internal/hash.h"

namespace newsgrep {
namespace {

uint64_t HashOf(const ComparedWord& word) { return word.hash; }

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

// Number words: a changed one is a changed figure ("three cts" against "five cts").
constexpr std::array<absl::string_view, 36> kNumberWords = {
    "zero",     "one",       "two",      "three",    "four",    "five",     "six",      "seven",
    "eight",    "nine",      "ten",      "eleven",   "twelve",  "thirteen", "fourteen", "fifteen",
    "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",  "thirty",   "forty",    "fifty",
    "sixty",    "seventy",   "eighty",   "ninety",   "hundred", "thousand", "million",  "billion",
    "trillion", "mln",       "bln",      "dozen"};

// Whether the characters between two words of a title separate its segments: a bar, a
// bracket, a middle dot, guillemets, "::", or a dash with white space beside it (not the
// hyphen of "Covid-19").
bool IsTitleSeparator(absl::string_view gap) {
  if (gap.find_first_of("|()[]") != absl::string_view::npos) return true;
  if (absl::StrContains(gap, "::") || absl::StrContains(gap, "\u00B7") ||
      absl::StrContains(gap, "\u00AB") || absl::StrContains(gap, "\u00BB")) {
    return true;
  }
  const bool dash = gap.find('-') != absl::string_view::npos || absl::StrContains(gap, "\u2013") ||
                    absl::StrContains(gap, "\u2014");
  return dash && gap.find_first_of(" \t\n") != absl::string_view::npos;
}

// Appends the words of `text` to `words`: ASCII letters/digits lower-cased and non-ASCII
// letters are word characters; ASCII punctuation and U+2000–U+206F (typographic quotes,
// dashes, ellipsis) and U+0080–U+00BF separate words, so "NATO’s" and "NATO's" give the
// same words. With `flags`, each word gets its ComparedWord flags (`title`: segments).
void ScanWords(absl::string_view text, bool title, bool flags, std::vector<ComparedWord>& words) {
  std::string word;
  bool digit = false;
  uint8_t word_flags = 0;  // of the word being read: kName and where it starts
  size_t gap_start = 0;    // where the characters since the last word began
  auto flush = [&](size_t end) {
    if (word.empty()) return;
    ComparedWord compared;
    compared.hash = internal::Fnv1a64(word);
    if (flags) {
      compared.flags = word_flags;
      if (digit || IsNumberWord(word)) compared.flags |= ComparedWord::kFigure;
    }
    words.push_back(compared);
    word.clear();
    gap_start = end;
  };
  auto begin_word = [&](size_t at, unsigned char first) {
    digit = false;
    word_flags = 0;
    if (!flags) return;
    if (first >= 0x80 || absl::ascii_isupper(first)) word_flags |= ComparedWord::kName;
    if (words.empty()) {
      word_flags |= ComparedWord::kLineStart | ComparedWord::kParagraphStart |
                    (title ? ComparedWord::kSegmentStart : 0);
      return;
    }
    const absl::string_view gap = text.substr(gap_start, at - gap_start);
    if (const size_t newline = gap.find('\n'); newline != absl::string_view::npos) {
      word_flags |= ComparedWord::kLineStart;
      words.back().flags |= ComparedWord::kLineEnd;
      if (gap.find('\n', newline + 1) != absl::string_view::npos) {
        word_flags |= ComparedWord::kParagraphStart;  // a blank line before it
      }
    }
    if (title && IsTitleSeparator(gap)) {
      word_flags |= ComparedWord::kSegmentStart;
      words.back().flags |= ComparedWord::kSegmentEnd;
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t width = 0;  // of a separating character
    if (c < 0x80) {
      if (!absl::ascii_isalnum(c)) width = 1;
    } else if (c == 0xE2 && i + 2 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                static_cast<unsigned char>(text[i + 1]) == 0x81)) {
      width = 3;  // U+2000..U+207F: general punctuation
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xC0) {
      width = 2;  // U+0080..U+00BF: no-break space, «», ©, ·, …
    }
    if (width > 0) {
      flush(i);
      i += width - 1;
      continue;
    }
    if (word.empty()) begin_word(i, c);
    if (absl::ascii_isdigit(c)) digit = true;
    word += static_cast<char>(c < 0x80 ? absl::ascii_tolower(c) : c);
  }
  flush(text.size());
  if (flags && !words.empty()) {
    words.back().flags |= ComparedWord::kLineEnd | (title ? ComparedWord::kSegmentEnd : 0);
  }
}

// The words `a` and `b` have in common, as blocks: the longest run of words they share,
// then, recursively, the longest in what is left before it and after it (as a diff does),
// so that the shared text is aligned as a whole. With `drop_edge_islands`, blocks of fewer
// than kMinAnchorWords words before the first or after the last longer block are left
// out: two sites' chrome lines share a "the" by chance; but so do a text and its copy
// with a word edited near its end, so the rule judges both alignments, made from one
// search for the blocks (CommonWords gives the pairs of indexes of the common words, in
// order). Both texts are at most kMaxComparedWords words.
constexpr size_t kMinAnchorWords = 3;

void MatchBlocks(const std::vector<ComparedWord>& a, const std::vector<ComparedWord>& b,
                 size_t a_begin, size_t a_end, size_t b_begin, size_t b_end,
                 std::vector<std::pair<size_t, size_t>>& blocks_out,
                 std::vector<size_t>& lengths_out) {
  if (a_begin >= a_end || b_begin >= b_end) return;
  // The longest common run: run[j] = length of the common run ending at a[i], b[j].
  std::vector<uint16_t> run(b_end - b_begin + 1, 0), previous(run.size(), 0);
  size_t best = 0, best_a = 0, best_b = 0;
  for (size_t i = a_begin; i < a_end; ++i) {
    for (size_t j = b_begin; j < b_end; ++j) {
      const size_t k = j - b_begin + 1;
      run[k] = a[i].hash == b[j].hash ? static_cast<uint16_t>(previous[k - 1] + 1) : 0;
      if (run[k] > best) best = run[k], best_a = i + 1 - best, best_b = j + 1 - best;
    }
    std::swap(run, previous);
  }
  if (best == 0) return;
  MatchBlocks(a, b, a_begin, best_a, b_begin, best_b, blocks_out, lengths_out);
  blocks_out.emplace_back(best_a, best_b);
  lengths_out.push_back(best);
  MatchBlocks(a, b, best_a + best, a_end, best_b + best, b_end, blocks_out, lengths_out);
}

// The blocks MatchBlocks finds over the whole of `a` and `b`.
struct Blocks {
  std::vector<std::pair<size_t, size_t>> starts;  // (in a, in b)
  std::vector<size_t> lengths;
};

Blocks MatchAllBlocks(const std::vector<ComparedWord>& a, const std::vector<ComparedWord>& b) {
  Blocks blocks;
  MatchBlocks(a, b, 0, a.size(), 0, b.size(), blocks.starts, blocks.lengths);
  return blocks;
}

// The index pairs of the common words of `blocks` (see above); nullopt when
// `drop_edge_islands` would drop nothing (the alignment without it is the same).
std::optional<std::vector<std::pair<size_t, size_t>>> CommonWords(const Blocks& blocks,
                                                                  bool drop_edge_islands) {
  size_t first = 0, last = blocks.starts.size();  // [first, last): the blocks kept
  if (drop_edge_islands) {
    while (first < last && blocks.lengths[first] < kMinAnchorWords) ++first;
    while (last > first && blocks.lengths[last - 1] < kMinAnchorWords) --last;
    if (first == last) first = 0, last = blocks.starts.size();  // no long block: keep all
    if (first == 0 && last == blocks.starts.size()) return std::nullopt;
  }
  std::vector<std::pair<size_t, size_t>> common;
  for (size_t k = first; k < last; ++k) {
    for (size_t w = 0; w < blocks.lengths[k]; ++w) {
      common.emplace_back(blocks.starts[k].first + w, blocks.starts[k].second + w);
    }
  }
  return common;
}

// What the differences between two titles, then two bodies, add up to.
struct Judgement {
  size_t common = 0, body_common = 0;
  size_t edited = 0;
  const char* refusal = nullptr;  // set when a difference is what the news is about
};

using Run = std::pair<const ComparedWord*, const ComparedWord*>;  // [first, last)

bool Empty(const Run& run) { return run.first == run.second; }
size_t Size(const Run& run) { return static_cast<size_t>(run.second - run.first); }
bool Starts(const Run& run, uint8_t flag) { return !Empty(run) && (run.first->flags & flag); }
bool Ends(const Run& run, uint8_t flag) { return !Empty(run) && ((run.second - 1)->flags & flag); }
bool Has(const Run& run, uint8_t flag) {
  return std::any_of(run.first, run.second,
                     [flag](const ComparedWord& w) { return w.flags & flag; });
}
// A figure, or a name that is not the first word of its line (which is capitalised anyway):
// "Story continues below" is chrome, "Statement by Alpha Corp" is what the news is about.
bool HasFigureOrInnerName(const Run& run) {
  return std::any_of(run.first, run.second, [](const ComparedWord& w) {
    return (w.flags & ComparedWord::kFigure) ||
           ((w.flags & ComparedWord::kName) && !(w.flags & ComparedWord::kLineStart));
  });
}

// Whether a run of unmatched words (`x` in one text, `y` in the other, at the same place)
// is chrome by the rules in near_duplicates.h.
bool IsChromeDifference(const Run& x, const Run& y, bool title, bool leading, bool trailing) {
  if (Empty(x) && Empty(y)) return true;
  if (title) {
    // A site segment that one title has at its start or end.
    const Run& run = Empty(x) ? y : x;
    if (!Empty(x) && !Empty(y)) return false;
    if (Size(run) > kMaxSiteSegmentWords) return false;
    return (leading && Ends(run, ComparedWord::kSegmentEnd)) ||
           (trailing && Starts(run, ComparedWord::kSegmentStart));
  }
  if (leading || trailing) {
    if (Empty(x) || Empty(y)) return true;  // added before or after the shared text
    // Different whole lines at the start or end without figures: two sites' chrome (the
    // last lines of two tables in one template differ too, in their figures).
    const bool whole_lines =
        leading ? Ends(x, ComparedWord::kLineEnd) && Ends(y, ComparedWord::kLineEnd)
                : Starts(x, ComparedWord::kLineStart) && Starts(y, ComparedWord::kLineStart);
    return whole_lines && !HasFigureOrInnerName(x) && !HasFigureOrInnerName(y);
  }
  // A whole short line without figures that one text has inside its body.
  if (!Empty(x) && !Empty(y)) return false;
  const Run& run = Empty(x) ? y : x;
  return Size(run) <= kMaxInsertedLineWords && Starts(run, ComparedWord::kLineStart) &&
         Ends(run, ComparedWord::kLineEnd) && !HasFigureOrInnerName(run);
}

void JudgeAlignment(const std::vector<ComparedWord>& a, const std::vector<ComparedWord>& b,
                    const std::vector<std::pair<size_t, size_t>>& common, bool title,
                    Judgement& judgement) {
  judgement.common += common.size();
  if (!title) judgement.body_common += common.size();
  if (title && common.empty()) {
    judgement.refusal = "the titles have nothing in common";
    return;
  }
  size_t i = 0, j = 0;  // the first words after the last common pair
  for (size_t k = 0; k <= common.size(); ++k) {
    const size_t next_i = k < common.size() ? common[k].first : a.size();
    const size_t next_j = k < common.size() ? common[k].second : b.size();
    const Run x{a.data() + i, a.data() + next_i}, y{b.data() + j, b.data() + next_j};
    if (!IsChromeDifference(x, y, title, k == 0, k == common.size())) {
      if (Has(x, ComparedWord::kFigure | ComparedWord::kName) ||
          Has(y, ComparedWord::kFigure | ComparedWord::kName)) {
        judgement.refusal = title ? "the titles differ in a name or figure"
                                  : "the bodies differ in a name or figure";
        return;
      }
      judgement.edited += std::max(Size(x), Size(y));
    }
    if (k < common.size()) i = next_i + 1, j = next_j + 1;
  }
}

// Judges the differences of `a` and `b` (two titles or two bodies) on both alignments
// (CommonWords) and adds the better judgement to `judgement`: one without a refusal, then
// the fewer words edited.
void JudgeDifferences(const std::vector<ComparedWord>& a, const std::vector<ComparedWord>& b,
                      bool title, Judgement& judgement) {
  const Blocks blocks = MatchAllBlocks(a, b);
  Judgement best;
  for (const bool drop_edge_islands : {false, true}) {
    const auto common = CommonWords(blocks, drop_edge_islands);
    if (!common) continue;  // the same alignment as without dropping
    Judgement judged;
    JudgeAlignment(a, b, *common, title, judged);
    const bool better = drop_edge_islands == false ||
                        (best.refusal != nullptr && judged.refusal == nullptr) ||
                        (judged.refusal == nullptr && judged.edited < best.edited);
    if (better) best = judged;
  }
  judgement.common += best.common;
  judgement.body_common += best.body_common;
  judgement.edited += best.edited;
  if (best.refusal != nullptr) judgement.refusal = best.refusal;
}

// The short-text rule (near_duplicates.h): sets similarity.short_match and short_verdict.
void JudgeShortPair(const TextFingerprint& a, const TextFingerprint& b, Similarity& similarity) {
  if (!a.words_kept || !b.words_kept) {
    similarity.short_verdict = "one text is too long to compare with a short one";
    return;
  }
  Judgement judgement;
  if (!a.title_words.empty() || !b.title_words.empty()) {
    JudgeDifferences(a.title_words, b.title_words, /*title=*/true, judgement);
  }
  if (judgement.refusal == nullptr) {
    JudgeDifferences(a.body_words, b.body_words, /*title=*/false, judgement);
  }
  const size_t shorter_body = std::min(a.body_words.size(), b.body_words.size());
  if (judgement.refusal != nullptr) {
    similarity.short_verdict = judgement.refusal;
  } else if (judgement.edited > std::min(kMaxEditedWords, shorter_body / kWordsPerEdit)) {
    similarity.short_verdict = "more words edited than a correction";
  } else if (2 * judgement.body_common < shorter_body || judgement.common < kMinCommonWords) {
    similarity.short_verdict = "too little text in common";
  } else {
    similarity.short_match = true;
    similarity.short_verdict = judgement.edited > 0 ? "the same but for a small edit and chrome"
                                                    : "the same but for chrome";
  }
}

// The sorted, unique 3-shingle hashes of `count` words.
template <typename Word>
std::vector<uint64_t> Shingles(const Word* words, size_t count) {
  std::vector<uint64_t> shingles;
  if (count < kShingleWords) return shingles;
  shingles.reserve(count);
  for (size_t i = 0; i + kShingleWords <= count; ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kShingleWords; ++k) h = internal::Mix64(h ^ HashOf(words[i + k]));
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

// Appends the keys of bands first_band .. first_band + bands - 1 of `shingles`: each band
// the hash of kRowsPerBand MinHash values (hash functions numbered by band and row).
void AppendBandKeys(const std::vector<uint64_t>& shingles, size_t first_band, size_t bands,
                    std::vector<uint64_t>& keys) {
  constexpr size_t kMaxHashes = kBands * kRowsPerBand;
  const size_t first_hash = first_band * kRowsPerBand, hashes = bands * kRowsPerBand;
  uint64_t minima[kMaxHashes];
  std::fill(minima, minima + hashes, std::numeric_limits<uint64_t>::max());
  for (const uint64_t shingle : shingles) {
    for (size_t k = 0; k < hashes; ++k) {
      minima[k] = std::min(
          minima[k], internal::Mix64(shingle ^ (0xA24BAED4963EE407ULL * (first_hash + k + 1))));
    }
  }
  for (size_t band = 0; band < bands; ++band) {
    uint64_t key = first_band + band;
    for (size_t row = 0; row < kRowsPerBand; ++row) {
      key = internal::Mix64(key ^ minima[band * kRowsPerBand + row]);
    }
    keys.push_back(BandKey(first_band + band, static_cast<uint32_t>(key)));
  }
}

}  // namespace

bool IsNumberWord(absl::string_view word) {
  return std::find(kNumberWords.begin(), kNumberWords.end(), word) != kNumberWords.end();
}

TextFingerprint FingerprintArticle(absl::string_view title, absl::string_view clean_body) {
  TextFingerprint fingerprint;
  std::vector<ComparedWord> body;
  ScanWords(clean_body, /*title=*/false, /*flags=*/false, body);
  fingerprint.short_text = body.size() < kShortTextWords;
  if (body.size() <= kMaxComparedWords) {
    fingerprint.words_kept = true;
    body.clear();
    ScanWords(clean_body, /*title=*/false, /*flags=*/true, body);
    fingerprint.body_words = body;
    ScanWords(title, /*title=*/true, /*flags=*/true, fingerprint.title_words);
    if (fingerprint.title_words.size() > kMaxComparedTitleWords) {
      fingerprint.title_words.resize(kMaxComparedTitleWords);
    }
  }
  fingerprint.words = body.size();
  fingerprint.shingles = Shingles(body.data(), body.size());
  if (fingerprint.shingles.size() < kMinShingles) return fingerprint;
  fingerprint.sketch = SketchShingles(fingerprint.shingles, fingerprint.short_text);
  AppendBandKeys(fingerprint.shingles, 0, kBands, fingerprint.band_keys);
  if (fingerprint.words_kept) {
    // The lede bands (near_duplicates.h): the first kLedeBands bands of the longest
    // paragraph, when there are several, so that they equal those of a text that is that
    // paragraph alone.
    size_t best_begin = 0, best_size = 0;
    for (size_t begin = 0; begin < body.size();) {
      size_t end = begin + 1;
      while (end < body.size() &&
             !(fingerprint.body_words[end].flags & ComparedWord::kParagraphStart)) {
        ++end;
      }
      if (end - begin > best_size) best_begin = begin, best_size = end - begin;
      begin = end;
    }
    if (best_size < body.size()) {
      const std::vector<uint64_t> lede = Shingles(body.data() + best_begin, best_size);
      if (lede.size() >= kMinShingles) AppendBandKeys(lede, 0, kLedeBands, fingerprint.band_keys);
      // A lede that is most of the text often has some of the text's own keys: each once.
      const auto own = fingerprint.band_keys.begin() + kBands;
      std::sort(own, fingerprint.band_keys.end());
      fingerprint.band_keys.erase(std::unique(own, fingerprint.band_keys.end()),
                                  fingerprint.band_keys.end());
      fingerprint.band_keys.erase(
          std::remove_if(fingerprint.band_keys.begin() + kBands, fingerprint.band_keys.end(),
                         [&fingerprint](uint64_t key) {
                           const auto first = fingerprint.band_keys.begin();
                           return std::find(first, first + kBands, key) != first + kBands;
                         }),
          fingerprint.band_keys.end());
    }
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
  if (similarity.short_text) JudgeShortPair(a, b, similarity);
  return similarity;
}

bool IsNearDuplicate(const Similarity& similarity) {
  if (similarity.smaller < kMinShingles) return false;
  if (similarity.short_text) return similarity.short_match;
  if (similarity.jaccard >= kMinJaccard) return true;
  return similarity.smaller >= kMinShinglesForContainment &&
         similarity.containment >= kMinContainment;
}

bool MayBeNearDuplicate(const FingerprintSketch& a, const FingerprintSketch& b) {
  if (a.shingles == 0 || b.shingles == 0) return true;
  const double smaller = std::min(a.shingles, b.shingles);
  const double larger = std::max(a.shingles, b.shingles);
  if (smaller < kMinShingles) return false;
  // Short pairs are decided by what differs (a chrome line moves their resemblance more
  // than a sketch can bound); they are cheap to verify.
  if (a.short_text || b.short_text) return true;
  // The lowest resemblance a near-duplicate of these sizes can have.
  double lowest = kMinJaccard;
  if (smaller >= kMinShinglesForContainment) {
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
