#include "pipeline/dataset/ingest.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/edition_summary.h"
#include "pipeline/model/shown_name.h"
#include "pipeline/dataset/extraction_pool.h"
#include "pipeline/dataset/progress.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;

bool wanted(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".pdf" || ext == ".txt";
}

// The files of every input, saying so of a folder with none.
std::vector<std::string> files_of(const std::vector<std::string>& inputs, std::FILE* progress_out) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::vector<std::string> found = expand_inputs({input});
    if (found.empty()) std::fprintf(progress_out, "kpix: %s: note: no .pdf or .txt files in this folder\n", shown_name(input).c_str());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::vector<std::uintmax_t> sizes_of(const std::vector<std::string>& files) {
  std::vector<std::uintmax_t> sizes;
  for (const std::string& f : files) {
    std::error_code ec;
    std::uintmax_t n = fs::file_size(f, ec);
    sizes.push_back(ec ? 0 : n);
  }
  return sizes;
}

// With several workers the largest files go first, so that one long budget
// book does not start last and leave the other workers idle; the export is
// ordered by content, not by ingest order. One worker keeps path order.
std::vector<size_t> work_order(const std::vector<std::uintmax_t>& sizes, int jobs) {
  std::vector<size_t> order(sizes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (jobs > 1) std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

// The test hook of ingest.h: KPIX_TEST_KILL_AFTER_VALUES=N.
class KillSwitch {
 public:
  KillSwitch() {
    if (const char* k = std::getenv("KPIX_TEST_KILL_AFTER_VALUES")) kill_after_ = std::atol(k);
  }
  void after_value() {
    if (kill_after_ >= 0 && ++values_this_run_ >= kill_after_) ::kill(::getpid(), SIGKILL);
  }

 private:
  long kill_after_ = -1;
  long values_this_run_ = 0;
};

// Stores one outcome in the dataset, counting it in `sum` and saying so on
// `progress`: skipped, failed, or added with its notes.
void store(const Outcome& out, const std::string& file, Dataset& db, IngestProgress& progress, KillSwitch& kill,
           IngestSummary& sum) {
  if (out.skipped) {
    ++sum.present;
    progress.skipped(out.index, file + ": already in the dataset");
    return;
  }
  if (!out.extraction) {
    ++sum.failed;
    progress.problem("kpix: " + out.error);
    progress.document(out.index, "");
    return;
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
    return;
  }
  try {
    int values = db.add_document(x, [&kill](int) { kill.after_value(); });
    ++sum.added;
    sum.records += int(x.records.size());
    sum.values += values;
    for (const std::string& n : x.notes) progress.problem("kpix: " + file + ": note: " + n);
    for (const std::string& r : x.rejected) progress.problem("kpix: " + file + ": " + r);
    sum.rejected += int(x.rejected.size());
    if (db.last_copy_of()) {
      ++sum.copies;
      progress.problem("kpix: " + file + ": note: a copy of " + *db.last_copy_of() +
                       " (same municipality, title, date and values): stored as a copy, not exported again");
    }
    progress.document(out.index, file + ": " + std::to_string(x.records.size()) + " records, " +
                                     std::to_string(values) + " values, " + std::to_string(x.pages) + " pages");
    for (const EditionLink& link : db.last_links()) progress.problem(edition_summary(db.handle(), link, db.path(), x.info.sha256, file));
  } catch (const std::exception& e) {
    if (stored()) {  // another kpix stored it meanwhile
      ++sum.present;
      progress.skipped(out.index, file + ": already in the dataset");
      return;
    }
    ++sum.failed;
    progress.problem("kpix: " + file + ": not stored: " + e.what());
    progress.document(out.index, "");
  }
}

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
  // 1. The files, and as many workers as cores (or -j) but no more than files.
  std::vector<std::string> files = files_of(o.inputs, progress_out);
  // Page workers: as many more as make `jobs` with one document's thread,
  // shared by all documents.
  const int cores = worker_count(o.jobs);
  PageWorkers pages(cores - 1);
  int jobs = std::min<int>(cores, int(std::max<size_t>(files.size(), 1)));

  // 2. Their sizes, for the progress bar and the order of work.
  std::vector<std::uintmax_t> sizes = sizes_of(files);
  IngestProgress progress(progress_out, terminal, sizes);
  std::vector<size_t> order = work_order(sizes, jobs);

  // 3. Documents already stored are recognised by their bytes before any work.
  const std::set<std::string> known = db.document_hashes();

  // 4. Workers extract; the writer (this thread) owns the database
  // connection and stores each document as it comes, one transaction each.
  KillSwitch kill;
  IngestSummary sum;
  ExtractionPool pool(files, order, known, o.build, progress, jobs, pages);
  for (size_t handled = 0; handled < files.size(); ++handled) {
    Outcome out = pool.take();
    store(out, files[out.index], db, progress, kill, sum);
  }
  pool.join();
  progress.finish();
  return sum;
}

}  // namespace kpix
