"""Real holdings at size: fifty 6,000 × 8,000 scans build, and every item has its page,
its manifest and every tile a IIIF client asks for (issue 10's "done when").

The scans are made here (noise under lines of marks, a different page each), as JPEGs of the
size a flatbed scan of an A4 page at 600 dpi has.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema
import pytest
from PIL import Image, ImageDraw

from conftest import build_site
from test_iiif import SCHEMA, client_requests

SCANS = 50
WIDTH, HEIGHT = 6000, 8000


def make_scan(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    small = Image.new("L", (60, 80))
    small.putdata([rng.randrange(150, 256) for _ in range(60 * 80)])
    page = small.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR).convert("RGB")
    draw = ImageDraw.Draw(page)
    for line in range(400, HEIGHT - 400, 400):
        draw.rectangle((400, line, 400 + rng.randrange(1000, 5000), line + 80), fill=(30, 30, 30))
    page.save(path, quality=80)


@pytest.fixture(scope="module")
def scans_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scans")
    media = root / "content" / "letters" / "media"
    media.mkdir(parents=True)
    (root / "brands").mkdir()
    items = []
    for n in range(SCANS):
        make_scan(media / f"scan-{n:02d}.jpg", seed=n)
    # 25 items of two pages each, in the order the editor lists them
    for n in range(0, SCANS, 2):
        items.append(f"  - code: J001-WS·1956-Y-{n // 2 + 1:04d}\n    title: 书信第 {n // 2 + 1} 件\n"
                     f"    media: [{{file: media/scan-{n:02d}.jpg}}, {{file: media/scan-{n + 1:02d}.jpg}}]\n")
    (root / "mkdocs.yml").write_text(
        "site_name: 扫描件\nsite_url: https://scans.example.org/\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - lantai:\n      code_kind: reference\n      categories:\n        - {id: memory, name: 记忆}\n",
        encoding="utf-8")
    (root / "brands" / "letters.yml").write_text(
        "name: 书信\narchives: [测试档案馆]\nregion: 测试\ncategory: memory\nsummary: 五十页扫描件。\n", encoding="utf-8")
    (root / "content" / "letters" / "scans.md").write_text(
        "---\ntitle: 书信扫描件\nsummary: 二十五件书信，每件两页。\ndate: 1956\nitems:\n" + "".join(items)
        + "---\n\n二十五件书信的扫描件。\n", encoding="utf-8")
    return build_site(root / "mkdocs.yml", root / "site")


def test_every_scan_has_its_tiles_and_every_item_its_page_and_manifest(scans_site):
    site = "https://scans.example.org/"
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    infos = sorted((scans_site / "iiif" / "images").glob("*/info.json"))
    assert len(infos) == SCANS
    for info_path in infos:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        assert (info["width"], info["height"]) == (WIDTH, HEIGHT)
        missing = [name for name in client_requests(info) if not (info_path.parent / name).is_file()]
        assert missing == [], (info_path, missing[:5])
    manifests = sorted((scans_site / "iiif" / "items").glob("*/manifest.json"))
    assert len(manifests) == SCANS // 2
    for path in manifests:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == []
        assert len(document["items"]) == 2
        page = document["homepage"][0]["id"].removeprefix(site)
        assert (scans_site / page / "index.html").is_file()
        for canvas in document["items"]:
            service = canvas["items"][0]["items"][0]["body"]["service"][0]["id"].removeprefix(site)
            assert (scans_site / service / "info.json").is_file()
    collection = json.loads((scans_site / "iiif" / "collection.json").read_text(encoding="utf-8"))
    assert len(collection["items"]) == SCANS // 2
    # DA/T 13-2022 codes are kept exactly in the manifest, and give stable item addresses
    first = json.loads((scans_site / "iiif/items/j001-ws-1956-y-0001/manifest.json").read_text(encoding="utf-8"))
    assert first["metadata"][0] == {"label": {"zh": ["档号"]}, "value": {"zh": ["J001-WS·1956-Y-0001"]}}
