"""The transparency log: entries, Merkle tree, signed checkpoints, proofs, receipts, erasure.

This package imports nothing else of OpenCounter. Its modules outside `storage/` and `sink.py`
are the verifier, which an oversight body installs alone: the opencounter-verifier wheel
(packaging/verifier/), with no database, web framework or LangChain.
"""
