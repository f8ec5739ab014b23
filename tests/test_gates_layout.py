"""Layout gates: a 390 px wide phone never scrolls sideways, and a printed page carries
the exhibit, not the site's navigation."""

from __future__ import annotations

import pytest

from test_gates_pages import PAGE_CASES, PAGE_IDS, open_page, site_url_of

pytestmark = pytest.mark.browser

# The elements that stick out past the right edge, deepest first, to name in a failure.
OVERFLOWING = """() => {
  const width = window.innerWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5) continue;
    if ([...el.children].some(child => child.getBoundingClientRect().right > width + 0.5)) continue;
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + [...el.classList].join('.');
    out.push(`${name} (right edge ${Math.round(box.right)} px)`);
  }
  return out.slice(0, 8);
}"""

NAVIGATION = {"header": ".md-header", "tabs": ".md-tabs", "primary sidebar": ".md-sidebar--primary",
              "secondary sidebar": ".md-sidebar--secondary", "footer navigation": ".md-footer__inner"}


@pytest.mark.parametrize("case", PAGE_CASES, ids=PAGE_IDS)
def test_phone_shows_no_horizontal_scrolling(request, visit, case):
    assert visit.page.viewport_size["width"] == 390
    open_page(visit, site_url_of(request, case.project), case)
    widths = visit.page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth,"
                                 " window.innerWidth]")
    scroll_width, body_width, inner_width = widths
    assert max(scroll_width, body_width) <= inner_width, (
        f"{case.id} /{case.path}: {max(scroll_width, body_width)} px wide on a {inner_width} px phone; "
        f"sticking out: {', '.join(visit.page.evaluate(OVERFLOWING))}")


@pytest.mark.parametrize("case", PAGE_CASES, ids=PAGE_IDS)
def test_print_hides_navigation(request, browser, case):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url_of(request, case.project) + case.path, wait_until="load")
        page.emulate_media(media="print")
        shown = [f"{name} ({selector})" for name, selector in NAVIGATION.items()
                 if any(element.is_visible() for element in page.locator(selector).all())]
        assert shown == [], f"{case.id} /{case.path}: printed with navigation: {', '.join(shown)}"
        assert page.locator("h1").first.is_visible(), f"{case.id}: the printed page lost its heading"
    finally:
        context.close()


def test_layout_gate_names_what_sticks_out(visit, tmp_path):
    from conftest import serve
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><meta name="viewport" content="width=device-width">'
        '<body style="margin:0"><div class="wide" style="width:600px">x</div></body></html>', encoding="utf-8")
    with serve(tmp_path) as url:
        visit.page.goto(url)
        assert visit.page.evaluate("document.documentElement.scrollWidth") > 390
        assert visit.page.evaluate(OVERFLOWING) == ["div.wide (right edge 600 px)"]
