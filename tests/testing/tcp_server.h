// SPDX-License-Identifier: GPL-2.0-or-later
/// @file tcp_server.h
/// @brief A stock xapian-tcpsrv (Xapian's remote backend, package xapian-tools) serving an
/// index on a loopback port the kernel picks, for the tests of remote shards.
#ifndef NEWSGREP_TESTS_TESTING_TCP_SERVER_H_
#define NEWSGREP_TESTS_TESTING_TCP_SERVER_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace newsgrep::test {

/// Whether xapian-tcpsrv is on the PATH.
bool HaveTcpServer();

/// Starts `xapian-tcpsrv --interface 127.0.0.1 --port P DB` in a process group of its own
/// and waits (up to 5 s) until it accepts connections; stops the server and the processes it
/// forked per connection by their group, on destruction. Its log goes to /dev/null.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db);
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  /// Whether it was started, is still running (not another process that took its port),
  /// and accepts connections.
  bool running() const;
  /// The processes it forked, one per open connection.
  std::vector<pid_t> Connections() const;
  /// Sends `signal` to the server and the processes it forked for its connections
  /// (SIGSTOP: a server that stops answering; SIGKILL: one that goes down).
  void Signal(int signal) const;
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  int port_;
  pid_t pid_ = 0;
};

}  // namespace newsgrep::test

#endif  // NEWSGREP_TESTS_TESTING_TCP_SERVER_H_
