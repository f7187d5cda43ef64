"""Write a long PDF report for the extraction benchmark (issue #10: 'a 400-page PDF').

The pages hold the development texts of ``eval/events/dev`` (news and NGO statements in
Polish and English), repeated in order until the page count is reached, set as an NGO report
is: justified paragraphs with no blank line between them in the extracted text, a running
header and a page number. ReportLab (already a dependency, for the brief) writes it; DejaVu
(in matplotlib's wheel) prints Polish letters.

    python scripts/make_long_pdf.py /tmp/report-400.pdf --pages 400
    /usr/bin/time -v rightsmonitor extract /tmp/report-400.pdf --summary
"""

from __future__ import annotations

import argparse
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent


def _paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "eval" / "events" / "dev").glob("*.txt")):
        out += [p.strip().replace("\n", " ") for p in path.read_text().split("\n\n") if p.strip()]
    return out


def main() -> None:
    import matplotlib
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont("DejaVu", str(fonts / "DejaVuSans.ttf")))
    style = getSampleStyleSheet()["BodyText"]
    style.fontName, style.fontSize, style.leading, style.alignment = "DejaVu", 10, 13, 4

    def furniture(canvas: object, doc: object) -> None:
        canvas.setFont("DejaVu", 8)  # type: ignore[attr-defined]
        canvas.drawString(72, A4[1] - 40, "Human rights report — synthetic benchmark")  # type: ignore[attr-defined]
        canvas.drawString(A4[0] / 2, 30, str(doc.page))  # type: ignore[attr-defined]

    texts = _paragraphs()
    story: list[Paragraph] = []
    # about 4 paragraphs of these texts fill a page; build, count and add until long enough
    per_page = 4
    while True:
        story = [Paragraph(escape(texts[i % len(texts)]), style) for i in range(args.pages * per_page)]
        doc = SimpleDocTemplate(str(args.out), pagesize=A4, title="Synthetic human rights report")
        doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
        if doc.page >= args.pages:
            break
        per_page += 1
    print(f"wrote {args.out}: {doc.page} pages, {args.pages * per_page} paragraphs")


if __name__ == "__main__":
    main()
