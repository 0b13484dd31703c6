// kpix diff's two forms of an EditionDiff (diff.h): text for a person, one
// block per shared KPI with both sources under each change; JSON Lines, one
// object per entry with both documents and both value objects (sources
// included), for programs.
#pragma once

#include <string>

#include "pipeline/dataset/diff.h"

namespace kpix {

struct DiffDocument {
  std::string file, sha256, date;
};

std::string diff_text(const EditionDiff& d, const DiffDocument& old_doc, const DiffDocument& new_doc);
std::string diff_jsonl(const EditionDiff& d, const DiffDocument& old_doc, const DiffDocument& new_doc);

// Where a value or record was read: `p. 7 [56.2 310 780.4 352.9]` or `line 245`.
std::string source_text(const nlohmann::json& source);

}  // namespace kpix
