"""The self-awareness tools in backups (format version 3): every record goes out and comes
back as it was, and a damaged record in a file is refused with nothing imported."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from heartwise.config import Settings
from heartwise.errors import ImportFailed
from heartwise.services import backup, growth
from heartwise.services.items import Items
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace, open_local_workspace

PARIS = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 20, 8, 15, tzinfo=PARIS)


def export_document(journal: Journal) -> dict[str, Any]:
    out = io.StringIO()
    backup.export(journal, "json", out, MORNING)
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def as_stream(document: dict[str, Any]) -> io.BytesIO:
    return io.BytesIO(json.dumps(document).encode())


def everything(ws: Workspace) -> dict[str, list[dict[str, object]]]:
    """Each tool's records as dicts, without ids (a new journal numbers them anew)."""
    logs = {
        "triggers": growth.Triggers(ws),
        "urges": growth.Urges(ws),
        "thought records": growth.ThoughtRecords(ws),
        "reality checks": growth.RealityChecks(ws),
    }
    return {
        name: [{k: v for k, v in r.to_dict().items() if k != "id"} for r in log.list()]
        for name, log in logs.items()
    }


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    growth.Triggers(workspace).create(
        "No answer since lunch.", "unanswered message", "anxious", 70, urge="Call again"
    )
    urges = growth.Urges(workspace)
    urges.record_outcome(urges.create("Check her phone", 20).id, True, "Went for a walk")
    urges.create("Send a long message", 15)
    growth.ThoughtRecords(workspace).create(
        "He went quiet at dinner.",
        "He is bored of me.",
        emotions_before={"anxious": 80, "sad": 60},
        traps=["mind_reading"],
        balanced_thought="He had a long day.",
        emotions_after={"anxious": 40},
    )
    checks = growth.RealityChecks(workspace)
    checks.record_outcome(checks.create("Coffee with her ex", 8, "She leaves").id, 2, "Fine.")
    checks.create("Meeting his friends", 6)
    return workspace


def test_every_record_goes_out_and_comes_back_as_it_was(
    filled: Workspace, db_settings: Settings, tmp_path: Path, clock
) -> None:
    document = export_document(Journal(filled))
    assert document["version"] == 3
    kinds = sorted(item["kind"] for item in document["items"])
    assert kinds == ["reality_check", "reality_check", "thought_record", "trigger", "urge", "urge"]

    fresh = Settings(data_dir=tmp_path / "fresh")
    with open_local_workspace(fresh, clock) as ws:
        backup.import_file(Journal(ws), "heartwise", as_stream(document))
        assert everything(ws) == everything(filled)


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        ("trigger", {"intensity": 140}, "Intensity is a whole number from 0"),
        ("urge", {"wait_minutes": 0}, "A pause lasts from 1 minute"),
        ("thought_record", {"thought": ""}, "thought"),
        ("reality_check", {"expected": 11}, "How bad you expect it to be"),
        ("trigger", {"situation": None}, "trigger"),
    ],
)
def test_a_damaged_record_is_refused_and_nothing_is_imported(
    filled: Workspace, tmp_path: Path, clock, kind: str, change: dict[str, object], message: str
) -> None:
    document = export_document(Journal(filled))
    [target] = [i for i in document["items"] if i["kind"] == kind][:1]
    target["body"].update(change)

    with open_local_workspace(Settings(data_dir=tmp_path / "fresh"), clock) as ws:
        with pytest.raises(ImportFailed, match=message):
            backup.import_file(Journal(ws), "heartwise", as_stream(document))
        assert list(Journal(ws).iter_all()) == []
        assert Items(ws).everything() == []


def test_an_outcome_dated_before_its_check_is_refused(
    filled: Workspace, tmp_path: Path, clock
) -> None:
    document = export_document(Journal(filled))
    done = next(
        i for i in document["items"] if i["kind"] == "reality_check" and i["body"].get("outcome")
    )
    done["body"]["outcome"]["at"] = "2001-01-01T00:00:00+00:00"

    with open_local_workspace(Settings(data_dir=tmp_path / "fresh"), clock) as ws:
        with pytest.raises(ImportFailed, match="after has to come after its before"):
            backup.import_file(Journal(ws), "heartwise", as_stream(document))
        assert Items(ws).everything() == []
