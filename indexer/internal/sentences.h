/// @file sentences.h
/// @brief Where sentences end in news text: the one rule the reader (titles from a first
/// sentence) and the cleaner (cutting one-line pages into sentences) share.
#ifndef NEWSGREP_INDEXER_INTERNAL_SENTENCES_H_
#define NEWSGREP_INDEXER_INTERNAL_SENTENCES_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// True when text[i] is '.', '?' or '!' that ends a sentence: followed by a space and a
/// capital letter or an opening quote, and not the dot of an initial ("J. R.", "U.S.") or of
/// a title or common abbreviation ("Gen.", "Adm.", "Col.", "Mr.", "Sen.", "Jan.", "No.").
bool IsSentenceEnd(absl::string_view text, size_t i);

}  // namespace newsgrep::internal

#endif  // NEWSGREP_INDEXER_INTERNAL_SENTENCES_H_
