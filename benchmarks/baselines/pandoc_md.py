"""The corpus as one pandoc Markdown file, the input of the pandoc baselines (made untimed).

    python -m baselines.pandoc_md CORPUS OUT.md
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from corpus import load_manifest

# Pandoc Markdown would read these as markup anywhere in a line; a backslash keeps them literal.
_INLINE = re.compile(r"([\\`*_\[\]<>$~^|@])")
# At the start of a paragraph these open a heading, list, quote or numbered list.
_BLOCK_START = re.compile(r"^([#>+\-=:]|\d+[.)])")


def escape(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(0) if len(m.group(0)) == 1
                            else m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def markdown(corpus: Path) -> str:
    meta = {"title": "Bản tin tổng hợp", "lang": "vi", "toc-title": "Mục lục"}
    parts = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()),
             "---", ""]
    for i, article in enumerate(load_manifest(corpus), start=1):
        parts.append(f"# {escape(str(article['title']))} {{#a{i}}}\n")
        facts = [article["date"], article["category"], article["publisher"], article["author"]]
        parts.append("*" + escape(" · ".join(str(f) for f in facts if f)) + "*\n")
        parts += [escape(text) + "\n" for text in article["paragraphs"]]  # type: ignore[attr-defined]
    return "\n".join(parts)


if __name__ == "__main__":
    Path(sys.argv[2]).write_text(markdown(Path(sys.argv[1])), encoding="utf-8")
