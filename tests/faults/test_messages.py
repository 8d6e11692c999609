"""Every message renders in both languages, whatever its arguments hold."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from orgspec.core.diagnostics import Diagnostic, Position
from orgspec.i18n import LOCALES, Term, translate
from orgspec.i18n.catalogue import CATALOGUE
from orgspec.model.types import Locale
from tests.conftest import run_cli
from tests.sites import copy_example

REVIEW_ONLY = "authorities: [{text: 审核报销, item: 报销, say: review}]\n"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_renders_with_list_arguments(locale: Locale) -> None:
    shown = "审核、甲" if locale == "zh-CN" else "review, 甲"
    for key, (chinese, english) in CATALOGUE.items():
        args = {name: [Term("say.review"), "甲"] for name in placeholders(chinese + english)}
        text = Diagnostic(key, "warning", "roles/x.yaml", Position(), args).message(locale)
        template = chinese if locale == "zh-CN" else english
        assert shown in text if placeholders(template) else text.startswith(template), (key, text)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_term_argument_takes_the_plain_arguments_of_its_message(locale: Locale) -> None:
    args = {
        "field": "authorised",
        "value": "-1",
        "ge": 0,
        "want": Term("expected.at-least"),
        "says": [Term("say.decide")],
    }
    text = translate("invalid-value", locale, args)
    assert text == (
        "authorised：值 -1 无效，不能小于 0"
        if locale == "zh-CN"
        else "authorised: -1 is not valid: it must be at least 0"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_an_item_nobody_decides_is_a_warning_in_every_format(tmp_path: Path, locale: Locale) -> None:
    project = copy_example(tmp_path)
    settings = project / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("locale: zh-CN", f"locale: {locale}"), "utf-8")
    with (project / "roles" / "driver.yaml").open("a", encoding="utf-8") as post:
        post.write(REVIEW_ONLY)
    text = run_cli("check", str(project))
    assert text.exit_code == 0
    assert text.lines[0] == (
        "roles/driver.yaml:14:34: 警告: 事项“报销”有 审核，但没有岗位审批（decide）；请给某个岗位的该项权限写 say: decide"
        " [authority-without-owner]"
        if locale == "zh-CN"
        else "roles/driver.yaml:14:34: warning: the business item '报销' has review but no post decides it;"
        " give one post say: decide on this item [authority-without-owner]"
    )
    document = json.loads(run_cli("check", "--format", "json", str(project)).stdout)
    assert [item["code"] for item in document["diagnostics"]] == ["authority-without-owner"]
