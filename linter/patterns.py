"""Token patterns written the way the catalogue writes them, compiled once into one matcher.

Lexicons stay readable data (`"return(ing)? the (favor|favour|kindness)"` is not valid here, but
`"(return|returning) the (favor|favour|kindness)"` is), reviewable against the catalogue line by
line. Every pattern is expanded into flat token sequences and indexed by its first token, so the
cue pass costs one dict lookup per token instead of one test per pattern per token (spaCy's
`Matcher` tries every pattern at every token, which is what makes large lexicons slow).

The same compilation yields the *anchors*: for each sequence, one token that must appear in a
sentence for the sequence to match there. A sentence with no anchor cannot hold a cue, so it is
never tokenized. Because anchors come from the patterns themselves, skipping can never lose a
finding (tests check this against an unfiltered pass).

Syntax (tokens as spaCy's English tokenizer produces them, lowercase):
    word          a literal token (`n't`, `'s`, `-`, `$`, `%` are literals too)
    (a|b c|d)     alternatives; an alternative may be several tokens
    x?  (..)?     optional element
    NUM           a number: digits with `,`/`.`, or a number word (one ... twenty, hundred...)
    MONEY         an amount: `$ NUM`, `NUM dollars`, `eur NUM`, `NUM €`, ...
    CUR           a currency symbol token
    ANY           any one token
    ~N            a gap of 0..N arbitrary tokens
    /regex/       a token whose text fully matches the regex (case-insensitive)
    \\x           a literal for a character that is otherwise syntax: \\( \\) \\| \\?
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CURRENCY_SYMBOLS = frozenset({"$", "€", "£", "¥", "₹", "us$", "c$", "a$"})
CURRENCY_WORDS = frozenset(
    {"usd", "dollar", "dollars", "bucks", "eur", "euro", "euros", "gbp", "pound", "pounds", "inr"}
)
# Number words and their values: the matcher's NUM test and money parsing share this one table.
NUMBER_VALUES: dict[str, float] = {
    **{
        w: float(v)
        for v, w in enumerate(
            """zero one two three four five six seven eight nine ten eleven twelve thirteen
            fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
        )
    },
    **{
        w: float(10 * (k + 3))
        for k, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split())
    },
    "hundred": 100.0,
    "thousand": 1000.0,
    "million": 1_000_000.0,
    "billion": 1_000_000_000.0,
    "dozen": 12.0,
}
NUMBER_WORDS = frozenset(NUMBER_VALUES) | {"a-dozen"}
_NUM_RE = re.compile(r"^\d[\d,]*(\.\d+)?[km]?$|^\.\d+$")

# Tokens that spaCy's English tokenizer can cut out of the middle of a longer word ("can" and
# "not" from "cannot", "do" from "don't", "am" from "10am"): they are not reliable anchors for a
# word-run check, so sequences made only of them fall back to a substring anchor.
# tests/test_patterns.py derives this set from spaCy's own exceptions and checks it is covered.
UNSAFE_ANCHORS = frozenset(
    """
    1 10 11 12 2 3 4 5 6 7 8 9 a ai all am are ca can cha could d dare did do does du ft g gim
    gon got h had has have he how hr hrs i is it k kg km lb lbs lem let ll m may me mg mi might
    min mins mo mph must n na need not nt o on ought oz p pm re s sec secs sha she should t ta
    that there these they this those ve wan was we were what when where who why wo would y yd
    you yr yrs
    """.split()
)


@dataclass(frozen=True)
class Pred:
    """One token test. `kind` is lit, num, re, any or cur."""

    kind: str
    words: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None

    def test(self, lower: str, text: str) -> bool:
        k = self.kind
        if k == "lit":
            return lower in self.words
        if k == "num":
            return is_number(lower)
        if k == "cur":
            return lower in CURRENCY_SYMBOLS
        if k == "any":
            return True
        assert self.regex is not None
        return self.regex.fullmatch(text) is not None


def is_number(lower: str) -> bool:
    return lower in NUMBER_WORDS or _NUM_RE.match(lower) is not None


ANY = Pred("any")
NUM = Pred("num")
CUR = Pred("cur")
_CURWORD = Pred("lit", CURRENCY_WORDS)
MONEY_SEQS: tuple[tuple[Pred, ...], ...] = (
    (CUR, NUM),
    (NUM, _CURWORD),
    (_CURWORD, NUM),
    (NUM, CUR),
)


class PatternError(ValueError):
    pass


def _tokenize_pattern(src: str) -> list[str]:
    out: list[str] = []
    buf = ""
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\" and i + 1 < len(src):
            buf += src[i + 1]
            i += 2
            continue
        if c == "/" and not buf and i + 1 < len(src) and not src[i + 1].isspace():
            j = i + 1
            body = ""
            while j < len(src) and src[j] != "/":
                if src[j] == "\\" and j + 1 < len(src) and src[j + 1] == "/":
                    body += "/"
                    j += 2
                    continue
                body += src[j]
                j += 1
            if j >= len(src):
                raise PatternError(f"unclosed /regex/ in {src!r}")
            out.append("/" + body + "/")
            i = j + 1
            continue
        if c in "()|?":
            if buf:
                out.append(buf)
                buf = ""
            out.append("\x00" + c)
            i += 1
            continue
        if c.isspace():
            if buf:
                out.append(buf)
                buf = ""
            i += 1
            continue
        buf += c
        i += 1
    if buf:
        out.append(buf)
    return out


# A parsed element is a list of alternatives, each alternative a list of flat sequences.
Seq = tuple[Pred, ...]


def _atom(tok: str) -> list[Seq]:
    if tok == "NUM":
        return [(NUM,)]
    if tok == "MONEY":
        return list(MONEY_SEQS)
    if tok == "CUR":
        return [(CUR,)]
    if tok == "ANY":
        return [(ANY,)]
    if re.fullmatch(r"~\d+", tok):
        n = int(tok[1:])
        return [tuple([ANY] * k) for k in range(n + 1)]
    if len(tok) > 2 and tok.startswith("/") and tok.endswith("/"):
        return [(Pred("re", regex=re.compile(tok[1:-1], re.IGNORECASE)),)]
    return [(Pred("lit", frozenset({tok.lower()})),)]


def _concat(a: list[Seq], b: list[Seq]) -> list[Seq]:
    return [x + y for x, y in itertools.product(a, b)]


def _merge_literals(alts: list[list[Seq]]) -> list[Seq]:
    flat = [s for alt in alts for s in alt]
    singles = [s for s in flat if len(s) == 1 and s[0].kind == "lit"]
    others = [s for s in flat if not (len(s) == 1 and s[0].kind == "lit")]
    merged: list[Seq] = []
    if singles:
        words = frozenset().union(*(s[0].words for s in singles))
        merged.append((Pred("lit", words),))
    return merged + others


def _parse_seq(toks: list[str], pos: int, src: str) -> tuple[list[Seq], int]:
    seqs: list[Seq] = [()]
    while pos < len(toks):
        t = toks[pos]
        if t in ("\x00|", "\x00)"):
            break
        if t == "\x00(":
            alts: list[list[Seq]] = []
            pos += 1
            while True:
                alt, pos = _parse_seq(toks, pos, src)
                alts.append(alt)
                if pos >= len(toks):
                    raise PatternError(f"unclosed group in {src!r}")
                if toks[pos] == "\x00|":
                    pos += 1
                    continue
                if toks[pos] == "\x00)":
                    pos += 1
                    break
            elem = _merge_literals(alts)
        elif t == "\x00?":
            raise PatternError(f"'?' with nothing before it in {src!r}")
        else:
            elem = _atom(t)
            pos += 1
        if pos < len(toks) and toks[pos] == "\x00?":
            elem = elem + [()]
            pos += 1
        seqs = _concat(seqs, elem)
        if len(seqs) > 512:
            raise PatternError(f"pattern expands to too many sequences: {src!r}")
    return seqs, pos


def compile_pattern(src: str) -> list[Seq]:
    """Expand one pattern string into flat token sequences (deduplicated, non-empty)."""
    toks = _tokenize_pattern(src)
    seqs, pos = _parse_seq(toks, 0, src)
    if pos != len(toks):
        raise PatternError(f"unbalanced ')' or '|' in {src!r}")
    out: list[Seq] = []
    seen: set[Seq] = set()
    for s in seqs:
        # a leading or trailing gap adds nothing to a match; drop it
        while s and s[0].kind == "any":
            s = s[1:]
        while s and s[-1].kind == "any":
            s = s[:-1]
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    if not out:
        raise PatternError(f"pattern matches nothing: {src!r}")
    return out


@dataclass(frozen=True)
class Match:
    """A cue occurrence: `label` over tokens [start, end) of one sentence."""

    label: str
    start: int
    end: int


@dataclass
class Anchors:
    """What a sentence must contain for any pattern to match in it (see module docstring)."""

    words: frozenset[str]
    chars: frozenset[str]
    regex: re.Pattern[str] | None
    digits: bool

    _RUN = re.compile(r"[^\W_]+")

    def hit(self, text: str) -> bool:
        lower = text.lower()
        if self.chars and any(c in lower for c in self.chars):
            return True
        if self.digits and any(c.isdigit() for c in lower):
            return True
        if self.regex is not None and self.regex.search(lower):
            return True
        return not self.words.isdisjoint(self._RUN.findall(lower))


def _anchor_for(seq: Seq) -> tuple[str, object]:
    """Choose the rarest-looking required token of a sequence as its anchor."""
    best: tuple[int, str, object] | None = None
    for p in seq:
        if p.kind == "lit":
            if all(w.isalnum() and w not in UNSAFE_ANCHORS for w in p.words):
                score = min(len(w) for w in p.words) * 10 - len(p.words)
                cand = (score, "words", p.words)
            elif all(len(w) == 1 and not w.isalnum() for w in p.words):
                cand = (5, "chars", p.words)
            else:
                cand = (1, "substr", p.words)
        elif p.kind == "cur":
            cand = (5, "chars", CURRENCY_SYMBOLS)
        elif p.kind == "re":
            cand = (2, "regex", p.regex)
        elif p.kind == "num":
            cand = (0, "digits", None)
        else:
            continue
        if best is None or cand[0] > best[0]:
            best = cand
    if best is None:
        return ("digits", None)
    return best[1], best[2]


class _Node:
    """A node of the sequence trie: the sequences sharing a prefix share its nodes.

    `lit` maps a lowercase token to the children whose literal test it passes; `other` holds the
    children with any other test (NUM, CUR, ANY, /regex/); `labels` are the labels of the
    sequences that end here.
    """

    __slots__ = ("children", "labels", "lit", "other")

    def __init__(self) -> None:
        self.children: dict[Pred, _Node] = {}
        self.lit: dict[str, list[_Node]] = {}
        self.other: list[tuple[int, Pred, _Node]] = []
        self.labels: list[str] = []

    def freeze(self) -> None:
        for pred, child in self.children.items():
            if pred.kind == "lit":
                for w in pred.words:
                    self.lit.setdefault(w, []).append(child)
            else:
                self.other.append((_KIND_CODE[pred.kind], pred, child))
            child.freeze()
        self.children = {}


_ANY, _NUM, _CUR, _RE = 0, 1, 2, 3
_KIND_CODE = {"any": _ANY, "num": _NUM, "cur": _CUR, "re": _RE}
# Distinct token texts seen per process, with the root children they lead to. Copy repeats
# the same few thousand tokens, so this turns the root's regex tests into one dict look-up.
_ROOT_CACHE_MAX = 200_000


class Lexicon:
    """All patterns of all rules, compiled once; `find` is the one cue pass per sentence."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self.labels: set[str] = set()
        self._by_first: dict[str, list[tuple[str, Seq]]] = {}
        self._by_kind: dict[str, list[tuple[str, Seq]]] = {"num": [], "cur": [], "re": []}
        self._root = _Node()
        self._root_cache: dict[str, tuple[str, list[_Node]]] = {}
        words: set[str] = set()
        chars: set[str] = set()
        regexes: set[str] = set()
        digits = False
        for label, src in entries:
            self.labels.add(label)
            for seq in compile_pattern(src):
                first = seq[0]
                if first.kind == "lit":
                    for w in first.words:
                        self._by_first.setdefault(w, []).append((label, seq))
                else:
                    self._by_kind[first.kind].append((label, seq))
                node = self._root
                for pred in seq:
                    nxt = node.children.get(pred)
                    if nxt is None:
                        nxt = node.children[pred] = _Node()
                    node = nxt
                if label not in node.labels:
                    node.labels.append(label)
                kind, val = _anchor_for(seq)
                if kind == "words":
                    words.update(val)  # type: ignore[arg-type]
                elif kind == "chars":
                    chars.update(val)  # type: ignore[arg-type]
                elif kind == "substr":
                    regexes.update(re.escape(w) for w in val)  # type: ignore[union-attr]
                elif kind == "regex":
                    pat = val.pattern.lstrip("^").rstrip("$")  # type: ignore[union-attr]
                    regexes.add(f"(?:{pat})")
                else:
                    digits = True
        self._root.freeze()
        rx = re.compile("|".join(sorted(regexes)), re.IGNORECASE) if regexes else None
        self.anchors = Anchors(frozenset(words), frozenset(chars), rx, digits)

    def _root_children(self, low: str, text: str) -> list[_Node]:
        """The root's children that token (`low`, `text`) enters, memoised per token text."""
        hit = self._root_cache.get(text)
        if hit is not None and hit[0] == low:
            return hit[1]
        root = self._root
        kids = list(root.lit.get(low, ()))
        for code, pred, child in root.other:
            if _passes(code, pred, low, text):
                kids.append(child)
        if len(self._root_cache) >= _ROOT_CACHE_MAX:
            self._root_cache.clear()
        self._root_cache[text] = (low, kids)
        return kids

    def find(self, lowers: Sequence[str], texts: Sequence[str]) -> list[Match]:
        """Every cue in one sentence: for each start token, walk the trie as far as it goes.

        Same result as trying every sequence at every token (`find_naive`, kept for the tests),
        at the cost of one walk per shared prefix instead of one test per sequence.
        """
        n = len(lowers)
        found: dict[tuple[str, int], int] = {}
        cache = self._root_cache
        for i in range(n):
            low = lowers[i]
            hit = cache.get(texts[i])
            kids = hit[1] if hit is not None and hit[0] == low else None
            if kids is None:
                kids = self._root_children(low, texts[i])
            if not kids:
                continue
            stack = [(k, i + 1) for k in kids]
            while stack:
                node, j = stack.pop()
                if node.labels:
                    for label in node.labels:
                        key = (label, i)
                        if found.get(key, -1) < j:
                            found[key] = j
                if j >= n:
                    continue
                nxt = node.lit.get(lowers[j]) if node.lit else None
                if nxt:
                    for child in nxt:
                        stack.append((child, j + 1))
                if node.other:
                    for code, pred, child in node.other:
                        if code == _ANY or _passes(code, pred, lowers[j], texts[j]):
                            stack.append((child, j + 1))
        return _collect(found) if found else []

    def find_naive(self, lowers: Sequence[str], texts: Sequence[str]) -> list[Match]:
        """The reference matcher: every sequence tried at every token (see `find`)."""
        n = len(lowers)
        found: dict[tuple[str, int], int] = {}
        by_first = self._by_first
        num_seqs = self._by_kind["num"]
        cur_seqs = self._by_kind["cur"]
        re_seqs = self._by_kind["re"]
        for i in range(n):
            low = lowers[i]
            cands = by_first.get(low)
            extra: list[tuple[str, Seq]] = []
            if num_seqs and is_number(low):
                extra = num_seqs
            elif cur_seqs and low in CURRENCY_SYMBOLS:
                extra = cur_seqs
            for group in (cands, extra, re_seqs):
                if not group:
                    continue
                for label, seq in group:
                    end = _match_at(seq, lowers, texts, i, n)
                    if end is not None:
                        key = (label, i)
                        if found.get(key, -1) < end:
                            found[key] = end
        return _collect(found)


def _passes(code: int, pred: Pred, low: str, text: str) -> bool:
    if code == _RE:
        return pred.regex.fullmatch(text) is not None  # type: ignore[union-attr]
    if code == _NUM:
        return is_number(low)
    if code == _CUR:
        return low in CURRENCY_SYMBOLS
    return True


def _collect(found: dict[tuple[str, int], int]) -> list[Match]:
    """Per label, drop matches that sit inside an earlier, longer match of the same label."""
    out: list[Match] = []
    last_end: dict[str, int] = {}
    for (label, start), end in sorted(found.items(), key=lambda kv: (kv[0][1], -kv[1])):
        if last_end.get(label, -1) >= end:
            continue
        last_end[label] = max(end, last_end.get(label, -1))
        out.append(Match(label, start, end))
    out.sort(key=lambda m: (m.start, m.end, m.label))
    return out


def _match_at(seq: Seq, lowers: Sequence[str], texts: Sequence[str], i: int, n: int) -> int | None:
    if i + len(seq) > n:
        return None
    for k, p in enumerate(seq):
        if not p.test(lowers[i + k], texts[i + k]):
            return None
    return i + len(seq)
