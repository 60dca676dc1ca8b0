"""Planted-instruction detection: what it catches, what it removes by mistake, and its speed.

    python -m benchmarks.planted

Prints, for the planted-pages set (tests/planted_pages, a development set: the patterns were
written while looking at it), its held-out sentences (`heldout.jsonl`, never tuned on), the
`indirect` records of tests/corpora/prompt_injection.jsonl, the
demo knowledge base and the dev knowledge bases in ../shared/eval (when present): instructions
left in the text after `quarantine`, look-alike sentences removed, pages that lost a sentence,
and the scan rate, each for the patterns alone ("patterns") and with the learned sentence
classifier after them ("+ learned", what ingest and answers use), measured in the same run.

    python -m benchmarks.planted --no-heldout   # everything but the held-out sentences
    python -m benchmarks.planted --heldout-only heldout3.jsonl   # one held-out file alone
    python -m benchmarks.planted --heldout-only heldout3.jsonl --misses   # and print its
        # misses, planted sentences left and people's sentences flagged at each sentence's
        # language's threshold (reading them SPENDS the file)
    python -m benchmarks.planted --help   # this text

Held-out sentences are scored as ingest would score them on a page of the demo knowledge base:
with the demo's own domains (the hosts of its pages' addresses, `planted_destinations.py`) and
what its pages publish (numbers, addresses and sites printed on two pages or more), so that a
direction to pay at a look-alike of them, or to send money, secrets or urgent calls somewhere
the demo does not publish (`planted_unpublished.py`), counts. Each knowledge base is scanned
with its own pages' domains and published destinations, as `opencounter ingest` would: "N of M
pages lost a sentence" is the check that no page of the demo and dev knowledge bases loses one.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from knowledge.frontmatter import split_front_matter
from knowledge.languages import guess_language
from knowledge.planted import Quarantine, planted_kind, quarantine
from knowledge.planted_destinations import NONE as NO_OWN
from knowledge.planted_destinations import OwnDestinations, published_destinations
from knowledge.planted_facts import FactsContext, Page, facts_context
from knowledge.planted_learned import packaged_classifier
from tests.data import CORPORA, EVAL, PLANTED_PAGES, REPO
from tests.planted_cases import CLEAN, PLANTED, PageCase, flat, leaked

KBS = {
    "demo": REPO / "knowledge" / "demo",
    "govuk_en (dev)": EVAL / "govuk_en" / "kb",
    "servicepublic_fr (dev)": EVAL / "servicepublic_fr" / "kb",
}


def page_text(case: PageCase) -> str:
    """The page as an index built before ingest removed anything would hold it."""
    raw = case.path.read_text(encoding="utf-8")
    if case.path.suffix == ".html":
        return re.sub(r"<[^>]+>", "\n", raw)
    return split_front_matter(raw)[1]


def own_of(folder: Path) -> OwnDestinations:
    """The own domains and published destinations ingest would derive from the Markdown pages
    under folder (no contact settings: the organisation file is the demo's)."""
    pages = []
    for path in sorted(folder.rglob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        pages.append((str(meta.get("url", "")), body))
    return published_destinations(pages)


def facts_of(folder: Path) -> FactsContext:
    """What the Markdown pages under folder state, as ingest gathers it (`planted_facts.py`),
    each page under its path, in the language of its folder (en/, fr/) or guessed."""
    pages: list[Page] = []
    for path in sorted(folder.rglob("*.md")):
        relative = path.relative_to(folder)
        lang = relative.parts[0] if relative.parts[0] in ("en", "fr") else None
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        pages.append((str(relative), str(meta.get("title", "")), body, lang))
    return facts_context(pages)


DEMO_OWN = own_of(KBS["demo"])
# A held-out sentence stands on a page of its own in the demo: every demo page is its context.
HELD_OUT_PAGE = "(held-out page)"

Clean = Callable[[str], Quarantine]
LAYERS: dict[str, Clean] = {
    "patterns": partial(quarantine, patterns_only=True),
    "+ learned": quarantine,
}


def planted_set() -> None:
    # Each page judged as ingest judges it: the set's other pages are the facts' context.
    kb = PLANTED_PAGES / "kb"
    facts = facts_of(kb)
    for layer in LAYERS:

        def clean(case: PageCase, patterns_only: bool = layer == "patterns") -> Quarantine:
            page = str(case.path.relative_to(kb))
            return _page_clean(
                page_text(case), page, own=NO_OWN, facts=facts, patterns_only=patterns_only
            )

        left = [case.doc_id for case in PLANTED if leaked(case, clean(case).text)]
        print(
            f"[{layer}] planted pages: instruction left in {len(left)} of {len(PLANTED)} "
            f"{left or ''}"
        )
        sentences = [(case, sentence) for case in CLEAN for sentence in case.survives]
        lost = [s for case, s in sentences if s not in flat(clean(case).text)]
        print(
            f"[{layer}] clean pages: look-alike sentences removed {len(lost)} of "
            f"{len(sentences)} {lost or ''}"
        )


def held_out(name: str = "heldout.jsonl", *, misses: bool = False) -> None:
    rows = [json.loads(line) for line in (PLANTED_PAGES / name).open(encoding="utf-8")]
    planted = [row["text"] for row in rows if row["planted"]]
    people = [row["text"] for row in rows if not row["planted"]]

    facts = facts_of(KBS["demo"]).judge(HELD_OUT_PAGE)

    def kind(text: str) -> str | None:
        return planted_kind(text, DEMO_OWN) or facts(text)

    caught = sum(kind(text) is not None for text in planted)
    flagged = sum(kind(text) is not None for text in people)
    print(
        f"[patterns] held-out sentences ({name}): planted caught {caught} of "
        f"{len(planted)}, people's sentences flagged {flagged} of {len(people)}"
    )
    learned = packaged_classifier()
    caught = sum(kind(text) is not None or learned.kind(text) is not None for text in planted)
    flagged = sum(kind(text) is not None or learned.kind(text) is not None for text in people)
    print(
        f"[+ learned] held-out sentences ({name}): planted caught {caught} of "
        f"{len(planted)}, people's sentences flagged {flagged} of {len(people)}"
    )

    # As ingest would hold each sentence on a page of its language, guessed here as the reader
    # guesses a page's without `lang` (English or French): French has a threshold of its own.
    def found(text: str) -> bool:
        lang = guess_language(text)
        return kind(text) is not None or learned.kind(text, lang) is not None

    print(
        f"[+ learned, page language] held-out sentences ({name}): planted caught "
        f"{sum(map(found, planted))} of {len(planted)}, people's sentences flagged "
        f"{sum(map(found, people))} of {len(people)}"
    )
    if misses:
        # Reading these spends the file: it is a development set from then on.
        for text in planted:
            if not found(text):
                print(f"  missed ({learned.probability(text):.3f}): {text}")
        for text in people:
            if found(text):
                print(f"  flagged ({learned.probability(text):.3f}): {text}")


def corpus() -> None:
    lines = (CORPORA / "prompt_injection.jsonl").read_text(encoding="utf-8").splitlines()
    records = [r for r in map(json.loads, lines) if r["kind"] == "indirect"]
    for layer, clean in LAYERS.items():
        missed = [r["id"] for r in records if not clean(r["text"]).removed]
        print(
            f"[{layer}] corpus indirect records: nothing removed in {len(missed)} of {len(records)}"
        )


PageClean = Callable[[str, str], Quarantine]


def scan(folder: Path, clean: PageClean) -> tuple[int, int, list[str], float]:
    """(pages, bytes, the pages with a removal, seconds); clean takes (text, page path)."""
    pages = size = 0
    hits: list[str] = []
    elapsed = 0.0
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        removed = clean(text, str(path.relative_to(folder))).removed
        elapsed += time.perf_counter() - start
        pages, size = pages + 1, size + len(text.encode())
        if removed:
            hits.append(str(path.relative_to(folder)))
    return pages, size, hits, elapsed


def _page_clean(
    text: str, page: str, *, own: OwnDestinations, facts: FactsContext, patterns_only: bool
) -> Quarantine:
    """Quarantine as ingest runs it on one page of a knowledge base: its own domains, what it
    publishes and the facts of its other pages."""
    return quarantine(text, patterns_only=patterns_only, own=own, facts=facts.judge(page))


def knowledge_bases() -> None:
    packaged_classifier()  # loading the weights is not part of the scan
    for name, folder in KBS.items():
        if not folder.is_dir():
            print(f"{name}: not on this machine")
            continue
        rates = []
        own, facts = own_of(folder), facts_of(folder)
        # What the lines state is read when a sentence first needs it: read here, before the
        # scan is timed (a knowledge base's lines are read once, as the rest of its context).
        _ = facts.index
        layers: dict[str, PageClean] = {
            "patterns": partial(_page_clean, own=own, facts=facts, patterns_only=True),
            "+ learned": partial(_page_clean, own=own, facts=facts, patterns_only=False),
        }
        for layer, clean in layers.items():
            pages, size, hits, seconds = scan(folder, clean)
            rates.append(seconds)
            print(
                f"[{layer}] {name}: {len(hits)} of {pages} pages lost a sentence {hits[:5] or ''}; "
                f"{size / 1e6:.1f} MB "
                f"scanned at {size / seconds / 1e6:.2f} MB/s "
                f"({seconds / pages * 1000:.2f} ms a page)"
            )
        print(
            f"{name}: with the learned layer a scan takes {rates[1] / rates[0]:.2f} times as long"
        )


def main() -> None:
    args = sys.argv[1:]
    if "--help" in args or "-h" in args:
        print(__doc__)
        return
    if "--heldout-only" in args:
        # A held-out file is scored once, when its figures are reported (tests/planted_pages).
        held_out(args[args.index("--heldout-only") + 1], misses="--misses" in args)
        return
    planted_set()
    if "--no-heldout" not in args:
        held_out()
    corpus()
    knowledge_bases()


if __name__ == "__main__":
    main()
