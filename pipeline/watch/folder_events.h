// Which files under some folders may have changed: inotify where the kernel
// has it (Linux), else a scan of the folders every poll interval. Either
// way the first wait() returns every file already there, and subfolders
// are watched too (a folder created later included).
//
//   FolderEvents ev({"in/"}, std::nullopt);       // inotify when available
//   auto paths = ev.wait(std::chrono::milliseconds(500));   // may be empty
//
// wait() returns early when a signal interrupts it, so the caller can look at
// its stop flag. Paths are as found under the given folders; callers filter
// for the files they want and stat them.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kpix {

class FolderEvents {
 public:
  // `poll`: scan every so often instead of inotify (also the fallback
  // where inotify cannot be had). Throws std::runtime_error when a folder
  // cannot be read.
  FolderEvents(std::vector<std::string> folders, std::optional<std::chrono::milliseconds> poll);
  ~FolderEvents();
  FolderEvents(const FolderEvents&) = delete;
  FolderEvents& operator=(const FolderEvents&) = delete;

  std::vector<std::string> wait(std::chrono::milliseconds timeout);
  bool uses_inotify() const { return fd_ >= 0; }
  std::string mode() const;  // "inotify" or "polling every N s"

 private:
  std::vector<std::string> scan_all() const;
  void watch_tree(const std::string& folder, std::vector<std::string>* found);
  std::vector<std::string> read_events();

  std::vector<std::string> folders_;
  std::optional<std::chrono::milliseconds> poll_;
  int fd_ = -1;                          // inotify descriptor, -1 when polling
  std::map<int, std::string> watched_;   // watch descriptor → folder
  bool first_ = true;
  std::chrono::steady_clock::time_point last_scan_{};
};

}  // namespace kpix
