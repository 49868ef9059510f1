"""The end of the document: recipients ("Nơi nhận") bottom left, the signer bottom right,
worded and measured once for every format (Settings.signer, Settings.recipients).

As Decree 30/2020/NĐ-CP, Appendix I, lays out the last block of a document (the signer's
"quyền hạn, chức vụ, họ tên" and the "nơi nhận"):

- left, "Nơi nhận:" in bold italics, 12 pt; under it each recipient on its own line, 11 pt
  upright, from "- " and ending with ";", the last with "." ("- Lưu: VT, VP.");
- right, centred in its column, the authority and title of the signer in capitals, bold,
  13–14 pt ("TM. BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ"); room for the signature and seal; then the
  signer's name in bold, same size.

The Party header (Hướng dẫn 36-HD/VPTW) sets its text at 14 pt, the State one at 13 pt: the
signer's lines follow the header's size. Exporters draw SignLine by SignLine and decide nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from tgreport.model import Report

RECIPIENTS_LABEL = "Nơi nhận:"
RECIPIENTS_LABEL_SIZE = 12.0
RECIPIENT_SIZE = 11.0
SIGNATURE_ROOM = 60.0  # points (21 mm) between the title and the name: the signature and the seal
LEFT_SHARE = 0.45  # the recipients' column, of the text width


@dataclass(frozen=True)
class SignLine:
    """One line of the block: `space_before` in points (the room left to sign), `size` in points."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    space_before: float = 0.0


@dataclass(frozen=True)
class SignatureBlock:
    recipients: tuple[SignLine, ...]  # flush left in the left column; empty when none are given
    signer: tuple[SignLine, ...]  # centred in the right column; empty when no signer is given
    left_share: float = LEFT_SHARE

    @property
    def height(self) -> float:
        """Points the taller column needs, lines at 1.2 × their size."""
        def column(lines: tuple[SignLine, ...]) -> float:
            return sum(line.size * 1.2 + line.space_before for line in lines)
        return max(column(self.recipients), column(self.signer))


def signature(report: Report) -> SignatureBlock | None:
    """The block, or None when the report names neither a signer nor recipients."""
    head = report.masthead
    if not head.signer and not head.recipients:
        return None
    size = 14.0 if head.header == "party" else 13.0
    signer = [SignLine(line.upper(), size, bold=True) for line in head.signer]
    if head.signer_name:
        signer.append(SignLine(head.signer_name, size, bold=True, space_before=SIGNATURE_ROOM))
    recipients: list[SignLine] = []
    if head.recipients:
        recipients.append(SignLine(RECIPIENTS_LABEL, RECIPIENTS_LABEL_SIZE, bold=True, italic=True))
        items = recipient_lines(head.recipients)
        recipients += [SignLine(item, RECIPIENT_SIZE) for item in items]
    return SignatureBlock(tuple(recipients), tuple(signer))


def recipient_lines(recipients: tuple[str, ...]) -> tuple[str, ...]:
    """ "- Như trên;" … "- Lưu: VT." : a dash before each, ";" after each but the last, "." after
    it; what the office typed of these already is not doubled."""
    bare = [r.strip().lstrip("-–•+ ").rstrip(";.,").strip() for r in recipients]
    bare = [b for b in bare if b]
    return tuple(f"- {b}{'.' if n == len(bare) - 1 else ';'}" for n, b in enumerate(bare))
