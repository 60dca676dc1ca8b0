"""A serving process keeps BLAS on one thread (knowledge.search.one_blas_thread): its pool's
spinning threads took the core the page ranker's question needed (benchmarks/README.md)."""

from __future__ import annotations

from threadpoolctl import threadpool_info, threadpool_limits

from web.bootstrap import build_services
from web.settings import Settings


def test_the_services_leave_blas_one_thread(settings: Settings) -> None:
    threadpool_limits(limits=2, user_api="blas")  # as a process starts on two cores
    services = build_services(settings, hooks_enabled=False)
    try:
        # numpy's, which the exact scan and the page search use (scipy's, loaded later by the
        # classifier's library, does no product on a question's path).
        pools = [
            p for p in threadpool_info() if p["user_api"] == "blas" and "numpy" in p["filepath"]
        ]
        assert pools, "numpy's BLAS was not found"
        assert {p["num_threads"] for p in pools} == {1}
    finally:
        services.close()
