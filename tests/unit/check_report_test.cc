// kpix check: the HTML report (pure part: evidence is handed in, no page is
// rendered). The record is 岩見沢's 転出超過数 (../shared/seeds/000 line 214).
#include <gtest/gtest.h>

#include "pipeline/check/report_html.h"

namespace kpix {
namespace {

using nlohmann::json;

TEST(CheckReport, Base64AndEscaping) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode(std::string("\x89PNG", 4)), "iVBORw==");
  EXPECT_EQ(html_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

TEST(CheckReport, LinksToSourcesAreRelativeToTheReportAndPercentEncoded) {
  EXPECT_EQ(source_href("/data/pdf/000-iwamizawa.pdf", "/data/out", 12), "../pdf/000-iwamizawa.pdf#page=12");
  EXPECT_EQ(source_href("/data/岩見沢 報告.pdf", "/data", 3),
            "%E5%B2%A9%E8%A6%8B%E6%B2%A2%20%E5%A0%B1%E5%91%8A.pdf#page=3");
  EXPECT_EQ(source_href("/data/a#b.txt", "/data", 0), "a%23b.txt");
}

struct Fixture {
  std::vector<SourceDocument> docs;
  std::unique_ptr<Matcher> m;
  Fixture() {
    SourceDocument doc{"/data/000.pdf", "000.pdf", SourceKind::pdf, {}};
    json values = json::array();
    values.push_back({{"role", "baseline"}, {"period", {{"start", 2018}, {"end", 2018}, {"basis", "calendar"}}},
                      {"raw", "▲312人"}, {"value", -312}, {"unit", "人"}, {"status", "ok"}, {"qualifiers", json::array()}});
    values.push_back({{"role", "actual"}, {"period", {{"start", 2020}, {"end", 2020}, {"basis", "calendar"}}},
                      {"raw", "▲341人"}, {"value", -341}, {"unit", "人"}, {"status", "ok"}, {"qualifiers", json::array()}});
    doc.records.push_back({{"municipality", {{"name", "岩見沢市"}}}, {"project", nullptr}, {"indicator", "転出超過数"},
                           {"unit", "人"}, {"values", values}, {"source", {{"page", 12}, {"bbox", {56, 310, 780, 352}}}}});
    docs.push_back(doc);
    m = std::make_unique<Matcher>(docs);
  }
  CheckResult check(int line, const char* value, const char* role = "baseline", int year = 2018) {
    Entry e;
    e.line = line;
    e.municipality = "岩見沢市";
    e.indicator = "転出超過数";
    e.role = role_from_string(role);
    e.role_text = role;
    e.year = std::to_string(year);
    e.period = Period{year, year, Basis::unknown, Agg::none, "", {}};
    e.value = value;
    return m->check(e);
  }
};

struct Written {
  std::string html;
  int pictures_made = 0;
};

Written write_report(Fixture& f, const std::vector<CheckResult>& results, const char* lang) {
  Written w;
  ReportWriter::MakeEvidence make = [&](const SourceHit& hit, const std::optional<SourceHit>&) {
    ++w.pictures_made;
    Evidence e;
    e.png = std::string("\x89PNG\r\n\x1a\n", 8);
    e.caption = "000.pdf p. 12";
    e.path = f.m->document(hit).path;
    e.page = 12;
    return e;
  };
  ReportWriter writer(*f.m, make, *report_labels(lang), "entries.csv", "/data/out");
  for (const CheckResult& r : results) writer.add(r);
  writer.finish({"entries.csv", "UTF-8", {"000.pdf (1 records)"}, {}}, [&](std::string_view s) { w.html += s; });
  return w;
}

TEST(CheckReport, DisagreementsFirstInJapaneseWithThePictureLinkedToItsPage) {
  Fixture f;
  std::vector<CheckResult> results{f.check(2, "▲312"), f.check(3, "312"), f.check(4, "312")};
  ASSERT_EQ(results[0].verdict, Verdict::match);
  ASSERT_EQ(results[1].verdict, Verdict::mismatch);
  Written w = write_report(f, results, "ja");
  const std::string& html = w.html;
  size_t mismatch = html.find("id=\"line-3\""), match = html.find("id=\"line-2\"");
  ASSERT_NE(mismatch, std::string::npos);
  ASSERT_NE(match, std::string::npos);
  EXPECT_LT(mismatch, match);
  EXPECT_NE(html.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(html.find("1 一致"), std::string::npos);
  EXPECT_NE(html.find("2 不一致"), std::string::npos);
  EXPECT_NE(html.find("一致しなかった行 (2)"), std::string::npos);
  EXPECT_NE(html.find("一致した行 (1)"), std::string::npos);
  // The heading shows what was entered: line, indicator, role and year as typed.
  EXPECT_NE(html.find("3行目: 転出超過数 <span class=\"typed\">baseline 2018</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("診断: 符号の欠落 — sign lost"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"../000.pdf#page=12\"><img"), std::string::npos) << html;
  EXPECT_NE(html.find("000.pdf の 12 ページを開く"), std::string::npos);
  EXPECT_NE(html.find("data:image/png;base64,iVBORw0KGgo="), std::string::npos);
  // The second card for the same source value links to the first one's picture.
  EXPECT_EQ(w.pictures_made, 1);
  EXPECT_NE(html.find("<a href=\"#line-3\">画像は 3行目にあります</a>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(CheckReport, EnglishOnRequest) {
  Fixture f;
  Written w = write_report(f, {f.check(2, "▲312"), f.check(3, "312")}, "en");
  EXPECT_NE(w.html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(w.html.find("1 match"), std::string::npos);
  EXPECT_NE(w.html.find("1 mismatch"), std::string::npos);
  EXPECT_NE(w.html.find("line 3: 転出超過数"), std::string::npos);
  EXPECT_NE(w.html.find("Diagnosis: sign lost"), std::string::npos);
  EXPECT_NE(w.html.find("open page 12 of 000.pdf"), std::string::npos);
  EXPECT_EQ(w.html.find("不一致"), std::string::npos);
}

TEST(CheckReport, MatchesBeyondTheFirstThousandAreCounted) {
  Fixture f;
  std::vector<CheckResult> results;
  for (int i = 0; i < 1005; ++i) results.push_back(f.check(2 + i, "▲312"));
  results.push_back(f.check(1007, "▲314"));
  Written w = write_report(f, results, "ja");
  size_t rows = 0;
  for (size_t at = w.html.find("<tr id=\"line-"); at != std::string::npos; at = w.html.find("<tr id=\"line-", at + 1)) ++rows;
  EXPECT_EQ(rows, ReportWriter::kMatchRows);
  EXPECT_NE(w.html.find("id=\"line-1001\""), std::string::npos);
  EXPECT_EQ(w.html.find("id=\"line-1002\""), std::string::npos);
  EXPECT_NE(w.html.find("ほか 5 行が一致"), std::string::npos);
  EXPECT_NE(w.html.find("一致した行 (1005)"), std::string::npos);
  EXPECT_NE(w.html.find("id=\"line-1007\""), std::string::npos) << "disagreements are shown in full";
}

}  // namespace
}  // namespace kpix
