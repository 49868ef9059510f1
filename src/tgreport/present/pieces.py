"""A paragraph too long to lay out at once, as consecutive pieces that read as one paragraph.

Both PDF engines lay a paragraph out line by line over what is left of it: ReportLab re-wraps
the rest each time it splits the paragraph at a page end, and WeasyPrint encodes the rest to
UTF-8 for each line it fits. One huge paragraph (a scraped 1 MB line, a pasted blob) so costs
time quadratic in its length. Each engine instead lays out pieces of about PIECE characters, cut
at spaces where there are any, set one after another with no indent or spacing between them.
"""

from __future__ import annotations

LONG_PARAGRAPH = 4000  # characters: shorter paragraphs are laid out whole
PIECE = 2000


def pieces(text: str, piece: int = PIECE, longest: int = LONG_PARAGRAPH) -> list[str]:
    """`text` cut into pieces of at most `piece` characters (at a space in the second half of
    each piece when there is one; the spaces at a cut are dropped), or `[text]` when it is not
    longer than `longest`."""
    if len(text) <= longest:
        return [text]
    # Cut by position, never by slicing off what is left: that copies the rest of the text
    # once per piece, quadratic in a 10 MB paragraph.
    out = []
    start, end = 0, len(text)
    while end - start > piece:
        cut = text.rfind(" ", start + piece // 2, start + piece)
        cut = cut if cut > start else start + piece
        out.append(text[start:cut])
        start = cut
        while start < end and text[start] == " ":
            start += 1
    out.append(text[start:])
    return out
