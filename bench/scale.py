"""Lantai beside stock Material at scale: seconds, peak memory and output size, in one run.

For each size (1,000 and 5,000 stories; 20,000 with --large; or --sizes 200,1000) one
synthetic Chinese exhibition is written (bench/synthetic.py: brands, stories of about 1,500
characters with front matter, tags, people, places, items and photographs), and the same
stories' Markdown as a plain MkDocs + Material project (navigation from the folders with
`navigation.prune`, Material's own `search` plugin). Then, each in a fresh subprocess of
this venv's Python:

- Lantai: `build.py build -q -f project/mkdocs.yml -d site` (strict, full: pages, views,
  open data, image renditions, share images, the Pagefind index);
- Material: `mkdocs build -q -f material/mkdocs.yml -d site`.

Each build is measured for wall seconds, peak RSS of the largest process of the build (the
kernel's own figure, from wait4: the build's Python or a program it ran, such as Pagefind),
peak RSS of the whole process tree (the sum over the build and its children, sampled every
quarter second from /proc), and the output's bytes and file count. Sizes up to 1,000 are
built twice per engine (best time kept), larger ones once; the order of the engines
alternates between runs and sizes, so neither always runs on a warmer or quieter machine.
Every cold Lantai build starts without the build cache (`.lantai-cache/` is removed). With
--rebuild, Lantai also rebuilds into the same site after one story is edited, with the cache
the cold build left (renditions and share images are taken from it). The machine's load
average is recorded.

Run: .venv/bin/python bench/scale.py [--sizes 1000,5000] [--large] [--repeat N] [--rebuild]
Writes bench/results/scale.md and scale.json (sizes measured before are kept, with their date).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_exhibition, write_material_project  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.25

# The parts of each site worth seeing apart: (name, path prefix inside the site).
PARTS = {
    "lantai": [("share images", "assets/lantai/share/"), ("image renditions", "assets/lantai/media/"),
               ("search index", "pagefind/"), ("item pages", "items/"), ("open data", "data/")],
    "material": [("search index", "search/"), ("theme assets", "assets/")],
}


# -- one measured build -----------------------------------------------------------------------

@dataclass
class Run:
    engine: str
    seconds: float
    cpu_seconds: float           # user + system, of the build and every process it ran (wait4)
    max_rss: int                 # bytes: the largest single process of the build (kernel, wait4)
    tree_rss: int                # bytes: the process tree's sum at its sampled peak
    site_bytes: int = 0
    files: int = 0
    pages: int = 0               # .html files
    parts: dict[str, int] = field(default_factory=dict)
    kind: str = "cold"           # cold, or rebuild (after one edit, into the same site)
    timed_out: bool = False


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        todo += children.get(pid, [])
    return total


def measured(command: list[str], log: Path, timeout: float | None) -> tuple[float, float, int, int, int, bool]:
    """Run `command`; (seconds, CPU seconds, largest process's peak RSS, tree's peak RSS, exit status, timed out)."""
    peak = [0]
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=ENV, cwd=REPO,
                                start_new_session=True)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], tree_rss(proc.pid))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGTERM)) if timeout else None
        if timer:
            timer.start()
        # wait4 reports the child's peak RSS, and that of every descendant it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        timed_out = bool(timer) and not timer.is_alive() and proc.returncode < 0
        if timer:
            timer.cancel()
        done.set()
        sampler.join()
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss * 1024, peak[0], proc.returncode, timed_out


def measure_site(run: Run, site: Path) -> None:
    parts = dict.fromkeys([name for name, _ in PARTS[run.engine]] + ["HTML pages (other)", "everything else"], 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        run.site_bytes += size
        run.files += 1
        relative = path.relative_to(site).as_posix()
        run.pages += relative.endswith(".html")
        part = next((name for name, prefix in PARTS[run.engine] if relative.startswith(prefix)), None)
        part = part or ("HTML pages (other)" if relative.endswith(".html") else "everything else")
        parts[part] += size
    run.parts = parts


def build(engine: str, config: Path, site: Path, logs: Path, timeout: float | None, kind: str = "cold") -> Run:
    if kind == "cold":
        shutil.rmtree(site, ignore_errors=True)
        if engine == "lantai":   # cold: nothing kept from an earlier build
            shutil.rmtree(config.parent / ".lantai-cache", ignore_errors=True)
    if engine == "lantai":
        command = [sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(config), "-d", str(site)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    log = logs / f"{engine}-{kind}.log"
    seconds, cpu, max_rss, peak, status, timed_out = measured(command, log, timeout)
    run = Run(engine, seconds, cpu, max_rss, peak, kind=kind, timed_out=timed_out)
    if timed_out:
        print(f"  {engine} {kind}: stopped after {seconds:.0f} s (--timeout)", flush=True)
        return run
    if status:
        raise SystemExit(f"{engine} build failed ({status}):\n" + log.read_text(errors="replace")[-4000:])
    measure_site(run, site)
    print(f"  {engine:8} {kind:7} {seconds:8.1f} s  {cpu:8.1f} CPU s  {max_rss / 2**20:7.0f} MB max RSS  {peak / 2**20:7.0f} MB tree"
          f"  {run.site_bytes / 1e6:8.1f} MB  {run.files} files", flush=True)
    return run


def edit_one_story(project: Path) -> tuple[Path, str]:
    story = sorted((project / "content" / "brand-000").glob("story-*.md"))[0]
    text = story.read_text(encoding="utf-8")
    story.write_text(text.rstrip("\n") + "\n\n编辑在此补充了一句话。\n", encoding="utf-8")
    return story, text


# -- one size ---------------------------------------------------------------------------------

def measure_size(stories: int, repeats: int, first: int, rebuild: bool, timeout: float | None, keep: Path | None) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"lantai-scale-{stories}-", dir=keep))
    try:
        started = time.perf_counter()
        exhibition = write_exhibition(tmp / "project", stories)
        material = write_material_project(tmp / "material", exhibition)
        generated = time.perf_counter() - started
        print(f"{stories} stories: {len(exhibition.brands)} brands, {exhibition.items} items, {exhibition.images} photographs"
              f" (written in {generated:.0f} s)", flush=True)
        configs = {"lantai": exhibition.config, "material": material}
        load_before = os.getloadavg()
        runs: list[Run] = []
        order = ["lantai", "material"]
        for repeat in range(repeats):
            for engine in (order if (first + repeat) % 2 == 0 else order[::-1]):
                if not any(r.engine == engine and r.timed_out for r in runs):  # stopped once: not again
                    runs.append(build(engine, configs[engine], tmp / f"site-{engine}", tmp, timeout))
        if rebuild and not any(r.timed_out for r in runs):
            story, text = edit_one_story(tmp / "project")
            runs.append(build("lantai", exhibition.config, tmp / "site-lantai", tmp, timeout, kind="rebuild"))
            story.write_text(text, encoding="utf-8")
        load_after = os.getloadavg()
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"stories": stories, "brands": len(exhibition.brands), "items": exhibition.items,
            "photographs": exhibition.images, "repeats": repeats,
            "order": "lantai first" if first % 2 == 0 else "material first",
            "measured": datetime.date.today().isoformat(),
            "load_before": [round(x, 1) for x in load_before], "load_after": [round(x, 1) for x in load_after],
            "runs": [asdict(r) for r in runs]}


# -- report -----------------------------------------------------------------------------------

def best(row: dict, engine: str, kind: str = "cold") -> dict | None:
    runs = [r for r in row["runs"] if r["engine"] == engine and r["kind"] == kind]
    if not runs:
        return None
    done = [r for r in runs if not r["timed_out"]]
    if not done:
        return {**runs[0], "seconds_all": [r["seconds"] for r in runs]}
    chosen = min(done, key=lambda r: r["seconds"])
    return {**chosen, "seconds_all": [r["seconds"] for r in runs],
            "max_rss": max(r["max_rss"] for r in done), "tree_rss": max(r["tree_rss"] for r in done)}


def _mb(value: int) -> str:
    return f"{value / 2**20:,.0f}"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if a and b else "–"


def table(rows: list[dict]) -> str:
    lines = ["| stories | engine | pages (.html) | seconds (best; all runs) | CPU seconds | s per 1,000 stories | peak RSS, largest process (MB) "
             "| peak RSS, process tree (MB) | output (MB) | files |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        for engine in ("lantai", "material"):
            run = best(row, engine)
            if run is None:
                continue
            if run["timed_out"]:
                lines.append(f"| {row['stories']:,} | {engine} | – | stopped after {run['seconds']:.0f} | {run['cpu_seconds']:.0f} (so far) | – | "
                             f"{_mb(run['max_rss'])} (so far) | {_mb(run['tree_rss'])} (so far) | – | – |")
                continue
            every = "; ".join(f"{s:.1f}" for s in run["seconds_all"])
            lines.append(f"| {row['stories']:,} | {engine} | {run['pages']:,} | {run['seconds']:.1f} ({every}) "
                         f"| {run['cpu_seconds']:.1f} | {run['seconds'] / row['stories'] * 1000:.0f} | {_mb(run['max_rss'])} | {_mb(run['tree_rss'])} "
                         f"| {run['site_bytes'] / 1e6:,.1f} | {run['files']:,} |")
        lantai, material = best(row, "lantai"), best(row, "material")
        if lantai and material and not lantai["timed_out"]:
            lines.append(f"| {row['stories']:,} | **Lantai / Material** | {_ratio(lantai['pages'], material['pages'])} "
                         f"| **{_ratio(lantai['seconds'], material['seconds'])}** "
                         f"| {_ratio(lantai['cpu_seconds'], material['cpu_seconds'])} | | "
                         f"**{_ratio(lantai['max_rss'], material['max_rss'])}** | {_ratio(lantai['tree_rss'], material['tree_rss'])} "
                         f"| **{_ratio(lantai['site_bytes'], material['site_bytes'])}** "
                         f"| {_ratio(lantai['files'], material['files'])} |")
    return "\n".join(lines)


def rebuild_lines(rows: list[dict]) -> list[str]:
    out = []
    for row in rows:
        again, material = best(row, "lantai", "rebuild"), best(row, "material")
        if again and material and not again["timed_out"]:
            out.append(f"- {row['stories']:,} stories: Lantai rebuild after one edit {again['seconds']:.1f} s = "
                       f"{_ratio(again['seconds'], material['seconds'])} Material's cold build (target ≤ 1.0×).")
    return out


def parts_table(rows: list[dict]) -> str:
    lines = ["| stories | engine | part | MB | share of output |", "|---:|---|---|---:|---:|"]
    for row in rows:
        for engine in ("lantai", "material"):
            run = best(row, engine)
            if not run or run["timed_out"]:
                continue
            for name, size in run["parts"].items():
                if size:
                    lines.append(f"| {row['stories']:,} | {engine} | {name} | {size / 1e6:,.1f} | "
                                 f"{size / run['site_bytes']:.0%} |")
    return "\n".join(lines)


def growth_table(rows: list[dict]) -> str:
    """Per 1,000 stories, so that linear growth reads as a constant down the column."""
    lines = ["| stories | engine | CPU seconds | peak RSS, largest process (MB) | output (MB) | files |",
             "|---:|---|---:|---:|---:|---:|"]
    for engine in ("lantai", "material"):
        for row in rows:
            run = best(row, engine)
            if run and not run["timed_out"]:
                per = 1000 / row["stories"]
                lines.append(f"| {row['stories']:,} | {engine} | {run['cpu_seconds'] * per:.0f} | {run['max_rss'] * per / 2**20:,.0f} "
                             f"| {run['site_bytes'] * per / 1e6:,.1f} | {run['files'] * per:,.0f} |")
    return "\n".join(lines)


def target_lines(rows: list[dict]) -> list[str]:
    out = []
    for row in rows:
        lantai, material = best(row, "lantai"), best(row, "material")
        if row["stories"] != 5000 or not (lantai and material):
            continue
        if lantai["timed_out"]:
            out.append(f"- 5,000 stories: Lantai's cold build was stopped after {lantai['seconds']:.0f} s, already "
                       f"{_ratio(lantai['seconds'], material['seconds'])} Material's {material['seconds']:.0f} s "
                       f"(target ≤ 1.5×).")
        else:
            out.append(f"- 5,000 stories: Lantai's cold build takes {_ratio(lantai['seconds'], material['seconds'])} "
                       f"Material's time ({_ratio(lantai['cpu_seconds'], material['cpu_seconds'])} in CPU seconds); "
                       f"target ≤ 1.5×.")
    return out + rebuild_lines(rows)


HISTORY = "## Before and after"   # scale.md from here on is kept by write_results


def write_results(rows: list[dict], machine: dict) -> None:
    rows = sorted(rows, key=lambda r: r["stories"])
    (RESULTS / "scale.json").write_text(json.dumps({"machine": machine, "sizes": rows}, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    per_size = "\n".join(f"- {r['stories']:,} stories ({r['brands']} brands, {r['items']:,} items, {r['photographs']} "
                         f"photographs): measured {r['measured']}, {r['repeats']} run(s) per engine, {r['order']}, "
                         f"load average {r['load_before'][0]} before, {r['load_after'][0]} after." for r in rows)
    targets = target_lines(rows) or ["- (not measured at 5,000 stories yet)"]
    text = f"""# Scale: Lantai beside stock Material

Latest figures of `.venv/bin/python bench/scale.py` (raw numbers in `scale.json` beside this
file; where the time goes in Lantai's build: `scale-profile.md`). Measured on a shared, noisy
{machine['cpus']}-core machine ({machine['machine']}, Python {machine['python']},
MkDocs {machine['mkdocs']}, Material {machine['material']}), with other work running beside it:
wall seconds vary by half from run to run, CPU seconds by a few percent. Read the ratios, which
come from builds run one after the other in the same run.

## How it is measured

- **Content** (`bench/synthetic.py`, seeded): 50 stories per brand; each story about 1,500
  Chinese characters from fixed word lists (archive words, 3,000 personal names, Zhejiang's
  counties and towns), with title, summary, EDTF date, events, 2–5 tags, 1–4 people, 1–3
  places (those in Zhejiang with a map location; one story in ten also names a city
  elsewhere), a source, a related story and 1–3 archive items whose cards stand in the text;
  three 800×600 JPEG photographs per brand, shown by about 60% of the items and placed in the
  text of 30% of the stories.
- **Lantai**: `build.py build -q` of that project (strict; brand, story and item pages, views,
  open data, image renditions, share images, the Pagefind index).
- **Material**: the same stories' Markdown (front matter `title` only, item markers left out,
  the photographs copied beside them) and one page per brand with its description, as a plain
  MkDocs project: navigation from the folders with `navigation.prune`, Material's own `search`
  plugin ({machine['jieba']}), the Markdown extensions Lantai turns on (attr_list,
  md_in_html, tables, footnotes, admonition, toc); `mkdocs build -q`.
- **Figures**: wall seconds of the build; CPU seconds (user and system, of the build and every
  process it ran, from wait4); *peak RSS, largest process*: the kernel's peak resident size of
  the biggest single process of the build (wait4: the build's Python, or Pagefind);
  *process tree*: the largest sum of resident sizes of the build and its children, sampled
  every {SAMPLE_SECONDS} s (a short build can peak between samples); output: bytes and files of
  the built site. Sizes up to 1,000 stories are built twice per engine, the order of the
  engines alternating, best time kept (RSS: the larger of the runs); larger sizes once.

## Latest figures

{table(rows)}

{per_size}

## Against issue 9's targets

{chr(10).join(targets)}
- Cold: no build cache. Rebuild (`--rebuild`): one story edited, built into the same folder
  with the build cache of the cold build (lantai/build_cache.py): the pages the edit did not
  touch are taken from the last site (lantai/engines/mkdocs/reuse.py) and the search index's
  copies of the unchanged pages from the cache (lantai/search/copies.py); Pagefind indexes
  every page again (the preview, `serve`, renders only what an edit touched:
  `serve-latency.md`).

## Growth: per 1,000 stories

{growth_table(rows)}

## What the output is made of

{parts_table(rows)}
"""
    # The passes' before-and-after sections below the generated part are written by hand:
    # kept as they are.
    kept = ""
    if (RESULTS / "scale.md").is_file():
        previous = (RESULTS / "scale.md").read_text(encoding="utf-8")
        if (at := previous.find(HISTORY)) >= 0:
            kept = "\n" + previous[at:]
    (RESULTS / "scale.md").write_text(text + kept, encoding="utf-8")


def machine_info() -> dict:
    try:
        import jieba  # noqa: F401
        jieba_note = "jieba installed: Chinese split into words at build time"
    except ImportError:
        jieba_note = "jieba not installed, as in a stock set-up: Chinese is not split at build time"
    return {"cpus": os.cpu_count(), "machine": platform.machine(), "python": platform.python_version(),
            "mkdocs": metadata.version("mkdocs"), "material": metadata.version("mkdocs-material"), "jieba": jieba_note}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated story counts (default 1000,5000)")
    parser.add_argument("--large", action="store_true", help="add 20,000 stories")
    parser.add_argument("--repeat", type=int, help="builds per engine (default: 2 up to 1,000 stories, else 1)")
    parser.add_argument("--rebuild", action="store_true", help="also time a Lantai rebuild after one edit")
    parser.add_argument("--timeout", type=float, help="stop a build after this many seconds (reported as stopped)")
    parser.add_argument("--keep", type=Path, help="write the projects and sites under this folder and keep them")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/results/ alone")
    parser.add_argument("--report", action="store_true", help="rewrite scale.md from scale.json, build nothing")
    args = parser.parse_args()
    if args.report:
        saved = json.loads((RESULTS / "scale.json").read_text(encoding="utf-8"))
        write_results(saved["sizes"], saved["machine"])
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([20000] if args.large else [])
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    machine = machine_info()
    previous = {}
    if (RESULTS / "scale.json").is_file() and not args.no_write:
        previous = {row["stories"]: row for row in json.loads((RESULTS / "scale.json").read_text(encoding="utf-8"))["sizes"]}
    print(f"Lantai and Material side by side, one build at a time; {machine['cpus']} cores, "
          f"load average {os.getloadavg()[0]:.1f}; up to 1,000 stories best of 2, order alternating.", flush=True)
    for index, stories in enumerate(sizes):
        repeats = args.repeat or (2 if stories <= 1000 else 1)
        previous[stories] = measure_size(stories, repeats, index, args.rebuild, args.timeout, args.keep)
        if not args.no_write:
            write_results(list(previous.values()), machine)  # after each size: a long run keeps what it measured
    rows = sorted((previous[s] for s in sizes), key=lambda r: r["stories"])
    print()
    print(table(rows))
    for line in target_lines(rows):
        print(line)
    if not args.no_write:
        print(f"\nwritten: {RESULTS / 'scale.md'}, {RESULTS / 'scale.json'}")


if __name__ == "__main__":
    main()
