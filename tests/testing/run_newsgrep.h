// SPDX-License-Identifier: GPL-2.0-or-later
/// @file run_newsgrep.h
/// @brief Runs the real `newsgrep` binary (the one built with the tests) as a subprocess,
/// for end-to-end tests: stdin /dev/null (or a file), stdout on a pipe or a pseudo-terminal, stderr
/// on a pipe, and a clean environment.
///
/// Failures to start the binary, and a run longer than two minutes (the child is then
/// killed), are reported as GoogleTest failures in the calling test.
/// Thread safety: the functions keep no state; run from one thread at a time (fork).
#ifndef NEWSGREP_TESTS_TESTING_RUN_NEWSGREP_H_
#define NEWSGREP_TESTS_TESTING_RUN_NEWSGREP_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgrep::test {

/// The newsgrep binary, the benchmark compare tool and the source tree they were built
/// from (compile definitions).
inline constexpr char kNewsgrepBinary[] = NEWSGREP_BINARY;
inline constexpr char kBenchCompareBinary[] = NEWSGREP_BENCH_COMPARE_BINARY;
inline constexpr char kSourceDir[] = NEWSGREP_SOURCE_DIR;

enum class StdoutKind {
  kPipe,  // a pipe (what `newsgrep … | less` sees)
  kPty,   // a pseudo-terminal in raw mode (no \n → \r\n translation)
};

struct RunOptions {
  /// The program to run. Default: newsgrep.
  std::string binary = kNewsgrepBinary;
  /// "NAME=value", added to the base environment (replacing a base setting of the same
  /// name). Default: none.
  std::vector<std::string> env = {};
  /// Working directory of the child. Default: the source directory.
  std::string cwd = kSourceDir;
  /// The file the child reads as standard input. Default: /dev/null.
  std::string stdin_path = "/dev/null";
  StdoutKind stdout_kind = StdoutKind::kPipe;
  /// Close the read end of the stdout pipe as soon as one full line has been read, like
  /// `newsgrep … | head -1`. The pipe is shrunk to one page so the child cannot finish
  /// writing before it is closed. Default: false.
  bool close_stdout_after_first_line = false;
};

struct RunResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
  std::string command;   // for failure messages
  long peak_rss_kb = 0;  // the child's peak resident memory (getrusage's ru_maxrss)
};

/// The command, exit status, stdout and stderr, for failure messages.
std::ostream& operator<<(std::ostream& os, const RunResult& r);

/// Runs newsgrep (or `options.binary`) with `args`. The environment holds only PATH,
/// LANG=C.UTF-8, HOME=`home` (so the default index location is never the developer's), the
/// sanitizer settings of the test process, and `options.env`: nothing from the developer's
/// shell (NEWSGREP_DB, XDG_DATA_HOME, NO_COLOR, TERM) can change the behaviour.
RunResult RunNewsgrep(const std::vector<std::string>& args, const std::string& home,
                      const RunOptions& options = {});

/// Starts newsgrep with `args` in the background, in the environment RunNewsgrep gives it,
/// with stdin /dev/null and stdout and stderr written to the file `output_path`. Returns its
/// process id (-1, with a test failure, when it cannot be started). REQUIRES: the caller
/// waits for it with WaitForNewsgrep (after killing it, if it likes).
int StartNewsgrep(const std::vector<std::string>& args, const std::string& home,
                  const std::string& output_path);

/// Waits for a process StartNewsgrep started: its exit status, or 128 + the signal that
/// ended it.
int WaitForNewsgrep(int pid);

/// The lines of `text` without their '\n'; no empty last element for a final '\n'.
std::vector<std::string> Lines(absl::string_view text);

}  // namespace newsgrep::test

#endif  // NEWSGREP_TESTS_TESTING_RUN_NEWSGREP_H_
