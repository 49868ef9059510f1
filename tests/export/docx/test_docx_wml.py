"""WordprocessingML text: what `clean` keeps of any text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.export.docx.wml import clean, esc

_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_CHARACTERS = "aĐ e\u0301\t\n\r\x00\x0b\x1f\x7f\u00a0\u2028\ud800\ufffe\uffff\ue000&<\""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_CHARACTERS)))
def test_clean_drops_what_xml_forbids_and_composes(text: str) -> None:
    # The reference: the pattern applied to every text, printable or not, then NFC.
    assert clean(text) == unicodedata.normalize("NFC", _FORBIDDEN.sub("", text))
    assert "&" not in esc(text).replace("&amp;", "").replace("&lt;", "").replace("&quot;", "")


def _xml_char(cp: int) -> bool:
    """XML 1.0's Char production."""
    return (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD
            or 0x10000 <= cp <= 0x10FFFF)


def test_clean_keeps_exactly_the_characters_xml_allows() -> None:
    every = "".join(map(chr, range(0x110000)))
    allowed = "".join(chr(cp) for cp in range(0x110000) if _xml_char(cp))
    assert clean(every) == unicodedata.normalize("NFC", allowed)
