"""Nothing in an article, or in a user's template, reaches outside the document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import http.server
import io
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader
from rel_helpers import ROOT, contains, make_article, pdf_text

import tgreport
from tgreport.cli import main
from tgreport.errors import ExportError
from tgreport.model import (
    Caption,
    Heading,
    Image,
    IndexEntry,
    ListBlock,
    Paragraph,
    Quote,
    Related,
    Report,
)
from tgreport.settings import Settings

PAYLOADS = [
    '<script>alert("PWN1")</script>',
    '<img src="http://127.0.0.1:9/PWN2.png" onerror="alert(\'PWN3\')">',
    "<a href=\"javascript:alert('PWN4')\">bấm vào đây</a>",
    '<iframe src="file:///etc/passwd">PWN5</iframe>',
    '"><svg onload=alert("PWN6")>',
    "</style><style>body{background:url(http://127.0.0.1:9/PWN7.png)}</style>",
    '<link rel="stylesheet" href="http://127.0.0.1:9/PWN8.css">',
    "]]><![CDATA[PWN9",
    "{{ 7*7 }} {% raw %} PWN10",
    "<base href='http://127.0.0.1:9/PWN11/'><meta http-equiv=refresh content='0;url=http://x/PWN12'>",
]
ALL = " ".join(PAYLOADS)
OUTSIDE_SCHEMES = ("http", "https", "ftp", "file", "javascript", "vbscript", "data")
URL_ATTRIBUTES = (
    "src", "href", "action", "formaction", "data", "poster", "background", "srcset", "xlink:href",
)


def hostile_report() -> Report:
    article = make_article(
        1,
        title=f"Tiêu đề {PAYLOADS[0]} {PAYLOADS[4]}",
        lead=f"Sa-pô {PAYLOADS[1]}",
        authors=(f"Tác giả {PAYLOADS[2]}",),
        publisher=f"Báo {PAYLOADS[3]}",
        category=f"Chuyên mục {PAYLOADS[6]}",
        blocks=(
            Paragraph(f"Đoạn văn {ALL}"),
            Heading(f"Tiểu mục {PAYLOADS[5]}"),
            Caption(f"Chú thích {PAYLOADS[1]}", f"Ảnh: {PAYLOADS[2]}"),
            Image("http://127.0.0.1:9/PWN13.png"),
            Image("file:///etc/passwd"),
            Quote(f"Trích dẫn {PAYLOADS[7]}"),
            ListBlock((f"Mục {PAYLOADS[8]}", f"Mục {PAYLOADS[9]}")),
            Related(f"Tin liên quan {PAYLOADS[3]}"),
        ),
    )
    return Report(
        title=f"Bản tin {PAYLOADS[0]}",
        issued=dt.date(2021, 1, 7),
        organisation=f"Ban {PAYLOADS[4]}",
        place=f"Hà Nội {PAYLOADS[2]}",
        articles=(article, make_article(2)),
        index=(IndexEntry("document", f"Chỉ thị {PAYLOADS[1]}", ("001_sample",)),),
    )


def _pages(fmt: str, data: bytes) -> list[tuple[str, etree._Element, str]]:
    """(name, parsed tree, raw text) of every HTML/XHTML page in the output."""
    if fmt == "html":
        text = data.decode("utf-8")
        return [("report.html", lxml_html.document_fromstring(text), text)]
    pages = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xhtml", ".html", ".opf", ".ncx")):
                raw = package.read(name)
                pages.append((name, etree.fromstring(raw), raw.decode("utf-8")))
    return pages


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _outside(url: str) -> bool:
    url = url.strip()
    scheme = urlsplit(url).scheme.lower()
    return url.startswith("//") or scheme in OUTSIDE_SCHEMES


@pytest.mark.parametrize("fmt", ["html", "epub"])
def test_article_text_cannot_add_scripts_handlers_or_outside_resources(fmt: str) -> None:
    data = tgreport.render(hostile_report(), fmt)
    problems = []
    for name, tree, raw in _pages(fmt, data):
        for element in tree.iter():
            tag = _local(element.tag)
            if tag in ("script", "iframe", "object", "embed", "base", "form", "frame", "applet"):
                problems.append(f"{name}: <{tag}> element")
            if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                problems.append(f"{name}: meta refresh")
            for attr, value in element.attrib.items():
                attr_name = _local(attr) if "}" in attr else attr.lower()
                if attr_name.startswith("on"):
                    problems.append(f"{name}: handler {attr_name}={value[:40]!r}")
                if attr_name in URL_ATTRIBUTES and _outside(value) and "PWN" in value:
                    problems.append(f"{name}: {attr_name}={value[:60]!r}")
                if "url(" in value.lower() and "PWN" in value:
                    problems.append(f"{name}: style {value[:60]!r}")
            if tag == "style" and "PWN" in (element.text or ""):
                problems.append(f"{name}: article text inside <style>")
        assert "alert(" not in "".join(
            v for e in tree.iter() for k, v in e.attrib.items() if "}" not in k
        ), f"{name}: an attribute carries article script"
        assert raw.count("<script") == 0
    assert not problems, "\n".join(problems)
    # Escaped, not dropped: the reader sees every payload as the text it was ("{{ 7*7 }}"
    # included, so it was never evaluated as a template).
    for payload in PAYLOADS:
        assert contains(fmt, data, payload), f"payload lost from {fmt}: {payload}"


@pytest.mark.parametrize("fmt", ["html", "epub"])
def test_links_in_the_output_stay_inside_it(fmt: str) -> None:
    data = tgreport.render(hostile_report(), fmt)
    with_payload = [
        (name, value)
        for name, tree, _ in _pages(fmt, data)
        for element in tree.iter()
        for attr, value in element.attrib.items()
        if (attr.rsplit("}", 1)[-1]).lower() in URL_ATTRIBUTES and _outside(value)
        and not value.startswith(("http://www.w3.org/", "http://www.idpf.org/", "http://purl.org/"))
    ]
    assert not with_payload


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = b'body::before { content: "LEAKED-HTTP-MARKER"; }'
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def http_trap() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that serves marked CSS and records every request it receives."""
    seen: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _renamed_font(source: Path, target: Path, family: str) -> None:
    """A font whose name shows in the PDF's /BaseFont if, and only if, it was loaded."""
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16):
            record.string = family
    font.save(target)


def _hostile_templates(tmp_path: Path, web: str) -> tuple[Path, Path]:
    """A --template-dir whose CSS and cover reference the web server and local files."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "leak.css").write_text('body::after { content: "LEAKED-FILE-MARKER"; }', encoding="utf-8")
    _renamed_font(ROOT / "fonts" / "LiberationSans-Regular.ttf", secret / "leak.ttf", "LeakedFont")
    templates = tmp_path / "templates"
    (templates / "css").mkdir(parents=True)
    (templates / "html").mkdir()
    hostile_css = (
        f"@import url({web}/import.css);\n"
        f"@import url({(secret / 'leak.css').as_uri()});\n"
        "@import url(file:///etc/passwd);\n"
        f"@font-face {{ font-family: Leak; src: url({(secret / 'leak.ttf').as_uri()}); }}\n"
        f"@font-face {{ font-family: Leak2; src: url({web}/font.ttf); }}\n"
        f"body {{ font-family: Leak, Leak2; background: url({web}/bg.png); }}\n"
        f"h1 {{ background-image: url(file:///etc/passwd); list-style-image: url({web}/li.png); }}\n"
    )
    base = (ROOT / "templates" / "css" / "base.css").read_text(encoding="utf-8")
    (templates / "css" / "base.css").write_text(hostile_css + base, encoding="utf-8")
    cover = (ROOT / "templates" / "html" / "_cover.html").read_text(encoding="utf-8")
    (templates / "html" / "_cover.html").write_text(
        f'<link rel="stylesheet" href="{web}/link.css"/>'
        f'<link rel="stylesheet" href="{(secret / "leak.css").as_uri()}"/>'
        f'<img src="{web}/cover.png" alt=""/><img src="file:///etc/passwd" alt=""/>'
        f'<object data="{web}/object"></object><iframe src="{web}/frame"></iframe>\n' + cover,
        encoding="utf-8",
    )
    return templates, secret


def test_weasyprint_fetches_nothing_outside(
    http_trap: tuple[str, list[str]], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    web, requests = http_trap
    templates, _ = _hostile_templates(tmp_path, web)
    report = hostile_report()
    article = dataclasses.replace(
        report.articles[0],
        blocks=(*report.articles[0].blocks, Paragraph(f'<img src="{web}/article.png"> file:///etc/passwd')),
    )
    report = dataclasses.replace(report, articles=(article, *report.articles[1:]))
    data = tgreport.render(report, "pdf", Settings(engine="weasyprint", template_dir=templates))
    assert requests == []
    text = pdf_text(data)
    assert "LEAKED-HTTP-MARKER" not in text and "LEAKED-FILE-MARKER" not in text
    assert "root:x:0:0" not in text
    reader = PdfReader(io.BytesIO(data))
    fonts = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
    }
    assert not any("LeakedFont" in f for f in fonts), f"the font from outside was loaded: {fonts}"
    images = [
        x
        for page in reader.pages
        for x in (page.get("/Resources", {}).get("/XObject", {}) or {}).values()
        if x.get_object().get("/Subtype") == "/Image"
    ]
    assert images == []
    assert contains("pdf", data, "file:///etc/passwd")  # the article's words, printed as text


def test_weasyprint_through_the_cli_fetches_nothing(
    http_trap: tuple[str, list[str]], seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    web, requests = http_trap
    templates, _ = _hostile_templates(tmp_path, web)
    out = tmp_path / "d.pdf"
    code = main(
        [str(seeds_dir), "-o", str(out), "--engine", "weasyprint", "--template-dir", str(templates)]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert requests == []
    assert "LEAKED" not in pdf_text(out.read_bytes())


SANDBOX_ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}",
    "{{ r.__class__.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
]


@pytest.mark.parametrize("escape", SANDBOX_ESCAPES)
@pytest.mark.parametrize(("fmt", "engine"), [("html", None), ("epub", None), ("pdf", "weasyprint")])
def test_user_templates_render_in_the_sandbox(
    fmt: str, engine: str | None, escape: str, seeds_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    templates = tmp_path / "templates" / "html"
    templates.mkdir(parents=True)
    cover = (ROOT / "templates" / "html" / "_cover.html").read_text(encoding="utf-8")
    (templates / "_cover.html").write_text(escape + "\n" + cover, encoding="utf-8")
    out = tmp_path / f"d.{fmt}"
    args = [str(seeds_dir), "-o", str(out), "--template-dir", str(templates.parent)]
    code = main([*args, "--engine", engine] if engine else args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and "template" in err.lower()
    assert not out.exists()


def test_user_templates_cannot_include_files_outside_their_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("LEAKED-INCLUDE-MARKER", encoding="utf-8")
    templates = tmp_path / "templates" / "html"
    templates.mkdir(parents=True)
    cover = (ROOT / "templates" / "html" / "_cover.html").read_text(encoding="utf-8")
    (templates / "_cover.html").write_text('{% include "../../secret.txt" %}\n' + cover, encoding="utf-8")
    report = hostile_report()
    with pytest.raises(ExportError, match="template"):
        tgreport.render(report, "html", Settings(template_dir=templates.parent))
    (templates / "_cover.html").write_text(
        f'{{% include "{tmp_path / "secret.txt"}" %}}\n' + cover, encoding="utf-8"
    )
    with pytest.raises(ExportError, match="template"):
        tgreport.render(report, "html", Settings(template_dir=templates.parent))


@pytest.mark.slow
def test_the_hostile_epub_is_still_valid(tmp_path: Path) -> None:
    book = tmp_path / "hostile.epub"
    book.write_bytes(tgreport.render(hostile_report(), "epub"))
    result = subprocess.run(
        ["java", "-jar", "/usr/share/java/epubcheck.jar", str(book)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
