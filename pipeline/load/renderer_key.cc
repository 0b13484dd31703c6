#include "pipeline/load/renderer_key.h"

#include <Object.h>
#include <Page.h>
#include <XRef.h>

namespace kpix {
namespace {

bool add_entries(const std::string& category, const Dict& dict, RendererKey& key) {
  for (int j = 0; j < dict.getLength(); ++j) {
    const Object& entry = dict.getValNF(j);
    if (!entry.isRef()) return false;
    Ref r = entry.getRef();
    key.names.emplace_back(category, dict.getKey(j), r.num, r.gen);
  }
  return true;
}

}  // namespace

std::optional<RendererKey> renderer_key(::Page& page, XRef* xref) {
  RendererKey key;
  const PDFRectangle* m = page.getMediaBox();
  const PDFRectangle* c = page.getCropBox();
  key.geometry.boxes = {m->x1, m->y1, m->x2, m->y2, c->x1, c->y1, c->x2, c->y2};
  key.geometry.rotate = page.getRotate();
  Dict* resources = page.getResourceDict();
  if (!resources) return key;
  for (int i = 0; i < resources->getLength(); ++i) {
    std::string category = resources->getKey(i);
    if (category == "ProcSet") continue;
    const Object& value = resources->getValNF(i);
    // A category by reference (`/Font 12 0 R`, another object on each page
    // of a budget book) is told by the objects its names are bound to.
    Object fetched = value.isRef() ? value.fetch(xref) : Object();
    const Object* dict = value.isRef() ? &fetched : &value;
    if (!dict->isDict() || !add_entries(category, *dict->getDict(), key)) return std::nullopt;
  }
  return key;
}

}  // namespace kpix
