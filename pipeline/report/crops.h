// Pictures of the row a record was read from, cut from its PDF page, for
// the report's cards: crops/<sha256 prefix>-p<page>-<box hash>.png under the
// site. Made only where the PDF is still at its stored path with the same
// bytes; a crop already there is kept (the same bytes, page and box give the
// same picture), so a second report of a grown dataset renders only the new
// rows. Each page is rendered once for all its rows, documents in parallel.
//
//   CropMaker crops(dir, true, 2);
//   crops.want(doc, record);  …         // every crop the pages will show
//   crops.make();                       // renders what is missing
//   crops.crop(doc, record);            // its path, when the picture is there
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/model/geometry.h"
#include "pipeline/report/site_data.h"

namespace kpix {

class CropMaker {
 public:
  CropMaker(std::filesystem::path site_dir, bool enabled, int jobs);
  void want(const SiteDocument& doc, const nlohmann::json& record);
  void make();
  std::optional<std::string> crop(const SiteDocument& doc, const nlohmann::json& record) const;
  int rendered() const { return rendered_; }
  int reused() const { return reused_; }
  double seconds() const { return seconds_; }

 private:
  struct Request {
    int page = 0;
    Box box;
    std::string name;  // relative to the site
  };
  std::optional<Request> request_of(const SiteDocument& doc, const nlohmann::json& record) const;
  int render_document(const SiteDocument& doc, std::vector<Request>& requests) const;

  std::filesystem::path site_dir_;
  bool enabled_;
  int jobs_;
  std::map<const SiteDocument*, std::vector<Request>> wanted_;
  std::set<std::string> present_;  // crops on disk, by name
  int rendered_ = 0, reused_ = 0;
  double seconds_ = 0;
};

}  // namespace kpix
