// SPDX-License-Identifier: GPL-2.0-or-later
// One JSON Lines record, as newsgrep reads it from a .jsonl file: malformed records must be
// errors (with their location), never crashes; what parses has an id and valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "newsgrep/article_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  newsgrep::RepairUtf8(line);  // as the reader does before parsing
  const auto article =
      newsgrep::ParseJsonArticle(line, "fuzz.jsonl:1", [](const newsgrep::InputProblem&) {});
  if (!article.ok()) {
    if (article.status().message().rfind("fuzz.jsonl:1", 0) != 0) std::abort();
    return 0;
  }
  if (article->id.empty()) std::abort();
  std::string title = article->title;
  if (newsgrep::RepairUtf8(title) != 0) std::abort();
  return 0;
}
