"""The benchmarks' synthetic exhibition (bench/synthetic.py): valid, deterministic, and the same
stories on the Material side."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO, run_lantai

sys.path.insert(0, str(REPO / "bench"))
from synthetic import write_exhibition, write_material_project  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_synthetic_project_passes_check_and_is_deterministic(tmp_path):
    first = write_exhibition(tmp_path / "one", 12, per_brand=5)
    write_exhibition(tmp_path / "two", 12, per_brand=5)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert len(first.brands) == 3 and len(first.stories) == 12 and first.items >= 12
    result = run_lantai("check", "-f", str(first.config))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 个品牌，12 个故事" in result.stdout


def test_material_project_has_the_same_stories(tmp_path):
    exhibition = write_exhibition(tmp_path / "project", 6, per_brand=3)
    config = write_material_project(tmp_path / "material", exhibition)
    docs = config.parent / "docs"
    stories = sorted(docs.glob("brand-*/story-*.md"))
    assert len(stories) == 6 and len(list(docs.glob("brand-*/index.md"))) == 2
    text = stories[0].read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "') and "[[" not in text and "summary:" not in text
    assert "navigation.prune" in config.read_text(encoding="utf-8")
