/// @file name_mentions.cc
/// @brief Where an article's people and places are named in its body (NameMentions).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "newsgrep/searcher.h"

namespace newsgrep {
namespace {

// Letters, digits, apostrophes and every byte of a multi-byte character continue a word.
bool WordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return absl::ascii_isalnum(u) || u >= 0x80 || c == '\'';
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
      if ((at > 0 && WordByte(body[at - 1]) && WordByte(body[at])) ||
          (end < body.size() && !apostrophe_after && WordByte(body[end]) &&
           WordByte(body[end - 1]))) {
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
