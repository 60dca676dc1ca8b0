"""The false-facts context of the demo knowledge base, built once per test process: the pages
`knowledge.planted_facts` judges a sentence against, as ingest reads them."""

from __future__ import annotations

from functools import cache

from knowledge.frontmatter import split_front_matter
from knowledge.planted_facts import FactsContext, Page, facts_context
from tests.data import REPO


@cache
def demo() -> FactsContext:
    pages: list[Page] = []
    for path in sorted((REPO / "knowledge" / "demo").rglob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        pages.append((path.stem, str(meta.get("title", "")), body, path.parent.name))
    return facts_context(pages)
