#include "pipeline/dataset/ingest.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <locale>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/edition_summary.h"
#include "pipeline/dataset/progress.h"
#include "pipeline/model/error.h"
#include "pipeline/load/page_source.h"
#include "pipeline/load/pdf_loader.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;

bool wanted(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".pdf" || ext == ".txt";
}

// What a worker hands the writer: an extraction, or the line saying why not.
struct Outcome {
  size_t index = 0;
  std::optional<Extraction> extraction;
  std::string error;
  bool skipped = false;  // already in the dataset
};

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file() && wanted(it->path())) found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(in);  // a missing file is reported by its extraction
    }
  }
  return out;
}

IngestSummary ingest(const IngestOptions& o, std::FILE* progress_out, bool terminal) {
  Dataset db(o.db);
  std::vector<std::string> files;
  for (const std::string& input : o.inputs) {
    std::vector<std::string> found = expand_inputs({input});
    if (found.empty()) std::fprintf(progress_out, "kpix: %s: note: no .pdf or .txt files in this folder\n", input.c_str());
    files.insert(files.end(), found.begin(), found.end());
  }
  int jobs = o.jobs > 0 ? o.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, int(std::max<size_t>(files.size(), 1)));

  std::vector<std::uintmax_t> sizes;
  for (const std::string& f : files) {
    std::error_code ec;
    std::uintmax_t n = fs::file_size(f, ec);
    sizes.push_back(ec ? 0 : n);
  }
  IngestProgress progress(progress_out, terminal, sizes);
  // With several workers the largest files go first, so that one long budget
  // book does not start last and leave the other workers idle; the export is
  // ordered by content, not by ingest order. One worker keeps path order.
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (jobs > 1) std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });

  long kill_after = -1;
  if (const char* k = std::getenv("KPIX_TEST_KILL_AFTER_VALUES")) kill_after = std::atol(k);
  long values_this_run = 0;
  auto after_value = [&](int) {
    if (kill_after >= 0 && ++values_this_run >= kill_after) ::kill(::getpid(), SIGKILL);
  };

  // Documents already stored are recognised by their bytes before any work.
  const std::set<std::string> known = db.document_hashes();
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Outcome> done;
  std::atomic<size_t> next{0};
  // Workers extract; the writer (this thread) owns the database connection.
  auto work = [&] {
    Extractor ex;
    for (size_t n; (n = next++) < files.size();) {
      const size_t i = order[n];
      Outcome out;
      out.index = i;
      try {
        std::error_code ec;
        if (fs::is_regular_file(files[i], ec) && known.count(file_sha256(files[i])))
          out.skipped = true;
        else
          out.extraction = ex.extract(files[i], o.build, [&progress, i](int page, int pages) {
            progress.page(i, page, pages);
          });
      } catch (const InputError& e) {
        out.error = e.what();
      } catch (const std::exception& e) {
        out.error = files[i] + ": internal error: " + e.what();
      }
      std::lock_guard<std::mutex> lock(mu);
      done.push_back(std::move(out));
      ready.notify_one();
    }
  };
  // libstdc++ fills std::ctype<char>::narrow's cache lazily and unsynchronised
  // (GCC PR 77704), and std::regex (the schema validator's patterns) calls it
  // in every worker: filled here first, the workers only read it.
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  for (int c = 0; c < 256; ++c) ctype.narrow(char(c), '\0');

  std::vector<std::thread> workers;
  // Should the writer throw, the workers stop taking files and are joined.
  struct Join {
    std::vector<std::thread>& workers;
    std::atomic<size_t>& next;
    size_t end;
    ~Join() {
      next = end;
      for (auto& w : workers)
        if (w.joinable()) w.join();
    }
  } join{workers, next, files.size()};
  for (int j = 0; j < jobs; ++j) workers.emplace_back(work);

  IngestSummary sum;
  for (size_t handled = 0; handled < files.size(); ++handled) {
    Outcome out;
    {
      std::unique_lock<std::mutex> lock(mu);
      // Wake now and then to keep the bar moving through a long document.
      while (!ready.wait_for(lock, std::chrono::milliseconds(250), [&] { return !done.empty(); })) {
        lock.unlock();
        progress.tick();
        lock.lock();
      }
      out = std::move(done.front());
      done.pop_front();
    }
    const std::string& file = files[out.index];
    if (out.skipped) {
      ++sum.present;
      progress.skipped(out.index, file + ": already in the dataset");
      continue;
    }
    if (!out.extraction) {
      ++sum.failed;
      progress.problem("kpix: " + out.error);
      progress.document(out.index, "");
      continue;
    }
    const Extraction& x = *out.extraction;
    sum.pages += x.pages;
    auto stored = [&] {
      try {
        return db.has_document(x.info.sha256);
      } catch (const std::exception&) {
        return false;
      }
    };
    if (stored()) {  // the same bytes twice in this run
      ++sum.present;
      progress.skipped(out.index, file + ": already in the dataset");
      continue;
    }
    try {
      int values = db.add_document(x, after_value);
      ++sum.added;
      sum.records += int(x.records.size());
      sum.values += values;
      for (const std::string& n : x.notes) progress.problem("kpix: " + file + ": note: " + n);
      for (const std::string& r : x.rejected) progress.problem("kpix: " + file + ": " + r);
      sum.rejected += int(x.rejected.size());
      progress.document(out.index, file + ": " + std::to_string(x.records.size()) + " records, " +
                                       std::to_string(values) + " values, " + std::to_string(x.pages) + " pages");
      for (const EditionLink& link : db.last_links()) progress.problem(edition_summary(db.handle(), link, o.db));
    } catch (const std::exception& e) {
      if (stored()) {  // another kpix stored it meanwhile
        ++sum.present;
        progress.skipped(out.index, file + ": already in the dataset");
        continue;
      }
      ++sum.failed;
      progress.problem("kpix: " + file + ": not stored: " + e.what());
      progress.document(out.index, "");
    }
  }
  for (auto& w : workers) w.join();
  progress.finish();
  return sum;
}

}  // namespace kpix
