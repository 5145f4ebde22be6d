"""A report as a list of blocks, written once and rendered as Markdown, one self-contained HTML file and
(with the ``[pdf]`` extra) a PDF.

Text may mark words as **bold**; everything else is plain text (escaped in HTML). The HTML embeds the
charts (base64), so a client gets one file that prints with the answer alone on the first page; the PDF
(fpdf2: pure Python, no system libraries or browser, with the DejaVu font matplotlib ships) has the same
pages.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[bool, ...] = ()       # per column: align right (numbers)


@dataclass(frozen=True)
class Figure:
    file: str
    caption: str


@dataclass(frozen=True)
class PageBreak:
    """Where a printed report starts a new page (the first page holds the answer)."""


Block = Heading | Paragraph | Bullets | Table | Figure | PageBreak


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(blocks: list[Block]) -> str:
    """The report as Markdown."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Paragraph):
            out += [b.text, ""]
        elif isinstance(b, Bullets):
            out += [f"- {item}" for item in b.items] + [""]
        elif isinstance(b, Table):
            right = b.right or (False,) * len(b.header)
            out.append("| " + " | ".join(_md_cell(h) for h in b.header) + " |")
            out.append("|" + "|".join("---:" if r else "---" for r in right) + "|")
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            out.append("")
        elif isinstance(b, Figure):
            out += [f"![{b.caption}]({b.file})", ""]
        elif isinstance(b, PageBreak):
            out += ["---", ""]
    return "\n".join(out)


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STYLE = """
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em;
       color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.3em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-top: 1.3em; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.88em; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #666; } td.num, th.num { text-align: right; } .nb { white-space: nowrap; }
figure { margin: 1em 0; } figure img { max-width: 100%; } figcaption { font-size: 0.9em; color: #444; }
.page-break { break-before: page; page-break-before: always; border: 0; margin: 2em 0; border-top: 1px solid #ddd; }
@media print { body { margin: 0; max-width: none; } .page-break { border: 0; margin: 0; } }
"""


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def _number_cell(text: str) -> str:
    """A value and its interval may wrap between them, never inside one: '2,41 (2,15–2,66)'."""
    bold = text.startswith("**") and text.endswith("**")
    value, sep, rest = text.strip("*").partition(" (") if bold else text.partition(" (")
    cell = " ".join(f'<span class="nb">{_inline(p)}</span>' for p in ([value, "(" + rest] if sep else [value]))
    return f"<strong>{cell}</strong>" if bold else cell


def to_html(blocks: list[Block], folder: Path, title: str, lang: str) -> str:
    """The report as one HTML page; figures are read from ``folder`` and embedded."""
    out = [f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
           f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>"]
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"<h{b.level}>{_inline(b.text)}</h{b.level}>")
        elif isinstance(b, Paragraph):
            out.append(f"<p>{_inline(b.text)}</p>")
        elif isinstance(b, Bullets):
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, Table):
            right = b.right or (False,) * len(b.header)
            cls = [' class="num"' if r else "" for r in right]
            out.append("<table><thead><tr>" + "".join(f"<th{c}>{_inline(h)}</th>" for c, h in zip(cls, b.header))
                       + "</tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td{c}>{_number_cell(v) if r else _inline(v)}</td>"
                                     for c, r, v in zip(cls, right, row)) + "</tr>" for row in b.rows]
            out.append("</tbody></table>")
        elif isinstance(b, Figure):
            data = base64.b64encode((folder / b.file).read_bytes()).decode("ascii")
            out.append(f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(b.caption)}">'
                       f"<figcaption>{_inline(b.caption)}</figcaption></figure>")
        elif isinstance(b, PageBreak):
            out.append('<hr class="page-break">')
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def to_pdf(blocks: list[Block], folder: Path, title: str, lang: str) -> bytes:
    """The report as an A4 PDF: the first page holds what comes before the first page break, like the HTML
    printed; figures are read from ``folder``. Needs fpdf2 (``netwerksim[pdf]``, :mod:`..extras`)."""
    from fpdf import FPDF  # noqa: PLC0415 (an optional extra)
    from fpdf.fonts import FontFace  # noqa: PLC0415

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    fonts = Path(find_spec("matplotlib").origin).parent / "mpl-data" / "fonts" / "ttf"
    pdf.add_font("DejaVu", "", fonts / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", fonts / "DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_creator("netwerksim")
    pdf.add_page()

    def text(words: str, size: float, indent: float = 0) -> None:
        """A paragraph with its **bold** parts, wrapped at the margins (``indent`` from the left)."""
        pdf.set_left_margin(18 + indent)
        pdf.set_x(18 + indent)
        for k, part in enumerate(_BOLD.split(words)):     # odd parts were between ** **
            pdf.set_font("DejaVu", "B" if k % 2 else "", size)
            pdf.write(size * 0.5, part)
        pdf.ln(size * 0.5 + 1.5)
        pdf.set_left_margin(18)

    for b in blocks:
        if isinstance(b, Heading):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", {1: 16, 2: 13}.get(b.level, 11))
            pdf.multi_cell(0, 7, b.text.replace("**", ""), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(b, Paragraph):
            text(b.text, 10)
        elif isinstance(b, Bullets):
            for item in b.items:
                pdf.set_font("DejaVu", "", 10)
                pdf.set_x(20)
                pdf.write(5, "•")
                text(item, 10, indent=6)
        elif isinstance(b, Table):
            right = b.right or (False,) * len(b.header)
            pdf.set_font("DejaVu", "", 8)
            longest = [max(len(word) for cell in column for word in cell.split() or [""])   # no word split
                       for column in zip(b.header, *b.rows)]
            with pdf.table(text_align=tuple("RIGHT" if r else "LEFT" for r in right), line_height=4,
                           col_widths=tuple(min(max(n, 8), 24) for n in longest),
                           borders_layout="HORIZONTAL_LINES", padding=1) as table:
                for row in (b.header, *b.rows):
                    cells = table.row()
                    for v in row:
                        bold = v.startswith("**") and v.endswith("**")
                        cells.cell(v.replace("**", ""), style=FontFace(emphasis="BOLD") if bold else None)
            pdf.ln(2)
        elif isinstance(b, Figure):
            pdf.image(folder / b.file, w=pdf.epw)
            text(b.caption, 8.5)
        elif isinstance(b, PageBreak):
            pdf.add_page()
    return bytes(pdf.output())

