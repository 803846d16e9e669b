"""The self-assessment report as a PDF, printed by WeasyPrint in the layout of Nghị định 30/2020.

Fonts: the system's whole TrueType files — Liberation Serif (Debian's fonts-liberation2, the metrics of Times
New Roman that Nghị định 30 prescribes), DejaVu Serif (fonts-dejavu-core) for any character it lacks —
declared by @font-face on their file paths. Never a web font split into unicode-range subsets: a Vietnamese
letter with two marks ("ệ", "ử") is then drawn from two fonts, or its precomposed form is in none, and the
printed text garbles. WeasyPrint embeds only the glyphs used (the PDF names them "ABCDEF+LiberationSerif"),
cut from the whole font with their Unicode map, so the text copies and searches back exactly.

Nothing is fetched from anywhere else: the URL fetcher serves those font files and refuses every other URL.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from parindex.assessments.reports.content import SelfAssessmentReport, date_in_words

TEMPLATE = "assessments/report.html"
STYLESHEET = "parindex/css/report.css"
# A place the unit writes itself (the province's name): this installation does not know it.
PLACE_BLANK = "……"

FONT_ROOTS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
# (family, weight, style) → file name. DejaVu Serif's italics come with fonts-dejavu-extra; where they are
# absent, WeasyPrint slants the upright face.
FONT_FILES = {
    ("Liberation Serif", "normal", "normal"): "LiberationSerif-Regular.ttf",
    ("Liberation Serif", "bold", "normal"): "LiberationSerif-Bold.ttf",
    ("Liberation Serif", "normal", "italic"): "LiberationSerif-Italic.ttf",
    ("Liberation Serif", "bold", "italic"): "LiberationSerif-BoldItalic.ttf",
    ("DejaVu Serif", "normal", "normal"): "DejaVuSerif.ttf",
    ("DejaVu Serif", "bold", "normal"): "DejaVuSerif-Bold.ttf",
    ("DejaVu Serif", "normal", "italic"): "DejaVuSerif-Italic.ttf",
    ("DejaVu Serif", "bold", "italic"): "DejaVuSerif-BoldItalic.ttf",
}


# Every lower-case letter of Vietnamese, with the upper-case ones below: a font missing any of them would leave
# pango to draw that letter from another font, in the middle of a word.
VIETNAMESE_LETTERS = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


def covers_vietnamese(path: Path) -> bool:
    from fontTools.ttLib import TTFont  # comes with WeasyPrint

    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap() or {}
    return all(ord(letter) in cmap for letter in VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())


@functools.cache
def font_path(file_name: str) -> Path | None:
    """The system's font file of that name (Debian: /usr/share/fonts/truetype/<package>/), or None.

    Debian 12 has two Liberation packages with the same file names: fonts-liberation (1.07) has no
    Vietnamese letters beyond the basic ones (no "ệ", no "Ư"), fonts-liberation2 (2.1) has them all. The
    file that covers Vietnamese wins; another one only when there is nothing better.
    """
    candidates = [
        path.resolve()
        for root in FONT_ROOTS
        if root.is_dir()
        for path in sorted(root.rglob(file_name))
        if path.is_file()
    ]
    for path in candidates:
        if covers_vietnamese(path):
            return path
    return candidates[0] if candidates else None


def font_faces_css() -> str:
    """@font-face rules on the font files found; `local()` after the file, in case a system keeps its
    fonts elsewhere (fontconfig then finds the whole font by name)."""
    rules = []
    for (family, weight, style), file_name in FONT_FILES.items():
        path = font_path(file_name)
        sources = [f'url("{path.as_uri()}") format("truetype")'] if path else []
        sources.append(f'local("{Path(file_name).stem}")')
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
            f"src: {', '.join(sources)}; }}"
        )
    return "\n".join(rules)


def _allowed_files() -> frozenset[str]:
    return frozenset(path.as_uri() for path in map(font_path, FONT_FILES.values()) if path is not None)


def _url_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    allowed = _allowed_files()

    class FontFilesOnly(URLFetcher):
        """The report loads the fonts and nothing else: no file a text could name, no network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"not a report font: {url}")
            return super().fetch(url, headers)

    return FontFilesOnly(allowed_protocols=("file",))


def report_html(report: SelfAssessmentReport, *, place: str = PLACE_BLANK) -> str:
    return render_to_string(TEMPLATE, {"report": report, "place_date": f"{place}, {date_in_words(report.made_on)}"})


def report_pdf(report: SelfAssessmentReport) -> bytes:
    # Imported here: WeasyPrint loads pango through cffi, which only the report needs.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _url_fetcher()
    font_config = FontConfiguration()
    stylesheet = finders.find(STYLESHEET)
    if not isinstance(stylesheet, str):
        raise FileNotFoundError(STYLESHEET)
    stylesheets = [
        CSS(string=font_faces_css(), font_config=font_config, url_fetcher=fetcher),
        CSS(filename=stylesheet, font_config=font_config, url_fetcher=fetcher),
    ]
    document = HTML(string=report_html(report), url_fetcher=fetcher)
    pdf = document.write_pdf(stylesheets=stylesheets, font_config=font_config)
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return bytes(pdf)
