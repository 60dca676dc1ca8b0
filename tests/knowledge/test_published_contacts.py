"""The phone numbers and e-mail addresses a knowledge base prints are read from its pages."""

from __future__ import annotations

from knowledge.published import published_contacts


def test_numbers_and_addresses_are_read_as_printed_and_in_national_form() -> None:
    contacts = published_contacts(
        [
            "Apply online or ask for a paper form on 020 7946 0880.",
            "From abroad: +44 20 7946 0500. Write to Libraries@Exampleton.example.",
            "Open 9.00-17.00, fee £12, 3 weeks.",
        ]
    )
    assert {"02079460880", "442079460500", "02079460500"} <= contacts.phones
    assert contacts.emails == frozenset({"libraries@exampleton.example"})
    # Times, prices and short numbers are too short to be anyone's phone.
    assert not any(len(p) < 6 for p in contacts.phones)
