"""Energy per day, published: the same figures from the same reply entries on /transparency(.json),
/oversight/statistics and `opencounter transparency show`, by one rule (web.log_figures), and
the grid's carbon intensity (a setting) giving emissions next to the watt-hours."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from audit.sink import AuditEvent
from tests.conftest import services_of
from tests.web.console.conftest import sign_in
from web.cli.main import build_cli
from web.log_figures import DayEnergy, energy_by_day, energy_total, grams_co2e
from web.settings import Settings


def _answer(cid: str, uwh: int, low: int, high: int) -> AuditEvent:
    fields: dict[str, object] = {
        "decision": "answer",
        "reason": "answered",
        "lang": "en",
        "mode": "extractive",
        "citations": [],
        "energy_uwh": uwh,
        "energy_uwh_low": low,
        "energy_uwh_high": high,
    }
    return AuditEvent("answer", cid, fields)  # type: ignore[arg-type]


def test_energy_by_day_sums_whole_estimates_and_skips_the_rest() -> None:
    day1, day2 = "2026-12-01T10:00:00.000Z", "2026-12-02T23:59:59.999Z"
    good = {"energy_uwh": 1000, "energy_uwh_low": 800, "energy_uwh_high": 1500}
    entries: list[dict[str, object]] = [
        {"type": "answer", "ts": day1, **good},
        {"type": "refusal", "ts": day1, **good},
        {"type": "answer", "ts": day2, **good},
        # Not counted: older entries without estimates, partial, negative, bool, text, no time.
        {"type": "answer", "ts": day2},
        {"type": "answer", "ts": day2, "energy_uwh": 5},
        {"type": "answer", "ts": day2, **good, "energy_uwh_low": -1},
        {"type": "answer", "ts": day2, **good, "energy_uwh": True},
        {"type": "answer", "ts": day2, **good, "energy_uwh_high": "9"},
        {"type": "answer", **good},
    ]
    days = energy_by_day(entries)
    assert days == [
        DayEnergy("2026-12-01", 2, 2000, 1600, 3000),
        DayEnergy("2026-12-02", 1, 1000, 800, 1500),
    ]
    assert energy_total(days) == DayEnergy("total", 3, 3000, 2400, 4500)
    # 3000 µWh = 0.003 Wh = 3e-6 kWh; at 200 g/kWh: 0.0006 g.
    assert grams_co2e(3000, 200.0) == pytest.approx(0.0006)


@pytest.fixture
def overseer(console_client: TestClient, add_staff: Callable[..., str]) -> TestClient:
    sign_in(console_client, add_staff("olive", role="oversight"))
    return console_client


def test_one_figure_on_the_record_the_statistics_and_the_cli(overseer: TestClient) -> None:
    client = overseer
    services = services_of(client)
    services.log.record(
        [_answer("e1", 1_200, 1_000, 2_000), _answer("e2", 800, 600, 1_400), _answer("e3", 0, 0, 0)]
    )
    # A reply made by the real engine carries an estimate too.
    citizen = TestClient(client.app)
    citizen.post("/chat/messages", data={"text": "How do I get a library card?"})
    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    grid = settings.grid_intensity
    # The day the entries were written, not the day this module was imported: a run that
    # crossed midnight UTC between the two looked for an empty day (CI rehearsal, 5 December).
    days = energy_by_day(_entries(client))
    assert len(days) == 1, days
    expected = days[0]
    assert expected.replies == 4

    energy = client.get("/transparency.json").json()["energy"]
    assert energy["replies_estimated"] == expected.replies
    assert energy["wh"] == pytest.approx(expected.uwh / 1e6)
    assert energy["wh_low"] == pytest.approx(expected.uwh_low / 1e6)
    assert energy["wh_high"] == pytest.approx(expected.uwh_high / 1e6)
    assert energy["g_co2e"] == pytest.approx(grams_co2e(expected.uwh, grid), abs=1e-6)
    assert energy["grid_intensity_g_per_kwh"] == grid
    assert "DESNZ" in energy["grid_intensity_source"]
    assert energy["days"] == [
        {
            "day": expected.day,
            "replies": expected.replies,
            "wh": pytest.approx(expected.uwh / 1e6),
            "wh_low": pytest.approx(expected.uwh_low / 1e6),
            "wh_high": pytest.approx(expected.uwh_high / 1e6),
            "g_co2e": pytest.approx(grams_co2e(expected.uwh, grid), abs=1e-6),
        }
    ]

    page = html.unescape(client.get("/transparency").text)
    assert f"{expected.replies} replies used an estimated {expected.uwh / 1e6:.3f} Wh" in page

    stats = client.get("/oversight/statistics")
    assert stats.status_code == 200
    figure = stats.text.split('id="figure-energy"')[1].split("</section>")[0]
    row = (
        f"<td>{expected.day}</td><td>{expected.replies}</td><td>{expected.uwh / 1e6:.3f}</td>"
        f"<td>{expected.uwh_low / 1e6:.3f}–{expected.uwh_high / 1e6:.3f}</td>"
        f"<td>{grams_co2e(expected.uwh, grid):.3f}</td>"
    )
    assert row in figure
    assert f"for {expected.replies} replies with an estimate" in stats.text

    shown = CliRunner().invoke(
        build_cli(), ["transparency", "show", "--json", "--data-dir", str(settings.data_dir)]
    )
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["energy"]["days"] == energy["days"]


def _entries(client: TestClient) -> list[dict[str, object]]:
    log = services_of(client).log
    return [json.loads(data) for _, data in log.entries(0)]


def test_the_grid_setting_changes_emissions_not_energy(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services_of(console_client).log.record([_answer("g1", 2_000_000, 1_000_000, 3_000_000)])
    base = console_client.get("/transparency.json").json()["energy"]
    settings: Settings = console_client.app.state.settings  # type: ignore[attr-defined]
    assert base["g_co2e"] == pytest.approx(grams_co2e(2_000_000, settings.grid_intensity), 1e-3)
    assert Settings(_env_file=None, grid_intensity=0).grid_intensity == 0  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="grid_intensity"):
        Settings(_env_file=None, grid_intensity=-1)  # type: ignore[call-arg]
