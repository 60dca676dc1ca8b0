"""The held-out intent sets are well formed, match their README and stay out of the frozen split
(and, while blind, out of the training data).

The guards are never run on them here: each is scored once by the lead (see
bot/guards/data/holdout/README.md). These checks only keep the files honest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[3] / "bot" / "guards" / "data"
HOLDOUT = DATA / "holdout"
README = HOLDOUT / "README.md"
# Each held-out file and the prefix of its ids; the README describes each later set in a
# section of its own, from its heading to the next set's, and the first one above them all.
ID_PREFIX = {
    "intents.holdout-2026-12-02.jsonl": "hold-",
    "intents.holdout-2026-12-02b.jsonl": "hol2-",
    "intents.holdout-2026-12-03c.jsonl": "hol3-",
    "intents.holdout-2026-12-04d.jsonl": "hol4-",
    "intents.holdout-2026-12-04e.jsonl": "hol5-",
    "intents.holdout-2026-12-04f.jsonl": "hol6-",
    "intents.holdout-2026-12-04g.jsonl": "hol7-",
    "intents.holdout-2026-12-04h.jsonl": "hol8-",
    "intents.holdout-2026-12-04i.jsonl": "hol9-",
    "intents.holdout-2026-12-04j.jsonl": "hol10-",
    "intents.holdout-2026-12-04k.jsonl": "hol11-",
    "intents.holdout-2026-12-04l.jsonl": "hol12-",
    "intents.holdout-2026-12-04m.jsonl": "hol13-",
    "intents.holdout-2026-12-05n.jsonl": "hol14-",
    "intents.holdout-2026-12-05o.jsonl": "hol15-",
    "intents.holdout-2026-12-05p.jsonl": "hol16-",
    "intents.holdout-2026-12-05q.jsonl": "hol17-",
    "intents.holdout-2026-12-05r.jsonl": "hol18-",
    "intents.holdout-2026-12-05s.jsonl": "hol19-",
    "intents.holdout-2026-12-05t.jsonl": "hol20-",
    "intents.holdout-2026-12-05u.jsonl": "hol21-",
    "intents.holdout-2026-12-06v.jsonl": "hol22-",
    "intents.holdout-2026-12-06w.jsonl": "hol23-",
    "intents.holdout-2026-12-06x.jsonl": "hol24-",
    "intents.holdout-2026-12-06y.jsonl": "hol25-",
    "intents.holdout-2026-12-06z.jsonl": "hol26-",
    "intents.holdout-2026-12-06za.jsonl": "hol27-",
    "intents.holdout-2026-12-06zb.jsonl": "hol28-",
    "intents.holdout-2026-12-06zc.jsonl": "hol29-",
    "intents.holdout-2026-12-06zd.jsonl": "hol30-",
    "intents.holdout-2026-12-06ze.jsonl": "hol31-",
    "intents.holdout-2026-12-06zf.jsonl": "hol32-",
    "intents.holdout-2026-12-06zg.jsonl": "hol33-",
    "intents.holdout-2026-12-06zh.jsonl": "hol34-",
    "intents.holdout-2026-12-06zi.jsonl": "hol35-",
    "intents.holdout-2026-12-06zj.jsonl": "hol36-",
    "intents.holdout-2026-12-06zk.jsonl": "hol37-",
    "intents.holdout-2026-12-06zl.jsonl": "hol38-",
    "intents.holdout-2026-12-06zm.jsonl": "hol39-",
    "intents.holdout-2026-12-06zn.jsonl": "hol40-",
    "intents.holdout-2026-12-06zo.jsonl": "hol41-",
    "intents.holdout-2026-12-06zp.jsonl": "hol42-",
    "intents.holdout-2026-12-06zq.jsonl": "hol43-",
    "intents.holdout-2026-12-06zr.jsonl": "hol44-",
    "intents.holdout-2026-12-06zs.jsonl": "hol45-",
    "intents.holdout-2026-12-06zt.jsonl": "hol46-",
    "intents.holdout-2026-12-06zu.jsonl": "hol47-",
    "intents.holdout-2026-12-06zv.jsonl": "hol48-",
    "intents.holdout-2026-12-06zw.jsonl": "hol49-",
    "intents.holdout-2026-12-06zx.jsonl": "hol50-",
    "intents.holdout-2026-12-06zy.jsonl": "hol51-",
    "intents.holdout-2026-12-06zz.jsonl": "hol52-",
    "intents.holdout-2026-12-07a.jsonl": "hol53-",
    "intents.holdout-2026-12-07b.jsonl": "hol54-",
    "intents.holdout-2026-12-07c.jsonl": "hol55-",
    "intents.holdout-2026-12-08a.jsonl": "hol56-",
    "intents.holdout-2026-12-08b.jsonl": "hol57-",
    "intents.holdout-2026-12-08c.jsonl": "hol58-",
    "intents.holdout-2026-12-08d.jsonl": "hol59-",
}
SECTIONS = {
    "intents.holdout-2026-12-02b.jsonl": "## Second held-out set: `intents.holdout-2026-12-02b.jsonl`",
    "intents.holdout-2026-12-03c.jsonl": "## Third held-out set: `intents.holdout-2026-12-03c.jsonl`",
    "intents.holdout-2026-12-04d.jsonl": "## Fourth held-out set: `intents.holdout-2026-12-04d.jsonl`",
    "intents.holdout-2026-12-04e.jsonl": "## Fifth held-out set: `intents.holdout-2026-12-04e.jsonl`",
    "intents.holdout-2026-12-04f.jsonl": "## Sixth held-out set: `intents.holdout-2026-12-04f.jsonl`",
    "intents.holdout-2026-12-04g.jsonl": "## Seventh held-out set: `intents.holdout-2026-12-04g.jsonl`",
    "intents.holdout-2026-12-04h.jsonl": "## Eighth held-out set: `intents.holdout-2026-12-04h.jsonl`",
    "intents.holdout-2026-12-04i.jsonl": "## Ninth held-out set: `intents.holdout-2026-12-04i.jsonl`",
    "intents.holdout-2026-12-04j.jsonl": "## Tenth held-out set: `intents.holdout-2026-12-04j.jsonl`",
    "intents.holdout-2026-12-04k.jsonl": "## Eleventh held-out set: `intents.holdout-2026-12-04k.jsonl`",
    "intents.holdout-2026-12-04l.jsonl": "## Twelfth held-out set: `intents.holdout-2026-12-04l.jsonl`",
    "intents.holdout-2026-12-04m.jsonl": "## Thirteenth held-out set: `intents.holdout-2026-12-04m.jsonl`",
    "intents.holdout-2026-12-05n.jsonl": "## Fourteenth held-out set: `intents.holdout-2026-12-05n.jsonl`",
    "intents.holdout-2026-12-05o.jsonl": "## Fifteenth held-out set: `intents.holdout-2026-12-05o.jsonl`",
    "intents.holdout-2026-12-05p.jsonl": "## Sixteenth held-out set: `intents.holdout-2026-12-05p.jsonl`",
    "intents.holdout-2026-12-05q.jsonl": "## Seventeenth held-out set: `intents.holdout-2026-12-05q.jsonl`",
    "intents.holdout-2026-12-05r.jsonl": "## Eighteenth held-out set: `intents.holdout-2026-12-05r.jsonl`",
    "intents.holdout-2026-12-05s.jsonl": "## Nineteenth held-out set: `intents.holdout-2026-12-05s.jsonl`",
    "intents.holdout-2026-12-05t.jsonl": "## Twentieth held-out set: `intents.holdout-2026-12-05t.jsonl`",
    "intents.holdout-2026-12-05u.jsonl": "## Twenty-first held-out set: `intents.holdout-2026-12-05u.jsonl`",
    "intents.holdout-2026-12-06v.jsonl": "## Twenty-second held-out set: `intents.holdout-2026-12-06v.jsonl`",
    "intents.holdout-2026-12-06w.jsonl": "## Twenty-third held-out set: `intents.holdout-2026-12-06w.jsonl`",
    "intents.holdout-2026-12-06x.jsonl": "## Twenty-fourth held-out set: `intents.holdout-2026-12-06x.jsonl`",
    "intents.holdout-2026-12-06y.jsonl": "## Twenty-fifth held-out set: `intents.holdout-2026-12-06y.jsonl`",
    "intents.holdout-2026-12-06z.jsonl": "## Twenty-sixth held-out set: `intents.holdout-2026-12-06z.jsonl`",
    "intents.holdout-2026-12-06za.jsonl": (
        "## Twenty-seventh held-out set: `intents.holdout-2026-12-06za.jsonl`"
    ),
    "intents.holdout-2026-12-06zb.jsonl": (
        "## Twenty-eighth held-out set: `intents.holdout-2026-12-06zb.jsonl`"
    ),
    "intents.holdout-2026-12-06zc.jsonl": (
        "## Twenty-ninth held-out set: `intents.holdout-2026-12-06zc.jsonl`"
    ),
    "intents.holdout-2026-12-06zd.jsonl": (
        "## Thirtieth held-out set: `intents.holdout-2026-12-06zd.jsonl`"
    ),
    "intents.holdout-2026-12-06ze.jsonl": (
        "## Thirty-first held-out set: `intents.holdout-2026-12-06ze.jsonl`"
    ),
    "intents.holdout-2026-12-06zf.jsonl": (
        "## Thirty-second held-out set: `intents.holdout-2026-12-06zf.jsonl`"
    ),
    "intents.holdout-2026-12-06zg.jsonl": (
        "## Thirty-third held-out set: `intents.holdout-2026-12-06zg.jsonl`"
    ),
    "intents.holdout-2026-12-06zh.jsonl": (
        "## Thirty-fourth held-out set: `intents.holdout-2026-12-06zh.jsonl`"
    ),
    "intents.holdout-2026-12-06zi.jsonl": (
        "## Thirty-fifth held-out set: `intents.holdout-2026-12-06zi.jsonl`"
    ),
    "intents.holdout-2026-12-06zj.jsonl": (
        "## Thirty-sixth held-out set: `intents.holdout-2026-12-06zj.jsonl`"
    ),
    "intents.holdout-2026-12-06zk.jsonl": (
        "## Thirty-seventh held-out set: `intents.holdout-2026-12-06zk.jsonl`"
    ),
    "intents.holdout-2026-12-06zl.jsonl": (
        "## Thirty-eighth held-out set: `intents.holdout-2026-12-06zl.jsonl`"
    ),
    "intents.holdout-2026-12-06zm.jsonl": (
        "## Thirty-ninth held-out set: `intents.holdout-2026-12-06zm.jsonl`"
    ),
    "intents.holdout-2026-12-06zn.jsonl": (
        "## Fortieth held-out set: `intents.holdout-2026-12-06zn.jsonl`"
    ),
    "intents.holdout-2026-12-06zo.jsonl": (
        "## Forty-first held-out set: `intents.holdout-2026-12-06zo.jsonl`"
    ),
    "intents.holdout-2026-12-06zp.jsonl": (
        "## Forty-second held-out set: `intents.holdout-2026-12-06zp.jsonl`"
    ),
    "intents.holdout-2026-12-06zq.jsonl": (
        "## Forty-third held-out set: `intents.holdout-2026-12-06zq.jsonl`"
    ),
    "intents.holdout-2026-12-06zr.jsonl": (
        "## Forty-fourth held-out set: `intents.holdout-2026-12-06zr.jsonl`"
    ),
    "intents.holdout-2026-12-06zs.jsonl": (
        "## Forty-fifth held-out set: `intents.holdout-2026-12-06zs.jsonl`"
    ),
    "intents.holdout-2026-12-06zt.jsonl": (
        "## Forty-sixth held-out set: `intents.holdout-2026-12-06zt.jsonl`"
    ),
    "intents.holdout-2026-12-06zu.jsonl": (
        "## Forty-seventh held-out set: `intents.holdout-2026-12-06zu.jsonl`"
    ),
    "intents.holdout-2026-12-06zv.jsonl": (
        "## Forty-eighth held-out set: `intents.holdout-2026-12-06zv.jsonl`"
    ),
    "intents.holdout-2026-12-06zw.jsonl": (
        "## Forty-ninth held-out set: `intents.holdout-2026-12-06zw.jsonl`"
    ),
    "intents.holdout-2026-12-06zx.jsonl": (
        "## Fiftieth held-out set: `intents.holdout-2026-12-06zx.jsonl`"
    ),
    "intents.holdout-2026-12-06zy.jsonl": (
        "## Fifty-first held-out set: `intents.holdout-2026-12-06zy.jsonl`"
    ),
    "intents.holdout-2026-12-06zz.jsonl": (
        "## Fifty-second held-out set: `intents.holdout-2026-12-06zz.jsonl`"
    ),
    "intents.holdout-2026-12-07a.jsonl": (
        "## Fifty-third held-out set: `intents.holdout-2026-12-07a.jsonl`"
    ),
    "intents.holdout-2026-12-07b.jsonl": (
        "## Fifty-fourth held-out set: `intents.holdout-2026-12-07b.jsonl`"
    ),
    "intents.holdout-2026-12-07c.jsonl": (
        "## Fifty-fifth held-out set: `intents.holdout-2026-12-07c.jsonl`"
    ),
    "intents.holdout-2026-12-08a.jsonl": (
        "## Fifty-sixth held-out set: `intents.holdout-2026-12-08a.jsonl`"
    ),
    "intents.holdout-2026-12-08b.jsonl": (
        "## Fifty-seventh held-out set: `intents.holdout-2026-12-08b.jsonl`"
    ),
    "intents.holdout-2026-12-08c.jsonl": (
        "## Fifty-eighth held-out set: `intents.holdout-2026-12-08c.jsonl`"
    ),
    "intents.holdout-2026-12-08d.jsonl": (
        "## Fifty-ninth held-out set: `intents.holdout-2026-12-08d.jsonl`"
    ),
}

EXPECT = {
    "crisis": "escalate",
    "human_request": "escalate",
    "complaint": "escalate",
    "out_of_scope": "refuse",
    "abuse_of_service": "refuse",
    "injection": "refuse",
    "in_scope": "allow",
}
KINDS = {
    "crisis": {
        "self_harm",
        "immediate_danger",
        "domestic_violence",
        "homeless_tonight",
        "child_at_risk",
        "destitution",
    },
    "human_request": {"person", "callback"},
    "complaint": {"complaint"},
    "out_of_scope": {"chit_chat", "creative", "general", "political", "other_body"},
    "abuse_of_service": {"fraud", "harm"},
    "injection": {"override", "extraction", "roleplay", "planted", "action", "encoded"},
    "in_scope": {"services", "personal", "howto", "definition", "agent", "lookalike"},
}
# A README row: | `label` | `kind` | en | fr |
ROW = re.compile(r"^\| `(?P<label>\w+)` \| `(?P<kind>\w+)` \| (?P<en>\d+) \| (?P<fr>\d+) \|$", re.M)


def read(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (HOLDOUT / name).read_text("utf-8").splitlines()]


def readme_section(name: str) -> str:
    """The part of the README that describes `name`: its counts are read from there only."""
    text = README.read_text(encoding="utf-8")
    starts: dict[str, int] = {}
    for file, heading in SECTIONS.items():
        assert text.count(heading) == 1, f"README.md lost its heading {heading!r}"
        starts[file] = text.index(heading)
    if name not in starts:  # the first set: everything above the later sets' headings
        return text[: min(starts.values())]
    begin = starts[name]
    return text[begin : min((at for at in starts.values() if at > begin), default=len(text))]


@pytest.fixture(scope="module", params=sorted(ID_PREFIX))
def held_out_file(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def records(held_out_file: str) -> list[dict[str, str]]:
    return read(held_out_file)


def test_every_record_is_well_formed(held_out_file: str, records: list[dict[str, str]]) -> None:
    prefix = ID_PREFIX[held_out_file]
    for r in records:
        assert set(r) == {"id", "text", "lang", "label", "kind", "expect"}, r
        assert r["id"] == prefix + hashlib.sha256(r["text"].encode()).hexdigest()[:10], r
        assert r["lang"] in {"en", "fr"}, r
        assert r["expect"] == EXPECT[r["label"]], r
        assert r["kind"] in KINDS[r["label"]], r
        assert r["text"].strip() == r["text"] != "", r


def test_no_message_is_repeated(records: list[dict[str, str]]) -> None:
    texts = [r["text"].casefold() for r in records]
    assert len(set(texts)) == len(texts)


def test_the_readme_counts_are_the_files(held_out_file: str, records: list[dict[str, str]]) -> None:
    rows = list(ROW.finditer(readme_section(held_out_file)))
    table = {(m["label"], m["kind"], lang): int(m[lang]) for m in rows for lang in ("en", "fr")}
    assert len(table) == 2 * len(rows), "a (label, kind) row appears twice in one section"
    counted = Counter((r["label"], r["kind"], r["lang"]) for r in records)
    assert {k: n for k, n in table.items() if n} == dict(counted)
    files_row = rf"^\| `{re.escape(held_out_file)}` \| (\d+) messages"
    listed = re.search(files_row, README.read_text(encoding="utf-8"), re.M)
    assert listed, f"the README's table of files does not list {held_out_file}"
    assert int(listed[1]) == len(records)


def test_about_half_is_french_in_each_large_class(records: list[dict[str, str]]) -> None:
    for label in ("crisis", "in_scope"):
        langs = Counter(r["lang"] for r in records if r["label"] == label)
        assert abs(langs["en"] - langs["fr"]) <= 0.1 * sum(langs.values()), label


def spent() -> list[str]:
    """The sets `holdout/spent.txt` lists: run once, their messages trained on."""
    lines = (HOLDOUT / "spent.txt").read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_no_held_out_message_is_in_the_frozen_split_nor_a_blind_one_in_training(
    held_out_file: str, records: list[dict[str, str]]
) -> None:
    # Compared as counts only, so that running this shows nobody the other side's messages.
    # A spent set is trained on (`spent.txt`); a blind one never, and no set is ever frozen.
    held_out = {r["text"].casefold() for r in records}
    names = ["intents.frozen.jsonl"]
    if held_out_file not in spent():
        names.append("intents.train.jsonl")
    for name in names:
        path = DATA / name
        assert path.exists(), f"{name} moved: point this check at the guards' training data"
        other = {json.loads(x)["text"].casefold() for x in path.read_text("utf-8").splitlines()}
        shared = len(held_out & other)
        assert shared == 0, f"{shared} held-out messages are also in {name}"


def test_the_spent_sets_are_the_oldest_and_trained_on() -> None:
    # Sets are spent in the order they were written: the blind ones are the newest. A listed
    # set that is missing from the training file means the build was not run after listing it.
    listed = spent()
    written_order = list(ID_PREFIX)
    assert listed == written_order[: len(listed)], "spent.txt must list the oldest sets in order"
    assert len(written_order) > len(listed), "no blind set left to measure the next change"
    train = {
        json.loads(x)["text"]
        for x in (DATA / "intents.train.jsonl").read_text("utf-8").splitlines()
    }
    for name in listed:
        missing = sum(r["text"] not in train for r in read(name))
        assert missing == 0, f"{missing} messages of {name} are not in the training file"


def test_the_held_out_sets_share_no_message() -> None:
    # A message in two sets would be scored twice and, once the earlier set's figures were
    # read, would no longer be unseen in the later one. Counts only, as above.
    texts = {name: {r["text"].casefold() for r in read(name)} for name in sorted(ID_PREFIX)}
    for name, mine in texts.items():
        for other, theirs in texts.items():
            if other > name:
                shared = len(mine & theirs)
                assert shared == 0, f"{shared} messages are in both {name} and {other}"
