"""Assembly's per-article facts worked out as the articles are read, and kept in the read cache:
the report is the one assembly makes working them out itself, and a re-run works nothing out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factories import SEEDS
from tgreport.assemble import FactsSpec, build_report
from tgreport.assemble import facts as facts_module
from tgreport.cli import main
from tgreport.model import Article
from tgreport.pipeline import read_inputs, render
from tgreport.read import pool


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The seeds and copies of two of them under other names: duplicates to merge, citations to index."""
    target = tmp_path / "in"
    shutil.copytree(SEEDS, target)
    for n, page in enumerate(sorted(target.glob("*.txt"))[:2]):
        shutil.copy(page, target / f"z{n}-copy-{page.name}")
    return target


def report_json(articles: list[Article], **settings: object) -> bytes:
    return render(build_report(articles, **settings), "json")  # type: ignore[arg-type]


def no_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, assembly may not work out any article's facts."""

    def refused(func: object, items: list[Article], **kwargs: object) -> list[object]:
        assert not items, f"facts of {len(items)} articles worked out again"
        return []

    monkeypatch.setattr(facts_module, "fork_map", refused)


@pytest.mark.parametrize("pooled", [False, True], ids=["read here", "read by workers"])
def test_facts_from_reading_give_the_same_report(
    pooled: bool, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = report_json(read_inputs([folder]).articles)
    if pooled:
        monkeypatch.setattr(pool, "POOL_MIN_FILES", 2)
        assert pool.workers_for(7) > 1
    made_here: list[str] = []
    real_of = FactsSpec.of

    def counted(self: FactsSpec, article: Article) -> facts_module.ArticleFacts:
        made_here.append(article.id)  # a worker's calls are counted in the worker's copy
        return real_of(self, article)

    monkeypatch.setattr(FactsSpec, "of", counted)
    result = read_inputs([folder], facts=FactsSpec.for_report())
    assert result.facts is not None and len(result.facts) == len(result.articles) == 7
    # Read here, every article's facts are made here; by workers, only the first file's.
    assert len(made_here) == (1 if pooled else 7)
    no_work_here(monkeypatch)
    report = build_report(result.articles, known_facts=result.facts)
    assert render(report, "json") == expected
    assert len(report.all_articles()) == 5 and report.index  # two copies merged; citations indexed


def test_a_rerun_takes_the_facts_from_the_read_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = FactsSpec.for_report()
    expected = report_json(read_inputs([folder]).articles)
    read_inputs([folder], cache=True, facts=spec)
    monkeypatch.setattr(pool, "read_one", lambda *a: pytest.fail("read again"))
    again = read_inputs([folder], cache=True, facts=spec)
    assert again.facts is not None and len(again.facts) == 7
    with monkeypatch.context() as inside:
        no_work_here(inside)
        assert report_json(again.articles, known_facts=again.facts) == expected
    # Facts kept for other settings are not these settings' facts: worked out afresh.
    other = FactsSpec.for_report(similarity=0.5)
    third = read_inputs([folder], cache=True, facts=other)
    assert third.facts is not None and len(third.facts) == 0
    assert report_json(third.articles, similarity=0.5, known_facts=third.facts) == report_json(
        third.articles, similarity=0.5
    )


def test_facts_that_fail_while_reading_are_worked_out_by_assembly(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = report_json(read_inputs([folder]).articles)
    real_of = FactsSpec.of

    def failing(self: FactsSpec, article: Article) -> facts_module.ArticleFacts:
        if article.id.startswith("z0"):
            raise RuntimeError("a bug in the facts")
        return real_of(self, article)

    with monkeypatch.context() as reading:
        reading.setattr(FactsSpec, "of", failing)
        result = read_inputs([folder], facts=FactsSpec.for_report())
    assert result.facts is not None and len(result.facts) == 6  # all but the failing file's
    assert report_json(result.articles, known_facts=result.facts) == expected


def test_make_report_runs_again_from_the_cache_with_the_same_bytes(folder: Path, tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        assert main([str(folder), "-o", str(tmp_path / name), "-q"]) == 0
    assert main([str(folder), "-o", str(tmp_path / "c.json"), "-q", "--no-cache"]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes() == (
        tmp_path / "c.json").read_bytes()


def test_the_readme_way_from_a_script(folder: Path) -> None:
    import tgreport

    result = tgreport.read_inputs([folder], cache=True, facts=tgreport.FactsSpec.for_report())
    report = tgreport.build_report(result.articles, known_facts=result.facts)
    assert render(report, "json") == report_json(read_inputs([folder]).articles)
