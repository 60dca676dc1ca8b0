"""A question about the assistant itself (is it a person, is the chat recorded, can it be wrong) is
answered from the organisation's page about its online assistant, with that page cited: the
AI-system disclosure and the way to a person, in the citizen's language. It is neither sent to
a person as a request for one nor refused; a person asked for in the same message still gets
one. The whole engine over the demo pages, extractive, with the shipped guard and classifier
(which still sends to a person the bare questions it is sure are requests for one, such as "est-ce
que je parle à un humain ?": its training data labels them so).
"""

from __future__ import annotations

import pytest

from web.services import Services

ASSISTANT_PAGES = {"en/online-assistant", "fr/assistant-en-ligne"}


@pytest.mark.parametrize(
    ("text", "lang", "says"),
    [
        pytest.param(
            "are you an actual human or an AI",
            "en",
            ("not a human", "not a real person"),
            marks=pytest.mark.xfail(
                strict=True,
                reason="since r37 the classifier, also trained on the spent held-out sets, is "
                "sure this bare question is a request for a person (as the docstring says of "
                "'est-ce que je parle à un humain ?'): a person takes it",
            ),
        ),
        ("Is this conversation being recorded?", "en", ("90 days",)),
        ("Can your answers be wrong?", "en", ("wrong",)),
        (
            "Vous êtes une intelligence artificielle ?",
            "fr",
            ("pas à un humain", "programme informatique"),
        ),
        ("Est-ce que cette conversation est enregistrée ?", "fr", ("90 jours",)),
        ("Vos réponses peuvent-elles être fausses ?", "fr", ("se tromper",)),
    ],
)
def test_a_question_about_the_assistant_is_answered_from_its_page(
    module_services: Services, text: str, lang: str, says: tuple[str, ...]
) -> None:
    engine = module_services.engine
    reply = engine.ask(engine.start(lang).id, text)
    assert reply.decision == "answer", (text, reply.reason)
    assert {c.doc_id for c in reply.citations} & ASSISTANT_PAGES, reply.citations
    assert any(words in reply.text for words in says), reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Are you a bot? I want to speak to a real person about my rent arrears.", "en"),
        ("C'est un robot ? Passez-moi un agent, s'il vous plaît.", "fr"),
    ],
)
def test_a_person_asked_for_with_the_question_is_still_a_person(
    module_services: Services, text: str, lang: str
) -> None:
    engine = module_services.engine
    assert engine.ask(engine.start(lang).id, text).decision == "escalate", text
