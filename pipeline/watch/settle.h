// When a file that is being copied in has landed: its size and modification
// time unchanged for a settle interval. A file is handed out once in each
// state it settles in, so a file replaced by a newer one of the same name
// is handed out again, and one that is merely seen again is not.
//
//   SettleTracker t(std::chrono::seconds(2));
//   t.observe("in/a.pdf", {size, mtime}, now);   // at every look at the file
//   for (auto& p : t.ready(now)) { ingest(p); t.handled(p); }
//
// Pure: the caller stats files and says what time it is.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kpix {

struct FileState {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileState& o) const { return size == o.size && mtime_ns == o.mtime_ns; }
};

class SettleTracker {
 public:
  using Clock = std::chrono::steady_clock;
  explicit SettleTracker(Clock::duration settle) : settle_(settle) {}

  void observe(const std::string& path, FileState state, Clock::time_point now);
  void forget(const std::string& path);  // the file is gone
  // Files settled since they last changed and not yet handed out in this state.
  std::vector<std::string> ready(Clock::time_point now) const;
  // Marks the file handled in the state it settled in.
  void handled(const std::string& path);
  // Files seen but not yet handled in their present state: to look at again.
  std::vector<std::string> pending() const;

 private:
  struct Entry {
    FileState state;
    Clock::time_point since;            // when this state was first seen
    std::optional<FileState> handled;   // the state it was last handed out in
  };
  Clock::duration settle_;
  std::map<std::string, Entry> files_;
};

}  // namespace kpix
