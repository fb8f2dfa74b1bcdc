// SPDX-License-Identifier: GPL-2.0-or-later
/// @file analysis.cc
/// @brief The shared analysis setup.
#include "newsgrep/analysis.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "newsgrep/schema.h"

namespace newsgrep::analysis {
namespace {

// A short English stopword list: only the words that carry no meaning on their own in a
// query. They are still indexed, so phrases containing them match exactly.
constexpr const char* kStopwords[] = {
    "a",    "about", "an",   "and",  "are",  "as",   "at",   "be",    "by",   "for",
    "from", "has",   "have", "he",   "her",  "his",  "i",    "in",    "is",   "it",
    "its",  "of",    "on",   "or",   "she",  "that", "the",  "their", "them", "they",
    "this", "to",    "was",  "were", "will", "with", "would"};

// Stemmer() with a memo of the words it has stemmed: stemming was 7 % of the indexer's
// instructions (callgrind, 3,000 Reuters articles), nearly all of it on words seen before.
// Cleared when full, which keeps memory bounded (a few MB) without bookkeeping. One hash
// lookup per word serves both the memo and the collector (WordCollector::AddOnce).
class MemoisingEnglishStemmer : public Xapian::StemImplementation {
 public:
  explicit MemoisingEnglishStemmer(WordCollector* collector) : collector_(collector) {}

  std::string operator()(const std::string& word) override {
    auto it = memo_.find(word);
    if (it == memo_.end()) {
      if (memo_.size() >= kMaxWords) {
        memo_.clear();
        if (collector_ != nullptr) collector_->ForgetMarks();
      }
      it = memo_.try_emplace(word, Entry{stemmer_(word), 0}).first;
    }
    if (collector_ != nullptr) collector_->AddOnce(word, &it->second.collected_in);
    return it->second.stem;
  }
  std::string get_description() const override { return "memoised " + stemmer_.get_description(); }

 private:
  struct Entry {
    std::string stem;
    uint64_t collected_in;  // WordCollector::AddOnce's mark
  };
  static constexpr size_t kMaxWords = size_t{1} << 16;
  WordCollector* collector_;  // not owned; may be null
  Xapian::Stem stemmer_ = Xapian::Stem("english");
  absl::flat_hash_map<std::string, Entry> memo_;
};

}  // namespace

Xapian::Stem Stemmer() { return Xapian::Stem("english"); }

std::vector<std::string> WordCollector::Take() {
  std::vector<std::string> words = std::move(words_);
  if (may_repeat_) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
  Clear();
  return words;
}

void WordCollector::Clear() {
  words_.clear();
  may_repeat_ = false;
  ++generation_;
}

Xapian::Stem MemoisingStemmer(WordCollector* collector) {
  return Xapian::Stem(new MemoisingEnglishStemmer(collector));
}

std::string TermOfStem(absl::string_view prefix, absl::string_view stem) {
  std::string term = "Z";
  term.append(prefix.data(), prefix.size());
  term.append(stem.data(), stem.size());
  return term;
}

std::optional<WordTerm> SplitWordTerm(absl::string_view term) {
  absl::string_view rest = term;
  if (!rest.empty() && rest[0] == 'Z') rest.remove_prefix(1);
  if (rest.empty()) return std::nullopt;
  if (!absl::ascii_isupper(static_cast<unsigned char>(rest[0]))) return WordTerm{nullptr, rest};
  const schema::Field* field = schema::FieldOfTerm(rest);
  if (field == nullptr || field->kind != schema::FieldKind::kFreeText) return std::nullopt;
  const absl::string_view stem = rest.substr(field->prefix.size());
  if (stem.empty()) return std::nullopt;
  return WordTerm{field, stem};
}

std::string StemmedTerm(const Xapian::Stem& stemmer, absl::string_view prefix,
                        const std::string& word) {
  return TermOfStem(prefix, stemmer(word));
}

bool IsQueryStopword(const std::string& word) {
  const std::string lower = absl::AsciiStrToLower(word);
  for (const char* stopword : kStopwords) {
    if (lower == stopword) return true;
  }
  return false;
}

void ConfigureTermGenerator(Xapian::TermGenerator& generator, WordCollector* collector) {
  generator.set_stemmer(MemoisingStemmer(collector));
  generator.set_stemming_strategy(kIndexStemStrategy);
}

size_t SeparatorBytesAt(absl::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (i + 1 < text.size() && byte(i) == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) < 0xC0) {
    return 2;
  }
  if (i + 2 < text.size() && byte(i) == 0xE2 && (byte(i + 1) == 0x80 || byte(i + 1) == 0x81)) {
    return 3;
  }
  return 0;
}

std::optional<std::string> AcronymOf(absl::string_view word) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (word.size() >= 2 && word.size() <= 6 && upper(word[0]) &&
      std::all_of(word.begin(), word.end(), [&](char c) { return upper(c) || digit(c); })) {
    return std::string(word);
  }
  // U.N., U.S: a capital, a dot, …; the last dot may be missing.
  std::string letters;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (!upper(word[i])) return std::nullopt;
    if (i + 1 < word.size() && word[i + 1] != '.') return std::nullopt;
    letters += word[i];
  }
  if (letters.size() < 2 || letters.size() > 6) return std::nullopt;
  return letters;
}

void ForEachAcronym(absl::string_view text, absl::FunctionRef<void(absl::string_view)> visit) {
  const auto word_byte = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    const absl::string_view line = text.substr(0, newline);
    text = newline == absl::string_view::npos ? absl::string_view() : text.substr(newline + 1);
    std::vector<absl::string_view> words;
    size_t capitals = 0, small = 0;
    for (size_t i = 0; i < line.size();) {
      if (!word_byte(line[i]) || SeparatorBytesAt(line, i) > 0) {
        i += std::max<size_t>(1, SeparatorBytesAt(line, i));
        continue;
      }
      size_t end = i;
      while (end < line.size() && word_byte(line[end]) && SeparatorBytesAt(line, end) == 0) ++end;
      absl::string_view word = line.substr(i, end - i);
      i = end;
      // Dots that open a word or end a sentence are not part of it; "U.S." keeps its last.
      while (!word.empty() && word.front() == '.') word.remove_prefix(1);
      while (word.size() > 1 && word.back() == '.' && word[word.size() - 2] == '.') {
        word.remove_suffix(1);
      }
      if (word.size() > 1 && word.back() == '.' && !AcronymOf(word).has_value()) {
        word.remove_suffix(1);
      }
      size_t letters = 0;
      bool has_small = false;
      for (const char c : word) {
        letters += absl::ascii_isalpha(static_cast<unsigned char>(c));
        has_small |= absl::ascii_islower(static_cast<unsigned char>(c));
      }
      if (has_small) {
        ++small;
      } else if (letters >= 2) {
        ++capitals;
      }
      words.push_back(word);
    }
    if (capitals >= 3 && capitals > 3 * small) continue;  // a shouted line
    for (const absl::string_view word : words) {
      if (const std::optional<std::string> acronym = AcronymOf(word)) visit(*acronym);
    }
  }
}

void ConfigureQueryParser(Xapian::QueryParser& parser) {
  parser.set_stemmer(Stemmer());
  parser.set_stemming_strategy(kQueryStemStrategy);
  auto* stopper = new Xapian::SimpleStopper(std::begin(kStopwords), std::end(kStopwords));
  parser.set_stopper(stopper->release());  // the parser owns it from here
  for (const schema::Field& field : schema::kFields) {
    // Name and exact-case fields need a FieldProcessor (the searcher adds it).
    if (field.folds_names || field.kind == schema::FieldKind::kExactCase) continue;
    if (field.kind == schema::FieldKind::kFreeText) {
      parser.add_prefix(std::string(field.name), std::string(field.prefix));
    } else {
      parser.add_boolean_prefix(std::string(field.name), std::string(field.prefix));
    }
  }
}

}  // namespace newsgrep::analysis
