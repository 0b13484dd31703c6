#include "pipeline/output/schema_errors.h"

#include <string_view>

namespace kpix {
namespace {

// How valijson opens the sentence of each keyword's fault. For required and
// additionalProperties the phrase ends at the quote before the property name.
struct Phrase {
  std::string_view opening;
  SchemaKeyword keyword;
};
constexpr Phrase kPhrases[] = {
    {"Failed to validate item #", SchemaKeyword::repeat},
    {"Failed to validate against schema associated with property name", SchemaKeyword::repeat},
    {"Failed to validate against additional properties schema", SchemaKeyword::repeat},
    {"Failed to validate against a conditional schema", SchemaKeyword::repeat},
    {"Failed to validate against child schema #", SchemaKeyword::repeat},
    {"Failed to validate against dependent schema", SchemaKeyword::repeat},
    {"Failed to validate against any child schemas allowed by oneOf", SchemaKeyword::alternatives},
    {"Failed to validate against any schemas allowed by anyOf", SchemaKeyword::alternatives},
    {"Failed to validate against exactly one child schema", SchemaKeyword::alternatives},
    {"Missing required property '", SchemaKeyword::required},
    {"Object contains a property that could not be validated using 'properties' or 'additionalProperties' "
     "constraints: '",
     SchemaKeyword::additional_properties},
    {"Failed to match against any enum values", SchemaKeyword::enum_values},
    {"Value type not permitted by 'type' constraint", SchemaKeyword::type},
    {"Failed to match expected value set by 'const' constraint", SchemaKeyword::const_value},
    {"Failed to match regex specified by 'pattern' constraint", SchemaKeyword::pattern},
    {"Expected number greater than", SchemaKeyword::minimum},
    {"Expected number less than", SchemaKeyword::maximum},
    {"Array should contain no fewer than", SchemaKeyword::min_items},
    {"Array should contain no more than", SchemaKeyword::max_items},
    {"String should be no fewer than", SchemaKeyword::min_length},
    {"Failed to any values against subschema in 'contains' constraint", SchemaKeyword::contains},
};

// valijson's context is {"<root>", "[values]", "[2]", "[status]"}.
std::vector<std::string> path_of(const std::vector<std::string>& context) {
  std::vector<std::string> tokens;
  for (size_t i = 1; i < context.size(); ++i) {
    const std::string& c = context[i];
    tokens.push_back(c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c);
  }
  return tokens;
}

// "Missing required property 'x'." after its opening → x
std::string quoted_name(std::string_view rest) {
  auto end = rest.rfind('\'');
  return std::string(end == std::string_view::npos ? rest : rest.substr(0, end));
}

}  // namespace

SchemaError read_schema_error(const std::vector<std::string>& context, const std::string& description) {
  SchemaError e;
  e.path = path_of(context);
  e.description = description;
  for (const Phrase& p : kPhrases) {
    if (!std::string_view(description).starts_with(p.opening)) continue;
    e.keyword = p.keyword;
    if (p.keyword == SchemaKeyword::required || p.keyword == SchemaKeyword::additional_properties)
      e.property = quoted_name(std::string_view(description).substr(p.opening.size()));
    break;
  }
  return e;
}

}  // namespace kpix
