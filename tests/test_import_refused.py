"""Input `orgspec import docx` cannot use: a clear message naming the file and the fix, and nothing written."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_cli, write_files
from tests.documents.builder import word

PROJECT = {"orgspec.yaml": "name: 测试公司\n", "departments/kf.yaml": "name: 客服部\n"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def encrypted(path: Path) -> Path:
    """What Word writes for a .docx with a password: a compound file holding an encrypted package."""
    path.write_bytes(
        OLE_MAGIC + bytes(504) + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    )
    return path


def truncated(path: Path) -> Path:
    whole = word(path, "岗位名称：客服专员", "所属部门：客服部").read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return path


def workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def plain_text(path: Path) -> Path:
    path.write_text("岗位名称：客服专员\n", encoding="utf-8")
    return path


def minutes(path: Path) -> Path:
    return word(path, "会议纪要", "2024 年 3 月 1 日，讨论了下季度的活动安排。")


CASES = {
    "secret.docx": (
        encrypted,
        "文件设有打开密码（已加密），无法读取；请在 Word 中打开，取消密码（文件 → 信息 → 保护文档）后另存，再导入",
    ),
    "broken.docx": (truncated, "文件已损坏，不能作为 Word 文件读取（File is not a zip file）；请在 Word 中打开"),
    "table.docx": (workbook, "不是 Word 文件（.docx 或 .doc）；请在 Word 中打开，另存为 .docx 后再导入"),
    "notes.docx": (plain_text, "不是 Word 文件（.docx 或 .doc）"),
    "notes.txt": (plain_text, "不是 Word 文件（.docx 或 .doc）"),
    "minutes.docx": (minutes, "没有找到岗位说明书的内容：没有一个标签（如 岗位名称、岗位职责、任职资格）能对上"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_file_that_is_no_job_description(tmp_path: Path, name: str) -> None:
    write_files(tmp_path, PROJECT)
    make, message = CASES[name]
    path = make(tmp_path / name)

    result = run_cli("import", "docx", str(path), "-C", str(tmp_path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}: {message}"), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "roles").exists()


def test_the_good_files_of_a_folder_are_imported_and_the_bad_named(tmp_path: Path) -> None:
    write_files(tmp_path, PROJECT)
    word(tmp_path / "in/agent.docx", "岗位名称：客服专员", "所属部门：客服部")
    encrypted(tmp_path / "in/secret.docx")

    result = run_cli("import", "docx", str(tmp_path / "in"), "-C", str(tmp_path))

    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[-1] == "读取 2 个文件，写入 1 个岗位、0 个部门；0 处文字另存为注释；1 个文件未能导入"
    )
    assert sorted(path.name for path in (tmp_path / "roles").iterdir()) == ["agent.yaml"]


def test_a_word_97_file_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(tmp_path, PROJECT)
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(OLE_MAGIC + bytes(504))
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))

    result = run_cli("import", "docx", str(legacy), "-C", str(tmp_path))

    assert result.exit_code == 1
    assert result.stderr == (
        f"{legacy}: 这是 Word 97–2003 格式（.doc）的文件，需要 LibreOffice 才能转换：请安装 LibreOffice"
        "（Debian/Ubuntu：sudo apt install libreoffice-writer），或在 Word 中另存为 .docx\n"
    )


def test_a_word_97_file_is_converted_with_libreoffice(tmp_path: Path) -> None:
    write_files(tmp_path, PROJECT)
    source = word(tmp_path / "make/agent.docx", "岗位名称：客服专员", "所属部门：客服部", "岗位职责：", "1. 受理来电")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc", "--outdir",
         str(tmp_path / "in"), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip

    result = run_cli("import", "docx", str(tmp_path / "in/agent.doc"), "-C", str(tmp_path))

    assert result.exit_code == 0, result.stderr
    assert "duties:\n  - 受理来电\n" in (tmp_path / "roles/agent.yaml").read_text(encoding="utf-8")
