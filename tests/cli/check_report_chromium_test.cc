// kpix check's HTML report as a browser sees it: headless Chromium loads the
// report made from tests/data/check/entries-iwamizawa.csv against
// samples/pdf/000-iwamizawa-chromium.pdf and ../shared/seeds/001, dumps the
// DOM it built, and takes a screenshot, left in
// build/test-output/check-report/ (report.html, dom.html, report.png) for a
// person to look at. Skipped where chromium is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/cli/kpix_run.h"

namespace {

namespace fs = std::filesystem;
using kpix::testing::quote;
using kpix::testing::slurp;

const std::string kPdf000 = KPIX_SOURCE_DIR "/samples/pdf/000-iwamizawa-chromium.pdf";
const std::string kSeed001 = KPIX_SOURCE_DIR "/../shared/seeds/001_a61508fec1d3fe11.txt";
const std::string kEntries = KPIX_SOURCE_DIR "/tests/data/check/entries-iwamizawa.csv";

std::string chromium() {
  for (const char* c : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(c)) return c;
  return "";
}

size_t count_of(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(CheckReportInChromium, LabelsLinksAndNoScriptInTheRenderedDom) {
  std::string browser = chromium();
  if (browser.empty()) GTEST_SKIP() << "chromium is not installed";
  if (!fs::exists(kPdf000) || !fs::exists(kSeed001)) GTEST_SKIP() << "samples/pdf or ../shared/seeds missing";
  fs::path out = kpix::testing::test_output_dir("check-report");
  fs::path report = out / "report.html";
  auto r = kpix::testing::run_kpix("check --entries " + quote(kEntries) + " --report " + quote(report.string()) + " " +
                                       quote(kPdf000) + " " + quote(kSeed001),
                                   out);
  ASSERT_EQ(r.status, 1) << r.err;

  // The DOM, then the picture, each with a profile of its own.
  std::string flags = " --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
                      " --disable-sync --no-first-run --user-data-dir=";
  std::string url = "file://" + fs::absolute(report).string();
  auto dom = kpix::testing::run_shell("timeout 120 " + browser + flags + quote((out / "profile-dom").string()) +
                                          " --dump-dom " + quote(url),
                                      out);
  ASSERT_EQ(dom.status, 0) << dom.err;
  std::ofstream(out / "dom.html") << dom.out;
  auto shot = kpix::testing::run_shell("timeout 120 " + browser + flags + quote((out / "profile-shot").string()) +
                                           " --window-size=1280,4000 --screenshot=" + quote((out / "report.png").string()) +
                                           " " + quote(url),
                                       out);
  EXPECT_EQ(shot.status, 0) << shot.err;
  EXPECT_GT(fs::file_size(out / "report.png"), 10000u);
  fs::remove_all(out / "profile-dom");
  fs::remove_all(out / "profile-shot");

  fs::remove(out / "out");
  fs::remove(out / "err");
  const std::string& html = dom.out;
  ASSERT_FALSE(html.empty());
  // Japanese labels by default: the verdicts, the sections, the table's rows.
  for (const char* label : {"7 一致", "7 不一致", "1 見つからない", "1 候補が複数", "1 読めない行", "一致しなかった行 (10)",
                            "一致した行 (7)", "<th>指標</th>", "<th>区分・年度</th>", "診断: 符号の欠落", "4行目: 転出超過数"})
    EXPECT_NE(html.find(label), std::string::npos) << label;
  // Each picture sits in a link to its page of the PDF, relative to the report.
  std::string pdf = fs::path(kPdf000).lexically_normal().lexically_relative(out).generic_string();
  std::regex picture_link("<a href=\"" + std::regex_replace(pdf, std::regex("[.^$|()\\[\\]{}*+?\\\\]"), "\\$&") +
                          "#page=[0-9]+\"><img alt=\"[^\"]*\" src=\"data:image/png;base64,");
  size_t linked = std::distance(std::sregex_iterator(html.begin(), html.end(), picture_link), std::sregex_iterator());
  EXPECT_EQ(linked, count_of(html, "<img "));
  EXPECT_GE(linked, 7u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
}

}  // namespace
