"""The transparency log: entries, Merkle tree, signed checkpoints, proofs, receipts, erasure.

This package imports nothing else of OpenCounter, so an oversight body can install it alone.
"""
