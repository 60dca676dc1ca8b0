"""The HTML page the evaluation reports share: one self-contained file, no script, no assets.

Each report (`eval retrieval --report`, `eval bot --report`) is a Jinja2 template extending
"page" here; autoescape is on, so question texts and page titles are escaped wherever they go.
Charts are inline SVG bars drawn by the `bars` macro.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 70rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.hit { font-weight: bold; }
svg text { font-size: 12px; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p>{{ subtitle }}</p>
{% block body %}{% endblock %}
</body>
</html>
"""

# Horizontal bars, one group per label, one bar per series, values in [0, 1].
BARS = """{% macro bars(caption, series, groups) -%}
{%- set bar = 14 -%}{%- set label_w = 220 -%}{%- set width = 320 -%}
{%- set group_h = bar * (series | length) + 10 -%}
{%- set colours = ["#1d70b8", "#00703c", "#d4351c", "#6f72af"] -%}
<figure>
<figcaption>{{ caption }}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{ caption }}"
 width="{{ label_w + width + 60 }}" height="{{ group_h * (groups | length) + 30 }}">
{%- for name in series %}
<rect x="{{ label_w + loop.index0 * 90 }}" y="2" width="10" height="10"
 fill="{{ colours[loop.index0 % 4] }}"/>
<text x="{{ label_w + loop.index0 * 90 + 14 }}" y="11">{{ name }}</text>
{%- endfor %}
{%- for label, values in groups %}
{%- set top = 24 + loop.index0 * group_h %}
<text x="0" y="{{ top + bar }}">{{ label | truncate(32, true, "…") }}</text>
{%- for value in values %}
<rect x="{{ label_w }}" y="{{ top + loop.index0 * bar }}" height="{{ bar - 2 }}"
 width="{{ '%.1f' | format(value * width) }}" fill="{{ colours[loop.index0 % 4] }}"/>
<text x="{{ label_w + value * width + 4 }}" y="{{ top + loop.index0 * bar + bar - 4 }}">
{{- '%.3f' | format(value) }}</text>
{%- endfor %}
{%- endfor %}
</svg>
</figure>
{%- endmacro %}"""


def render(template: str, path: Path, **context: Any) -> None:
    """Render `template` (a Jinja2 text extending "page") with `context` and write it to path.

    Any: the context is each report's own figures, read only by its template.
    """
    environment = Environment(
        loader=DictLoader({"page": PAGE, "bars": BARS, "report": template}),
        autoescape=True,
        undefined=StrictUndefined,
    )
    html = environment.get_template("report").render(**context)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
