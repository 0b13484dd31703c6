// Which pages one Poppler renderer (Gfx) can show in turn. Poppler builds a
// renderer's fonts, with their ToUnicode maps, when it makes one for a page:
// 2.2 G of 6.0 G instructions on a 612-page budget book whose pages all name
// one font, rebuilt 612 times; 3.1 G of 4.2 G on a 47-page Chromium print,
// whose pages each name some 40 of its fonts, mostly the same ones. A page
// can be shown by the renderer kept from pages before it when its geometry
// is theirs and each of its resource names is bound to the same object
// there, or to none yet (the reader then adds it: page_reader.cc).
//
// Entry point: renderer_key. nullopt for a page whose resources hold an
// object in place (not by reference), which no key can tell apart.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

class Page;
class XRef;

namespace kpix {

// (resource category, name, object number, generation).
using ResourceBinding = std::tuple<std::string, std::string, int, int>;

struct PageGeometry {
  std::array<double, 8> boxes{};  // media box, crop box
  int rotate = 0;
  bool operator==(const PageGeometry&) const = default;
};

struct RendererKey {
  PageGeometry geometry;
  // In the order the page's dictionaries list them; ProcSet left out
  // (Poppler reads none).
  std::vector<ResourceBinding> names;
};

std::optional<RendererKey> renderer_key(::Page& page, XRef* xref);

}  // namespace kpix
