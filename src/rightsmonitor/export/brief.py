"""Render a country brief (a plain dict from the service) to HTML or PDF, offline.

Charts: matplotlib (Agg backend, fonts in its wheel), SVG inside the HTML, PNG inside the PDF.
HTML: a Jinja2 template; PDF: ReportLab with matplotlib's DejaVu font, so Polish and Cyrillic
letters print."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

__all__ = ["render_brief"]

_TEMPLATES = Path(__file__).parent / "templates"
_WIDTHS: dict[int, list[float]] = {2: [12, 5], 3: [6, 6, 5], 4: [5, 4.5, 2.5, 5]}  # cm


def _chart(brief: dict[str, Any], fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    rows = brief["events_over_time"]
    years = sorted({r["year"] for r in rows})
    series = sorted({r["series"] for r in rows})
    fig, ax = plt.subplots(figsize=(8, 3.2), dpi=120)
    bottom = [0] * len(years)
    for name in series:
        counts = [
            sum(r["count"] for r in rows if r["year"] == y and r["series"] == name) for y in years
        ]
        ax.bar(years, counts, bottom=bottom, label=name)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    ax.set_ylabel("events")
    ax.set_title(f"Events that happened, by the year of the event ({brief['country_name']})")
    ax.legend(fontsize=7, ncols=3, loc="upper left")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return out.getvalue()


def _html(brief: dict[str, Any]) -> bytes:
    from jinja2 import Environment, FileSystemLoader

    # every template is escaped, whatever its file name: document text is hostile input
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=True)
    svg = _chart(brief, "svg").decode("utf-8")
    svg = svg[svg.find("<svg") :]
    return env.get_template("brief.html.j2").render(b=brief, chart_svg=svg).encode("utf-8")


def _pdf(brief: dict[str, Any]) -> bytes:
    import matplotlib
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdfmetrics.registerFont(TTFont("DejaVu", str(font)))
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        style.fontName = "DejaVu"
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=7)

    def para(text: object, style: Any) -> Paragraph:
        """Text as text: ReportLab reads a Paragraph's string as markup ('<b>', '<img>')."""
        return Paragraph(escape(str(text)), style)

    def table(header: list[str], rows: list[list[str]]) -> Table:
        cells = [[para(c, small) for c in row] for row in [header, *rows]]
        widths: list[float] = _WIDTHS[len(header)]
        t = Table(cells, repeatRows=1, colWidths=[w * cm for w in widths])
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ]
            )
        )
        return t

    chart = Image(io.BytesIO(_chart(brief, "png")), width=17 * cm, height=6.8 * cm)
    counts = ", ".join(f"{k}: {v}" for k, v in brief["headline"].items())
    notes: dict[str, int] = {}  # each source sentence printed once, numbered

    def src(s: dict[str, Any] | None) -> str:
        if not s:
            return ""
        text = (s.get("sentence") or "").strip()
        ref = f"[{s['key']}] {s['label']}"
        if not text:
            return ref
        n = notes.setdefault(text, len(notes) + 1)
        return f"{ref} ({n})"

    persons = [
        [
            p["name"],
            p["status"] + (" — to review" if p["review"] else ""),
            p["since"] or p["as_of"] or "",
            src(p["source"]),
        ]
        for p in brief["persons"]
    ]
    orgs = [
        [o["organisation"], o["event"] + (" (annulled)" if o["annulled"] else ""), src(o["source"])]
        for o in brief["organisations"]
    ]
    recs = [
        [
            r["action"],
            r["target"],
            f"{r['recurrence']}x ({', '.join(r['years'])})",
            src(r["source"]),
        ]
        for r in brief["recommendations"]
    ]
    story: list[Any] = [
        para(f"{brief['country_name']} — human rights brief", styles["Title"]),
        para(
            f"Generated {brief['generated']} by rightsmonitor. Statuses are as of the evidence "
            f"(latest document: {brief['as_of'] or 'undated'}). {counts}.",
            body,
        ),
        Spacer(1, 8),
        chart,
        Paragraph("Persons of concern", styles["Heading2"]),
        table(["person", "status", "as of", "source"], persons),
        Paragraph("Organisations under pressure", styles["Heading2"]),
        table(["organisation", "what", "source"], orgs),
        Paragraph("Provisions most used", styles["Heading2"]),
        table(
            ["provision", "mentions"],
            [[p["provision"], str(p["mentions"])] for p in brief["provisions"]],
        ),
        Paragraph("Open recommendations", styles["Heading2"]),
        table(["action", "target", "demanded", "source"], recs),
        Paragraph("Documents", styles["Heading2"]),
        *(
            para(
                f"[{d['key']}] {d['title'] or '(untitled)'}, {d['date'] or 'undated'} "
                f"({d['language']}; {d['scope']})",
                small,
            )
            for d in brief["documents"]
        ),
        Paragraph("Source sentences", styles["Heading2"]),
        *(para(f"({n}) {text}", small) for text, n in notes.items()),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=f"{brief['country_name']} brief").build(story)
    return out.getvalue()


def render_brief(brief: dict[str, Any], path: Path, fmt: str = "html") -> Path:
    """Write the brief to ``path`` as 'html' or 'pdf'."""
    data = _pdf(brief) if fmt == "pdf" else _html(brief)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
