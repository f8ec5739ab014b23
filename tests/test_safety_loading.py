"""Files no editor means to write, read without a traceback: control characters, UTF-16,
nesting without end, YAML alias bombs. Each is one message at its line, quickly."""

from __future__ import annotations

import time

from test_validation import BRAND, STORY, lines, load


def test_a_nul_or_bel_byte_is_named_at_its_line(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": BRAND + "tags: [ships, \x00ledgers]\n",
                                  "content/trade/typhoon.md": STORY.replace("summary:", "date: 19\x0720\nsummary:")})
    assert lines(problems) == [
        "brands/trade.yml:6: the file holds the invisible control character <U+0000>, which YAML does not allow; "
        "delete it (it often comes with text copied from a PDF or a word processor)",
        "content/trade/typhoon.md:3: the file holds the invisible control character <U+0007>, which YAML does "
        "not allow; delete it (it often comes with text copied from a PDF or a word processor)",
    ]


def test_a_utf16_file_is_read_and_reported(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": BRAND.encode("utf-16"),
                                  "content/trade/typhoon.md": STORY.encode("utf-16")})
    assert lines(problems) == [
        "brands/trade.yml:1: the file is saved as UTF-16 ('Unicode'); save it again with the UTF-8 encoding",
        "content/trade/typhoon.md:1: the file is saved as UTF-16 ('Unicode'); save it again with the UTF-8 encoding",
    ]


def test_nesting_without_end_is_refused(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": BRAND + "location: " + "[" * 500 + "\n",
                                  "brands/deep.yml": BRAND + "location: " + "[" * 300 + "]" * 300 + "\n"})
    found = lines(problems)
    assert len(found) == 2, found
    assert all("nested more than 60 levels deep" in line for line in found), found
    assert found[0].startswith("brands/deep.yml:6: ") and found[1].startswith("brands/trade.yml:")


BOMB = BRAND + """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
location: *i
"""


def test_an_alias_bomb_is_refused_quickly(tmp_path):
    start = time.monotonic()
    _, problems = load(tmp_path, {"brands/trade.yml": BOMB})
    assert time.monotonic() - start < 5
    assert [(p.path, p.key) for p in problems] == [("brands/trade.yml", "yaml-aliases")]
    assert "more than 100000 elements" in lines(problems)[0]


def test_a_small_alias_bomb_under_the_limit_is_quoted_briefly(tmp_path):
    # Under the alias limit the value is built and checked; the message quotes a bounded part of it.
    small = BRAND + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' \
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nlocation: *c\n'
    _, problems = load(tmp_path, {"brands/trade.yml": small})
    message = next(line for line in lines(problems) if "location:" in line)
    assert len(message) < 450 and "…" in message
    assert message.startswith("brands/trade.yml:9: location: expected [latitude, longitude]")


def test_messages_show_invisible_characters(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": BRAND.replace("category: trade", "category: tr\u200bade\u202e")})
    assert "'tr<U+200B>ade<U+202E>' is not one of trade, people" in lines(problems)[0]
