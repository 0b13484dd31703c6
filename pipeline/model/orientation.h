// Pages whose text runs down the page (a landscape table on a page turned by
// /Rotate 90, or a page printed sideways): layout works in the frame where the
// text is upright, and boxes go back to the page as displayed afterwards.
//
// `turn` counts quarter turns clockwise of the text as displayed (Poppler's
// text_box::rotation): 0 upright, 1 running down, 2 upside down, 3 running up.
#pragma once

#include "pipeline/model/document.h"

namespace kpix {

struct Frame {
  int turn = 0;
  double width = 0, height = 0;  // of the page as displayed

  Box to_upright(const Box& b) const;
  Box from_upright(const Box& b) const;
  Rule to_upright(const Rule& r) const;
};

// A box of the page's upright frame on the page as displayed.
inline Box displayed_box(const Page& page, const Box& upright) {
  return Frame{page.text_turn, page.width, page.height}.from_upright(upright);
}

}  // namespace kpix
