"""What an offer of a person says now, for the widget's form and the API's `person_offer`."""

from __future__ import annotations

from dataclasses import dataclass

from web.services import Services


@dataclass(frozen=True)
class OfferFacts:
    open: bool  # people answer live now
    minutes: int | None  # while open: the expected wait if queued now
    hours: str | None  # while closed: when people answer (a call back instead)


def offer_facts(services: Services, lang: str) -> OfferFacts:
    """The expected wait while people answer, else the hours they do."""
    desk = services.people.desk
    if desk.is_open():
        return OfferFacts(open=True, minutes=desk.expected_wait_if_queued(), hours=None)
    return OfferFacts(open=False, minutes=None, hours=services.organisation.contact.hours_in(lang))
