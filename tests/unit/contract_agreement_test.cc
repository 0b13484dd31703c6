// The record contract exists three times: the team's page
// (../shared/spec/records.md), the copy that ships with kpix (docs/records.md)
// and the schema (schemas/kpi-record.schema.json). These tests fail when one
// of them gains a word the others lack.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::filesystem::path kRoot = KPIX_SOURCE_DIR;

nlohmann::json schema() { return nlohmann::json::parse(read_file(kRoot / "schemas/kpi-record.schema.json")); }

// Enum members of the schema that the contract page must name, each as `word`.
std::set<std::string> enum_words(const nlohmann::json& s) {
  std::set<std::string> words;
  const auto& value = s["definitions"]["value"]["properties"];
  for (const char* field : {"role", "status"})
    for (const auto& w : value[field]["enum"]) words.insert(w.get<std::string>());
  for (const auto& w : s["definitions"]["qualifiers"]["items"]["enum"]) words.insert(w.get<std::string>());
  for (const auto& w : s["properties"]["level"]["enum"]) words.insert(w.get<std::string>());
  for (const auto& w : s["definitions"]["period"]["properties"]["basis"]["enum"]) words.insert(w.get<std::string>());
  return words;
}

TEST(ContractAgreement, EverySchemaEnumMemberIsNamedInTheShippedContract) {
  std::string page = read_file(kRoot / "docs/records.md");
  ASSERT_FALSE(page.empty());
  for (const std::string& w : enum_words(schema()))
    EXPECT_NE(page.find("`" + w + "`"), std::string::npos) << "docs/records.md does not name `" << w << "`";
}

TEST(ContractAgreement, EveryOptionalFieldOfTheSchemaIsNamedInTheShippedContract) {
  std::string page = read_file(kRoot / "docs/records.md");
  nlohmann::json s = schema();
  std::set<std::string> fields;
  for (auto& [k, v] : s["properties"].items()) fields.insert(k);
  for (auto& [k, v] : s["definitions"]["value"]["properties"].items()) fields.insert(k);
  // Named in the example record ("field") or in a bullet (`field`).
  for (const std::string& f : fields) {
    bool named = page.find("\"" + f + "\"") != std::string::npos || page.find("`" + f + "`") != std::string::npos;
    EXPECT_TRUE(named) << "docs/records.md does not name the field " << f;
  }
}

// The shipped page extends the team's page by additions only: every line of
// the team's page is in it, in the same order.
TEST(ContractAgreement, TheShippedContractHoldsEveryLineOfTheSharedOne) {
  std::filesystem::path shared = kRoot / "../shared/spec/records.md";
  if (!std::filesystem::exists(shared)) GTEST_SKIP() << "../shared/spec/records.md is not beside the checkout";
  std::istringstream team(read_file(shared));
  std::string page = read_file(kRoot / "docs/records.md");
  size_t at = 0;
  std::string line;
  int number = 0;
  while (std::getline(team, line)) {
    ++number;
    if (line.empty()) continue;
    size_t found = page.find(line, at);
    ASSERT_NE(found, std::string::npos) << "line " << number << " of ../shared/spec/records.md is missing or out of order: "
                                        << line;
    at = found + line.size();
  }
}

}  // namespace
