#include "pipeline/load/text_loader.h"

#include <sys/stat.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include <re2/re2.h>
#include <unicode/utf8.h>

#include "pipeline/model/error.h"
#include "pipeline/load/sha256.h"

namespace kpix {
namespace {

// Synthetic geometry for text input: a column is 100 units wide, a line 10
// high, so position-based code sees the same grid as tab indexes.
constexpr double kColumnPitch = 100, kLinePitch = 10;

}  // namespace

bool valid_utf8(std::string_view s) {
  int32_t i = 0, n = int32_t(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  auto space_at = [&](size_t i, bool from_end) -> size_t {
    // ASCII whitespace or U+3000 (3 bytes).
    if (!from_end) {
      if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) return 1;
      if (i + 3 <= s.size() && s.substr(i, 3) == "\u3000") return 3;
    } else {
      if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r' || s[i - 1] == '\n')) return 1;
      if (i >= 3 && s.substr(i - 3, 3) == "\u3000") return 3;
    }
    return 0;
  };
  while (size_t k = space_at(a, false)) a += k;
  while (b > a) {
    size_t k = space_at(b, true);
    if (!k) break;
    b -= k;
  }
  return std::string(s.substr(a, b - a));
}

}  // namespace

std::string strip_markup(std::string_view cell) {
  static const RE2 tag("<[^<>]*>");
  static const RE2 spaces("[ \\t]{2,}");
  struct Entity {
    const char* name;
    const char* text;
  };
  static constexpr Entity kEntities[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                         {"&#39;", "'"}, {"&nbsp;", " "}};
  std::string s(cell);
  if (s.find('<') != std::string::npos) RE2::GlobalReplace(&s, tag, " ");
  for (const Entity& e : kEntities) {
    size_t pos;
    while ((pos = s.find(e.name)) != std::string::npos) s.replace(pos, std::strlen(e.name), e.text);
  }
  size_t pos;
  while ((pos = s.find("**")) != std::string::npos) s.erase(pos, 2);
  RE2::GlobalReplace(&s, spaces, " ");
  return trim(s);
}

Page parse_converter_text(std::string_view text) {
  Page page;
  page.number = 1;
  std::istringstream in{std::string(text)};
  std::string raw;
  int line_no = 0, table = -1;
  bool in_table = false;
  double widest = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    bool tabbed = raw.find('\t') != std::string::npos;
    Line line;
    line.source_line = line_no;
    size_t start = 0;
    int col = 0;
    while (true) {
      size_t tab = raw.find('\t', start);
      std::string_view piece = std::string_view(raw).substr(start, tab == std::string::npos ? std::string::npos : tab - start);
      Cell c;
      c.text = strip_markup(piece);
      c.source_line = line_no;
      c.column = col;
      c.box = {col * kColumnPitch, line_no * kLinePitch, col * kColumnPitch + kColumnPitch * 0.9,
               line_no * kLinePitch + kLinePitch * 0.8};
      line.cells.push_back(std::move(c));
      ++col;
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    bool blank = true;
    for (auto& c : line.cells) blank = blank && c.text.empty();
    if (blank) {
      // A blank line ends a table only when no tabbed line follows at once;
      // converters put no blank lines inside tables.
      if (!tabbed) in_table = false;
      continue;
    }
    if (tabbed) {
      if (!in_table) ++table;
      in_table = true;
      line.table = table;
    } else {
      in_table = false;
      line.cells.resize(1);
    }
    line.box = line.cells.front().box.united(line.cells.back().box);
    widest = std::max(widest, line.box.x1);
    page.lines.push_back(std::move(line));
  }
  page.width = std::max(widest, kColumnPitch);
  page.height = (line_no + 1) * kLinePitch;
  return page;
}

TextSource::TextSource(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  text_ = ss.str();
  if (text_.empty()) throw InputError(path, "empty file");
  if (!valid_utf8(text_)) throw InputError(path, "not UTF-8 text");
  info_.sha256 = sha256_hex(text_);
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) text_.erase(0, 3);
  info_.path = path;
  auto slash = path.find_last_of('/');
  info_.file_name = slash == std::string::npos ? path : path.substr(slash + 1);
  info_.kind = SourceKind::text;
  info_.page_count = 1;
}

Page TextSource::load_page(int index) const { return parse_converter_text(text_); }

}  // namespace kpix
