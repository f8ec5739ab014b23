"""A file that cannot be read is reported once, at its cause, not again in the files naming it."""

from __future__ import annotations

from lantai.checking.echoes import codes_written

from test_validation import BRAND, STORY, lines, load


def test_codes_are_read_from_the_text_of_a_broken_file():
    text = 'items:\n  - code: PT-0001\n    title: x\n  - {code: "PT 2", title: y}\n  - {title: z, code: PT-3}\n'
    assert codes_written(text) == {"PT-0001", "PT 2", "PT-3"}


def test_a_story_that_cannot_be_read_leaves_no_echoes(tmp_path):
    broken = "---\ntitle: Letters\nsummary: [unclosed\nitems:\n  - code: LT-1\n    title: A letter\n---\n"
    other = STORY.replace("summary:", "related: [trade/letters]\nsummary:") + "\n[[LT-1]] and [[LT-2]]\n"
    _, problems = load(tmp_path, {"content/trade/letters.md": broken, "content/trade/typhoon.md": other})
    found = lines(problems)
    assert len(found) == 2, found
    assert found[0].startswith("content/trade/letters.md:")
    assert found[1].startswith("content/trade/typhoon.md:9: '[[LT-2]]' names no archive item")
