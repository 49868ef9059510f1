"""Decoding: UTF-8/16/32, the legacy encodings (checked against glibc iconv), detection, mojibake."""

from __future__ import annotations

import codecs
import logging
import random
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tgreport.errors import DecodeError
from tgreport.vn import clean_text, decode_bytes
from tgreport.vn.detect import guess_encoding, repair_mojibake, vietnamese_score
from tgreport.vn.encodings import LEGACY_ENCODINGS, decode_legacy, encode_legacy

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
VOWELS = "aăâeêioôơuưy"
LOWER = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + list("bcdđghklmnpqrstvx")
LETTERS = LOWER + [c.upper() for c in LOWER]  # 89 × 2 = 178 letters: every letter, both cases, all tones
# glibc's iconv names for the encodings it knows: an independent implementation to check against.
ICONV = {"tcvn3": "TCVN5712-1", "viscii": "VISCII", "cp1258": "CP1258"}

SENTENCES = [
    "Đảng ủy Khối Các cơ quan Trung ương triển khai nhiệm vụ công tác tuyên giáo năm 2021.",
    "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc.",
    "Tỉnh uỷ Lạng Sơn quán triệt Nghị quyết Đại hội XIII của Đảng; thuỷ lợi, khoẻ mạnh.",
    "Những ngọn gió lướt qua cánh đồng lúa chín vàng ươm, người nông dân hớn hở.",
    "Quý khách vui lòng giữ trật tự; thuyền buồm khuya vắng, giếng nước trong veo.",
    "Ngoằn ngoèo khúc khuỷu, ỉu xìu, ụt ịt, ỡm ờ, ẩm ướt, ổn định, ấm áp.",
    "“Đề cao trách nhiệm nêu gương của tổ chức đảng và đảng viên” – chủ đề năm 2021…",
]


def iconv(data: bytes, source: str, target: str) -> bytes:
    return subprocess.run(["iconv", "-f", source, "-t", target], input=data, capture_output=True,
                          check=True).stdout  # fmt: skip


def test_alphabet_size() -> None:
    assert len(set(LETTERS)) == 178
    assert sum(1 for c in LETTERS if c.lower() in VOWELS or unicodedata.normalize("NFD", c)[0].lower()
               in VOWELS) == 144  # fmt: skip


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_every_letter_round_trips(encoding: str) -> None:
    for letter in LETTERS:
        # In TCVN3 seven capitals share bytes with Windows quotes and dashes, and read as capitals
        # inside an upper-case word: so test capitals inside one.
        text = f"Đ{letter}N" if letter.isupper() else letter
        assert decode_legacy(encode_legacy(text, encoding), encoding) == text, (encoding, letter)


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentences_round_trip_in_every_case(encoding: str, sentence: str) -> None:
    for text in (sentence, sentence.upper(), sentence.lower()):
        if encoding == "viscii":
            text = text.translate(str.maketrans("“”–—…", "\"\"--."))  # VISCII has no typographic marks
        assert decode_legacy(encode_legacy(text, encoding), encoding) == text


@pytest.mark.parametrize("encoding", sorted(ICONV))
def test_tables_agree_with_glibc_iconv(encoding: str) -> None:
    text = "".join(f" Đ{c}N" if c.isupper() else f" {c}" for c in LETTERS) + " " + SENTENCES[0]
    ours = encode_legacy(text, encoding)
    assert unicodedata.normalize("NFC", iconv(ours, ICONV[encoding], "UTF-8").decode()) == text
    theirs = iconv(text.encode(), "UTF-8", ICONV[encoding])
    assert decode_legacy(theirs, encoding) == text


def test_known_legacy_spellings() -> None:
    # VIETNAMESE.md and the issue: TCVN3 bytes as they look in a Latin-1 viewer.
    assert decode_legacy("§¶ng ñy khèi".encode("latin-1"), "tcvn3") == "Đảng ủy khối"
    assert decode_legacy("Uû ban nh©n d©n".encode("latin-1"), "tcvn3") == "Uỷ ban nhân dân"
    # VNI, as typed with VNI-Times: base letter plus mark byte.
    vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñaûng uûy. Thöù Naêm, ngöôøi Nguyeãn Thò Höông"
    assert decode_legacy(vni.encode("cp1252"), "vni") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam. Đảng ủy. Thứ Năm, người Nguyễn Thị Hương"
    )
    assert encode_legacy("Việt Nam", "vni") == "Vieät Nam".encode("cp1252")


def test_tcvn3_keeps_word_quotes() -> None:
    text = "“Đảng” và ‘dân’ – ĐẢNG ỦY, “HỎI ĐÁP”, ỌP ẸP… ‘HỘP’ “Ó”"
    assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


def test_unencodable_character_is_named() -> None:
    with pytest.raises(UnicodeEncodeError) as err:
        encode_legacy("Việt Nam 中", "viscii")
    assert err.value.object[err.value.start] == "中"


def seed_text(name: str = "000") -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return clean_text(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_decode_bytes_detects_legacy_and_warns(encoding: str, caplog: pytest.LogCaptureFixture) -> None:
    text = seed_text("000")
    if encoding == "viscii":
        text = text.translate(str.maketrans("“”–…", "\"\"-."))
    data = encode_legacy(text, encoding)
    with caplog.at_level(logging.WARNING):
        got, used = decode_bytes(data, "old/bao-cao.txt")
    assert (got, used) == (text, encoding)
    assert any("old/bao-cao.txt" in r.getMessage() and encoding in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                   "utf-32-le", "utf-32-be"])  # fmt: skip
def test_unicode_forms(codec: str, caplog: pytest.LogCaptureFixture) -> None:
    text = seed_text("003")
    with caplog.at_level(logging.WARNING):
        got, used = decode_bytes(text.encode(codec), "a.txt")
    assert got == text
    assert used.startswith(codec.removesuffix("-sig"))
    assert not caplog.records
    if codec == "utf-8":
        assert used == "utf-8"


def test_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Đảng".encode(), "a.txt") == ("Đảng", "utf-8")


def test_nothing_fits_raises_with_file_name() -> None:
    russian = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 3
    with pytest.raises(DecodeError) as err:
        decode_bytes(russian.encode("cp1251"), "tin/nga.txt")
    assert "tin/nga.txt" in str(err.value)


@pytest.mark.parametrize(
    ("garbled", "fixed"),
    [
        ("Ä\u0090áº£ng á»§y khá»‘i", "Đảng ủy khối"),
        ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
        ("§¶ng ñy khèi c¸c c¬ quan", "Đảng ủy khối các cơ quan"),
        ("Vieät Nam vaø Ñaûng", "Việt Nam và Đảng"),
        ("nh©n d©n", "nhân dân"),  # TCVN3's "â" is cp1252's "©": inside a word it is no sign
    ],
)
def test_repair_mojibake(garbled: str, fixed: str) -> None:
    assert repair_mojibake(garbled)[0] == fixed
    assert repair_mojibake(garbled)[1] is not None


@pytest.mark.parametrize("text", ["Đảng ủy khối", "café crème brûlée", "plain ASCII", "Tỉnh uỷ Lạng Sơn",
                                  "© Copyright by SOHA", "Bản quyền ©2023 Báo Nhân Dân",
                                  "Vinamilk® và TH true MILK™"])
def test_repair_leaves_good_text_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, None)


def test_utf8_read_as_cp1252_in_a_file_is_repaired(caplog: pytest.LogCaptureFixture) -> None:
    text = seed_text("004")
    garbled = text.encode("utf-8").decode("cp1252", errors="replace")
    if "\ufffd" in garbled:  # bytes cp1252 leaves undefined: a Latin-1 reader keeps them instead
        garbled = text.encode("utf-8").decode("latin-1")
    with caplog.at_level(logging.WARNING):
        got, used = decode_bytes(garbled.encode("utf-8"), "x.txt")
    assert got == text and used == "utf-8"
    assert any("mojibake" in r.getMessage() for r in caplog.records)


def test_score_orders_good_above_garbled() -> None:
    good = seed_text("001")
    assert vietnamese_score(good) > 0.9
    assert vietnamese_score(decode_legacy(encode_legacy(good, "tcvn3"), "cp1258")) < 0.3


@pytest.mark.parametrize(("size", "limit"), [(8, 0.01), (3, 0.03)])
def test_wrong_guess_rate_on_short_texts(size: int, limit: float) -> None:
    """Detection on short snippets of the seeds in each legacy encoding: under 1 % wrong text at
    8 words, under 3 % at 3 words.

    (Measured on 2 000 snippets per length: 0 % wrong at 8 words and more; 1.4 % at 3 words, where
    TCVN3 and VISCII can both spell valid syllables.)"""
    words = " ".join(seed_text(n) for n in ("000", "001", "003", "004")).split()
    rng = random.Random(3)
    total = wrong = 0
    for encoding in LEGACY_ENCODINGS:
        for _ in range(150):
            start = rng.randrange(len(words) - size)
            text = " ".join(words[start : start + size])
            try:
                data = encode_legacy(text, encoding)
            except UnicodeEncodeError:
                continue  # VISCII cannot hold “ ”
            if data.isascii():
                continue
            total += 1
            wrong += guess_encoding(data).text != text
    assert total > 400
    assert wrong / total < limit


def test_controls_and_invisible_characters_do_not_change_the_guess() -> None:
    text = "Đả\u200bng ủy\u00ad Khối\x07 họp\x00 bàn\u200d việc\ufeff năm\x1b 2021."
    got, used = decode_bytes(text.encode("utf-8"), "ctl.txt")
    assert used == "utf-8"
    assert got == "Đảng ủy Khối họp bàn việc năm 2021."


def test_ascii_and_empty_are_utf8(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert decode_bytes(b"Plain ASCII, 2021.", "a.txt") == ("Plain ASCII, 2021.", "utf-8")
        assert decode_bytes(b"", "empty.txt") == ("", "utf-8")
    assert not caplog.records
