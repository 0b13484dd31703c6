#include "pipeline/cli/inspect_tables.h"

#include "pipeline/tables/recognizer.h"

namespace kpix::cli {
namespace {

struct KindLook {
  ColumnKind kind;
  std::optional<Role> role;  // for value columns; nullopt matches any
  const char* tag;
  unsigned int rgb;
};

// One colour per kind, values by role; the tags are what the picture prints
// in each cell (capitals: the picture's bitmap font has no others).
constexpr KindLook kLooks[] = {
    {ColumnKind::value, Role::baseline, "BASE", 0x0969da},
    {ColumnKind::value, Role::actual, "ACT", 0x1a7f37},
    {ColumnKind::value, Role::target, "TGT", 0xcf222e},
    {ColumnKind::value, Role::achievement, "ACH", 0x1b7c83},
    {ColumnKind::value, std::nullopt, "VALUE", 0x1a7f37},
    {ColumnKind::achievement, std::nullopt, "ACH", 0x1b7c83},
    {ColumnKind::total, std::nullopt, "TOTAL", 0x953800},
    {ColumnKind::indicator, std::nullopt, "IND", 0xbf8700},
    {ColumnKind::project, std::nullopt, "PROJ", 0xbf3989},
    {ColumnKind::group, std::nullopt, "GROUP", 0xe16f24},
    {ColumnKind::kind, std::nullopt, "KIND", 0x57606a},
    {ColumnKind::comment, std::nullopt, "NOTE", 0x8c959f},
    {ColumnKind::unknown, std::nullopt, "?", 0x6e7781},
};

const KindLook& look_of(const ColumnInfo* c) {
  static const KindLook& unknown = kLooks[std::size(kLooks) - 1];
  if (!c) return unknown;
  for (const KindLook& l : kLooks)
    if (l.kind == c->kind && (!l.role || c->role == l.role)) return l;
  return unknown;
}

// The lines of one table id in a row, as the record builder hands them on.
std::vector<std::vector<const Line*>> table_runs(const Page& page) {
  std::vector<std::vector<const Line*>> runs;
  int current = -1;
  for (const Line& l : page.lines) {
    if (l.table < 0) {
      current = -1;
      continue;
    }
    if (l.table != current) runs.emplace_back();
    current = l.table;
    runs.back().push_back(&l);
  }
  return runs;
}

TableReading read_part(Table part, int table, std::string_view era, bool blocks) {
  TableReading r;
  r.table = table;
  r.indicator_blocks = blocks;
  if (!blocks) r.shape = sniff_table(part, era);
  TableContext ctx;
  ctx.era = std::string(era);
  Recognized rec = recognize_table(part, ctx, blocks);
  r.family = rec.family;
  r.records = rec.records.size();
  r.warnings = rec.warnings;
  r.rows = std::move(part);
  return r;
}

}  // namespace

std::vector<TableReading> read_page_tables(const Page& page, std::string_view era, bool from_text) {
  std::vector<TableReading> out;
  for (const auto& run : table_runs(page)) {
    Table whole = make_table(run, page, from_text);
    int id = run.front()->table;
    if (has_indicator_blocks(whole)) {
      out.push_back(read_part(std::move(whole), id, era, true));
      continue;
    }
    for (Table& part : split_stacked_tables(whole, era)) out.push_back(read_part(std::move(part), id, era, false));
  }
  return out;
}

std::string column_tag(const ColumnInfo* c) {
  std::string tag = look_of(c).tag;
  if (c && c->period) {
    tag += " " + std::to_string(c->period->start);
    if (c->period->end != c->period->start) tag += "-" + std::to_string(c->period->end);
  }
  return tag;
}

unsigned int column_colour(const ColumnInfo* c) { return look_of(c).rgb; }

}  // namespace kpix::cli
