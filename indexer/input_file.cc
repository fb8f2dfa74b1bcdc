// SPDX-License-Identifier: GPL-2.0-or-later
/// @file input_file.cc
/// @brief InputFile over zlib's gzFile, with the truncation check zlib leaves to callers.
#include "newsgrep/input_file.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace newsgrep {

struct InputFile::Handle {
  explicit Handle(gzFile f) : file(f) {}
  ~Handle() { gzclose(file); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  gzFile file;
  uint64_t bytes_read = 0;
};

InputFile::InputFile(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
InputFile::InputFile(InputFile&&) noexcept = default;
InputFile& InputFile::operator=(InputFile&&) noexcept = default;
InputFile::~InputFile() = default;

absl::StatusOr<InputFile> InputFile::Open(const std::string& path) {
  errno = 0;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    const std::string reason = error != 0 ? std::strerror(error) : "cannot open";
    if (error == ENOENT) return absl::NotFoundError(reason);
    if (error == EACCES) return absl::PermissionDeniedError(reason);
    return absl::UnavailableError(reason);
  }
  gzbuffer(file, 128 * 1024);
  return InputFile(std::make_unique<Handle>(file));
}

absl::StatusOr<InputFile> InputFile::OpenStdin() {
  // gzclose closes the descriptor it was given: a copy, so that stdin stays open.
  const int fd = dup(STDIN_FILENO);
  gzFile file = fd >= 0 ? gzdopen(fd, "rb") : nullptr;
  if (file == nullptr) {
    if (fd >= 0) close(fd);
    return absl::UnavailableError(std::strerror(errno));
  }
  gzbuffer(file, 128 * 1024);
  return InputFile(std::make_unique<Handle>(file));
}

absl::StatusOr<size_t> InputFile::Read(std::string& out, size_t max) {
  max = std::clamp<size_t>(max, 1, 1u << 30);
  const size_t old = out.size();
  out.resize(old + max);
  const int n = gzread(handle_->file, out.data() + old, static_cast<unsigned>(max));
  out.resize(old + static_cast<size_t>(std::max(n, 0)));
  handle_->bytes_read += static_cast<uint64_t>(std::max(n, 0));
  int code = Z_OK;
  const char* message = gzerror(handle_->file, &code);
  // zlib reports a truncated gzip stream as a normal end of file (gzread returns 0) and
  // only records Z_BUF_ERROR: it is the error it is.
  if (n > 0 || (n == 0 && code != Z_BUF_ERROR)) return static_cast<size_t>(n);
  if (code == Z_BUF_ERROR) return absl::DataLossError("truncated gzip data");
  if (code == Z_ERRNO) return absl::UnavailableError(std::strerror(errno));
  if (code == Z_DATA_ERROR) {
    return absl::DataLossError(absl::StrCat("corrupt gzip data (", message, ")"));
  }
  return absl::UnavailableError(message != nullptr ? message : "read error");
}

uint64_t InputFile::bytes_read() const { return handle_->bytes_read; }

absl::StatusOr<std::string> ReadInputFile(const std::string& path, size_t max_bytes) {
  absl::StatusOr<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  std::string bytes;
  for (;;) {
    absl::StatusOr<size_t> n = file->Read(bytes);
    if (!n.ok()) return n.status();
    if (*n == 0) return bytes;
    if (bytes.size() > max_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("longer than ", max_bytes, " bytes (the limit)"));
    }
  }
}

}  // namespace newsgrep
