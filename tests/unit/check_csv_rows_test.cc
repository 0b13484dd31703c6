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
    // The same records when the text comes in small chunks: every boundary
    // falls somewhere inside a field, a quote pair or a CRLF.
    for (size_t chunk : {1, 2, 3, 5}) {
      size_t at = 0;
      CsvStream stream([&](std::string& out) {
        if (at >= c.text.size()) return false;
        out += c.text.substr(at, chunk);
        at += chunk;
        return true;
      });
      std::vector<CsvRow> streamed;
      while (auto r = stream.next()) streamed.push_back(std::move(*r));
      EXPECT_EQ(dump(streamed), dump(want)) << c.name << ", chunks of " << chunk;
    }
  }
}

TEST(CsvRows, CrlfSplitByAChunkIsOneLineEnd) {
  std::string text = "a,b\r\nc,d\r\n";
  size_t at = 0;
  CsvStream stream([&](std::string& out) {
    if (at >= text.size()) return false;
    size_t n = at == 0 ? 4 : 1;  // the first chunk ends between \r and \n
    out += text.substr(at, n);
    at += n;
    return true;
  });
  std::vector<CsvRow> rows;
  while (auto r = stream.next()) rows.push_back(std::move(*r));
  EXPECT_EQ(dump(rows), "1: [a] [b]\n2: [c] [d]\n");
}

TEST(CsvRows, AStrayQuoteDoesNotPullTheRestOfTheFileIn) {
  // An opening quote never closed, then more than kMaxRecordBytes of lines:
  // the quote's line is rejected and every line after it is still a record,
  // though the stream never held more than about the bound.
  std::string body;
  int lines = 0;
  while (body.size() <= CsvStream::kMaxRecordBytes + 4096) {
    body += "転出超過数,実績,2020,▲341\n";
    ++lines;
  }
  std::string text = "a,\"b\n" + body;
  size_t at = 0, most = 0;
  CsvStream stream([&](std::string& out) {
    if (at >= text.size()) return false;
    out += text.substr(at, 4096);
    at += 4096;
    most = std::max(most, out.size());
    return true;
  });
  auto first = stream.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->line, 1);
  EXPECT_EQ(first->error, "a quoted field is not closed");
  int rows = 0;
  while (auto r = stream.next()) {
    EXPECT_EQ(r->line, rows + 2);
    EXPECT_TRUE(r->error.empty());
    ++rows;
  }
  EXPECT_EQ(rows, lines);
  EXPECT_LE(most, CsvStream::kMaxRecordBytes + 2 * 4096 + 64);
}

}  // namespace
}  // namespace kpix
