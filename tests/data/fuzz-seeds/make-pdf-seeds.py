#!/usr/bin/env python3
"""Writes the hand-made seed PDFs of pdf_loader_fuzz (tests/data/fuzz-seeds/pdf/).

Each file is one small PDF (a few kB) showing one thing the loader must
survive or read: tables drawn with strokes, with thin fills, with dotted
borders of thousands of tiny rules; Type 3 fonts with a ToUnicode map (as
Chromium embeds CJK text), a CID font without ToUnicode, a simple font named
by glyph names only; /Rotate 90 and 270, sideways text; form XObjects nested
deep and one drawing itself; deep object nesting and an inherited page tree;
a wrong xref, no xref at all, a truncated stream. The table texts are made up
in the shape of KPI tables, from no document.

It also writes the PDF inputs of findings that were rebuilt by hand
(FINDINGS, into tests/data/fuzz/). Run it again after changing it
(python3 tests/data/fuzz-seeds/make-pdf-seeds.py); the output is
deterministic and committed.
"""
import os
import sys
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdf")


# --- writing PDF objects ---------------------------------------------------

class Pdf:
    """Objects numbered from 1 in the order added; serialize() writes the file."""

    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body if isinstance(body, bytes) else body.encode("latin-1"))
        return len(self.objs)

    def reserve(self):
        self.objs.append(None)
        return len(self.objs)

    def set(self, num, body):
        self.objs[num - 1] = body if isinstance(body, bytes) else body.encode("latin-1")

    def stream(self, data, extra="", compress=False, num=None):
        if isinstance(data, str):
            data = data.encode("latin-1")
        if compress:
            data = zlib.compress(data, 9)
            extra += " /Filter /FlateDecode"
        body = b"<< /Length %d%s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"
        if num is None:
            return self.add(body)
        self.set(num, body)
        return num

    def serialize(self, root, xref="ok", info=None):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        trailer = b"<< /Size %d /Root %d 0 R%s >>" % (
            len(self.objs) + 1, root, (b" /Info %d 0 R" % info) if info else b"")
        if xref == "none":  # no xref, no startxref: the reader must rebuild
            out += b"trailer\n" + trailer + b"\n%%EOF\n"
            return bytes(out)
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for off in offsets:
            if xref == "shifted":  # every offset points 7 bytes too far
                off += 7
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % (start + (13 if xref == "shifted" else 0))
        return bytes(out)


# --- fonts -----------------------------------------------------------------

class Type3Font:
    """A Type 3 font whose codes are assigned on first use, each drawing a
    box, with a ToUnicode map back to the characters (Chromium's CJK text)."""

    def __init__(self):
        self.codes = {}

    def encode(self, text):
        out = []
        for ch in text:
            if ch not in self.codes:
                self.codes[ch] = len(self.codes) + 1
                assert len(self.codes) < 255, "too many characters for one Type 3 font"
            out.append("%02X" % self.codes[ch])
        return "<" + "".join(out) + ">"

    def width(self, ch):
        return 1000 if ord(ch) > 0x2000 else 550

    def write(self, pdf, num=None):
        proc_full = pdf.stream("1000 0 0 0 1000 1000 d1 80 -100 840 900 re f")
        proc_half = pdf.stream("550 0 0 0 550 1000 d1 60 0 430 700 re f")
        chars = sorted(self.codes, key=self.codes.get)
        procs = " ".join("/g%d %d 0 R" % (self.codes[c], proc_full if self.width(c) == 1000 else proc_half)
                         for c in chars)
        diffs = " ".join("/g%d" % self.codes[c] for c in chars)
        widths = " ".join(str(self.width(c)) for c in chars)
        cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                "/CMapName /Fuzz-UCS def /CMapType 2 def",
                "1 begincodespacerange <00> <FF> endcodespacerange",
                "%d beginbfchar" % len(chars)]
        for c in chars:
            cmap.append("<%02X> <%s>" % (self.codes[c], c.encode("utf-16-be").hex().upper()))
        cmap += ["endbfchar", "endcmap CMapName currentdict /CMap defineresource pop end end"]
        tounicode = pdf.stream("\n".join(cmap))
        body = (
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 -100 1000 900] /FontMatrix [0.001 0 0 0.001 0 0]"
            " /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [1 %s] >>"
            " /FirstChar 1 /LastChar %d /Widths [%s] /ToUnicode %d 0 R /Resources << >> >>"
            % (procs, diffs, len(chars), widths, tounicode))
        if num is None:
            return pdf.add(body)
        pdf.set(num, body)
        return num


def helvetica(pdf):
    return pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")


# --- page content ----------------------------------------------------------

KPI_ROWS = [
    ["重要業績評価指標", "基準値", "R6実績", "R9目標値"],
    ["①観光入込客数", "1,718千人", "1,918千人", "2,000千人"],
    ["②新規就農者数", "14人/年", "調査なし", "20人"],
    ["③転出超過数", "▲389人", "▲284人", "▲275人"],
    ["④満足度", "67.5%", "60.7%", "70.0%"],
]

SERIES_ROWS = [
    ["区分", "H26 (2014)", "R2 (2020)", "R3 (2021)", "R4 (2022)"],
    ["出生数", "509", "376", "372", "329"],
    ["死亡", "1,189", "1,169", "1,089", "1,220"],
    ["自然増減", "▲ 680", "▲ 793", "▲ 717", "▲ 891"],
]


def text_op(font, name, size, x, y, text):
    return "BT /%s %g Tf 1 0 0 1 %g %g Tm %s Tj ET\n" % (name, size, x, y, font.encode(text))


def table_ops(font, rows, x0, top, widths, row_h, style, size=9, fname="F1"):
    """Content drawing rows in a grid: style 'stroke' (lines), 'fill' (thin
    filled rectangles, as Chromium and Excel draw borders), 'rect' (one
    stroked rectangle a cell), 'hrules' (horizontal rules only), 'dotted'
    (borders made of many tiny squares), 'none'."""
    ops = []
    total_w = sum(widths)
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - i * row_h for i in range(len(rows) + 1)]
    # A grey header background: a fill that is not a border.
    ops.append("q 0.85 g %g %g %g %g re f Q\n" % (x0, ys[1], total_w, row_h))
    if style == "stroke":
        ops.append("0.5 w 0 G\n")
        for y in ys:
            ops.append("%g %g m %g %g l S\n" % (x0, y, x0 + total_w, y))
        for x in xs:
            ops.append("%g %g m %g %g l S\n" % (x, ys[0], x, ys[-1]))
    elif style == "fill":
        for y in ys:
            ops.append("%g %g %g 0.75 re f\n" % (x0, y - 0.375, total_w))
        for x in xs:
            ops.append("%g %g 0.75 %g re f\n" % (x - 0.375, ys[-1], ys[0] - ys[-1]))
    elif style == "rect":
        ops.append("0.4 w\n")
        for r in range(len(rows)):
            for c in range(len(widths)):
                ops.append("%g %g %g %g re S\n" % (xs[c], ys[r + 1], widths[c], row_h))
    elif style == "hrules":
        ops.append("0.6 w\n")
        for y in ys:
            ops.append("%g %g m %g %g l S\n" % (x0, y, x0 + total_w, y))
    elif style == "dotted":
        for y in ys:
            x = x0
            while x < x0 + total_w:
                ops.append("%g %g 0.6 0.6 re f\n" % (x, y))
                x += 1.8
        for xv in xs:
            y = ys[-1]
            while y < ys[0]:
                ops.append("%g %g 0.6 0.6 re f\n" % (xv, y))
                y += 1.8
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                ops.append(text_op(font, fname, size, xs[c] + 2, ys[r + 1] + (row_h - size) / 2 + 1, cell))
    return "".join(ops)


def one_page(pdf, content, resources, media="[0 0 595 842]", extra="", compress=False):
    """A catalog with one page; returns the catalog's number."""
    pages = pdf.reserve()
    contents = pdf.stream(content, compress=compress)
    page = pdf.add("<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources %s /Contents %d 0 R%s >>"
                   % (pages, media, resources, contents, extra))
    pdf.set(pages, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    return pdf.add("<< /Type /Catalog /Pages %d 0 R >>" % pages)


def simple_table(style, rows=KPI_ROWS, widths=(170, 90, 90, 90), rotate=None, compress=False, xref="ok"):
    pdf = Pdf()
    f = Type3Font()
    content = text_op(f, "F1", 12, 60, 780, "第3期総合戦略 基本目標1") + table_ops(f, rows, 60, 750, widths, 22, style)
    font = f.write(pdf)
    extra = " /Rotate %d" % rotate if rotate is not None else ""
    root = one_page(pdf, content, "<< /Font << /F1 %d 0 R >> >>" % font, extra=extra, compress=compress)
    return pdf.serialize(root, xref=xref)


def sideways_table():
    """Text drawn a quarter turn on an upright page (a landscape table
    printed on a portrait page), borders as strokes."""
    pdf = Pdf()
    f = Type3Font()
    inner = text_op(f, "F1", 12, 60, 500, "人口動態") + table_ops(f, SERIES_ROWS, 60, 470, (80, 80, 80, 80, 80), 20,
                                                             "stroke")
    content = "q 0 1 -1 0 595 0 cm\n" + inner + "Q\n"
    font = f.write(pdf)
    return pdf.serialize(one_page(pdf, content, "<< /Font << /F1 %d 0 R >> >>" % font))


def tiny_rules():
    """A dotted-border table plus thousands of specks and short strokes."""
    pdf = Pdf()
    f = Type3Font()
    ops = [table_ops(f, KPI_ROWS, 40, 800, (170, 90, 90, 90), 20, "dotted")]
    # A deterministic scatter of 3,000 tiny rules below the table.
    seed = 12345
    for i in range(3000):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        x = 20 + seed % 550
        y = 20 + (seed >> 10) % 650
        if i % 3 == 0:
            ops.append("%d %d m %d %d l S\n" % (x, y, x + 2, y))
        else:
            ops.append("%d %d 0.5 0.5 re f\n" % (x, y))
    font = f.write(pdf)
    return pdf.serialize(one_page(pdf, "".join(ops), "<< /Font << /F1 %d 0 R >> >>" % font, compress=True))


def nested_forms(depth=24, cycle=False):
    """Each form XObject draws one row of a table and the next form, shifted
    down a row; with cycle the last form draws the first again."""
    pdf = Pdf()
    f = Type3Font()
    nums = [pdf.reserve() for _ in range(depth)]
    font = pdf.reserve()
    for i, num in enumerate(nums):
        row = KPI_ROWS[i % len(KPI_ROWS)]
        body = table_ops(f, [row], 0, 0, (170, 90, 90, 90), 18, "fill")
        nxt = nums[i + 1] if i + 1 < depth else (nums[0] if cycle else None)
        res = "<< /Font << /F1 %d 0 R >>%s >>" % (font, (" /XObject << /Fx %d 0 R >>" % nxt) if nxt else "")
        if nxt:
            body += "q 1 0 0 1 0 -18 cm /Fx Do Q\n"
        pdf.stream(body, extra=" /Type /XObject /Subtype /Form /BBox [-10 -2000 600 30] /Resources %s" % res, num=num)
    f.write(pdf, num=font)  # once every character is known
    content = "q 1 0 0 1 40 800 cm /Fx Do Q\n"
    root = one_page(pdf, content, "<< /XObject << /Fx %d 0 R >> /Font << /F1 %d 0 R >> >>" % (nums[0], font))
    return pdf.serialize(root)


def odd_fonts():
    """A CID font (Identity-H) without ToUnicode, a CID font needing a
    predefined CMap (UniJIS-UCS2-H), a simple font known only by glyph names,
    invisible text (render mode 3, as over a scan), fake bold (text drawn
    twice a hair apart), TJ kerning and spacing operators."""
    pdf = Pdf()
    desc = pdf.add("<< /Type /FontDescriptor /FontName /MS-Gothic /Flags 4 /FontBBox [0 -120 1000 880]"
                   " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = pdf.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MS-Gothic /CIDSystemInfo"
                  " << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R"
                  " /DW 1000 /W [1 [500 500 500] 20 30 500] /CIDToGIDMap /Identity >>" % desc)
    f0 = pdf.add("<< /Type /Font /Subtype /Type0 /BaseFont /MS-Gothic /Encoding /Identity-H"
                 " /DescendantFonts [%d 0 R] >>" % cid)
    cid2 = pdf.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo"
                   " << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor %d 0 R /DW 1000 >>"
                   % desc)
    f2 = pdf.add("<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H"
                 " /DescendantFonts [%d 0 R] >>" % cid2)
    f3 = pdf.add("<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 40"
                 " /Widths [250 1000 1000 1000 500 500 500 500 500] /FontDescriptor %d 0 R"
                 " /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding"
                 " /Differences [33 /uni57FA /uni6E96 /uni5024 /one /seven /eight /zero] >> >>" % desc)
    helv = helvetica(pdf)
    ucs = "".join("%04X" % ord(c) for c in "目標値 実績値")
    content = (
        "BT /F0 10 Tf 50 780 Td <0001000200030004> Tj 0 -14 Td <0014001500160017001800190020> Tj ET\n"
        "BT /F2 10 Tf 50 740 Td <%s> Tj ET\n"
        "BT /F3 10 Tf 50 720 Td (!\"#) Tj 40 0 Td ($%%&') Tj ET\n"
        "BT /F4 9 Tf 50 700 Td 0.5 Tc 2 Tw 90 Tz [(KPI) -300 (2020) 120 (1,718) -2000 (2,000)] TJ ET\n"
        "BT 3 Tr /F4 9 Tf 50 680 Td (invisible 1,234 people) Tj ET\n"
        "BT /F4 9 Tf 50 660 Td (bold 2,000) Tj ET BT /F4 9 Tf 50.3 660 Td (bold 2,000) Tj ET\n"
        "BT /F4 9 Tf 50 640 Td 3 Ts (raised) Tj -3 Ts (lowered) Tj 0 Ts 7 Tr (clip) Tj ET\n"
        "BT /F4 9 Tf 2 0 0.5 1 50 620 Tm (skewed 45.6%%) Tj ET\n" % ucs)
    res = "<< /Font << /F0 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R >> >>" % (f0, f2, f3, helv)
    return pdf.serialize(one_page(pdf, content, res))


def page_tree():
    """Three pages under nested /Pages nodes inheriting MediaBox, Resources
    and Rotate; contents as arrays of streams cut inside an operator's
    operands; a table continued over the pages; deep arrays in an unused key;
    an inline image and an image XObject."""
    pdf = Pdf()
    f = Type3Font()
    root_pages = pdf.reserve()
    mid = pdf.reserve()
    font = pdf.reserve()
    img = pdf.stream(b"\x00\xff\xff\x00", extra=" /Type /XObject /Subtype /Image /Width 2 /Height 2"
                                                " /ColorSpace /DeviceGray /BitsPerComponent 8")
    kids = []
    for p in range(3):
        rows = [KPI_ROWS[0]] + KPI_ROWS[1 + p:2 + p] * 6
        content = table_ops(f, rows, 40, 780, (170, 90, 90, 90), 20, "stroke")
        cut = content.find(" m ") + 2  # inside "x y m": the operator lands in the next stream
        s1 = pdf.stream(content[:cut])
        s2 = pdf.stream(content[cut:] + "q 20 0 0 20 500 40 cm /Im0 Do Q\n"
                        "q 10 0 0 10 520 40 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q\n")
        extra = " /Rotate 0" if p == 2 else ""
        kids.append(pdf.add("<< /Type /Page /Parent %d 0 R /Contents [%d 0 R %d 0 R]%s >>"
                            % (mid if p else root_pages, s1, s2, extra)))
    deep = "[" * 60 + "1" + "]" * 60
    pdf.set(mid, "<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R %d 0 R] /Count 2 /Rotate 90"
                 " /PieceInfo << /Fuzz << /Private %s >> >> >>" % (root_pages, kids[1], kids[2], deep))
    f.write(pdf, num=font)
    pdf.set(root_pages, "<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 3 /MediaBox [0 0 595 842]"
                        " /Resources << /Font << /F1 %d 0 R >> /XObject << /Im0 %d 0 R >> >> >>"
                        % (kids[0], mid, font, img))
    info = pdf.add("<< /Title (KPI table, three pages) /Producer (make-pdf-seeds) >>")
    cat = pdf.add("<< /Type /Catalog /Pages %d 0 R >>" % root_pages)
    return pdf.serialize(cat, info=info)


def truncated():
    """A table whose content stream is cut off: no endstream, no xref."""
    data = simple_table("stroke")
    cut = data.find(b"q 0.85 g") + 400
    return data[:cut]


def bfrange_font(pdf, lines):
    """A Type 0 font whose ToUnicode CMap maps the whole two-byte code space
    to a two-character string `lines` times; returns its object number."""
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Wide def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <ffff> endcodespacerange\n"
            + "1 beginbfrange <0000> <ffff> <00410042> endbfrange\n" * lines
            + "endcmap CMapName currentdict /CMap defineresource pop end end\n")
    tounicode = pdf.stream(cmap, compress=True)
    desc = pdf.add("<< /Type /FontDescriptor /FontName /Gothic /Flags 4 /FontBBox [0 -120 1000 880]"
                   " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = pdf.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Gothic /CIDSystemInfo"
                  " << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>"
                  % desc)
    return pdf.add("<< /Type /Font /Subtype /Type0 /BaseFont /Gothic /Encoding /Identity-H"
                   " /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tounicode))


def repeated_bfrange(lines=2000):
    """A finding of pdf_loader_fuzz, rebuilt by hand: a ToUnicode CMap that
    maps the whole two-byte code space to a two-character string, again and
    again. Poppler 22.12 keeps one entry per code per line (65,536 a line,
    none replaced), so 1.6 kB of PDF take some 7 GB before Poppler aborts
    with "Out of memory" (tests/unit/fuzz_regressions_test.cc)."""
    pdf = Pdf()
    font = bfrange_font(pdf, lines)
    root = one_page(pdf, "BT /F0 10 Tf 50 780 Td <0001000200030004> Tj ET\n", "<< /Font << /F0 %d 0 R >> >>" % font)
    return pdf.serialize(root)


def bad_font_on_second_page():
    """A KPI table on page 1 and, on page 2 only, the font of
    repeated_bfrange: the maps are measured page by page as the pages are
    read, so page 1 alone reads and the whole document is refused."""
    pdf = Pdf()
    f = Type3Font()
    content = text_op(f, "F1", 12, 60, 780, "第3期総合戦略 基本目標1") + table_ops(f, KPI_ROWS, 60, 750, (170, 90, 90, 90), 22, "stroke")
    type3 = f.write(pdf)
    wide = bfrange_font(pdf, 2000)
    pages = pdf.reserve()
    first = pdf.add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
                    " /Contents %d 0 R >>" % (pages, type3, pdf.stream(content)))
    second = pdf.add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F0 %d 0 R >> >>"
                     " /Contents %d 0 R >>"
                     % (pages, wide, pdf.stream("BT /F0 10 Tf 50 780 Td <0001000200030004> Tj ET\n")))
    pdf.set(pages, "<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>" % (first, second))
    return pdf.serialize(pdf.add("<< /Type /Catalog /Pages %d 0 R >>" % pages))


# Inputs of findings, kept as regression cases (tests/data/fuzz/<target>-<what>).
FINDINGS = {
    "pdf_loader-tounicode-repeated-bfrange": repeated_bfrange,
    "pdf_loader-tounicode-bad-font-on-page-2": bad_font_on_second_page,
}

SEEDS = {
    "table-stroke": lambda: simple_table("stroke"),
    "table-fill": lambda: simple_table("fill"),
    "table-rect-series": lambda: simple_table("rect", SERIES_ROWS, (90, 80, 80, 80, 80)),
    "table-hrules": lambda: simple_table("hrules"),
    "table-borderless": lambda: simple_table("none"),
    "rotate-90": lambda: simple_table("fill", rotate=90),
    "rotate-270": lambda: simple_table("stroke", SERIES_ROWS, (90, 80, 80, 80, 80), rotate=270),
    "sideways-text": sideways_table,
    "tiny-rules": tiny_rules,
    "nested-forms": nested_forms,
    "form-cycle": lambda: nested_forms(depth=3, cycle=True),
    "odd-fonts": odd_fonts,
    "page-tree": page_tree,
    "xref-shifted": lambda: simple_table("fill", xref="shifted"),
    "xref-missing": lambda: simple_table("rect", xref="none"),
    "stream-truncated": truncated,
    "table-compressed": lambda: simple_table("fill", compress=True),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    findings = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz")
    for out, table in ((OUT, SEEDS), (findings, FINDINGS)):
        for name, make in table.items():
            data = make()
            with open(os.path.join(out, name + ".pdf"), "wb") as fh:
                fh.write(data)
            print("%-40s %6d bytes" % (name, len(data)), file=sys.stderr)


if __name__ == "__main__":
    main()
