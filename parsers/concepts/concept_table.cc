// Entry points: parse_concept_rows, parse_qualifier_rules (see concept_table.h).
// Every check a row can fail is made here, once, when the index is built, so
// matching never meets a bad pattern.
#include "parsers/concepts/concept_table.h"

#include <set>

#include <re2/re2.h>

#include "parsers/normalize/units.h"

namespace kpix {
namespace {

// `-` writes an empty field: a trailing empty field would not survive editors
// that strip trailing whitespace.
std::string field(std::string_view f) { return f == "-" ? std::string() : std::string(f); }

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

struct Row {
  int line;
  std::vector<std::string_view> fields;
};

// Rows of a table after its header; comments (`#` first) and blank lines skipped.
std::vector<Row> read_rows(std::string_view tsv, std::string_view name, std::string_view header) {
  std::vector<Row> rows;
  bool header_seen = false;
  int line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto error = [&](const std::string& what) {
      return ConceptTableError(std::string(name) + ":" + std::to_string(line_no) + ": " + what);
    };
    if (!header_seen) {
      if (line != header) throw error("header must be `" + std::string(header) + "`");
      header_seen = true;
      continue;
    }
    auto fields = split(line, '\t');
    size_t want = split(header, '\t').size();
    if (fields.size() != want)
      throw error(std::to_string(fields.size()) + " columns, want " + std::to_string(want));
    for (std::string_view f : fields)
      if (f.empty()) throw error("empty column (write `-`)");
    rows.push_back({line_no, std::move(fields)});
  }
  if (!header_seen) throw ConceptTableError(std::string(name) + ": no header row");
  return rows;
}

std::shared_ptr<const re2::RE2> compile(std::string_view pattern, const std::string& where) {
  RE2::Options opt;
  opt.set_log_errors(false);
  auto re = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), opt);
  if (!re->ok()) throw ConceptTableError(where + " does not compile: " + re->error());
  // A pattern that matches nothing at all would take every name (match) or be
  // replaced between every two characters (qualifier rewrite).
  if (RE2::PartialMatch("", *re)) throw ConceptTableError(where + " matches the empty string");
  return re;
}

std::string at(std::string_view name, int line) { return std::string(name) + ":" + std::to_string(line) + ": "; }

}  // namespace

std::vector<ConceptRow> parse_concept_rows(std::string_view tsv, std::string_view name) {
  static const RE2 id_shape("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  std::vector<ConceptRow> out;
  std::set<std::string> ids;
  for (const Row& r : read_rows(tsv, name, "id\tlabel\tunit\tmatch\texclude")) {
    std::string where = at(name, r.line);
    ConceptRow c;
    c.line = r.line;
    c.id = std::string(r.fields[0]);
    c.label = std::string(r.fields[1]);
    c.unit = field(r.fields[2]);
    c.match_text = std::string(r.fields[3]);
    c.exclude_text = field(r.fields[4]);
    if (!RE2::FullMatch(c.id, id_shape)) throw ConceptTableError(where + "id `" + c.id + "` is not area.quantity");
    if (!ids.insert(c.id).second) throw ConceptTableError(where + "id `" + c.id + "` repeats");
    // The canonical unit is one counter word kpix reads in cells, unscaled.
    if (!c.unit.empty()) {
      auto hint = parse_unit_hint(c.unit);
      if (!hint || hint->exponent != 0 || hint->unit != c.unit)
        throw ConceptTableError(where + "unit `" + c.unit + "` is not a unit kpix knows");
    }
    c.match = compile(c.match_text, where + "match");
    if (!c.exclude_text.empty()) c.exclude = compile(c.exclude_text, where + "exclude");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<QualifierRule> parse_qualifier_rules(std::string_view tsv, std::string_view name) {
  // ASCII words, an optional `:argument` that may insert groups (`age:\1-\2`).
  static const RE2 code_shape("[a-z][a-z_]*(:[a-z0-9_<\\\\-]+)?");
  std::vector<QualifierRule> out;
  for (const Row& r : read_rows(tsv, name, "code\tpattern\trewrite")) {
    std::string where = at(name, r.line);
    QualifierRule q;
    q.line = r.line;
    q.code = field(r.fields[0]);
    q.rewrite = field(r.fields[2]);
    if (!q.code.empty() && !RE2::FullMatch(q.code, code_shape))
      throw ConceptTableError(where + "code `" + q.code + "` is not word or word:argument");
    q.pattern = compile(r.fields[1], where + "pattern");
    std::string err;
    if (!q.code.empty() && !q.pattern->CheckRewriteString(q.code, &err))
      throw ConceptTableError(where + "code: " + err);
    if (!q.pattern->CheckRewriteString(q.rewrite, &err)) throw ConceptTableError(where + "rewrite: " + err);
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<ContextRule> parse_context_rules(std::string_view tsv, const std::vector<ConceptRow>& concepts,
                                             std::string_view name) {
  auto known = [&](std::string_view id) {
    for (const ConceptRow& c : concepts)
      if (c.id == id) return true;
    return false;
  };
  std::vector<ContextRule> out;
  for (const Row& r : read_rows(tsv, name, "concept\tproject\tbecomes")) {
    std::string where = at(name, r.line);
    ContextRule c;
    c.line = r.line;
    c.from = std::string(r.fields[0]);
    c.to = std::string(r.fields[2]);
    for (const std::string* id : {&c.from, &c.to})
      if (!known(*id)) throw ConceptTableError(where + "`" + *id + "` is not a concept of concepts.tsv");
    if (c.from == c.to) throw ConceptTableError(where + "the rule changes nothing");
    c.project = compile(r.fields[1], where + "project");
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kpix
