#include "pipeline/watch/folder_events.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <thread>

#if defined(__linux__)
#include <sys/inotify.h>
#define KPIX_HAVE_INOTIFY 1
#endif

namespace kpix {
namespace {

namespace fs = std::filesystem;

void files_below(const std::string& folder, std::vector<std::string>& out) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) out.push_back(it->path().string());
}

}  // namespace

FolderEvents::FolderEvents(std::vector<std::string> folders, std::optional<std::chrono::milliseconds> poll)
    : folders_(std::move(folders)), poll_(poll) {
  for (const std::string& f : folders_) {
    std::error_code ec;
    if (!fs::is_directory(f, ec)) throw std::runtime_error(f + ": not a folder");
  }
#ifdef KPIX_HAVE_INOTIFY
  if (!poll_) fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
#endif
  if (fd_ < 0 && !poll_) poll_ = std::chrono::seconds(5);  // no inotify: poll instead
}

FolderEvents::~FolderEvents() {
  if (fd_ >= 0) ::close(fd_);
}

std::string FolderEvents::mode() const {
  if (fd_ >= 0) return "inotify";
  double s = std::chrono::duration<double>(*poll_).count();
  char buf[48];
  std::snprintf(buf, sizeof buf, "polling every %g s", s);
  return buf;
}

std::vector<std::string> FolderEvents::scan_all() const {
  std::vector<std::string> out;
  for (const std::string& f : folders_) files_below(f, out);
  std::sort(out.begin(), out.end());
  return out;
}

// Watches `folder` and every folder below it; the files found on the way are
// added to `found`, so a folder moved in whole is not missed.
void FolderEvents::watch_tree(const std::string& folder, std::vector<std::string>* found) {
#ifdef KPIX_HAVE_INOTIFY
  std::vector<std::string> folders = {folder};
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_directory(ec)) folders.push_back(it->path().string());
    else if (found && it->is_regular_file(ec)) found->push_back(it->path().string());
  }
  for (const std::string& f : folders) {
    int wd = inotify_add_watch(fd_, f.c_str(),
                               IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                   IN_MOVED_FROM | IN_ONLYDIR);
    if (wd >= 0) watched_[wd] = f;
  }
#else
  (void)folder;
  (void)found;
#endif
}

std::vector<std::string> FolderEvents::read_events() {
  std::vector<std::string> out;
#ifdef KPIX_HAVE_INOTIFY
  alignas(inotify_event) char buf[64 * 1024];
  bool overflow = false;
  for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) {
    for (char* p = buf; p < buf + n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) overflow = true;
      auto it = watched_.find(e->wd);
      if (e->mask & IN_IGNORED) {
        if (it != watched_.end()) watched_.erase(it);
        continue;
      }
      if (it == watched_.end() || e->len == 0) continue;
      std::string path = (fs::path(it->second) / e->name).string();
      if (e->mask & IN_ISDIR) {
        if (e->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(path, &out);
        continue;
      }
      out.push_back(path);
    }
  }
  // Events were lost: every file is looked at again.
  if (overflow) return scan_all();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
#endif
  return out;
}

std::vector<std::string> FolderEvents::wait(std::chrono::milliseconds timeout) {
  if (first_) {
    first_ = false;
    last_scan_ = std::chrono::steady_clock::now();
    if (fd_ >= 0)
      for (const std::string& f : folders_) watch_tree(f, nullptr);
    return scan_all();  // what is there already
  }
  if (fd_ < 0) {
    // Polling: sleep until the next scan is due (in short steps, so that a
    // signal's stop flag is seen soon), then scan.
    auto due = last_scan_ + *poll_;
    auto now = std::chrono::steady_clock::now();
    if (now < due) {
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(due - now, timeout));
      if (std::chrono::steady_clock::now() < due) return {};
    }
    last_scan_ = std::chrono::steady_clock::now();
    return scan_all();
  }
  pollfd p{fd_, POLLIN, 0};
  int rc = ::poll(&p, 1, int(timeout.count()));
  if (rc <= 0) return {};  // timeout, or a signal (EINTR)
  return read_events();
}

}  // namespace kpix
