// A real budget book whose 612 pages all name one font: the reader keeps
// Poppler's renderer (and the font) from its first page to its last
// (pipeline/load/renderer_key.h), and what it reads of each page, in any
// order, is what a reader new to the document reads of that page alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/samples/page_reading_in_turn.h"

namespace kpix {
namespace {

TEST(PageReaderReuse, BudgetBookPagesSharingOneFontReadAsAlone) {
  std::string book = std::string(KPIX_SOURCE_DIR) + "/../shared/realworld/fuji_r6_ippan_yosansho.pdf";
  if (!std::filesystem::exists(book)) GTEST_SKIP() << book << " is absent";
  testing::check_reading_in_turn(book, {0, 1, 2, 3, 4, 10, 11, 300, 301, 611, 5});
}

}  // namespace
}  // namespace kpix
