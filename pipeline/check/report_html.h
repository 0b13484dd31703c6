// `kpix check --report FILE.html`: one self-contained HTML file (CSS inline,
// pictures as data: URIs, no scripts, nothing fetched) listing disagreements
// first, each with the entered value, the source value, the diagnosis and the
// evidence (a crop of the PDF page or the text line); then the matches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/check/evidence.h"
#include "pipeline/check/matcher.h"

namespace kpix {

struct ReportContext {
  std::string entries_file;
  std::string encoding;
  std::vector<std::string> sources;        // "file (N records)", for the heading
  std::vector<std::string> source_errors;  // sources that could not be read
};

std::string html_escape(std::string_view s);
std::string base64_encode(std::string_view bytes);

// `evidence[i]` belongs to `results[i]`: one picture for match/mismatch, one
// per candidate for ambiguous, none otherwise. Pure.
std::string render_report_html(const std::vector<CheckResult>& results, const std::vector<std::vector<Evidence>>& evidence,
                               const Matcher& m, const ReportContext& ctx);

}  // namespace kpix
