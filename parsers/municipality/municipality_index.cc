#include "parsers/municipality/municipality_index.h"

#include <algorithm>
#include <map>

#include "parsers/municipality/municipality_data.h"

namespace kpix {
namespace {

// Characters a municipality name ends with; the body before it is 1–6 characters.
constexpr std::string_view kSuffixes[] = {"市", "町", "村", "区"};
constexpr int kMaxNameChars = 7;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

// Byte offsets of the UTF-8 characters of s.
std::vector<size_t> char_starts(std::string_view s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  return out;
}

}  // namespace

bool valid_municipality_code(std::string_view code) {
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  int sum = 0;
  for (int i = 0; i < 5; ++i) sum += (code[i] - '0') * (6 - i);
  int check = (11 - sum % 11) % 10;
  return code[5] - '0' == check;
}

MunicipalityIndex::MunicipalityIndex() {
  for (std::string_view row : split(municipality_table(), '\n')) {
    auto f = split(row, '\t');
    if (f.size() != 4) continue;
    all_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3])});
  }
  for (size_t i = 0; i < all_.size(); ++i)
    if (all_[i].type != "prefecture") by_name_[all_[i].name].push_back(i);
}

std::vector<const Municipality*> MunicipalityIndex::by_name(std::string_view name) const {
  std::vector<const Municipality*> out;
  auto it = by_name_.find(std::string(name));
  if (it != by_name_.end())
    for (size_t i : it->second) out.push_back(&all_[i]);
  return out;
}

const Municipality* MunicipalityIndex::by_code(std::string_view code) const {
  for (const auto& m : all_)
    if (m.code == code) return &m;
  return nullptr;
}

MunicipalityMatch MunicipalityIndex::resolve(std::string_view name, std::string_view context) const {
  MunicipalityMatch m;
  m.name = std::string(name);
  m.candidates = by_name(name);
  if (m.candidates.empty()) {
    m.warning = "unknown municipality " + m.name;
    return m;
  }
  if (m.candidates.size() > 1) {
    std::vector<const Municipality*> narrowed;
    for (const Municipality* c : m.candidates)
      if (context.find(c->prefecture) != std::string_view::npos) narrowed.push_back(c);
    if (narrowed.size() == 1) {
      m.candidates = narrowed;
    } else {
      std::string prefs;
      for (const Municipality* c : m.candidates) prefs += (prefs.empty() ? "" : ", ") + c->prefecture;
      m.warning = m.name + " is ambiguous (" + prefs + "); give --municipality or --code";
    }
  }
  return m;
}

MunicipalityMatch MunicipalityIndex::detect(const std::vector<std::string>& texts, size_t title_lines) const {
  std::map<std::string, double> score;
  std::string context;
  for (size_t t = 0; t < texts.size(); ++t) {
    std::string_view s = texts[t];
    context += texts[t];
    context += '\n';
    double weight = t < title_lines ? 5.0 : 1.0;
    auto starts = char_starts(s);
    for (size_t ci = 1; ci < starts.size(); ++ci) {
      size_t end = ci + 1 < starts.size() ? starts[ci + 1] : s.size();
      std::string_view last = s.substr(starts[ci], end - starts[ci]);
      if (std::find(std::begin(kSuffixes), std::end(kSuffixes), last) == std::end(kSuffixes)) continue;
      // `中央市場`, `市街地`: 市 begins a word there, it does not end a name.
      std::string_view next = end < s.size() ? s.substr(end, ci + 2 < starts.size() ? starts[ci + 2] - end : s.size() - end) : "";
      if (last == "市" && (next == "場" || next == "街")) continue;
      // Longest name first, so 上砂川町 is not read as 砂川町.
      for (int len = std::min<int>(kMaxNameChars, int(ci) + 1); len >= 2; --len) {
        std::string name(s.substr(starts[ci + 1 - len], end - starts[ci + 1 - len]));
        if (by_name_.count(name)) {
          score[name] += weight;
          break;
        }
      }
    }
  }
  if (score.empty()) {
    MunicipalityMatch m;
    m.warning = "no municipality named in the document";
    return m;
  }
  auto best = std::max_element(score.begin(), score.end(), [](auto& a, auto& b) { return a.second < b.second; });
  return resolve(best->first, context);
}

}  // namespace kpix
