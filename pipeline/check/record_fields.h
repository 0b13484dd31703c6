// Fields of an extracted record (the JSON of ../shared/spec/records.md) as
// the matcher, its diagnoses and its reports read them: a missing or mistyped
// field reads as empty, never throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace kpix::record_fields {

// j[key] when it is a string, else "".
std::string str(const nlohmann::json& j, const char* key);
// A value's number, or nullopt (null, or status other than ok).
std::optional<double> number(const nlohmann::json& value);
// A record's values, or an empty array.
const nlohmann::json& values_of(const nlohmann::json& record);
std::string municipality_name(const nlohmann::json& record);
// Whether a value's qualifiers hold `q` (estimate, approximate, relative, …).
bool has_qualifier(const nlohmann::json& value, std::string_view q);
// A value's status; "ok" when the field is absent.
std::string status_of(const nlohmann::json& value);
// {start, end} of a value's period, or nullopt when it has none.
std::optional<std::pair<int, int>> period_of(const nlohmann::json& value);
// "2020", "2020–2022" or "(no year)".
std::string period_label(const nlohmann::json& value);
// "baseline (基準値)" for people: a value's role as the JSON names it, and
// the Japanese word; a name that is no role stays as it is.
std::string role_ja(const std::string& role);
// Equal up to rounding in the last digits (1e-9 relative).
bool near(double a, double b);

}  // namespace kpix::record_fields
