// valijson's error reports read as what failed: the JSON Schema keyword, the
// path into the record, and the property a `required` or
// `additionalProperties` fault names.
//
//   kpix::SchemaError e = kpix::read_schema_error(err.context, err.description);
//   if (e.keyword == kpix::SchemaKeyword::required) … e.path, e.property
//
// valijson 1.0 (Debian 12's libvalijson-dev) reports an error as an instance
// path and an English sentence only; it does not say which keyword failed.
// Each sentence opens with a fixed phrase (valijson/validation_visitor.hpp),
// so the phrases are matched here, once, in one table, and the validator
// switches on the keyword. Pure.
#pragma once

#include <string>
#include <vector>

namespace kpix {

enum class SchemaKeyword {
  repeat,                 // items, properties, if/then/else, allOf child, dependencies: a fault reported deeper down, again
  alternatives,           // oneOf / anyOf: no alternative (or more than one) matched
  required,               // `property` is missing
  additional_properties,  // `property` is not allowed
  enum_values,
  type,
  const_value,
  pattern,
  minimum,  // and exclusiveMinimum
  maximum,  // and exclusiveMaximum
  min_items,
  max_items,
  min_length,
  contains,
  other,  // a sentence not in the table: `description` is all there is
};

struct SchemaError {
  SchemaKeyword keyword = SchemaKeyword::other;
  std::vector<std::string> path;  // tokens into the record, unescaped: {"values", "2", "status"}
  std::string property;           // required, additional_properties: the property named
  std::string description;        // valijson's sentence, as it wrote it
};

// One valijson error: its context ({"<root>", "[values]", "[2]", "[status]"})
// and description.
SchemaError read_schema_error(const std::vector<std::string>& context, const std::string& description);

}  // namespace kpix
