"""Golden tests of generated pages: a tiny project in, the exact Markdown of chosen pages out.

Each case under tests/golden/<case>/ holds `input/` (a project), `pages.txt` (the src_uris
to compare, none for a case about mistakes) and `expected/` (each page as the plugin hands
it to MkDocs: front matter with the title and meta, then the Markdown; and `problems.txt`,
the validation report as `check` prints it). When
page generation changes on purpose, rewrite them with `pytest --update-golden` and read
the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lantai.pages import generate_pages
from lantai.problems import format_report
from lantai.project import load_project
from lantai.settings import make_settings

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input").is_dir())


def load_case(case: Path):
    config = yaml.safe_load((case / "input" / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in config.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    settings = make_settings(config["site_name"], config.get("theme", {}).get("language"), options)
    return load_project(case / "input", settings)


def page_text(page) -> str:
    meta = {"title": page.title, **page.meta}
    if page.draft:
        meta["draft"] = True
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n" + page.markdown


@pytest.mark.parametrize("case", CASES)
def test_golden_pages(case, request):
    folder = GOLDEN / case
    project, problems = load_case(folder)
    generated = {page.src_uri: page for page in generate_pages(project)}
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
