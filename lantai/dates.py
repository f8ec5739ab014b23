"""Historical dates in EDTF, checked with the `edtf` package and shown in plain words.

Editors write the Library of Congress Extended Date/Time Format (`1920`, `1920-08`,
`1956/1960`, `1920~`, `1920?`); visitors read 约1920年, 1956年—1960年, 1920年8月 or
c. 1920, 1956–1960, August 1920. Sorting uses the earliest day a date can mean.
"""

from __future__ import annotations

import calendar
from functools import lru_cache
import re

import edtf

from .problems import is_chinese


@lru_cache(maxsize=4096)
def _parse(value: str):
    # The edtf package's parser takes milliseconds a call, and an exhibition repeats its
    # dates across stories, timeline and exports: parse each distinct value once.
    return edtf.parse_edtf(value)


# The dates editors write most (1956, 1956-01, 1956-01-29, each perhaps ~ ? or % after) are
# read here directly; every other EDTF form goes to the edtf package, whose parser costs
# tens of milliseconds a call (47 s of a 1,000-story build, bench/results/scale-profile.md).
_PLAIN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d{2}))?)?(?P<post>[~?%]?)$")


def _plain_bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and last day of a plain date; None when it is not one (or names no real day)."""
    match = _PLAIN.match(value)
    if not match:
        return None
    year = int(match["year"])
    calendar_year = year if year > 0 else 2000  # year 0000 (1 BCE) was a leap year
    if not match["month"]:
        return (year, 1, 1), (year, 12, 31)
    month = int(match["month"])
    last = calendar.monthrange(calendar_year, month)[1]
    if not match["day"]:
        return (year, month, 1), (year, month, last)
    day = int(match["day"])
    if not 1 <= day <= last:
        return None
    return (year, month, day), (year, month, day)


_PART = re.compile(
    r"^(?P<pre>[~?%]?)(?P<year>-?\d{4}|\d{3}X|\d{2}XX)"
    r"(?:-(?P<month>\d{2}|XX))?(?:-(?P<day>\d{2}|XX))?(?P<post>[~?%]?)$"
)
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_SEASONS = {21: ("spring", "春"), 22: ("summer", "夏"), 23: ("autumn", "秋"), 24: ("winter", "冬")}


@lru_cache(maxsize=4096)
def _parses(value: str) -> bool:
    # A value the parser refuses raises, and _parse's cache keeps no exceptions: a catalogue
    # repeating one bad date over thousands of rows must not be parsed again for each.
    try:
        _parse(value)
    except Exception:  # the package raises several types for bad input
        return False
    return True


def is_valid(value: str) -> bool:
    """True when `value` is EDTF that the edtf package (Library of Congress spec) accepts,
    names days that exist, and, for an interval, does not end before it starts."""
    value = value.strip()
    if not value:
        return False
    if "/" in value:  # open and unknown ends ('..', '') are valid EDTF level 1
        start, _, end = value.partition("/")
        if start in ("", "..") and end in ("", ".."):
            return False  # an interval needs at least one known end
        if not all(side in ("", "..") or is_valid(side) for side in (start, end)):
            return False
        if start in ("", "..") or end in ("", ".."):
            return True
        return day_bounds(start)[0] <= day_bounds(end)[1]
    if _PLAIN.match(value):
        return _plain_bounds(value) is not None
    if not _parses(value):
        return False
    match = _PART.match(value)
    if match and match["month"] and match["month"] != "XX":
        month = int(match["month"])
        if month > 24:
            return False  # level-2 seasons (25-41) are not shown by Lantai
        if match["day"] and match["day"] != "XX" and month <= 12:
            year = int(match["year"].replace("X", "0"))
            # the edtf package accepts 29 February of any year
            if int(match["day"]) > calendar.monthrange(year if year > 0 else 2000, month)[1]:
                return False
    return True


def day_bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The earliest and latest (year, month, day) a single date can mean."""
    if (plain := _plain_bounds(value)) is not None:
        return plain
    parsed = _parse(value)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return (low.tm_year, low.tm_mon, low.tm_mday), (high.tm_year, high.tm_mon, high.tm_mday)


def sort_key(value: str | None) -> tuple[int, int, int]:
    """The earliest (year, month, day) a date can mean; undated things sort last."""
    if not value or not is_valid(str(value)):
        return (99999, 12, 31)
    start = str(value).split("/")[0]
    if start in ("", ".."):
        start = str(value).split("/")[1]
    if (plain := _plain_bounds(start)) is not None:
        return plain[0]
    try:
        lower = _parse(start).lower_strict()
        return (lower.tm_year, lower.tm_mon, lower.tm_mday)
    except Exception:
        match = _PART.match(start)
        return (int(match["year"].replace("X", "0")), 1, 1) if match else (99999, 12, 31)


def display(value: str | None, language: str = "en") -> str:
    """A date as a visitor reads it, in the site's language."""
    if value is None:
        return ""
    value = str(value).strip()
    zh = is_chinese(language)
    if "/" in value:
        start, _, end = value.partition("/")
        if start in ("", ".."):
            shown = _single(end, zh)
            return f"{shown}以前" if zh else f"before {shown}"
        if end in ("", ".."):
            shown = _single(start, zh)
            return f"{shown}以后" if zh else f"after {shown}"
        return f"{_single(start, zh)}—{_single(end, zh)}" if zh else f"{_single(start, zh)}–{_single(end, zh)}"
    return _single(value, zh)


def _single(value: str, zh: bool) -> str:
    match = _PART.match(value)
    if not match or (match["month"] not in (None, "XX") and int(match["month"]) not in (*range(1, 13), *_SEASONS)):
        return value  # not a date Lantai can put in words: shown as written
    qualifier = match["pre"] + match["post"]
    approximate = "~" in qualifier or "%" in qualifier
    uncertain = "?" in qualifier or "%" in qualifier
    year_text = match["year"]
    month = match["month"] if match["month"] and "X" not in match["month"] else None
    day = match["day"] if match["day"] and "X" not in match["day"] else None
    if year_text.endswith("XX"):
        century = int(year_text[:2]) + 1
        text = f"{century}世纪" if zh else f"{_ordinal(century)} century"
    elif year_text.endswith("X"):
        text = f"{year_text[:3]}0年代" if zh else f"{year_text[:3]}0s"
    else:
        year = int(year_text)
        year_words = (f"公元前{-year}年" if year < 0 else f"{year}年") if zh else (f"{-year} BCE" if year < 0 else str(year))
        month_number = int(month) if month else None
        if month_number in _SEASONS:
            english, chinese = _SEASONS[month_number]
            text = f"{year_words}{chinese}" if zh else f"{english} {year_words}"
        elif month_number and day:
            text = f"{year_words}{month_number}月{int(day)}日" if zh else f"{int(day)} {_MONTHS_EN[month_number - 1]} {year_words}"
        elif month_number:
            text = f"{year_words}{month_number}月" if zh else f"{_MONTHS_EN[month_number - 1]} {year_words}"
        else:
            text = year_words
    if approximate:
        text = f"约{text}" if zh else f"c. {text}"
    if uncertain:
        text = f"{text}（存疑）" if zh else f"{text}?"
    return text


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def year_of(value: str | None) -> int | None:
    """The first year a date can mean, for grouping by period."""
    key = sort_key(value)
    return None if key[0] == 99999 else key[0]


# Dates as archive management systems and spreadsheets write them (DA/T 18: 19560129, with 00
# for a month or day not known), each read to EDTF: 19560129, 1956.01.29, 1956-1-29,
# 1956/1/29 and 1956年1月29日 are 1956-01-29; 19560100 is 1956-01 and 19560000 is 1956.
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})?$")
_SEPARATED = re.compile(r"^(?P<year>\d{4})(?:[.\-/](?P<month>\d{1,2})(?:[.\-/](?P<day>\d{1,2}))?)$")
_CHINESE = re.compile(r"^(?P<year>\d{4})年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?$")


def from_catalogue(text: str) -> str:
    """A catalogue cell's date as EDTF, when it is one of the forms above; otherwise the text
    as it is (EDTF already, or a mistake that validation reports)."""
    text = text.strip()
    # These forms first: none of them is EDTF, and asking the EDTF parser about them is slow.
    match = _COMPACT.match(text) or _CHINESE.match(text)
    if not match and text.count("/") != 1 and not _PLAIN.match(text):   # 1956/1960 is an interval
        match = _SEPARATED.match(text)
    if not match:
        return text
    year, month, day = match["year"], match["month"], match["day"]
    month = int(month) if month else 0
    day = int(day) if day else 0
    if not month:
        return year if not day else text
    edtf_date = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
    return edtf_date if is_valid(edtf_date) else text
