"""support.plugins: the one way both registries find third parties."""

from __future__ import annotations

from tgreport.export import registry as exporters
from tgreport.read import registry as readers
from tgreport.support import plugins


def test_both_registries_find_third_parties_the_same_way() -> None:
    assert exporters.entry_points is plugins.entry_points
    assert readers.entry_points is plugins.entry_points


def test_a_group_no_package_provides_has_no_entry_points() -> None:
    assert list(plugins.entry_points("tgreport.no-such-group")) == []
