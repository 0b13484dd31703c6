#!/usr/bin/env python3
"""Generate the sample document sources (HTML, flat ODF) from the seed texts.

Usage: make-sample-sources.py [--header merged|empty] [--groups merged|repeat|blank] SEEDS_DIR OUT_DIR
       make-sample-sources.py --normalize-pdf FILE.pdf...

--header / --groups draw the merged cells of the table model another way (see
Merges); the defaults give the committed samples/sources, and scripts/make-matrix
uses the others.

The seeds (../shared/seeds/NNN_*.txt) are the text a third-party converter
pulled out of five real PDFs: tables as tab-separated lines, some cells with
leftover HTML.  This script rebuilds documents of the same kind from them:

  000, 001, 004  slide decks      -> NNN-<town>.html (16:9 landscape pages)
  002            spreadsheet      -> 002-sunagawa.html, 002-sunagawa.fods (A4 landscape)
  003            word processor   -> 003-ashibetsu.html, 003-ashibetsu.fodt (A4 portrait)

Tables become real ruled tables; cells the converter shows as empty
continuations become rowspan/colspan merged cells; leftover HTML becomes cell
content.  Every cell text, value and heading of the seed is carried over; the
few deliberate layout decisions are listed in samples/README.md.

Output is deterministic (no timestamps, stable ordering).
"""
import html
import os
import re
import sys

SEEDS = {
    "000": ("000_20258ccdc73fa33f.txt", "iwamizawa", "slides"),
    "001": ("001_a61508fec1d3fe11.txt", "iwamizawa", "slides"),
    "002": ("002_b1c8d5c221a7a54e.txt", "sunagawa", "sheet"),
    "003": ("003_acdad34392815b8b.txt", "ashibetsu", "doc"),
    "004": ("004_5a75ff59ed95451e.txt", "tomakomai", "slides"),
}

# --------------------------------------------------------------------------
# Rich text: a cell or paragraph is a list of paragraphs; a paragraph is
# (kind, runs) with kind in {"p", "item", "box"}; a run is (text, bold, underline).
# --------------------------------------------------------------------------


def runs_of(s):
    """Split text with **bold** and <u>underline</u> markup into runs."""
    runs = []
    pos = 0
    for m in re.finditer(r"\*\*(.+?)\*\*|<u>(.*?)</u>", s):
        if m.start() > pos:
            runs.append((s[pos:m.start()], False, False))
        if m.group(1) is not None:
            runs.append((m.group(1), True, False))
        else:
            runs.append((m.group(2), False, True))
        pos = m.end()
    if pos < len(s):
        runs.append((s[pos:], False, False))
    return [r for r in runs if r[0] != ""]


def plain(paras):
    return " ".join("".join(r[0] for r in runs) for _, runs in paras)


def cell_content(s, seed):
    """Turn a converter cell (possibly with leftover HTML) into paragraphs."""
    s = s.strip()
    if not s:
        return []
    paras = []
    if "<ul" in s:
        before, _, rest = s.partition("<ul")
        rest = rest.split(">", 1)[1]
        rest = rest.replace("</ul>", "")
        if before.strip():
            paras.append(("p", runs_of(before.strip())))
        tail = []
        for m in re.finditer(r"<p>(.*?)</p>", rest):
            tail.append(m.group(1).strip())
        rest = re.sub(r"<p>.*?</p>", "", rest).strip()
        for item in re.split(r"\s+(?=[・●] )", rest):
            item = item.strip()
            if item:
                paras.append(("item", runs_of(item)))
        for t in tail:
            paras.append(("p", runs_of(t)))
        return paras
    m = re.match(r'^<div[^>]*>\s*(.*?)\s*</div>$', s)
    if m:
        return [("box", runs_of(m.group(1)))]
    if seed == "003":
        # 施策 cells: title line, then the description paragraph(s)
        parts = re.split(r" (?=<u>)", s)
        if len(parts) == 1:
            m = re.match(r"^([①-⑳].{2,40}?の推進) (.+)$", s)
            if m:
                parts = [m.group(1), m.group(2)]
        return [("p", runs_of(p)) for p in parts if p.strip()]
    if seed == "004" and "○" in s:
        # schedule column: one line per ○ entry and per ・ sub-entry
        parts = re.split(r" (?=[○・])", s)
        return [("p", runs_of(p)) for p in parts if p.strip()]
    return [("p", runs_of(s))]


# --------------------------------------------------------------------------
# Table model
# --------------------------------------------------------------------------


class Cell:
    def __init__(self, text, seed, header=False):
        self.raw = text
        self.paras = cell_content(text, seed) if isinstance(text, str) else text
        self.cs = 1
        self.rs = 1
        self.header = header
        self.cls = ""

    @property
    def empty(self):
        return not self.paras


class Table:
    """rows: list of lists; slot is a Cell (anchor) or ("cov", r, c) of its anchor."""

    def __init__(self, nrows, ncols):
        self.rows = [[None] * ncols for _ in range(nrows)]
        self.ncols = ncols
        self.nhead = 0
        self.kind = ""
        self.widths = None  # relative widths per column

    def anchor(self, r, c):
        x = self.rows[r][c]
        if isinstance(x, tuple):
            return x[1], x[2], self.rows[x[1]][x[2]]
        return r, c, x

    def merge(self, r0, c0, r1, c1):
        """Make (r0,c0) span to (r1,c1) inclusive; the covered cells must be empty."""
        a = self.rows[r0][c0]
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    self.rows[r][c] = ("cov", r0, c0)
        a.rs = r1 - r0 + 1
        a.cs = c1 - c0 + 1


HEADER_TOKEN = re.compile(
    r"^(項目|基準値|目標値|R\d+実績|R\d+目標値|20\d\d|20\d\d年|初年度.*|最終年度.*|[HR]\d+ \(\d{4}\)|"
    r"総人口|増減数|老年人口.*|高齢化率|出生|死亡|転入|転出)$")


def build_table(rows, seed, nhead=None, first_line=0):
    rows = [list(r) for r in rows]
    if seed == "002":
        rows = fix_002_rows(rows)
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    if nhead is None:
        nhead = 1
        while nhead < len(rows) - 1:
            r = rows[nhead]
            if r[0] == "" and all(HEADER_TOKEN.match(x.strip()) for x in r if x.strip()):
                nhead += 1
            else:
                break
    t = Table(len(rows), ncols)
    t.nhead = nhead
    for i, r in enumerate(rows):
        for j, x in enumerate(r):
            t.rows[i][j] = Cell(x, seed, header=i < nhead)
    # header merges: empty cell under a single-column header cell -> rowspan,
    # other empty header cells -> colspan from the left.
    for i in range(nhead):
        for j in range(ncols):
            x = t.rows[i][j]
            if isinstance(x, tuple) or not x.empty:
                continue
            if i > 0:
                ar, ac, a = t.anchor(i - 1, j)
                if a.cs == 1 and not a.empty:
                    t.merge(ar, ac, i, ac)
                    continue
            if j > 0:
                ar, ac, a = t.anchor(i, j - 1)
                if ar == i and not a.empty:
                    t.merge(ar, ac, ar + a.rs - 1, j)
    # body merges: leading empty cells continue the cell above
    for i in range(nhead, len(rows)):
        row = rows[i]
        if not any(x.strip() for x in row):
            continue
        for j in range(ncols):
            if row[j].strip():
                break
            if i == nhead:
                break
            ar, ac, a = t.anchor(i - 1, j)
            if a.header or a.empty or a.cs != 1:
                break
            t.merge(ar, ac, i, ac)
        nonempty = [j for j in range(ncols) if row[j].strip()]
        # a continuation row (first cell merged upward) also continues a long text in the last column
        if i > nhead and isinstance(t.rows[i][0], tuple) and not row[-1].strip() and nonempty:
            ar, ac, a = t.anchor(i - 1, ncols - 1)
            if not a.header and a.cs == 1 and len(plain(a.paras)) > 30:
                t.merge(ar, ac, i, ac)
        # section rows (only the first cell filled) span the whole table
        if nonempty == [0] and ncols > 3:
            t.merge(i, 0, i, ncols - 1)
            t.rows[i][0].cls = "section"
    return t


def fix_002_rows(rows):
    """002: the converter split the KPI cell `名称 ／基準→目標` at the arrow."""
    hlen = len(rows[0])
    out = []
    for r in rows:
        if len(r) > hlen and "目標値" in r:
            k = r.index("目標値")
            name, target = r[k - 2], r[k - 1]
            r = r[:k - 2] + [name + "→" + target] + r[k:]
        out.append(r)
    return out


def finish_table(t, seed):
    """Seed-specific merges and column widths."""
    ncols = t.ncols
    head = " ".join(plain(t.rows[i][j].paras) for i in range(t.nhead) for j in range(ncols)
                    if not isinstance(t.rows[i][j], tuple))
    # 000: `…との共通指標` spans the value columns
    if seed == "000":
        for i in range(t.nhead, len(t.rows)):
            row = t.rows[i]
            cells = [(j, x) for j, x in enumerate(row) if not isinstance(x, tuple)]
            vals = [(j, x) for j, x in cells if j >= 2 and not x.empty]
            if len(vals) == 1 and "共通指標" in plain(vals[0][1].paras):
                j, x = vals[0]
                if all(isinstance(row[k], Cell) and row[k].empty for k in range(2, ncols) if k != j):
                    row[2], row[j] = row[j], row[2]
                    t.merge(i, 2, i, ncols - 1)
                    row[2].cls = "note"
    if seed == "002":
        # the comment column of a KPI pair spans its 目標値 and 実績値 rows
        for i in range(t.nhead + 1, len(t.rows)):
            row = t.rows[i]
            last = row[ncols - 1]
            if isinstance(last, Cell) and last.empty and any(
                    isinstance(x, Cell) and plain(x.paras) == "実績値" for x in row):
                ar, ac, a = t.anchor(i - 1, ncols - 1)
                if not a.empty and not a.header:
                    t.merge(ar, ac, i, ac)
    # column widths (relative)
    w = []
    for j in range(ncols):
        longest = 0
        for i in range(len(t.rows)):
            x = t.rows[i][j]
            if isinstance(x, Cell) and x.cs == 1:
                longest = max(longest, max([len("".join(r[0] for r in runs)) for _, runs in x.paras] or [0]))
        w.append(longest)
    hdr = []
    for j in range(ncols):
        parts = []
        for i in range(t.nhead):
            ar, ac, a = t.anchor(i, j)
            parts.append(plain(a.paras))
        hdr.append(" ".join(parts))
    widths = []
    for j in range(ncols):
        h = hdr[j]
        if re.search(r"取組|方向性|所見|理由|具体的な施策|内容|進捗状況|会議の内容|国・北海道", h) and w[j] > 30:
            cap = 30 if "方向性" not in h else 26
            widths.append(min(max(w[j] * 0.45, 12), cap))
        elif re.search(r"項目|KPI|指標", h) and not re.search(r"基準|実績|目標", h) and w[j] > 6:
            widths.append(11 if seed != "004" else 12)   # indicator column, 8-12 characters wide
        elif re.search(r"事業名|施策名", h) and w[j] > 6:
            widths.append(10)
        else:
            widths.append(min(max(w[j], 3), 12))
    if seed == "000" and t.nhead and "取組" in hdr[0] and t.ncols >= 7:
        widths = [24, 10] + [7.5] * (ncols - 2)
    if seed == "002":
        if t.ncols == 10:    # 施策名, KPI, 区分, 5 years, 合計, comment
            widths = [10, 12, 3.5] + [4.6] * 5 + [4.6, 33]
        elif t.ncols == 11 and "数値目標" in head:
            widths = [7, 6.5, 6.5, 3.5] + [4.6] * 5 + [4.6, 30]
        elif t.ncols == 11:  # 施策, 事業名, KPI, ...
            widths = [6.5, 8.5, 11, 3.5] + [4.6] * 5 + [4.6, 29]
    t.widths = widths
    return t


def custom_table(seed, first, rows):
    """Tables whose converter output is misaligned or nested; built by hand from the seed cells."""
    C = lambda text, cs=1, rs=1, h=False, cls="": _cell(seed, text, cs, rs, h, cls)
    if seed == "001" and rows[0][:2] == ["区分", "H26 (2014)"] and rows[1][2].startswith("初年度 H27"):
        # 自然動態と社会動態: header cells are shifted one column left by the converter
        hdr0 = [C("区分", 2, 2, True), C("H26 (2014)", 1, 2, True), C("(第1期総合戦略)", 2, 1, True),
                C("(第2期総合戦略)", 4, 1, True), C("(第3期)", 1, 1, True)]
        hdr1 = [C(x, 1, 1, True) for x in rows[1][2:9]]
        body = []
        for r in rows[2:-1]:
            body.append([C(x) for x in r])
        last = rows[-1]
        body.append([C(last[0], 2)] + [C(x) for x in last[1:9]])
        t = grid_from(seed, [hdr0, hdr1] + body, 10, 2)
        t.widths = [6, 9] + [6.5] * 8
        return t
    if seed == "001" and rows[0][0] == "" and rows[0][1] == "令和7年度":
        # roadmap of the partnership areas; the converter repeated the nested table three times
        nested_src = rows[2][1]
        items = re.findall(r"<td>(.*?)</td>", nested_src)
        heads = re.findall(r"<th>(.*?)</th>", nested_src)
        nested = Table(2, 3)
        nested.nhead = 1
        for j, hname in enumerate(heads):
            nested.rows[0][j] = Cell(hname, seed, header=True)
        for j, it in enumerate(items):
            nested.rows[1][j] = Cell(it.strip(), seed)
        nested.widths = [1, 1, 1]
        c_nested = Cell("", seed)
        c_nested.nested = nested
        c_nested.cs = 2
        hdr = [C("", 1, 1, True), C(rows[0][1], 1, 1, True), C(rows[0][2], 1, 1, True)]
        r1 = [C(rows[1][0], 1, 2), C(rows[1][1], 2, 1)]
        r2 = [c_nested]
        r3 = [C(rows[5][0]), C(rows[5][1]), C(rows[5][2])]
        r4 = [C(rows[6][0]), C(rows[6][1]), C(rows[7][2])]
        t = grid_from(seed, [hdr, r1, r2, r3, r4], 3, 1)
        t.widths = [9, 16, 16]
        t.kind = "roadmap"
        return t
    return None


def _cell(seed, text, cs, rs, h, cls):
    c = Cell(text, seed, header=h)
    c.cs, c.rs, c.cls = cs, rs, cls
    return c


def grid_from(seed, rows, ncols, nhead):
    """Place anchors (with cs/rs set) row by row into a grid, filling covered slots."""
    t = Table(len(rows), ncols)
    t.nhead = nhead
    for i, r in enumerate(rows):
        j = 0
        for c in r:
            while j < ncols and t.rows[i][j] is not None:
                j += 1
            t.rows[i][j] = c
            for di in range(c.rs):
                for dj in range(c.cs):
                    if di or dj:
                        t.rows[i + di][j + dj] = ("cov", i, j)
            j += c.cs
    for i in range(len(rows)):
        for j in range(ncols):
            if t.rows[i][j] is None:
                t.rows[i][j] = Cell("", seed)
    return t


def make_table(seed, first, rows, merges=None):
    """The table model of one seed table, its merged cells drawn as `merges` says."""
    return draw_merges(model_table(seed, first, rows), merges or MERGED)


def model_table(seed, first, rows):
    t = custom_table(seed, first, rows)
    if t is not None:
        return t
    key = rows[0][0]
    nhead = None
    if seed == "000" and key.startswith("● 基本目標"):
        nhead = 0
    if seed == "001" and key in ("中心市",):
        nhead = 0
    if seed == "003" and key == "令和5年":
        nhead = 0
    if seed == "004" and key == "現在":
        nhead = 2
    if seed == "004" and key == "理想の子どもの数":
        nhead = 0
        rows = [[r[0]] + [c.replace(" ", "\n") for c in r[1:]] for r in rows]
    if seed == "001" and key == "事業名" and rows[1][1:5] == ["項目", "基準値", "R6実績", ""]:
        # converter lost the R9目標値 head: keep it empty, put 方向性 over its own column
        C = lambda text, cs=1, rs=1, h=False: _cell(seed, text, cs, rs, h, "")
        hdr0 = [C("事業名", 1, 2, True), C(rows[0][1], 4, 1, True), C(rows[0][4], 1, 2, True)]
        hdr1 = [C("項目", h=True), C("基準値", h=True), C("R6実績", h=True), C("", h=True)]
        t0 = build_table([rows[0]] + [["", "", "", "", "", ""]] + rows[2:], seed, nhead=2)
        for j in range(6):
            t0.rows[0][j] = None
            t0.rows[1][j] = None
        t = grid_from(seed, [hdr0, hdr1], 6, 2)
        t.rows = t.rows + t0.rows[2:]
        return finish_table(t, seed)
    t = build_table(rows, seed, nhead=nhead, first_line=first)
    return finish_table(t, seed)


# --------------------------------------------------------------------------
# How merged cells are drawn.  The table model above decides which cells belong
# together (a heading over several columns, a group label over several rows);
# producers differ in how they draw that: one merged cell, the label in one cell
# beside empty ones, or the label repeated on every row (a spreadsheet whose
# merged cells were unmerged and filled).  Only the default (merged) is used
# for the committed samples; the others are renderings for scripts/make-matrix.
# --------------------------------------------------------------------------

class Merges:
    """header: merged | empty  (a spanning header cell, or its label beside empty header cells)
    groups: merged | repeat | blank  (a body cell spanning rows: merged, its text on every row,
    or its text on the first row and empty cells below). Colspans in the body (section rows,
    a note over the value columns) stay merged in every mode."""
    HEADER = ("merged", "empty")
    GROUPS = ("merged", "repeat", "blank")

    def __init__(self, header="merged", groups="merged"):
        if header not in self.HEADER or groups not in self.GROUPS:
            raise ValueError("merges: header %r (one of %s), groups %r (one of %s)"
                             % (header, "/".join(self.HEADER), groups, "/".join(self.GROUPS)))
        self.header, self.groups = header, groups


MERGED = Merges()


def _copy_cell(c, seed_paras, rs=1):
    d = Cell(list(seed_paras), None, header=c.header)
    d.cs, d.rs, d.cls = c.cs, rs, c.cls
    if seed_paras and getattr(c, "nested", None) is not None:
        d.nested = c.nested
    return d


def draw_merges(t, merges):
    """Rewrite the spans of table t (in place) the way `merges` draws them; returns t."""
    if merges.header == "merged" and merges.groups == "merged":
        return t
    for i, row in enumerate(t.rows):
        for j, c in enumerate(row):
            if isinstance(c, tuple) or (c.cs == 1 and c.rs == 1):
                continue
            if c.header and merges.header == "empty":
                for r in range(i, i + c.rs):
                    for k in range(j, j + c.cs):
                        if (r, k) != (i, j):
                            t.rows[r][k] = _copy_cell(c, [])
                            t.rows[r][k].cs = 1
                c.cs = c.rs = 1
            elif not c.header and c.rs > 1 and merges.groups != "merged":
                for r in range(i + 1, i + c.rs):
                    t.rows[r][j] = _copy_cell(c, c.paras if merges.groups == "repeat" else [])
                    for k in range(j + 1, j + c.cs):
                        t.rows[r][k] = ("cov", r, j)
                c.rs = 1
    return t


# --------------------------------------------------------------------------
# Seed parsing into blocks
# --------------------------------------------------------------------------


def parse_blocks(text):
    """Blocks: ("para", ln, s) ("list", ln, [s...]) ("table", ln, rows) ("indent", ln, s)."""
    lines = text.split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        ln = i + 1
        s = lines[i]
        if s.strip() == "":
            i += 1
            continue
        if "\t" in s:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            if len(rows) == 1 and sum(1 for x in rows[0] if x.strip()) <= 1:
                blocks.append(("indent", ln, "".join(rows[0]).strip()))
            else:
                blocks.append(("table", ln, rows))
            continue
        if s.startswith("- "):
            items = []
            while i < len(lines) and (lines[i].startswith("- ") or
                                      (lines[i].startswith(" ") and lines[i].strip() and items)):
                t = lines[i]
                items.append(t[2:] if t.startswith("- ") else t.strip())
                i += 1
            blocks.append(("list", ln, items))
            continue
        # paragraph: consecutive non-empty lines (line breaks kept)
        para = [s.strip()]
        i += 1
        while i < len(lines) and lines[i].strip() and "\t" not in lines[i] and not lines[i].startswith("- "):
            para.append(lines[i].strip())
            i += 1
        blocks.append(("para", ln, "\n".join(para)))
    return blocks


# Slide starts: a paragraph matching one of these begins a new slide (page).
SLIDE_STARTS = {
    "000": [r"^令和5年度 第2回総合戦略等推進委員会$", r"^1 岩見沢市総合戦略等推進委員会 協議事項$",
            r"^1 第2期総合戦略の検証と総括$", r"^KPIの達成状況からみる成果$", r"^第2期総合戦略の総括について$",
            r"^基本目標\s*\d\s*の評価指標", r"^基本目標\s*\d\s*の各総合戦略事業の実績", r"^2 次期岩見沢市総合戦略について（"],
    "001": [r"^総合戦略・定住自立圏 特別委員会$", r"^岩見沢市総合戦略について$", r"^\d 第3期岩見沢市総合戦略の",
            r"^基本目標の評価指標\(KPI\)の実績$", r"^基本目標 2 新しい", r"^基本目標 4 安心して",
            r"^各施策の評価指標", r"^【基本目標[234]】", r"^4 国における", r"^南空知定住自立圏について$",
            r"^国の定住自立圏構想$", r"^3\) 定住自立圏の中心市の要件$", r"^南空知定住自立圏形成までの経過$",
            r"^◇広域連携加速化事業$", r"^I 南空知定住自立圏の方向性$", r"^■ 将来に渡って",
            r"^II 南空知定住自立圏共生ビジョンについて$", r"^共生ビジョン\(当初\)$", r"^Ⅱ 南空知定住自立圏共生ビジョンについて$"],
    "004": [r"^苫小牧市総合戦略推進会議$", r"^0\d \| ", r"^\d\. ?\S", r"^\d [^\d\s]", r"^施策\d+", r"^施策の基本的方向\d",
            r"^基本目標$", r"^【出生についての市民意識】", r"^【本市の策定・推進体制】", r"^施策の方向$"],
}
# first paragraph of these slides is a section divider (large centred title)
DIVIDER = {
    "000": [r"^令和5年度 第2回"],
    "001": [r"^総合戦略・定住自立圏 特別委員会$", r"^岩見沢市総合戦略について$", r"^南空知定住自立圏について$"],
    "004": [r"^苫小牧市総合戦略推進会議$", r"^01 \| ", r"^02 \| ", r"^03 \| ", r"^04 \| "],
}


def slide_groups(seed, blocks):
    """Split blocks into slides; a project table pulls its name paragraphs onto its slide."""
    starts = [re.compile(p) for p in SLIDE_STARTS[seed]]
    brk = set()
    for k, b in enumerate(blocks):
        if b[0] == "para" and any(p.search(b[2]) for p in starts):
            if seed == "001" and b[2] == "岩見沢市総合戦略について" and k > 0 and \
                    blocks[k - 1][0] == "para" and blocks[k - 1][2] == "岩見沢市総合戦略について":
                pass
            brk.add(k)
        if b[0] == "table" and seed == "000" and b[2][0][0].startswith("令和") and "取組" in b[2][0][0]:
            # project slide: walk back over its name / funding lines
            j = k - 1
            while j > 0 and blocks[j][0] == "para" and not blocks[j][2].startswith("※ K P I") \
                    and not blocks[j][2].startswith("【基本目標") and not blocks[j][2].startswith("○総合戦略") \
                    and not blocks[j][2].startswith("※事業数") and not blocks[j][2].startswith("(令和") \
                    and not blocks[j][2].startswith("令和4年度より"):
                j -= 1
            brk.add(j + 1)
    slides = []
    cur = []
    for k, b in enumerate(blocks):
        if k in brk and cur:
            slides.append(cur)
            cur = []
        cur.append(b)
    if cur:
        slides.append(cur)
    return slides


# --------------------------------------------------------------------------
# HTML output
# --------------------------------------------------------------------------

def h(s):
    return html.escape(s, quote=False)


def runs_html(runs):
    out = []
    for text, bold, und in runs:
        t = h(text).replace("\n", "<br>")
        if und:
            t = "<u>" + t + "</u>"
        if bold:
            t = "<b>" + t + "</b>"
        out.append(t)
    return "".join(out)


def cell_html(c):
    if getattr(c, "nested", None) is not None:
        return table_html(c.nested, nested=True)
    parts = []
    for kind, runs in c.paras:
        if kind == "box":
            parts.append('<div class="box">%s</div>' % runs_html(runs))
        elif kind == "item":
            parts.append('<div class="item">%s</div>' % runs_html(runs))
        else:
            parts.append(runs_html(runs))
    if len(c.paras) > 1 and all(k == "p" for k, _ in c.paras):
        return "<br>".join(parts)
    return "".join(parts)


NUMERIC = re.compile(r"^[\s▲△▼\-－—⇒+]*(累計|確定値|暫定値)?[\d,.\s]+(%|％)?$")


def table_html(t, nested=False):
    total = sum(t.widths)
    cls = "nested" if nested else ("kpi" if t.kind != "roadmap" else "kpi roadmap")
    if nested:
        out = ['<table class="%s" border="1" cellspacing="0" cellpadding="3" width="100%%">' % cls]
        out.append("<colgroup>" + "".join('<col width="%d%%">' % round(100 * w / total) for w in t.widths) + "</colgroup>")
    else:
        # pixel widths (CSS px at 96 dpi of the page's text width): LibreOffice's HTML import
        # honours <col width="N"> in pixels, not percentages; Chromium takes them as hints.
        out = ['<table class="%s" border="1" cellspacing="0" cellpadding="3" width="%d">' % (cls, PAGE_PX)]
        out.append("<colgroup>" + "".join('<col width="%d">' % round(PAGE_PX * w / total) for w in t.widths) + "</colgroup>")
    if t.nhead:
        out.append("<thead>")
    for i, row in enumerate(t.rows):
        if i == t.nhead and t.nhead:
            out.append("</thead><tbody>")
        elif i == 0:
            out.append("<tbody>")
        out.append("<tr>")
        for j, c in enumerate(row):
            if isinstance(c, tuple):
                continue
            tag = "th" if c.header else "td"
            attrs = []
            if c.cs > 1:
                attrs.append('colspan="%d"' % c.cs)
            if c.rs > 1:
                attrs.append('rowspan="%d"' % c.rs)
            klass = [c.cls] if c.cls else []
            txt = plain(c.paras)
            if not c.header and NUMERIC.match(txt or "x"):
                klass.append("num")
            if klass:
                attrs.append('class="%s"' % " ".join(klass))
            if c.header:
                attrs.append('bgcolor="#dde4ee"')
            elif c.cls == "section":
                attrs.append('bgcolor="#eeeeee"')
            out.append("<%s%s>%s</%s>" % (tag, (" " + " ".join(attrs)) if attrs else "", cell_html(c), tag))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


CSS_COMMON = """
body { font-family: "Noto Sans CJK JP", sans-serif; color: #000; margin: 0; }
h1, h2, h3, p, li, td, th, div { font-family: "Noto Sans CJK JP", sans-serif; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt 0; page-break-inside: auto; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; text-align: left;
         overflow-wrap: anywhere; word-break: normal; }
th { background: #dde4ee; font-weight: bold; text-align: center; }
td.num { text-align: center; white-space: nowrap; }
td.section { background: #eeeeee; font-weight: bold; }
td.note { text-align: center; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
div.box { border: 0.75pt solid #000; padding: 2pt 4pt; display: inline-block; }
div.item { margin: 0; }
table.nested { margin: 2pt 0; }
ul { margin: 2pt 0 4pt 0; padding-left: 14pt; }
p.li { margin: 1pt 0 1pt 10pt; text-indent: 0; }
"""

CSS_SLIDES = """
@page { size: 338.7mm 190.5mm; margin: 9mm 12mm 9mm 12mm; }
body { font-size: 14pt; line-height: 1.35; }
h2 { font-size: 22pt; font-weight: bold; color: #123c69; border-bottom: 2.5pt solid #123c69;
     margin: 0 0 6pt 0; padding: 0 0 2pt 0; }
h2.first { page-break-before: auto; }
h2.brk { page-break-before: always; break-before: page; }
h1.divider { font-size: 32pt; text-align: center; color: #123c69; margin: 40mm 0 6mm 0; }
h1.divider.brk { page-break-before: always; break-before: page; }
h3 { font-size: 15pt; font-weight: bold; margin: 6pt 0 3pt 0; color: #1d2f4d; }
p { margin: 2pt 0 3pt 0; }
p.note { font-size: 10.5pt; }
p.indent { margin-left: 16pt; }
table.kpi, td, th { font-size: 11pt; line-height: 1.25; }
table.nested { font-size: 10pt; }
"""

CSS_SHEET = """
@page { size: 297mm 210mm; margin: 10mm 10mm 10mm 10mm; }
body { font-size: 8pt; line-height: 1.25; }
h2 { font-size: 11pt; font-weight: bold; margin: 0 0 4pt 0; text-align: center; }
h2.brk { page-break-before: always; break-before: page; }
h3 { font-size: 10pt; font-weight: bold; margin: 4pt 0 2pt 0; }
p { margin: 2pt 0 6pt 0; font-size: 8pt; }
p.subtotal { text-align: right; font-weight: bold; }
table.kpi, td, th { font-size: 7.5pt; }
"""

CSS_DOC = """
@page { size: 210mm 297mm; margin: 20mm 20mm 20mm 20mm; }
body { font-size: 10.5pt; line-height: 1.6; }
h1, h2, h3, p, li, td, th, div { font-family: "Noto Serif CJK JP", serif; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 12pt 0; }
h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }
h3 { font-size: 10.5pt; margin: 8pt 0 2pt 0; }
p { margin: 0 0 6pt 0; text-indent: 1em; }
p.note, p.plain { text-indent: 0; }
p.note { font-size: 9.5pt; margin-left: 1em; text-indent: -1em; }
table.kpi, td, th { font-size: 9.5pt; line-height: 1.45; }
"""


MARKED = re.compile(r"^\s*([・▶■●◆✓※⇒→]|\(\d+\)|\d+\)|[①-⑳]|[IVⅡ]+ )")


def list_html(items):
    """Items that carry their own marker (・, ▶, (1), ①) get no extra bullet."""
    if all(MARKED.match(x) for x in items):
        return "".join('<p class="li">%s</p>' % runs_html(runs_of(x)) for x in items)
    return "<ul>" + "".join("<li>%s</li>" % runs_html(runs_of(x)) for x in items) + "</ul>"


def para_html(text, cls=None, tag="p"):
    body = runs_html(runs_of(text))
    return "<%s%s>%s</%s>" % (tag, ' class="%s"' % cls if cls else "", body, tag)


def render_slides(seed, blocks, title, merges=MERGED):
    out = []
    used = set()
    for n, slide in enumerate(slide_groups(seed, blocks)):
        first = True
        for b in slide:
            kind, ln, data = b
            if kind == "para":
                if first:
                    divider = [p for p in DIVIDER.get(seed, []) if re.search(p, data) and p not in used]
                    used.update(divider)
                    if divider:
                        out.append('<h1 class="divider%s">%s</h1>' % (" brk" if n else "", runs_html(runs_of(data))))
                    else:
                        out.append('<h2 class="%s">%s</h2>' % ("brk" if n else "first", runs_html(runs_of(data))))
                    first = False
                elif data.startswith("※") or data.startswith("(令和"):
                    out.append(para_html(data, "note"))
                elif data.startswith("【") or re.match(r"^(基本目標|\(\d\)|\d\)|[IVⅡ]+ |◇|●)", data):
                    out.append(para_html(data, tag="h3"))
                else:
                    out.append(para_html(data))
            elif kind == "indent":
                out.append(para_html(data, "indent"))
            elif kind == "list":
                out.append(list_html(data))
            elif kind == "table":
                if first:
                    out.append('<h2 class="%s">&nbsp;</h2>' % ("brk" if n else "first"))
                    first = False
                out.append(table_html(make_table(seed, ln, data, merges)))
    return out


def render_sheet(seed, blocks, merges=MERGED):
    out = []
    n = 0
    for kind, ln, data in blocks:
        if kind == "para":
            if data.startswith("第2期砂川市"):
                out.append('<h2 class="brk">%s</h2>' % h(data))
            elif data.startswith("小計") or data.startswith("合計"):
                out.append('<p class="subtotal">%s</p>' % h(data))
            else:
                out.append("<h3>%s</h3>" % h(data))
        elif kind == "table":
            out.append(table_html(make_table(seed, ln, data, merges)))
    return out


def render_doc(seed, blocks, merges=MERGED):
    out = []
    for k, (kind, ln, data) in enumerate(blocks):
        if kind == "para":
            if k == 0:
                out.append(para_html(data, tag="h1"))
            elif re.match(r"^\d (改訂|改訂までの)", data):
                out.append(para_html(data, tag="h2"))
            elif re.match(r"^(\(\d\)|[IVⅡ]+ |\d\. |・基本目標|【総合戦略)", data):
                out.append(para_html(data, tag="h3"))
            elif data.startswith("※"):
                out.append(para_html(data, "note"))
            else:
                out.append(para_html(data))
        elif kind == "table":
            out.append(table_html(make_table(seed, ln, data, merges)))
        elif kind == "list":
            out.append(list_html(data))
        elif kind == "indent":
            out.append(para_html(data, "plain"))
    return out


PAGE_PX = 1000


def html_document(seed, blocks, style, merges=MERGED):
    global PAGE_PX
    PAGE_PX = {"slides": 1189, "sheet": 1047, "doc": 642}[style]
    title_line = next(b[2] for b in blocks if b[0] == "para")
    if style == "slides":
        css, body = CSS_COMMON + CSS_SLIDES, render_slides(seed, blocks, title_line, merges)
    elif style == "sheet":
        css, body = CSS_COMMON + CSS_SHEET, render_sheet(seed, blocks, merges)
    else:
        css, body = CSS_COMMON + CSS_DOC, render_doc(seed, blocks, merges)
    return ("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n%s\n</body>\n</html>\n"
            % (h(title_line.split("\n")[0]), css, "\n".join(body)))


# --------------------------------------------------------------------------
# Flat ODF output (002 spreadsheet, 003 text document)
# --------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'office:version="1.3"')


def x(s):
    return html.escape(s, quote=True)


def runs_odf(runs):
    out = []
    for text, bold, und in runs:
        parts = text.split("\n")
        t = "<text:line-break/>".join(x(p) for p in parts)
        t = re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), t)
        if und and bold:
            t = '<text:span text:style-name="TBU">%s</text:span>' % t
        elif und:
            t = '<text:span text:style-name="TU">%s</text:span>' % t
        elif bold:
            t = '<text:span text:style-name="TB">%s</text:span>' % t
        out.append(t)
    return "".join(out)


def cell_paras_odf(c, pstyle):
    if not c.paras:
        return ""
    out = []
    for kind, runs in c.paras:
        st = {"box": "PBox", "item": pstyle, "p": pstyle}[kind]
        out.append('<text:p text:style-name="%s">%s</text:p>' % (st, runs_odf(runs)))
    return "".join(out)


FONT_DECLS = ('<office:font-face-decls>'
              '<style:font-face style:name="Noto Sans CJK JP" svg:font-family="&apos;Noto Sans CJK JP&apos;" style:font-pitch="variable"/>'
              '<style:font-face style:name="Noto Serif CJK JP" svg:font-family="&apos;Noto Serif CJK JP&apos;" style:font-pitch="variable"/>'
              '</office:font-face-decls>')


ROW_STYLES = {}


def row_style(hcm, brk=False):
    key = (round(hcm, 2), bool(brk))
    if key not in ROW_STYLES:
        ROW_STYLES[key] = "rh%d" % len(ROW_STYLES)
    return ROW_STYLES[key]


def text_em(s):
    """Approximate advance width in em of a text in Noto Sans CJK (full-width 1, ASCII about 0.55)."""
    return sum(0.55 if ord(ch) < 0x2000 or 0xff61 <= ord(ch) <= 0xff9f else 1.0 for ch in s)


def row_heights(t, colw_cm, font_pt=8.0, line=1.36, pad_pt=1.42):
    """Row heights (cm) so that every cell, merged ones included, shows all its wrapped lines."""
    import math
    n = len(t.rows)
    need = [0.0] * n
    spans = []
    for i, row in enumerate(t.rows):
        for j, c in enumerate(row):
            if isinstance(c, tuple):
                continue
            width_pt = sum(colw_cm[j:j + c.cs]) * 28.3465 - 2 * pad_pt - 2
            per_line = max(width_pt / font_pt, 1)
            lines = 0
            for _, runs in c.paras or [("p", [("", 0, 0)])]:
                txt = "".join(r[0] for r in runs)
                for part in txt.split("\n"):
                    lines += max(1, math.ceil(text_em(part) * 1.04 / per_line))
            h = lines * font_pt * line + 2 * pad_pt + 2
            if c.rs == 1:
                need[i] = max(need[i], h)
            else:
                spans.append((i, c.rs, h))
    need = [max(x, font_pt * line + 2 * pad_pt + 2) for x in need]
    for i, rs, h in spans:
        have = sum(need[i:i + rs])
        if have < h:
            for k in range(i, i + rs):
                need[k] += (h - have) / rs
    return [x / 28.3465 for x in need]


def fods_document(seed, blocks, merges=MERGED):
    """Spreadsheet: one sheet, grid of 11 columns, A4 landscape, ruled cells, page breaks at each title."""
    colw = [2.75, 1.75, 1.75, 1.05, 1.35, 1.35, 1.35, 1.35, 1.35, 1.35, 12.2]   # cm, sum 27.7
    font = "8pt"

    def tp(props):
        return ('<style:text-properties style:font-name="Noto Sans CJK JP" style:font-name-asian="Noto Sans CJK JP" '
                'fo:font-size="%s" style:font-size-asian="%s"%s/>' % (props.get("size", font), props.get("size", font),
                ' fo:font-weight="bold" style:font-weight-asian="bold"' if props.get("bold") else ""))

    def cellstyle(name, align="start", valign="middle", border=True, bg=None, bold=False, size=font, wrap=True):
        return ('<style:style style:name="%s" style:family="table-cell" style:parent-style-name="Default">'
                '<style:table-cell-properties %s %s fo:wrap-option="%s" style:vertical-align="%s" '
                'fo:padding="0.05cm" style:shrink-to-fit="false"/>'
                '<style:paragraph-properties fo:text-align="%s"/>%s</style:style>'
                % (name, 'fo:border="0.5pt solid #000000"' if border else 'fo:border="none"',
                   'fo:background-color="%s"' % bg if bg else "", "wrap" if wrap else "no-wrap", valign, align,
                   tp({"bold": bold, "size": size})))

    styles = [
        cellstyle("cText"), cellstyle("cNum", align="center"), cellstyle("cHead", align="center", bg="#dde4ee", bold=True),
        cellstyle("cSect", bg="#eeeeee", bold=True), cellstyle("cTitle", align="center", border=False, bold=True, size="11pt", wrap=False),
        cellstyle("cGoal", border=False, bold=True, size="10pt", wrap=False),
        cellstyle("cSub", align="end", border=False, bold=True, wrap=False),
    ]
    # rows: [cells_xml, height_cm, may_break_before, forced_break]; pagination is done below so that
    # a KPI (its 目標値 and 実績値 rows and merged cells) never straddles a page break.
    rows = []
    EMPTY = '<table:table-cell table:number-columns-repeated="11"/>'

    def single(text, style):
        return ('<table:table-cell table:style-name="%s" office:value-type="string" '
                'table:number-columns-spanned="11" table:number-rows-spanned="1"><text:p>%s</text:p></table:table-cell>'
                '<table:covered-table-cell table:number-columns-repeated="10"/>' % (style, x(text)))

    for kind, ln, data in blocks:
        if kind == "para":
            if data.startswith("第2期砂川市"):
                rows.append([single(data, "cTitle"), 0.75, True, True])
            elif data.startswith("小計") or data.startswith("合計"):
                rows.append([single(data, "cSub"), 0.5, False, False])
                rows.append([EMPTY, 0.4, True, False])
            else:
                rows.append([single(data, "cGoal"), 0.6, True, False])
        elif kind == "table":
            t = make_table(seed, ln, data, merges)
            # map table columns onto the 11-column grid
            if t.ncols == 11:
                colmap = list(range(11))
                widths = [1] * 11
            else:  # 10 columns: the KPI cell covers grid columns B:C
                colmap = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10]
                widths = [1, 2, 1, 1, 1, 1, 1, 1, 1, 1]
            heights = row_heights(t, [sum(colw[colmap[j]:colmap[j] + widths[j]]) for j in range(t.ncols)])
            for i, row in enumerate(t.rows):
                cells = []
                for j, c in enumerate(row):
                    gspan = widths[j]
                    if isinstance(c, tuple):
                        cells.append('<table:covered-table-cell%s/>' % (
                            ' table:number-columns-repeated="%d"' % gspan if gspan > 1 else ""))
                        continue
                    gc = sum(widths[j:j + c.cs])
                    if c.header:
                        st = "cHead"
                    elif c.cls == "section":
                        st = "cSect"
                    elif NUMERIC.match(plain(c.paras) or "x") or plain(c.paras) in ("目標値", "実績値"):
                        st = "cNum"
                    else:
                        st = "cText"
                    span = ' table:number-columns-spanned="%d" table:number-rows-spanned="%d"' % (gc, c.rs) \
                        if gc > 1 or c.rs > 1 else ""
                    body = cell_paras_odf(c, "P")
                    vt = ' office:value-type="string"' if body else ""
                    cells.append('<table:table-cell table:style-name="%s"%s%s>%s</table:table-cell>' % (st, vt, span, body))
                    if gspan > 1:
                        cells.append('<table:covered-table-cell table:number-columns-repeated="%d"/>' % (gspan - 1))
                may_break = i > t.nhead and not isinstance(row[0], tuple)
                rows.append(["".join(cells), heights[i], may_break, False])
            rows.append([EMPTY, 0.4, True, False])
    # paginate: printable height of A4 landscape with 1 cm margins
    page_h = 21.0 - 2.0 - 0.3
    k, cur = 0, 0.0
    while k < len(rows):
        g = k + 1
        while g < len(rows) and not rows[g][2] and not rows[g][3]:
            g += 1
        gh = sum(r[1] for r in rows[k:g])
        if rows[k][3] or (cur > 0 and cur + gh > page_h):
            rows[k][3] = True
            cur = 0.0
        cur += gh
        k = g
    rows_xml = ['<table:table-row table:style-name="%s">%s</table:table-row>' % (row_style(h, brk), cells)
                for cells, h, _, brk in rows]
    rowstyles = "".join('<style:style style:name="%s" style:family="table-row"><style:table-row-properties '
                        'style:row-height="%.3fcm" style:use-optimal-row-height="false" fo:break-before="%s"/></style:style>'
                        % (name, key[0], "page" if key[1] else "auto")
                        for key, name in sorted(ROW_STYLES.items(), key=lambda kv: int(kv[1][2:])))
    cols = "".join('<table:table-column table:style-name="co%d" table:default-cell-style-name="Default"/>' % i
                   for i in range(11))
    colstyles = "".join('<style:style style:name="co%d" style:family="table-column">'
                        '<style:table-column-properties fo:break-before="auto" style:column-width="%.2fcm"/></style:style>'
                        % (i, w) for i, w in enumerate(colw))
    auto = ('<office:automatic-styles>%s%s'
            '<style:style style:name="rAuto" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>'
            '<style:style style:name="rBreak" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="page"/></style:style>'
            '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>'
            '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" '
            'style:print-orientation="landscape" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm" fo:margin-right="1cm" '
            'style:print="grid-false" style:print-page-order="ttb" style:first-page-number="continue" style:scale-to="100%%" '
            'style:table-centering="horizontal"/>'
            '<style:header-style/><style:footer-style/></style:page-layout>'
            '</office:automatic-styles>' % (colstyles, rowstyles))
    styles_xml = ('<office:styles>'
                  '<style:default-style style:family="table-cell"><style:paragraph-properties style:tab-stop-distance="1.25cm"/>'
                  '<style:text-properties style:font-name="Noto Sans CJK JP" style:font-name-asian="Noto Sans CJK JP" '
                  'fo:font-size="%s" style:font-size-asian="%s" fo:language="ja" fo:country="JP" style:language-asian="ja" style:country-asian="JP"/></style:default-style>'
                  '<style:style style:name="Default" style:family="table-cell"/>%s'
                  '<style:style style:name="P" style:family="paragraph"/>'
                  '<style:style style:name="PBox" style:family="paragraph"><style:paragraph-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>'
                  '</office:styles>' % (font, font, "".join(styles)))
    master = ('<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1">'
              '<style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>')
    body = ('<office:body><office:spreadsheet><table:table table:name="R4実績" table:style-name="ta1">%s%s</table:table>'
            '</office:spreadsheet></office:body>' % (cols, "".join(rows_xml)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
            '%s\n%s\n%s\n%s\n%s\n</office:document>\n' % (ODF_NS, FONT_DECLS, styles_xml, auto, master, body))


def fodt_document(seed, blocks, merges=MERGED):
    """Text document, A4 portrait, serif body, ruled tables."""
    paras = []
    tno = 0

    def p(style, text):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, runs_odf(runs_of(text)))

    for k, (kind, ln, data) in enumerate(blocks):
        if kind == "para":
            if k == 0:
                paras.append(p("Title", data))
            elif re.match(r"^\d (改訂|改訂までの)", data):
                paras.append('<text:h text:style-name="H1" text:outline-level="1">%s</text:h>' % runs_odf(runs_of(data)))
            elif re.match(r"^(\(\d\)|[IVⅡ]+ |\d\. |・基本目標|【総合戦略)", data):
                paras.append('<text:h text:style-name="H2" text:outline-level="2">%s</text:h>' % runs_odf(runs_of(data)))
            elif data.startswith("※"):
                paras.append(p("Note", data))
            else:
                paras.append(p("Body", data))
        elif kind == "table":
            tno += 1
            t = make_table(seed, ln, data, merges)
            total = sum(t.widths)
            cols = "".join('<table:table-column table:style-name="T%d.%d"/>' % (tno, j) for j in range(t.ncols))
            colst = "".join('<style:style style:name="T%d.%d" style:family="table-column"><style:table-column-properties '
                            'style:column-width="%.2fcm"/></style:style>' % (tno, j, 17.0 * w / total) for j, w in enumerate(t.widths))
            TABLE_STYLES.append(colst)
            rows = []
            for i, row in enumerate(t.rows):
                cells = []
                for j, c in enumerate(row):
                    if isinstance(c, tuple):
                        cells.append("<table:covered-table-cell/>")
                        continue
                    span = ""
                    if c.cs > 1:
                        span += ' table:number-columns-spanned="%d"' % c.cs
                    if c.rs > 1:
                        span += ' table:number-rows-spanned="%d"' % c.rs
                    st = "CellH" if c.header else "Cell"
                    pst = "TH" if c.header else ("TN" if NUMERIC.match(plain(c.paras) or "x") else "TD")
                    body = cell_paras_odf(c, pst) or '<text:p text:style-name="%s"/>' % pst
                    cells.append('<table:table-cell table:style-name="%s" office:value-type="string"%s>%s</table:table-cell>'
                                 % (st, span, body))
                row_xml = '<table:table-row>%s</table:table-row>' % "".join(cells)
                if i == 0 and t.nhead:
                    row_xml = '<table:table-header-rows>%s' % row_xml
                if t.nhead and i == t.nhead - 1:
                    row_xml += '</table:table-header-rows>'
                rows.append(row_xml)
            paras.append('<table:table table:name="表%d" table:style-name="Tbl">%s%s</table:table>' % (tno, cols, "".join(rows)))
        elif kind == "indent":
            paras.append(p("Body", data))
        elif kind == "list":
            for item in data:
                paras.append(p("Body", item))
    return paras


TABLE_STYLES = []


def fodt_wrap(paras):
    serif = ('style:font-name="Noto Serif CJK JP" style:font-name-asian="Noto Serif CJK JP"')
    styles = (
        '<office:styles>'
        '<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="150%%"/>'
        '<style:text-properties %s fo:font-size="10.5pt" style:font-size-asian="10.5pt" fo:language="ja" fo:country="JP" '
        'style:language-asian="ja" style:country-asian="JP"/></style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph"/>'
        '<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>'
        '<style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
        '<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>'
        '<style:text-properties fo:font-size="12pt" style:font-size-asian="12pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
        '<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>'
        '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
        '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.37cm" fo:margin-bottom="0.2cm"/></style:style>'
        '<style:style style:name="Note" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.37cm" fo:text-indent="-0.37cm" fo:margin-bottom="0.25cm"/>'
        '<style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>'
        '<style:style style:name="TD" style:family="paragraph"><style:paragraph-properties fo:line-height="130%%"/>'
        '<style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>'
        '<style:style style:name="TN" style:family="paragraph" style:parent-style-name="TD"><style:paragraph-properties fo:text-align="center"/></style:style>'
        '<style:style style:name="TH" style:family="paragraph" style:parent-style-name="TD"><style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
        '<style:style style:name="PBox" style:family="paragraph" style:parent-style-name="TD"><style:paragraph-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>'
        '<style:style style:name="TU" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>'
        '<style:style style:name="TB" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
        '<style:style style:name="TBU" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>'
        '</office:styles>' % serif)
    auto = ('<office:automatic-styles>'
            '<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/></style:style>'
            '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>'
            '<style:style style:name="CellH" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" fo:background-color="#dde4ee" style:vertical-align="middle"/></style:style>'
            '%s'
            '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
            'style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>'
            '</office:automatic-styles>' % "".join(TABLE_STYLES))
    master = ('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:mimetype="application/vnd.oasis.opendocument.text">\n'
            '%s\n%s\n%s\n%s\n<office:body><office:text>\n%s\n</office:text></office:body>\n</office:document>\n'
            % (ODF_NS, FONT_DECLS, styles, auto, master, "\n".join(paras)))


def normalize_pdf(path):
    """Make a PDF byte-for-byte reproducible: fixed dates, /ID from the content (same lengths, xref stays valid)."""
    import hashlib
    with open(path, "rb") as f:
        data = f.read()

    def fixdate(m):
        old = m.group(2)
        new = b"D:20240101000000" + old[16:].replace(b"0", b"0")
        new = re.sub(rb"[0-9]", b"0", new[16:])
        new = b"D:20240101000000" + new
        return m.group(1) + new[:len(old)].ljust(len(old), b"0") + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)(\))", fixdate, data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp)",
                  lambda m: m.group(1) + b"2024-01-01T00:00:00"[:len(m.group(2))].ljust(len(m.group(2)), b"0") + m.group(3), data)
    idre = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
    zeroed = idre.sub(lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2))), data)
    cks = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")   # LibreOffice: checksum over content and date
    zeroed = cks.sub(lambda m: m.group(1) + b"0" * len(m.group(2)), zeroed)
    digest = hashlib.sha256(zeroed).hexdigest().upper().encode()
    data = cks.sub(lambda m: m.group(1) + (digest * 4)[:len(m.group(2))], data)

    def newid(m):
        a = (digest * 4)[:len(m.group(1))]
        b = (digest * 4)[:len(m.group(2))]
        return m.group(0).replace(m.group(1), a).replace(m.group(2), b)

    data = idre.sub(newid, data)
    with open(path, "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--normalize-pdf":
        for p in sys.argv[2:]:
            normalize_pdf(p)
        return
    import argparse
    ap = argparse.ArgumentParser(description="Sample document sources from the seed texts "
                                 "(defaults: the committed samples/sources).")
    ap.add_argument("seeds_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--header", choices=Merges.HEADER, default="merged",
                    help="spanning header cells: merged, or the label beside empty header cells")
    ap.add_argument("--groups", choices=Merges.GROUPS, default="merged",
                    help="body cells spanning rows: merged, repeated on every row, or blank below the first")
    args = ap.parse_args()
    merges = Merges(args.header, args.groups)
    os.makedirs(args.out_dir, exist_ok=True)
    for seed, base, text in seed_documents(args.seeds_dir, merges):
        for ext, content in text.items():
            with open(os.path.join(args.out_dir, base + ext), "w", encoding="utf-8") as f:
                f.write(content)
        print("wrote", os.path.join(args.out_dir, base + ".*"))


def seed_documents(seeds_dir, merges=MERGED):
    """(seed, "NNN-<town>", {".html": text, ".fods"/".fodt": text}) for every seed, in order."""
    for seed, (fname, town, style) in sorted(SEEDS.items()):
        with open(os.path.join(seeds_dir, fname), encoding="utf-8") as f:
            text = f.read()
        blocks = parse_blocks(text)
        out = {".html": html_document(seed, blocks, style, merges)}
        if style == "sheet":
            out[".fods"] = fods_document(seed, blocks, merges)
        if style == "doc":
            TABLE_STYLES.clear()
            out[".fodt"] = fodt_wrap(fodt_document(seed, blocks, merges))
        yield seed, "%s-%s" % (seed, town), out


if __name__ == "__main__":
    main()
