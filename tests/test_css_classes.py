"""Class names in the generated pages are plain class names: made from orgspec's own names, never escaped text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgspec.render.templates import css_class
from tests.conftest import run_cli
from tests.sites import copy_example


def test_every_class_attribute_of_the_handbook_is_a_list_of_class_names(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "example")
    assert run_cli("generate", str(project)).exit_code == 0
    pages = sorted((project / "docs").rglob("*.md"))
    classes = {value for page in pages for value in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8"))}
    assert "orgspec-post-item" in {name for value in classes for name in value.split()}
    assert [value for value in classes if not re.fullmatch(r"[A-Za-z0-9_ -]+", value)] == []


def test_a_class_name_is_made_only_from_a_name_of_the_code() -> None:
    assert css_class("approval.tier-short") == "approval-tier-short"
    with pytest.raises(ValueError, match="not a class name"):
        css_class('x" onclick="alert(1)')
