// Bounds on what a PDF's fonts may ask of Poppler before a page is read.
//
// Poppler (22.12) keeps one entry per code of every ToUnicode `bfrange` line
// whose target is a string of several characters, and never replaces one: a
// 1.6 kB PDF whose CMap maps <0000>-<ffff> 2,000 times asks for 131 M entries
// (some 7 GB), and Poppler's "Out of memory" is an abort() that ends the whole
// run, every other input of an ingest with it. So the maps are measured first,
// and a document over the bound is refused with one line, like any damaged PDF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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

// Throws InputError(path, …) naming the font when a ToUnicode map of a font
// reachable from `doc`'s pages (their resources, forms and Type 3 fonts)
// would map more than kMaxToUnicodeCodes codes or exceeds
// kMaxToUnicodeBytes. Each stream is read once.
void check_font_maps(PDFDoc& doc, const std::string& path);

}  // namespace kpix
