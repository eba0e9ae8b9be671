"""Inline suppression directives: parsing the comment text (applying them is the engine's job).

The directive words follow ESLint (`disable`, `enable`, `disable-next-line`), prefixed with the
tool name so they never collide with another linter's comments:

    <!-- nostrings-disable RCP012, RCP017 -->   ...   <!-- nostrings-enable -->
    <!-- nostrings-disable-next-line RCP018 -->
    {# nostrings-disable-line #}        (the comment's own line)
    # nostrings-disable-file RCP028     (the whole file)

A directive may end with `-- reason`, which is kept out of the code list.
"""

from __future__ import annotations

import re

from .model import Suppression

_DIRECTIVE = re.compile(
    r"^\s*nostrings-(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*?)\s*$",
    re.DOTALL,
)
_CODE = re.compile(r"^RCP\d{1,3}$", re.IGNORECASE)


class DirectiveError(ValueError):
    pass


def parse_directive(
    comment: str, line: int, col: int, end_line: int | None = None
) -> Suppression | None:
    """A `Suppression` if the comment body is a nostrings directive, else None.

    `comment` is the text inside the comment delimiters. Raises DirectiveError for a directive
    with something other than rule codes in its list, so a typo is reported, not ignored.
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    kind, rest = m.group(1), m.group(2)
    rest = rest.split("--", 1)[0].strip()
    codes: list[str] = []
    for part in re.split(r"[,\s]+", rest):
        if not part:
            continue
        if not _CODE.match(part):
            raise DirectiveError(f"'{part}' is not a rule code in a nostrings-{kind} comment")
        codes.append(part.upper())
    return Suppression(kind, tuple(codes), line, col, end_line if end_line is not None else line)
