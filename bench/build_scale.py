"""How the build scales: time, output size and the size of one story page, at 100 and 5,000 stories.

Navigation stays small however large the exhibition grows (no page carries a list of every
story), so a story page weighs the same at 5,000 stories as at 100 and the build grows
linearly. Run: .venv/bin/python bench/build_scale.py [--sizes 100 5000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_project  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(stories: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        config = write_project(Path(tmp) / "project", stories)
        site = Path(tmp) / "site"
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(config), "-d", str(site)],
                                capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if result.returncode:
            raise SystemExit(f"build of {stories} stories failed:\n{result.stderr}")
        story_page = site / "brand-000" / "story-00000" / "index.html"
        pages = sum(1 for _ in site.rglob("index.html"))
        return {"stories": stories, "pages": pages, "seconds": seconds, "site_bytes": tree_size(site),
                "story_page_bytes": story_page.stat().st_size, "home_bytes": (site / "index.html").stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 5000])
    args = parser.parse_args()
    rows = [measure(n) for n in args.sizes]
    print(f"{'stories':>8} {'pages':>7} {'build s':>8} {'s/page':>7} {'site MB':>8} {'story page KB':>14} {'home KB':>8}")
    for row in rows:
        print(f"{row['stories']:>8} {row['pages']:>7} {row['seconds']:>8.1f} {row['seconds'] / row['pages']:>7.3f} "
              f"{row['site_bytes'] / 1e6:>8.1f} {row['story_page_bytes'] / 1024:>14.1f} {row['home_bytes'] / 1024:>8.1f}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"ratio {last['stories']}/{first['stories']} stories: build time x{last['seconds'] / first['seconds']:.1f}, "
              f"story page size x{last['story_page_bytes'] / first['story_page_bytes']:.2f} "
              f"(a page listing every story would grow with the exhibition)")


if __name__ == "__main__":
    main()
