// Pages of ruled grids built from cell text, and the records the builder
// makes of them: record-builder tests across page breaks without a PDF.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "pipeline/records/record_builder.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {

// A page of a ruled grid: columns at `xs`, one row per entry of `rows`
// (cells left to right, empty cells skipped), rows 20 pt high from `top`.
inline Page grid_page(int number, double top, const std::vector<double>& xs, const std::vector<std::vector<std::string>>& rows,
               const std::vector<std::pair<std::string, double>>& free_lines = {}) {
  Page p;
  p.number = number;
  p.width = 600;
  p.height = 800;
  for (auto& [text, y] : free_lines) {
    auto w = word(text, xs.front(), y);
    p.glyphs.insert(p.glyphs.end(), w.begin(), w.end());
  }
  double bottom = top + 20 * double(rows.size());
  for (size_t r = 0; r <= rows.size(); ++r) p.rules.push_back({true, top + 20 * double(r), xs.front(), xs.back()});
  for (double x : xs) p.rules.push_back({false, x, top, bottom});
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size() && c + 1 < xs.size(); ++c) {
      if (rows[r][c].empty()) continue;
      auto w = word(rows[r][c], xs[c] + 2, top + 20 * double(r) + 5);
      p.glyphs.insert(p.glyphs.end(), w.begin(), w.end());
    }
  p.lines = analyze_layout(p.glyphs, p.rules, {});
  return p;
}

// `page` with `words` (text, x, top) added and laid out again.
inline void add_words(Page& page, const std::vector<std::tuple<std::string, double, double>>& words) {
  for (const auto& [text, x, y] : words) {
    auto w = word(text, x, y);
    page.glyphs.insert(page.glyphs.end(), w.begin(), w.end());
  }
  page.lines = analyze_layout(page.glyphs, page.rules, {});
}

// A page (600 x 800) of `rules` and `words` (text, x, top) alone, laid out.
inline Page page_of(int number, std::vector<Rule> rules, const std::vector<std::tuple<std::string, double, double>>& words) {
  Page p;
  p.number = number;
  p.width = 600;
  p.height = 800;
  p.rules = std::move(rules);
  add_words(p, words);
  return p;
}

// The records the builder makes of `pages`, read one after another.
inline std::vector<KpiRecord> records_of(const std::vector<Page>& pages) {
  RecordBuilder b;
  for (const Page& p : pages) b.add_page(p, false);
  MunicipalityIndex m;
  return b.finish(DocumentInfo{}, {}, m);
}

inline const KpiRecord* record_named(const std::vector<KpiRecord>& records, const std::string& indicator) {
  for (const KpiRecord& r : records)
    if (r.indicator == indicator) return &r;
  return nullptr;
}

// A record's raw values by role and first year (`actual2021`, `baseline`).
inline std::map<std::string, std::string> raw_by_role_and_year(const KpiRecord& r) {
  std::map<std::string, std::string> out;
  for (const RecordValue& v : r.values)
    out[std::string(to_string(v.role)) + (v.period ? std::to_string(v.period->start) : "")] = v.v.raw;
  return out;
}

}  // namespace kpix
