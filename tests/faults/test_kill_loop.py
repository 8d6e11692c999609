"""Killed at any moment, generate and build leave a project the next run makes byte-identical to a clean build.

A 1,000-post organisation is built once, cleanly. Then two copies of its
sources take ten SIGKILLs each, at random moments of random runs of
generate or build (orgspec and its builder, the whole process group), each
kill followed by the same command run to the end. After every such run the
project must hold the same bytes as the clean build (the stamp and the
record of rendered pages aside, which hold file times) and no temporary file.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks.synth import write_organisation
from orgspec.core.write import is_temporary
from orgspec.site.incremental import RECORD_DIR
from orgspec.site.stamp import STAMP
from tests.faults.ordinary import environment

POSTS = 1000
COPIES = 2
KILLS_EACH = 10
SEED = 12
LEAN_SITE = """\
site_name: 合成集团 组织手册
theme:
  name: material
  language: zh
  font: false
  features: [navigation.indexes, navigation.prune]
plugins: []
"""
"""The synthetic organisation's site without the search index: building it (with jieba) is half of every
build and none of what is tested here."""

Tree = dict[str, str]


def tree(project: Path, *, site: bool) -> Tree:
    """Every file of ``project`` (without ``site/`` unless asked) and a hash of its bytes; file-time records aside."""
    files = {}
    for path in sorted(project.rglob("*")):
        name = path.relative_to(project).as_posix()
        times = name == STAMP.as_posix() or (path.parent == project / RECORD_DIR and path.name.startswith("pages-"))
        if path.is_file() and not times and (site or not name.startswith("site/")):
            files[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def start(command: str, project: Path) -> subprocess.Popen[bytes]:
    arguments = [sys.executable, "-m", "orgspec", command, str(project)]
    return subprocess.Popen(
        arguments,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**environment(), "SOURCE_DATE_EPOCH": "1700000000"},
        start_new_session=True,  # its own process group: the kill takes the builder too
    )


def run(command: str, project: Path) -> float:
    """Run ``command`` to the end; how long it took, to pick moments to kill it at."""
    began = time.monotonic()
    process = start(command, project)
    _, stderr = process.communicate(timeout=900)
    assert process.returncode == 0, stderr.decode()
    return time.monotonic() - began


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("killed") / "sources"
    write_organisation(root, POSTS, downloads=[])
    (root / "mkdocs.yml").write_text(LEAN_SITE, encoding="utf-8")
    return root


def kill_and_repair(sources: Path, project: Path, clean: Tree, durations: dict[str, float], seed: int) -> None:
    shutil.copytree(sources, project)
    moments = random.Random(seed)
    for _ in range(KILLS_EACH):
        command = moments.choice(["generate", "build"])
        process = start(command, project)
        time.sleep(moments.uniform(0, durations[command]))
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
        run(command, project)
        after = tree(project, site=command == "build")
        expected = {
            name: digest for name, digest in clean.items() if command == "build" or not name.startswith("site/")
        }
        assert sorted(set(after) ^ set(expected)) == []
        assert [name for name in after if after[name] != expected[name]] == []
        assert [path for path in project.rglob("*") if is_temporary(path.name)] == []


def test_killed_generate_and_build_are_repaired(sources: Path, tmp_path: Path) -> None:
    reference = tmp_path / "clean"
    shutil.copytree(sources, reference)
    durations = {"generate": run("generate", reference)}
    shutil.rmtree(reference / "docs" / "handbook")
    durations["build"] = run("build", reference)
    clean = tree(reference, site=True)
    assert any(name.startswith("site/handbook/posts/") for name in clean)
    projects = [tmp_path / f"copy-{number}" for number in range(COPIES)]
    with ThreadPoolExecutor(COPIES) as pool:
        runs = [
            pool.submit(kill_and_repair, sources, project, clean, durations, SEED + number)
            for number, project in enumerate(projects)
        ]
        for done in runs:
            done.result()
