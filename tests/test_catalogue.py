"""Catalogue files (lantai/reading/catalogue.py): an archive's spreadsheet read into items.

Rows become items with the YAML items' rules and messages, under the DA/T 18 or Dublin Core
column names or a column map; CSV in UTF-8 or GB18030; every bad row reported with its sheet
and row, and no site; files that cannot be a catalogue refused before anything costly is
done; held-back rows in no output file at all (Pagefind's packed fragments included); a
2,000-row workbook built with a page per row; DA/T 13 codes kept exactly; `new catalogue`
passing `check`; `serve` reading a saved sheet again.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from conftest import PROJECTS, REPO, build_site, run_lantai
from lantai.build_cache import CACHE_DIR
from lantai.checking import load_project
from lantai.problems import ERROR, NOTICE, format_report
from lantai.reading import catalogue
from lantai.reading.settings import make_settings

BRAND = """\
name: {name}
archives: [{archive}]
region: {region}
category: memory
summary: {summary}
"""
STORY = """\
---
title: {title}
summary: {summary}
---

{body}
"""


def make_project(root: Path, language: str = "zh", options: str = "", story_body: str = "",
                 site_url: str = "") -> Path:
    """A project of one brand (`archive`) and one story, in `language`."""
    zh = language == "zh"
    (root / "brands").mkdir(parents=True)
    (root / "content" / "archive").mkdir(parents=True)
    (root / "catalogue").mkdir()
    (root / "mkdocs.yml").write_text(
        f"site_name: {'目录测试' if zh else 'Catalogue test'}\n" + (f"site_url: {site_url}\n" if site_url else "")
        + f"theme:\n  name: material\n  language: {language}\n"
        "plugins:\n  - lantai" + (":\n" + options if options else "") + "\n", encoding="utf-8")
    (root / "brands" / "archive.yml").write_text(BRAND.format(
        name="测试档案" if zh else "Test Archive", archive="测试档案馆" if zh else "Test Archive",
        region="测试市" if zh else "Test Town", summary="测试用的品牌。" if zh else "A brand for tests."),
        encoding="utf-8")
    (root / "content" / "archive" / "story.md").write_text(STORY.format(
        title="测试故事" if zh else "A test story", summary="一个故事。" if zh else "One story.",
        body=story_body or ("正文。" if zh else "The text.")), encoding="utf-8")
    return root / "mkdocs.yml"


def write_xlsx(path: Path, header, rows, title: str = "Sheet1", more: dict | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for name, (other_header, other_rows) in (more or {}).items():
        other = book.create_sheet(name)
        other.append(list(other_header))
        for row in other_rows:
            other.append(list(row))
    book.save(path)
    return path


def write_csv(path: Path, header, rows, encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read(config: Path):
    """The project as `check` reads it: model and every problem."""
    import yaml
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    entry = raw["plugins"][0]
    options = entry["lantai"] if isinstance(entry, dict) else {}
    settings = make_settings(raw["site_name"], raw["theme"]["language"], options or {}, raw.get("site_url"))
    return load_project(config.parent, settings)


def lines(problems, language="zh") -> list[str]:
    return format_report(problems, language).splitlines()[:-1]


def errors(problems):
    return [p for p in problems if p.severity == ERROR]


ZH_HEADER = ("档号", "题名", "责任者", "日期", "保管单位", "载体", "权利", "文件", "开放标识", "密级", "页数", "保管期限")
EN_HEADER = ("identifier", "title", "creator", "date", "holder", "type", "rights", "file", "open",
             "classification", "extent")


# -- columns, fields and codes ---------------------------------------------------------------

def test_da_t_18_columns_become_item_fields_and_other_columns_are_kept_in_order(tmp_path):
    config = make_project(tmp_path)
    write_xlsx(tmp_path / "catalogue" / "records.xlsx", ZH_HEADER, [
        ("J001-WS·2011-Y-BGS-0001", "关于开展档案工作的通知", "某市档案局", "19560129", "某市档案馆", "文书",
         "公开", "", "开放", "", 3, "永久"),
        ("J001-WS·2011-Y-BGS-0002", "会议记录", "某市档案局", datetime(1957, 3, 8), "某市档案馆", "文书",
         "", "", "", "", 12.0, "30年"),
    ])
    project, problems = read(config)
    assert errors(problems) == []
    first = project.items["J001-WS·2011-Y-BGS-0001"]
    assert (first.title, first.creator, first.date, first.holder, first.type, first.rights) == (
        "关于开展档案工作的通知", "某市档案局", "1956-01-29", "某市档案馆", "文书", "公开")
    assert first.extra == (("页数", "3"), ("保管期限", "永久"))
    assert (first.path, first.sheet, first.line, first.brand_id) == ("catalogue/records.xlsx", "Sheet1", 2, "")
    second = project.items["J001-WS·2011-Y-BGS-0002"]
    assert second.date == "1957-03-08" and second.extra == (("页数", "12"), ("保管期限", "30年"))
    # The code is kept exactly, and its page address is stable.
    assert first.code == "J001-WS·2011-Y-BGS-0001" and first.slug == "j001-ws-2011-y-bgs-0001"
    notes = [p for p in problems if p.severity == NOTICE]
    assert sorted(p.field for p in notes) == ["保管期限", "页数"]   # each unknown column once
    assert all(p.place == "catalogue/records.xlsx:Sheet1:row 1" for p in notes)


def test_dublin_core_columns_in_any_case_and_dates_in_every_exported_form(tmp_path):
    config = make_project(tmp_path, "en")
    forms = ["19560129", "1956.01.29", "1956-1-29", "1956/1/29", "1956年1月29日", "19560100", "19560000",
             "1956/1960", "1920~", date(1956, 1, 29), 1956]
    write_csv(tmp_path / "catalogue" / "records.csv", ("Identifier", "TITLE", " date "),
              [(f"T-{n}", f"Row {n}", value) for n, value in enumerate(forms)])
    project, problems = read(config)
    assert errors(problems) == [] and [p for p in problems if p.severity == NOTICE] == []
    assert [project.items[f"T-{n}"].date for n in range(len(forms))] == [
        "1956-01-29", "1956-01-29", "1956-01-29", "1956-01-29", "1956-01-29", "1956-01", "1956",
        "1956/1960", "1920~", "1956-01-29", "1956"]


def test_a_column_map_names_columns_over_the_defaults_and_places_rows_in_brands(tmp_path):
    options = ("      catalogue_columns: {编号: code, 名称: title, 形成时间: date, 题名: skip, 存放位置: skip, 所属: brand}\n"
               "      catalogue_brand: archive\n")
    config = make_project(tmp_path, options=options)
    (tmp_path / "brands" / "second.yml").write_text(BRAND.format(name="第二", archive="某馆", region="某地",
                                                                 summary="第二个品牌。"), encoding="utf-8")
    write_xlsx(tmp_path / "catalogue" / "records.xlsx", ("编号", "名称", "形成时间", "题名", "存放位置", "所属"), [
        ("A-1", "第一件", "1950", "旧题名", "库房 3 架 2", ""),
        ("A-2", "第二件", "1951-02", "旧题名", "库房 3 架 4", "second"),
    ])
    project, problems = read(config)
    assert errors(problems) == [] and [p for p in problems if p.severity == NOTICE] == []
    first, second = project.items["A-1"], project.items["A-2"]
    assert (first.title, first.date, first.brand_id) == ("第一件", "1950", "archive")
    assert second.brand_id == "second"
    assert first.extra == () and "库房" not in repr(project.items)   # skipped columns are nowhere


def test_a_code_clash_with_a_yaml_item_or_another_row_names_the_other_place(tmp_path):
    config = make_project(tmp_path, "en")
    brand = tmp_path / "brands" / "archive.yml"
    brand.write_text(brand.read_text(encoding="utf-8") + "items:\n  - {code: HB-1, title: In YAML}\n",
                     encoding="utf-8")
    write_csv(tmp_path / "catalogue" / "a.csv", ("identifier", "title"),
              [("HB-1", "Again"), ("HB 2", "Two"), ("hb-2", "Same address")])
    project, problems = read(config)
    assert lines(errors(problems), "en") == [
        "catalogue/a.csv:row 2: identifier: reference code 'HB-1' is already used by brands/archive.yml:7; "
        "every item needs its own code",
        "catalogue/a.csv:row 4: identifier: reference code 'hb-2' gives the same page address, items/hb-2/, as "
        "'HB 2' (catalogue/a.csv:row 3); change one of the codes so that they differ in more than case and punctuation",
    ]


# -- encodings -----------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_in_utf8_with_or_without_bom_and_in_gb18030_as_chinese_excel_writes_it(tmp_path, encoding):
    config = make_project(tmp_path)
    write_csv(tmp_path / "catalogue" / "records.csv", ("档号", "题名", "责任者", "附注"),
              [("ZJ-0001", "《共产党宣言》中文全译本", "陈望道", "浙江省上虞区档案馆藏")], encoding=encoding)
    project, problems = read(config)
    assert errors(problems) == []
    item = project.items["ZJ-0001"]
    assert (item.title, item.creator, item.extra) == ("《共产党宣言》中文全译本", "陈望道", (("附注", "浙江省上虞区档案馆藏"),))


@pytest.mark.parametrize("encoding, detail", [("utf-16", "UTF-16"), ("big5", ""), ("shift_jis", ""),
                                              ("latin-1", "")])
def test_a_csv_in_another_encoding_is_refused(tmp_path, encoding, detail):
    config = make_project(tmp_path, "en")
    text = {"big5": "題名,檔號\n臺灣省檔案,TW-1\n", "shift_jis": "タイトル,番号\n日本語の記録,JP-1\n",
            "latin-1": "title,identifier\nCafé déjà vu,FR-1\n", "utf-16": "title,identifier\nX,Y\n"}[encoding]
    (tmp_path / "catalogue" / "records.csv").write_bytes(text.encode(encoding))
    project, problems = read(config)
    reported = lines(errors(problems), "en")
    assert len(reported) == 1 and reported[0].startswith(
        "catalogue/records.csv: the CSV file is neither UTF-8 nor GB18030/GBK"), reported
    assert detail in reported[0] and project.items == {}


# -- bad rows ------------------------------------------------------------------------------

BAD_ROWS = [
    ("J1-0001", "好的一行", "19560129", "", "", "开放"),
    ("J1-0002", "", "1956", "", "", ""),                                # no title
    ("J1-0003", "日期不对", "1956年13月", "", "", ""),                   # not a date
    ("J1-0004", "文件不存在", "", "scans/missing.jpg", "", ""),           # missing file
    ("J1-0005", "项目之外", "", "../../../etc/passwd.png", "", ""),        # outside the project
    ("J1-0006", "不是媒体", "", "notes.docx", "", ""),                    # not a kind of media
    ("J1-0007", "品牌不对", "", "", "nosuch", ""),                        # unknown brand
    ("J1-0008", "开放标识不明", "", "", "", "待定"),                      # neither open nor closed
    ("", "没有档号", "", "", "", ""),                                     # no code
    ("J1-0001", "档号重复", "", "", "", ""),                              # the code of row 2
    ("J1\u200b-0011", "看不见的字符", "", "", "", ""),                    # an invisible character
    ("J1-0012", "待填写", "", "", "", ""),                                # the scaffold's placeholder
]


def _bad_sheet(tmp_path: Path, suffix: str = ".xlsx") -> Path:
    config = make_project(tmp_path)
    header = ("档号", "题名", "日期", "文件", "品牌", "开放标识")
    (tmp_path / "catalogue" / "scans").mkdir()
    if suffix == ".xlsx":
        write_xlsx(tmp_path / "catalogue" / "records.xlsx", header, BAD_ROWS, title="案卷目录")
    else:
        write_csv(tmp_path / "catalogue" / "records.csv", header, BAD_ROWS)
    return config


EXPECTED_BAD = [
    "{where}:row 3: 题名: 必填字段缺失",
    "{where}:row 4: 日期: '1956年13月' 不是 EDTF 格式的日期",
    "{where}:row 5: 文件: 文件 'scans/missing.jpg' 不存在",
    "{where}:row 6: 文件: '../../../etc/passwd.png' 位于项目之外",
    "{where}:row 7: 文件: 'notes.docx' 不是展览可展示的文件类型",
    "{where}:row 8: 品牌: 'nosuch' 不是本项目的品牌（archive）",
    "{where}:row 9: 开放标识: '待定' 不能表明是否开放",
    "{where}:row 10: 档号: 必填字段缺失",
    "{where}:row 11: 档号: 档号 'J1-0001' 已被 {where}:row 2 使用",
    "{where}:row 12: 档号: 'J1<U+200B>-0011' 含有不可见字符",
    "{where}:row 13: 题名: '待填写' 是模板中的占位文字",
]


@pytest.mark.parametrize("suffix, where", [(".xlsx", "catalogue/records.xlsx:案卷目录"), (".csv", "catalogue/records.csv")])
def test_every_bad_row_is_reported_with_its_sheet_row_and_column_in_one_run(tmp_path, suffix, where):
    config = _bad_sheet(tmp_path, suffix)
    project, problems = read(config)
    reported = lines(errors(problems))
    expected = [line.format(where=where) for line in EXPECTED_BAD]
    assert len(reported) == len(expected), "\n".join(reported)
    for line, wanted in zip(reported, expected):
        assert line.startswith(wanted), f"{line}\n  does not start with\n{wanted}"
    assert "/etc/passwd" not in "".join(reported).replace("../../../etc/passwd.png", "")


def test_a_sheet_with_bad_rows_gets_no_site_and_check_and_build_say_every_row(tmp_path):
    config = _bad_sheet(tmp_path)
    for command in ("check", "build"):
        result = run_lantai(command, "-f", str(config), env={"LANTAI_SITE_URL": ""})
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        for line in EXPECTED_BAD:
            assert line.format(where="catalogue/records.xlsx:案卷目录") in output, line
        assert f"共 {len(EXPECTED_BAD)} 个错误" in output
    assert not (tmp_path / "site").exists()


def test_an_english_site_reports_rows_in_english_with_the_columns_as_written(tmp_path):
    config = make_project(tmp_path, "en")
    write_csv(tmp_path / "catalogue" / "records.csv", ("Identifier", "Title", "Date"),
              [("E-1", "Fine", "1937-08"), ("E-2", "Bad date", "August 1937")])
    _, problems = read(config)
    assert lines(errors(problems), "en") == [
        "catalogue/records.csv:row 3: Date: 'August 1937' is not a date in EDTF; write for example 1920, 1920-08, "
        "1956-01-29, 1956/1960, 1920~ (about) or 1920? (uncertain)"]


# -- files that cannot be a catalogue --------------------------------------------------------

def _only_error(tmp_path: Path) -> str:
    _, problems = read(tmp_path / "mkdocs.yml")
    reported = lines(errors(problems), "en")
    assert len(reported) == 1, reported
    return reported[0]


def test_an_oversized_file_is_refused_without_being_read(tmp_path):
    make_project(tmp_path, "en")
    with open(tmp_path / "catalogue" / "huge.xlsx", "wb") as handle:
        handle.truncate((catalogue.MAX_FILE_MB + 1) * 2**20)   # sparse: nothing is written
    started = time.monotonic()
    assert _only_error(tmp_path).startswith(
        f"catalogue/huge.xlsx: the file is {catalogue.MAX_FILE_MB + 1} MB, more than the {catalogue.MAX_FILE_MB} MB")
    assert time.monotonic() - started < 5


def test_a_zip_bomb_is_refused_from_the_sizes_it_declares(tmp_path):
    make_project(tmp_path, "en")
    source = write_xlsx(tmp_path / "good.xlsx", ("identifier", "title"), [("B-1", "One")])
    with zipfile.ZipFile(source) as good, zipfile.ZipFile(tmp_path / "catalogue" / "bomb.xlsx", "w",
                                                          zipfile.ZIP_DEFLATED) as bomb:
        for info in good.infolist():
            bomb.writestr(info, good.read(info.filename))
        bomb.writestr("xl/media/padding.bin", b"\0" * (20 * 2**20))   # 20 MB packed into about 20 KB
    started = time.monotonic()
    report = _only_error(tmp_path)
    assert report.startswith("catalogue/bomb.xlsx: the workbook says it unpacks to 20 MB"), report
    assert "xl/media/padding.bin packed" in report
    assert time.monotonic() - started < 5


def test_a_workbook_declaring_far_more_than_any_catalogue_is_refused(tmp_path, monkeypatch):
    make_project(tmp_path, "en")
    write_xlsx(tmp_path / "catalogue" / "records.xlsx", ("identifier", "title"), [("B-1", "One")] * 3)
    monkeypatch.setattr(catalogue, "MAX_UNPACKED_MB", 0)   # any workbook declares more than 0 MB
    assert "the workbook says it unpacks to 0 MB (more than 0 MB)" in _only_error(tmp_path)


@pytest.mark.parametrize("content, detail", [
    (b"identifier,title\nX-1,Not a workbook\n", "BadZipFile"),
    (b"PK\x03\x04" + b"\x00" * 200, "BadZipFile"),
    (b"", "BadZipFile"),
])
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, content, detail):
    make_project(tmp_path, "en")
    (tmp_path / "catalogue" / "records.xlsx").write_bytes(content)
    report = _only_error(tmp_path)
    assert report.startswith("catalogue/records.xlsx: the file is not an Excel workbook (.xlsx) that can be read")
    assert detail in report


def test_a_zip_that_is_no_workbook_and_a_workbook_renamed_to_csv_are_refused(tmp_path):
    make_project(tmp_path, "en")
    with zipfile.ZipFile(tmp_path / "catalogue" / "records.xlsx", "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "the file is not an Excel workbook (.xlsx)" in _only_error(tmp_path)
    (tmp_path / "catalogue" / "records.xlsx").unlink()
    write_xlsx(tmp_path / "catalogue" / "records.csv", ("identifier", "title"), [("X", "Y")])
    assert _only_error(tmp_path).startswith("catalogue/records.csv: the file holds bytes that no CSV file has")
    (tmp_path / "catalogue" / "records.csv").unlink()
    (tmp_path / "catalogue" / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert "Old .xls files must be saved as .xlsx" in _only_error(tmp_path)


def test_an_empty_sheet_and_a_header_with_empty_or_repeated_names_are_refused(tmp_path):
    make_project(tmp_path, "en")
    folder = tmp_path / "catalogue"
    write_xlsx(folder / "a.xlsx", ("identifier", "title"), [("A-1", "One")], more={"Empty": ((), [])})
    write_csv(folder / "b.csv", ("identifier", "title", "Title"), [("B-1", "One", "Two")])
    write_csv(folder / "c.csv", ("identifier", "title", "", "notes"), [("C-1", "One", "orphan", "n")])
    (folder / "d.csv").write_bytes(b"")
    _, problems = read(tmp_path / "mkdocs.yml")
    assert lines(errors(problems), "en") == [
        "catalogue/a.xlsx:Empty: the sheet is empty; its first row names the columns (identifier, title …) and "
        "each row below is one item. Fill it in, or delete it",
        "catalogue/b.csv:row 1: Title: two columns are named 'Title' (columns 2 and 3); rename one of them",
        "catalogue/c.csv:row 1: column 3 has no name in the first row, but holds values; name it (the first row "
        "names every column), or delete the column",
        "catalogue/d.csv: the file is empty; its first row names the columns (identifier, title …) and each row "
        "below is one item. Fill it in, or delete it",
    ]


def test_a_sheet_without_a_code_or_title_column_says_which_names_it_understands(tmp_path):
    make_project(tmp_path)
    write_csv(tmp_path / "catalogue" / "records.csv", ("编号", "名称"), [("A", "B")])
    _, problems = read(tmp_path / "mkdocs.yml")
    assert [line.split("；")[0] for line in lines(errors(problems))] == [
        "catalogue/records.csv:row 1: 没有给出条目 code 的列",
        "catalogue/records.csv:row 1: 没有给出条目 title 的列",
    ]
    assert "档号 / identifier" in lines(errors(problems))[0]


def test_too_many_rows_are_refused_and_reading_stops(tmp_path, monkeypatch):
    make_project(tmp_path, "en")
    write_csv(tmp_path / "catalogue" / "records.csv", ("identifier", "title"), [(f"R-{n}", "x") for n in range(30)])
    monkeypatch.setattr(catalogue, "MAX_ROWS", 10)
    project, problems = read(tmp_path / "mkdocs.yml")
    assert lines(errors(problems), "en") == [
        "catalogue/records.csv:row 11: the file holds more than 10 rows; split it into several files in catalogue/"]


def test_a_broken_csv_quote_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    make_project(tmp_path, "en")
    monkeypatch.setattr(csv, "field_size_limit", csv.field_size_limit)
    csv.field_size_limit(50)
    try:
        (tmp_path / "catalogue" / "records.csv").write_text(
            'identifier,title\nQ-1,"' + "x" * 100 + '"\n', encoding="utf-8")
        report = _only_error(tmp_path)
    finally:
        csv.field_size_limit(131072)
    assert report.startswith("catalogue/records.csv: the file cannot be read as CSV (row 2: field larger")


def test_hidden_sheets_lock_files_and_other_files_in_the_folder_are_not_read(tmp_path):
    make_project(tmp_path, "en")
    folder = tmp_path / "catalogue"
    book = openpyxl.Workbook()
    book.active.append(["identifier", "title"])
    book.active.append(["V-1", "Visible"])
    hidden = book.create_sheet("Internal")
    hidden.append(["identifier", "title"])
    hidden.append(["H-1", "Kept to the archive"])
    hidden.sheet_state = "hidden"
    book.save(folder / "records.xlsx")
    (folder / "~$records.xlsx").write_bytes(b"lock")
    (folder / "README.md").write_text("notes", encoding="utf-8")
    (folder / "_old.csv").write_text("nonsense", encoding="utf-8")
    project, problems = read(tmp_path / "mkdocs.yml")
    assert errors(problems) == [] and set(project.items) == {"V-1"}


# -- held back -------------------------------------------------------------------------------

HELD = {   # code -> title of rows that must appear nowhere
    "J9-WS·1950-Y-0002": "不开放的会议记录甲",
    "J9-WS·1950-Y-0003": "控制使用的来往函件乙",
    "J9-WS·1950-Y-0004": "标有密级的请示报告丙",
    "J9-WS·1950-D10-0005": "短期保管的值班记录丁",   # by the configured rule
}
OPEN_ROW = ("J9-WS·1950-Y-0001", "公开的工作报告", "某县人民委员会", "19500301", "开放", "", "永久", "scans/page.png")


@pytest.fixture(scope="module")
def held_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("held") / "project"
    config = make_project(root, options="      catalogue_restricted: {保管期限: [10年]}\n"
                                        "      contact_email: archive@example.org\n",
                          story_body="正文。\n\n[[J9-WS·1950-Y-0001]]\n", site_url="https://archive.example.org/")
    (root / "catalogue" / "scans").mkdir()
    from PIL import Image
    Image.new("RGB", (40, 30), "white").save(root / "catalogue" / "scans" / "page.png")
    Image.new("RGB", (40, 30), "black").save(root / "catalogue" / "scans" / "secret.png")
    header = ("档号", "题名", "责任者", "日期", "开放标识", "密级", "保管期限", "文件")
    write_xlsx(root / "catalogue" / "records.xlsx", header, [
        OPEN_ROW,
        ("J9-WS·1950-Y-0002", HELD["J9-WS·1950-Y-0002"], "某县人民委员会", "19500302", "不开放", "", "永久", "scans/secret.png"),
        ("J9-WS·1950-Y-0003", HELD["J9-WS·1950-Y-0003"], "某县人民委员会", "19500303", "控制", "", "永久", ""),
        ("J9-WS·1950-Y-0004", HELD["J9-WS·1950-Y-0004"], "某县人民委员会", "19500304", "开放", "秘密", "永久", ""),
        ("J9-WS·1950-D10-0005", HELD["J9-WS·1950-D10-0005"], "某县人民委员会", "19500305", "", "", "10年", ""),
    ])
    check = run_lantai("check", "-f", str(config))
    site = build_site(config, root.parent / "site")
    return root, site, check.stdout + check.stderr


def _every_file_text(site: Path):
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter") or data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield path, data


def test_held_back_rows_are_in_no_file_of_the_built_site(held_site):
    root, site, _ = held_site
    fragments = list((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments, "the search index has fragments to search"
    searched = list(_every_file_text(site))
    assert len(searched) > 30
    forbidden = [*HELD, *HELD.values(), "j9-ws-1950-y-0002", "j9-ws-1950-y-0003", "j9-ws-1950-y-0004",
                 "j9-ws-1950-d10-0005", "J9WS1950Y0002", "secret.png"]
    for path, data in searched:
        for text in forbidden:
            assert text.encode("utf-8") not in data, f"{text} in {path.relative_to(site)}"
    # The open row is everywhere it should be: its page, the catalogue, open data, the search index.
    page = (site / "items" / "j9-ws-1950-y-0001" / "index.html").read_text(encoding="utf-8")
    # Its scan, kept beside the sheet, is published under assets/catalogue/ and shown on its page.
    assert (site / "assets" / "catalogue" / "scans" / "page.png").is_file()
    assert "assets/catalogue/scans/page.png" in page
    items = json.loads((site / "data" / "items.json").read_text(encoding="utf-8"))
    assert [i["code"] for i in items] == ["J9-WS·1950-Y-0001"]
    assert any("公开的工作报告".encode() in data for path, data in searched if path.suffix == ".pf_fragment")
    assert "items/j9-ws-1950-y-0001/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    harvested = (site / "data" / "oai-pmh.xml").read_text(encoding="utf-8")
    assert harvested.count("<oai:record>") == 1 and "J9-WS·1950-Y-0001" in harvested
    # A row of no brand is related to no brand page (nor to the site's home as one).
    assert "<dc:relation>https://archive.example.org/</dc:relation>" not in harvested
    assert not (site / "items" / "j9-ws-1950-y-0002").exists()


def test_check_says_how_many_rows_were_held_back_without_failing(held_site):
    _, _, output = held_site
    assert "catalogue/records.xlsx:Sheet1: 5 行中有 4 行不予公开（保管期限: 10年 ×1, 密级 ×1, 开放标识: 不开放 ×1, " \
           "开放标识: 控制 ×1）" in output
    assert "另有 4 条不予公开" in output
    for title in HELD.values():
        assert title not in output


def test_a_story_placing_a_held_back_row_is_told_its_code_and_row_not_its_title(tmp_path):
    config = make_project(tmp_path, story_body="正文。\n\n[[R-2]]\n")
    write_csv(tmp_path / "catalogue" / "records.csv", ("档号", "题名", "密级"),
              [("R-1", "公开件", ""), ("R-2", "机密的题名", "机密")])
    _, problems = read(config)
    reported = lines(errors(problems))
    assert reported == ["content/archive/story.md:8: '[[R-2]]' 是不予公开的目录条目（catalogue/records.csv:row 3），"
                        "不会发布，因此不能在此展示：请删去此处，或先在目录中将其开放"]
    assert "机密的题名" not in format_report(problems, "zh")


def test_english_open_no_and_a_classification_hold_rows_back(tmp_path):
    config = make_project(tmp_path, "en")
    write_csv(tmp_path / "catalogue" / "records.csv", ("identifier", "title", "open", "classification"), [
        ("E-1", "Open", "yes", ""), ("E-2", "Closed", "No", ""), ("E-3", "Classified", "", "confidential"),
        ("E-4", "Open by default", "", ""), ("E-5", "False", "FALSE", "")])
    project, problems = read(config)
    assert errors(problems) == []
    assert set(project.items) == {"E-1", "E-4"} and set(project.held_back) == {"E-2", "E-3", "E-5"}
    assert "Closed" not in repr(project) and "Classified" not in repr(project)


# -- a sheet on the site -----------------------------------------------------------------------

def test_a_2000_row_workbook_builds_with_a_page_for_every_row(tmp_path):
    config = make_project(tmp_path, "en")
    rows = [(f"J001-WS·{1950 + n % 40}-Y-BGS-{n:04d}", f"Record number {n}", "Town office",
             f"{1950 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}", "Town Archive", "letter", f"{n % 9 + 1} pages")
            for n in range(1, 2001)]
    write_xlsx(tmp_path / "catalogue" / "records.xlsx",
               ("identifier", "title", "creator", "date", "holder", "type", "extent"), rows)
    started = time.monotonic()
    site = build_site(config, tmp_path / "site")
    print(f"2,000-row workbook built in {time.monotonic() - started:.1f} s")
    items = json.loads((site / "data" / "items.json").read_text(encoding="utf-8"))
    assert len(items) == 2000
    for code, title, *_ in rows:
        page = site / "items" / code.lower().replace("·", "-") / "index.html"
        assert page.is_file(), code
    sample = (site / "items" / "j001-ws-1987-y-bgs-0037" / "index.html").read_text(encoding="utf-8")
    assert "J001-WS·1987-Y-BGS-0037" in sample and "Record number 37" in sample
    assert "<th scope=\"row\">extent</th><td>2 pages</td>" in sample
    by_code = {i["code"]: i for i in items}
    assert by_code["J001-WS·1987-Y-BGS-0037"]["extra"] == [{"name": "extent", "value": "2 pages"}]
    table = list(csv.DictReader(io.StringIO((site / "data" / "items.csv").read_text(encoding="utf-8"))))
    assert table[0]["extent"] and len(table) == 2000
    schema = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in schema["resources"] if r["name"] == "items-table")["schema"]["fields"]
    assert [f["name"] for f in fields][-1] == "extent"


def test_fifty_thousand_rows_read_in_seconds(tmp_path):
    config = make_project(tmp_path, "en")
    rows = [(f"K-{n:06d}", f"Record {n}", "Office", f"19{n % 100:02d}0{1 + n % 9}15", "Archive", "letter", "yes",
             f"{n % 50} pages", "permanent") for n in range(50_000)]
    write_xlsx(tmp_path / "catalogue" / "big.xlsx",
               ("identifier", "title", "creator", "date", "holder", "type", "open", "extent", "retention"), rows)
    started = time.monotonic()
    project, problems = read(config)
    elapsed = time.monotonic() - started
    print(f"50,000 rows read and checked in {elapsed:.1f} s")
    assert errors(problems) == [] and len(project.catalogue) == 50_000
    assert elapsed < 60   # linear: 7 s here for 50,000 rows of 9 columns


# -- new catalogue -----------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh", "en"])
def test_new_catalogue_writes_a_sheet_that_passes_check_and_the_same_bytes_each_time(tmp_path, language):
    config = make_project(tmp_path, language)
    shutil.rmtree(tmp_path / "catalogue")
    result = run_lantai("new", "catalogue", "-f", str(config))
    assert result.returncode == 0, result.stderr
    sheet = tmp_path / "catalogue" / "records.xlsx"
    first = sheet.read_bytes()
    book = openpyxl.load_workbook(sheet, read_only=True)
    header = next(book.worksheets[0].iter_rows(values_only=True))
    assert header[:4] == (("档号", "题名", "责任者", "日期") if language == "zh" else
                          ("identifier", "title", "creator", "date"))
    book.close()
    check = run_lantai("check", "-f", str(config))
    assert check.returncode == 0, check.stdout + check.stderr
    assert ("2 个档案条目" if language == "zh" else "2 items") in check.stdout
    assert run_lantai("new", "catalogue", "-f", str(config)).returncode == 1   # never overwritten
    sheet.unlink()
    assert run_lantai("new", "catalogue", "-f", str(config)).returncode == 0
    assert sheet.read_bytes() == first


def test_the_sample_catalogue_is_what_its_script_writes():
    import subprocess
    import sys
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "make-sample-catalogue"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# -- serve --------------------------------------------------------------------------------------

def test_the_preview_reads_a_saved_catalogue_sheet_again(tmp_path):
    from lantai.engines.mkdocs import preview as preview_module
    from lantai.engines.mkdocs.commands import _load
    from lantai.engines.mkdocs.preview import Preview
    project = tmp_path / "harbour"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(CACHE_DIR))
    (project / "catalogue").mkdir()
    sheet = write_csv(project / "catalogue" / "records.csv", ("identifier", "title"), [("PV-1", "First title")])
    site = tmp_path / "site"
    site.mkdir()
    config_file = project / "mkdocs.yml"

    def load():
        config = _load(config_file, site_dir=str(site))
        config.site_url = "http://127.0.0.1:8000/"
        return config
    running = preview_module.CURRENT = Preview(config_file, site, load)
    try:
        running.catalogue = project / "catalogue"
        running.watched = [config_file, project / "brands", project / "content", running.catalogue]
        running.first()
        page = site / "items" / "pv-1" / "index.html"
        assert "First title" in page.read_text(encoding="utf-8") and not running.problems
        time.sleep(0.01)
        write_csv(sheet, ("identifier", "title"), [("PV-1", "Second title"), ("PV-2", "A new row")])
        running.rebuild()
        running.wait()
        assert "Second title" in page.read_text(encoding="utf-8")
        assert (site / "items" / "pv-2" / "index.html").is_file()
        write_csv(sheet, ("identifier", "title", "date"), [("PV-1", "Second title", "not a date")])
        running.rebuild()
        running.wait()
        assert any("catalogue/records.csv:row 2: date:" in line for line in running.problems), running.problems
        assert "Second title" in page.read_text(encoding="utf-8")   # the last good preview stays
    finally:
        preview_module.CURRENT = None
