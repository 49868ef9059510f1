"""Links as inputs: pages fetched from a local server (never the internet), kept, read, and every
page that fails named once with why; the report is made from the rest."""

from __future__ import annotations

import json
import logging
import os
import stat
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from tgreport.cli import main
from tgreport.pipeline import read
from tgreport.read import fetch
from tgreport.read.fetchcache import FetchCache
from tgreport.settings import Settings
from tgreport.version import __version__

from .webserver import Site, article_page, serving

# Short bounds, so a slow answer or a retry costs the suite a fraction of a second.
FAST = fetch.FetchPolicy(connect_seconds=2, read_seconds=0.5, page_seconds=5, max_bytes=300_000,
                         attempts=3, backoff_seconds=0.01, pause_seconds=0.0)


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "DEFAULT_POLICY", FAST)
    # httpx honours proxy variables; a proxy set on the machine must not stand between the
    # tests and their local server.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site() -> Iterator[Site]:
    pages = {f"/tin/bai-{i}.htm": article_page(i) for i in range(4)}
    with serving(Site(pages=pages, slow_seconds=2.0)) as served:
        yield served


def pages_dir() -> Path:
    return Path(os.environ["TGREPORT_CACHE_DIR"]) / "pages"


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_pages_are_read_with_their_link_and_fetch_time(site: Site) -> None:
    links = [site.url(f"/tin/bai-{i}.htm") for i in range(3)]
    result = read(links)
    assert [a.title for a in result.articles] == [
        f"Hội nghị tổng kết công tác tuyên giáo số {i} tại Hà Nội" for i in range(3)
    ]
    for link, article in zip(links, result.articles, strict=True):
        assert article.source == link and article.url == link
        assert article.fetched is not None and article.fetched.utcoffset() is not None
        assert article.id.startswith(f"bai-{link[-5]}-")
        assert article.lead and article.lead.startswith("(Chinhphu.vn) - Sáng 6-1")
    assert not result.skipped and result.files == 3


def test_the_user_agent_names_tgreport_and_its_version(site: Site) -> None:
    read([site.url("/tin/bai-0.htm")])
    assert site.requests[0].user_agent.startswith(f"tgreport/{__version__} ")


@pytest.mark.parametrize(
    "path, why",
    [
        ("/missing.htm", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error (3 tries)"),
        ("/slow", "timed out: no answer within 0.5 s"),
        ("/loop1", "more than 5 redirects (a redirect loop?)"),
        ("/endless", "too large: more than the 293 KB limit"),
        ("/picture.png", "not an article: the link gives image/png, not a web page"),
    ],
)
def test_a_page_that_fails_is_one_warning_naming_the_link_and_why(
    site: Site, caplog: pytest.LogCaptureFixture, path: str, why: str
) -> None:
    good, bad = site.url("/tin/bai-0.htm"), site.url(path)
    result = read([good, bad])
    assert [a.source for a in result.articles] == [good]  # the rest is still read
    said = warnings_of(caplog)
    assert said == [f"{bad}: {why}; skipped"]
    assert [str(e) for e in result.skipped] == said


def test_only_5xx_and_broken_connections_are_tried_again(site: Site) -> None:
    site.fail_first["/tin/bai-1.htm"] = 2
    result = read([site.url(p) for p in ("/tin/bai-1.htm", "/missing.htm", "/slow", "/error")])
    assert len(result.articles) == 1 and site.asked("/tin/bai-1.htm") == 3  # two 500s, then the page
    assert site.asked("/error") == FAST.attempts
    assert site.asked("/missing.htm") == 1  # a 404 stays a 404
    assert site.asked("/slow") == 1  # so does a server too slow to answer


def test_a_server_that_is_not_there_is_tried_again_then_named(caplog: pytest.LogCaptureFixture) -> None:
    with serving() as gone:
        link = gone.url("/tin/bai-0.htm")
    result = read([link])  # the server has stopped: the connection is refused
    assert not result.articles
    assert len(warnings_of(caplog)) == 1
    assert warnings_of(caplog)[0].startswith(f"{link}: connection failed: ")
    assert warnings_of(caplog)[0].endswith("(3 tries); skipped")


def test_a_declared_length_above_the_cap_is_refused_unread(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    site.pages["/big.htm"] = article_page(9) + b" " * 400_000
    read([site.url("/big.htm")])
    said = f"{site.url('/big.htm')}: too large: 392 KB, above the 293 KB limit; skipped"
    assert warnings_of(caplog) == [said]


def test_the_readers_input_limit_also_bounds_a_page(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    read([site.url("/tin/bai-0.htm")], Settings(max_input_bytes=500))
    size = len(article_page(0))
    assert warnings_of(caplog) == [
        f"{site.url('/tin/bai-0.htm')}: too large: {size} bytes, above the 500 bytes limit; skipped"
    ]


def test_a_page_without_an_article_is_named_by_its_link(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    site.pages["/empty.htm"] = b"<html><body><script>x()</script></body></html>"
    link = site.url("/empty.htm")
    result = read([link, site.url("/tin/bai-0.htm")])
    assert len(result.articles) == 1
    said = warnings_of(caplog)
    assert said == [f"{link}: not an article: no text in this file"]
    assert str(pages_dir()) not in "".join(said)  # the kept file is tgreport's business


def test_a_redirect_is_followed_and_the_article_has_the_final_address(site: Site) -> None:
    site.redirects["/short/1"] = "/tin/bai-1.htm"
    [article] = read([site.url("/short/1")]).articles
    assert article.source == site.url("/short/1") and article.url == site.url("/tin/bai-1.htm")


def test_a_redirect_away_from_http_is_refused(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    site.redirects["/to-file"] = "file:///etc/passwd"
    assert not read([site.url("/to-file")]).articles
    said = f"{site.url('/to-file')}: redirected to a link that is not http or https; skipped"
    assert warnings_of(caplog) == [said]


def test_links_that_are_not_http_are_not_fetched(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    result = read(["file:///etc/passwd", "ftp://example.org/a.htm", site.url("/tin/bai-0.htm")])
    assert len(result.articles) == 1 and len(site.requests) == 1
    assert warnings_of(caplog) == [
        "file:///etc/passwd: only http and https links are fetched, not file:; skipped",
        "ftp://example.org/a.htm: only http and https links are fetched, not ftp:; skipped",
    ]


def test_nothing_is_fetched_from_inside_a_page(site: Site) -> None:
    extra = '<a href="/tin/bai-1.htm">Tin khác</a><img src="/picture.png"></article>'
    linked = article_page(5).replace(b"</article>", extra.encode())
    site.pages["/linking.htm"] = linked
    read([site.url("/linking.htm")])
    assert [r.path for r in site.requests] == ["/linking.htm"]


def test_a_second_run_fetches_nothing_and_makes_the_same_articles(site: Site) -> None:
    links = [site.url(f"/tin/bai-{i}.htm") for i in range(4)]
    first = read(links)
    asked = len(site.requests)
    again = read(links)
    assert len(site.requests) == asked == 4
    assert again.articles == first.articles  # fetch time included: it is the kept one


def test_a_lasting_failure_is_remembered_a_passing_one_tried_again(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    links = [site.url(p) for p in ("/missing.htm", "/picture.png", "/loop1", "/error", "/slow")]
    read(links)
    first = warnings_of(caplog)
    asked = {p: site.asked(p) for p in ("/missing.htm", "/picture.png", "/loop1", "/error", "/slow")}
    caplog.clear()
    read(links)
    again = warnings_of(caplog)
    assert site.asked("/missing.htm") == asked["/missing.htm"] == 1
    assert site.asked("/picture.png") == asked["/picture.png"] == 1
    assert site.asked("/loop1") == asked["/loop1"]
    assert site.asked("/error") == 2 * asked["/error"] and site.asked("/slow") == 2
    # Said again, once each, with when it was found.
    assert len(again) == 5 and again[3:] == first[3:]
    for before, now in zip(first[:3], again[:3], strict=True):
        assert now.startswith(before.removesuffix("; skipped") + " (when fetched on ")
        assert now.endswith(" UTC; refetch to try again); skipped")
    read(links[:1], Settings(refetch=True))
    assert site.asked("/missing.htm") == 2
    site.pages["/missing.htm"] = article_page(7)  # the page is there now
    assert len(read(links[:1], Settings(refetch=True)).articles) == 1
    assert len(read(links[:1]).articles) == 1  # and kept


def test_refetch_fetches_again(site: Site) -> None:
    link = site.url("/tin/bai-0.htm")
    read([link])
    site.pages["/tin/bai-0.htm"] = article_page(0, title="Tiêu đề đã sửa của bài báo số không")
    assert read([link]).articles[0].title != "Tiêu đề đã sửa của bài báo số không"
    assert read([link], Settings(refetch=True)).articles[0].title == "Tiêu đề đã sửa của bài báo số không"
    assert site.asked("/tin/bai-0.htm") == 2
    assert read([link]).articles[0].title == "Tiêu đề đã sửa của bài báo số không"  # kept anew


def test_the_fetch_cache_is_the_page_and_a_record_readable_by_the_owner_only(site: Site) -> None:
    site.redirects["/short/2"] = "/tin/bai-2.htm"
    link = site.url("/short/2")
    [article] = read([link]).articles
    [record_file] = pages_dir().glob("*.json")
    record = json.loads(record_file.read_bytes())
    assert record["url"] == link and record["final_url"] == site.url("/tin/bai-2.htm")
    assert record["status"] == 200 and record["content_type"] == "text/html; charset=utf-8"
    assert record["fetched"] == article.fetched.isoformat()  # type: ignore[union-attr]
    page = record_file.with_suffix(".html")
    assert page.read_bytes() == article_page(2)
    assert stat.S_IMODE(pages_dir().stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in pages_dir().iterdir()} == {0o600}


def test_a_broken_cache_entry_is_fetched_again(site: Site) -> None:
    link = site.url("/tin/bai-3.htm")
    read([link])
    [record_file] = pages_dir().glob("*.json")
    record_file.write_text("{not json", encoding="utf-8")
    assert len(read([link]).articles) == 1 and site.asked("/tin/bai-3.htm") == 2
    assert FetchCache().get(link) is not None  # and kept again


def test_requests_to_one_host_are_paused_and_at_most_two_at_once(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "DEFAULT_POLICY", FAST.__class__(**{**FAST.__dict__, "pause_seconds": 0.25}))
    # The gate books each request's start under its lock and sleeps until it: on a still clock
    # the sleeps it asks for are the bookings themselves. Wall time measured around the threads
    # also held a busy machine's scheduling (two let-gos 0.229 s apart under load).
    slept: list[float] = []
    monkeypatch.setattr(fetch, "time", types.SimpleNamespace(monotonic=lambda: 1000.0, sleep=slept.append))
    read([site.url(f"/tin/bai-{i}.htm") for i in range(4)])
    assert sorted(slept) == pytest.approx([0.25, 0.5, 0.75])  # the first goes at once
    assert len(site.requests) == 4


def test_at_most_two_connections_to_one_host(monkeypatch: pytest.MonkeyPatch) -> None:
    # Slow answers, no pause: only the per-host bound keeps a third request from starting.
    monkeypatch.setattr(fetch, "DEFAULT_POLICY", FAST.__class__(**{**FAST.__dict__, "read_seconds": 3}))
    with serving(Site(slow_seconds=0.4)) as site:
        result = read([site.url(f"/slow{i}") for i in range(6)])
    assert len(result.articles) == 6
    assert site.most_in_flight == 2


def test_a_list_of_links_is_read_as_pages(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    links = tmp_path / "links.txt"
    links.write_text(
        f"# Tuần 2\n\n{site.url('/tin/bai-0.htm')}\n  {site.url('/tin/bai-1.htm')}#binh-luan  \n"
        f"{site.url('/tin/bai-0.htm')}\nftp://example.org/x\n",
        encoding="utf-8",
    )
    result = read([links])
    assert [a.source for a in result.articles] == [site.url("/tin/bai-0.htm"), site.url("/tin/bai-1.htm")]
    assert warnings_of(caplog) == [f"{links}:6: only http and https links are fetched, not ftp:; skipped"]
    assert site.asked("/tin/bai-0.htm") == 1  # given twice, fetched once


def test_a_list_saved_on_windows_is_a_list(site: Site, tmp_path: Path) -> None:
    links = tmp_path / "links.txt"
    links.write_bytes(b"\xef\xbb\xbf" + f"{site.url('/tin/bai-2.htm')}\r\n\r\n".encode())  # BOM, CRLF
    assert [a.source for a in read([links]).articles] == [site.url("/tin/bai-2.htm")]


def test_a_text_file_with_prose_is_an_article_and_a_list_in_a_folder_is_not_fetched(
    site: Site, tmp_path: Path, seeds_dir: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(sorted(seeds_dir.glob("*.txt"))[0].read_bytes())
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "links.txt").write_text(site.url("/tin/bai-0.htm") + "\n", encoding="utf-8")
    result = read([article, folder])
    # The folder's list is read as the text it is (whatever the page reader makes of it).
    assert [a.source for a in result.articles] == [str(article), str(folder / "links.txt")]
    assert not site.requests


def test_the_command_line_takes_links_and_a_list(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    links = tmp_path / "links.txt"
    links.write_text(site.url("/tin/bai-1.htm") + "\n" + site.url("/missing.htm") + "\n", encoding="utf-8")
    out = tmp_path / "digest.json"
    assert main([site.url("/tin/bai-0.htm"), str(links), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count(site.url("/missing.htm")) == 1
    assert f"{site.url('/missing.htm')}: HTTP 404 Not Found; skipped" in err
    data = json.loads(out.read_bytes())
    assert sorted(a["url"] for a in data["articles"]) == [site.url(f"/tin/bai-{i}.htm") for i in (0, 1)]
    assert all(a["fetched"] for a in data["articles"])
    # Made again from the fetch cache: nothing fetched, the same bytes.
    asked = len(site.requests)
    again = tmp_path / "again.json"
    assert main([site.url("/tin/bai-0.htm"), str(links), "-o", str(again), "-q"]) == 0
    assert len(site.requests) == asked  # the missing page too: a 404 is remembered
    assert again.read_bytes() == out.read_bytes()
    assert main([site.url("/tin/bai-0.htm"), "--refetch", "-o", str(again), "-q"]) == 0
    assert site.asked("/tin/bai-0.htm") == 2


def test_no_page_to_be_had_is_no_report(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([site.url("/missing.htm"), "-o", str(tmp_path / "d.pdf")]) == 1
    err = capsys.readouterr().err
    assert "HTTP 404" in err and "no usable article in 1 input" in err
    assert not (tmp_path / "d.pdf").exists()


def test_progress_counts_pages_then_files(site: Site, seeds_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    read([site.url("/tin/bai-0.htm"), site.url("/missing.htm"), seeds_dir],
         progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 7) for n in range(1, 8)]


def test_sites_take_turns_so_one_sites_pauses_do_not_hold_up_the_others() -> None:
    urls = ["https://a.vn/1", "https://a.vn/2", "https://a.vn/3", "https://b.vn/1", "https://B.vn/2"]
    assert fetch._by_turns(urls) == [
        "https://a.vn/1", "https://b.vn/1", "https://a.vn/2", "https://B.vn/2", "https://a.vn/3"
    ]


def test_a_few_slow_pages_get_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    from cli.test_terminal import _run_with_tty_stderr

    # The command runs with the default bounds: a second between two requests to this server.
    with serving(Site(pages={f"/tin/bai-{i}.htm": article_page(i) for i in range(3)})) as site:
        links = [site.url(f"/tin/bai-{i}.htm") for i in range(3)]
        code, seen = _run_with_tty_stderr([*links, "-o", "d.json"], tmp_path)
    assert code == 0 and len(site.requests) == 3
    assert "Đọc bài" in seen and "3/3" in seen


def test_private_hosts() -> None:
    from tgreport.read.links import is_private_host

    for host in ("127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.9", "169.254.169.254", "::1", "[::1]",
                 "0.0.0.0", "localhost"):
        assert is_private_host(host), host
    for host in ("8.8.8.8", "203.113.131.1", "2001:4860:4860::8888"):  # literal addresses: no lookup
        assert not is_private_host(host), host


def test_a_redirect_from_the_internet_into_this_machine_is_not_followed(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # 127.0.0.2 stands for a news site on the internet; 127.0.0.1 for this machine.
    monkeypatch.setattr(fetch, "is_private_host", lambda host: host != "127.0.0.2")
    with serving(Site(pages={"/admin": article_page(1)})) as inside, \
            serving(Site(pages={"/tin/bai-0.htm": article_page(0)}), "127.0.0.2") as outside:
        outside.redirects["/tin/bai-1.htm"] = inside.url("/admin")
        outside.redirects["/tin/bai-2.htm"] = "/tin/bai-0.htm"  # within the site: followed
        with caplog.at_level(logging.WARNING):
            result = read([outside.url("/tin/bai-1.htm"), outside.url("/tin/bai-2.htm")])
        assert inside.asked("/admin") == 0
    assert len(result.articles) == 1 and result.articles[0].source == outside.url("/tin/bai-2.htm")
    said = [w for w in warnings_of(caplog) if outside.url("/tin/bai-1.htm") in w]
    assert len(said) == 1 and "redirected to 127.0.0.1" in said[0] and "not followed" in said[0]
    # The user's own link to this machine is the user's choice: its redirects there are followed.
    with serving(Site(pages={"/admin": article_page(1)}, redirects={"/go": "/admin"})) as own:
        assert len(read([own.url("/go")]).articles) == 1
