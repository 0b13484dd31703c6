// parse_csv: records, their starting lines and the malformed-record messages,
// table-driven. Each malformed record is reported on its first line alone and
// reading goes on with the next line.
#include "pipeline/check/csv_rows.h"

#include <gtest/gtest.h>

namespace kpix {
namespace {

struct Row {
  int line;
  std::vector<std::string> fields;
  std::string error;
};

struct Case {
  const char* name;
  std::string text;
  std::vector<Row> rows;
};

std::string dump(const std::vector<CsvRow>& rows) {
  std::string s;
  for (const CsvRow& r : rows) {
    s += std::to_string(r.line) + ":";
    for (const std::string& f : r.fields) s += " [" + f + "]";
    if (!r.error.empty()) s += " error: " + r.error;
    s += "\n";
  }
  return s;
}

TEST(CsvRows, Table) {
  const Case cases[] = {
      {"plain", "a,b\n1,2\n", {{1, {"a", "b"}, ""}, {2, {"1", "2"}, ""}}},
      {"more tabs than commas on the first line: tabs", "a\tb\tc,d\n1\t2\n",
       {{1, {"a", "b", "c,d"}, ""}, {2, {"1", "2"}, ""}}},
      {"as many tabs as commas: commas", "a\tb,c\n", {{1, {"a\tb", "c"}, ""}}},
      {"blank lines skipped, lines still counted", "\n\r\na,b\n\nc\n", {{3, {"a", "b"}, ""}, {5, {"c"}, ""}}},
      {"CR line ends", "a,b\rc,d", {{1, {"a", "b"}, ""}, {2, {"c", "d"}, ""}}},
      {"quoted field over a line end, doubled quote", "\"x\ny\",\"q\"\"u\"\nz\n",
       {{1, {"x\ny", "q\"u"}, ""}, {3, {"z"}, ""}}},
      {"empty fields kept", ",,\n", {{1, {"", "", ""}, ""}}},
      {"quote never closed", "x,\"never\nclosed,y\n",
       {{1, {}, "a quoted field is not closed"}, {2, {"closed", "y"}, ""}}},
      {"quote closed inside a later line's field", "a,\"b\nc\"d,e\nnext\n",
       {{1, {}, "a quote in field 2 is not closed on this line (it runs into line 2)"},
        {2, {"c\"d", "e"}, ""},
        {3, {"next"}, ""}}},
      {"text after the closing quote", "\"ab\"cd,e\nf\n",
       {{1, {"ab"}, "text after the closing quote of field 1"}, {2, {"f"}, ""}}},
      {"unclosed quote on the last line", "a\n\"b", {{1, {"a"}, ""}, {2, {}, "a quoted field is not closed"}}},
  };
  for (const Case& c : cases) {
    std::vector<CsvRow> got = parse_csv(c.text);
    std::vector<CsvRow> want;
    for (const Row& r : c.rows) want.push_back({r.line, r.fields, r.error});
    EXPECT_EQ(dump(got), dump(want)) << c.name;
  }
}

}  // namespace
}  // namespace kpix
