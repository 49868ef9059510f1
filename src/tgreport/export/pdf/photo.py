"""A photo in the PDF: the prepared bytes (read/picture.py) at their printed size, centred, kept
on one page with the caption that follows it."""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, Image

from tgreport.model import Picture


def photo_flow(picture: Picture, space_after: float) -> list[Flowable]:
    image = Image(io.BytesIO(picture.data), width=picture.width_pt, height=picture.height_pt)
    image.hAlign = "CENTER"
    image.spaceBefore = space_after / 2
    image.spaceAfter = space_after / 2
    # ReportLab moves a flowable marked so to the next page together with what follows it:
    # the photo never ends a page away from its caption.
    image.keepWithNext = True
    return [image]
