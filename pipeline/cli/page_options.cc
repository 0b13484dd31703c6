#include "pipeline/cli/page_options.h"

namespace kpix::cli {

void add_pages_option(CLI::App* cmd, std::vector<PageRange>& pages) {
  cmd->add_option_function<std::string>(
         "--pages",
         [&pages](const std::string& text) {
           ParsedPageRanges p = parse_page_ranges(text);
           if (!p.error.empty()) throw CLI::ValidationError("--pages", p.error);
           pages = p.ranges;
         },
         "Only these pages, e.g. 1,3-5,10-end (read in page order)")
      ->type_name("RANGES");
}

}  // namespace kpix::cli
