// kpix check: the entries CSV (encodings, headers, malformed lines).
#include <gtest/gtest.h>

#include <iterator>
#include <memory>
#include <sstream>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "pipeline/check/entries_csv.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

// UTF-8 to Shift_JIS (CP932), as Japanese Excel saves CSV.
std::string to_sjis(const std::string& utf8) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open("windows-31j", &st), &ucnv_close);
  EXPECT_TRUE(U_SUCCESS(st));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(size_t(u.length()) * 2 + 8, '\0');
  int32_t n = ucnv_fromUChars(conv.get(), out.data(), int32_t(out.size()), u.getBuffer(), u.length(), &st);
  EXPECT_TRUE(U_SUCCESS(st));
  out.resize(size_t(n));
  return out;
}

const std::string kJapanese =
    "自治体,事業名,指標,区分,年度,値,単位\r\n"
    "岩見沢市,,①転出超過数,基準値,2018,▲312,人\r\n"
    "岩見沢市,,1人あたりの総所得,実績,R2,\"1,622\",千円\r\n"
    "岩見沢市,創業支援事業,創業塾受講後の創業人数,目標値,令和6年度,５０,人\r\n";

TEST(CheckEntries, JapaneseHeaderAndValuesAsPrinted) {
  EntriesFile f = parse_entries(kJapanese, "e.csv");
  ASSERT_TRUE(f.problems.empty());
  ASSERT_EQ(f.entries.size(), 3u);
  const Entry& a = f.entries[0];
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.municipality, "岩見沢市");
  EXPECT_EQ(a.indicator, "①転出超過数");
  EXPECT_EQ(a.role, Role::baseline);
  ASSERT_TRUE(a.period);
  EXPECT_EQ(a.period->start, 2018);
  EXPECT_EQ(a.value, "▲312");
  EXPECT_EQ(f.entries[1].value, "1,622");  // quoted comma
  EXPECT_EQ(f.entries[1].unit, "千円");
  EXPECT_EQ(f.entries[1].period->start, 2020);  // R2
  EXPECT_EQ(f.entries[2].project, "創業支援事業");
  EXPECT_EQ(f.entries[2].role, Role::target);
  EXPECT_EQ(f.entries[2].period->start, 2024);  // 令和6年度
  EXPECT_EQ(f.entries[2].line, 4);
}

TEST(CheckEntries, EnglishHeaderAnyOrderOptionalColumnsAbsent) {
  EntriesFile f = parse_entries("Value,Year,Role,Indicator\n312,2018,baseline,転出超過数\n", "e.csv");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].value, "312");
  EXPECT_EQ(f.entries[0].indicator, "転出超過数");
  EXPECT_EQ(f.entries[0].municipality, "");
  EXPECT_EQ(f.entries[0].unit, "");
}

TEST(CheckEntries, HeaderWithoutRequiredColumnIsAnErrorNamingIt) {
  try {
    parse_entries("municipality,indicator,unit\n岩見沢市,転出超過数,人\n", "e.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("role/区分 or year/年度"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("value/値"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("e.csv: line 1"), std::string::npos) << e.what();
  }
}

TEST(CheckEntries, Utf8BomAndShiftJisGiveTheSameEntries) {
  std::string enc;
  std::string bom = "\xEF\xBB\xBF" + kJapanese;
  EXPECT_EQ(decode_entries_bytes(bom, "e.csv", enc), kJapanese);
  EXPECT_EQ(enc, "UTF-8 (BOM)");
  EXPECT_EQ(decode_entries_bytes(kJapanese, "e.csv", enc), kJapanese);
  EXPECT_EQ(enc, "UTF-8");
  std::string sjis = to_sjis(kJapanese);
  ASSERT_NE(sjis, kJapanese);
  EXPECT_EQ(decode_entries_bytes(sjis, "e.csv", enc), kJapanese);
  EXPECT_EQ(enc, "Shift_JIS");
}

TEST(CheckEntries, LongFilesDecodeTheSameAcrossChunkBoundaries) {
  // Rows of Japanese text over several chunks: every boundary cuts a
  // multi-byte character somewhere, in UTF-8 and in Shift_JIS.
  std::string text = "自治体,指標,区分,年度,値,単位\n";
  for (int i = 0; text.size() < 5 * EntriesDecoder::kChunkBytes; ++i)
    text += "岩見沢市,①転出超過数,実績,R" + std::to_string(i % 9 + 1) + ",▲" + std::to_string(i) + ",人\n";
  std::string enc;
  EXPECT_EQ(decode_entries_bytes(text, "e.csv", enc), text);
  EXPECT_EQ(enc, "UTF-8");
  EXPECT_EQ(decode_entries_bytes(to_sjis(text), "e.csv", enc), text);
  EXPECT_EQ(enc, "Shift_JIS");
}

TEST(CheckEntries, TheEncodingIsChosenAtTheFirstByteAboveAscii) {
  // A mebibyte and more of ASCII lines, then Japanese in Shift_JIS: ASCII
  // reads the same in both, so the choice waits for the Japanese.
  std::string ascii = "indicator,role,year,value\n";
  while (ascii.size() < EntriesDecoder::kDecideBytes + 1000) ascii += "KPI,actual,2020,1\n";
  std::string japanese = "転出超過数,実績,2020,▲341\n";
  std::string enc;
  EXPECT_EQ(decode_entries_bytes(ascii + to_sjis(japanese), "e.csv", enc), ascii + japanese);
  EXPECT_EQ(enc, "Shift_JIS");
  // Japanese in UTF-8 first, Shift_JIS bytes more than kDecideBytes later: a
  // file in two encodings, refused at the line where it changes.
  std::string utf8 = "指標,区分,年度,値\n";
  int lines = 1;
  while (utf8.size() < EntriesDecoder::kDecideBytes + 1000) {
    utf8 += japanese;
    ++lines;
  }
  try {
    decode_entries_bytes(utf8 + to_sjis(japanese), "mixed.csv", enc);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "mixed.csv: is UTF-8 up to line " + std::to_string(lines + 1) +
                                         ", which is not valid UTF-8; save it as CSV (UTF-8) or CSV (Shift_JIS)");
  }
}

TEST(CheckEntries, NeitherUtf8NorShiftJisIsAClearError) {
  std::string enc;
  // 0xFF is no lead byte in UTF-8 or Shift_JIS; 0xA0 neither in CP932.
  std::string bad = "指標,区分,年度,値\n\xFF\xFF\xA0,1,2,3\n";
  try {
    decode_entries_bytes(bad, "bad.csv", enc);
    FAIL() << "no error";
  } catch (const InputError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("bad.csv"), std::string::npos) << m;
    EXPECT_NE(m.find("neither UTF-8"), std::string::npos) << m;
    EXPECT_NE(m.find("Shift_JIS"), std::string::npos) << m;
    EXPECT_NE(m.find("line 2"), std::string::npos) << m;
  }
  EXPECT_THROW(decode_entries_bytes(std::string("\xFF\xFEx\0y\0", 6), "u16.csv", enc), InputError);
}

TEST(CheckEntries, MalformedLinesAreReportedAndTheRestStillRead) {
  std::string csv =
      "指標,区分,年度,値\n"                      // 1
      "転出超過数,基準値,2018,▲312\n"            // 2
      "\"転出超過数,基準値,2018,▲312\n"          // 3: quote never closed
      "転出超過数,実績,2020,▲341\n"              // 4
      "転出超過数,予想,2020,▲341\n"              // 5: no such role
      "転出超過数,実績,きのう,▲341\n"            // 6: year unreadable
      "転出超過数,実績,2021,▲349,extra\n"        // 7: a field too many
      "\"転出\"超過数,実績,2021,▲349\n"          // 8: text after closing quote
      "転出超過数,実績,2021,\n"                  // 9: no value
      "\n"                                       // 10: blank, skipped
      "\"人口の\n社会増減率\",実績,2022,▲0.50\n"  // 11-12: quoted line break
      "転出超過数,目標値,2024,▲275\n";            // 13
  EntriesFile f = parse_entries(csv, "e.csv");
  ASSERT_EQ(f.entries.size(), 4u);
  EXPECT_EQ(f.entries[0].line, 2);
  EXPECT_EQ(f.entries[1].line, 4);
  EXPECT_EQ(f.entries[2].line, 11);
  EXPECT_EQ(f.entries[2].indicator, "人口の\n社会増減率");
  EXPECT_EQ(f.entries[3].line, 13);
  ASSERT_EQ(f.problems.size(), 6u);
  EXPECT_EQ(f.problems[0].line, 3);
  EXPECT_NE(f.problems[0].message.find("not closed"), std::string::npos) << f.problems[0].message;
  EXPECT_EQ(f.problems[1].line, 5);
  EXPECT_NE(f.problems[1].message.find("予想"), std::string::npos);
  EXPECT_EQ(f.problems[2].line, 6);
  EXPECT_NE(f.problems[2].message.find("きのう"), std::string::npos);
  EXPECT_EQ(f.problems[3].line, 7);
  EXPECT_EQ(f.problems[4].line, 8);
  EXPECT_EQ(f.problems[5].line, 9);
}

TEST(CheckEntries, UnclosedQuoteAtTheEndSpoilsOnlyItsLine) {
  EntriesFile f = parse_entries("指標,区分,年度,値\n転出超過数,基準値,2018,\"▲312\n転出超過数,実績,2020,▲341\n", "e.csv");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].line, 2);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].line, 3);
}

TEST(CheckEntries, TrailingEmptyFieldsAndEmptyRowsAreFine) {
  EntriesFile f = parse_entries("indicator,role,year,value\n転出超過数,baseline,2018,-312,,\n,,,\n", "e.csv");
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.entries.size(), 1u);
}

TEST(CheckEntries, TabSeparatedIsAcceptedToo) {
  EntriesFile f = parse_entries("指標\t区分\t年度\t値\n転出超過数\t基準値\t2018\t▲312\n", "e.tsv");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].value, "▲312");
}

TEST(CheckEntries, RoleAndYearAsTheDocumentPrintsThemInEitherColumn) {
  std::string csv =
      "指標,区分,年度,値\n"                  // 1
      "転出超過数,H30基準,,▲312\n"           // 2: role column holds both
      "転出超過数,,R4実績,▲389\n"            // 3: year column holds both
      "転出超過数,実績,R4実績,▲389\n"        // 4: both, agreeing
      "転出超過数,R6目標,R6,▲275\n"          // 5
      "出前授業のメニュー数,見込,R6,27\n"    // 6: 見込 alone
      "出前授業のメニュー数,R6見込,,27\n"    // 7
      "出前授業のメニュー数,実績,R6見込,27\n"  // 8: an actual's estimate
      "転出超過数,基準値,R4実績,▲389\n"      // 9: two roles
      "転出超過数,R4実績,2021,▲349\n"        // 10: two years
      "転出超過数,,2021,▲349\n";             // 11: no role
  EntriesFile f = parse_entries(csv, "e.csv");
  ASSERT_EQ(f.entries.size(), 7u);
  struct Want {
    int line;
    const char* role;
    bool estimate;
    int year;
    const char* year_text;
  };
  const Want want[] = {{2, "baseline", false, 2018, "H30"}, {3, "actual", false, 2022, "R4"},
                       {4, "actual", false, 2022, "R4"},     {5, "target", false, 2024, "R6"},
                       {6, "", true, 2024, "R6"},            {7, "", true, 2024, "R6"},
                       {8, "actual", true, 2024, "R6"}};
  for (size_t i = 0; i < std::size(want); ++i) {
    const Entry& e = f.entries[i];
    EXPECT_EQ(e.line, want[i].line);
    EXPECT_EQ(e.role ? to_string(*e.role) : "", want[i].role) << e.line;
    EXPECT_EQ(e.estimate, want[i].estimate) << e.line;
    ASSERT_TRUE(e.period) << e.line;
    EXPECT_EQ(e.period->start, want[i].year) << e.line;
    EXPECT_EQ(e.year, want[i].year_text) << e.line;
  }
  ASSERT_EQ(f.problems.size(), 3u);
  EXPECT_EQ(f.problems[0].line, 9);
  EXPECT_EQ(f.problems[0].message, "the role column says 基準値 but the year column says 実績");
  EXPECT_EQ(f.problems[1].line, 10);
  EXPECT_EQ(f.problems[1].message, "two years: 'R4' in the role column, '2021' in the year column");
  EXPECT_EQ(f.problems[2].line, 11);
  EXPECT_NE(f.problems[2].message.find("no role"), std::string::npos) << f.problems[2].message;
}

TEST(CheckEntries, OneColumnOfRoleAndYearIsEnoughAndAQualifierColumnSays見込) {
  // 項目 is no column name: the header lacks both role and year.
  EXPECT_THROW(parse_entries("指標,項目,値\n転出超過数,R4実績,▲389\n", "e.csv"), InputError);
  EntriesFile f = parse_entries("indicator,year,value,qualifier\n転出超過数,R4実績,▲389,\n出前授業のメニュー数,R6実績,27,見込\n"
                    "出前授業のメニュー数,R6実績,27,予想\n",
                    "e.csv");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].role, Role::actual);
  EXPECT_FALSE(f.entries[0].estimate);
  EXPECT_TRUE(f.entries[1].estimate);
  EXPECT_EQ(f.entries[1].role, Role::actual);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].message, "qualifier '予想' is not 見込/estimate");
}

TEST(CheckEntries, MalformedLinesKeepWhatWasTyped) {
  std::istringstream in("指標,区分,年度,値\n転出超過数,予想,2020,▲341\n");
  EntriesReader reader(in, "e.csv");
  auto line = reader.next();
  ASSERT_TRUE(line);
  EXPECT_FALSE(line->problem.empty());
  EXPECT_EQ(line->entry.line, 2);
  EXPECT_EQ(line->entry.indicator, "転出超過数");
  EXPECT_EQ(line->entry.role_text, "予想");
  EXPECT_FALSE(reader.next());
}

TEST(CheckEntries, CsvRowsKeepTheirStartingLine) {
  auto rows = parse_csv("a,b\r\n\"x\r\ny\",z\r\n\r\nlast,\"q\"\"uote\"\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields[0], "x\r\ny");
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_EQ(rows[2].fields[1], "q\"uote");
}

}  // namespace
}  // namespace kpix
