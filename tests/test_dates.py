"""EDTF dates: which are valid, how visitors read them in Chinese and English, how they sort."""

import pytest

from lantai.dates import display, is_valid, sort_key, year_of

SHOWN = [
    # value, Chinese, English
    ("1920", "1920年", "1920"),
    ("1920-08", "1920年8月", "August 1920"),
    ("1956-01-29", "1956年1月29日", "29 January 1956"),
    ("1956/1960", "1956年—1960年", "1956–1960"),
    ("1920~", "约1920年", "c. 1920"),
    ("1920?", "1920年（存疑）", "1920?"),
    ("1920%", "约1920年（存疑）", "c. 1920?"),
    ("1937-09~", "约1937年9月", "c. September 1937"),
    ("192X", "1920年代", "1920s"),
    ("19XX", "20世纪", "20th century"),
    ("1920-21", "1920年春", "spring 1920"),
    ("1920-24", "1920年冬", "winter 1920"),
    ("1920-08-XX", "1920年8月", "August 1920"),
    ("1949/..", "1949年以后", "after 1949"),
    ("1949/", "1949年以后", "after 1949"),
    ("../1911", "1911年以前", "before 1911"),
    ("/1911", "1911年以前", "before 1911"),
    ("1920~/1930?", "约1920年—1930年（存疑）", "c. 1920–1930?"),
    ("-0100", "公元前100年", "100 BCE"),
]


@pytest.mark.parametrize("value, chinese, english", SHOWN)
def test_valid_dates_in_plain_words(value, chinese, english):
    assert is_valid(value)
    assert display(value, "zh") == chinese
    assert display(value, "zh-TW") == chinese
    assert display(value, "en") == english


@pytest.mark.parametrize("value", [
    "", "  ", "abc", "1920-13", "1920-00", "1920-8", "20-08", "1920-1930", "1920-02-30",
    "2025-02-29",     # not a leap year, though the edtf package lets it pass
    "1900-02-29",
    "1956/1950",      # ends before it starts
    "1920-08-31/1920-08-01",
    "../..", "/", "/..",  # an interval needs one known end
    "2001-25",        # level-2 seasons are not shown by Lantai
    "19200", "1920 08",
])
def test_invalid_dates(value):
    assert not is_valid(value)


def test_leap_days_and_same_year_intervals():
    assert is_valid("2024-02-29") and is_valid("2000-02-29")
    assert is_valid("1920/1920") and is_valid("1920-08/1920") and is_valid("192X/1925")


def test_display_never_fails_and_shows_what_it_cannot_read():
    for value in ("1920-13", "2001-25", "abc", "1920-1930"):
        assert display(value, "zh") == value and display(value, "en") == value
    assert display(None) == ""


def test_sort_by_the_earliest_day_a_date_can_mean():
    values = ["1956/1960", "1920~", "undated", None, "1920-08", "192X", "1919-12-31", "../1911", "1956-01-29", "19XX"]
    ordered = sorted(values, key=sort_key)
    assert ordered[:8] == ["19XX", "../1911", "1919-12-31", "1920~", "192X", "1920-08", "1956/1960", "1956-01-29"]
    assert set(ordered[8:]) == {"undated", None}  # the undated come last
    assert sort_key("1920-08") == (1920, 8, 1)
    assert sort_key("1956-01-29") == (1956, 1, 29)
    assert sort_key(None) == sort_key("not a date") == (99999, 12, 31)


def test_year_of():
    assert year_of("1937-09~") == 1937 and year_of("192X") == 1920 and year_of("../1911") == 1911
    assert year_of(None) is None and year_of("soon") is None


def test_plain_dates_read_without_the_parser_agree_with_it():
    """The fast path for 1956, 1956-01 and 1956-01-29 (with ~ ? %) gives what edtf gives."""
    import edtf

    from lantai import dates
    values = [f"{year}" for year in (1, 999, 1900, 1956, 2000, 2024)]
    values += [f"{year}-{month:02d}" for year in (1900, 2000) for month in range(1, 13)]
    values += [f"{year}-{month:02d}-{day:02d}" for year in (1900, 1956, 2000, 2023, 2024)
               for month in range(1, 13) for day in (1, 28, 29, 30, 31)]
    values += [v + q for v in ("1956", "1956-01", "1956-01-29") for q in ("~", "?", "%")]
    for value in values:
        bounds = dates._plain_bounds(value)
        if bounds is None:
            assert not dates.is_valid(value), value
            continue
        parsed = edtf.parse_edtf(value)
        low, high = parsed.lower_strict(), parsed.upper_strict()
        assert bounds == ((low.tm_year, low.tm_mon, low.tm_mday), (high.tm_year, high.tm_mon, high.tm_mday)), value
    assert dates._plain_bounds("1956-02-30") is None and not dates.is_valid("1956-02-30")
    assert dates._plain_bounds("1900-02-29") is None   # not a leap year
    assert dates._plain_bounds("1956-13") is None and dates._plain_bounds("195X") is None
