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
  e.role = role_from_string(role);
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

// 砂川's KPI集計表 (../shared/seeds/002, lines 12-13): 砂川高校からの市内企業就職率,
// 目標値 3年度 36.0 / 4年度 37.0 over 実績値 36.6 / 25.0 (%, 令和 implied).
std::vector<SourceDocument> sunagawa_docs() {
  SourceDocument d{"002.txt", "002.txt", SourceKind::text, {}};
  json r = rec("砂川高校からの市内企業就職率", "豊かな労働環境の充実支援事業", "%", 12,
               {val("target", 2021, 2021, "36.0", 36.0, "%", 12), val("target", 2022, 2022, "37.0", 37.0, "%", 12),
                val("actual", 2021, 2021, "36.6", 36.6, "%", 13), val("actual", 2022, 2022, "25.0", 25.0, "%", 13)});
  r["municipality"] = {{"name", "砂川市"}, {"code", "012262"}};
  d.records.push_back(r);
  return {d};
}

TEST(CheckDiagnoseRows, ActualTypedThatIsTheTargetOfThatYearAndTheReverse) {
  auto docs = sunagawa_docs();
  Matcher m(docs);
  auto a = m.check(entry("砂川高校からの市内企業就職率", "actual", "2022", "37.0", "%", "", "砂川市"));
  EXPECT_EQ(a.verdict, Verdict::mismatch);
  ASSERT_TRUE(a.diagnosis);
  EXPECT_EQ(a.diagnosis->kind, "other_role_same_year");
  EXPECT_EQ(a.diagnosis->text, "the document's target (目標値) 2022 is 37.0: the target was typed as the actual");
  ASSERT_TRUE(a.diagnosis->other);
  EXPECT_EQ(m.value(*a.diagnosis->other)["raw"], "37.0");
  auto t = m.check(entry("砂川高校からの市内企業就職率", "target", "2021", "36.6", "", "", "砂川市"));
  ASSERT_TRUE(t.diagnosis);
  EXPECT_EQ(t.diagnosis->kind, "other_role_same_year");
  EXPECT_EQ(t.diagnosis->text, "the document's actual (実績) 2021 is 36.6: the actual was typed as the target");
  // The same year in another role is the more telling reading than another
  // year of the same role: 36.0 is only the 2021 target.
  auto y = m.check(entry("砂川高校からの市内企業就職率", "actual", "2022", "36.6", "", "", "砂川市"));
  EXPECT_EQ(y.diagnosis->kind, "other_year");
}

TEST(CheckDiagnoseRows, PercentTypedAsAFraction) {
  auto docs = sunagawa_docs();
  Matcher m(docs);
  auto r = m.check(entry("砂川高校からの市内企業就職率", "actual", "2022", "0.25", "", "", "砂川市"));
  EXPECT_EQ(r.verdict, Verdict::mismatch);
  ASSERT_TRUE(r.diagnosis);
  EXPECT_EQ(r.diagnosis->kind, "percent_as_fraction");
  EXPECT_EQ(r.diagnosis->text, "a percentage typed as a fraction: 0.25 for 25 %");
  // With % in the unit column too.
  EXPECT_EQ(m.check(entry("砂川高校からの市内企業就職率", "actual", "2021", "0.366", "%", "", "砂川市")).diagnosis->kind,
            "percent_as_fraction");
  // Money is no percentage: 16600 is a hundredth of 1,660千円 but no fraction of it.
  std::vector<SourceDocument> seed = seed_docs();
  Matcher s(seed);
  auto c = s.check(entry("1人あたりの総所得", "actual", "2021", "16600"));
  EXPECT_NE(c.diagnosis ? c.diagnosis->kind : "", "percent_as_fraction");
}

// 神戸's 事務事業評価シート (kobe_h25_jimujigyo_hyoka_009.pdf, 事業実績等):
// 対象施設数 22年度実績 366, 23年度実績 379, 24年度実績 413, 25年度見込み 286: an
// actual column's 見込 is an actual with the qualifier estimate.
std::vector<SourceDocument> kobe_docs() {
  SourceDocument d{"kobe.pdf", "kobe.pdf", SourceKind::pdf, {}};
  json estimate = val("actual", 2013, 2013, "286", 286, "", 0);
  estimate["qualifiers"] = {"estimate"};
  json r = rec("対象施設数", "福祉施設への上下水道減免", "", 0,
               {val("actual", 2010, 2010, "366", 366, "", 0), val("actual", 2011, 2011, "379", 379, "", 0),
                val("actual", 2012, 2012, "413", 413, "", 0), estimate});
  r["municipality"] = {{"name", "神戸市"}, {"code", "281000"}};
  d.records.push_back(r);
  return {d};
}

Entry estimate_entry(const char* role, int year, const char* value) {
  Entry e = entry("対象施設数", role, "", value, "", "", "神戸市");
  e.estimate = true;
  e.year = std::to_string(year);
  e.period = Period{year, year, Basis::unknown, Agg::none, "", {}};
  return e;
}

TEST(CheckEstimates, An見込EntryIsMatchedToTheEstimate) {
  auto docs = kobe_docs();
  Matcher m(docs);
  // 見込 alone: the estimate of whichever role.
  auto a = m.check(estimate_entry("", 2013, "286"));
  EXPECT_EQ(a.verdict, Verdict::match) << a.reason;
  EXPECT_EQ(a.reason, "");
  // 実績見込: the actual's estimate.
  EXPECT_EQ(m.check(estimate_entry("actual", 2013, "286")).verdict, Verdict::match);
  // No estimate for a closed year, even where the actual is there.
  auto b = m.check(estimate_entry("", 2012, "413"));
  EXPECT_EQ(b.verdict, Verdict::not_found);
  EXPECT_EQ(b.reason, "indicator '対象施設数' found, but no estimate (見込) value for 2012 (it has estimate (見込): 2013)");
  // A target's estimate is not an actual's.
  EXPECT_EQ(m.check(estimate_entry("target", 2013, "286")).verdict, Verdict::not_found);
  // An actual typed without 見込 still finds the figure, and says what it is.
  auto c = m.check(entry("対象施設数", "actual", "2013", "286", "", "", "神戸市"));
  EXPECT_EQ(c.verdict, Verdict::match);
  EXPECT_EQ(c.reason, "the source value is an estimate (見込: 286)");
}

TEST(CheckEstimates, TheFinalFigureIsPreferredAndTheEstimateTypedForItIsNamed) {
  // A later sheet giving both for 2013 (made up from the one above: no
  // document at hand prints both).
  auto docs = kobe_docs();
  json& values = docs[0].records[0]["values"];
  values.push_back(val("actual", 2013, 2013, "290", 290, "", 0));
  Matcher m(docs);
  auto r = m.check(entry("対象施設数", "actual", "2013", "290", "", "", "神戸市"));
  EXPECT_EQ(r.verdict, Verdict::match) << r.reason;
  EXPECT_EQ(r.reason, "");
  auto e = m.check(entry("対象施設数", "actual", "2013", "286", "", "", "神戸市"));
  EXPECT_EQ(e.verdict, Verdict::mismatch);
  ASSERT_TRUE(e.diagnosis);
  EXPECT_EQ(e.diagnosis->kind, "estimate_or_final");
  EXPECT_EQ(e.diagnosis->text, "the document's actual (実績) estimate (見込) 2013 is 286: the estimate was typed for the final figure");
  auto f = m.check(estimate_entry("actual", 2013, "290"));
  ASSERT_TRUE(f.diagnosis);
  EXPECT_EQ(f.diagnosis->kind, "estimate_or_final");
  EXPECT_NE(f.diagnosis->text.find("the final figure was typed for the estimate"), std::string::npos) << f.diagnosis->text;
}

TEST(CheckEstimates, ApproximateAndRelativeSourcesAreNoted) {
  auto docs = kobe_docs();
  json& v = docs[0].records[0]["values"][2];
  v["raw"] = "約413";
  v["qualifiers"] = {"approximate"};
  Matcher m(docs);
  auto r = m.check(entry("対象施設数", "actual", "2012", "413", "", "", "神戸市"));
  EXPECT_EQ(r.verdict, Verdict::match);
  EXPECT_EQ(r.reason, "the source value is approximate (約413)");
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
