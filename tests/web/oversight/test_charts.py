"""The oversight console's SVG charts: well-formed, proportional, labelled and inert with hostile text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from tests.data import CORPORA
from web.oversight.charts import Bar, bar_chart, hbar_chart, stacked_chart

SVG = "{http://www.w3.org/2000/svg}"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _corpus(name: str, per_kind: int) -> list[str]:
    """The first `per_kind` texts of each kind, so every attack family is represented."""
    taken: dict[str, list[str]] = {}
    for line in (CORPORA / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("text"):
            taken.setdefault(record["kind"], []).append(record["text"])
    return [text for texts in taken.values() for text in texts[:per_kind]]


HOSTILE = [
    *_corpus("xss.jsonl", 5),
    *[t for t in _corpus("malformed.jsonl", 10) if NOT_XML.search(t)],
    "]]>",
    "<![CDATA[x]]>",
    "<?xml-stylesheet href='https://attacker.example/x.xsl'?>",
    '<!DOCTYPE svg [<!ENTITY x "boom">]>&x;',
]


def parse(svg: Markup) -> ET.Element:
    assert isinstance(svg, Markup)
    return ET.fromstring(str(svg))


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def rects_with_title(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]


def tip(rect: ET.Element) -> str:
    title = rect.find(f"{SVG}title")
    assert title is not None
    return title.text or ""


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def all_charts(label: str) -> Iterator[Markup]:
    bars = [Bar(label, 3), Bar("other", 1)]
    yield bar_chart(label, bars, unit=label)
    yield hbar_chart(label, bars, unit=label)
    yield stacked_chart(label, [label, "d2"], {label: [1, 2], "other": [3, 0]})


DAYS = [
    Bar(f"2026-11-{d:02d}", v)
    for d, v in zip(range(1, 13), [3, 7, 0, 41, 12, 5, 9, 1, 2, 8, 6, 4], strict=True)
]


def test_bar_chart_is_an_accessible_standalone_svg() -> None:
    root = parse(bar_chart("Conversations per day", DAYS))
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == "100%"
    assert root.get("role") == "img"
    assert len((root.get("viewBox") or "").split()) == 4
    ids = (root.get("aria-labelledby") or "").split()
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert [local(by_id[i].tag) for i in ids] == ["title", "desc"]
    assert by_id[ids[0]].text == "Conversations per day"
    assert "highest 2026-11-04: 41" in (by_id[ids[1]].text or "")


def test_every_bar_has_its_exact_value_and_a_proportional_height() -> None:
    root = parse(bar_chart("Latency p95", DAYS, unit="ms"))
    rects = rects_with_title(root)
    assert [tip(r) for r in rects] == [f"{b.label}: {b.value} ms" for b in DAYS]
    heights = [float(r.get("height") or 0) for r in rects]
    scale = heights[3] / 41
    for bar, height in zip(DAYS, heights, strict=True):
        assert height == pytest.approx(bar.value * scale, abs=0.01)
    bottoms = {round(float(r.get("y") or 0) + h, 1) for r, h in zip(rects, heights, strict=True)}
    assert len(bottoms) == 1, "bars share one baseline"
    assert {"0", "41 ms"} <= set(texts(root)), "y axis runs from 0 to the maximum"


def test_many_bars_keep_their_titles_but_only_a_few_axis_labels() -> None:
    bars = [Bar(f"day-{i}", i + 1) for i in range(60)]
    root = parse(bar_chart("Two months", bars))
    assert len(rects_with_title(root)) == 60
    shown = [t for t in texts(root) if t.startswith("day-")]
    assert 2 <= len(shown) <= 8
    assert shown[0] == "day-0"


def test_hbar_widths_are_proportional_with_label_and_value_beside_each_bar() -> None:
    bars = [Bar("answered", 120), Bar("not_covered", 30), Bar("refused", 6.25)]
    root = parse(hbar_chart("Decisions", bars))
    rects = rects_with_title(root)
    assert [tip(r) for r in rects] == ["answered: 120", "not_covered: 30", "refused: 6.2"]
    widths = [float(r.get("width") or 0) for r in rects]
    assert widths[1] / widths[0] == pytest.approx(30 / 120, abs=0.001)
    assert widths[2] / widths[0] == pytest.approx(6.25 / 120, abs=0.001)
    shown = texts(root)
    assert {"answered", "not_covered", "refused", "120", "30", "6.2"} <= set(shown)
    assert "highest answered: 120" in (root.findtext(f"{SVG}desc") or "")


def test_values_are_formatted_without_noise() -> None:
    root = parse(hbar_chart("t", [Bar("a", 7.0), Bar("b", 12.345), Bar("c", 2.96), Bar("d", 1e6)]))
    assert [tip(r) for r in rects_with_title(root)] == ["a: 7", "b: 12.3", "c: 3", "d: 1000000"]


def test_stacked_columns_total_their_series_with_one_colour_per_series_and_a_legend() -> None:
    columns = ["2026-11-01", "2026-11-02", "2026-11-03"]
    series = {"kb-v1": [5.0, 2.0, 0.0], "kb-v2": [0.0, 4.0, 10.0], "kb-v3": [1.0, 0.0, 2.0]}
    root = parse(stacked_chart("Knowledge-base versions", columns, series))
    rects = rects_with_title(root)
    assert len(rects) == 6, "one segment per non-zero value"
    height_per_column: dict[str, float] = {}
    fills: dict[str, set[str]] = {}
    for r in rects:
        name, column = tip(r).split(": ")[0].split(", ")
        height_per_column[column] = height_per_column.get(column, 0) + float(r.get("height") or 0)
        fills.setdefault(name, set()).add(r.get("fill") or "")
    totals = {c: sum(v[i] for v in series.values()) for i, c in enumerate(columns)}
    scale = height_per_column["2026-11-03"] / totals["2026-11-03"]
    for column, total in totals.items():
        assert height_per_column[column] == pytest.approx(total * scale, abs=0.02)
    assert all(len(f) == 1 for f in fills.values())
    assert len({next(iter(f)) for f in fills.values()}) == 3
    assert {"kb-v1", "kb-v2", "kb-v3"} <= set(texts(root))
    assert "highest total 2026-11-03: 12" in (root.findtext(f"{SVG}desc") or "")


def test_stacked_series_cycle_through_the_palette() -> None:
    series = {f"model-{i}": [1.0] for i in range(12)}
    rects = rects_with_title(parse(stacked_chart("Models", ["d"], series)))
    fills = [r.get("fill") for r in rects]
    assert len(set(fills)) >= 6
    assert fills[len(set(fills))] == fills[0]


def test_stacked_series_must_have_one_value_per_column() -> None:
    with pytest.raises(ValueError, match="kb-v2"):
        stacked_chart("t", ["a", "b"], {"kb-v1": [1, 2], "kb-v2": [1]})


@pytest.mark.parametrize(
    "render",
    [
        lambda: bar_chart("Empty", []),
        lambda: bar_chart("Zeros", [Bar("a", 0), Bar("b", 0)]),
        lambda: hbar_chart("Empty", []),
        lambda: hbar_chart("Zeros", [Bar("a", 0)]),
        lambda: stacked_chart("Empty", [], {}),
        lambda: stacked_chart("No series", ["a"], {}),
        lambda: stacked_chart("Zeros", ["a", "b"], {"s": [0, 0]}),
    ],
)
def test_no_data_gives_a_small_valid_svg_that_says_so(render: Callable[[], Markup]) -> None:
    root = parse(render())
    assert "No data in this range" in texts(root)
    assert root.findtext(f"{SVG}desc") == "No data in this range"
    assert root.find(f"{SVG}title") is not None
    assert rects_with_title(root) == []


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_text_stays_inert_and_well_formed(label: str) -> None:
    for svg in all_charts(label):
        root = parse(svg)
        for element in root.iter():
            assert local(element.tag) in {"svg", "title", "desc", "text", "rect", "line"}
            assert not [a for a in element.attrib if a.lower().startswith("on")]
            assert not [a for a in element.attrib if "href" in a.lower()]
        if not NOT_XML.search(label):
            assert root.findtext(f"{SVG}title") == label, "shown as text, exactly"
            assert any(tip(r).startswith(f"{label}") for r in rects_with_title(root))


def test_a_chart_placed_in_an_autoescaping_template_is_not_escaped_twice_or_evaluated() -> None:
    env = jinja2.Environment(autoescape=True)
    page = env.from_string("<main>{{ chart }}</main>").render(chart=bar_chart("{{7*7}}", DAYS))
    root = ET.fromstring(page)
    assert root.findtext(f"{SVG}svg/{SVG}title") == "{{7*7}}"
    assert root.findtext(f"{SVG}svg/{SVG}text") == "{{7*7}}"
    assert "&amp;" not in page


@settings(max_examples=150, deadline=None)
@given(labels=st.lists(st.text(), min_size=1, max_size=6), title=st.text(), unit=st.text())
def test_any_text_at_all_yields_well_formed_xml(labels: list[str], title: str, unit: str) -> None:
    bars = [Bar(label, i + 1) for i, label in enumerate(labels)]
    parse(bar_chart(title, bars, unit=unit))
    parse(hbar_chart(title, bars, unit=unit))
    parse(stacked_chart(title, labels, {u: [1.0] * len(labels) for u in {unit, title}}))


def test_output_is_deterministic_and_ids_differ_between_charts() -> None:
    assert bar_chart("A", DAYS) == bar_chart("A", DAYS)
    assert stacked_chart("S", ["a"], {"x": [1]}) == stacked_chart("S", ["a"], {"x": [1]})
    ids = {
        parse(c).get("aria-labelledby")
        for c in [
            bar_chart("A", DAYS),
            bar_chart("B", DAYS),
            bar_chart("A", DAYS[:3]),
            hbar_chart("A", DAYS),
        ]
    }
    assert len(ids) == 4


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_colours_contrast_with_white_and_text_is_legible() -> None:
    series = {f"s{i}": [1.0, 2.0] for i in range(10)}
    charts = [bar_chart("b", DAYS), hbar_chart("h", DAYS), stacked_chart("s", ["a", "b"], series)]
    for root in map(parse, charts):
        for element in root.iter():
            fill = element.get("fill")
            if fill and fill.startswith("#"):
                assert 1.05 / (_luminance(fill) + 0.05) >= 3, fill
            if element.get("font-size"):
                assert float(element.get("font-size") or 0) >= 11
