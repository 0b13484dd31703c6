// The command line as people know it from other tools (issue 14) and outputs
// that cannot destroy their inputs (issue 13): every command with a
// directory, a missing file and an empty file in each path argument ends in
// a message and an exit status, never an abort; `-` is stdin and stdout;
// unknown commands and `help`; --version; the format from -o's extension;
// one rule for --code; an output that is an input is refused.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "tests/cli/kpix_run.h"

namespace kpix::testing {
namespace {

namespace fs = std::filesystem;

class CliConventions : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path.empty());
    dir_ = tmp_.path;
    fs::create_directories(dir_ / "adir");
    std::ofstream(dir_ / "empty.txt").close();
    fs::copy_file(kSeed2023, dir_ / "a.txt");
    std::ofstream(dir_ / "e.csv") << "municipality,indicator,role,year,value\n岩見沢市,転出超過数,実績,2020,▲341人\n";
  }
  KpixRun kpix_in_dir(const std::string& args) { return run_kpix(args, dir_); }
  std::string p(const std::string& name) const { return quote((dir_ / name).string()); }
  TempDir tmp_;
  fs::path dir_;
};

// Each command line with BAD in one path argument; BAD becomes a folder, a
// missing file and an empty file in turn.
TEST_F(CliConventions, NoPathArgumentEverEndsInAnAbort) {
  ASSERT_EQ(kpix_in_dir("ingest --db " + p("good.sqlite") + " " + p("a.txt")).status, 0);
  const std::vector<std::string> lines = {
      "inspect BAD",
      "inspect --png BAD " + p("a.txt"),
      "extract BAD",
      "extract -o BAD " + p("a.txt"),
      "validate BAD",
      "eval --expected BAD " + p("a.txt"),
      "eval --expected " + p("e.csv") + " BAD",
      "ingest --db BAD " + p("a.txt"),
      "export --db BAD",
      "export --db " + p("good.sqlite") + " -o BAD",
      "export --db " + p("good.sqlite") + " -o BAD --format xlsx",
      "check --entries BAD " + p("a.txt"),
      "check --entries " + p("e.csv") + " BAD",
      "check --entries " + p("e.csv") + " --db BAD",
      "check --entries " + p("e.csv") + " --json BAD " + p("a.txt"),
      "check --entries " + p("e.csv") + " --report BAD " + p("a.txt"),
      "diff --db BAD a.txt",
      "report --db BAD -o " + p("site"),
      "remove --db BAD a.txt",
  };
  const std::vector<std::pair<std::string, std::string>> bads = {
      {"a directory", p("adir")}, {"a missing file", p("missing.pdf")}, {"an empty file", p("empty.txt")}};
  for (const std::string& line : lines)
    for (const auto& [what, bad] : bads) {
      std::string args = line;
      args.replace(args.find("BAD"), 3, bad);
      KpixRun r = kpix_in_dir(args);
      SCOPED_TRACE("kpix " + args + " (" + what + ")");
      EXPECT_GE(r.status, 0) << "killed by a signal: " << r.err;
      EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
      EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
      // A folder is never accepted silently, nor a missing input (a missing
      // output is made).
      bool output = false;
      for (const char* opt : {"-o BAD", "--json BAD", "--report BAD", "--png BAD", "ingest --db BAD"})
        output = output || line.find(opt) != std::string::npos;
      if (what == "a directory" || (what == "a missing file" && !output)) {
        EXPECT_NE(r.status, 0) << r.err;
        EXPECT_NE(r.err.find("kpix"), std::string::npos) << r.err;
      }
      std::ofstream(dir_ / "empty.txt", std::ios::trunc).close();  // an output may have written it
      fs::remove_all(dir_ / "missing.pdf");
      fs::create_directories(dir_ / "adir");
    }
}

TEST_F(CliConventions, ADirectoryIsSaidToBeOne) {
  KpixRun r = kpix_in_dir("extract " + p("adir"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
  KpixRun c = kpix_in_dir("check --entries " + p("adir") + " " + p("a.txt"));
  EXPECT_EQ(c.status, 2);
  EXPECT_NE(c.err.find("is a directory"), std::string::npos) << c.err;
}

TEST_F(CliConventions, AnOutputThatIsAnInputIsRefusedAndTheInputKept) {
  const std::string before = slurp(dir_ / "a.txt");
  KpixRun x = kpix_in_dir("extract -o " + p("a.txt") + " " + p("a.txt"));
  EXPECT_EQ(x.status, 2);
  EXPECT_NE(x.err.find("same file as the input"), std::string::npos) << x.err;
  EXPECT_EQ(std::count(x.err.begin(), x.err.end(), '\n'), 1) << x.err;
  EXPECT_EQ(slurp(dir_ / "a.txt"), before);

  const std::string entries = slurp(dir_ / "e.csv");
  for (const char* opt : {"--report", "--json"}) {
    KpixRun c = kpix_in_dir("check --entries " + p("e.csv") + " " + opt + " " + p("e.csv") + " " + p("a.txt"));
    EXPECT_EQ(c.status, 2) << opt;
    EXPECT_EQ(slurp(dir_ / "e.csv"), entries) << opt;
    KpixRun s = kpix_in_dir("check --entries " + p("e.csv") + " " + opt + " " + p("a.txt") + " " + p("a.txt"));
    EXPECT_EQ(s.status, 2) << opt;
    EXPECT_EQ(slurp(dir_ / "a.txt"), before) << opt;
  }

  ASSERT_EQ(kpix_in_dir("ingest --db " + p("k.sqlite") + " " + p("a.txt")).status, 0);
  const std::string db = slurp(dir_ / "k.sqlite");
  KpixRun e = kpix_in_dir("export --db " + p("k.sqlite") + " -o " + p("k.sqlite"));
  EXPECT_EQ(e.status, 2);
  EXPECT_EQ(slurp(dir_ / "k.sqlite"), db);
  // The same file under another name (a hard link): device and inode, not names.
  fs::create_hard_link(dir_ / "k.sqlite", dir_ / "k2.csv");
  KpixRun h = kpix_in_dir("export --db " + p("k.sqlite") + " -o " + p("k2.csv"));
  EXPECT_EQ(h.status, 2);
  EXPECT_NE(h.err.find("same file"), std::string::npos) << h.err;
  EXPECT_EQ(slurp(dir_ / "k.sqlite"), db);
  KpixRun c = kpix_in_dir("check --entries " + p("e.csv") + " --db " + p("k.sqlite") + " --json " + p("k2.csv"));
  EXPECT_EQ(c.status, 2);
  EXPECT_EQ(slurp(dir_ / "k.sqlite"), db);
}

TEST_F(CliConventions, DashIsStdinAndStdout) {
  KpixRun file = kpix_in_dir("extract " + p("a.txt"));
  ASSERT_EQ(file.status, 0);
  KpixRun piped = run_shell("cat " + p("a.txt") + " | " + quote(KPIX_BINARY) + " extract -", dir_);
  ASSERT_EQ(piped.status, 0) << piped.err;
  std::vector<nlohmann::json> a = parse_jsonl(file.out), b = parse_jsonl(piped.out);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_FALSE(a.empty());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["values"], b[i]["values"]);
    EXPECT_EQ(a[i]["document"]["sha256"], b[i]["document"]["sha256"]);
  }
  KpixRun validated = run_shell("cat " + p("a.txt") + " | " + quote(KPIX_BINARY) + " extract - | " + quote(KPIX_BINARY) +
                                " validate -",
                            dir_);
  EXPECT_EQ(validated.status, 0) << validated.err;
  EXPECT_EQ(validated.out, std::to_string(a.size()) + " records, 0 faults\n");

  ASSERT_EQ(kpix_in_dir("ingest --db " + p("k.sqlite") + " " + p("a.txt")).status, 0);
  KpixRun out = run_shell("cd " + quote(dir_.string()) + " && " + quote(KPIX_BINARY) + " export --db k.sqlite -o -", dir_);
  EXPECT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(parse_jsonl(out.out).size(), a.size());
  EXPECT_FALSE(fs::exists(dir_ / "-"));
  KpixRun x = run_shell("cd " + quote(dir_.string()) + " && " + quote(KPIX_BINARY) + " extract -o - a.txt", dir_);
  EXPECT_EQ(x.out, file.out);
  EXPECT_FALSE(fs::exists(dir_ / "-"));
}

TEST_F(CliConventions, UnknownCommandsHelpAndVersion) {
  KpixRun foo = kpix_in_dir("foo");
  EXPECT_EQ(foo.status, 2);
  EXPECT_EQ(foo.err.substr(0, foo.err.find('\n')), "kpix: unknown command 'foo'");
  for (const char* cmd : {"extract", "ingest", "export", "check", "remove"})
    EXPECT_NE(foo.err.find(std::string("  ") + cmd), std::string::npos) << cmd;
  KpixRun help = kpix_in_dir("help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("  extract"), std::string::npos) << help.out;
  KpixRun help_cmd = kpix_in_dir("help extract"), dash_help = kpix_in_dir("extract --help");
  EXPECT_EQ(help_cmd.status, 0);
  EXPECT_EQ(help_cmd.out, dash_help.out);
  EXPECT_NE(dash_help.out.find("Usage: kpix extract"), std::string::npos) << dash_help.out;
  EXPECT_EQ(dash_help.out.find(KPIX_BINARY), std::string::npos);
  for (const char* flag : {"-V", "--version"}) {
    KpixRun v = kpix_in_dir(flag);
    EXPECT_EQ(v.status, 0) << flag;
    EXPECT_EQ(v.out.rfind(std::string("kpix ") + KPIX_VERSION + "\n", 0), 0u) << v.out;
    for (const char* lib : {"Poppler 2", "ICU 7", "SQLite 3.", "libxlsxwriter 1."})
      EXPECT_NE(v.out.find(lib), std::string::npos) << flag << " " << lib << ": " << v.out;
  }
}

TEST_F(CliConventions, OneRuleForAnUnknownCodeAndAPageOfZero) {
  for (const std::string& line :
       {"extract --code 999999 " + p("a.txt"), "ingest --db " + p("k.sqlite") + " --code 999999 " + p("a.txt"),
        "check --entries " + p("e.csv") + " --code 999999 " + p("a.txt"),
        "check --entries " + p("e.csv") + " --municipality nonexistent " + p("a.txt"),
        "extract --municipality nonexistent " + p("a.txt")}) {
    KpixRun r = kpix_in_dir(line);
    EXPECT_EQ(r.status, 2) << line;
    EXPECT_EQ(r.out, "") << line;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << line << ": " << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "k.sqlite"));
  KpixRun page0 = kpix_in_dir("inspect --page 0 " + p("a.txt"));
  EXPECT_EQ(page0.status, 2);
  EXPECT_EQ(page0.out, "");
}

TEST_F(CliConventions, FormatFollowsTheOutputsExtension) {
  KpixRun csv = kpix_in_dir("extract -o " + p("x.csv") + " " + p("a.txt"));
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(slurp(dir_ / "x.csv").rfind("municipality_code,municipality,", 0), 0u);
  ASSERT_EQ(kpix_in_dir("ingest --db " + p("k.sqlite") + " " + p("a.txt")).status, 0);
  ASSERT_EQ(kpix_in_dir("export --db " + p("k.sqlite") + " -o " + p("k.csv")).status, 0);
  EXPECT_EQ(slurp(dir_ / "k.csv").rfind("municipality_code,municipality,", 0), 0u);
  ASSERT_EQ(kpix_in_dir("export --db " + p("k.sqlite") + " -o " + p("k.jsonl")).status, 0);
  EXPECT_EQ(slurp(dir_ / "k.jsonl").rfind("{", 0), 0u);
  KpixRun excel = kpix_in_dir("export --db " + p("k.sqlite") + " --excel");
  ASSERT_EQ(excel.status, 0);
  EXPECT_EQ(excel.out.rfind("\xEF\xBB\xBFmunicipality_code,", 0), 0u);
  EXPECT_EQ(kpix_in_dir("export --db " + p("k.sqlite") + " --excel --format jsonl").status, 2);
}

TEST_F(CliConventions, SchemaPrintsTheRecordSchema) {
  KpixRun r = kpix_in_dir("schema");
  ASSERT_EQ(r.status, 0) << r.err;
  nlohmann::json printed = nlohmann::json::parse(r.out);
  EXPECT_EQ(printed, nlohmann::json::parse(slurp(KPIX_SOURCE_DIR "/schemas/kpi-record.schema.json")));
  EXPECT_EQ(printed["$id"].get<std::string>().rfind("urn:", 0), 0u);
}

TEST_F(CliConventions, ControlCharactersInNamesAreEscaped) {
  const std::string name = "a\nb\x1b[31m.pdf";
  KpixRun r = kpix_in_dir("extract " + p(name));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a\\nb\\x1b[31m.pdf"), std::string::npos) << r.err;
  // A stored file whose name holds them: the ingest's lines stay one line each.
  fs::create_directories(dir_ / "in");
  fs::copy_file(kSeed2023, dir_ / "in" / "x\ny\x1b[2J.txt");
  KpixRun i = kpix_in_dir("ingest --db " + p("k.sqlite") + " " + p("in"));
  EXPECT_EQ(i.status, 0) << i.err;
  EXPECT_EQ(i.err.find('\x1b'), std::string::npos) << i.err;
  EXPECT_NE(i.err.find("x\\ny\\x1b[2J.txt: "), std::string::npos) << i.err;
}

}  // namespace
}  // namespace kpix::testing
