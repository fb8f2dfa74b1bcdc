// SPDX-License-Identifier: GPL-2.0-or-later
// What may be opened as an index: directories, and Xapian stub files whose entries name
// data; never a stub entry that runs a program (unless allowed), a stub that leads back to
// itself, or a file that is neither.
#include "newsgrep/index_location.h"

#include <xapian.h>

#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/files.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

TEST(IndexLocationTest, DirectoriesAndMissingPathsAreAccepted) {
  const test::TempDir temp;
  EXPECT_TRUE(CheckIndexLocation(temp.path()).ok());
  EXPECT_TRUE(CheckIndexLocation(temp / "not-there").ok());
}

TEST(IndexLocationTest, StubsThatNameIndexesAndServersAreAccepted) {
  const test::TempDir temp;
  fs::create_directories(temp / "shard1");
  fs::create_directories(temp / "shard2");
  test::WriteFile(temp / "inner", "auto shard2\n");
  test::WriteFile(temp / "stub", absl::StrCat("# the archive\n\nauto shard1\nauto ", temp / "inner",
                                              "\nglass shard2\n", "remote 127.0.0.1:7000\n"));
  const absl::Status status = CheckIndexLocation(temp / "stub");
  EXPECT_TRUE(status.ok()) << status;
  // A directory holding a stub as XAPIANDB is that stub.
  test::WriteFile(temp / "stubdir/XAPIANDB", "auto ../shard1\n");
  EXPECT_TRUE(CheckIndexLocation(temp / "stubdir").ok());
}

// Issue point 4: `--db FILE` opened any stub, and `remote :PROGRAM` ran the program.
TEST(IndexLocationTest, DbRunsProgramsAStubEntryThatRunsAProgramIsRefused) {
  const test::TempDir temp;
  const std::string marker = temp / "ran";
  test::WriteFile(temp / "stub", absl::StrCat("remote :/usr/bin/touch ", marker, "\n"));
  const absl::Status status = CheckIndexLocation(temp / "stub");
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(Message(status), HasSubstr(absl::StrCat(temp / "stub", ":1: ")));
  EXPECT_THAT(Message(status), HasSubstr("would run a program"));
  // Also when the stub is reached through another one, or a directory's XAPIANDB.
  test::WriteFile(temp / "outer", "auto stub\n");
  EXPECT_EQ(CheckIndexLocation(temp / "outer").code(), absl::StatusCode::kPermissionDenied);
  test::WriteFile(temp / "dir/XAPIANDB", "auto ../stub\n");
  EXPECT_EQ(CheckIndexLocation(temp / "dir").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_FALSE(fs::exists(marker));
  // Allowed on request.
  EXPECT_TRUE(CheckIndexLocation(temp / "stub", {.allow_programs = true}).ok());
}

// Xapian 1.4 follows a stub that names itself until the process crashes (SIGSEGV).
TEST(IndexLocationTest, DbRunsProgramsAStubThatLeadsBackToItselfIsRefused) {
  const test::TempDir temp;
  test::WriteFile(temp / "self", "auto self\n");
  absl::Status status = CheckIndexLocation(temp / "self");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("leads back to itself"));
  test::WriteFile(temp / "a", "auto b\n");
  test::WriteFile(temp / "b", "auto a\n");
  status = CheckIndexLocation(temp / "a");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr(absl::StrCat(temp / "a", " -> ", temp / "b")));
}

TEST(IndexLocationTest, DeeplyNestedStubsAreRefused) {
  const test::TempDir temp;
  fs::create_directories(temp / "db");
  test::WriteFile(temp / "s0", "auto db\n");
  for (int i = 1; i <= kMaxStubDepth; ++i) {
    test::WriteFile(temp / absl::StrCat("s", i), absl::StrCat("auto s", i - 1, "\n"));
  }
  EXPECT_TRUE(CheckIndexLocation(temp / absl::StrCat("s", kMaxStubDepth - 1)).ok());
  const absl::Status status = CheckIndexLocation(temp / absl::StrCat("s", kMaxStubDepth));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("nested more than"));
}

// Issue point 5: an empty file as --db gave Xapian's "Can't make an Enquire object".
TEST(IndexLocationTest, FilesThatAreNotStubsAreRefusedWithWhatTheyAre) {
  const test::TempDir temp;
  test::WriteFile(temp / "empty", "");
  absl::Status status = CheckIndexLocation(temp / "empty");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("is an empty file, not an index"));

  test::WriteFile(temp / "notes.txt", "\nSome notes about the archive.\n");
  status = CheckIndexLocation(temp / "notes.txt");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr(":2: not an index"));

  test::WriteFile(temp / "big", std::string(100 * 1024, 'x'));
  status = CheckIndexLocation(temp / "big");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("a file of 102400 bytes"));

  EXPECT_EQ(CheckIndexLocation("/dev/null").code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsgrep
