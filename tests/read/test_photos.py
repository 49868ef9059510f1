"""The photo stage (read/photos.py): which photos, from where, and every photo that cannot be had
or is no good left out with one warning naming the article's file and the photo, never a crash
and never a lost article. Web photos come from a local server, never the internet."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from pictures import SVG_WITH_SCRIPT, photo
from tgreport.assemble import build_report
from tgreport.model import Article, Caption
from tgreport.model import Image as ImageBlock
from tgreport.pipeline import read
from tgreport.read import fetch
from tgreport.read.photos import with_photos
from tgreport.settings import Settings
from tgreport.support.spool import Spooled

from .webserver import Site, serving

FAST = fetch.FetchPolicy(connect_seconds=2, read_seconds=1, page_seconds=5, attempts=1,
                         backoff_seconds=0.01, pause_seconds=0.0)
TEXT = ("Sáng 6-1, tại Hà Nội, Ban Tuyên giáo tổ chức hội nghị tổng kết công tác năm 2020, triển khai "
        "nhiệm vụ năm 2021 với nhiều nội dung quan trọng của công tác tuyên truyền.")


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "DEFAULT_POLICY", FAST)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def page(title: str, *srcs: str) -> str:
    figures = "".join(f'<figure><img src="{src}" alt=""><figcaption>Ảnh số {n} của bài. Ảnh: Minh Châu'
                      "</figcaption></figure>" for n, src in enumerate(srcs, 1))
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body><article><h1>{title}</h1><p>21:38 07/01/2021</p>"
            f"<p>{TEXT}</p>{figures}<p>{TEXT} Phần hai.</p><p>{TEXT} Phần ba.</p></article></body></html>")


def save(folder: Path, name: str, *pictures: tuple[str, bytes], srcs: tuple[str, ...] | None = None) -> Path:
    """A page saved by a browser: `name`.html, its pictures in `name`_files/."""
    (folder / f"{name}_files").mkdir(parents=True, exist_ok=True)
    for file, data in pictures:
        (folder / f"{name}_files" / file).write_bytes(data)
    srcs = srcs if srcs is not None else tuple(f"{name}_files/{file}" for file, _ in pictures)
    path = folder / f"{name}.html"
    path.write_text(page(f"Hội nghị tổng kết công tác tuyên giáo {name}", *srcs), encoding="utf-8")
    return path


def digest(inputs: list[str], **settings: object) -> list[Article]:
    chosen = Settings(**{"dedup": False, **settings})  # type: ignore[arg-type]
    report = with_photos(build_report(read(inputs, chosen).articles, chosen), chosen)
    return list(report.all_articles())


def pictures_of(article: Article) -> list[ImageBlock]:
    return [b for b in article.blocks if isinstance(b, ImageBlock) and b.picture is not None]


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_lead_photo_of_a_saved_page_with_its_caption(tmp_path: Path) -> None:
    source = photo(1600, 1000)
    save(tmp_path, "bai", ("anh-1.jpg", source), ("anh-2.jpg", photo(900, 600)))
    (article,) = digest([str(tmp_path)])
    (lead,) = pictures_of(article)
    assert lead.src == "bai_files/anh-1.jpg"
    image = Image.open(io.BytesIO(lead.picture.data))  # type: ignore[union-attr]
    assert image.format == "JPEG" and image.size == (1600, 1000)  # 246 dpi at the text width
    after = article.blocks[article.blocks.index(lead) + 1]
    assert isinstance(after, Caption) and after.text.startswith("Ảnh số 1")


def test_lead_falls_back_to_the_next_photo_that_can_be_printed(tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    third = photo(900, 600)
    save(tmp_path, "bai", ("hong.jpg", photo(1000, 800)[:5000]), ("script.jpg", SVG_WITH_SCRIPT),
         ("anh-3.jpg", third), ("anh-4.jpg", photo(700, 500)))
    save(tmp_path, "khac", ("anh.jpg", photo(800, 600)))  # its lead is fine: nothing else tried
    with caplog.at_level(logging.WARNING):
        bai, khac = digest([str(tmp_path)])
    (lead,) = pictures_of(bai)
    assert lead.src == "bai_files/anh-3.jpg" and lead.picture is not None
    assert Image.open(io.BytesIO(lead.picture.data)).size == (900, 600)
    said = warnings_of(caplog)
    for name, why in (("hong.jpg", "truncated"), ("script.jpg", "SVG")):
        lines = [w for w in said if f"bai.html: photo bai_files/{name}" in w]
        assert len(lines) == 1 and why in lines[0], (name, said)
    assert len(said) == 2, said
    assert [b.src for b in pictures_of(khac)] == ["khac_files/anh.jpg"]


def test_prepared_photos_are_kept_on_disk_not_in_the_report(tmp_path: Path) -> None:
    save(tmp_path, "bai", ("anh-1.jpg", photo(1600, 1000)))
    (article,) = digest([str(tmp_path)])
    (lead,) = pictures_of(article)
    assert isinstance(lead.picture.held, Spooled)  # type: ignore[union-attr]


def test_images_all_and_none(tmp_path: Path) -> None:
    save(tmp_path, "bai", ("anh-1.jpg", photo(1600, 1000)), ("anh-2.jpg", photo(900, 600)))
    (every,) = digest([str(tmp_path)], images="all")
    assert [b.src for b in pictures_of(every)] == ["bai_files/anh-1.jpg", "bai_files/anh-2.jpg"]
    (bare,) = digest([str(tmp_path)], images="none")
    assert pictures_of(bare) == []
    assert [b.src for b in bare.blocks if isinstance(b, ImageBlock)] == ["bai_files/anh-1.jpg",
                                                                         "bai_files/anh-2.jpg"]


def test_a_bad_photo_is_named_once_and_the_article_kept(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    save(tmp_path, "a", ("anh.jpg", SVG_WITH_SCRIPT))
    save(tmp_path, "b", ("anh.jpg", b"<html>not a picture</html>"))
    save(tmp_path, "c", ("anh.jpg", photo(1000, 800)[:5000]))
    save(tmp_path, "d", srcs=("d_files/missing.jpg",))
    with caplog.at_level(logging.WARNING):
        articles = digest([str(tmp_path)])
    assert len(articles) == 4 and all(pictures_of(a) == [] for a in articles)
    said = warnings_of(caplog)
    for name, why in (("a", "SVG"), ("b", "not a JPEG"), ("c", "truncated"), ("d", "cannot read the photo")):
        lines = [w for w in said if f"{name}.html: photo {name}_files/" in w]
        assert len(lines) == 1 and why in lines[0], (name, said)


def test_no_photo_from_outside_the_pages_folder(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "private.jpg").write_bytes(photo(1000, 700))
    inputs = tmp_path / "inputs"
    save(inputs, "up", srcs=("../secret/private.jpg",))
    save(inputs, "absolute", srcs=(str(outside / "private.jpg"),))
    save(inputs, "fileurl", srcs=((outside / "private.jpg").as_uri(),))
    save(inputs, "linked")
    os.symlink(outside / "private.jpg", inputs / "linked_files" / "anh.jpg")
    (inputs / "linked.html").write_text(page("Bài có ảnh là liên kết ra ngoài", "linked_files/anh.jpg"),
                                        encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = digest([str(inputs)])
    assert len(articles) == 4 and all(pictures_of(a) == [] for a in articles)
    said = " ".join(warnings_of(caplog))
    for name in ("up", "absolute", "fileurl", "linked"):
        assert f"{name}.html: photo" in said, said


def test_json_record_photo_local_path(tmp_path: Path) -> None:
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "top.png").write_bytes(photo(1200, 900))  # a JPEG behind a .png suffix
    record = {"title": "Hội nghị tổng kết công tác tuyên giáo", "text": TEXT, "top_image": "anh/top.png",
              "publish_date": "2021-01-07"}
    (tmp_path / "bai.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (article,) = digest([str(tmp_path / "bai.json")])
    (lead,) = pictures_of(article)
    assert lead.picture is not None and lead.picture.media_type == "image/jpeg" and lead.picture.width == 1200


@pytest.fixture
def site() -> Iterator[Site]:
    pictures = {"/anh/1.jpg": photo(1400, 900), "/anh/2.jpg": photo(800, 600),
                "/anh/script.jpg": SVG_WITH_SCRIPT}
    title = "Hội nghị tổng kết công tác tuyên giáo số"
    pages = {"/tin/bai-1.htm": page(f"{title} 1", "/anh/1.jpg", "../anh/2.jpg").encode(),
             "/tin/bai-2.htm": page(f"{title} 2", "/anh/script.jpg").encode(),
             "/tin/bai-3.htm": page(f"{title} 3", "/anh/missing.jpg").encode(),
             **pictures}
    kinds = {"/anh/1.jpg": "image/jpeg", "/anh/2.jpg": "image/jpeg", "/anh/script.jpg": "image/svg+xml"}
    with serving(Site(pages=pages, kinds=kinds)) as served:
        yield served


def test_photos_of_fetched_pages_are_fetched_once_and_kept(site: Site,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    links = [site.url(f"/tin/bai-{n}.htm") for n in (1, 2, 3)]
    with caplog.at_level(logging.WARNING):
        first = digest(links, images="all")
    assert [len(pictures_of(a)) for a in first] == [2, 0, 0]
    said = warnings_of(caplog)
    assert any(links[1] in w and "script.jpg" in w and "SVG" in w for w in said), said
    assert any(links[2] in w and "missing.jpg" in w and "404" in w for w in said), said
    assert site.asked("/anh/1.jpg") == 1 and site.asked("/anh/2.jpg") == 1
    again = digest(links, images="all")  # from the fetch cache: not asked again, the same bytes
    assert site.asked("/anh/1.jpg") == 1 and site.asked("/anh/missing.jpg") == 1
    assert [p.picture for p in pictures_of(again[0])] == [p.picture for p in pictures_of(first[0])]


def test_web_photos_of_files_only_with_fetch_photos(site: Site, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    record = {"title": "Hội nghị tổng kết công tác tuyên giáo", "text": TEXT, "image": site.url("/anh/1.jpg")}
    (tmp_path / "bai.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        (offline,) = digest([str(tmp_path / "bai.json")])
    assert pictures_of(offline) == [] and site.asked("/anh/1.jpg") == 0
    assert any("--fetch-photos" in w for w in warnings_of(caplog))
    (online,) = digest([str(tmp_path / "bai.json")], fetch_photos=True)
    assert len(pictures_of(online)) == 1 and site.asked("/anh/1.jpg") == 1


def test_a_page_from_the_internet_cannot_make_tgreport_ask_this_machine(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from tgreport.read import photos

    # 127.0.0.2 stands for a news site on the internet; 127.0.0.1 for this machine.
    def public_only(host: str) -> bool:
        return host != "127.0.0.2"

    monkeypatch.setattr(fetch, "is_private_host", public_only)
    monkeypatch.setattr(photos, "is_private_host", public_only)
    with serving(Site(pages={"/anh.jpg": photo(900, 600)}, kinds={"/anh.jpg": "image/jpeg"})) as inside:
        hostile = page("Hội nghị tổng kết công tác tuyên giáo", inside.url("/anh.jpg")).encode()
        redirected = page("Hội nghị tổng kết công tác tuyên giáo lần hai", "/anh/1.jpg").encode()
        outside_site = Site(pages={"/tin/bai-1.htm": hostile, "/tin/bai-2.htm": redirected},
                            redirects={"/anh/1.jpg": inside.url("/anh.jpg")})
        with serving(outside_site, "127.0.0.2") as outside, caplog.at_level(logging.WARNING):
            articles = digest([outside.url("/tin/bai-1.htm"), outside.url("/tin/bai-2.htm")])
        assert inside.asked("/anh.jpg") == 0
    assert len(articles) == 2 and all(pictures_of(a) == [] for a in articles)
    said = warnings_of(caplog)
    assert any("bai-1.htm: photo" in w and "private network; not fetched" in w for w in said), said
    assert any("bai-2.htm: photo" in w and "redirected to 127.0.0.1" in w for w in said), said


def test_a_page_from_the_internet_never_prints_a_photo_of_this_machine_another_input_fetched(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from tgreport.read import photos

    def public_only(host: str) -> bool:  # as above: 127.0.0.2 stands for a site on the internet
        return host != "127.0.0.2"

    monkeypatch.setattr(fetch, "is_private_host", public_only)
    monkeypatch.setattr(photos, "is_private_host", public_only)
    local = page("Hội nghị tổng kết công tác tuyên giáo ở cơ quan", "/anh.jpg").encode()
    with serving(Site(pages={"/anh.jpg": photo(900, 600), "/tin/noi-bo.htm": local},
                      kinds={"/anh.jpg": "image/jpeg"})) as inside:
        hostile = page("Hội nghị tổng kết công tác tuyên giáo trên mạng", inside.url("/anh.jpg")).encode()
        with serving(Site(pages={"/tin/bai.htm": hostile}), "127.0.0.2") as outside, \
                caplog.at_level(logging.WARNING):
            articles = digest([inside.url("/tin/noi-bo.htm"), outside.url("/tin/bai.htm")])
    by_page = {a.source: a for a in articles}
    assert len(pictures_of(by_page[inside.url("/tin/noi-bo.htm")])) == 1  # the user's own page
    assert pictures_of(by_page[outside.url("/tin/bai.htm")]) == []
    assert any("bai.htm: photo" in w and "private network; not fetched" in w for w in warnings_of(caplog))


def test_a_bug_on_one_odd_photo_costs_only_that_photo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    from tgreport.read import photos

    real = photos.prepare

    def failing_on_the_second(data: bytes, box: object) -> object:
        if data == second:
            raise ZeroDivisionError("a bug")
        return real(data, box)  # type: ignore[arg-type]

    second = photo(900, 700)
    save(tmp_path, "a", ("anh.jpg", photo(1000, 700)))
    save(tmp_path, "b", ("anh.jpg", second))
    monkeypatch.setattr(photos, "prepare", failing_on_the_second)
    with caplog.at_level(logging.WARNING):
        first, other = digest([str(tmp_path)])
    assert len(pictures_of(first)) == 1 and pictures_of(other) == []
    assert any("b.html: photo b_files/anh.jpg left out" in w and "internal error ZeroDivisionError" in w
               for w in warnings_of(caplog))
