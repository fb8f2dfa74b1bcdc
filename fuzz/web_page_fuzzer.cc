// SPDX-License-Identifier: GPL-2.0-or-later
// One web page: broken markup, any bytes, declared and undeclared character sets. Never a
// crash; every field of what is read is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/web_page.h"

namespace {

void RequireUtf8(std::string text) {
  if (newsgrep::RepairUtf8(text) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view html(reinterpret_cast<const char*>(data), size);
  const newsgrep::WebPage page = newsgrep::ReadWebPage(html);
  for (const std::string* field : {&page.title, &page.date, &page.modified, &page.site_name,
                                   &page.url, &page.language, &page.body}) {
    RequireUtf8(*field);
  }
  for (const std::string& author : page.authors) RequireUtf8(author);
  return 0;
}
