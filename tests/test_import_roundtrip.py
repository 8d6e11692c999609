"""`orgspec export docx` → `orgspec import docx`: every post of both examples comes back as it was.

The examples are the project of this repository and the archive bureau of
the handbook of job families, 兼任, a 三定 and labelled sections
(`tests.test_shapes_site`): 编制类别, 领导职务, 兼任, rated competencies and
the organisation's own sections travel through the sheet too.

What a job sheet cannot carry is left out of the comparison, each for its
reason:

- ``based_on``: a sheet shows the content a post takes from another as its
  own, so the imported post holds that content itself;
- ``replaces``: a level of a job family prints the entries it holds, its
  own and the levels' below alike, never which of its fields start afresh.
  So each imported post is compared as it was written, with all it holds:
  the family would add a lower level's entries to a level that replaced
  them again, once the post is linked;
- ``internal``: the internal edition prints internal items like any other
  and does not mark them;
- ``title_en``: a Chinese sheet prints one name (and an English one prints
  ``title_en`` as the title);
- ``filled``: compared as the number of people in post, which is all a
  sheet says (``filled: 1`` and no ``filled`` with one authorised are the same).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from orgspec.check.pipeline import check_project
from orgspec.link.organisation import Organisation
from orgspec.model import Post
from orgspec.model.common import ClauseRef
from tests.conftest import run_cli, write_files
from tests.sites import copy_example
from tests.test_second_example import copy_example as copy_second_example
from tests.test_shapes_site import FILES as SHAPES


def exported(project: Path, out: Path) -> Path:
    result = run_cli("export", "docx", "--all", "--out", str(out), "-C", str(project))
    assert result.exit_code == 0, result.stderr
    return out


def without_roles(project: Path, target: Path) -> Path:
    """A copy of ``project`` with its settings, clauses and departments, and no posts."""
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("roles", "docs", "site"))
    (target / "roles").mkdir()
    return target


def comparable(post: Post, organisation: Organisation, *, clauses: bool = True) -> dict[str, Any]:
    """What a sheet carries of ``post``; standard clauses as their wording unless ``clauses``."""
    data = post.model_dump(mode="json", exclude={"based_on", "replaces", "title_en", "filled"}, warnings=False)
    data["filled"] = post.filled_count
    plain: dict[str, Any] = _plain(data, organisation, clauses)
    return plain


def _plain(value: Any, organisation: Organisation, clauses: bool) -> Any:
    if isinstance(value, dict):
        if not clauses and set(value) == {"clause"}:
            return organisation.text(ClauseRef(clause=value["clause"]))
        return {key: _plain(inner, organisation, clauses) for key, inner in value.items() if key != "internal"}
    if isinstance(value, list):
        return [_plain(inner, organisation, clauses) for inner in value]
    return value


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_second_example(tmp_path_factory.mktemp("second"))


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shapes")
    write_files(root, SHAPES)
    return root


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("name", ["example", "second", "shapes"])
def test_every_post_comes_back_into_its_project(
    request: pytest.FixtureRequest, tmp_path: Path, name: str, locale: str
) -> None:
    source = tmp_path / "source"
    shutil.copytree(request.getfixturevalue(name), source)
    settings = source / "orgspec.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("locale: zh-CN", f"locale: {locale}") if "locale:" in text else f"{text}locale: {locale}\n"
    settings.write_text(text, "utf-8")
    sheets = exported(source, tmp_path / "sheets")
    target = without_roles(source, tmp_path / "target")

    result = run_cli("import", "docx", str(sheets), "-C", str(target))

    assert result.exit_code == 0, result.stdout + result.stderr
    original, imported = check_project(source), check_project(target)
    assert [d for d in imported.diagnostics if d.severity == "error"] == []
    assert sorted(imported.organisation.posts) == sorted(original.organisation.posts)
    for key, post in original.organisation.posts.items():
        expected = comparable(post, original.organisation)
        if locale == "en":
            expected["title"] = post.title_en or post.title
        written = imported.organisation.project.posts[key].model
        assert comparable(written, imported.organisation) == expected, key


def test_the_posts_come_back_into_an_empty_project(example: Path, tmp_path: Path) -> None:
    """Departments are made from the names on the sheets; grades wait for a grade scale (noted in each file)."""
    sheets = exported(example, tmp_path / "sheets")
    empty = tmp_path / "empty"
    write_files(empty, {"orgspec.yaml": "name: 新公司\n"})

    result = run_cli("import", "docx", str(sheets), "-C", str(empty))

    assert result.exit_code == 0, result.stdout + result.stderr
    assert run_cli("check", str(empty)).exit_code == 0
    original, imported = check_project(example).organisation, check_project(empty).organisation
    names = {key: department.name for key, department in imported.departments.items()}
    for key, post in original.posts.items():
        expected = comparable(post, original, clauses=False)
        expected["department"] = original.departments[post.department].name
        expected["grade"] = None
        copy = comparable(imported.posts[key], imported)
        copy["department"] = names[copy["department"]]
        assert copy == expected, key
    assert "# yaml-language-server: $schema=../schemas/post.schema.json" in (empty / "roles/driver.yaml").read_text(
        encoding="utf-8"
    )
