#!/usr/bin/env python3
"""bench-scaling-inputs.py SHAPE N OUT: writes one input of scripts/bench-scaling.

Shapes (N is the size that doubles):
  kpi-tables   converter text: N copies of a small KPI table, its header row
               repeated, three lines each (the shape that made
               split_stacked_tables quadratic)
  random-rows  converter text: a header of 10 role and year labels over N rows
               of 10 cells, numbers and words at random
  long-line    converter text: one line of N tab-separated cells, role and
               year labels and numbers taking turns
  ruled-rows   PDF: one page holding a ruled table of N rows (the page grows
               to fit; Type 3 font with a ToUnicode map, as Chromium writes CJK)
The pdf-pages shape (a sample's table pages N times) is made with qpdf by
scripts/bench-scaling itself. The texts are made up in the shape of KPI
tables; deterministic for a given N.
"""
import random
import sys
import zlib

HEADER = ["重要業績評価指標 (KPI)", "", "基準値", "R6実績", "R9目標値"]
WORDS = ["事業", "推進", "支援", "件数", "人数", "目標値", "実績値", "令和5年度", "累計", "未公表", "集計中",
         "調査なし", "千円", "人", "件", "％", "―", "観光入込客数", "新規就農者数", "満足度"]


def number(rng):
    kind = rng.randrange(6)
    v = rng.randrange(1, 100000)
    if kind == 0:
        return "{:,}".format(v)
    if kind == 1:
        return "%.1f%%" % (v / 1000)
    if kind == 2:
        return "▲%d" % (v % 1000)
    if kind == 3:
        return "%d人" % (v % 500)
    if kind == 4:
        return "{:,}千円".format(v)
    return str(v % 100)


def cell(rng):
    return number(rng) if rng.random() < 0.6 else rng.choice(WORDS)


def kpi_tables(n):
    lines = []
    for i in range(n):
        lines.append("\t".join(HEADER))
        lines.append("\t".join(["所得の向上", "①1人あたりの総所得", "{:,}千円".format(1500 + i % 400),
                                "{:,}千円".format(1600 + i % 300), "2,000千円"]))
        lines.append("\t".join(["", "②従業者1人あたりの付加価値額", "{:,}千円".format(4000 + i % 90),
                                "調査なし (次回R8)", "4,250千円"]))
    return "\n".join(lines) + "\n"


ROW_HEADER = ["項目", "単位", "基準値", "R2実績", "R3実績", "R4実績", "R5実績", "R6目標", "達成状況", "備考"]
LABELS = ["R%d実績", "R%d目標", "%d年度", "H%d基準", "令和%d年度"]


def random_rows(n):
    """A header of role and year labels over n rows of random cells: one table."""
    rng = random.Random(n)
    return "\t".join(ROW_HEADER) + "\n" + "".join("\t".join(cell(rng) for _ in range(10)) + "\n" for _ in range(n))


def long_line(n):
    """Role and year labels and values taking turns, as a header row or a
    statistics row run together would show them."""
    rng = random.Random(n)
    cells = [(rng.choice(LABELS) % (i % 9 + 1)) if i % 2 == 0 else number(rng) for i in range(n)]
    return "\t".join(cells) + "\n"


# --- a one-page PDF with a ruled table of n rows ---------------------------

def ruled_rows(n):
    header = ["事業名", "重要業績評価指標 (KPI)", "H30基準", "R2実績", "R3実績", "R6目標"]
    widths = [120, 150, 60, 60, 60, 60]
    rows = [header]
    for i in range(n):
        rows.append(["推進事業%d" % (i + 1), "登録者数(人)", str(10 + i % 50), "累計%d" % (i % 70),
                     "累計%d" % (i % 90 + 5), "累計%d" % (100 + i % 10)])
    row_h, top_margin = 16, 40
    height = top_margin * 2 + row_h * len(rows)
    top = height - top_margin
    codes = {}

    def enc(text):
        out = []
        for ch in text:
            if ch not in codes:
                codes[ch] = len(codes) + 1
            out.append("%02X" % codes[ch])
        return "<" + "".join(out) + ">"

    def width(ch):
        return 1000 if ord(ch) > 0x2000 else 550

    ops = ["0.5 w 0 G\n"]
    xs = [40]
    for w in widths:
        xs.append(xs[-1] + w)
    for r in range(len(rows) + 1):
        y = top - r * row_h
        ops.append("%d %d m %d %d l S\n" % (xs[0], y, xs[-1], y))
    for x in xs:
        ops.append("%d %d m %d %d l S\n" % (x, top, x, top - row_h * len(rows)))
    for r, row in enumerate(rows):
        y = top - (r + 1) * row_h + 4
        for c, text in enumerate(row):
            ops.append("BT /F1 9 Tf 1 0 0 1 %d %d Tm %s Tj ET\n" % (xs[c] + 2, y, enc(text)))
    assert len(codes) < 255
    content = zlib.compress("".join(ops).encode("latin-1"), 6)

    objs = []

    def add(body):
        objs.append(body if isinstance(body, bytes) else body.encode("latin-1"))
        return len(objs)

    def stream(data, extra=""):
        data = data if isinstance(data, bytes) else data.encode("latin-1")
        return add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream")

    chars = sorted(codes, key=codes.get)
    proc_full = stream("1000 0 0 0 1000 1000 d1 80 -100 840 900 re f")
    proc_half = stream("550 0 0 0 550 1000 d1 60 0 430 700 re f")
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Bench def /CMapType 2 def",
            "1 begincodespacerange <00> <FF> endcodespacerange", "%d beginbfchar" % len(chars)]
    cmap += ["<%02X> <%s>" % (codes[c], c.encode("utf-16-be").hex().upper()) for c in chars]
    cmap += ["endbfchar", "endcmap CMapName currentdict /CMap defineresource pop end end"]
    tounicode = stream("\n".join(cmap))
    font = add("<< /Type /Font /Subtype /Type3 /FontBBox [0 -100 1000 900] /FontMatrix [0.001 0 0 0.001 0 0]"
               " /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [1 %s] >> /FirstChar 1"
               " /LastChar %d /Widths [%s] /ToUnicode %d 0 R /Resources << >> >>"
               % (" ".join("/g%d %d 0 R" % (codes[c], proc_full if width(c) == 1000 else proc_half) for c in chars),
                  " ".join("/g%d" % codes[c] for c in chars), len(chars),
                  " ".join(str(width(c)) for c in chars), tounicode))
    contents = stream(content, " /Filter /FlateDecode")
    pages = len(objs) + 2
    page = add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 %d] /Resources << /Font << /F1 %d 0 R >> >>"
               " /Contents %d 0 R >>" % (pages, height, font, contents))
    add("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    root = add("<< /Type /Catalog /Pages %d 0 R >>" % pages)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    return bytes(out)


SHAPES = {"kpi-tables": kpi_tables, "random-rows": random_rows, "long-line": long_line, "ruled-rows": ruled_rows}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in SHAPES:
        sys.exit("usage: bench-scaling-inputs.py {%s} N OUT" % ",".join(SHAPES))
    data = SHAPES[sys.argv[1]](int(sys.argv[2]))
    with open(sys.argv[3], "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


if __name__ == "__main__":
    main()
