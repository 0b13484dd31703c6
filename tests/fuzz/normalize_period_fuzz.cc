// libFuzzer target for normalize_period and find_period: any bytes as a label
// (first byte picks the era hint) must not crash or trip ASan/UBSan, and every
// period read must stay in the schema's year range with start <= end.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/normalize/period.h"
#include "parsers/normalize/text.h"

namespace {
void check(const std::optional<kpix::Period>& p) {
  if (!p) return;
  if (p->start > p->end || p->start < 1868 || p->end > 2200) std::abort();
  if (!p->date.empty() && p->date.size() != 10) std::abort();
  (void)p->to_json().dump();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kEras[] = {"", "令和", "平成", "昭和", "R", "H", "S", "X"};
  if (size == 0) return 0;
  std::string_view era = kEras[data[0] % (sizeof kEras / sizeof *kEras)];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  check(kpix::normalize_period(text, era));
  check(kpix::find_period(text, era));
  std::string n = kpix::normalize_text(text);
  size_t b = 0, e = 0;
  for (bool strict : {false, true}) {
    auto p = kpix::find_period_span(n, era, b, e, strict);
    check(p);
    if (p && (b > e || e > n.size())) std::abort();
  }
  // The other text helpers share the input.
  (void)kpix::strip_list_marker(n);
  (void)kpix::remove_layout_spaces(n);
  (void)kpix::split_indicator_unit(n);
  return 0;
}
