"""No route that runs on the event loop reads or writes storage there.

An `async def` route runs on the event loop that every request and live stream of the
process shares: a database call made there directly stops them all while it waits (for a
connection from a busy pool, for a lock). 200 citizens opening their live links at once
stalled a process for seconds that way. Such calls go through `run_in_threadpool`; this
reads every async function under web/http and names a call that reaches the services
(`services.…`, or a helper handed them) outside it. Cheap lookups are listed.
"""

from __future__ import annotations

import ast
from pathlib import Path

HTTP = Path(__file__).resolve().parents[2] / "web" / "http"
# Calls that touch no storage: a compiled template, the language choice, a stream built
# around a render function that itself runs in the thread pool (`live_fragments`).
CHEAP = {"get_template", "_lang", "live_fragments", "run_in_threadpool", "TemplateResponse"}


def _mentions_services(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "services" for n in ast.walk(node))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _direct_calls(function: ast.AsyncFunctionDef) -> list[ast.Call]:
    """Calls in the function's own body: nested functions (which run elsewhere) are skipped,
    and so are the arguments of a cheap call (run_in_threadpool's are run in the pool)."""
    found: list[ast.Call] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Call):
                if _name(child.func) in CHEAP:
                    continue
                found.append(child)
            visit(child)

    visit(function)
    return found


def test_async_routes_reach_storage_only_through_the_thread_pool() -> None:
    offenders = []
    for path in sorted(HTTP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.AsyncFunctionDef):
                continue
            if "services" not in {a.arg for a in function.args.args}:
                continue
            for call in _direct_calls(function):
                if _mentions_services(call):
                    where = f"{path.relative_to(HTTP.parent.parent)}:{call.lineno}"
                    offenders.append(f"{where} {function.name}: {ast.unparse(call)[:80]}")
    assert offenders == [], "\n".join(offenders)


def test_the_check_finds_a_blocking_call() -> None:
    source = (
        "async def route(request, services):\n"
        "    ok = await run_in_threadpool(_holds, request, services, 'c')\n"
        "    services.log.add_cosignatures('note', [])\n"
    )
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.AsyncFunctionDef)
    flagged = [ast.unparse(c) for c in _direct_calls(function) if _mentions_services(c)]
    assert flagged == ["services.log.add_cosignatures('note', [])"]
