// A dataset on storage kpix may not write (a read-only share, a file made
// read-only), read by a user who is not its owner: export and report read
// it; ingest refuses it in one line that says why, and leaves it as it was.
// Run as root, the commands run as `nobody` (setpriv, util-linux), since
// root writes read-only files anyway.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/cli/cli_helpers.h"

namespace {

namespace fs = std::filesystem;
using namespace kpix::testing;

class ReadOnlyDataset : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("kpix-ro-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "store");
    fs::create_directories(dir / "out");
    KpixRun r = kpix::testing::kpix(dir, "ingest --db " + quote(db().string()) + " " + quote(kSeed2023));
    ASSERT_EQ(r.status, 0) << r.err;
    before = slurp(db());
    fs::permissions(db(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir / "store", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                       fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(dir, fs::perms::all);
    fs::permissions(dir / "out", fs::perms::all);
    if (::geteuid() == 0) {
      if (std::system("command -v setpriv >/dev/null 2>&1") != 0) GTEST_SKIP() << "root without setpriv";
      as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir / "store", fs::perms::all, ec);
    fs::remove_all(dir, ec);
  }
  fs::path db() const { return dir / "store" / "kpi.sqlite"; }
  // kpix ARGS as the unprivileged user.
  KpixRun run(const std::string& args) const { return kpix::testing::kpix(dir, args, as_user); }
  fs::path dir;
  std::string before, as_user;
};

TEST_F(ReadOnlyDataset, ExportAndReportReadIt) {
  KpixRun csv = run("export --db " + quote(db().string()) + " --format csv -o " + quote((dir / "out" / "k.csv").string()));
  EXPECT_EQ(csv.status, 0) << csv.err;
  EXPECT_NE(slurp(dir / "out" / "k.csv").find("岩見沢市"), std::string::npos);
  KpixRun report = run("report --db " + quote(db().string()) + " -o " + quote((dir / "out" / "report").string()));
  EXPECT_EQ(report.status, 0) << report.err;
  EXPECT_TRUE(fs::exists(dir / "out" / "report" / "index.html"));
  EXPECT_EQ(slurp(db()), before);
  EXPECT_FALSE(fs::exists(dir / "store" / "kpi.sqlite-wal"));
}

TEST_F(ReadOnlyDataset, IngestRefusesItInOneLineAndLeavesItAsItWas) {
  KpixRun r = run("ingest --db " + quote(db().string()) + " " + quote(kSeed2025));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("cannot be written"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("not a kpix dataset"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(db()), before);
}

}  // namespace
