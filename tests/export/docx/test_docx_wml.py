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
