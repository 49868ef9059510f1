"""Work done on first use, so that a run pays for what it uses: a package's names imported
(PEP 562), not every module the package could lend one from; a pattern compiled."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, namespace: dict[str, Any],
               names: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """The module `__getattr__` of `package` (whose globals are `namespace`): each of `names`
    (name → (module, attribute)) imported when first asked for, then kept in `namespace`."""

    def __getattr__(name: str) -> Any:
        found = names.get(name)
        if found is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, attribute = found
        value = getattr(importlib.import_module(module), attribute)
        namespace[name] = value  # looked up once
        return value

    return __getattr__


def lazy_pattern(regex: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """`regex` compiled when first asked for (`_PATTERN().search(…)`), then kept: compiling one
    costs a fresh process a fraction of a millisecond, paid only by a run that uses it."""
    return functools.cache(lambda: re.compile(regex, flags))
