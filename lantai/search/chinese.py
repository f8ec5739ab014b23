"""Chinese text in the index: character pairs, and the traditional -> simplified table.

Chinese words: Pagefind splits Chinese with a dictionary when indexing (jieba) and with the
browser's `Intl.Segmenter` when searching, and the two often disagree (彩带 is one word to the
first and two to the second; names such as 陈望道 are in neither dictionary), so a visitor's
word would not be found. Lantai indexes Chinese text as overlapping pairs of characters
instead (陈望道译 -> 陈望 望道 道译 译), in a copy of the pages made for the indexer (the
published pages are unchanged). Each pair is written as a plain ASCII word, its code points
in hexadecimal (陈望 -> `zx9648671b`, 译 alone -> `zx8bd1`): Pagefind then neither splits
the pairs again nor trips over Chinese word boundaries in its chunked index (at 5,000 pages
some pairs written in Chinese characters were not found), and a single character typed
alone still finds every pair it starts, as a prefix. search.js turns a query into the same
words and turns excerpts back into characters. Any run of characters a page holds is found,
whatever a dictionary thinks a word is; a query of three characters or more is also asked
as an exact phrase, which keeps only the pages holding the visitor's words as typed. Pairs
rather than single characters keep the index small at scale: a single character such as
的 occurs in every page dozens of times, and the index chunk holding it would be fetched by
every query that touches that chunk.

Traditional and simplified Chinese: the index holds simplified text (the copy above covers
pages quoting traditional text), and the browser turns a visitor's query into simplified
characters with a table served from the site (`assets/lantai/t2s.txt`, only the characters
this site's text uses). The table is made with OpenCC at build time. Converting the query
costs one small file on the first Chinese query; converting every page the other way
instead would double the index and still miss traditional queries on simplified text.
"""

from __future__ import annotations

import re

from .record import _t2s

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PAIR_PREFIX = "zx"   # an index word made of CJK characters: zx + 4 hex digits per character


def t2s_pairs(used: set[str]) -> str:
    """Traditional -> simplified character pairs, as one string `TsTs...`, for the
    simplified characters in `used` (the characters this site's text holds)."""
    chars = [chr(code) for code in range(0x3400, 0xA000)]
    simplified = _t2s("\n".join(chars)).split("\n")
    return "".join(t + s for t, s in zip(chars, simplified) if len(s) == 1 and s != t and s in used)


def pair_word(chars: str) -> str:
    return PAIR_PREFIX + "".join(f"{ord(ch):04x}" for ch in chars)


_TAG_OR_RUN = re.compile(r"(<[^>]*>)|[\u3400-\u9fff\uf900-\ufaff]+")
_HEX: dict[str, str] = {}


def _pairs(match: re.Match) -> str:
    if match.group(1):   # a tag, never changed
        return match.group(1)
    hexes = [_HEX.get(ch) or _HEX.setdefault(ch, f"{ord(ch):04x}") for ch in match.group(0)]
    words = [PAIR_PREFIX + first + second for first, second in zip(hexes, hexes[1:])]
    words.append(PAIR_PREFIX + hexes[-1])
    return " " + " ".join(words) + " "


def index_words(page_html: str) -> str:
    """The page as the indexer reads it: every run of CJK characters in its text (never
    inside a tag) written as overlapping pairs and its last character, each as an ASCII
    word (`pair_word`), space-separated. One pass over the page, each character's code
    looked up once per build: this ran for every page of the site."""
    return _TAG_OR_RUN.sub(_pairs, page_html)
