"""The comparison report as a PDF (``--pdf``, the ``[pdf]`` extra: fpdf2), read back with pypdf."""

from __future__ import annotations

import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("fpdf")

from netwerksim import extras  # noqa: E402
from netwerksim.cli import main  # noqa: E402
from netwerksim.compare import report as compare_report  # noqa: E402
from netwerksim.compare.document import Heading, PageBreak, to_pdf  # noqa: E402

from test_compare_report import _result, _table  # noqa: E402


def _pages(data: bytes, folder) -> list[str]:
    (folder / "report.pdf").write_bytes(data)
    return [page.extract_text() for page in pypdf.PdfReader(folder / "report.pdf").pages]


def test_the_pdf_has_the_answer_alone_on_page_one_and_the_rest_after_it(tmp_path):
    result = _result(_table(20, 14))
    blocks = compare_report.report_blocks(result, "nl", [])
    data = to_pdf(blocks, tmp_path, "Regie", "nl")
    assert data.startswith(b"%PDF-")
    pages = _pages(data, tmp_path)
    breaks = sum(isinstance(b, PageBreak) for b in blocks)
    assert len(pages) >= breaks + 1 >= 3
    first = " ".join(pages[0].split())
    assert "Komt er minder vaak een netwerkdip met gedeelde regie?" in first
    assert "47% tegen 67% van de runs" in first and "−20 procentpunt" in first     # the answer, with its minus sign
    after = next(b for b in blocks[blocks.index(next(b for b in blocks if isinstance(b, PageBreak))) + 1:]
                 if isinstance(b, Heading))
    assert after.text not in first and " ".join(pages[1].split()).startswith(after.text)


def test_compare_pdf_writes_report_pdf_beside_the_html_with_its_charts(tmp_path):
    out = tmp_path / "r"
    question = "Loopt het netwerk minder vaak vast met gedeelde regie?"
    assert main(["compare", "zorgnetwerk", "--option", "gedeeld[Gedeelde regie]: governance.mode=shared, "
                 "governance.lead=", "--question", question, "--replications", "2", "--steps", "40",
                 "--workers", "1", "--pdf", "--out", str(out)]) == 0
    pdf = (out / "report.pdf").read_bytes()
    reader = pypdf.PdfReader(out / "report.pdf")
    assert pdf.startswith(b"%PDF-") and len(reader.pages) >= 3
    assert question in " ".join(reader.pages[0].extract_text().split())
    assert sum(len(page.images) for page in reader.pages) == len(list(out.glob("fan_*.png"))) > 0
    assert reader.metadata.title == "Regionaal zorgnetwerk"


def test_without_fpdf2_pdf_says_in_one_line_how_to_install_it_and_runs_nothing(tmp_path, capsys, monkeypatch):
    real = extras.find_spec
    monkeypatch.setattr(extras, "find_spec", lambda name: None if name == "fpdf" else real(name))
    out = tmp_path / "r"
    assert main(["compare", "zorgnetwerk", "--option", "a: mediation@1", "--replications", "2", "--workers", "1",
                 "--pdf", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'netwerksim[pdf]'" in err and "Traceback" not in err
    assert not out.exists()
