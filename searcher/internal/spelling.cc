// SPDX-License-Identifier: GPL-2.0-or-later
/// @file spelling.cc
/// @brief Spelling corrections by edit distance over the index's own terms.
#include "internal/spelling.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "internal/vocabulary.h"
#include "newsgrep/analysis.h"

namespace newsgrep::internal {
namespace {

std::u32string CodePoints(absl::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    out.push_back(static_cast<char32_t>(*it));
  }
  return out;
}

// Optimal string alignment distance with a band cut-off. Three rows of m + 1 cells; on
// the stack for words of up to kStackCells - 1 letters (every vocabulary word: terms are
// at most 64 bytes), as this runs for each word of the vocabulary.
size_t Distance(const std::u32string& a, const std::u32string& b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  constexpr size_t kStackCells = 80;
  std::array<size_t, 3 * kStackCells> stack_cells;
  std::vector<size_t> heap_cells;
  size_t* cells = stack_cells.data();
  if (m + 1 > kStackCells) {
    heap_cells.resize(3 * (m + 1));
    cells = heap_cells.data();
  }
  const size_t row = m + 1 > kStackCells ? m + 1 : kStackCells;
  size_t* before = cells;
  size_t* previous = cells + row;
  size_t* current = cells + 2 * row;
  for (size_t j = 0; j <= m; ++j) previous[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    size_t row_min = current[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    size_t* const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return std::min(previous[m], limit + 1);
}

bool Correctable(absl::string_view word) {
  if (word.size() < 3) return false;
  return std::none_of(word.begin(), word.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c)) ||
           absl::ascii_isupper(static_cast<unsigned char>(c));
  });
}

}  // namespace

size_t EditDistance(absl::string_view a, absl::string_view b, size_t limit) {
  return Distance(CodePoints(a), CodePoints(b), limit);
}

SpellingCorrector::SpellingCorrector() : stemmer_(analysis::MemoisingStemmer()) {}

const std::vector<SpellingCorrector::Entry>& SpellingCorrector::Vocabulary(
    const std::vector<Xapian::Database>& shards) {
  if (vocabulary_) return *vocabulary_;
  std::vector<Entry> entries;
  for (std::string& word : VocabularyWords(shards, "")) {
    if (word.empty()) continue;
    const unsigned char first = static_cast<unsigned char>(word[0]);
    if (!(absl::ascii_islower(first) || first >= 0x80) || !Correctable(word)) continue;
    std::u32string letters = CodePoints(word);
    std::string stem = stemmer_(word);
    entries.push_back({std::move(word), std::move(letters), std::move(stem)});
  }
  return vocabulary_.emplace(std::move(entries));
}

const std::vector<SpellingCorrector::Candidate>& SpellingCorrector::FieldCandidates(
    const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
    const std::string& prefix) {
  auto found = fields_.find(prefix);
  if (found != fields_.end()) return found->second;
  absl::flat_hash_map<std::string, Xapian::doccount> stems;  // in the field → articles
  const std::string term_prefix = analysis::TermOfStem(prefix, "");
  for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it) {
    const std::string stem = (*it).substr(term_prefix.size());
    // A longer prefix that starts like this one is another field.
    if (stem.empty() || absl::ascii_isupper(static_cast<unsigned char>(stem[0]))) continue;
    stems.emplace(stem, it.get_termfreq());
  }
  std::vector<Candidate> candidates;
  for (const Entry& entry : Vocabulary(shards)) {
    if (auto stem = stems.find(entry.stem); stem != stems.end()) {
      candidates.push_back({&entry, stem->second});
    }
  }
  return fields_.emplace(prefix, std::move(candidates)).first->second;
}

std::string SpellingCorrector::Suggest(const Xapian::Database& db,
                                       const std::vector<Xapian::Database>& shards,
                                       const std::string& prefix, const std::string& word) {
  if (!Correctable(word)) return "";
  const std::u32string letters = CodePoints(word);
  size_t best_distance = letters.size() <= 4 ? 1 : 2;
  const Entry* best = nullptr;
  Xapian::doccount best_frequency = 0;
  auto consider = [&](const Entry& entry, Xapian::doccount frequency) {
    if (best == nullptr || frequency > best_frequency ||
        (frequency == best_frequency && entry.word < best->word)) {
      best = &entry;
      best_frequency = frequency;
    }
  };
  // Candidates at a smaller distance than the best so far replace it whatever their
  // frequency.
  auto closer = [&](size_t distance) {
    if (distance < best_distance) {
      best = nullptr;
      best_distance = distance;
    }
  };
  if (prefix.empty()) {
    for (const Entry& entry : Vocabulary(shards)) {
      const size_t distance = Distance(letters, entry.letters, best_distance);
      if (distance == 0 || distance > best_distance) continue;
      const Xapian::doccount frequency = db.get_termfreq(analysis::TermOfStem("", entry.stem));
      if (frequency == 0) continue;  // only in fields
      closer(distance);
      consider(entry, frequency);
    }
  } else {
    for (const Candidate& candidate : FieldCandidates(db, shards, prefix)) {
      const size_t distance = Distance(letters, candidate.entry->letters, best_distance);
      if (distance == 0 || distance > best_distance) continue;
      closer(distance);
      consider(*candidate.entry, candidate.frequency);
    }
  }
  return best == nullptr ? "" : best->word;
}

}  // namespace newsgrep::internal
