"""The public edition leaks nothing through any output: chart, compare, diff, exports and the site.

Markers are planted in every kind of internal content (items marked internal,
clauses, fields listed in ``internal_fields``: grades, codes, limits, and a
pay band, internal by default); each output of each command is scanned for
every marker.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import run_cli, write_files
from tests.sites import build

SECRETS = (
    "GRADESECRET",
    "CODESECRET",
    "CLAUSESECRET",
    "FUNCSECRET",
    "DEPTKPISECRET",
    "DUTYSECRET",
    "RESPSECRET",
    "AUTHSECRET",
    "ITEMSECRET",
    "KPISECRET",
    "NOTESECRET",
    "RULESECRET",
    "987,654",
    "987654",
    "13,579",
    "13579",
    "24,680",
    "24680",
)

FILES = {
    "orgspec.yaml": """\
name: Leak Co
locale: en
grades:
  - id: GRADESECRET-1
  - id: GRADESECRET-2
    pay: {min: 13579, max: 24680}
code_pattern: CODESECRET-{department}-{seq:2}
internal_fields: [grade, codes, limits]
approvals:
  bodies: [Board]
""",
    "approvals.yaml": """\
rules:
  - item: Refunds
    up_to: 987654
    parties:
      - cs-agent: propose
      - cs-lead: approve
  - item: Refunds
    above: 987654
    parties:
      - cs-agent: propose
      - cs-lead: review
      - Board: approve
  - item: RULESECRET
    internal: true
    parties:
      - cs-lead: approve
""",
    "clauses.yaml": """\
obey-rules: Follow the rules
secret-rule: {text: CLAUSESECRET rule, internal: true}
""",
    "departments/cs.yaml": """\
name: Service
code: CS
head: cs-lead
authorised: 3
functions:
  - Answer customers
  - {text: FUNCSECRET function, internal: true}
kpis:
  - name: Resolution rate
  - {name: DEPTKPISECRET, internal: true}
""",
    "roles/cs-lead.yaml": """\
title: Service lead
code: CODESECRET-CS-01
department: cs
grade: GRADESECRET-2
duties:
  - Take calls
  - {text: DUTYSECRET duty, internal: true}
  - clause: secret-rule
  - clause: obey-rules
responsibilities:
  - Answers for service quality
  - {text: RESPSECRET, internal: true}
authorities:
  - {text: AUTHSECRET approval, item: ITEMSECRET, say: decide, internal: true}
  - {text: Approve refunds, item: Refunds, say: decide, limit: 987654, note: NOTESECRET}
kpis:
  - name: Satisfaction
  - {name: KPISECRET, internal: true}
""",
    "roles/cs-agent.yaml": """\
title: Service agent
code: CODESECRET-CS-02
department: cs
grade: GRADESECRET-1
reports_to: cs-lead
authorised: 2
filled: 1
duties:
  - Call customers back
  - {text: DUTYSECRET duty, internal: true}
kpis:
  - name: Call-back rate
""",
}


def assert_no_secret(where: str, text: str) -> None:
    assert text.strip(), f"{where}: empty output"
    for secret in SECRETS:
        assert secret not in text, (where, secret)


@pytest.fixture
def leaky(tmp_path: Path) -> Path:
    root = tmp_path / "leaky"
    write_files(root, FILES)
    return root


def cli_output(*args: str) -> str:
    """What a command prints on standard output (its diagnostics, on stderr, are the author's own)."""
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_markers_are_there_in_the_internal_edition(leaky: Path) -> None:
    chart = cli_output("chart", "cs", "-o", "-", "-C", str(leaky))
    compare = cli_output("compare", "--format", "json", "-C", str(leaky))
    assert "CODESECRET" in chart and "GRADESECRET" in chart
    assert "DUTYSECRET" in compare  # shared_duties lists the duty written in both posts


@pytest.mark.parametrize(
    "args",
    [
        ("chart", "cs", "-o", "-"),
        ("chart", "-o", "-"),
        ("compare", "--format", "json"),
        ("compare", "--format", "markdown"),
        ("compare",),
    ],
    ids=" ".join,
)
def test_printed_outputs(leaky: Path, args: tuple[str, ...]) -> None:
    assert_no_secret(" ".join(args), cli_output(*args, "-C", str(leaky), "--edition", "public"))


def test_the_settings_edition_is_the_default(leaky: Path) -> None:
    settings = leaky / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "edition: public\n", encoding="utf-8")
    assert_no_secret("chart", cli_output("chart", "cs", "-o", "-", "-C", str(leaky)))
    assert_no_secret("compare", cli_output("compare", "--format", "json", "-C", str(leaky)))


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root, check=True, capture_output=True
    )


@pytest.mark.parametrize("output_format", ["text", "markdown", "json", "html"])
def test_diff(leaky: Path, output_format: str) -> None:
    git(leaky, "init", "-q")
    git(leaky, "add", ".")
    git(leaky, "commit", "-q", "-m", "before")
    lead = leaky / "roles" / "cs-lead.yaml"
    changed = lead.read_text(encoding="utf-8").replace("DUTYSECRET duty", "DUTYSECRET duty two")
    lead.write_text(
        changed.replace("- name: Satisfaction", "- name: Satisfaction\n  - {name: KPISECRET new, internal: true}")
    )
    (leaky / "roles" / "cs-new.yaml").write_text(
        "title: New agent\ncode: CODESECRET-CS-03\ndepartment: cs\ngrade: GRADESECRET-1\nreports_to: cs-lead\n"
        "authorised: 0\nfilled: 0\nduties: [{text: DUTYSECRET new, internal: true}, Greet]\nkpis: [{name: Greeting}]\n",
        encoding="utf-8",
    )
    internal = cli_output("diff", "HEAD", "--format", output_format, "-C", str(leaky))
    assert "KPISECRET" in internal
    assert ("13579" if output_format == "json" else "13,579–24,680") in internal  # the lead's cost: one head
    public = cli_output("diff", "HEAD", "--format", output_format, "-C", str(leaky), "--edition", "public")
    assert_no_secret(f"diff --format {output_format}", public)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_register_exports(leaky: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"posts.{kind}"
    cli_output("export", kind, "--out", str(out), "-C", str(leaky), "--edition", "public")
    text = out.read_text(encoding="utf-8-sig") if kind == "csv" else workbook_text(out)
    assert_no_secret(kind, text)


def workbook_text(path: Path) -> str:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)


def test_the_authority_matrix_exports(leaky: Path, tmp_path: Path) -> None:
    internal = tmp_path / "internal.xlsx"
    cli_output("export", "approvals", "--out", str(internal), "-C", str(leaky))
    assert "RULESECRET" in workbook_text(internal) and "987,654" in workbook_text(internal)
    out = tmp_path / "approvals.xlsx"
    cli_output("export", "approvals", "--out", str(out), "-C", str(leaky), "--edition", "public")
    assert_no_secret("approvals.xlsx", workbook_text(out))
    cli_output("export", "docx", "--approvals", "--out", str(tmp_path), "-C", str(leaky), "--edition", "public")
    document = docx.Document(str(tmp_path / "approvals.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert_no_secret("approvals.docx", "\n".join([paragraph.text for paragraph in document.paragraphs] + cells))


def test_word_export(leaky: Path, tmp_path: Path) -> None:
    cli_output("export", "docx", "--all", "--out", str(tmp_path / "sheets"), "-C", str(leaky), "--edition", "public")
    files = sorted((tmp_path / "sheets").glob("*.docx"))
    assert len(files) == 2
    for path in files:
        document = docx.Document(str(path))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert_no_secret(path.name, "\n".join([paragraph.text for paragraph in document.paragraphs] + cells))


def test_built_site(leaky: Path, tmp_path: Path, project: Callable[..., Path]) -> None:
    site = build(leaky, "mkdocs", "--edition", "public", strict=False)  # the shared duty is a warning
    files = [path for path in site.rglob("*") if path.suffix in (".html", ".json", ".xml", ".svg", ".md")]
    assert len(files) > 5
    for path in files:
        assert_no_secret(str(path.relative_to(site)), path.read_text(encoding="utf-8", errors="replace"))
