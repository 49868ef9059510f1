"""A JPEG's metadata taken out without touching its picture: the segments that describe the
camera, the place (EXIF, GPS), the software (XMP, Photoshop), thumbnails and comments go; what
decoding needs stays (quantisation and Huffman tables, the frame, restart interval, Adobe's
colour transform flag, the scan). Nothing is decoded or compressed again."""

from __future__ import annotations

# Segments a decoder needs: DQT, DHT, SOF0-2 (baseline, extended, progressive), DRI, APP14 (Adobe:
# how the colours are stored), DNL; everything else before the scan is metadata.
_KEPT = frozenset({0xDB, 0xC4, 0xC0, 0xC1, 0xC2, 0xDD, 0xEE, 0xDC})
_SOI, _SOS, _EOI = 0xD8, 0xDA, 0xD9
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM, RST0-7: no length follows


def without_metadata(data: bytes, dpi: int) -> bytes | None:
    """`data` with every metadata segment removed and a plain JFIF header saying `dpi` in its
    place (Word, through python-docx, knows a JPEG by it); None when the file is not laid out
    as a plain JPEG (the caller then decodes and encodes it instead)."""
    if data[:2] != b"\xff\xd8" or not 0 < dpi < 65536:
        return None
    density = dpi.to_bytes(2, "big")
    # APP0, 16 bytes: "JFIF", version 1.01, densities in dots per inch, no thumbnail.
    out = [b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01" + density + density + b"\x00\x00"]
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
            continue
        if marker in _STANDALONE or marker in (_SOI, _EOI):
            return None  # not where a plain JPEG has them
        length = int.from_bytes(data[at + 2:at + 4], "big")
        end = at + 2 + length
        if length < 2 or end > len(data):
            return None
        if marker == _SOS:
            out.append(data[at:])  # the scan and everything after it, as it is
            return b"".join(out)
        if marker in _KEPT:
            out.append(data[at:end])
        at = end
    return None
