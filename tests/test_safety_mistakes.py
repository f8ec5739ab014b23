"""One project per kind of hostile or careless mistake (tests/projects/mistakes/*/): each
is harbour with a few files changed; `check` and `build` report exactly the expected
lines, exit 1, print no traceback and leave no site behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PROJECTS, run_lantai

MISTAKES = PROJECTS / "mistakes"
KINDS = sorted(p.name for p in MISTAKES.iterdir() if p.is_dir())


def make_project(tmp_path: Path, kind: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "harbour", root, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    overlay = MISTAKES / kind
    for name in (overlay / "remove.txt").read_text().split() if (overlay / "remove.txt").exists() else []:
        (root / name).unlink()
    for file in overlay.rglob("*"):
        if file.is_file() and file.name not in ("expected.txt", "remove.txt"):
            target = root / file.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    return root


def reported(output: str) -> list[str]:
    return [line for line in output.splitlines()
            if ": " in line and not line.startswith(("INFO", "WARNING", "ERROR", "Aborted", "  "))
            and "error(s)" not in line]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_mistake_is_reported_and_nothing_is_built(tmp_path, kind):
    root = make_project(tmp_path, kind)
    expected = [line for line in (MISTAKES / kind / "expected.txt").read_text(encoding="utf-8").splitlines() if line]
    for command in (["check"], ["build", "-q", "-d", str(tmp_path / "site")]):
        result = run_lantai(*command, "-f", str(root / "mkdocs.yml"), cwd=root, env={"LANTAI_SITE_URL": ""})
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "Traceback" not in output, output
        found = reported(result.stderr)
        assert len(found) == len(expected), "\n".join(found)
        for line, start in zip(sorted(found), sorted(expected)):
            assert line.startswith(start), f"{line}\n  expected to start with\n{start}"
        assert not (tmp_path / "site").exists()
        assert not (root / "PWNED").exists() and not Path("PWNED").exists()
