#include "pipeline/model/document.h"

namespace kpix {

std::string Line::text() const {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += '\t';
    out += cells[i].text;
  }
  return out;
}

}  // namespace kpix
