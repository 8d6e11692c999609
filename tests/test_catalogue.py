"""The catalogue's files: every entry a Chinese and an English text, every key in one file."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from orgspec.i18n import catalogue


@pytest.mark.parametrize("name", catalogue.FILES)
def test_every_entry_is_a_chinese_and_an_english_text(name: str) -> None:
    path = Path(catalogue.__file__).with_name(name)
    entries = tomllib.loads(path.read_text(encoding="utf-8"))
    assert entries, name
    for key, texts in entries.items():
        assert isinstance(texts, list) and len(texts) == 2, (name, key, texts)
        chinese, english = texts
        assert isinstance(chinese, str) and chinese.strip(), (name, key)
        assert isinstance(english, str) and english.strip(), (name, key)


def test_a_key_in_two_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "messages.toml").write_text('"same" = ["甲", "a"]\n', encoding="utf-8")
    (tmp_path / "labels.toml").write_text('"same" = ["乙", "b"]\n', encoding="utf-8")
    (tmp_path / "importing.toml").write_text("", encoding="utf-8")
    with pytest.raises(RuntimeError, match=re.escape("labels.toml: 'same' is already in messages.toml")):
        catalogue.read(tmp_path)


def test_the_catalogue_holds_every_file() -> None:
    loaded = sum(
        len(tomllib.loads(Path(catalogue.__file__).with_name(name).read_text("utf-8"))) for name in catalogue.FILES
    )
    assert len(catalogue.CATALOGUE) == loaded
    assert catalogue.CATALOGUE["severity.error"] == ("错误", "error")
