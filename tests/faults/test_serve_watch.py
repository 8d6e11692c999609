"""`orgspec serve` outlives any failure, follows every source, and stops its server when it is stopped."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from tests.faults.ordinary import environment
from tests.sites import copy_example
from tests.test_serve import free_port, wait_for

WAIT = 120
"""Seconds any one change may take to reach the served site (a bound, not a measure)."""


def eventually(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"never: {what}")
        time.sleep(0.3)


def answering(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def replace_in(path: Path, old: str, new: str) -> None:
    """Save an edit as many editors do: write a new file, then rename it over the old one."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    saved = path.with_name(f".{path.name}.swp")
    saved.write_text(text.replace(old, new), encoding="utf-8")
    saved.replace(path)


def test_serve_survives_errors_follows_every_source_and_stops_its_server(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    log = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "orgspec", "serve", "--address", base.removeprefix("http://"), str(project)]
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=environment(), start_new_session=True
        )

    def regenerations() -> int:
        return log.read_text(encoding="utf-8").count(" regenerated\n")

    try:
        driver = f"{base}/handbook/posts/driver.html"
        wait_for(driver, "司机", timeout=WAIT)
        before = regenerations()
        (project / "roles" / "gone.txt").symlink_to(project / "nowhere.txt")  # stopped the watcher for good
        eventually(lambda: regenerations() > before, "regenerated with a dangling symlink among the roles")
        (project / "roles" / "gone.txt").unlink()
        roles = project / "roles"
        shutil.copytree(roles, project / "roles.new")  # a folder replaced, as a checkout of another branch may
        shutil.rmtree(roles)
        (project / "roles.new").rename(roles)
        replace_in(project / "roles" / "driver.yaml", "title: 司机", "title: 专职司机")
        wait_for(driver, "专职司机", timeout=WAIT)
        replace_in(roles / "driver.yaml", "title: 专职司机", "title: 驾驶员")  # the new folder is watched
        wait_for(driver, "驾驶员", timeout=WAIT)

        replace_in(project / "mkdocs.yml", "site_name: 示例集团 组织手册", "site_name: 改名集团 组织手册")
        wait_for(driver, "改名集团", timeout=WAIT)

        stylesheet = f"{base}/handbook/assets/orgspec.css"
        (project / "site_templates").mkdir()  # a folder that did not exist when serve started
        (project / "site_templates" / "orgspec.css").write_text(".our-own { color: teal; }\n", encoding="utf-8")
        wait_for(stylesheet, "our-own", timeout=WAIT)
        replace_in(project / "site_templates" / "orgspec.css", "teal", "crimson")
        wait_for(stylesheet, "crimson", timeout=WAIT)

        server.send_signal(signal.SIGTERM)  # to orgspec alone, as a service manager does
        server.wait(timeout=WAIT)
        eventually(lambda: not answering(f"{base}/"), "the builder's server stopped with orgspec")
        assert "Traceback" not in log.read_text(encoding="utf-8")
    finally:
        with suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=WAIT)
