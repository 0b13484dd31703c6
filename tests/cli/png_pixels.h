// Reading back the pixels of a PNG that kpix wrote (8-bit RGB or RGBA, not
// interlaced: what Poppler saves), so a test can look at what was drawn.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace kpix::testing {

struct Rgb {
  int r = 0, g = 0, b = 0;
  int sum() const { return r + g + b; }
  bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

struct PngImage {
  int width = 0, height = 0, channels = 0;
  std::vector<uint8_t> pixels;  // rows of width × channels bytes
  Rgb at(int x, int y) const {
    const uint8_t* p = &pixels[(size_t(y) * size_t(width) + size_t(x)) * size_t(channels)];
    return {p[0], p[1], p[2]};
  }
};

inline std::optional<PngImage> read_png(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (d.size() < 8 || d.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
  auto be32 = [&](size_t i) {
    return uint32_t(uint8_t(d[i])) << 24 | uint32_t(uint8_t(d[i + 1])) << 16 | uint32_t(uint8_t(d[i + 2])) << 8 |
           uint32_t(uint8_t(d[i + 3]));
  };
  PngImage img;
  std::string idat;
  for (size_t i = 8; i + 12 <= d.size();) {
    uint32_t n = be32(i);
    std::string type = d.substr(i + 4, 4);
    if (type == "IHDR") {
      img.width = int(be32(i + 8));
      img.height = int(be32(i + 12));
      int depth = uint8_t(d[i + 16]), colour = uint8_t(d[i + 17]), interlace = uint8_t(d[i + 20]);
      if (depth != 8 || interlace != 0 || (colour != 2 && colour != 6)) return std::nullopt;
      img.channels = colour == 6 ? 4 : 3;
    } else if (type == "IDAT") {
      idat += d.substr(i + 8, n);
    }
    i += 12 + n;
  }
  size_t stride = size_t(img.width) * size_t(img.channels);
  std::vector<uint8_t> raw((stride + 1) * size_t(img.height));
  uLongf size = raw.size();
  if (uncompress(raw.data(), &size, reinterpret_cast<const Bytef*>(idat.data()), uLong(idat.size())) != Z_OK)
    return std::nullopt;
  img.pixels.resize(stride * size_t(img.height));
  int bpp = img.channels;
  for (int y = 0; y < img.height; ++y) {
    uint8_t filter = raw[size_t(y) * (stride + 1)];
    const uint8_t* src = &raw[size_t(y) * (stride + 1) + 1];
    uint8_t* row = &img.pixels[size_t(y) * stride];
    const uint8_t* up = y > 0 ? &img.pixels[size_t(y - 1) * stride] : nullptr;
    for (size_t x = 0; x < stride; ++x) {
      int a = x >= size_t(bpp) ? row[x - size_t(bpp)] : 0, b = up ? up[x] : 0,
          c = up && x >= size_t(bpp) ? up[x - size_t(bpp)] : 0;
      int pred = 0;
      switch (filter) {
        case 1: pred = a; break;
        case 2: pred = b; break;
        case 3: pred = (a + b) / 2; break;
        case 4: {
          int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: break;
      }
      row[x] = uint8_t(src[x] + pred);
    }
  }
  return img;
}

}  // namespace kpix::testing
