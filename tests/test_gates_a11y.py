"""Accessibility gate: axe-core in Chromium finds no serious or critical WCAG 2.1 AA
violation on any kind of page, in the light and the dark colour scheme.

axe-core is the current release from npm, pinned in package-lock.json and installed into
node_modules by `make test` (`npm ci`); its axe.min.js is injected into each page from
disk, so the gate itself fetches nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_gates_pages import PAGE_CASES, PAGE_IDS, open_page, site_url_of

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")


REPO = Path(__file__).resolve().parents[1]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"


class Axe:
    """axe-core from node_modules, run in a Playwright page."""

    def __init__(self, script: Path, version: str):
        self.script, self.version = script, version

    def run(self, page, options: dict) -> dict:
        page.add_script_tag(path=str(self.script))
        loaded = page.evaluate("() => window.axe && window.axe.version")
        assert loaded == self.version, f"axe-core {loaded} in the page, package-lock.json pins {self.version}"
        return page.evaluate("options => axe.run(document, options)", options)


@pytest.fixture(scope="session")
def axe() -> Axe:
    locked = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    version = locked["packages"]["node_modules/axe-core"]["version"]
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS.relative_to(REPO)} is missing: run `make test` (or `npm ci`) to install axe-core {version}")
    return Axe(AXE_JS, version)


def blocking_violations(axe: Axe, page) -> list[str]:
    """Each serious or critical violation as 'rule (impact): help — selector, selector'."""
    results = axe.run(page, {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        targets = [" ".join(map(str, node["target"])) + _contrast(node) for node in violation["nodes"]]
        shown = ", ".join(targets[:5]) + (f" (+{len(targets) - 5} more)" if len(targets) > 5 else "")
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {shown}")
    return found


def _contrast(node) -> str:
    # For colour contrast, the colours and ratio axe measured say what to change.
    data = next((check.get("data") for check in node.get("any", []) if isinstance(check.get("data"), dict)), None)
    if not data or "contrastRatio" not in data:
        return ""
    return (f" [{data.get('fgColor')} on {data.get('bgColor')}: {data['contrastRatio']}:1,"
            f" needs {data.get('expectedContrastRatio')}]")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("case", PAGE_CASES, ids=PAGE_IDS)
def test_no_serious_wcag_violation(request, visit, axe, case, scheme):
    visit.page.emulate_media(color_scheme=scheme)
    open_page(visit, site_url_of(request, case.project), case)
    found = blocking_violations(axe, visit.page)
    assert found == [], f"{case.id} ({scheme}) /{case.path}:\n" + "\n".join(found)


def test_axe_gate_reports_what_it_finds(visit, axe, tmp_path):
    # The gate's own check: an image without alternative text and an unlabelled field.
    from conftest import serve
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><main><h1>Bad</h1><img src="x.png">'
        '<input type="text"></main></html>', encoding="utf-8")
    with serve(tmp_path) as url:
        visit.page.goto(url)
        found = blocking_violations(axe, visit.page)
    assert any(line.startswith("image-alt (critical)") and "img" in line for line in found), found
    assert any(line.startswith("label (critical)") for line in found), found


def test_axe_gate_runs_the_npm_release(visit, axe, tmp_path):
    # The copy in the page is the one package-lock.json pins, and that is a 4.14 or later.
    from conftest import serve
    (tmp_path / "index.html").write_text('<!doctype html><html lang="en"><title>t</title><main><h1>Good</h1>'
                                         '</main></html>', encoding="utf-8")
    with serve(tmp_path) as url:
        visit.page.goto(url)
        results = axe.run(visit.page, {"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results["testEngine"] == {"name": "axe-core", "version": axe.version}
    assert tuple(map(int, axe.version.split(".")[:2])) >= (4, 14), axe.version
    assert results["violations"] == [], results["violations"]
