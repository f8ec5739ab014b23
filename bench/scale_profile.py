"""Where Lantai's build spends its time: a cProfile of the 1,000-story synthetic exhibition.

The project is bench/scale.py's (bench/synthetic.py, same seed). The build runs as an editor
runs it, in one process under cProfile:

    python -m cProfile -o PROF build.py build -q -f project/mkdocs.yml -d site

and the profile is read back with pstats: the cumulative time of the functions that make
each stage (named in the table), and the top 40 functions by cumulative and by own time.
cProfile's clock is wall time, and its overhead falls on Python calls, so stages made of
many small calls (Markdown, templating) weigh more here than in a plain build; Pagefind is a
separate program, timed as the wait for it.

Run: .venv/bin/python bench/scale_profile.py [--stories 1000] [--prof bench/out/scale-1000.prof]
Writes bench/results/scale-profile.md; the .prof stays under bench/out/ (not in git).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_exhibition  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
# One process, no cache: the profile sees every stage (renditions, share images and index
# copies are otherwise made by worker processes, and taken from the build cache).
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1", "LANTAI_WORKERS": "0",
       "LANTAI_CACHE": "off"}

# A function: (file path ending, function name), optionally only as called from another one.
PLUGIN = "lantai/engines/mkdocs/plugin.py"
BUILD = "mkdocs/commands/build.py"
IMAGE_SAVE = ("PIL/Image.py", "save")
JINJA_RENDER = ("jinja2/environment.py", "render")

# The stages: (depth, label, functions). Functions are summed; a 4-tuple counts the first
# function only as called from the second.
STAGES: list[tuple[int, str, list[tuple]]] = [
    (0, "MkDocs configuration loaded", [("lantai/engines/mkdocs/commands.py", "_load")]),
    (0, "MkDocs build()", [(BUILD, "build")]),
    (1, "Lantai on_config", [(PLUGIN, "on_config")]),
    (2, "reading the project (brands, stories, front matter)", [("lantai/reading/project.py", "read_project")]),
    (3, "EDTF dates parsed (edtf.parse_edtf, once per distinct value)", [("lantai/dates.py", "_parse")]),
    (2, "checks (references, images, published files, alt text, links)", [("lantai/checking/__init__.py", "check")]),
    (1, "Lantai on_files", [(PLUGIN, "on_files")]),
    (2, "pages planned (lantai.pages.plan)", [("lantai/pages/kinds.py", "plan")]),
    (2, "editors' files published (publish_editors_files)", [(PLUGIN, "publish_editors_files")]),
    (2, "site files (views.site_files)", [("lantai/views/__init__.py", "site_files")]),
    (3, "open data", [("lantai/exports.py", "export_files")]),
    (3, "image derivatives", [("lantai/views/media.py", "render_files")]),
    (4, "WebP / JPEG encode", [(*IMAGE_SAVE, "lantai/views/media.py", "render_files")]),
    (3, "share images", [("lantai/views/share.py", "share_image")]),
    (4, "PNG encode", [(*IMAGE_SAVE, "lantai/views/share.py", "share_image")]),
    (4, "gradient drawn line by line", [("PIL/ImageDraw.py", "line", "lantai/views/share.py", "share_image")]),
    (4, "text set (ImageDraw.text)", [("PIL/ImageDraw.py", "text", "lantai/views/share.py", "share_image")]),
    (1, "pages read and rendered (_populate_page)", [(BUILD, "_populate_page")]),
    (2, "Lantai renders each page once (lantai.pages.render)", [("lantai/pages/renderer.py", "render")]),
    (3, "Markdown rendering (editors' text)", [("lantai/pages/markdown.py", "render")]),
    (4, "md_in_html", [("markdown/extensions/md_in_html.py", "run")]),
    (3, "sanitising editors' HTML (nh3)", [("lantai/sanitise.py", "clean")]),
    (3, "Open Graph tags (views.head_tags)", [("lantai/views/head.py", "head_tags")]),
    (3, "search marks (simplified copies)", [("lantai/search/record.py", "simplified_passages")]),
    (1, "pages built (_build_page)", [(BUILD, "_build_page")]),
    (2, "MkDocs/Material templating (Jinja, pages)", [(*JINJA_RENDER, BUILD, "_build_page")]),
    (2, "writing pages (utils.write_file)", [("mkdocs/utils/__init__.py", "write_file", BUILD, "_build_page")]),
    (1, "theme templates (404, sitemap)", [(BUILD, "_build_theme_template")]),
    (1, "files copied (File.copy_file)", [("mkdocs/structure/files.py", "copy_file")]),
    (1, "Lantai on_post_build", [(PLUGIN, "on_post_build")]),
    (2, "search index preparation (character pairs, index_words)", [("lantai/search/chinese.py", "index_words")]),
    (2, "Pagefind (the program's run)", [("subprocess.py", "run", "lantai/search/index.py", "build_index")]),
    (2, "traditional → simplified table", [("lantai/search/chinese.py", "t2s_pairs")]),
    (2, "Pagefind filters made reproducible", [("lantai/search/index.py", "reproducible_filters")]),
    (0, "new site swapped in", [("lantai/publishing/output.py", "swap_in")]),
]
# Leaves worth ranking: what a rewrite would attack.
LEAVES = ["reading the project (brands, stories, front matter)",
          "checks (references, images, published files, alt text, links)", "pages planned (lantai.pages.plan)",
          "editors' files published (publish_editors_files)", "open data", "image derivatives", "share images",
          "Markdown rendering (editors' text)", "sanitising editors' HTML (nh3)", "Open Graph tags (views.head_tags)",
          "search marks (simplified copies)", "MkDocs/Material templating (Jinja, pages)",
          "writing pages (utils.write_file)", "files copied (File.copy_file)",
          "search index preparation (character pairs, index_words)", "Pagefind (the program's run)",
          "traditional → simplified table", "new site swapped in", "MkDocs configuration loaded"]


def keys_of(stats: pstats.Stats, path: str, name: str) -> list[tuple]:
    return [key for key in stats.stats if key[2] == name and key[0].replace(os.sep, "/").endswith(path)]


def seconds_of(stats: pstats.Stats, functions: list[tuple]) -> tuple[float, int]:
    """Cumulative seconds and calls of the functions (a 4-tuple: only as called from the second)."""
    total, calls = 0.0, 0
    for spec in functions:
        for key in keys_of(stats, spec[0], spec[1]):
            _, nc, _, ct, callers = stats.stats[key]
            if len(spec) == 2:
                total, calls = total + ct, calls + nc
                continue
            for caller in keys_of(stats, spec[2], spec[3]):
                if caller in callers:
                    total, calls = total + callers[caller][3], calls + callers[caller][0]
    return total, calls


def describe(functions: list[tuple]) -> str:
    names = []
    for spec in functions:
        name = f"`{spec[0].split('/')[-2] + '/' if '/' in spec[0] else ''}{spec[0].split('/')[-1]}:{spec[1]}`"
        names.append(name + (f" from `{spec[3]}`" if len(spec) == 4 else ""))
    return ", ".join(names)


def top(stats: pstats.Stats, order: str, count: int = 40) -> str:
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats(order).print_stats(count)
    text = out.getvalue()
    for prefix in (sysconfig.get_paths()["purelib"] + "/", sysconfig.get_paths()["stdlib"] + "/", str(REPO) + "/"):
        text = text.replace(prefix, "")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    return "\n".join(line.rstrip() for line in lines[start:] if line.strip())


def _per(seconds: float, count: int) -> str:
    return f"{seconds / count * 1000:.0f} ms" if count else "–"


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def report(prof: Path, stories: int, facts: str, wall: float, load: tuple[float, float], measured: str) -> str:
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    rows = ["| stage | functions (pstats cumulative) | seconds | share of total | calls |", "|---|---|---:|---:|---:|"]
    found = {}
    for depth, label, functions in STAGES:
        seconds, calls = seconds_of(stats, functions)
        found[label] = seconds
        indent = "&nbsp;&nbsp;&nbsp;&nbsp;" * depth + ("↳ " if depth else "")
        rows.append(f"| {indent}{label} | {describe(functions)} | {seconds:.1f} | {seconds / total:.1%} | {calls:,} |")
    parents = {label for depth, label, _ in STAGES if depth == 0}
    inside = sum(found[label] for label in parents)
    rows.append(f"| (the rest: interpreter start, imports, command line) | | {total - inside:.1f} | "
                f"{(total - inside) / total:.1%} | |")
    ranked = sorted(((found[label], label) for label in LEAVES), reverse=True)
    ranking = "\n".join(f"{n}. {label}: {seconds:.1f} s ({seconds / total:.0%})"
                        for n, (seconds, label) in enumerate(ranked[:8], 1))
    md_in_html, markdown = found["md_in_html"], found["Markdown rendering (editors' text)"]
    png, share = found["PNG encode"], found["share images"]
    _, pages = seconds_of(stats, [(BUILD, "_populate_page")])
    _, images = seconds_of(stats, [("lantai/views/share.py", "share_image")])
    edtf, dates = seconds_of(stats, [("lantai/dates.py", "_parse")])
    return f"""# Where Lantai's build spends its time ({stories:,} stories)

`.venv/bin/python bench/scale_profile.py`, measured {measured}: the {stories:,}-story synthetic
exhibition of `bench/scale.py` ({facts}) built in one process under
cProfile, `python -m cProfile -o … build.py build -q -f project/mkdocs.yml -d site`. Load
average {load[0]:.1f} before, {load[1]:.1f} after, on a shared 2-core machine. Seconds are wall time
under cProfile, whose overhead falls on Python calls (Markdown and templating weigh more here
than in a plain build; `scale.md` has unprofiled times), so read the shares. Pagefind is a
separate program: its row is the wait for it. The profile runs with `LANTAI_WORKERS=0` and
`LANTAI_CACHE=off`, so every stage is in the one profiled process: in a real build the share
images and image renditions are made by worker processes while the pages render (and taken from
the build cache when their inputs are unchanged), and the index copies are made by them too.

Profiled build: **{total:.1f} s** (the command's wall time with the profiler: {wall:.1f} s).

## The largest costs

{ranking}

- Markdown rendering: {markdown:.1f} s for {pages:,} pages ({_per(markdown, pages)} a page), of which
  md_in_html {md_in_html:.1f} s ({_share(md_in_html, markdown)}).
- Share images: {share:.1f} s for {images:,} images ({_per(share, images)} each), of which PNG encoding
  {png:.1f} s ({_share(png, share)}).
- EDTF dates: {edtf:.1f} s for {dates:,} distinct values ({_per(edtf, dates)} a parse; cached by value).

## By stage

Stages nest (↳); a parent's seconds include its children's.

{chr(10).join(rows)}

## Top 40 by cumulative time

```
{top(stats, "cumulative")}
```

## Top 40 by own time (tottime)

```
{top(stats, "tottime")}
```
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--prof", type=Path, help="where the profile goes (default bench/out/scale-<stories>.prof)")
    parser.add_argument("--report-only", action="store_true", help="read an existing --prof again, build nothing")
    parser.add_argument("--out", type=Path, default=RESULTS / "scale-profile.md")
    args = parser.parse_args()
    prof = args.prof or REPO / "bench" / "out" / f"scale-{args.stories}.prof"
    about = prof.with_suffix(".json")   # what the report says of the run: kept beside the profile
    prof.parent.mkdir(parents=True, exist_ok=True)
    if not args.report_only:
        tmp = Path(tempfile.mkdtemp(prefix="lantai-profile-"))
        try:
            exhibition = write_exhibition(tmp / "project", args.stories)
            facts = f"{len(exhibition.brands)} brands, {exhibition.items:,} items, {exhibition.images} photographs"
            load_before = os.getloadavg()[0]
            command = [sys.executable, "-m", "cProfile", "-o", str(prof), str(REPO / "build.py"), "build", "-q",
                       "-f", str(exhibition.config), "-d", str(tmp / "site")]
            print(f"profiling the build of {args.stories} stories ({facts}) …", flush=True)
            started = time.perf_counter()
            result = subprocess.run(command, env=ENV, cwd=REPO, capture_output=True, text=True)
            wall = time.perf_counter() - started
            if result.returncode:
                raise SystemExit(f"build failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        about.write_text(json.dumps({"stories": args.stories, "facts": facts, "wall": wall,
                                     "load": [load_before, os.getloadavg()[0]],
                                     "measured": datetime.date.today().isoformat()}, ensure_ascii=False), encoding="utf-8")
    run = json.loads(about.read_text(encoding="utf-8"))
    text = report(prof, run["stories"], run["facts"], run["wall"], tuple(run["load"]), run["measured"])
    args.out.write_text(text, encoding="utf-8")
    print(text.split("## By stage")[0])
    print(f"written: {args.out}; profile: {prof}")


if __name__ == "__main__":
    main()
