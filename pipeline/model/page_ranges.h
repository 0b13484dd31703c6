// Which pages of a document to read, as pdftotext's and Camelot's users write
// them: `1,3-5,10-end`. Pages are 1-based; the selection is a set, read in the
// document's page order whatever order the ranges are written in.
//
//   auto r = kpix::parse_page_ranges("1,3-5");   // r.error empty when valid
//   std::vector<int> idx = kpix::select_pages(r.ranges, 12);   // {0, 2, 3, 4}
//
// Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kpix {

struct PageRange {
  int first = 1;
  int last = 1;  // kLastPage: the document's last page
  bool operator==(const PageRange&) const = default;
};

inline constexpr int kLastPage = -1;

struct ParsedPageRanges {
  std::vector<PageRange> ranges;
  std::string error;  // empty when the text is valid; else why not (`0`, `5-3`, `x`)
};

// `N`, `N-M` and `N-end`, separated by commas; spaces around them allowed.
// Errors: an empty text or item, a page 0, a reversed range, anything not a
// number.
ParsedPageRanges parse_page_ranges(std::string_view text);

// The 0-based indexes of the selected pages of a document of `page_count`
// pages, ascending and each once; every page when `ranges` is empty. A page
// past the end is an error: `past_end` is set to the first one named (the
// result is then empty).
std::vector<int> select_pages(const std::vector<PageRange>& ranges, int page_count, int* past_end = nullptr);

}  // namespace kpix
