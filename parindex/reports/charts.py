"""Charts drawn on the server as SVG, for the PDFs (WeasyPrint draws inline SVG; a PDF runs no script).

Horizontal bars: unit names are long and Vietnamese, and read best on the left of their bar. Each chart in
a report sits beside the table it summarises (the table is the chart's text alternative).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from parindex.engine import Rounding
from parindex.reports.figures import figure_text

WIDTH = 480  # points: the text width of an A4 portrait page inside Nghị định 30's margins, a little less
LABEL_WIDTH = 190
VALUE_WIDTH = 46
BAR_HEIGHT = 12
ROW_HEIGHT = 18
TOP = 6
FONT = "Liberation Serif, DejaVu Serif, serif"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None


def _shorten(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart_svg(bars: Sequence[Bar], *, rounding: Rounding, title: str, scale: Decimal = Decimal(100)) -> SafeString:
    """Bars of 0–`scale` (an index in %), the value printed at the end of each bar as on the screen."""
    height = TOP + ROW_HEIGHT * max(len(bars), 1) + 14
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}pt" height="{height}pt" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" font-family="{FONT}" font-size="9">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in (0, 25, 50, 75, 100):
        x = LABEL_WIDTH + plot * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 2}" x2="{x:.1f}" y2="{height - 12}" stroke="#c8c8c8" stroke-width="0.4"/>'
            f'<text x="{x:.1f}" y="{height - 3}" text-anchor="middle" fill="#444">{tick}</text>'
        )
    for position, bar in enumerate(bars):
        y = TOP + ROW_HEIGHT * position
        label = escape(_shorten(bar.label))
        parts.append(f'<text x="{LABEL_WIDTH - 4}" y="{y + BAR_HEIGHT - 2}" text-anchor="end">{label}</text>')
        if bar.value is not None:
            share = max(Decimal(0), min(bar.value / scale, Decimal(1)))
            length = float(share) * plot
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="#1f5f99"/>')
            text_x = LABEL_WIDTH + length + 3
        else:
            text_x = LABEL_WIDTH + 3
        value = escape(figure_text(bar.value, rounding))
        parts.append(f'<text x="{text_x:.1f}" y="{y + BAR_HEIGHT - 2}">{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
