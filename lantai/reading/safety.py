"""Characters and sizes that make text look like what it is not.

Look-alikes: the same word in NFC and NFD form, or with a zero-width space or a bidi
control inside, makes two index entries or item codes that look identical. Lantai reads
every editor's file as NFC (lantai/reading/loading.py) and refuses invisible characters in ids,
codes and index terms. Ids and codes also have a length limit: a file name longer than
the system allows would pass `check` and fail `build`.
"""

from __future__ import annotations

import unicodedata

MAX_ID = 100     # characters of a brand, story or page id (a file name; systems allow 255 bytes)
MAX_TERM = 100   # characters of an item code (its page is items/<code>/)

# Zero-width and joining characters, bidi embeddings, overrides, isolates and marks.
INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c"
                "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def invisible_in(text: str) -> list[str]:
    """The invisible characters in `text`, each as U+XXXX, in order of first appearance."""
    found: list[str] = []
    for ch in text:
        if ch in INVISIBLE or unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\t\n":
            name = f"U+{ord(ch):04X}"
            if name not in found:
                found.append(name)
    return found


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def without_invisible(text: str) -> str:
    return "".join(ch for ch in text if not invisible_in(ch))
