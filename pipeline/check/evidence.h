// What a person looks at to settle a disagreement: for a PDF source, a PNG of
// the page around the row (the table's header row included when it is near),
// the cell outlined in red, the row in orange, a value of another year that
// was entered instead in blue; for converter text, the source line in its
// table with the header line, split into cells, the cell marked.
//
//   kpix::EvidenceMaker ev(matcher);
//   kpix::Evidence e = ev.make(*result.source, other);  // never throws
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/check/matcher.h"
#include "pipeline/model/document.h"

namespace kpix {

class PageSource;

struct Evidence {
  std::string png;      // PNG bytes of the crop (PDF sources)
  std::string caption;  // where it is, what the outlines mean
  struct TextRow {
    int line = 0;  // 1-based line of the text source; 0 for an elision row
    std::vector<std::string> cells;
    bool focus = false;   // the row of the value
    int focus_cell = -1;  // cell holding the value
    int other_cell = -1;  // cell holding the value of another year/role that was entered
  };
  std::vector<TextRow> rows;  // text sources
  std::string error;          // why nothing could be shown
  std::string path;           // the source file, for a link to it
  int page = 0;               // its PDF page (1-based); 0 for text
};

class EvidenceMaker {
 public:
  explicit EvidenceMaker(const Matcher& m, double max_width_px = 1400);
  ~EvidenceMaker();
  Evidence make(const SourceHit& hit, const std::optional<SourceHit>& other = std::nullopt);

 private:
  struct Marks;
  Evidence text_rows(const SourceHit& hit, const Marks& marks);  // converter text: the line in its table
  Evidence pdf_crop(const SourceHit& hit, const Marks& marks);   // PDF: a picture of the row
  const Page* page(int doc, int index);
  const Matcher& m_;
  double max_width_px_;
  std::map<int, std::unique_ptr<PageSource>> sources_;  // by document
  std::map<std::pair<int, int>, Page> pages_;            // (document, page index)
  std::map<int, std::string> open_errors_;
};

}  // namespace kpix
