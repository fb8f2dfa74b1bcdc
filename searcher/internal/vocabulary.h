/// @file vocabulary.h
/// @brief The words of an index as written (schema::kVocabularyKeyPrefix), read from every
/// shard: Xapian lists only the first shard's metadata when asked through a combined
/// Database.
///
/// Thread safety: safe from any thread; the Xapian objects passed belong to the caller.
#ifndef NEWSGREP_SEARCHER_INTERNAL_VOCABULARY_H_
#define NEWSGREP_SEARCHER_INTERNAL_VOCABULARY_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// The vocabulary words of `shards` that start with `letters` ("" for all), sorted and
/// without repeats.
std::vector<std::string> VocabularyWords(const std::vector<Xapian::Database>& shards,
                                         absl::string_view letters);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_VOCABULARY_H_
