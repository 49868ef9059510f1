"""Per-field accuracy of the page-text reader on saved pages flattened to their visible text:
the same folder and expected.json as html_accuracy.py, each page turned into the text a reader
gets by select-all and copy in a browser (or a scraper's "visible text"), saved as .txt and read
by read_path, scored by html_accuracy's scoring.

    python benchmarks/text_accuracy.py FOLDER [-v] [--keep DIR]

The flattening follows the browser's innerText: script, style, noscript, template, head, text
fields and hidden elements (the `hidden` attribute, an inline display:none or
visibility:hidden) give no text; an image gives none either (its alt text is not copied, a
caption under it is); block elements start a new line, a paragraph stands between blank lines,
<br> breaks the line, table cells are separated by a tab and rows by a line break; runs of
spaces inside a line become one. --keep DIR writes the flattened pages there to look at (the
corpus is third-party text: never into the repository).

Fields not counted on text: url (page text carries no address), and site where the text does
not name the outlet (its expected name, ignoring case, spaces and dots, appears nowhere in the
text): a reader cannot be asked for a name the page does not show.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import lxml.html
from html_accuracy import measure, read_first

from tgreport.model import Article

SILENT = {"head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
          "canvas", "textarea", "input", "img", "video", "audio", "map"}
BLOCKS = {"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir",
          "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
          "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol",
          "pre", "section", "summary", "table", "thead", "tbody", "tfoot", "tr", "caption", "ul",
          "body", "html", "option", "frameset", "listing", "plaintext", "xmp"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("type", "").lower() == "hidden":
        return True
    return bool(HIDDEN_STYLE.search(element.get("style", "")))


def visible_text(html: bytes) -> str:
    """The page's text as innerText gives it: a list of strings and required line breaks
    (ints), the breaks collapsed to their largest run, as the HTML standard's algorithm does."""
    root = lxml.html.document_fromstring(html)
    items: list[str | int] = []

    def walk(element: Any, pre: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag.lower() in SILENT or _hidden(element):
            return  # comments, processing instructions and what is never shown
        tag = tag.lower()
        pre = pre or tag in ("pre", "textarea", "listing", "xmp", "plaintext")
        if tag == "br":
            items.append("\n")
            return
        if tag == "p":
            items.append(2)
        elif tag in BLOCKS:
            items.append(1)
        if element.text:
            items.append(_spaces(element.text, pre))
        for child in element:
            walk(child, pre)
            if child.tail:
                items.append(_spaces(child.tail, pre))
        if tag in ("td", "th"):
            items.append("\t")
        if tag == "p":
            items.append(2)
        elif tag in BLOCKS:
            items.append(1)

    walk(root, False)
    out: list[str] = []
    breaks = 0
    for item in items:
        if isinstance(item, int):
            breaks = max(breaks, item)
            continue
        at_start = not out or out[-1].endswith("\n") or breaks > 0
        if at_start or out[-1].endswith((" ", "\t")):
            # A collapsible space at a line's start, or after a space, is not rendered.
            item = item.lstrip(" ")
        if not item:
            continue
        if breaks and out:
            out.append("\n" * breaks)
        breaks = 0
        out.append(item)
    lines = "".join(out).split("\n")
    # Nor is one at a line's end; a tab there only closed the row's last cell.
    return "\n".join(line.rstrip(" \t") for line in lines).strip("\n") + "\n"


def _spaces(text: str, pre: bool) -> str:
    text = text.replace("\r\n", "\n")
    if pre:
        return text
    return re.sub(r"[ \t\n\r\f]+", " ", text)


def _squeezed(text: str) -> str:
    return re.sub(r"[\s.]+", "", unicodedata.normalize("NFC", text)).casefold()


def names_site(text: str, site: str) -> bool:
    return _squeezed(site) in _squeezed(text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Accuracy of the page-text reader on flattened pages.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("-v", action="store_true", dest="verbose", help="print each miss")
    parser.add_argument("--keep", help="write the flattened pages into this folder")
    args = parser.parse_args(argv)
    folder, verbose, keep = args.folder, args.verbose, args.keep
    entries = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        counted: list[dict[str, Any]] = []
        unnamed: list[str] = []
        for entry in entries:
            text = visible_text((folder / f"{entry['id']}.html").read_bytes())
            (out / f"{entry['id']}.txt").write_text(text, encoding="utf-8")
            kept = {k: v for k, v in entry.items() if k != "url"}
            if kept.get("site") and not names_site(text, kept["site"]):
                unnamed.append(entry["id"])
                del kept["site"]
            counted.append(kept)

        def read_one(entry: dict[str, Any]) -> Article:
            return read_first(out / f"{entry['id']}.txt", entry["id"])

        if unnamed:
            print(f"site not counted (the text does not name it): {', '.join(unnamed)}")
        measure(counted, read_one, verbose=verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
