// SPDX-License-Identifier: GPL-2.0-or-later
/// @file files.h
/// @brief Test helpers for the file system: a temporary directory removed at the end of
/// the test, and writing/reading whole files.
///
/// Failures are reported through GoogleTest (a non-fatal failure in the calling test).
/// Thread safety: a TempDir is used by one thread; the functions keep no state.
#ifndef NEWSGREP_TESTS_TESTING_FILES_H_
#define NEWSGREP_TESTS_TESTING_FILES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace newsgrep::test {

/// A fresh directory under ::testing::TempDir(), removed with everything in it when the
/// TempDir is destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  /// A path inside the directory (not created): `dir / "db"`.
  std::string operator/(absl::string_view relative) const;

 private:
  std::string path_;
};

/// Writes `contents` to `path`, creating missing parent directories and replacing the
/// file if it exists.
void WriteFile(const std::string& path, absl::string_view contents);

/// WriteFile, gzip-compressed.
void WriteGzipFile(const std::string& path, absl::string_view contents);

/// `contents` as one gzip member (members concatenated are one gzip stream, as crawlers
/// write .warc.gz files: a member per record).
std::string Gzip(absl::string_view contents);

/// The whole content of `path`; "" when it cannot be read.
std::string ReadFile(const std::string& path);

/// Overwrites 64 bytes in the middle of the file at `path` with 0xFF: for a gzip file, a
/// stretch of its deflate stream, which zlib then reports as corrupt data.
void DamageMiddle(const std::string& path);

}  // namespace newsgrep::test

#endif  // NEWSGREP_TESTS_TESTING_FILES_H_
