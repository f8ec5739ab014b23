"""A draft story leaves no trace in a published build (tests/projects/drafts/): not its
page, its words, its item, its scan, its tags, people or place, nor the links published
stories make to it; `check` warns about those links; a preview shows the draft."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PROJECTS, build_site, run_lantai

DRAFT_WORDS = ("Quillwort", "Marrowfat", "Zebedee Draftperson", "Draftcove", "draftonlytag", "PT-0900",
               "pt-0900", "unfinished-notes", "draft-scan")


def drafts_project(root: Path) -> Path:
    shutil.copytree(PROJECTS / "harbour", root, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    shutil.copytree(PROJECTS / "drafts" / "content", root / "content", dirs_exist_ok=True)
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def drafts_site(tmp_path_factory) -> Path:
    config = drafts_project(tmp_path_factory.mktemp("drafts") / "project")
    return build_site(config, config.parent.parent / "site")


def test_check_warns_about_links_to_a_draft(tmp_path):
    config = drafts_project(tmp_path / "project")
    result = run_lantai("check", "-f", str(config), cwd=config.parent)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "typhoon-1937.md" in line]
    assert len(warned) == 2, result.stderr
    assert warned[0].startswith("content/harbour-trade/typhoon-1937.md:15: related[2]: 'harbour-trade/unfinished-notes' is a draft")
    assert warned[1].startswith("content/harbour-trade/typhoon-1937.md:26: '[[PT-0900]]' is an item of a draft story")


def test_a_published_build_holds_nothing_of_the_draft(drafts_site):
    files = [path for path in drafts_site.rglob("*") if path.is_file()]
    assert len(files) > 50 and (drafts_site / "harbour-trade" / "typhoon-1937" / "index.html").is_file()
    for path in files:
        name = path.relative_to(drafts_site).as_posix()
        assert not any(word.lower() in name.lower() for word in DRAFT_WORDS), name
        if path.suffix in (".html", ".json", ".csv", ".xml", ".txt", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found = [word for word in DRAFT_WORDS if word in text]
            assert found == [], f"{name} holds {found}"
    # The published story keeps its own text, without the marker or the link to the draft.
    story = (drafts_site / "harbour-trade" / "typhoon-1937" / "index.html").read_text(encoding="utf-8")
    assert "records the ships that sheltered, as  may one day." in story
    assert "[[" not in story


def test_the_scan_only_the_draft_names_is_not_published(drafts_site):
    assert not (drafts_site / "harbour-trade" / "media" / "draft-scan.jpg").exists()
    renditions = [p.name for p in (drafts_site / "assets" / "lantai" / "media").iterdir()]
    assert renditions and not any(name.startswith("draft-scan") for name in renditions)


def test_the_search_index_has_no_page_of_the_draft(drafts_site):
    import json
    entry = json.loads((drafts_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(language["page_count"] for language in entry["languages"].values())
    indexed = [p for p in drafts_site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert pages == len(indexed) and not any("unfinished-notes" in p.as_posix() for p in indexed)
