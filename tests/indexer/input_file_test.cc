// SPDX-License-Identifier: GPL-2.0-or-later
/// @file input_file_test.cc
/// @brief InputFile and ReadInputFile: plain and gzip bytes, and the errors of a missing,
/// truncated, corrupt or too long file.
#include "newsgrep/input_file.h"

#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/files.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::WriteFile;
using test::WriteGzipFile;
using ::testing::HasSubstr;

std::string Numbers(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) absl::StrAppend(&text, i, " is a number\n");
  return text;
}

TEST(InputFileTest, ReadsPlainAndGzipBytesAlike) {
  const TempDir dir;
  const std::string text = Numbers(20000);
  WriteFile(dir / "plain.txt", text);
  WriteGzipFile(dir / "packed.gz", text);
  WriteGzipFile(dir / "packed-without-suffix", text);  // gzip is known by its bytes
  for (const char* name : {"plain.txt", "packed.gz", "packed-without-suffix"}) {
    absl::StatusOr<std::string> bytes = ReadInputFile(dir / name);
    ASSERT_TRUE(bytes.ok()) << name << ": " << bytes.status();
    EXPECT_EQ(*bytes, text) << name;
  }
  // Read in small steps, each appending at most what was asked.
  absl::StatusOr<InputFile> file = InputFile::Open(dir / "packed.gz");
  ASSERT_TRUE(file.ok()) << file.status();
  std::string bytes;
  for (;;) {
    const size_t before = bytes.size();
    absl::StatusOr<size_t> n = file->Read(bytes, 1000);
    ASSERT_TRUE(n.ok()) << n.status();
    ASSERT_LE(*n, 1000u);
    ASSERT_EQ(bytes.size(), before + *n);
    if (*n == 0) break;
  }
  EXPECT_EQ(bytes, text);
}

TEST(InputFileTest, MissingFileIsNotFound) {
  const TempDir dir;
  const absl::StatusOr<InputFile> file = InputFile::Open(dir / "absent.txt");
  EXPECT_EQ(file.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(file.status().message(), HasSubstr("No such file"));
}

TEST(InputFileTest, TruncatedGzipIsDataLossNotAnEarlyEnd) {
  const TempDir dir;
  const std::string path = dir / "cut.gz";
  WriteGzipFile(path, Numbers(20000));
  fs::resize_file(path, fs::file_size(path) / 2);
  const absl::StatusOr<std::string> bytes = ReadInputFile(path);
  EXPECT_EQ(bytes.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(bytes.status().message(), HasSubstr("truncated gzip data"));

  // Only the trailer (CRC and length) missing: every byte decompresses, still an error.
  WriteGzipFile(path, Numbers(50));
  fs::resize_file(path, fs::file_size(path) - 8);
  EXPECT_EQ(ReadInputFile(path).status().code(), absl::StatusCode::kDataLoss);
}

TEST(InputFileTest, CorruptGzipIsDataLoss) {
  const TempDir dir;
  const std::string path = dir / "corrupt.gz";
  WriteGzipFile(path, Numbers(20000));
  test::DamageMiddle(path);
  EXPECT_EQ(ReadInputFile(path).status().code(), absl::StatusCode::kDataLoss);
}

TEST(InputFileTest, ReadInputFileStopsAtItsLimit) {
  const TempDir dir;
  WriteGzipFile(dir / "big.gz", std::string(1 << 20, 'x'));
  const absl::StatusOr<std::string> bytes = ReadInputFile(dir / "big.gz", 1000);
  EXPECT_EQ(bytes.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(bytes.status().message(), HasSubstr("1000 bytes"));
  EXPECT_TRUE(ReadInputFile(dir / "big.gz", 1 << 20).ok());
}

}  // namespace
}  // namespace newsgrep
