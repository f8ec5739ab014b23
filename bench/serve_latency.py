"""From an editor's save to the reloaded page: Lantai's preview (`build.py serve`) at scale.

A synthetic exhibition (bench/synthetic.py, the one bench/scale.py builds; 5,000 stories by
default) is previewed with `build.py serve` on 127.0.0.1, and a story page is open in Debian's
Chromium (Playwright, `executable_path`), as an editor has it. Then, `--edits` times, one
sentence of that story is changed and saved, and the clock runs from the moment before the
file is written to the moment the page the browser shows holds the new sentence (the page
reloads itself through the live-reload script). The background update that follows each save
(brand page, views, indexes, search: lantai/engines/mkdocs/preview.py) is timed from the
terminal's "Preview updated in" line.

Run: .venv/bin/python bench/serve_latency.py [--stories 5000] [--edits 5]
Writes bench/results/serve-latency.md (with --no-write, prints only).
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import story_id_of, brand_id_of, write_exhibition  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "serve-latency.md"
CHROMIUM = os.environ.get("LANTAI_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="lantai-serve-latency-"))
    exhibition = write_exhibition(scratch / "project", args.stories)
    project = exhibition.config.parent
    story = project / "content" / brand_id_of(0) / f"{story_id_of(1)}.md"
    if not story.is_file():   # the first brand's second story, whatever its numbering
        story = sorted((project / "content" / brand_id_of(0)).glob("*.md"))[1]
    url_path = f"{story.parent.name}/{story.stem}/"
    port = free_port()
    lines: list[str] = []
    stamped: list[tuple[float, str]] = []   # each line of the terminal with the moment it came

    def read(stream) -> None:
        for line in iter(stream.readline, ""):
            stamped.append((time.monotonic(), line))
            lines.append(line)
    server = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "-f", str(exhibition.config),
                               "-a", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, cwd=REPO)
    reader = threading.Thread(target=read, args=(server.stdout,), daemon=True)
    reader.start()
    started = time.monotonic()
    print(f"{args.stories:,} stories written; serving (the first build is a full one) …", flush=True)
    try:
        while not any("Serving on" in line for line in lines):
            if server.poll() is not None:
                print("".join(lines))
                return 1
            time.sleep(0.5)
        first_build = time.monotonic() - started
        print(f"first build and server up in {first_build:.1f} s", flush=True)
        quick, background, rendered = [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{url_path}")
            text = story.read_text(encoding="utf-8")
            for edit in range(args.edits):
                token = f"第{edit + 1}次修改的句子ZX{edit}Q"
                seen = len(lines)
                t0 = time.monotonic()
                story.write_text(text + f"\n\n{token}。\n", encoding="utf-8")
                page.wait_for_function("token => document.body && document.body.innerText.includes(token)",
                                       arg=token, timeout=60_000, polling="raf")
                quick.append(time.monotonic() - t0)
                rendered.append(next((at - t0 for at, line in stamped[seen:] if "Preview of" in line), float("nan")))
                while not any("Preview updated in" in line for line in lines[seen:]):
                    time.sleep(0.05)
                    if time.monotonic() - t0 > 1800:
                        break
                updated = [float(m.group(1)) for line in lines[seen:] if (m := re.search(r"Preview updated in ([\d.]+) s", line))]
                background.append(updated[-1] if updated else float("nan"))
                print(f"  edit {edit + 1}: page reloaded with the new text after {quick[-1]:.3f} s "
                      f"(story rendered after {rendered[-1]:.3f} s); "
                      f"background update {background[-1]:.1f} s", flush=True)
                time.sleep(1.0)
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    load = os.getloadavg()[0]
    summary = (f"median {statistics.median(quick):.3f} s, slowest {max(quick):.3f} s over {len(quick)} saves "
               f"(target: under 1 s)")
    print(f"save → reloaded page at {args.stories:,} stories: {summary}")
    if not args.no_write:
        rows = "\n".join(f"| {n + 1} | {q:.3f} | {r:.3f} | {b:.1f} |"
                         for n, (q, r, b) in enumerate(zip(quick, rendered, background)))
        RESULTS.write_text(f"""# Preview latency: from a save to the reloaded page

Latest figures of `.venv/bin/python bench/serve_latency.py --stories {args.stories} --edits {args.edits}`,
measured {datetime.date.today().isoformat()} on a shared 2-core machine (load average {load:.1f} at the end).
The synthetic exhibition of bench/scale.py ({args.stories:,} stories) is previewed with `build.py serve`;
Chromium shows one story page; each save changes one sentence of it. *Reloaded page*: from the moment
before the file is written to the moment the page in the browser holds the new sentence (the file event,
Lantai's quick render of that story into the last build's frame, the live-reload signal, the browser's
reload). *Background update*: the dirty build that follows (brand and category pages, views, indexes,
search index), from the terminal's "Preview updated in" line; the page is already shown meanwhile.

First build and server up: {first_build:.1f} s (a full build; the build cache was cold).

**Save → reloaded page: {summary}.**

| save | save → reloaded page (s) | of which: save → story rendered (s) | background update (s) |
|---:|---:|---:|---:|
{rows}
""", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
