"""Message -> first token and -> whole reply, through the whole engine, on the demo KB.

Baseline in the same run: the retrieval call alone for the same questions, so the ratio shows
what guards, answer writing, the log and the conversation store add on top of search.
Run: `.venv/bin/python -m benchmarks.bot [--rounds N]` (extractive mode, no network).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bot.engine import Piece
from knowledge.embeddings import default_embedder, default_page_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from web.bootstrap import build_services
from web.settings import Settings

QUESTIONS = [
    ("How do I apply for a resident parking permit?", "en"),
    ("When is my rubbish collected?", "en"),
    ("How do I register the birth of my baby?", "en"),
    ("How much is a dog licence?", "en"),
    ("Can I get help paying my rent?", "en"),
    ("Who won the world cup in 1966?", "en"),
    ("Comment inscrire mon enfant à l'école ?", "fr"),
    ("Comment déclarer une naissance ?", "fr"),
]
DEMO_KB = Path(__file__).resolve().parent.parent / "knowledge" / "demo"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        settings = Settings(data_dir=data, answer_mode="extractive")
        # As `opencounter ingest` does: e5 page openings and chunk vectors when built, English
        # too unless OPENCOUNTER_ENGLISH_CHUNKS=minilm (OPENCOUNTER_E5_DIR pointing nowhere
        # measures the pipeline without them).
        minilm = default_embedder()
        pages = default_page_embedder(settings.e5_dir) if minilm else None
        english_on_e5 = pages is not None and settings.english_chunks == "e5"
        ingest(
            DEMO_KB,
            data / "kb",
            embedder=minilm,
            embed_languages=frozenset() if english_on_e5 else FusionWeights().dense_languages(),
            page_embedder=pages,
            passage_embedder=pages,  # its passage vectors for the other languages' chunks
        )
        services = build_services(settings)
        engine, retriever = services.engine, services.retriever
        first, whole, search = [], [], []
        for _ in range(args.rounds):
            for question, lang in QUESTIONS:
                t0 = time.perf_counter()
                retriever.retrieve(question, lang=lang, k=5)
                search.append((time.perf_counter() - t0) * 1000)
                cid = engine.start(lang).id
                t0 = time.perf_counter()
                got_first = None
                for event in engine.ask_stream(cid, question):
                    if got_first is None and isinstance(event, Piece):
                        got_first = (time.perf_counter() - t0) * 1000
                whole.append((time.perf_counter() - t0) * 1000)
                first.append(got_first if got_first is not None else whole[-1])
        services.close()
    load = os.getloadavg()[0]
    n = len(first)
    ranker = pages.name if pages is not None else "none (French: MiniLM openings)"
    print(f"{n} messages, extractive mode, load average {load:.1f}; page ranker: {ranker}")
    print(
        f"retrieval alone  p50 {statistics.median(search):7.1f} ms  p95 {pct(search, 0.95):7.1f} ms"
    )
    print(
        f"first piece      p50 {statistics.median(first):7.1f} ms  p95 {pct(first, 0.95):7.1f} ms"
        f"  ({pct(first, 0.95) / pct(search, 0.95):.1f}x retrieval p95)"
    )
    print(
        f"whole reply      p50 {statistics.median(whole):7.1f} ms  p95 {pct(whole, 0.95):7.1f} ms"
        f"  ({pct(whole, 0.95) / pct(search, 0.95):.1f}x retrieval p95)"
    )


if __name__ == "__main__":
    main()
