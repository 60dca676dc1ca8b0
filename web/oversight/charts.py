"""Server-rendered SVG bar charts for the oversight console, readable without JavaScript."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Each colour has at least 4.5:1 contrast against white, well above the 3:1 that WCAG asks of
# graphical objects, so bars stay distinguishable from the background for low-vision readers.
PALETTE: tuple[str, ...] = (
    "#1f5fa8",  # blue
    "#b3541e",  # burnt orange
    "#2e7d32",  # green
    "#7b3fa0",  # purple
    "#b0245a",  # crimson
    "#00727a",  # teal
    "#6b5a00",  # olive
    "#4a4a4a",  # grey
)
NO_DATA = "No data in this range"

_WIDTH = 640
_TOP = 40  # room for the visible title
_LEFT = 56  # room for the y-axis numbers
_RIGHT = 16
_PLOT_HEIGHT = 180
_X_LABELS = 8  # more labels than this overlap at 640 px, so the rest are thinned out
_ROW = 26
_LABEL_COLUMN = 190
_VALUE_COLUMN = 80
_INK = "#1a1a1a"
_FONT = 'font-family="system-ui, sans-serif"'
# XML 1.0 cannot carry these even as character references; a hostile label containing one
# would make the whole page unparseable, so it is shown as U+FFFD instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def _text(raw: str, limit: int = 0) -> str:
    """Escape text for the SVG, cut to `limit` characters (0 = no limit) before escaping."""
    clean = _NOT_XML.sub("\ufffd", str(raw))
    if limit and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return str(escape(clean))


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _amount(value: float, unit: str) -> str:
    return f"{_fmt(value)} {unit}" if unit else _fmt(value)


def _drawn(value: float) -> float:
    """The length a value is drawn at: counts and latencies are never negative or NaN, so such
    values are drawn as nothing rather than breaking the geometry; their titles stay exact."""
    return value if math.isfinite(value) and value > 0 else 0.0


def _n(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _chart_id(kind: str, title: str, data: object) -> str:
    # Derived from the input, not a counter, so the same chart renders byte-for-byte the same.
    digest = hashlib.sha256(repr((kind, title, data)).encode("utf-8", "replace")).hexdigest()
    return f"chart-{digest[:12]}"


def _svg(chart_id: str, title: str, desc: str, height: float, body: Sequence[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_n(height)}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'{_FONT} font-size="12" fill="{_INK}">'
        f'<title id="{chart_id}-title">{_text(title)}</title>'
        f'<desc id="{chart_id}-desc">{_text(desc)}</desc>'
        f'<text x="{_LEFT}" y="24" font-size="15" font-weight="bold">{_text(title, 80)}</text>'
    )
    # Safe to mark up: every outside string above and in `body` went through _text().
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704


def _empty(chart_id: str, title: str) -> Markup:
    note = f'<text x="{_LEFT}" y="{_TOP + 24}" font-size="13">{_text(NO_DATA)}</text>'
    return _svg(chart_id, title, NO_DATA, _TOP + 44, [note])


def _y_axis(top: float, unit: str) -> list[str]:
    base = _TOP + _PLOT_HEIGHT
    return [
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{base}" stroke="{_INK}"/>',
        f'<line x1="{_LEFT}" y1="{base}" x2="{_WIDTH - _RIGHT}" y2="{base}" stroke="{_INK}"/>',
        f'<text x="{_LEFT - 6}" y="{base + 4}" text-anchor="end" font-size="11">0</text>',
        f'<text x="{_LEFT - 6}" y="{_TOP + 4}" text-anchor="end" font-size="11">'
        f"{_text(_amount(top, unit), 9)}</text>",
    ]


def _x_labels(labels: Sequence[str]) -> list[str]:
    slot = (_WIDTH - _LEFT - _RIGHT) / len(labels)
    step = math.ceil(len(labels) / _X_LABELS)
    y = _TOP + _PLOT_HEIGHT + 16
    return [
        f'<text x="{_n(_LEFT + slot * (i + 0.5))}" y="{y}" text-anchor="middle" '
        f'font-size="11">{_text(label, 12)}</text>'
        for i, label in enumerate(labels)
        if i % step == 0
    ]


def _column(x: float, width: float, bottom: float, height: float, fill: str, tip: str) -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(bottom - height)}" width="{_n(width)}" '
        f'height="{_n(height)}" fill="{fill}"><title>{_text(tip)}</title></rect>'
    )


def bar_chart(title: str, bars: Sequence[Bar], *, unit: str = "") -> Markup:
    """Vertical bars in the given order, for per-day series such as conversations per day."""
    bars = list(bars)
    chart_id = _chart_id("bar", title, (bars, unit))
    top = max((_drawn(b.value) for b in bars), default=0.0)
    if top == 0:
        return _empty(chart_id, title)
    slot = (_WIDTH - _LEFT - _RIGHT) / len(bars)
    base = _TOP + _PLOT_HEIGHT
    body = _y_axis(top, unit)
    for i, b in enumerate(bars):
        tip = f"{b.label}: {_amount(b.value, unit)}"
        h = _drawn(b.value) / top * _PLOT_HEIGHT
        body.append(_column(_LEFT + slot * (i + 0.1), slot * 0.8, base, h, PALETTE[0], tip))
    body += _x_labels([b.label for b in bars])
    highest = max(bars, key=lambda b: _drawn(b.value))
    desc = f"{len(bars)} bars; highest {highest.label}: {_amount(highest.value, unit)}"
    return _svg(chart_id, title, desc, base + 28, body)


def hbar_chart(title: str, bars: Sequence[Bar], *, unit: str = "") -> Markup:
    """Horizontal bars for categories (decisions, refusal reasons, guard triggers)."""
    bars = list(bars)
    chart_id = _chart_id("hbar", title, (bars, unit))
    top = max((_drawn(b.value) for b in bars), default=0.0)
    if top == 0:
        return _empty(chart_id, title)
    room = _WIDTH - _LABEL_COLUMN - _VALUE_COLUMN - _RIGHT
    body: list[str] = []
    for i, b in enumerate(bars):
        y = _TOP + i * _ROW
        w = _drawn(b.value) / top * room
        amount = _amount(b.value, unit)
        body += [
            f'<text x="{_LABEL_COLUMN - 8}" y="{y + 16}" text-anchor="end">'
            f"{_text(b.label, 28)}</text>",
            f'<rect x="{_LABEL_COLUMN}" y="{y + 4}" width="{_n(w)}" height="{_ROW - 8}" '
            f'fill="{PALETTE[0]}"><title>{_text(f"{b.label}: {amount}")}</title></rect>',
            f'<text x="{_n(_LABEL_COLUMN + w + 6)}" y="{y + 16}">{_text(amount, 16)}</text>',
        ]
    highest = max(bars, key=lambda b: _drawn(b.value))
    desc = f"{len(bars)} bars; highest {highest.label}: {_amount(highest.value, unit)}"
    return _svg(chart_id, title, desc, _TOP + len(bars) * _ROW + 12, body)


def _legend(names: Sequence[str], y: float) -> list[str]:
    per_row, item = 4, (_WIDTH - _LEFT - _RIGHT) / 4
    out: list[str] = []
    for i, name in enumerate(names):
        x, row_y = _LEFT + (i % per_row) * item, y + (i // per_row) * 20
        out += [
            f'<rect x="{_n(x)}" y="{row_y}" width="12" height="12" '
            f'fill="{PALETTE[i % len(PALETTE)]}"/>',
            f'<text x="{_n(x + 18)}" y="{row_y + 11}" font-size="11">{_text(name, 20)}</text>',
        ]
    return out


def stacked_chart(
    title: str, columns: Sequence[str], series: Mapping[str, Sequence[float]]
) -> Markup:
    """One stacked bar per column, one colour per series (e.g. knowledge-base versions per day).

    Raises ValueError when a series does not have one value per column, because a silently
    shifted series would show the wrong version on the wrong day.
    """
    columns, names = list(columns), list(series)
    for name in names:
        if len(series[name]) != len(columns):
            raise ValueError(f"series {name!r} has {len(series[name])} values, not {len(columns)}")
    chart_id = _chart_id("stacked", title, (columns, [(n, list(series[n])) for n in names]))
    totals = [sum(_drawn(series[n][i]) for n in names) for i in range(len(columns))]
    top = max(totals, default=0.0)
    if top == 0:
        return _empty(chart_id, title)
    slot = (_WIDTH - _LEFT - _RIGHT) / len(columns)
    body = _y_axis(top, "")
    for i, column in enumerate(columns):
        bottom = float(_TOP + _PLOT_HEIGHT)
        for k, name in enumerate(names):
            h = _drawn(series[name][i]) / top * _PLOT_HEIGHT
            if h == 0:
                continue
            tip = f"{name}, {column}: {_fmt(series[name][i])}"
            fill = PALETTE[k % len(PALETTE)]
            body.append(_column(_LEFT + slot * (i + 0.1), slot * 0.8, bottom, h, fill, tip))
            bottom -= h
    body += _x_labels(columns)
    body += _legend(names, _TOP + _PLOT_HEIGHT + 32)
    best = max(range(len(columns)), key=lambda i: totals[i])
    desc = (
        f"{len(columns)} columns, {len(names)} series; "
        f"highest total {columns[best]}: {_fmt(totals[best])}"
    )
    height = _TOP + _PLOT_HEIGHT + 32 + math.ceil(len(names) / 4) * 20 + 4
    return _svg(chart_id, title, desc, height, body)
