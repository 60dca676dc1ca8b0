"""Where the tests' data lives: test vectors and hostile-input corpora in the repository
(copies with their sources, licences and hashes in each folder's README), and the evaluation
sets beside it in `../shared/eval`, the only data a plain clone does not have."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VECTORS = REPO / "tests" / "vectors"
CORPORA = REPO / "tests" / "corpora"
# Evaluation data stays out of the repository (it is scored on, never tuned on here): a test
# that reads it calls tests.needs.missing() when it is absent, so CI fails and a laptop skips.
EVAL = REPO.parent / "shared" / "eval"
# Knowledge-base pages with planted instructions, and clean look-alikes (see its README).
PLANTED_PAGES = REPO / "tests" / "planted_pages"
