// Fuzz findings that end the whole `kpix` process (abort, out of memory), run
// through the built binary; the ones a library call shows are in
// tests/unit/fuzz_regressions_test.cc.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace kpix {
namespace {

std::string data_path(const std::string& name) { return std::string(KPIX_SOURCE_DIR) + "/tests/data/fuzz/" + name; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(FuzzRegressions, ToUnicodeMapOfRepeatedFullRangesIsRefusedWithinBounds) {
  // pdf_loader_fuzz (a timeout under ASan), rebuilt by hand in
  // tests/data/fuzz-seeds/make-pdf-seeds.py: a 1.6 kB PDF whose ToUnicode
  // CMap maps <0000>-<ffff> to a two-character string 2,000 times. Poppler
  // 22.12 keeps one entry per code per line, none replaced: 131 M entries,
  // some 7 GB, then "Out of memory" and abort(), which ends the whole kpix
  // run (every other input of an ingest with it). Measured natively: 200
  // lines take 2.2 s and 730 MB, 2,000 lines abort after 12 s at a 4 GB limit.
  // Wanted: one line `kpix: FILE: reason`, status 1, in bounded time and memory.
  const std::string pdf = data_path("pdf_loader-tounicode-repeated-bfrange.pdf");
  const std::string err = testing::TempDir() + "kpix-fuzz-bfrange.err";
  std::string cmd = "timeout 60 '" + std::string(KPIX_BINARY) + "' extract '" + pdf + "' >/dev/null 2>'" + err + "'";
#ifndef KPIX_UNDER_ASAN
  // Natively, so that the unfixed case fails fast instead of taking the
  // machine's memory (ASan needs its shadow address space: no limit there).
  cmd = "ulimit -v 3000000; " + cmd;
#endif
  rusage before{}, after{};
  getrusage(RUSAGE_CHILDREN, &before);
  auto start = std::chrono::steady_clock::now();
  int rc = std::system(cmd.c_str());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  getrusage(RUSAGE_CHILDREN, &after);
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 1) << "124 is the 60 s timeout; 134 an abort";
  std::string message = slurp(err);
  EXPECT_NE(message.find("kpix: " + pdf + ": "), std::string::npos) << message;
  EXPECT_LT(seconds, 20);
  if (before.ru_maxrss < 500 * 1024) {
    EXPECT_LT(after.ru_maxrss, 1024 * 1024) << "peak RSS in kB";
  }
}

// Runs `kpix ARGS` in bounded memory; the status, with stdout and stderr.
int run_kpix(const std::string& args, std::string& out, std::string& err) {
  const std::string o = testing::TempDir() + "kpix-fuzz-run.out", e = testing::TempDir() + "kpix-fuzz-run.err";
  std::string cmd = "timeout 60 '" + std::string(KPIX_BINARY) + "' " + args + " >'" + o + "' 2>'" + e + "'";
#ifndef KPIX_UNDER_ASAN
  cmd = "ulimit -v 3000000; " + cmd;
#endif
  int rc = std::system(cmd.c_str());
  out = slurp(o);
  err = slurp(e);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(FuzzRegressions, AFontPastTheBoundIsMetOnThePageThatUsesIt) {
  // Page 1: a KPI table in a Type 3 font; page 2: the font of the case above.
  // Fonts are measured as their page is read (on whichever worker reads it):
  // the whole document is refused with one line naming the font, with one
  // worker or two, and page 1 alone reads.
  const std::string pdf = data_path("pdf_loader-tounicode-bad-font-on-page-2.pdf");
  for (const char* jobs : {"-j 1", "-j 2"}) {
    std::string out, err;
    EXPECT_EQ(run_kpix(std::string("extract ") + jobs + " '" + pdf + "'", out, err), 1) << jobs;
    EXPECT_EQ(err, "kpix: " + pdf + ": font /F0: its ToUnicode map maps more than 1048576 codes, more than any font has\n")
        << jobs;
    EXPECT_TRUE(out.empty()) << jobs;
  }
  std::string out, err;
  ASSERT_EQ(run_kpix("extract --pages 1 '" + pdf + "'", out, err), 0) << err;
  EXPECT_NE(out.find("\"indicator\":\"観光入込客数\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"raw\":\"▲284人\""), std::string::npos) << out;
  EXPECT_EQ(run_kpix("inspect --page 2 '" + pdf + "'", out, err), 1);
  EXPECT_NE(err.find("font /F0"), std::string::npos) << err;
}

}  // namespace
}  // namespace kpix
