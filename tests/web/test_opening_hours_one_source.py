"""Opening hours come from one place: the organisation file's `contact.opening` (or the
installation's override), read both by the queue that decides whether a person answers live
and by every reply that quotes the hours to a citizen (issue 16)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.handoff.hours import OpeningHours
from bot.organisation import ConfigurationError, load_organisation
from tests.conftest import make_settings, services_of
from tests.web.citizens import start_api
from web.app import create_app
from web.bootstrap import Overrides

# The shipped organisation file: Monday to Friday 9:00-17:00, Thursday until 19:00 (London).
PUBLISHED_EN = "Monday to Wednesday 9:00 to 17:00, Thursday 9:00 to 19:00, Friday 9:00 to 17:00"
PUBLISHED_FR = (
    "du lundi au mercredi de 9 h à 17 h, le jeudi de 9 h à 19 h, le vendredi de 9 h à 17 h"
)
WEDNESDAY_NIGHT = datetime(2026, 12, 2, 22, 0, tzinfo=UTC)  # London is on UTC in December
THURSDAY_EVENING = datetime(2026, 12, 3, 18, 30, tzinfo=UTC)


def _person_page(client: TestClient, lang: str = "en") -> str:
    citizen = TestClient(client.app)
    r = citizen.post("/chat/person", data={"lang": lang}, follow_redirects=False)
    assert r.status_code == 303, r.text
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"])
    assert cid is not None
    return citizen.get(f"/chat?c={cid.group(1)}&lang={lang}").text


@pytest.mark.parametrize("lang,published", [("en", PUBLISHED_EN), ("fr", PUBLISHED_FR)])
def test_by_default_the_queue_and_the_reply_follow_the_published_hours(
    data_dir: Path, lang: str, published: str
) -> None:
    # No override: the shipped default is the organisation's hours, not "always open".
    settings = make_settings(data_dir, opening_hours="")
    with TestClient(create_app(settings, Overrides(clock=lambda: WEDNESDAY_NIGHT))) as client:
        assert not services_of(client).people.desk.is_open()
        assert services_of(client).organisation.contact.hours_in(lang) == published
        page = _person_page(client, lang)
    assert published.replace("'", "&#39;") in page
    assert 'action="/chat/callback"' in page  # out of hours: a callback, not a wait


def test_thursday_evening_is_open_as_the_published_hours_say(data_dir: Path) -> None:
    settings = make_settings(data_dir, opening_hours="")
    with TestClient(create_app(settings, Overrides(clock=lambda: THURSDAY_EVENING))) as client:
        assert services_of(client).people.desk.is_open()
        page = _person_page(client)
    assert 'action="/chat/callback"' not in page


def test_an_override_changes_the_queue_and_the_words_together(data_dir: Path) -> None:
    settings = make_settings(data_dir, opening_hours="sat 08:00-12:00")
    saturday_morning = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    with TestClient(create_app(settings, Overrides(clock=lambda: saturday_morning))) as client:
        services = services_of(client)
        assert services.people.desk.is_open()  # the published hours would say closed
        assert services.organisation.contact.hours_in("en") == "Saturday 8:00 to 12:00"
        # Read in the organisation's time zone unless OPENCOUNTER_OPENING_TIMEZONE says otherwise.
        assert services.organisation.contact.opening.zone.key == "Europe/London"


def test_refusals_quote_the_same_hours_the_queue_follows(data_dir: Path) -> None:
    settings = make_settings(data_dir, opening_hours="tue 10:00-11:00")
    with TestClient(create_app(settings, Overrides(clock=lambda: WEDNESDAY_NIGHT))) as client:
        cid = start_api(client)
        r = client.post(
            f"/api/v1/conversations/{cid}/messages",
            json={"text": "Who won the football world cup in 1966?"},
        )
        assert not services_of(client).people.desk.is_open()
    assert r.status_code == 200
    assert r.json()["decision"] == "refuse"
    assert "(Tuesday 10:00 to 11:00)" in r.json()["text"]


def test_describe_groups_days_and_reads_in_each_language() -> None:
    hours = OpeningHours.parse("mon-fri 09:00-12:30; mon-fri 13:30-17:00; sat 09:30-12:00")
    assert hours.describe("en") == (
        "Monday to Friday 9:00 to 12:30 and 13:30 to 17:00, Saturday 9:30 to 12:00"
    )
    assert hours.describe("fr") == (
        "du lundi au vendredi de 9 h à 12 h 30 et de 13 h 30 à 17 h, le samedi de 9 h 30 à 12 h"
    )
    assert OpeningHours.parse("always").describe("en") == "every day, at any time"
    assert OpeningHours.parse("always").is_open(WEDNESDAY_NIGHT)


def _organisation_file(tmp_path: Path, contact_extra: str) -> Path:
    path = tmp_path / "organisation.yaml"
    path.write_text(
        "name: Testville\ncontact:\n  phone: 020 7946 0001\n  email: a@testville.example\n"
        + contact_extra,
        encoding="utf-8",
    )
    return path


def test_an_organisation_file_without_opening_hours_says_what_to_add(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"lacks 'opening'.*schedule: always"):
        load_organisation(_organisation_file(tmp_path, ""))


def test_free_text_hours_are_refused_so_they_cannot_disagree_with_the_queue(
    tmp_path: Path,
) -> None:
    path = _organisation_file(tmp_path, "  hours:\n    en: Mondays 9 to 5\n")
    with pytest.raises(ConfigurationError, match=r"contact\.hours' is no longer read"):
        load_organisation(path)


def test_unreadable_opening_hours_in_the_file_name_the_field(tmp_path: Path) -> None:
    path = _organisation_file(tmp_path, "  opening:\n    schedule: weekdays 9-5\n")
    with pytest.raises(ConfigurationError, match=r"contact\.opening: cannot read"):
        load_organisation(path)
