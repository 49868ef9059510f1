"""Both shipped themes reach every exporter: fonts read back from each output by its own tool."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings
from tgreport.support.fonts import family
from tgreport.theme import theme

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fonts_in(fmt: str, data: bytes, tmp_path: Path) -> set[str]:
    if fmt == "pdf":
        path = tmp_path / "t.pdf"
        path.write_bytes(data)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        # "AAAAAA+LiberationSans-Bold" → "LiberationSans"
        return {line.split()[0].split("+")[-1].split("-")[0] for line in listing.splitlines()[2:]}
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            styles = etree.fromstring(z.read("word/styles.xml"))
        return {f.get(f"{W}ascii") for f in styles.iter(f"{W}rFonts") if f.get(f"{W}ascii")}
    if fmt == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            css = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".css", ".xhtml")))
    else:
        css = data.decode("utf-8")
    return {m.split(",")[0].strip().strip('"') for m in re.findall(r"font-family:\s*([^;}]+)", css)}


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "epub"])
@pytest.mark.parametrize("name", ["official", "modern"])
def test_theme_font_reaches_the_output(
    name: str, fmt: str, sample_report: Report, tmp_path: Path
) -> None:
    chosen = theme(name)
    data = render(sample_report, fmt, Settings(theme=chosen))
    found = fonts_in(fmt, data, tmp_path)
    body = family(chosen.font_family)
    expected = {"pdf": body.name.replace(" ", ""), "docx": body.office_name}.get(fmt, body.name)
    other = family("Liberation Sans" if name == "official" else "Liberation Serif")
    unexpected = {"pdf": other.name.replace(" ", ""), "docx": other.office_name}.get(fmt, other.name)
    assert expected in found, found
    assert unexpected not in found, found
