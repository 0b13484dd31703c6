#include "pipeline/layout/glyph_lines.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace kpix::layout_parts {
namespace {

using layout_params::kEmsPerHalfWidth;
using layout_params::kFallbackEm;
using layout_params::kMinEm;
using layout_params::kMinGlyphSize;
using layout_params::kSameLineShare;
using layout_params::kWideGlyphSizeByWidth;

// Reorders v.
double median(std::vector<double>& v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Vertical size used to decide whether two glyphs share a line.
double glyph_size(const Glyph& g) {
  // Half-width glyphs are about half an em wide, so twice their width bounds
  // their size where a Type 3 box is far taller than the text.
  double h = std::min(g.box.height(), g.box.width() * (is_wide(g) ? kWideGlyphSizeByWidth : kEmsPerHalfWidth));
  return std::max(h, kMinGlyphSize);
}

}  // namespace

char32_t first_code_point(const std::string& s) {
  if (s.empty()) return 0;
  unsigned char c = s[0];
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> n);
  for (int i = 1; i <= n && i < int(s.size()); ++i) cp = (cp << 6) | (s[i] & 0x3F);
  return cp;
}

// Full-width characters are about one em wide whatever their box height, so
// their width measures the font size even where a Type 3 font gives boxes far
// taller than the text (Chromium).
bool is_wide(const Glyph& g) {
  // Asked of every glyph several times over (a million asks on a budget
  // book): every range below is of three-byte UTF-8, so a glyph whose first
  // byte leads no longer sequence is not wide, and a three-byte one is
  // decoded here. Anything else (four bytes, a cut sequence) is decoded in
  // full, as before.
  const std::string& s = g.text;
  unsigned char lead = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
  if (lead < 0xE0) return false;
  char32_t cp = lead < 0xF0 && s.size() >= 3
                    ? char32_t(lead & 0x0F) << 12 | char32_t(s[1] & 0x3F) << 6 | char32_t(s[2] & 0x3F)
                    : first_code_point(s);
  // CJK ideographs and kana, full-width forms, and the symbols CJK fonts draw
  // full width: ① ⑴, ▲ △ ○ ■, → ⇒, ※.
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60) ||
         (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
         (cp >= 0x2190 && cp <= 0x21FF) || cp == 0x203B;
}

double em_of(const std::vector<const Glyph*>& glyphs) {
  std::vector<double> sizes;
  sizes.reserve(glyphs.size());
  for (const Glyph* g : glyphs)
    if (is_wide(*g)) sizes.push_back(g->box.width());
  // Without one: the glyphs' sizes, bounded by their widths, since a box may
  // be far taller than the text (Chromium's Type 3 fonts).
  if (sizes.empty())
    for (const Glyph* g : glyphs) sizes.push_back(glyph_size(*g));
  double em = median(sizes);
  return em > kMinEm ? em : kFallbackEm;
}

double centre_height(const std::vector<const Glyph*>& glyphs) {
  if (glyphs.empty()) return 0;
  double y = 0;
  for (const Glyph* g : glyphs) y += g->box.cy();
  return y / double(glyphs.size());
}

std::vector<std::vector<const Glyph*>> visual_lines(std::vector<const Glyph*> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.cy() < b->box.cy(); });
  // A glyph joins the last line or starts one, so each line is a run of
  // the sorted glyphs: the runs are found first and each line is made once,
  // at its size, and a cell of one line (most cells) keeps the glyphs'
  // own array (growing a line glyph by glyph was most of the allocations
  // of a budget book's layout).
  std::vector<size_t> starts;  // where each line's run begins
  size_t in_line = 0;          // glyphs in the last line so far
  double line_cy = 0, line_size = 0;
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const Glyph* g = glyphs[i];
    double s = glyph_size(*g);
    // The smaller of the two sizes: one odd glyph must not widen a line
    // enough to swallow the next one.
    if (!starts.empty() && std::fabs(g->box.cy() - line_cy) <= kSameLineShare * std::min(s, line_size)) {
      ++in_line;
      line_cy += (g->box.cy() - line_cy) / double(in_line);
      continue;
    }
    starts.push_back(i);
    in_line = 1;
    line_cy = g->box.cy();
    line_size = s;
  }
  std::vector<std::vector<const Glyph*>> lines;
  lines.reserve(starts.size());
  if (starts.size() == 1) {
    lines.push_back(std::move(glyphs));
  } else {
    starts.push_back(glyphs.size());
    for (size_t k = 0; k + 1 < starts.size(); ++k)
      lines.emplace_back(glyphs.begin() + long(starts[k]), glyphs.begin() + long(starts[k + 1]));
  }
  for (auto& l : lines)
    std::sort(l.begin(), l.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  if (lines.size() < 2) return lines;
  // Lines by mean centre height, each mean computed once (the same sums as
  // before, so the same comparisons and the same order).
  std::vector<std::pair<double, size_t>> order(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) order[i] = {centre_height(lines[i]), i};
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::vector<const Glyph*>> sorted;
  sorted.reserve(lines.size());
  for (auto& [y, i] : order) sorted.push_back(std::move(lines[i]));
  return sorted;
}

Box box_of(const std::vector<const Glyph*>& glyphs) {
  Box b;
  for (const Glyph* g : glyphs) b = b.united(g->box);
  return b;
}

std::string line_text(const std::vector<const Glyph*>& line, double em, const LayoutOptions& o, double spacing) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i) {
      bool cross = is_wide(*line[i]) != is_wide(*line[i - 1]);
      double gap = line[i]->box.x0 - line[i - 1]->box.x1 - spacing;
      if (gap > (cross ? o.cross_script_space_gap_em : o.space_gap_em) * em) out += ' ';
    }
    out += line[i]->text;
  }
  return out;
}

namespace {

// The narrowest gap between two neighbours of a visual line (left to right,
// two glyphs or more).
double least_gap(const std::vector<const Glyph*>& line) {
  double least = 1e18;
  for (size_t i = 1; i < line.size(); ++i) least = std::min(least, line[i]->box.x0 - line[i - 1]->box.x1);
  return least;
}

}  // namespace

double letter_spacing(const std::vector<const Glyph*>& line, double em, const LayoutOptions& o) {
  using namespace layout_params;
  if (line.size() < 2) return 0;
  if (line.size() < kMinLetterSpacedGlyphs && !std::all_of(line.begin(), line.end(), [](const Glyph* g) { return is_wide(*g); }))
    return 0;
  double least = least_gap(line);
  return least > o.space_gap_em * em ? least : 0;
}

bool set_out_words(const std::vector<const Glyph*>& line, double em) {
  using namespace layout_params;
  if (line.size() < kMinSetOutGlyphs) return false;
  double least = least_gap(line);
  if (least <= kSetOutMinGapEm * em) return false;
  size_t alike = 0, wide = 0;
  std::set<std::string> texts;
  for (size_t i = 1; i < line.size(); ++i)
    alike += line[i]->box.x0 - line[i - 1]->box.x1 - least <= kSetOutGapSpreadEm * em;
  for (const Glyph* g : line) {
    wide += is_wide(*g);
    texts.insert(g->text);
  }
  return alike * size_t(kSetOutAlikeShare.den) >= (line.size() - 1) * size_t(kSetOutAlikeShare.num) &&
         wide * 2 >= line.size() && texts.size() >= kMinSetOutDistinctGlyphs;
}

std::vector<Span> word_spans(const std::vector<const Glyph*>& line, double gap, double em) {
  if (!set_out_words(line, em)) return spans_of(line, gap);
  Box b = box_of(line);
  return {Span{b.x0, b.x1}};
}

std::string join_glyph_text(std::vector<const Glyph*> glyphs, const LayoutOptions& o) {
  if (glyphs.empty()) return {};
  if (glyphs.size() == 1) return glyphs[0]->text;  // one line of one glyph
  // Visual lines of a cell are kept apart by '\n': a heading and its
  // description, or a number that wrapped, are told apart downstream
  // (flatten_cell_text).
  std::string out;
  for (auto& vl : visual_lines(std::move(glyphs))) {
    if (!out.empty()) out += '\n';
    double em = em_of(vl);
    out += line_text(vl, em, o, letter_spacing(vl, em, o));
  }
  return out;
}

namespace {

// A full-width bracket, inked in one half of its box (JIS X 4051): a closing
// one in the left half (+1), an opening one in the right (-1); else 0. (A
// comma or a full stop too, but the sentence it stands in runs on past it.)
int inked_half(char32_t cp) {
  switch (cp) {
    case 0xFF09: case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0xFF5D: case 0x3009: case 0x300B:
      return 1;
    case 0xFF08: case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0xFF5B: case 0x3008: case 0x300A:
      return -1;
    default:
      return 0;
  }
}

}  // namespace

std::vector<Span> ink_spans_of(std::vector<const Glyph*> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  std::vector<Span> out;
  for (const Glyph* g : glyphs) {
    int half = is_wide(*g) ? inked_half(first_code_point(g->text)) : 0;
    double mid = (g->box.x0 + g->box.x1) / 2;
    Span ink{half < 0 ? mid : g->box.x0, half > 0 ? mid : g->box.x1};
    if (!out.empty() && ink.x0 <= out.back().x1) {
      out.back().x1 = std::max(out.back().x1, ink.x1);
      continue;
    }
    out.push_back(ink);
  }
  return out;
}

std::vector<Span> spans_of(std::vector<const Glyph*> glyphs, double gap) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  std::vector<Span> out;
  for (const Glyph* g : glyphs) {
    if (!out.empty() && g->box.x0 - out.back().x1 < gap) {
      out.back().x1 = std::max(out.back().x1, g->box.x1);
      continue;
    }
    out.push_back({g->box.x0, g->box.x1});
  }
  return out;
}

}  // namespace kpix::layout_parts
