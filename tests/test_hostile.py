"""Hostile text in every field of a post, a department and an approval rule never becomes live markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_files
from tests.html_links import parse
from tests.sites import build, copy_example

EVIL = [
    '<script>alert("x1")</script>',
    '<img src=x onerror=alert("x2")>',
    '" onmouseover="alert(\'x3\')" x="',
    "[x4](javascript:alert('x4'))",
    "{: onclick=\"alert('x5')\" .evilclass5 }",
    '--8<-- "secret6.txt"',
    "![x7](x7.png)",
    "<!-- x8 --> <a href=\"javascript:alert('x9')\">x9</a>",
    "line\n\n<script>alert('x10')</script>\n\n# x11",
    "{{ config.site_name }} {% raw %}x12",
    "<svg onload=alert('x13')>",
]
TEXT = " ".join(EVIL)


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


POST = f"""\
title: {quoted(TEXT)}
title_en: {quoted(TEXT)}
code: {quoted(TEXT)}
department: evil
purpose: {quoted(TEXT)}
summary: {quoted(TEXT)}
duties:
  - {quoted(TEXT)}
  - text: {quoted(TEXT)}
    share: 100
  - group: {quoted(TEXT)}
    items: [{quoted(TEXT)}]
responsibilities: [{quoted(TEXT)}]
authorities:
  - text: {quoted(TEXT)}
    item: {quoted(TEXT)}
    say: decide
    limit: 1
    note: {quoted(TEXT)}
kpis:
  - name: {quoted(TEXT)}
    definition: {quoted(TEXT)}
    target: {quoted(TEXT)}
    source: {quoted(TEXT)}
routines:
  daily:
    - time: {quoted(TEXT)}
      text: {quoted(TEXT)}
relations:
  internal: [{{party: {quoted(TEXT)}, about: {quoted(TEXT)}}}]
  external: [{{party: {quoted(TEXT)}, about: {quoted(TEXT)}}}]
qualifications:
  education: {quoted(TEXT)}
  majors: {quoted(TEXT)}
  experience: {quoted(TEXT)}
  certificates: {quoted(TEXT)}
  skills: [{quoted(TEXT)}]
  knowledge: [{quoted(TEXT)}]
  qualities: [{quoted(TEXT)}]
  preferred: {quoted(TEXT)}
competencies:
  - {{name: {quoted(TEXT)}, level: 1, description: {quoted(TEXT)}}}
staffing_kind: {quoted(TEXT)}
leadership: {quoted(TEXT)}
environment: {quoted(TEXT)}
career: {quoted(TEXT)}
sections:
  evil: [{quoted(TEXT)}, {quoted(TEXT)}]
revisions:
  - version: {quoted(TEXT)}
    date: 2024-01-01
    change: {quoted(TEXT)}
    author: {quoted(TEXT)}
    reviewer: {quoted(TEXT)}
    approver: {quoted(TEXT)}
"""

SETTINGS = f"""\
families:
  evil: {{name: {quoted(TEXT)}, levels: [evil-post]}}
competency_scale: [{{level: 1, name: {quoted(TEXT)}}}]
sections: [{{id: evil, title: {quoted(TEXT)}}}]
approvals:
  actions:
    - {{id: evil-action, name: {quoted(TEXT)}, name_en: {quoted(TEXT + " en")}}}
    - {{id: decide, name: 审批, name_en: approve, final: true}}
  bodies: [{{name: {quoted(TEXT)}, name_en: {quoted(TEXT + " body")}}}]
"""
"""Settings the post's labelled sections, its job family and the approval rules need, each named with the
hostile text."""

APPROVALS = f"""\
rules:
  - item: {quoted(TEXT)}
    parties:
      - {{party: evil-post, action: evil-action}}
      - {{party: {quoted(TEXT)}, action: decide}}
    note: {quoted(TEXT)}
"""
"""A rule whose item, note, body and action are the hostile text."""

DEPARTMENT = f"""\
name: {quoted(TEXT)}
name_en: {quoted(TEXT)}
code: {quoted(TEXT)}
head: evil-post
objective: {quoted(TEXT)}
functions:
  - {quoted(TEXT)}
  - group: {quoted(TEXT)}
    items: [{quoted(TEXT)}]
management: [{quoted(TEXT)}]
territory: [{quoted(TEXT)}]
kpis: [{{name: {quoted(TEXT)}, definition: {quoted(TEXT)}}}]
rank: {quoted(TEXT)}
staffing: {{{quoted(TEXT)}: 1}}
leadership: {{{quoted(TEXT)}: 1}}
relations:
  external: [{{party: {quoted(TEXT)}}}]
revisions:
  - {{version: {quoted(TEXT)}, date: 2024-01-01, change: {quoted(TEXT)}}}
"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_example(tmp_path_factory.mktemp("hostile"))
    files = {"departments/evil.yaml": DEPARTMENT, "roles/evil-post.yaml": POST, "approvals.yaml": APPROVALS}
    write_files(project, {**files, "secret6.txt": "SECRET-CONTENT\n"})
    settings = project / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + SETTINGS, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # Turn on the extensions whose syntax the hostile text uses, so that a leak would show.
    config = config.replace(
        "  - md_in_html\n", "  - md_in_html\n  - pymdownx.snippets:\n      base_path: ['.']\n  - abbr\n  - footnotes\n"
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_hostile_text_is_inert(hostile_project: Path, engine: str) -> None:
    site = build(hostile_project, engine, strict=False)  # the hostile post number breaks the code pattern: a warning
    pages = [site / "handbook" / "posts" / "evil-post.html", site / "handbook" / "departments" / "evil" / "index.html"]
    pages += [*sorted((site / "handbook" / "indexes").glob("*.html")), site / "handbook" / "index.html"]
    pages.append(site / "handbook" / "families" / "evil.html")
    for page in pages:
        parser = parse(page)
        for tag, attrs in parser.tags:
            values = dict(attrs)
            assert "evilclass5" not in (values.get("class") or ""), (page.name, tag, values)
            for name in ("href", "src", "xlink:href", "action", "formaction"):
                target = (values.get(name) or "").strip().lower()
                assert not target.startswith("javascript:") and "x7.png" not in target and target != "x", values
            for name, value in attrs:
                assert not name.startswith("on") or value == "window.print()", (page.name, tag, name, value)
        for script in parser.scripts:
            assert "x1" not in script and "x10" not in script, page.name
        html = page.read_text(encoding="utf-8")
        assert "SECRET-CONTENT" not in html
    # The text is shown as written, visibly: on the post's page and in the authority matrix.
    for name in ("posts/evil-post.html", "indexes/authorities.html"):
        shown = (site / "handbook" / name).read_text(encoding="utf-8")
        assert (
            "&lt;script&gt;alert(&quot;x1&quot;)&lt;/script&gt;" in shown
            or '&lt;script&gt;alert("x1")&lt;/script&gt;' in shown
            or "&#60;script&#62;alert&#40;&#34;x1&#34;&#41;" in shown
        ), name
    for index in site.rglob("search*.json"):
        assert "SECRET-CONTENT" not in index.read_text(encoding="utf-8")
