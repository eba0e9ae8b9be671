"""The one spaCy pipeline, built on first use and shared by every document.

Only the tokenizer is used: sentence boundaries come from `linter.sentences` (so that sentences
with no cue are never tokenized) and cues from `linter.patterns`. spaCy is imported lazily, so a
run served entirely from the cache, `nostrings rules` and `--help` never pay for the import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, ClassVar

# Catalogue §0.1: footnote daggers and superscripts are not split by the default tokenizer.
DAGGER_SUFFIX = r"[†‡¹²³§]+"


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """`spacy.blank("en")`'s tokenizer with the dagger affixes, built with them from the start
    (setting `prefix_search` or `suffix_search` afterwards reloads all 1,347 special cases, a
    tenth of a second each time, which a one-file run pays in full)."""
    from spacy.lang.en import English

    class DaggerDefaults(English.Defaults):  # type: ignore[name-defined,misc]
        prefixes: ClassVar[list[str]] = [*English.Defaults.prefixes, r"[†‡¹²³]+"]
        suffixes: ClassVar[list[str]] = [*English.Defaults.suffixes, DAGGER_SUFFIX]

    class EnglishWithDaggers(English):  # type: ignore[misc]
        lang = "en"
        Defaults = DaggerDefaults

    return EnglishWithDaggers().tokenizer


def tokenize_many(texts: Iterable[str]) -> Iterator[tuple[list[str], list[str], list[int]]]:
    """Yield (lowercase tokens, token texts, character offsets) for each text, batched."""
    tok = tokenizer()
    for doc in tok.pipe(texts, batch_size=256):
        # whitespace tokens (a line break inside a sentence) would split phrases apart
        toks = [t for t in doc if not t.is_space]
        texts_ = [t.text for t in toks]
        yield [_lower(t) for t in texts_], texts_, [t.idx for t in toks]


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _lower(text: str) -> str:
    """Lowercase with typographic apostrophes folded, so `it’s` matches the pattern `it 's`."""
    low = text.lower()
    return low.translate(_QUOTES) if not low.isascii() or "`" in low else low
