"""Real holdings at size (issue 10's "done when"): a project whose catalogue is a 2,000-row
workbook, fifty of whose rows' pages are 6,000 × 8,000 scans, builds; every open row has its
page, every row with scans its manifest and every tile a IIIF client asks for; restricted rows
(and the scans only they name) appear in no file of the site; the viewer zooms one of the
scans in Chromium, every tile from 127.0.0.1. (Bad rows refused with their sheet and row:
tests/test_catalogue.py.)

The scans are made here (noise under lines of marks, a different page each), as JPEGs of the
size a flatbed scan of an A4 page at 600 dpi has.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from PIL import Image, ImageDraw

from conftest import build_site, serve
from test_catalogue import _every_file_text
from test_iiif import SCHEMA, client_requests
from test_viewer_browser import TILE, Tiles, stage_centre

SCANS = 50
WIDTH, HEIGHT = 6000, 8000
ROWS = 2000
SITE = "https://scans.example.org/"


def make_scan(path: Path, seed: int, size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
    rng = random.Random(seed)
    small = Image.new("L", (60, 80))
    small.putdata([rng.randrange(150, 256) for _ in range(60 * 80)])
    page = small.resize(size, Image.Resampling.BILINEAR).convert("RGB")
    draw = ImageDraw.Draw(page)
    width, height = size
    step = height // 20
    for line in range(step, height - step, step):
        draw.rectangle((width // 15, line, width // 15 + rng.randrange(width // 6, width * 5 // 6), line + step // 5),
                       fill=(30, 30, 30))
    page.save(path, quality=80)


def code(n: int) -> str:
    return f"J001-WS·1956-Y-{n:04d}"   # DA/T 13-2022: '-' between levels, '·' within one


def slug(n: int) -> str:
    return code(n).lower().replace("·", "-")


# Rows held back, each for its own reason; two of them name scans of their own, which must not
# be published either.
HELD = {97: ("不开放", "", "held-97.jpg"), 194: ("控制", "", "held-194.jpg"), 291: ("", "机密", ""),
        1500: ("不开放", "", "")}
HELD_TITLE = "不予公开的第 {} 件"


def row(n: int) -> list:
    opened, secret, scan = HELD.get(n, ("开放", "", ""))
    if n in HELD:
        title, media = HELD_TITLE.format(n), f"scans/{scan}" if scan else ""
    else:
        title = f"书信第 {n} 件"
        # the first 25 rows are letters of two scanned pages each, in the order the row lists them
        media = f"scans/scan-{2 * n - 2:02d}.jpg;scans/scan-{2 * n - 1:02d}.jpg" if n <= SCANS // 2 else ""
    return [code(n), title, "某县人民委员会", f"1956{1 + n % 12:02d}{1 + n % 28:02d}", opened, secret,
            "永久", f"{1 + n % 9}", media]


@pytest.fixture(scope="module")
def holdings(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("holdings")
    scans = root / "catalogue" / "scans"
    scans.mkdir(parents=True)
    (root / "brands").mkdir()
    (root / "content" / "letters").mkdir(parents=True)
    for n in range(SCANS):
        make_scan(scans / f"scan-{n:02d}.jpg", seed=n)
    for opened, secret, scan in HELD.values():
        if scan:
            make_scan(scans / scan, seed=len(scan), size=(600, 800))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "案卷目录"
    sheet.append(["档号", "题名", "责任者", "日期", "开放标识", "密级", "保管期限", "页数", "文件"])
    for n in range(1, ROWS + 1):
        sheet.append(row(n))
    book.save(root / "catalogue" / "records.xlsx")
    (root / "mkdocs.yml").write_text(
        f"site_name: 扫描件\nsite_url: {SITE}\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - lantai:\n      code_kind: reference\n      catalogue_brand: letters\n"
        "      categories:\n        - {id: memory, name: 记忆}\n", encoding="utf-8")
    (root / "brands" / "letters.yml").write_text(
        "name: 书信\narchives: [测试档案馆]\nregion: 测试\ncategory: memory\nsummary: 两千条目录，五十页扫描件。\n",
        encoding="utf-8")
    # a story places catalogue rows by their codes, as it places items written in YAML
    (root / "content" / "letters" / "scans.md").write_text(
        f"---\ntitle: 书信扫描件\nsummary: 二十五件书信，每件两页。\ndate: 1956\n---\n\n第一件书信：\n\n[[{code(1)}]]\n\n"
        f"第二件：\n\n[[{code(2)}]]\n", encoding="utf-8")
    return root, build_site(root / "mkdocs.yml", root / "site")


def test_every_scan_has_its_tiles_and_every_row_its_page_and_manifest(holdings):
    _, site = holdings
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    items = json.loads((site / "data" / "items.json").read_text(encoding="utf-8"))
    assert len(items) == ROWS - len(HELD)
    for n in range(1, ROWS + 1):
        assert (site / "items" / slug(n) / "index.html").is_file() is (n not in HELD), n
    infos = sorted((site / "iiif" / "images").glob("*/info.json"))
    assert len(infos) == SCANS   # the held rows' scans are not cut
    for info_path in infos:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        assert (info["width"], info["height"]) == (WIDTH, HEIGHT)
        missing = [name for name in client_requests(info) if not (info_path.parent / name).is_file()]
        assert missing == [], (info_path, missing[:5])
    manifests = sorted((site / "iiif" / "items").glob("*/manifest.json"))
    assert {path.parent.name for path in manifests} == {slug(n) for n in range(1, SCANS // 2 + 1)}
    for path in manifests:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == []
        assert len(document["items"]) == 2
        page = document["homepage"][0]["id"].removeprefix(SITE)
        assert (site / page / "index.html").is_file()
        assert document["partOf"][0]["id"] == SITE + "iiif/brands/letters.json"
        for canvas in document["items"]:
            service = canvas["items"][0]["items"][0]["body"]["service"][0]["id"].removeprefix(SITE)
            assert (site / service / "info.json").is_file()
    for collection in ("iiif/collection.json", "iiif/brands/letters.json"):
        document = json.loads((site / collection).read_text(encoding="utf-8"))
        assert len(document["items"]) == SCANS // 2
        assert list(validator.iter_errors(document)) == []
    # DA/T 13-2022 codes are kept exactly in the manifest, and give stable item addresses
    first = json.loads((site / f"iiif/items/{slug(1)}/manifest.json").read_text(encoding="utf-8"))
    assert first["metadata"][0] == {"label": {"zh": ["档号"]}, "value": {"zh": [code(1)]}}
    assert [c["label"]["zh"][0] for c in first["items"]] == ["第 1 页", "第 2 页"]
    # the story shows the rows it places, and their cards open the viewer
    story = (site / "letters" / "scans" / "index.html").read_text(encoding="utf-8")
    assert code(1) in story and f"items/{slug(1)}/#viewer" in story


def test_restricted_rows_are_in_no_file_of_the_site(holdings):
    _, site = holdings
    forbidden = [text for n in HELD for text in (code(n), HELD_TITLE.format(n), slug(n), code(n).replace("·", ""))]
    forbidden += [scan for *_, scan in HELD.values() if scan]
    searched, open_found = 0, set()
    for path, data in _every_file_text(site):
        searched += 1
        if "书信第 96 件".encode("utf-8") in data:
            open_found.add(path.suffix)
        assert not any(scan in path.name for *_, scan in HELD.values() if scan), path
        for text in forbidden:
            assert text.encode("utf-8") not in data, f"{text} in {path.relative_to(site)}"
    assert searched > ROWS
    # the search can find: the open neighbour of a held row is on its page, in open data and
    # in the search index's (gzipped) fragments
    assert {".html", ".json", ".pf_fragment"} <= open_found


@pytest.mark.browser
def test_the_viewer_zooms_a_6000_by_8000_scan_loading_tiles_from_this_machine(visit, holdings):
    _, site = holdings
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    with serve(site) as url:
        tiles = Tiles(page)
        page.goto(url + f"items/{slug(3)}/")
        page.wait_for_selector("[data-lt-viewer-frame][data-lt-viewer-ready='1']", timeout=20000)
        first = tiles.new_after(lambda: None, set())
        assert first
        x, y = stage_centre(page)
        page.mouse.move(x, y)

        def wheel():
            for _ in range(4):
                page.mouse.wheel(0, -120)
                page.wait_for_timeout(80)
        zoomed = tiles.new_after(wheel)
        assert zoomed, "zooming loaded no finer tiles"

        def drag():
            page.mouse.move(x, y)
            page.mouse.down()
            page.mouse.move(x - 400, y - 300, steps=10)
            page.mouse.up()
        assert tiles.new_after(drag), "dragging loaded no tiles"
        # finer tiles: regions smaller than the whole scan, cut from the 6,000 × 8,000 page
        regions = {TILE.search(u).group(2) for u in zoomed} - {"full"}
        assert regions and all(int(r.split(",")[2]) < WIDTH for r in regions)
        tiles.all_local_and_loaded()
    assert visit.errors == [] and visit.outside_requests() == []
