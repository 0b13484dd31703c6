// Drawn table borders of one PDF page. poppler-cpp exposes no vector graphics,
// so this runs Poppler's core renderer with an output device that keeps only
// straight strokes and thin filled rectangles (Excel and Chromium draw borders
// as fills), in the same top-left, displayed coordinates as text_list.
//
// Entry point: RuleFinder::find(page_index). Returns merged horizontal and
// vertical rules; an empty list for pages without drawn lines.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/document.h"

class PDFDoc;

namespace kpix {

struct PageGraphics {
  std::vector<Rule> rules;
  int images = 0;  // images drawn; a page with images and no text is a scan
};

class RuleFinder {
 public:
  // Opens the file with Poppler's core API; throws InputError when it cannot.
  // Must be created while a poppler-cpp document is alive (it sets up Poppler's
  // global parameters).
  explicit RuleFinder(const std::string& path);
  ~RuleFinder();
  RuleFinder(const RuleFinder&) = delete;
  RuleFinder& operator=(const RuleFinder&) = delete;

  PageGraphics find(int page_index) const;

 private:
  std::unique_ptr<PDFDoc> doc_;
};

// Joins collinear pieces (a border drawn cell by cell) into whole rules. Pure.
std::vector<Rule> merge_rules(std::vector<Rule> rules);

}  // namespace kpix
