#!/usr/bin/env python3
"""Writes the seed inputs of layout_fuzz (tests/data/fuzz-seeds/layout/*.bin)
in the byte format tests/fuzz/layout_input.h decodes: tables of the shapes
the families read (role columns, 目標値/実績値 row pairs under a merged name,
year series under a merged group label, an indicator sheet), in each border
style, upright and sideways, and a table continued on a second page.

Cell words are looked up by text in kWords, read from layout_input.h, so the
seeds stay right when that list grows. Deterministic; the output is committed.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = os.path.join(HERE, "..", "..", "fuzz", "layout_input.h")
OUT = os.path.join(HERE, "layout")

src = open(HEADER, encoding="utf-8").read()
words_block = src[src.index("kWords[] = {"):src.index("};", src.index("kWords[] = {"))]
WORDS = re.findall(r'"((?:[^"\\]|\\.)*)"', words_block)
STYLES = ["grid", "hrules", "none", "booktabs", "ruled_header", "frame_hrules", "jittered", "double_lines"]
EMPTY, LEFT, UP = 0, 1, 2


def w(text, second=None):
    """A cell byte for a word; second puts another word below it (bit 7)."""
    i = WORDS.index(text)
    # Bytes 0-2 are empty and merges: a word index below 3 is reached by
    # adding the list's length (the decoder takes it modulo).
    b = i if i >= 3 else i + len(WORDS)
    assert b < 128, text
    return b


def table(x, y, widths, rows, row_h=16, size=8, style="grid", op=4):
    out = [op, x // 2, y // 2, (len(widths) - 1) % 16, (len(rows) - 1) % 64, row_h - 10, size - 5,
           STYLES.index(style)]
    out += [(wd - 18) % 160 for wd in widths]
    for row in rows:
        assert len(row) == len(widths)
        out += [c if isinstance(c, int) else w(c) for c in row]
    out.append(0)  # jitter
    return out


ROLE = [
    ["重要業績評価指標 (KPI)", LEFT, "基準値", "R6実績", "R9目標値"],
    ["基本目標1", "①1人あたりの総所得", "1,718千円", "2,000", "2,000"],
    [UP, "②従業者1人あたりの付加価値額", "1,718千円", "調査なし (次回R8)", "2,000"],
    ["第3期総合戦略", "観光入込客数", "▲389人", "14人/年 (R2～R4平均)", "40人 (4年間の合計)"],
    [UP, "新規就農者数", "67.5%", "未公表", "3件 (計画終了時点)"],
]
ROLE_W = [90, 150, 70, 90, 90]

PAIRS = [
    ["区分", LEFT, "３年度", "４年度", "５年度", "5年間の合計"],
    ["名称 ／36.7%(令和元年)→40.0%(令和7年)", "目標値", "67.5%", "67.5%", "67.5%", "－"],
    [UP, "実績値", "△7.04%", "確定値48.3", "集計中", "－"],
    ["観光入込客数", "目標値", "2,000", "2,000", "2,000", "2,000"],
    [UP, "実績値", "1,189", "509", "86,054", "171 811"],
    ["小計(事業数:8、KPI数:7)", LEFT, LEFT, LEFT, LEFT, LEFT],
]
PAIRS_W = [170, 50, 60, 60, 60, 70]

SERIES = [
    ["区分", LEFT, "H26 (2014)", "R2 (2020)", "R6実績"],
    ["自然動態", "出生数", "509", "509", "1,189"],
    [UP, "年末人口", "▲ 1,034", "▲ 1,034", "▲389人"],
    ["社会動態", "出生数", "1,189", "86,054", "509"],
    [UP, "年末人口", "▲ 1,034", "△1 037", "▲ 1,034"],
]
SERIES_W = [60, 70, 70, 70, 70]

SHEET = [
    ["事務事業名", "建築指導事務事業", LEFT, LEFT, LEFT],
    ["成果指標の内容", "単位", "R５年度 実績", "目標値", LEFT],
    [UP, UP, UP, "見込", "目標"],
    ["新規就農者数", "人", "509", "2,000", "2,000"],
    ["観光入込客数", "件", "1,189", "未策定", "基準値を維持"],
]
SHEET_W = [150, 40, 80, 70, 70]

SEEDS = {}
for style in STYLES:
    SEEDS["role-" + style] = [0] + table(40, 60, ROLE_W, ROLE, style=style)
SEEDS["pairs-grid"] = [0] + table(30, 40, PAIRS_W, PAIRS)
SEEDS["pairs-booktabs"] = [0] + table(30, 40, PAIRS_W, PAIRS, style="booktabs")
SEEDS["series-hrules"] = [0] + table(60, 80, SERIES_W, SERIES, style="hrules", size=9)
SEEDS["sheet-grid"] = [0] + table(40, 40, SHEET_W, SHEET, row_h=20)
SEEDS["role-sideways"] = [1] + table(40, 60, ROLE_W, ROLE)
SEEDS["series-upside-down"] = [2] + table(40, 60, SERIES_W, SERIES, style="frame_hrules")
# A title and a note above and below, two tables on one page, then the
# second continued on the next page with its header again.
SEEDS["page-with-notes"] = (
    [0, 3, 20, 10, 4, WORDS.index("第3期総合戦略"), 200]
    + table(40, 40, ROLE_W, ROLE)
    + [3, 12, 110, 0, WORDS.index("※ KPIの基準値は2016年度～2018年度の合計"), 250]
    + table(40, 280, PAIRS_W, PAIRS, style="hrules")
    + [6, 30, 7]
    + sum(([c if isinstance(c, int) else w(c) for c in row] for row in PAIRS), [])
    + [0])


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(OUT, name + ".bin"), "wb") as fh:
            fh.write(bytes(data))


if __name__ == "__main__":
    main()
