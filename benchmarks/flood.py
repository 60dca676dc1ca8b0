"""One client flooding the app: how many requests get through, what reaches the log, and what
the limiter costs per request.

    python -m benchmarks.flood [--requests 1500]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from fastapi.testclient import TestClient

from web.app import create_app
from web.http.rate_limits import TokenBuckets
from web.settings import Settings


def flood(requests: int) -> None:
    data = Path(tempfile.mkdtemp()) / "data"
    settings = Settings(_env_file=None, data_dir=data, answer_mode="extractive", embedder="none")  # type: ignore[call-arg]
    app = create_app(settings)
    with TestClient(app, client=("203.0.113.7", 50000)) as client:
        services = app.state.services
        before = services.log_size()
        statuses: Counter[int] = Counter()
        started = time.perf_counter()
        for n in range(requests):
            # Rotating X-Forwarded-For from an untrusted peer: it must change nothing.
            headers = {"X-Forwarded-For": f"192.0.2.{n % 250}"}
            statuses[
                client.post("/api/v1/conversations", json={}, headers=headers).status_code
            ] += 1
        took = time.perf_counter() - started
        print(f"{requests} starts from one client in {took:.1f} s: {dict(statuses)}")
        print(f"log entries written: {services.log_size() - before}")


def limiter_cost(keys: int = 10_000, takes: int = 200_000) -> None:
    buckets = TokenBuckets(per_minute=60, max_keys=keys)
    started = time.perf_counter()
    for n in range(takes):
        buckets.take(f"client:{n % (keys * 2)}")  # half the keys evicted and re-added
    took = time.perf_counter() - started
    print(f"TokenBuckets.take: {took / takes * 1e6:.2f} µs each ({len(buckets)} keys tracked)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=1500)
    args = parser.parse_args()
    flood(args.requests)
    limiter_cost()


if __name__ == "__main__":
    main()
