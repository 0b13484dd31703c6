#include "pipeline/dataset/ingest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "pipeline/dataset/dataset.h"
#include "pipeline/error.h"
#include "pipeline/page_source.h"
#include "pipeline/pdf_loader.h"

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

IngestSummary ingest(const IngestOptions& o, std::FILE* progress, bool terminal) {
  Dataset db(o.db);
  std::vector<std::string> files = expand_inputs(o.inputs);
  int jobs = o.jobs > 0 ? o.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, std::max<size_t>(files.size(), 1));

  // Documents already stored are recognised by their bytes before any work.
  const std::set<std::string> known = db.document_hashes();
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Outcome> done;
  std::atomic<size_t> next{0};
  // Workers extract; the writer (this thread) owns the database connection.
  auto work = [&] {
    Extractor ex;
    for (size_t i; (i = next++) < files.size();) {
      Outcome out;
      out.index = i;
      try {
        std::error_code ec;
        if (fs::is_regular_file(files[i], ec) && known.count(file_sha256(files[i])))
          out.skipped = true;
        else
          out.extraction = ex.extract(files[i], o.build);
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
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j) workers.emplace_back(work);

  IngestSummary sum;
  auto start = std::chrono::steady_clock::now();
  for (size_t handled = 0; handled < files.size(); ++handled) {
    Outcome out;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return !done.empty(); });
      out = std::move(done.front());
      done.pop_front();
    }
    const std::string& file = files[out.index];
    std::string line;
    if (out.skipped) {
      ++sum.present;
      line = file + ": already in the dataset";
    } else if (!out.extraction) {
      ++sum.failed;
      line = "kpix: " + out.error;
    } else if (db.has_document(out.extraction->info.sha256)) {
      ++sum.present;
      sum.pages += out.extraction->pages;
      line = file + ": already in the dataset";
    } else {
      try {
        int values = db.add_document(*out.extraction);
        ++sum.added;
        sum.records += int(out.extraction->records.size());
        sum.values += values;
        sum.pages += out.extraction->pages;
        line = file + ": " + std::to_string(out.extraction->records.size()) + " records, " + std::to_string(values) +
               " values";
      } catch (const std::exception& e) {
        ++sum.failed;
        line = "kpix: " + file + ": not stored: " + e.what();
      }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (terminal) {
      size_t n = handled + 1;
      int width = 30, filled = int(width * n / files.size());
      double left = n ? secs / double(n) * double(files.size() - n) : 0;
      std::fprintf(progress, "\r\033[K[%s%s] %zu/%zu files  %.0f pages/s  %.0f s left", std::string(size_t(filled), '#').c_str(),
                   std::string(size_t(width - filled), '.').c_str(), n, files.size(), secs > 0 ? sum.pages / secs : 0.0,
                   left);
      if (line.rfind("kpix: ", 0) == 0) std::fprintf(progress, "\n%s\n", line.c_str());
    } else {
      std::fprintf(progress, "%s\n", line.c_str());
    }
    std::fflush(progress);
  }
  for (auto& w : workers) w.join();
  if (terminal) std::fprintf(progress, "\n");
  return sum;
}

}  // namespace kpix
