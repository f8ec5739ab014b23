"""Network gate: nothing leaves the site. Visitors in mainland China cannot reach Google
Fonts, CDNs or map tiles abroad, and a page that waits on them hangs; so while each kind
of page loads and is used (scrolled through, searched, its menu opened) the browser's
network log holds only requests to the site itself, and no script fails.
"""

from __future__ import annotations

import pytest

from test_gates_pages import PAGE_CASES, PAGE_IDS, header_search, open_page, site_url_of

pytestmark = pytest.mark.browser


def use_page(page, query: str) -> None:
    """What a visitor does on a page: read to the end, open the menu, search."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(200)
    page.evaluate("window.scrollTo(0, 0)")
    drawer = page.locator("label.md-header__button[for='__drawer']")
    if drawer.count() and drawer.first.is_visible():
        drawer.first.click()
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")
        page.evaluate("document.getElementById('__drawer') && (document.getElementById('__drawer').checked = false)")
    if page.locator("header form[role='search']").count():
        header_search(page, query or "档案")
        page.wait_for_timeout(800)
        page.keyboard.press("Escape")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("case", PAGE_CASES, ids=PAGE_IDS)
def test_no_request_leaves_the_site(request, visit, case, width):
    visit.page.set_viewport_size({"width": width, "height": 900})
    open_page(visit, site_url_of(request, case.project), case)
    use_page(visit.page, case.query)
    assert visit.outside_requests() == [], f"{case.id} /{case.path} reached outside the site"
    assert visit.errors == [], f"{case.id} /{case.path}: script errors"
    assert visit.dialogs == [], f"{case.id} /{case.path}: unexpected dialogs"


def test_network_gate_sees_a_request_to_another_host(visit, tmp_path):
    # 127.0.0.2 is another host to the browser, and still this machine: nothing leaves it.
    from conftest import serve
    (tmp_path / "index.html").write_text('<!doctype html><h1>x</h1><img src="http://127.0.0.2:9/font.png" alt="">',
                                         encoding="utf-8")
    with serve(tmp_path) as url:
        visit.page.goto(url)
        visit.page.wait_for_load_state("networkidle")
    assert visit.outside_requests() == ["http://127.0.0.2:9/font.png"]
