"""Chinese order (lantai/collation.py): index terms by pinyin, people by their surname's own
reading, A-Z jump letters that lead to the page and place where each letter starts."""

from __future__ import annotations

import re

from lantai import collation
from lantai.views import indexes, paging
from views_support import resolves


def test_pinyin_order_not_code_point_order():
    names = ["王一飞", "茅盾", "陈望道", "丰子恺"]
    assert sorted(names) == ["丰子恺", "王一飞", "茅盾", "陈望道"]       # code points: what a reader does not expect
    assert sorted(names, key=collation.person_key) == ["陈望道", "丰子恺", "茅盾", "王一飞"]


def test_words_read_as_words_and_surnames_as_surnames():
    assert collation.reading("重庆") == "chong qing" and collation.reading("长江") == "chang jiang"
    assert collation.person_reading("曾国藩") == "zeng guo fan"      # not ceng
    assert collation.person_reading("单田芳") == "shan tian fang"    # not dan
    assert collation.person_reading("长孙无忌") == "zhang sun wu ji"
    assert collation.initial("曾国藩", person=True) == "Z"
    assert collation.initials("陈望道", person=True) == "cwd"


def test_latin_among_pinyin_and_others_first():
    terms = ["Ningbo", "宁波", "1956 年", "茅盾", "archive"]
    assert sorted(terms, key=collation.sort_key) == ["1956 年", "archive", "茅盾", "宁波", "Ningbo"]
    assert collation.initial("1956 年") == collation.OTHER
    assert collation.initial("archive") == "A"


def test_letters_lead_to_the_page_where_each_letter_starts():
    found = {}
    for name in ["陈望道", "陈洁", "丰子恺", "茅盾", "王会悟", "王一飞", "叶天底", "1956"]:
        indexes._collect(found, name)
    terms = indexes._finish(found, person=True)
    assert [t.term for t in terms] == ["1956", "陈洁", "陈望道", "丰子恺", "茅盾", "王会悟", "王一飞", "叶天底"]
    parts = [[indexes.TermPart(t, [], [], []) for t in terms[i:i + 3]] for i in range(0, len(terms), 3)]
    pagers = paging.pagers("people/", len(parts))
    jump = dict(indexes.letters(parts, [p.url for p in pagers]))
    assert list(jump)[:2] == [collation.OTHER, "A"] and len(jump) == 27
    assert jump["C"] == "people/#letter-c" and jump["F"] == "people/page/2/#letter-f"
    assert jump["W"] == "people/page/2/#letter-w" and jump["Y"] == "people/page/3/#letter-y"
    assert jump["A"] is None and jump[collation.OTHER] == "people/#letter-other"


def test_bundled_people_index_in_pinyin_order_with_letters(bundled_site):
    page = bundled_site / "people" / "index.html"
    html = page.read_text(encoding="utf-8")
    names = re.findall(r'<h2 id="[^"]*-h">([^<]+)', html)
    positions = [next(i for i, n in enumerate(names) if n.startswith(s)) for s in "陈丰茅王"]
    assert positions == sorted(positions), names
    assert [collation.person_key(n) for n in names] == sorted(collation.person_key(n) for n in names)
    nav = re.search(r'<nav class="lt-letters".*?</nav>', html).group(0)
    links = re.findall(r'<a href="([^"]+)">([A-Z#])</a>', nav)
    assert [letter for _, letter in links][:3] == ["C", "D", "F"]
    for href, letter in links:
        assert resolves(bundled_site, "people/", href), href
        assert f'id="letter-{letter.lower()}"' in html
