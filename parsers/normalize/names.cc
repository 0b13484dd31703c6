#include "parsers/normalize/names.h"

#include <re2/re2.h>

#include <vector>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

// Circled numbers ①…⑳ are U+2460…U+2473; parenthesized ⑴…⒇ U+2474…U+2487.
int circled_value(std::string_view s) {
  if (s.size() < 3) return 0;
  unsigned char a = s[0], b = s[1], c = s[2];
  if (a != 0xE2 || b != 0x91) return 0;
  if (c >= 0xA0 && c <= 0xB3) return c - 0xA0 + 1;  // ①..⑳
  if (c >= 0xB4 && c <= 0xBF) return c - 0xB4 + 1;  // ⑴..⑿ (first part)
  return 0;
}

}  // namespace

int leading_marker_number(std::string_view s) {
  std::string t = normalize_text(s);
  if (int n = circled_value(t)) return n;
  static const RE2 paren("^[(（]\\s*(\\d{1,2})\\s*[)）]");
  int n = 0;
  if (RE2::PartialMatch(t, paren, &n)) return n;
  return 0;
}

// Names are plain NFKC (records.md): the full-width tilde that
// normalize_text keeps for ranges becomes `~` in a name.
std::string name_text(std::string_view raw) {
  std::string t = normalize_text(raw);
  for (size_t p = t.find("～"); p != std::string::npos; p = t.find("～", p)) t.replace(p, 3, "~");
  return t;
}

CleanName clean_indicator(std::string_view raw) {
  CleanName out;
  std::string t = name_text(raw);
  out.marker = leading_marker_number(t);
  t = strip_list_marker(t);
  t = remove_layout_spaces(t);
  // A reference mark to a note (`「評価する」の回答割合※4`) is not part of the name.
  static const RE2 note_mark("※\\d*$");
  RE2::Replace(&t, note_mark, "");
  // `（5段階評価）`: a score on a scale, counted in points.
  static const RE2 scale("^(.+?)\\((\\d+)段階評価\\)$");
  std::string head, steps;
  if (RE2::FullMatch(t, scale, &head, &steps)) {
    out.name = head;
    out.unit = "点";
    return out;
  }
  IndicatorName split = split_indicator_unit(t);
  out.name = split.name;
  out.unit = split.unit;
  return out;
}

std::string clean_project(std::string_view raw) {
  std::string t = normalize_text(raw);
  // Notes that follow a project name: `※地方創生推進交付金事業`, `（再掲）`.
  if (auto pos = t.find("※"); pos != std::string::npos) t = t.substr(0, pos);
  t = strip_list_marker(t);
  // A description after the name (芦別's 具体的な施策 cells) follows the first
  // space and is long; two project names in one cell are each short and end
  // in 事業 (岩見沢's `シティプロモーション推進事業 広報活動事業`).
  size_t space = t.find(' ');
  if (space != std::string::npos) {
    std::string rest = t.substr(space + 1);
    if (rest.size() >= 60) {
      t = t.substr(0, space);
    } else {
      std::vector<std::string> parts;
      size_t start = 0;
      bool all_projects = true;
      while (start <= t.size()) {
        size_t end = t.find(' ', start);
        std::string part = t.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty()) {
          all_projects = all_projects && part.size() >= 6 && part.compare(part.size() - 6, 6, "事業") == 0;
          parts.push_back(part);
        }
        if (end == std::string::npos) break;
        start = end + 1;
      }
      if (parts.size() > 1 && all_projects) {
        std::string joined;
        for (auto& p : parts) joined += (joined.empty() ? "" : "、") + p;
        return joined;
      }
    }
  }
  return remove_layout_spaces(t);
}

NamedValue split_named_value(std::string_view cell) {
  std::string t = remove_layout_spaces(normalize_text(cell));
  // A name of two or more characters, a space, then something that starts
  // like a value (a digit, a sign, 全/年/約 before digits, n年間で).
  // The space may be missing where the PDF gave no gap wide enough.
  static const RE2 named("^([^\\d\\s▲△-]\\S+?) *((?:全|年|約|累計|通算)?[-▲△]?\\d.*|\\d+年間で.*)$");
  NamedValue out;
  std::string name, value;
  if (RE2::FullMatch(t, named, &name, &value)) {
    out.name = remove_layout_spaces(name);
    out.value = value;
  } else {
    out.value = t;
  }
  return out;
}

}  // namespace kpix
