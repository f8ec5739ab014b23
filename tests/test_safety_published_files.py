"""What is published of an editor's files (issue 13, item 2): only the files a record names
and the files in a declared assets folder; never a link out of the project, never
editors' notes (content/_notes/), never an unused photograph. Projects are made in
tmp_path from the harbour sample, with symlinks to a secret outside them, and checked,
built and served (the files the plugin hands MkDocs) with the real code."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from conftest import PROJECTS, run_lantai
from test_safety_images import GPS_IFD, photo
from test_validation import CATEGORIES, STORY, TINY_JPEG, lines, where, write

from lantai.checking import load_project
from lantai.publishing.files import linked_files, published_files
from lantai.reading.settings import make_settings

SECRET = "SECRET-root:x:0:0:root:/root:/bin/bash"

PHOTOS_STORY = """\
---
title: Quay photographs
summary: The quay as the harbour master saw it.
items:
  - code: PT-0900
    title: Quay photographs
    media: [media/quay.jpg, media/alias.jpg]
---

![The quay in 1921](media/quay.jpg)

The harbour master's [letter](media/letter%20home.pdf#page=2 "a letter") and his
[notes][notes], but not [the ledger story](harbour-masters-voice.md) nor [the top](#top).

[notes]: <media/notes.pdf>

```
![an example, not a file](media/example.jpg)
```
"""


def outside(tmp_path: Path) -> Path:
    """A folder outside the project holding a secret, as /etc does."""
    folder = tmp_path / "elsewhere"
    (folder / "secret-dir").mkdir(parents=True, exist_ok=True)
    (folder / "passwd").write_text(SECRET + "\ndaemon:x:1:1:SECRET-second-line\n", encoding="utf-8")
    (folder / "secret-dir" / "photo.jpg").write_bytes(photo())
    (folder / "secret-dir" / "note.txt").write_text(SECRET, encoding="utf-8")
    return folder


def harbour(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "harbour", root, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    return root


def everything(site: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file())


def published(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


# -- a build publishes what is named, and the assets folder --------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("published")
    secret = outside(tmp)
    root = harbour(tmp)
    content = root / "content"
    media = content / "harbour-trade" / "media"
    os.symlink(secret / "passwd", media / "passwd.txt")                 # a link out, named by nothing
    os.symlink(secret / "secret-dir", content / "harbour-trade" / "linked")  # a folder linked from outside
    write(root, {
        "content/harbour-trade/photos.md": PHOTOS_STORY,
        "content/harbour-trade/media/quay.jpg": photo(gps=True),
        "content/harbour-trade/media/unused.jpg": photo(),
        "content/harbour-trade/media/letter home.pdf": b"%PDF-1.4 letter",
        "content/harbour-trade/media/notes.pdf": b"%PDF-1.4 notes",
        "shared/quay-1930.jpg": photo(gps=True),
        "content/_notes/todo.md": "# To do\n\nAsk the archive about the 1937 ledger.\n",
        "content/.drafts/idea.md": "# An idea\n",
        "content/assets/logo.png": TINY_JPEG,
        "content/assets/guides/visiting.pdf": b"%PDF-1.4 visiting",
        "content/assets/guides/readme.md": "# Not a page\n",
        "content/assets/_private.txt": "kept back",
        "content/about.md": (content / "about.md").read_text(encoding="utf-8")
        + "\nA [leaflet](leaflet.pdf) for visitors.\n",
        "content/leaflet.pdf": b"%PDF-1.4 leaflet",
    })
    os.symlink("../../../shared/quay-1930.jpg", media / "alias.jpg")  # a link that stays inside: fine
    site = tmp / "site"
    result = run_lantai("build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site), env={"LANTAI_SITE_URL": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr, root


def test_a_link_out_of_the_project_is_not_published(built):
    site, output, _ = built
    files = published(site)
    assert "harbour-trade/media/passwd.txt" not in files
    assert not any(name.startswith("harbour-trade/linked") for name in files)
    assert SECRET.encode() not in everything(site) and SECRET not in output
    assert b"SECRET" not in everything(site)


def test_notes_and_unused_files_are_not_published(built):
    site, _, _ = built
    files = published(site)
    assert not any("_notes" in name or "todo" in name or ".drafts" in name or "idea" in name for name in files)
    assert "harbour-trade/media/unused.jpg" not in files
    assert not any("readme" in name or "_private" in name for name in files)  # Markdown, hidden: not assets
    assert b"Ask the archive about the 1937 ledger" not in everything(site)


def test_named_files_and_the_assets_folder_are_published(built):
    site, _, _ = built
    files = published(site)
    assert {"harbour-trade/media/quay.jpg", "harbour-trade/media/alias.jpg",       # media (alias: a link inside)
            "harbour-trade/media/letter home.pdf", "harbour-trade/media/notes.pdf",  # links in a story's text
            "leaflet.pdf",                                                           # a link in a free page
            "harbour-trade/media/harbour-master-interview.vtt",                      # a transcript
            "assets/logo.png", "assets/guides/visiting.pdf"} <= files                # the assets folder
    assert "harbour-trade/media/example.jpg" not in files


def test_published_photographs_carry_no_location_in_build(built):
    site, _, _ = built
    for name in ("quay.jpg", "alias.jpg"):
        with Image.open(site / "harbour-trade" / "media" / name) as image:
            assert not image.getexif().get_ifd(GPS_IFD), name


def plugin_files(config_file: Path, command: str):
    """The files MkDocs is handed for `command` (serve or build), as its build step makes them."""
    from mkdocs.structure.files import get_files
    from lantai.engines.mkdocs.commands import _load
    config = _load(config_file)
    config.plugins.on_startup(command=command, dirty=False)
    config = config.plugins.on_config(config)
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    return config.plugins.on_files(files, config=config)


def test_serve_hands_mkdocs_the_same_cleaned_files(built, monkeypatch):
    """`serve` builds through the same plugin step: the files it is given carry no GPS either,
    and are the bytes `build` wrote."""
    site, _, root = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # _load would set it for the rest of the session
    files = plugin_files(root / "mkdocs.yml", "serve")
    quay = files.get_file_from_path("harbour-trade/media/quay.jpg")
    assert quay.content_bytes == (site / "harbour-trade" / "media" / "quay.jpg").read_bytes()
    import io
    with Image.open(io.BytesIO(quay.content_bytes)) as image:
        assert not image.getexif().get_ifd(GPS_IFD)
    names = {file.src_uri for file in files}
    assert "harbour-trade/media/passwd.txt" not in names and "_notes/todo.md" not in names
    assert "harbour-trade/media/unused.jpg" not in names and "about.md" in names
    assert any(name.startswith("assets/javascripts/bundle.") for name in names)  # the theme's own files stay


def test_files_mkdocs_yml_names_stay(tmp_path, monkeypatch):
    """A site's own stylesheet, script and logo in docs_dir are named by mkdocs.yml: kept."""
    root = harbour(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  logo: brand/logo.png\n")
    (root / "mkdocs.yml").write_text(config + "extra_css: [css/extra.css]\nextra_javascript: [js/extra.js]\n",
                                     encoding="utf-8")
    write(root, {"content/css/extra.css": "body {}\n", "content/js/extra.js": "//\n",
                 "content/brand/logo.png": TINY_JPEG, "content/css/unused.css": "p {}\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    names = {file.src_uri for file in plugin_files(root / "mkdocs.yml", "build")}
    assert {"css/extra.css", "js/extra.js", "brand/logo.png"} <= names
    assert "css/unused.css" not in names


# -- what a record asks for and cannot have ----------------------------------------------------

def _secret_project(tmp_path: Path, files: dict) -> Path:
    secret = outside(tmp_path)
    root = harbour(tmp_path)
    media = root / "content" / "harbour-trade" / "media"
    os.symlink(secret / "passwd", media / "passwd.txt")
    os.symlink(secret / "passwd", media / "passwd.jpg")
    write(root, files)
    return root


LEAKING_STORY = """\
---
title: The leak
summary: A story whose files are links out of the project.
cover: media/passwd.jpg
items:
  - code: PT-0901
    title: A recording
    media:
      - file: media/harbour-master-interview.wav
        transcript: media/passwd.txt
---

The [password file](media/passwd.txt).
"""


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_named_link_out_of_the_project_is_refused_without_its_text(tmp_path, command):
    root = _secret_project(tmp_path, {"content/harbour-trade/leak.md": LEAKING_STORY})
    args = [command, "-f", str(root / "mkdocs.yml")] + (["-d", str(tmp_path / "site")] if command == "build" else [])
    result = run_lantai(*args, env={"LANTAI_SITE_URL": ""})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    story = "content/harbour-trade/leak.md"
    assert f"{story}:4: cover: 'media/passwd.jpg' is outside the project" in output
    assert f"{story}:10: items[1].media[1].transcript: 'media/passwd.txt' is outside the project" in output
    assert f"{story}:13: 'media/passwd.txt' is outside the project" in output
    assert "does not exist" not in output and "SECRET" not in output
    assert not (tmp_path / "site").exists()


def test_the_outside_message_in_chinese(tmp_path):
    root = _secret_project(tmp_path, {"content/harbour-trade/leak.md": LEAKING_STORY})
    _, problems = load_project(root, make_settings("T", "zh", {"categories": CATEGORIES}))
    text = lines(problems, "zh")
    assert "content/harbour-trade/leak.md:4: cover: 'media/passwd.jpg' 位于项目之外" in text[0], text
    assert not any("SECRET" in line for line in text)


def test_a_brand_file_linked_from_outside_is_refused_and_not_echoed(tmp_path):
    root = _secret_project(tmp_path, {})
    os.symlink(outside(tmp_path) / "passwd", root / "brands" / "leak.yml")
    os.symlink(outside(tmp_path) / "passwd", root / "content" / "harbour-trade" / "leak.md")
    for command in ("check", "build"):
        result = run_lantai(command, "-f", str(root / "mkdocs.yml"), env={"LANTAI_SITE_URL": ""})
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert "brands/leak.yml: this is a link to a file or folder outside the project" in output, output
        assert "content/harbour-trade/leak.md: this is a link to a file or folder outside the project" in output
        assert "SECRET" not in output and "root:x" not in output and "daemon" not in output


def test_an_assets_folder_linked_from_outside_is_refused(tmp_path):
    root = _secret_project(tmp_path, {"content/assets/logo.png": TINY_JPEG})
    os.symlink(outside(tmp_path) / "secret-dir", root / "content" / "assets" / "photos")
    project, problems = load_project(root, make_settings("T", "en", {"categories": CATEGORIES}))
    assert where(problems) == [("content/assets/photos", 0, "", "link-outside-project")], lines(problems)
    assert set(published_files(project)) >= {"assets/logo.png"}
    assert not any("photos" in name for name in published_files(project))


def test_a_named_hidden_file_is_refused(tmp_path):
    story = STORY.replace("---\n\n", "cover: _notes/draft-cover.jpg\n---\n\n![A scan](.scans/scan.jpg)\n", 1)
    files = {"content/trade/typhoon.md": story, "content/trade/_notes/draft-cover.jpg": TINY_JPEG,
             "content/trade/.scans/scan.jpg": TINY_JPEG, "brands/trade.yml": _brand()}
    root = tmp_path / "p"
    write(root, files)
    _, problems = load_project(root, make_settings("T", "en", {"categories": CATEGORIES}))
    assert [(p.line, p.field, p.key) for p in sorted(problems)] == [
        (4, "cover", "hidden-file"), (7, "", "hidden-file")], lines(problems)


def _brand() -> str:
    from test_validation import BRAND
    return BRAND


@pytest.mark.parametrize("assets, key", [
    (["../outside"], "assets-folder"), (["/etc"], "assets-folder"), (["_notes"], "assets-folder"),
    (["."], "assets-folder"), (["scans"], "no-assets-folder"),
])
def test_assets_settings_are_checked(tmp_path, assets, key):
    write(tmp_path, {"brands/trade.yml": _brand(), "content/trade/typhoon.md": STORY})
    _, problems = load_project(tmp_path, make_settings("T", "en", {"categories": CATEGORIES, "assets": assets}))
    assert where(problems) == [("mkdocs.yml", 0, "assets", key)], lines(problems)


def test_a_declared_assets_folder_and_file(tmp_path):
    write(tmp_path, {"brands/trade.yml": _brand(), "content/trade/typhoon.md": STORY,
                     "content/trade/scans/a.jpg": TINY_JPEG, "content/robots.txt": "User-agent: *\n",
                     "content/assets/default.png": TINY_JPEG})
    settings = make_settings("T", "en", {"categories": CATEGORIES, "assets": ["trade/scans", "robots.txt"]})
    project, problems = load_project(tmp_path, settings)
    assert problems == []
    assert list(published_files(project)) == ["robots.txt", "trade/scans/a.jpg"]  # sorted; no default folder


# -- drafts: the project given is the published one ------------------------------------------------

def test_a_file_only_a_draft_names_is_not_listed(tmp_path):
    """lantai/drafts.py removes drafts and their items before anything is generated; with
    them gone, what only a draft named is not published."""
    draft = STORY.replace("---\n\n", "draft: true\ncover: draft.jpg\nitems:\n  - code: D-1\n    title: D\n"
                          "    media: [draft-scan.jpg]\n---\n\n[a file](draft.pdf)\n", 1)
    write(tmp_path, {"brands/trade.yml": _brand(), "content/trade/typhoon.md": STORY + "\n![Quay](quay.jpg)\n",
                     "content/trade/later.md": draft, "content/trade/draft.jpg": TINY_JPEG,
                     "content/trade/draft-scan.jpg": TINY_JPEG, "content/trade/draft.pdf": b"%PDF",
                     "content/trade/quay.jpg": TINY_JPEG})
    project, problems = load_project(tmp_path, make_settings("T", "en", {"categories": CATEGORIES}))
    assert problems == [], lines(problems)
    assert set(published_files(project)) == {"trade/draft.jpg", "trade/draft-scan.jpg", "trade/draft.pdf",
                                             "trade/quay.jpg"}
    # What published(project, include_drafts=False) hands on: no draft, none of its items.
    del project.stories["trade/later"]
    project.brands["trade"].stories = [s for s in project.brands["trade"].stories if not s.draft]
    project.items = {code: item for code, item in project.items.items() if item.story_id != "later"}
    assert list(published_files(project)) == ["trade/quay.jpg"]


# -- the links read from Markdown -----------------------------------------------------------------

def test_linked_files_are_local_files_only():
    text = ("![a](a.jpg) [b](b.pdf \"t\") [page](other.md) [web](https://example.org/x.pdf) [m](mailto:a@b.c)\n"
            "[top](#top) [dir](../) [![thumb](t.jpg)](full.jpg) [sp](<my file.pdf>) `![code](c.jpg)`\n"
            "<!-- ![hidden](h.jpg) -->\n[ref]: refs/r.pdf\n[^1]: ../../notes.txt, a footnote\n[enc](x%20y.pdf?v=1#p2) [abs](/assets/z.pdf)\n")
    assert [(link.line, link.path) for link in linked_files(text)] == [
        (1, "a.jpg"), (1, "b.pdf"), (2, "t.jpg"), (2, "full.jpg"), (2, "my file.pdf"), (4, "refs/r.pdf"),
        (6, "x y.pdf"), (6, "/assets/z.pdf")]


def test_a_named_file_in_the_project_but_outside_content_is_refused_as_such(tmp_path):
    story = STORY.replace("---\n\n", "cover: ../../shared/cover.jpg\n---\n\n", 1)
    write(tmp_path, {"brands/trade.yml": _brand(), "content/trade/typhoon.md": story, "shared/cover.jpg": TINY_JPEG})
    _, problems = load_project(tmp_path, make_settings("T", "en", {"categories": CATEGORIES}))
    assert where(problems) == [("content/trade/typhoon.md", 4, "cover", "outside-content")], lines(problems)
    assert "neither in content/ nor beside the brand files" in lines(problems)[0]
