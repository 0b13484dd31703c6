// CSV fields for spreadsheets: formulas neutralised (issue 13, OWASP CSV
// injection), numbers and ordinary text untouched.
#include <gtest/gtest.h>

#include "pipeline/output/record_writers.h"

namespace kpix {
namespace {

struct FieldCase {
  const char* text;
  const char* plain;  // csv_field(text)
  const char* excel;  // csv_field(text, /*for_excel=*/true)
};

const FieldCase kFields[] = {
    {"=HYPERLINK(\"http://x.example/\",\"click\")", "\"=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\"",
     "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\""},
    {"=1+2+cmd|' /C calc'!A0", "=1+2+cmd|' /C calc'!A0", "'=1+2+cmd|' /C calc'!A0"},
    {"+SUM(1,2)", "\"+SUM(1,2)\"", "\"'+SUM(1,2)\""},
    {"@SUM(A1)", "@SUM(A1)", "'@SUM(A1)"},
    {"-2+3+cmd", "-2+3+cmd", "'-2+3+cmd"},
    {"\tx", "\tx", "'\tx"},
    {"\rx", "\"\rx\"", "\"'\rx\""},
    {"-3", "-3", "-3"},          // a number stays a number
    {"-0.36", "-0.36", "-0.36"},
    {"+1.5e3", "+1.5e3", "+1.5e3"},
    {"-", "-", "-"},             // a lone dash is no formula
    {"▲312人", "▲312人", "▲312人"},
    {"転出超過数", "転出超過数", "転出超過数"},
    {"a=b", "a=b", "a=b"},       // only the first character counts
    {"", "", ""},
};

TEST(CsvField, FormulasNeutralisedForExcelOnly) {
  for (const FieldCase& c : kFields) {
    EXPECT_EQ(csv_field(c.text), c.plain) << c.text;
    EXPECT_EQ(csv_field(c.text, true), c.excel) << c.text;
  }
}

TEST(CsvRows, ExcelRowsNeutraliseTextButNotValues) {
  nlohmann::json r = nlohmann::json::parse(R"j({"indicator":"=HYPERLINK(\"http://x\",\"c\")","level":"goal",
    "values":[{"role":"actual","raw":"-3","value":-3,"status":"ok"}]})j");
  std::string row = csv_rows(r, true);
  EXPECT_NE(row.find(",\"'=HYPERLINK("), std::string::npos) << row;
  EXPECT_NE(row.find(",-3,-3,"), std::string::npos) << row;
  EXPECT_NE(csv_rows(r).find(",\"=HYPERLINK("), std::string::npos);
}

}  // namespace
}  // namespace kpix
