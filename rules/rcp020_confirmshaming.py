"""Confirmshaming decline options ("No thanks, I'd rather pay full price").

## What it does
Flags a way to say no that makes the reader insult themselves, or that frames leaving with
guilt, shame or loss:

- a decline button, link or sentence that opens with "No thanks", "No", "Nah", "Not now",
  "Maybe later", "Skip" or "I'll pass" and goes on with a self-deprecating clause ("I don't like
  saving money", "I'd rather pay full price", "I'll let the animals go hungry");
- a UI label (a button or link) that *is* such a clause ("I'll pay full price", "I don't want a
  discount"), or that carries one while its markup marks it as the decline option: a
  `close`/`dismiss`/`no-thanks`/`secondary` class or role, or a second button beside an accept
  button in the same form or modal (catalogue: the opener is waived for elements with decline
  semantics);
- an opt-out or unsubscribe line framed with loss or guilt aimed at the reader (catalogue §7 A1):
  "You can unsubscribe, but it will be much harder for you to stay involved". A neutral
  unsubscribe line ("Unsubscribe at any time") is fine.

## Why is this bad?
Saying no should cost nothing. A decline that forces readers to call themselves foolish or
heartless is built to shame them into saying yes: the research literature calls it
confirmshaming, India's dark-pattern guidelines prohibit it ("create a sense of fear or shame or
ridicule or guilt"), and it breaks the guardrail that reciprocity stays optional. Readers who
notice resent it; readers who don't were pushed by guilt, not value.

## Example
```text
[Get 20% off]   [No thanks, I'd rather keep paying full price]

No, I don't care about growing my business.

Click here to unsubscribe, but if you leave, it will be much harder for you to stay involved.
```

## Use instead
```text
[Get 20% off]   [No thanks]

You can unsubscribe at any time; we'll stop emailing you within a day.
```

## Corrective action
Make the decline option neutral ("No thanks", "Not now"). Don't make people insult themselves in
order to say no, and let them unsubscribe without being told what they will lose. (Seed pitfall
"Reciprocity guilt": reinforce "no obligation" phrasing.)

## References
- Mathur et al. 2019, "Dark Patterns at Scale" (CSCW): 169 confirmshaming instances, e.g. "No
  thanks, I'll pay full price", "No, I don't feel lucky".
- Gray et al. 2018, "The Dark (Patterns) Side of UX Design" (CHI): "toying with emotion".
- India CCPA, Guidelines for Prevention and Regulation of Dark Patterns 2023, Annexure 1:
  "confirm shaming".
- FTC Staff Report "Bringing Dark Patterns to Light" (2022), Appendix A (confirmshaming).
- UK Code of Fundraising Practice (2019, superseded) §8.1.1, by analogy: do not "deliberately try
  to make a potential donor feel guilty".
- Catalogue §7 A1 (guilt-framed opt-out paths); §6 (RCP020 takes precedence over RCP021).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.model import Block, Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, Sentence

# ---- building blocks of the shame clauses (tokenized, lowercase; see linter.patterns) ---------
# spaCy splits "I'll" / "don't" but keeps upper-case "I'LL" / "DON'T" whole, and "dont" becomes
# `do nt`; every first-person form below lists both shapes.
_I_WILL = "(i 'll|i will|i'll|i´ll|i)"
_I_WOULD = "(i 'd|i would|i'd|i´d|i)"
_I_AM = "(i 'm|i am|i'm|i´m)"
_I_DONT = "i (do n't|do not|do nt|don't|dont|don´t)"
_I_ANY = "(i|i'll|i'd|i´d|i'm|i´m|i´ll)"
_BENEFIT = (
    "(saving|savings|save|money|deal|deals|discount|discounts|offer|offers|promotion|promotions|"
    "promo|promos|coupon|coupons|free|freebies|gift|gifts|bonus|bonuses|lucky|luck|winning|win|"
    "prize|prizes|success|successful|results|growing|grow|growth|exclusive|perks|rewards|fun|"
    "bargain|bargains|best|cheaper|sale|sales|rich|richer|healthier|smarter|better|helping|"
    "% off|% discount|percent off|to help|improving|happier)"
)
_BENEFIT_CORE = (
    "(discount|discounts|deals|savings|saving|money|freebies|coupons|bonus|bonuses|perks|"
    "rewards|prizes)"
)
_BAD_STATE = (
    "(broke|behind|stuck|uninformed|ignorant|unprotected|average|mediocre|small|poor|"
    "in the dark|out of the loop|the same|disorganized|confused|lost|overwhelmed|stressed|"
    "unhealthy|out of shape|unprepared)"
)
_PRAISE = "(amazing|great|incredible|awesome|huge|exclusive|special|fantastic|unbeatable|super|big|best|biggest|once|amazingly)"
# people a decline is said to hurt (explicit nouns: a trailing ANY would match "abandon the idea")
_DEPENDENTS = (
    "(families|family|kids|children|child|animals|animal|dogs|cats|pets|people|volunteers|staff|"
    "team|students|patients|community|campaign|party|candidate|candidates|neighbors|neighbours|"
    "troops|veterans|workers|members|supporters|cause|movement|fight|mission|refugees|seniors|"
    "babies|shelter|organization|grassroots)"
)
_US = f"(us|me|him|her|them|everyone|(the|our|these|those|your|all the) ANY? {_DEPENDENTS})"

PATTERNS = {
    # first-person refusal of a benefit: "I don't like saving money", "I'm not interested in deals"
    "RCP020.REFUSE": (
        f"{_I_DONT} (like|want|love|enjoy|feel|deserve|believe in|care about|care for) ~5 {_BENEFIT}",
        # "need" cannot anchor a sentence (spaCy cuts it from "needn't"): a short object list
        f"{_I_DONT} need ~3 {_BENEFIT_CORE}",
        f"{_I_AM} not interested in ~3 {_BENEFIT}",
        f"i (hate|dislike|loathe) ~3 {_BENEFIT}",
        f"{_I_WOULD} rather not ~4 {_BENEFIT}",
        "(free|free stuff|freebies|discounts|deals|savings|saving money|saving) (is n't|is not|are n't|are not|'s not|isn't|aren't) for me",
    ),
    # first-person self-harm: "I'd rather pay full price", "I'll let the animals go hungry"
    # "I'd rather pay full price", "I want to pay more later" (a negator inside cancels it:
    # "No, I don't want to pay more for shipping" refuses the cost, it does not shame)
    "RCP020.PAY": (
        f"{_I_ANY} ~6 (pay|paying|paid) the? (full|more|retail|regular|higher|extra|twice|double|top|sticker) (price|prices)?",
        f"{_I_ANY} ~6 (overpay|overpaying)",
    ),
    "RCP020.SELF": (
        f"{_I_WILL} (skip|pass on|pass up|miss|miss out on|forgo|give up|turn down) ~3 {_PRAISE}",
        "i (like|love|enjoy|prefer|want) (paying|overpaying|wasting|losing|missing out|chaos|full price|higher prices|the full price)",
        f"{_I_WOULD} rather (keep paying|overpay|waste|lose|fail|struggle|suffer|settle|not save|not win|be left|go without|miss out|miss|give up)",
        f"{_I_WOULD} rather (stay|remain) {_BAD_STATE}",
        "i prefer (to pay|paying|full price|to overpay|overpaying|to lose|losing|to miss|missing|to waste|wasting)",
        f"i prefer to (stay|remain) {_BAD_STATE}",
        f"{_I_AM} (fine|happy|okay|ok|good|content) with? (paying|overpaying|losing|missing|wasting|being left|being uninformed|staying {_BAD_STATE}|full price)",
        f"{_I_DONT} care (about|if|whether)",
        f"{_I_DONT} mind (missing|paying|losing|overpaying|wasting|being left)",
        f"{_I_WILL} (keep paying|be the last to know|be the last to hear|be the last to find out|miss out|stay {_BAD_STATE}|go without)",
        f"{_I_WILL} save ~2 another (day|time)",
        f"{_I_ANY} ~3 (shop|buy|order|pay|check out|continue|go) without (a|the|any|my)? (discount|deal|savings|coupon|gift|bonus|offer)",
        f"{_I_ANY} ~4 (0|zero) (% off|% discount|percent off)",
        f"(leave|let|leaving|letting) {_US} ~1 (behind|suffer|go hungry|down|fend|starve|struggle|die|go without)",
    ),
    # §7 A1: loss, guilt or shame aimed at the reader, next to an opt-out path
    "RCP020.LOSS": (
        "(it|that|this)? ('ll|will|would|'d|might|could)? be ~2 (harder|more difficult|difficult|tougher|impossible) for (you|us to reach you|us to keep you|us to contact you|us to update you|us to keep in touch)",
        "(it|that|this)? ('ll|will|would|'d|might|could)? be ~2 (harder|more difficult|tougher) to (stay|keep|remain)",
        "(you 'll|you will|you would|you 'd|you might|you may|you'll|you'd) (miss out|lose (access|touch|out|your)|be left (out|behind)|regret|be missing out|never know|never hear)",
        f"(abandon|abandoning|desert|deserting|quit on|quitting on|give up on|giving up on|walk away from|walking away from|turn your back on|turning your back on) {_US}",
        f"(let|letting) ({_US}|(the|our|these|those) ANY) down",
        "leave (us|me|them|the team) (behind|hanging|alone|in the lurch)",
        "(we 'll|we will|we 'd|we would|we'll|we'd|i 'll|i 'd) be (heartbroken|devastated|crushed)",
        "(if|since|because) you (do n't|don't|no longer) care (about|if|whether)",
        f"(if|since|because) you (hate|do n't like|don't like|do n't want|don't want) ~3 {_BENEFIT}",
        "(will|would|'ll) (suffer|go hungry|starve|be left behind|go without)",
    ),
    # opt-out paths besides the shared UNSUB cues
    "RCP020.DECLINE_PATH": (
        "(opt|opting) (out|- out)",
        "(leave|leaving) (our|this|the) (list|mailing list|email list|supporter list|team|community)",
        "if you (leave|unsubscribe|opt out|cancel)",
        "receive (fewer|less) (emails|messages)",
        "no longer (wish|want) to (receive|hear|get)",
        "(cancel|cancelling|canceling) (your|my) ~2 (membership|subscription|donation|gift|pledge|support)",
    ),
}

SHAME = ("RCP020.REFUSE", "RCP020.SELF", "RCP020.PAY")
# words inside a refusal that make it a communication preference, not a refused benefit:
# "No, I don't want to receive offers by email" is a neutral opt-out.
_COMM_WORDS = frozenset(
    """receive receiving hear hearing emails email messages message updates newsletter newsletters
    texts text notifications contacted contact mail mailing sms calls news this that these those
    it""".split()
)
_NEGATORS = frozenset("no not n't nt never don't dont don´t won't cannot can't".split())
# "No matter what...", "No one ..." are not declines.
_NOT_OPENER_AFTER_NO = frozenset(
    """matter one longer more doubt wonder problem worries need strings obligation pressure
    other way""".split()
)
_OPENER_SENTENCE = re.compile(
    r"^\W*(no|nope|nah|not now|not today|maybe later|skip( this| it)?|i['’]?ll pass|"
    r"no,? thanks?( you)?|no thank you)\W*$",
    re.IGNORECASE,
)
_DECLINE_ATTR = frozenset(
    """decline declined dismiss dismissal close closer cancel reject nothanks no thanks secondary
    skip deny refuse optout exit later nope negative""".split()
)
_ACCEPT_ATTR = frozenset("primary accept cta confirm submit yes agree claim subscribe".split())
_ACCEPT_TEXT = re.compile(
    r"^\W*(yes|get|claim|subscribe|sign me up|sign up|count me in|i want|i['’]?m in|add|"
    r"continue|unlock|upgrade|save|redeem|apply|activate|join|donate|give|start|accept|agree|ok|okay|"
    r"sure|send me|grab|download|reveal|show me|take me|let['’]?s go|shop|buy|reserve)\b",
    re.IGNORECASE,
)
_ATTR_KEYS = ("class", "id", "role", "name", "aria-label", "key", "data-action", "value")


def _opener_start(sent: Sentence) -> int | None:
    """Token index where a DECLINE opener starts within the first 3 tokens, or None."""
    lw = sent.lowers or []
    for k in range(min(3, len(lw))):
        w = lw[k]
        if w.isalnum() or "'" in w:
            if w == "no":
                nxt = lw[k + 1] if k + 1 < len(lw) else ""
                return None if nxt in _NOT_OPENER_AFTER_NO else k
            if w in ("nah", "nope", "skip"):
                return k
            pair = lw[k : k + 2]
            if pair in (["not", "now"], ["not", "today"], ["maybe", "later"], ["i'll", "pass"]):
                return k
            if lw[k : k + 3] == ["i", "'ll", "pass"]:
                return k
            return None  # the first word is something else
    return None


def _previous_is_opener(view: DocView, sent: Sentence) -> bool:
    """ "No thanks. I'd rather pay full price.": the opener is a sentence of its own."""
    prev = view.sentence(sent.index - 1)
    if prev is None or prev.block is not sent.block:
        return False
    return _OPENER_SENTENCE.match(prev.text) is not None


def _attr_words(block: Block) -> set[str]:
    words: set[str] = set()
    for key, value in block.attrs.items():
        if key not in _ATTR_KEYS and not key.startswith("data-"):
            continue
        vals: Any = value if isinstance(value, (list, tuple)) else [value]
        for v in vals:
            words.update(w for w in re.split(r"[^a-z0-9]+", str(v).lower()) if w)
    # "no-thanks", "no_thanks" -> "no", "thanks"; "nothanks" stays whole
    return words


def _is_accept(block: Block) -> bool:
    return bool(_attr_words(block) & _ACCEPT_ATTR) or bool(_ACCEPT_TEXT.match(block.text))


def _decline_by_markup(view: DocView, block: Block) -> bool:
    """HTML decline semantics: a decline class/role, or the second button beside an accept."""
    if _attr_words(block) & _DECLINE_ATTR:
        return True
    group = block.attrs.get("group")
    if group is None or _is_accept(block):
        return False
    return any(
        other is not block
        and other.is_ui
        and other.attrs.get("group") == group
        and _is_accept(other)
        for other in view.doc.blocks
    )


def _starts_label(cue: Cue) -> bool:
    """The shame clause is the label itself: it starts within the first 3 tokens."""
    lw = cue.sent.lowers or []
    words_before = [w for w in lw[: cue.start] if w.isalnum()]
    return len(words_before) == 0 and cue.start <= 3


def _refusal_ok(cue: Cue) -> bool:
    """A refused benefit, not a communication preference or "this offer" (see _COMM_WORDS);
    a paying clause with a negator inside ("I won't pay more") refuses a cost instead."""
    if cue.label == "RCP020.REFUSE":
        return not any(w in _COMM_WORDS for w in cue.lowers)
    if cue.label == "RCP020.PAY":
        return not any(w in _NEGATORS for w in cue.lowers)
    return True


def _shame_cues(view: DocView, sent: Sentence) -> list[Cue]:
    return [c for c in view.in_sentence(sent, *SHAME) if _refusal_ok(c)]


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _decline_hits(view: DocView) -> Iterator[Hit]:
    seen: set[int] = set()
    for cue in view.cues(*SHAME):
        sent = cue.sent
        if sent.index in seen:
            continue
        shame = _shame_cues(view, sent)
        if not shame:
            continue
        first = min(shame, key=lambda c: (c.start, -c.end))
        why = ""
        start_tok: int | None = None
        if sent.block.is_ui:
            if _opener_start(sent) is not None:
                why = "the decline option opens with a refusal"
            elif any(_starts_label(c) for c in shame):
                why = "the label itself is the self-deprecating refusal"
            elif _decline_by_markup(view, sent.block):
                why = "the markup marks it as the decline option"
            else:
                continue
            seen.add(sent.index)
            yield Hit.at(
                sent,
                Severity.ERROR,
                f'The decline option "{_quote(sent.text)}" makes the reader shame themselves '
                f'("{_quote(first.text, 50)}").',
                evidence=[("shame", first)],
                checked=[why],
            )
            continue
        start_tok = _opener_start(sent)
        if start_tok is None and _previous_is_opener(view, sent) and _starts_label(first):
            start_tok = 0
        if start_tok is None:
            continue
        seen.add(sent.index)
        last = max(c.end for c in shame)
        hit = Hit.tokens(
            sent,
            start_tok,
            last,
            Severity.ERROR,
            f'"{_quote(sent.text)}" is a decline option that makes the reader shame themselves '
            f'("{_quote(first.text, 50)}").',
            evidence=[("shame", first)],
            checked=["a DECLINE opener starts the sentence (first 3 tokens)"],
        )
        yield hit


def _opt_out_near(view: DocView, loss: Cue) -> Cue | None:
    """An unsubscribe or decline path in the same sentence or the one before (§7 A1)."""
    lo, hi = view.window(loss, 1, 0)
    paths = view.cues("UNSUB", "RCP020.DECLINE_PATH", lo=lo, hi=hi)
    same = [c for c in paths if c.sent is loss.sent]
    if same:
        return same[0]
    # the sentence before counts only inside the same paragraph: an "Unsubscribe" header link
    # is not the opt-out a promotion further down is talking about
    prev = [c for c in paths if c.sent is not loss.sent and c.sent.block is loss.sent.block]
    return prev[-1] if prev else None


def _opt_out_hits(view: DocView) -> Iterator[Hit]:
    seen: set[int] = set()
    for loss in view.cues("RCP020.LOSS"):
        if loss.sent.index in seen:
            continue
        path = _opt_out_near(view, loss)
        if path is None:
            continue
        seen.add(loss.sent.index)
        yield Hit.at(
            loss,
            Severity.ERROR,
            f'Opting out ("{_quote(path.text, 40)}") is framed with loss or guilt aimed at the '
            f'reader: "{_quote(loss.text, 60)}".',
            evidence=[("opt-out", path)],
            checked=["§7 A1: an opt-out path with loss or guilt aimed at the reader in S-1..0"],
        )


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence: a shamed decline option, or a guilt-framed opt-out line."""
    done: set[int] = set()
    for hit in (*_decline_hits(view), *_opt_out_hits(view)):
        if hit.sent.index in done:
            continue
        done.add(hit.sent.index)
        yield hit


RULE = Rule(
    code="RCP020",
    name="confirmshaming",
    summary='A decline option that shames the reader ("No thanks, I\'d rather pay full price")',
    family="E",
    severity=Severity.ERROR,
    scope="S0 / UI string",
    pitfall="Reciprocity guilt",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "Mathur et al. 2019, Dark Patterns at Scale (confirmshaming)",
        "Gray et al. 2018 (toying with emotion)",
        "India CCPA Dark Patterns Guidelines 2023, Annexure 1 (confirm shaming)",
        "UK Code of Fundraising Practice (2019) §8.1.1, by analogy",
        "Catalogue §7 A1",
    ),
    corrective=(
        "Make the decline option neutral ('No thanks', 'Not now'). Don't make people insult "
        "themselves in order to say no."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
