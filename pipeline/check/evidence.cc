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

// The box of the cell of `line` that holds `raw`.
std::optional<Box> cell_box(const Line* line, const std::string& raw) {
  if (!line) return std::nullopt;
  int c = find_cell(*line, raw);
  if (c < 0) return std::nullopt;
  return line->cells[size_t(c)].box;
}

// The page's line that the row's box sits on: the first that covers half the
// height of the shorter of the two.
const Line* line_of_row(const Page& p, const Box& row) {
  for (const Line& l : p.lines)
    if (l.box.overlap_y(row) >= 0.5 * std::min(l.box.height(), row.height()) && l.box.overlap_x(row) > 0) return &l;
  return nullptr;
}

// The first line of the row's table (its header) when it starts above the row
// and near enough (300 pt) to join the picture.
std::optional<Box> header_above(const Page& p, const Line& row_line, const Box& row) {
  if (row_line.table < 0) return std::nullopt;
  for (const Line& l : p.lines) {
    if (l.table != row_line.table) continue;
    if (row.y1 - l.box.y0 <= 300 && l.box.y0 < row.y0) return l.box;
    return std::nullopt;
  }
  return std::nullopt;
}

// The crop with room around it (16 pt beside, 20 pt above and below), inside
// the page; the whole page when nothing is left.
Box with_margins(const Box& crop, const Page& p) {
  Box out{std::max(0.0, crop.x0 - 16), std::max(0.0, crop.y0 - 20), std::min(p.width, crop.x1 + 16),
          std::min(p.height, crop.y1 + 20)};
  if (out.empty()) out = {0, 0, p.width, p.height};
  return out;
}

// PNG bytes of the crop through a temporary file (Poppler renders to a path),
// or "" with `error` set.
std::string render_png(const PdfSource& pdf, int page_index, double dpi, const std::vector<Outline>& outlines,
                       const Box& crop, std::string& error) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kpix-check-XXXXXX.png").string();
  int fd = mkstemps(tmpl.data(), 4);
  if (fd < 0) {
    error = "cannot make a temporary file for the picture";
    return "";
  }
  ::close(fd);
  std::string png;
  try {
    if (render_page_png(pdf.poppler_document_for(page_index), page_index, dpi, outlines, tmpl, crop)) png = read_file(tmpl);
  } catch (const InputError& e) {
    error = e.what();
  }
  ::unlink(tmpl.c_str());
  return png;
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

// The raw text of the value and, when the value entered instead is in the
// same row, of that one too: what to find and mark in the row.
struct EvidenceMaker::Marks {
  std::string raw;
  std::optional<SourceHit> other;  // set only when in the same row
  std::string other_raw;
};

Evidence EvidenceMaker::make(const SourceHit& hit, const std::optional<SourceHit>& other) {
  Marks marks;
  marks.raw = m_.value(hit).value("raw", "");
  if (other && other->doc == hit.doc && other->record == hit.record) {
    marks.other = other;
    marks.other_raw = m_.value(*other).value("raw", "");
  }
  Evidence ev = m_.document(hit).kind == SourceKind::text ? text_rows(hit, marks) : pdf_crop(hit, marks);
  ev.path = m_.document(hit).path;
  if (m_.document(hit).kind == SourceKind::pdf) ev.page = page_of(m_.value(hit), m_.record(hit));
  return ev;
}

Evidence EvidenceMaker::text_rows(const SourceHit& hit, const Marks& marks) {
  Evidence ev;
  const SourceDocument& doc = m_.document(hit);
  int ln = line_of(m_.value(hit), m_.record(hit));
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
      row.focus_cell = find_cell(l, marks.raw);
      if (marks.other) row.other_cell = find_cell(l, marks.other_raw);
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

Evidence EvidenceMaker::pdf_crop(const SourceHit& hit, const Marks& marks) {
  Evidence ev;
  const SourceDocument& doc = m_.document(hit);
  const json& rec = m_.record(hit);
  const json& val = m_.value(hit);

  // 1. The row's box (the value's when the record has none) and its page.
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

  // 2. The row's line on the page finds the cells without a box of their
  // own; its table's header joins the crop when near.
  Box crop = *row;
  const Line* row_line = line_of_row(*p, *row);
  if (!cell) cell = cell_box(row_line, marks.raw);
  if (row_line)
    if (auto header = header_above(*p, *row_line, *row)) crop = crop.united(*header);
  std::optional<Box> other_box;
  if (marks.other) {
    other_box = box_of(source_of(m_.value(*marks.other)));
    if (!other_box) other_box = cell_box(row_line, marks.other_raw);
  }
  if (cell) crop = crop.united(*cell);
  crop = with_margins(crop, *p);

  // 3. Outlines: the row in orange, the value entered instead in blue, the cell in red.
  std::vector<Outline> outlines;
  outlines.push_back({*row, 0xff9900, 1});
  if (other_box) outlines.push_back({*other_box, 0x1f6feb, 2});
  if (cell) outlines.push_back({*cell, 0xe00000, 3});

  // 4. The picture, at most max_width_px_ wide.
  double dpi = std::clamp(max_width_px_ * 72.0 / crop.width(), 60.0, 150.0);
  ev.png = render_png(*pdf, page_no - 1, dpi, outlines, crop, ev.error);
  if (!ev.error.empty()) return ev;
  if (ev.png.empty()) {
    ev.error = doc.file + " p. " + std::to_string(page_no) + ": Poppler could not render the page";
    return ev;
  }
  ev.caption = doc.file + " p. " + std::to_string(page_no) + (cell ? ": the value's cell outlined in red" : "") +
               ", the row in orange" + (other_box ? ", the value that was entered in blue" : "");
  return ev;
}

}  // namespace kpix
