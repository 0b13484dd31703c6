#!/usr/bin/env python3
"""calc-fit-rows.py IN.fods OUT.fods: rows of a Calc sheet made tall enough
for the wrapped text of every cell, merged cells included.

Calc's optimal row height leaves merged cells out (as Excel's does): a
merged cell over two short rows (a KPI's name and note beside its 目標値 and
実績値 rows) prints clipped, half its lines over the rows around it, and no
one could read the values off it. A person preparing the sheet for print
drags those rows taller until the text shows; this does the same, so the
rendering matrix's lo-calc column measures reading a sheet, not reading
text that is not there.

The text's width is estimated, not measured: a CJK character one em, any
other 0.55 em, lines wrapped at the cell's width less its padding; each
paragraph (text:p) starts a line. A merged cell's missing height is shared
evenly by the rows it spans, single-row cells first.
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
PADDING_PT = 4.0      # left and right padding of a cell, together
LINE_HEIGHT = 1.3     # of the font size
ROW_EXTRA_PT = 4.0    # top and bottom padding of a row
DEFAULT_FONT_PT = 10.0


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


def length_pt(text):
    m = re.fullmatch(r"([\d.]+)(in|cm|mm|pt)", text or "")
    if not m:
        return None
    v, unit = float(m.group(1)), m.group(2)
    return v * {"in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pt": 1.0}[unit]


def text_width_em(s):
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in s)


def main(src, out):
    # Keep the document's own prefixes when writing it back.
    for _, (prefix, uri) in ET.iterparse(src, events=["start-ns"]):
        ET.register_namespace(prefix, uri)
    tree = ET.parse(src)
    root = tree.getroot()
    auto = root.find("office:automatic-styles", NS)
    col_width, row_height, row_break, font_pt = {}, {}, {}, {}
    for st in auto.findall("style:style", NS):
        name = st.get(q("style", "name"))
        cp = st.find("style:table-column-properties", NS)
        rp = st.find("style:table-row-properties", NS)
        tp = st.find("style:text-properties", NS)
        if cp is not None:
            col_width[name] = length_pt(cp.get(q("style", "column-width")))
        if rp is not None:
            row_height[name] = length_pt(rp.get(q("style", "row-height")))
            row_break[name] = rp.get(q("fo", "break-before"), "auto")
        if tp is not None:
            size = length_pt(tp.get(q("style", "font-size-asian")) or tp.get(q("fo", "font-size")))
            if size:
                font_pt[name] = size
    fitted = 0
    for sheet in root.iter(q("table", "table")):
        widths = []
        for col in sheet.iter(q("table", "table-column")):
            n = int(col.get(q("table", "number-columns-repeated"), "1"))
            widths += [col_width.get(col.get(q("table", "style-name"))) or 64.0] * n
        rows = list(sheet.iter(q("table", "table-row")))
        heights = [row_height.get(r.get(q("table", "style-name"))) or 12.8 for r in rows]
        cells = []  # (rows spanned, first row, needed height)
        for ri, row in enumerate(rows):
            c = 0
            for cell in row:
                n = int(cell.get(q("table", "number-columns-repeated"), "1"))
                if cell.tag == q("table", "table-cell"):
                    cs = int(cell.get(q("table", "number-columns-spanned"), "1"))
                    rs = int(cell.get(q("table", "number-rows-spanned"), "1"))
                    paras = ["".join(p.itertext()) for p in cell.findall("text:p", NS)]
                    if any(paras):
                        fs = font_pt.get(cell.get(q("table", "style-name")), DEFAULT_FONT_PT)
                        avail = max(sum(w for w in widths[c:c + cs] if w) - PADDING_PT, fs)
                        lines = sum(max(1, math.ceil(text_width_em(p) * fs / avail)) for p in paras)
                        cells.append((rs, ri, lines * fs * LINE_HEIGHT + ROW_EXTRA_PT))
                c += n
        for rs, ri, need in sorted(cells):
            span = range(ri, min(ri + rs, len(rows)))
            have = sum(heights[k] for k in span)
            if need > have:
                for k in span:
                    heights[k] += (need - have) / len(span)
        for ri, row in enumerate(rows):
            name = "rfit%d" % fitted
            fitted += 1
            st = ET.SubElement(auto, q("style", "style"), {q("style", "name"): name, q("style", "family"): "table-row"})
            brk = row_break.get(row.get(q("table", "style-name")), "auto")
            props = {q("style", "row-height"): "%.3fpt" % heights[ri], q("fo", "break-before"): brk,
                     q("style", "use-optimal-row-height"): "false"}
            ET.SubElement(st, q("style", "table-row-properties"), props)
            row.set(q("table", "style-name"), name)
    tree.write(out, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: calc-fit-rows.py IN.fods OUT.fods")
    main(sys.argv[1], sys.argv[2])
