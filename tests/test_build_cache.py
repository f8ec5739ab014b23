"""The build cache (lantai/build_cache.py): the same bytes with it and without it, a changed
input gives a changed file, and the worker processes make what the build's own process makes."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from lantai.build_cache import CACHE_DIR, KEEP_DAYS, BuildCache, Job
from lantai.views import share

from conftest import PROJECTS, build_site


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def harbour(tmp_path) -> Path:
    project = tmp_path / "harbour"
    shutil.copytree(PROJECTS / "harbour", project, ignore=shutil.ignore_patterns(CACHE_DIR))
    return project


def test_a_build_is_the_same_without_the_cache_with_a_cold_one_and_a_warm_one(harbour, tmp_path):
    config = harbour / "mkdocs.yml"
    none = _tree(build_site(config, tmp_path / "none", env={"LANTAI_CACHE": "off"}))
    assert not (harbour / CACHE_DIR).exists(), "LANTAI_CACHE=off keeps nothing in the project"
    cold = _tree(build_site(config, tmp_path / "cold"))
    kept = sorted((harbour / CACHE_DIR).glob("??/*"))
    assert kept, "a build keeps its renditions and share images"
    stamps = {path: path.stat().st_mtime_ns for path in kept}
    warm = _tree(build_site(config, tmp_path / "warm"))
    assert none == cold == warm
    assert any(path.startswith("assets/lantai/share/") for path in warm)
    assert any(path.startswith("assets/lantai/media/") for path in warm)
    # The warm build made nothing again: every kept file is the one the cold build wrote.
    assert sorted((harbour / CACHE_DIR).glob("??/*")) == kept
    assert all(path.read_bytes() for path in stamps)


def test_a_changed_title_gives_a_new_share_image_and_leaves_the_others(harbour, tmp_path):
    config = harbour / "mkdocs.yml"
    before = _tree(build_site(config, tmp_path / "before"))
    kept = set((harbour / CACHE_DIR).glob("??/*"))
    story = harbour / "content/harbour-trade/typhoon-1937.md"   # drawn: it has no cover
    assert "assets/lantai/share/harbour-trade--typhoon-1937.png" in before
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("title:", "title: 新", 1), encoding="utf-8")
    after = _tree(build_site(config, tmp_path / "after"))
    changed = {path for path in after if before.get(path) != after[path] and path.startswith("assets/lantai/share/")}
    assert len(changed) == 1, changed
    new = set((harbour / CACHE_DIR).glob("??/*")) - kept
    assert len(new) == 1 and new.pop().read_bytes() == after[changed.pop()]


def test_a_changed_photograph_gives_new_renditions(harbour, tmp_path):
    from PIL import Image
    config = harbour / "mkdocs.yml"
    before = _tree(build_site(config, tmp_path / "before"))
    photo = next(p for p in (harbour / "content").rglob("*.jpg"))
    with Image.open(photo) as image:
        image.convert("L").convert("RGB").save(photo, "JPEG", quality=80)
    after = _tree(build_site(config, tmp_path / "after"))
    stem = photo.stem.lower()
    old = {p for p in before if p.startswith("assets/lantai/media/") and Path(p).name.startswith(stem)}
    new = {p for p in after if p.startswith("assets/lantai/media/") and Path(p).name.startswith(stem)}
    assert old and new and not old & new, "renditions are named by the photograph's bytes"


def _share_jobs(count: int) -> list[Job]:
    return [Job((f"assets/lantai/share/{n}.png",), "share", (f"k{n}", f"第{n}个故事", "浙档精品", "档案", "g", "zh"))
            for n in range(count)]


def test_worker_processes_make_the_same_bytes_as_the_build_itself(tmp_path):
    jobs = _share_jobs(14)   # above IN_PROCESS_BELOW: a pool is started
    pooled = BuildCache(tmp_path / "pooled").start(jobs, workers=2)
    pooled.place(tmp_path / "site-pooled")
    alone = BuildCache(tmp_path / "alone").start(jobs, workers=0)
    alone.place(tmp_path / "site-alone")
    assert pooled.made == alone.made == 14
    assert _tree(tmp_path / "site-pooled") == _tree(tmp_path / "site-alone")
    assert (tmp_path / "site-alone/assets/lantai/share/3.png").read_bytes() == share.share_image(*jobs[3].args)


def test_kept_files_are_reused_and_a_failed_maker_is_reported(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    first = cache.start(_share_jobs(3), workers=0)
    first.place(tmp_path / "one")
    again = cache.start(_share_jobs(3), workers=0)
    assert again.made == 0
    broken = Job(("assets/lantai/media/x-480.webp",), "picture", (str(tmp_path / "missing.jpg"), ((480, 360, "WEBP"),)))
    with pytest.raises(OSError):
        cache.start([broken], workers=0).place(tmp_path / "two")
    assert not list((tmp_path / "cache").glob("??/.*")), "no half-written file is left"


def test_entries_unused_for_a_month_are_removed(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    cache.start(_share_jobs(2), workers=0).place(tmp_path / "site")
    old, recent = sorted((tmp_path / "cache").glob("??/*"))
    past = time.time() - (KEEP_DAYS + 1) * 86400
    os.utime(old, (past, past))
    later = BuildCache(tmp_path / "cache")   # the next build uses none of them
    later.prune()
    assert not old.exists() and recent.exists()


def test_an_unwritable_project_builds_from_a_temporary_cache(tmp_path):
    (tmp_path / "project").mkdir()
    blocker = tmp_path / "project" / CACHE_DIR
    blocker.write_text("not a folder")          # the cache cannot be made here
    cache = BuildCache.for_project(tmp_path / "project")
    making = cache.start(_share_jobs(1), workers=0)
    making.place(tmp_path / "site")
    cache.close()
    assert (tmp_path / "site/assets/lantai/share/0.png").is_file()
    assert not cache.folder.exists(), "the temporary cache is removed"


def test_the_cache_is_ignored_by_git_and_never_published(bundled_site):
    gitignore = (Path(__file__).resolve().parents[1] / ".gitignore").read_text(encoding="utf-8")
    assert f"{CACHE_DIR}/" in gitignore.split()
    assert not list(bundled_site.rglob(f"*{CACHE_DIR}*"))
