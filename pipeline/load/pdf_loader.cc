#include "pipeline/load/pdf_loader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <future>

#include <poppler-document.h>

#include "pipeline/model/error.h"
#include "pipeline/load/page_reader.h"
#include "pipeline/load/rule_finder.h"
#include "pipeline/load/sha256.h"

namespace kpix {
namespace {

std::string to_utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string base_name(const std::string& path) {
  auto pos = path.find_last_of('/');
  return pos == std::string::npos ? path : path.substr(pos + 1);
}

// Checks that need no parser, so the error says what is really wrong instead
// of Poppler's generic failure.
void check_file(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path, "is a directory, not a file");
  if (st.st_size == 0) throw InputError(path, "empty file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open for reading");
  char head[1024] = {};
  in.read(head, sizeof head);
  if (std::string_view(head, size_t(in.gcount())).find("%PDF-") == std::string_view::npos)
    throw InputError(path, "not a PDF (no %PDF header)");
}

}  // namespace

std::string file_sha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open for reading");
  Sha256 h;
  std::string buf(1 << 16, '\0');
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    h.update(std::string_view(buf.data(), size_t(in.gcount())));
  }
  return h.hex_digest();
}

PdfSource::PdfSource(const std::string& path) {
  check_file(path);
  // The file's hash is taken on another thread while Poppler opens it.
  std::future<std::string> sha256 = std::async(std::launch::async, file_sha256, path);
  doc_.reset(poppler::document::load_from_file(path));
  if (!doc_) throw InputError(path, "damaged PDF: Poppler cannot read it");
  if (doc_->is_locked()) throw InputError(path, "encrypted PDF: a password is needed to read it");
  info_.path = path;
  info_.file_name = base_name(path);
  info_.kind = SourceKind::pdf;
  info_.page_count = doc_->pages();
  if (info_.page_count <= 0) throw InputError(path, "PDF has no pages");
  info_.title = to_utf8(doc_->get_title());
  info_.producer = to_utf8(doc_->get_producer());
  reader_ = std::make_unique<PageReader>(path);
  info_.sha256 = sha256.get();
}

PdfSource::~PdfSource() = default;

const poppler::document& PdfSource::poppler_document_for(int index) const {
  reader_->check_fonts(index);
  return *doc_;
}

Page PdfSource::load_page(int index) const { return load_page(*reader_, index); }

std::unique_ptr<PageReader> PdfSource::open_reader() const { return std::make_unique<PageReader>(info_.path); }

Page PdfSource::load_page(PageReader& reader, int index) {
  PageContent content = reader.read_raw(index);
  finish_content(content);
  Page page;
  page.number = index + 1;
  page.width = content.width;
  page.height = content.height;
  page.rotation = content.rotation;
  page.glyphs = std::move(content.glyphs);
  page.rules = std::move(content.rules);
  page.images = content.images;
  page.glyph_count = page.glyphs.size();
  // Layout works where most of the page's text is upright.
  const int* turns = content.turns;
  page.text_turn = int(std::max_element(turns, turns + 4) - turns);
  return page;
}

}  // namespace kpix
