"""The deep-zoom viewer on item pages, in Chromium, as visitors use it: a three-page item
whose scans are 4,000 × 3,000 pixels, zoomed and moved with the mouse wheel, the buttons,
the keyboard, a drag and a pinch, paged through; on a 390 px phone, without JavaScript, on
paper, with reduced motion, and through axe. Every tile comes from 127.0.0.1 and loads."""

from __future__ import annotations

import re
import shutil
import time
from urllib.parse import urlsplit

import pytest
from conftest import SUB_PATH, build_site, serve
from test_gates_a11y import axe, blocking_violations  # noqa: F401  (axe is a fixture)
from test_gates_layout import OVERFLOWING
from viewer_support import PAGES, SLUG, STORY, service, write_project

pytestmark = pytest.mark.browser

ITEM = f"items/{SLUG}/"
TILE = re.compile(r"/iiif/images/(?P<service>[0-9a-f]{16})/(\d+,\d+,\d+,\d+|full)/\d+,\d+/0/default\.jpg$")
FRAME = "[data-lt-viewer-frame]"
VIEWER = f"document.querySelector('{FRAME}').ltViewer"


@pytest.fixture(scope="module")
def viewer_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("viewer")
    config = write_project(root / "project")
    site = build_site(config, root / "site")
    services = [service(root / "project" / "content" / "harbour-letters" / file) for file, _ in PAGES]
    assert all((site / folder / "info.json").is_file() for folder in services)
    return site, services


@pytest.fixture(scope="module")
def viewer_url(viewer_site):
    with serve(viewer_site[0]) as url:
        yield url


class Tiles:
    """The image-service requests a page makes, and what each was answered."""

    def __init__(self, page):
        self.page = page
        self.requested: list[str] = []
        self.answered: dict[str, int] = {}
        page.on("request", lambda r: self.requested.append(r.url) if "/iiif/" in r.url else None)
        page.on("response", lambda r: self.answered.__setitem__(r.url, r.status) if "/iiif/" in r.url else None)

    def tiles(self) -> set[str]:
        return {url for url in self.requested if TILE.search(url)}

    def new_after(self, action, seen: set[str] | None = None) -> set[str]:
        """Do `action`, then wait (up to 10 s) for tiles not requested before it."""
        before = self.tiles() if seen is None else seen
        action()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(150)
            new = self.tiles() - before
            if new:
                self.page.wait_for_timeout(300)   # the rest of the step's tiles
                return self.tiles() - before
        return set()

    def all_local_and_loaded(self) -> None:
        self.page.wait_for_load_state("networkidle")
        assert self.requested, "no image-service request at all"
        hosts = {urlsplit(url).hostname for url in self.requested}
        assert hosts == {"127.0.0.1"}, hosts
        failed = {url: self.answered.get(url) for url in self.requested if self.answered.get(url) != 200}
        assert failed == {}, f"tiles that did not load: {failed}"


def open_viewer(page, url: str, page_number: int = 1):
    page.goto(url + ITEM)
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='{page_number}']", timeout=15000)


def zoom(page, *, current: bool = False) -> float:
    return page.evaluate(f"{VIEWER}.viewport.getZoom({'true' if current else 'false'})")


def centre(page) -> tuple[float, float]:
    point = page.evaluate(f"(() => {{ const c = {VIEWER}.viewport.getCenter(); return [c.x, c.y]; }})()")
    return point[0], point[1]


def stage_centre(page) -> tuple[float, float]:
    box = page.locator("[data-lt-viewer-stage]").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_viewer_zooms_and_pans_loading_new_tiles(visit, viewer_url, viewer_site):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    tiles = Tiles(page)
    open_viewer(page, viewer_url)
    site, services = viewer_site
    # The figures gave way to the viewer; its first page is the first figure's service,
    # asked at the address relative to the page (the info.json's own id is a placeholder).
    assert page.locator(FRAME).is_visible()
    assert all(not figure.is_visible() for figure in page.locator("figure[data-lt-iiif]").all())
    assert tiles.requested[0] == f"{viewer_url}{services[0]}/info.json"
    first = tiles.new_after(lambda: None, set())
    assert first and {TILE.search(url)["service"] for url in first} == {services[0].rsplit("/", 1)[1]}
    assert page.get_by_role("toolbar").locator("[data-lt-viewer-where]").inner_text() == "Page 1 of 3"
    assert page.locator("[data-lt-viewer-caption]").inner_text() == "Page 1 of the letter"

    # The mouse wheel, over the scan.
    x, y = stage_centre(page)
    page.mouse.move(x, y)

    def wheel():
        for _ in range(3):
            page.mouse.wheel(0, -120)
            page.wait_for_timeout(80)
    assert tiles.new_after(wheel), "zooming with the wheel loaded no finer tiles"
    assert zoom(page) > 1.5

    # A button, twice.
    before = zoom(page)
    assert tiles.new_after(lambda: [page.get_by_role("button", name="Zoom in").click() for _ in range(2)])
    assert zoom(page) == pytest.approx(before * 2.25, rel=0.01)

    # The keyboard: the scan takes the focus; held arrows move it, 0 fits it again.
    canvas = page.locator(".openseadragon-canvas")
    assert canvas.get_attribute("role") == "application"
    assert canvas.get_attribute("aria-label") == "Zoomable image: Page 1 of the letter"
    canvas.focus()
    was = centre(page)

    def arrows():
        for key in ("ArrowLeft", "ArrowUp"):
            page.keyboard.down(key)
            page.wait_for_timeout(900)
            page.keyboard.up(key)
    assert tiles.new_after(arrows), "moving with the arrow keys loaded no tiles"
    now = centre(page)
    assert now[0] < was[0] and now[1] < was[1]

    # A drag with the mouse.
    x, y = stage_centre(page)

    def drag():
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x - 500, y - 400, steps=12)
        page.mouse.up()
    assert tiles.new_after(drag), "dragging loaded no tiles"
    assert centre(page)[0] > now[0]

    # 0 fits the page again; + and − zoom from the keyboard.
    canvas.focus()
    page.keyboard.press("0")
    page.wait_for_function(f"Math.abs({VIEWER}.viewport.getZoom(true) - 1) < 0.01")
    for _ in range(3):
        page.keyboard.press("+")
    page.wait_for_timeout(300)
    assert zoom(page) > 1.05
    tiles.all_local_and_loaded()
    assert visit.errors == [] and visit.outside_requests() == []


def test_viewer_pages_through_the_item_in_order(visit, viewer_url, viewer_site):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    tiles = Tiles(page)
    open_viewer(page, viewer_url)
    services = [folder.rsplit("/", 1)[1] for folder in viewer_site[1]]
    previous = page.get_by_role("button", name="Previous page")
    following = page.get_by_role("button", name="Next page")
    assert previous.get_attribute("aria-disabled") == "true"
    assert tiles.new_after(following.click, set())
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='2']")
    assert page.locator("[data-lt-viewer-where]").inner_text() == "Page 2 of 3"
    assert page.locator("[data-lt-viewer-caption]").inner_text() == "Page 2 of the letter"
    page.wait_for_timeout(500)
    assert services[1] in {TILE.search(url)["service"] for url in tiles.tiles()}
    # Page Down on the scan turns to the last page, whose scan is a small portrait one.
    page.locator(".openseadragon-canvas").focus()
    page.keyboard.press("PageDown")
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='3']")
    assert page.locator(".openseadragon-canvas").get_attribute("aria-label") == "Zoomable image: Page 3 of the letter"
    assert following.get_attribute("aria-disabled") == "true"
    following.dispatch_event("click")      # nothing after the last page
    assert page.get_attribute(FRAME, "data-lt-viewer-page") == "3"
    page.wait_for_timeout(500)
    assert services[2] in {TILE.search(url)["service"] for url in tiles.tiles()}
    page.keyboard.press("PageUp")
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='2']")
    previous.click()
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='1']")
    assert previous.get_attribute("aria-disabled") == "true"
    tiles.all_local_and_loaded()
    assert visit.errors == [] and visit.outside_requests() == []


def test_full_screen_holds_the_whole_frame(visit, viewer_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    open_viewer(page, viewer_url)
    button = page.get_by_role("button", name="Full screen")
    button.click()
    page.wait_for_function("(document.fullscreenElement === document.querySelector('[data-lt-viewer-frame]')"
                           " || document.querySelector('.lt-viewer__frame--cover') !== null)"
                           " && document.querySelector('[data-lt-viewer-do=full-screen]').ariaPressed === 'true'")
    box = page.locator("[data-lt-viewer-stage]").bounding_box()
    assert box["height"] > 600, "the scan does not fill the screen"
    assert page.get_by_role("button", name="Next page").is_visible()
    button.click()
    page.wait_for_function("document.fullscreenElement === null && !document.querySelector('.lt-viewer__frame--cover')"
                           " && document.querySelector('[data-lt-viewer-do=full-screen]').ariaPressed === 'false'")
    assert page.locator("[data-lt-viewer-stage]").bounding_box()["height"] < 650
    assert visit.errors == []


def test_phone_pinches_and_swipes_without_sideways_scrolling(browser, viewer_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        tiles = Tiles(page)
        open_viewer(page, viewer_url)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
        assert max(widths[:2]) <= widths[2], f"{widths}: sticking out: {page.evaluate(OVERFLOWING)}"
        for button in page.locator(".lt-viewer__button").all():
            box = button.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44 and box["x"] + box["width"] <= 390
        page.locator("[data-lt-viewer-stage]").scroll_into_view_if_needed()
        x, y = stage_centre(page)
        touch = context.new_cdp_session(page)

        def fingers(kind: str, points) -> None:
            touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [
                {"x": px, "y": py, "id": n} for n, (px, py) in enumerate(points)]})

        def pinch():
            fingers("touchStart", [(x - 20, y), (x + 20, y)])
            for step in range(1, 11):
                fingers("touchMove", [(x - 20 - 10 * step, y), (x + 20 + 10 * step, y)])
                page.wait_for_timeout(30)
            fingers("touchEnd", [])
        assert tiles.new_after(pinch), "pinching loaded no finer tiles"
        assert zoom(page) > 2
        was = centre(page)
        fingers("touchStart", [(x, y)])
        for step in range(1, 11):
            fingers("touchMove", [(x - 12 * step, y - 8 * step)])
            page.wait_for_timeout(30)
        fingers("touchEnd", [])
        page.wait_for_timeout(500)
        now = centre(page)
        assert now[0] > was[0] and now[1] > was[1], "a swipe did not move the scan"
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1]
        tiles.all_local_and_loaded()
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_images_are_there(browser, viewer_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        tiles = Tiles(page)
        page.goto(viewer_url + ITEM, wait_until="load")
        assert page.locator(FRAME).is_hidden()
        figures = page.locator("figure[data-lt-iiif]")
        assert figures.count() == len(PAGES)
        first = figures.first.locator("img")
        assert first.is_visible() and first.get_attribute("alt") == "Page 1 of the letter"
        assert page.evaluate("document.querySelector('figure[data-lt-iiif] img').naturalWidth") > 0
        assert tiles.requested == []
        # The story's card still leads to the item's images.
        page.goto(viewer_url + STORY)
        page.get_by_role("link", name="Zoom into its 3 pages").click()
        page.wait_for_load_state("load")
        assert page.url == viewer_url + ITEM + "#viewer"
        assert figures.first.is_visible()
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1]
    finally:
        context.close()


def test_story_card_opens_the_viewer(visit, viewer_url):
    page = visit.page
    visit.page.goto(viewer_url + STORY)
    card = page.locator(".lt-item-card").first
    card.get_by_role("link", name="Zoom into its 3 pages").click()
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='1']")
    assert page.url.endswith(ITEM + "#viewer")
    top = page.evaluate("document.getElementById('viewer').getBoundingClientRect().top")
    assert 0 <= top < 200, f"the viewer is {top} px down the window"
    assert visit.errors == [] and visit.outside_requests() == []


def test_print_shows_the_plain_images(browser, viewer_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_viewer(page, viewer_url)
        page.emulate_media(media="print")
        assert page.locator(FRAME).is_hidden()
        images = page.locator("figure[data-lt-iiif] img")
        assert images.count() == len(PAGES) and all(image.is_visible() for image in images.all())
    finally:
        context.close()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_jumps_instead_of_gliding(browser, viewer_url, motion):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion=motion)
    try:
        page = context.new_page()
        open_viewer(page, viewer_url)
        # The frame after the click: the zoom shown is already the zoom asked, or still on its way.
        shown, asked = page.evaluate(
            f"() => new Promise(done => {{ document.querySelector('[data-lt-viewer-do=zoom-in]').click();"
            f" requestAnimationFrame(() => {{ const v = {VIEWER}.viewport;"
            f" done([v.getZoom(true), v.getZoom(false)]); }}); }})")
        if motion == "reduce":
            assert shown == pytest.approx(asked)
        else:
            assert shown < asked * 0.995
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_viewer_open(visit, viewer_url, axe, scheme):  # noqa: F811
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme=scheme)
    open_viewer(page, viewer_url)
    page.get_by_role("button", name="Next page").click()
    page.wait_for_selector(f"{FRAME}[data-lt-viewer-ready='2']")
    found = blocking_violations(axe, page)
    assert found == [], "\n".join(found)


def test_an_image_without_tiles_is_still_shown_and_zoomable(visit, viewer_site, tmp_path):
    # A site whose image services are missing (a preview before its tiles, a copy without
    # them): the viewer shows each page's largest rendition instead.
    site = tmp_path / "site"
    shutil.copytree(viewer_site[0], site, ignore=shutil.ignore_patterns("iiif"))
    page = visit.page
    shown: list[str] = []
    page.on("request", lambda r: shown.append(r.url) if "/assets/lantai/media/" in r.url else None)
    with serve(site) as url:
        open_viewer(page, url)
        largest = page.get_attribute("figure[data-lt-iiif] a.lt-zoom", "href")
        assert any(u.endswith(largest.rsplit("/", 1)[1]) for u in shown), shown
        page.get_by_role("button", name="Zoom in").click()
        page.wait_for_timeout(300)
        assert zoom(page) > 1.4
    assert visit.errors == [] and visit.outside_requests() == []


def test_viewer_works_under_a_sub_path(visit, viewer_site):
    # As GitHub Pages serves a project site: the info.json ids, paths from the site's root
    # without site_url, would lead out of /exhibit/; the viewer asks where it found info.json.
    page = visit.page
    tiles = Tiles(page)
    with serve(viewer_site[0], SUB_PATH) as url:
        open_viewer(page, url)
        assert tiles.new_after(lambda: page.get_by_role("button", name="Zoom in").click())
        assert all(urlsplit(tile).path.startswith(SUB_PATH) for tile in tiles.tiles())
        tiles.all_local_and_loaded()
    assert visit.errors == [] and visit.outside_requests() == []
