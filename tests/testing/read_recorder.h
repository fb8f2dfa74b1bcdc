// SPDX-License-Identifier: GPL-2.0-or-later
/// @file read_recorder.h
/// @brief Test helper: ReadCallbacks that keep everything a read reports (articles,
/// problems, finished files, bytes read), for the reader suites to assert on.
///
/// Thread safety: one ReadRecorder is used by one read at a time.
#ifndef NEWSGREP_TESTS_TESTING_READ_RECORDER_H_
#define NEWSGREP_TESTS_TESTING_READ_RECORDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "newsgrep/article_reader.h"

namespace newsgrep::test {

struct ReadRecorder {
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
  std::vector<std::string> files_done;
  std::vector<uint64_t> bytes_read;  // each on_bytes_read report, in order

  /// Callbacks that append to the vectors above (on_article always returns OK). The
  /// recorder must outlive the read.
  ReadCallbacks Callbacks();
  std::vector<std::string> Ids() const;
  std::vector<std::string> Titles() const;
  /// The problems with `outcome`, in order.
  std::vector<InputProblem> With(InputProblem::Outcome outcome) const;
};

}  // namespace newsgrep::test

#endif  // NEWSGREP_TESTS_TESTING_READ_RECORDER_H_
