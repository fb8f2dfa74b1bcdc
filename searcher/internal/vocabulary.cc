/// @file vocabulary.cc
/// @brief Reading the vocabulary of every shard.
#include "internal/vocabulary.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "newsgrep/schema.h"

namespace newsgrep::internal {

std::vector<std::string> VocabularyWords(const std::vector<Xapian::Database>& shards,
                                         absl::string_view letters) {
  const std::string prefix = absl::StrCat(schema::kVocabularyKeyPrefix, letters);
  const size_t skip = schema::kVocabularyKeyPrefix.size();
  std::vector<std::string> words;
  for (const Xapian::Database& shard : shards) {
    for (auto key = shard.metadata_keys_begin(prefix); key != shard.metadata_keys_end(prefix);
         ++key) {
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
