"""Tidying template tags that Word splits across runs, with docxtpl's `patch_xml`.

docxtpl (and python-docx, which it imports) is loaded on first use: only compiling a
template, or checking one, needs it.
"""

from __future__ import annotations


def patch_tags(xml: str) -> str:
    """The part's XML with each `{{ }}` / `{% %}` tag whole in one run, and docxtpl's
    row and paragraph tags (`{%tr %}`, `{{p }}`) in place of their rows and paragraphs."""
    from docxtpl import DocxTemplate

    patcher = DocxTemplate.__new__(DocxTemplate)  # patch_xml uses no instance state
    return str(patcher.patch_xml(xml))
