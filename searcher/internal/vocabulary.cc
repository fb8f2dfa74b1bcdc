// SPDX-License-Identifier: GPL-2.0-or-later
/// @file vocabulary.cc
/// @brief Reading the vocabulary of every shard.
#include "internal/vocabulary.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {

std::vector<std::string> VocabularyWords(const std::vector<Xapian::Database>& shards,
                                         absl::string_view letters, size_t max_words) {
  const std::string prefix = absl::StrCat(schema::kVocabularyKeyPrefix, letters);
  const size_t skip = schema::kVocabularyKeyPrefix.size();
  std::vector<std::string> words;
  for (const Xapian::Database& shard : shards) {
    size_t taken = 0;
    for (auto key = shard.metadata_keys_begin(prefix);
         key != shard.metadata_keys_end(prefix) && taken <= max_words; ++key, ++taken) {
      words.push_back((*key).substr(skip));
    }
  }
  if (shards.size() > 1) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
  return words;
}

}  // namespace newsgrep::internal
