// Table-driven cases of normalize_value: {cell, unit hint, era hint, expected
// Dump}, and the check each case gets. Dump is
//   status [number unit xscale] [q=qualifiers] [cum=N] [p=start-end/basis[/agg]]
// with unit `-` when empty.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "parsers/normalize/value.h"

namespace kpix {

inline std::string number_text(double d) {
  char buf[64];
  if (d == std::floor(d) && std::fabs(d) < 1e15)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
  else
    std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

inline std::string Dump(const Period& p) {
  std::string s = std::to_string(p.start) + "-" + std::to_string(p.end) + "/" + std::string(to_string(p.basis));
  if (p.agg != Agg::none) s += "/" + std::string(to_string(p.agg));
  if (!p.date.empty()) s += "/" + p.date;
  return s;
}

inline std::string Dump(const NormalizedValue& v) {
  std::string s(to_string(v.status));
  if (v.value) s += " " + v.number + " " + (v.unit.empty() ? "-" : v.unit) + " x" + std::to_string(v.scale);
  if (!v.qualifiers.empty()) {
    s += " q=";
    for (size_t i = 0; i < v.qualifiers.size(); ++i) s += (i ? "," : "") + v.qualifiers[i];
  }
  if (v.cumulative) s += " cum=" + number_text(*v.cumulative);
  if (v.period) s += " p=" + Dump(*v.period);
  return s;
}

struct ValueCase {
  const char* cell;
  const char* unit;
  const char* era;
  const char* want;
};

inline void check_value(const ValueCase& c) {
  ValueHints h;
  h.unit = c.unit;
  h.era = c.era;
  NormalizedValue v = normalize_value(c.cell, h);
  EXPECT_EQ(Dump(v), c.want) << "cell: " << c.cell << " unit hint: " << c.unit;
  EXPECT_EQ(v.raw, c.cell);
  // The double and the exact string are the same number; no value unless ok.
  if (v.status == ValueStatus::ok) {
    ASSERT_TRUE(v.value.has_value()) << c.cell;
    EXPECT_EQ(*v.value, std::strtod(v.number.c_str(), nullptr)) << c.cell;
  } else {
    EXPECT_FALSE(v.value.has_value()) << c.cell;
    EXPECT_TRUE(v.number.empty()) << c.cell;
  }
}

}  // namespace kpix
