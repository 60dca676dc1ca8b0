"""The HTML report of `opencounter eval bot --report`: decision accuracy, charts and the misses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.evaluation import EXPECTED_DECISIONS, BotScores, EvalCase, EvalRow
from knowledge.eval_html import render

DECISIONS = ("answer", "refuse", "escalate", "block_pii")

TEMPLATE = """{% extends "page" %}{% from "bars" import bars %}
{% macro accuracy(heading, lines) -%}
<table>
<tr><th>{{ heading }}</th><th>questions</th><th>as expected</th><th>accuracy</th>
{%- for d in decisions %}<th>{{ d }}</th>{% endfor %}</tr>
{%- for line in lines %}
<tr><td>{{ line.name }}</td><td class="n">{{ line.total }}</td><td class="n">{{ line.right }}</td>
<td class="n">{{ "%.3f" | format(line.accuracy) }}</td>
{%- for d in decisions %}<td class="n">{{ line.decisions.get(d, 0) }}</td>{% endfor %}</tr>
{%- endfor %}
</table>
{%- endmacro %}
{% block body %}
<p>A decision is as expected when it is one the question's <code>expect</code> asks for:
{% for expect, wanted in expected.items() %}<code>{{ expect }}</code> → {{ wanted | join(" or ") }}
{%- if not loop.last %}; {% endif %}{% endfor %}. Other <code>expect</code> values count as
not as expected. The decision columns count what the bot did.</p>
<h2>Overall</h2>
{{ accuracy("set", [overall]) }}
<p>Answers with citations the checker accepts: {{ scores.answers_with_valid_citations }} of
{{ scores.answers }}. Answers citing an expected page: {{ scores.answers_citing_a_source }} of
{{ scores.answers_with_sources }} that name their pages. Latency p50
{{ "%.1f" | format(scores.latency(0.5)) }} ms, p95 {{ "%.1f" | format(scores.latency(0.95)) }} ms.
</p>
<h2>By expected action</h2>
{{ accuracy("expect", by_expect) }}
{{ bars("Decision accuracy per expected action", ["accuracy"], chart(by_expect)) }}
<h2>By category</h2>
{{ accuracy("category", by_category) }}
{{ bars("Decision accuracy per category", ["accuracy"], chart(by_category)) }}
<h2>By language</h2>
{{ accuracy("language", by_language) }}
<h2>Not as expected ({{ misses | length }})</h2>
{% if misses %}
<table>
<tr><th>id</th><th>question</th><th>language</th><th>category</th><th>expected</th>
<th>decision</th><th>reason</th><th>deciding layer</th><th>pages cited</th></tr>
{%- for case, row in misses %}
<tr><td>{{ case.id }}</td><td>{{ case.text }}</td><td>{{ case.lang }}</td><td>{{ case.group }}</td>
<td>{{ case.expect }}</td><td>{{ row.decision }}</td><td>{{ row.reason }}</td>
<td>{{ row.layer }}</td><td>{{ row.cited | join(", ") or "none" }}</td></tr>
{%- endfor %}
</table>
{% else %}
<p>None.</p>
{% endif %}
{% endblock %}
"""


@dataclass(frozen=True)
class Accuracy:
    """How many questions of one line got an expected decision, and what the bot decided."""

    name: str
    total: int
    right: int
    decisions: dict[str, int]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def write_bot_report(
    path: Path,
    cases: Sequence[EvalCase],
    rows: Sequence[EvalRow],
    scores: BotScores,
    *,
    subtitle: str,
) -> None:
    """Decision accuracy overall, per expected action, category and language; the misses."""
    pairs = list(zip(cases, rows, strict=True))
    render(
        TEMPLATE,
        path,
        title="Bot evaluation",
        subtitle=subtitle,
        decisions=DECISIONS,
        expected=EXPECTED_DECISIONS,
        scores=scores,
        overall=_line("all", pairs),
        by_expect=_split(pairs, lambda c: c.expect),
        by_category=_split(pairs, lambda c: c.group or "none"),
        by_language=_split(pairs, lambda c: c.lang),
        chart=lambda lines: [(line.name, [line.accuracy]) for line in lines],
        misses=scores.misses,
    )


def _split(pairs: list[tuple[EvalCase, EvalRow]], key: Callable[[EvalCase], str]) -> list[Accuracy]:
    names = sorted({key(c) for c, _ in pairs})
    return [_line(n, [(c, r) for c, r in pairs if key(c) == n]) for n in names]


def _line(name: str, pairs: list[tuple[EvalCase, EvalRow]]) -> Accuracy:
    decisions: dict[str, int] = {}
    for _, row in pairs:
        decisions[row.decision] = decisions.get(row.decision, 0) + 1
    right = sum(1 for c, r in pairs if r.decision in EXPECTED_DECISIONS.get(c.expect, ()))
    return Accuracy(name, len(pairs), right, decisions)
