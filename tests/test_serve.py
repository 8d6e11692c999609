"""`orgspec serve`: a live preview that follows the YAML files."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.sites import copy_example


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=2) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, timeout: float = 120) -> str:
    end = time.monotonic() + timeout
    page = ""
    while time.monotonic() < end:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


def test_serve_regenerates_when_a_post_changes(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    port = free_port()
    command = [sys.executable, "-m", "orgspec", "serve", "--address", f"127.0.0.1:{port}", str(project)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/handbook/posts/driver.html"
        wait_for(url, "司机")
        post = project / "roles" / "driver.yaml"
        post.write_text(post.read_text(encoding="utf-8").replace("title: 司机", "title: 专职司机"), encoding="utf-8")
        wait_for(url, "专职司机")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)
