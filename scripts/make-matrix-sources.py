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
  slide      slide          16:9 pages, PowerPoint's default table style: filled header row
                            (white bold text), banded body rows, white separators between
                            cells, no dark rule anywhere (title underline and note boxes too)
  rules      hrules         horizontal rules only (scripts/make-variants.py)
             frame-hrules   an outer frame, horizontal rules inside, no inner verticals (Word)
             booktabs       rules above and below each table and under its header
             borderless     no borders at all
  text       fullwidth      digits, Latin and ASCII punctuation in cells as full-width forms
  layout     portrait-serif A4 portrait, serif, 9 pt (make-variants.py's `portrait`)

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
