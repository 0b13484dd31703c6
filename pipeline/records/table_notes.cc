#include "pipeline/records/table_notes.h"

#include <algorithm>

#include "pipeline/records/footnote.h"

namespace kpix {
namespace {

bool has_qualifier(const NormalizedValue& v, std::string_view q) {
  return std::find(v.qualifiers.begin(), v.qualifiers.end(), q) != v.qualifiers.end();
}

void apply_statement(const FootnoteStatement& st, KpiRecord& rec) {
  if (!st.rows.empty() && !st.rows.count(rec.marker)) return;
  for (RecordValue& v : rec.values) {
    if (v.role != st.role || v.v.period) continue;
    if (st.period && (!v.period || v.plan_end_pending)) {
      v.period = st.period;
      v.plan_end_pending = false;
    }
    if (st.role == Role::target && st.per_year && !has_qualifier(v.v, "per_year") && v.v.status == ValueStatus::ok)
      v.v.qualifiers.push_back("per_year");
  }
}

}  // namespace

std::vector<std::string> split_notes(const std::string& text) {
  std::vector<std::string> notes;
  std::string cur;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? text.size() : nl + 1;
    bool opens = line.starts_with("※") || line.starts_with("-") || line.starts_with("・") ||
                 line.starts_with("①") || line.starts_with("②") || line.starts_with("③") || line.starts_with("④");
    bool closes = line.starts_with("○") || line.starts_with("【") || line.starts_with("●") ||
                  line.find("基本目標") != std::string::npos;
    if ((opens || closes) && !cur.empty()) {
      notes.push_back(cur);
      cur.clear();
    }
    if (!closes) cur += line;
  }
  if (!cur.empty()) notes.push_back(cur);
  return notes;
}

void apply_table_notes(const std::string& text, std::string_view era, std::vector<KpiRecord>& records, size_t begin,
                       size_t end) {
  for (const std::string& note : split_notes(text))
    for (const FootnoteStatement& st : parse_footnote(note, era))
      for (size_t i = begin; i < end; ++i) apply_statement(st, records[i]);
}

}  // namespace kpix
