"""The editing interface at /admin/ (lantai/editing/): Decap CMS configured from the
editors' fields, its local backend in `serve`, and what a published build holds.

The done-when of issue 11's point 2 is the browser test at the end: against `serve` on
127.0.0.1, Chromium makes a brand (with a category) and a story (title, summary, an EDTF
date, an image, text) through /admin/; the files on disk pass `check` and the story shows
in the preview; nothing is asked of another host; axe reports nothing serious on the page.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import signal
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, run_lantai
from lantai.editing import cms
from lantai.editing.local_backend import LocalBackend
from lantai.reading.project import read_project
from lantai.reading.schema import TABLES
from lantai.reading.settings import make_settings
from test_builds import BUNDLED_CONFIG
from test_gates_a11y import axe  # noqa: F401  (the fixture)

PROJECTS = Path(__file__).resolve().parent / "projects"
CACHE = ".lantai-cache"


def bundled_project(options: dict | None = None):
    import yaml
    raw = yaml.safe_load(BUNDLED_CONFIG.read_text(encoding="utf-8"))
    plugin = next(entry["lantai"] for entry in raw["plugins"] if isinstance(entry, dict) and "lantai" in entry)
    settings = make_settings(raw["site_name"], raw["theme"]["language"], {**plugin, **(options or {})})
    project, problems = read_project(REPO, settings, REPO / "content")
    return project, problems


# -- the configuration follows the schema --------------------------------------------------------

def test_the_forms_ask_for_the_fields_check_reads():
    project, _ = bundled_project()
    config = cms.config(project)
    collections = {c["name"]: c for c in config["collections"]}
    assert set(collections) == {"brands", "pages", *(f"stories-{b}" for b in project.brands)}
    story = collections["stories-shangyu-red-memory"]
    assert story["folder"] == "content/shangyu-red-memory" and story["media_folder"] == ""
    assert [f["name"] for f in story["fields"]] == [*TABLES["story"], "body"]
    for field in story["fields"][:-1]:
        assert field["required"] is TABLES["story"][field["name"]].required, field["name"]
    brand = {f["name"]: f for f in collections["brands"]["fields"]}
    assert brand["category"]["widget"] == "select"
    assert [o["value"] for o in brand["category"]["options"]] == [c.id for c in project.settings.categories]
    assert "name_en" in brand            # the bundled exhibition publishes English
    order = [f["name"] for f in collections["brands"]["fields"]]
    assert order[:4] == ["name", "name_en", "archives", "region"]   # a translation saved beside its original
    assert "default" not in {f["name"]: f for f in story["fields"]}["draft"]   # an untouched switch writes nothing
    sources = {f["name"]: f for f in brand["sources"]["fields"]}
    assert list(sources) == list(TABLES["source"]) and sources["title"]["required"] is True
    assert config["locale"] == "zh_Hans" and config["publish_mode"] == "simple"   # backend: local
    github, _ = bundled_project({"admin": {"backend": "github", "repo": "a/b", "base_url": "https://auth.example.org"}})
    assert cms.config(github)["publish_mode"] == "editorial_workflow"   # a pull request, checked by CI


@pytest.mark.parametrize("value, valid", [
    ("1956", True), ("1956-01", True), ("1956-01-29", True), ("1956/1960", True), ("1920~", True),
    ("1920?", True), ("../1960", True), ("1956年", False), ("56-01", False), ("1956-13", False), ("", False)])
def test_the_date_field_takes_edtf(value, valid):
    project, _ = bundled_project()
    story = next(c for c in cms.config(project)["collections"] if c["name"].startswith("stories-"))
    pattern, message = next(f for f in story["fields"] if f["name"] == "date")["pattern"]
    assert bool(re.match(pattern, value)) is valid
    assert "EDTF" in message


def test_the_page_holds_its_configuration_as_text(tmp_path):
    project, _ = bundled_project()
    project.settings.site_name = '</script><script>alert("x")</script>'
    page = cms.page(project, local_backend=False)
    held = re.search(r'<script type="application/json" id="lantai-cms-config">(.*?)</script>', page, re.S).group(1)
    assert "<" not in held
    assert json.loads(held)["load_config_file"] is False
    assert "<script>alert" not in page and "local_backend" not in page
    assert "local_backend" in cms.page(project, local_backend=True)


# -- the settings ---------------------------------------------------------------------------------

def test_admin_settings_are_checked_in_one_run(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(CACHE))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - lantai:\n", "  - lantai:\n      admin: {backend: svn, repo: 'not a repo', base_url: 'ftp://x', colour: red}\n", 1),
        encoding="utf-8")
    result = run_lantai("check", "-f", str(config))
    assert result.returncode == 1
    for expected in ("admin.backend", "'svn'", "admin.repo", "admin.base_url", "admin.colour"):
        assert expected in result.stdout + result.stderr, expected


def test_a_backend_that_cannot_sign_in_is_a_note_not_an_error():
    project, problems = bundled_project({"admin": {"backend": "github", "repo": "zjda/exhibition"}})
    notes = [p for p in problems if p.field == "admin"]
    assert [(p.key, p.severity) for p in notes] == [("admin-preview-only", "notice")]
    assert not cms.published(project.settings.admin)
    assert cms.published(bundled_project({"admin": {"backend": "gitea", "repo": "a/b", "base_url": "https://git.example.org",
                                                    "app_id": "c0ffee"}})[0].settings.admin)


def test_a_published_build_has_admin_only_when_editors_can_sign_in(tmp_path, bundled_site):
    assert not (bundled_site / "admin").exists()          # backend: local, the preview only
    project = tmp_path / "p"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(CACHE))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - lantai:\n", (
        "  - lantai:\n      admin:\n        backend: gitea\n        repo: archive/harbour\n"
        "        base_url: https://git.example.org\n        app_id: 1a2b3c\n"), 1), encoding="utf-8")
    site = tmp_path / "site"
    result = run_lantai("build", "-q", "-f", str(config), "-d", str(site))
    assert result.returncode == 0, result.stderr
    page = (site / "admin" / "index.html").read_text(encoding="utf-8")
    held = json.loads(re.search(r'id="lantai-cms-config">(.*?)</script>', page, re.S).group(1))
    assert held["backend"] == {"name": "gitea", "repo": "archive/harbour", "branch": "main",
                               "base_url": "https://git.example.org", "api_root": "https://git.example.org/api/v1",
                               "app_id": "1a2b3c"}
    assert "local_backend" not in page and "livereload" not in page
    # Every file the page names is in the site (the links gate for /admin/).
    named = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert {"decap-cms/decap-cms.js", "lantai-admin.css", "lantai-admin.js"} <= set(named)
    assert [n for n in named if not (site / "admin" / n).resolve().is_file()] == []
    # And every part Decap loads later (its chunks, its WebAssembly) beside its script.
    published_parts = {p.name for p in (site / "admin" / "decap-cms").iterdir()}
    assert published_parts == {p.name for p in cms.VENDOR_DIR.iterdir()} - {"SHA256SUMS"}
    assert not (site / "admin" / "decap-cms" / "SHA256SUMS").exists()
    assert not any(p.suffix == ".map" for p in (site / "admin").rglob("*"))


def test_the_committed_decap_is_the_pinned_release():
    listed = {}
    for line in (cms.VENDOR_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    present = {p.name for p in cms.VENDOR_DIR.iterdir()} - {"SHA256SUMS", "LICENSE"}
    assert present == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((cms.VENDOR_DIR / name).read_bytes()).hexdigest() == digest, name
    version = re.search(r'^VERSION = "([^"]+)"', (REPO / "scripts" / "vendor-cms").read_text(encoding="utf-8"), re.M)[1]
    assert version.encode() in (cms.VENDOR_DIR / "decap-cms.js").read_bytes()
    assert "MIT License" in (cms.VENDOR_DIR / "LICENSE").read_text(encoding="utf-8")


# -- the local backend ----------------------------------------------------------------------------

@pytest.fixture
def backend(tmp_path):
    root = tmp_path / "project"
    (root / "brands").mkdir(parents=True)
    (root / "content" / "harbour").mkdir(parents=True)
    (root / "brands" / "harbour.yml").write_text(
        "# yaml-language-server: $schema=../schemas/brand.schema.json\nname: Harbour\n", encoding="utf-8")
    (root / "content" / "harbour" / "one.md").write_text("---\ntitle: One\n---\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (root / "content" / "harbour" / "link").symlink_to(tmp_path)
    return LocalBackend(root, ("brands", "content"))


def ask(backend, action, params=None, content_type="application/json", client="127.0.0.1"):
    status, body = backend.answer(json.dumps({"action": action, "params": params or {}}).encode(), content_type, client)
    return status, json.loads(body)


def test_the_local_backend_lists_reads_and_writes_the_project(backend):
    assert ask(backend, "info") == (200, {"repo": "project", "publish_modes": ["simple"], "type": "local_fs"})
    status, entries = ask(backend, "entriesByFolder", {"folder": "content/harbour", "extension": "md", "depth": 1})
    assert status == 200 and [e["file"]["path"] for e in entries] == ["content/harbour/one.md"]
    image = base64.b64encode(b"\x89PNG fake").decode()
    status, _ = ask(backend, "persistEntry", {
        "dataFiles": [{"path": "content/harbour/two.md", "raw": "---\ntitle: Two\n---\nText\n"}],
        "assets": [{"path": "content/harbour/two.png", "content": image, "encoding": "base64"}]})
    assert status == 200
    assert (backend.root / "content/harbour/two.md").read_text(encoding="utf-8").startswith("---\ntitle: Two")
    assert (backend.root / "content/harbour/two.png").read_bytes() == b"\x89PNG fake"
    assert ask(backend, "getEntry", {"path": "content/harbour/two.md"})[1]["data"].endswith("Text\n")
    assert ask(backend, "getMediaFile", {"path": "content/harbour/two.png"})[1]["content"] == image
    # Decap writes YAML without comments: the file's first lines (the schema line) stay.
    ask(backend, "persistEntry", {"entry": {"path": "brands/harbour.yml", "raw": "name: Harbour Trade\n"}})
    assert (backend.root / "brands/harbour.yml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/brand.schema.json\nname: Harbour Trade\n")
    assert ask(backend, "deleteFile", {"path": "content/harbour/two.png"})[0] == 200
    assert not (backend.root / "content/harbour/two.png").exists()
    assert ask(backend, "getDeployPreview") == (200, None)
    assert ask(backend, "somethingElse")[0] == 422


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/passwd", "content/../../outside.txt", ".git/config",
                                  "mkdocs.yml", "content/harbour/link/outside.txt", "content/_notes/x.md",
                                  "content\\..\\..\\outside.txt"])
def test_the_local_backend_never_leaves_the_editors_folders(backend, path):
    before = {p: p.read_bytes() for p in backend.root.parent.rglob("*") if p.is_file() and "link" not in p.parts}
    assert ask(backend, "getEntry", {"path": path})[1]["data"] is None
    assert ask(backend, "getMediaFile", {"path": path})[0] == 403
    assert ask(backend, "persistMedia", {"asset": {"path": path, "content": "eA==", "encoding": "base64"}})[0] == 403
    # One bad path refuses the whole save: the good file beside it is not written either.
    status, _ = ask(backend, "persistEntry", {"dataFiles": [{"path": "content/harbour/ok.md", "raw": "x"}],
                                              "assets": [{"path": path, "content": "eA==", "encoding": "base64"}]})
    assert status == 403 and not (backend.root / "content/harbour/ok.md").exists()
    assert ask(backend, "deleteFile", {"path": path})[0] == 403
    after = {p: p.read_bytes() for p in backend.root.parent.rglob("*") if p.is_file() and "link" not in p.parts}
    assert after == before


def test_short_forms_reach_the_form_written_long(backend):
    """Decap's editor stops on a place or a file written as a plain name; the local backend
    gives it the long form, which check takes as well."""
    from lantai.editing.local_backend import form_ready
    story = ("---\ntitle: One\nsummary: s\nplaces:\n  - name: 常山县\n    location: [28.9, 118.51]\n  - 大埂村\n"
             "tags: 档案\nitems:\n  - code: X-1\n    title: t\n    media: [a.jpg, {file: b.jpg, caption: c}]\n---\nBody [[X-1]]\n")
    ready = form_ready("content/harbour/one.md", story)
    import yaml
    data = yaml.safe_load(ready.split("---\n")[1])
    assert data["places"][1] == {"name": "大埂村"} and data["tags"] == ["档案"]
    assert data["items"][0]["media"] == [{"file": "a.jpg"}, {"file": "b.jpg", "caption": "c"}]
    assert ready.endswith("---\nBody [[X-1]]\n")
    long_already = "---\ntitle: One\n# a note\n---\nBody\n"
    assert form_ready("content/harbour/one.md", long_already) == long_already   # untouched, comment and all
    assert form_ready("content/about.md", story) == story                       # a free page: any front matter
    (backend.root / "content/harbour/one.md").write_text(story, encoding="utf-8")
    assert ask(backend, "getEntry", {"path": "content/harbour/one.md"})[1]["data"] == ready


def test_the_local_backend_answers_json_from_this_machine_only(backend):
    assert ask(backend, "info", client="192.168.1.20")[0] == 403
    assert ask(backend, "info", content_type="text/plain")[0] == 415   # a cross-site form cannot send JSON
    assert backend.answer(b"{not json", "application/json", "127.0.0.1")[0] == 400
    assert backend.answer(b"[1, 2]", "application/json", "::1")[0] == 400


# -- in the browser, against serve ----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


def _until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def serving(tmp_path):
    """The bundled exhibition, copied, in `build.py serve` on a free port."""
    project = tmp_path / "exhibition"
    project.mkdir()
    for name in ("mkdocs.yml", "brands", "content", "schemas"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    # In a session of its own, so that its worker processes stop with it.
    server = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: _fetch(url + "admin/")[0] == 200, 180, "the preview")
        yield project, url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


@pytest.mark.browser
def test_an_editor_writes_a_brand_and_a_story_in_the_browser(serving, visit, axe):
    from test_gates_a11y import blocking_violations
    project, url = serving
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    field = lambda name: page.locator(f'[id^="{name}-field-"]').first

    # Another site's page cannot use the API, and it answers POST only.
    assert _fetch(url + "api/v1", b'{"action": "info"}', {"Content-Type": "application/json",
                                                         "Origin": "https://evil.example"})[0] == 403
    assert _fetch(url + "api/v1")[0] == 405

    page.goto(url + "admin/")
    # axe on Decap's own screens: clean with themes/admin/lantai-admin.css (its grey text and
    # publish button lacked contrast) and without Decap's preview pane (an untitled frame).
    assert blocking_violations(axe, page) == []        # signing in
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="品牌", exact=True).click()
    page.locator('a[href$="/collections/brands/new"]').wait_for()
    page.get_by_text("编辑界面测试品牌").or_(page.get_by_text("矛盾纠纷")).first.wait_for()
    assert blocking_violations(axe, page) == []        # a collection
    page.locator('a[href$="/collections/brands/new"]').click()
    field("name").wait_for()
    assert blocking_violations(axe, page) == []        # the editor
    field("name").fill("编辑界面测试品牌")
    field("archives").fill("测试档案馆")
    field("region").fill("杭州市")
    field("category").click()
    page.get_by_text("赓续记忆", exact=True).click()
    field("summary").fill("在浏览器中建立的品牌。")
    page.get_by_role("button", name="发布").click()
    page.get_by_text("立即发布").click()
    _until(lambda: list(project.glob("brands/brand-*.yml")), 30, "the brand file")
    brand_file = next(project.glob("brands/brand-*.yml"))
    brand_id = brand_file.stem
    assert "category: memory" in brand_file.read_text(encoding="utf-8")

    # The new brand's stories are a collection once the preview has rebuilt the interface.
    _until(lambda: f"stories-{brand_id}" in _fetch(url + "admin/")[1], 60, "the new brand in the interface")
    page.goto(url + "admin/?again")   # the page, made anew by the preview, with the new collection
    collection = page.get_by_role("link", name="故事 · 编辑界面测试品牌")
    collection.or_(page.get_by_role("button", name="登录")).first.wait_for()
    if not collection.is_visible():
        page.get_by_role("button", name="登录").click()
    collection.click()
    page.locator(f'a[href$="/collections/stories-{brand_id}/new"]').click()
    field("title").fill("浏览器里写的故事")
    field("summary").fill("一个在编辑界面中写成的故事。")
    field("date").fill("1956-01")
    page.get_by_role("button", name="选择图片").click()
    scan = project / "scan-upload.jpg"
    from PIL import Image
    Image.new("RGB", (640, 480), (120, 90, 60)).save(scan, quality=85)
    page.locator('input[type="file"]').set_input_files(str(scan))
    page.get_by_role("button", name="选用已选中项目").wait_for()
    assert blocking_violations(axe, page) == []        # the media library
    page.get_by_role("button", name="选用已选中项目").click()
    page.locator('[aria-label="markdown field"]').get_by_text("Markdown").wait_for()
    body = page.locator('[aria-label="markdown field"] [contenteditable="true"]')
    body.click()
    page.keyboard.type("档案里的一段正文。")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("[[SY-E01]]")
    page.get_by_role("button", name="发布").click()
    page.get_by_text("立即发布").click()
    _until(lambda: list(project.glob(f"content/{brand_id}/story-*.md")), 30, "the story file")
    story_file = next(project.glob(f"content/{brand_id}/story-*.md"))
    _until(lambda: "档案里的一段正文" in story_file.read_text(encoding="utf-8"), 10, "the story's text")
    text = story_file.read_text(encoding="utf-8")
    assert re.search(r"^date: ['\"]?1956-01['\"]?$", text, re.M), text
    assert re.search(r"^cover: scan-upload\.jpg$", text, re.M), text
    assert (project / "content" / brand_id / "scan-upload.jpg").is_file()
    assert "\n[[SY-E01]]" in text          # an item's mark as the editor wrote it

    # An existing story, whose places mix plain names and {name, location}, opens and saves
    # (in a page of its own: the editor just left asks before it is left).
    other = page.context.new_page()
    other_requests = []
    other.on("request", lambda request: other_requests.append(request.url))
    other.goto(url + "admin/")
    other.get_by_role("button", name="登录").or_(other.locator('a[data-testid="stories-changshan-disputes"]')).first.wait_for()
    if other.get_by_role("button", name="登录").is_visible():
        other.get_by_role("button", name="登录").click()
    other.locator('a[data-testid="stories-changshan-disputes"]').click()
    other.locator('a[href$="/entries/records-before-mediation"]').click()
    other.locator('[id^="title-field-"]').first.fill("调解之前，先把档案查清楚")
    other.get_by_role("button", name="发布").click()
    other.get_by_text("立即发布").click()
    existing = project / "content" / "changshan-disputes" / "records-before-mediation.md"
    _until(lambda: "先把档案查清楚" in existing.read_text(encoding="utf-8"), 30, "the edited story")
    saved = existing.read_text(encoding="utf-8")
    assert "- name: 大埂村" in saved and "统一查档" in saved

    check = run_lantai("check", "-f", str(project / "mkdocs.yml"))
    assert check.returncode == 0, check.stdout + check.stderr
    story_url = f"{url}{brand_id}/{story_file.stem}/"
    _until(lambda: "浏览器里写的故事" in _fetch(story_url)[1], 60, "the story in the preview")
    page.goto(story_url)
    assert page.locator("h1").first.inner_text() == "浏览器里写的故事"
    assert page.locator("article").get_by_text("档案里的一段正文。").count() == 1
    assert visit.outside_requests() == []
    assert [u for u in other_requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))] == []
    assert visit.errors == []
