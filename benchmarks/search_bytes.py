"""What a browser downloads for a first search: every request from opening a page to the first result shown.

`first_query_bytes` serves a built site on 127.0.0.1, opens ``index.html`` in a fresh headless Chromium,
types a query into Material's search box (searched by Material's index or by Pagefind, whichever the site
was built with) and, once a result shows, adds up the bytes of every response that Chromium's network log
reports (``encodedDataLength``: what came over the wire). Nothing is cached: a first visit.

    python -m benchmarks.search_bytes site/ 经理
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

from tests.browser import browser, serve

TYPE = """(() => {
    const input = document.querySelector('.md-search__input');
    input.focus(); input.value = %s;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
    return true;
})()"""
SHOWN = "document.querySelectorAll('.md-search-result__item').length"


@dataclass(frozen=True)
class FirstQuery:
    """The downloads of one first search."""

    total: int
    """Bytes of every response, the page itself included."""
    page: int
    """Bytes of the page with its stylesheets, scripts and images, before the search began."""
    requests: int
    files: dict[str, int]
    """Bytes by path, for the search's own files."""


def first_query_bytes(site: Path, query: str, *, timeout: float = 120) -> FirstQuery:
    """What a first visit downloads to show the first results of ``query`` in the built ``site``."""
    with serve(site) as url, browser() as chromium:
        chromium.send("Network.enable")
        chromium.send("Network.setCacheDisabled", cacheDisabled=True)
        chromium.open(url + "index.html", settle=1.0)
        _, before = _received(chromium.events, url)
        chromium.eval(TYPE % json.dumps(query))
        chromium.wait_for(SHOWN, timeout=timeout)
        time.sleep(0.5)
        chromium.send("Runtime.evaluate", expression="1")  # the events that came meanwhile
        files, total = _received(chromium.events, url)
    search = {path: size for path, size in files.items() if path not in before}
    return FirstQuery(sum(total.values()), sum(before.values()), len(total), search)


def _received(events: list[dict[str, object]], url: str) -> tuple[dict[str, int], dict[str, int]]:
    """Bytes by path, from the network log (responses finished)."""
    paths: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for event in events:
        params = event.get("params")
        if not isinstance(params, dict):
            continue
        if event["method"] == "Network.requestWillBeSent":
            paths[params["requestId"]] = str(params["request"]["url"]).removeprefix(url)
        elif event["method"] == "Network.loadingFinished":
            sizes[params["requestId"]] = int(params["encodedDataLength"])
    by_path = {paths.get(request, request): size for request, size in sizes.items()}
    return by_path, by_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("query", help="what to type")
    args = parser.parse_args()
    result = first_query_bytes(args.site, args.query)
    print(f"{args.site}: {result.total:,} bytes in {result.requests} requests ({result.page:,} for the page)")
    for path, size in sorted(result.files.items(), key=lambda item: -item[1])[:12]:
        print(f"  {size:>12,}  {path}")


if __name__ == "__main__":
    main()
