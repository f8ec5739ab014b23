"""Cutting scans into IIIF tiles: libvips beside Pillow, and what a build of many scans costs.

In one run, on the same synthetic 6,000 × 8,000 scan (a JPEG of about 5 MB, text on a
textured page, as a scanned document is):

1. the cut by each engine of lantai/views/iiif.py (pyvips, then Pillow, alternating, best of
   --repeat), with the phases timed apart (decode, the levels, cropping and encoding the
   tiles), the number of files and their bytes; and libvips' own `dzsave(layout="iiif3")`
   for reference, with the number of the requests a IIIF client makes that its layout lacks
   (the `full/` sizes level 0 needs: why Lantai cuts its own);
2. a build of a project whose items hold --scans such scans (different pages each), cold
   (no build cache), then again with the cache the cold build left: seconds, the tiles' share
   of the output, and output bytes per source byte.

Run: .venv/bin/python bench/iiif.py [--scans 10] [--repeat 3]
Writes bench/results/iiif.md.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from lantai.views import iiif  # noqa: E402

WIDTH, HEIGHT = 6000, 8000


def make_scan(path: Path, seed: int) -> Path:
    """A page: paper texture, lines of dark marks like handwriting, a stamp; the same for a seed."""
    from PIL import Image, ImageDraw, ImageFilter
    rng = random.Random(seed)
    small = Image.new("L", (300, 400))
    small.putdata([rng.randrange(200, 256) for _ in range(300 * 400)])
    page = small.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    page = Image.merge("RGB", (page, page.point(lambda v: v - 8), page.point(lambda v: v - 30)))
    draw = ImageDraw.Draw(page)
    for line in range(420, HEIGHT - 400, 180):
        x = 400
        while x < WIDTH - 500:
            w = rng.randrange(40, 160)
            draw.rectangle((x, line, x + w, line + rng.randrange(60, 110)), fill=(40, 35, 30))
            x += w + rng.randrange(20, 60)
    draw.ellipse((WIDTH - 1400, HEIGHT - 1500, WIDTH - 500, HEIGHT - 600), outline=(180, 30, 30), width=40)
    page.save(path, quality=90)
    return path


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def phases_vips(source: str) -> dict[str, float]:
    """The pyvips cut, phase by phase (the same steps as iiif._cut_vips)."""
    import math

    import pyvips
    out = {}
    start = time.perf_counter()
    image = pyvips.Image.new_from_file(source, access="sequential").autorot()
    levels = {1: image.copy_memory()}
    out["decode"] = time.perf_counter() - start
    start = time.perf_counter()
    for s in iiif.scale_factors(WIDTH, HEIGHT)[1:]:
        above = levels[s // 2]
        w, h = math.ceil(WIDTH / s), math.ceil(HEIGHT / s)
        levels[s] = above.resize(w / above.width, vscale=h / above.height, kernel="linear").copy_memory()
    out["levels"] = time.perf_counter() - start
    start = time.perf_counter()
    for tile in iiif.tile_names(WIDTH, HEIGHT):
        left, top, w, h = tile.box
        levels[tile.scale].crop(left, top, w, h).jpegsave_buffer(Q=iiif.QUALITY, keep="none")
    out["crop and encode"] = time.perf_counter() - start
    return out


def phases_pillow(source: str) -> dict[str, float]:
    from PIL import Image
    out = {}
    start = time.perf_counter()
    with Image.open(source) as opened:
        opened.load()
        image = opened.convert("RGB")
    out["decode"] = time.perf_counter() - start
    start = time.perf_counter()
    levels = {1: image}
    for s in iiif.scale_factors(WIDTH, HEIGHT)[1:]:
        levels[s] = levels[s // 2].reduce(2)
    out["levels"] = time.perf_counter() - start
    start = time.perf_counter()
    for tile in iiif.tile_names(WIDTH, HEIGHT):
        left, top, w, h = tile.box
        buffer = io.BytesIO()
        levels[tile.scale].crop((left, top, left + w, top + h)).save(buffer, "JPEG", quality=iiif.QUALITY)
    out["crop and encode"] = time.perf_counter() - start
    return out


def dzsave_missing(source: str, folder: Path) -> tuple[float, int, int]:
    """libvips' own IIIF 3 layout: seconds, files, and how many client requests it lacks."""
    import pyvips
    from test_iiif import client_requests
    start = time.perf_counter()
    pyvips.Image.new_from_file(source).dzsave(str(folder / "vips"), layout="iiif3", tile_size=iiif.TILE)
    seconds = time.perf_counter() - start
    root = folder / "vips"
    files = {p.relative_to(root).as_posix() for p in root.rglob("*.jpg")}
    info = iiif.info(type("P", (), {"width": WIDTH, "height": HEIGHT})(), "x")
    missing = [name for name in client_requests(info) if name not in files]
    return seconds, len(files), len(missing)


def write_project(folder: Path, scans: int, source_dir: Path) -> Path:
    (folder / "brands").mkdir(parents=True)
    (folder / "content" / "scans" / "media").mkdir(parents=True)
    items = []
    for n in range(scans):
        name = f"page-{n:03d}.jpg"
        make_scan(folder / "content" / "scans" / "media" / name, seed=n)
        items.append(f"  - code: SCAN-{n:04d}\n    title: Scanned page {n + 1}\n    media: [{{file: media/{name}}}]\n")
    (folder / "mkdocs.yml").write_text(
        "site_name: Scans\nsite_url: https://scans.example.org/\ntheme:\n  name: material\n  language: en\n"
        "plugins:\n  - lantai:\n      categories:\n        - {id: pages, name: Pages}\n", encoding="utf-8")
    (folder / "brands" / "scans.yml").write_text(
        "name: Scans\narchives: [Bench Archive]\nregion: Bench\ncategory: pages\nsummary: Scanned pages.\n", encoding="utf-8")
    (folder / "content" / "scans" / "pages.md").write_text(
        "---\ntitle: The scanned pages\nsummary: Every page, scanned.\ndate: 1950\nitems:\n" + "".join(items) + "---\n\nEvery page, scanned.\n",
        encoding="utf-8")
    return folder / "mkdocs.yml"


def build(config: Path, site: Path, cache: bool) -> float:
    env = {**os.environ, "LANTAI_SITE_URL": ""}
    if not cache:
        env["LANTAI_CACHE"] = "off"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(config), "-d", str(site)],
                            env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = [f"# IIIF tiles: libvips beside Pillow ({datetime.date.today()})", "",
             f"Machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, load {os.getloadavg()[0]:.2f}; "
             f"{iiif.engine()}; `bench/iiif.py --scans {args.scans} --repeat {args.repeat}`.", ""]
    with tempfile.TemporaryDirectory(prefix="lantai-bench-iiif-") as scratch:
        folder = Path(scratch)
        source = str(make_scan(folder / "scan.jpg", seed=1))
        source_bytes = Path(source).stat().st_size
        best = {"pyvips": float("inf"), "pillow": float("inf")}
        produced = {}
        for round_ in range(args.repeat):
            for engine in (("pyvips", "pillow") if round_ % 2 == 0 else ("pillow", "pyvips")):
                patch = mock.patch.object(iiif, "engine", (lambda: "pillow") if engine == "pillow" else iiif.engine)
                with patch:
                    seconds, files = timed(iiif.tile_files, source, WIDTH, HEIGHT)
                best[engine] = min(best[engine], seconds)
                produced[engine] = (len(files), sum(map(len, files)))
        vips_phases, pillow_phases = phases_vips(source), phases_pillow(source)
        dz_seconds, dz_files, dz_missing = dzsave_missing(source, folder)
        lines += [f"## One {WIDTH:,} × {HEIGHT:,} scan ({source_bytes / 1e6:.1f} MB JPEG)", "",
                  "| cutter | seconds (best) | files | tile bytes | decode | levels | crop and encode |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for engine, phases in (("pyvips", vips_phases), ("pillow", pillow_phases)):
            files, size = produced[engine]
            lines.append(f"| {engine} | {best[engine]:.2f} | {files} | {size / 1e6:.1f} MB | "
                         + " | ".join(f"{phases[k]:.2f}" for k in ("decode", "levels", "crop and encode")) + " |")
        lines += [f"| libvips dzsave iiif3 (reference) | {dz_seconds:.2f} | {dz_files} | | | | |", "",
                  f"Pillow / pyvips: **{best['pillow'] / best['pyvips']:.1f}×**. "
                  f"libvips' own iiif3 layout lacks {dz_missing} of the files a level-0 client asks for "
                  "(the `full/w,h` sizes), which is why Lantai cuts its own names.", ""]
        print("\n".join(lines))

        config = write_project(folder / "project", args.scans, folder)
        site = folder / "site"
        cold = build(config, site, cache=False)
        build(config, folder / "warm-up", cache=True)       # fills the cache
        shutil.rmtree(folder / "warm-up")
        warm = build(config, site, cache=True)
        total, count = size_of(site)
        tiles, tile_count = size_of(site / "iiif" / "images")
        sources, _ = size_of(folder / "project" / "content" / "scans" / "media")
        build_lines = [f"## A build of {args.scans} such scans (one item each)", "",
                       "| build | seconds |", "| --- | ---: |",
                       f"| cold (no cache) | {cold:.1f} |", f"| with the cache | {warm:.1f} |", "",
                       f"Cold / cached: **{cold / warm:.1f}×**. Per scan, cold: {cold / args.scans:.2f} s "
                       f"on {len(os.sched_getaffinity(0))} worker processes.",
                       f"Output {total / 1e6:.0f} MB in {count:,} files, of which tiles {tiles / 1e6:.0f} MB in "
                       f"{tile_count:,} files: {tiles / sources:.2f} bytes of tiles per byte of scan.", ""]
        print("\n".join(build_lines))
        lines += build_lines
    out = REPO / "bench" / "results" / "iiif.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"written {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
