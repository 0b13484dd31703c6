// What every loader offers the stages after it: document facts and pages,
// loaded one at a time. A PDF page comes with its glyphs and drawn rules
// (layout makes lines of them); converter text comes as lines and cells
// already.
//
//   auto src = kpix::open_source("report.pdf");   // or a converter .txt
//   for (int i = 0; i < src->info().page_count; ++i) use(src->load_page(i));
#pragma once

#include <memory>
#include <string>

#include "pipeline/model/document.h"

namespace kpix {

class PageSource {
 public:
  virtual ~PageSource() = default;
  virtual const DocumentInfo& info() const = 0;
  // 0-based. Throws InputError when the page cannot be read.
  virtual Page load_page(int index) const = 0;
};

// A PDF (by its %PDF header) or converter text (anything else that is UTF-8
// text). Throws InputError naming the file and the problem.
std::unique_ptr<PageSource> open_source(const std::string& path);

}  // namespace kpix
