"""Open data opened in a spreadsheet: a cell that starts like a formula is shown as text."""

from __future__ import annotations

import csv
import io

from lantai.exports import export_files

from test_validation import load

HOSTILE = """\
name: Harbour Trade
archives: [Port Archive]
region: Port Town
category: trade
summary: Ledgers of the port.
items:
  - {code: "=1+2", title: "=HYPERLINK(\\"https://evil.example/\\",\\"open\\")"}
  - {code: HT-2, title: "+cmd|' /C calc'!A0", creator: "-2+3"}
  - {code: HT-3, title: "@SUM(A1:A9)", holder: "@evil"}
  - {code: HT-4, title: "A plain ledger - with a dash inside"}
"""


def test_formula_cells_are_prefixed_in_items_csv(tmp_path):
    project, problems = load(tmp_path, {"brands/trade.yml": HOSTILE})
    assert not [p for p in problems if p.severity == "error"], problems
    text = export_files(project)["data/items.csv"].decode("utf-8")
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert "'=HYPERLINK(\"https://evil.example/\",\"open\")" in rows
    assert rows["'=HYPERLINK(\"https://evil.example/\",\"open\")"]["code"] == "'=1+2"
    assert rows["'+cmd|' /C calc'!A0"]["creator"] == "'-2+3"
    assert rows["'@SUM(A1:A9)"]["holder"] == "'@evil"
    assert "A plain ledger - with a dash inside" in rows  # only the first character counts
    for row in rows.values():
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t")), row
