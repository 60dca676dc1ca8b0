"""A question the demo pages answer is answered however politely or loosely it is asked.

"Bonjour, pourriez-vous…", "c'est quoi au juste", "could you please tell me what exactly":
the words a citizen asks with are on no page of a small site, so the confidence's coverage
weighed each as the rarest term there is and refused, as not covered, questions whose every
subject word the right page holds (hol12: 10 of its 13 in-scope refusals were French questions
with the right page first). When BM25 ranks alone (French on the demo) those words no longer
count against the coverage (`Analyzer.content_terms`). A question about something the pages do
not hold is still refused, asked the same way. The whole engine over the demo pages, extractive,
with the shipped guards.
"""

from __future__ import annotations

import pytest

from web.services import Services


@pytest.mark.parametrize(
    ("text", "lang", "page"),
    [
        (
            "Bonjour, c'est quoi au juste une « bande » pour la taxe locale, svp ?",
            "fr",
            "fr/taxe-locale",
        ),
        (
            "Salut, on peut vraiment emprunter combien de livres à la fois à la bibliothèque ?",
            "fr",
            "fr/carte-bibliotheque",
        ),
        (
            "Est-ce que je peux payer la taxe locale par prélèvement, et comment on fait ?",
            "fr",
            "fr/taxe-locale",
        ),
        (
            "Bonjour, à quelle heure ferme la bibliothèque centrale le samedi, svp ? Merci",
            "fr",
            "fr/carte-bibliotheque",
        ),
        (
            "Salut, la carte résident, ça coûte combien pour une voiture électrique, svp ?",
            "fr",
            "fr/carte-stationnement-resident",
        ),
    ],
)
def test_a_covered_question_asked_politely_is_answered_from_its_page(
    module_services: Services, text: str, lang: str, page: str
) -> None:
    engine = module_services.engine
    reply = engine.ask(engine.start(lang).id, text)
    assert reply.decision == "answer", (text, reply.reason, reply.confidence)
    assert page in {c.doc_id for c in reply.citations}, reply.citations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How do I change the timing belt on my car, and what does it cost?", "en"),
        ("Hi, could you tell me how to renew a fishing permit for a loch in Scotland?", "en"),
        ("Hello, how much does it cost to get a tooth filled at the dentist, please?", "en"),
        (
            "Dites-moi comment on fait pour changer la courroie de distribution de ma voiture ?",
            "fr",
        ),
        ("Combien ça coûte, un billet de train pour Lyon, au juste ?", "fr"),
        (
            "Bonjour, je voudrais savoir comment on règle un différend avec son employeur, merci",
            "fr",
        ),
        ("Dites-moi, est-ce que la piscine olympique de Lyon est ouverte le dimanche ?", "fr"),
    ],
)
def test_a_question_the_pages_do_not_hold_is_still_refused_asked_the_same_way(
    module_services: Services, text: str, lang: str
) -> None:
    engine = module_services.engine
    reply = engine.ask(engine.start(lang).id, text)
    assert reply.decision == "refuse", (text, reply.reason, reply.confidence)


@pytest.mark.xfail(
    strict=True,
    reason="known, not new: ranked by BM25 alone, the confidence is the share of the subject's "
    "words in the best passage, so a page that mentions a passport among the documents to bring "
    "answers a question about a passport's price; the bare wording was answered before this "
    "change too, the polite one was refused only for its politeness",
)
def test_known_a_page_that_mentions_the_subject_in_passing_answers_it(
    module_services: Services,
) -> None:
    engine = module_services.engine
    text = "Bonjour, pourriez-vous me dire combien coûte un passeport, s'il vous plaît ?"
    assert engine.ask(engine.start("fr").id, text).decision == "refuse"
