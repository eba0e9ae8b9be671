"""Guilt or shame accusation in asks ("we expected more from you", "don't let us down").

## What it does
Flags copy that accuses or shames the reader for not acting:

- accusations of silence or failure: "you haven't donated yet", "we noticed you didn't respond",
  "three emails and radio silence from you", "we expected more from you", "that's on you",
  "won't you regret not stepping up?";
- appeals whose negation *is* the lever (catalogue §7 A10): "don't let us down", "please don't
  abandon us", "don't leave us hanging", "don't let them win without you". A plain negation still
  cancels a cue ("you have never let us down" is praise);
- fake status lines about the reader's giving (catalogue §7 A7): "2020 Supporter: NOT YET",
  "Membership: INACTIVE", "DONATION AMOUNT YTD: $0.00", "we haven't seen your name";
- rhetorical challenges and indifference accusations: "I can't sit back and let this happen. Can
  you?", "most readers simply look the other way".

It is a warning; an error when a request to give or buy sits within two sentences, because the
guilt is then the lever for the ask. A decline option or opt-out line that shames the reader is
RCP020, which takes precedence on the same words (catalogue §6).

## Why is this bad?
Readers who stay silent have made a choice; telling them they failed you turns a voluntary gift
into a debt and spends the trust the next appeal needs. Fundraising codes forbid undue pressure
and deliberately making a donor feel guilty, and research on political email documents these
accusations as pressure tactics.

## Example
```text
We noticed you haven't donated yet this year, and we expected more from you.
2020 Supporter: NOT YET
Please don't let us down. Chip in $10 before midnight.
```

## Use instead
```text
Last year 1,200 neighbours kept the pantry open. A $10 gift stocks a family's shelf for a week;
if now isn't the right time, we're glad you're reading.
```

## Corrective action
Describe the need and the impact of giving. Don't accuse or shame the reader for not acting:
readers who stay silent have made a choice you should respect. (Seed pitfall "Reciprocity guilt":
reinforce "no obligation" phrasing.)

## References
- UK Code of Fundraising Practice (2025) §1.1.2 (no undue pressure); 2019 code §8.1.1, by
  analogy (do not "deliberately try to make a potential donor feel guilty").
- Mathur et al. 2020/2023, "Manipulative tactics are the norm in political emails" (pressure
  tactics); Globe and Mail 2024 ("a disgrace", "SLAP IN THE FACE", "RADIO SILENCE").
- AFP Code of Ethical Standards: do not "exploit any relationship with a donor".
- Seed pitfall "Reciprocity guilt: buyer feels trapped".
- Catalogue §7 A7 (fake records about the reader's giving), §7 A10 (negated imperatives that are
  the appeal), §6 (RCP020 over RCP021).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks
from linter.view import Cue, DocView, Hit, Sentence

_DONT = "(do n't|do not|do nt|don't|dont)"
_HAVENT = "(have n't|have not|haven't|never|did n't|did not|didn't|still have n't|still haven't|have still not|'ve never|have never|'ve not|have yet to|still have not)"
_RESPONDED = (
    "(responded|replied|given|donated|answered|opened|stepped up|helped|chipped in|contributed|"
    "signed|rsvped|rsvp 'd|renewed|joined|pitched in|pledged|supported|"
    "made a (gift|donation|contribution|pledge)|made your (gift|donation|contribution|pledge)|"
    "respond|reply|give|donate|answer|step up|help|chip in|contribute|rsvp|renew|pitch in|"
    "pledge|support)"
)
_DEPENDENTS = (
    "(families|family|kids|children|animals|dogs|cats|people|volunteers|staff|team|students|"
    "patients|community|campaign|party|candidate|candidates|neighbors|neighbours|troops|"
    "veterans|workers|members|supporters|cause|movement|fight|mission|refugees|seniors|babies|"
    "president|nominee|ticket|country|state|district|organization|grassroots|side)"
)
_TARGET = f"(us|me|him|her|them|everyone|(the|our|these|those|all the) ANY? {_DEPENDENTS})"
_GIVING_NOUN = (
    "(supporter|supporters|member|membership|donor|contributor|sustainer|donation|donations|"
    "contribution|contributions|contributed|donated|chipped in|pledge|pledged|renewed|"
    "signature|rsvp|response|responded|sustaining member)"
)
_STATUS_NEG = (
    "(not yet|no|none|inactive|lapsed|unpaid|missing|pending|incomplete|not found|not active|"
    "not received|unconfirmed|unverified|$ 0.00|$ 0|0|0.00|n / a|expired|blank|empty)"
)

PATTERNS = {
    # accusations (the §0.3 negation model applies, e.g. "it's not that you haven't given")
    "RCP021.ACCUSE": (
        f"you {_HAVENT} (yet|even|once|ever)? {_RESPONDED}",
        f"you {_HAVENT} (yet|even|once|ever)? rsvp'd",
        "(you're|you 're|you are) (still)? not (yet)? (responding|replying|answering|helping|giving|donating)",
        # "we noticed you haven't donated" is the pattern above; the catalogue's wider "we noticed
        # you didn't ..." would also take cart reminders ("you didn't finish checking out")
        "you ('ve|have|'re|are|been) ~1 (ignored|ignoring) (us|me|our|my)",
        "(ignoring|ignored) (us|me|our|my) (emails|messages|calls|texts|requests|pleas|appeals)",
        "disappointed (in|with) you",
        "we expected (more|better) (from|of) you",
        "how could you (ignore|abandon|forget|leave|walk|stay|sit|stand|refuse|turn)",
        "how could you let ~3 (down|happen|slip|suffer|win|starve|fail|lapse|expire|go|die)",
        "how could you (say no|not care)",
        f"{_DONT} you (even)? care",
        "do you (even|really) care",
        "do you (even|really)? care \\?",
        "are you (really|seriously|honestly) going to",
        "on your (hands|conscience)",
        "we thought you (cared|were different|were with us|were better)",
        "(wo n't|won't|will|would|would n't|wouldn't) you (ever)? (regret|forgive yourself)",
        "regret not (stepping up|giving|donating|acting|helping|chipping in|doing more|doing your part|joining|standing up|pitching in|contributing|supporting|being there)",
        "(could|can|how will|how would|how could) you (live with yourself|forgive yourself|look them in the eye)",
        "(will|are) you (really|just)? (going to)? (just)? (sit|stand) (back|by|idly by|on the sidelines)",
    ),
    # accusation nouns: count only when aimed at the reader (a "you" in the sentence)
    "RCP021.ACCUSE_NOUN": (
        "radio silence",
        "(a|an|such a|total|absolute|complete) disgrace",
        "slap in the face",
        "shame on you",
    ),
    # §7 A10: the negated imperative is the appeal; a subject before the negator cancels it
    "RCP021.APPEAL": (
        f"(let|letting) ({_TARGET}|(the|our|these|those) ANY) down",
        f"let down {_TARGET}",
        f"(abandon|abandoning|desert|deserting|forsake|forsaking|quit on|give up on|giving up on|walk away from|walking away from|turn your back on|turning your back on|turn your backs on) {_TARGET}",
        "(leave|leaving) (us|me|him|her|them|the team) (hanging|alone|behind|in the lurch|high and dry|stranded)",
        "let (them|him|her|the other side|the ANY) win without you",
        "turn(ed)? your back",
    ),
    # §7 A7: fake status lines about the reader's giving ("2020 Supporter: NOT YET")
    "RCP021.STATUS_LINE": (f"{_GIVING_NOUN} ~6 (:|\\?|-|—|–) {_STATUS_NEG}",),
    # ... and the same record told in a sentence
    "RCP021.STATUS": (
        "(membership|member|supporter|donor|sustainer|contribution|donation|pledge|support|giving) ~3 (is|remains|are) still (inactive|lapsed|expired|not active|unpaid|incomplete|missing|pending|empty|blank|unfulfilled)",
        "(you're|you 're|you are) still not (a|an|one of our) ~2 (member|supporter|donor|contributor|sustainer|members|supporters|donors|sustainers|contributors)",
        "we (have n't|have not|haven't|still have n't|still haven't|did n't|didn't) (seen|received|gotten|got) (your|a) (name|donation|contribution|gift|pledge|rsvp|response)",
        "we (have n't|have not|haven't) heard (back)? from you yet",
        "we still (have n't|have not|haven't) heard (back)? from you",
    ),
    # "June FEC Contributor? NO": the answer is the next sentence (read in Python)
    "RCP021.STATUS_Q": (f"{_GIVING_NOUN} \\?",),
    # "I can't sit back and let this happen. Can you?"
    "RCP021.SIT_BACK": (
        "(sit|sitting|stand|standing) (back|by|idly by|on the sidelines|silent|silently) (and|while) (let|watch|allow|do|let 's)?",
    ),
    # "most readers simply look the other way": an accusation of indifference
    "RCP021.LOOK_AWAY": ("(look|looks|looking|looked) the other way", "turn a blind eye"),
}

_READERS = frozenset(
    "you your you're readers reader visitors users supporters subscribers members everyone people".split()
)
_GIVING = frozenset(
    "give gives giving donate donates donating donors donation donations chip pitch support contribute".split()
)
# "Can you?", "So, will you?": a rhetorical challenge on its own (read from the raw text: the
# sentence holds no cue, so it may not be tokenized)
_CHALLENGE = re.compile(r"^\W*(?:(?:so|and|now|well)\W+)?(?:can|will|would|could) you\s*\?", re.I)
# "that's on you" / "it will be on you", not "it's on you to decide" or "on you and me"
_ON_YOU = re.compile(
    r"\b(?:that|it|this)(?:['’]s|\s+is|\s+will\s+be|['’]ll\s+be)\s+(?:all\s+)?on\s+you\b"
    r"(?!\s+(?:to|and)\b)",
    re.I,
)
_ON_YOU_QUICK = re.compile(r"on\s+you", re.I)
_STATUS_ANSWER = re.compile(r"^\W*(no|not yet|none|nope|inactive|n/a|not active)\W*$", re.I)
_WORD = re.compile(r"[\w'’]+")
# "you know", "you see", "you guessed it", "if you think": not the accusation's target
_FILLER_AFTER_YOU = frozenset("know see guessed guess think believe ask agree".split())
_UP_VERBS = frozenset({"given", "giving", "give"})
_CONDITIONALS = frozenset("if unless whether when once case".split())
_SECOND_PERSON = frozenset({"you", "your", "you're", "yourself", "yours", "you'll", "you've"})
_SUBJECTS = frozenset(
    "you we i they he she it who that which people everyone nobody someone you've you're".split()
)
_IMPERATIVE_LEAD = frozenset({"please", "so", "and", "now", "just", "then", "but", "oh"})
_REFUSERS = frozenset({"n't", "not", "cannot", "never", "refuse", "won't", "can't"})
ASK_WINDOW = 2


def _tokens(sent: Sentence) -> list[str]:
    return sent.lowers or []


def _imperative_negation(cue: Cue) -> bool:
    """ "(please) don't let us down": the negator is an imperative's, not a subject's."""
    lw = _tokens(cue.sent)
    for k in range(cue.start - 1, max(-1, cue.start - 4), -1):
        w = lw[k]
        if w in ("n't", "not", "nt") and k > 0 and lw[k - 1] == "do":
            before = lw[k - 2] if k > 1 else ""
            return before not in _SUBJECTS
        if w in ("don't", "dont"):
            before = lw[k - 1] if k > 0 else ""
            return before not in _SUBJECTS
        if w == "never":
            before = lw[k - 1] if k > 0 else ""
            return before == "" or not before.isalnum() or before in _IMPERATIVE_LEAD
    return False


def _appeal_aimed_at_reader(cue: Cue) -> bool:
    """The reader is the one letting down: an imperative, "you", or "going to let ..."."""
    lw = _tokens(cue.sent)
    before = lw[max(0, cue.start - 5) : cue.start]
    if not any(w.isalnum() or "'" in w for w in before):
        return True  # sentence-initial: "Let us down?" / after a dash or a name
    if any(w in _SECOND_PERSON for w in before):
        return True
    if before and before[-1] in ("to", "please"):
        return True
    words = [w for w in before if w.isalnum() or "'" in w]
    return bool(words) and words[-1] in ("do", "n't", "not", "never", "don't", "dont", "please")


def _conditional_before(lw: list[str], start: int) -> bool:
    for w in reversed(lw[:start]):
        if w in (";", ":", "—", "–"):
            return False
        if w in _CONDITIONALS:
            return True
    return False


def _inside_quote(cue: Cue) -> bool:
    return _inside_quote_text(cue.sent.block.text[cue.sent.start : cue.char_span[0]])


def _inside_quote_text(before: str) -> bool:
    """An odd number of double quotes before a cue in its sentence: someone else's words."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _aimed_at_you(cue: Cue) -> bool:
    """A "you" within 6 tokens of an accusation noun, fillers ("you know") aside."""
    lw = _tokens(cue.sent)
    lo, hi = max(0, cue.start - 6), min(len(lw), cue.end + 6)
    for k in range(lo, hi):
        if lw[k] in _SECOND_PERSON and (k + 1 >= len(lw) or lw[k + 1] not in _FILLER_AFTER_YOU):
            return True
    return False


def _live(view: DocView, cue: Cue) -> bool:
    if cue.label == "RCP021.APPEAL":
        if not _appeal_aimed_at_reader(cue):
            return False
        return not view.negated(cue) or _imperative_negation(cue)
    if cue.label == "RCP021.ACCUSE_NOUN" and not _aimed_at_you(cue):
        return False
    if cue.label in ("RCP021.ACCUSE", "RCP021.ACCUSE_NOUN") and _inside_quote(cue):
        return False  # a quoted third party ("Shame on you," the judge said)
    if cue.label == "RCP021.ACCUSE":
        lw = _tokens(cue.sent)
        if cue.lowers[0] == "you" and _conditional_before(lw, cue.start):
            return False  # "If you haven't given yet, ..." is a condition, not an accusation
        if lw[cue.end : cue.end + 1] == ["up"] and lw[cue.end - 1] in _UP_VERBS:
            return False  # "you haven't given up", "you're not giving up"
    if cue.label == "RCP021.STATUS":
        return True  # the negation is the status itself ("your membership is still inactive")
    if cue.label == "RCP021.STATUS_LINE":
        # the negation is the status itself ("Supporter: NOT YET"); "Response: 0% complete"
        # is a progress bar, not a record of the reader's giving
        # the status ends its line: "RSVP: No contact events this week" is a schedule
        after = _tokens(cue.sent)[cue.end : cue.end + 1]
        if not after or not (after[0][:1].isalnum() or after[0] in ("%", "/")):
            return True
        nxt_start, _ = cue.sent.char_span(cue.end, cue.end + 1)
        return "\n" in cue.sent.block.text[cue.char_span[1] : nxt_start]
    return not view.negated(cue)


def _challenge(view: DocView, sit: Cue) -> Sentence | None:
    """A first-person refusal to sit back, then a rhetorical "Can you?" as the next sentence."""
    lw = _tokens(sit.sent)
    if not any(w in _REFUSERS for w in lw[max(0, sit.start - 3) : sit.start]):
        return None
    nxt = view.sentence(sit.index + 1)
    if nxt is not None and _CHALLENGE.match(nxt.text):
        return nxt
    return None


def _look_away_aimed(view: DocView, cue: Cue) -> bool:
    """Indifference pinned on the readers who don't give (in S-1..0), not on a politician."""
    words = set(_WORD.findall(cue.sent.text.lower()))
    prev = view.sentence(cue.index - 1)
    if prev is not None and prev.block is cue.sent.block:
        words |= set(_WORD.findall(prev.text.lower()))
    return bool(words & _READERS) and bool(words & _GIVING)


def _asks_near(view: DocView, trig: _Trigger) -> list[Cue]:
    """Requests to give or buy in S±2, the guilt cue's own words excluded.

    `asks()` drops negated asks; here "if you don't give today" is still the ask the guilt
    presses ("...that's on you"), so conditional negated asks count too.
    """
    if trig.sent.in_subject:
        lo, hi = 0, ASK_WINDOW
    else:
        lo, hi = view.window(trig.sent, ASK_WINDOW, ASK_WINDOW)
    live = {id(c) for c in asks(view)}
    out = []
    for c in view.cues("ASK_HIGH", lo=lo, hi=hi):
        cs, ce = c.char_span
        if c.sent is trig.sent and cs < trig.end and ce > trig.start:
            continue
        if id(c) in live or _conditional(c):
            out.append(c)
    return out


def _conditional(c: Cue) -> bool:
    lw = _tokens(c.sent)
    window = lw[max(0, c.start - 4) : c.start]
    return ("if" in window or "unless" in window) and "you" in window


@dataclass
class _Trigger:
    """A guilt cue: a lexicon match, or a regex match in a sentence ("that's on you")."""

    label: str
    sent: Sentence
    start: int  # block-relative characters
    end: int
    follow: Sentence | None = None  # the "Can you?" or the "NO" answering a status question

    @classmethod
    def of(cls, cue: Cue, follow: Sentence | None = None) -> _Trigger:
        s, e = cue.char_span
        return cls(cue.label, cue.sent, s, e, follow)

    @property
    def text(self) -> str:
        return self.sent.block.text[self.start : self.end]


_KIND = {
    "RCP021.ACCUSE": "accuses the reader of failing you",
    "RCP021.ON_YOU": "blames the reader for the outcome",
    "RCP021.ACCUSE_NOUN": "shames the reader",
    "RCP021.APPEAL": "makes the reader responsible for letting you down",
    "RCP021.STATUS": "presents the reader's giving as a failing record (§7 A7)",
    "RCP021.STATUS_LINE": "presents the reader's giving as a failing record (§7 A7)",
    "RCP021.STATUS_Q": "presents the reader's giving as a failing record (§7 A7)",
    "RCP021.LOOK_AWAY": "accuses readers who don't give of indifference",
    "RCP021.SIT_BACK": "challenges the reader's conscience",
}


def _candidates(view: DocView, subject: bool) -> Iterator[_Trigger]:
    labels = (
        "RCP021.ACCUSE",
        "RCP021.ACCUSE_NOUN",
        "RCP021.APPEAL",
        "RCP021.STATUS",
        "RCP021.STATUS_LINE",
    )
    for cue in view.cues(*labels, subject=subject):
        if _live(view, cue):
            yield _Trigger.of(cue)
    for cue in view.cues("RCP021.LOOK_AWAY", subject=subject):
        if not view.negated(cue) and _look_away_aimed(view, cue):
            yield _Trigger.of(cue)
    for cue in view.cues("RCP021.STATUS_Q", subject=subject):
        nxt = view.sentence(cue.index + 1) if not subject else None
        if nxt is not None and nxt.block is cue.sent.block and _STATUS_ANSWER.match(nxt.text):
            yield _Trigger.of(cue, nxt)
    if not subject:
        for cue in view.cues("RCP021.SIT_BACK"):
            ch = _challenge(view, cue)
            if ch is not None:
                yield _Trigger.of(cue, ch)
    # "that's on you": no token of it can anchor a sentence, so it is read from the raw text
    # (blocks without "on you" are skipped with one substring test)
    yield from _on_you(view.subject if subject else view.sentences)


def _on_you(sentences: list[Sentence]) -> Iterator[_Trigger]:
    candidates: dict[int, bool] = {}
    for sent in sentences:
        bi = sent.block_index
        if bi not in candidates:
            candidates[bi] = _ON_YOU_QUICK.search(sent.block.text) is not None
        if not candidates[bi]:
            continue
        for m in _ON_YOU.finditer(sent.text):
            if not _inside_quote_text(sent.text[: m.start()]):
                yield _Trigger("RCP021.ON_YOU", sent, sent.start + m.start(), sent.start + m.end())


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence (subject lines included), error when guilt presses an ask."""
    done: set[tuple[bool, int]] = set()
    found = [*_candidates(view, True), *_candidates(view, False)]
    found.sort(key=lambda t: (not t.sent.in_subject, t.sent.index, t.start))
    for trig in found:
        key = (trig.sent.in_subject, trig.sent.index)
        if key in done:
            continue
        done.add(key)
        asks_near = _asks_near(view, trig)
        severity = Severity.ERROR if asks_near else Severity.WARNING
        quoted = " ".join(trig.text.split())
        if trig.follow is not None:
            joiner = " " if trig.label == "RCP021.STATUS_Q" else " ... "
            quoted += joiner + " ".join(trig.follow.text.split())
        message = f'"{quoted}" {_KIND[trig.label]}'
        if asks_near:
            message += f', next to the ask "{asks_near[0].text}".'
        else:
            message += "."
        evidence: list[tuple[str, Cue | Sentence]] = []
        if trig.follow is not None:
            label = "answer" if trig.label == "RCP021.STATUS_Q" else "challenge"
            evidence.append((label, trig.follow))
        if asks_near:
            evidence.append(("ask", asks_near[0]))
        yield Hit(
            severity,
            message,
            trig.sent,
            trig.start,
            trig.end,
            evidence=evidence,
            checked=[
                "negation (§0.3), with §7 A10 imperatives kept",
                f"ASK_HIGH in S±{ASK_WINDOW}: {'found' if asks_near else 'none'}",
            ],
        )


RULE = Rule(
    code="RCP021",
    name="guilt-accusation",
    summary='Accuses or shames the reader for not acting ("we expected more from you")',
    family="E",
    severity=Severity.WARNING,
    scope="S±2",
    pitfall="Reciprocity guilt",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "UK Code of Fundraising Practice (2025) §1.1.2; (2019) §8.1.1 by analogy",
        "Mathur et al. 2020/2023, political email pressure tactics",
        "AFP Code of Ethical Standards (exploiting a donor relationship)",
        "Seed pitfall: Reciprocity guilt",
        "Catalogue §7 A7, A10",
    ),
    corrective=(
        "Describe the need and the impact of giving. Don't accuse or shame the reader for not "
        "acting. Readers who stay silent have made a choice you should respect."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
