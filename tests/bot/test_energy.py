"""The per-reply energy estimate: CPU seconds times a cited power per core, plus a model's
tokens times a cited energy per token, with bounds that hold the central figure."""

from __future__ import annotations

import time

import pytest

from bot.energy import InvalidMeasurement, ModelUse, estimate

UK_GRID = 207.0  # gCO2e/kWh


def test_one_cpu_second_is_about_a_milliwatt_hour() -> None:
    one = estimate(1.0, grid_g_per_kwh=UK_GRID)
    # 3.84 W x 1.135 for one second: 1.21 mWh, between 3.5 x 1.1 and 4.26 x 1.58.
    assert one.wh == pytest.approx(3.84 * 1.135 / 3600, rel=1e-3)
    assert one.wh_low < one.wh < one.wh_high
    assert one.wh_low == pytest.approx(3.5 * 1.1 / 3600)
    assert one.g_co2e == pytest.approx(one.wh / 1000 * UK_GRID)


def test_the_figures_grow_with_cpu_time_and_tokens() -> None:
    short = estimate(0.2, grid_g_per_kwh=UK_GRID)
    longer = estimate(0.4, grid_g_per_kwh=UK_GRID)
    assert longer.wh == pytest.approx(2 * short.wh)
    small = estimate(0.2, ModelUse(7.0, 900, 150), grid_g_per_kwh=UK_GRID)
    large = estimate(0.2, ModelUse(70.0, 900, 150), grid_g_per_kwh=UK_GRID)
    assert short.wh < small.wh < large.wh
    assert small.wh_low < small.wh < small.wh_high
    # 150 output + 90 prompt-equivalent tokens at 3.5 J x 7/65 x 1.135, plus the CPU part.
    assert small.wh - short.wh == pytest.approx(240 * 3.5 * 7 / 65 * 1.135 / 3600)


def test_a_measured_reply_has_a_positive_figure() -> None:
    started = time.process_time()
    sum(i * i for i in range(2_000_000))
    figure = estimate(time.process_time() - started, grid_g_per_kwh=UK_GRID)
    assert figure.wh > 0
    fields = figure.as_fields()
    assert set(fields) == {"energy_uwh", "energy_uwh_low", "energy_uwh_high"}
    assert all(isinstance(value, int) for value in fields.values())
    assert 0 < fields["energy_uwh_low"] <= fields["energy_uwh"] <= fields["energy_uwh_high"]


@pytest.mark.parametrize(
    ("cpu", "model"),
    [(-0.1, None), (0.1, ModelUse(7.0, -1, 10)), (0.1, ModelUse(-7.0, 1, 10))],
)
def test_negative_measurements_are_refused(cpu: float, model: ModelUse | None) -> None:
    with pytest.raises(InvalidMeasurement):
        estimate(cpu, model, grid_g_per_kwh=UK_GRID)


@pytest.mark.parametrize("cpu", [1e-6, 5e-5, 2.5e-4])
def test_a_reply_faster_than_half_a_microwatt_hour_still_has_a_high_bound(cpu: float) -> None:
    # A refusal decided in a fraction of a millisecond: the central figure may round to 0 µWh,
    # but the bounds are rounded outwards, so the high one still holds the true figure.
    fields = estimate(cpu, grid_g_per_kwh=UK_GRID).as_fields()
    assert fields["energy_uwh_low"] <= fields["energy_uwh"] <= fields["energy_uwh_high"]
    assert fields["energy_uwh_high"] >= 1
    wh_high = estimate(cpu, grid_g_per_kwh=UK_GRID).wh_high
    assert fields["energy_uwh_low"] <= wh_high * 1e6 <= fields["energy_uwh_high"]


def test_no_cpu_time_gives_zero_everywhere() -> None:
    assert set(estimate(0.0, grid_g_per_kwh=UK_GRID).as_fields().values()) == {0}
