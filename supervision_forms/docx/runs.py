"""A value's text as it goes inside a run's <w:t>: escaped, with Word's breaks and tabs."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .xml import XML_ILLEGAL

# what `escape` replaces (printable text holds nothing else XML refuses: controls,
# surrogates, U+FFFE and U+FFFF are not printable)
_ESCAPED = re.compile("[&<>\"']")


def run_text(text: str) -> Markup:
    """Escaped text for inside a <w:t>, with newlines and tabs as Word breaks and tabs.
    Characters XML cannot hold (the models refuse them) become U+FFFD, never markup."""
    if text.isprintable() and _ESCAPED.search(text) is None:
        return str.__new__(Markup, text)  # most values: nothing to replace or escape
    escaped = escape(XML_ILLEGAL.sub("\ufffd", text))
    if "\n" not in escaped and "\t" not in escaped:
        return escaped
    # str's own replace on the escaped text: Markup's would escape its arguments and wrap
    # each result again; the breaks and tabs are markup, put in once the text is escaped
    broken = str.replace(escaped, "\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return str.__new__(Markup, broken.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">'))
