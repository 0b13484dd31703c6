#include "pipeline/load/page_reader.h"

// The text word list API of TextOutputDev; Poppler itself is built with it.
#define TEXTOUT_WORD_LIST 1

#include <Annot.h>
#include <Catalog.h>
#include <Gfx.h>
#include <GfxState.h>
#include <PDFDoc.h>
#include <Page.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <map>
#include <utility>
#include <vector>

#include "pipeline/model/error.h"
#include "pipeline/load/glyph_dedup.h"
#include "pipeline/load/glyph_order.h"
#include "pipeline/load/renderer_key.h"
#include "pipeline/load/rule_finder.h"

namespace kpix {
namespace {

// Poppler's text device (the one text_list uses) that also keeps the paths it
// is shown: TextOutputDev asks for no non-text drawing, so it is asked here.
// Not in raw order, though Poppler's reading-order pass (TextPage::coalesce,
// 13% of all instructions on a 612-page budget book) builds lines kpix does
// not use: merging a line's words, it widens each glyph's box to where the
// next glyph of the word starts, so text set with letter spacing (均等割付)
// reads as one word; raw order's boxes end at each glyph's advance, and
// layout then put spaces between its characters (`一 般 会 計 予 算 書`).
class TextAndRulesDev : public TextOutputDev {
 public:
  TextAndRulesDev()
      : TextOutputDev(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false, /*append=*/false) {}
  // The page being shown collects the paths; none between pages.
  void set_target(PageContent* out) { out_ = out; }
  bool needNonText() override { return true; }
  void stroke(GfxState* state) override {
    if (out_) collect_path_rules(state, false, out_->rules);
    TextOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    if (out_) collect_path_rules(state, true, out_->rules);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    if (out_) collect_path_rules(state, true, out_->rules);
    TextOutputDev::eoFill(state);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* colorMap,
                 bool interpolate, const int* maskColors, bool inlineImg) override {
    if (out_) ++out_->images;
    OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
  }

 private:
  PageContent* out_ = nullptr;
};

// UTF-8 of one code point.
void append_utf8(std::string& s, unsigned int cp) {
  if (cp < 0x80) {
    s += char(cp);
  } else if (cp < 0x800) {
    s += char(0xC0 | (cp >> 6));
    s += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += char(0xE0 | (cp >> 12));
    s += char(0x80 | ((cp >> 6) & 0x3F));
    s += char(0x80 | (cp & 0x3F));
  } else {
    s += char(0xF0 | (cp >> 18));
    s += char(0x80 | ((cp >> 12) & 0x3F));
    s += char(0x80 | ((cp >> 6) & 0x3F));
    s += char(0x80 | (cp & 0x3F));
  }
}

// The page's size and turn as poppler-cpp's page_rect(crop_box) and
// orientation() give them (the numbers of the records' boxes depend on them,
// to the last bit): rectf keeps x2 = x1 + w, so its width is (x1 + w) - x1.
bool read_geometry(PDFDoc& doc, int page_index, PageContent& c) {
  if (page_index < 0 || page_index >= doc.getNumPages()) return false;
  ::Page* page = doc.getPage(page_index + 1);
  if (!page) return false;
  const PDFRectangle* r = page->getCropBox();
  double w = (r->x1 + (r->x2 - r->x1)) - r->x1, h = (r->y1 + (r->y2 - r->y1)) - r->y1;
  int rotate = page->getRotate();
  c.rotation = rotate == 90 || rotate == 180 || rotate == 270 ? rotate : 0;
  // Boxes of text are in displayed space; the crop box is not turned.
  bool quarter = c.rotation == 90 || c.rotation == 270;
  c.width = quarter ? h : w;
  c.height = quarter ? w : h;
  return true;
}

}  // namespace

// The text device and the renderer kept from one page to the next: Poppler's
// Page::displaySlice made a renderer per page, and with it every font the
// page's resources name (renderer_key.h). The renderer made for a page shows
// the pages after it with its geometry as displaySlice would: each page's
// content between a saved and restored state, then its annotations, the
// device told of the page's start (and the renderer's default matrix and
// state, as a new renderer tells it) and end. Names a page binds that the
// renderer does not know yet are added to it as a resource layer of their
// own (Gfx::pushResources: Poppler looks names up through the layers), so
// each font is built once; a name bound elsewhere to another object, or
// kMaxResourceLayers layers, make a new renderer. Not with optional
// content: a page's marked content left open could hide the next one's text.
struct PageReader::KeptRenderer {
  TextAndRulesDev dev;
  std::unique_ptr<Gfx> gfx;  // made after dev, destroyed before it (its end of page)
  PageGeometry geometry;     // of the page the renderer was made for
  std::map<std::pair<std::string, std::string>, Ref> bound;  // (category, name) -> object, all layers
  std::vector<Object> layers;  // the dictionaries pushed, alive while gfx is

  void bind(const std::vector<ResourceBinding>& names) {
    for (const auto& [category, name, num, gen] : names) bound[{category, name}] = Ref{num, gen};
  }
  // The renderer gone, then the layers it looked names up in.
  void drop() {
    gfx.reset();
    layers.clear();
    bound.clear();
  }
};

namespace {

// Layers a renderer may grow to before a new one is made: each name looked
// up goes down through them.
constexpr size_t kMaxResourceLayers = 32;

// A resource dictionary of the `names` (category, name, object) given.
Object resource_layer(XRef* xref, const std::vector<ResourceBinding>& names) {
  std::map<std::string, Dict*> by_category;
  Object top(new Dict(xref));
  for (const auto& [category, name, num, gen] : names) {
    Dict*& d = by_category[category];
    if (!d) {
      d = new Dict(xref);
      top.getDict()->add(category.c_str(), Object(d));
    }
    d->add(name.c_str(), Object(Ref{num, gen}));
  }
  return top;
}

}  // namespace

PageReader::PageReader(const std::string& path) : path_(path), fonts_(path) {
  doc_ = std::make_unique<PDFDoc>(std::make_unique<GooString>(path.c_str()));
  if (!doc_->isOk()) throw InputError(path, "damaged PDF: Poppler cannot read it");
  // Poppler's page tree walked once, in order, to its last page: a reader
  // that reads pages on demand (a worker's, given every other page) had
  // Catalog::cachePageTree go through the tree's objects again on every
  // call, 2.8 G instructions on a 408-page budget book read with -j 2.
  doc_->getPage(doc_->getNumPages());
  kept_ = std::make_unique<KeptRenderer>();
  keeps_renderer_ = doc_->getCatalog() && !doc_->getCatalog()->getOptContentConfig();
}

void PageReader::check_fonts(int page_index) { fonts_.check_page(*doc_, page_index + 1); }

PageReader::~PageReader() = default;

PageContent PageReader::read(int page_index) {
  PageContent c = read_raw(page_index);
  finish_content(c);
  return c;
}

void finish_content(PageContent& c) {
  sort_by_position(c.glyphs);
  c.glyphs = remove_duplicate_glyphs(std::move(c.glyphs));
  c.rules = merge_rules(std::move(c.rules));
}

PageContent PageReader::read_raw(int page_index) {
  PageContent c;
  if (!read_geometry(*doc_, page_index, c))
    throw InputError(path_, "page " + std::to_string(page_index + 1) + " cannot be read");
  check_fonts(page_index);
  ::Page* page = doc_->getPage(page_index + 1);
  XRef* xref = doc_->getXRef();
  std::optional<RendererKey> key = keeps_renderer_ ? renderer_key(*page, xref) : std::nullopt;
  TextAndRulesDev& dev = kept_->dev;
  // The names the kept renderer must learn for this page; any bound there
  // to another object makes a new renderer.
  std::vector<ResourceBinding> unknown;
  bool fits = key && kept_->gfx && key->geometry == kept_->geometry;
  for (size_t i = 0; fits && i < key->names.size(); ++i) {
    const auto& [category, name, num, gen] = key->names[i];
    auto it = kept_->bound.find({category, name});
    if (it == kept_->bound.end()) unknown.push_back(key->names[i]);
    else if (it->second != Ref{num, gen}) fits = false;
  }
  if (fits && !unknown.empty() && kept_->layers.size() >= kMaxResourceLayers) fits = false;
  if (fits) {
    if (!unknown.empty()) {
      kept_->layers.push_back(resource_layer(xref, unknown));
      kept_->gfx->pushResources(kept_->layers.back().getDict());
      kept_->bind(unknown);
    }
    GfxState* state = kept_->gfx->getState();
    dev.startPage(page_index + 1, state, xref);
    dev.setDefaultCTM(state->getCTM());
    dev.updateAll(state);
  } else {
    kept_->drop();
    // The parameters of poppler-cpp's text_list: 72 dpi, the page's own
    // rotation, no media box, no crop; but the document's own XRef, not a
    // copy per page (poppler-cpp's copy is for pages shown from several
    // threads; each reader here is one thread's): copying and freeing it was
    // 1% of all instructions on a 612-page budget book.
    kept_->gfx.reset(page->createGfx(&dev, 72, 72, 0, false, false, -1, -1, -1, -1, false, nullptr, nullptr, xref));
    if (key) {
      kept_->geometry = key->geometry;
      kept_->bind(key->names);
    }
  }
  dev.set_target(&c);
  page->display(kept_->gfx.get());
  for (Annot* annot : page->getAnnots()->getAnnots()) annot->draw(kept_->gfx.get(), false);
  dev.endPage();
  dev.set_target(nullptr);
  if (std::unique_ptr<TextWordList> words = dev.makeWordList()) {
    c.glyphs.reserve(size_t(words->getLength()) * 4);
    for (int i = 0; i < words->getLength(); ++i) {
      const TextWord* w = words->get(i);
      c.turns[w->getRotation() & 3] += w->getLength();
      for (int j = 0; j < w->getLength(); ++j) {
        unsigned int cp = *w->getChar(j);
        if (cp == 0x20 || cp == 0x3000) continue;  // Poppler's own whitespace: layout decides spaces
        Glyph g;
        append_utf8(g.text, cp);
        w->getCharBBox(j, &g.box.x0, &g.box.y0, &g.box.x1, &g.box.y1);
        g.size = w->getFontSize();
        c.glyphs.push_back(std::move(g));
      }
    }
  }
  if (!key) kept_->drop();  // no later page can be told to match it
  return c;
}

}  // namespace kpix
