// SPDX-License-Identifier: GPL-2.0-or-later
/// @file input_file.h
/// @brief A file's bytes, gzip-compressed or not: the one reader behind the article reader,
/// `eval ner` and the benchmark corpus, so a truncated or corrupt .gz is an error everywhere
/// (zlib alone reports a truncated stream as a normal end of file).
///
/// Example:
///   absl::StatusOr<newsgrep::InputFile> file = newsgrep::InputFile::Open(path);
///   if (!file.ok()) return file.status();
///   std::string bytes;
///   for (;;) {
///     absl::StatusOr<size_t> n = file->Read(bytes);
///     if (!n.ok()) return n.status();
///     if (*n == 0) break;
///   }
///
/// Error messages give the reason alone ("No such file or directory", "truncated gzip
/// data"); the caller adds the file name and the line it knows.
///
/// Thread safety: one InputFile is used by one thread at a time.
#ifndef NEWSGREP_INDEXER_INPUT_FILE_H_
#define NEWSGREP_INDEXER_INPUT_FILE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace newsgrep {

/// An open file read front to back; gzip data (recognised by its magic bytes, whatever the
/// name) is decompressed, anything else is read as it is.
class InputFile {
 public:
  /// Opens `path`: NotFound, PermissionDenied or Unavailable with the system's reason.
  static absl::StatusOr<InputFile> Open(const std::string& path);
  /// Standard input (gzip data decompressed too); Unavailable if it cannot be read.
  static absl::StatusOr<InputFile> OpenStdin();

  /// Appends up to `max` bytes (at least 1) to `out` and returns how many; 0 at the end of
  /// the file. DataLoss for truncated or corrupt gzip data, Unavailable for a read error.
  absl::StatusOr<size_t> Read(std::string& out, size_t max = 256 * 1024);

  /// The bytes Read has returned so far (after decompression).
  uint64_t bytes_read() const;

  InputFile(InputFile&&) noexcept;
  InputFile& operator=(InputFile&&) noexcept;
  ~InputFile();

 private:
  struct Handle;
  explicit InputFile(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

/// The whole of `path`, decompressed when it is gzip data; at most `max_bytes` (more is
/// ResourceExhausted). Errors as InputFile's, the path not included.
absl::StatusOr<std::string> ReadInputFile(const std::string& path,
                                          size_t max_bytes = size_t{1} << 31);

}  // namespace newsgrep

#endif  // NEWSGREP_INDEXER_INPUT_FILE_H_
