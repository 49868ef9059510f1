"""The command's own words in the user's language: gettext catalogs under tgreport/locale/.

The language comes from the environment as GNU gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG): "vi_VN.UTF-8" gives Vietnamese, anything without a catalog English. Only the lines
make-report writes itself are translated (its --help, summary, errors, the level of a warning); the
library's log messages stay English, as a library's are, for scripts and logs to match on.

The catalog is src/tgreport/locale/vi/LC_MESSAGES/tgreport.po, compiled to the .mo beside it:
    pybabel extract -k _ -k ngettext:1,2 -o src/tgreport/locale/tgreport.pot src/tgreport/cli
    pybabel update -i src/tgreport/locale/tgreport.pot -d src/tgreport/locale -D tgreport
    pybabel compile -d src/tgreport/locale -D tgreport
(tests/cli/test_messages.py checks that the .mo says what the .po says).
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "tgreport"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@cache
def translation() -> gettext.NullTranslations:
    """The catalog for the environment's language, or English (the messages as written)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    return translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` for `n` in the user's language (Vietnamese has one)."""
    return translation().ngettext(singular, plural, n)


def level_name(levelname: str) -> str:
    """ "WARNING" and the other logging levels, as the prefix of a warning line."""
    names = {"DEBUG": _("DEBUG"), "INFO": _("INFO"), "WARNING": _("WARNING"), "ERROR": _("ERROR"),
             "CRITICAL": _("CRITICAL")}
    return names.get(levelname, levelname)
