"""Text clean-up at the reader boundary: NFC, the right Đ, no characters that break XML."""

from __future__ import annotations

import contextlib
import logging
import re
import unicodedata

from tgreport.errors import DecodeError
from tgreport.support.lazy import lazy_pattern
from tgreport.vn.detect import MIN_SCORE, guess_encoding

log = logging.getLogger(__name__)

# Control characters crash XML writers (DOCX, EPUB); tab and newline are the only ones kept.
# Lone surrogates (from JSON "\ud800" escapes) cannot even be encoded as UTF-8.
_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
_ZERO_WIDTHS = r"\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_ALL_SPACES = r"\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Patterns a run may never use are compiled on first use (support.lazy): the text of UTF-8 files
# and JSON is mostly "fine" (vn.detect), and cleaned without them.
_CONTROL = lazy_pattern(f"[{_CONTROLS}]")
_ZERO_WIDTH = lazy_pattern(f"[{_ZERO_WIDTHS}]")
_SPACES = lazy_pattern(f"[{_ALL_SPACES}]")
# The odd characters that are surely fine characters too, but the no-break space (tests/vn checks
# every code point): with it, the only ones a Decoded.fine text can hold.
_FINE_DROPPED = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad]")
_ANY_ODD = re.compile(f"[{_CONTROLS}{_ZERO_WIDTHS}{_ALL_SPACES}]")


def clean_text(text: str, *, fine: bool = False, controls: bool = True) -> str:
    """NFC text with LF line ends, eth mapped to Đ/đ, no control, zero-width or direction-mark
    characters, and every kind of space (no-break, thin, ideographic) as a plain space.

    `fine` says every character of `text` is one vn.detect counts as surely fine (Decoded.fine):
    of the odd characters only no-break spaces, controls and soft hyphens can be there, and what
    is left is NFC already. `controls=False` says it holds no control or soft hyphen either."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fine:
        text = text.replace("\u00a0", " ")  # the one fine odd character that is kept, as a space
        if controls:
            text = _FINE_DROPPED().sub("", text)
    else:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
        # One scan, each odd character replaced as it is found: the three kinds are disjoint,
        # so this is what removing controls, then zero-width characters, then mapping spaces gives.
        text = _ANY_ODD.sub(_replace_odd, text)
    # Ð ð (Icelandic eth) look like Đ đ but are not Vietnamese letters.
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    # Fine characters, less some and with spaces, "\n", Đ and đ for some, stay fine: NFC.
    return text if fine else unicodedata.normalize("NFC", text)


# What no output may hold, whatever field it is in (ids and paths included): C0 controls but tab
# and newline, DEL and C1 controls, non-characters, and surrogates.
_UNPRINTABLE = lazy_pattern(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_ESCAPED_BYTE = lazy_pattern(r"[\udc80-\udcff]")


def printable(text: str) -> str:
    """`text` fit for every output format: bytes that a non-UTF-8 locale or file system handed
    over as surrogate escapes ("\\udcc3\\udca0") read as the UTF-8 they were ("à"), other
    surrogates become U+FFFD, controls (but tab and newline) go, and the result is NFC.

    Unlike clean_text it keeps every kind of space and zero-width character: it also runs on
    ids and paths, which must not change beyond what cannot be written at all."""
    if not _UNPRINTABLE().search(text):
        return text if text.isascii() or unicodedata.is_normalized("NFC", text) else \
            unicodedata.normalize("NFC", text)
    if _ESCAPED_BYTE().search(text):
        # A surrogate no escape made ("\\ud800") cannot be encoded back: replaced below.
        with contextlib.suppress(UnicodeEncodeError):
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", _UNPRINTABLE().sub("", text))


def _replace_odd(match: re.Match[str]) -> str:
    return " " if _SPACES().match(match.group()) else ""


def decode_bytes(data: bytes, source: str | None = None, notes: list[str] | None = None) -> tuple[str, str]:
    """Decode bytes to clean NFC text; returns (text, encoding name: "utf-8", "utf-16-le", …,
    "cp1258", "tcvn3", "vni" or "viscii").

    UTF-8 (BOM or not) and UTF-16/32 (BOM or byte pattern) come first; other bytes are tried in
    every legacy encoding and the one that reads most like Vietnamese wins. A legacy encoding or a
    repaired mojibake is a warning naming ``source``, logged, or added to `notes` when given;
    bytes that fit nothing raise DecodeError."""
    try:
        decoded = guess_encoding(data)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"broken {exc.encoding} text (byte {exc.start})", source) from exc
    where = source or "input"
    said: list[str] = []
    if decoded.is_legacy:
        if decoded.score < MIN_SCORE:
            raise DecodeError(
                "text is neither UTF-8 nor UTF-16/32, and reads as Vietnamese in no legacy encoding "
                f"(best: {decoded.encoding}, {decoded.score:.0%} valid syllables)",
                source,
            )
        said.append(f"{where}: decoded from the legacy encoding {decoded.encoding}; save it as UTF-8")
    if decoded.repaired:
        said.append(f"{where}: repaired mojibake ({decoded.repaired})")
    if decoded.cut is not None:
        start, size = decoded.cut
        line = data.count(b"\n", 0, start) + 1
        said.append(f"{where}:{line}: the file ends in a cut UTF-8 character ({size} byte(s) at byte "
                    f"{start}), left out; the text before it is kept")
    if notes is not None:
        notes += said
    else:
        for message in said:
            log.warning("%s", message)
    # UTF-8 as the file holds it (no mojibake mended): a control or soft hyphen is in the bytes
    # as a control byte or C2 AD, found at C speed instead of by a scan of the text.
    controls = not decoded.fine or decoded.repaired is not None or _has_dropped_bytes(data)
    return clean_text(decoded.text, fine=decoded.fine, controls=controls), decoded.encoding


_CONTROL_BYTES = bytes(range(0x00, 0x20)) + b"\x7f"
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES or b in b"\t\n\r")


def _has_dropped_bytes(data: bytes) -> bool:
    """Whether UTF-8 `data` may encode one of _FINE_DROPPED's characters."""
    return bool(data.translate(None, _NOT_CONTROL_BYTES)) or b"\xc2\xad" in data
