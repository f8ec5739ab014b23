"""The page pipeline: one marker parser for checker and writer, pages that know what they
read, drafts decided once, and the engine seam (MkDocs only under lantai/engines/mkdocs/)."""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import replace
from pathlib import Path

import pytest

from test_validation import CATEGORIES, lines, load, write
from lantai.checking import check
from lantai.drafts import published
from lantai.markers import find_markers
from lantai.pages import Renderer, affected, changes, plan, render
from lantai.pages.markdown import MarkdownRenderer, site_resolver
from lantai.checking import load_project
from lantai.reading.settings import make_settings

LANTAI = Path(__file__).resolve().parent.parent / "lantai"

BRAND_WITH_ITEM = """\
name: Harbour Trade
archives: [Port Archive]
region: Port Town
category: trade
summary: Ledgers of the port.
items:
  - code: PT-0001
    title: Harbour master's ledger
"""


def rendered(project) -> dict[str, str]:
    """Every page of the published project as a build renders it: source -> article."""
    shown = published(project)
    pages = plan(shown)
    renderer = Renderer(shown, MarkdownRenderer(site_resolver(shown, pages)))
    return {page.source: render(renderer, page).html for page in pages}


def story(body: str, front: str = "") -> str:
    return f"---\ntitle: The typhoon\nsummary: What the ledgers say.\n{front}---\n\n{body}\n"


# -- one parser for item markers -------------------------------------------------------------

MARKER_CASES = {
    "inline code": "The syntax is `[[PT-0001]]` in a sentence.",
    "fenced code": "```\n[[PT-0001]]\n```",
    "comment": "<!-- [[PT-0001]] -->",
    "comment over lines": "<!--\n[[PT-0001]]\n-->",
}


@pytest.mark.parametrize("case", sorted(MARKER_CASES))
def test_a_marker_in_code_or_a_comment_is_neither_placed_nor_checked(tmp_path, case):
    body = MARKER_CASES[case].replace("PT-0001", "PT-0999")  # an unknown code: the checker would report it
    project, problems = load(tmp_path, {"brands/trade.yml": BRAND_WITH_ITEM, "content/trade/typhoon.md": story(body)})
    assert [p.key for p in problems] == []
    assert find_markers(body) == []
    body = MARKER_CASES[case]
    project, problems = load(tmp_path / "known", {"brands/trade.yml": BRAND_WITH_ITEM,
                                                  "content/trade/typhoon.md": story(body)})
    html = rendered(project)["trade/typhoon.md"]
    article = html.split('<div class="lt-prose">', 1)[-1]
    assert "lt-item-card" not in article.split("</header>", 1)[1].split('<section class="lt-section')[0]
    assert 'class="lt-item-link"' not in html
    if "code" in case:
        assert "[[PT-0001]]" in html  # shown as the example it is


def test_markers_in_text_become_a_card_and_a_link(tmp_path):
    body = "[[PT-0001]]\n\nAs the ledger [[PT-0001]] shows, and `[[PT-0001]]` does not."
    project, problems = load(tmp_path, {"brands/trade.yml": BRAND_WITH_ITEM, "content/trade/typhoon.md": story(body)})
    assert problems == []
    html = rendered(project)["trade/typhoon.md"]
    assert html.count('<aside class="lt-item-card"') == 1
    assert html.count('class="lt-item-link"') == 1
    assert "<code>[[PT-0001]]</code>" in html
    assert [(m.code, m.line, m.alone) for m in find_markers(body)] == [("PT-0001", 1, True), ("PT-0001", 3, False)]


def test_a_missing_field_and_a_bad_reference_in_one_story_are_both_reported(tmp_path):
    text = "---\ntitle: The typhoon\nrelated: [trade/nowhere]\n---\n\nSee [[PT-0404]].\n"
    project, problems = load(tmp_path, {"content/trade/typhoon.md": text})
    found = [line.split(": ", 2)[1] if ": " in line else line for line in lines(problems)]
    keys = {p.key for p in problems}
    assert {"required", "unknown-related", "unknown-code"} <= keys, found


def test_a_link_to_nothing_is_reported_with_its_line(tmp_path):
    project, problems = load(tmp_path, {"content/trade/typhoon.md": story("Text.\n\n[A map](media/nowhere.pdf)")})
    reported = [p for p in problems if p.key == "link-missing"]
    assert [(p.path, p.line) for p in reported] == [("content/trade/typhoon.md", 8)]


def test_relative_links_work_from_the_page_address(tmp_path):
    files = {"content/trade/media/map.png": b"not used here", "content/about.md": "# About\n",
             "content/trade/typhoon.md": story("[The map](media/map.png) and [about](../about.md).")}
    project, problems = load(tmp_path, files)
    html = rendered(project)["trade/typhoon.md"]
    # The story is published at trade/typhoon/: its folder's files are one level up.
    assert '<a href="../media/map.png">The map</a>' in html
    assert '<a href="../../about/">about</a>' in html


# -- drafts: decided once ---------------------------------------------------------------------

def test_a_draft_leaves_no_trace_in_a_published_build(tmp_path):
    draft = ("---\ntitle: Secret draft\nsummary: Unpublished words.\ndraft: true\ntags: [secret-tag]\n"
             "items:\n  - code: PT-0777\n    title: Draft ledger\n---\n\nDraftword.\n")
    files = {"content/trade/draft.md": draft,
             "content/trade/typhoon.md": story("See [[PT-0777]] here.", "related: [trade/draft]\n")}
    project, problems = load(tmp_path, files)
    warnings = sorted(p.key for p in problems)
    assert warnings == ["code-draft", "related-draft"]
    out = rendered(project)
    assert "trade/draft.md" not in out and "items/pt-0777.md" not in out
    everything = "\n".join(out.values())
    for trace in ("Secret draft", "Draft ledger", "PT-0777", "secret-tag", "Draftword", "trade/draft"):
        assert trace not in everything, trace
    from lantai.exports import export_files
    data = b"".join(export_files(published(project)).values()).decode("utf-8")
    assert "PT-0777" not in data and "trade/draft" not in data
    # A preview shows the draft, marked as such.
    previewed = plan(published(project, include_drafts=True))
    assert [p.draft for p in previewed if p.source == "trade/draft.md"] == [True]


# -- pages know what they read ------------------------------------------------------------------

@pytest.fixture(scope="module")
def harbour():
    import yaml
    config = Path(__file__).resolve().parent / "projects" / "harbour" / "mkdocs.yml"
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next(entry["lantai"] or {} for entry in raw["plugins"] if isinstance(entry, dict))
    project, problems = load_project(config.parent, make_settings(raw["site_name"], "en", options))
    return project


def edited(project, mutate):
    """A deep copy of the project with one record changed by `mutate(copy)`."""
    other = copy.deepcopy(project)
    mutate(other)
    # Brands hold their stories: keep them the same objects as the project's.
    for brand in other.brands.values():
        brand.stories = [other.stories[s.key] for s in brand.stories]
    return other


def changed_pages(before, after) -> set[str]:
    old, new = rendered(before), rendered(after)
    return {source for source in old.keys() | new.keys() if old.get(source) != new.get(source)}


@pytest.mark.parametrize("field", ["title", "summary", "body"])
def test_editing_a_story_touches_only_the_pages_that_read_it(harbour, field):
    for key in sorted(harbour.stories):
        def mutate(project):
            story = project.stories[key]
            setattr(story, field, getattr(story, field) + " EDITED")
        after = edited(harbour, mutate)
        keys = changes(harbour, after)
        assert keys == {f"story:{key}"}
        touched = {page.source for page in affected(plan(after), keys)}
        really = changed_pages(harbour, after)
        assert really, "the edit shows somewhere"
        assert really <= touched, f"{key}.{field}: pages changed but not declared: {really - touched}"
        assert f"{key}.md" in touched
        # Not everything: an item page that does not show the story stays as it is.
        assert len(touched) < len(plan(after))


def test_editing_an_item_touches_its_page_and_the_pages_showing_it(harbour):
    code = sorted(harbour.items)[0]
    after = edited(harbour, lambda p: setattr(p.items[code], "title", "Renamed ledger"))
    # Items are held by their brand or story too: the copy changed them in place.
    keys = changes(harbour, after)
    assert f"item:{code}" in keys
    touched = {page.source for page in affected(plan(after), keys)}
    assert changed_pages(harbour, after) <= touched


def test_adding_a_story_touches_its_brand_and_the_views(harbour):
    brand_id, existing = next((b.id, b.stories[0]) for b in harbour.brands.values() if b.stories)

    def mutate(project):
        new = replace(copy.deepcopy(existing), id="new-story", title="A new story", related=[])
        project.stories[new.key] = new
        project.brands[brand_id].stories.append(new)
    after = edited(harbour, mutate)
    keys = changes(harbour, after)
    assert keys == {f"story:{brand_id}/new-story", "stories"}
    touched = {page.source for page in affected(plan(after), keys)}
    assert {f"{brand_id}/index.md", f"{brand_id}/new-story.md", "timeline.md", "index.md"} <= touched
    really = changed_pages(harbour, after)
    assert really <= touched


def test_a_settings_change_touches_every_page(harbour):
    after = replace(harbour, settings=replace(harbour.settings, subtitle="Another subtitle"))
    assert changes(harbour, after) == {"settings"}
    assert len(affected(plan(after), {"settings"})) == len(plan(after))


# -- the engine seam ---------------------------------------------------------------------------

def modules() -> dict[str, ast.Module]:
    return {path.relative_to(LANTAI.parent).with_suffix("").as_posix().replace("/", "."): ast.parse(path.read_text())
            for path in LANTAI.rglob("*.py")}


def test_mkdocs_is_imported_only_by_the_engine():
    outside = []
    for name, tree in modules().items():
        if name.startswith("lantai.engines.mkdocs"):
            continue
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            outside += [f"{name}: {n}" for n in names if n == "mkdocs" or n.startswith(("mkdocs.", "material"))]
    assert outside == []


def _imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The lantai modules `name` imports at its top level (not inside functions or TYPE_CHECKING)."""
    found = set()
    package = name if name.endswith("__init__") else name.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # `from . import media` imports the module media; `from .model import Item` the module model
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in known else module for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found |= {t for t in targets if t.startswith("lantai")}
    return found


def test_no_import_cycles():
    trees = modules()
    known = {name.removesuffix(".__init__") for name in trees}
    graph = {name.removesuffix(".__init__"): {t for t in _imports(name, tree, known) if t in known}
             for name, tree in trees.items()}
    assert graph["lantai.pages"] and graph["lantai.engines.mkdocs.plugin"]  # the graph is read at all
    state: dict[str, int] = {}
    cycles = []

    def visit(node, path):
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target] if target in path else [node, target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2
    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_rendered_html_is_edited_by_string_replacement():
    """Pages are made from templates; nothing searches the output for a tag to splice into."""
    pattern = re.compile(r"""\.replace\(\s*["']</?(head|body|article|nav|main)\b|rfind\(\s*["']</""")
    offenders = [str(path.relative_to(LANTAI)) for path in LANTAI.rglob("*.py") if pattern.search(path.read_text())]
    assert offenders == []


def test_the_schema_and_the_model_name_the_same_fields():
    """Each editor's field is declared in the schema; the model's record types hold exactly
    those (plus what reading adds: ids, paths, lines, owners), so neither list drifts."""
    import dataclasses

    from lantai import model
    from lantai.reading import schema
    # A brand's name_en … are held in `translations`; `language` is the language a text is shown in.
    languages = {"translations", "language", "name_language", "description_language"}
    read_by_lantai = {"id", "brand_id", "story_id", "path", "line", "body", "body_line", "description_line",
                      "related_lines", "stories", "name", "items", "file", "transcript_path", "alt",
                      "extra", "sheet"}   # a catalogue row's other columns and its sheet, filled by reading it
    for table, record in (("brand", model.Brand), ("story", model.Story), ("item", model.Item),
                          ("page", model.FreePage), ("source", model.Source), ("link", model.Link),
                          ("event", model.Event), ("place", model.Place)):
        # A brand's fields in other languages (name_en …) are held together, in `translations`.
        declared = {name for name in schema.TABLES[table] if not schema.language_form(name)}
        held = {f.name for f in dataclasses.fields(record)}
        assert declared - held <= {"items"}, (table, declared - held)
        assert held - declared <= read_by_lantai | languages, (table, held - declared)
