// Records a table family reads from made-up converter text (tabs between
// cells), for table-driven tests of the families.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/records/record_builder.h"
#include "pipeline/load/text_loader.h"

namespace kpix {

inline std::vector<KpiRecord> records_from_text(std::string_view text) {
  RecordBuilder b;
  b.add_page(parse_converter_text(text), true);
  MunicipalityIndex m;
  return b.finish(DocumentInfo{}, {}, m);
}

}  // namespace kpix
