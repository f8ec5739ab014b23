"""Page weight on a first visit: bytes and requests for the home page and a story page of
the bundled exhibition, measured in Chromium against the local server.

The exhibition is built as CI publishes it (site address set, served under /exhibit/ like a
GitHub Pages project site) and each page is opened in a fresh browser profile, so nothing
comes from a cache. Every response is counted: its headers and body as the local server
sent them (uncompressed), and the body gzip-compressed as GitHub Pages sends text. Fonts
are counted apart. Targets: under 400 KB and 25 requests before fonts.

Run: .venv/bin/python bench/page_weight.py [--story brand/story/] [--out bench/results/page-weight.md]
Exits 1 when a page misses a target.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (the test suite's server and browser)

SITE_URL = "https://archive.github.io/exhibit/"
PREFIX = "/exhibit/"
TARGET_BYTES = 400 * 1024
TARGET_REQUESTS = 25
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@dataclass
class Weight:
    page: str
    requests: int = 0
    raw: int = 0            # headers + bodies, as the local server sent them
    compressed: int = 0     # headers + bodies, text gzip-compressed as GitHub Pages sends it
    font_requests: int = 0
    font_bytes: int = 0
    by_type: dict = field(default_factory=dict)

    def within_targets(self) -> bool:
        return self.compressed < TARGET_BYTES and self.requests < TARGET_REQUESTS


def measure(browser, url: str, label: str) -> Weight:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    weight = Weight(label)
    for request in responses:
        response = request.response()
        if response is None:
            continue
        sizes = request.sizes()
        body = response.body() if response.status < 300 else b""
        headers = sizes["responseHeadersSize"]
        content_type = response.headers.get("content-type", "")
        squeezed = len(gzip.compress(body, 6)) if content_type.startswith(COMPRESSED_TYPES) else len(body)
        if request.url.split("?")[0].endswith(FONT_SUFFIXES) or request.resource_type == "font":
            weight.font_requests += 1
            weight.font_bytes += headers + len(body)
            continue
        weight.requests += 1
        weight.raw += headers + len(body)
        weight.compressed += headers + min(squeezed, len(body))
        kind = request.resource_type
        count, size = weight.by_type.get(kind, (0, 0))
        weight.by_type[kind] = (count + 1, size + min(squeezed, len(body)))
    context.close()
    return weight


def build(site: Path) -> None:
    env = {**os.environ, "LANTAI_SITE_URL": SITE_URL}
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(REPO / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, env=env)
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def report(weights: list[Weight]) -> str:
    lines = ["| page | requests (before fonts) | transferred, gzip as on Pages | transferred, uncompressed | fonts | by type (gzip) |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for w in weights:
        types = ", ".join(f"{kind} {count} / {kb(size)}" for kind, (count, size) in sorted(w.by_type.items()))
        lines.append(f"| {w.page} | {w.requests} | {kb(w.compressed)} | {kb(w.raw)} | "
                     f"{w.font_requests} / {kb(w.font_bytes)} | {types} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default="shangyu-red-memory/manifesto-first-translation/")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "page-weight.md"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    tmp = Path(tempfile.mkdtemp(prefix="lantai-weight-"))
    try:
        build(tmp / "site")
        with serve(tmp / "site", PREFIX) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            weights = [measure(browser, base, "home `/`"),
                       measure(browser, base + args.story, f"story `/{args.story}`")]
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = report(weights)
    verdict = "\n".join(f"- {w.page}: {'within' if w.within_targets() else 'OVER'} the targets "
                        f"({kb(w.compressed)} of {kb(TARGET_BYTES)}, {w.requests} of {TARGET_REQUESTS} requests)"
                        for w in weights)
    print(table + "\n\n" + verdict)
    Path(args.out).write_text(
        "# Page weight on a first visit\n\n"
        f"Measured by `bench/page_weight.py` on {time.strftime('%Y-%m-%d', time.gmtime())}: the bundled exhibition "
        f"built as published (site address set) and served under `{PREFIX}` from 127.0.0.1, each page opened in "
        "a fresh Chromium profile on a 390 px phone screen, until the network was idle. Every response counts "
        "(headers and body); text is counted gzip-compressed as GitHub Pages sends it, with the uncompressed "
        "figure beside it. Fonts are counted apart. "
        f"Targets: under {kb(TARGET_BYTES)} and {TARGET_REQUESTS} requests before fonts.\n\n"
        + table + "\n\n" + verdict + "\n", encoding="utf-8")
    return 0 if all(w.within_targets() for w in weights) else 1


if __name__ == "__main__":
    sys.exit(main())
