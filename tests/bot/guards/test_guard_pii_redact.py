"""Block or redact, per kind: every kind in English and French, the policy file over the mode."""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.guards.evaluate import evaluate, render
from bot.guards.intent_decision import IntentDecision
from bot.guards.pipeline import InputGuard
from bot.guards.policy import PII_KINDS, GuardPolicy, PolicyError

# One message per kind and language, each holding exactly that kind of personal data.
SAMPLES: dict[str, tuple[str, str]] = {
    "iban": (
        "Please pay my benefit into GB82 WEST 1234 5698 7654 32",
        "Versez l'allocation sur FR14 2004 1010 0505 0001 3M02 606",
    ),
    "payment_card": (
        "I paid with 4111 1111 1111 1111 yesterday",
        "J'ai payé avec la carte 4111 1111 1111 1111 hier",
    ),
    "uk_nino": ("My NI number is AB 12 34 56 C.", "Mon numéro National Insurance est AB123456C"),
    "fr_nir": ("My NIR is 185057800608491, can I get care?", "Mon numéro est le 185057800608491."),
    "ca_sin": ("My SIN is 130 692 544", "Mon NAS est le 130 692 544"),
    "nl_bsn": ("My BSN is 111222333", "Mon BSN est 111222333"),
    "ee_isikukood": ("My isikukood is 37605030299", "Mon isikukood est 37605030299"),
    "es_dni_nie": ("My DNI is 12345678Z", "Mon DNI est 12345678Z"),
    "uk_nhs_number": ("My NHS number is 943 476 5919", "Mon numéro NHS est 943 476 5919"),
    "email": (
        "write to jane dot doe at example dot com",
        "écrivez à jeanne.exemple@example.net",
    ),
    "phone": (
        "My mobile is +44 7700 900123, is bin day changing?",
        "Mon portable : 06 39 98 12 34, le jour de collecte change ?",
    ),
    "name_dob_address": (
        "I'm Ann Example, born 02/03/1970, when is my pension?",
        "Je suis Anne Exemple, née le 02/03/1970, quand arrive ma pension ?",
    ),
    "name": (
        "My name is Jane Sample, when is my payment?",
        "Je m'appelle Jeanne Exemple, quand arrive mon paiement ?",
    ),
    "address": (
        "Our new address is 4 Sample Close, how do I update it?",
        "Ma nouvelle adresse est 12 rue des Lilas, comment la changer ?",
    ),
    "credential": ("my password is Tulip2024!", "mon mot de passe est Tulipe2024"),
    "document_number": (
        "My passport number is 123456789, can I renew?",
        "Mon numéro de passeport est 18AV12345",
    ),
    "bank_account": (
        "sort code 40 11 62, account 71234598",
        "sort code 40-11-62 et compte 71234598",
    ),
    "account_number": ("My customer number is 12345678901", "Mon numéro client est 00451287"),
    "postcode": ("My postcode is EX1 2AB", "Mon code postal est H2X 1Y4"),
    "ip_address": ("My IP address is 203.0.113.42", "Mon adresse IP est 203.0.113.42"),
    "web_address": (
        "Check my website at https://example.net/jane",
        "Voir mon site https://example.net/jeanne",
    ),
    "vehicle_plate": (
        "A van, reg LR22 KWT, is parked across my drive again",
        "Une voiture immatriculée DM-418-KZ est garée devant chez moi",
    ),
    "first_name": (
        "Is the tip open on Sunday? Thanks, Gwyneth",
        "La déchetterie ouvre dimanche ? Merci, Solange",
    ),
}
CASES = [
    (kind, lang, texts[i]) for kind, texts in SAMPLES.items() for i, lang in enumerate(("en", "fr"))
]


def policy_with(actions: dict[str, str], notice: dict[str, str] | None = None) -> GuardPolicy:
    """The default policy with `action` set for some kinds (and another notice)."""
    data: dict[str, Any] = copy.deepcopy(_default_data())
    for kind, action in actions.items():
        data["pii"]["kinds"][kind]["action"] = action
    if notice is not None:
        data["pii"]["redacted_notice"] = notice
    return GuardPolicy.from_text(yaml.safe_dump(data, allow_unicode=True))


@functools.cache
def default_policy() -> GuardPolicy:
    return GuardPolicy.default()


@functools.cache
def _default_data() -> dict[str, Any]:
    text = resources.files("bot").joinpath("policies", "default.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_every_kind_has_a_sample() -> None:
    assert set(SAMPLES) == PII_KINDS


@pytest.mark.parametrize(("kind", "lang", "text"), CASES)
def test_block_stops_the_message_and_names_the_kind(kind: str, lang: str, text: str) -> None:
    # The shipped policy redacts a first name alone signing a message (pii README, test24):
    # blocked, it is named as the others are.
    # A vehicle's plate too (removed, the message sent on).
    redacted = ("first_name", "vehicle_plate")
    policy = policy_with({kind: "block"}) if kind in redacted else default_policy()
    verdict = InputGuard(policy).inspect(text, lang)
    assert (verdict.action, verdict.reason) == ("block_pii", f"pii.{kind}")
    label = default_policy().pii.kinds[kind][lang]
    assert verdict.reply is not None and label in verdict.reply
    assert verdict.notice is None


@pytest.mark.parametrize("mode", ["global", "policy"])
@pytest.mark.parametrize(("kind", "lang", "text"), CASES)
def test_redact_sends_the_message_on_without_the_data(
    kind: str, lang: str, text: str, mode: str
) -> None:
    if mode == "global":
        guard = InputGuard(default_policy(), pii_mode="redact")
    else:
        guard = InputGuard(policy_with({kind: "redact"}))
    verdict = guard.inspect(text, lang)
    assert (verdict.action, verdict.reason) == ("allow", "pii.redacted")
    assert f"[{kind.upper()}]" in verdict.text
    for finding in verdict.findings:
        assert text[finding.start : finding.end] not in verdict.text
    label = default_policy().pii.kinds[kind][lang]
    assert verdict.notice is not None and label in verdict.notice
    assert verdict.notice.startswith("Pour vous protéger" if lang == "fr" else "To protect you")


def test_one_blocked_kind_blocks_the_whole_message() -> None:
    guard = InputGuard(policy_with({"name": "redact"}))
    verdict = guard.inspect("My name is Jane Sample, my IBAN is GB82 WEST 1234 5698 7654 32", "en")
    assert (verdict.action, verdict.reason) == ("block_pii", "pii.iban")
    assert "Jane" in verdict.text  # nothing goes on, so nothing is rewritten


def test_the_policy_file_overrides_the_global_redact_mode() -> None:
    guard = InputGuard(policy_with({"iban": "block"}), pii_mode="redact")
    assert guard.inspect("pay it into GB82 WEST 1234 5698 7654 32", "en").action == "block_pii"
    redacted = guard.inspect("write to jo.bloggs@example.net about my claim", "en")
    assert redacted.text == "write to [EMAIL] about my claim"


def test_kinds_without_an_action_follow_the_global_mode() -> None:
    policy = policy_with({"email": "redact"})
    assert InputGuard(policy).pii_action("phone") == "block"
    assert InputGuard(policy, pii_mode="redact").pii_action("phone") == "redact"
    assert InputGuard(policy).pii_action("email") == "redact"


def test_a_crisis_message_is_still_a_crisis_and_redacted_kinds_are_removed() -> None:
    guard = InputGuard(policy_with({"phone": "redact"}))
    verdict = guard.inspect("I want to end my life, call me on +44 7700 900123", "en")
    assert verdict.action == "crisis"
    assert "7700" not in verdict.text and verdict.notice is not None


def test_the_notice_comes_from_the_policy_file() -> None:
    notice = {"en": "Removed: {kinds}.", "fr": "Retiré : {kinds}."}
    guard = InputGuard(policy_with({"email": "redact"}, notice))
    verdict = guard.inspect("mail jo.bloggs@example.net", "fr")
    assert verdict.notice == "Retiré : une adresse e-mail."


@pytest.mark.parametrize("action", ["hide", "", "BLOCK"])
def test_an_unknown_action_is_a_policy_error_naming_the_place(action: str) -> None:
    with pytest.raises(PolicyError, match=r"pii\.kinds\.email\.action"):
        policy_with({"email": action})


@pytest.mark.parametrize(
    ("text", "lang", "secret", "kind"),
    [
        ("I want to end my life. My name is Corwen Blaylock.", "en", "Blaylock", "name"),
        ("I can't go on, I live at 14b Orchard Rd, send someone", "en", "Orchard", "address"),
        ("Je veux me suicider. J'habite au 12 bis rue des Lilas.", "fr", "Lilas", "address"),
    ],
)
def test_a_crisis_message_is_escalated_with_blocked_kinds_withheld_too(
    text: str, lang: str, secret: str, kind: str
) -> None:
    # Names and addresses are blocked by default, yet a person in danger must reach a
    # person: the verdict stays a crisis, and what is kept or shown has the data replaced.
    guard = InputGuard(default_policy())
    assert guard.pii_action(kind) == "block"
    verdict = guard.inspect(text, lang)
    assert verdict.action == "crisis"
    assert kind in {f.kind for f in verdict.findings}
    assert secret not in verdict.text
    assert f"[{kind.upper()}]" in verdict.text
    assert verdict.notice is not None


def test_the_evaluation_tells_escalated_personal_data_from_blocked_and_missed(
    tmp_path: Path,
) -> None:
    records = [
        {"id": "a", "text": "I want to end my life. My name is Corwen Blaylock.", "lang": "en"},
        {"id": "b", "text": "My name is Corwen Blaylock, when is my bin day?", "lang": "en"},
        {"id": "c", "text": "When is the bin day for my street?", "lang": "en"},
    ]
    path = tmp_path / "set.jsonl"
    lines = [json.dumps(r | {"expect": "block_pii", "kind": "name"}) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = evaluate(InputGuard(default_policy()), path)
    escalated, blocked, missed = result.decisions
    assert (escalated.action, escalated.pii, escalated.withheld_in_escalation) == (
        "crisis",
        ("name",),
        True,
    )
    assert not escalated.correct  # still a miss of block_pii, counted apart
    assert blocked.correct and not blocked.withheld_in_escalation
    assert not missed.correct and not missed.withheld_in_escalation
    said = render(result)
    assert (
        "personal data expected: 1 blocked, 1 escalated with the data withheld, 1 let through"
        in said
    )


class WordsClassifier:
    """Calls a message a crisis when it holds one of `words`, and records what it read."""

    def __init__(self, *words: str) -> None:
        self.words = words
        self.read: list[str] = []

    def classify(self, text: str) -> IntentDecision:
        self.read.append(text)
        intent = "crisis" if any(w in text for w in self.words) else "in_scope"
        return IntentDecision(intent, 0.9, {intent: 0.9})


def test_the_classifier_reads_the_message_with_personal_data_replaced() -> None:
    # A classifier swayed by a street's name ("Hope Street") would escalate an ordinary
    # message as a crisis and keep the data out of the block; it never sees the name.
    swayed = WordsClassifier("Hope")
    guard = InputGuard(default_policy(), intents=swayed)
    verdict = guard.inspect("I live at 12 Hope Street and my bin was not emptied", "en")
    assert verdict.action == "block_pii"
    assert swayed.read == ["I live at [ADDRESS] and my bin was not emptied"]


def test_a_crisis_the_classifier_finds_is_still_found_with_the_data_replaced() -> None:
    guard = InputGuard(default_policy(), intents=WordsClassifier("taken all my pills"))
    verdict = guard.inspect("I'm at 14 Hope Street and I've taken all my pills", "en")
    assert (verdict.action, verdict.layer) == ("crisis", "classifier")
    assert "Hope" not in verdict.text
