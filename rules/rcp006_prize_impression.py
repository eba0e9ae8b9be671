"""Prize or "winner" impression ("You've won!", "you've been selected to receive").

## What it does
Flags copy that tells the reader they have won, been selected for or are owed a prize or
reward: "you've won", "you're our lucky winner", "congratulations, you've been selected",
"claim your prize", "your reward is waiting", "guaranteed prize", "selected to receive", "you
were awarded". "Selected"/"chosen" and "congratulations, you ..." count only when a prize or
benefit is named in the same or the next sentence, so "you've been selected to represent your
state in our poll" is left alone.

It is an **error** when claiming costs something within the next two sentences (pay, fee,
postage, shipping, a call or a text, a purchase or subscription, "to claim", processing): the
EU blacklists that outright, even for a negligible cost. Otherwise it is a **warning**: the
prize must exist and be awarded as described.

Not a prize impression: "award-winning", "winners will be announced", "we won the election",
"you won the debate for us", "won't", and a reward the reader has earned in a loyalty programme
("You've earned 500 points: your reward is ready").

With an explicit `jurisdiction` that includes none of EU, UK or IN, the error is reported as a
warning (catalogue §6: UCPD Annex I is per se law only there). Without a configured
jurisdiction the catalogue severity stands.

## Why is this bad?
UCPD Annex I No. 31 bans, in all circumstances, "creating the false impression that the
consumer has already won, will win, or will on doing a particular act win, a prize or other
equivalent benefit" when there is no prize or claiming it costs money. The CJEU (Purely
Creative, C-428/11) held that any cost, even a stamp, is enough. A "prize" that everyone gets is
a gift dressed up to exploit the excitement of winning.

## Example
```text
Congratulations, you've been selected to receive a luxury watch — just pay $9.95 postage to
claim it.
You're a winner! Call our prize line to find out what you've won.
```

## Use instead
```text
Every new member gets a free watch strap. We pay the postage; there is nothing to claim.
```

## Corrective action
Don't suggest the reader has won or been selected unless a real prize exists and claiming it
costs nothing, not even postage or a call. Call an item everyone receives a "gift", not a
"prize".

## References
- UCPD 2005/29/EC Annex I No. 31 (false impression of having won a prize).
- CJEU C-428/11 *Purely Creative* (18 Oct 2012): prohibited even if the cost is negligible or a
  free claiming method is also offered.
- UK ASA / CAP Code rule 8.21.1 and guidance "gifts v prizes".
- Catalogue §5.9 ("winner"/"won" traps), §6 (precedence over RCP005; jurisdiction overrides).
- Seed guardrail: every act of reciprocity must be truthful.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, Sentence

from ._common_a import negated, outside_ucpd

PATTERNS = {
    # the reader has won / is a winner: a prize impression on its own
    "RCP006.WON": (
        "you ('ve|have)? (just|already)? won",
        "you ('re|are) (a|our|the|today 's|this week 's)? (lucky|guaranteed|confirmed|official|grand prize|big|latest)? (winner|finalist)",
        "claim your (prize|reward|winnings|award|jackpot|cash prize|cash reward|prize money)",
        "(prize|reward|award|winnings|jackpot) (is|are)? (awaits|await|awaiting)",
        "(prize|award|winnings|jackpot) (is|are) (waiting|ready|pending)",
        "your (reward|prize|winnings|award) (is|are) (waiting|ready|pending|on its way)",
        "guaranteed (prize|winner|reward|award|cash prize)",
        "selected to receive",
        "you (were|have been|'ve been|are being) (gifted|awarded|granted)",
        "(qualified|qualify|eligible) to (receive|claim|win) (a|your|the)? (prize|reward|award|cash)",
        "your winning (number|numbers|ticket|tickets|entry|code)",
        "(you|you 've|you have|you 're|you are) (got|have|hold|holding|drew|drawn) (the|a) winning",
        "(prize|award|lottery|sweepstakes|winner|winnings) notification",
    ),
    # selection and congratulations: a prize impression only next to a benefit
    "RCP006.SELECTED": (
        "you ('ve|have)? (been|were) (hand|specially|personally|randomly|officially|carefully)? - ? (selected|chosen|picked)",
        "congratulations (,|!|\\.)? (you|you 've|you 're|you have|you are)",
    ),
    "RCP006.BENEFIT": (
        "(prize|prizes|reward|rewards|winnings|jackpot|cash|gift|gifts|free|bonus|vacation|getaway|cruise|voucher|vouchers|sweepstakes|lottery|giveaway|claim|iphone|ipad)",
        "(an|the|your|this) award",
        "gift card",
        "MONEY",
    ),
    # a cost or action needed to claim (catalogue RCP006 escalation)
    "RCP006.COST": (
        "(pay|paying|pays|fee|fees|postage|shipping|processing|deposit|wire|dial)",
        "(call|text|phone|sms)",
        "premium (rate|line|number)",
        "(purchase|buy|subscribe|subscription)",
        "order",
        "to claim",
        "(small|nominal|handling|delivery) (charge|cost)",
    ),
    "RCP006.EARNED": (
        "(you 've|you have|you) (earned|collected|accumulated|redeemed)",
        "(points|miles|cashback|cash back|loyalty|rewards member|rewards program|rewards programme)",
    ),
}

# "you won the election for us": a report, not a prize
_WON_OBJECTS = frozenset(
    {
        "election",
        "elections",
        "race",
        "races",
        "seat",
        "seats",
        "vote",
        "votes",
        "primary",
        "debate",
        "debates",
        "battle",
        "fight",
        "argument",
        "majority",
        "case",
        "award",
        "awards",
        "heart",
        "hearts",
        "war",
        "game",
        "match",
        "day",
        "trust",
    }
)
_REPORT_AFTER = frozenset(
    {"us", "them", "it", "over", "back", "the", "this", "that", "our", "their"}
)


def check(view: DocView) -> Iterator[Hit]:
    """One finding per prize claim: the first impression, spanning the others in its sentence.

    Follow-ups within the next two sentences ("You're a winner! Call to find out what you've
    won.") belong to the same claim and are not reported again.
    """
    last: dict[bool, int] = {}
    impressions = _impressions(view)
    for k, cue in enumerate(impressions):
        subj = cue.sent.in_subject
        if subj in last and 0 <= cue.index - last[subj] <= 2:
            continue
        last[subj] = cue.index
        same = [c for c in impressions[k:] if c.sent is cue.sent]
        end_cue = max(same, key=lambda c: c.end)
        costs = _costs(view, cue)
        if costs:
            sev = Severity.ERROR
            note = ""
            if outside_ucpd(view):
                sev = Severity.WARNING
                note = " (warning: the configured jurisdiction is outside the EU/UK/IN blacklist)"
            yield Hit.span(
                cue,
                end_cue,
                sev,
                f'"{_span_text(cue, end_cue)}" suggests the reader has won something, and '
                f'claiming it costs them ("{_phrase(costs[0])}"){note}.',
                evidence=[("cost", costs[0])],
                checked=["cost or action to claim in S0..+2: found"],
            )
        else:
            yield Hit.span(
                cue,
                end_cue,
                Severity.WARNING,
                f'"{_span_text(cue, end_cue)}" suggests the reader has won something; verify a '
                "real prize exists and is awarded as described.",
                checked=["no cost or action to claim in S0..+2"],
                verify="that a real prize exists, is awarded as described and costs nothing",
            )


def _span_text(first: Cue, last: Cue) -> str:
    s, e = first.char_span[0], max(first.char_span[1], last.char_span[1])
    return " ".join(first.sent.block.text[s:e].split())


def _impressions(view: DocView) -> list[Cue]:
    out = []
    for subject in (True, False):
        for cue in view.cues("RCP006.WON", "RCP006.SELECTED", subject=subject):
            if negated(view, cue):
                continue
            if cue.label == "RCP006.SELECTED" and not _benefit_near(view, cue):
                continue
            if cue.lowers[-1] == "won" and (_won_report(cue) or _won_subordinate(cue)):
                continue
            if cue.label == "RCP006.WON" and _earned_reward(view, cue):
                continue
            out.append(cue)
    out.sort(key=lambda c: (not c.sent.in_subject, c.index, c.start))
    return out


def _benefit_near(view: DocView, cue: Cue) -> bool:
    """A prize or benefit named after the selection, in the same or the next sentence."""
    for c in _window(view, cue, 1):
        if c.label != "RCP006.BENEFIT":
            continue
        if c.sent is cue.sent and c.start < cue.end:
            continue
        return True
    return False


def _won_report(cue: Cue) -> bool:
    """ "you won the election (for us)", "you won us the seat": a report, not a prize."""
    lw = cue.sent.lowers or []
    after = lw[cue.end : cue.end + 3]
    if not after:
        return False
    if after[0] in ("the", "this", "that", "our", "their", "us", "them") and len(after) > 1:
        return after[1] in _WON_OBJECTS or (after[0] in ("us", "them") and after[1] != "a")
    return after[0] in _REPORT_AFTER and after[0] not in ("the", "this", "that", "our")


_SUBORDINATORS = frozenset(
    {"if", "when", "after", "once", "because", "since", "whether", "happy", "glad", "proud", "that"}
)


def _won_subordinate(cue: Cue) -> bool:
    """ "if you won", "you are happy you won": a hypothetical or a story, not a notification."""
    lw = cue.sent.lowers or []
    return cue.start > 0 and lw[cue.start - 1] in _SUBORDINATORS


def _earned_reward(view: DocView, cue: Cue) -> bool:
    """A loyalty reward the reader earned ("you've earned 500 points") is not a prize."""
    if not set(cue.lowers) & {"reward", "rewards"}:
        return False
    lo, hi = view.window(cue, 1, 0) if not cue.sent.in_subject else (0, -1)
    if view.cues("RCP006.EARNED", lo=lo, hi=hi):
        return True
    return any(c.label == "RCP006.EARNED" for c in cue.sent.cues)


def _window(view: DocView, cue: Cue, after: int) -> list[Cue]:
    """Cues in S0..+after; for a subject line, the subject plus the opening body sentences."""
    if cue.sent.in_subject:
        found = list(cue.sent.cues)
        for i in range(0, after):
            s = view.sentence(i)
            if s is not None:
                found.extend(s.cues)
        return found
    lo, hi = cue.index, min(cue.index + after, len(view.sentences) - 1)
    found = []
    for i in range(lo, hi + 1):
        s: Sentence | None = view.sentence(i)
        if s is not None:
            found.extend(s.cues)
    return found


def _costs(view: DocView, cue: Cue) -> list[Cue]:
    out = []
    for c in _window(view, cue, 2):
        if c.label != "RCP006.COST":
            continue
        if c.sent is cue.sent and c.start < cue.end and cue.start < c.end:
            continue
        if negated(view, c):
            continue  # "no purchase necessary", "no fees"
        lw = c.sent.lowers or []
        if c.lowers == ["order"] and c.start > 0 and lw[c.start - 1] == "in":
            continue  # "in order to"
        if c.lowers[0] in ("pay", "paying", "pays") and lw[c.end : c.end + 1] == ["you"]:
            continue  # "we pay you": money to the reader, not a cost
        out.append(c)
    return out


def _phrase(cue: Cue) -> str:
    """The cost cue with a few words of context ("pay $9.95 postage")."""
    sent = cue.sent
    lw = sent.lowers or []
    end = min(len(lw), cue.end + 3)
    for k in range(cue.end, end):
        if lw[k] in (".", "!", "?", ",", ";", ":", "—", "–"):
            end = k
            break
    s, e = sent.char_span(cue.start, max(end, cue.end))
    return " ".join(sent.block.text[s:e].split())


RULE = Rule(
    code="RCP006",
    name="prize-impression",
    summary='Tells the reader they have won or been selected for a prize ("You\'ve won!")',
    family="A",
    severity=Severity.ERROR,
    scope="S0..+2",
    pitfall="Untruthful offer",
    stage="give value",
    guardrail="truthful",
    sources=(
        "UCPD 2005/29/EC Annex I No. 31",
        "CJEU C-428/11 Purely Creative",
        "UK CAP Code 8.21.1",
        "Seed guardrail: truthful",
    ),
    corrective=(
        "Don't suggest the reader has won or been selected unless a real prize exists and "
        "claiming it costs nothing, not even postage or a call. Call an item everyone receives "
        "a 'gift', not a 'prize'."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that a real prize exists, is awarded as described and costs nothing to claim",
)
