// SPDX-License-Identifier: GPL-2.0-or-later
// One plain-text article file: header lines (Title:, Date:, Source:, URL:, Dateline:), a
// title found in the body, captions and bylines passed over. Never a crash; what parses
// keeps its id and gives valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "newsgrep/article_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  newsgrep::RepairUtf8(text);  // as the reader does before parsing
  const auto article =
      newsgrep::ParseTextArticle(text, "fuzz.txt", [](const newsgrep::InputProblem&) {});
  if (!article.ok()) return 0;
  if (article->id != "fuzz.txt") std::abort();
  std::string title = article->title;
  std::string body = article->body;
  if (newsgrep::RepairUtf8(title) != 0 || newsgrep::RepairUtf8(body) != 0) std::abort();
  return 0;
}
