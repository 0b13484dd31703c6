#include "pipeline/load/font_limits.h"

#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>

#include <cctype>

#include "pipeline/model/error.h"

namespace kpix {
namespace {

// Value of the hex string starting at s[i] == '<'; i moves past its '>'.
// Codes are at most four bytes; longer strings are targets, not codes.
long read_hex(std::string_view s, size_t& i) {
  long v = 0;
  int digits = 0;
  for (++i; i < s.size() && s[i] != '>'; ++i) {
    int c = static_cast<unsigned char>(s[i]);
    if (!std::isxdigit(c)) continue;
    if (++digits <= 8) v = v * 16 + (std::isdigit(c) ? c - '0' : (std::tolower(c) - 'a' + 10));
  }
  if (i < s.size()) ++i;
  return v;
}

void skip_space(std::string_view s, size_t& i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

// One `<lo> <hi> target` line at s[i]: the codes it maps, or -1 when s[i]
// starts no range (the section's end, or garbage Poppler skips as well).
long read_range(std::string_view s, size_t& i) {
  skip_space(s, i);
  if (i >= s.size() || s[i] != '<') return -1;
  long lo = read_hex(s, i);
  skip_space(s, i);
  if (i >= s.size() || s[i] != '<') return -1;
  long hi = read_hex(s, i);
  skip_space(s, i);
  if (i < s.size() && s[i] == '[') {  // an array of targets, one per code
    size_t end = s.find(']', i);
    i = end == std::string_view::npos ? s.size() : end + 1;
  } else if (i < s.size() && s[i] == '<') {
    read_hex(s, i);
  }
  return hi >= lo ? hi - lo + 1 : 0;
}

// One walk over a page's resources; `seen` outlives it (the guard's).
class FontMapCheck {
 public:
  FontMapCheck(const std::string& path, std::set<std::pair<int, int>>& seen) : path_(path), seen_(seen) {}

  void resources(Dict* res, int depth) {
    if (!res || depth > kMaxDepth) return;
    Object fonts = res->lookup("Font");
    if (fonts.isDict())
      for (int i = 0; i < fonts.getDict()->getLength(); ++i) {
        if (!first_visit(fonts.getDict()->getValNF(i))) continue;
        Object font = fonts.getDict()->getVal(i);
        if (font.isDict()) this->font(font.getDict(), fonts.getDict()->getKey(i), depth);
      }
    Object forms = res->lookup("XObject");
    if (forms.isDict())
      for (int i = 0; i < forms.getDict()->getLength(); ++i) {
        if (!first_visit(forms.getDict()->getValNF(i))) continue;
        Object form = forms.getDict()->getVal(i);
        if (!form.isStream()) continue;
        Object inner = form.getStream()->getDict()->lookup("Resources");
        if (inner.isDict()) resources(inner.getDict(), depth + 1);
      }
  }

 private:
  static constexpr int kMaxDepth = 8;  // forms in forms: deeper than any producer nests

  void font(Dict* font, const char* name, int depth) {
    if (first_visit(font->lookupNF("ToUnicode"))) {
      Object map = font->lookup("ToUnicode");
      if (map.isStream()) to_unicode(map.getStream(), name);
    }
    Object inner = font->lookup("Resources");  // a Type 3 font's glyphs draw with their own
    if (inner.isDict()) resources(inner.getDict(), depth + 1);
  }

  void to_unicode(Stream* stream, const char* name) {
    std::string text;
    stream->reset();
    unsigned char buf[1 << 14];
    for (int n; (n = stream->doGetChars(sizeof buf, buf)) > 0;) {
      text.append(reinterpret_cast<char*>(buf), size_t(n));
      if (text.size() > kMaxToUnicodeBytes) break;
    }
    stream->close();
    std::string font = std::string("font /") + name;
    if (text.size() > kMaxToUnicodeBytes)
      throw InputError(path_, font + ": its ToUnicode map is over " + std::to_string(kMaxToUnicodeBytes >> 20) +
                                  " MB, more than any font needs");
    if (count_bfrange_codes(text) > kMaxToUnicodeCodes)
      throw InputError(path_, font + ": its ToUnicode map maps more than " + std::to_string(kMaxToUnicodeCodes) +
                                  " codes, more than any font has");
  }

  // Objects shared by many pages (a font on every page) are read once;
  // direct objects have no identity and are always read.
  bool first_visit(const Object& maybe_ref) {
    if (!maybe_ref.isRef()) return true;
    Ref r = maybe_ref.getRef();
    return seen_.insert({r.num, r.gen}).second;
  }

  const std::string& path_;
  std::set<std::pair<int, int>>& seen_;
};

}  // namespace

long count_bfrange_codes(std::string_view cmap) {
  constexpr std::string_view kBegin = "beginbfrange", kEnd = "endbfrange";
  long codes = 0;
  for (size_t at = cmap.find(kBegin); at != std::string_view::npos; at = cmap.find(kBegin, at)) {
    size_t i = at + kBegin.size();
    for (long n; (n = read_range(cmap, i)) >= 0;) {
      codes += n;
      if (codes > kMaxToUnicodeCodes) return codes;
    }
    at = cmap.find(kEnd, i);
    if (at == std::string_view::npos) break;
  }
  return codes;
}

void FontMapGuard::check_page(PDFDoc& doc, int number) {
  FontMapCheck check(path_, seen_);
  if (Page* page = doc.getPage(number)) check.resources(page->getResourceDict(), 0);
}

}  // namespace kpix
