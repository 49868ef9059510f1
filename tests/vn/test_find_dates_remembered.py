"""find_dates remembers what it found in a text; callers still get a list of their own."""

from __future__ import annotations

import datetime as dt

from tgreport.vn import find_dates


def test_a_caller_changing_its_list_changes_nothing_for_the_next() -> None:
    text = "Sáng 6-1, tại Hà Nội; ngày 7/1/2021, 21:38 (GMT+7)"
    first = find_dates(text, 2021)
    assert [d.matched for d in first] == ["Sáng 6-1", "ngày 7/1/2021, 21:38 (GMT+7)"]
    first.clear()
    again = find_dates(text, 2021)
    assert [d.matched for d in again] == ["Sáng 6-1", "ngày 7/1/2021, 21:38 (GMT+7)"]
    assert again is not first


def test_the_context_and_validity_are_part_of_what_is_remembered() -> None:
    text = "Sáng 6-1 và ngày 31/2/2021"
    assert find_dates(text, 2021)[0].year == 2021
    assert find_dates(text, 2019)[0].year == 2019
    assert find_dates(text, dt.date(2030, 1, 3))[0].year == 2030
    assert len(find_dates(text, 2021)) == 2
    assert len(find_dates(text, 2021, include_invalid=False)) == 1
