"""Byte-identical Office files: fixed dates and a stable zip.

Word and Excel files are zip packages. The libraries that write them stamp
each zip entry with the current time and the document properties with
"now", so two exports of the same input would differ. Here every entry
gets one fixed time, a fixed order and fixed attributes, and the document
date comes from ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention)
or, without it, from the input itself.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterable, Mapping

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
"""The earliest time a zip entry can carry."""

CONTENT_TYPES = "[Content_Types].xml"


def document_time(dates: Iterable[dt.date], environ: Mapping[str, str] | None = None) -> dt.datetime:
    """When the document was made: SOURCE_DATE_EPOCH if set, else the latest of ``dates``, else 1980-01-01."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC), ZIP_EPOCH)
    latest = max(dates, default=None)
    if latest is None:
        return ZIP_EPOCH
    return max(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC), ZIP_EPOCH)


def stable_zip(package: bytes, when: dt.datetime) -> bytes:
    """``package`` rewritten with entries in a fixed order, all stamped ``when``.

    The content types part comes first (Office expects it there), the rest
    sorted by name; attributes that differ between operating systems are fixed.
    """
    stamp = when.astimezone(dt.UTC).timetuple()[:6]
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        names = sorted(source.namelist(), key=_entry_order)
        for name in names:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(name), compresslevel=6)
    return output.getvalue()


def _entry_order(name: str) -> tuple[bool, str]:
    return (name != CONTENT_TYPES, name)
