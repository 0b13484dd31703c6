// The numbers of a value cell: each with its sign (▲, △, -), digits, scale
// words (`1億8,133万`), unit and rate (`人/日`), and the one that is the value
// when there are several. Internal to normalize_value (value.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/number.h"
#include "parsers/normalize/units.h"

namespace kpix::value_parts {

struct Reading {
  bool found = false;
  bool invalid = false;
  Decimal value;
  std::string unit;
  int exponent = 0;
  std::vector<std::string> warnings;
};

// The value of a text part (the main text or a `通算…` note), with the hint's
// unit and scale applied to a bare number. `found` is false when it has no
// number; `invalid` when the number cannot be right (a warning says why).
Reading read_number(std::string_view s, const UnitHint& hint);

}  // namespace kpix::value_parts
