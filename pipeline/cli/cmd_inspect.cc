// kpix inspect FILE [--page N] [--png OUT.png]: the lines and cells the
// parsers will see, with their boxes; --png draws the cells over the page.
#include <cstdio>
#include <iostream>

#include "pipeline/cli/commands.h"
#include "pipeline/model/error.h"
#include "pipeline/model/orientation.h"
#include "pipeline/layout/page_layout.h"
#include "pipeline/load/page_render.h"
#include "pipeline/load/page_source.h"
#include "pipeline/load/pdf_loader.h"

namespace kpix::cli {
namespace {

struct InspectArgs {
  std::string file;
  int page = 0;  // 1-based; 0 = all
  std::string png;
  double dpi = 100;
};

std::string fmt_box(const Box& b) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.1f %.1f %.1f %.1f]", b.x0, b.y0, b.x1, b.y1);
  return buf;
}

void print_page(const Page& page, bool text_input) {
  std::printf("page %d  %.1f x %.1f pt  rotate %d  rules %zu  lines %zu\n", page.number, page.width, page.height,
              page.rotation, page.rules.size(), page.lines.size());
  for (const Line& line : page.lines) {
    if (text_input)
      std::printf("  line %d", line.source_line);
    else
      std::printf("  %s", fmt_box(displayed_box(page, line.box)).c_str());
    if (line.table >= 0) std::printf("  table %d", line.table);
    std::printf("\n");
    for (const Cell& c : line.cells) {
      if (c.text.empty()) continue;
      std::printf("    ");
      if (c.column >= 0) std::printf("c%-2d ", c.column);
      if (!text_input) std::printf("%s ", fmt_box(displayed_box(page, c.box)).c_str());
      std::string shown = c.text;
      for (size_t p = shown.find('\n'); p != std::string::npos; p = shown.find('\n', p)) shown.replace(p, 1, " ⏎ ");
      std::printf("%s\n", shown.c_str());
    }
  }
}

int run(const InspectArgs& a) {
  try {
    auto src = open_source(a.file);
    const DocumentInfo& info = src->info();
    if (a.page < 0 || a.page > info.page_count)
      throw InputError(a.file, "no page " + std::to_string(a.page) + " (it has " + std::to_string(info.page_count) + ")");
    std::printf("%s  %s  %d page(s)  producer: %s\n", info.file_name.c_str(),
                info.kind == SourceKind::pdf ? "PDF" : "text", info.page_count,
                info.producer.empty() ? "-" : info.producer.c_str());
    int first = a.page ? a.page - 1 : 0, last = a.page ? a.page - 1 : info.page_count - 1;
    for (int i = first; i <= last; ++i) {
      Page page = lay_out_page(src->load_page(i));
      print_page(page, info.kind == SourceKind::text);
      if (!a.png.empty() && i == first) {
        auto* pdf = dynamic_cast<PdfSource*>(src.get());
        if (!pdf) throw InputError(a.file, "--png needs a PDF");
        std::vector<Outline> outlines;
        for (const Line& line : page.lines)
          for (const Cell& c : line.cells)
            if (!c.text.empty())
              outlines.push_back({displayed_box(page, c.box), line.table >= 0 ? 0xd01010u : 0x1060d0u, 1});
        if (!render_page_png(pdf->poppler_document(), i, a.dpi, outlines, a.png))
          throw InputError(a.png, "cannot render or write the PNG");
        std::fprintf(stderr, "kpix: wrote %s (page %d; red: table cells, blue: free text)\n", a.png.c_str(), i + 1);
      }
    }
    return 0;
  } catch (const InputError& e) {
    std::fflush(stdout);
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_inspect_command(CLI::App& app, int& status) {
  auto args = std::make_shared<InspectArgs>();
  auto* cmd = app.add_subcommand("inspect", "Show the lines and cells the parsers see, with boxes");
  cmd->add_option("FILE", args->file, "PDF or converter text")->required();
  cmd->add_option("--page", args->page, "Only this page (1-based)");
  cmd->add_option("--png", args->png, "Draw the detected cells over the rendered page (first page shown)");
  cmd->add_option("--dpi", args->dpi, "Resolution of --png")->capture_default_str();
  cmd->callback([args, &status] { status = run(*args); });
}

}  // namespace kpix::cli
