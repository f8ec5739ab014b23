"""Test helpers for the deep-zoom viewer: a project with a large multi-page scan.

TEMPORARY: `cut_tiles` writes a static IIIF Image API 3 level-0 tile set into a built site,
the files the build itself will write once main has its IIIF tiles (lantai/views/iiif.py):
`iiif/images/<digest[:16]>/info.json`, tiles `x,y,w,h/w,h/0/default.jpg` and sizes
`full/w,h/0/default.jpg`. Drop it, and build the tiles with the site, when they land.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from PIL import Image, ImageDraw

TILE = 512
CODE = "GL-0001"
SLUG = "gl-0001"
STORY = "harbour-letters/winter-1937/"
# (file, size): two large scans and a small portrait page; every page looks different, so
# each has its own digest and its own image service
PAGES = (("media/letter-1.jpg", (4000, 3000)), ("media/letter-2.jpg", (4000, 3000)),
         ("media/letter-3.jpg", (1200, 1600)))


def scan(size: tuple[int, int], page: int) -> Image.Image:
    """A page with detail at every scale: ruled lines, a grid of numbered squares, a seal."""
    width, height = size
    image = Image.new("RGB", size, (236, 226, 204))
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 40):
        draw.line([(0, y), (width, y)], fill=(190, 176, 150), width=2)
    for row in range(0, height, 250):
        for column in range(0, width, 250):
            shade = (row * 7 + column * 3 + page * 50) % 160
            draw.rectangle([column + 30, row + 30, column + 200, row + 200], outline=(60, 40, 30), width=4,
                           fill=(shade + 60, 120, 200 - shade))
            draw.text((column + 60, row + 100), f"{page}:{row // 250},{column // 250}", fill=(20, 10, 5))
    draw.ellipse([width - 700, height - 700, width - 200, height - 200], outline=(180, 40, 30), width=30)
    return image


def write_project(root: Path) -> Path:
    """A small English project: one item of three pages, placed in a story by its card."""
    (root / "brands").mkdir(parents=True)
    folder = root / "content" / "harbour-letters"
    (folder / "media").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Viewer Test\ntheme:\n  name: material\n  language: en\nplugins:\n  - lantai:\n"
        "      categories:\n        - {id: trade, name: Trade}\n", encoding="utf-8")
    (root / "brands" / "harbour-letters.yml").write_text(
        "name: Harbour Letters\narchives: [Gullhaven Town Archive]\nregion: Gullhaven\ncategory: trade\n"
        "summary: Letters written from the harbour.\n", encoding="utf-8")
    media = "".join(f"      - file: {file}\n        caption: Page {n} of the letter\n"
                    for n, (file, _) in enumerate(PAGES, 1))
    (folder / "winter-1937.md").write_text(
        "---\ntitle: A winter letter\nsummary: A letter of three pages about the frozen harbour.\n"
        f"items:\n  - code: {CODE}\n    title: Letter about the frozen harbour\n    type: letter\n"
        f"    date: 1937-01\n    media:\n{media}---\n\nThe harbour froze in January.\n\n[[{CODE}]]\n",
        encoding="utf-8")
    for n, (file, size) in enumerate(PAGES, 1):
        scan(size, n).save(folder / file, "JPEG", quality=80)
    return root / "mkdocs.yml"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cut_tiles(site: Path, source: Path) -> str:
    """A level-0 tile set for `source` in `site`; returns its folder below the site."""
    folder = f"iiif/images/{digest(source)[:16]}"
    out = site / folder
    with Image.open(source) as opened:
        image = opened.convert("RGB")
    width, height = image.size
    factors = [2 ** n for n in range(int(math.log2(max(width, height) / TILE)) + 2)]
    sizes = []
    for factor in factors:
        region = TILE * factor
        for y in range(0, height, region):
            for x in range(0, width, region):
                w, h = min(region, width - x), min(region, height - y)
                size = (math.ceil(w / factor), math.ceil(h / factor))
                _save(image.crop((x, y, x + w, y + h)).resize(size), out / f"{x},{y},{w},{h}" / f"{size[0]},{size[1]}")
        level = (math.ceil(width / factor), math.ceil(height / factor))
        _save(image.resize(level), out / "full" / f"{level[0]},{level[1]}")
        sizes.append({"width": level[0], "height": level[1]})
    info = {"@context": "http://iiif.io/api/image/3/context.json",
            "id": f"https://placeholder.invalid/{folder}", "type": "ImageService3",
            "protocol": "http://iiif.io/api/image", "profile": "level0", "width": width, "height": height,
            "sizes": sorted(sizes, key=lambda s: s["width"]),
            "tiles": [{"width": TILE, "height": TILE, "scaleFactors": factors}]}
    (out / "info.json").write_text(json.dumps(info), encoding="utf-8")
    return folder


def _save(image: Image.Image, folder: Path) -> None:
    target = folder / "0"
    target.mkdir(parents=True, exist_ok=True)
    image.save(target / "default.jpg", "JPEG", quality=75)
