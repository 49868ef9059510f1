"""Text clean-up at the reader boundary: NFC, the right Đ, no characters that break XML."""

from __future__ import annotations

import re
import unicodedata

from ..errors import DecodeError

# Control characters crash XML writers (DOCX, EPUB); tab and newline are the only ones kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def clean_text(text: str) -> str:
    """NFC text with LF line ends, eth mapped to Đ, no control or zero-width characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = text.replace("\u00d0", "\u0110")  # Ð (eth) looks like Đ but is not Vietnamese
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, source: str | None = None) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM) to clean text; returns (text, encoding name)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return clean_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8 text (byte {exc.start})", source) from exc
