// The pieces every page of kpix report is made of: escaping, numbers as a
// Japanese reader writes them, links to a value's source, the page frame
// with its stylesheet inline (no file, font or script from elsewhere).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/report/site_data.h"

namespace kpix {

std::string html_escape(const std::string& s);

// 1,918,000 → 191.8万, 17,673,000,000 → 176.7億, 0.99 → 0.99.
std::string short_number(double v);
// 1918000 → 1,918,000 (up to 2 decimals).
std::string full_number(double v);
// `2022`, `2020–2022平均`, `2020–2024合計`, or `期間なし`.
std::string period_label(const nlohmann::json& value);
// 基準値, 実績, 目標値, 達成状況: the Japanese word for a value's role as the
// JSON names it (role_word_ja); a name that is no role stays as it is.
std::string role_label(const std::string& role);

// Where a page's links to a document point: the document's stored path
// (as given to ingest; relative paths taken from the current folder),
// relative to the page when the file is there, with #page=N for a PDF.
class SourceLinks {
 public:
  explicit SourceLinks(std::filesystem::path site_dir) : site_dir_(std::move(site_dir)) {}
  // `page_dir`: the page's folder under the site ("m", "c" or "").
  std::string href(const SiteDocument& d, int page, const std::string& page_dir);
  bool reachable(const SiteDocument& d);  // the file is where the dataset says

 private:
  struct Target {
    std::filesystem::path absolute;
    bool exists = false;
  };
  const Target& target(const SiteDocument& d);
  std::filesystem::path site_dir_;
  std::map<int64_t, Target> targets_;
};

// `<a class="v" href=…>raw</a>` and the source's page or line beside it.
std::string value_link(SourceLinks& links, const SiteValue& v, const std::string& page_dir);

// A whole page: title, breadcrumb back to the index (`root`: "../" or ""), body.
std::string page_html(const std::string& title, const std::string& root, const std::string& body);

}  // namespace kpix
