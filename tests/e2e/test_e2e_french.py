"""The French widget in real Chromium: French disclosure first, a French answer citing fr/ pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.citizen import Citizen

pytestmark = pytest.mark.browser


def test_french_widget_discloses_in_french_and_cites_french_pages(citizen: Citizen) -> None:
    citizen.open("/widget?lang=fr")
    expect(citizen.page.locator("html")).to_have_attribute("lang", "fr")
    disclosure = citizen.page.locator("#disclosure")
    expect(disclosure).to_be_visible()
    expect(disclosure).to_contain_text("Vous échangez avec un système d'intelligence artificielle")
    expect(citizen.send_button).to_have_text("Envoyer")
    expect(citizen.page.locator("form.oc-person button")).to_have_text("Parler à une personne")

    # French is ranked by BM25 alone and answered from 0.7 confidence (knowledge/confidence.py):
    # a question the demo pages match well. (The library-card question scores 0.57 and is
    # refused with the contact: a known gap of French retrieval on the small demo KB.)
    reply = citizen.ask("Comment déclarer la naissance de mon bébé ?")

    expect(reply).to_have_attribute("data-decision", "answer")
    expect(reply).to_contain_text("Sources :")
    links = reply.locator(".oc-sources a")
    expect(links.first).to_have_attribute("data-doc-id", re.compile(r"^fr/"))
    expect(links.first).to_have_attribute("href", re.compile(r"/fr/"))
    doc_ids = [links.nth(i).get_attribute("data-doc-id") or "" for i in range(links.count())]
    assert all(d.startswith("fr/") for d in doc_ids), doc_ids
    assert citizen.events.trouble() == []
