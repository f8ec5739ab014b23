"""The sample content: multi-page document images that the project is free to publish.

The bundled exhibition's three flagship stories each show the exhibition's own leaflet, set
from the story's sourced text on A4 pages; the English sample (examples/harbour-archive/) is a
fictional archive whose letters, manifest and plan are drawn here. Both are rendered by
scripts/render-sample-pages, and the committed images are what it renders (reproducible).
"""

from __future__ import annotations

import subprocess
import sys

from PIL import Image

from conftest import BUNDLED_CONFIG, REPO, build_site
from lantai.checking import check, load_project
from lantai.markers import find_markers
from lantai.reading.settings import make_settings

SAMPLE = REPO / "examples" / "harbour-archive"
LEAFLETS = ("shangyu-red-memory/manifesto-first-translation", "dachen-island-reclamation/reclamation-years",
            "jingning-she-heritage/ribbon-weaving-oral-history")


def project_of(config):
    import yaml
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next(entry["lantai"] for entry in raw["plugins"] if isinstance(entry, dict) and "lantai" in entry)
    settings = make_settings(raw["site_name"], raw["theme"]["language"], options or {}, raw.get("site_url"))
    project, problems = load_project(config.parent, settings)
    assert [str(p) for p in check(project, problems) if p.severity == "error"] == []
    return project


def multi_page_items(project):
    return [item for item in project.items.values()
            if sum(1 for m in item.media if m.kind == "image") >= 2]


def test_each_flagship_story_places_a_leaflet_of_several_pages_in_the_exhibitions_own_numbering():
    project = project_of(BUNDLED_CONFIG)
    for key in LEAFLETS:
        story = project.stories[key]
        leaflets = [i for i in story.items if i.code_kind == "exhibition" and len(i.media) >= 2]
        assert leaflets, f"{key} has no multi-page leaflet"
        for item in leaflets:
            assert item.code in {m.code for m in find_markers(story.body)}, f"{item.code} is not placed in {key}"
            assert "CC BY 4.0" in (item.rights or "") and "creativecommons.org" in item.rights
            for media in item.media:
                with Image.open(project.content_dir / media.path) as page:
                    assert page.size == (1654, 2339)     # A4 at 200 dpi
                assert media.alt


def test_the_english_sample_is_a_fictional_archive_with_multi_page_items_that_build(tmp_path):
    project = project_of(SAMPLE / "mkdocs.yml")
    assert project.language == "en"
    about = (SAMPLE / "content" / "about.md").read_text(encoding="utf-8")
    assert "fictional archive" in about
    items = multi_page_items(project)
    assert len(items) >= 3
    site = build_site(SAMPLE / "mkdocs.yml", tmp_path / "site")
    for item in items:
        page = (site / "items" / item.slug / "index.html").read_text(encoding="utf-8")
        assert page.count("<figure") >= 2 and item.title in page
    # Its catalogue sheet is read: every open row has its page, the rows held back are nowhere.
    assert len(project.catalogue) == 211 and len(project.held_back) == 5
    for item in project.catalogue:
        assert (site / "items" / item.slug / "index.html").is_file(), item.code
    import gzip
    held = [code.encode("utf-8") for code in project.held_back]
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
            assert not [code for code in held if code in data], path


def test_the_committed_page_images_are_what_the_script_renders():
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "render-sample-pages"), "--check"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
