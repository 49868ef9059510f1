"""Issue 20's floor for links: 100 links served locally, a digest made from them, twice.

Ten local sites (127.0.0.1 to 127.0.0.10, each its own server) serve 90 distinct articles (the
benchmark corpus's pages, as HTML) and 10 links that fail each its own way: three 404s, two
500s, an answer slower than the read timeout, a redirect loop, an endless body, a picture, and
a port where nothing listens. `make-report links.txt -f pdf -f json` runs twice with tgreport's
default fetching bounds (1 s pause per host, 20 s read timeout, 3 tries on a 5xx) and an empty
fetch cache of its own. Checked: the digest is made; every reachable article is in it (the JSON
made in the same run, and its title in the PDF's text); each unreachable link is named once on
stderr; the second run fetches no page it has (requests counted by the servers).

    python benchmarks/fetch_links.py
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import PAGES, make_corpus  # noqa: E402

from read.webserver import Site, serving  # noqa: E402
from tgreport.assemble.titles import display_title  # noqa: E402
from tgreport.cli import main  # noqa: E402
from tgreport.contract import article_from_dict  # noqa: E402

HOSTS = 10
FAILING = ["/missing.htm", "/missing.htm", "/missing.htm", "/error", "/error", "/slow", "/loop1",
           "/endless", "/picture.png"]  # on hosts 1-9; host 10's failing link is a closed port


def as_html(text: str) -> bytes:
    """A scraped page's text served as a web page: one <p> per line."""
    lines = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    head = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>\n'
    return f"{head}{lines}</body></html>".encode()


def run(args: list[str]) -> tuple[int, str, float]:
    err = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue(), time.perf_counter() - start


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _title(data: dict[str, object]) -> str:
    """The article's title as the report shows it (derived from the text when the page has none)."""
    return " ".join(display_title(article_from_dict(data, source="", default_id="")).split())


def main_benchmark() -> int:
    work = Path(tempfile.mkdtemp(prefix="tgreport-fetch-bench-"))
    os.environ["TGREPORT_CACHE_DIR"] = str(work / "cache")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1640995200")
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(name, None)  # the local sites are reached directly
    corpus = make_corpus(90, work / "corpus")
    pages = sorted((corpus / PAGES).glob("*.txt"))
    with ExitStack() as stack:
        sites = [stack.enter_context(serving(Site(slow_seconds=25.0), host=f"127.0.0.{i + 1}"))
                 for i in range(HOSTS)]
        with serving(host=f"127.0.0.{HOSTS}") as gone:  # started and stopped: its port refuses
            refused = gone.url("/tin/bai.htm")
        good: list[str] = []
        for number, page in enumerate(pages):
            site = sites[number % HOSTS]
            path = f"/tin/{page.stem}.htm"
            site.pages[path] = as_html(page.read_text(encoding="utf-8"))
            good.append(site.url(path))
        bad = [sites[i].url(path) for i, path in enumerate(FAILING)] + [refused]
        links = work / "links.txt"
        links.write_text("# 100 links\n" + "\n".join(good + bad) + "\n", encoding="utf-8")

        wanted = set(good)
        figures: dict[str, object] = {"links": len(good) + len(bad), "reachable": len(good),
                                      "unreachable": len(bad)}
        for name in ("first", "second"):
            out = work / name
            before = [len(site.requests) for site in sites]
            code, err, seconds = run([str(links), "-f", "pdf", "-f", "json", "-o", str(out)])
            asked = [(site, r) for site, n in zip(sites, before, strict=True) for r in site.requests[n:]]
            data = json.loads((out / "digest.json").read_bytes()) if code == 0 else {"articles": []}
            text = pdf_text(out / "digest.pdf") if code == 0 else ""
            figures[name] = {
                "exit": code,
                "seconds": round(seconds, 2),
                "requests": len(asked),
                "requests_for_reachable_pages": sum(1 for site, r in asked if site.url(r.path) in wanted),
                "articles": len(data["articles"]),
                "every_reachable_in_digest": {a["url"] for a in data["articles"]} == wanted,
                "titles_found_in_pdf_text": sum(1 for a in data["articles"] if _title(a)[:40] in text),
                "pdf_bytes": (out / "digest.pdf").stat().st_size if code == 0 else 0,
                "each_unreachable_named_once": [err.count(f"{url}:") for url in bad] == [1] * len(bad),
                "reachable_named": sum(err.count(f"{url}:") for url in good),
                "warning_lines": err.count("make-report: WARNING"),
            }
        figures["same_json_both_runs"] = (
            (work / "first" / "digest.json").read_bytes() == (work / "second" / "digest.json").read_bytes()
        )
        print(json.dumps(figures, indent=1, ensure_ascii=False))
        print("\n".join(f"  {line}" for line in err.splitlines() if "WARNING" in line)[:4000])
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main_benchmark())
