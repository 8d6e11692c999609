"""Screenshots of the example handbook for the README, taken in headless Chromium.

Run from the repository root: ``.venv/bin/python scripts/screenshots.py``.
Builds the example with MkDocs into a temporary folder, serves it on
127.0.0.1 and writes docs/images/home.png, department.png, post.png (at
1,280 px) and phone-home.png, phone-post.png (at 390 px); review them before
committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import Browser, serve  # noqa: E402
from tests.sites import build, copy_example  # noqa: E402

SHOTS = {
    # image: (page, width, height)
    "home.png": ("index.html", 1280, 900),
    "department.png": ("handbook/departments/customer-service/index.html#orgspec-chart", 1280, 900),
    "post.png": ("handbook/posts/call-centre-agent.html", 1280, 900),
    "phone-home.png": ("index.html", 390, 800),
    "phone-post.png": ("handbook/posts/call-centre-agent.html", 390, 800),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = build(copy_example(Path(folder) / "example"), "mkdocs")
        browser = Browser()
        try:
            with serve(site) as url:
                for image, (page, width, height) in SHOTS.items():
                    phone = width < 500
                    browser.send(
                        "Emulation.setDeviceMetricsOverride",
                        width=width,
                        height=height,
                        deviceScaleFactor=1,
                        mobile=phone,
                    )
                    browser.open(url + page, settle=1.0)
                    out = browser.screenshot(ROOT / "docs" / "images" / image)
                    print(out.relative_to(ROOT))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
