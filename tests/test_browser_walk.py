"""A visitor's first walk through the bundled exhibition, in Chromium: home → brand → story."""

import pytest

pytestmark = pytest.mark.browser


def test_home_to_brand_to_story(visit, bundled_url):
    page = visit.page
    page.goto(bundled_url)
    assert page.locator("h1").first.inner_text().strip().startswith("浙档精品")
    # The three categories are on the entrance, each with its brands as cards.
    for name in ("资政有为", "开放为民", "赓续记忆"):
        assert page.get_by_role("heading", name=name).count() == 1
    assert page.locator(".lt-card--brand").count() == 15
    page.locator(".lt-card--brand a", has_text="上虞红色记忆").first.click()
    page.wait_for_url("**/shangyu-red-memory/")
    assert page.locator("h1").inner_text().strip() == "上虞红色记忆"
    assert "绍兴市上虞区档案馆" in page.locator(".lt-facts").inner_text()
    story_link = page.locator(".lt-card--story a").first
    story_title = story_link.locator(".lt-card__title").inner_text().strip()
    story_link.click()
    page.wait_for_url("**/shangyu-red-memory/*/")
    assert page.locator("h1").inner_text().strip() == story_title
    assert page.locator(".lt-sources li").count() >= 1
    assert visit.errors == []
    assert visit.outside_requests() == []


def test_english_project_walk(visit, harbour_url):
    page = visit.page
    page.goto(harbour_url)
    assert page.locator(".lt-card--brand").count() == 2
    page.locator(".lt-card--brand a", has_text="Harbour Trade Records").click()
    page.wait_for_url("**/harbour-trade/")
    page.locator(".lt-card--story a", has_text="The typhoon of 1937").click()
    page.wait_for_url("**/harbour-trade/typhoon-1937/")
    assert "September 1937" in page.locator(".lt-kicker").inner_text()
    # The item card placed in the text by its code links to the item's page.
    page.locator(".lt-item-card a", has_text="Damage report after the typhoon").click()
    page.wait_for_url("**/items/pt-0002/")
    assert "c. September 1937" in page.locator(".lt-metadata").inner_text()
    assert visit.outside_requests() == []
