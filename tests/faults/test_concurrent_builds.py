"""One build at a time on a project: the other is told who is building, and nothing breaks."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
from pathlib import Path

from orgspec.site.pipeline import LOCK
from tests.conftest import run_cli
from tests.faults.ordinary import environment
from tests.sites import copy_example

BUSY = re.compile(r"^Error: another build is running on (?P<root>.+) \(pid (?P<pid>\d+)\); wait for it to end")


def start_build(project: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "orgspec", "build", str(project)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment())


def test_two_builds_at_once_never_break(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    for _ in range(3):
        pair = [start_build(project), start_build(project)]
        said = [build.communicate(timeout=300)[1] for build in pair]
        for build, other, stderr in ((pair[0], pair[1], said[0]), (pair[1], pair[0], said[1])):
            assert "Traceback" not in stderr
            last = stderr.splitlines()[-1]
            busy = BUSY.match(last)
            assert (build.returncode, last) == (0, f"site built with mkdocs into {project / 'site'}") or (
                build.returncode == 2 and busy and busy["pid"] == str(other.pid)
            ), stderr
    result = run_cli("build", str(project))
    assert result.exit_code == 0, result.stderr
    assert (project / "site" / "handbook" / "posts" / "driver.html").is_file()
    assert (project / LOCK).read_bytes() == b""  # no run holds it


def test_a_build_while_another_holds_the_lock_names_it_and_writes_nothing(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    (project / LOCK).parent.mkdir(parents=True)
    with (project / LOCK).open("wb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as another orgspec run does
        held.write(f"{os.getpid()}\n".encode())
        held.flush()
        result = run_cli("build", str(project))
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: another build is running on {project.resolve()} (pid {os.getpid()}); "
            "wait for it to end and run again\n"
        )
        assert not (project / "docs" / "handbook").exists()
        assert run_cli("generate", str(project)).exit_code == 2
    assert run_cli("build", str(project)).exit_code == 0  # released: the next one builds


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (project / LOCK).parent.mkdir(parents=True)
    (project / LOCK).write_text(dead.stdout, encoding="ascii")  # its pid, and no lock held: killed mid-run
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    assert (project / LOCK).read_bytes() == b""
