"""Benchmark corpus: N scraped-page .txt articles made from the five seeds, plus a clean manifest.

Each article keeps its seed's page layout (category line, date line in the site's own format,
image lines, byline, comment-form chrome), so tgreport's reader does its real work on it. What
varies: a unique headline (organisation x topic x seed), the date (spread over 2021, written the
way that seed's site writes dates), category, byline, publisher, view count, and the body: after
the seed's lead, paragraphs recombined from the clauses of all five seeds and naming the
article's own organisation, people and counts, so bodies differ as different stories do and
tgreport's duplicate merging keeps every article.

The manifest `articles.jsonl` holds the same content already clean (title, date, category,
author, publisher, paragraphs) for the baselines, which have no scraped-page reader of their
own; the baselines therefore skip the reading tgreport does, which favours them.

    python benchmarks/corpus.py 1000 benchmarks/out/corpus-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tgreport.present import derive_title

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PAGES = "pages"  # the folder make-report reads
MANIFEST = "articles.jsonl"  # outside PAGES, so the reader never sees it

CITIES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"]
PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
    "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]
CENTRAL = [
    "Đảng ủy Khối Các cơ quan Trung ương", "Đảng ủy Khối Doanh nghiệp Trung ương",
    "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương", "Đảng ủy Công an Trung ương",
]
TOPICS = [
    "công tác tuyên giáo", "công tác dân vận", "công tác kiểm tra, giám sát",
    "công tác tổ chức xây dựng Đảng", "công tác khoa giáo", "công tác lý luận chính trị",
    "công tác thông tin đối ngoại", "công tác báo chí, xuất bản", "công tác bảo vệ chính trị nội bộ",
    "công tác văn phòng cấp ủy",
]
CATEGORIES = [
    "Thời sự - Chính trị", "Xây dựng Đảng", "Tuyên giáo", "Kinh tế - Xã hội", "Văn hóa - Xã hội",
    "Quốc phòng - An ninh", "Nghiên cứu - Trao đổi",
]
DISTRICTS = ["Vị Thủy", "Long Mỹ", "Phụng Hiệp", "Châu Thành", "Châu Thành A", "Vị Thanh", "Ngã Bảy"]
AUTHORS = [
    "Thảo Nguyên", "Năng Nguyễn", "Minh Châu", "Mai Chi", "Phương Hoa", "Hồng Nhung",
    "Trần Quang Vinh", "Lê Thị Thu Hà", "Nguyễn Hương", "Đỗ Văn Hùng", "Hoàng Anh", "Vũ Đức Thắng",
]
PUBLISHERS = [
    "(TTXVN/Vietnam+)", "(Theo TTXVN)", "(Theo Báo Nhân Dân)", "(Theo Tạp chí Cộng sản)",
    "(Báo Điện tử Đảng Cộng sản Việt Nam)",
]
IMAGE = re.compile(r"^\S+\.(jpe?g|png|gif)$", re.I)
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


def organisations() -> list[str]:
    orgs = list(CENTRAL)
    for city in CITIES:
        orgs += [f"Thành ủy {city}", f"Ban Tuyên giáo Thành ủy {city}"]
    for province in PROVINCES:
        orgs += [f"Tỉnh ủy {province}", f"Ban Tuyên giáo Tỉnh ủy {province}",
                 f"Ban Dân vận Tỉnh ủy {province}", f"Ủy ban Kiểm tra Tỉnh ủy {province}"]
    return orgs


@dataclass
class Draft:
    """One article being made: its variable facts, then its text."""

    n: int
    seed: int
    org: str
    topic: str
    date: dt.date
    rng: random.Random
    category: str = ""
    author: str = ""
    publisher: str = ""
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Seed:
    """A seed page cut into header, body (blank-line separated chunks) and footer (0-based lines)."""

    file: str
    body: tuple[int, int]
    title: str | None  # the headline line as the page has it; None when the page has none
    fill: Callable[[Draft, str], str]  # rewrites the whole page text with the draft's facts
    keep: int = 1  # leading body chunks that stay in place (the lead, and the date if later)


def _sub(pattern: str, repl: str, text: str) -> str:
    new, count = re.subn(pattern, lambda _m: repl, text, count=1)
    if count != 1:  # a seed changed under us: fail loudly rather than make a silent corpus
        raise ValueError(f"pattern {pattern!r} not found")
    return new


def _fill_000(d: Draft, text: str) -> str:
    event = d.date - dt.timedelta(days=1)
    hour, minute = d.rng.randrange(6, 23), d.rng.randrange(60)
    text = _sub(r"^Thời sự - Chính trị", d.category, text)
    text = _sub(r"21:38' 7/1/2021", f"{hour}:{minute:02d}' {d.date.day}/{d.date.month}/2021", text)
    text = _sub(r"Sáng 6-1,", f"Sáng {event.day}-{event.month},", text)
    return _sub(r"\nThảo Nguyên\n", f"\n{d.author}\n", text)


def _fill_001(d: Draft, text: str) -> str:
    views = d.rng.randrange(40, 9000)
    text = _sub(r"^Tin Tức huyện Vị Thủy", d.category, text)
    text = _sub(r"\(22/01/2021\) \] - \[ Số lần xem: 679",
                f"({d.date.day:02d}/{d.date.month:02d}/2021) ] - [ Số lần xem: {views}", text)
    return _sub(r"Năng NguyễnCác ý kiến", f"{d.author}Các ý kiến", text)


def _fill_002(d: Draft, text: str) -> str:
    text = _sub(r"Ảnh: Minh Châu", f"Ảnh: {d.author}", text)
    text = _sub(r"Năm 2016, đội ngũ cán bộ ngành Tuyên giáo của Đảng bộ Khối đã",
                f"Năm 2016, {d.org} cùng đội ngũ cán bộ làm {d.topic} đã", text)
    return _sub(r"\nMinh Châu$", f"\n{d.author}", text)


def _fill_003(d: Draft, text: str) -> str:
    scraped = dt.date(2022, 5, 1) + dt.timedelta(days=d.rng.randrange(60))
    # The site writes a no-break space after the comma; keep the page's own spacing.
    header = f"{WEEKDAYS[scraped.weekday()]},\u00a0 {scraped.day:02d}/{scraped.month:02d}/{scraped.year}"
    text = _sub(r"^Chủ nhật,\u00a0 29/05/2022", header, text)
    text = _sub(r"Sáng 16/7,", f"Sáng {d.date.day}/{d.date.month},", text)
    return _sub(r"\nMAI CHI$", f"\n{d.author.upper()}", text)


def _fill_004(d: Draft, text: str) -> str:
    text = _sub(r"Ngày 19/1,", f"Ngày {d.date.day}/{d.date.month},", text)
    return _sub(r"\(TTXVN/Vietnam\+\)\n", d.publisher + "\n", text)


SEEDS_LAYOUT = (
    Seed("000_37703d20c0032571.txt", (4, 22),
         "Đảng ủy Khối Các cơ quan Trung ương triển khai nhiệm vụ công tác tuyên giáo năm 2021", _fill_000),
    Seed("001_5d31fa578c8d1244.txt", (5, 20),
         "Tập trung triển khai, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
         _fill_001),
    Seed("002_89ec7c575662372c.txt", (4, 15), None, _fill_002),
    Seed("003_fffa89e5df594c8e.txt", (4, 20),
         "Ban Tuyên giáo Trung ương: Sơ kết công tác tuyên giáo 6 tháng đầu năm", _fill_003),
    Seed("004_19db6e8aa3f47cbf.txt", (2, 41),
         "Tăng cường quản lý đảng viên trong Đảng bộ Khối các cơ quan Trung ương", _fill_004, keep=2),
)

TITLES: dict[int, Callable[[str, str], str]] = {
    0: lambda org, topic: f"{org} triển khai nhiệm vụ {topic} năm 2021",
    # At most ~90 characters: the reader (9d7351b) takes a longer line under "Tin Tức huyện …"
    # for body text and the section line for the headline.
    1: lambda org, topic: f"{org}: tập trung đẩy mạnh {topic}",
    3: lambda org, topic: f"{org}: Sơ kết {topic} 6 tháng đầu năm",
    4: lambda org, topic: f"Tăng cường {topic} trong {org}",
}


def _chunks(lines: list[str]) -> list[list[str]]:
    """Blank-line separated groups (an image line stays with its caption)."""
    groups: list[list[str]] = []
    for blank, group in itertools.groupby(lines, key=lambda line: not line.strip()):
        if not blank:
            groups.append(list(group))
    return groups


def _lines(seed: Seed) -> list[str]:
    return (SEEDS / seed.file).read_text(encoding="utf-8").split("\n")


@dataclass(frozen=True)
class Pool:
    """What article bodies are made of, taken from every seed's body after its kept chunks."""

    units: list[list[str]]  # image + caption pairs, captions, short lines: laid out as they are
    clauses: list[str]  # the clauses of the long paragraphs, recombined into sentences per article


LONG_LINE = 160  # characters; longer lines are running text, cut into sentences
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")
_SEED_ORG = re.compile(r"Đảng (?:ủy|bộ) Khối(?: [Cc]ác cơ quan Trung ương)?")
_SEED_PEOPLE = re.compile(
    "Nguyễn Minh Chung|Lại Xuân Lâm|Lý Hùng Em|Nguyễn Trọng Nghĩa|Huỳnh Tấn Việt|Lê Quốc Minh"
)
_COUNT = re.compile(r"(?<![\d/.,-])\b[1-9]\d{1,2}\b(?![\d/.,-])")  # "43 cá nhân", not dates or codes
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Đức", "Ngọc", "Thu"]
GIVEN = ["Hùng", "Lan", "Dũng", "Hương", "Thắng", "Hà", "Sơn", "Tuấn", "Nga", "Việt", "Phong",
         "Thảo", "Cường", "Hạnh", "Long", "Yến", "Khoa", "Trang", "Bình", "Quyết"]


def _sentences(line: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(line):
        if out and not (piece[:1].isupper() or piece[:1] in "“\"–-"):
            out[-1] += " " + piece  # "TP. Hồ Chí Minh", "v.v. và": not a new sentence
        else:
            out.append(piece)
    return out


def _pool() -> Pool:
    units: dict[str, list[str]] = {}
    clauses: dict[str, None] = {}
    for seed in SEEDS_LAYOUT:
        start, end = seed.body
        for chunk in _chunks(_lines(seed)[start:end])[seed.keep :]:
            i = 0
            while i < len(chunk):
                take = 2 if IMAGE.match(chunk[i]) and i + 1 < len(chunk) else 1
                if take == 1 and len(chunk[i]) > LONG_LINE:
                    for sentence in _sentences(chunk[i]):
                        parts = (c.rstrip(" ,;:.!?…") for c in _CLAUSE_END.split(sentence))
                        clauses.update(dict.fromkeys(c for c in parts if len(c.split()) >= 3))
                else:  # a seed's gallery repeats captions; each counts once
                    units.setdefault("\n".join(chunk[i : i + take]), chunk[i : i + take])
                i += take
    return Pool(list(units.values()), list(clauses))


def _vary(text: str, d: Draft) -> str:
    """The article's own organisation, people and counts in a drawn paragraph."""
    text = _SEED_ORG.sub(lambda _m: d.org, text)
    text = _SEED_PEOPLE.sub(lambda _m: d.rng.choice(d.people), text)
    return _COUNT.sub(lambda m: str(d.rng.randrange(10 ** (len(m[0]) - 1), 10 ** len(m[0]))), text)


def _sentence(pool: Pool, d: Draft) -> str:
    text = ", ".join(d.rng.sample(pool.clauses, d.rng.randint(2, 4))) + "."
    return text[0].upper() + text[1:]


def _page(seed: Seed, d: Draft, pool: Pool) -> tuple[str, list[str]]:
    """The page text, and its body lines (what the baselines lay out).

    The body keeps the seed's leading chunks (the lead carries the date), then adds paragraphs
    of sentences made of clauses drawn from all seeds, and now and then an image or caption,
    until it is about as long as the seed's own body; drawn text names the article's
    organisation, people and counts. Shuffling whole paragraphs or sentences would not do:
    tgreport merges articles whose bodies share 90 % of their word 3-shingles and finds
    candidates through each body's rarest tenth of shingles, so a corpus of a hundred recurring
    paragraphs is folded up and quadratic to compare, unlike real news, where much of every story
    is its own. Recombined clauses read less well, but their joins give each body its own rare
    shingles, as real stories have.
    """
    lines = _lines(seed)
    start, end = seed.body
    target = len("\n".join(lines[start:end])) * d.rng.uniform(0.8, 1.25)
    body_chunks = _chunks(lines[start:end])[: seed.keep]
    length = sum(len(line) + 1 for chunk in body_chunks for line in chunk)
    while length < target:
        if d.rng.random() < 0.15:
            chunk = [_vary(line, d) for line in d.rng.choice(pool.units)]
        else:
            chunk = [_vary(" ".join(_sentence(pool, d) for _ in range(d.rng.randint(2, 4))), d)]
        body_chunks.append(chunk)
        length += sum(len(line) + 1 for line in chunk)
    body = "\n\n".join("\n".join(chunk) for chunk in body_chunks)
    text = "\n".join(lines[:start]) + "\n" + body + "\n" + "\n".join(lines[end:])
    if seed.title is not None:
        text = text.replace(seed.title, d.title)  # 004 repeats its headline in an image line
    text = seed.fill(d, text)  # substitutions stay within lines, so line positions hold
    out = text.split("\n")
    return text, out[start : len(out) - (len(lines) - end)]


def _drafts(rng: random.Random) -> Iterator[Draft]:
    combos = list(itertools.product(range(len(SEEDS_LAYOUT)), organisations(), TOPICS))
    rng.shuffle(combos)
    for seed, org, topic in combos:
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(365))
        yield Draft(0, seed, org, topic, day, random.Random(rng.random()))


def make_corpus(n: int, out: Path, seed: int = 2021) -> Path:
    """Write N pages into out/pages and their clean content into out/articles.jsonl."""
    if out.exists():
        shutil.rmtree(out)
    pages = out / PAGES
    pages.mkdir(parents=True)
    rng = random.Random(seed)
    titles: set[str] = set()
    pool = _pool()
    with (out / MANIFEST).open("w", encoding="utf-8") as manifest:
        for d in _drafts(rng):
            if len(titles) == n:
                break
            layout = SEEDS_LAYOUT[d.seed]
            d.category = (f"Tin Tức huyện {d.rng.choice(DISTRICTS)}" if d.seed == 1
                          else d.rng.choice(CATEGORIES))
            d.author = d.rng.choice(AUTHORS)
            d.people = [" ".join(d.rng.choice(part) for part in (SURNAMES, MIDDLE, GIVEN)) for _ in range(3)]
            d.publisher = d.rng.choice(PUBLISHERS)
            d.title = TITLES[d.seed](d.org, d.topic) if d.seed in TITLES else ""
            text, body = _page(layout, d, pool)
            d.paragraphs = [" ".join(line.split()) for line in body if line.strip()]
            if not d.title:  # the page has no headline: readers derive one from the first sentence
                d.title = derive_title(d.paragraphs[0])
            if d.title in titles:  # a derived headline cut short can repeat; take the next draft
                continue
            titles.add(d.title)
            d.n = len(titles)
            (pages / f"{d.n:05d}_{layout.file[:3]}.txt").write_text(text, encoding="utf-8")
            record = asdict(d)
            for private in ("rng", "org", "topic", "seed", "people"):
                record.pop(private)
            record["date"] = d.date.isoformat() if d.seed != 2 else None  # seed 002 shows no date
            record["publisher"] = d.publisher.strip("()") if d.seed == 4 else None
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
    if len(titles) < n:
        raise ValueError(f"only {len(titles)} unique articles can be made; asked for {n}")
    return out


def load_manifest(corpus: Path) -> list[dict[str, object]]:
    with (corpus / MANIFEST).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="corpus folder (replaced)")
    parser.add_argument("--seed", type=int, default=2021, help="random seed (default 2021)")
    args = parser.parse_args()
    make_corpus(args.n, args.out, args.seed)
    print(f"{args.out}: {args.n} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
