// kpix inspect FILE [--page N] [--png OUT.png] [--dpi D]: the lines and cells
// the parsers will see, with their boxes, and what the table reader decided
// about each table (family, header rows, each column's kind, role and
// period). --png draws it over the page, in the manner of pdfplumber's
// debug_tablefinder: each table cell filled translucent in the colour of its
// column's kind (values by role), outlined just inside its edge so that a
// black rule does not hide it, and labelled (HDR, IND, GROUP, ACT 2020, …);
// header rows in purple with a line under them; each cell's text in a box
// tight to its glyphs (grey in tables, blue in free text); each table
// captioned with its number, family, records and header rows.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/inspect_tables.h"
#include "pipeline/layout/page_layout.h"
#include "pipeline/load/page_render.h"
#include "pipeline/load/page_source.h"
#include "pipeline/load/pdf_loader.h"
#include "pipeline/model/error.h"
#include "pipeline/model/orientation.h"

namespace kpix::cli {
namespace {

struct InspectArgs {
  std::string file;
  int page = 0;  // 1-based; 0 = all
  std::string png;
  double dpi = 150;
};

// How the picture draws (pixels unless said otherwise).
constexpr double kFillAlpha = 0.22;          // a cell's fill: the page shows through
constexpr int kCellOutline = 2, kCellInset = 1;  // inside the edge, off the black rule
constexpr unsigned int kTableTextBox = 0x24292f, kFreeTextBox = 0x0969da;
constexpr unsigned int kCaption = 0x24292f;
constexpr double kLabelInsetPt = 1.0;        // a cell's tag from its top-right corner, points

std::string fmt_box(const Box& b) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.1f %.1f %.1f %.1f]", b.x0, b.y0, b.x1, b.y1);
  return buf;
}

void print_page(const Page& page, bool text_input) {
  std::printf("page %d  %.1f x %.1f pt  rotate %d  rules %zu  lines %zu\n", page.number, page.width, page.height,
              page.rotation, page.rules.size(), page.lines.size());
  for (const Line& line : page.lines) {
    if (text_input)
      std::printf("  line %d", line.source_line);
    else
      std::printf("  %s", fmt_box(displayed_box(page, line.box)).c_str());
    if (line.table >= 0) std::printf("  table %d", line.table);
    std::printf("\n");
    for (const Cell& c : line.cells) {
      if (c.text.empty()) continue;
      std::printf("    ");
      if (c.column >= 0) std::printf("c%-2d ", c.column);
      if (!text_input) std::printf("%s ", fmt_box(displayed_box(page, c.box)).c_str());
      std::string shown = c.text;
      for (size_t p = shown.find('\n'); p != std::string::npos; p = shown.find('\n', p)) shown.replace(p, 1, " ⏎ ");
      std::printf("%s\n", shown.c_str());
    }
  }
}

// `table 2: role_columns, 12 records, header rows 1` and a line per column.
void print_readings(const std::vector<TableReading>& readings) {
  for (const TableReading& t : readings) {
    bool headless = !t.indicator_blocks && t.shape.header_rows == 0 && t.family.empty();
    std::printf("  table %d: %s, %zu records", t.table,
                headless ? "no header rows (extract reads such a table under the header before it, if it lines up)"
                : t.family.empty() ? "read by no family"
                                   : t.family.c_str(),
                t.records);
    if (t.indicator_blocks)
      std::printf(", indicator blocks\n");
    else
      std::printf(", header rows %zu\n", t.shape.header_rows);
    for (const ColumnInfo& c : t.shape.columns) {
      std::printf("    c%-2d %s", c.column, std::string(to_string(c.kind)).c_str());
      if (c.role) std::printf(" %s", std::string(to_string(*c.role)).c_str());
      if (c.period) std::printf(" %s", c.period->to_json().dump().c_str());
      if (!c.label.empty()) std::printf("  \"%s\"", c.label.c_str());
      std::printf("\n");
    }
    for (const std::string& w : t.warnings) std::printf("    warning: %s\n", w.c_str());
  }
}

// Whether a glyph is a full-width character (kana, CJK, full-width forms):
// about one em wide.
bool is_full_width(const Glyph& g) {
  if (g.text.size() < 3) return false;
  auto b = [&](size_t i) { return static_cast<unsigned char>(g.text[i]); };
  char32_t cp = char32_t(b(0) & 0x0F) << 12 | char32_t(b(1) & 0x3F) << 6 | char32_t(b(2) & 0x3F);
  return (b(0) & 0xF0) == 0xE0 && cp >= 0x3000;
}

// The em of some glyphs: the median width of the full-width ones; 0 without any.
double em_of(std::vector<const Glyph*> glyphs) {
  std::vector<double> widths;
  for (const Glyph* g : glyphs)
    if (is_full_width(*g)) widths.push_back(g->box.width());
  if (widths.empty()) return 0;
  std::nth_element(widths.begin(), widths.begin() + long(widths.size() / 2), widths.end());
  return widths[widths.size() / 2];
}

// How tall a glyph's ink is at most, in ems, about its box's centre: a
// font's ascent and descent. Chromium's Type 3 CJK fonts give boxes 2.6 em
// tall around the glyph (README, design notes), which would cover the rows
// above and below.
constexpr double kInkHeightEm = 1.15;

// The union of the glyphs whose centre lies in `box` (displayed frame), each
// no taller than kInkHeightEm of the cell's em (the page's, without a
// full-width glyph of its own).
Box text_box(const std::vector<Glyph>& glyphs, const Box& box, double page_em) {
  std::vector<const Glyph*> in;
  for (const Glyph& g : glyphs)
    if (box.contains_point(g.box.cx(), g.box.cy())) in.push_back(&g);
  double em = em_of(in);
  if (em <= 0) em = page_em;
  Box out;
  for (const Glyph* g : in) {
    Box b = g->box;
    if (em > 0 && b.height() > kInkHeightEm * em) {
      b.y0 = g->box.cy() - kInkHeightEm * em / 2;
      b.y1 = g->box.cy() + kInkHeightEm * em / 2;
    }
    out = out.united(b);
  }
  return out;
}

void draw_tables(Drawing& d, const Page& page, const std::vector<TableReading>& readings, double dpi) {
  double px = 72.0 / dpi;  // one pixel in points
  for (const TableReading& t : readings) {
    // 1. Each cell: filled and outlined in its column's colour, tagged.
    for (size_t r = 0; r < t.rows.rows.size(); ++r) {
      bool header = !t.indicator_blocks && r < t.shape.header_rows;
      for (const TableCell& cell : t.rows.rows[r].cells) {
        const ColumnInfo* col = t.indicator_blocks ? nullptr : t.shape.find(cell.column);
        unsigned int rgb = header ? kHeaderColour : column_colour(col);
        Box b = displayed_box(page, cell.box);
        d.fills.push_back({b, rgb, kFillAlpha});
        d.outlines.push_back({b, rgb, kCellOutline, kCellInset});
        std::string tag = header ? "HDR" : t.indicator_blocks ? "BLOCK" : column_tag(col);
        double w = label_width_px(tag, 1) * px + 2 * px;
        d.labels.push_back({std::max(b.x0, b.x1 - kLabelInsetPt - w), b.y0 + kLabelInsetPt, tag, rgb, 1});
      }
    }
    // 2. The caption, above the table where there is room.
    Box table = displayed_box(page, t.rows.box);
    bool headless = !t.indicator_blocks && t.shape.header_rows == 0 && t.family.empty();
    std::string caption = "T" + std::to_string(t.table) + " " +
                          (headless ? "NO HEADER: READ UNDER THE ONE BEFORE"
                                    : (t.family.empty() ? "NO FAMILY" : t.family) + " " + std::to_string(t.records) +
                                          " REC" +
                                          (t.indicator_blocks ? " BLOCKS" : " HDR " + std::to_string(t.shape.header_rows)));
    double height = 11 * 2 * px;
    d.labels.push_back({table.x0, table.y0 >= height ? table.y0 - height : table.y0, caption, kCaption, 2, 0.9});
  }
}

// A line 3 px thick under the header rows of each table, drawn last: on top
// of the cells' outlines and text boxes.
void draw_header_lines(Drawing& d, const Page& page, const std::vector<TableReading>& readings, double dpi) {
  double px = 72.0 / dpi;
  for (const TableReading& t : readings) {
    if (t.indicator_blocks || t.shape.header_rows == 0 || t.shape.header_rows > t.rows.rows.size()) continue;
    Box last = displayed_box(page, t.rows.rows[t.shape.header_rows - 1].box);
    Box table = displayed_box(page, t.rows.box);
    d.outlines.push_back({{table.x0, last.y1 - px, table.x1, last.y1 + px}, kHeaderColour, 2, 0});
  }
}

void draw_text_boxes(Drawing& d, const Page& page, const std::vector<Glyph>& glyphs) {
  std::vector<const Glyph*> all;
  for (const Glyph& g : glyphs) all.push_back(&g);
  double page_em = em_of(all);
  for (const Line& line : page.lines)
    for (const Cell& c : line.cells) {
      if (c.text.empty()) continue;
      Box tight = text_box(glyphs, displayed_box(page, c.box), page_em);
      if (!tight.empty()) d.outlines.push_back({tight, line.table >= 0 ? kTableTextBox : kFreeTextBox, 1, 0});
    }
}

int run(const InspectArgs& a) {
  if (auto problem = output_problem(a.png, {a.file})) {
    std::cerr << *problem << "\n";
    return 2;
  }
  try {
    if (auto problem = input_problem(a.file)) throw InputError(a.file, *problem);
    auto src = open_source(a.file);
    const DocumentInfo& info = src->info();
    if (a.page < 0 || a.page > info.page_count)
      throw InputError(a.file, "no page " + std::to_string(a.page) + " (it has " + std::to_string(info.page_count) + ")");
    std::printf("%s  %s  %d page(s)  producer: %s\n", info.file_name.c_str(),
                info.kind == SourceKind::pdf ? "PDF" : "text", info.page_count,
                info.producer.empty() ? "-" : info.producer.c_str());
    bool text_input = info.kind == SourceKind::text;
    int first = a.page ? a.page - 1 : 0, last = a.page ? a.page - 1 : info.page_count - 1;
    for (int i = first; i <= last; ++i) {
      Page loaded = src->load_page(i);
      std::vector<Glyph> glyphs = loaded.glyphs;  // layout drops them; the picture's text boxes need them
      Page page = lay_out_page(std::move(loaded));
      print_page(page, text_input);
      // The document's era is the record builder's to know; 令和 is its default.
      std::vector<TableReading> readings = read_page_tables(page, "令和", text_input);
      print_readings(readings);
      if (!a.png.empty() && i == first) {
        auto* pdf = dynamic_cast<PdfSource*>(src.get());
        if (!pdf) throw InputError(a.file, "--png needs a PDF");
        Drawing d;
        draw_tables(d, page, readings, a.dpi);
        draw_text_boxes(d, page, glyphs);
        draw_header_lines(d, page, readings, a.dpi);
        if (!render_page_png(pdf->poppler_document_for(i), i, a.dpi, d, a.png))
          throw InputError(a.png, "cannot render or write the PNG");
        std::fprintf(stderr,
                     "kpix: wrote %s (page %d: cells filled by column kind and role, HDR header rows, text boxes "
                     "grey in tables and blue in free text)\n",
                     a.png.c_str(), i + 1);
      }
    }
    return 0;
  } catch (const InputError& e) {
    std::fflush(stdout);
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::cerr << "kpix: " << shown_name(a.file) << ": internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_inspect_command(CLI::App& app, int& status) {
  auto args = std::make_shared<InspectArgs>();
  auto* cmd = app.add_subcommand("inspect", "Show the lines, cells and table readings the parsers see, with boxes");
  cmd->add_option("FILE", args->file, "PDF or converter text")->required();
  cmd->add_option("--page", args->page, "Only this page (1-based)")->check(CLI::Range(1, 1000000));
  cmd->add_option("--png", args->png,
                  "Draw the cells, what the table reader decided and the text boxes over the rendered page "
                  "(first page shown)");
  cmd->add_option("--dpi", args->dpi, "Resolution of --png")->capture_default_str();
  cmd->callback([args, &status] { status = run(*args); });
}

}  // namespace kpix::cli
