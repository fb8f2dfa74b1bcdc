// SPDX-License-Identifier: GPL-2.0-or-later
/// @file index_location.h
/// @brief What newsgrep accepts as the location of an index, checked before Xapian opens it.
///
/// An index is a directory (a glass database, or an empty directory Xapian will create one
/// in), or a Xapian stub database: a text file, or a directory holding one named XAPIANDB,
/// whose lines name the databases to open as one. newsgrep accepts the stub entries that
/// name data, never the ones that run something:
///   - `auto PATH`, `glass PATH`, `chert PATH`: another index, checked by the same rules
///     (a relative PATH is relative to the stub's directory);
///   - `remote HOST:PORT`: a server such as xapian-tcpsrv;
///   - `remote :PROGRAM ARGS` runs PROGRAM: refused unless the policy allows programs, so
///     that searching an index never runs a command written in a file;
///   - blank lines and `#` comments.
/// Also refused: a stub that leads back to itself (Xapian 1.4 recurses until the process
/// crashes), stubs nested more than kMaxStubDepth deep, an empty file, a file too large to
/// be a stub, any other line, and anything that is neither a directory nor a regular file.
///
/// Thread safety: stateless; reads the files it checks.
#ifndef NEWSGREP_SCHEMA_INDEX_LOCATION_H_
#define NEWSGREP_SCHEMA_INDEX_LOCATION_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace newsgrep {

struct IndexLocationPolicy {
  /// Whether a stub's `remote :PROGRAM` entries may be opened (and the programs run).
  /// Default: false.
  bool allow_programs = false;
};

/// How deep stub files may refer to other stub files.
inline constexpr int kMaxStubDepth = 8;

/// Returns OK when `path` may be opened as an index under `policy`, and also when nothing is
/// there (opening reports that, or creates the index). Else InvalidArgument, or
/// PermissionDenied for a program entry the policy does not allow; the message names the
/// file (and the stub's line number) and what is wrong.
absl::Status CheckIndexLocation(const std::string& path, const IndexLocationPolicy& policy = {});

/// One database a location names, as Xapian would open it.
struct IndexPart {
  enum class Kind {
    kDirectory,  // an index directory (or nothing yet)
    kServer,     // `remote HOST:PORT`
    kProgram,    // `remote :PROGRAM ARGS` (only when the policy allows programs)
  };
  Kind kind = Kind::kDirectory;
  std::string path;     // kDirectory
  std::string host;     // kServer (an IPv6 address without its brackets)
  unsigned port = 0;    // kServer
  std::string program;  // kProgram
  std::string args;     // kProgram: its arguments, as one string
  /// How messages name it: the directory; "HOST:PORT (STUB:LINE)"; "'LINE' (STUB:LINE)".
  std::string name;
};

/// The databases `path` names, in order (stubs followed to their leaves): one directory
/// when `path` is a directory that holds no stub, or when nothing is there. Errors as
/// CheckIndexLocation, which is this without the list; also InvalidArgument naming the
/// stub's line for a server entry that is not HOST:PORT.
absl::StatusOr<std::vector<IndexPart>> ResolveIndexLocation(const std::string& path,
                                                            const IndexLocationPolicy& policy = {});

}  // namespace newsgrep

#endif  // NEWSGREP_SCHEMA_INDEX_LOCATION_H_
