"""present.outline: the report as numbered sections of numbered articles, made when asked for."""

from __future__ import annotations

import datetime as dt
import gc

from factories import make_article
from tgreport.model import Report, Section
from tgreport.present import NumberedArticle, outline


def grouped_report() -> Report:
    first = tuple(make_article(n) for n in (1, 2, 3))
    second = tuple(make_article(n) for n in (4, 5))
    sections = (Section("Một", first), Section("Hai", second))
    return Report(title="Bản tin", issued=dt.date(2021, 1, 31), articles=first + second, sections=sections)


def test_articles_are_numbered_on_across_sections_as_a_tuple_of_them_would_be() -> None:
    one, two = outline(grouped_report())
    expected = (NumberedArticle(1, make_article(1)), NumberedArticle(2, make_article(2)),
                NumberedArticle(3, make_article(3)))
    assert tuple(one.articles) == expected and one.articles == expected
    assert [na.number for na in two.articles] == [4, 5]
    assert two.articles[-1] == NumberedArticle(5, make_article(5)) == two.articles[1]
    assert one.articles[1:] == expected[1:] and one.articles[::-1] == expected[::-1]
    assert len(two.articles) == 2 and [na.anchor for na in two.articles] == ["a4", "a5"]
    assert outline(grouped_report()) == (one, two)


def test_the_outline_holds_no_numbered_article() -> None:
    # Each is made when read: a million short articles' outline would hold 80 MB of them.
    sections = outline(grouped_report())
    held = [x for s in sections for x in gc.get_referents(s.articles)]
    assert not any(isinstance(x, NumberedArticle) for x in held)
