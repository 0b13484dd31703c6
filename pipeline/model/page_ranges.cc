#include "pipeline/model/page_ranges.h"

#include <algorithm>
#include <charconv>

namespace kpix {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// A page number of one to nine digits, or `end` where `end_allowed`.
bool read_page(std::string_view s, bool end_allowed, int& out) {
  s = trim(s);
  if (end_allowed && s == "end") {
    out = kLastPage;
    return true;
  }
  if (s.empty() || s.size() > 9) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string parse_item(std::string_view item, PageRange& r) {
  item = trim(item);
  if (item.empty()) return "an empty page range";
  std::string quoted = "'" + std::string(item) + "'";
  size_t dash = item.find('-');
  if (dash == std::string_view::npos) {
    if (!read_page(item, false, r.first)) return quoted + " is not a page number";
    r.last = r.first;
  } else if (!read_page(item.substr(0, dash), false, r.first) || !read_page(item.substr(dash + 1), true, r.last)) {
    return quoted + " is not a page range (N, N-M or N-end)";
  }
  if (r.first == 0 || r.last == 0) return quoted + ": pages are numbered from 1";
  if (r.last != kLastPage && r.last < r.first) return quoted + " is reversed";
  return "";
}

}  // namespace

ParsedPageRanges parse_page_ranges(std::string_view text) {
  ParsedPageRanges out;
  size_t from = 0;
  while (true) {
    size_t comma = text.find(',', from);
    std::string_view item = text.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
    PageRange r;
    out.error = parse_item(item, r);
    if (!out.error.empty()) {
      out.ranges.clear();
      return out;
    }
    out.ranges.push_back(r);
    if (comma == std::string_view::npos) return out;
    from = comma + 1;
  }
}

std::vector<int> select_pages(const std::vector<PageRange>& ranges, int page_count, int* past_end) {
  std::vector<int> out;
  if (ranges.empty()) {
    for (int i = 0; i < page_count; ++i) out.push_back(i);
    return out;
  }
  for (const PageRange& r : ranges) {
    int last = r.last == kLastPage ? page_count : r.last;
    if (std::max(r.first, last) > page_count) {
      if (past_end) *past_end = std::max(r.first, last);
      return {};
    }
    for (int p = r.first; p <= last; ++p) out.push_back(p - 1);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace kpix
