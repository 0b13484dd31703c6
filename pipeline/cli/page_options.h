// The options extract and ingest share for reading one document on several
// cores: `-j N` (workers) and `--pages 1,3-5` (which pages).
#pragma once

#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/model/page_ranges.h"

namespace kpix::cli {

// `--pages`: a bad range is a usage error (CLI11's, status 2).
void add_pages_option(CLI::App* cmd, std::vector<PageRange>& pages);

}  // namespace kpix::cli
