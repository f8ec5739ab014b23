"""The preview (`serve`, lantai/engines/mkdocs/preview.py): an edit shows at once and rewrites
only the pages it touches; new and deleted stories come and go; a broken file leaves the last
good preview and shows the editor its problems, in the terminal and in the browser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PROJECTS, REPO, serve
from lantai.build_cache import CACHE_DIR
from lantai.engines.mkdocs import preview as preview_module
from lantai.engines.mkdocs.commands import _load
from lantai.engines.mkdocs.preview import PROBLEMS_FILE, Preview

STORY = "content/harbour-trade/typhoon-1937.md"
STORY_PAGE = "harbour-trade/typhoon-1937/index.html"
OTHER_PAGE = "harbour-families/letters-home/index.html"   # another brand's story


@pytest.fixture
def preview(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(CACHE_DIR))
    site = tmp_path / "site"
    site.mkdir()
    config_file = project / "mkdocs.yml"

    def load():
        config = _load(config_file, site_dir=str(site))
        config.site_url = "http://127.0.0.1:8000/"
        return config
    running = preview_module.CURRENT = Preview(config_file, site, load)
    running.watched = [config_file, project / "brands", project / "content"]
    running.first()
    assert (site / STORY_PAGE).is_file() and not running.problems
    yield running
    running.wait()
    preview_module.CURRENT = None


def _stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _save(preview: Preview, relative: str, text: str) -> None:
    path = preview.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _problems(preview: Preview) -> list[str]:
    return json.loads((preview.site_dir / PROBLEMS_FILE).read_text(encoding="utf-8"))["problems"]


def test_an_edit_shows_at_once_and_rewrites_only_the_pages_it_touches(preview):
    site = preview.site_dir
    before = _stamps(site)
    text = (preview.root / STORY).read_text(encoding="utf-8")
    _save(preview, STORY, text + "\nA sentence written during the preview.\n")
    preview.rebuild()          # returns when the browser may reload: the story's page is written
    assert "A sentence written during the preview." in (site / STORY_PAGE).read_text(encoding="utf-8")
    preview.wait()
    after = _stamps(site)
    rewritten = {page for page in after if after[page] != before.get(page)}
    assert STORY_PAGE in rewritten
    assert OTHER_PAGE not in rewritten, "a story of another brand does not show this one"
    assert "harbour-families/index.html" not in rewritten, "nor does the other brand's page"
    readers = {f"{page.url}index.html" for page in preview.built.pages.values()
               if "story:harbour-trade/typhoon-1937" in page.reads}
    assert rewritten - {"404.html"} <= readers, "only pages showing the story are written again"
    assert len(rewritten) < len(after)
    assert not _problems(preview)


def test_a_new_title_reaches_the_brand_page_and_the_views(preview):
    site = preview.site_dir
    text = (preview.root / STORY).read_text(encoding="utf-8")
    _save(preview, STORY, text.replace("title:", "title: Renamed", 1))
    preview.rebuild()
    preview.wait()
    assert "Renamed" in (site / "harbour-trade/index.html").read_text(encoding="utf-8")
    assert "Renamed" in (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "Renamed" not in (site / OTHER_PAGE).read_text(encoding="utf-8")


def test_a_new_story_appears_and_a_deleted_one_goes(preview):
    site = preview.site_dir
    _save(preview, "content/harbour-trade/pilot-boats.md",
          "---\ntitle: Pilot boats\nsummary: The boats that guided ships in.\ndate: '1936'\n---\n\nPilot boats met every ship.\n")
    preview.rebuild()
    preview.wait()
    page = site / "harbour-trade/pilot-boats/index.html"
    assert "Pilot boats met every ship." in page.read_text(encoding="utf-8")
    assert "pilot-boats" in (site / "harbour-trade/index.html").read_text(encoding="utf-8")
    (preview.root / "content/harbour-trade/pilot-boats.md").unlink()
    preview.rebuild()
    preview.wait()
    assert not page.exists()
    assert "pilot-boats" not in (site / "harbour-trade/index.html").read_text(encoding="utf-8")
    assert not _problems(preview)


def test_a_broken_file_keeps_the_last_good_preview_and_names_the_problem(preview, capsys):
    site = preview.site_dir
    good = (preview.root / STORY).read_text(encoding="utf-8")
    shown = (site / STORY_PAGE).read_text(encoding="utf-8")
    _save(preview, STORY, good.replace("title:", "title: [unclosed", 1) + "\nNot yet shown.\n")
    preview.rebuild()
    preview.wait()
    problems = _problems(preview)
    assert problems and any("content/harbour-trade/typhoon-1937.md:" in line for line in problems), problems
    assert (site / STORY_PAGE).read_text(encoding="utf-8") == shown, "the last good page stays"
    # Mended: the problems go and the text comes.
    _save(preview, STORY, good + "\nMended now.\n")
    preview.rebuild()
    preview.wait()
    assert not _problems(preview)
    assert "Mended now." in (site / STORY_PAGE).read_text(encoding="utf-8")


def test_an_unknown_item_code_found_by_the_whole_check_is_shown_too(preview):
    good = (preview.root / STORY).read_text(encoding="utf-8")
    _save(preview, STORY, good + "\nSee [[NO-SUCH-CODE]].\n")
    preview.rebuild()
    preview.wait()
    assert any("NO-SUCH-CODE" in line for line in _problems(preview))


def test_the_browser_shows_the_problems_over_the_last_good_page(preview, visit):
    good = (preview.root / STORY).read_text(encoding="utf-8")
    _save(preview, STORY, good.replace("title:", "title: [unclosed", 1))
    preview.rebuild()
    preview.wait()
    with serve(preview.site_dir) as url:
        visit.page.goto(url + "harbour-trade/typhoon-1937/")
        panel = visit.page.locator("#lt-preview-problems")
        panel.wait_for(state="visible")
        assert panel.get_attribute("role") == "alert"
        assert "typhoon-1937.md" in panel.inner_text()
        assert visit.page.locator("article").count() == 1, "the last good page is still there"
    assert not visit.errors


def test_a_published_build_never_holds_the_panel(harbour_site):
    assert not list(harbour_site.rglob("preview-problems.json"))
    assert all("lt-preview-problems" not in p.read_text(encoding="utf-8") for p in harbour_site.rglob("*.html"))


def test_serve_answers_over_http_and_shows_an_edit(tmp_path):
    """The command an editor runs: `build.py serve`, a save, and the page served anew."""
    project = tmp_path / "harbour"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(CACHE_DIR))
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    page = f"http://127.0.0.1:{port}/harbour-trade/typhoon-1937/"
    try:
        _until(lambda: _fetch(page) is not None, 120)
        story = project / STORY
        story.write_text(story.read_text(encoding="utf-8") + "\nSaved while serving.\n", encoding="utf-8")
        _until(lambda: "Saved while serving." in (_fetch(page) or ""), 30)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Preview of content/harbour-trade/typhoon-1937.md updated" in output, output


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
