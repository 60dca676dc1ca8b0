"""Group commit: requests that wait while a transaction runs share the next one."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from audit.sink import LogUnavailable
from audit.storage.commit_group import GroupCommit


class SlowStore:
    """Writes items into a list; the first write waits until the test lets it finish."""

    def __init__(self) -> None:
        self.groups: list[list[str]] = []
        self.rows: list[str] = []
        self.first_started = threading.Event()
        self.release = threading.Event()

    def write(self, items: Sequence[str]) -> list[int | Exception]:
        if not self.groups:
            self.first_started.set()
            assert self.release.wait(10)
        self.groups.append(list(items))
        outcomes: list[int | Exception] = []
        for item in items:
            if item.startswith("bad"):
                outcomes.append(LogUnavailable(f"{item} refused"))
            else:
                self.rows.append(item)
                outcomes.append(len(self.rows) - 1)
        return outcomes


Outcomes = dict[str, int | LogUnavailable]


def submit_in_threads(
    group: GroupCommit[str, int], items: list[str], results: Outcomes
) -> list[threading.Thread]:
    def run(item: str) -> None:
        try:
            results[item] = group.submit(item)
        except LogUnavailable as error:
            results[item] = error

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    return threads


def test_requests_queued_during_a_write_share_the_next_transaction() -> None:
    store = SlowStore()
    group: GroupCommit[str, int] = GroupCommit(store.write)
    results: Outcomes = {}
    threads = submit_in_threads(group, ["a"], results)
    assert store.first_started.wait(10)
    threads += submit_in_threads(group, ["b", "c", "d"], results)
    # b, c and d are queued (their threads wait for the write lock) before the first ends.
    while group.queued() < 3:
        threading.Event().wait(0.01)
    store.release.set()
    for thread in threads:
        thread.join(10)
    assert store.groups[0] == ["a"]
    assert sorted(store.groups[1]) == ["b", "c", "d"] and len(store.groups) == 2
    indices = {item: outcome for item, outcome in results.items() if isinstance(outcome, int)}
    assert sorted(indices.values()) == [0, 1, 2, 3]
    assert all(store.rows[index] == item for item, index in indices.items())


def test_a_refused_request_fails_alone() -> None:
    store = SlowStore()
    store.release.set()
    group: GroupCommit[str, int] = GroupCommit(store.write)
    assert group.submit("ok") == 0
    with pytest.raises(LogUnavailable, match="bad-1 refused"):
        group.submit("bad-1")
    assert group.submit("fine") == 1


def test_a_failed_transaction_fails_every_request_in_it() -> None:
    def broken(items: Sequence[str]) -> list[int | Exception]:
        raise LogUnavailable("disk full")

    group: GroupCommit[str, int] = GroupCommit(broken)
    with pytest.raises(LogUnavailable, match="disk full"):
        group.submit("x")
    with pytest.raises(LogUnavailable, match="disk full"):
        group.submit("y")
