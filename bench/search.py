"""Search at 100 and 5,000 stories: Lantai's search (Pagefind) beside Material's built-in search.

One command: .venv/bin/python bench/search.py [--sizes 100 5000] [--out bench/results/search.md]

For each size it writes one synthetic Chinese exhibition (stories of about 1,500 characters,
with a vocabulary of some thousands of words, and "needles": people's names, rare two-character
words and reference codes placed in one story that is about them and mentioned in two others),
then builds that same content twice:

- Lantai: `build.py build`, which indexes the site with Pagefind (lantai/search/);
- Material: plain MkDocs with Material's `search` plugin (jieba segmentation when jieba is
  installed, as Material's documentation advises for Chinese), navigation pruned to one page
  so the build stays feasible at 5,000 pages.

and drives both in Chromium from a story page, as a visitor: types a query, waits for the
first result. It prints, per engine and size: index size on disk, build time, bytes fetched
for the first query on a page (cold) and for later queries (median), time to first result
(first query pasted the instant the box is focused; first query typed a second after
clicking the box; later queries, median), and relevance (queries whose target story is in
the first three). With --out it also writes the raw figures as JSON (bench/results/search.json).

Bytes are response bodies as served (the local server does not compress; Pagefind's files are
compressed by Pagefind itself, Material's search_index.json is not, so its gzip size is shown
beside it: what a compressing server would send).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

TARGET_BYTES = 300 * 1024
TARGET_MS = 300

# -- synthetic content ----------------------------------------------------------------------

# Characters of running Chinese prose (the bundled exhibition's own text is the source when
# present, so the mix of characters is that of real archive writing).
FALLBACK_CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
                  "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
                  "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
                  "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
                  "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
                  "档案馆藏史记忆浙江杭州宁波温州绍兴台州舟山湖州嘉兴金华衢州丽水村镇乡港码渔船岛垦荒商会企业家庭")
SURNAMES = "陈刘张杨赵吴郑许韩冯邓萧罗钟叶苏卢蒋蔡贾丁魏薛阎"
GIVEN = "国华东伟丽强军红龙凤云飞荣兴庆宝贤书义礼"
RARE = "鼋鼍夔饕餮魑魅魍魉龘靐齉爨麤灪厵"   # characters no ordinary sentence uses


def corpus_chars() -> str:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "content").rglob("*.md")))
    chars = sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff"} - set(RARE))
    return "".join(chars) if len(chars) > 500 else FALLBACK_CHARS


def write_project(folder: Path, stories: int, seed: int = 7) -> list[tuple[str, str]]:
    """Write the exhibition; returns the relevance set: (query, target story URL)."""
    rng = random.Random(seed)
    chars = corpus_chars()
    vocabulary = sorted({"".join(rng.choice(chars) for _ in range(rng.choice((1, 2, 2, 2, 3, 4))))
                         for _ in range(6000)})
    rng.shuffle(vocabulary)
    # Zipf: a few words are very common, and, as in Chinese, those are single characters
    # (的, 了, 是 ...); the longer words spread over the rest of the ranking.
    vocabulary.sort(key=lambda word: len(word) > 1)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

    def sentence() -> str:
        words = rng.choices(vocabulary, weights, k=rng.randint(8, 16))
        return "".join(w + ("，" if i % 5 == 4 else "") for i, w in enumerate(words)).rstrip("，") + "。"

    def paragraph(length: int) -> str:
        out = ""
        while len(out) < length:
            out += sentence()
        return out

    (folder / "brands").mkdir(parents=True, exist_ok=True)
    (folder / "content").mkdir(parents=True, exist_ok=True)
    per_brand = 100
    brands = max(1, -(-stories // per_brand))
    for b in range(brands):
        (folder / "brands" / f"brand-{b:03d}.yml").write_text(
            f"name: 合成品牌{b}号\narchives: [第{b}档案馆]\nregion: 浙江\ncategory: {('governance', 'livelihood', 'memory')[b % 3]}\n"
            f"summary: {sentence()}\n", encoding="utf-8")
        (folder / "content" / f"brand-{b:03d}").mkdir(exist_ok=True)

    # Needles: each in one story that is about it (title and text) and mentioned in two others.
    needles: list[tuple[str, str]] = []
    names = sorted({rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(40)})[:8]
    rare_words = [RARE[i] + RARE[i + 1] for i in range(0, 8, 2)]
    codes = [f"ZD-{rng.randint(1000, 9999)}" for _ in range(3)]
    for index, needle in enumerate(names + rare_words + codes):
        needles.append((needle, f"story-{(index * 7919) % stories:05d}"))
    about = {story: needle for needle, story in needles}
    mentions: dict[str, list[str]] = {}
    for needle, story in needles:
        for other in rng.sample(range(stories), 2):
            key = f"story-{other:05d}"
            if key != story:
                mentions.setdefault(key, []).append(needle)

    for s in range(stories):
        key = f"story-{s:05d}"
        brand = f"brand-{s // per_brand:03d}"
        paragraphs = [paragraph(300) for _ in range(5)]
        title = f"{rng.choice(vocabulary)}{rng.choice(vocabulary)}的故事{s}"
        people = ""
        if key in about:
            needle = about[key]
            title = f"{needle}的档案" if not needle.startswith("ZD-") else f"档号{needle}的来历"
            paragraphs[0] = f"{needle}是这篇故事的主角。" + paragraphs[0]
            paragraphs[2] += f"关于{needle}，档案馆保存了完整的记录。"
            paragraphs[4] += f"今天，{needle}的档案向公众开放。"
            people = f"people: [{needle}]\n" if not needle.startswith("ZD-") else ""
        for needle in mentions.get(key, []):
            paragraphs[3] += f"文中也提到了{needle}。"
        body = "\n\n".join(paragraphs)
        (folder / "content" / brand / f"{key}.md").write_text(
            f"---\ntitle: {title}\nsummary: {sentence()}\ndate: {1900 + rng.randint(0, 120)}\n{people}---\n\n"
            f"{body}\n", encoding="utf-8")

    (folder / "content" / "index.md").write_text("# 合成展览\n\n用于搜索基准测试的合成展览。\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: 合成展览\ntheme:\n  name: material\n  language: zh\nplugins:\n  - lantai\n", encoding="utf-8")
    (folder / "mkdocs-material.yml").write_text(
        "site_name: 合成展览\ndocs_dir: content\ntheme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search\nnav:\n  - index.md\n", encoding="utf-8")

    from opencc import OpenCC
    traditional = OpenCC("s2t").convert
    relevance = [(needle, f"brand-{int(story[6:]) // per_brand:03d}/{story}/") for needle, story in needles]
    relevance += [(traditional(needle), url) for needle, url in relevance[:4] if traditional(needle) != needle]
    return relevance


# -- builds ----------------------------------------------------------------------------------

def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(project: Path, engine: str, site: Path | None = None) -> tuple[Path, float]:
    site = site or project.parent / f"site-{engine}"
    if engine == "lantai":
        command = [sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs-material.yml"), "-d", str(site)]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{engine} build failed:\n{result.stdout}\n{result.stderr}")
    return site, seconds


def build_lantai_direct(project: Path) -> tuple[Path, float]:
    """Lantai's pages written without MkDocs, for sizes where a full build takes too long on
    this machine: Lantai's own page pipeline (lantai.pages) renders each brand and story
    article, placed in the page frame of a real Lantai build (of a small copy of the
    project, which also gives the theme's files), with the search marks the frame prints;
    then the plugin's own `build_index` on the site."""
    import shutil

    import yaml

    from lantai.checking import load_project
    from lantai.pages import Renderer, plan, render
    from lantai.pages.markdown import MarkdownRenderer, site_resolver
    from lantai.reading.settings import make_settings
    from lantai.search.index import build_index

    started = time.perf_counter()
    small = project.parent / "small"
    shutil.copytree(project, small, ignore=lambda folder, names: [
        n for n in names if n.startswith("story-") and n not in ("story-00000.md", "story-00001.md")
        or n.startswith("brand-") and n not in ("brand-000", "brand-000.yml")])
    frame_site, _ = build(small, "lantai", site=project.parent / "site-small")
    frame = (frame_site / "brand-000" / "story-00001" / "index.html").read_text(encoding="utf-8")
    head, tail = frame.split("<article", 1)[0], frame.split("</article>", 1)[1]
    site = project.parent / "site-lantai"
    shutil.copytree(frame_site, site, ignore=shutil.ignore_patterns("brand-*", "pagefind", "items"))
    raw = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    settings = make_settings(raw["site_name"], raw["theme"]["language"], {})
    model, _ = load_project(project, settings)
    pages = [page for page in plan(model) if page.kind in ("brand", "story")]
    renderer = Renderer(model, MarkdownRenderer(site_resolver(model, pages)))
    for page in pages:
        rendered = render(renderer, page)
        depth = "../" * page.url.count("/")
        html = (head.replace('href="../../', f'href="{depth}').replace('src="../../', f'src="{depth}')
                + '<article data-pagefind-body class="md-content__inner md-typeset">' + rendered.html
                + rendered.marks + "</article>" + tail)
        out = site / page.url / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    build_index(site)
    return site, time.perf_counter() - started


def index_bytes(site: Path, engine: str) -> tuple[int, int]:
    """(bytes on disk, bytes a compressing server would send for the whole index)."""
    if engine == "lantai":
        files = [p for p in (site / "pagefind").rglob("*") if p.is_file()] + [site / "assets" / "lantai" / "t2s.txt"]
        return sum(p.stat().st_size for p in files), sum(p.stat().st_size for p in files)
    index = site / "search" / "search_index.json"
    return index.stat().st_size, len(gzip.compress(index.read_bytes(), 6))


# -- in Chromium ------------------------------------------------------------------------------

ENGINES = {
    # input, the result links, whether a response belongs to search
    "lantai": ("#lt-search-input", "#lt-search-results .lt-result__link",
               lambda url: "/pagefind/" in url or "/assets/lantai/search." in url or url.endswith("/t2s.txt")),
    "material": (".md-search__input", ".md-search-result__list .md-search-result__link",
                 lambda url: "search_index.json" in url or "/workers/search" in url or "lunr" in url),
}


def measure_browser(site: Path, engine: str, relevance: list[tuple[str, str]], start_page: str) -> dict:
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright
    box, links, is_search = ENGINES[engine]
    out = {"cold_ms": None, "cold_bytes": None, "warm_ms": [], "warm_bytes": [], "top3": 0, "misses": []}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        out["typed_ms"] = first_query_typed(browser, url + start_page, engine, relevance[0][0])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        fetched: list[int] = []

        def on_response(response):
            if is_search(response.url):
                fetched.append(int(response.headers.get("content-length") or 0))
        context.on("response", on_response)
        page = context.new_page()
        page.goto(url + start_page, wait_until="load")
        placeholder = "键入以开始搜索"   # Material's Chinese "type to start searching"
        for number, (query, target) in enumerate(relevance):
            # The first query counts what the page fetched for search since it opened
            # (Material's index is fetched as the page loads); later ones what they add.
            before = sum(fetched) if number else 0
            if engine == "material" and number:
                # Clear the box first, so that the next count shown is this query's.
                page.fill(box, "")
                page.press(box, "End")
                page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                                       " === " + json.dumps(placeholder))
            started = time.perf_counter()
            page.fill(box, query)
            page.press(box, "End")   # a key, as a visitor's typing sends (Material listens for keys)
            if engine == "lantai":
                page.wait_for_function("q => document.querySelector('#lt-search-results')"
                                       ".getAttribute('data-lt-query') === q", arg=query, timeout=600_000)
                elapsed = (time.perf_counter() - started) * 1000
            else:
                # Material says "type to search" until it has this query's answer: results,
                # or that there are none.
                page.wait_for_function(
                    "p => { const m = document.querySelector('.md-search-result__meta').textContent.trim();"
                    " return m && m !== p && !m.includes('初始化'); }", arg=placeholder, timeout=600_000)
                elapsed = (time.perf_counter() - started) * 1000
                page.wait_for_timeout(250)  # let the list settle before reading the ranking
            found = [href.removeprefix(url).split("#")[0] for href in page.eval_on_selector_all(links, "l => l.map(a => a.href)")]
            ranked = list(dict.fromkeys(found))   # Material lists sections of one page under it
            page.wait_for_timeout(100)
            spent = sum(fetched) - before
            if number == 0:
                out["cold_ms"], out["cold_bytes"] = elapsed, spent
            else:
                out["warm_ms"].append(elapsed)
                out["warm_bytes"].append(spent)
            if target in ranked[:3]:
                out["top3"] += 1
            else:
                out["misses"].append(f"{query} -> {ranked[:3]}")
        browser.close()
    out["queries"] = len(relevance)
    return out


def first_query_typed(browser, address: str, engine: str, query: str) -> float:
    """A visitor's first query: the box is clicked, and the words arrive a second later (an
    input method commits a Chinese word at once, after the visitor has composed it). Time
    from the words arriving to the first result, on a fresh page with an empty cache."""
    box, _, _ = ENGINES[engine]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(address, wait_until="load")
    page.click(box)
    page.wait_for_timeout(1000)
    started = time.perf_counter()
    page.fill(box, query)
    page.press(box, "End")
    if engine == "lantai":
        page.wait_for_function("q => document.querySelector('#lt-search-results').getAttribute('data-lt-query') === q",
                               arg=query, timeout=600_000)
    else:
        page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta').textContent.trim();"
                               " return m && m !== '键入以开始搜索' && !m.includes('初始化'); }", timeout=600_000)
    elapsed = (time.perf_counter() - started) * 1000
    context.close()
    return elapsed


# -- report -----------------------------------------------------------------------------------

def run(sizes: list[int], engines: list[str], direct_above: int) -> list[dict]:
    rows = []
    for stories in sizes:
        with tempfile.TemporaryDirectory(prefix="lantai-bench-") as tmp:
            project = Path(tmp) / "project"
            relevance = write_project(project, stories)
            first_story = "brand-000/story-00001/"
            for engine in engines:
                direct = engine == "lantai" and stories > direct_above
                print(f"[{stories} stories] building with {engine}{' (pages written directly)' if direct else ''} ...",
                      file=sys.stderr, flush=True)
                site, seconds = build_lantai_direct(project) if direct else build(project, engine)
                disk, wire = index_bytes(site, engine)
                print(f"[{stories} stories] searching with {engine} in Chromium ...", file=sys.stderr, flush=True)
                figures = measure_browser(site, engine, relevance, first_story)
                rows.append({"stories": stories, "engine": engine, "direct": direct, "build_s": seconds, "index_disk": disk,
                             "index_wire": wire, **figures})
    return rows


def table(rows: list[dict]) -> str:
    head = ("| stories | engine | build s | index on disk | first query: bytes fetched | later query: bytes (median) "
            "| first result, first query pasted at once | first query typed | later query (median) "
            "| relevance (target in top 3) |")
    lines = [head, "|" + "---|" * 10]
    for row in rows:
        wire = f" (gzip {row['index_wire'] / 1e6:.1f} MB)" if row["engine"] == "material" else ""
        lines.append(
            f"| {row['stories']} | {row['engine']} | {row['build_s']:.0f}{' *' if row.get('direct') else ''} | {row['index_disk'] / 1e6:.1f} MB{wire} "
            f"| {row['cold_bytes'] / 1024:.0f} KB | {statistics.median(row['warm_bytes']) / 1024:.0f} KB "
            f"| {row['cold_ms']:.0f} ms | {row['typed_ms']:.0f} ms | {statistics.median(row['warm_ms']):.0f} ms "
            f"| {row['top3']}/{row['queries']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 5000])
    parser.add_argument("--engines", nargs="+", choices=["lantai", "material"], default=["lantai", "material"])
    parser.add_argument("--direct-above", type=int, default=1000, metavar="N",
                        help="above N stories, write Lantai's pages without MkDocs (default 1000; a full "
                             "build of 5,000 stories took 24 minutes on this 2-core machine)")
    parser.add_argument("--out", type=Path, help="also write the raw figures to this JSON file")
    args = parser.parse_args()
    try:
        import jieba  # noqa: F401
        material_note = "Material's search plugin with jieba segmentation"
    except ImportError:
        material_note = "Material's search plugin without jieba (pip install jieba for its Chinese segmentation)"
    load_before = os.getloadavg()[0]
    rows = run(args.sizes, args.engines, args.direct_above)
    report = table(rows)
    print(report)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, load average {load_before:.1f} before / {os.getloadavg()[0]:.1f} after"
    print(f"{material_note}; {machine}")
    for row in rows:
        if row["misses"]:
            print(f"{row['engine']} at {row['stories']}: missed {len(row['misses'])}: " + "; ".join(row["misses"][:6]))
    if args.out:
        args.out.write_text(json.dumps({"material": material_note, "machine": machine, "rows": rows},
                                       ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"figures written to {args.out}", file=sys.stderr)
    lantai = [r for r in rows if r["engine"] == "lantai"]
    if not lantai:
        return
    largest = max(lantai, key=lambda r: r["stories"])
    verdict = (f"Lantai at {largest['stories']} stories: first query fetches {largest['cold_bytes'] / 1024:.0f} KB, "
               f"later ones {statistics.median(largest['warm_bytes']) / 1024:.0f} KB (target < {TARGET_BYTES // 1024} KB); "
               f"first result {largest['cold_ms']:.0f} ms pasted at once, {largest['typed_ms']:.0f} ms typed, "
               f"{statistics.median(largest['warm_ms']):.0f} ms later (target < {TARGET_MS} ms)")
    print(verdict)


if __name__ == "__main__":
    main()
