"""What a page tells the search index: its record, and the hidden marks Pagefind reads.

What a page tells the index:
- its article is the indexed body (`data-pagefind-body`, printed by the page frame);
  home, category and search pages carry none, so they are left out;
- metadata shown with a result: title, brand, date, kind;
- filters: category, brand, kind (the search page filters on them, in the browser);
- a few weighted terms, so that the page *about* a thing ranks before pages that
  mention it: an item's reference code, a brand's name, a story's people, places and
  subjects;
- a simplified-character copy of any passage written in traditional characters;
- the pinyin of the people and places a page is about, as one word each (陈望道 ->
  chenwangdao, a person's surname read as a surname: lantai/collation.py), and their
  initials (cwd) where no other person or place of the exhibition has the same ones, so a
  visitor without a Chinese keyboard finds them too.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .. import collation, dates
from ..labels import label
from ..model import Brand, FreePage, Item, Project, Story

KINDS = ("story", "brand", "item", "page")
# Weights (Pagefind: 0-10, quadratic; h1 is 7, body text 1).
WEIGHT_NAME = 10       # an item's code, a brand's own name: the page that *is* the thing
WEIGHT_SUBJECT = 5     # a story's people, places and subjects: the page about them

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


@dataclass
class SearchRecord:
    """What one page tells the search index."""

    kind: str                         # story, brand, item or page
    kind_label: str                   # shown with the result, in the site's language
    title: str
    brand: str = ""                   # the brand's name
    category: str = ""                # the category's name
    date: str = ""                    # as shown to visitors
    names: list[str] = field(default_factory=list)      # the thing this page is (weight WEIGHT_NAME)
    subjects: list[str] = field(default_factory=list)   # people, places, subjects (WEIGHT_SUBJECT)
    readings: list[str] = field(default_factory=list)   # their pinyin and initials (WEIGHT_SUBJECT)


def _record(project: Project, kind: str, title: str, brand: Brand | None, **values) -> SearchRecord:
    category = project.category(brand.category) if brand else None
    return SearchRecord(kind, label(kind, project.language), title, brand=brand.name if brand else "",
                        category=category.name if category else "", **values)


def story_record(project: Project, story: Story) -> SearchRecord:
    places = [place.name for place in story.places]
    return _record(project, "story", story.title, project.brands.get(story.brand_id),
                   date=dates.display(story.date, project.language) if story.date else "",
                   subjects=[*story.people, *places, *story.tags],
                   readings=readings(project, story.people, places))


def brand_record(project: Project, brand: Brand) -> SearchRecord:
    return _record(project, "brand", brand.name, brand, names=[brand.name], subjects=[brand.region],
                   readings=readings(project, [], [brand.name, brand.region]))


def readings(project: Project, people: list[str], places: list[str]) -> list[str]:
    """The pinyin words of the names that are Chinese, each once, in order; with their
    initials when those name one person or place of the whole exhibition."""
    counts = project.derived(("search", "initials"), lambda: _initials_counts(project))
    out: list[str] = []
    for name, person in [(n, True) for n in people] + [(n, False) for n in places]:
        if not _CJK.search(name):
            continue
        read = (collation.person_reading(name) if person else collation.reading(name)).replace(" ", "")
        if read.isascii() and read.isalnum():
            out.append(read)
        short = collation.initials(name, person)
        if len(short) >= 2 and counts.get(short) == 1:
            out.append(short)
    return list(dict.fromkeys(out))


def _initials_counts(project: Project) -> dict[str, int]:
    """How many different names of the exhibition (people, places, brands) have each initials."""
    names: set[tuple[str, bool]] = set()
    for story in project.stories.values():
        names |= {(n, True) for n in story.people} | {(p.name, False) for p in story.places}
    for brand in project.brands.values():
        names |= {(brand.name, False), (brand.region, False)}
    counts: dict[str, int] = {}
    for short in {(collation.initials(n, person), n) for n, person in names if _CJK.search(n)}:
        counts[short[0]] = counts.get(short[0], 0) + 1
    return counts


def item_record(project: Project, item: Item) -> SearchRecord:
    return _record(project, "item", item.title, project.brands.get(item.brand_id),
                   date=dates.display(item.date, project.language) if item.date else "",
                   names=code_forms(item.code))


def page_record(project: Project, page: FreePage, title: str) -> SearchRecord:
    return SearchRecord("page", label("page", project.language), title)


def code_forms(code: str) -> list[str]:
    """A reference code as visitors type it: as written, and without its separators
    (SY-0001 and SY0001; 浙/J001-2 and 浙J0012), so either finds the item."""
    forms = [code]
    joined = re.sub(r"[\s\-/_.·]+", "", code)
    if joined != code:
        forms.append(joined)
    return forms


# Follows each pinyin reading in the hidden marks, so that the search page can leave the
# readings out of an excerpt (search.js): a visitor who typed chenwangdao sees the page's
# text, not a run of romanised names.
READING_MARK = "ltpinyin"


def render_marks(record: SearchRecord, simplified: str = "") -> str:
    """Hidden markup Pagefind reads; visitors never see it."""
    e = lambda value: html.escape(value, quote=True)  # noqa: E731
    meta = [("title", record.title), ("kind", record.kind_label), ("brand", record.brand), ("date", record.date)]
    filters = [("kind", record.kind_label), ("brand", record.brand), ("category", record.category)]
    parts = ['<div class="lt-search-marks" hidden data-pagefind-ignore>']
    parts += [f'<span data-pagefind-meta="{key}:{e(value)}"></span>' for key, value in meta if value]
    parts += [f'<span data-pagefind-filter="{key}:{e(value)}"></span>' for key, value in filters if value]
    parts.append("</div>")
    # One line per weight, its terms apart (an excerpt may show them: 陈望道 · 叶天底).
    weighted = [(weight, joiner.join(terms)) for weight, terms, joiner in (
        (WEIGHT_NAME, record.names, " · "), (WEIGHT_SUBJECT, record.subjects, " · "),
        (WEIGHT_SUBJECT, [f"{reading} {READING_MARK}" for reading in record.readings], " ")) if terms]
    if weighted or simplified:
        parts.append('<div class="lt-search-marks" hidden>')
        parts += [f'<p data-pagefind-weight="{weight}">{e(text)}</p>' for weight, text in weighted]
        if simplified:
            parts.append(f"<p>{e(simplified)}</p>")
        parts.append("</div>")
    return "".join(parts)


# -- traditional and simplified Chinese ------------------------------------------------

_converter = None


def _t2s(text: str) -> str:
    global _converter
    if _converter is None:
        import opencc
        _converter = opencc.OpenCC("t2s")
    return _converter.convert(text)


def simplified_passages(text: str) -> str:
    """The sentences of `text` that read differently in simplified characters, converted;
    empty when the text is all simplified (the usual case, which costs nothing)."""
    if not _CJK.search(text) or _t2s(text) == text:
        return ""
    converted = []
    for sentence in _SENTENCE.findall(text):
        sentence = " ".join(sentence.split())
        if sentence and _CJK.search(sentence) and (simple := _t2s(sentence)) != sentence:
            converted.append(simple)
    return " ".join(converted)

