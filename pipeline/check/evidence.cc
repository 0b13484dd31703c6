#include "pipeline/check/evidence.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "parsers/normalize/text.h"
#include "pipeline/model/error.h"
#include "pipeline/layout/page_layout.h"
#include "pipeline/load/page_render.h"
#include "pipeline/load/page_source.h"
#include "pipeline/load/pdf_loader.h"

namespace kpix {
namespace {

using nlohmann::json;

std::optional<Box> box_of(const json& src) {
  auto it = src.find("bbox");
  if (it == src.end() || !it->is_array() || it->size() != 4) return std::nullopt;
  return Box{(*it)[0].get<double>(), (*it)[1].get<double>(), (*it)[2].get<double>(), (*it)[3].get<double>()};
}

json source_of(const json& j) { return j.value("source", json::object()); }

int page_of(const json& value, const json& record) {
  json vs = source_of(value), rs = source_of(record);
  if (vs.contains("page")) return vs["page"].get<int>();
  return rs.value("page", 1);
}

int line_of(const json& value, const json& record) {
  json vs = source_of(value), rs = source_of(record);
  if (vs.contains("line")) return vs["line"].get<int>();
  return rs.value("line", 0);
}

// The cell of `line` that holds `raw`: equal text first, then containing it.
int find_cell(const Line& line, const std::string& raw) {
  std::string r = squeeze_text(raw);
  if (r.empty()) return -1;
  for (size_t c = 0; c < line.cells.size(); ++c)
    if (squeeze_text(line.cells[c].text) == r) return int(c);
  for (size_t c = 0; c < line.cells.size(); ++c)
    if (squeeze_text(line.cells[c].text).find(r) != std::string::npos) return int(c);
  return -1;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

EvidenceMaker::EvidenceMaker(const Matcher& m, double max_width_px) : m_(m), max_width_px_(max_width_px) {}
EvidenceMaker::~EvidenceMaker() = default;

const Page* EvidenceMaker::page(int doc, int index) {
  auto key = std::make_pair(doc, index);
  if (auto it = pages_.find(key); it != pages_.end()) return &it->second;
  if (open_errors_.count(doc)) return nullptr;
  try {
    auto& src = sources_[doc];
    if (!src) src = open_source(m_.document({doc, -1, -1}).path);
    if (index < 0 || index >= src->info().page_count) return nullptr;
    return &pages_.emplace(key, lay_out_page(src->load_page(index))).first->second;
  } catch (const std::exception& e) {
    open_errors_[doc] = e.what();
    sources_.erase(doc);
    return nullptr;
  }
}

Evidence EvidenceMaker::make(const SourceHit& hit, const std::optional<SourceHit>& other) {
  Evidence ev;
  const SourceDocument& doc = m_.document(hit);
  const json& rec = m_.record(hit);
  const json& val = m_.value(hit);
  std::string raw = val.value("raw", "");
  bool same_row_other = other && other->doc == hit.doc && other->record == hit.record;
  std::string other_raw = same_row_other ? m_.value(*other).value("raw", "") : "";

  if (doc.kind == SourceKind::text) {
    int ln = line_of(val, rec);
    const Page* p = page(hit.doc, 0);
    if (!p) {
      ev.error = open_errors_.count(hit.doc) ? open_errors_[hit.doc] : doc.file + ": cannot be read again";
      return ev;
    }
    auto it = std::find_if(p->lines.begin(), p->lines.end(), [&](const Line& l) { return l.source_line == ln; });
    if (it == p->lines.end()) {
      ev.error = doc.file + ": line " + std::to_string(ln) + " not found";
      return ev;
    }
    size_t at = size_t(it - p->lines.begin());
    auto add = [&](const Line& l, bool focus) {
      Evidence::TextRow row;
      row.line = l.source_line;
      for (const Cell& c : l.cells) row.cells.push_back(c.text);
      row.focus = focus;
      if (focus) {
        row.focus_cell = find_cell(l, raw);
        if (same_row_other) row.other_cell = find_cell(l, other_raw);
      }
      ev.rows.push_back(std::move(row));
    };
    // The table's first line (its header), then up to two lines before the value's.
    size_t first = at;
    if (it->table >= 0)
      while (first > 0 && p->lines[first - 1].table == it->table) --first;
    size_t from = at >= 2 ? std::max(first, at - 2) : first;
    if (first < from) {
      add(p->lines[first], false);
      if (first + 1 < from) ev.rows.push_back({0, {"…"}, false, -1, -1});
    }
    for (size_t i = from; i < at; ++i) add(p->lines[i], false);
    add(*it, true);
    ev.caption = doc.file + " line " + std::to_string(ln) + (it->table >= 0 && first < at ? " (with its table's header line " + std::to_string(p->lines[first].source_line) + ")" : "");
    return ev;
  }

  // PDF: crop around the row.
  int page_no = page_of(val, rec);
  std::optional<Box> row = box_of(source_of(rec));
  std::optional<Box> cell = box_of(source_of(val));
  if (!row) row = cell;
  if (!row) {
    ev.error = doc.file + " p. " + std::to_string(page_no) + ": the record has no box to show";
    return ev;
  }
  const Page* p = page(hit.doc, page_no - 1);
  auto* pdf = dynamic_cast<PdfSource*>(sources_.count(hit.doc) ? sources_[hit.doc].get() : nullptr);
  if (!p || !pdf) {
    ev.error = open_errors_.count(hit.doc) ? open_errors_[hit.doc] : doc.file + ": page " + std::to_string(page_no) + " cannot be read";
    return ev;
  }
  // The row's line on the page: its table's header joins the crop when near.
  Box crop = *row;
  const Line* row_line = nullptr;
  for (const Line& l : p->lines) {
    if (l.box.overlap_y(*row) >= 0.5 * std::min(l.box.height(), row->height()) && l.box.overlap_x(*row) > 0) {
      row_line = &l;
      break;
    }
  }
  std::optional<Box> other_box;
  if (row_line) {
    if (!cell) {
      int c = find_cell(*row_line, raw);
      if (c >= 0) cell = row_line->cells[size_t(c)].box;
    }
    if (row_line->table >= 0) {
      for (const Line& l : p->lines) {
        if (l.table != row_line->table) continue;
        if (row->y1 - l.box.y0 <= 300 && l.box.y0 < row->y0) crop = crop.united(l.box);
        break;
      }
    }
  }
  if (same_row_other) {
    other_box = box_of(source_of(m_.value(*other)));
    if (!other_box && row_line) {
      int c = find_cell(*row_line, other_raw);
      if (c >= 0) other_box = row_line->cells[size_t(c)].box;
    }
  }
  if (cell) crop = crop.united(*cell);
  crop = {std::max(0.0, crop.x0 - 16), std::max(0.0, crop.y0 - 20), std::min(p->width, crop.x1 + 16),
          std::min(p->height, crop.y1 + 20)};
  if (crop.empty()) crop = {0, 0, p->width, p->height};
  double dpi = std::clamp(max_width_px_ * 72.0 / crop.width(), 60.0, 150.0);
  std::vector<Outline> outlines;
  outlines.push_back({*row, 0xff9900, 1});
  if (other_box) outlines.push_back({*other_box, 0x1f6feb, 2});
  if (cell) outlines.push_back({*cell, 0xe00000, 3});

  std::string tmpl = (std::filesystem::temp_directory_path() / "kpix-check-XXXXXX.png").string();
  int fd = mkstemps(tmpl.data(), 4);
  if (fd < 0) {
    ev.error = "cannot make a temporary file for the picture";
    return ev;
  }
  ::close(fd);
  bool ok = render_page_png(pdf->poppler_document(), page_no - 1, dpi, outlines, tmpl, crop);
  if (ok) ev.png = read_file(tmpl);
  ::unlink(tmpl.c_str());
  if (!ok || ev.png.empty()) {
    ev.error = doc.file + " p. " + std::to_string(page_no) + ": Poppler could not render the page";
    return ev;
  }
  ev.caption = doc.file + " p. " + std::to_string(page_no) + (cell ? ": the value's cell outlined in red" : "") +
               ", the row in orange" + (other_box ? ", the value that was entered in blue" : "");
  return ev;
}

}  // namespace kpix
