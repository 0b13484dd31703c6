// PDF bytes through the loader (Poppler, the page reader, layout) and the
// record builder: bad input is an InputError, never a crash.
// scripts/fuzz seeds it with small one-page PDFs (tests/data/fuzz-seeds/pdf/
// and page extracts made at fuzz time) and a dictionary of PDF tokens
// (tests/fuzz/pdf.dict).
#include <poppler-global.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "pipeline/records/record_builder.h"
#include "pipeline/model/error.h"
#include "pipeline/layout/page_layout.h"
#include "pipeline/load/pdf_loader.h"
#include "tests/fuzz/record_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kpix::MunicipalityIndex municipalities;
  // Poppler's complaints about damaged input, silenced as `kpix` does: a
  // line for each oddity of each run would bury the sanitizer's report.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  static const std::string path = "/tmp/kpix-pdf-fuzz-" + std::to_string(::getpid()) + ".pdf";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    kpix::PdfSource pdf(path);
    kpix::RecordBuilder builder;
    for (int i = 0; i < pdf.info().page_count; ++i) builder.add_page(lay_out_page(pdf.load_page(i)), false);
    kpix::fuzz::check_records(builder.finish(pdf.info(), {}, municipalities));
  } catch (const kpix::InputError&) {
  }
  return 0;
}
