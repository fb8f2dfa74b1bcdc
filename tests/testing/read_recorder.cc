// SPDX-License-Identifier: GPL-2.0-or-later
/// @file read_recorder.cc
/// @brief ReadRecorder.
#include "testing/read_recorder.h"

#include <utility>

namespace newsgrep::test {

ReadCallbacks ReadRecorder::Callbacks() {
  ReadCallbacks callbacks;
  callbacks.on_article = [this](Article&& article) {
    articles.push_back(std::move(article));
    return absl::OkStatus();
  };
  callbacks.on_problem = [this](const InputProblem& problem) { problems.push_back(problem); };
  callbacks.on_file_done = [this](const std::string& path) { files_done.push_back(path); };
  callbacks.on_bytes_read = [this](const std::string&, uint64_t bytes) {
    bytes_read.push_back(bytes);
  };
  return callbacks;
}

std::vector<std::string> ReadRecorder::Ids() const {
  std::vector<std::string> ids;
  for (const Article& article : articles) ids.push_back(article.id);
  return ids;
}

std::vector<std::string> ReadRecorder::Titles() const {
  std::vector<std::string> titles;
  for (const Article& article : articles) titles.push_back(article.title);
  return titles;
}

std::vector<InputProblem> ReadRecorder::With(InputProblem::Outcome outcome) const {
  std::vector<InputProblem> out;
  for (const InputProblem& problem : problems) {
    if (problem.outcome == outcome) out.push_back(problem);
  }
  return out;
}

}  // namespace newsgrep::test
