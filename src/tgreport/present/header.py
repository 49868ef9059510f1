"""The cover's official header, worded and measured once for every format.

Two columns, as on the first page of an official document:

- "party" (Hướng dẫn 36-HD/VPTW, 2018): left, the superior body (capitals, regular), the issuing
  body (capitals, bold), a "*", then "Số 25-BT/BTGĐUK"; right, "ĐẢNG CỘNG SẢN VIỆT NAM" (capitals,
  bold, 15 pt) with a rule as long as the heading, then the place and date in italics.
- "state" (Decree 30/2020/NĐ-CP, Appendix I): left, the superior body (capitals), the issuing body
  (capitals, bold) with a short rule (1/3 to 1/2 of its line), then "Số: 25/BC-UBND"; right, the
  national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (capitals, bold) and the motto "Độc lập - Tự
  do - Hạnh phúc" (bold) with a rule as long as the motto, then the place and date in italics.

Exporters draw HeaderLine by HeaderLine; they decide nothing about what the header says, so the
ReportLab and WeasyPrint PDFs, the DOCX and the HTML/EPUB carry the same header.
"""

from __future__ import annotations

from dataclasses import dataclass

from tgreport.model import Report
from tgreport.vn import format_date, format_span

PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
INTERNAL = "Lưu hành nội bộ"
PARTY_MARK = "*"  # under the issuing body of a Party document

# The rule under a line, as a share of that line's text width: the whole heading or motto, or the
# short rule under a State issuing body (Decree 30 asks 1/3 to 1/2 of the line; 0.4 is between).
FULL_RULE = 1.0
SHORT_RULE = 0.4

# The left column's share of the text width. The right column must hold the national name at
# 13 pt on one line (about 110 mm in Times New Roman) within A4's 160 mm; the left one wraps long
# names, as printed documents do.
LEFT_SHARE = 0.38


@dataclass(frozen=True)
class HeaderLine:
    """One line of a header column, centred in its column. `rule` draws a rule under the text,
    centred, as long as that share of the text's width (0: none). `size` in points."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    rule: float = 0.0


@dataclass(frozen=True)
class Letterhead:
    left: tuple[HeaderLine, ...]
    right: tuple[HeaderLine, ...]
    left_share: float = LEFT_SHARE


def org_lines(report: Report) -> tuple[str, ...]:
    """The organisation's lines, superior body first; a report made without a masthead (a
    script's own Report) still shows its one-line organisation."""
    if report.masthead.org:
        return report.masthead.org
    return (report.organisation,) if report.organisation else ()


def letterhead(report: Report) -> Letterhead | None:
    """The two-column header of a "party" or "state" cover; None for a plain cover."""
    kind = report.masthead.header
    if kind not in ("party", "state"):
        return None
    party = kind == "party"
    # Hướng dẫn 36 sets the Party header at 14 pt (the heading 15 pt); Decree 30 at 12–13 pt for
    # the bodies' names and the national name, 13–14 pt for the motto and the date line.
    size = 14.0 if party else 13.0
    lines = org_lines(report)
    left = [HeaderLine(line.upper(), size) for line in lines[:-1]]
    if lines:
        left.append(HeaderLine(lines[-1].upper(), size, bold=True, rule=0.0 if party else SHORT_RULE))
        if party:
            left.append(HeaderLine(PARTY_MARK, size))
    number = number_line(report)
    if number:
        left.append(HeaderLine(number, size))
    place_date = HeaderLine(place_date_line(report), 14.0, italic=True)
    right: tuple[HeaderLine, ...]
    if party:
        right = (HeaderLine(PARTY_HEADING, 15.0, bold=True, rule=FULL_RULE), place_date)
    else:
        right = (HeaderLine(NATIONAL_NAME, 13.0, bold=True),
                 HeaderLine(NATIONAL_MOTTO, 14.0, bold=True, rule=FULL_RULE), place_date)
    return Letterhead(tuple(left), right)


def number_line(report: Report) -> str | None:
    """ "Số 25-BT/BTGĐUK" (Party, no colon) or "Số: 25/BC-UBND" (State, with a colon)."""
    number = report.masthead.number
    if not number:
        return None
    number = number.strip()
    if number.lower().startswith("số"):  # given whole: keep the office's own spelling
        return number
    return f"Số: {number}" if report.masthead.header == "state" else f"Số {number}"


def place_date_line(report: Report) -> str:
    return format_date(report.issued, "official_line", place=report.place or "Hà Nội")


def issue_line(report: Report) -> str | None:
    """ "Số 25, tuần từ ngày 14 đến ngày 20 tháng 6 năm 2021": the issue with the period it covers
    ("tuần" when that is two to seven days); the issue alone when the period is unknown."""
    issue = report.masthead.issue
    if not issue:
        return None
    period = report.period
    if period is None:
        return issue
    week = "tuần " if 0 < (period.end - period.start).days < 7 else ""  # one day is no week
    return f"{issue}, {week}{format_span(period.start, period.end)}"


def internal_line(report: Report) -> str | None:
    return INTERNAL if report.masthead.internal else None
