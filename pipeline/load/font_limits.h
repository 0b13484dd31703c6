// Bounds on what a PDF's fonts may ask of Poppler before a page is read.
//
// Poppler (22.12) keeps one entry per code of every ToUnicode `bfrange` line
// whose target is a string of several characters, and never replaces one: a
// 1.6 kB PDF whose CMap maps <0000>-<ffff> 2,000 times asks for 131 M entries
// (some 7 GB), and Poppler's "Out of memory" is an abort() that ends the whole
// run, every other input of an ingest with it. So a page's maps are measured
// before the page is read or drawn, and a document with a font over the bound
// is refused with one line, like any damaged PDF.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>

class PDFDoc;

namespace kpix {

// A real font maps at most 65,536 two-byte codes (Adobe-Japan1 has ~23,000
// CIDs); sixteen times that is far past any font and still some 50 MB in
// Poppler.
constexpr long kMaxToUnicodeCodes = 1L << 20;
// A full two-byte ToUnicode map written out code by code is about 1.5 MB.
constexpr size_t kMaxToUnicodeBytes = size_t(16) << 20;

// Codes the `beginbfrange … endbfrange` sections of a CMap's text map, summed
// over their lines (a code mapped twice counts twice, as Poppler stores it).
// Pure; stops counting past kMaxToUnicodeCodes.
long count_bfrange_codes(std::string_view cmap);

// The fonts of one reader's pages, measured before Poppler builds them:
// each page's fonts (its resources, forms and Type 3 fonts) as the page is
// about to be read, so that the cost falls on the thread reading the page and
// only pages read pay it. A font's map shared by many pages (one object) is
// read once per guard.
class FontMapGuard {
 public:
  explicit FontMapGuard(std::string path) : path_(std::move(path)) {}

  // Throws InputError(path, …) naming the font when a ToUnicode map of a font
  // reachable from page `number` (1-based) of `doc` would map more than
  // kMaxToUnicodeCodes codes or exceeds kMaxToUnicodeBytes.
  void check_page(PDFDoc& doc, int number);

 private:
  std::string path_;
  std::set<std::pair<int, int>> seen_;  // objects (num, gen) already read
};

}  // namespace kpix
