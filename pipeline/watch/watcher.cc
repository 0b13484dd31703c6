#include "pipeline/watch/watcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <thread>

#include "pipeline/dataset/dataset.h"
#include "pipeline/watch/folder_events.h"
#include "pipeline/watch/settle.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;
using Clock = SettleTracker::Clock;

// After the dataset could not take a batch, how long until the next try.
constexpr std::chrono::seconds kRetry{10};

std::optional<FileState> state_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileState{std::uintmax_t(st.st_size), std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::string utc_stamp() {
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return stamp;
}

// Runs kpix ingest on one batch with its lines caught, then writes them to
// the log, each stamped with the time.
IngestSummary ingest_batch(const WatchOptions& o, const std::vector<std::string>& files, std::FILE* log) {
  IngestOptions in;
  in.db = o.db;
  in.inputs = files;
  in.jobs = o.jobs;
  in.build = o.build;
  char* text = nullptr;
  size_t size = 0;
  std::FILE* caught = ::open_memstream(&text, &size);
  IngestSummary s;
  try {
    s = ingest(in, caught ? caught : log, false);
  } catch (...) {
    if (caught) std::fclose(caught), std::free(text);
    throw;
  }
  if (caught) {
    std::fclose(caught);
    std::string stamp = utc_stamp();
    std::string_view all(text, size);
    for (size_t start = 0; start < all.size();) {
      size_t end = all.find('\n', start);
      if (end == std::string_view::npos) end = all.size();
      std::fprintf(log, "%s %.*s\n", stamp.c_str(), int(end - start), all.data() + start);
      start = end + 1;
    }
    std::fflush(log);
    std::free(text);
  }
  return s;
}

void add(IngestSummary& total, const IngestSummary& s) {
  total.added += s.added, total.present += s.present, total.failed += s.failed;
  total.records += s.records, total.values += s.values, total.pages += s.pages, total.rejected += s.rejected;
}

}  // namespace

bool watched_document(const std::string& path) {
  fs::path p(path);
  std::string name = p.filename().string();
  if (name.empty() || name[0] == '.') return false;
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".pdf" || ext == ".txt";
}

WatchSummary watch_folders(const WatchOptions& o, std::FILE* log, const std::atomic<bool>& stop) {
  { Dataset check(o.db); }  // a dataset that cannot be opened stops the watch before it starts
  FolderEvents events(o.folders, o.poll);
  SettleTracker settle(o.settle);
  WatchSummary sum;
  sum.mode = events.mode();
  // Pending files are looked at again this often until they settle.
  const auto tick = std::clamp<std::chrono::milliseconds>(o.settle / 4, std::chrono::milliseconds(50),
                                                          std::chrono::milliseconds(500));
  const size_t batch = size_t(o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency()));
  while (!stop) {
    std::vector<std::string> look = events.wait(tick);
    for (const std::string& p : settle.pending()) look.push_back(p);
    const auto now = Clock::now();
    for (const std::string& p : look) {
      if (!watched_document(p)) continue;
      if (auto st = state_of(p)) settle.observe(p, *st, now);
      else settle.forget(p);
    }
    std::vector<std::string> ready = settle.ready(now);
    // In batches of one file per worker, so a stop request waits for one
    // batch at most, not the whole backlog.
    for (size_t i = 0; i < ready.size() && !stop; i += batch) {
      std::vector<std::string> files(ready.begin() + long(i), ready.begin() + long(std::min(ready.size(), i + batch)));
      try {
        add(sum.ingested, ingest_batch(o, files, log));
      } catch (const std::exception& e) {
        // The dataset, not a document (locked by another writer too long, the
        // disk full): the files stay pending and are tried again after a pause.
        std::fprintf(log, "%s kpix: %s: %s; trying again in %d s\n", utc_stamp().c_str(), o.db.c_str(), e.what(),
                     int(kRetry.count()));
        std::fflush(log);
        for (auto until = Clock::now() + kRetry; !stop && Clock::now() < until;) std::this_thread::sleep_for(tick);
        break;
      }
      for (const std::string& f : files) settle.handled(f);
    }
  }
  return sum;
}

}  // namespace kpix
