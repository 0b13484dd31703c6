// Generated pages: glyphs and rules decoded from the fuzz bytes go through
// layout analysis and then the table recognizers, as a PDF page would.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/records/record_builder.h"
#include "pipeline/layout/page_layout.h"

namespace {

// Glyph texts drawn from the shapes KPI tables use.
const char* const kTexts[] = {"基", "準", "値", "実", "績", "目", "標", "0", "1", "2", "3", ",", ".", "人", "件",
                              "千", "円", "%", "▲", "△", "R", "H", "年", "度", "(", ")", "～", "①", "区", "分",
                              "事", "業", "指", "K", "P", "I", "累", "計", "－", "—", "→", "※", "合", "名"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kpix::MunicipalityIndex municipalities;
  std::vector<kpix::Glyph> glyphs;
  std::vector<kpix::Rule> rules;
  // 5 bytes a glyph (kind/text, x, y, w, h) or a rule (kind, pos, from, length).
  for (size_t i = 0; i + 5 <= size; i += 5) {
    const uint8_t* b = data + i;
    if (b[0] < 200) {
      kpix::Glyph g;
      g.text = kTexts[b[0] % (sizeof kTexts / sizeof kTexts[0])];
      double x = b[1] * 3.0, y = b[2] * 3.0, w = 1 + b[3] % 20, h = 1 + b[4] % 40;
      g.box = {x, y, x + w, y + h};
      glyphs.push_back(g);
    } else {
      kpix::Rule r;
      r.horizontal = b[0] & 1;
      r.pos = b[1] * 3.0;
      r.from = b[2] * 3.0;
      r.to = r.from + b[3] * 3.0 + b[4];
      rules.push_back(r);
    }
  }
  kpix::Page page;
  page.number = 1;
  page.width = page.height = 800;
  page.lines = kpix::analyze_layout(glyphs, rules);
  kpix::RecordBuilder builder;
  builder.add_page(page, /*from_text=*/false);
  builder.add_page(page, /*from_text=*/false);  // a second page continues tables of the first
  kpix::DocumentInfo info;
  info.file_name = "fuzz.pdf";
  for (const kpix::KpiRecord& r : builder.finish(info, {}, municipalities)) (void)r.to_json().dump();
  return 0;
}
