// libFuzzer target for normalize_value: any bytes as a cell, with the first
// byte choosing a unit hint and an era hint, must not crash or trip ASan/UBSan,
// and the result must keep the contract (value only when ok; number and value
// agree; qualifiers unique).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/normalize/value.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kUnits[] = {"", "人", "千人", "万人", "千円", "百万円", "%", "千t", "件", "(千円)", "-"};
  static const char* const kEras[] = {"", "令和", "平成", "R", "H", "S"};
  if (size == 0) return 0;
  kpix::ValueHints h;
  h.unit = kUnits[data[0] % (sizeof kUnits / sizeof *kUnits)];
  h.era = kEras[(data[0] / 16) % (sizeof kEras / sizeof *kEras)];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  kpix::NormalizedValue v = kpix::normalize_value(text, h);
  if (v.raw != text) std::abort();
  if ((v.status == kpix::ValueStatus::ok) != v.value.has_value()) std::abort();
  if (v.value && *v.value != std::strtod(v.number.c_str(), nullptr)) std::abort();
  for (size_t i = 0; i < v.qualifiers.size(); ++i)
    for (size_t j = i + 1; j < v.qualifiers.size(); ++j)
      if (v.qualifiers[i] == v.qualifiers[j]) std::abort();
  (void)v.to_json().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
