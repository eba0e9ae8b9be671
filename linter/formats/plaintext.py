"""Plain text: paragraphs separated by blank lines; every character maps to itself.

Plain copy has no envelope, so its channel is `plain` unless configured (a folder of email
bodies exported as .txt is `--channel email` or `fundraising_email`).
"""

from __future__ import annotations

import re

from ..model import Block, Document, SourceMap
from . import decode_text

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", re.DOTALL)


def paragraphs(text: str, base: int = 0) -> list[Block]:
    """Split text into paragraph blocks whose source maps start at `base + start`."""
    blocks = []
    for m in _PARAGRAPH.finditer(text):
        blocks.append(Block(m.group(0), "paragraph", SourceMap.identity(base + m.start())))
    return blocks


def read(data: bytes, path: str, options: dict) -> Document:
    text = decode_text(data)
    return Document(path, "text", "", paragraphs(text), source_text=text)
