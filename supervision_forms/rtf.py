"""Rich text put right before LibreOffice reads it.

LibreOffice joins the paragraphs of a text box's text (`\\shptxt`) with nothing between
them ("…in place.The supervisee…"). Inside such a group each paragraph mark becomes a line
break (`\\line`), which it keeps."""

from __future__ import annotations

import re

_TOKEN = re.compile(rb"\\bin(\d+) ?|\\[a-zA-Z]+-?\d* ?|\\.|[{}]|[^\\{}]+", re.DOTALL)
_PARAGRAPH = re.compile(rb"\\par(?![a-zA-Z])")
_BOX_TEXT = b"\\shptxt"


def keep_box_paragraphs(data: bytes) -> bytes:
    """`data` with paragraph marks in text-box text turned into line breaks; unchanged if the
    file has no text box, or its braces do not balance."""
    if _BOX_TEXT not in data:
        return data
    out: list[bytes] = []
    depth = 0
    box_depth = 0  # the depth of the open `\shptxt` group, 0 when outside one
    at = 0
    while at < len(data):
        token = _TOKEN.match(data, at)
        if token is None:
            return data
        text, at = token.group(), token.end()
        if token.group(1):  # binary data: copied as it is
            text, at = text + data[at : at + int(token.group(1))], at + int(token.group(1))
        elif text == b"{":
            depth += 1
        elif text == b"}":
            box_depth, depth = (0 if depth == box_depth else box_depth), depth - 1
        elif box_depth == 0 and text.rstrip() == _BOX_TEXT:
            box_depth = depth
        elif box_depth and _PARAGRAPH.match(text):
            text = text.replace(b"\\par", b"\\line", 1)
        out.append(text)
    return b"".join(out) if depth == 0 else data
