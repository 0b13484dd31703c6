// `kpix check --report FILE.html`: one self-contained HTML file (CSS inline,
// pictures as data: URIs, no scripts, nothing fetched) listing disagreements
// first, each with the entered value, the source value, the diagnosis and the
// evidence (a crop of the PDF page, linked to that page of the PDF, or the
// text line); then the matches, the first kMatchRows of them one by one.
//
//   kpix::ReportWriter w(matcher, make_evidence, *kpix::report_labels("ja"), "e.csv", "out");
//   for (…) w.add(result);          // as the results come: nothing kept but the first matches
//   w.finish(ctx, write);           // heading and counts, then the cards, then the matches
//
// Memory stays flat however many entries there are: a disagreement's card is
// written to a temporary file when it comes, and a picture already shown is
// linked to, not made again.
#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "pipeline/check/evidence.h"
#include "pipeline/check/matcher.h"
#include "pipeline/check/report_labels.h"

namespace kpix {

struct ReportContext {
  std::string entries_file;
  std::string encoding;
  std::vector<std::string> sources;        // "file (N records)", for the heading
  std::vector<std::string> source_errors;  // sources that could not be read
};

class ReportWriter {
 public:
  // The picture or text rows of a source value (and of the value entered
  // instead, when it is in the same row). Asked once per distinct pair.
  using MakeEvidence = std::function<Evidence(const SourceHit& hit, const std::optional<SourceHit>& other)>;

  // `entries_file`: as named on the command line. `report_dir`: the folder
  // the report is written to; links to the sources are relative to it (""
  // for the working directory). Throws InputError when no temporary file can
  // be made.
  ReportWriter(const Matcher& m, MakeEvidence make, const ReportLabels& labels, std::string entries_file,
               std::string report_dir);
  ~ReportWriter();
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;

  // One result, in line order.
  void add(const CheckResult& r);

  // The whole report through `write`. Throws InputError when the temporary
  // file cannot be read back.
  void finish(const ReportContext& ctx, const std::function<void(std::string_view)>& write);

  // Matches listed one by one; the rest are counted.
  static constexpr size_t kMatchRows = 1000;
  // Pictures of an ambiguous entry: its first candidates.
  static constexpr size_t kCandidatePictures = 6;

 private:
  std::string evidence_for(const CheckResult& r, const SourceHit& hit, const std::optional<SourceHit>& other);
  void spool(const std::string& html);

  const Matcher& m_;
  MakeEvidence make_;
  const ReportLabels& l_;
  std::string entries_file_, report_dir_;
  std::FILE* cards_ = nullptr;  // the disagreements' cards, in order
  std::string match_rows_;      // the first kMatchRows matches
  size_t counts_[5] = {};       // per Verdict
  // Pictures shown: (doc, record, value, other value) → the card's line.
  std::map<std::tuple<int, int, int, int>, int> shown_;
};

std::string html_escape(std::string_view s);
std::string base64_encode(std::string_view bytes);

// The href of a source file from a report in `report_dir`: the path relative
// to that folder, percent-encoded, with `#page=N` for a PDF page (page > 0).
std::string source_href(const std::string& path, const std::string& report_dir, int page);

}  // namespace kpix
