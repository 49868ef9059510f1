"""One photo's bytes made fit to print: checked, turned upright, sized, re-compressed, stripped.

Pictures come from pages and records tgreport did not write, so nothing about them is trusted:
the type is what Pillow finds in the bytes, never the file's suffix; only JPEG, PNG, GIF and WebP
are opened (an SVG is refused before any parser sees it: it may carry scripts); the pixel count
is checked from the header before anything is decoded (a decompression bomb is refused, never
decoded); a truncated or corrupt file fails its decoding and is refused. Each refusal is a
BadPicture saying why, for a warning naming the photo.

Sizing: a photo prints at most as wide as the text and `Box.height` high, and at no less than
MIN_DPI (a small picture prints smaller, at its natural size at MIN_DPI, rather than blurred
up to the text width). A picture with more pixels than MAX_DPI needs at that size is scaled
down to PRINT_DPI; one between keeps its pixels: resampling a 1,600-pixel news photo to 200 dpi
would save a third of its bytes but cost four times its decoding and encoding together
(benchmarks/README.md). So every photo prints between MIN_DPI and MAX_DPI.

The result is a JPEG (a drawing of few colours from a PNG or GIF stays a PNG), in sRGB, with no
EXIF, ICC profile or text chunk: where a photo was taken, or with what, is not the digest's to
pass on. A JPEG already fit to print keeps its compressed picture, only its metadata taken out
(jpegmeta.py); every other picture is decoded and compressed again. The same bytes in give the
same bytes out.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from tgreport.model import InMemory, Picture
from tgreport.read.jpegmeta import without_metadata

MAX_BYTES = 20 * 1024 * 1024  # a news photo is well under 2 MB; a 20 MB file is not one
MAX_PIXELS = 50_000_000  # 8,000 × 6,000 is a large camera's picture; beyond it, a bomb or a scan
MIN_SIDE = 32  # a picture narrower or lower than this is an icon or a tracking pixel
MIN_DPI = 150
MAX_DPI = 300  # the ceiling issue 20 sets
PRINT_DPI = 200  # what a picture with more pixels than MAX_DPI needs is scaled down to
JPEG_QUALITY = 85
PALETTE_COLOURS = 256  # a PNG or GIF of at most this many colours is a drawing: kept lossless
FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
# EXIF orientations that turn the picture a quarter: its width and height trade places.
_QUARTER_TURNS = frozenset({5, 6, 7, 8})
_EXIF_ORIENTATION = 0x0112


class BadPicture(ValueError):
    """Bytes that are not a photo tgreport prints; the message says why."""


@dataclass(frozen=True)
class Box:
    """The most room a photo may take on the page, in points."""

    width: float
    height: float


def prepare(data: bytes, box: Box) -> Picture:
    """The photo in `data` fit to print in `box`; BadPicture saying why it cannot be."""
    if len(data) > MAX_BYTES:
        raise BadPicture(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    if _is_svg(data):
        raise BadPicture("an SVG drawing; not printed (SVG can carry scripts)")
    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice it; here both are a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(data)
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise BadPicture(f"{width} × {height} pixels, more than a photo has (a decompression bomb?)")
        if min(width, height) < MIN_SIDE:
            raise BadPicture(f"only {width} × {height} pixels (an icon, not a photo)")
        orientation = _orientation(image)
        upright = (height, width) if orientation in _QUARTER_TURNS else (width, height)
        wide, high, dpi = _print_size(upright, box)
        kept = _as_it_is(data, image, orientation, (wide, high), dpi)
        if kept is not None:
            return kept
        try:
            if image.format == "JPEG":
                # libjpeg decodes at 1/2, 1/4 or 1/8 scale when that still gives enough pixels:
                # a 24-megapixel photo meant for 1,300 pixels costs a fraction of its full decoding.
                want = (high, wide) if orientation in _QUARTER_TURNS else (wide, high)
                image.draft(image.mode if image.mode in ("L", "RGB") else None, want)
            with _strict():
                image.load()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            raise BadPicture(f"cannot be decoded (truncated or corrupt?): {exc}") from None
    drawing = image.format in ("PNG", "GIF") and _few_colours(image)
    image = _upright(image, orientation)
    image = _in_srgb(image)
    image = _flattened(image)
    if image.size != (wide, high):
        # Bicubic: a third faster than Lanczos, and no difference a printed page shows.
        image = image.resize((wide, high), Image.Resampling.BICUBIC, reducing_gap=3.0)
    out = io.BytesIO()
    dots = (round(dpi), round(dpi))
    if drawing:
        image.save(out, "PNG", compress_level=6, dpi=dots)
        media_type = "image/png"
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY, subsampling="4:2:0", dpi=dots)
        media_type = "image/jpeg"
    return Picture(InMemory(out.getvalue()), media_type, wide, high, dpi)


_strict_lock = threading.Lock()
_strict_users = 0
_strict_before = False


@contextmanager
def _strict() -> Iterator[None]:
    """Decoding that fails on a truncated or broken picture. WeasyPrint, once imported, tells
    Pillow (a process-wide switch) to fill in what is missing instead; while photos are decoded
    here (in several threads at once) the switch is off, then put back as it was."""
    global _strict_users, _strict_before
    with _strict_lock:
        if _strict_users == 0:
            _strict_before = ImageFile.LOAD_TRUNCATED_IMAGES
            ImageFile.LOAD_TRUNCATED_IMAGES = False
        _strict_users += 1
    try:
        yield
    finally:
        with _strict_lock:
            _strict_users -= 1
            if _strict_users == 0:
                ImageFile.LOAD_TRUNCATED_IMAGES = _strict_before


def _as_it_is(data: bytes, image: Any, orientation: int, size: tuple[int, int], dpi: float) -> Picture | None:
    """A JPEG already fit to print (its pixels within MAX_DPI, upright, in RGB or grey with no
    colour profile to apply) is kept as its compressed data with the metadata taken out: a
    second JPEG compression would only lose detail, and cost four times more than this check.
    Its whole scan is still decoded (at an eighth of its size, which reads every byte of it),
    so a truncated or corrupt file is refused as surely as by a full decoding."""
    if (image.format != "JPEG" or image.size != size or orientation not in (0, 1)
            or image.mode not in ("RGB", "L") or image.info.get("icc_profile")):
        return None
    stripped = without_metadata(data, round(dpi))
    if stripped is None:
        return None
    try:
        image.draft(image.mode, (max(1, size[0] // 8), max(1, size[1] // 8)))
        with _strict():
            image.load()
    except (OSError, ValueError, SyntaxError) as exc:
        raise BadPicture(f"cannot be decoded (truncated or corrupt?): {exc}") from None
    return Picture(InMemory(stripped), "image/jpeg", size[0], size[1], dpi)


def _is_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in head


def _open(data: bytes) -> Any:
    """Pillow's image of `data`, opened (the header read) but not decoded, and checked whole."""
    try:
        # verify() checks a file without decoding it (a PNG's checksums); it leaves the image
        # unusable, so the picture is opened again to be used.
        Image.open(io.BytesIO(data), formats=FORMATS).verify()
        return Image.open(io.BytesIO(data), formats=FORMATS)
    except UnidentifiedImageError:
        raise BadPicture("not a JPEG, PNG, GIF or WebP picture, whatever its name says") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise BadPicture("more pixels than a photo has (a decompression bomb?)") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise BadPicture(f"corrupt picture: {exc}") from None


def _orientation(image: Any) -> int:
    try:
        value = image.getexif().get(_EXIF_ORIENTATION, 1)
    except (OSError, ValueError, SyntaxError):
        return 1  # unreadable EXIF: the picture as stored
    return value if isinstance(value, int) else 1


def _print_size(size: tuple[int, int], box: Box) -> tuple[int, int, float]:
    """(width, height) in pixels to keep, and the dpi it prints at, for an upright `size`."""
    width, height = size
    # The printed size at MIN_DPI, shrunk to fit the box when it does not.
    natural_w, natural_h = width / MIN_DPI * 72, height / MIN_DPI * 72
    scale = min(1.0, box.width / natural_w, box.height / natural_h)
    printed_w = natural_w * scale
    if width / (printed_w / 72) <= MAX_DPI:
        return width, height, width / (printed_w / 72)
    wide = max(1, round(printed_w / 72 * PRINT_DPI))
    high = max(1, round(height * wide / width))
    return wide, high, wide / (printed_w / 72)


def _few_colours(image: Any) -> bool:
    try:
        return image.getcolors(PALETTE_COLOURS) is not None
    except (OSError, ValueError):
        return False


def _upright(image: Any, orientation: int) -> Any:
    if orientation in (1, 0) or orientation > 8:
        return image
    return ImageOps.exif_transpose(image)


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _in_srgb(image: Any) -> Any:
    """The picture's colours in sRGB, which every format assumes when a picture names no profile
    (the profile itself is not kept): a CMYK print file, or an Adobe RGB photo, converted."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the plain conversion below
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image


def _flattened(image: Any) -> Any:
    """The picture in RGB or grey, any transparency laid on white paper."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")
