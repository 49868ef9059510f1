"""Shared helpers for the reliability tests: read every format back with an independent tool."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from lxml import etree

FORMATS = ["json", "pdf", "docx", "html", "epub"]
SUFFIX = {"json": ".json", "pdf": ".pdf", "docx": ".docx", "html": ".html", "epub": ".epub"}
ROOT = Path(__file__).resolve().parents[2]
EPOCH = "1640995200"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Characters the reader removes (clean_text); none may reach an output.
REMOVED_CONTROLS = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + [
    "\x7f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
]


class _Text(HTMLParser):
    """Visible text of an HTML/XHTML page; script and style content is not text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden = max(0, self._hidden - 1)
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def pdf_text(data: bytes) -> str:
    """pdftotext in drawing order (-raw): its layout guesses split justified lines with wide gaps."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        done = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", handle.name, "-"], capture_output=True, check=True
        )
    return done.stdout.decode("utf-8")


def docx_text(data: bytes) -> str:
    """The text of every w:t in the document body, headers and footers, one line per paragraph."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(package.read(name))
            for para in root.iter(f"{W}p"):
                lines.append("".join(t.text or "" for t in para.iter(f"{W}t")))
    return "\n".join(lines)


def epub_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        pages = [n for n in sorted(package.namelist()) if n.endswith((".xhtml", ".html", ".htm"))]
        return "\n".join(html_text(package.read(n).decode("utf-8")) for n in pages)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def text_of(fmt: str, data: bytes) -> str:
    """The text a reader of `fmt` would see, extracted with a tool independent of tgreport."""
    if fmt == "json":
        return "\n".join(_strings(json.loads(data.decode("utf-8"))))
    if fmt == "pdf":
        return pdf_text(data)
    if fmt == "docx":
        return docx_text(data)
    if fmt == "html":
        return html_text(data.decode("utf-8"))
    if fmt == "epub":
        return epub_text(data)
    raise ValueError(fmt)


_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def squash(text: str) -> str:
    """Text without any white space (layouts re-flow lines), PDF ligatures spelled out."""
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    return "".join(text.split())


def contains(fmt: str, data: bytes, expected: str) -> bool:
    return squash(expected) in squash(text_of(fmt, data))


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.update(extra)
    return env


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tgreport", *args],
        capture_output=True,
        text=True,
        env=env or cli_env(),
        cwd=cwd,
        timeout=timeout,
    )


def assert_complete(fmt: str, data: bytes) -> None:
    """`data` is a whole, well-formed file of `fmt` (not empty, not cut short)."""
    assert data, f"empty {fmt} output"
    if fmt == "json":
        json.loads(data.decode("utf-8"))
    elif fmt == "pdf":
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
        assert pdf_text(data).strip()
    elif fmt in ("docx", "epub"):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert package.testzip() is None
            names = package.namelist()
            if fmt == "docx":
                etree.fromstring(package.read("word/document.xml"))
            else:
                assert names[0] == "mimetype"
                for name in names:
                    if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                        etree.fromstring(package.read(name))
    elif fmt == "html":
        text = data.decode("utf-8")
        assert "</html>" in text.lower()
        assert html_text(text).strip()
    else:
        raise ValueError(fmt)


def without_dac_override(command: list[str]) -> list[str]:
    """`command`, run so that file permissions bind it even as root (CI containers run as root).

    Root keeps its uid, so the interpreter under /root stays reachable; only the two capabilities
    that let root ignore permission bits are dropped (util-linux setpriv).
    """
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


from factories import make_article, make_report  # noqa: E402,F401 (re-exported)
