"""Shared fixtures: built sites, a local static server, and Chromium through Playwright.

Sites are built once per test session with the real command line (`build.py build`).
The server listens on 127.0.0.1 only and can serve a site under a sub-path, as GitHub
Pages serves a project site. Browser tests drive Debian's Chromium (Playwright cannot
download its own browsers here) and never reach beyond this machine.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
PROJECTS = Path(__file__).resolve().parent / "projects"
BUNDLED_CONFIG = REPO / "mkdocs.yml"
HARBOUR_CONFIG = PROJECTS / "harbour" / "mkdocs.yml"
CHROMIUM = os.environ.get("LANTAI_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the expected output of the golden cases in tests/golden/")


def run_lantai(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python build.py ARGS` as an editor would, capturing its output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=600)


# What each build printed (with -q: warnings and errors only), by site folder.
BUILD_OUTPUTS: dict[Path, str] = {}


def build_site(config: Path, site_dir: Path, env: dict | None = None) -> Path:
    # A site address exported in the developer's shell must not leak into the test builds.
    env = {"LANTAI_SITE_URL": "", **(env or {})}
    result = run_lantai("build", "-q", "-f", str(config), "-d", str(site_dir), env=env)
    assert result.returncode == 0, f"build of {config} failed:\n{result.stdout}\n{result.stderr}"
    BUILD_OUTPUTS[site_dir] = result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    """The bundled 浙档精品 exhibition, built once."""
    return build_site(BUNDLED_CONFIG, tmp_path_factory.mktemp("bundled") / "site")


@pytest.fixture(scope="session")
def harbour_site(tmp_path_factory) -> Path:
    """The English sample project, built once."""
    return build_site(HARBOUR_CONFIG, tmp_path_factory.mktemp("harbour") / "site")


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):  # keep test output quiet
        pass

    def translate_path(self, path):
        parts = urlsplit(path)
        if not parts.path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + parts.path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        # Serve the site's 404 page, as GitHub Pages does.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/"):
    """Serve `directory` at http://127.0.0.1:PORT{prefix}; yields that base URL."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def bundled_url(bundled_site):
    with serve(bundled_site) as url:
        yield url


@pytest.fixture(scope="session")
def harbour_url(harbour_site):
    with serve(harbour_site) as url:
        yield url


# GitHub Pages serves a project site at https://OWNER.github.io/REPOSITORY/; the sub-path
# builds use such an address, so links, assets, search and the 404 page must cope with it.
PAGES_SITE_URL = "https://archive.github.io/exhibit/"
SUB_PATH = "/exhibit/"


@pytest.fixture(scope="session")
def subpath_sites(tmp_path_factory) -> dict[str, Path]:
    """Both projects built as CI publishes them to GitHub Pages: with the project site's
    address in LANTAI_SITE_URL (canonical URLs, sitemap, 404 links under /exhibit/)."""
    out = tmp_path_factory.mktemp("published")
    env = {"LANTAI_SITE_URL": PAGES_SITE_URL}
    return {"bundled": build_site(BUNDLED_CONFIG, out / "bundled", env=env),
            "harbour": build_site(HARBOUR_CONFIG, out / "harbour", env=env)}


@pytest.fixture(scope="session")
def subpath_urls(subpath_sites):
    """The published builds served under /exhibit/, as a GitHub Pages project site is."""
    with serve(subpath_sites["bundled"], SUB_PATH) as bundled, serve(subpath_sites["harbour"], SUB_PATH) as harbour:
        yield {"bundled": bundled, "harbour": harbour}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/ensure-chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Visit:
    """A browser page that records every request it makes and every script error."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

        def on_dialog(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()
        page.on("dialog", on_dialog)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests
                if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(url).hostname not in ("127.0.0.1", "localhost")]


@pytest.fixture
def visit(browser):
    """A fresh browser context (phone-sized unless a test resizes it), recording requests."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    yield Visit(page)
    context.close()
