// Line (1-based) of every value in a JSON text, keyed by JSON pointer, for
// naming the line of a schema fault in a pretty-printed file.
//
//   kpix::JsonLineMap lines(text);
//   int line = lines.line_of("/0/values/2/status");
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kpix {

// `text` must be valid JSON; values of the top-level array are keyed /0, /1 …
class JsonLineMap {
 public:
  explicit JsonLineMap(const std::string& text, int first_line = 1);
  // Line of the deepest value on `pointer`'s path that exists in the text.
  int line_of(const std::string& pointer) const;

 private:
  std::vector<std::pair<std::string, int>> lines_;  // sorted by pointer
};

}  // namespace kpix
