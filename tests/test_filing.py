"""Mainland hosting (lantai/filing.py, lantai/publishing/archive.py): the ICP and
public-security filing numbers checked and shown in every page's footer with the emblem
served from the site, and `build --archive`: a dated zip of exactly the site, the same bytes
for the same commit, with a checksum `sha256sum -c` accepts."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import PROJECTS, build_site, run_lantai, serve
from lantai import filing
from lantai.publishing.archive import archive_name
from test_gates_a11y import axe, blocking_violations  # noqa: F401  (axe is a fixture)

ICP, POLICE = "浙ICP备12345678号-1", "浙公网安备 33010602011771号"


def with_options(tmp_path: Path, options: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(PROJECTS / "harbour", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - lantai:\n" in text
    config.write_text(text.replace("  - lantai:\n", "  - lantai:\n" + options, 1), encoding="utf-8")
    return config


@pytest.mark.parametrize("text", ["浙ICP备12345678号", "浙ICP备12345678号-1", "京ICP证030173号", "粤ICP备2021001234号-12"])
def test_icp_numbers_in_the_forms_the_filing_system_issues(text):
    assert filing.icp_ok(text)


@pytest.mark.parametrize("text", ["ICP备12345678号", "浙ICP12345678号", "浙ICP备12345678", "浙icp备12345678号",
                                  "浙ICP备12号", "<b>浙ICP备12345678号</b>", "浙ICP备12345678号-"])
def test_other_text_is_not_an_icp_number(text):
    assert not filing.icp_ok(text)


def test_police_numbers_with_or_without_the_space_and_with_full_width_digits():
    assert filing.police_ok(POLICE) and filing.police_ok("浙公网安备33010602011771号")
    assert filing.police_ok(filing.normalise("浙公网安备\u3000３３０１０６０２０１１７７１号"))
    assert not filing.police_ok("浙公网安备 3301060201177号")        # 13 digits
    assert not filing.police_ok("公网安备 33010602011771号")
    [record] = filing.filings("", POLICE, Path("/nonexistent"))
    assert record.href == "https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771"


def test_malformed_numbers_are_reported_and_no_site_is_built(tmp_path):
    hostile = '<script>alert(1)</script>'
    config = with_options(tmp_path, f"      icp_filing: '{hostile}'\n      police_filing: 浙公网安备 123号\n")
    result = run_lantai("build", "-f", str(config), "-d", str(tmp_path / "site"))
    assert result.returncode == 1
    out = result.stderr
    assert "mkdocs.yml: icp_filing:" in out and "浙ICP备12345678号" in out
    assert "mkdocs.yml: police_filing:" in out and "浙公网安备 33010602011771号" in out
    assert not (tmp_path / "site").exists()


@pytest.fixture(scope="module")
def filed_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("filed")
    config = with_options(root, f"      icp_filing: {ICP}\n      police_filing: '{POLICE}'\n")
    return build_site(config, root / "site")


def test_every_page_shows_both_numbers_linked_to_their_records(filed_site):
    pages = [filed_site / "index.html", filed_site / "404.html", *sorted(filed_site.glob("*/*/index.html"))[:5]]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f'href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" lang="zh-CN">{ICP}</a>' in html, page
        assert "https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771" in html, page
        assert f"{POLICE}</a>" in html
    assert (filed_site / "assets/lantai/filing-badge.svg").is_file()


def test_an_archive_s_own_emblem_replaces_lantai_s_badge(tmp_path):
    config = with_options(tmp_path, f"      police_filing: '{POLICE}'\n")
    own = config.parent / "content" / "assets" / "gongan-emblem.png"
    own.parent.mkdir(parents=True, exist_ok=True)
    from PIL import Image
    Image.new("RGB", (20, 20), "red").save(own)
    site = build_site(config, tmp_path / "site")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/gongan-emblem.png"' in html and "filing-badge.svg" not in html
    assert (site / "assets" / "gongan-emblem.png").is_file()


def test_without_numbers_the_footer_has_none(harbour_site):
    assert "lt-colophon__filing" not in (harbour_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_footer_is_accessible_fits_a_phone_and_loads_nothing_from_outside(visit, filed_site, axe):
    page = visit.page
    with serve(filed_site) as url:
        page.goto(url)
        footer = page.locator(".lt-colophon__filing")
        footer.scroll_into_view_if_needed()
        assert footer.get_by_role("link", name=ICP).is_visible()
        link = footer.get_by_role("link", name=POLICE)
        assert link.is_visible()
        assert link.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert blocking_violations(axe, page) == []
    assert visit.errors == [] and visit.outside_requests() == []


def test_build_archive_is_the_site_dated_reproducible_and_checksummed(tmp_path):
    config = with_options(tmp_path, "")
    env = {"SOURCE_DATE_EPOCH": "1764806400"}     # 2025-12-04
    made = []
    for run in ("one", "two"):
        out = tmp_path / run
        result = run_lantai("build", "-q", "-f", str(config), "-d", str(out / "site"), "--archive", env=env)
        assert result.returncode == 0, result.stderr
        made.append(out)
    name = archive_name("project", 1764806400)
    assert name == "project-site-2025-12-04.zip"
    first, second = (out / name for out in made)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        listed = sorted(archive.namelist())
        assert all(info.date_time == (2025, 12, 4, 0, 0, 0) for info in archive.infolist())
        assert archive.read("index.html") == (made[0] / "site" / "index.html").read_bytes()
    site = made[0] / "site"
    assert listed == sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    check = subprocess.run(["sha256sum", "-c", name + ".sha256"], cwd=made[0], capture_output=True, text=True)
    assert check.returncode == 0 and f"{name}: OK" in check.stdout
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0xFF                    # the check can fail
    first.write_bytes(bytes(data))
    assert subprocess.run(["sha256sum", "-c", name + ".sha256"], cwd=made[0], capture_output=True).returncode == 1


def test_an_archive_inside_the_site_or_the_content_is_refused(tmp_path):
    config = with_options(tmp_path, "")
    for inside in (tmp_path / "site" / "zips", config.parent / "content" / "zips"):
        result = run_lantai("build", "-q", "-f", str(config), "-d", str(tmp_path / "site"), "--archive", str(inside))
        assert result.returncode == 2 and "refusing to write the archive there" in result.stderr
        assert not inside.exists()
