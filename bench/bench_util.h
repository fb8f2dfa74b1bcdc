// SPDX-License-Identifier: GPL-2.0-or-later
/// @file bench_util.h
/// @brief Small helpers shared by the benchmark suite: content hashes, a deterministic
/// random generator, the cache directory, file sizes, peak memory and child processes.
///
/// Thread safety: the functions keep no state; Rng is a plain value (one per thread).
#ifndef NEWSGREP_BENCH_BENCH_UTIL_H_
#define NEWSGREP_BENCH_BENCH_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsgrep::bench {

/// FNV-1a, 64 bit: the cache keys. Not cryptographic; collisions only cost a wrong cache
/// hit, and every key also carries the parameters in clear text.
inline constexpr uint64_t kFnvOffset = 14695981039346656037ull;
uint64_t Fnv1a(std::string_view data, uint64_t hash = kFnvOffset);
/// FNV-1a of a file's bytes. Returns 0 when it cannot be read.
uint64_t HashFile(const std::string& path);
/// 16 lower-case hex digits.
std::string Hex(uint64_t value);

/// SplitMix64: the same sequence on every platform and standard library (std::
/// distributions are implementation-defined, so they are not used for anything that
/// decides a corpus or a query set).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  /// Uniform in [0, n). REQUIRES: n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  /// Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

/// The cache directory, created if missing: $NEWSGREP_BENCH_CACHE, else
/// $XDG_CACHE_HOME/newsgrep-bench, else ~/.cache/newsgrep-bench.
std::string CacheDir();

/// Bytes of every regular file under `path` (or of `path` itself when it is a file).
uint64_t DiskBytes(const std::string& path);

/// Peak resident memory of this process in KiB (VmHWM from /proc/self/status), or 0.
/// VmHWM belongs to the address space, so after exec it starts from zero; getrusage's
/// ru_maxrss would also count what the parent had resident when it forked.
long PeakRssKiB();

/// Runs this executable (/proc/self/exe) again with `args` (argv[1..]) and waits.
/// Returns its exit code, or -1 when it could not be started or was killed.
int RunSelf(const std::vector<std::string>& args);

/// Runs `program` (looked up in PATH) with `args`, stdout and stderr to /dev/null.
/// Returns its exit code, or -1 when it could not be started or was killed.
int RunQuiet(const std::string& program, const std::vector<std::string>& args);

/// Whether `program` is found in PATH.
bool InPath(const std::string& program);

/// Days since 1970-01-01 of a proleptic Gregorian date, and back (absl::CivilDay).
long DaysFromCivil(long y, unsigned m, unsigned d);
void CivilFromDays(long days, long* y, unsigned* m, unsigned* d);

/// Seconds on a monotonic clock.
double Now();

/// `--key=value` arguments as a map (a bare `--key` maps to "1"); others are ignored.
std::map<std::string, std::string> ParseFlags(int argc, char** argv);

/// Writes `text` to `path` atomically (temp file + rename). Returns false on failure.
bool WriteFileAtomically(const std::string& path, const std::string& text);
/// Reads a whole file; "" when it cannot be read.
std::string ReadFile(const std::string& path);

/// Lower-case ASCII copy.
std::string Lower(std::string_view text);

}  // namespace newsgrep::bench

#endif  // NEWSGREP_BENCH_BENCH_UTIL_H_
