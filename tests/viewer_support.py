"""Test helpers for the deep-zoom viewer: a project with a large multi-page scan, whose
tiles the build cuts (lantai/views/iiif.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image, ImageDraw

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


def service(source: Path) -> str:
    """The folder of a scan's image service below the site (urls.iiif_image), found
    independently: the first 16 hex digits of the sha256 of its bytes."""
    return f"iiif/images/{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}"
