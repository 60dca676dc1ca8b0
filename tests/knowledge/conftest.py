"""Fixtures for the knowledge tests: a small bilingual knowledge base in a temporary folder."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from knowledge.embeddings import normalise

PAGES: dict[str, str] = {
    "en/parking-permits.md": """---
title: "Residents' parking permits"
url: "https://city.example/parking/permits"
lang: "en"
last_reviewed: "2026-01-15"
owner: "Transport"
---

# Residents' parking permits

A residents' parking permit lets you park in your zone without paying at the meter.

## Who can apply

You can apply if you live in a controlled parking zone and own or lease the car.

## How much it costs

A permit costs 120 euros a year. Electric cars pay 40 euros.
""",
    "en/waste-collection.md": """---
title: "Household waste collection"
url: "https://city.example/waste"
lang: "en"
last_reviewed: "2026-02-01"
---

Bins are emptied every Tuesday. Put your recycling bin out before 7am.

## Bulky items

Sofas, fridges and mattresses are collected on request for a fee of 25 euros.
""",
    "fr/stationnement.md": """---
title: "Carte de stationnement résident"
url: "https://ville.example/stationnement"
lang: "fr"
last_reviewed: "2026-01-15"
---

La carte de stationnement résident permet de se garer dans sa zone sans payer.

## Qui peut la demander

Vous pouvez la demander si vous habitez dans une zone de stationnement payant.
""",
    "fr/dechets.md": """---
title: "Collecte des déchets"
url: "https://ville.example/dechets"
lang: "fr"
---

Les poubelles sont vidées chaque mardi. Les encombrants sont collectés sur rendez-vous.
""",
}


def _write(root: Path, pages: dict[str, str] | None = None) -> Path:
    for name, text in (PAGES if pages is None else pages).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """Four pages, two in English and two in French, under en/ and fr/."""
    return _write(tmp_path / "kb")


class WordHashEmbedder:
    """A stand-in embedder: bag of lower-cased words hashed into 64 dimensions, normalised."""

    name = "word-hash-64"
    dim = 64

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, zlib.crc32(word.encode()) % self.dim] += 1.0
        return normalise(out)


@pytest.fixture
def word_hash() -> WordHashEmbedder:
    return WordHashEmbedder()
