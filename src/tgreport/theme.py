"""Page and type settings that every exporter applies the same way."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Theme:
    """Sizes in points unless the name says millimetres."""

    name: str = "official"
    page_size: str = "A4"
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    font_family: str = "Liberation Serif"
    heading_font_family: str = "Liberation Serif"
    body_size: float = 13.0
    title_size: float = 16.0  # article titles
    cover_title_size: float = 22.0
    caption_size: float = 11.0
    line_spacing: float = 1.2  # multiple of the font size
    paragraph_space_pt: float = 6.0
    first_line_indent_mm: float = 12.7
    justify: bool = True
    header_text: str | None = None  # printed beside the page number, if any


THEMES: dict[str, Theme] = {
    # Decree 30/2020/NĐ-CP, Appendix I (see VIETNAMESE.md §3).
    "official": Theme(),
    # A clean reading layout: sans-serif, ragged right, no indent, even margins.
    "modern": Theme(
        name="modern",
        margin_top_mm=20.0,
        margin_bottom_mm=20.0,
        margin_left_mm=22.0,
        margin_right_mm=22.0,
        font_family="Liberation Sans",
        heading_font_family="Liberation Sans",
        body_size=11.0,
        title_size=17.0,
        cover_title_size=26.0,
        caption_size=9.5,
        line_spacing=1.35,
        paragraph_space_pt=8.0,
        first_line_indent_mm=0.0,
        justify=False,
    ),
}


# Paper every exporter knows (PDF, DOCX, CSS @page); "-landscape" may follow ("A4-landscape").
PAGE_SIZES = ("A4", "A5", "LETTER")


def theme(name: str = "official", **overrides: Any) -> Theme:
    """A shipped theme by name, with any field overridden (the config file's [theme] table).

    Raises KeyError for an unknown theme, field or font family, ValueError for a bad value.
    """
    try:
        base = THEMES[name]
    except KeyError:
        raise KeyError(f"unknown theme {name!r}; shipped themes: {', '.join(THEMES)}") from None
    known = {f.name for f in fields(Theme)} - {"name"}
    for key in overrides:
        if key not in known:
            raise KeyError(f"unknown theme setting {key!r}")
    result = replace(base, **overrides) if overrides else base
    check(result)
    return result


def check(value: Theme) -> None:
    """Refuse settings no exporter can honour, before any rendering starts."""
    # Imported here: fonts.py finds files on disk, which a Theme value never needs.
    from tgreport.support.fonts import family

    family(value.font_family)
    family(value.heading_font_family)
    paper, _, orientation = value.page_size.upper().partition("-")
    if paper not in PAGE_SIZES or orientation not in ("", "PORTRAIT", "LANDSCAPE"):
        raise ValueError(f"unknown page size {value.page_size!r}; known: {', '.join(PAGE_SIZES)}")
    for f in fields(Theme):
        number = getattr(value, f.name)
        if f.type == "float" and (
            isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0
        ):
            raise ValueError(f"theme setting {f.name} must be a number ≥ 0, not {number!r}")
    if value.body_size <= 0 or value.line_spacing <= 0:
        raise ValueError("theme body_size and line_spacing must be above 0")


# The paper of PAGE_SIZES in millimetres (portrait), for what is sized before any exporter runs.
PAPER_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "LETTER": (215.9, 279.4)}


def text_area_mm(value: Theme) -> tuple[float, float]:
    """The width and height of the text on a page, in millimetres: the paper less the margins.
    The photo stage sizes pictures to it (read/photos.py)."""
    paper, _, orientation = value.page_size.upper().partition("-")
    width, height = PAPER_MM.get(paper, PAPER_MM["A4"])
    if orientation == "LANDSCAPE":
        width, height = height, width
    return (width - value.margin_left_mm - value.margin_right_mm,
            height - value.margin_top_mm - value.margin_bottom_mm)
