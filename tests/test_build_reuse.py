"""`build` into a folder it built before (lantai/engines/mkdocs/reuse.py): the pages an edit did
not touch are taken from the last site, and the new site is byte for byte the one a build
without the build cache writes, whatever was edited."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lantai.build_cache import CACHE_DIR

from conftest import run_lantai
from test_build_cache import _tree, harbour  # noqa: F401  (harbour is a fixture)


def build(config: Path, site: Path, cache: bool = True) -> tuple[int, int]:
    """Build (not quiet); how many pages were taken from the last site, of how many."""
    env = {"LANTAI_SITE_URL": "", **({} if cache else {"LANTAI_CACHE": "off"})}
    result = run_lantai("build", "-f", str(config), "-d", str(site), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"(\d+) of (\d+) pages unchanged since the last build", result.stdout + result.stderr)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


TYPHOON = "content/harbour-trade/typhoon-1937.md"
EDITS = {
    "a sentence of a story": lambda p: _edit(p / TYPHOON, "struck the harbour in September.",
                                             "struck the harbour in September, at night."),
    "a story's title": lambda p: _edit(p / TYPHOON, "title: The typhoon of 1937", "title: The great typhoon"),
    "an item of a story": lambda p: _edit(p / TYPHOON, "title: Damage report after the typhoon",
                                          "title: Damage report, 1937"),
    "a brand file": lambda p: _edit(p / "brands/harbour-trade.yml", "name:", "name: The"),
    "a free page": lambda p: _edit(p / "content/about.md", "\n\n", "\n\nA new first paragraph.\n\n"),
    "a new story": lambda p: (p / "content/harbour-trade/a-new-story.md").write_text(
        "---\ntitle: A new story\nsummary: Written since the last build.\n---\n\nIt is new.\n", encoding="utf-8"),
    "a deleted story": lambda p: (p / "content/harbour-trade/harbour-masters-voice.md").unlink(),
    "mkdocs.yml": lambda p: _edit(p / "mkdocs.yml", "site_name:", "site_name: New"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_rebuild_after_an_edit_is_the_site_a_build_without_the_cache_writes(harbour, tmp_path, edit):
    config, site = harbour / "mkdocs.yml", tmp_path / "site"
    assert build(config, site) == (0, 0), "nothing to take from on the first build"
    EDITS[edit](harbour)
    taken, pages = build(config, site)
    fresh = tmp_path / "fresh"
    build(config, fresh, cache=False)
    assert _tree(site) == _tree(fresh)
    if edit == "a sentence of a story":
        # Only the story, its brand and category pages and the views listing it are rendered.
        assert 0 < taken < pages
    else:
        # A title (a page's or an item's: every page's list of pages), a brand file, a free
        # page, a page added or gone, the configuration: every page is rendered again.
        assert taken == 0


def test_a_sentence_edited_renders_only_the_pages_showing_it(harbour, tmp_path):
    config, site = harbour / "mkdocs.yml", tmp_path / "site"
    build(config, site)
    taken, pages = build(config, site)
    assert taken == pages > 0, "with nothing changed every page is taken from the last site"
    EDITS["a sentence of a story"](harbour)
    taken, pages = build(config, site)
    html = (site / "harbour-trade/typhoon-1937/index.html").read_text(encoding="utf-8")
    assert "in September, at night." in html
    free = (site / "about/index.html").read_text(encoding="utf-8")
    assert "at night" not in free
    assert 0 < taken < pages


def test_a_page_changed_in_the_site_since_is_rendered_again(harbour, tmp_path):
    config, site = harbour / "mkdocs.yml", tmp_path / "site"
    build(config, site)
    page = site / "about/index.html"
    good = page.read_bytes()
    page.write_bytes(good.replace(b"</body>", b"<p>changed by hand</p></body>"))
    taken, pages = build(config, site)
    assert taken == pages - 1
    assert page.read_bytes() == good


def test_without_the_cache_every_page_is_rendered(harbour, tmp_path):
    config, site = harbour / "mkdocs.yml", tmp_path / "site"
    build(config, site, cache=False)
    assert build(config, site, cache=False) == (0, 0)
    assert not (harbour / CACHE_DIR).exists()


def test_the_last_site_moved_elsewhere_is_not_used(harbour, tmp_path):
    config = harbour / "mkdocs.yml"
    build(config, tmp_path / "one")
    assert build(config, tmp_path / "two") == (0, 0), "a new folder: every page rendered"
    os.rename(tmp_path / "one", tmp_path / "moved")
    assert build(config, tmp_path / "one") == (0, 0)


def test_a_page_taken_from_the_last_site_is_the_same_file_and_still_checked(harbour, tmp_path):
    """Taken pages are linked, not copied (the same bytes under a second name); a page edited
    by hand after such a build is still noticed and rendered again."""
    config, site = harbour / "mkdocs.yml", tmp_path / "site"
    build(config, site)
    page = site / "about/index.html"
    before = page.stat()
    taken, pages = build(config, site)
    assert taken == pages > 0
    after = page.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert after.st_nlink == 1, "the last site is gone: the page has one name again"
    good = page.read_bytes()
    with open(page, "ab") as handle:   # written in place, as `echo >>` would
        handle.write(b"<!-- changed by hand -->")
    assert build(config, site) == (pages - 1, pages)
    assert page.read_bytes() == good
