"""Duplicates: the same story saved twice or carried by two sites is reported once."""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import make_article
from tgreport.assemble import build_report, find_duplicates
from tgreport.assemble.dedup import jaccard, shingles, similar_pairs
from tgreport.model import Article, Paragraph
from tgreport.settings import Settings

WORDS = re.findall(
    r"\w+",
    "Đảng ủy Khối cơ quan Trung ương tổ chức hội nghị tổng kết công tác tuyên giáo năm triển khai "
    "nhiệm vụ cán bộ đảng viên học tập quán triệt nghị quyết đại hội chỉ thị kết luận phong trào "
    "thi đua xây dựng chỉnh đốn lãnh đạo chỉ đạo kiểm tra giám sát dân vận báo cáo viên dư luận",
)


def story(seed: int, words: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(WORDS) for _ in range(words)]


def article(n: int, text: list[str], **fields: object) -> Article:
    fields.setdefault("title", f"Bài số {n}")
    return make_article(n, blocks=(Paragraph(" ".join(text)),), **fields)


def test_same_title_and_date_is_one_story(caplog: pytest.LogCaptureFixture) -> None:
    day = dt.date(2021, 1, 19)
    a = article(1, story(1), title="Tăng cường quản lý đảng viên", publisher=None, date=day)
    # The second copy was saved without its first paragraphs: the bodies agree, though not 90 %.
    b = article(2, story(1)[120:], title="TĂNG CƯỜNG quản lý đảng viên!", publisher="TTXVN/Vietnam+",
                date=day)
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report([a, b])
    # The copy with more metadata (a publisher) is kept.
    assert [x.id for x in report.articles] == ["002_sample"]
    warning = next(w for w in report.warnings if "duplicate" in w)
    assert "001_sample" in warning and "kept" in warning and "same title and date" in warning
    assert any(warning == r.getMessage() for r in caplog.records)


def test_same_title_on_another_day_is_another_story() -> None:
    a = article(1, story(1), title="Hội nghị tổng kết")
    b = article(2, story(2), title="Hội nghị tổng kết", date=dt.date(2021, 2, 1))
    assert len(build_report([a, b]).articles) == 2


def test_near_identical_bodies_merge_across_sites() -> None:
    text = story(7)
    edited = text.copy()
    edited[150] = "Lạng Sơn"  # one word changed: about 97 % of shingles shared
    a = article(1, text, publisher="Báo Nhân Dân", title="Tiêu đề một", date=dt.date(2021, 1, 6))
    # The copy with less metadata (no author) goes, though its body is a little longer.
    b = article(2, edited, publisher="TTXVN", title="Tiêu đề khác", date=dt.date(2021, 1, 7), authors=())
    kept, merges = find_duplicates([a, b])
    assert [x.id for x in kept] == ["001_sample"]
    assert len(merges) == 1 and merges[0].dropped.id == "002_sample"
    assert "alike" in merges[0].reason


def test_different_stories_and_a_quarter_rewritten_story_stay() -> None:
    text = story(3)
    rewritten = text[:225] + story(99, 75)  # a quarter of the words replaced: well below 0.9
    articles = [article(1, text), article(2, story(4)), article(3, rewritten)]
    articles = [replace(a, date=dt.date(2021, 1, a.blocks[0].text.count(" ") % 28 + 1)) for a in articles]
    kept, merges = find_duplicates(articles)
    assert len(kept) == 3 and merges == []


def test_chains_of_copies_keep_one_and_say_why() -> None:
    base = story(11)
    copies = []
    for n in range(4):
        text = base.copy()
        text[n * 50] = "COVID-19"
        copies.append(article(n + 1, text, date=dt.date(2021, 1, n + 1)))
    kept, merges = find_duplicates(copies)
    assert len(kept) == 1 and len(merges) == 3
    assert all(m.kept is kept[0] for m in merges)
    assert all(m.dropped.id in m.message() and m.kept.id in m.message() for m in merges)


def test_dedup_can_be_turned_off() -> None:
    a = article(1, story(5))
    assert len(build_report([a, replace(a, id="copy")], Settings(dedup=False)).articles) == 2
    assert len(build_report([a, replace(a, id="copy")]).articles) == 1


def test_prefix_filter_finds_exactly_the_pairs_all_pairs_would() -> None:
    # Random corpus with planted near-copies: the fast index must agree with brute force.
    rng = random.Random(42)
    texts = [story(1000 + i, rng.randint(20, 200)) for i in range(120)]
    for i in range(0, 120, 7):
        copy = texts[i].copy()
        for _ in range(rng.randint(0, 3)):
            copy[rng.randrange(len(copy))] = rng.choice(WORDS)
        texts.append(copy)
    articles = [article(n, t) for n, t in enumerate(texts, start=1)]
    sets = [shingles(a) for a in articles]
    for threshold in (0.9, 0.7, 0.5, 0.3):
        fast = {(i, j) for i, j, _ in similar_pairs(sets, threshold)}
        brute = {
            (i, j)
            for i in range(len(sets))
            for j in range(i + 1, len(sets))
            if len(sets[i]) >= 8 and len(sets[j]) >= 8 and jaccard(sets[i], sets[j]) >= threshold
        }
        assert fast == brute
        assert brute  # the planted copies are there to be found


def test_titles_in_two_tone_styles_are_one_title() -> None:
    day = dt.date(2021, 7, 16)
    a = article(1, story(21), title="Tỉnh ủy Lạng Sơn sơ kết công tác tuyên giáo", date=day)
    b = article(2, story(21)[100:], title="Tỉnh uỷ Lạng Sơn sơ kết công tác tuyên giáo", date=day)
    kept, merges = find_duplicates([a, b])
    assert len(kept) == 1 and merges[0].reason == "same title and date"


def test_many_copies_of_few_stories_collapse_to_one_each() -> None:
    # The shape of a corpus built by shuffling a few pages: every article is a copy of one of three.
    rng = random.Random(5)
    stories = [story(300 + k, 200) for k in range(3)]
    articles = []
    for n in range(1, 301):
        k = n % 3
        paragraphs = [stories[k][i : i + 40] for i in range(0, 200, 40)]
        rng.shuffle(paragraphs[1:])  # the lead stays first, as the benchmark corpus does
        words = [w for p in paragraphs for w in p]
        articles.append(article(n, words, date=dt.date(2021, 1 + n % 12, 1 + n % 28)))
    kept, merges = find_duplicates(articles)
    assert sorted(int(a.id[:3]) % 3 for a in kept) == [0, 1, 2]
    assert len(merges) == 297


def test_clusters_match_brute_force_on_planted_copies() -> None:
    rng = random.Random(8)
    texts = [story(2000 + i, rng.randint(100, 250)) for i in range(80)]
    planted = {}
    for i in range(0, 80, 9):
        copy = texts[i].copy()
        copy[rng.randrange(len(copy))] = "Hà Nội"
        planted[len(texts)] = i
        texts.append(copy)
    articles = [article(n, t, date=dt.date(2021, 1, 1 + n % 28)) for n, t in enumerate(texts, start=1)]
    _, merges = find_duplicates(articles, by_title=False)
    pairs = {frozenset((int(m.dropped.id[:3]) - 1, int(m.kept.id[:3]) - 1)) for m in merges}
    sets = [shingles(a) for a in articles]
    brute = {frozenset(pair) for pair in planted.items() if jaccard(sets[pair[0]], sets[pair[1]]) >= 0.9}
    assert pairs == brute
    assert len(brute) == len(planted)  # one word in 100 or more: every copy stays above 0.9


def test_many_merges_make_one_summary_warning_and_info_lines(caplog: pytest.LogCaptureFixture) -> None:
    # 15 stories each saved twice: the terminal gets one warning, -v (INFO) names every merge.
    articles = []
    for k in range(15):
        text = story(500 + k)
        articles.append(article(2 * k + 1, text, date=dt.date(2021, 3, k + 1)))
        articles.append(article(2 * k + 2, text, date=dt.date(2021, 4, k + 1)))
    with caplog.at_level(logging.INFO, logger="tgreport"):
        report = build_report(articles)
    assert len(report.articles) == 15
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    merges = [r.getMessage() for r in caplog.records
              if r.levelno == logging.INFO and r.getMessage().startswith("duplicate article")]
    assert len(warned) == 1 and warned[0].startswith("15 duplicate articles merged")
    assert "and 5 more" in warned[0] and "-v" in warned[0]
    assert warned[0].count("_sample") == 10  # names ten of the fifteen dropped copies
    dropped = {a.id for a in articles} - {a.id for a in report.articles}
    assert {m.split()[2] for m in merges} == dropped  # every merge is still told, at INFO
    assert report.warnings == (warned[0],)


def test_a_few_merges_are_warned_one_by_one(caplog: pytest.LogCaptureFixture) -> None:
    articles = [article(n, story(600 + n // 2), date=dt.date(2021, 5, n)) for n in range(1, 7)]
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report(articles)
    assert len(report.articles) == 4  # 2~3 and 4~5 share a story
    assert [w.split()[2] for w in report.warnings] == ["003_sample", "005_sample"]
    assert [r.getMessage() for r in caplog.records] == list(report.warnings)


def test_pairs_right_at_the_threshold_are_found_at_every_size() -> None:
    # A copy cut short shares a share |B|/|A| of the original's shingles: cuts around 10 % put
    # pairs on both sides of 0.9, at the edge of the size range each partition count covers.
    base = [f"{w}{n}" for n, w in enumerate(story(77, 1200))]  # every shingle distinct
    sets = []
    for size in (40, 90, 200, 333, 640, 1000):
        full = shingles(article(1, base[:size]))
        sets.append(full)
        for cut in range(0, size // 7, max(1, size // 70)):
            sets.append(shingles(article(2, base[cut : size])))
    for threshold in (0.95, 0.9, 0.87):
        fast = {(i, j) for i, j, _ in similar_pairs(sets, threshold)}
        brute = {(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))
                 if jaccard(sets[i], sets[j]) >= threshold}
        assert fast == brute
        near = [jaccard(sets[i], sets[j]) for i in range(len(sets)) for j in range(i + 1, len(sets))]
        # Edge cases are there: pairs just above and just below the threshold.
        assert any(threshold <= x < threshold + 0.02 for x in near)
        assert any(threshold - 0.02 < x < threshold for x in near)


def test_bodies_recombining_shared_paragraphs_agree_with_brute_force() -> None:
    # Like the benchmark corpus: bodies assembled from a small pool of paragraphs, in varying
    # order and number, share many partitions of a shingle or two without being alike.
    rng = random.Random(5)
    pool = [story(3000 + k, rng.randint(15, 60)) for k in range(12)]
    bodies = []
    for _ in range(150):
        picked = rng.sample(range(len(pool)), rng.randint(4, 9))
        bodies.append([w for k in picked for w in pool[k]])
    for n in range(0, 150, 9):
        copy = bodies[n].copy()
        copy[rng.randrange(len(copy))] = "COVID-19"
        bodies.append(copy)
    sets = [shingles(article(1, b)) for b in bodies]
    for threshold in (0.95, 0.9, 0.8, 0.6):
        fast = {(i, j) for i, j, _ in similar_pairs(sets, threshold)}
        brute = {(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))
                 if len(sets[i]) >= 8 and len(sets[j]) >= 8 and jaccard(sets[i], sets[j]) >= threshold}
        assert fast == brute
        assert brute  # the planted copies, at least


def test_many_copies_of_a_few_stories_merge_as_brute_force_says() -> None:
    # find_duplicates makes each body's shingles when asked for and keeps only the last few:
    # copies far apart in the input (the first copy asked for again much later) still merge.
    rng = random.Random(8)
    stories = [story(4000 + k) for k in range(3)]
    articles = []
    for n in range(1, 241):
        text = stories[n % 3].copy() if n % 4 else story(5000 + n)
        text[rng.randrange(len(text))] = "COVID-19"
        articles.append(article(n % 28 + 1, text, title=f"Bài {n}", date=dt.date(2021, 1, n % 28 + 1)))
    kept, merges = find_duplicates(articles)
    assert len(kept) == 3 + 60  # one copy per story, and the 60 unrelated bodies
    assert len(merges) == 240 - len(kept)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "aĐđẠạỄễ_9٣½ \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u3000\u200b\u2028“”–…,.;-/()'\"\x00\x7f\ud800\U0001d400"
    "\u0301\u0323İßﬁ"), max_size=40))
def test_body_words_are_the_words_in_utf8(text: str) -> None:
    from tgreport.assemble import dedup

    assert dedup._body_words(text) == [w.encode("utf-8") for w in dedup._words(text)]


def test_the_letters_named_before_word_characters_are_word_characters() -> None:
    # _NOT_WORD_BEYOND_ASCII names these ranges only to settle them fast: a range holding a
    # character \w refuses would turn it into part of a word.
    from tgreport.assemble import dedup

    for low, high in dedup._LATIN_LETTERS:
        assert all(re.fullmatch(r"\w", chr(c)) for c in range(low, high + 1)), (hex(low), hex(high))
    assert dedup._body_words("Giá×2÷Ơn Ỹ") == [w.encode() for w in ("giá", "2", "ơn", "ỹ")]


def test_the_title_keys_are_gone_before_the_body_search(monkeypatch: pytest.MonkeyPatch) -> None:
    # The body search is the duplicate search's peak: the title stage's key of every title
    # (about 150 bytes an article) must not be held through it.
    import tracemalloc

    from tgreport.assemble import dedup

    articles = [article(n, story(n, 12), title=f"Hội nghị số {n}", date=dt.date(2021, 1, 1 + n % 28),
                        published=None) for n in range(1, 3001)]
    held: list[int] = []
    search = dedup.similar_pairs

    def measured(*args: object, **kwargs: object) -> object:
        held.append(tracemalloc.get_traced_memory()[0] - before)
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dedup, "similar_pairs", measured)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        find_duplicates(articles)
    finally:
        tracemalloc.stop()
    assert held and held[0] < 40 * len(articles)


def test_short_bodies_kept_in_runs_agree_with_brute_force(monkeypatch: pytest.MonkeyPatch) -> None:
    # The keys of short bodies go from a dict into sorted runs, merged as they pile up: with a
    # run every few bodies, pairs whose keys sit in several runs are still found, in order.
    from tgreport.assemble import dedup

    monkeypatch.setattr(dedup, "_RUN_KEYS", 7)
    rng = random.Random(11)
    texts = [story(6000 + i, rng.randint(10, 30)) for i in range(150)]
    for n in range(0, 150, 4):
        copy = texts[n].copy()
        copy[rng.randrange(len(copy))] = rng.choice(WORDS)
        texts.append(copy)
        texts.append(texts[n].copy())
    sets = [shingles(article(1, t)) for t in texts]
    for threshold in (0.95, 0.9, 0.8, 0.6):
        fast = [(i, j) for i, j, _ in similar_pairs(sets, threshold)]
        brute = [(i, j) for j in range(len(sets)) for i in range(j)
                 if len(sets[i]) >= 8 and len(sets[j]) >= 8 and jaccard(sets[i], sets[j]) >= threshold]
        assert fast == brute
        assert brute
