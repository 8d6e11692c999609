"""Render example org charts to PNG with headless Chromium, for the README.

Run from the repository root: ``.venv/bin/python scripts/chart_images.py``.
Writes docs/images/chart-<department>.png (at twice the CSS pixel size, so
the images stay sharp on high-density screens); review them before
committing.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgspec.check.pipeline import check_project  # noqa: E402
from orgspec.render.chart.build import Links, department_chart  # noqa: E402
from orgspec.render.chart.svg import draw  # noqa: E402
from tests.browser import Browser  # noqa: E402

DEPARTMENTS = ("customer-service", "marketing-centre")
PAGE = '<!doctype html><meta charset="utf-8"><style>html,body{{margin:0;overflow:hidden;background:#fff}}svg{{display:block}}</style>{svg}'


def main() -> None:
    organisation = check_project(ROOT).organisation
    browser = Browser()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for key in DEPARTMENTS:
                svg = draw(department_chart(organisation, key, Links()))
                size = re.search(r'width="(\d+)" height="(\d+)"', svg)
                assert size is not None
                width, height = int(size[1]), int(size[2])
                page = Path(folder) / f"{key}.html"
                page.write_text(PAGE.format(svg=svg), encoding="utf-8")
                browser.send(
                    "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=2, mobile=False
                )
                browser.open(page.as_uri())
                out = browser.screenshot(ROOT / "docs" / "images" / f"chart-{key}.png")
                print(out.relative_to(ROOT))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
