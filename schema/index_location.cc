// SPDX-License-Identifier: GPL-2.0-or-later
/// @file index_location.cc
/// @brief Directory and stub-file checks made before Xapian opens an index.
#include "newsgrep/index_location.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;

// A stub names a few databases, one a line: a file larger than this is something else.
constexpr std::uintmax_t kMaxStubBytes = 64 * 1024;

// Xapian looks for a stub under this name in a directory that holds no database.
constexpr char kStubInDirectory[] = "XAPIANDB";

absl::Status CheckLocation(const fs::path& path, const IndexLocationPolicy& policy,
                           std::vector<std::string>& stubs, std::vector<IndexPart>& parts);

// `stubs`: the stub files that led here, outermost first. Appends the databases the stub
// names to `parts`.
absl::Status CheckStub(const fs::path& stub, const IndexLocationPolicy& policy,
                       std::vector<std::string>& stubs, std::vector<IndexPart>& parts) {
  std::error_code error;
  const std::string name = fs::weakly_canonical(stub, error).string();
  if (std::find(stubs.begin(), stubs.end(), name) != stubs.end()) {
    stubs.push_back(name);
    return absl::InvalidArgumentError(absl::StrCat(stubs.front(),
                                                   ": the stub file leads back to itself (",
                                                   absl::StrJoin(stubs, " -> "), ")"));
  }
  if (static_cast<int>(stubs.size()) >= kMaxStubDepth) {
    return absl::InvalidArgumentError(
        absl::StrCat(stubs.front(), ": stub files nested more than ", kMaxStubDepth, " deep"));
  }
  const std::uintmax_t bytes = fs::file_size(stub, error);
  if (error) return absl::InvalidArgumentError(absl::StrCat(name, ": ", error.message()));
  if (bytes == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " is an empty file, not an index (an index is a directory)"));
  }
  if (bytes > kMaxStubBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " is not an index: a file of ", bytes,
                     " bytes, neither an index directory nor a Xapian stub file"));
  }
  std::ifstream in(stub, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": cannot be read"));
  }
  stubs.push_back(name);
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text.str(), '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::MaxSplits(absl::ByAnyChar(" \t"), 1), absl::SkipEmpty());
    const absl::string_view kind = words[0];
    const absl::string_view rest =
        words.size() > 1 ? absl::StripAsciiWhitespace(words[1]) : absl::string_view();
    const std::string where = absl::StrCat(name, ":", line_number, ": ");
    if ((kind == "auto" || kind == "glass" || kind == "chert") && !rest.empty()) {
      fs::path target{std::string(rest)};
      if (target.is_relative()) target = stub.parent_path() / target;
      absl::Status status = CheckLocation(target, policy, stubs, parts);
      if (!status.ok()) return status;
    } else if (kind == "remote" && !rest.empty() && rest[0] == ':') {
      if (!policy.allow_programs) {
        return absl::PermissionDeniedError(
            absl::StrCat(where, "'", line,
                         "' would run a program; opening an index runs no program unless that is "
                         "allowed (newsgrep --allow-stub-programs)"));
      }
      const std::vector<absl::string_view> command =
          absl::StrSplit(rest.substr(1), absl::MaxSplits(absl::ByAnyChar(" \t"), 1));
      IndexPart part;
      part.kind = IndexPart::Kind::kProgram;
      part.program = std::string(command[0]);
      part.args = command.size() > 1 ? std::string(absl::StripAsciiWhitespace(command[1])) : "";
      part.name = absl::StrCat("'", line, "' (", name, ":", line_number, ")");
      parts.push_back(std::move(part));
    } else if (kind == "remote" && !rest.empty()) {
      // A server by address (xapian-tcpsrv): HOST:PORT, the port after the last colon.
      const size_t colon = rest.rfind(':');
      unsigned port = 0;
      if (colon == absl::string_view::npos || colon == 0 ||
          !absl::SimpleAtoi(rest.substr(colon + 1), &port) || port == 0 || port > 65535) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, "'", line, "': a server is 'remote HOST:PORT'"));
      }
      IndexPart part;
      part.kind = IndexPart::Kind::kServer;
      part.host =
          std::string(absl::StripPrefix(absl::StripSuffix(rest.substr(0, colon), "]"), "["));
      part.port = port;
      part.name = absl::StrCat(rest, " (", name, ":", line_number, ")");
      parts.push_back(std::move(part));
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(where,
                       "not an index: neither an index directory nor a Xapian stub file (a stub's "
                       "lines are 'auto PATH' or 'remote HOST:PORT')"));
    }
  }
  stubs.pop_back();
  return absl::OkStatus();
}

absl::Status CheckLocation(const fs::path& path, const IndexLocationPolicy& policy,
                           std::vector<std::string>& stubs, std::vector<IndexPart>& parts) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  auto directory = [&] {
    IndexPart part;
    part.path = path.string();
    part.name = path.string();
    parts.push_back(std::move(part));
    return absl::OkStatus();
  };
  if (status.type() == fs::file_type::not_found) return directory();
  if (error) return absl::InvalidArgumentError(absl::StrCat(path.string(), ": ", error.message()));
  if (fs::is_directory(status)) {
    const fs::path stub = path / kStubInDirectory;
    if (fs::exists(stub, error)) return CheckStub(stub, policy, stubs, parts);
    return directory();
  }
  if (fs::is_regular_file(status)) return CheckStub(path, policy, stubs, parts);
  return absl::InvalidArgumentError(
      absl::StrCat(path.string(), " is not an index: neither a directory nor a stub file"));
}

}  // namespace

absl::Status CheckIndexLocation(const std::string& path, const IndexLocationPolicy& policy) {
  return ResolveIndexLocation(path, policy).status();
}

absl::StatusOr<std::vector<IndexPart>> ResolveIndexLocation(const std::string& path,
                                                            const IndexLocationPolicy& policy) {
  std::vector<std::string> stubs;
  std::vector<IndexPart> parts;
  if (absl::Status status = CheckLocation(fs::path(path), policy, stubs, parts); !status.ok()) {
    return status;
  }
  return parts;
}

}  // namespace newsgrep
