// The message `kpix validate` gives for each kind of fault, one table row per
// JSON Schema keyword the record schema uses (and the rules it cannot state),
// so that how valijson's reports are read can change without changing a word
// of what people see.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/output/schema_validator.h"
#include "tests/unit/example_record.h"

namespace kpix {
namespace {

using nlohmann::json;

// The example of ../shared/spec/records.md: it passes the schema.
json good_record() { return example_record(); }

struct Case {
  const char* keyword;
  std::function<void(json&)> spoil;
  std::vector<std::string> faults;  // "pointer: message", in order
};

TEST(SchemaMessages, OnePerKeyword) {
  const Case cases[] = {
      {"const", [](json& r) { r["schema"] = "kpix/kpi-record/2"; },
       {"/schema: must be \"kpix/kpi-record/1\" (got \"kpix/kpi-record/2\")"}},
      {"enum", [](json& r) { r["values"][0]["role"] = "plan"; },
       {"/values/0/role: must be one of \"baseline\", \"actual\", \"target\", \"achievement\" (got \"plan\")"}},
      {"type", [](json& r) { r["unit"] = 5; }, {"/unit: must be string (got 5)"}},
      {"type, a list of types", [](json& r) { r["municipality"]["code"] = 12106; },
       {"/municipality/code: must be string or null (got 12106)"}},
      {"type of the record itself", [](json& r) { r = json::array(); }, {": must be object (got [])"}},
      {"pattern", [](json& r) { r["document"]["sha256"] = "xyz"; },
       {"/document/sha256: does not match ^[0-9a-f]{64}$ (got \"xyz\")"}},
      {"minimum", [](json& r) { r["values"][0]["period"]["start"] = 1800; },
       {"/values/0/period/start: must be at least 1868 (got 1800)"}},
      {"maximum", [](json& r) { r["values"][1]["period"]["end"] = 2300; },
       {"/values/1/period/end: must be at most 2200 (got 2300)"}},
      {"minItems", [](json& r) { r["source"]["bbox"] = {1, 2, 3}; },
       {"/source/bbox: needs at least 4 items (got [1,2,3])"}},
      {"maxItems", [](json& r) { r["source"]["bbox"] = {1, 2, 3, 4, 5}; },
       {"/source/bbox: needs at most 4 items (got [1,2,3,4,5])"}},
      {"minLength 1", [](json& r) { r["indicator"] = ""; }, {"/indicator: must not be empty (got \"\")"}},
      {"required", [](json& r) { r["document"].erase("title"); }, {"/document/title: required property is missing"}},
      {"additionalProperties", [](json& r) { r["values"][0]["note"] = 1; },
       {"/values/0/note: property not allowed by the schema"}},
      {"oneOf, none", [](json& r) { r["values"][1]["source"] = {{"page", 7}}; },
       {"/values/1/source: needs exactly one of bbox (PDF) or line (text)"}},
      {"oneOf, both", [](json& r) { r["source"]["line"] = 3; },
       {"/source: needs exactly one of bbox (PDF) or line (text)"}},
      {"if/then/else", [](json& r) { r["level"] = "goal"; },
       {"/project: level \"project\" needs a project name; goal and statistic records need null (got \"創業支援事業\")"}},
      {"contains, in a dependency", [](json& r) {
         r["shared_with"] = "移住定住促進事業";
         r["qualifiers"] = {"total"};
       },
       {"/qualifiers: a record with shared_with needs the qualifier \"shared\" (got [\"total\"])"}},
      {"required, in a dependency", [](json& r) { r["shared_with"] = "移住定住促進事業"; },
       {"/qualifiers: required property is missing: a record with shared_with needs the qualifier \"shared\""}},
      // The minItems is the dependency's, not in /warnings' own schema: the hint alone.
      {"minItems, in a dependency", [](json& r) {
         r["values"][1]["status"] = "invalid";
         r["values"][1]["value"] = nullptr;
       },
       {"/warnings: a value with status \"invalid\" needs a warning on the record (got [])"}},
      {"type, by the value rule", [](json& r) { r["values"][1]["value"] = nullptr; },
       {"/values/1/value: status \"ok\" needs a number and every other status needs null (got null)"}},
      {"uniqueItems: valijson's own words", [](json& r) { r["values"][0]["qualifiers"] = {"total", "total"}; },
       {"/values/0/qualifiers: Elements at indexes #0 and #1 violate uniqueness constraint (got [\"total\",\"total\"])"}},
      {"period order, beyond JSON Schema", [](json& r) { r["values"][0]["period"]["end"] = 2015; },
       {"/values/0/period/end: period ends before it starts (start 2016)"}},
  };
  const RecordValidator v;
  ASSERT_TRUE(v.validate(good_record()).empty());
  for (const Case& c : cases) {
    json r = good_record();
    c.spoil(r);
    std::vector<std::string> got;
    for (const SchemaFault& f : v.validate(r)) got.push_back(f.pointer + ": " + f.message);
    EXPECT_EQ(got, c.faults) << c.keyword;
  }
}

// Keys with `/` and `~` are escaped in pointers as RFC 6901 says (~1, ~0);
// `kpix validate` names a fault's line by such pointers.
TEST(SchemaMessages, LineMapEscapesKeys) {
  std::string text = "[\n  {\n    \"a/b\": 1,\n    \"c~d\": [\n      2,\n      3\n    ]\n  },\n  {}\n]\n";
  JsonLineMap lines(text);
  EXPECT_EQ(lines.line_of("/0/a~1b"), 3);
  EXPECT_EQ(lines.line_of("/0/c~0d"), 4);
  EXPECT_EQ(lines.line_of("/0/c~0d/1"), 6);
  EXPECT_EQ(lines.line_of("/1"), 9);
  EXPECT_EQ(lines.line_of("/1/missing"), 9);
  EXPECT_EQ(lines.line_of("/0/a/b"), 2);  // unescaped: no such key, the record's line
}

}  // namespace
}  // namespace kpix
