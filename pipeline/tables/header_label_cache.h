// is_header_label's answers kept for one document. A budget book's tables
// repeat their header cells on every page and record building asks about
// the same cells twice (the header rows, then the stacked tables): of
// 7,153 asks on a 612-page book only 2,295 texts were new, and each answer
// costs an NFKC pass (ICU) and a dozen substring searches.
//
//   kpix::HeaderLabelCache labels;   // one per document, owned by its reader
//   labels.is_label("目標値", "令和");  // is_header_label(...), remembered
//
// Not safe to share between threads; no state outside the object.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace kpix {

class HeaderLabelCache {
 public:
  // is_header_label(text, era). The answers depend on the era (a bare `3年度`
  // is a period label only under one): a call with another era than the last
  // starts the cache afresh, which a document does once or never.
  bool is_label(std::string_view text, std::string_view era);
  size_t size() const { return answers_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string era_;
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> answers_;
};

}  // namespace kpix
