"""Which occurrences of "free" and "gift" are offers to the reader (catalogue §5.1, §5.2).

Honest copy is full of "gluten-free", "feel free", "free time" and "your gift of $50". Rules never
look at the raw FREE_HEAD or gift cues; they ask this module, which drops the traps once per
document and classifies each real offer (TRIAL, LOGISTICS, SERVICE, RESOURCE, GIFT, PLAN,
GENERIC) by the words around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .view import Cue, DocView, Sentence, in_quotes

# "X-free" / "X free" attributes ("without X"): not offers.
X_FREE = frozenset(
    [
        "gluten",
        "sugar",
        "dairy",
        "fat",
        "caffeine",
        "alcohol",
        "nut",
        "soy",
        "gmo",
        "bpa",
        "cruelty",
        "paraben",
        "fragrance",
        "scent",
        "latex",
        "lactose",
        "meat",
        "smoke",
        "drug",
        "tobacco",
        "toll",
        "hands",
        "duty",
        "tax",
        "rent",
        "royalty",
        "hassle",
        "stress",
        "worry",
        "care",
        "trouble",
        "error",
        "bug",
        "ad",
        "ads",
        "clutter",
        "distraction",
        "spam",
        "crash",
        "carbon",
        "plastic",
        "waste",
        "lead",
        "chemical",
        "chemicals",
        "hormone",
        "antibiotic",
        "cage",
        "grain",
        "wheat",
        "salt",
        "calorie",
        "allergen",
        "mess",
        "maintenance",
        "pain",
        "debt",
        "mortgage",
        "crime",
        "frost",
        "lint",
        "streak",
        "drip",
        "glare",
        "static",
        "wrinkle",
        "rust",
        "tangle",
        "contact",
        "paper",
        "friction",
        "tool",
        "wire",
        "cord",
        "cash",
        "hand",
        "guilt",
        "fear",
        "scot",
        "nuclear",
        "virus",
        "germ",
        "odor",
        "odour",
        "pet",
        "peanut",
        "egg",
        "oil",
        "silicone",
        "sulfate",
        "sulphate",
        "vegan",
        "meat-free",
        "spoiler",
        "jargon",
        "noise",
        "emission",
        "emissions",
        "fossil",
        "dust",
        "pesticide",
        "additive",
        "preservative",
    ]
)
# Compounds that do claim a price or are handled by their own rule.
X_FREE_CLAIMS = frozenset({"fee", "cost", "charge", "commission", "interest"})
X_FREE_OTHER_RULES = frozenset({"risk", "obligation"})

FIXED_AFTER = frozenset(
    [
        "knowledge",
        "elections",
        "election",
        "society",
        "societies",
        "country",
        "nation",
        "nations",
        "expression",
        "flow",
        "assembly",
        "exercise",
        "encyclopedia",
        "culture",
        "citizens",
        "democracy",
        "donation",
        "donations",
        "contribution",
        "contributions",
        "time",
        "times",
        "speech",
        "will",
        "world",
        "kick",
        "kicks",
        "throw",
        "throws",
        "agent",
        "agents",
        "trade",
        "market",
        "markets",
        "press",
        "spirit",
        "spirits",
        "fall",
        "rein",
        "hand",
        "style",
        "verse",
        "radical",
        "radicals",
        "state",
        "software",
        "enterprise",
        "agency",
        "thinking",
        "thinker",
        "thought",
        "movement",
        "range",
        "standing",
        "form",
        "flowing",
        "floating",
        "lance",
        "lancer",
        "lancers",
        "way",
        "ways",
        "wheeling",
        "rider",
        "ride",
        "loader",
        "loaders",
        "electron",
        "electrons",
        "energy",
        "weight",
        "weights",
        "weekend",
        "evening",
        "afternoon",
        "morning",
        "day",
        "period",
        "association",
    ]
)
_FREE_TO_VERBS = frozenset(
    [
        "leave",
        "choose",
        "unsubscribe",
        "reply",
        "cancel",
        "ask",
        "contact",
        "share",
        "decide",
        "stop",
        "opt",
        "email",
        "call",
        "explore",
        "browse",
        "walk",
        "change",
        "pick",
        "say",
        "do",
        "be",
        "go",
        "make",
        "move",
        "come",
        "write",
        "disagree",
        "skip",
        "ignore",
        "delete",
        "pass",
        "reach",
        "drop",
        "forward",
        "print",
        "quote",
        "remix",
        "adapt",
        "copy",
    ]
)
_ADMISSION_NOUNS = frozenset(
    "admission entry entrance registration rsvp concert concerts event events rally rallies "
    "show screening party festival fair 5k race run walk tour tours museum parking "
    "tickets ticket".split()
)
_ADMISSION_VERBS = frozenset(
    "attend join enter visit watch stream play use access download read listen participate "
    "register rsvp install sign".split()
)
_GIVE_FORMS = frozenset({"give", "gives", "giving", "gave", "given", "get", "gets", "got"})
_ON_US_THINGS = frozenset(
    """month months week weeks shipping delivery lunch drinks drink coffee coffees dinner
    breakfast round tab bill meal meals treat setup installation postage upgrade cost fee fees
    ticket tickets pizza snacks dessert returns""".split()
)
_BE = frozenset({"is", "'s", "are", "was", "were", "be", "'re", "totally", "entirely"})
_PREDICATE_BEFORE = frozenset(
    {
        "is",
        "are",
        "'s",
        "was",
        "be",
        "stays",
        "remain",
        "remains",
        "stay",
        "were",
        "always",
        "completely",
        "totally",
        "entirely",
        "absolutely",
        "100",
        "%",
        "forever",
        "still",
    }
)

SUBCLASS_WORDS: dict[str, frozenset[str]] = {
    "LOGISTICS": frozenset(
        [
            "shipping",
            "delivery",
            "returns",
            "return",
            "exchanges",
            "exchange",
            "parking",
            "wifi",
            "wi",
            "fi",
            "pickup",
            "installation",
            "postage",
        ]
    ),
    "TRIAL": frozenset({"trial", "trials"}),
    "SERVICE": frozenset(
        [
            "consultation",
            "consultations",
            "consult",
            "audit",
            "audits",
            "assessment",
            "assessments",
            "estimate",
            "estimates",
            "quote",
            "quotes",
            "demo",
            "demos",
            "session",
            "sessions",
            "call",
            "calls",
            "review",
            "reviews",
            "diagnostic",
            "diagnostics",
            "analysis",
            "setup",
            "onboarding",
            "strategy",
            "coaching",
            "evaluation",
            "checkup",
            "check-up",
            "appraisal",
            "inspection",
        ]
    ),
    "RESOURCE": frozenset(
        [
            "guide",
            "guides",
            "e",
            "ebook",
            "ebooks",
            "checklist",
            "checklists",
            "template",
            "templates",
            "toolkit",
            "toolkits",
            "worksheet",
            "worksheets",
            "report",
            "reports",
            "whitepaper",
            "whitepapers",
            "webinar",
            "webinars",
            "course",
            "courses",
            "class",
            "classes",
            "workshop",
            "workshops",
            "sample",
            "samples",
            "download",
            "downloads",
            "pdf",
            "chapter",
            "chapters",
            "kit",
            "kits",
            "calculator",
            "calculators",
            "model",
            "models",
            "playbook",
            "playbooks",
            "book",
            "books",
            "copy",
            "copies",
            "tool",
            "tools",
            "resource",
            "resources",
            "training",
            "masterclass",
            "cheat",
            "sheet",
            "planner",
            "audiobook",
            "video",
            "videos",
            "lesson",
            "lessons",
            "newsletter",
            "issue",
        ]
    ),
    "GIFT": frozenset(
        [
            "gift",
            "gifts",
            "bonus",
            "bonuses",
            "tote",
            "totes",
            "mug",
            "mugs",
            "sticker",
            "stickers",
            "t",
            "shirt",
            "shirts",
            "tee",
            "bag",
            "bags",
            "calendar",
            "calendars",
            "bookmark",
            "bookmarks",
            "keychain",
            "keychains",
            "pen",
            "pens",
            "socks",
            "hat",
            "hats",
            "bottle",
            "notepad",
            "notepads",
            "present",
            "presents",
            "item",
            "items",
            "pillow",
            "pillows",
            "magnet",
            "magnets",
            "poster",
            "posters",
            "decal",
            "decals",
            "hoodie",
            "hoodies",
            "pin",
            "pins",
            "gadget",
            "gadgets",
            "watch",
            "umbrella",
            "blanket",
            "cap",
            "caps",
            "swag",
            "goodie",
            "goodies",
            "treat",
            "treats",
        ]
    ),
    "PLAN": frozenset(
        {
            "plan",
            "plans",
            "tier",
            "tiers",
            "version",
            "account",
            "accounts",
            "forever",
            "membership",
            "edition",
            "app",
        }
    ),
}
_SUBCLASS_ORDER = ("TRIAL", "LOGISTICS", "SERVICE", "RESOURCE", "GIFT", "PLAN")
_DURATION = frozenset({"days", "day", "weeks", "week", "months", "month"})


@dataclass
class FreeUse:
    """One occurrence of a FREE_HEAD that is a claim about price, and what it is a claim for."""

    cue: Cue
    subclass: str
    negated: bool
    noun: str = ""
    end: int = -1  # token index just past the offered noun (or the head if none follows)

    @property
    def phrase_end(self) -> int:
        return self.end if self.end > self.cue.start else self.cue.end

    @property
    def phrase(self) -> str:
        s, e = self.cue.sent.char_span(self.cue.start, self.phrase_end)
        return self.cue.sent.block.text[s:e]

    @property
    def sent(self) -> Sentence:
        return self.cue.sent

    @property
    def index(self) -> int:
        return self.cue.sent.index


def free_uses(view: DocView) -> list[FreeUse]:
    """All FREE_HEAD occurrences that survive the §5.1 traps, memoized per document."""
    return view.memo("free_uses", _compute_free_uses)


def _title_case(sent: Sentence) -> bool:
    assert sent.texts is not None
    words = [t for t in sent.texts if t.isalpha()]
    if len(words) < 3:
        return True
    caps = sum(1 for t in words if t[0].isupper())
    return caps / len(words) >= 0.6


def _compute_free_uses(view: DocView) -> list[FreeUse]:
    out: list[FreeUse] = []
    brands = {b.lower() for b in view.meta("brands", ()) or ()}
    for cue in view.cues("FREE_HEAD") + view.cues("FREE_HEAD", subject=True):
        use = classify_free(view, cue, brands)
        if use is not None:
            out.append(use)
    return out


def classify_free(view: DocView, cue: Cue, brands: set[str]) -> FreeUse | None:
    sent = cue.sent
    lw = sent.lowers
    tx = sent.texts
    assert lw is not None and tx is not None
    i, j = cue.start, cue.end
    head = lw[i]
    n = len(lw)
    prev = lw[i - 1] if i > 0 else ""
    prev2 = lw[i - 2] if i > 1 else ""
    nxt = lw[j] if j < n else ""
    nxt2 = lw[j + 1] if j + 1 < n else ""
    if head in ("free", "freebie", "freebies") and j - i == 1:
        # X-free compounds and "X free" attributes
        if prev == "-" and prev2:
            if prev2 in X_FREE_OTHER_RULES:
                return None
            if prev2 not in X_FREE_CLAIMS:
                return None
        elif prev in X_FREE or prev in X_FREE_OTHER_RULES:
            return None
        # free-standing, free-range, free-for-all ...
        if nxt == "-" and nxt2 and nxt2 not in ("shipping", "delivery", "trial", "gift", "of"):
            if nxt2 in FIXED_AFTER or nxt2 in ("for", "to", "range", "standing", "form"):
                return None
        if prev == "feel" or (prev == "feeling" and head == "free"):
            return None
        if prev in ("set", "break", "breaks", "broke", "breaking", "sets", "walk", "walked"):
            return None
        if nxt == "to" and nxt2 in _FREE_TO_VERBS:
            return None
        if nxt in ("yourself", "yourselves", "myself", "themselves", "up"):
            return None
        if nxt in ("from", "of") and not (nxt == "of" and nxt2 in ("charge", "cost", "costs")):
            return None
        if nxt in FIXED_AFTER:
            return None
        if nxt in ("and", ",", "&") and nxt2 in (
            "open",
            "fair",
            "independent",
            "clear",
            "and",
            "equal",
        ):
            return None  # "free and fair elections", "safe, free, and fair"
        if nxt in ("software", "speech", "and", "press") and nxt2 in ("source", "open"):
            return None
        if lw[i:j] == ["free"] and nxt in ("people", "press", "form"):
            if tx[i] == "Free" and not _title_case(sent):
                return None
        if tx[i] == "Free" and i > 0 and j < n and tx[j][:1].isupper() and not _title_case(sent):
            return None  # a name candidate: "Free People", "Free Press"
        if tx[i].lower() in brands or (j < n and f"{lw[i]} {nxt}" in brands):
            return None
    if (
        head == "free"
        and prev == "and"
        and prev2 in ("fair", "open", "safe", "secure", "independent")
    ):
        return None  # "keep this election fair and free"
    if (
        head == "free"
        and nxt == "pass"
        and prev == "a"
        and _GIVE_FORMS & set(lw[max(0, i - 5) : i])
    ):
        return None  # "giving Schumer a free pass": the idiom, not a ticket
    if lw[i:j] == ["on", "the", "house"] and tx[i + 2] == "House":
        return None  # "on the House Ways and Means committee"
    if (
        head == "free"
        and prev in ("'re", "are", "am", "'m", "be")
        and prev2 in ("you", "we", "they", "i", "whenever", "when", "if", "are")
    ):
        return None  # "whenever you're free", "are you free Thursday?": availability
    if lw[i:j] == ["on", "us"] and not (
        prev in _ON_US_THINGS or (prev in _BE and prev2 in _ON_US_THINGS) or i == 0
    ):
        return None  # "counting on us", "it's all on us": not "lunch is on us"
    negated = view.negated(cue) or (prev in ("longer",) and prev2 == "no")
    if nxt == "?" and nxt2 in ("not", "nope"):
        negated = True
    subclass, noun, end = _subclass(lw, i, j)
    return FreeUse(cue, subclass, negated, noun, end)


def _subclass(lw: list[str], i: int, j: int) -> tuple[str, str, int]:
    """(subclass, offered noun, token index past the noun) from the words around the head."""
    n = len(lw)
    after = lw[j : min(n, j + 4)]
    before = lw[max(0, i - 3) : i]
    # "try it free", "Try email marketing for free today!", "start for free"
    offered_item = any(
        w in SUBCLASS_WORDS[c] for w in after[:2] for c in ("SERVICE", "RESOURCE", "GIFT")
    )
    if ({"try", "trying", "tried"} & set(lw[:i]) and not offered_item) or (
        before[-2:] == ["start", "for"]
    ):
        return "TRIAL", "", j  # "try it free", not "try our free calculator"
    # "RSVP for free", "register free", "join us for free"
    if {"rsvp", "register", "attend"} & set(lw[:i]) and (
        not before or before[-1] in ("for", "rsvp")
    ):
        return "ADMISSION", "", j
    # admission: "free to attend", "free and open to the public", "free admission"
    if after[:1] == ["to"] and len(after) > 1 and after[1] in _ADMISSION_VERBS:
        return "ADMISSION", after[1], j + 2
    if after[:3] in (["to", "the", "public"], ["and", "open", "to"]) or any(
        w in _ADMISSION_NOUNS for w in after[:3]
    ):
        return "ADMISSION", after[0], j + 1
    # TRIAL: "free for 30 days", "30-day free", "first month free", "free trial"
    if len(after) >= 3 and after[0] == "for" and after[2] in _DURATION:
        return "TRIAL", after[2], j + 3
    if i >= 2 and lw[i - 1] in _DURATION and lw[i - 2] in ("-", "month", "week"):
        return "TRIAL", lw[i - 1], j
    if i >= 2 and lw[i - 2] == "first" and lw[i - 1] in _DURATION:
        return "TRIAL", lw[i - 1], j
    found: list[tuple[str, str, int]] = []
    for k, w in enumerate(after[:3]):
        if k > 0 and w in (".", "!", "?", ";", ":", ",", "—", "–", "(", "with", "for", "to"):
            break
        for cls in _SUBCLASS_ORDER:
            if w in SUBCLASS_WORDS[cls]:
                if cls == "GIFT" and w == "card" and j + k + 1 < n and lw[j + k + 1] == "required":
                    continue
                end = j + k + 1
                if end + 1 < n and lw[end] == "-" and lw[end + 1].isalpha():
                    found.append((cls, lw[end + 1], end + 2))  # "t-shirt", "e-book"
                else:
                    found.append((cls, w, end))
                break
    if found:
        for cls, noun, end in found:
            if cls in ("TRIAL", "LOGISTICS"):
                return cls, noun, end
        cls, noun, end = found[-1]  # the head of "free onboarding checklist" is the last noun
        if cls == "PLAN" and len(found) > 1:
            cls = found[-2][0]  # "free training plan" is a resource, not a freemium plan
        return cls, noun, end
    # predicate use: "the toolkit is free", "shipping is free"
    if i > 0 and lw[i - 1] in _PREDICATE_BEFORE:
        for w in reversed(lw[max(0, i - 6) : i - 1]):
            for cls in _SUBCLASS_ORDER:
                if w in SUBCLASS_WORDS[cls]:
                    return cls, w, j
    return "GENERIC", "", j


@dataclass
class Premium:
    """A sentence that offers the reader something (a gift, a free resource, a service)."""

    cue: Cue
    kind: str  # free:<SUBCLASS> | gift | delivery
    conditional: bool  # offered together with the payment that earns it (§7 A3)
    noun: str = ""
    end: int = -1  # token index past the offered item ("free budgeting template")

    @property
    def index(self) -> int:
        return self.cue.sent.index


def premiums(view: DocView) -> list[Premium]:
    """Premium offers (catalogue RCP012 trigger), de-duplicated per sentence, memoized."""
    return view.memo("premiums", _compute_premiums)


PREMIUM_FREE_CLASSES = frozenset({"GIFT", "RESOURCE", "SERVICE", "GENERIC"})

# Words that direct an offer at the reader. "Free masks for nurses" or "free college tuition"
# in a news or policy line is not a premium offered to the person reading.
_NOT_A_GIFT = frozenset(
    """quote quotes estimate estimates quotation pricing newsletter newsletters updates alerts
    email emails mail mails classified classifieds ads voter listing listings""".split()
)
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ya"})
_IMPERATIVE_OFFER = frozenset(
    """get claim grab download receive enjoy take request unlock access reserve pick redeem
    accept collect snag score keep try join attend register sign order shop check start book
    schedule watch read learn discover find see here use""".split()
)
_WE_GIVE = frozenset(
    {"offering", "sending", "giving", "mailing", "shipping", "including", "throwing"}
)


def _bare_predicate(use: FreeUse) -> bool:
    lw = use.sent.lowers or []
    nxt = lw[use.cue.end] if use.cue.end < len(lw) else ""
    return not use.noun and (
        nxt in ("", ".", "!", "?", ",", ";", ":", "and", "&", ")") or not nxt.isalnum()
    )


def offered_to_reader(sent: Sentence, start: int = 0, end: int | None = None) -> bool:
    """The offer at tokens [start, end) is directed at the reader: "your free guide", "claim a
    free...", "here's...", "we're sending you...", "...free to you" within a few tokens of it,
    or an opening imperative. Any "you" elsewhere in the sentence is not enough: "forcing
    Americans to provide free healthcare" is politics, not an offer."""
    lw = sent.lowers or []
    end = len(lw) if end is None else end
    near = lw[max(0, start - 6) : start]
    if any(w in _SECOND_PERSON or w in _IMPERATIVE_OFFER for w in near):
        return True
    if any(w in _WE_GIVE for w in near) and ("we" in lw or "i" in lw):
        return True
    after = lw[end : end + 3]
    if after[:2] in (["for", "you"], ["to", "you"]) or after[:3] == ["for", "every", "reader"]:
        return True
    first = next((w for w in lw if w.isalnum()), "")
    return first in _IMPERATIVE_OFFER and start < 8


def _retail_gift(view: DocView, cue: Cue) -> bool:
    return any(
        r.start <= cue.start < r.end or cue.start <= r.start < cue.end
        for r in view.in_sentence(cue.sent, "GIFT_RETAIL")
    )


def _compute_premiums(view: DocView) -> list[Premium]:
    found: list[Premium] = []
    for use in free_uses(view):
        if use.cue.sent.in_subject or use.negated or use.subclass not in PREMIUM_FREE_CLASSES:
            continue
        if not offered_to_reader(use.cue.sent, use.cue.start, use.phrase_end):
            continue
        if in_quotes(use.cue):
            continue  # a testimonial: "they gave me free leads"
        lw = use.sent.lowers or []
        nxt = lw[use.cue.end] if use.cue.end < len(lw) else ""
        if use.noun in _NOT_A_GIFT or nxt in _NOT_A_GIFT:
            continue  # a free quote or newsletter is the sales process, not a gift
        if use.subclass == "GENERIC" and _bare_predicate(use):
            continue  # "keep our state free", "it's simple and free": no item is offered
        found.append(Premium(use.cue, f"free:{use.subclass}", False, use.noun, use.phrase_end))
    for cue in view.cues("GIFT_PREMIUM"):
        if view.negated(cue) or _retail_gift(view, cue):
            continue
        found.append(Premium(cue, "gift", False))
    for cue in view.cues("PREMIUM_DELIVERY"):
        found.append(Premium(cue, "delivery", False))
    # one premium per sentence, earliest first; mark those whose price is in the same sentence
    by_sent: dict[int, Premium] = {}
    for p in sorted(found, key=lambda p: (p.index, p.cue.start)):
        if p.index not in by_sent:
            by_sent[p.index] = p
    out = list(by_sent.values())
    earning = [s for s in view.sentences if s.tokenized and earned_in_sentence(view, s)]
    for p in out:
        nxt = view.sentence(p.index + 1) if not p.cue.sent.in_subject else None
        p.conditional = (
            earned_in_sentence(view, p.cue.sent)
            or _earned_elsewhere(p, earning)
            or (nxt is not None and bool(view.in_sentence(nxt, "PREMIUM_EARNED")))
        )
    return out


# Nouns too generic to tie an offer to the sentence that prices it ("gift" is also the donation).
_GENERIC_ITEM_NOUNS = frozenset(
    {"", "gift", "gifts", "present", "presents", "item", "items", "bonus", "bonuses", "t", "copy"}
)


def _earned_elsewhere(p: Premium, earning: list[Sentence]) -> bool:
    """§7 A3 across sentences: "FREE t-shirt!" ... "claim your t-shirt by pitching in $35"."""
    if p.noun in _GENERIC_ITEM_NOUNS:
        return False
    return any(p.noun in (s.lowers or ()) for s in earning if s is not p.cue.sent)


def earned_in_sentence(view: DocView, sent: Sentence) -> bool:
    """§7 A3: the sentence names the payment that earns the premium ("when you chip in $10")."""
    if view.in_sentence(sent, "CONDITION"):
        return True
    has_money = bool(view.in_sentence(sent, "MONEY"))
    if has_money and view.in_sentence(sent, "ASK_HIGH", "GIFT_DONATION"):
        return True
    return bool(view.in_sentence(sent, "PREMIUM_EARNED"))


PREMIUM_PATTERNS: dict[str, tuple[str, ...]] = {
    "PREMIUM_DELIVERY": (
        "(here 's|here is|enclosed is|enclosed are|attached is|attached are|we 've sent|we have sent|we sent|enjoy|i 've attached|we 've attached|we 've included|we have included|we 've enclosed) (your|a|the|our) ~4 (gift|kit|guide|template|copy|checklist|playbook|sample|samples|toolkit|report|e - book|ebook|book|worksheet|calendar|bookmark|notepad|labels)",
    ),
    "PREMIUM_EARNED": (
        "(with|for) (your|a|every|each) (gift|donation|contribution|pledge|purchase|order) of MONEY",
        "(when|if) you (chip in|give|donate|contribute|pledge|buy|order|spend|subscribe|join)",
        "as a (thank - you|thank you) for (your|a) (gift|donation|contribution|purchase|order|support)",
        "(donors|members|supporters|those) who (give|donate|contribute|chip in)",
        "by (joining|giving|donating|contributing|pledging|becoming|chipping in|pitching in|upgrading|subscribing|ordering|buying)",
        "(each|every|any) (person|one|supporter|donor|member)? who (contributes|donates|gives|chips in|pledges|joins|signs up)",
        "(anyone|everyone) who (contributes|donates|gives|chips in|pledges|joins)",
        "(contribute|donate|give|chip in|pitch in) (any amount|anything|something|what you can)",
        "(members|supporters|donors|subscribers|sustainers|patrons) (get|receive|enjoy)",
        "by making a (donation|gift|contribution|pledge|purchase)",
        "(order|buy|subscribe|donate|give|join|chip in|contribute|sign up|purchase) ~8 (and|to) (receive|get|we 'll send|we will send|we 'll rush)",
        "(yours|it 's yours) (when|if|with) (you)?",
    ),
}


# ---- asks (ASK_HIGH occurrences that really ask the reader to act) -------------------------
_NOUN_DETERMINERS = frozenset(
    """your the a an my our this that these those each every per any his her their its first
    last next recent previous prior same one no""".split()
)
_PAST_OR_NOUN_FORMS = frozenset(
    {
        "bought",
        "donation",
        "giving",
        "purchasing",
        "ordering",
        "buying",
        "donating",
        "pledging",
        "contributing",
        "upgrading",
        "subscribing",
        "renewing",
    }
)
_LOOK_OBJECTS = frozenset(
    "our the this these that my what how it them his her their a an some who why where".split()
)
_THIRD_PARTY_SUBJECTS = frozenset(
    """they we i he she who people visitors customers donors users others members readers
    supporters shoppers buyers folks everyone somebody someone nobody""".split()
)
_THANKS_CONTEXT = frozenset({"for", "after", "since", "from", "by", "about"})


def asks(view: DocView) -> list[Cue]:
    """ASK_HIGH cues that are requests, not nouns or reports ("your order", "thanks for giving").

    Memoized per document; rules that pair a gift or a gift-like favour with an ask use this
    instead of raw ASK_HIGH, so "Your order includes the free tote" is not a gift-then-ask.
    """
    return view.memo("asks", _compute_asks)


def _compute_asks(view: DocView) -> list[Cue]:
    out = []
    for cue in view.cues("ASK_HIGH"):
        lw = cue.sent.lowers
        assert lw is not None
        first = lw[cue.start]
        prev = lw[cue.start - 1] if cue.start > 0 else ""
        if prev in _NOUN_DETERMINERS:
            continue  # "your order", "a donation", "the purchase"
        if prev == "in" and first == "order":
            continue  # "in order to"
        if prev in _THIRD_PARTY_SUBJECTS:
            continue  # "before they buy", "most donors renew": a report, not a request
        if first in _PAST_OR_NOUN_FORMS and cue.end - cue.start == 1:
            # "-ing" forms ask only in "consider donating", "start giving", "keep giving"
            if prev not in ("consider", "start", "keep", "try", "go", "continue", "begin"):
                continue
        if prev in _THANKS_CONTEXT and first in ("giving", "donating", "ordering", "buying"):
            continue
        if view.negated(cue):
            continue  # "you don't need to buy anything"
        if cue.lowers[-1] == "out" and cue.end < len(lw) and lw[cue.end] in _LOOK_OBJECTS:
            continue  # "check out our new blog" is a look, not a purchase
        out.append(cue)
    return out


# ---- premiums really offered to the reader (added for RCP008, RCP015-RCP017) ---------------
# A bare "free" with no item noun (subclass GENERIC) is mostly not an offer in real copy: "try
# email marketing for free" (a trial), "it's like a free $50 donation" (a tax credit), "keeping
# America free", "free healthcare". It counts as an offer only when an offer verb puts it in the
# reader's hands: "get your free tickets", "we'll send you a free decal", "yours free".
PREMIUM_PATTERNS["PREMIUM_OFFER_VERB"] = (
    "(get|gets|getting|claim|claiming|receive|receiving|grab|unlock|enjoy|request|reserve|redeem|collect|want|download) (your|a|an|the|this|these|my|one|two|NUM|our|some)?",
    "(send|sending|sends|give|giving|gives|mail|mailing|ship|award|offer|offering|provide|providing) (you|every donor|each donor|donors|supporters|members|everyone)",
    "(yours|here 's|here is|here are|comes with|come with|ships with|arrives with|includes|including|throw in|throwing in|giving away|give away)",
    "(you 'll|you will|you) (get|receive)",
)
OFFER_VERB_REACH = 8  # tokens between the offer verb and the "free" it governs


def offered_premiums(view: DocView) -> list[Premium]:
    """`premiums()` without the GENERIC "free" that no offer verb hands to the reader."""
    return view.memo("offered_premiums", _compute_offered_premiums)


def _compute_offered_premiums(view: DocView) -> list[Premium]:
    out = []
    for p in premiums(view):
        if p.kind == "free:GENERIC" and not _offer_verb_governs(view, p.cue):
            continue
        out.append(p)
    return out


def _offer_verb_governs(view: DocView, cue: Cue) -> bool:
    for v in view.in_sentence(cue.sent, "PREMIUM_OFFER_VERB"):
        if v.start <= cue.start and cue.start - v.end <= OFFER_VERB_REACH:
            return True
        if v.start >= cue.end and v.start - cue.end <= 1 and v.lowers[0] == "yours":
            return True  # "free, yours to keep" / "FREE yours"
    return False
