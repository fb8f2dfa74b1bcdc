// SPDX-License-Identifier: GPL-2.0-or-later
// Any input file as `newsgrep index` reads it: the first byte picks the format (--format,
// 0 = sniffed), the rest is the file. Feeds, JSON documents, web pages, JSON Lines and text,
// broken in every way: never a crash, a hang or unbounded memory; every article has an id
// and valid UTF-8, every problem names the file.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/input_format.h"

namespace {

void RequireUtf8(std::string text) {
  if (newsgrep::RepairUtf8(text) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // One in-memory file for the process, rewritten for each input.
  static const int fd = memfd_create("newsgrep-fuzz-input", 0);
  if (fd < 0) std::abort();
  if (ftruncate(fd, 0) != 0 ||
      pwrite(fd, data + 1, size - 1, 0) != static_cast<ssize_t>(size - 1)) {
    std::abort();
  }
  const std::string path = absl::StrCat("/proc/self/fd/", fd);
  const auto format = static_cast<newsgrep::InputFormat>(data[0] % 8);
  newsgrep::ReadCallbacks callbacks;
  callbacks.on_article = [](newsgrep::Article&& article) {
    if (article.id.empty()) std::abort();
    RequireUtf8(article.id);
    RequireUtf8(article.title);
    RequireUtf8(article.body);
    RequireUtf8(article.source);
    for (const std::string& author : article.authors) RequireUtf8(author);
    return absl::OkStatus();
  };
  callbacks.on_problem = [&path](const newsgrep::InputProblem& problem) {
    if (!absl::StartsWith(problem.location, path)) std::abort();
  };
  newsgrep::ReadLimits limits;
  limits.max_body_bytes = 64 * 1024;
  limits.max_record_bytes = 64 * 1024;
  limits.max_text_file_bytes = 64 * 1024;
  if (!newsgrep::ReadArticles(path, callbacks, limits, format).ok()) std::abort();
  return 0;
}
