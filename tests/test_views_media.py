"""Media on item pages: responsive renditions, the lightbox, players with searchable transcripts
whose cues move the player, and alt text an editor must give."""

from __future__ import annotations

import re
import shutil

import pytest
from PIL import Image

from lantai.views import media
from views_support import read_page, resolves, section, tags

from conftest import HARBOUR_CONFIG, PROJECTS, run_lantai


def test_parse_webvtt_cues():
    text = ("WEBVTT\n\nNOTE a comment\n\nintro\n00:00:01.500 --> 00:00:03.000 align:start\n<v Ann>Hello <i>there</i>\n\n"
            "01:02:03.250 --> 01:02:04.000\nsecond line\nwraps\n")
    cues = media.parse_vtt(text)
    assert [(c.start, c.end, c.text) for c in cues] == [(1.5, 3.0, "Hello there"),
                                                         (3723.25, 3724.0, "second line wraps")]
    assert cues[0].clock == "00:01" and cues[1].clock == "1:02:03"


def test_alt_text_from_the_title_when_not_written():
    assert media.fill_alt('![](a.jpg "The pier")') == '![The pier](a.jpg "The pier")'
    assert media.fill_alt("![Ledger](a.jpg)") == "![Ledger](a.jpg)"
    assert media.fill_alt("![](a.jpg)") == "![](a.jpg)"  # left for the warning below


def test_item_image_has_renditions_with_sizes(harbour_site):
    html = read_page(harbour_site, "items/pt-0004/")
    figure = section(html, '<figure class="lt-media lt-media--image"', "</figure>")
    source = tags(figure, "source")[0]
    img = tags(figure, "img")[0]
    assert source["type"] == "image/webp"
    assert img["alt"] == "Ships entered in March 1921, with their cargo and dues"  # from the caption
    assert img["width"] == "960" and img["height"] == "640"
    webp = [entry.split() for entry in source["srcset"].split(", ")]
    assert [w for _, w in webp] == ["480w", "960w", "1400w"]
    for url, width in webp:
        assert resolves(harbour_site, "items/pt-0004/", url)
        with Image.open(harbour_site / "items" / "pt-0004" / url) as image:
            assert image.format == "WEBP" and image.width == int(width[:-1])
    with Image.open(harbour_site / "items" / "pt-0004" / img["src"]) as image:
        assert image.format == "JPEG" and image.size == (960, 640)
    zoom = tags(figure, "a")[0]
    assert "data-lt-lightbox" in zoom and zoom["data-width"] == "1400"
    assert resolves(harbour_site, "items/pt-0004/", zoom["href"])


def test_renditions_are_byte_identical(tmp_path):
    from lantai.checking import load_project
    from lantai.reading.settings import make_settings
    project, _ = load_project(PROJECTS / "harbour", make_settings("Harbour Memories", "en", {}))
    pictures = [p for item in project.items.values() for m in item.media if (p := media.picture(project, m))]
    assert pictures
    assert media.render_files(pictures) == media.render_files(pictures)


def test_transcript_is_in_the_page(harbour_site):
    html = read_page(harbour_site, "items/pt-0003/")
    player = tags(html, "audio")[0]
    assert player["id"] == "lt-player-1" and resolves(harbour_site, "items/pt-0003/", player["src"])
    track = tags(html, "track")[0]
    assert track["kind"] == "captions" and resolves(harbour_site, "items/pt-0003/", track["src"])
    transcript = section(html, 'data-lt-transcript="lt-player-1"', "</section>")
    assert "Every ship that sheltered from the typhoon is written there." in transcript
    assert re.findall(r'data-lt-seek="([\d.]+)"', transcript) == ["0.0", "1.0", "2.0"]


@pytest.mark.browser
def test_a_transcript_cue_moves_the_player(visit, harbour_url):
    page = visit.page
    page.goto(harbour_url + "items/pt-0003/")
    player = page.locator("#lt-player-1")
    assert player.evaluate("p => p.currentTime") == 0
    page.get_by_role("button", name="Play from 00:02").click()
    page.wait_for_function("document.getElementById('lt-player-1').currentTime >= 2")
    assert 2 <= player.evaluate("p => p.currentTime") <= 3.01
    page.get_by_role("button", name="Play from 00:01").click()
    page.wait_for_function("Math.abs(document.getElementById('lt-player-1').currentTime - 1) < 0.9")
    player.evaluate("p => p.pause()")
    assert page.locator('.lt-cue[aria-current="true"]').count() <= 1
    assert visit.errors == [] and visit.outside_requests() == []


@pytest.mark.browser
def test_lightbox_opens_zooms_and_closes(visit, harbour_url):
    # An image in a story's text (an item's images are its deep-zoom viewer's pages instead:
    # tests/test_viewer_browser.py).
    page = visit.page
    page.goto(harbour_url + "harbour-trade/harbour-masters-voice/")
    page.locator("a[data-lt-lightbox]").click()
    dialog = page.locator("dialog.lt-lightbox")
    assert dialog.is_visible()
    page.wait_for_function("document.querySelector('.lt-lightbox__image').naturalWidth === 1400")
    page.get_by_role("button", name="Zoom in").click()
    assert float(dialog.get_attribute("data-scale")) > 1
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.url.endswith("/harbour-trade/harbour-masters-voice/")  # the link was not followed
    assert visit.errors == [] and visit.outside_requests() == []


def test_image_without_alt_text_fails_a_strict_build(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    story = project / "content" / "harbour-trade" / "harbour-masters-voice.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n![](media/ledger-page.jpg)\n", encoding="utf-8")
    line = story.read_text(encoding="utf-8").splitlines().index("![](media/ledger-page.jpg)") + 1
    result = run_lantai("build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (f"content/harbour-trade/harbour-masters-voice.md:{line}: the image media/ledger-page.jpg has no alt text"
            in output), output
    assert not (tmp_path / "site").exists()


def test_an_image_standing_alone_in_a_story_gets_renditions(harbour_site):
    url = "harbour-trade/harbour-masters-voice/"
    html = read_page(harbour_site, url)
    figure = section(html, '<figure class="lt-media lt-media--image lt-media--text">', "</figure>")
    img = tags(figure, "img")[0]
    assert img["alt"] == "Ships entered in the ledger in March 1921"
    assert img["width"] == "960" and img["height"] == "640"
    assert all(resolves(harbour_site, url, entry.split()[0]) for entry in tags(figure, "source")[0]["srcset"].split(", "))
    assert "data-lt-lightbox" in tags(figure, "a")[0]


def test_a_text_transcript_is_shown_as_paragraphs(tmp_path):
    from lantai.model import Media, Project, Settings
    (tmp_path / "talk.txt").write_text("First part of the talk.\n\nSecond   part,\nwrapped.\n", encoding="utf-8")
    project = Project(tmp_path, tmp_path, Settings("x", "en"))
    found = media.transcript(project, Media(file="talk.mp3", path="talk.mp3", transcript="talk.txt",
                                            transcript_path="talk.txt"))
    assert found.cues == [] and found.paragraphs == ["First part of the talk.", "Second part, wrapped."]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["items/pt-0004/", "items/pt-0003/", "harbour-trade/harbour-masters-voice/", "map/"])
def test_media_and_views_load_under_a_sub_path(visit, subpath_urls, path):
    """Published as a GitHub Pages project site (/exhibit/): every image, script and file loads."""
    page = visit.page
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(subpath_urls["harbour"] + path)
    if page.locator("[data-lt-viewer]").count():  # an item's images: the viewer's pages, tiles and all
        page.wait_for_selector("[data-lt-viewer-frame][data-lt-viewer-ready]")
    page.wait_for_load_state("networkidle")
    for image in page.locator("main img:visible").all():
        image.scroll_into_view_if_needed()  # lazy images load when they come near
        image.evaluate("img => img.complete ? null : new Promise(done => { img.onload = img.onerror = done; })")
        assert image.evaluate("img => img.naturalWidth > 0"), image.get_attribute("src")
    assert failed == [] and visit.errors == [] and visit.outside_requests() == []
