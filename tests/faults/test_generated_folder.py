"""generate replaces and removes only what it wrote in docs/handbook; a person's files there are reported, kept."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.sites import copy_example

MY_NOTES = "my own notes\n"


def test_files_a_person_put_in_the_handbook_folder_are_kept_and_reported(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    handbook = project / "docs" / "handbook"
    (handbook / "my-notes.md").write_text(MY_NOTES, encoding="utf-8")
    (handbook / "mine").mkdir()
    (handbook / "mine" / "data.txt").write_text(MY_NOTES, encoding="utf-8")
    driver = project / "roles" / "driver.yaml"
    driver.rename(driver.with_name("chauffeur.yaml"))
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-3].endswith(", 3 removed")
    assert result.stderr.splitlines()[-2:] == [
        f"warning: {handbook}/mine/data.txt: not written by orgspec, left alone; keep your files outside {handbook}",
        f"warning: {handbook}/my-notes.md: not written by orgspec, left alone; keep your files outside {handbook}",
    ]
    assert not (handbook / "posts" / "driver.md").exists()  # the page, its Word and PDF copies are gone
    assert (handbook / "my-notes.md").read_text(encoding="utf-8") == MY_NOTES
    assert (handbook / "mine" / "data.txt").read_text(encoding="utf-8") == MY_NOTES
    again = run_cli("generate", str(project))  # nothing changed: still said
    assert "(nothing changed)" in again.stderr and again.stderr.count("not written by orgspec") == 2


def test_a_file_of_a_person_where_orgspec_would_write_is_not_replaced(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    driver = project / "roles" / "driver.yaml"
    mine = project / "docs" / "handbook" / "posts" / "chauffeur.md"
    mine.write_text(MY_NOTES, encoding="utf-8")
    driver.rename(driver.with_name("chauffeur.yaml"))
    result = run_cli("generate", str(project))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        f"{mine}: not replaced: orgspec did not write this file",
        f"they are left as they were; move them out of {project / 'docs' / 'handbook'} and run again",
    ]
    assert mine.read_text(encoding="utf-8") == MY_NOTES
    assert (project / "docs" / "handbook" / "posts" / "driver.md").is_file()  # nothing removed either
    mine.unlink()
    again = run_cli("generate", str(project))
    assert again.exit_code == 0, again.stderr
    assert "\n# 司机\n" in mine.read_text(encoding="utf-8")
    assert not (project / "docs" / "handbook" / "posts" / "driver.md").exists()
