// Pages read in turn by one PageReader, which keeps Poppler's renderer for
// the next pages that name the same resources (pipeline/load/renderer_key.h),
// against each page read by a reader of its own: the two must be the same.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/load/page_reader.h"
#include "pipeline/load/pdf_loader.h"

namespace kpix::testing {

inline void expect_same(const PageContent& a, const PageContent& b, const std::string& where) {
  ASSERT_EQ(a.glyphs.size(), b.glyphs.size()) << where;
  for (size_t i = 0; i < a.glyphs.size(); ++i) {
    ASSERT_EQ(a.glyphs[i].text, b.glyphs[i].text) << where << " glyph " << i;
    ASSERT_EQ(a.glyphs[i].box.x0, b.glyphs[i].box.x0) << where << " glyph " << i;
    ASSERT_EQ(a.glyphs[i].box.y0, b.glyphs[i].box.y0) << where << " glyph " << i;
    ASSERT_EQ(a.glyphs[i].box.x1, b.glyphs[i].box.x1) << where << " glyph " << i;
    ASSERT_EQ(a.glyphs[i].box.y1, b.glyphs[i].box.y1) << where << " glyph " << i;
  }
  ASSERT_EQ(a.rules.size(), b.rules.size()) << where;
  for (size_t i = 0; i < a.rules.size(); ++i) {
    ASSERT_EQ(a.rules[i].horizontal, b.rules[i].horizontal) << where << " rule " << i;
    ASSERT_EQ(a.rules[i].pos, b.rules[i].pos) << where << " rule " << i;
    ASSERT_EQ(a.rules[i].from, b.rules[i].from) << where << " rule " << i;
    ASSERT_EQ(a.rules[i].to, b.rules[i].to) << where << " rule " << i;
  }
  EXPECT_EQ(a.images, b.images) << where;
  EXPECT_TRUE(std::equal(a.turns, a.turns + 4, b.turns)) << where;
}

// Pages `order` of `file` read in that order by one reader, against each
// read by a reader of its own.
inline void check_reading_in_turn(const std::string& file, std::vector<int> order) {
  PdfSource source(file);  // sets up Poppler's global parameters
  PageReader in_turn(file);
  for (int index : order) {
    PageReader alone(file);
    expect_same(in_turn.read(index), alone.read(index),
                std::filesystem::path(file).filename().string() + " page " + std::to_string(index + 1));
  }
}

}  // namespace kpix::testing
