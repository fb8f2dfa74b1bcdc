// SPDX-License-Identifier: GPL-2.0-or-later
/// @file tcp_server.cc
/// @brief xapian-tcpsrv on loopback for tests.
#include "testing/tcp_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace newsgrep::test {
namespace {

// A loopback port nobody listens on now (the kernel's pick for port 0).
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof(address);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  close(fd);
  return ntohs(address.sin_port);
}

bool Accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  close(fd);
  return ok;
}

}  // namespace

bool HaveTcpServer() { return std::system("command -v xapian-tcpsrv > /dev/null 2>&1") == 0; }

TcpServer::TcpServer(const std::string& db) : port_(FreePort()) {
  const std::string port = std::to_string(port_);
  std::vector<std::string> args = {"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port, db};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // In a process group of its own: on SIGTERM the forking server signals its whole group.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawn_file_actions_t files;  // its log of connections and errors: not the test's output
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const int spawned =
      port_ < 0 ? -1
                : posix_spawnp(&pid_, "xapian-tcpsrv", &files, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    pid_ = 0;
    return;
  }
  for (int i = 0; i < 100 && !Accepts(port_); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TcpServer::~TcpServer() {
  if (pid_ > 0) {
    kill(-pid_, SIGCONT);  // (a test may have stopped it)
    kill(-pid_, SIGTERM);  // the server and the processes it forked per connection
    waitpid(pid_, nullptr, 0);
  }
}

bool TcpServer::running() const {
  return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0 && Accepts(port_);
}

std::vector<pid_t> TcpServer::Connections() const {
  std::vector<pid_t> children;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    // pid (comm) state ppid …: the parent follows the last ')'.
    const size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 1));
    std::string state;
    pid_t parent = 0;
    if (rest >> state >> parent && parent == pid_) children.push_back(std::stoi(name));
  }
  return children;
}

void TcpServer::Signal(int signal) const {
  if (pid_ > 0) kill(-pid_, signal);
}

}  // namespace newsgrep::test
