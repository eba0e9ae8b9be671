"""Front matter (YAML `---` or TOML `+++`) of Markdown, MDX and templates: what the file says
about itself, never prose.

Keys that are catalogue §0.4 metadata (`subject`, `target_locale`, `funnel_stage`,
`jurisdiction`, ...) and `channel` go to `doc.metadata`, validated like the configuration file;
they may also sit under a `nostrings:` table. `subject` and `preheader` are also read as blocks
(kinds `subject` and `preheader`), positioned at their values, because they are copy the
recipient reads. Every other key (title, date, layout, tags...) belongs to the site generator and
is ignored. An invalid value or unparseable front matter is a warning, not an error: the body is
still read.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import yaml

from ..model import Document
from . import InputError, _meta
from ._scalars import align, value_block

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_OPEN = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n")
_COPY_KEYS = {"subject": "subject", "preheader": "preheader"}


@dataclass
class FrontMatter:
    lang: str  # "yaml" | "toml"
    start: int  # offset of the opening fence
    content: int  # offset where the content starts
    content_end: int  # offset where the closing fence starts
    end: int  # offset after the closing fence line


def find(text: str) -> FrontMatter | None:
    """Front matter at the very start of `text`, if it is closed."""
    m = _OPEN.match(text)
    if not m:
        return None
    fence = m.group(1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    pos = m.end()
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        if text[pos:line_end].rstrip() in closers:
            return FrontMatter(
                "yaml" if fence == "---" else "toml",
                m.start(1),
                m.end(),
                pos,
                line_end + 1 if nl != -1 else line_end,
            )
        if nl == -1:
            return None
        pos = nl + 1
    return None


def mask(text: str, start: int, end: int) -> str:
    """Replace `text[start:end]` by spaces, keeping line breaks (so offsets and lines hold)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def apply(doc: Document, text: str, fm: FrontMatter) -> None:
    """Read front matter into `doc.metadata`, its copy keys into blocks, `#` directives."""
    body = text[fm.content : fm.content_end]
    first_line = doc.line_index.position(fm.content)[0]
    if fm.lang == "yaml":
        _apply_yaml(doc, text, body, fm, first_line)
    else:
        _apply_toml(doc, text, body, fm, first_line)
    for m in re.finditer(r"(?m)^[ \t]*#(.*)$", body):
        _meta.directive(doc, m.group(1), fm.content + m.start(1) - 1, fm.content + m.end())


def _apply_yaml(doc: Document, text: str, body: str, fm: FrontMatter, first_line: int) -> None:
    from .yaml_catalog import compose_all

    try:
        nodes = compose_all(body)
    except InputError as exc:
        msg = str(exc)
        lm = re.search(r"line (\d+)", msg)
        if lm:
            msg = msg.replace(lm.group(0), f"line {int(lm.group(1)) + first_line - 1}")
        doc.warnings.append(f"front matter ignored: {msg}")
        return
    if not nodes:
        return
    root = nodes[0]
    data = yaml.safe_load(body)
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        doc.warnings.append(f"line {first_line}: front matter is not a table of keys; ignored")
        return
    lines = {str(k.value): first_line + k.start_mark.line for k, _ in root.value if _is_key(k)}
    for key, value in data.items():
        where = f"front matter line {lines.get(str(key), first_line)}"
        if key == "nostrings" and isinstance(value, dict):
            for sub, subvalue in value.items():
                if not _meta.apply(doc, str(sub), subvalue, where):
                    doc.warnings.append(f"{where}: unknown nostrings key {sub!r} ignored")
            continue
        _meta.apply(doc, str(key), value, where)
    for k, v in _copy_nodes(root):
        if isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:str":
            start, end = fm.content + v.start_mark.index, fm.content + v.end_mark.index
            _copy_block(doc, k, v.value, align(text, start, end, v.value, v.style))


def _is_key(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode)


def _copy_nodes(root: yaml.MappingNode) -> list[tuple[str, yaml.Node]]:
    """(key, value node) for `subject`/`preheader`, at the top or under `nostrings:`."""
    out = []
    for k, v in root.value:
        if not _is_key(k):
            continue
        if k.value in _COPY_KEYS:
            out.append((k.value, v))
        elif k.value == "nostrings" and isinstance(v, yaml.MappingNode):
            out.extend(
                (kk.value, vv) for kk, vv in v.value if _is_key(kk) and kk.value in _COPY_KEYS
            )
    return out


def _copy_block(doc: Document, key: str, value: str, positions: list[int]) -> None:
    kind = _COPY_KEYS[key]
    block = value_block(value, positions, key, kind=kind)
    if block is None:
        return
    block.is_ui = False
    block.attrs = {"front_matter": True}
    if kind == "preheader":
        block.hidden = True
        doc.metadata.setdefault("preheader", block.text)
    doc.blocks.append(block)


_TOML_STR = re.compile(r"""(?m)^[ \t]*(subject|preheader)[ \t]*=[ \t]*("|')""")


def _apply_toml(doc: Document, text: str, body: str, fm: FrontMatter, first_line: int) -> None:
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        doc.warnings.append(f"front matter ignored: invalid TOML ({exc})")
        return
    table = dict(data)
    if isinstance(data.get("nostrings"), dict):
        table.update(data["nostrings"])
    for key, value in table.items():
        if key == "nostrings":
            continue
        _meta.apply(doc, key, value, f"front matter (line {first_line}+)")
    for m in _TOML_STR.finditer(body):
        key = m.group(1)
        value = table.get(key)
        if not isinstance(value, str):
            continue
        start = fm.content + m.start(2)
        nl = text.find("\n", start)
        end = len(text) if nl == -1 else nl
        _copy_block(doc, key, value, align(text, start, end, value, m.group(2)))
