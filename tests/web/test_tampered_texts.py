"""A text changed in the database shows as unreadable, never as a 500 or as the wrong words."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.web.citizens import conversation_in
from web.app import create_app
from web.services import UNREADABLE
from web.settings import Settings


def test_swapped_ciphertexts_show_as_unreadable(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        posted = client.post(
            "/chat/messages", data={"text": "How do I get a library card?"}, follow_redirects=False
        )
        cid = conversation_in(posted.headers["location"])
        engine = create_engine(settings.resolved_database_url)
        with engine.begin() as db:  # the question and the answer trade places
            rows = db.execute(
                text("SELECT id, nonce, ciphertext FROM audit_texts ORDER BY id")
            ).all()
            (a, na, ca), (b, nb, cb) = rows[0], rows[1]
            update = text("UPDATE audit_texts SET nonce = :n, ciphertext = :c WHERE id = :i")
            db.execute(update, {"n": nb, "c": cb, "i": a})
            db.execute(update, {"n": na, "c": ca, "i": b})
        engine.dispose()
        page = client.get(f"/chat?c={cid}")
    assert page.status_code == 200
    assert page.text.count(UNREADABLE.split(":")[0]) >= 2
    assert "How do I get a library card?" not in page.text
