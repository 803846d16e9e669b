"""The CSP refuses inline scripts, inline styles and on* handlers; a template that uses them breaks silently
in the browser. Catch them here instead."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    [*ROOT.glob("templates/**/*.html"), *ROOT.glob("parindex/*/templates/**/*.html")],
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
HTMX_EVAL = re.compile(r"\shx-on[:-]|\bjs:", re.IGNORECASE)
REMOTE_ASSET = re.compile(r"""(?:src|href)=["']https?://""", re.IGNORECASE)


def test_there_are_templates_to_check():
    assert any(path.name == "base.html" for path in TEMPLATES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_template_has_no_inline_code_and_no_remote_assets(path):
    text = path.read_text(encoding="utf-8")

    assert not INLINE_SCRIPT.search(text), "inline <script>: move it to static/parindex/js/"
    assert not INLINE_STYLE.search(text), "inline style: move it to static/parindex/css/"
    assert not EVENT_HANDLER.search(text), "on* attribute: bind the event in static/parindex/js/"
    assert not HTMX_EVAL.search(text), "hx-on evaluates code, which the CSP refuses"
    assert not REMOTE_ASSET.search(text), "no CDN: government intranets have no internet"
