#!/usr/bin/env python3
"""Sources of the rendering matrix (scripts/make-matrix): every seed document in
every style, each style one change from the sample source along one axis.

  axis       style          change from samples/sources/NNN-<town>.html, printed by Chromium
             unless the producer says otherwise
  producer   chromium       none (the sample source as it is)
             lo-html        LibreOffice Writer imports the HTML
             lo-docx        Writer imports the HTML, saves .docx; Writer prints the .docx
             lo-calc        Calc imports the HTML tables, saves .ods; Calc prints the .ods
  header     head-empty     a spanning header cell becomes its label beside empty header cells
  groups     group-repeat   a body cell spanning rows (group label, project, KPI pair) is
                            repeated on every row
             group-blank    ... kept on its first row, empty cells below
  pages      a4-landscape   page 297x210 mm  } the content flows (no page break forced before
             a4-portrait    page 210x297 mm  } a slide or a sheet title), rows may break
             b5             page 182x257 mm  } across pages, header rows are not repeated:
             scale90        content at 90 %  } tables, rows and header rows split at the
             scale115       content at 115 % } foot of pages
             scale75        content at 75 %  }
  slide      slide          16:9 pages, PowerPoint's default table style: filled header row
                            (white bold text), banded body rows, white separators between
                            cells, no dark rule anywhere (title underline and note boxes too)
  rules      hrules         horizontal rules only (scripts/make-variants.py)
             frame-hrules   an outer frame, horizontal rules inside, no inner verticals (Word)
             booktabs       rules above and below each table and under its header
             borderless     no borders at all
  text       fullwidth      digits, Latin and ASCII punctuation in cells as full-width forms
  layout     portrait-serif A4 portrait, serif, 9 pt (make-variants.py's `portrait`)
             valign-top     cell text at the top of its cell, numbers right-aligned
             narrow         tables 72 % of the page wide: names wrap onto more lines
             tight          no cell padding, line height 1: glyph boxes reach past rules
             small          8 pt table text
             centred        every body cell's text centred
  strokes    dashed         inner rules dashed (Chromium: a filled rectangle per dash)
             dotted         inner rules dotted (Chromium: a filled square per dot)
             double         a double outer frame
             grey           light grey hairlines
  pages      thead-repeat   A4 portrait, the header row repeated on every page
  text       spaced-head    header text letter-spaced (均等割り-like)
  fills      zebra          Excel-like: grey header, every other body row shaded
  header     plain-head     header row neither shaded nor bold
  combined   word-portrait  frame-hrules, A4 portrait page breaks, group cells blank below
             booktabs-b5    booktabs on B5 pages that split the tables
             slide-blank    slide, empty header neighbours, group cells blank below
             hrules-repeat  hrules at 90 %, group cells repeated
             lo-borderless  borderless printed by LibreOffice Writer (which also ignores the
                            CSS rules of hrules and booktabs: those print the same)
             calc-portrait  lo-calc on A4 portrait pages (Calc fits the sheet's width)
  text       vertical-groups  a group cell spanning rows (first in its row) set vertically
                            (writing-mode: vertical-rl), as sheets set narrow group columns
             distributed    every body cell's text set out across its cell, numbers aside
                            (均等割付: text-align justify, last line too, inter-character)
  header     vertical-head  header cells spanning rows set vertically
  strokes    diagonal-empty an empty body cell struck through corner to corner (斜線), as
                            sheets mark a cell that takes no value
  pages      running-heads  a running head (title, 資料2) and `page / pages` at the foot
                            of every page (CSS page margin boxes)

Usage: make-matrix-sources.py SEEDS_DIR OUT_DIR [STYLE...]
Writes OUT_DIR/NNN-<style>.html (only when its content changed, so that a PDF
newer than its source need not be printed again) and prints one line per
rendering: NNN TAB style TAB producer TAB source path.
"""
import importlib.util
import re
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gen = load("make_sample_sources", "make-sample-sources.py")
variants = load("make_variants", "make-variants.py")

# The page styles must split tables at the foot of pages, as a careless export
# does: the content flows from page to page (no page break forced before a slide
# or a repeated sheet title), rows may break inside, the header is printed once.
BREAKABLE = (".brk { page-break-before: auto !important; break-before: auto !important; } "
             "tr { page-break-inside: auto !important; break-inside: auto !important; } "
             "thead { display: table-row-group !important; }")


def page(size):
    return lambda html: css(html, "@page { size: %s !important; } %s" % (size, BREAKABLE))


def scale(factor):
    # zoom lays the page out again at that size (a print dialog's scale), page size unchanged
    return lambda html: css(html, "html { zoom: %s; } %s" % (factor, BREAKABLE))


# PowerPoint's default table style (Medium Style 2 - Accent 1) on 16:9 pages.
SLIDE_CSS = (
    "@page { size: 338.7mm 190.5mm !important; margin: 9mm 12mm 9mm 12mm !important; } "
    "th, td, div.box { border: 1pt solid #ffffff !important; } "
    "th { background: #4472c4 !important; color: #ffffff !important; } "
    "tbody tr:nth-child(odd) > td { background: #cfd5ea !important; } "
    "tbody tr:nth-child(even) > td { background: #e9ebf5 !important; } "
    "h2 { border-bottom: none !important; }")

FRAME_HRULES_CSS = (
    "table.kpi, table.nested { border: 0.75pt solid #000 !important; } "
    "th, td { border-left: none !important; border-right: none !important; }")


# Rule strokes other producers draw: Word's dotted and dashed inner rules inside a
# solid frame, a double outer frame, light grey hairlines.
def strokes(inner, frame="0.75pt solid #000"):
    return lambda html: css(no_border_attr(html), (
        "th, td { border: %s !important; } table.kpi, table.nested { border: %s !important; }"
        % (inner, frame)))


def both(*changes):
    def change(html):
        for c in changes:
            html = c(html)
        return html
    return change


def css(html, rules):
    return html.replace("</style>", rules + "\n</style>", 1)


def no_border_attr(html):
    return re.sub(r'(<table[^>]*?)\sborder="1"', r'\1 border="0"', html)


def variant(name):
    return lambda html: variants.variant(html, name)


# name, axis, producer, how merged cells are drawn, change to the HTML
STYLES = [
    ("chromium", "producer", "chromium", gen.MERGED, None),
    ("lo-html", "producer", "lo-html", gen.MERGED, None),
    ("lo-docx", "producer", "lo-docx", gen.MERGED, None),
    ("lo-calc", "producer", "lo-calc", gen.MERGED, None),
    ("head-empty", "header", "chromium", gen.Merges(header="empty"), None),
    ("group-repeat", "groups", "chromium", gen.Merges(groups="repeat"), None),
    ("group-blank", "groups", "chromium", gen.Merges(groups="blank"), None),
    ("a4-landscape", "pages", "chromium", gen.MERGED, page("297mm 210mm")),
    ("a4-portrait", "pages", "chromium", gen.MERGED, page("210mm 297mm")),
    ("b5", "pages", "chromium", gen.MERGED, page("182mm 257mm")),
    ("scale90", "pages", "chromium", gen.MERGED, scale("0.9")),
    ("scale115", "pages", "chromium", gen.MERGED, scale("1.15")),
    ("slide", "slide", "chromium", gen.MERGED, lambda h: css(no_border_attr(h), SLIDE_CSS)),
    ("hrules", "rules", "chromium", gen.MERGED, variant("hrules")),
    ("frame-hrules", "rules", "chromium", gen.MERGED, lambda h: css(no_border_attr(h), FRAME_HRULES_CSS)),
    ("booktabs", "rules", "chromium", gen.MERGED, variant("booktabs")),
    ("borderless", "rules", "chromium", gen.MERGED, variant("borderless")),
    ("fullwidth", "text", "chromium", gen.MERGED, variant("fullwidth")),
    ("portrait-serif", "layout", "chromium", gen.MERGED, variant("portrait")),
    ("dashed", "strokes", "chromium", gen.MERGED, strokes("0.5pt dashed #000")),
    ("dotted", "strokes", "chromium", gen.MERGED, strokes("0.75pt dotted #000")),
    ("double", "strokes", "chromium", gen.MERGED,
     strokes("0.75pt solid #000", "2.5pt double #000")),
    ("grey", "strokes", "chromium", gen.MERGED, strokes("0.4pt solid #a0a0a0", "0.4pt solid #a0a0a0")),
    ("thead-repeat", "pages", "chromium", gen.MERGED,
     lambda h: css(h, "@page { size: 210mm 297mm !important; } "
                      ".brk { page-break-before: auto !important; break-before: auto !important; } "
                      "tr { page-break-inside: auto !important; break-inside: auto !important; }")),
    ("spaced-head", "text", "chromium", gen.MERGED, lambda h: css(h, "th { letter-spacing: 0.6em !important; }")),
    ("valign-top", "layout", "chromium", gen.MERGED,
     lambda h: css(h, "th, td { vertical-align: top !important; } td.num { text-align: right !important; }")),
    ("narrow", "layout", "chromium", gen.MERGED, lambda h: css(h, "table.kpi { width: 72% !important; }")),
    ("tight", "layout", "chromium", gen.MERGED,
     lambda h: css(h, "th, td { padding: 0 1pt !important; line-height: 1.0 !important; }")),
    ("small", "layout", "chromium", gen.MERGED,
     lambda h: css(h, "table.kpi, td, th { font-size: 8pt !important; } table.nested { font-size: 7.5pt !important; }")),
    ("zebra", "fills", "chromium", gen.MERGED,
     lambda h: css(h, "tbody tr:nth-child(even) > td { background: #f2f2f2 !important; } "
                      "th { background: #d9d9d9 !important; }")),
    ("plain-head", "header", "chromium", gen.MERGED,
     lambda h: css(h, "th { background: none !important; font-weight: normal !important; }")),
    ("centred", "layout", "chromium", gen.MERGED, lambda h: css(h, "td { text-align: center !important; }")),
    ("word-portrait", "combined", "chromium", gen.Merges(groups="blank"),
     both(lambda h: css(no_border_attr(h), FRAME_HRULES_CSS), page("210mm 297mm"))),
    ("booktabs-b5", "combined", "chromium", gen.MERGED, both(variant("booktabs"), page("182mm 257mm"))),
    ("slide-blank", "combined", "chromium", gen.Merges(header="empty", groups="blank"),
     lambda h: css(no_border_attr(h), SLIDE_CSS)),
    ("hrules-repeat", "combined", "chromium", gen.Merges(groups="repeat"),
     both(variant("hrules"), scale("0.9"))),
    ("scale75", "pages", "chromium", gen.MERGED, scale("0.75")),
    ("lo-borderless", "combined", "lo-html", gen.MERGED, variant("borderless")),
    ("calc-portrait", "combined", "lo-calc", gen.MERGED, page("210mm 297mm")),
    ("vertical-groups", "text", "chromium", gen.MERGED,
     lambda h: css(h, "tbody td[rowspan]:first-child { writing-mode: vertical-rl !important; "
                      "text-orientation: mixed !important; }")),
    ("distributed", "text", "chromium", gen.MERGED,
     lambda h: css(h, "td:not(.num) { text-align: justify !important; text-align-last: justify !important; "
                      "text-justify: inter-character !important; }")),
    ("vertical-head", "header", "chromium", gen.MERGED,
     lambda h: css(h, "th[rowspan] { writing-mode: vertical-rl !important; text-orientation: mixed !important; }")),
    ("diagonal-empty", "strokes", "chromium", gen.MERGED,
     lambda h: css(h, "td:empty { background-image: url(\"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' "
                      "preserveAspectRatio='none' viewBox='0 0 10 10'><line x1='0' y1='10' x2='10' y2='0' "
                      "stroke='black' stroke-width='0.3' vector-effect='non-scaling-stroke'/></svg>\") !important; "
                      "background-size: 100% 100% !important; }")),
    ("running-heads", "pages", "chromium", gen.MERGED,
     lambda h: css(h, "@page { margin-top: 18mm !important; margin-bottom: 16mm !important; "
                      "@top-left { content: \"令和6年度 総合戦略 進捗状況報告書\"; font-size: 9pt; } "
                      "@top-right { content: \"資料2\"; font-size: 9pt; } "
                      "@bottom-center { content: counter(page) \" / \" counter(pages); font-size: 9pt; } }")),
]


def write_if_changed(path, text):
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: make-matrix-sources.py SEEDS_DIR OUT_DIR [STYLE...]")
    seeds, out = sys.argv[1], pathlib.Path(sys.argv[2])
    wanted = sys.argv[3:] or [s[0] for s in STYLES]
    unknown = set(wanted) - {s[0] for s in STYLES}
    if unknown:
        sys.exit("make-matrix-sources: unknown style %s (styles: %s)"
                 % (", ".join(sorted(unknown)), " ".join(s[0] for s in STYLES)))
    out.mkdir(parents=True, exist_ok=True)
    docs = {}   # one generation per way of drawing merged cells
    for name, _axis, producer, merges, change in STYLES:
        if name not in wanted:
            continue
        key = (merges.header, merges.groups)
        if key not in docs:
            docs[key] = list(gen.seed_documents(seeds, merges))
        for seed, _base, texts in docs[key]:
            html = texts[".html"]
            if change:
                html = change(html)
            path = out / ("%s-%s.html" % (seed, name))
            write_if_changed(path, html)
            print("%s\t%s\t%s\t%s" % (seed, name, producer, path))


if __name__ == "__main__":
    main()
