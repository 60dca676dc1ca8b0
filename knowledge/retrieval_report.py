"""The HTML report of `opencounter eval retrieval --report`: figures, charts and the misses."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.eval_html import render
from knowledge.retrieval_eval import EvalQuestion, EvalRow, RetrievalScores, score

TEMPLATE = """{% extends "page" %}{% from "bars" import bars %}
{% macro figures(lines) -%}
<table>
<tr><th>set</th><th>questions</th><th>scored</th><th>R@1</th>
<th>R@5</th><th>R@10</th><th>MRR</th><th>p50 ms</th><th>p95 ms</th></tr>
{%- for name, s in lines %}
<tr><td>{{ name }}</td><td class="n">{{ s.questions }}</td><td class="n">{{ s.scored }}</td>
<td class="n">{{ "%.3f" | format(s.recall_at_1) }}</td>
<td class="n">{{ "%.3f" | format(s.recall_at_5) }}</td>
<td class="n">{{ "%.3f" | format(s.recall_at_10) }}</td>
<td class="n">{{ "%.3f" | format(s.mrr) }}</td>
<td class="n">{{ "%.1f" | format(s.latency_p50_ms) }}</td>
<td class="n">{{ "%.1f" | format(s.latency_p95_ms) }}</td></tr>
{%- endfor %}
</table>
{%- endmacro %}
{% block body %}
<p>Scored: questions that name their <code>sources</code>; a question counts as found at the
rank of the first of its sources in the ranking (R@k: found within the first k pages; MRR: the
mean of 1 / that rank, 0 when not in the first 10).</p>
<h2>Overall</h2>
{{ figures([("all", overall)]) }}
<h2>By language</h2>
{{ figures(by_language) }}
<h2>By category</h2>
{{ figures(by_category) }}
{{ bars("R@1, R@5 and MRR per category", ["R@1", "R@5", "MRR"], category_chart) }}
{{ bars("R@1, R@5 and MRR per language", ["R@1", "R@5", "MRR"], language_chart) }}
<h2>Misses ({{ misses | length }}): the expected page was not ranked first</h2>
{% for m in misses %}
<h3>{{ m.question.id }}: {{ m.question.question }}</h3>
<p>Language {{ m.question.lang or "not given" }}, category {{ m.question.category or "none" }};
expected {% for doc_id in m.question.sources %}<code>{{ doc_id }}</code> ({{ titles(doc_id) }})
{%- if not loop.last %}, {% endif %}{% endfor %};
{% if m.rank %}found at rank {{ m.rank }}
{%- else %}not in the first {{ m.retrieved | length }}{% endif %}.</p>
<table>
<tr><th>rank</th><th>title</th><th>doc id</th></tr>
{%- for doc_id in m.retrieved %}
<tr{% if doc_id in m.question.sources %} class="hit"{% endif %}><td class="n">{{ loop.index }}</td>
<td>{{ titles(doc_id) }}</td><td><code>{{ doc_id }}</code></td></tr>
{%- endfor %}
</table>
{% else %}
<p>None.</p>
{% endfor %}
{% endblock %}
"""


@dataclass(frozen=True)
class Miss:
    question: EvalQuestion
    retrieved: list[str]
    rank: int | None  # of the first expected page, None when not retrieved


def write_retrieval_report(
    path: Path,
    questions: Sequence[EvalQuestion],
    rows: Sequence[EvalRow],
    *,
    titles: Mapping[str, str],
    subtitle: str,
) -> None:
    """Figures overall, per language and per category, their charts, and every miss at rank 1.

    titles maps document ids to page titles (a page without one shows its id).
    """
    by_id = {r.id: r for r in rows}
    misses = []
    for q in questions:
        row = by_id.get(q.id)
        if not q.sources or row is None or (row.retrieved and row.retrieved[0] in q.sources):
            continue
        rank = next((i for i, d in enumerate(row.retrieved, 1) if d in q.sources), None)
        misses.append(Miss(q, row.retrieved, rank))
    by_language = _split(questions, rows, lambda q: q.lang or "not given")
    by_category = _split(questions, rows, lambda q: q.category or "none")
    render(
        TEMPLATE,
        path,
        title="Retrieval evaluation",
        subtitle=subtitle,
        overall=score(questions, rows),
        by_language=by_language,
        by_category=by_category,
        language_chart=_chart(by_language),
        category_chart=_chart(by_category),
        misses=misses,
        titles=lambda doc_id: titles.get(doc_id) or doc_id,
    )


def _split(
    questions: Sequence[EvalQuestion],
    rows: Sequence[EvalRow],
    key: Callable[[EvalQuestion], str],
) -> list[tuple[str, RetrievalScores]]:
    names = sorted({key(q) for q in questions})
    return [(n, score([q for q in questions if key(q) == n], rows)) for n in names]


def _chart(lines: list[tuple[str, RetrievalScores]]) -> list[tuple[str, list[float]]]:
    """R@1, R@5 and MRR of each scored line."""
    return [(n, [s.recall_at_1, s.recall_at_5, s.mrr]) for n, s in lines if s.scored]
