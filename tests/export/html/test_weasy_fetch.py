"""WeasyPrint reads nothing but tgreport's own fonts and templates and data: URIs."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_helpers import make_article, options, read_pdf, squash

from tgreport.export.html.weasypdf import allowed_roots, is_allowed, make_fetcher, render_pdf
from tgreport.model import Paragraph, Report
from tgreport.support.fonts import family
from tgreport.support.resources import fonts_dir, templates_dir


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that would see any connection WeasyPrint tried to make."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.5)
    yield server
    server.close()


def _connections(server: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = server.accept()
        except TimeoutError:
            return count
        conn.close()
        count += 1


def test_outside_urls_in_articles_and_templates_are_never_fetched(
    listener: socket.socket, tmp_path: Path, sample_report: Report
) -> None:
    port = listener.getsockname()[1]
    web = f"http://127.0.0.1:{port}"
    hostile = [
        "file:///etc/passwd",
        f"{web}/x.png",
        "http://127.0.0.1:9/x.png",
        "../../../../../../../etc/passwd",
    ]
    (tmp_path / "html").mkdir()
    cover = "".join(f'<img src="{url}" alt="x"/>' for url in hostile)
    (tmp_path / "html" / "_cover.html").write_text(
        f'<style>@import url("{web}/a.css"); .cover {{ background: url("file:///etc/passwd"); }}</style>'
        f'<link rel="stylesheet" href="{web}/b.css"/>'
        f'<header class="cover" id="cover"><h1>{{{{ r.title }}}}</h1>{cover}</header>\n',
        encoding="utf-8",
    )
    article = make_article(
        1, blocks=(Paragraph(f'Xem <img src="{web}/y.png"> và file:///etc/passwd, url({web}/z.css)'),)
    )
    report = Report(title="Bản tin", issued=sample_report.issued, articles=(article,))
    fetcher = make_fetcher()
    data = render_pdf(report, options(template_dir=tmp_path), fetcher=fetcher)

    assert _connections(listener) == 0
    assert fetcher.fetched, "the shipped fonts are read through the fetcher"
    fonts = fonts_dir().resolve().as_uri()
    assert all(url.startswith(fonts) for url in fetcher.fetched), fetcher.fetched
    refused = set(fetcher.refused)
    assert "file:///etc/passwd" in refused
    assert {f"{web}/x.png", f"{web}/a.css", f"{web}/b.css", "http://127.0.0.1:9/x.png"} <= refused
    text = squash(" ".join(read_pdf(data, tmp_path).pages))
    assert "root:" not in text
    # The article's words are printed as words.
    assert squash(f'Xem <img src="{web}/y.png"> và file:///etc/passwd') in text


def test_allowed_is_exactly_data_and_the_shipped_folders(tmp_path: Path) -> None:
    roots = allowed_roots()
    font = family("Liberation Serif").path("regular").resolve()
    assert is_allowed("data:text/css,body{}", roots)
    assert is_allowed(font.as_uri(), roots)
    assert is_allowed((templates_dir() / "css" / "base.css").resolve().as_uri(), roots)
    escape = font.parent.as_uri() + "/../../../../../../etc/passwd"
    assert not is_allowed(escape, roots)
    assert not is_allowed("file:///etc/passwd", roots)
    assert not is_allowed("file://example.org" + font.as_posix(), roots)
    assert not is_allowed("http://127.0.0.1/x.png", roots)
    assert not is_allowed("https://example.org/font.ttf", roots)
    assert not is_allowed("ftp://example.org/x", roots)
    outside = tmp_path / "x.ttf"
    outside.write_bytes(b"0")
    assert not is_allowed(outside.as_uri(), roots)
    link = tmp_path / "link.ttf"
    link.symlink_to("/etc/passwd")
    assert not is_allowed(link.as_uri(), roots)
    assert not is_allowed(fonts_dir().resolve().as_uri() + "/missing.ttf", roots)
