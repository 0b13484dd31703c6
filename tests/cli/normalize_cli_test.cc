// `kpix normalize value|period` (the parsers themselves: tests/unit/
// normalize_value_test.cc, normalize_period_test.cc).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace kpix {
namespace {

struct CliRun {
  int status = -1;
  std::string out, err;
};

CliRun run_kpix(const std::string& args) {
  // One file per test process: ctest runs the tests of this file side by side.
  std::string err_file = ::testing::TempDir() + "kpix_normalize_err." + std::to_string(::getpid()) + ".txt";
  std::string cmd = std::string(KPIX_BINARY) + " " + args + " 2>" + err_file;
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  if (FILE* e = fopen(err_file.c_str(), "r")) {
    while ((n = fread(buf, 1, sizeof buf, e)) > 0) r.err.append(buf, n);
    fclose(e);
  }
  return r;
}

TEST(NormalizeCommand, Value) {
  CliRun r = run_kpix("normalize value '1億8,133万円'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, R"({"number":"181330000","qualifiers":[],"raw":"1億8,133万円","scale":10000,"status":"ok","unit":"円","value":181330000})"
                   "\n");
  CliRun h = run_kpix("normalize value 902.9 --unit 千人");
  EXPECT_EQ(h.status, 0);
  EXPECT_EQ(h.out, R"({"number":"902900","qualifiers":[],"raw":"902.9","scale":1000,"status":"ok","unit":"人","value":902900})"
                   "\n");
}

TEST(NormalizeCommand, AFormulaIsNoNumber) {
  CliRun r = run_kpix("normalize value '=A1'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, R"({"qualifiers":[],"raw":"=A1","scale":1,"status":"text","unit":"","value":null})"
                   "\n");
}

TEST(NormalizeCommand, Period) {
  CliRun r = run_kpix("normalize period 3年度 --era 令和");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "{\"basis\":\"fiscal\",\"end\":2021,\"start\":2021}\n");
  CliRun bad = run_kpix("normalize period 'どこか'");
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err, "kpix: normalize period: cannot read \"どこか\"\n");
}

}  // namespace
}  // namespace kpix
