// kpix check: finding the source value of an entry, verdicts and diagnoses.
// The records below are written by hand from ../shared/seeds/000 (岩見沢市,
// lines 83, 140, 214-216, 284) and 001 (line 209), in the record format of
// ../shared/spec/records.md.
#include <gtest/gtest.h>

#include "pipeline/check/matcher.h"

namespace kpix {
namespace {

using nlohmann::json;

json val(const char* role, int start, int end, const char* raw, json value, const char* unit, int line,
         const char* status = "ok") {
  json v = {{"role", role}, {"raw", raw}, {"value", value}, {"unit", unit}, {"status", status},
            {"qualifiers", json::array()}, {"source", {{"page", 1}, {"line", line}}}};
  if (start) v["period"] = {{"start", start}, {"end", end}, {"basis", "fiscal"}};
  return v;
}

json rec(const char* indicator, const char* project, const char* unit, int line, json values) {
  return {{"schema", "kpix/kpi-record/1"},
          {"municipality", {{"name", "岩見沢市"}, {"code", "012106"}}},
          {"level", project ? "project" : "goal"},
          {"project", project ? json(project) : json(nullptr)},
          {"indicator", indicator},
          {"unit", unit},
          {"values", values},
          {"source", {{"page", 1}, {"line", line}}},
          {"warnings", json::array()}};
}

std::vector<SourceDocument> seed_docs() {
  SourceDocument d000{"000.txt", "000.txt", SourceKind::text, {}};
  d000.records.push_back(rec("1人あたりの総所得", nullptr, "円", 83,
                             {val("baseline", 2018, 2018, "1,498千円", 1498000, "円", 83),
                              val("actual", 2020, 2020, "1,622千円", 1622000, "円", 83),
                              val("actual", 2021, 2021, "1,660千円", 1660000, "円", 83),
                              val("actual", 2022, 2022, "1,718千円", 1718000, "円", 83),
                              val("actual", 2023, 2023, "－", nullptr, "", 83, "none"),
                              val("target", 2024, 2024, "1,600千円", 1600000, "円", 83)}));
  d000.records.push_back(rec("転出超過数", nullptr, "人", 214,
                             {val("baseline", 2018, 2018, "▲312人", -312, "人", 214),
                              val("actual", 2020, 2020, "▲341人", -341, "人", 214),
                              val("actual", 2021, 2021, "▲349人", -349, "人", 214),
                              val("actual", 2022, 2022, "▲389人", -389, "人", 214),
                              val("target", 2024, 2024, "▲275人", -275, "人", 214)}));
  d000.records.push_back(rec("「住み続けたい」の回答割合", nullptr, "%", 216,
                             {val("baseline", 2018, 2018, "67.5%", 67.5, "%", 216),
                              val("actual", 2020, 2020, "非調査年", nullptr, "", 216, "not_surveyed"),
                              val("actual", 2021, 2021, "59.1%", 59.1, "%", 216)}));
  json cumulative = val("actual", 2021, 2021, "10人 (通算19人)", 10, "人", 140);
  cumulative["cumulative"] = 19;
  d000.records.push_back(rec("創業塾受講後の創業人数", "創業支援事業", "人", 140,
                             {val("baseline", 2016, 2018, "26人", 26, "人", 140),
                              val("actual", 2020, 2020, "9人", 9, "人", 140), cumulative,
                              val("target", 2020, 2024, "50人 (5年間合計)", 50, "人", 140)}));
  d000.records.push_back(rec("社会動態における転入率", "移住定住促進事業", "%", 284,
                             {val("baseline", 2018, 2018, "3.19%", 3.19, "%", 284),
                              val("actual", 2020, 2020, "3.05%", 3.05, "%", 284),
                              val("target", 2024, 2024, "3.20% (計画終了時)", 3.2, "%", 284)}));
  d000.records.push_back(rec("社会動態における転入率", "シティプロモーション推進事業", "%", 300, json::array()));
  SourceDocument d001{"001.txt", "001.txt", SourceKind::text, {}};
  d001.records.push_back(rec("社会動態における転入率", "移住定住促進事業", "%", 209,
                             {val("baseline", 2020, 2022, "3.09% (R2~R4平均)", 3.09, "%", 209),
                              val("actual", 2024, 2024, "3.18%", 3.18, "%", 209)}));
  d001.records.push_back(rec("「住み続けたい」の回答割合", nullptr, "%", 140,
                             {val("baseline", 2018, 2018, "67.5%", 67.5, "%", 140),
                              val("actual", 2024, 2024, "60.7%", 60.7, "%", 140)}));
  return {d000, d001};
}

Entry entry(const char* indicator, const char* role, const char* year, const char* value, const char* unit = "",
            const char* project = "", const char* municipality = "岩見沢市") {
  Entry e;
  e.line = 2;
  e.municipality = municipality;
  e.project = project;
  e.indicator = indicator;
  e.role = role;
  e.role_text = role;
  e.year = year;
  if (*year) {
    int y = std::atoi(year);
    e.period = Period{y, y, Basis::unknown, Agg::none, "", {}};
  }
  e.value = value;
  e.unit = unit;
  return e;
}

class CheckMatcher : public ::testing::Test {
 protected:
  std::vector<SourceDocument> docs = seed_docs();
  Matcher m{docs};
  std::string kind(const CheckResult& r) { return r.diagnosis ? r.diagnosis->kind : "(none)"; }
};

TEST_F(CheckMatcher, CorrectEntriesMatch) {
  auto r = m.check(entry("転出超過数", "baseline", "2018", "▲312", "人"));
  EXPECT_EQ(r.verdict, Verdict::match) << r.reason;
  ASSERT_TRUE(r.source);
  EXPECT_EQ(m.value(*r.source)["raw"], "▲312人");
  EXPECT_EQ(m.check(entry("①転出超過数", "actual", "2021", "-349")).verdict, Verdict::match);
  EXPECT_EQ(m.check(entry("１人あたりの 総所得", "baseline", "2018", "1,498", "千円")).verdict, Verdict::match);
  EXPECT_EQ(m.check(entry("1人あたりの総所得", "actual", "2020", "1622000")).verdict, Verdict::match);
  EXPECT_EQ(m.check(entry("1人あたりの総所得（千円）", "actual", "2022", "１，７１８", "千円")).verdict, Verdict::match);
  EXPECT_EQ(m.check(entry("住み続けたいの回答割合", "actual", "2021", "59.1%")).verdict, Verdict::match);
  EXPECT_EQ(m.check(entry("「住み続けたい」の回答割合", "actual", "2020", "非調査年")).verdict, Verdict::match);
  // A single year matches a range's end year (5年間合計 2020–2024).
  auto t = m.check(entry("創業塾受講後の創業人数", "target", "2024", "50"));
  EXPECT_EQ(t.verdict, Verdict::match);
  EXPECT_NE(t.reason.find("2020–2024"), std::string::npos) << t.reason;
}

TEST_F(CheckMatcher, SignLost) {
  auto r = m.check(entry("転出超過数", "baseline", "2018", "312", "人"));
  EXPECT_EQ(r.verdict, Verdict::mismatch);
  EXPECT_EQ(kind(r), "sign_lost");
}

TEST_F(CheckMatcher, FactorThousandAndTenThousand) {
  // 1,498千円 typed as 1498 with no unit.
  auto r = m.check(entry("1人あたりの総所得", "baseline", "2018", "1498"));
  EXPECT_EQ(r.verdict, Verdict::mismatch);
  EXPECT_EQ(kind(r), "factor_1000");
  // 1,622千円 typed as 1,622,000 with 千円 in the unit column.
  EXPECT_EQ(kind(m.check(entry("1人あたりの総所得", "actual", "2020", "1622000", "千円"))), "factor_1000");
  // 1,660千円 = 166万円: typed 166 with no unit.
  EXPECT_EQ(kind(m.check(entry("1人あたりの総所得", "actual", "2021", "166"))), "factor_10000");
  EXPECT_EQ(kind(m.check(entry("1人あたりの総所得", "actual", "2021", "1660000", "万円"))), "factor_10000");
  EXPECT_EQ(m.check(entry("1人あたりの総所得", "actual", "2021", "166", "万円")).verdict, Verdict::match);
}

TEST_F(CheckMatcher, DigitsTransposedAndOneDigitWrong) {
  EXPECT_EQ(kind(m.check(entry("1人あたりの総所得", "actual", "2020", "1,262", "千円"))), "digits_transposed");
  EXPECT_EQ(kind(m.check(entry("転出超過数", "actual", "2022", "▲398"))), "digits_transposed");
  EXPECT_EQ(kind(m.check(entry("1人あたりの総所得", "actual", "2022", "1,719", "千円"))), "one_digit_wrong");
  EXPECT_EQ(kind(m.check(entry("「住み続けたい」の回答割合", "baseline", "2018", "67.3"))), "one_digit_wrong");
  EXPECT_EQ(kind(m.check(entry("転出超過数", "actual", "2020", "▲31"))), "digit_missing");
}

TEST_F(CheckMatcher, ValueOfAnotherYearOrRole) {
  auto y = m.check(entry("転出超過数", "actual", "2021", "▲341"));
  EXPECT_EQ(y.verdict, Verdict::mismatch);
  EXPECT_EQ(kind(y), "other_year");
  ASSERT_TRUE(y.diagnosis && y.diagnosis->other);
  EXPECT_EQ(m.value(*y.diagnosis->other)["raw"], "▲341人");
  auto r = m.check(entry("転出超過数", "target", "2024", "▲312"));
  EXPECT_EQ(kind(r), "other_role");
  EXPECT_NE(r.diagnosis->text.find("baseline"), std::string::npos);
}

TEST_F(CheckMatcher, RunningTotalEntered) {
  EXPECT_EQ(kind(m.check(entry("創業塾受講後の創業人数", "actual", "2021", "19", "人", "創業支援事業"))), "cumulative_total");
}

TEST_F(CheckMatcher, NotFoundSaysWhy) {
  auto a = m.check(entry("転出超過率", "baseline", "2018", "1"));
  EXPECT_EQ(a.verdict, Verdict::not_found);
  EXPECT_NE(a.reason.find("転出超過数"), std::string::npos) << a.reason;  // closest name suggested
  auto b = m.check(entry("転出超過数", "actual", "2019", "▲300"));
  EXPECT_EQ(b.verdict, Verdict::not_found);
  EXPECT_NE(b.reason.find("2020"), std::string::npos) << b.reason;
  auto c = m.check(entry("転出超過数", "baseline", "2018", "▲312", "", "", "砂川市"));
  EXPECT_EQ(c.verdict, Verdict::not_found);
  EXPECT_NE(c.reason.find("砂川市"), std::string::npos);
  auto d = m.check(entry("創業塾受講後の創業人数", "actual", "2020", "9", "", "観光振興事業"));
  EXPECT_EQ(d.verdict, Verdict::not_found);
  EXPECT_NE(d.reason.find("創業支援事業"), std::string::npos) << d.reason;
}

TEST_F(CheckMatcher, AmbiguousListsCandidatesAndProjectOrSameValueSettlesIt) {
  // No year: 000 has baseline 3.19 (2018), 001 has 3.09 (2020–2022).
  auto a = m.check(entry("社会動態における転入率", "baseline", "", "3.19"));
  EXPECT_EQ(a.verdict, Verdict::ambiguous);
  EXPECT_EQ(a.candidates.size(), 2u);
  EXPECT_NE(a.reason.find("3.09"), std::string::npos) << a.reason;
  // The same value in both documents is one answer.
  auto b = m.check(entry("「住み続けたい」の回答割合", "baseline", "2018", "67.5"));
  EXPECT_EQ(b.verdict, Verdict::match);
  EXPECT_EQ(b.also.size(), 1u);
  // A year settles it.
  EXPECT_EQ(m.check(entry("社会動態における転入率", "baseline", "2018", "3.19")).verdict, Verdict::match);
}

TEST_F(CheckMatcher, SourceWithoutNumber) {
  auto r = m.check(entry("1人あたりの総所得", "actual", "2023", "1,718", "千円"));
  EXPECT_EQ(r.verdict, Verdict::mismatch);
  EXPECT_EQ(kind(r), "other_year");  // the 2022 value typed into 2023
}

TEST_F(CheckMatcher, JsonHasTheDocumentedFields) {
  auto r = m.check(entry("転出超過数", "baseline", "2018", "312", "人"));
  json j = result_to_json(r, m);
  EXPECT_EQ(j["line"], 2);
  EXPECT_EQ(j["verdict"], "mismatch");
  EXPECT_EQ(j["entered"]["text"], "312");
  EXPECT_EQ(j["entered"]["value"], 312);
  EXPECT_EQ(j["source"]["value"], -312);
  EXPECT_EQ(j["source"]["raw"], "▲312人");
  EXPECT_EQ(j["source"]["document"], "000.txt");
  EXPECT_EQ(j["source"]["line"], 214);
  EXPECT_EQ(j["diagnosis"]["kind"], "sign_lost");
}

TEST(CheckDiagnose, Numbers) {
  EXPECT_EQ(diagnose_numbers(312, -312)->kind, "sign_lost");
  EXPECT_EQ(diagnose_numbers(-312, 312)->kind, "sign_added");
  EXPECT_EQ(diagnose_numbers(1498, 1498000)->kind, "factor_1000");
  EXPECT_EQ(diagnose_numbers(1498000000, 1498000)->kind, "factor_1000");
  EXPECT_EQ(diagnose_numbers(199.5, 1995000)->kind, "factor_10000");
  EXPECT_EQ(diagnose_numbers(7.4, 7.04), std::nullopt);
  EXPECT_EQ(diagnose_numbers(7.40, 4.70)->kind, "digits_transposed");
  EXPECT_EQ(diagnose_numbers(1037, 1307)->kind, "digits_transposed");
  EXPECT_EQ(diagnose_numbers(1337, 1307)->kind, "one_digit_wrong");
  EXPECT_EQ(diagnose_numbers(5000, 500), std::nullopt);  // a factor of 10 is not named
  EXPECT_EQ(diagnose_numbers(1, 1), std::nullopt);
}

TEST(CheckNames, KeysIgnoreWidthMarkersSpacesBracketsAndUnit) {
  EXPECT_EQ(name_key("①1人あたりの総所得"), name_key("１人あたりの 総所得"));
  EXPECT_EQ(name_key("③「住み続けたい」の回答割合"), name_key("住み続けたいの回答割合"));
  EXPECT_EQ(name_key("内定者数(人)"), name_key("内定者数"));
  EXPECT_EQ(name_key("ICT農業"), name_key("ｉｃｔ農業"));
  EXPECT_NE(name_key("転出超過数"), name_key("転入超過数"));
}

TEST(CheckNames, FormatNumber) {
  EXPECT_EQ(format_number(1498000), "1498000");
  EXPECT_EQ(format_number(7.04), "7.04");
  EXPECT_EQ(format_number(-312), "-312");
  EXPECT_EQ(format_number(-0.5), "-0.5");
}

}  // namespace
}  // namespace kpix
