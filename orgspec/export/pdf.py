"""PDF job sheets: the print HTML (``sheet.html.j2``) laid out by WeasyPrint, fonts embedded.

WeasyPrint is an optional extra (``orgspec[pdf]``) and needs Pango and
HarfBuzz from the system, plus a font with Chinese glyphs; when any of it is
missing the error says what to install.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import importlib.util
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from types import ModuleType

from jinja2 import Environment

from orgspec import requirement
from orgspec.core.errors import EnvironmentProblem
from orgspec.render.escape import css_string
from orgspec.render.templates import environment
from orgspec.views.sheet import Field, JobSheet, Table, field_rows, page_label
from orgspec.views.spans import spans

TEMPLATE = "sheet.html.j2"
DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-wqy-microhei"
INSTALL = (
    f"PDF export needs WeasyPrint: pip install '{requirement('pdf')}'; "
    f"it also needs Pango, HarfBuzz and a Chinese font (Debian/Ubuntu: apt-get install {DEBIAN_PACKAGES}; "
    "fonts-noto-cjk instead of fonts-wqy-microhei also works)"
)


class PdfUnavailableError(EnvironmentProblem):
    """WeasyPrint or the system libraries it needs are missing; the message says what to install."""


def weasyprint() -> ModuleType:
    """The WeasyPrint module, or `PdfUnavailableError` naming what to install."""
    try:
        module = importlib.import_module("weasyprint")
    except ImportError as error:
        raise PdfUnavailableError(f"{INSTALL} ({error})") from error
    except OSError as error:  # the Python package is there, the Pango libraries are not
        raise PdfUnavailableError(f"{INSTALL} ({error})") from error
    return module


def pdf_installed() -> bool:
    """Whether the WeasyPrint package is installed, without importing it (which takes half a second).

    Its system libraries may still be missing: making a PDF then raises `PdfUnavailableError`.
    """
    return importlib.util.find_spec("weasyprint") is not None


def widths(table: Table) -> list[int]:
    """Column widths in percent."""
    relative = table.widths or (1,) * table.columns
    return [round(100 * width / sum(relative)) for width in relative]


def basic_rows(sheet: JobSheet) -> list[list[Field]]:
    return field_rows(sheet.basic)


def sheet_html(
    sheets: Sequence[JobSheet], when: dt.datetime, *, title: str | None = None, env: Environment | None = None
) -> str:
    """The print HTML of ``sheets``, each starting on a new page."""
    first = sheets[0]
    env = env or environment(None, first.locale)
    return env.get_template(TEMPLATE).render(
        sheets=sheets,
        title=title or first.heading,
        lang=first.locale,
        created=when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        page=page_label(first.locale),
        basic_rows=basic_rows,
        spans=spans,
        widths=widths,
        css_string=css_string,
    )


def source_hash(html: str) -> str:
    """What identifies a PDF: its HTML and the WeasyPrint version that lays it out."""
    try:
        version = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        version = ""
    return hashlib.sha256(f"{version}\n{html}".encode()).hexdigest()[:32]


def pdf_document(html: str, *, base: Path | None = None) -> bytes:
    """The PDF of ``html``; its file identifier is the hash of the source, so equal input gives equal bytes."""
    module = weasyprint()
    document = module.HTML(string=html, base_url=str(base) if base else None)
    data: bytes = document.write_pdf(pdf_identifier=source_hash(html).encode("ascii"))
    return data
