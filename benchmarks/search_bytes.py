"""What a browser downloads for a first search: every file from opening a page to the first result shown.

`first_query_bytes` serves a built site on 127.0.0.1 with a server that notes every file it sends, opens
``index.html`` in a fresh headless Chromium, types a query into Material's search box (searched by
Material's index or by Pagefind, whichever the site was built with) and, once a result shows, adds up what
was sent. The server's own count sees what the page's workers fetch too (Pagefind searches in a worker,
whose requests the page's network log does not show). Nothing is cached: a first visit. The bytes are
counted as sent (this server does not compress) and as a server that gzips text would send them
(Pagefind's index pieces are compressed already).

    python -m benchmarks.search_bytes site/ 经理
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser import browser, serve

TYPE = """(() => {
    const input = document.querySelector('.md-search__input');
    input.focus(); input.value = %s;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
    return true;
})()"""
SHOWN = "document.querySelectorAll('.md-search-result__item').length"
TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml")
"""What a web server compresses."""


@dataclass
class Sent:
    """The files a server sent, in order, with their bytes."""

    files: list[tuple[str, int, int]] = field(default_factory=list)
    """(path, bytes, bytes gzipped when text)"""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, path: str, content: bytes) -> None:
        zipped = len(gzip.compress(content, mtime=0)) if path.endswith(TEXT) else len(content)
        with self.lock:
            self.files.append((path, len(content), zipped))


@dataclass(frozen=True)
class FirstQuery:
    """The downloads of one first search."""

    page: list[tuple[str, int, int]]
    """The page with its stylesheets, scripts and images, before the search began."""
    search: list[tuple[str, int, int]]
    """What the search fetched, from typing to the first result shown."""

    @property
    def total(self) -> int:
        return sum(size for _, size, _ in [*self.page, *self.search])

    @property
    def total_gzipped(self) -> int:
        return sum(zipped for _, _, zipped in [*self.page, *self.search])


def _handler(sent: Sent) -> type[http.server.SimpleHTTPRequestHandler]:
    class Noting(http.server.SimpleHTTPRequestHandler):
        def copyfile(self, source: Any, outputfile: Any) -> None:
            content = source.read()
            sent.note(self.path.split("?")[0], content)
            outputfile.write(content)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Noting


def first_query_bytes(site: Path, query: str, *, timeout: float = 120) -> FirstQuery:
    """What a first visit downloads to show the first results of ``query`` in the built ``site``."""
    sent = Sent()
    with serve(site, _handler(sent)) as url, browser() as chromium:
        chromium.send("Network.enable")
        chromium.send("Network.setCacheDisabled", cacheDisabled=True)
        chromium.open(url + "index.html", settle=1.0)
        before = len(sent.files)
        chromium.eval(TYPE % json.dumps(query))
        chromium.wait_for(SHOWN, timeout=timeout)
        time.sleep(0.5)
    return FirstQuery(sent.files[:before], sent.files[before:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("query", help="what to type")
    args = parser.parse_args()
    result = first_query_bytes(args.site, args.query)
    page = sum(size for _, size, _ in result.page)
    print(
        f"{args.site}: {result.total:,} bytes ({result.total_gzipped:,} gzipped) in "
        f"{len(result.page) + len(result.search)} files; the page {page:,}, the search:"
    )
    for path, size, zipped in result.search:
        print(f"  {size:>12,}  {zipped:>12,}  {path}")


if __name__ == "__main__":
    main()
