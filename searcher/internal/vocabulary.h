// SPDX-License-Identifier: GPL-2.0-or-later
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
/// without repeats; at most `max_words` + 1 of them from each shard (so more than
/// `max_words` in all says there are more than that).
std::vector<std::string> VocabularyWords(const std::vector<Xapian::Database>& shards,
                                         absl::string_view letters,
                                         size_t max_words = static_cast<size_t>(-1));

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SEARCHER_INTERNAL_VOCABULARY_H_
