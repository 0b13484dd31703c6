// parse_page_ranges and select_pages: the `--pages` option of extract and
// ingest. Dump of a parse: the ranges as `first-last` (`end` for the last
// page), or `error: <message>`.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/model/page_ranges.h"

namespace kpix {
namespace {

std::string Dump(const ParsedPageRanges& p) {
  if (!p.error.empty()) return "error: " + p.error;
  std::string s;
  for (const PageRange& r : p.ranges) {
    if (!s.empty()) s += ",";
    s += std::to_string(r.first) + "-" + (r.last == kLastPage ? std::string("end") : std::to_string(r.last));
  }
  return s;
}

struct ParseCase {
  const char* text;
  const char* want;
};

TEST(PageRanges, ParsesListsAndRejectsBadOnes) {
  const ParseCase cases[] = {
      {"1", "1-1"},
      {"1,3-5", "1-1,3-5"},
      {" 2 , 7 - 9 ", "2-2,7-9"},
      {"10-end", "10-end"},
      {"5-5", "5-5"},
      {"4,1-2", "4-4,1-2"},
      {"", "error: an empty page range"},
      {"1,,3", "error: an empty page range"},
      {"3,", "error: an empty page range"},
      {"0", "error: '0': pages are numbered from 1"},
      {"0-3", "error: '0-3': pages are numbered from 1"},
      {"5-3", "error: '5-3' is reversed"},
      {"x", "error: 'x' is not a page number"},
      {"-3", "error: '-3' is not a page range (N, N-M or N-end)"},
      {"3-", "error: '3-' is not a page range (N, N-M or N-end)"},
      {"1-2-3", "error: '1-2-3' is not a page range (N, N-M or N-end)"},
      {"end", "error: 'end' is not a page number"},
      {"1.5", "error: '1.5' is not a page number"},
      {"9999999999", "error: '9999999999' is not a page number"},
  };
  for (const ParseCase& c : cases) EXPECT_EQ(Dump(parse_page_ranges(c.text)), c.want) << "text: '" << c.text << "'";
}

struct SelectCase {
  const char* text;  // "" for no ranges: every page
  int pages;
  std::vector<int> want;  // 0-based
  int past_end;           // 0 when none
};

TEST(PageRanges, SelectsPagesInDocumentOrderOnce) {
  const SelectCase cases[] = {
      {"", 3, {0, 1, 2}, 0},
      {"1,3-5", 6, {0, 2, 3, 4}, 0},
      {"4,1-2", 5, {0, 1, 3}, 0},
      {"2-4,3", 5, {1, 2, 3}, 0},
      {"2-end", 4, {1, 2, 3}, 0},
      {"4-end", 4, {3}, 0},
      {"1,7", 6, {}, 7},
      {"5-9", 6, {}, 9},
      {"8-end", 6, {}, 8},
  };
  for (const SelectCase& c : cases) {
    std::vector<PageRange> ranges;
    if (*c.text) {
      ParsedPageRanges p = parse_page_ranges(c.text);
      ASSERT_TRUE(p.error.empty()) << c.text;
      ranges = p.ranges;
    }
    int past_end = 0;
    EXPECT_EQ(select_pages(ranges, c.pages, &past_end), c.want) << c.text;
    EXPECT_EQ(past_end, c.past_end) << c.text;
  }
}

}  // namespace
}  // namespace kpix
