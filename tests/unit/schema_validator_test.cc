#include "pipeline/output/schema_validator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace kpix {
namespace {

// The example of ../shared/spec/records.md, with a real-looking document hash
// and a source on each value.
nlohmann::json example_record() {
  return nlohmann::json::parse(R"json({
    "schema": "kpix/kpi-record/1",
    "municipality": {"name": "岩見沢市", "code": "012106"},
    "document": {"file": "iwamizawa-2023.pdf",
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "date": "2023-12-20", "title": "岩見沢市総合戦略について"},
    "goal": {"number": 1, "title": "安定した雇用を創出するとともに、経済を支える人材を育て活かす"},
    "level": "project",
    "project": "創業支援事業",
    "indicator": "創業塾受講後の創業人数",
    "unit": "人",
    "values": [
      {"role": "baseline", "period": {"start": 2016, "end": 2018, "basis": "fiscal", "agg": "sum"}, "raw": "26人",
       "value": 26, "unit": "人", "status": "ok", "qualifiers": [], "source": {"page": 7, "bbox": [300.1, 320.0, 340.5, 340.2]}},
      {"role": "actual", "period": {"start": 2021, "end": 2021, "basis": "fiscal"}, "raw": "10人 (通算19人)",
       "value": 10, "cumulative": 19, "unit": "人", "status": "ok", "qualifiers": [], "source": {"page": 7, "bbox": [420.0, 320.0, 480.5, 340.2]}},
      {"role": "target", "period": {"start": 2020, "end": 2024, "basis": "fiscal", "agg": "sum"}, "raw": "50人 (5年間合計)",
       "value": 50, "unit": "人", "status": "ok", "qualifiers": ["total"], "source": {"page": 7, "bbox": [600.0, 320.0, 700.5, 340.2]}}
    ],
    "source": {"page": 7, "bbox": [56.2, 310.0, 780.4, 352.9]},
    "warnings": []
  })json");
}

std::vector<std::string> pointers(const std::vector<SchemaFault>& faults) {
  std::vector<std::string> out;
  for (const auto& f : faults) out.push_back(f.pointer);
  return out;
}

std::string dump(const std::vector<SchemaFault>& faults) {
  std::string s;
  for (const auto& f : faults) s += f.pointer + ": " + f.message + "\n";
  return s;
}

TEST(RecordValidator, ExampleRecordPasses) {
  RecordValidator v;
  auto faults = v.validate(example_record());
  EXPECT_TRUE(faults.empty()) << dump(faults);
  EXPECT_EQ(RecordValidator::schema_version(), "kpix/kpi-record/1");
}

TEST(RecordValidator, TextInputRecordWithLinesPasses) {
  auto r = example_record();
  r["source"] = {{"page", 3}, {"line", 140}};
  for (auto& v : r["values"]) v["source"] = {{"page", 3}, {"line", 140}};
  r["municipality"]["code"] = nullptr;
  r["document"]["date"] = nullptr;
  r["level"] = "goal";
  r["project"] = nullptr;
  r["values"][0]["status"] = "not_surveyed";
  r["values"][0]["value"] = nullptr;
  EXPECT_TRUE(RecordValidator().validate(r).empty()) << dump(RecordValidator().validate(r));
}

TEST(RecordValidator, WrongStatusEnum) {
  auto r = example_record();
  r["values"][2]["status"] = "done";
  auto faults = RecordValidator().validate(r);
  ASSERT_FALSE(faults.empty());
  auto p = pointers(faults);
  EXPECT_NE(std::find(p.begin(), p.end(), "/values/2/status"), p.end()) << dump(faults);
  for (const auto& f : faults)
    if (f.pointer == "/values/2/status") EXPECT_NE(f.message.find("not_surveyed"), std::string::npos) << f.message;
}

TEST(RecordValidator, MissingIndicator) {
  auto r = example_record();
  r.erase("indicator");
  auto faults = RecordValidator().validate(r);
  ASSERT_EQ(faults.size(), 1u) << dump(faults);
  EXPECT_EQ(faults[0].pointer, "/indicator");
  EXPECT_NE(faults[0].message.find("missing"), std::string::npos);
}

TEST(RecordValidator, StatusOkWithNullValue) {
  auto r = example_record();
  r["values"][1]["value"] = nullptr;
  auto faults = RecordValidator().validate(r);
  ASSERT_EQ(faults.size(), 1u) << dump(faults);
  EXPECT_EQ(faults[0].pointer, "/values/1/value");
}

TEST(RecordValidator, OtherStatusWithNumber) {
  auto r = example_record();
  r["values"][1]["status"] = "unpublished";
  auto faults = RecordValidator().validate(r);
  ASSERT_EQ(faults.size(), 1u) << dump(faults);
  EXPECT_EQ(faults[0].pointer, "/values/1/value");
}

TEST(RecordValidator, BadPeriodBasis) {
  auto r = example_record();
  r["values"][0]["period"]["basis"] = "year";
  auto faults = RecordValidator().validate(r);
  ASSERT_EQ(faults.size(), 1u) << dump(faults);
  EXPECT_EQ(faults[0].pointer, "/values/0/period/basis");
}

TEST(RecordValidator, MalformedMunicipalityCode) {
  for (const char* code : {"12106", "01210a", "0121060"}) {
    auto r = example_record();
    r["municipality"]["code"] = code;
    auto faults = RecordValidator().validate(r);
    ASSERT_EQ(faults.size(), 1u) << code << "\n" << dump(faults);
    EXPECT_EQ(faults[0].pointer, "/municipality/code");
  }
  auto r = example_record();
  r["municipality"]["code"] = 12106;
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/municipality/code"});
}

TEST(RecordValidator, CrossFieldRules) {
  auto r = example_record();
  r["level"] = "goal";  // goal records have no project
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/project"});

  r = example_record();
  r["shared_with"] = "移住定住促進事業";  // needs qualifiers: [shared]
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/qualifiers"});
  r["qualifiers"] = {"shared"};
  EXPECT_TRUE(RecordValidator().validate(r).empty());

  r = example_record();
  r["values"][1]["status"] = "invalid";
  r["values"][1]["value"] = nullptr;  // invalid needs a warning on the record
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/warnings"});
  r["warnings"] = {"values[1]: 9,18 is not a number"};
  EXPECT_TRUE(RecordValidator().validate(r).empty());

  r = example_record();
  r["values"][0]["period"]["end"] = 2015;
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/values/0/period/end"});

  r = example_record();
  r["values"][0]["source"] = {{"page", 7}};  // neither bbox nor line
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/values/0/source"});

  r = example_record();
  r["unexpected"] = true;
  EXPECT_EQ(pointers(RecordValidator().validate(r)), std::vector<std::string>{"/unexpected"});
}

TEST(RecordValidator, SharedAcrossThreads) {
  const RecordValidator v;
  auto good = example_record();
  auto bad = example_record();
  bad["values"][2]["status"] = "done";
  std::array<int, 4> bad_counts{};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (!v.validate(good).empty()) bad_counts[t] += 1000;
        if (v.validate(bad).empty()) bad_counts[t] += 1;
      }
    });
  for (auto& th : threads) th.join();
  for (int c : bad_counts) EXPECT_EQ(c, 0);
}

TEST(JsonLineMap, PointsIntoPrettyPrintedText) {
  std::string text = "[\n  {\n    \"a\": 1,\n    \"values\": [\n      {\"status\": \"x\"},\n      {\"status\": \"y\"}\n    ]\n  }\n]\n";
  JsonLineMap lines(text);
  EXPECT_EQ(lines.line_of("/0"), 2);
  EXPECT_EQ(lines.line_of("/0/a"), 3);
  EXPECT_EQ(lines.line_of("/0/values/1/status"), 6);
  EXPECT_EQ(lines.line_of("/0/missing"), 2);
}

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
