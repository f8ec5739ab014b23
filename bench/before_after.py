"""Two versions of Lantai side by side: the same synthetic exhibition built cold, then rebuilt
after one edit, by each, one build at a time, the order alternating.

A pass on the build's speed compares its code with the code before it in one run, on the same
machine at the same load (bench/results/scale.md, "Before and after"). Each version gets its
own copy of the project (bench/synthetic.py, same seed), its own site and build cache. A
version is a source tree: this worktree, or the code before the pass unpacked with
`git archive <commit> | tar -x -C /tmp/before`. Builds run with that tree first on
PYTHONPATH and from a neutral folder, so the worker processes import the same tree's code
(from the worktree, they would import its lantai/ first).

Run: .venv/bin/python bench/before_after.py STORIES OUT BEFORE_TREE AFTER_TREE [--no-rebuild]
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402
from synthetic import write_exhibition  # noqa: E402

scale.REPO = Path("/")   # the builds' working folder (scale.measured): not a source tree


def main() -> None:
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    stories, out = int(sys.argv[1]), Path(sys.argv[2])
    trees = {"before": Path(sys.argv[3]).resolve(), "after": Path(sys.argv[4]).resolve()}
    rebuild = "--no-rebuild" not in sys.argv
    projects = {}
    for name in trees:
        if not (out / name / "project" / "mkdocs.yml").exists():
            write_exhibition(out / name / "project", stories)
        projects[name] = out / name / "project"
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)

    def run(name: str, kind: str) -> None:
        config, site = projects[name] / "mkdocs.yml", out / name / "site"
        if kind == "cold":
            shutil.rmtree(site, ignore_errors=True)
            shutil.rmtree(projects[name] / ".lantai-cache", ignore_errors=True)
        scale.ENV = {**scale.ENV, "PYTHONPATH": str(trees[name])}
        command = [sys.executable, str(trees[name] / "build.py"), "build", "-q", "-f", str(config), "-d", str(site)]
        log = out / f"{name}-{kind}.log"
        seconds, cpu, rss, _, status, _ = scale.measured(command, log, None)
        if status:
            raise SystemExit(f"{name} {kind} failed:\n" + log.read_text(errors="replace")[-3000:])
        print(f"{name:7} {kind:8} {seconds:6.1f} s {cpu:6.1f} CPU s {rss / 2**20:6.0f} MB max RSS", flush=True)

    order = ["before", "after"]
    for kind in ["cold"] + (["rebuild"] if rebuild else []):
        for name in order:
            if kind == "rebuild":   # one sentence added to one story, as bench/scale.py does
                story = sorted((projects[name] / "content" / "brand-000").glob("story-*.md"))[0]
                story.write_text(story.read_text(encoding="utf-8").rstrip("\n")
                                 + f"\n\n编辑在此补充了一句话{time.time_ns()}。\n", encoding="utf-8")
            run(name, kind)
        order.reverse()
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
