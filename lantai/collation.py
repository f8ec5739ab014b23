"""Chinese order: index terms sorted by their pinyin, as a Chinese reader looks names up.

Unicode code point order puts 王 (U+738B) before 茅 (U+8305) and 陈 (U+9648), which no
reader expects; the order of a Chinese index (and of GB/T 13418's sorting by pinyin) is by
each character's reading, letter by letter: 陈 chen, 丰 feng, 茅 mao, 王 wang. The readings
come from pypinyin, which picks a polyphonic character's reading from the words around it
(重庆 chong qing, 长江 chang jiang). A person's name starts with a surname, whose reading is
its own (曾 zeng, not ceng; 单 shan; 解 xie): `person_key` reads the surnames of SURNAMES so.

Latin text sorts among the pinyin by its letters, case aside (Ningbo beside 宁波); a term
starting with anything else (a digit, a symbol) goes before A under "#".
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

OTHER = "#"
LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

# Surnames read otherwise than the character's common reading (《百家姓》 readings): the
# first characters of a person's name that pypinyin would read as a word.
SURNAMES = {
    "万俟": "mo qi", "尉迟": "yu chi", "长孙": "zhang sun", "曾": "zeng", "单": "shan", "解": "xie",
    "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "乐": "yue", "盖": "ge", "缪": "miao",
    "覃": "qin", "翟": "zhai", "召": "shao", "种": "chong", "重": "chong", "秘": "bi", "员": "yun",
    "隗": "wei", "宓": "fu", "繁": "po", "黑": "he", "句": "gou", "折": "she",
}


@lru_cache(maxsize=65536)
def reading(text: str) -> str:
    """The pinyin of `text`, syllables apart, without tones, lower case: 陈望道 -> chen wang dao.
    Characters that have no pinyin stay as they are."""
    from pypinyin import Style, lazy_pinyin
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False, strict=False)
    return " ".join(part.strip() for part in syllables if part.strip()).casefold()


def person_reading(name: str) -> str:
    """A person's name read with its surname's own reading: 曾国藩 -> zeng guo fan."""
    for surname in sorted(SURNAMES, key=len, reverse=True):
        if name.startswith(surname) and len(name) > len(surname):
            return f"{SURNAMES[surname]} {reading(name[len(surname):])}"
    return reading(name)


def _key(read: str, text: str) -> tuple:
    # Letters, then the text itself, so that terms read alike (同音字) keep one order.
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", read) if not unicodedata.combining(ch))
    return (initial_of(plain), plain, text)


def sort_key(text: str) -> tuple:
    return _key(reading(text.strip()), text)


def person_key(name: str) -> tuple:
    return _key(person_reading(name.strip()), name)


def initial_of(read: str) -> str:
    """The jump letter of a reading: A-Z, or OTHER."""
    first = read[:1].upper()
    return first if first in LETTERS else OTHER


def initial(text: str, person: bool = False) -> str:
    return (person_key(text) if person else sort_key(text))[0]


def initials(text: str, person: bool = False) -> str:
    """The first letters of each syllable, as a reader types a name short: 陈望道 -> cwd."""
    read = person_reading(text) if person else reading(text)
    return "".join(syllable[0] for syllable in read.split() if syllable[:1].isalpha())
