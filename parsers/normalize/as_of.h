// The day up to which a value counts, when the document says so
// (`※R6.12末時点`, `令和6年11月末現在`, `R7.3.31時点`): an ISO date
// (docs/records.md `as_of`).
//
//   kpix::find_as_of("79,092人 ※R6.11末時点")   // "2024-11-30"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpix {

// The first `…時点` / `…現在` date in `text` (any width; NFKC is applied),
// month ends resolved to their last day; nullopt when there is none.
std::optional<std::string> find_as_of(std::string_view text);

}  // namespace kpix
