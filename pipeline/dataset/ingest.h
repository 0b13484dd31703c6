// `kpix ingest`: files and folders into the dataset, extracted in parallel,
// written by one thread, one transaction per document.
//
// Entry point: ingest(). Progress goes to `progress` (stderr in the CLI): on a
// terminal a bar redrawn in place, otherwise one line per document.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/records/record_builder.h"

namespace kpix {

struct IngestOptions {
  std::string db;
  std::vector<std::string> inputs;  // files and folders (searched for *.pdf and *.txt)
  int jobs = 0;                     // 0: the number of cores
  BuildOptions build;
};

struct IngestSummary {
  int added = 0, present = 0, failed = 0, records = 0, values = 0, pages = 0;
  int rejected = 0;  // records that failed the schema: reported, not stored (a kpix bug)
  int copies = 0;    // added documents that are copies of a stored edition (content_key.h)
};

// The files an input names: itself, or the *.pdf and *.txt below a folder, sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

// Throws InputError when the dataset cannot be opened; a failed document is
// reported on `progress` (`kpix: FILE: reason`) and counted, the others are
// still stored. Notes on a document (an ambiguous municipality name, no KPI
// tables) are reported as `kpix: FILE: note: …`.
//
// Test hook: with KPIX_TEST_KILL_AFTER_VALUES=N in the environment the process
// kills itself (SIGKILL) right after the N-th value of the run is inserted,
// inside its document's transaction, to show that a crash leaves no part of
// that document and that running again completes the job.
IngestSummary ingest(const IngestOptions& options, std::FILE* progress, bool terminal);

}  // namespace kpix
