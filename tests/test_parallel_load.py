"""A big project is parsed in two processes; what `orgspec check` reports is what a one-process read gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.synth import write_organisation
from orgspec.check.pipeline import check_loaded
from orgspec.load.project import PARALLEL_FROM, load_files, project_files


def test_a_big_project_reads_the_same_in_two_processes_as_in_one(tmp_path: Path) -> None:
    root = tmp_path / "big"
    write_organisation(root, PARALLEL_FROM + 50)
    (root / "roles" / "twice.yaml").write_text("title: 甲\ntitle: 乙\ndepartment: hr\n", encoding="utf-8")
    (root / "roles" / "latin1.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    run = subprocess.run(
        [sys.executable, "-m", "orgspec", "check", "--format", "json", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    forked = json.loads(run.stdout)

    def one_process(name: str) -> bytes:  # any reader but the disk reader is read in this process only
        return (root / name).read_bytes()

    serial = check_loaded(*load_files(root, project_files(root), one_process))
    assert forked["diagnostics"] == [diagnostic.as_dict(serial.locale) for diagnostic in serial.diagnostics]
    codes = {(Path(item["file"]).name, item["code"]) for item in forked["diagnostics"]}
    assert ("twice.yaml", "yaml-duplicate-key") in codes
    assert ("latin1.yaml", "yaml-encoding") in codes
    assert forked["summary"]["posts"] == len(serial.organisation.posts)
