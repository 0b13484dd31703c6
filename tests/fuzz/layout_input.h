// Fuzz bytes to pages of glyphs and rules, the way a PDF loader hands them
// to layout: shared by layout_fuzz and its regression tests
// (tests/unit/fuzz_regressions_test.cc), so a saved input decodes the same.
//
// The first byte sets the page: bits 0-1 the quarter turn of its text
// (Page::text_turn; everything is drawn upright and then turned onto the
// displayed page, as a sideways table arrives from Poppler). Then ops, each
// an op byte and its operands; a missing operand reads 0, so every input
// decodes. op % 8:
//   0, 1  one glyph: text (kGlyphTexts), x, y, w, h
//   2     one rule: direction, pos, from, length (two bytes)
//   3     a run of text: x, y, size, word (kWords); wraps at a width byte
//   4, 5  a table: x, y, columns, rows, row height, font size, rule style
//         (kRuleStyles), one width byte per column, then one byte per cell:
//         0 empty, 1 merged with the cell on its left, 2 merged with the
//         cell above, else a word (bit 7: a second word on a new line, as
//         a value with its period below it). Cells wrap their text at the
//         column width and rows grow to fit it, as in a spreadsheet.
//   6     a new page (at most kMaxPages)
//   7     the last table again below itself (a table continued, its
//         header repeated), with new cell bytes
// Sizes stay within what documents show (16 columns, 64 rows a table) so
// that the fuzzer explores shapes, not the cost of huge inputs.
// Saved inputs (seeds in tests/data/fuzz-seeds/layout/, regression cases in
// tests/data/fuzz/layout-*) depend on this format and on the order of the
// lists below: append to the lists, never reorder them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/model/orientation.h"

namespace kpix::fuzz {

// Single characters for op 0, from the shapes KPI tables use.
inline constexpr const char* kGlyphTexts[] = {
    "基", "準", "値", "実", "績", "目", "標", "0", "1", "2", "3", ",", ".", "人", "件",
    "千", "円", "%", "▲", "△", "R", "H", "年", "度", "(", ")", "～", "①", "区", "分",
    "事", "業", "指", "K", "P", "I", "累", "計", "－", "—", "→", "※", "合", "名"};

// Cell texts for ops 3-5 and 7: header labels of every table family, values
// with units, periods and remarks, indicator names (long ones wrap), form
// labels, notes and subtotal lines. Shapes only; from no single document.
inline constexpr const char* kWords[] = {
    // headers
    "基準値", "実績値", "目標値", "R6実績", "R9目標値", "2020実績", "2021実績", "区分", "項目", "事業名",
    "重要業績評価指標 (KPI)", "単位", "年度", "達成状況", "H30基準", "R 2実績", "R6目標", "成果指標の内容",
    "目標", "実績", "想定", "計画", "見込", "３年度", "４年度", "５年度", "令和5年度", "R５年度 実績",
    "5年間の合計", "現状値（2014年度）", "KPI (R6)", "具体的な施策", "基準値 (R4)", "H26 (2014)", "R2 (2020)",
    // values
    "1,718千円", "▲389人", "▲ 1,034", "67.5%", "0.99", "2,000", "10人 (通算19人)", "14人/年 (R2～R4平均)",
    "調査なし (次回R8)", "累計19", "⇒", "171 811", "△1 037", "未公表", "集計中", "－", "40人 (4年間の合計)",
    "3件 (計画終了時点)", "1億8,133万円", "登録者数 24名", "5年間で 250件", "全3校", "基準値を維持", "未策定",
    "確定値48.3", "△7.04%", "12.3千t", "509", "1,189", "86,054", "3世帯9人", "(R4実績)", "(令和7年)",
    // names and free text
    "①1人あたりの総所得", "②従業者1人あたりの付加価値額", "転出超過数を2014年の2分の1に抑制", "自然動態",
    "社会動態", "出生数", "年末人口", "観光入込客数", "新規就農者数", "名称 ／36.7%(令和元年)→40.0%(令和7年)",
    "高校の入学者数４０人（2014年度）→年４０人（2019年度）", "小計(事業数:8、KPI数:7)", "事務事業名",
    "建築指導事務事業", "細事業名称", "基本目標1", "【基本目標：4】", "※ KPIの基準値は2016年度～2018年度の合計",
    "①②（基準値：2018年、目標値：2024年）", "との共通指標", "岩見沢市", "令和5年12月20日", "第3期総合戦略",
    "(千円)", "人", "%", "件", "日"};

inline constexpr int kMaxPages = 4;
inline constexpr int kMaxColumns = 16;
inline constexpr int kMaxRows = 64;

// How a table's borders are drawn, as the producers draw them.
enum class RuleStyle { grid, hrules, none, booktabs, ruled_header, frame_hrules, jittered, double_lines };
inline constexpr RuleStyle kRuleStyles[] = {RuleStyle::grid,         RuleStyle::hrules,      RuleStyle::none,
                                            RuleStyle::booktabs,     RuleStyle::ruled_header,
                                            RuleStyle::frame_hrules, RuleStyle::jittered,    RuleStyle::double_lines};

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool done() const { return pos_ >= size_; }
  uint8_t next() { return pos_ < size_ ? data_[pos_++] : 0; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

namespace detail {

// UTF-8 code points of a word, one string each.
inline std::vector<std::string> characters(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// Half-width for ASCII, full width for the rest, as CJK fonts draw them.
inline double char_width(const std::string& ch, double size) {
  if (ch == " ") return 0.25 * size;
  return static_cast<unsigned char>(ch[0]) < 0x80 ? 0.55 * size : size;
}

// Lines of a word wrapped at width (at least one character a line).
inline std::vector<std::vector<std::string>> wrap(std::string_view word, double size, double width) {
  std::vector<std::vector<std::string>> lines(1);
  double x = 0;
  for (std::string& ch : characters(word)) {
    double a = char_width(ch, size);
    if (x + a > width && !lines.back().empty()) {
      lines.emplace_back();
      x = 0;
    }
    lines.back().push_back(std::move(ch));
    x += a;
  }
  return lines;
}

inline double line_width(const std::vector<std::string>& line, double size) {
  double w = 0;
  for (const std::string& ch : line) w += char_width(ch, size);
  return w;
}

// Glyphs of wrapped lines from (x, top); alignment 0 left, 1 centre, 2 right
// within width. Spaces leave a gap and no glyph, as Poppler drops them.
inline void place_lines(const std::vector<std::vector<std::string>>& lines, double x, double top, double width,
                        double size, int align, std::vector<Glyph>& out) {
  double y = top;
  for (const auto& line : lines) {
    double w = line_width(line, size);
    double gx = align == 0 ? x : align == 1 ? x + (width - w) / 2 : x + width - w;
    for (const std::string& ch : line) {
      double a = char_width(ch, size);
      if (ch != " ") out.push_back({ch, {gx, y, gx + a, y + size}});
      gx += a;
    }
    y += size * 1.25;
  }
}

// Numbers are right-aligned in their cells.
inline bool numeric(std::string_view w) {
  for (std::string_view lead : {"▲", "△", "－", "("})
    if (w.starts_with(lead)) return true;
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

struct TableSpec {
  double x = 0, top = 0;
  int columns = 1, rows = 1;
  double row_height = 12, size = 8;
  RuleStyle style = RuleStyle::grid;
  std::vector<double> widths;
};

enum : uint8_t { kEmpty = 0, kMergeLeft = 1, kMergeUp = 2 };

// Appends the rules of the table's borders (skipping those merged cells
// hide) in the spec's style; ys are the row boundaries, xs the columns'.
inline void table_rules(const TableSpec& t, const std::vector<std::vector<uint8_t>>& cells,
                        const std::vector<double>& xs, const std::vector<double>& ys, uint8_t jitter,
                        std::vector<Rule>& out) {
  const int R = t.rows, C = t.columns;
  auto want_h = [&](int r) {  // which horizontal boundaries the style draws
    switch (t.style) {
      case RuleStyle::none: return false;
      case RuleStyle::booktabs: return r == 0 || r == 1 || r == R;
      case RuleStyle::ruled_header: return r <= 1;
      default: return true;
    }
  };
  auto want_v = [&](int c, int r) {
    switch (t.style) {
      case RuleStyle::grid: case RuleStyle::jittered: case RuleStyle::double_lines: return true;
      case RuleStyle::ruled_header: return r == 0;
      case RuleStyle::frame_hrules: return c == 0 || c == C;
      default: return false;
    }
  };
  double j = t.style == RuleStyle::jittered ? 0.5 + jitter % 4 : 0;
  auto push = [&](bool horizontal, double pos, double from, double to) {
    out.push_back({horizontal, pos + (j ? (static_cast<int>(pos) % 3 - 1) * 0.4 : 0), from - j, to + j * 0.5});
    if (t.style == RuleStyle::double_lines) out.push_back({horizontal, pos + 1.2, from, to});
  };
  // Horizontal: runs of cells whose boundary is not hidden by a merge.
  for (int r = 0; r <= R; ++r) {
    if (!want_h(r)) continue;
    int start = -1;
    for (int c = 0; c <= C; ++c) {
      bool drawn = c < C && !(r > 0 && r < R && cells[r][c] == kMergeUp);
      if (drawn && start < 0) start = c;
      if (!drawn && start >= 0) {
        push(true, ys[r], xs[start], xs[c]);
        start = -1;
      }
    }
  }
  for (int c = 0; c <= C; ++c) {
    int start = -1;
    for (int r = 0; r <= R; ++r) {
      bool drawn = r < R && want_v(c, r) && !(c > 0 && c < C && cells[r][c] == kMergeLeft);
      if (drawn && start < 0) start = r;
      if (!drawn && start >= 0) {
        push(false, xs[c], ys[start], ys[r]);
        start = -1;
      }
    }
  }
}

}  // namespace detail

// Decodes the bytes into at most kMaxPages pages: number, size, text_turn,
// glyphs and rules as displayed, no lines yet (a loader's output).
inline std::vector<Page> decode_pages(const uint8_t* data, size_t size) {
  using namespace detail;
  constexpr size_t kWordCount = sizeof kWords / sizeof *kWords;
  constexpr size_t kGlyphCount = sizeof kGlyphTexts / sizeof *kGlyphTexts;
  ByteReader in(data, size);
  const int turn = in.next() & 3;
  const Frame frame{turn, turn % 2 ? 595.0 : 842.0, turn % 2 ? 842.0 : 595.0};
  std::vector<Page> pages(1);
  // Upright glyphs and rules of the current page.
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  auto finish_page = [&] {
    Page& p = pages.back();
    p.number = static_cast<int>(pages.size());
    p.width = frame.width;
    p.height = frame.height;
    p.text_turn = turn;
    for (Glyph& g : glyphs) {
      g.box = frame.from_upright(g.box);
      p.glyphs.push_back(std::move(g));
    }
    for (const Rule& r : rules) {
      Box b = r.horizontal ? Box{r.from, r.pos, r.to, r.pos} : Box{r.pos, r.from, r.pos, r.to};
      Box d = frame.from_upright(b);
      bool h = d.width() >= d.height();
      p.rules.push_back(h ? Rule{true, d.y0, d.x0, d.x1} : Rule{false, d.x0, d.y0, d.y1});
    }
    p.glyph_count = p.glyphs.size();
    glyphs.clear();
    rules.clear();
  };

  TableSpec last;
  bool have_last = false;
  auto draw_table = [&](const TableSpec& t) {
    std::vector<std::vector<uint8_t>> cells(t.rows, std::vector<uint8_t>(t.columns));
    for (auto& row : cells)
      for (uint8_t& c : row) c = in.next();
    uint8_t jitter = in.next();
    std::vector<double> xs{t.x};
    for (double w : t.widths) xs.push_back(xs.back() + w);
    // Text of each owner cell over its merged span; rows grow to fit.
    struct Placed {
      int r, c, r_end, c_end;
      std::vector<std::vector<std::string>> lines;
      int align;
    };
    std::vector<Placed> placed;
    std::vector<double> heights(t.rows, t.row_height);
    for (int r = 0; r < t.rows; ++r)
      for (int c = 0; c < t.columns; ++c) {
        uint8_t b = cells[r][c];
        if (b == kEmpty || b == kMergeLeft || b == kMergeUp) continue;
        int c_end = c + 1, r_end = r + 1;
        while (c_end < t.columns && cells[r][c_end] == kMergeLeft) ++c_end;
        while (r_end < t.rows && cells[r_end][c] == kMergeUp) ++r_end;
        double width = xs[c_end] - xs[c] - 4;
        std::string_view word = kWords[(b & 0x7F) % kWordCount];
        auto lines = wrap(word, t.size, width);
        if (b & 0x80) {
          for (auto& l : wrap(kWords[(b * 7 + r + c) % kWordCount], t.size, width)) lines.push_back(std::move(l));
        }
        double need = lines.size() * t.size * 1.25 + 4;
        if (r_end == r + 1) heights[r] = std::max(heights[r], need);
        placed.push_back({r, c, r_end, c_end, std::move(lines), numeric(word) ? 2 : (b >> 5) % 3 == 0});
      }
    std::vector<double> ys{t.top};
    for (double h : heights) ys.push_back(ys.back() + h);
    for (const Placed& p : placed) {
      double width = xs[p.c_end] - xs[p.c] - 4;
      double text_h = p.lines.size() * t.size * 1.25;
      double top = (ys[p.r] + ys[p.r_end] - text_h) / 2;  // centred in the cell, as spreadsheets do
      place_lines(p.lines, xs[p.c] + 2, top, width, t.size, p.align, glyphs);
    }
    table_rules(t, cells, xs, ys, jitter, rules);
    last = t;
    last.top = ys.back();  // a continuation starts below
    have_last = true;
  };

  while (!in.done()) {
    const uint8_t op = in.next();
    switch (op % 8) {
      case 0:
      case 1: {
        std::string text = kGlyphTexts[in.next() % kGlyphCount];
        double x = in.next() * 3.3, y = in.next() * 2.3, w = 1 + in.next() % 20, h = 1 + in.next() % 40;
        glyphs.push_back({std::move(text), {x, y, x + w, y + h}});
        break;
      }
      case 2: {
        uint8_t dir = in.next();
        double pos = in.next() * 3.3, from = in.next() * 3.3;
        double len = in.next() * 3.3 + in.next() / 16.0;
        rules.push_back({(dir & 1) != 0, pos, from, from + len});
        break;
      }
      case 3: {
        double x = in.next() * 3.3, y = in.next() * 2.3, size = 5 + in.next() % 16;
        std::string_view word = kWords[in.next() % kWordCount];
        double width = 20 + in.next() * 3.0;
        place_lines(wrap(word, size, width), x, y, width, size, 0, glyphs);
        break;
      }
      case 4:
      case 5: {
        TableSpec t;
        t.x = in.next() * 2.0;
        t.top = in.next() * 2.0;
        t.columns = 1 + in.next() % kMaxColumns;
        t.rows = 1 + in.next() % kMaxRows;
        t.row_height = 10 + in.next() % 30;
        t.size = 5 + in.next() % 10;
        t.style = kRuleStyles[in.next() % 8];
        for (int c = 0; c < t.columns; ++c) t.widths.push_back(18 + in.next() % 160);
        draw_table(t);
        break;
      }
      case 6:
        if (static_cast<int>(pages.size()) < kMaxPages) {
          finish_page();
          pages.emplace_back();
          if (have_last) last.top = 20 + in.next() % 60;
        }
        break;
      case 7:
        if (have_last) draw_table(last);
        break;
    }
  }
  finish_page();
  return pages;
}

}  // namespace kpix::fuzz
