"""Weight of the paged views at scale: the catalogue, the indexes and the timeline of a
synthetic exhibition (bench/synthetic.py) rendered as lantai/pages renders them.

Writes an exhibition of STORIES stories (about two archive items each: 25,000 stories give
some 50,000 items), plans its pages and renders every page of each paged view, reporting
the number of pages and the largest article in KB. The page frame (Material's header,
navigation and footer) adds about 30 KB to each. Sizes are lantai/views/paging.py's.

Run: .venv/bin/python bench/view_pages.py [--stories 25000] [--folder /tmp/lantai-views]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from lantai.drafts import published  # noqa: E402
from lantai.pages import Renderer, plan, render  # noqa: E402
from lantai.pages.markdown import MarkdownRenderer, site_resolver  # noqa: E402
from lantai.reading.project import read_project  # noqa: E402
from lantai.reading.settings import make_settings  # noqa: E402
from lantai.views.catalogue import part_files  # noqa: E402
sys.path.insert(0, str(REPO / "bench"))
from synthetic import write_exhibition  # noqa: E402

PAGED = ("catalogue", "timeline", "tags", "people", "places")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=25000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/lantai-views"))
    args = parser.parse_args()
    started = time.perf_counter()
    if not (args.folder / "mkdocs.yml").exists():
        write_exhibition(args.folder, args.stories, per_brand=50)
    settings = make_settings("档案里的浙江 · 合成展览", "zh", {"subtitle": "合成档案展览", "code_kind": "exhibition"})
    project, _ = read_project(args.folder, settings, args.folder / "content")
    project = published(project)
    pages = [page for page in plan(project) if page.kind in PAGED]
    renderer = Renderer(project, MarkdownRenderer(site_resolver(project, pages), {}))
    sizes: dict[str, list[int]] = defaultdict(list)
    for page in pages:
        sizes[page.kind].append(len(render(renderer, page).html.encode("utf-8")))
    parts = [len(data) for data in part_files(project).values()]
    print(f"{len(project.items)} items, {len(project.stories)} stories ({time.perf_counter() - started:.0f} s)")
    print("| view | pages | largest article | first page |")
    print("| --- | ---: | ---: | ---: |")
    for kind in PAGED:
        found = sizes[kind]
        print(f"| {kind} | {len(found)} | {max(found) / 1024:.0f} KB | {found[0] / 1024:.0f} KB |")
    if parts:
        print(f"| catalogue data parts | {len(parts)} | {max(parts) / 1024:.0f} KB | {parts[0] / 1024:.0f} KB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
