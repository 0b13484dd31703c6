// Page-parallel extraction (issue 16): `extract -j 4` writes the same bytes
// as `-j 1` (records, notes, status) for every sample PDF and every real PDF
// of ../shared/realworld, and `ingest -j 2` stores what `-j 1` does. Also
// `--pages`: only the pages named are read; bad ranges are usage errors and a
// page past the end is one line naming the file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_helpers.h"

namespace kpix::testing {
namespace {

const std::string kSamples = KPIX_SOURCE_DIR "/samples/pdf";
const std::string kRealworld = KPIX_SOURCE_DIR "/../shared/realworld";

std::vector<std::string> pdfs_in(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

void expect_same_with_one_and_four_workers(const std::vector<std::string>& files) {
  TempDir tmp;
  for (const std::string& f : files) {
    KpixRun one = kpix(tmp.path, "extract -j 1 " + quote(f));
    KpixRun four = kpix(tmp.path, "extract -j 4 " + quote(f));
    EXPECT_EQ(one.status, 0) << f << ": " << one.err;
    EXPECT_EQ(four.status, one.status) << f;
    EXPECT_TRUE(four.out == one.out) << f << ": records differ between -j 1 and -j 4";
    EXPECT_EQ(four.err, one.err) << f;
  }
}

TEST(ParallelPages, SamplesGiveTheSameBytesOnOneAndFourWorkers) {
  std::vector<std::string> files = pdfs_in(kSamples);
  ASSERT_GE(files.size(), 13u);
  expect_same_with_one_and_four_workers(files);
}

TEST(ParallelPages, RealPdfsGiveTheSameBytesOnOneAndFourWorkers) {
  std::vector<std::string> files = pdfs_in(kRealworld);
  if (files.empty()) GTEST_SKIP() << kRealworld << " is absent: the real PDFs are not compared";
  expect_same_with_one_and_four_workers(files);
}

std::string exported(const fs::path& dir, const fs::path& db) {
  KpixRun r = kpix(dir, "export --db " + quote(db.string()) + " --format jsonl");
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

TEST(ParallelPages, IngestStoresTheSameOnOneAndTwoWorkers) {
  TempDir tmp;
  fs::path one = tmp.path / "one.sqlite", two = tmp.path / "two.sqlite";
  // A long document and short ones: documents and pages share the workers.
  std::string inputs = quote(kSamples + "/000-iwamizawa-chromium.pdf") + " " + quote(kSamples + "/002-sunagawa-lo-calc.pdf") +
                       " " + quote(kSamples + "/003-ashibetsu-lo-writer.pdf") + " " +
                       quote(kSamples + "/001-iwamizawa-rotated.pdf");
  KpixRun a = kpix(tmp.path, "ingest -j 1 --db " + quote(one.string()) + " " + inputs);
  KpixRun b = kpix(tmp.path, "ingest -j 2 --db " + quote(two.string()) + " " + inputs);
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  std::string first = exported(tmp.path, one);
  EXPECT_EQ(parse_jsonl(first).size(), 60u + 51u + 9u + 4u);
  EXPECT_TRUE(exported(tmp.path, two) == first) << "export differs between ingest -j 1 and -j 2";
}

TEST(ParallelPages, PagesReadsOnlyThePagesNamed) {
  TempDir tmp;
  // 002-sunagawa-chromium: 9 pages, records on several of them.
  std::string f = quote(kSamples + "/002-sunagawa-chromium.pdf");
  KpixRun all = kpix(tmp.path, "extract " + f);
  ASSERT_EQ(all.status, 0) << all.err;
  std::set<int> pages_with_records;
  for (const auto& r : parse_jsonl(all.out)) pages_with_records.insert(r["source"]["page"].get<int>());
  ASSERT_GE(pages_with_records.size(), 2u);
  int first = *pages_with_records.begin();
  KpixRun some = kpix(tmp.path, "extract -j 2 --pages " + std::to_string(first) + " " + f);
  ASSERT_EQ(some.status, 0) << some.err;
  std::vector<nlohmann::json> records = parse_jsonl(some.out);
  ASSERT_FALSE(records.empty());
  for (const auto& r : records) EXPECT_EQ(r["source"]["page"].get<int>(), first);
  KpixRun every = kpix(tmp.path, "extract --pages 1-end " + f);
  EXPECT_TRUE(every.out == all.out);
}

TEST(ParallelPages, BadPageRangesAreUsageErrors) {
  TempDir tmp;
  std::string f = quote(kSamples + "/003-ashibetsu-chromium.pdf");
  for (const char* bad : {"0", "5-3", "x", "1,,2", "-2"}) {
    KpixRun r = kpix(tmp.path, std::string("extract --pages '") + bad + "' " + f);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--pages"), std::string::npos) << bad << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
  KpixRun ingest = kpix(tmp.path, "ingest --db " + quote((tmp.path / "d.sqlite").string()) + " --pages 0 " + f);
  EXPECT_EQ(ingest.status, 2);
}

TEST(ParallelPages, APagePastTheEndIsOneLineNamingTheFile) {
  TempDir tmp;
  std::string path = kSamples + "/003-ashibetsu-chromium.pdf";  // 4 pages
  KpixRun r = kpix(tmp.path, "extract --pages 2,9 " + quote(path));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "kpix: " + path + ": page 9 is past the end (4 pages)\n");
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace kpix::testing
