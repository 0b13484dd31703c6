// Unit and scale words of KPI cells, as data: the counters the documents print
// after a number (人, 件, 世帯, 人泊 …) and the scale words before them
// (千, 万, 百万, 億). Entry points: match_scale, match_unit, parse_unit_hint.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpix {

struct ScaleWord {
  std::string_view word;  // 千, 万, 百万, 億 …
  int exponent;           // power of ten: 千 = 3
};

// The longest scale word at the start of `s`, or nullopt.
std::optional<ScaleWord> match_scale(std::string_view s);

// The longest unit word at the start of `s` (`人泊` before `人`), or an empty
// view. Latin units (`t`, `km`) match only when no Latin letter follows.
std::string_view match_unit(std::string_view s);

// A unit hint (`千人`, `百万円`, `%`, `千t`) split into its scale exponent and
// unit; nullopt when the text is not a known [scale]unit pair. An empty hint
// gives {0, ""}.
struct UnitHint {
  int exponent = 0;
  std::string unit;
};
std::optional<UnitHint> parse_unit_hint(std::string_view hint);

}  // namespace kpix
