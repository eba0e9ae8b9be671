"""What a rule sees: a document's sentences, the cues found in them, windows and negation.

Built once per document by the engine: one split into sentences, one cue pass over the sentences
the anchors select, and then every rule asks questions of the same view ("is there an ASK_HIGH in
S0..+4?", "is this cue negated?") instead of scanning text again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import sentences as sentence_splitter
from .model import Block, Document, Severity
from .patterns import CURRENCY_SYMBOLS, CURRENCY_WORDS, NUMBER_VALUES, NUMBER_WORDS, Lexicon

# §0.3 negation model
NEGATORS = frozenset(
    {"no", "not", "n't", "never", "without", "nothing", "none", "zero", "nobody", "neither", "nor"}
)
SCOPE_BREAKERS = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "yet",
        "except",
        "unless",
        ",",
        ";",
        ":",
        "—",
        "–",
        ".",
        "!",
        "?",
    }
)
NEGATION_WINDOW = 3

FUNDRAISING_CHANNELS = frozenset({"fundraising_email", "fundraising_page"})
EMAIL_CHANNELS = frozenset({"email", "fundraising_email"})


@dataclass(eq=False)
class Sentence:
    """One sentence of one block. Tokens exist only if the anchors selected it."""

    index: int
    block_index: int
    block: Block
    start: int
    end: int
    in_subject: bool = False
    lowers: list[str] | None = None
    texts: list[str] | None = None
    offsets: list[int] | None = None
    cues: list[Cue] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def tokenized(self) -> bool:
        return self.lowers is not None

    def token_count(self) -> int:
        if self.lowers is not None:
            return len(self.lowers)
        return len(_ROUGH_TOKEN.findall(self.text))

    def char_span(self, tok_start: int, tok_end: int) -> tuple[int, int]:
        """Block-relative character span of tokens [tok_start, tok_end)."""
        assert self.offsets is not None and self.texts is not None
        s = self.start + self.offsets[tok_start]
        last = tok_end - 1
        e = self.start + self.offsets[last] + len(self.texts[last])
        return s, e


_ROUGH_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(eq=False)
class Cue:
    """A lexicon match: tokens [start, end) of `sent`."""

    label: str
    sent: Sentence
    start: int
    end: int

    @property
    def index(self) -> int:
        return self.sent.index

    @property
    def lowers(self) -> list[str]:
        assert self.sent.lowers is not None
        return self.sent.lowers[self.start : self.end]

    @property
    def text(self) -> str:
        s, e = self.char_span
        return self.sent.block.text[s:e]

    @cached_property
    def char_span(self) -> tuple[int, int]:
        return self.sent.char_span(self.start, self.end)

    def __repr__(self) -> str:
        return f"Cue({self.label!r}, s{self.sent.index}, {self.text!r})"


@dataclass
class Hit:
    """What a rule reports; the engine turns it into a `Finding` with file positions."""

    severity: Severity
    message: str
    sent: Sentence
    start: int  # block-relative character offsets
    end: int
    evidence: list[tuple[str, Cue | Sentence]] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    verify: str = ""
    variant: str = ""

    @classmethod
    def at(cls, where: Cue | Sentence, severity: Severity, message: str, **kw: Any) -> Hit:
        if isinstance(where, Cue):
            s, e = where.char_span
            return cls(severity, message, where.sent, s, e, **kw)
        return cls(severity, message, where, where.start, where.end, **kw)

    @classmethod
    def tokens(
        cls, sent: Sentence, start: int, end: int, severity: Severity, message: str, **kw: Any
    ) -> Hit:
        """A hit over tokens [start, end) of a tokenized sentence."""
        s, e = sent.char_span(start, end)
        return cls(severity, message, sent, s, e, **kw)

    @classmethod
    def span(cls, first: Cue, last: Cue, severity: Severity, message: str, **kw: Any) -> Hit:
        """A hit covering two cues of the same sentence (or just the first if they differ)."""
        if first.sent is last.sent:
            s = min(first.char_span[0], last.char_span[0])
            e = max(first.char_span[1], last.char_span[1])
            return cls(severity, message, first.sent, s, e, **kw)
        return cls.at(first, severity, message, **kw)


class DocView:
    """Sentences, cues and the helpers rules share; see module docstring."""

    def __init__(
        self,
        doc: Document,
        lexicon: Lexicon,
        options: dict[str, Any] | None = None,
        prefilter: bool = True,
    ) -> None:
        from .nlp import tokenize_many

        self.doc = doc
        self.options = options or {}
        self.sentences: list[Sentence] = []
        self.subject: list[Sentence] = []
        self._cache: dict[Any, Any] = {}
        body_i = 0
        subj_i = 0
        for bi, block in enumerate(doc.blocks):
            in_subject = block.kind == "subject"
            spans = [(0, len(block.text))] if block.is_ui else sentence_splitter.split(block.text)
            if block.is_ui:
                stripped = block.text.strip()
                if not stripped:
                    continue
                lead = len(block.text) - len(block.text.lstrip())
                spans = [(lead, lead + len(stripped))]
            for s, e in spans:
                if in_subject:
                    sent = Sentence(subj_i, bi, block, s, e, in_subject=True)
                    subj_i += 1
                    self.subject.append(sent)
                else:
                    sent = Sentence(body_i, bi, block, s, e)
                    body_i += 1
                    self.sentences.append(sent)
        todo = [
            s
            for s in (*self.subject, *self.sentences)
            if not prefilter or lexicon.anchors.hit(s.text)
        ]
        if todo:
            for sent, (lowers, texts, offsets) in zip(
                todo, tokenize_many(s.text for s in todo), strict=True
            ):
                sent.lowers, sent.texts, sent.offsets = lowers, texts, offsets
                sent.cues = [
                    Cue(m.label, sent, m.start, m.end) for m in lexicon.find(lowers, texts)
                ]
        self._by_label: dict[str, list[Cue]] = {}
        for sent in self.sentences:
            for c in sent.cues:
                self._by_label.setdefault(c.label, []).append(c)
        self._subject_by_label: dict[str, list[Cue]] = {}
        for sent in self.subject:
            for c in sent.cues:
                self._subject_by_label.setdefault(c.label, []).append(c)

    # ---- metadata -------------------------------------------------------------------------
    @property
    def channel(self) -> str:
        return self.doc.channel

    @property
    def is_email(self) -> bool:
        return self.doc.channel in EMAIL_CHANNELS

    @property
    def is_fundraising(self) -> bool:
        return self.doc.channel in FUNDRAISING_CHANNELS

    def meta(self, key: str, default: Any = None) -> Any:
        return self.doc.metadata.get(key, self.options.get(key, default))

    def jurisdictions(self) -> set[str]:
        j = self.meta("jurisdiction", "US")
        if isinstance(j, str):
            j = [p for p in re.split(r"[,\s]+", j) if p]
        return {str(x).upper() for x in j}

    # ---- cue queries ----------------------------------------------------------------------
    def cues(
        self,
        *labels: str,
        lo: int | None = None,
        hi: int | None = None,
        subject: bool = False,
    ) -> list[Cue]:
        """Cues with any of `labels` in body sentences lo..hi (inclusive), in text order."""
        src = self._subject_by_label if subject else self._by_label
        out: list[Cue] = []
        for label in labels:
            for c in src.get(label, ()):
                if lo is not None and c.sent.index < lo:
                    continue
                if hi is not None and c.sent.index > hi:
                    continue
                out.append(c)
        if len(labels) > 1:
            out.sort(key=lambda c: (c.sent.index, c.start, c.end))
        return out

    def has(self, *labels: str, lo: int | None = None, hi: int | None = None) -> bool:
        return bool(self.cues(*labels, lo=lo, hi=hi))

    def live(self, *labels: str, lo: int | None = None, hi: int | None = None) -> list[Cue]:
        """Cues not negated under §0.3."""
        return [c for c in self.cues(*labels, lo=lo, hi=hi) if not self.negated(c)]

    def in_sentence(self, sent: Sentence, *labels: str) -> list[Cue]:
        return [c for c in sent.cues if c.label in labels]

    def after(self, cue: Cue, *labels: str, within: int | None = None) -> list[Cue]:
        """Cues of `labels` starting after `cue` ends in the same sentence."""
        out = [c for c in cue.sent.cues if c.label in labels and c.start >= cue.end]
        if within is not None:
            out = [c for c in out if c.start - cue.end <= within]
        return out

    def before(self, cue: Cue, *labels: str, within: int | None = None) -> list[Cue]:
        out = [c for c in cue.sent.cues if c.label in labels and c.end <= cue.start]
        if within is not None:
            out = [c for c in out if cue.start - c.end <= within]
        return out

    def sentence(self, index: int) -> Sentence | None:
        if 0 <= index < len(self.sentences):
            return self.sentences[index]
        return None

    def window(self, cue: Cue | Sentence, before: int, after: int) -> tuple[int, int]:
        i = cue.index
        return max(0, i - before), min(len(self.sentences) - 1, i + after)

    # ---- negation (§0.3) ------------------------------------------------------------------
    def negated(self, cue: Cue) -> bool:
        if cue.sent.lowers is None:
            return False
        lowers = cue.sent.lowers
        for k in range(cue.start - 1, max(-1, cue.start - 1 - NEGATION_WINDOW), -1):
            w = lowers[k]
            if w in SCOPE_BREAKERS:
                return False
            if w in NEGATORS:
                # "why not return the favor?" and "if not, ..." suggest; they do not negate
                return not (w == "not" and k > 0 and lowers[k - 1] in ("why", "if"))
        return False

    # ---- money ----------------------------------------------------------------------------
    def amounts(self, sent: Sentence) -> list[tuple[float, Cue]]:
        """Parsed MONEY cues of a sentence, in order."""
        key = ("amounts", sent.index, sent.in_subject)
        if key not in self._cache:
            self._cache[key] = [
                (v, c)
                for c in sent.cues
                if c.label == "MONEY" and (v := money_value(c)) is not None
            ]
        return self._cache[key]

    def amounts_in(self, lo: int, hi: int) -> list[tuple[float, Cue]]:
        out: list[tuple[float, Cue]] = []
        for i in range(max(lo, 0), min(hi, len(self.sentences) - 1) + 1):
            out.extend(self.amounts(self.sentences[i]))
        return out

    # ---- memo for shared derived facts (senses, premium offers) ---------------------------
    def memo(self, key: Any, fn: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = fn(self)
        return self._cache[key]

    def all_sentences(self) -> Iterator[Sentence]:
        yield from self.subject
        yield from self.sentences

    def token_count(self) -> int:
        return sum(s.token_count() for s in self.all_sentences())

    def text_of(self, items: Iterable[Cue]) -> list[str]:
        return [c.text for c in items]


_WORD_VALUES = NUMBER_VALUES


def number_value(lower: str) -> float | None:
    if lower in _WORD_VALUES:
        return float(_WORD_VALUES[lower])
    if lower in NUMBER_WORDS:
        return None
    mult = 1.0
    if lower.endswith("k"):
        mult, lower = 1000.0, lower[:-1]
    elif lower.endswith("m"):
        mult, lower = 1_000_000.0, lower[:-1]
    try:
        return float(lower.replace(",", "")) * mult
    except ValueError:
        return None


def money_value(cue: Cue) -> float | None:
    """The amount of a MONEY cue ("$1,200" -> 1200.0)."""
    for low in cue.lowers:
        if low in CURRENCY_SYMBOLS or low in CURRENCY_WORDS:
            continue
        v = number_value(low)
        if v is not None:
            return v
    return None


def money_currency(cue: Cue) -> str:
    for low in cue.lowers:
        if low in CURRENCY_SYMBOLS or low in CURRENCY_WORDS:
            return low
    return ""


def explicit_jurisdictions(view: DocView) -> set[str] | None:
    """Jurisdictions the user configured, or None when only the US default applies.

    Catalogue §6 downgrades (UCPD-based errors become warnings outside EU/UK/IN; CAN-SPAM and
    IRS findings become info outside the US) apply only to an explicit setting: the catalogue's
    own examples assume the rule's default severity, and a user who never set a jurisdiction
    should get the stricter reading rather than a silently softened one.
    """
    raw = view.doc.metadata.get("jurisdiction", view.options.get("jurisdiction"))
    if raw is None:
        return None
    return view.jurisdictions()


_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"


def in_quotes(cue: Cue) -> bool:
    """Whether the cue sits inside quotation marks in its sentence (reported speech, a
    testimonial, a headline being quoted): the writer is not saying it to the reader."""
    sent = cue.sent
    before = sent.block.text[sent.start : cue.char_span[0]]
    opened = sum(before.count(q) for q in _OPEN_QUOTES) - sum(
        before.count(q) for q in _CLOSE_QUOTES
    )
    return opened > 0 or before.count('"') % 2 == 1
