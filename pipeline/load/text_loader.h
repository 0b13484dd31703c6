// Converter text (as in ../shared/seeds) to the page model: one page, one Line
// per text line with its 1-based line number, cells split at tabs. Runs of
// tab-separated lines are tables (Line::table); leftover HTML in a cell is
// reduced to its text.
//
// Entry point: TextSource. Throws InputError for missing, empty or non-UTF-8 files.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/model/document.h"
#include "pipeline/load/page_source.h"

namespace kpix {

class TextSource : public PageSource {
 public:
  explicit TextSource(const std::string& path);
  const DocumentInfo& info() const override { return info_; }
  Page load_page(int index) const override;

 private:
  DocumentInfo info_;
  std::string text_;
};

// True when `s` is well-formed UTF-8 (what TextSource requires of a file).
bool valid_utf8(std::string_view s);

// The page model of converter text held in memory (tests, fuzzing). Pure;
// `text` must be valid UTF-8.
Page parse_converter_text(std::string_view text);

// Tags removed (block tags and <br> become spaces), entities decoded, markdown
// emphasis `**` dropped, spaces collapsed and trimmed. Pure.
std::string strip_markup(std::string_view cell);

}  // namespace kpix
