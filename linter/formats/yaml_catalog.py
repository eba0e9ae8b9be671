"""YAML string catalogs (`en.yml`, Rails/i18next locale files): each string value is UI copy.

Every string scalar that reads as copy becomes one UI block (kind `value`, `attrs["key"]` the
dotted key path) positioned at its line and column, through quotes, escapes and folded lines.
Keys, numbers, booleans, URLs, ids and interpolation placeholders (`%{name}`, `{{count}}`,
`{0}`) are not prose. `# nostrings-...` comments are suppression directives.
"""

from __future__ import annotations

import bisect
import re

import yaml

from ..model import Document
from . import InputError, _meta, decode_text
from ._scalars import align, looks_like_copy, value_block

_STR_TAG = "tag:yaml.org,2002:str"
# libyaml's parser when PyYAML was built with it (about ten times faster); its marks count
# characters exactly as the pure-Python one does (checked with non-BMP characters).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#", re.MULTILINE)


def compose_all(text: str) -> list[yaml.Node]:
    """Parse into nodes (with marks); a syntax error becomes an InputError naming the place."""
    try:
        return [n for n in yaml.compose_all(text, Loader=_LOADER) if n is not None]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "syntax error"
        raise InputError(f"invalid YAML{where}: {problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}") from None


def scalars(node: yaml.Node, path: str = "") -> list[tuple[str, yaml.ScalarNode]]:
    """(key path, node) of every string value in document order; keys are skipped."""
    out: list[tuple[str, yaml.ScalarNode]] = []
    seen: set[int] = set()
    stack: list[tuple[str, yaml.Node]] = [(path, node)]
    while stack:
        p, n = stack.pop()
        if id(n) in seen:  # an alias repeats a node: read it once
            continue
        seen.add(id(n))
        if isinstance(n, yaml.ScalarNode):
            if n.tag == _STR_TAG:
                out.append((p, n))
        elif isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                key = k.value if isinstance(k, yaml.ScalarNode) else "?"
                stack.append((f"{p}.{key}" if p else str(key), v))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in reversed(list(enumerate(n.value))):
                stack.append((f"{p}[{i}]", v))
    out.sort(key=lambda item: item[1].start_mark.index)
    return out


def scalar_positions(text: str, node: yaml.ScalarNode) -> list[int]:
    return align(text, node.start_mark.index, node.end_mark.index, node.value, node.style)


def comment_directives(doc: Document, text: str, spans: list[tuple[int, int]]) -> None:
    """`# nostrings-...` comments outside string values."""
    if "nostrings-" not in text:
        return
    starts = [s for s, _ in spans]
    for m in _COMMENT.finditer(text):
        hash_at = m.start()
        i = bisect.bisect_right(starts, hash_at) - 1
        if i >= 0 and spans[i][0] <= hash_at < spans[i][1]:
            continue  # a '#' inside a value
        end = text.find("\n", hash_at)
        end = len(text) if end == -1 else end
        _meta.directive(doc, text[hash_at + 1 : end], hash_at, end)


def read(data: bytes, path: str, options: dict) -> Document:
    text = decode_text(data)
    doc = Document(path, "yaml", "", [], source_text=text)
    spans: list[tuple[int, int]] = []
    for root in compose_all(text):
        for key, node in scalars(root):
            spans.append((node.start_mark.index, node.end_mark.index))
            if not looks_like_copy(node.value):
                continue
            block = value_block(node.value, scalar_positions(text, node), key)
            if block is not None:
                doc.blocks.append(block)
    spans.sort()
    comment_directives(doc, text, spans)
    return doc
