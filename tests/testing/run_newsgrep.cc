// SPDX-License-Identifier: GPL-2.0-or-later
/// @file run_newsgrep.cc
/// @brief RunNewsgrep: fork, exec and collect stdout/stderr with poll, under a deadline.
#include "testing/run_newsgrep.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace newsgrep::test {
namespace {

constexpr auto kRunTimeout = std::chrono::seconds(120);

// The environment every run starts from: nothing from the developer's shell that could
// change the behaviour (NEWSGREP_DB, XDG_DATA_HOME, NO_COLOR, TERM), a HOME of our own so
// the default index location is never the real one, and the sanitizer settings.
std::vector<std::string> BaseEnvironment(const std::string& home) {
  std::vector<std::string> env = {"PATH=/usr/local/bin:/usr/bin:/bin", absl::StrCat("HOME=", home),
                                  "LANG=C.UTF-8"};
  for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    if (const char* value = std::getenv(name); value != nullptr) {
      env.push_back(absl::StrCat(name, "=", value));
    }
  }
  return env;
}

void SetNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

std::ostream& operator<<(std::ostream& os, const RunResult& r) {
  return os << "\n$ " << r.command << "\nexit " << r.exit_code << "\n--- stdout ---\n"
            << r.out << "\n--- stderr ---\n"
            << r.err;
}

RunResult RunNewsgrep(const std::vector<std::string>& args, const std::string& home,
                      const RunOptions& options) {
  RunResult result;
  result.command =
      absl::StrCat(absl::StrJoin(options.env, " "), options.env.empty() ? "" : " ", options.binary,
                   " ", absl::StrJoin(args, " "), "   (in ", options.cwd,
                   options.stdout_kind == StdoutKind::kPty ? ", stdout a pty" : "", ")");

  // Everything the child needs is prepared before fork.
  std::vector<std::string> env = BaseEnvironment(home);
  for (const std::string& entry : options.env) {
    // A setting given here replaces the base one (ASAN_OPTIONS, say).
    const std::string name = entry.substr(0, entry.find('=') + 1);
    env.erase(std::remove_if(env.begin(), env.end(),
                             [&name](const std::string& e) { return e.rfind(name, 0) == 0; }),
              env.end());
    env.push_back(entry);
  }
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_storage = {options.binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out_read = -1, out_write = -1, err_pipe[2];
  if (options.stdout_kind == StdoutKind::kPty) {
    if (openpty(&out_read, &out_write, nullptr, nullptr, nullptr) != 0) {
      ADD_FAILURE() << "openpty: " << std::strerror(errno);
      return result;
    }
    termios mode;
    tcgetattr(out_write, &mode);
    cfmakeraw(&mode);
    tcsetattr(out_write, TCSANOW, &mode);
    fcntl(out_read, F_SETFD, FD_CLOEXEC);
    fcntl(out_write, F_SETFD, FD_CLOEXEC);
  } else {
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) {
      ADD_FAILURE() << "pipe: " << std::strerror(errno);
      return result;
    }
    out_read = out_pipe[0];
    out_write = out_pipe[1];
    if (options.close_stdout_after_first_line) fcntl(out_write, F_SETPIPE_SZ, 4096);
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    return result;
  }

  const pid_t pid = fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    if (options.stdout_kind == StdoutKind::kPty) setsid();
    const int null_fd = open(options.stdin_path.c_str(), O_RDONLY | O_CLOEXEC);
    dup2(null_fd, STDIN_FILENO);
    dup2(out_write, STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    if (chdir(options.cwd.c_str()) != 0) _exit(126);
    // The test process's SIGPIPE disposition would be inherited; start from the default.
    signal(SIGPIPE, SIG_DFL);
    execve(options.binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  close(out_write);
  close(err_pipe[1]);
  SetNonBlocking(out_read);
  SetNonBlocking(err_pipe[0]);

  int out_fd = out_read, err_fd = err_pipe[0];
  const auto deadline = std::chrono::steady_clock::now() + kRunTimeout;
  bool timed_out = false;
  char buffer[8192];
  while (out_fd >= 0 || err_fd >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[2];
    int n = 0;
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    if (poll(fds, n, static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      ADD_FAILURE() << "poll: " << std::strerror(errno);
      break;
    }
    for (int k = 0; k < n; ++k) {
      if (fds[k].revents == 0) continue;
      const bool is_out = fds[k].fd == out_fd;
      const ssize_t got = read(fds[k].fd, buffer, sizeof buffer);
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (got <= 0) {  // EOF; a pty master reports EIO once the slave side is closed
        close(fds[k].fd);
        (is_out ? out_fd : err_fd) = -1;
        continue;
      }
      (is_out ? result.out : result.err).append(buffer, static_cast<size_t>(got));
      if (is_out && options.close_stdout_after_first_line &&
          result.out.find('\n') != std::string::npos) {
        result.out.resize(result.out.find('\n') + 1);
        close(out_fd);
        out_fd = -1;
      }
    }
  }
  if (timed_out) kill(pid, SIGKILL);
  if (out_fd >= 0) close(out_fd);
  if (err_fd >= 0) close(err_fd);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.peak_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  if (timed_out) ADD_FAILURE() << "timed out after " << kRunTimeout.count() << " s" << result;
  return result;
}

int StartNewsgrep(const std::vector<std::string>& args, const std::string& home,
                  const std::string& output_path) {
  std::vector<std::string> env = BaseEnvironment(home);
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_storage = {kNewsgrepBinary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int out = open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) {
    ADD_FAILURE() << output_path << ": " << std::strerror(errno);
    return -1;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    close(out);
    return -1;
  }
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    dup2(null_fd, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    if (chdir(kSourceDir) != 0) _exit(126);
    signal(SIGPIPE, SIG_DFL);
    execve(kNewsgrepBinary, argv.data(), envp.data());
    _exit(127);
  }
  close(out);
  return pid;
}

int WaitForNewsgrep(int pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::vector<std::string> Lines(absl::string_view text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace newsgrep::test
