"""`orgspec serve`: a live preview that follows the YAML files."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import run_cli
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


@pytest.mark.parametrize("dirty", ["--dirty", "--no-dirty"])
def test_serve_regenerates_when_a_post_changes(tmp_path: Path, dirty: str) -> None:
    """The edited post's page and its superior's show the new title; with --dirty MkDocs rebuilds only them."""
    project = copy_example(tmp_path)
    port = free_port()
    command = [sys.executable, "-m", "orgspec", "serve", "--address", f"127.0.0.1:{port}", dirty, str(project)]
    output = tmp_path / "serve.out"
    with output.open("wb") as sink:
        server = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/handbook/posts/"
        wait_for(url + "driver.html", "司机")
        post = project / "roles" / "driver.yaml"
        post.write_text(post.read_text(encoding="utf-8").replace("title: 司机", "title: 专职司机"), encoding="utf-8")
        wait_for(url + "driver.html", "<title>专职司机 ")
        wait_for(url + "service-centre-manager.html", ">专职司机<")  # its superior lists it among its subordinates
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)
    said = output.read_text(encoding="utf-8")
    assert re.search(r"handbook: [1-9][0-9]* written", said), said  # by orgspec generate, in a process of its own
    assert re.search(r"^[0-9:]{8} regenerated$", said, re.MULTILINE), said
    assert ("A 'dirty' build is being performed" in said) == (dirty == "--dirty"), said


def test_under_dirty_a_changed_mkdocs_yml_rebuilds_every_page(tmp_path: Path) -> None:
    """A dirty build would give new settings only to the pages written; serve starts its builder again."""
    project = copy_example(tmp_path)
    port = free_port()
    command = [sys.executable, "-m", "orgspec", "serve", "--address", f"127.0.0.1:{port}", "--dirty", str(project)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/handbook/posts/receptionist.html"  # a page no generate writes again
        wait_for(url, "<title>接待员 - 示例集团 组织手册</title>")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("组织手册", "岗位手册"), encoding="utf-8")
        wait_for(url, "<title>接待员 - 示例集团 岗位手册</title>")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)


def test_dirty_is_a_choice_for_mkdocs_only(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    result = run_cli("serve", "--engine", "zensical", "--dirty", str(project))
    assert result.exit_code != 0
    assert "--dirty and --no-dirty choose how MkDocs rebuilds; zensical has no such choice" in result.stderr
    assert not (project / "docs" / "handbook").exists()  # said before anything is generated


def test_mkdocs_is_told_of_changes_by_the_system_and_builds_once_for_each(tmp_path: Path) -> None:
    """MkDocs runs with the system's file events (orgspec.mkdocs_serve), not polling: the builder reading the
    pages is no change, so it builds once at the start and once for each change, not over and over."""
    project = copy_example(tmp_path)
    port = free_port()
    command = [sys.executable, "-m", "orgspec", "serve", "--address", f"127.0.0.1:{port}", str(project)]
    output = tmp_path / "serve.out"

    def builds() -> int:
        return output.read_text(encoding="utf-8").count("Documentation built in")

    with output.open("wb") as sink:
        server = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url + "handbook/posts/driver.html", "司机")
        time.sleep(5)  # time for builds started by the first one to show
        assert builds() == 1, output.read_text(encoding="utf-8")
        picture = project / "docs" / "images" / "orgspec-note.txt"  # MkDocs copies it; orgspec's sources are not
        picture.write_text("第一稿", encoding="utf-8")  # touched, so nothing is generated again
        wait_for(url + "images/orgspec-note.txt", "第一稿")
        time.sleep(5)
        assert builds() == 2, output.read_text(encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)
    mkdocs = subprocess.run(["pgrep", "-f", f"orgspec.mkdocs_serve serve .*{port}"], capture_output=True, check=False)
    assert mkdocs.stdout == b""  # stopped with serve


def test_mkdocs_serve_is_given_the_systems_observer(tmp_path: Path) -> None:
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    from orgspec.mkdocs_serve import NativeEventsServer
    from orgspec.site.builders import command

    assert command("mkdocs", tmp_path / "mkdocs.yml", strict=False, serve=True)[1:3] == ["-m", "orgspec.mkdocs_serve"]
    server = NativeEventsServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    try:
        assert isinstance(server.observer, type(Observer())) and not isinstance(server.observer, PollingObserver)
    finally:
        server.server_close()


def test_mkdocs_serve_reads_the_configuration_with_libyaml_as_mkdocs_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml
    from mkdocs.config import defaults

    from orgspec.mkdocs_serve import libyaml_loader

    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: 示例\n"
        "extra:\n  who: !ENV [ORGSPEC_TEST_WHO, 人事部]\n  where: !relative $config_dir\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    monkeypatch.setenv("ORGSPEC_TEST_WHO", "行政部")

    def loaded() -> tuple[object, ...]:
        settings = defaults.MkDocsConfig(config_file_path=str(config))
        with config.open("rb") as source:
            settings.load_file(source)
        failed, _ = settings.validate()
        assert not failed
        extra, emoji = settings["extra"], settings["mdx_configs"]["pymdownx.emoji"]
        return settings["site_name"], extra["who"], os.fspath(extra["where"]), emoji["emoji_index"]

    expected = loaded()
    assert expected[1] == "行政部" and Path(str(expected[2])) == tmp_path and callable(expected[3])
    loader = libyaml_loader()
    assert loader is not None and issubclass(loader(), yaml.CLoader)
    monkeypatch.setattr(defaults, "get_yaml_loader", loader)
    assert loaded() == expected
