// SPDX-License-Identifier: GPL-2.0-or-later
/// @file name_folding.h
/// @brief Folds a person's name, as written in any script or transliteration, to one
/// canonical key, so that the indexer (which stores keys) and the searcher (which folds what
/// the user types) agree: "Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskii" and
/// "Зеленський" all fold to "zelensky".
///
/// Example:
///   newsgrep::FoldName("Volodymyr Zelenskyy")   // "volodymyr zelensky"
///   newsgrep::FoldName("Müller-Lindqvist")      // "muler lindqvist"
///   newsgrep::FoldNameWords("Sergey Lavrov")    // {"sergei", "lavrov"}
///
/// How: ICU transliteration ("Any-Latin; Latin-ASCII; Lower") for anything that is not
/// ASCII, then per word: apostrophes dropped, hyphens and other punctuation split words,
/// doubled letters collapsed (Gaddafi → gadafi, Zelenskyy → zelensky), kh → h, q → k,
/// dh → d, ck → k, ks → x, the Slavic adjective endings -iy/-yi/-ij/-yy and a final -i after
/// a consonant → -y (Dmitriy/Dmitri/Dmitry → dmitry), -ey → -ei (Sergey/Sergei → sergei),
/// and a small alias table for irregular pairs (Serhiy → sergei, Qadhafi/Gaddafi → kadafi).
/// The key is for matching, never for display.
///
/// Thread safety: safe from any thread (each thread gets its own ICU transliterator).
#ifndef NEWSGREP_SCHEMA_NAME_FOLDING_H_
#define NEWSGREP_SCHEMA_NAME_FOLDING_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep {

/// The folded words of `name` (UTF-8), in order; empty when it has no letters or digits.
std::vector<std::string> FoldNameWords(absl::string_view name);

/// The folded words of `name` joined by single spaces: the canonical key of a name.
std::string FoldName(absl::string_view name);

/// `text` transliterated to lower-case ASCII ("Kyïv" → "kyiv", "Zürich" → "zurich"),
/// without the name rules; for place names. Non-letters are kept.
std::string FoldToAscii(absl::string_view text);

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_NAME_FOLDING_H_
