"""Catalogue files (档案目录): an archive's records as its management system exports them.

A project may hold `catalogue/*.xlsx` and `catalogue/*.csv` (the folder is the setting
`catalogue`). The first row of each sheet names the columns; every other row is one archive
item, read with the same field rules and messages as an item written in YAML
(lantai/reading/schema.py), its media named relative to the sheet. Which column is which
field: the setting `catalogue_columns` ({column: field}, or `skip`), over the DA/T 18 Chinese
names and the English Dublin Core ones (`COLUMNS`). Other columns are kept, in the sheet's
order, as the item's `extra` and shown as they are.

Rows that must not be published (DA/T 18-2022's 开放标识 saying 不开放 or 控制, 密级 holding
any value, English `open: no` or a `classification`, or a rule of the setting
`catalogue_restricted`) are held back: of such a row only its code and where it is written
are kept (`Project.held_back`), never its title or any other cell, so nothing can publish
it. A story placing one is told so (lantai/checking/references.py).

Problems name the row as `catalogue/records.xlsx:Sheet1:row 17: 日期: …` with the column as
the editor wrote it. A file that cannot be a catalogue (too big, a zip bomb, too many rows,
not a workbook, a CSV in another encoding, an empty sheet, a header with an empty or a
repeated name) is refused with one problem, before anything costly is done with it.
Reading is linear in the rows: the workbook is streamed (openpyxl in read-only mode).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterator

from .. import dates
from ..model import Item, Media, Project, media_kind
from ..problems import ERROR, NOTICE, Problem, is_chinese, place, problem
from ..publishing.files import hidden, leads_out, project_folders
from . import schema
from .loading import LinedDict
from .safety import nfc

SUFFIXES = (".xlsx", ".csv")
OLD_SUFFIXES = (".xls", ".xlsm", ".xlsb", ".ods", ".et")   # named, so that the editor hears why it is not read

# Limits that keep a hostile or mistaken file from taking the build down. A real catalogue
# of 100,000 rows is a few MB packed and some tens of MB unpacked; sheet XML packs 5 to 20
# times, so a part packed much tighter than MAX_RATIO is a zip bomb, not a catalogue.
MAX_FILE_MB = 64
MAX_UNPACKED_MB = 512
MAX_RATIO = 100
MAX_PARTS = 10_000           # files inside one workbook
MAX_ROWS = 100_000           # rows of one sheet or CSV file, header included
MAX_COLUMNS = 256

# The fields a column can give. `media` is the files of the row (separated by ;), `brand`
# the brand the row belongs to, `open` and `classification` whether it is held back, `skip`
# a column left out of the site altogether.
ITEM_FIELDS = ("code", "title", "date", "creator", "holder", "type", "rights", "description", "code_kind")
FIELDS = (*ITEM_FIELDS, "media", "brand", "open", "classification", "skip")
REQUIRED = ("code", "title")

# The column names understood without a map (CONTENT-FORMAT.md "Catalogue files"): DA/T 18's
# Chinese names, and Dublin Core's English ones (in any case). When a sheet has two columns
# for one field (载体 and 文种), the first of them gives it and the other is kept as it is.
COLUMNS = {
    "档号": "code", "identifier": "code",
    "题名": "title", "title": "title",
    "责任者": "creator", "creator": "creator",
    "日期": "date", "date": "date",
    "保管单位": "holder", "holder": "holder",
    "载体": "type", "文种": "type", "type": "type",
    "权利": "rights", "rights": "rights",
    "提要": "description", "description": "description",
    "文件": "media", "file": "media",
    "品牌": "brand", "brand": "brand",
    "开放标识": "open", "open": "open",
    "密级": "classification", "classification": "classification",
}
# What an `open` cell may say. An empty cell says nothing: the row is published.
OPEN = ("开放", "是", "yes", "y", "true", "1", "open")
CLOSED = ("不开放", "控制", "控制使用", "未开放", "否", "no", "n", "false", "0", "closed")
ANY = "*"   # in catalogue_restricted: any value of the column holds the row back


def column_key(name: str) -> str:
    """A column name as it is looked up: trimmed, English in any case."""
    return nfc(name).strip().casefold()


@dataclass
class Table:
    """One sheet of a workbook, or a CSV file: its rows as (row number, cells)."""
    path: str                  # project-relative, for messages
    sheet: str                 # the sheet's name; "" for a CSV file
    folder: Path               # media are named relative to it
    rows: Iterator[tuple[int, tuple]]
    failure: list[str] = field(default_factory=list)   # why reading stopped half-way, if it did

    @property
    def what(self) -> tuple[str, str]:
        return ("sheet", "工作表") if self.sheet else ("file", "文件")


# -- the project's catalogue files ---------------------------------------------------------------

def read_catalogues(project: Project) -> list[Problem]:
    """Every catalogue file of the project into `project.catalogue` (open rows) and
    `project.held_back`, with every problem they have."""
    settings = project.settings
    folder = project.root / settings.catalogue
    problems: list[Problem] = []
    if settings.catalogue_brand and settings.catalogue_brand not in project.brands:
        problems.append(problem("mkdocs.yml", 0, "catalogue_brand", "catalogue-brand",
                                value=settings.catalogue_brand, allowed=", ".join(sorted(project.brands)) or "-"))
    if not folder.is_dir():
        return problems
    known = Known()
    for owner in (*project.brands.values(), *project.stories.values()):
        for item in owner.items:
            known.add(item.code, item.slug, place(item.path, item.line))
    for file in sorted(folder.iterdir()):
        name = file.name
        suffix = file.suffix.lower()
        if hidden(name) or name.startswith("~$") or not (suffix in SUFFIXES or suffix in OLD_SUFFIXES):
            continue   # notes, Excel's lock files (~$records.xlsx), anything that is not a sheet
        rel = _relative(project, file)
        if leads_out(file, project_folders(project)):   # never opened: a message must not echo it
            problems.append(problem(rel, 0, "", "link-outside-project"))
            continue
        if not file.is_file():
            continue
        if suffix in OLD_SUFFIXES:
            problems.append(problem(rel, 0, "", "catalogue-not-spreadsheet", detail=f"{suffix} file"))
            continue
        size = file.stat().st_size
        if size > MAX_FILE_MB * 2**20:
            problems.append(problem(rel, 0, "", "catalogue-too-big", size=size // 2**20, limit=MAX_FILE_MB,
                                    rows=f"{MAX_ROWS:,}"))
            continue
        tables, found = (workbook_tables if suffix == ".xlsx" else csv_tables)(file, rel)
        problems += found
        for table in tables:
            problems += read_table(project, table, known)
    return problems


@dataclass
class Known:
    """The codes and page addresses taken so far (by YAML items and earlier rows), each with
    where it is written: a row repeating one is reported here, with its column's name."""
    codes: dict[str, str] = field(default_factory=dict)
    slugs: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, code: str, slug: str, where: str) -> None:
        self.codes.setdefault(code, where)
        self.slugs.setdefault(slug, (code, where))

    def clash(self, code: str, slug: str) -> tuple[str, dict] | None:
        if code in self.codes:
            return "duplicate-code", {"value": code, "other": self.codes[code]}
        if slug in self.slugs:
            other_code, where = self.slugs[slug]
            return "duplicate-slug", {"value": code, "slug": slug, "other_code": other_code, "other": where}
        return None


def _relative(project: Project, file: Path) -> str:
    try:
        return file.relative_to(project.root).as_posix()
    except ValueError:
        return file.as_posix()


# -- workbooks -----------------------------------------------------------------------------

def workbook_tables(file: Path, rel: str) -> tuple[list[Table], list[Problem]]:
    """The visible sheets of an .xlsx workbook, streamed; or the problem that refuses it. The
    zip's declared sizes are looked at before any part is unpacked."""
    refused = zip_refusal(file, rel)
    if refused:
        return [], [refused]
    import openpyxl   # imported here: a project without a workbook never pays for it
    try:
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as error:   # whatever the file holds, a message and no traceback
        return [], [problem(rel, 0, "", "catalogue-not-spreadsheet", detail=_why(error))]
    tables = []
    for sheet in book.worksheets:
        if getattr(sheet, "sheet_state", "visible") != "visible":
            continue   # hidden sheets hold what the archive keeps to itself: never read
        sheet.reset_dimensions()   # the stated size may be wrong: read the rows there are
        table = Table(rel, sheet.title, file.parent, iter(()))
        table.rows = _sheet_rows(sheet, table.failure)
        tables.append(table)
    if not tables:
        book.close()
        return [], [problem(rel, 0, "", "catalogue-not-spreadsheet", detail="no visible sheet")]
    tables[-1].rows = _closing(tables[-1].rows, book)
    return tables, []


def zip_refusal(file: Path, rel: str) -> Problem | None:
    """Why an .xlsx file must not be opened: not a zip, too many parts, or parts that would
    unpack to far more than any catalogue (the sizes the zip declares; zipfile never unpacks
    more than the declared size of a part)."""
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return problem(rel, 0, "", "catalogue-not-spreadsheet", detail=_why(error))
    if len(parts) > MAX_PARTS:
        return problem(rel, 0, "", "catalogue-zip-bomb", size="?", detail=f"{len(parts):,} parts")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_MB * 2**20:
        return problem(rel, 0, "", "catalogue-zip-bomb", size=unpacked // 2**20,
                       detail=f"more than {MAX_UNPACKED_MB} MB")
    for part in parts:
        if part.file_size > 2**20 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            return problem(rel, 0, "", "catalogue-zip-bomb", size=unpacked // 2**20,
                           detail=f"{part.filename} packed {part.file_size // max(part.compress_size, 1):,} to 1")
    return None


def _sheet_rows(sheet, failure: list[str]) -> Iterator[tuple[int, tuple]]:
    try:
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1):
            yield number, row
    except Exception as error:   # a broken sheet part: said once, where reading stopped
        failure.append(_why(error))


def _closing(rows: Iterator, book) -> Iterator:
    try:
        yield from rows
    finally:
        book.close()


def _why(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:120]}" if text else type(error).__name__


# -- CSV -----------------------------------------------------------------------------------

def csv_tables(file: Path, rel: str) -> tuple[list[Table], list[Problem]]:
    """A CSV file as one table, read as UTF-8 (with or without BOM) or, as Chinese Excel
    writes it, GB18030 (which holds GBK); any other encoding is refused."""
    data = file.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [], [problem(rel, 0, "", "catalogue-encoding", detail="UTF-16")]
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        return [], [problem(rel, 0, "", "catalogue-not-text",
                            detail="a zip archive" if data.startswith(b"PK") else "NUL bytes")]
    text = _decoded(data)
    if text is None:
        return [], [problem(rel, 0, "", "catalogue-encoding", detail=_undecodable(data))]
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:   # a semicolon or tab export (European and some Chinese settings)
        delimiter = next((d for d in (";", "\t") if d in first), ",")
    table = Table(rel, "", file.parent, iter(()))
    table.rows = _csv_rows(text, delimiter, table.failure)
    return [table], []


def _decoded(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # GB18030 reads almost any bytes. What another encoding (Big5, Shift_JIS) turns into holds
    # its four-byte and user-defined characters, which a catalogue never holds, and is mostly
    # made of GBK's rare characters, where a Chinese catalogue is mostly GB2312's common ones.
    wide = [ch for ch in text if ord(ch) > 0x7F][:200_000]
    if any("\ue000" <= ch <= "\uf8ff" or ord(ch) > 0xFFFF for ch in wide):
        return None
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return text if common * 2 >= len(wide) else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _undecodable(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"byte 0x{data[error.start]:02x} at position {error.start:,}"
    return "?"


def _csv_rows(text: str, delimiter: str, failure: list[str]) -> Iterator[tuple[int, tuple]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):   # records, as a spreadsheet numbers its rows
            yield number, tuple(row[:MAX_COLUMNS + 1])
    except csv.Error as error:
        failure.append(f"row {number + 1}: {error}")


# -- one table -----------------------------------------------------------------------------

def cell_text(value: object) -> str:
    """A cell as text: numbers without a needless .0, dates in ISO form, text in NFC."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value).strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class Columns:
    """What each column of a table gives: field by column index, and the extra ones."""
    fields: dict[int, str] = field(default_factory=dict)    # index -> field
    names: dict[int, str] = field(default_factory=dict)     # index -> name as written
    extra: list[int] = field(default_factory=list)          # kept as they are, in the sheet's order
    unnamed: int = 0                                        # the first column without a name (1-based), 0: none
    width: int = 0

    def label(self, name: str) -> str:
        index = next((i for i, f in self.fields.items() if f == name), None)
        return self.names[index] if index is not None else name


def map_columns(header: tuple, number: int, table: Table, project: Project) -> tuple[Columns, list[Problem]]:
    """Which field each column of the header (on row `number`) gives; its problems."""
    names = [cell_text(value) for value in header]
    while names and not names[-1]:
        names.pop()
    columns, problems = Columns(width=len(names)), []
    given = {column_key(str(k)): str(v).strip() for k, v in project.settings.catalogue_columns.items()
             if k is not None and v is not None}
    seen: dict[str, int] = {}
    by_field: dict[str, tuple[int, bool]] = {}   # field -> (column, whether the map said so)

    def report(key: str, name: str = "", severity: str = ERROR, **params):
        problems.append(problem(table.path, number, name, key, severity, sheet=table.sheet, **params))

    for index, name in enumerate(names):
        if not name:
            columns.unnamed = columns.unnamed or index + 1
            continue
        key = column_key(name)
        if key in seen:
            report("catalogue-header-duplicate", name, value=name, first=seen[key] + 1, second=index + 1)
            continue
        seen[key] = index
        columns.names[index] = name
        mapped = given.get(key)
        target = mapped if mapped in FIELDS else COLUMNS.get(key)
        if target == "skip":
            continue
        if target is None:
            columns.extra.append(index)
            report("catalogue-unknown-column", name, NOTICE, value=name)
            continue
        if target in by_field:
            first, first_mapped = by_field[target]
            if mapped or first_mapped:
                report("catalogue-column-twice", name, other=names[first], field=target)
            columns.extra.append(index)   # two default names for one field: the first gives it
            continue
        by_field[target] = (index, bool(mapped))
        columns.fields[index] = target
    for required in REQUIRED:
        if required not in by_field and names:
            known = " / ".join(k for k, v in COLUMNS.items() if v == required)
            report("catalogue-no-column", "", field=required, names=known)
    return columns, problems


def read_table(project: Project, table: Table, known: Known) -> list[Problem]:
    """The rows of one table into the project; the problems of each row, all of them."""
    settings, language = project.settings, project.language
    what = table.what[1] if is_chinese(language) else table.what[0]
    problems: list[Problem] = []
    rows = iter(table.rows)
    header_row = next(((n, r) for n, r in rows if any(cell_text(v) for v in r)), None)
    if header_row is None:
        if table.failure:
            return [problem(table.path, 0, "", "catalogue-not-spreadsheet", sheet=table.sheet,
                            detail=table.failure[0])]
        return [problem(table.path, 0, "", "catalogue-empty", sheet=table.sheet, what=what,
                        example="档号, 题名" if is_chinese(language) else "identifier, title")]
    header_number, header = header_row
    columns, found = map_columns(header, header_number, table, project)
    problems += found
    if any(p.severity == ERROR for p in found):
        _close(rows)   # the header must be mended first; its rows are not read
        return problems
    reader = schema.Reader(table.path, table.folder, project.content_dir, language, (), project.root / "brands",
                           project.root, catalogue_dir=project.root / settings.catalogue, sheet=table.sheet)
    labels = {f: columns.names[i] for i, f in columns.fields.items()}
    rules = restriction_rules(settings.catalogue_restricted, columns)
    held: dict[str, int] = {}     # why -> rows held back for it
    read = 0
    beyond_reported = False
    for number, row in rows:
        if number > MAX_ROWS:
            problems.append(problem(table.path, number, "", "catalogue-too-many-rows", sheet=table.sheet,
                                    what=what, limit=f"{MAX_ROWS:,}"))
            _close(rows)
            break
        cells = [cell_text(v) for v in row[:columns.width]]
        beyond = any(cell_text(v) for v in row[columns.width:]) if len(row) > columns.width else False
        if not any(cells) and not beyond:
            continue   # an empty row
        read += 1
        if (beyond or (columns.unnamed and cells[columns.unnamed - 1])) and not beyond_reported:
            column = columns.unnamed if columns.unnamed and cells[columns.unnamed - 1] else columns.width + 1 + next(
                i for i, v in enumerate(row[columns.width:]) if cell_text(v))
            problems.append(problem(table.path, header_number, "", "catalogue-header-empty", sheet=table.sheet,
                                    column=column))
            beyond_reported = True
        values = {f: cells[i] for i, f in columns.fields.items() if i < len(cells) and cells[i]}
        why = held_back_by(values, cells, rules, columns)
        if why is None:   # an `open` cell that says neither: reported, and held back until it does
            problems.append(problem(table.path, number, labels["open"], "catalogue-open-value", sheet=table.sheet,
                                    value=values["open"], open=" / ".join(OPEN[:3]), closed=" / ".join(CLOSED[:2])))
            why = labels["open"]
        if why:
            held[why] = held.get(why, 0) + 1
            code = values.get("code", "")
            if code:   # a held-back row's code still takes its address: a story must not show another there
                code = reader.term(code, number, labels["code"]).strip()
                _take(project, reader, known, table, number, labels["code"], code, Item(code, "", "").slug)
                project.held_back.setdefault(code, place(table.path, number, table.sheet))
            continue
        item = row_item(project, reader, table, number, values, cells, columns, labels)
        if item is not None and _take(project, reader, known, table, number, labels["code"], item.code, item.slug):
            project.catalogue.append(item)
    project.extra_files.update(reader.extra_files)   # scans kept beside the sheet: published under assets/catalogue/
    if table.failure:
        problems.append(problem(table.path, 0, "", "catalogue-csv" if not table.sheet else "catalogue-not-spreadsheet",
                                sheet=table.sheet, detail=table.failure[0]))
    if held:
        reasons = ", ".join(f"{why} ×{count}" for why, count in sorted(held.items()))
        problems.append(problem(table.path, 0, "", "catalogue-held-back", NOTICE, sheet=table.sheet,
                                count=sum(held.values()), rows=read, why=reasons))
    return problems + reader.problems


def _take(project: Project, reader: schema.Reader, known: Known, table: Table, number: int, label: str,
          code: str, slug: str) -> bool:
    """Whether the row may have its code (reported when another item has it or its address)."""
    clash = known.clash(code, slug)
    if clash:
        reader.report(number, label, clash[0], **clash[1])
        return False
    known.add(code, slug, place(table.path, number, table.sheet))
    return True


def _close(rows: Iterator) -> None:
    """Stop reading a table (a workbook is closed after its last sheet)."""
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def row_item(project: Project, reader: schema.Reader, table: Table, number: int, values: dict[str, str],
             cells: list[str], columns: Columns, labels: dict[str, str]) -> Item | None:
    """One open row as an Item, validated as an item in YAML is; None when it has no code or title."""
    data = LinedDict({f: (dates.from_catalogue(v) if f == "date" else v)
                      for f, v in values.items() if f in ITEM_FIELDS})
    data.line = number   # every field of the row is on its row
    checked = reader.record(data, "item", number, "", labels=labels)   # an empty code or title: "required"
    media = row_media(reader, number, values.get("media", ""), labels.get("media", "media"))
    brand_id = values.get("brand") or project.settings.catalogue_brand
    if brand_id and brand_id not in project.brands:
        if values.get("brand"):
            reader.report(number, labels["brand"], "catalogue-brand", value=brand_id,
                          allowed=", ".join(sorted(project.brands)) or "-")
        brand_id = ""
    if checked is None or any(r not in checked for r in REQUIRED):
        return None
    extra = tuple((columns.names[i], cells[i]) for i in columns.extra if i < len(cells) and cells[i])
    fields = schema.record_fields("item", checked, Item)
    fields["media"] = media
    return Item(**fields, brand_id=brand_id, story_id=None, extra=extra, path=table.path, line=number,
                sheet=table.sheet)


def row_media(reader: schema.Reader, number: int, written: str, label: str) -> list[Media]:
    """The row's files, separated by ; (or the full-width ；), each relative to the sheet and
    under the rules of an item's media: in the project, there, of a kind the site shows."""
    out = []
    for name in (part.strip() for part in written.replace("；", ";").split(";")):
        if not name:
            continue
        if media_kind(name) is None:
            reader.report(number, label, "media-kind", value=name)
            continue
        published = reader.file(name, number, label)
        if published:
            out.append(Media(file=name, path=published))
    return out


# -- held back -------------------------------------------------------------------------------

def restriction_rules(setting: dict, columns: Columns) -> list[tuple[int, str, frozenset[str] | None]]:
    """The setting's rules as (column index, column name, values or None for any value),
    for the columns this table has: a rule names a column as written, or a field."""
    rules = []
    for key, values in setting.items():
        if key is None:
            continue
        wanted = column_key(str(key))
        for index, name in columns.names.items():
            if column_key(name) == wanted or columns.fields.get(index) == str(key).strip():
                if values == ANY:
                    rules.append((index, name, None))
                else:
                    listed = values if isinstance(values, list) else [values]
                    rules.append((index, name, frozenset(column_key(str(v)) for v in listed)))
    return rules


def held_back_by(values: dict[str, str], cells: list[str], rules, columns: Columns) -> str | None:
    """Why a row is held back ("" when it is not; None when its `open` cell says neither)."""
    if values.get("classification"):
        return columns.label("classification")
    flag = column_key(values.get("open", ""))
    if flag and flag in CLOSED:
        return f"{columns.label('open')}: {values['open']}"
    if flag and flag not in OPEN:
        return None
    for index, name, wanted in rules:
        value = cells[index] if index < len(cells) else ""
        if value and (wanted is None or column_key(value) in wanted):
            return f"{name}: {value}" if wanted is not None else name
    return ""


def check_setting(settings) -> list[Problem]:
    """The catalogue's settings in mkdocs.yml (with the others: lantai/reading/project.py)."""
    problems = []
    zh = is_chinese(settings.language)

    def report(name: str, english: str, chinese: str):
        problems.append(problem("mkdocs.yml", 0, name, "catalogue-setting", detail=chinese if zh else english))

    folder = settings.catalogue.replace("\\", "/")
    if (not folder.strip() or folder.startswith("/") or ".." in folder.split("/")
            or any(part.startswith((".", "_")) for part in folder.split("/") if part)):
        report("catalogue", f"'{folder}' cannot be the catalogue folder: name a folder of the project, such as "
               "catalogue, without '..' and with no part starting with '_' or '.'",
               f"'{folder}' 不能用作目录文件夹：请写项目中的一个文件夹，如 catalogue，不能含 '..'，各级名称也不能以 '_' 或 '.' 开头")
    columns = settings.catalogue_columns
    if None in columns:
        report("catalogue_columns", "write it as column: field lines, e.g. catalogue_columns: {档号: code, 页数: skip}",
               "应写成“列名: 字段”，例如 catalogue_columns: {档号: code, 页数: skip}")
    for name, target in columns.items():
        if name is not None and str(target).strip() not in FIELDS:
            report(f"catalogue_columns.{name}",
                   f"'{target}' is not a field a column can give; write one of {', '.join(FIELDS)}",
                   f"'{target}' 不是列可以对应的字段；请写 {', '.join(FIELDS)} 之一")
    rules = settings.catalogue_restricted
    if None in rules:
        report("catalogue_restricted", "write it as column: [values] lines, e.g. catalogue_restricted: "
               "{保管期限: [短期], 划控: '*'}", "应写成“列名: [值]”，例如 catalogue_restricted: {保管期限: [短期], 划控: '*'}")
    for name, values in rules.items():
        listed = values if isinstance(values, list) else [values]
        if name is not None and (values is None or values == [] or
                                 any(v is None or isinstance(v, (dict, list)) for v in listed)):
            report(f"catalogue_restricted.{name}",
                   "write the values that hold a row back, as a list ([短期, 长期]), or '*' for any value",
                   "请写出使该行不予公开的值，写成列表（[短期, 长期]），或写 '*' 表示任何值")
    return problems

