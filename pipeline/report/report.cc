#include "pipeline/report/report.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include "pipeline/dataset/dataset.h"
#include "pipeline/output/atomic_file.h"
#include "pipeline/report/pages.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;

void write_page(const fs::path& path, const std::string& html) {
  fs::create_directories(path.parent_path());
  AtomicFile f(path.string());
  f.write(html);
  f.commit();
}

}  // namespace

ReportStats write_report(const ReportOptions& o) {
  auto start = std::chrono::steady_clock::now();
  Dataset db(o.db, Dataset::Access::read_only);
  Site site = load_site(db.handle());
  fs::path dir(o.out_dir);
  fs::create_directories(dir);
  SourceLinks links(dir);
  CropMaker crops(dir, o.crops, o.jobs > 0 ? o.jobs : int(std::max(1u, std::thread::hardware_concurrency())));
  for (const SiteMunicipality& m : site.municipalities)
    for (const SiteCard& c : m.cards) crops.want(*c.records.front().second, c.records.front().first);
  crops.make();
  ReportStats st;
  for (const SiteMunicipality& m : site.municipalities) {
    write_page(dir / municipality_page(m), municipality_page_html(m, links, crops));
    for (const SiteCard& c : m.cards) st.cards += c.current;
    ++st.pages;
  }
  for (const SiteConcept& c : site.concepts) {
    write_page(dir / concept_page(c.id), concept_page_html(site, c, links));
    ++st.pages;
  }
  write_page(dir / "index.html", index_page_html(site, o.db, links));
  ++st.pages;
  st.municipalities = int(site.municipalities.size());
  st.documents = int(site.documents.size());
  st.concepts = int(site.concepts.size());
  st.crops_rendered = crops.rendered();
  st.crops_reused = crops.reused();
  st.crop_seconds = crops.seconds();
  st.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return st;
}

}  // namespace kpix
