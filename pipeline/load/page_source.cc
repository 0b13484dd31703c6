#include "pipeline/load/page_source.h"

#include <sys/stat.h>

#include <cstring>
#include <fstream>

#include "pipeline/model/error.h"
#include "pipeline/load/pdf_loader.h"
#include "pipeline/load/text_loader.h"

namespace kpix {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

}  // namespace

std::unique_ptr<PageSource> open_source(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, 5);
  bool pdf_magic = std::string_view(head, size_t(in.gcount())) == "%PDF-";
  // A .pdf is read as a PDF even without its header, so that the error says
  // "not a PDF" rather than treating binary junk as text.
  if (pdf_magic || ends_with(path, ".pdf")) return std::make_unique<PdfSource>(path);
  return std::make_unique<TextSource>(path);
}

}  // namespace kpix
