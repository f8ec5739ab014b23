"""Writing the site: two builds at once into one folder, a full disk, a folder that cannot be made."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

from conftest import HARBOUR_CONFIG, REPO


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_two_builds_at_once_make_one_complete_site_and_one_refusal(tmp_path, harbour_site):
    target = tmp_path / "site"
    command = [sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(HARBOUR_CONFIG), "-d", str(target)]
    env = {"LANTAI_SITE_URL": "", "PATH": "/usr/bin:/bin"}
    runs = [subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.wait(timeout=600), *run.communicate()) for run in runs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1], results
    refusal = next(err for code, _, err in results if code == 1)
    assert "another build is writing this folder" in refusal and "Traceback" not in refusal
    assert files_of(target) == files_of(harbour_site)  # one complete site, nothing missing
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder, no lock left


def test_a_full_disk_is_a_message_and_leaves_the_old_site(tmp_path, monkeypatch, capsys):
    import mkdocs.commands.build as mkdocs_build
    from lantai import cli
    target = tmp_path / "public"
    target.mkdir()
    (target / "index.html").write_text("old site")

    def full(config, **kwargs):
        (Path(config.site_dir) / "half.html").write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(mkdocs_build, "build", full)
    monkeypatch.setenv("LANTAI_SITE_URL", "")
    assert cli.build_project(HARBOUR_CONFIG, str(target)) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "cannot be written" in err
    assert (target / "index.html").read_text() == "old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_an_output_folder_that_cannot_be_made_is_a_message(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "-q", "-f", str(HARBOUR_CONFIG),
                             "-d", str(tmp_path / "file" / "site")], cwd=REPO, capture_output=True, text=True,
                            timeout=600, env={"LANTAI_SITE_URL": "", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stderr
    assert "cannot be written there" in result.stderr and "Traceback" not in result.stderr
