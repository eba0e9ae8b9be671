"""Rule lookup and selection by code prefix (`--select RCP01`, `--ignore RCP018`)."""

from __future__ import annotations

from collections.abc import Iterable

from .rule import Rule
from .rules import ALL_RULES

BY_CODE: dict[str, Rule] = {r.code: r for r in ALL_RULES}


class SelectionError(ValueError):
    pass


def _matches(code: str, selector: str) -> bool:
    sel = selector.strip().upper()
    return sel == "ALL" or code.startswith(sel)


def expand(selectors: Iterable[str]) -> set[str]:
    codes: set[str] = set()
    for sel in selectors:
        sel = sel.strip()
        if not sel:
            continue
        hit = {r.code for r in ALL_RULES if _matches(r.code, sel)}
        if not hit:
            raise SelectionError(f"unknown rule selector {sel!r} (codes look like RCP012 or RCP01)")
        codes |= hit
    return codes


def select_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    chosen = expand(select) if select else {r.code for r in ALL_RULES}
    if extend_select:
        chosen |= expand(extend_select)
    if ignore:
        chosen -= expand(ignore)
    return tuple(r for r in ALL_RULES if r.code in chosen)


def get(code: str) -> Rule:
    try:
        return BY_CODE[code.strip().upper()]
    except KeyError:
        raise SelectionError(f"unknown rule {code!r}; `nostrings rules` lists them") from None
