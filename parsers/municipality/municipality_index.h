// Municipality names and their 全国地方公共団体コード: look-up by name, and
// detection of the municipality a document is about from its text.
//
//   kpix::MunicipalityIndex idx;                        // parses the shipped list once
//   auto hits = idx.by_name("池田町");                   // four bodies in four prefectures
//   auto d = idx.detect({"苫小牧市総合戦略推進会議", …});  // most mentioned name wins
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kpix {

struct Municipality {
  std::string code;  // 6 digits, check digit included
  std::string prefecture;
  std::string name;
  std::string type;  // prefecture | municipality | ward
};

struct MunicipalityMatch {
  std::string name;                      // as detected; empty when none
  std::vector<const Municipality*> candidates;  // more than one: ambiguous
  std::string warning;                   // why no single code was chosen
  const Municipality* chosen() const { return candidates.size() == 1 ? candidates[0] : nullptr; }
};

class MunicipalityIndex {
 public:
  MunicipalityIndex();
  std::vector<const Municipality*> by_name(std::string_view name) const;
  const Municipality* by_code(std::string_view code) const;
  // Resolves a name, narrowed by a prefecture named in `context` where the
  // name repeats across prefectures.
  MunicipalityMatch resolve(std::string_view name, std::string_view context = "") const;
  // Counts municipality names in `texts` (title lines first: they weigh more)
  // and resolves the most mentioned one.
  MunicipalityMatch detect(const std::vector<std::string>& texts, size_t title_lines = 5) const;

 private:
  std::vector<Municipality> all_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;
};

// True when the last digit of a 6-digit code is its check digit (JIS X 0401/0402).
bool valid_municipality_code(std::string_view code);

}  // namespace kpix
