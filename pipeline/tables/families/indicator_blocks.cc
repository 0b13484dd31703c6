// Family indicator_blocks: forms with indicator blocks (横浜's 事業評価書, 細事業事業量): a row
// naming the indicator and its unit (`細事業事業量 | システム稼働日 | 単位 | 日`),
// a row of years (`年度 | ３年度 … ９年度`, era implied), then rows of values
// whose first cell gives their role (`想定` → target, `実績` → actual). A form
// has no header at its top, and its other year rows (`年度 | ５年度 | ６年度`
// over `決算`: money) have no unit row above them and no role rows under them.
// The project is the form's project field nearest above the block
// (`細事業名称 | …`), else the one the page named before the table.
#include <algorithm>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"
#include "parsers/normalize/roles.h"
#include "pipeline/tables/form_fields.h"
#include "pipeline/tables/recognizer.h"

namespace kpix {
namespace {

struct YearCell {
  int column;
  Period period;
};

struct Block {
  size_t unit_row = 0;
  const TableCell* name = nullptr;
  const TableCell* unit = nullptr;
  std::vector<YearCell> years;
  std::vector<std::pair<size_t, Role>> role_rows;  // row index, role
};

// `… | name | 単位 | unit`: the cells on either side of the unit label.
bool read_unit_row(const TableRow& row, Block& b) {
  for (size_t k = 1; k + 1 < row.cells.size(); ++k) {
    if (!is_unit_label(row.cells[k].text)) continue;
    const TableCell& unit = row.cells[k + 1];
    if (!is_unit_text(unit.text)) return false;
    b.name = &row.cells[k - 1];
    b.unit = &unit;
    return true;
  }
  return false;
}

// `年度 | ３年度 | ４年度 | …`: single years, with at most one label cell before them.
std::vector<YearCell> read_year_row(const TableRow& row, std::string_view era) {
  std::vector<YearCell> out;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    auto p = normalize_period(remove_layout_spaces(normalize_text(row.cells[i].text)), era);
    if (p && p->start == p->end) {
      out.push_back({row.cells[i].column, *p});
    } else if (i > 0) {
      return {};
    }
  }
  return out.size() >= 2 ? out : std::vector<YearCell>{};
}

std::optional<Block> block_at(const Table& t, size_t r, std::string_view era) {
  Block b;
  b.unit_row = r;
  if (r + 2 >= t.rows.size() || !read_unit_row(t.rows[r], b)) return std::nullopt;
  b.years = read_year_row(t.rows[r + 1], era);
  if (b.years.empty()) return std::nullopt;
  for (size_t j = r + 2; j < t.rows.size(); ++j) {
    const TableRow& row = t.rows[j];
    std::optional<Role> role = row.cells.empty() ? std::nullopt : row_label_role(row.cells.front().text);
    if (!role) break;
    b.role_rows.emplace_back(j, *role);
  }
  if (b.role_rows.empty()) return std::nullopt;
  return b;
}

std::optional<std::string> project_above(const Table& t, size_t r) {
  for (size_t i = r; i-- > 0;)
    if (auto p = project_field(t.rows[i])) return p;
  return std::nullopt;
}

}  // namespace

bool has_indicator_blocks(const Table& t) {
  // The era only decides which years `３年度` means, not whether it is one.
  for (size_t r = 0; r < t.rows.size(); ++r)
    if (block_at(t, r, "令和")) return true;
  return false;
}

Recognized build_indicator_blocks_table(const Table& t, const TableContext& ctx) {
  Recognized out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::optional<Block> b = block_at(t, r, ctx.era);
    if (!b) continue;
    CleanName name = clean_indicator(b->name->text);
    if (name.name.empty()) continue;
    std::optional<std::string> project = project_above(t, r);
    if (!project) project = ctx.project_title;
    if (!project) {
      out.warnings.push_back("indicator " + name.name + ": no project named above it; not read");
      continue;
    }
    KpiRecord rec;
    rec.level = "project";
    rec.project = project;
    rec.indicator = name.name;
    ValueHints hints;
    hints.era = ctx.era;
    hints.unit = normalize_text(b->unit->text);
    Box box = t.rows[r].box;
    for (auto& [j, role] : b->role_rows) {
      const TableRow& row = t.rows[j];
      box = box.united(row.box);
      for (const YearCell& y : b->years) {
        const TableCell* cell = row.at(y.column);
        if (!cell) continue;  // a year not yet reached
        RecordValue rv = make_value(cell, t, role, y.period, hints);
        if (rv.v.status == ValueStatus::invalid)
          rec.warnings.push_back("invalid number " + rv.v.raw + " (" + std::string(to_string(role)) + "): not read");
        rec.values.push_back(std::move(rv));
      }
    }
    rec.source = source_of(t, box, t.rows[r].line, t.rows[r].page);
    rec.unit = first_value_unit(rec);
    if (rec.unit.empty()) rec.unit = normalize_value("1" + hints.unit).unit;
    out.records.push_back(std::move(rec));
    r = b->role_rows.back().first;
  }
  return out;
}

}  // namespace kpix
