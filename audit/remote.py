"""The verifier's one reach over the network: fetching a log's checkpoint and proofs.

HTTP interface the log serves (plain text):
  GET  /audit/checkpoint                  the latest signed checkpoint
  GET  /audit/consistency?old=M&new=N     the consistency proof, one base64 hash per line
  POST /audit/cosignature                 a cosigned checkpoint (body), stored by the log

It uses the standard library's `urllib`, so the verifier's distribution needs no HTTP
package; every other module of the verifier is forbidden the network (pyproject.toml).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from audit.checkpoint import CosignatureSigner
from audit.note import Verifier
from audit.witness import WitnessError, WitnessState, check_and_cosign, parse_proof, remember

TIMEOUT_SECONDS = 30


def witness_log(
    base_url: str,
    log_key: Verifier,
    cosigner: CosignatureSigner,
    state_path: Path,
    *,
    submit: bool = True,
) -> str:
    """Fetch, check and cosign the log's latest checkpoint; returns the cosigned note.

    The witness remembers the checkpoint it cosigned in `state_path` (and the signed note
    itself beside it, `witness.cosigned_path`, for `audit verify --since`); with `submit`,
    it posts the cosigned checkpoint back to the log.
    """
    last = WitnessState.load(state_path)
    base = base_url.rstrip("/")
    signed = _get(f"{base}/audit/checkpoint")
    size = _size_of(signed)
    proof: list[bytes] = []
    if last is not None and 0 < last.size < size:
        proof = parse_proof(_get(f"{base}/audit/consistency?old={last.size}&new={size}"))
    cosigned, checkpoint = check_and_cosign(signed, log_key, cosigner, last, proof)
    if submit:
        status = _request(f"{base}/audit/cosignature", cosigned.encode())[0]
        if status >= 400:
            raise WitnessError(f"the log refused the cosignature: {status}")
    remember(state_path, checkpoint, cosigned)
    return cosigned


def read_checkpoint(location: str) -> str:
    """A signed checkpoint seen earlier, from a file or an http(s) URL (`verify --since`).

    Only its signature makes it evidence, so where it comes from needs no trust: a
    witness's published copy, the log's own `/audit/checkpoint` saved last month, a file.
    """
    if location.startswith(("http://", "https://")):
        text = _get(location)
    else:
        try:
            text = Path(location).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise WitnessError(f"cannot read {location}: {error}") from error
    if "\n\n" not in text:
        raise WitnessError(f"{location} holds no signed checkpoint (a signed note)")
    return text


def _get(url: str) -> str:
    status, body = _request(url, None)
    if status != 200:
        raise WitnessError(f"GET {url} answered {status}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WitnessError(f"GET {url} answered with text that is not UTF-8") from error


def _request(url: str, body: bytes | None) -> tuple[int, bytes]:
    """Status and body of a GET (no body) or POST; an error status is returned, not raised."""
    if not url.startswith(("http://", "https://")):
        raise WitnessError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(url, data=body, method="GET" if body is None else "POST")  # noqa: S310 (scheme checked above)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise WitnessError(f"could not reach {url}: {reason}") from error


def _size_of(signed: str) -> int:
    lines = signed.split("\n")
    if len(lines) < 3 or not lines[1].isdigit():
        raise WitnessError("the log did not serve a checkpoint")
    return int(lines[1])
