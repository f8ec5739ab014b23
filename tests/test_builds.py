"""Whole builds through the command line, as an editor or CI runs them: the bundled
exhibition and the English sample (clean, complete, reproducible, self-contained, no broken
links), the broken project (every mistake in one report, nothing published), the minimal
project, `new` (the scaffold) and where `build -d` may write."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from conftest import BUILD_OUTPUTS, BUNDLED_CONFIG, HARBOUR_CONFIG, PROJECTS, run_lantai
from lantai.checking import load_project
from lantai.reading.settings import make_settings

BROKEN = PROJECTS / "broken"


def build(config: Path, site: Path, *extra: str):
    result = run_lantai("build", "-f", str(config), "-d", str(site), *extra)
    return result, result.stdout + result.stderr


@pytest.fixture(scope="module")
def bundled_twice(tmp_path_factory, bundled_site):
    """The session's build of the bundled exhibition (with what -q printed), and two more
    builds one after the other, into differently named folders, with everything they printed."""
    root = tmp_path_factory.mktemp("twice")
    one, two = root / "one" / "site", root / "two" / "public"
    return (bundled_site, BUILD_OUTPUTS[bundled_site]), (one, build(BUNDLED_CONFIG, one)), (two, build(BUNDLED_CONFIG, two))


@pytest.fixture(scope="module")
def harbour_build(harbour_site):
    return harbour_site, BUILD_OUTPUTS[harbour_site]


def project_of(config: Path):
    """The project a mkdocs.yml describes, read the way the plugin reads it."""
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in raw.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    settings = make_settings(raw["site_name"], raw.get("theme", {}).get("language"), options)
    project, problems = load_project(config.parent, settings)
    assert [p for p in problems if p.severity == "error"] == []
    return project


# -- the bundled exhibition and the English sample build cleanly ------------------------------------

def test_bundled_exhibition_builds_strict_without_warnings(bundled_twice):
    (_, quiet_output), (site, (result, output)), _ = bundled_twice
    assert result.returncode == 0, output
    assert "INFO" in output  # the full log, not -q
    for printed in (output, quiet_output):
        assert "WARNING" not in printed and "ERROR" not in printed
    assert (site / "index.html").is_file()
    assert not list(site.parent.glob(".site.lantai-*")), "the staging folder is left behind"


def test_bundled_exhibition_check_passes():
    result = run_lantai("check", "-f", str(BUNDLED_CONFIG))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("检查通过：")
    assert "WARNING" not in result.stdout + result.stderr


def test_english_project_builds_from_its_own_folder(harbour_build):
    site, output = harbour_build  # built with -f tests/projects/harbour/mkdocs.yml, strict
    assert "WARNING" not in output and "ERROR" not in output
    check = run_lantai("check", "-f", str(HARBOUR_CONFIG))
    project = project_of(HARBOUR_CONFIG)
    counts = f"OK: {len(project.brands)} brands, {len(project.stories)} stories, {len(project.items)} items."
    assert check.returncode == 0 and check.stdout.startswith(counts), check.stderr
    assert 'lang="en"' in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_every_page_of_the_contract_exists(which, bundled_twice, harbour_build):
    config, site = (BUNDLED_CONFIG, bundled_twice[0][0]) if which == "bundled" else (HARBOUR_CONFIG, harbour_build[0])
    project = project_of(config)
    expected = ["index.html"]
    expected += [f"categories/{c.id}/index.html" for c in project.settings.categories]
    expected += [f"{b}/index.html" for b in project.brands]
    expected += [f"{s.brand_id}/{s.id}/index.html" for s in project.stories.values() if not s.draft]
    expected += [f"{p.name}/index.html" for p in project.pages]
    expected += [f"items/{i.slug}/index.html" for i in project.items.values()]
    missing = [page for page in expected if not (site / page).is_file()]
    assert missing == []
    assert len(project.brands) >= (15 if which == "bundled" else 2)
    for story in project.stories.values():
        if story.draft:
            assert not (site / story.brand_id / story.id).exists(), f"draft {story.key} was published"
        else:
            page = (site / story.brand_id / story.id / "index.html").read_text(encoding="utf-8")
            headings = [html.unescape(h) for h in re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)]
            assert story.title in headings, story.key


def test_two_builds_are_byte_identical(bundled_twice):
    _, (one, (first, _)), (two, (second, _)) = bundled_twice
    assert first.returncode == 0 and second.returncode == 0

    def tree(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}
    a, b = tree(one), tree(two)
    assert "sitemap.xml.gz" in a and "sitemap.xml" in a
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.startswith("pagefind/filter/") for name in a)  # the search index is compared too


# -- nothing is loaded from another host -----------------------------------------------------

RESOURCE_ATTRIBUTES = {  # tag -> attributes that make the browser fetch something
    "img": ("src", "srcset"), "script": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "image": ("href",), "use": ("href",),
}
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                 "prefetch", "manifest", "mask-icon", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class Page(HTMLParser):
    """What one built page fetches and links to, and the ids it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.ids.add(values[name])
        for attribute in RESOURCE_ATTRIBUTES.get(tag, ()):
            for value in _urls(attribute, values.get(attribute)):
                self.fetched.append(value)
        if tag == "link" and values.get("href"):
            rel = set((values.get("rel") or "").lower().split())
            (self.fetched if rel & FETCHED_LINKS else self.links).append(values["href"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if values.get("style"):
            self.fetched += [m.group(1) or m.group(2) for m in CSS_URL.finditer(values["style"])]

    handle_startendtag = handle_starttag


def _urls(attribute: str, value: str | None) -> list[str]:
    if not value:
        return []
    if attribute == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


def parse(file: Path) -> Page:
    page = Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    return url.startswith("//") or parts.scheme not in ("", "data", "blob")


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_no_resource_comes_from_another_host(which, bundled_twice, harbour_build):
    site = bundled_twice[0][0] if which == "bundled" else harbour_build[0]
    outside = []
    for file in sorted(site.rglob("*.html")):
        page = parse(file)
        outside += [f"{file.relative_to(site)}: {url}" for url in page.fetched if is_outside(url)]
        text = file.read_text(encoding="utf-8")
        for style in re.findall(r"<style[^>]*>(.*?)</style>", text, re.S):
            outside += [f"{file.relative_to(site)}: {m.group(1) or m.group(2)}" for m in CSS_URL.finditer(style)
                        if is_outside(m.group(1) or m.group(2))]
    for file in sorted(site.rglob("*.css")):
        outside += [f"{file.relative_to(site)}: {m.group(1) or m.group(2)}"
                    for m in CSS_URL.finditer(file.read_text(encoding="utf-8"))
                    if is_outside(m.group(1) or m.group(2))]
    for file in sorted(site.rglob("*.js")):
        text = file.read_text(encoding="utf-8")
        outside += [f"{file.relative_to(site)}: {url}" for url in re.findall(r"""import\s*\(?\s*['"](https?:)?//[^'"]+""", text)]
    assert outside == []


# -- every internal link and anchor resolves ------------------------------------------------------

def _target(site: Path, page_file: Path, href: str) -> tuple[Path | None, str]:
    """The file a link from `page_file` leads to, and its fragment."""
    page_url = "/" + page_file.relative_to(site).as_posix()
    absolute = urljoin(page_url, href)
    parts = urlsplit(absolute)
    path = unquote(parts.path)
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_internal_links_and_anchors_resolve(which, bundled_twice, harbour_build):
    site = bundled_twice[0][0] if which == "bundled" else harbour_build[0]
    pages = {file: parse(file) for file in sorted(site.rglob("*.html"))}
    broken = []
    checked = 0
    for file, page in pages.items():
        for href in page.links + page.fetched:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # another site: a cited source, a link out
            target, fragment = _target(site, file, href)
            checked += 1
            where = f"{file.relative_to(site)} -> {href}"
            if not target.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{where}: no element with id {fragment!r}")
    assert broken == []
    assert checked > len(pages) * 5


# -- the broken project ----------------------------------------------------------------------

# Every line the report must hold: path:line: field: and enough of the message to know it.
BROKEN_EXPECTED = [
    "brands/Harbour_Families.yml:1: 'Harbour_Families' 不能用作标识",
    "brands/ferries.yml:1: 文件内容应为“字段: 值”形式的若干行，实际是一个列表",
    "brands/harbour-trade.yml:1: region: 必填字段缺失：region:",
    "brands/harbour-trade.yml:3: regoin: 未知字段（是否应为 'region'？）",
    "brands/harbour-trade.yml:4: category: 'memroy' 不是已声明的分类（governance, livelihood, memory）之一",
    "brands/harbour-trade.yml:6: location: 纬度应在 -90 到 90 之间",
    "brands/harbour-trade.yml:7: batch: 应为数字，实际是文字 '第一批'",
    "brands/harbour-trade.yml:10: links[1].url: 'www.example.org' 不是网址",
    "brands/harbour-trade.yml:14: items[1].date: '1921-13' 不是 EDTF 格式的日期",
    "brands/lighthouse.yml:5: 不是有效的 YAML（mapping values are not allowed here）",
    "brands/map.yml:1: 'map' 是网站保留地址",
    "content/ghost-brand/: content/ghost-brand/ 文件夹中有故事，但没有品牌文件 brands/ghost-brand.yml",
    "content/harbour-trade.md: 自由页面 'harbour-trade' 与品牌 brands/harbour-trade.yml 的页面地址冲突",
    "content/harbour-trade/ledger.md:7: items.code: 档号 'gk 0002' 与 'GK-0002'（content/harbour-trade/ledger.md:5）"
    "对应同一个页面地址 items/gk-0002/",
    "content/harbour-trade/saved-as-gbk.md:2: 文件不是 UTF-8 编码",
    "content/harbour-trade/no-front-matter.md:1: 故事缺少头部信息",
    "content/harbour-trade/typhoon-1937.md:4: date: '1937年9月' 不是 EDTF 格式的日期",
    "content/harbour-trade/typhoon-1937.md:5: draft: 应为 true 或 false，实际是文字 '否'",
    "content/harbour-trade/typhoon-1937.md:6: tags: 应为列表",
    "content/harbour-trade/typhoon-1937.md:8: related[1]: 故事不能与自身相关",
    "content/harbour-trade/typhoon-1937.md:9: related[2]: 'harbour-trade/no-such-story' 既不是本项目的故事",
    "content/harbour-trade/typhoon-1937.md:11: items.code: 档号 'GK-0002' 已被 content/harbour-trade/ledger.md:5 使用",
    "content/harbour-trade/typhoon-1937.md:14: items[1].media[1].file: 文件 'damage-report.jpg' 不存在",
    "content/harbour-trade/typhoon-1937.md:18: sources[1].url: 'example.org/guide' 不是网址",
    "content/harbour-trade/typhoon-1937.md:23: '[[GK-0404]]' 所指的档案条目不存在",
    "content/harbour-trade/unclosed.md:1: 第 1 行开始的头部信息没有结束",
    "content/harbour-trade/untitled.md:2: title: 必填字段缺失：title:",
    "content/harbour-trade/untitled.md:3: cover: 'cover.docx' 不是展览可展示的文件类型",
    "content/search.md: 自由页面 'search' 与网站保留地址",
]


def _report_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^(brands|content|mkdocs\.yml)\S*:", line)]


@pytest.mark.parametrize("command", ["check", "build"])
def test_broken_project_reports_every_mistake_in_one_run(command, tmp_path):
    assert not (BROKEN / "site").exists()
    result = run_lantai(command, "-f", str(BROKEN / "mkdocs.yml"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    reported = _report_lines(output)
    missing = [line for line in BROKEN_EXPECTED if not any(r.startswith(line) for r in reported)]
    assert missing == [], output
    assert len(reported) == len(BROKEN_EXPECTED), "\n".join(reported)
    assert f"共 {len(BROKEN_EXPECTED)} 个错误，0 个警告。" in output
    kinds = {re.sub(r"[^/]+$", "", line.split(":")[0]) for line in BROKEN_EXPECTED}
    assert len(BROKEN_EXPECTED) >= 12 and len(kinds) >= 3
    # Nothing is built, and no staging folder is left next to where the site would go.
    assert not (BROKEN / "site").exists()
    assert [p.name for p in BROKEN.iterdir() if p.name.startswith(".")] == []


def test_a_failed_build_leaves_the_old_site_as_it_was(tmp_path):
    old = tmp_path / "public"
    (old / "nested").mkdir(parents=True)
    (old / "index.html").write_text("<p>yesterday's site</p>", encoding="utf-8")
    (old / "nested" / "page.html").write_bytes(b"\x00old bytes\xff")

    def snapshot():
        return {p.relative_to(tmp_path).as_posix(): (p.read_bytes() if p.is_file() else None, p.stat().st_mtime_ns)
                for p in sorted(tmp_path.rglob("*"))}
    before = snapshot()
    result = run_lantai("build", "-f", str(BROKEN / "mkdocs.yml"), "-d", str(old))
    assert result.returncode != 0
    assert f"共 {len(BROKEN_EXPECTED)} 个错误" in result.stderr
    assert snapshot() == before


def test_check_does_not_build(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(HARBOUR_CONFIG.parent, project, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    result = run_lantai("check", "-f", str(project / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in project.iterdir()) == ["brands", "content", "mkdocs.yml"]


def test_a_missing_config_file_is_named(tmp_path):
    result = run_lantai("check", "-f", str(tmp_path / "mkdocs.yml"))
    assert result.returncode != 0
    assert f"{tmp_path / 'mkdocs.yml'}: no such file" in result.stderr


# -- python build.py new ---------------------------------------------------------------------------

@pytest.fixture
def harbour_copy(tmp_path) -> Path:
    project = tmp_path / "harbour"
    shutil.copytree(HARBOUR_CONFIG.parent, project, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    return project


def test_scaffolded_files_ask_for_exactly_the_required_fields(harbour_copy):
    config = str(harbour_copy / "mkdocs.yml")
    brand = run_lantai("new", "-f", config, "brand", "lighthouse")
    assert brand.returncode == 0, brand.stderr
    assert "brands/lighthouse.yml" in brand.stdout
    story = run_lantai("new", "-f", config, "story", "lighthouse/keeper")
    assert story.returncode == 0, story.stderr
    brand_text = (harbour_copy / "brands" / "lighthouse.yml").read_text(encoding="utf-8")
    story_text = (harbour_copy / "content" / "lighthouse" / "keeper.md").read_text(encoding="utf-8")
    # Every field of the contract is there, the optional ones commented out and explained.
    for name in ("name", "archives", "region", "category", "summary", "description", "location", "cover", "tags",
                 "batch", "sources", "links", "items"):
        assert re.search(rf"^#? ?{name}:", brand_text, re.M), name
    for name in ("title", "summary", "date", "events", "people", "places", "tags", "items", "related", "sources",
                 "cover", "draft", "order"):
        assert re.search(rf"^#? ?{name}:", story_text, re.M), name
    assert "trade, people" in brand_text  # the project's own categories are listed
    # VS Code's YAML extension reads the first line: the schema `new brand` wrote beside it
    assert brand_text.startswith("# yaml-language-server: $schema=../schemas/brand.schema.json\n")
    assert (harbour_copy / "schemas" / "brand.schema.json").is_file()

    result = run_lantai("check", "-f", config)
    assert result.returncode != 0
    placeholder = "'TO FILL IN' is the scaffold's placeholder; write the real value"
    assert _report_lines(result.stdout + result.stderr) == [
        f"brands/lighthouse.yml:6: name: {placeholder}",
        f"brands/lighthouse.yml:7: archives[1]: {placeholder}",
        f"brands/lighthouse.yml:8: region: {placeholder}",
        f"brands/lighthouse.yml:9: category: {placeholder}",
        f"brands/lighthouse.yml:10: summary: {placeholder}",
        f"content/lighthouse/keeper.md:4: title: {placeholder}",
        f"content/lighthouse/keeper.md:5: summary: {placeholder}",
    ]
    assert "7 error(s), 0 warning(s)." in result.stderr

    # Filled in, the new brand and story pass as they are (the optional fields stay comments).
    filled = {"name: TO FILL IN": "name: Lighthouse", "archives: [TO FILL IN]": "archives: [Port Town Archive]",
              "region: TO FILL IN": "region: Port Town", "category: TO FILL IN": "category: trade",
              "summary: TO FILL IN": "summary: The keepers' logbooks."}
    for old, new in filled.items():
        brand_text = brand_text.replace(old, new)
    (harbour_copy / "brands" / "lighthouse.yml").write_text(brand_text, encoding="utf-8")
    story_text = story_text.replace("title: TO FILL IN", "title: The keeper").replace(
        "summary: TO FILL IN", "summary: A keeper's year.")
    (harbour_copy / "content" / "lighthouse" / "keeper.md").write_text(story_text, encoding="utf-8")
    result = run_lantai("check", "-f", config)
    assert result.returncode == 0, result.stderr
    before = project_of(HARBOUR_CONFIG)
    assert result.stdout.startswith(
        f"OK: {len(before.brands) + 1} brands, {len(before.stories) + 1} stories, {len(before.items)} items.")


def test_scaffold_in_chinese(tmp_path):
    write_project = tmp_path / "zh"
    (write_project / "brands").mkdir(parents=True)
    (write_project / "content").mkdir()
    (write_project / "mkdocs.yml").write_text("site_name: 测试\ntheme:\n  name: material\n  language: zh\nplugins:\n  - lantai\n",
                                              encoding="utf-8")
    config = str(write_project / "mkdocs.yml")
    assert run_lantai("new", "-f", config, "brand", "qiaoxiang").returncode == 0
    assert run_lantai("new", "-f", config, "story", "qiaoxiang/letters").returncode == 0
    result = run_lantai("check", "-f", config)
    assert result.returncode != 0
    lines = _report_lines(result.stderr)
    assert len(lines) == 7 and all("'待填写' 是模板中的占位文字；请填写实际内容" in line for line in lines)
    assert lines[0] == "brands/qiaoxiang.yml:6: name: '待填写' 是模板中的占位文字；请填写实际内容"


def test_new_refuses_to_overwrite(harbour_copy):
    config = str(harbour_copy / "mkdocs.yml")
    before = (harbour_copy / "brands" / "harbour-trade.yml").read_bytes()
    result = run_lantai("new", "-f", config, "brand", "harbour-trade")
    assert result.returncode != 0
    assert "brands/harbour-trade.yml already exists; nothing was written" in result.stderr
    assert (harbour_copy / "brands" / "harbour-trade.yml").read_bytes() == before
    story_before = (harbour_copy / "content" / "harbour-trade" / "typhoon-1937.md").read_bytes()
    result = run_lantai("new", "-f", config, "story", "harbour-trade/typhoon-1937")
    assert result.returncode != 0 and "already exists" in result.stderr
    assert (harbour_copy / "content" / "harbour-trade" / "typhoon-1937.md").read_bytes() == story_before


@pytest.mark.parametrize("kind, identifier, message", [
    ("brand", "Light_House", "'Light_House' cannot be an id"),
    ("brand", "灯塔", "'灯塔' cannot be an id"),
    ("brand", "map", "'map' is reserved"),
    ("brand", "../escape", "cannot be an id"),
    ("story", "harbour-trade", "write it as brand-id/story-id"),
    ("story", "harbour-trade/The Keeper", "'The Keeper' cannot be an id"),
    ("story", "harbour-trade/../../x", "cannot be an id"),
    ("story", "nowhere/keeper", "there is no brand file brands/nowhere.yml"),
])
def test_new_refuses_bad_ids(harbour_copy, kind, identifier, message):
    before = sorted(p.relative_to(harbour_copy).as_posix() for p in harbour_copy.rglob("*"))
    result = run_lantai("new", "-f", str(harbour_copy / "mkdocs.yml"), kind, identifier)
    assert result.returncode != 0
    assert message in result.stderr
    assert sorted(p.relative_to(harbour_copy).as_posix() for p in harbour_copy.rglob("*")) == before


# -- the smallest project ----------------------------------------------------------------------

MINIMAL = PROJECTS / "minimal"


def test_a_three_line_mkdocs_yml_builds(tmp_path):
    """site_name and the plugin are enough: the theme, the categories and search are defaults."""
    assert len((MINIMAL / "mkdocs.yml").read_text(encoding="utf-8").splitlines()) == 3
    site = tmp_path / "site"
    result, output = build(MINIMAL / "mkdocs.yml", site)
    assert result.returncode == 0, output
    assert "WARNING" not in output
    for page in ("index.html", "town/index.html", "categories/governance/index.html",
                 "categories/livelihood/index.html", "categories/memory/index.html", "404.html", "sitemap.xml"):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "A Town Archive" in home and "lantai.css" in home  # Lantai's theme, not MkDocs' own
    brand = (site / "town" / "index.html").read_text(encoding="utf-8")
    assert "The records of one small town." in brand
    check = run_lantai("check", "-f", str(MINIMAL / "mkdocs.yml"))
    assert check.returncode == 0 and check.stdout.startswith("OK: 1 brands, 0 stories, 0 items."), check.stderr


@pytest.mark.parametrize("target", ["content", "content/site", "brands", "brands/site", ".", ".."])
def test_build_refuses_to_replace_or_nest_in_the_project(harbour_copy, target):
    """The site is swapped in where -d points: that must never be the editors' files."""
    def snapshot():
        return {p.relative_to(harbour_copy.parent).as_posix(): p.read_bytes() if p.is_file() else None
                for p in sorted(harbour_copy.parent.rglob("*"))}
    before = snapshot()
    result = run_lantai("build", "-q", "-f", str(harbour_copy / "mkdocs.yml"), "-d", str(harbour_copy / target))
    assert result.returncode != 0
    assert "refusing to build there" in result.stderr and "choose another folder with -d" in result.stderr
    assert snapshot() == before
