"""An exported file is replaced only while its bytes are what orgspec wrote: an edited one is kept."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from benchmarks.synth import write_organisation
from orgspec.export.guard import JOURNAL, RECORD
from tests.conftest import Run, run_cli
from tests.faults.ordinary import environment, orgspec
from tests.sites import copy_example


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "project")


def export(project: Path, kind: str, out: Path, *extra: str) -> Run:
    posts = ["driver"] if kind in ("docx", "pdf") else []
    return run_cli("export", kind, *posts, "--out", str(out), *extra, "-C", str(project))


def rename_the_driver(project: Path) -> None:
    post = project / "roles" / "driver.yaml"
    post.write_text(post.read_text(encoding="utf-8").replace("title: 司机", "title: 专职司机"), encoding="utf-8")


def edit_csv(path: Path) -> None:
    with path.open("a", encoding="utf-8", newline="") as register:
        register.write("EX-99,我加的岗位,,,,1,0,1\r\n")  # the header row is orgspec's still


def edit_xlsx(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)  # keeps lastModifiedBy=orgspec
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["EX-99", "我加的岗位"])
    workbook.save(path)


def edit_docx(path: Path) -> None:
    document = docx.Document(str(path))  # keeps lastModifiedBy=orgspec
    document.add_paragraph("张三的批注")
    document.save(str(path))


EDITS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "csv": ("posts.csv", edit_csv),
    "xlsx": ("posts.xlsx", edit_xlsx),
    "docx": ("driver.docx", edit_docx),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_an_edited_export_is_not_replaced(example: Path, tmp_path: Path, kind: str) -> None:
    name, edit = EDITS[kind]
    out = tmp_path / "out"
    path = out / name
    assert export(example, kind, out if kind == "docx" else path).exit_code == 0
    edit(path)
    edited = path.read_bytes()
    rename_the_driver(example)
    result = export(example, kind, out if kind == "docx" else path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}: not replaced: orgspec did not write this file (or it was edited since)",
        "nothing written; move those files away, choose another --out, or use --force",
    ]
    assert path.read_bytes() == edited
    assert export(example, kind, out if kind == "docx" else path, "--force").exit_code == 0
    assert path.read_bytes() != edited
    rename_the_driver(example)  # what --force wrote is orgspec's again
    assert export(example, kind, out if kind == "docx" else path).exit_code == 0


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx", "pdf"])
def test_an_export_nobody_edited_is_replaced(example: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out"
    target = out if kind in ("docx", "pdf") else out / f"posts.{kind}"
    assert export(example, kind, target).exit_code == 0
    rename_the_driver(example)
    result = export(example, kind, target)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "1 written, 0 unchanged\n"
    record = json.loads((out / RECORD).read_text(encoding="utf-8"))["files"]
    assert list(record) == [f"driver.{kind}" if kind in ("docx", "pdf") else f"posts.{kind}"]


def test_an_edited_schema_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    assert run_cli("schema", "--out", str(out)).exit_code == 0
    schema = out / "post.schema.json"
    document = json.loads(schema.read_text(encoding="utf-8"))
    document["title"] = "我们的岗位"  # its $id is orgspec's still
    schema.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("schema", "--out", str(out))
    assert result.exit_code == 1
    assert f"{schema}: not replaced" in result.stderr
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "我们的岗位"
    assert run_cli("schema", "--out", str(out), "--force").exit_code == 0
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] != "我们的岗位"


def test_an_export_killed_half_way_is_replaced_by_the_next(tmp_path: Path) -> None:
    """Each file's hash is in the folder's journal before the file is written: a killed export leaves files orgspec
    may replace; the next export folds the journal into the record and removes it."""
    project = tmp_path / "org"
    write_organisation(project, 150, downloads=[])
    out = tmp_path / "sheets"
    command = [sys.executable, "-m", "orgspec", "export", "docx", "--all", "--out", str(out), "-C", str(project)]
    with subprocess.Popen(command, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as run:
        while run.poll() is None and len(list(out.glob("*.docx"))) < 5:
            time.sleep(0.05)
        run.kill()
    written = sorted(out.glob("*.docx"))
    assert 5 <= len(written) < 150, "the export ended before it could be killed"
    assert (out / JOURNAL).is_file()
    result = orgspec("export", "docx", "--all", "--out", out, "-C", project)
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.docx"))) == 150
    assert not (out / JOURNAL).exists()
    recorded = json.loads((out / RECORD).read_text(encoding="utf-8"))["files"]
    assert sorted(recorded) == sorted(path.name for path in out.glob("*.docx"))
    assert all(len(hashes) == 1 for hashes in recorded.values())
