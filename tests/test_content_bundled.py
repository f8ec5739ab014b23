"""The bundled 浙档精品 exhibition told in full: each flagship story keeps at least 1,500
characters of body text, a timeline, its people, places on the map and its sources.

The count is strict: the Markdown body after the front matter, without whitespace, without
item markers and Markdown syntax characters (headings, emphasis, list markers, link targets),
Chinese punctuation counted. A story that shrinks below the line fails here.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import BUNDLED_CONFIG
from lantai.checking import load_project
from lantai.markers import MARKER
from lantai.reading.settings import make_settings

FLAGSHIPS = [
    "shangyu-red-memory/manifesto-first-translation",      # 上虞
    "dachen-island-reclamation/reclamation-years",         # 大陈岛
    "jingning-she-heritage/ribbon-weaving-oral-history",   # 景宁
    "tongxiang-notables/notables-archives",                # 桐乡
    "yiwu-legend/small-commodities-capital",               # 义乌
]
MINIMUM = 1500

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")         # [text](target) and images: the text stays
_LIST = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.M)     # list markers
_SYNTAX = re.compile(r"[#*_`~>|\[\]!]")                 # headings, emphasis, code, quotes, tables


def body_characters(body: str) -> int:
    """Characters of a story's text as a reader sees it (whitespace and Markdown syntax left out)."""
    text = MARKER.sub("", body)
    text = _LINK.sub(r"\1", text)
    text = _LIST.sub("", text)
    text = _SYNTAX.sub("", text)
    return len(re.sub(r"\s", "", text))


def test_the_count_leaves_out_markup_and_whitespace():
    assert body_characters("## 标题\n\n**一句**话，[链接](https://example.org/)。\n\n- 一项\n\n[[SY-E01]]\n") == 11


@pytest.fixture(scope="module")
def stories():
    raw = yaml.safe_load(BUNDLED_CONFIG.read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in raw.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    settings = make_settings(raw["site_name"], raw.get("theme", {}).get("language"), options)
    project, problems = load_project(BUNDLED_CONFIG.parent, settings)
    assert [p for p in problems if p.severity == "error"] == []
    return project.stories  # by key: brand-id/story-id


@pytest.mark.parametrize("key", FLAGSHIPS)
def test_flagship_story_is_told_in_full(stories, key):
    story = stories[key]
    assert not story.draft
    count = body_characters(story.body)
    assert count >= MINIMUM, f"{story.path}: {count} characters of text, fewer than {MINIMUM}"
    assert story.events, f"{story.path}: no events for the timeline"
    assert all(event.date and event.title for event in story.events)
    assert story.people, f"{story.path}: no people"
    assert any(place.location for place in story.places), f"{story.path}: no place with a location for the map"
    assert story.sources, f"{story.path}: no sources"
    assert all(source.title and source.publisher for source in story.sources), story.path
