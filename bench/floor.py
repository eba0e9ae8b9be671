"""The floor: spaCy's own tokenizer over the same files, as a whole process.

    python bench/floor.py FOLDER_OR_FILE...

Imports spaCy, builds `spacy.blank("en")` and runs its tokenizer over every file (sorted, the
order nostrings reads them), one `Doc` per file, through `tokenizer.pipe`. Each file is read as
bytes and decoded as UTF-8 with replacement, so every byte is tokenized and no file is skipped.
That is all: no sentence split, no matching, no output but the token count. Nothing that
nostrings does can be done in less than the tokenizing it needs, which is why this is the floor.

For `.eml` files the floor tokenizes what it is given: `throughput.py` gives it the raw
messages (the same bytes nostrings and proselint read) and, separately, the prose nostrings
extracts from them (headers, markup and base64 dropped), which is the stricter comparison.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path


def texts(paths: list[str]) -> Iterator[str]:
    for raw in paths:
        p = Path(raw)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            if not f.name.startswith("."):
                yield f.read_bytes().decode("utf-8", errors="replace")


def main(argv: list[str]) -> int:
    import spacy

    nlp = spacy.blank("en")
    tokens = 0
    for doc in nlp.tokenizer.pipe(texts(argv), batch_size=64):
        tokens += len(doc)
    print(f"{tokens} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
