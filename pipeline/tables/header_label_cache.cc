#include "pipeline/tables/header_label_cache.h"

#include "pipeline/tables/table_shape.h"

namespace kpix {

bool HeaderLabelCache::is_label(std::string_view text, std::string_view era) {
  if (era != era_) {
    answers_.clear();
    era_.assign(era);
  }
  if (auto it = answers_.find(text); it != answers_.end()) return it->second;
  bool label = is_header_label(text, era);
  answers_.emplace(std::string(text), label);
  return label;
}

}  // namespace kpix
