// SPDX-License-Identifier: GPL-2.0-or-later
/// @file name_mentions.cc
/// @brief Where an article's people and places are named in its body (NameMentions).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "newsgrep/analysis.h"
#include "newsgrep/searcher.h"

namespace newsgrep {
namespace {

// Whether the byte at `i` of `text` continues a word: letters, digits, apostrophes and the
// bytes of non-ASCII letters (not of punctuation such as “ ” — or a no-break space).
bool WordByteAt(absl::string_view text, size_t i) {
  const auto u = static_cast<unsigned char>(text[i]);
  if (u < 0x80) return absl::ascii_isalnum(u) || text[i] == '\'';
  // The first byte of a separator, or one of its continuation bytes.
  for (size_t back = 0; back < 3 && back <= i; ++back) {
    const size_t length = analysis::SeparatorBytesAt(text, i - back);
    if (length > back) return false;
  }
  return true;
}

struct Spelling {
  std::string text;
  EntityKind kind;
  std::string key;
};

}  // namespace

std::vector<NameMention> NameMentions(const StoredArticle& article) {
  std::vector<Spelling> spellings;
  for (const StoredPerson& person : article.people) {
    spellings.push_back({person.name, EntityKind::kPerson, person.key});
    const size_t space = person.name.rfind(' ');
    // A surname of at least three letters ("Li" alone would mark too much).
    if (space != std::string::npos && person.name.size() - space > 3) {
      spellings.push_back({person.name.substr(space + 1), EntityKind::kPerson, person.key});
    }
  }
  for (const StoredLocation& place : article.locations) {
    spellings.push_back({place.name, EntityKind::kPlace, place.key});
    if (place.canonical != place.name) {
      spellings.push_back({place.canonical, EntityKind::kPlace, place.key});
    }
  }
  // The longest first, so that "Keir Starmer" is one mention, not "Starmer" inside it.
  std::stable_sort(spellings.begin(), spellings.end(), [](const Spelling& a, const Spelling& b) {
    return a.text.size() > b.text.size();
  });
  const std::string& body = article.body;
  std::vector<bool> taken(body.size(), false);
  std::vector<NameMention> mentions;
  for (const Spelling& spelling : spellings) {
    if (spelling.text.empty()) continue;
    for (size_t at = body.find(spelling.text); at != std::string::npos;
         at = body.find(spelling.text, at + 1)) {
      const size_t end = at + spelling.text.size();
      // An apostrophe after a name ends it: Sokolov’s, Sokolov's.
      const bool apostrophe_after = absl::string_view(body).substr(end, 3) == "\u2019" ||
                                    absl::string_view(body).substr(end, 1) == "'";
      if ((at > 0 && WordByteAt(body, at - 1) && WordByteAt(body, at)) ||
          (end < body.size() && !apostrophe_after && WordByteAt(body, end) &&
           WordByteAt(body, end - 1))) {
        continue;  // inside a longer word
      }
      if (std::any_of(taken.begin() + static_cast<long>(at), taken.begin() + static_cast<long>(end),
                      [](bool t) { return t; })) {
        continue;
      }
      std::fill(taken.begin() + static_cast<long>(at), taken.begin() + static_cast<long>(end),
                true);
      mentions.push_back({at, end, spelling.kind, spelling.key});
    }
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const NameMention& a, const NameMention& b) { return a.begin < b.begin; });
  return mentions;
}

}  // namespace newsgrep
