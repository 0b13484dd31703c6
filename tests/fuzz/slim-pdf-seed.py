#!/usr/bin/env python3
"""slim-pdf-seed.py IN.qdf OUT.qdf: a one-page QDF extract made small enough
to be a fuzz seed (scripts/fuzz caps PDF inputs at 200 kB).

What makes a page extract large is not its text, rules or layout but what
travels with it: embedded font programs, the outlines of every glyph of a
Type 3 font (Chromium draws CJK text so), images, and the tagged-PDF
structure tree of the whole document. The loader reads none of them for
text and rules: glyph boxes come from the widths and the d0/d1 line of a
Type 3 glyph, not from its drawing. So font programs are emptied (Poppler
substitutes a font), each Type 3 glyph becomes its box, images become 2×2
pixels and the structure tree is dropped. The result is still QDF; run
fix-qdf on it to set stream lengths again.
"""
import re
import sys

OBJ = re.compile(rb"\n(\d+) 0 obj\n(.*?)\nendobj\n", re.S)
NUM = rb"-?(?:\d+\.?\d*|\.\d+)"
GLYPH_HEAD = re.compile(rb"\s*(%s)\s+(%s)\s+(?:(%s)\s+(%s)\s+(%s)\s+(%s)\s+d1|d0)" % ((NUM,) * 6))


def slim_stream(head, body, font_program):
    if font_program:
        return head, b""
    if re.search(rb"/Subtype\s*/Image\b", head):
        head = re.sub(rb"/Width\s+\d+", b"/Width 2", head)
        head = re.sub(rb"/Height\s+\d+", b"/Height 2", head)
        head = re.sub(rb"/BitsPerComponent\s+\d+", b"/BitsPerComponent 8", head)
        head = re.sub(rb"/DecodeParms\s*(?:<<.*?>>|\[.*?\])", b"", head, flags=re.S)
        head = re.sub(rb"/Filter\s*(?:/\w+|\[[^\]]*\])", b"", head)
        return head, b"\x80" * 16
    m = GLYPH_HEAD.match(body)
    if m and m.group(3) is not None:  # a Type 3 glyph with its box: draw the box
        llx, lly, urx, ury = (float(m.group(i)) for i in range(3, 7))
        return head, m.group(0) + b"\n%g %g %g %g re f" % (llx, lly, urx - llx, ury - lly)
    if m:
        return head, m.group(0)
    return head, body


def slim(data):
    # Font programs are known by the descriptors that point to them.
    programs = {int(n) for n in re.findall(rb"/FontFile[23]?\s+(\d+) 0 R", data)}
    out = bytearray()
    last = 0
    for m in OBJ.finditer(data):
        out += data[last:m.start(2)]
        obj = m.group(2)
        if b"\nstream\n" in obj:
            head, rest = obj.split(b"\nstream\n", 1)
            body = rest[: rest.rfind(b"\nendstream")]
            head, body = slim_stream(head, body, int(m.group(1)) in programs)
            obj = head + b"\nstream\n" + body + b"\nendstream"
        elif re.search(rb"/Type\s*/Catalog\b", obj):
            obj = re.sub(rb"/(?:StructTreeRoot|Metadata|MarkInfo|Outlines|Names)\s+\d+ 0 R", b"", obj)
            obj = re.sub(rb"/MarkInfo\s*<<[^>]*>>", b"", obj)
        out += obj
        last = m.end(2)
    out += data[last:]
    return bytes(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: slim-pdf-seed.py IN.qdf OUT.qdf")
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    with open(sys.argv[2], "wb") as f:
        f.write(slim(data))


if __name__ == "__main__":
    main()
