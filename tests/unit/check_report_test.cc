// kpix check: the HTML report (pure part: no rendering of pages).
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

TEST(CheckReport, DisagreementsFirstEnteredAndSourceShownEvidenceEmbedded) {
  SourceDocument doc{"000.txt", "000.txt", SourceKind::text, {}};
  json values = json::array();
  values.push_back({{"role", "baseline"}, {"period", {{"start", 2018}, {"end", 2018}, {"basis", "calendar"}}},
                    {"raw", "▲312人"}, {"value", -312}, {"unit", "人"}, {"status", "ok"}, {"qualifiers", json::array()},
                    {"source", {{"page", 1}, {"line", 214}}}});
  doc.records.push_back({{"municipality", {{"name", "岩見沢市"}}}, {"project", nullptr}, {"indicator", "転出超過数"},
                         {"unit", "人"}, {"values", values}, {"source", {{"page", 1}, {"line", 214}}}});
  std::vector<SourceDocument> docs{doc};
  Matcher m(docs);
  auto entry = [](int line, const char* value) {
    Entry e;
    e.line = line;
    e.municipality = "岩見沢市";
    e.indicator = "転出超過数";
    e.role = e.role_text = "baseline";
    e.year = "2018";
    e.period = Period{2018, 2018, Basis::unknown, Agg::none, "", {}};
    e.value = value;
    return e;
  };
  std::vector<CheckResult> results{m.check(entry(2, "▲312")), m.check(entry(3, "312"))};
  ASSERT_EQ(results[0].verdict, Verdict::match);
  ASSERT_EQ(results[1].verdict, Verdict::mismatch);
  Evidence png;
  png.png = std::string("\x89PNG\r\n\x1a\n", 8);
  png.caption = "000.txt p. 1";
  Evidence text;
  text.rows.push_back({214, {"転出超過数を 2014年の2分の1に抑制", "①転出超過数", "▲312人"}, true, 2, -1});
  std::string html = render_report_html(results, {{}, {png, text}}, m, {"entries.csv", "UTF-8", {"000.txt (1 records)"}, {}});
  size_t mismatch = html.find("id=\"line-3\""), match = html.find("id=\"line-2\"");
  ASSERT_NE(mismatch, std::string::npos);
  ASSERT_NE(match, std::string::npos);
  EXPECT_LT(mismatch, match);
  EXPECT_NE(html.find("sign lost"), std::string::npos);
  EXPECT_NE(html.find("data:image/png;base64,iVBORw0KGgo="), std::string::npos);
  EXPECT_NE(html.find("<td class=\"cell\">▲312人</td>"), std::string::npos);
  EXPECT_NE(html.find("1 match"), std::string::npos);
  EXPECT_NE(html.find("1 mismatch"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace kpix
