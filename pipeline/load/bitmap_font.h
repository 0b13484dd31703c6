// A 5×7 pixel font of capital letters, digits and a little punctuation, for
// the labels `kpix inspect --png` writes beside what it draws. Drawn by hand
// for this project (bitmap_font.cc), so the pictures need no font file.
//
//   for (int row = 0; row < kGlyphRows; ++row)
//     if (glyph_pixel('A', x, row)) …
#pragma once

namespace kpix {

constexpr int kGlyphColumns = 5;
constexpr int kGlyphRows = 7;

// Whether pixel (x, y) of character `c` is ink; lower case reads as upper
// case, and a character without a glyph as `?`.
bool glyph_pixel(char c, int x, int y);

}  // namespace kpix
