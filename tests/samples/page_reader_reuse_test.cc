// A reader keeps Poppler's renderer, and the fonts it built, for the next
// pages that name the same resources (pipeline/load/renderer_key.h): what
// it reads of a page, in any order, must be what a reader new to the
// document reads of that page alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/load/pdf_loader.h"
#include "tests/samples/page_reading_in_turn.h"
#include "tests/samples/sample_paths.h"

namespace kpix {
namespace {

using testing::samples_dir;
using testing::check_reading_in_turn;

std::vector<int> first_pages(const std::string& file, int most) {
  PdfSource source(file);
  std::vector<int> order(size_t(std::min(source.info().page_count, most)));
  for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
  return order;
}

TEST(PageReaderReuse, SamplePagesInTurnAndBackwardsReadAsAlone) {
  for (const auto& e : std::filesystem::directory_iterator(samples_dir() + "/pdf")) {
    if (e.path().extension() != ".pdf") continue;
    std::vector<int> order = first_pages(e.path().string(), 12);
    check_reading_in_turn(e.path().string(), order);
    std::reverse(order.begin(), order.end());
    check_reading_in_turn(e.path().string(), order);
  }
}

}  // namespace
}  // namespace kpix
