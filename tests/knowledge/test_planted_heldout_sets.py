"""The planted-sentence held-out files are well formed, match their README and share nothing.

The detector is never run on them here: each set is scored once by the lead (see
tests/planted_pages/README.md). The comparisons print counts only, so that running this shows
nobody the sentences.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[1] / "planted_pages"
README = PAGES / "README.md"
# The held-out files whose README paragraph states their counts in the form checked below.
COUNTED = [
    "heldout3.jsonl",
    "heldout4.jsonl",
    "heldout5.jsonl",
    "heldout6.jsonl",
    "heldout7.jsonl",
    "heldout8.jsonl",
    "heldout9.jsonl",
    "heldout10.jsonl",
    "heldout11.jsonl",
    "heldout12.jsonl",
    "heldout13.jsonl",
    "heldout14.jsonl",
    "heldout15.jsonl",
    "heldout16.jsonl",
    "heldout17.jsonl",
    "heldout18.jsonl",
    "heldout19.jsonl",
]
ALL = ["heldout.jsonl", "heldout2.jsonl", *COUNTED]


def read(name: str) -> list[dict[str, object]]:
    lines = (PAGES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("name", COUNTED)
def test_every_row_is_well_formed(name: str) -> None:
    for row in read(name):
        assert set(row) == {"text", "planted"}, row
        assert isinstance(row["planted"], bool), row
        text = row["text"]
        assert isinstance(text, str) and text.strip() == text != "", row


@pytest.mark.parametrize("name", COUNTED)
def test_the_readme_counts_are_the_file(name: str) -> None:
    rows = read(name)
    stated = re.search(
        rf"`{re.escape(name)}`[^.]*? (\d+) planted sentences and (\d+) sentences for people",
        README.read_text(encoding="utf-8"),
    )
    assert stated, f"README.md does not give the counts of {name}"
    assert int(stated[1]) == sum(1 for r in rows if r["planted"] is True)
    assert int(stated[2]) == sum(1 for r in rows if r["planted"] is False)


@pytest.mark.parametrize("name", COUNTED)
def test_no_sentence_is_repeated(name: str) -> None:
    texts = [str(r["text"]).casefold() for r in read(name)]
    assert len(set(texts)) == len(texts)


def test_the_held_out_files_share_no_sentence() -> None:
    texts = {name: {str(r["text"]).casefold() for r in read(name)} for name in ALL}
    for name in COUNTED:
        for other in ALL:
            if other != name:
                shared = len(texts[name] & texts[other])
                assert shared == 0, f"{shared} sentences of {name} are also in {other}"
