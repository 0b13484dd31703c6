#include "pipeline/output/schema_validator.h"
#include "tests/unit/example_record.h"

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
  for (const auto& f : faults) {
    if (f.pointer == "/values/2/status") {
      EXPECT_NE(f.message.find("not_surveyed"), std::string::npos) << f.message;
    }
  }
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

}  // namespace
}  // namespace kpix
