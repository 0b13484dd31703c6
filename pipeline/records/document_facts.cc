#include "pipeline/records/document_facts.h"

#include <algorithm>

namespace kpix {
namespace {

bool has_qualifier(const NormalizedValue& v, std::string_view q) {
  return std::find(v.qualifiers.begin(), v.qualifiers.end(), q) != v.qualifiers.end();
}

// Counters a name ends with (`…の実施件数` → 件), and for statistics the
// nouns that count people (`出生`, `転入`, `増減数`). Longest first.
std::string unit_from_name(const std::string& name, const std::string& level) {
  struct Suffix {
    std::string_view end, unit;
  };
  static constexpr Suffix kCounters[] = {{"世帯数", "世帯"}, {"団体数", "団体"}, {"施設数", "施設"}, {"件数", "件"},
                                         {"人数", "人"},     {"者数", "人"},     {"回数", "回"},     {"校数", "校"},
                                         {"社数", "社"}};
  for (const Suffix& s : kCounters)
    if (name.ends_with(s.end)) return std::string(s.unit);
  if (level == "statistic" && !name.ends_with("率")) {  // a rate (合計特殊出生率) counts no one
    static constexpr std::string_view kPeople[] = {"人口", "出生", "死亡", "転入", "転出", "増減数", "増減"};
    for (std::string_view w : kPeople)
      if (name.find(w) != std::string::npos) return "人";
  }
  return {};
}

// Words of a row about other municipalities than the document's own.
constexpr std::string_view kOtherCities[] = {"他都市", "政令市", "他市", "他の自治体", "近隣自治体", "比較"};

std::vector<std::string> own_rows(const std::vector<std::string>& rows) {
  std::vector<std::string> out;
  for (const std::string& r : rows)
    if (std::none_of(std::begin(kOtherCities), std::end(kOtherCities),
                     [&](std::string_view w) { return r.find(w) != std::string::npos; }))
      out.push_back(r);
  return out;
}

}  // namespace

MunicipalityChoice choose_municipality(const std::string& name, const std::string& code,
                                       const MunicipalityIndex& municipalities, const std::vector<std::string>& lines,
                                       const std::vector<std::string>& table_lines, std::vector<std::string>& notes) {
  MunicipalityChoice out;
  out.name = name;
  if (!code.empty()) {
    if (const Municipality* m = municipalities.by_code(code)) {
      out.code = m->code;
      if (out.name.empty()) out.name = m->name;
    } else {
      notes.push_back("unknown municipality code " + code);
    }
    return out;
  }
  std::string context;
  for (const std::string& l : lines) context += l + "\n";
  MunicipalityMatch m = out.name.empty() ? municipalities.detect(lines) : municipalities.resolve(out.name, context);
  // A sheet printed wholly as tables (横浜's 事業評価書) names itself only in their
  // cells; not in the rows that compare it with other cities (神戸's
  // `他都市の状況（政令市との比較）`: `…浜松市、広島市、北九州市の3市である`).
  if (out.name.empty() && m.name.empty()) m = municipalities.detect(own_rows(table_lines));
  if (out.name.empty()) out.name = m.name;
  if (const Municipality* c = m.chosen()) out.code = c->code;
  if (!m.warning.empty()) notes.push_back(m.warning);
  return out;
}

void fill_units_from_names(std::vector<KpiRecord>& records) {
  for (KpiRecord& rec : records)
    if (rec.unit.empty() && !rec.shared_with) {
      rec.unit = unit_from_name(rec.indicator, rec.level);
      if (!rec.unit.empty())
        for (RecordValue& v : rec.values)
          if (v.v.status == ValueStatus::ok && v.v.unit.empty() && v.role != Role::achievement) v.v.unit = rec.unit;
    }
}

void fill_units_of_shared_rows(std::vector<KpiRecord>& records) {
  for (KpiRecord& rec : records) {
    if (!rec.shared_with || !rec.unit.empty()) continue;
    for (const KpiRecord& other : records)
      if (&other != &rec && !other.unit.empty() && other.indicator == rec.indicator) {
        rec.unit = other.unit;
        if (other.project == rec.shared_with) break;
      }
  }
}

void fill_document(std::vector<KpiRecord>& records, const MunicipalityChoice& municipality, const DocumentInfo& info,
                   const std::string& title, const std::optional<std::string>& date) {
  for (KpiRecord& rec : records) {
    if (!municipality.name.empty()) rec.municipality_name = municipality.name;
    else rec.warnings.push_back("no municipality named in the document; give --municipality or --code");
    rec.municipality_code = municipality.code;
    rec.document_file = info.file_name;
    rec.document_sha256 = info.sha256;
    rec.document_title = title.empty() ? info.title : title;
    rec.document_date = date;
  }
}

void fill_plan_end(std::vector<KpiRecord>& records, std::optional<int> plan_end) {
  for (KpiRecord& rec : records)
    for (RecordValue& v : rec.values) {
      if (!v.plan_end_pending) continue;
      v.plan_end_pending = false;
      if (!plan_end) {
        rec.warnings.push_back("target " + v.v.raw + " has no year and the plan's end is unknown");
        continue;
      }
      Period p;
      p.end = *plan_end;
      p.start = v.plan_years > 0 ? *plan_end - v.plan_years + 1 : *plan_end;
      p.basis = Basis::fiscal;
      if (v.plan_years > 0) p.agg = has_qualifier(v.v, "average") ? Agg::mean : Agg::sum;
      v.period = p;
    }
}

}  // namespace kpix
