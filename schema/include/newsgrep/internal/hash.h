// SPDX-License-Identifier: GPL-2.0-or-later
/// @file hash.h
/// @brief Hashes whose values are part of the index format (id terms, cluster keys, LSH
/// keys): defined here, never std::hash, so every build computes the same terms.
/// Internal to newsgrep; not part of the embedding API.
#ifndef NEWSGREP_SCHEMA_INTERNAL_HASH_H_
#define NEWSGREP_SCHEMA_INTERNAL_HASH_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// 64-bit FNV-1a of the bytes of `text`.
inline uint64_t Fnv1a64(absl::string_view text, uint64_t seed = 0xCBF29CE484222325ULL) {
  uint64_t h = seed;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

/// SplitMix64's finaliser: a fast, well-mixed 64 → 64 bit permutation.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SCHEMA_INTERNAL_HASH_H_
