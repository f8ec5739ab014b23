"""The fuzz driver of tests/test_safety_fuzz.py, run in a child process with bounded memory.

Feeds random and mutated brand and story files (from tests/projects/harbour) to the same
reading and checking `check` does, and prints one JSON line: the cases run, and any that
raised, took too long or ran out of memory."""

from __future__ import annotations

import json
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

PROJECTS = Path(__file__).resolve().parent / "projects"
NASTY = ["[", "]", "{", "}", "*a", "&a ", ": ", "\t", "\x00", "\x07", "\u202e", "\u200b", "e\u0301",
         "!!python/object/apply:os.system [true]", "- ", "\n", "'", '"', "---\n", "%YAML 1.1\n", "<<: *a\n",
         "? ", "|\n", ">-\n", "#", "[[PT-0001]]", "![x](../../../../etc/passwd)", "code: ", "location: ",
         "=HYPERLINK(1)", "\ufeff", "\r", "a" * 300, "[" * 80, "{a: " * 40, "\xff\xfe", "0o17", "1e999",
         "&b [*a,*a,*a,*a,*a,*a,*a,*a]\n", "2020-13-45", "~", "null", "!ENV X", "\\u0000"]


class Timeout(Exception):
    pass


def mutate(rng: random.Random, text: str) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
    data = text
    for _ in range(rng.randrange(1, 8)):
        at = rng.randrange(len(data) + 1)
        choice = rng.randrange(4)
        if choice == 0:
            data = data[:at] + rng.choice(NASTY) + data[at:]
        elif choice == 1:
            data = data[:at] + data[at + rng.randrange(1, 20):]
        elif choice == 2:
            lines = data.splitlines(keepends=True)
            if lines:
                line = rng.choice(lines)
                data = data[:at] + line * rng.randrange(1, 4) + data[at:]
        else:
            data = data[:at]
    raw = data.encode("utf-8", errors="surrogatepass")
    if kind == 1 and raw:  # flip bytes
        raw = bytearray(raw)
        for _ in range(rng.randrange(1, 6)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        raw = bytes(raw)
    if kind == 2:
        raw = data.encode("utf-16", errors="surrogatepass")
    return raw


def main(cases: int, seed: int, per_case: float) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    from lantai.problems import format_report
    from lantai.checking import load_project
    from lantai.reading.settings import make_settings
    harbour = PROJECTS / "harbour"
    brand_text = (harbour / "brands" / "harbour-trade.yml").read_text(encoding="utf-8")
    story_text = (harbour / "content" / "harbour-trade" / "typhoon-1937.md").read_text(encoding="utf-8")
    settings = make_settings("Fuzz", "en", {"categories": [{"id": "trade", "name": "Trade"},
                                                          {"id": "people", "name": "People"}]})
    rng = random.Random(seed)
    failures, slowest = [], 0.0

    def alarm(*_):
        raise Timeout()
    signal.signal(signal.SIGALRM, alarm)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(harbour, root, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
        brand_file = root / "brands" / "harbour-trade.yml"
        story_file = root / "content" / "harbour-trade" / "typhoon-1937.md"
        for case in range(cases):
            brand = mutate(rng, brand_text) if rng.random() < 0.6 else brand_text.encode()
            story = mutate(rng, story_text) if rng.random() < 0.6 else story_text.encode()
            brand_file.write_bytes(brand)
            story_file.write_bytes(story)
            start = time.monotonic()
            signal.setitimer(signal.ITIMER_REAL, per_case)
            try:
                project, problems = load_project(root, settings)
                report = format_report(problems, "en") + format_report(problems, "zh")
                assert all(p.format("en").count("\n") == 0 for p in problems), "a message spans lines"
                assert len(report) < 200_000
            except BaseException as error:  # noqa: BLE001 - every escape is a failure to report
                failures.append({"case": case, "error": type(error).__name__,
                                 "trace": traceback.format_exc()[-1500:],
                                 "brand": brand[:300].decode("utf-8", "replace"),
                                 "story": story[:300].decode("utf-8", "replace")})
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            slowest = max(slowest, time.monotonic() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"cases": cases, "failures": failures, "slowest": round(slowest, 3), "peak_mb": peak}))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]))
