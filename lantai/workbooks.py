"""Writing .xlsx workbooks that are the same bytes every time: `new catalogue`'s example
sheet (lantai/scaffold.py) and the English sample's catalogue (scripts/make-sample-catalogue).

openpyxl stamps a workbook with the time it is saved, in its properties and in the times of
the zip's entries; both are replaced by one fixed time, so that a sheet written again from
the same rows is the same file (a git diff shows nothing, a test can compare bytes).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Iterable, Sequence

FIXED = datetime(2026, 1, 1)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def workbook_bytes(sheet_title: str, columns: Sequence[str], rows: Iterable[Sequence[object]],
                   title: str = "", creator: str = "Lantai") -> bytes:
    """One sheet named `sheet_title`: the column names in its first row, then `rows`."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(list(columns))
    for row in rows:
        sheet.append(list(row))
    book.properties.creator = creator
    book.properties.title = title
    book.properties.created = FIXED
    book.properties.modified = FIXED
    raw = io.BytesIO()
    # ExcelWriter rather than save_workbook, which stamps the time of saving as `modified`.
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    # The zip entries carry the time they were written: rewrite them with a fixed one.
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()
