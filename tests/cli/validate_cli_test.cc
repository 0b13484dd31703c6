// `kpix validate` on files of records (the schema itself: tests/unit/
// schema_validator_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/kpix_run.h"
#include "tests/unit/example_record.h"

namespace kpix {
namespace {

struct RunResult {
  int status = -1;
  std::string err;
  std::string out;
};

RunResult run_kpix(const std::string& args) {
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path();
  std::string err_path = (dir / ("kpix_validate_err_" + std::to_string(::getpid()))).string();
  std::string out_path = err_path + ".out";
  std::string cmd = std::string("'") + KPIX_BINARY + "' " + args + " >'" + out_path + "' 2>'" + err_path + "'";
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  r.err = slurp(err_path);
  r.out = slurp(out_path);
  fs::remove(err_path);
  fs::remove(out_path);
  return r;
}

TEST(ValidateCommand, NamesLineAndPointerOfBadRecord) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("kpix_validate_" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(file);
    auto good = example_record();
    auto bad = example_record();
    bad["values"][2]["status"] = "done";
    out << good.dump() << "\n" << good.dump() << "\n" << bad.dump() << "\n" << good.dump() << "\n";
  }
  RunResult r = run_kpix("validate '" + file.string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find(file.string() + ":3: /values/2/status: "), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.out.find("4 records, 1 faults"), std::string::npos) << r.out;

  // A clean file exits 0; an unreadable one is named and the rest still checked.
  {
    std::ofstream out(file);
    out << example_record().dump() << "\n";
  }
  r = run_kpix("validate '" + file.string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  r = run_kpix("validate /nonexistent/kpix.jsonl '" + file.string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("kpix: /nonexistent/kpix.jsonl: "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("1 records, 0 faults"), std::string::npos) << r.out;
  fs::remove(file);

  r = run_kpix("validate");
  EXPECT_EQ(r.status, 2);
}

}  // namespace
}  // namespace kpix
