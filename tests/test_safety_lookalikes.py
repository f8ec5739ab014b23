"""Look-alikes: NFC and NFD, zero-width and bidi characters, long ids and long terms."""

from __future__ import annotations

import unicodedata

from lantai.views.common import term_slug
from lantai.views.indexes import subjects

from test_validation import BRAND, STORY, lines, load


def test_nfc_and_nfd_forms_are_one_term(tmp_path):
    nfc, nfd = unicodedata.normalize("NFC", "Café"), unicodedata.normalize("NFD", "Café")
    assert nfc != nfd
    story = STORY.replace("summary:", f"tags: [{nfd}]\npeople: [{nfd} Owner]\nsummary:")
    other = STORY.replace("summary:", f"tags: [{nfc}]\npeople: [{nfc} Owner]\nsummary:")
    project, problems = load(tmp_path, {"content/trade/typhoon.md": story, "content/trade/other.md": other})
    assert lines(problems) == []
    assert {s.tags[0] for s in project.stories.values()} == {nfc}
    entries = subjects(project)
    assert [e.term for e in entries] == [nfc] and len(entries[0].stories) == 2


def test_invisible_characters_in_codes_and_terms_are_refused(tmp_path):
    brand = BRAND + 'items:\n  - {code: "PT-00\u200b01", title: Ledger}\n'
    story = STORY.replace("summary:", "tags: [ship\u200dping]\npeople: [\u202eMei Ling]\nplaces: [Kow\u2060loon]\n"
                                      "summary:")
    _, problems = load(tmp_path, {"brands/trade.yml": brand, "content/trade/typhoon.md": story})
    assert lines(problems) == [
        "brands/trade.yml:7: items[1].code: 'PT-00<U+200B>01' holds invisible characters (U+200B: zero-width "
        "or text-direction marks), which would make it look like another entry while being different; delete them",
        "content/trade/typhoon.md:3: tags[1]: 'ship<U+200D>ping' holds invisible characters (U+200D: zero-width "
        "or text-direction marks), which would make it look like another entry while being different; delete them",
        "content/trade/typhoon.md:4: people[1]: '<U+202E>Mei Ling' holds invisible characters (U+202E: zero-width "
        "or text-direction marks), which would make it look like another entry while being different; delete them",
        "content/trade/typhoon.md:5: places[1]: 'Kow<U+2060>loon' holds invisible characters (U+2060: zero-width "
        "or text-direction marks), which would make it look like another entry while being different; delete them",
    ]


def test_a_long_story_id_is_refused_at_check(tmp_path):
    long_id = "a" * 234
    _, problems = load(tmp_path, {f"content/trade/{long_id}.md": STORY})
    assert lines(problems) == [f"content/trade/{long_id}.md:1: '{'a' * 40}…' is 234 characters long; "
                               "at most 100 are allowed here, shorten it"]


def test_long_terms_that_begin_alike_get_different_anchors():
    first, second = "港口" * 15 + "账簿甲", "港口" * 15 + "账簿乙"
    assert term_slug(first) != term_slug(second)
    assert len(term_slug(first)) < 100 and term_slug("港口") == "t-6e2f-53e3"


def test_a_long_item_code_is_refused_but_a_long_tag_is_not(tmp_path):
    brand = BRAND + f"tags: [{'t' * 150}]\nitems:\n  - {{code: {'C' * 150}, title: Ledger}}\n"
    _, problems = load(tmp_path, {"brands/trade.yml": brand})
    assert lines(problems) == [f"brands/trade.yml:8: items[1].code: '{'C' * 40}…' is 150 characters long; "
                               "at most 100 are allowed here, shorten it"]
