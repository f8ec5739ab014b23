"""Random and mutated brand and story files: every run of the checks ends in a report or
success, never a traceback, each within a time bound, all within a memory bound."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

CASES, SEED, PER_CASE_SECONDS, PEAK_MB = 300, 13, 5.0, 1024


def test_fuzzed_brand_and_story_files_never_crash_check():
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("fuzz_check.py")), str(CASES), str(SEED),
                             str(PER_CASE_SECONDS)], cwd=REPO, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["cases"] == CASES
    assert outcome["failures"] == [], json.dumps(outcome["failures"][:3], indent=1, ensure_ascii=False)
    assert outcome["slowest"] < PER_CASE_SECONDS
    assert outcome["peak_mb"] < PEAK_MB
