// Converter text of any bytes through the text loader and the whole record
// builder: no crash, no sanitizer report, and every record valid JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/records/record_builder.h"
#include "pipeline/load/text_loader.h"
#include "tests/fuzz/record_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kpix::MunicipalityIndex municipalities;
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!kpix::valid_utf8(text)) return 0;  // TextSource refuses such files before parsing
  kpix::Page page = kpix::parse_converter_text(text);
  kpix::RecordBuilder builder;
  builder.add_page(page, /*from_text=*/true);
  kpix::DocumentInfo info;
  info.file_name = "fuzz.txt";
  info.sha256 = std::string(64, '0');  // the extractor sets it from the file
  kpix::fuzz::check_records(builder.finish(info, {}, municipalities));
  return 0;
}
