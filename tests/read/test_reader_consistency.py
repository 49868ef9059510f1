"""The reader's shortcuts change nothing: worker processes read as one process does, pre-checks never miss."""

from __future__ import annotations

import concurrent.futures
import logging
import os
import re
import shutil
import threading
import unicodedata
from pathlib import Path
from typing import Any

import psutil
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tgreport
from tgreport.read import POOL_MIN_FILES
from tgreport.read.page import chrome
from tgreport.read.page.cues import cue
from tgreport.read.page.lines import split_lines
from tgreport.read.page.vocab import vocabulary
from tgreport.settings import Settings
from tgreport.vn import dateparse, detect, encode_legacy, vietnamese_score

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "read" / "pages").glob("*.txt"))


def _folder(tmp_path: Path, pages: int = POOL_MIN_FILES + 10) -> Path:
    """More files than the pool's threshold, with every kind of trouble a folder holds."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(pages):
        page = PAGES[n % len(PAGES)]
        shutil.copy(page, folder / f"{n:04d}_{page.name}")
    (folder / "0001_empty.txt").write_bytes(b"")
    (folder / "0002_picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    legacy = encode_legacy("Đảng ủy Khối các cơ quan Trung ương tổng kết công tác năm 2021.", "tcvn3")
    (folder / "0003_legacy.txt").write_bytes(legacy)
    mojibake = "Ban Tuyên giáo tổ chức hội nghị.".encode().decode("cp1252", errors="replace")
    (folder / "0004_mojibake.txt").write_text(mojibake, encoding="utf-8")
    (folder / "0005_lookalike.txt").write_text(
        "Hội nghị tổng kết\n\nĐảng ủy Khối họp ngày 7/1/2021 tạі Hà Nội."
    )
    return folder


def _read(folder: Path, jobs: int, caplog: pytest.LogCaptureFixture, progress: object = None) -> tuple:
    caplog.clear()
    result = tgreport.read([folder], Settings(jobs=jobs), progress=progress)  # type: ignore[arg-type]
    logged = [(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name.startswith("tgreport")]
    return result.articles, [str(e) for e in result.skipped], result.files, logged


def test_the_pool_reads_what_one_process_reads(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = _folder(tmp_path)
    caplog.set_level(logging.INFO)
    alone = _read(folder, 1, caplog)
    pooled = _read(folder, 2, caplog)
    assert pooled == alone
    articles, skipped, files, logged = alone
    assert files == POOL_MIN_FILES + 15 and len(articles) == files - 2
    assert len(skipped) == 2 and all("in/0001_empty.txt" in s or "in/0002_picture.txt" in s for s in skipped)
    # Each message once, naming its file.
    assert len(set(logged)) == len(logged)
    messages = [m for _, _, m in logged]
    for name, what in (
        ("0003_legacy", "legacy encoding"),
        ("0004_mojibake", "mojibake"),
        ("0005", "Cyrillic"),
    ):
        assert any(name in m and what in m for m in messages), (name, messages)


def test_workers_that_die_leave_their_files_to_this_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Enough pages that a worker has started, and read the first chunk, before this process has
    # read the others from the back: with a few hundred, a quick main process read them all while
    # the fork server was still importing, and killing that tested nothing.
    folder = _folder(tmp_path, 5 * POOL_MIN_FILES)
    caplog.set_level(logging.INFO)
    alone = _read(folder, 1, caplog)
    killed: list[int] = []
    workers: list[int] = []

    def kill_workers(done: int, total: int) -> None:
        # As the kernel's out-of-memory killer would: every child process, once, mid-run.
        if not killed:
            for child in psutil.Process().children(recursive=True):
                try:  # a process may end between the listing and the look at it
                    if "resource_tracker" not in " ".join(child.cmdline()):
                        if child.ppid() != os.getpid():
                            workers.append(child.pid)  # forked by the fork server
                        child.kill()
                        killed.append(child.pid)
                except psutil.Error:
                    continue

    pooled = _read(folder, 2, caplog, kill_workers)
    assert workers, f"no worker was running to be killed: {killed}"
    assert pooled[:3] == alone[:3]
    stopped = [m for _, _, m in pooled[3] if "reading processes stopped" in m]
    assert len(stopped) == 1
    assert [r for r in pooled[3] if "reading processes stopped" not in r[2]] == alone[3]


class _SlowStartPool:
    """A stand-in for the process pool whose first submit returns only once this process has read
    a chunk itself (as a fork server still importing the readers would keep it), or whose workers
    cannot start at all; the chunks it takes are read by a thread."""

    def __init__(self, *args: object, fail: bool = False, **kwargs: object) -> None:
        self.fail = fail
        self.threads = concurrent.futures.ThreadPoolExecutor(1)
        self.waited: list[bool] = []

    def submit(self, fn: Any, *args: Any) -> concurrent.futures.Future[Any]:
        if self.fail:
            raise OSError("cannot start a process here")
        if not self.waited:
            self.waited.append(READ_HERE.wait(timeout=60))
        return self.threads.submit(fn, *args)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.threads.shutdown(wait=wait, cancel_futures=cancel_futures)


READ_HERE = threading.Event()


@pytest.mark.parametrize("fail", [False, True])
def test_this_process_reads_while_the_workers_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, fail: bool
) -> None:
    folder = _folder(tmp_path)
    caplog.set_level(logging.INFO)
    alone = _read(folder, 1, caplog)
    from tgreport.read import pool as reading

    pools: list[_SlowStartPool] = []
    monkeypatch.setattr(reading, "ProcessPoolExecutor",
                        lambda *a, **k: pools.append(_SlowStartPool(fail=fail)) or pools[-1])
    read_chunk = reading._read_chunk

    def chunk_noting_who_reads(paths: list[Path], settings: Settings) -> list[Any]:
        if threading.current_thread() is threading.main_thread():
            READ_HERE.set()
        return read_chunk(paths, settings)

    monkeypatch.setattr(reading, "_read_chunk", chunk_noting_who_reads)
    READ_HERE.clear()
    pooled = _read(folder, 2, caplog)
    assert pooled[:3] == alone[:3]
    if fail:  # no worker: every file read here, and one line says so
        stopped = [m for _, _, m in pooled[3] if "reading processes stopped" in m]
        assert len(stopped) == 1 and "cannot start a process here" in stopped[0]
    else:  # the first submit waited for this process to read, and did not wait in vain
        assert pools[0].waited == [True]
        assert pooled[3] == alone[3]


def test_small_runs_stay_in_this_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(POOL_MIN_FILES - 1):
        (folder / f"{n}.txt").write_text(f"Tin số {n}\n\nNội dung bài số {n}.", encoding="utf-8")
    before = psutil.Process().children(recursive=True)
    seen: list[int] = []
    tgreport.read([folder], Settings(jobs=2), progress=lambda d, t: seen.append(
        len(psutil.Process().children(recursive=True))))
    assert set(seen) == {len(before)}


def test_no_capital_beyond_the_bmp_folds_into_it() -> None:
    # chrome._glue_points lists the capitals that open a tail phrase from the BMP alone.
    beyond = [chr(c) for c in range(0x10000, 0x110000)]
    assert [c for c in beyond if c.isupper() and ord(c.casefold()[0]) < 0x10000] == []


def test_glued_tail_shortcut_agrees_with_the_full_search() -> None:
    vocab = vocabulary()
    lines = [line.text for page in PAGES for line in split_lines(page.read_text(encoding="utf-8"))]
    lines += [
        "Năng NguyễnCác ý kiến của bạn đọc",
        "Trần Quang VinhBình luận",
        "ĐẢNG BỘ TỈNH",
        "iPhoneTin cùng chuyên mục",
    ]
    found = 0
    for text in lines:
        folded = text.casefold()
        full = next(
            (
                at
                for phrase in vocab.tail_phrases
                if (at := folded.find(phrase, 1)) > 0
                and text[at - 1].isalpha()
                and text[at].isupper()
                and text[at - 1].islower()
            ),
            None,
        )
        expected = full if chrome._CASE_JOIN.search(text) else None
        assert chrome._glued_tail(text, vocab) == expected, text
        found += expected is not None
    assert found >= 3


def test_cues_are_in_every_line_the_patterns_match() -> None:
    vocab = vocabulary()
    lists = {"captions": vocab.captions, "credit_only": vocab.credit_only, "views": vocab.views,
             "glued_alt": (vocab.glued_alt,), "alt_alone": (vocab.alt_alone,)}  # fmt: skip
    lines = [line.text for page in PAGES for line in split_lines(page.read_text(encoding="utf-8"))]
    lines += ["Toàn cảnh hội nghị ảnh 1", "Hội nghị tổng kết năm 2021 ảnh 2Bí thư phát biểu"]
    for name, patterns in lists.items():
        needed = cue(patterns)
        assert needed is not None, name  # else the shortcut silently does nothing
        matched = [text for text in lines if any(p.search(text) for p in patterns)]
        assert matched, name
        assert all(needed.search(text) for text in matched), name


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"^(?P<t>.+?)\s*\(ảnh\s*:", {"(ảnh"}),
        (r"x(ab|cd)+y", {"x"}),
        (r"(ab|cd)+", {"ab", "cd"}),
        (r"(?:ab)?c|d", {"c", "d"}),
        (r"a*", None),
        (r"a|", None),
        (r"(?i:ảnh)x", {"x"}),
    ],
)
def test_cue_words(pattern: str, words: set[str] | None) -> None:
    found = cue([re.compile(pattern, re.IGNORECASE)])
    assert (None if found is None else set(found.pattern.replace("\\", "").split("|"))) == words


NON_STRAY = "".join(sorted({chr(c) for c in range(0x20, 0x2000)} | set("“”‘’–—…•€₫")))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(NON_STRAY + "\u0301\u0323\u00b6\u00a7\u2028"), max_size=60))
def test_text_without_stray_symbols_never_scores_below_zero(text: str) -> None:
    # guess_encoding accepts such UTF-8 without scoring it.
    if not detect._MAYBE_STRAY.search(unicodedata.normalize("NFC", text)):
        assert vietnamese_score(text) >= 0


def test_utf8_score_is_computed_when_asked() -> None:
    text = "Hội nghị ¶ tổng kết"
    decoded = detect.guess_encoding(text.encode())
    assert decoded.encoding == "utf-8"
    assert decoded.score == vietnamese_score(text)


DATE_WORDS = (
    "Sáng thứ Hai ngày tháng THÁNG thg năm cn t2 từ đến giờ phút GMT+7 6 1 07 15 2021 21 h x "
    "Rạng KHUYA Chủ nhật hôm nay mùng MỒNG tới Đêm tối chiều trưa T7 CN ſáng"
)
DATE_TOKENS = [*DATE_WORDS.split(" "), *"/-.:,()' ", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_TOKENS), max_size=16).map("".join))
def test_text_the_date_check_skips_holds_no_date(text: str) -> None:
    if not dateparse._MAY_HOLD_DATE.search(text):
        assert not any(pattern.search(text) for _, pattern in dateparse._PATTERNS)
    for kind, pattern in dateparse._PATTERNS:
        if not dateparse._CORES[kind].search(text):
            assert not pattern.search(text), kind
        # Without the look-ahead on where a match starts, the same matches.
        plain = re.compile(pattern.pattern.replace(dateparse._START, "", 1), pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(NON_STRAY + "¶§"), max_size=80))
def test_no_text_scores_near_the_top_that_mojibake_repair_assumes(text: str) -> None:
    # repair_mojibake leaves a line alone when it scores within 0.3 of _TOP_SCORE.
    assert vietnamese_score(text) < detect._TOP_SCORE - 0.05


def test_workers_read_while_another_thread_runs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # In a terminal the progress bar's thread runs throughout: the workers must still be used
    # (they start from a fresh interpreter, not a fork of this process) and read the same.
    import threading

    folder = _folder(tmp_path)
    alone = _read(folder, 1, caplog)
    stop = threading.Event()
    ticker = threading.Thread(target=lambda: stop.wait(60), daemon=True)
    ticker.start()
    workers: list[int] = []
    try:
        pooled = _read(folder, 2, caplog, lambda d, t: workers.append(
            len(psutil.Process().children(recursive=True))))
    finally:
        stop.set()
        ticker.join()
    assert pooled == alone
    assert max(workers) >= 2  # the forkserver and its workers


def test_a_workers_articles_share_this_processs_path_strings() -> None:
    """Unpickled from a worker, each article held its own copy of its file's path (about 100
    bytes an article, 10 MB of a folder of 100,000 small pages); it holds the file list's again."""
    import pickle

    from tgreport.model import Article, Paragraph
    from tgreport.read import FileRead
    from tgreport.read.pool import _sharing_paths

    path = "/tmp/in/" + "0001.txt"
    sent = [FileRead([Article("0001", path, "Tin", (Paragraph("Nội dung."),))], None, [])]
    back = pickle.loads(pickle.dumps(sent))
    assert back[0].articles[0].source == path and back[0].articles[0].source is not path
    shared = _sharing_paths([path], back)
    assert shared[0].articles[0].source is path
    assert shared[0].articles[0] == sent[0].articles[0]


def test_a_chunk_held_for_its_turn_gives_back_the_outcomes_it_was_given() -> None:
    """The chunks this process reads from the back wait, flattened, for the ones before them:
    every file's articles, error and notes come back as they were, in order."""
    from tgreport.errors import InputError
    from tgreport.model import Article, Paragraph
    from tgreport.read import FileRead
    from tgreport.read.pool import _Held

    def article(n: int) -> Article:
        return Article(f"{n:04d}", f"/in/{n}.txt", f"Tin {n}", (Paragraph(f"Bài {n}."),))

    given = [
        FileRead([article(1)], None, []),
        FileRead([], InputError("is empty; skipped", "/in/2.txt"), []),
        FileRead([article(3), article(4)], None, [(logging.WARNING, "/in/3.txt: mojibake repaired")]),
        FileRead([], None, []),
        FileRead([article(5)], None, []),
    ]
    back = list(_Held(given).outcomes())
    assert [(o.articles, str(o.error), o.notes) for o in back] == [
        (o.articles, str(o.error), o.notes) for o in given]
    assert back[2].articles[1] is given[2].articles[1]
