// Extraction scored against the hand-checked expected records of
// samples/expected/: every rendering of a document (its seed text and each
// sample PDF) must keep value-level F1 at 0.99 or above.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/eval/score.h"
#include "pipeline/output/extractor.h"
#include "tests/samples/sample_paths.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;
using testing::samples_dir;
using testing::shared_dir;

constexpr double kMinF1 = 0.99;

// Documents whose own text makes part of the truth unreadable, with the F1
// floor that leaves and why.
double floor_for(const std::string& expected_name) {
  // 001: the notes under 基本目標3's table number three sources for four
  // rows (① ② ③ for ①–④); the expected baselines follow the sources'
  // content (3 of 236 values), which no reading of the numbers gives.
  if (expected_name.rfind("001_", 0) == 0) return 0.985;
  return kMinF1;
}

std::vector<nlohmann::json> read_jsonl(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

struct Case {
  std::string expected, input;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  if (!fs::exists(samples_dir() + "/expected")) return out;
  for (const auto& e : fs::directory_iterator(samples_dir() + "/expected")) {
    if (e.path().extension() != ".jsonl") continue;
    std::string name = e.path().stem().string();
    if (name.size() > 4 && name[3] == '_') {
      std::string seed = shared_dir() + "/seeds/" + name + ".txt";
      if (fs::exists(seed)) out.push_back({e.path().string(), seed});
      for (const std::string& pdf : testing::sample_pdfs(name.substr(0, 3) + "-"))
        if (pdf.find("-rotated.pdf") == std::string::npos) out.push_back({e.path().string(), pdf});
    } else if (fs::exists(shared_dir() + "/realworld/" + name + ".pdf")) {
      out.push_back({e.path().string(), shared_dir() + "/realworld/" + name + ".pdf"});
    }
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.input < b.input; });
  return out;
}

class Eval : public ::testing::TestWithParam<Case> {};

TEST_P(Eval, ValueF1AtLeastTheFloor) {
  const Case& c = GetParam();
  Extractor ex;
  Extraction out = ex.extract(c.input, {});
  EXPECT_TRUE(out.rejected.empty()) << out.rejected.front();
  Score s = score_document(read_jsonl(c.expected), out.records);
  std::string misses;
  for (const std::string& m : s.misses) misses += "\n  " + m;
  double floor = floor_for(fs::path(c.expected).stem().string());
  EXPECT_GE(s.f1(), floor) << fs::path(c.input).filename() << ": P " << s.precision() << " R " << s.recall() << misses;
  EXPECT_GE(s.status_accuracy(), 0.99);
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string n = fs::path(info.param.input).stem().string();
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Samples, Eval, ::testing::ValuesIn(cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Eval);

}  // namespace
}  // namespace kpix
