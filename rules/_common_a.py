"""Small helpers shared by the "free"/prize/price rules (RCP001-RCP003, RCP005-RCP007).

Not a rule module (no RULE): it holds the jurisdiction sets of catalogue §6, a negation check
that also reads the contractions spaCy leaves whole ("DON'T", "WON'T" in capitals stay one
token), and the one-line quoting used in messages.
"""

from __future__ import annotations

from linter.view import Cue, DocView, explicit_jurisdictions

EU_MEMBER_STATES = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    }
)
EU_REGIONS = frozenset({"EU"}) | EU_MEMBER_STATES
# UCPD Annex I is per se law in the EU, the UK (DMCC Act Sch. 20) and, by the catalogue's
# policy, India (CCPA dark-pattern guidelines)
UCPD_REGIONS = EU_REGIONS | {"UK", "GB", "IN"}

_BREAKERS = frozenset({"but", "however", "although", "though", "yet", "except", "unless"})
_PUNCT = frozenset({",", ";", ":", "—", "–", ".", "!", "?"})


def negated(view: DocView, cue: Cue) -> bool:
    """§0.3 negation, also when the negator is an unsplit contraction ("DON'T WANT 15% OFF")."""
    if view.negated(cue):
        return True
    lw = cue.sent.lowers
    if lw is None:
        return False
    for k in range(cue.start - 1, max(-1, cue.start - 4), -1):
        w = lw[k]
        if w in _BREAKERS or w in _PUNCT:
            return False
        if w.endswith("n't") and len(w) > 3:
            return True
    return False


def outside_ucpd(view: DocView) -> bool:
    """Catalogue §6: the user configured jurisdictions and none has the UCPD blacklist."""
    regions = explicit_jurisdictions(view)
    return regions is not None and not (regions & UCPD_REGIONS)


def quote(text: str) -> str:
    """Copy quoted in a message, on one line (a phrase may wrap across lines in the source)."""
    return " ".join(text.split())
