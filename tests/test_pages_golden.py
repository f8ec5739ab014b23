"""Golden tests of rendered pages: a tiny project in, the exact article of chosen pages out.

Each case under tests/golden/<case>/ holds `input/` (a project), `pages.txt` (the source
paths of the pages to compare, none for a case about mistakes) and `expected/` (each page
as lantai/pages renders it for any engine: a header with its kind, address, title,
description, what it hides and reads, then the article's HTML and its search marks; and
`problems.txt`, the report `check` prints, warnings included). When
page generation changes on purpose, rewrite them with `pytest --update-golden` and read
the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lantai.checking import check
from lantai.drafts import published
from lantai.pages import Renderer, plan, render
from lantai.pages.markdown import MarkdownRenderer, site_resolver
from lantai.problems import format_report
from lantai.reading.project import read_project as load_project
from lantai.reading.settings import make_settings

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input").is_dir())


def load_case(case: Path):
    config = yaml.safe_load((case / "input" / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in config.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    settings = make_settings(config["site_name"], config.get("theme", {}).get("language"), options)
    return load_project(case / "input", settings)


def page_text(rendered) -> str:
    page = rendered.page
    meta = {"kind": page.kind, "url": page.url, "title": page.title, "description": page.description,
            "hide": list(page.hide), "reads": sorted(page.reads), "draft": page.draft}
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n" + rendered.html
            + (f"\n<!-- search marks -->\n{rendered.marks}\n" if rendered.marks else ""))


def rendered_pages(project):
    """Every page of the published project, rendered as a build renders it."""
    shown = published(project)
    pages = plan(shown)
    renderer = Renderer(shown, MarkdownRenderer(site_resolver(shown, pages)))
    return {page.source: render(renderer, page) for page in pages}


@pytest.mark.parametrize("case", CASES)
def test_golden_pages(case, request):
    folder = GOLDEN / case
    project, problems = load_case(folder)
    problems = check(project, problems)
    generated = rendered_pages(project)
    chosen = [line.strip() for line in (folder / "pages.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [uri for uri in chosen if uri not in generated] == [], f"pages.txt names pages that are not generated"
    actual = {uri: page_text(generated[uri]) for uri in chosen}
    actual["problems.txt"] = format_report(problems, project.language) + "\n"
    expected_dir = folder / "expected"
    if request.config.getoption("--update-golden"):
        for uri, text in actual.items():
            target = expected_dir / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        stale = [p for p in expected_dir.rglob("*") if p.is_file() and p.relative_to(expected_dir).as_posix() not in actual]
        for p in stale:
            p.unlink()
    for uri, text in actual.items():
        expected = expected_dir / uri
        assert expected.is_file(), f"{expected} is missing: run pytest --update-golden"
        assert text == expected.read_text(encoding="utf-8"), f"{case}/{uri} differs (pytest --update-golden rewrites it)"


def test_golden_cases_are_there():
    assert {"exhibition-zh", "harbour-en", "mistakes-en"} <= set(CASES)
