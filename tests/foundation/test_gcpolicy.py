"""fewer_collections: the collector runs less often inside, the caller's settings come back after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import tgreport.assemble as assemble
from tgreport import api, gcpolicy


@pytest.fixture(autouse=True)
def default_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_thresholds_raised_inside_and_put_back_after() -> None:
    with gcpolicy.fewer_collections():
        assert gc.get_threshold() == gcpolicy.THRESHOLDS
        with gcpolicy.fewer_collections():  # nested: the same, and the outer level comes back
            assert gc.get_threshold() == gcpolicy.THRESHOLDS
        assert gc.get_threshold() == gcpolicy.THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_put_back_after_an_error_and_a_callers_rarer_collections_kept() -> None:
    gc.set_threshold(50_000, 5, 100)
    with pytest.raises(RuntimeError), gcpolicy.fewer_collections():
        assert gc.get_threshold() == (50_000, 20, 100)
        raise RuntimeError
    assert gc.get_threshold() == (50_000, 5, 100)


def test_reading_assembling_and_rendering_run_with_fewer_collections(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int, int]] = []
    real_read = api.pool.read_one

    def read_one(*args: object) -> object:
        seen.append(gc.get_threshold())
        return real_read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(api.pool, "read_one", read_one)
    articles = api.read_inputs([seeds_dir]).articles
    real_gather = assemble.gather

    def gather(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return real_gather(*args, **kwargs)

    monkeypatch.setattr(assemble, "gather", gather)
    report = assemble.build_report(articles)
    real_present = api.present.restyle_tones

    def restyle(*args: object) -> object:
        seen.append(gc.get_threshold())
        return real_present(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(api.present, "restyle_tones", restyle)
    assert api.render(report, "json").startswith(b"{")
    assert len(seen) == len(articles) + 2 and set(seen) == {gcpolicy.THRESHOLDS}
    assert gc.get_threshold() == (700, 10, 10)
