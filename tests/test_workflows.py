"""The publishing workflow and CI script, checked offline.

Each workflow file is validated against GitHub's workflow JSON schema as vendored by
check-jsonschema (no download), then read for what publishing needs: tests and a strict
build on every push and pull request, Pages permissions only on the deploy job, the
github-pages environment, pinned official actions, the Pages address passed to the build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PAGES = REPO / ".github" / "workflows" / "pages.yml"

# The official actions the workflow may use, and their major versions current in November 2026.
CURRENT_MAJORS = {"actions/checkout": 7, "actions/setup-python": 7, "actions/configure-pages": 6,
                  "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5, "actions/cache": 6}


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))   # YAML 1.1 reads the key `on` as true
    return data


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load(PAGES)


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_workflows_match_githubs_schema():
    assert WORKFLOWS, "no workflow under .github/workflows"
    result = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    dependabot = check_jsonschema("vendor.dependabot", REPO / ".github" / "dependabot.yml")
    assert dependabot.returncode == 0, dependabot.stdout + dependabot.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    step:\n      - run: make test\n")
    result = check_jsonschema("vendor.github-workflows", broken)
    assert result.returncode != 0
    assert "broken.yml::$.jobs.test" in result.stdout


def test_runs_on_pushes_to_main_and_on_pull_requests(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert "${{ github.ref }}" in workflow["concurrency"]["group"]


def test_every_change_runs_the_whole_suite_with_chromium(workflow):
    test = workflow["jobs"]["test"]
    assert "if" not in test, "the tests must run on pull requests too"
    commands = "\n".join(step.get("run", "") for step in test["steps"])
    assert re.search(r"apt-get install .*\bchromium\b", commands)
    assert "make test" in commands
    assert steps_using(test, "actions/checkout")


def test_the_build_is_strict_and_knows_the_pages_address(workflow):
    build = workflow["jobs"]["build"]
    assert "if" not in build
    assert steps_using(build, "actions/setup-python")[0]["with"]["python-version"]
    pages = steps_using(build, "actions/configure-pages")[0]
    step = next(s for s in build["steps"] if "build.py build" in s.get("run", ""))
    assert step["env"]["LANTAI_SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % pages["id"]
    site_dir = re.search(r"-d (\S+)", step["run"]).group(1)
    upload = steps_using(build, "actions/upload-pages-artifact")[0]
    assert upload["with"]["path"] == site_dir
    assert "refs/heads/main" in upload["if"] and "pull_request" in upload["if"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}


def test_only_the_deploy_job_writes_to_pages(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert set(deploy["needs"]) == {"test", "build"}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert steps_using(deploy, "actions/deploy-pages")[0]["id"] == "deployment"
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert "write" not in (job.get("permissions") or {}).values(), name


def test_actions_are_official_current_and_pinned():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" not in step:
                    continue
                action, _, ref = step["uses"].partition("@")
                assert action in CURRENT_MAJORS, f"{path.name}: {action} is not one of the official actions"
                line = next(line for line in path.read_text().splitlines() if step["uses"] in line)
                if re.fullmatch(r"[0-9a-f]{40}", ref):
                    # A commit pin says which release it is, for people and for Dependabot.
                    version = re.search(r"# v(\d+)\.\d+\.\d+$", line)
                    assert version, f"{path.name}: {step['uses']} needs a '# vX.Y.Z' comment"
                    major = int(version.group(1))
                else:
                    assert re.fullmatch(r"v\d+(\.\d+){0,2}", ref), f"{path.name}: {step['uses']} is not pinned"
                    major = int(ref[1:].split(".")[0])
                # Dependabot may move them forward; never back behind what was current.
                assert major >= CURRENT_MAJORS[action], f"{path.name}: {action} v{major}, current is v{CURRENT_MAJORS[action]}"


def test_ci_script_installs_chromium_and_runs_the_readme_test_command():
    script = REPO / ".ci" / "run"
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert "apt-get update" in text and re.search(r"apt-get install .*\bchromium\b", text)
    assert text.rstrip().endswith("make test")
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
