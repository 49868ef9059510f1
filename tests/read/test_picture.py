"""One photo made fit to print (read/picture.py): every refusal said, every result read back
with Pillow, never with the code under test."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from pictures import CAMERA, SVG_WITH_SCRIPT, bomb_png, encoded, photo, picture
from tgreport.read.picture import MAX_DPI, MIN_DPI, BadPicture, Box, prepare

# The official theme's text: 165 mm wide; a photo at most 60 % of 257 mm high.
BOX = Box(165 / 25.4 * 72, 257 * 0.6 / 25.4 * 72)


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def printed_dpi(width_px: int, width_pt: float) -> float:
    return width_px / (width_pt / 72)


@pytest.mark.parametrize(("size", "expected_px"), [
    ((1200, 800), (1200, 800)),  # 185 dpi at the text width: kept as it is
    ((1600, 1000), (1600, 1000)),  # 246 dpi at the text width: kept as it is
    ((2400, 1600), (1299, 866)),  # 369 dpi at the text width: scaled down to 200 dpi
    ((4000, 3000), (1299, 974)),  # far more than 300 dpi: scaled down to 200 dpi at the text width
    ((300, 200), (300, 200)),  # too small for the text width: printed at its natural size at 150 dpi
    ((800, 6000), (162, 1215)),  # a tall infographic: as high as the box allows, at 200 dpi
])
def test_sizes_stay_between_150_and_300_dpi(size: tuple[int, int], expected_px: tuple[int, int]) -> None:
    result = prepare(photo(*size), BOX)
    image = opened(result.data)
    assert image.format == "JPEG" and result.media_type == "image/jpeg"
    assert image.size == (result.width, result.height) == expected_px
    assert result.width_pt <= BOX.width + 0.01 and result.height_pt <= BOX.height + 0.01
    assert MIN_DPI - 0.01 <= printed_dpi(image.width, result.width_pt) <= MAX_DPI
    assert MIN_DPI - 0.5 <= printed_dpi(image.height, result.height_pt) <= MAX_DPI + 0.5


def test_metadata_is_stripped_and_the_photo_turned_upright() -> None:
    # Orientation 6: the camera was turned; the stored 1200 × 800 picture is shown 800 × 1200.
    source = photo(1200, 800, exif=True, orientation=6, icc=True)
    assert CAMERA.encode() in source and b"ICC_PROFILE" in source
    result = prepare(source, BOX)
    image = opened(result.data)
    assert image.size == (800, 1200)
    assert not image.getexif() and "icc_profile" not in image.info and "exif" not in image.info
    assert CAMERA.encode() not in result.data and b"Exif" not in result.data


def test_same_bytes_twice() -> None:
    source = photo(2500, 1700)
    assert prepare(source, BOX).data == prepare(source, BOX).data


def test_cmyk_palette_and_alpha_come_out_printable() -> None:
    cmyk = prepare(encoded(picture(900, 600).convert("CMYK"), "JPEG"), BOX)
    assert opened(cmyk.data).mode == "RGB"
    # A drawing of few colours stays lossless; its transparent part is laid on white paper.
    drawing = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    drawing.paste((200, 0, 0, 255), (100, 100, 300, 300))
    flat = prepare(encoded(drawing, "PNG"), BOX)
    assert flat.media_type == "image/png"
    image = opened(flat.data).convert("RGB")
    assert image.getpixel((10, 10)) == (255, 255, 255) and image.getpixel((200, 200)) == (200, 0, 0)
    gif = encoded(drawing.convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE), "GIF")
    palette = prepare(gif, BOX)
    assert palette.media_type == "image/png" and opened(palette.data).mode == "RGB"
    # A photo saved as PNG (thousands of colours) is printed as a JPEG.
    assert prepare(encoded(picture(900, 600), "PNG"), BOX).media_type == "image/jpeg"
    grey = prepare(encoded(picture(900, 600, "L"), "JPEG"), BOX)
    assert opened(grey.data).mode == "L"


@pytest.mark.parametrize(("data", "why"), [
    (SVG_WITH_SCRIPT, "SVG"),
    (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "not a JPEG, PNG, GIF or WebP"),
    (b"", "not a JPEG, PNG, GIF or WebP"),
    (photo(1000, 800)[:6000], "truncated"),
    (bomb_png(), "decompression bomb"),
    (bomb_png(10_000, 10_000), "decompression bomb"),  # above Pillow's warning, below its error
    (bomb_png(9_000, 6_000), "decompression bomb"),  # above tgreport's own limit, below Pillow's
    (encoded(picture(20, 400), "PNG"), "icon"),
    (encoded(picture(400, 300), "TIFF"), "not a JPEG, PNG, GIF or WebP"),  # a type not taken
])
def test_bad_pictures_are_refused_with_the_reason(data: bytes, why: str) -> None:
    with pytest.raises(BadPicture, match=why):
        prepare(data, BOX)


def test_wrong_suffix_does_not_matter_only_the_bytes() -> None:
    # A PNG photo saved as "anh.jpg" is read as the PNG it is (prepare never sees a name at all).
    assert prepare(encoded(picture(900, 600), "PNG"), BOX).width == 900


def test_corrupt_png_checksum_is_refused() -> None:
    data = bytearray(encoded(picture(600, 400), "PNG"))
    at = data.index(b"IDAT") + 40
    data[at] ^= 0xFF
    with pytest.raises(BadPicture):
        prepare(bytes(data), BOX)


def test_too_many_bytes_refused() -> None:
    with pytest.raises(BadPicture, match="larger than"):
        prepare(b"\xff\xd8" + bytes(21 * 1024 * 1024), BOX)


def test_truncated_refused_even_after_weasyprint_loosened_pillow() -> None:
    import weasyprint  # noqa: F401  (sets ImageFile.LOAD_TRUNCATED_IMAGES on import)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES  # the world this test is about
    with pytest.raises(BadPicture, match="truncated"):
        prepare(photo(1000, 800)[:6000], BOX)
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # put back as it was


def test_a_jpeg_fit_to_print_keeps_its_picture_and_loses_its_metadata() -> None:
    # 1,200 pixels across the text is 185 dpi: nothing to scale, nothing to turn, so no second
    # compression: the same pixels, decoded by Pillow, with the camera and its profile gone.
    source = photo(1200, 800, exif=True)
    assert CAMERA.encode() in source
    result = prepare(source, BOX)
    assert CAMERA.encode() not in result.data and b"Exif" not in result.data
    assert len(result.data) < len(source)
    kept, original = opened(result.data), opened(source)
    assert not kept.getexif() and kept.size == original.size
    assert kept.info["dpi"] == (round(result.dpi), round(result.dpi))  # a plain JFIF header in its place
    assert kept.tobytes() == original.tobytes()



def test_a_truncated_jpeg_fit_to_print_is_refused() -> None:
    # The quick path (no second compression) still reads the whole scan: a cut file is refused.
    whole = photo(1200, 800)
    assert opened(prepare(whole, BOX).data).tobytes() == opened(whole).tobytes()  # the quick path
    with pytest.raises(BadPicture, match="truncated"):
        prepare(whole[: len(whole) * 2 // 3], BOX)
