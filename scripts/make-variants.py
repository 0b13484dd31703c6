#!/usr/bin/env python3
"""Variants of the sample HTML sources, for scoring kpix on renderings the
samples do not cover (scripts/eval-variants prints them as PDFs and scores
them). Each variant changes one thing a real publisher changes:

  borderless   no cell borders at all (tables laid out by whitespace only)
  hrules       horizontal rules only (no vertical borders)
  booktabs     rules above and below each table and under its header only
  fullwidth    digits, Latin letters and ASCII punctuation in cells as
               full-width forms (ＮＦＫＣ undoes them)
  portrait     A4 portrait, serif font, 9 pt: other column widths and wraps

Usage: make-variants.py SOURCES_DIR OUT_DIR
"""
import html.parser
import pathlib
import re
import sys

EXTRA_CSS = {
    "borderless": "th, td, div.box { border: none !important; } th { background: none !important; }",
    "hrules": "th, td { border-left: none !important; border-right: none !important; }",
    "booktabs": ("th, td, div.box { border: none !important; } th, td.section { background: none !important; } "
                 "table { border-top: 1pt solid #000 !important; border-bottom: 1pt solid #000 !important; } "
                 "th { border-bottom: 0.5pt solid #000 !important; }"),
    "fullwidth": "",
    "portrait": ("@page { size: 210mm 297mm !important; margin: 12mm !important; } "
                 "body, h1, h2, h3, p, li, td, th, div { font-family: 'Noto Serif CJK JP', serif !important; } "
                 "table.kpi, td, th { font-size: 9pt !important; } "
                 "table { width: 100% !important; }"),
}


def to_fullwidth(text):
    # U+FF01..U+FF5E mirror U+0021..U+007E; spaces stay ASCII so layout is unchanged.
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


class FullwidthRewriter(html.parser.HTMLParser):
    """Rewrites text inside <td>/<th> only: headings keep their ASCII so the
    document context (years in titles) is read as before."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.depth += 1
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.depth:
            self.depth -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(to_fullwidth(data) if self.depth else data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")


def variant(source, name):
    text = source
    if name == "fullwidth":
        head, sep, body = text.partition("<body>")
        rw = FullwidthRewriter()
        rw.feed(body)
        rw.close()
        text = head + sep + "".join(rw.out)
    if name in ("borderless", "hrules", "booktabs"):
        text = re.sub(r'(<table[^>]*?)\sborder="1"', r'\1 border="0"', text)
    css = EXTRA_CSS[name]
    if css:
        text = text.replace("</style>", css + "\n</style>", 1)
    return text


def main():
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for html_file in sorted(src.glob("*.html")):
        source = html_file.read_text(encoding="utf-8")
        for name in EXTRA_CSS:
            (out / f"{html_file.stem}-{name}.html").write_text(variant(source, name), encoding="utf-8")


if __name__ == "__main__":
    main()
