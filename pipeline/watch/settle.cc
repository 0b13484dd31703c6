#include "pipeline/watch/settle.h"

namespace kpix {

void SettleTracker::observe(const std::string& path, FileState state, Clock::time_point now) {
  auto [it, fresh] = files_.try_emplace(path, Entry{state, now, std::nullopt});
  if (!fresh && !(it->second.state == state)) {
    it->second.state = state;
    it->second.since = now;
  }
}

void SettleTracker::forget(const std::string& path) { files_.erase(path); }

std::vector<std::string> SettleTracker::ready(Clock::time_point now) const {
  std::vector<std::string> out;
  for (const auto& [path, e] : files_)
    if (now - e.since >= settle_ && !(e.handled && *e.handled == e.state)) out.push_back(path);
  return out;
}

void SettleTracker::handled(const std::string& path) {
  auto it = files_.find(path);
  if (it != files_.end()) it->second.handled = it->second.state;
}

std::vector<std::string> SettleTracker::pending() const {
  std::vector<std::string> out;
  for (const auto& [path, e] : files_)
    if (!(e.handled && *e.handled == e.state)) out.push_back(path);
  return out;
}

}  // namespace kpix
