"""`heartwise lock` as a person uses it. Prompts read one line each from standard input
when it is not a terminal; other commands take the passphrase from HEARTWISE_PASSPHRASE
or, failing that, from standard input."""

from __future__ import annotations

import re

import pytest

from heartwise.config import Settings
from heartwise.services.workspace import is_locked, open_local_database

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a different and longer phrase"
RECOVERY_KEY = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")


@pytest.fixture(autouse=True)
def no_passphrase_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HEARTWISE_PASSPHRASE", raising=False)


@pytest.fixture
def run(cli):
    """``cli``, checking that no passphrase ever shows up in what was printed."""

    def run_checked(*args: str, input: str | None = None):
        result = cli(*args, input=input)
        for secret in (PASSPHRASE, NEW_PASSPHRASE):
            assert secret not in result.output
        assert "Traceback" not in result.output
        return result

    return run_checked


def locked(settings: Settings) -> bool:
    with open_local_database(settings) as db:
        return is_locked(db)


def recovery_keys(text: str) -> list[str]:
    return RECOVERY_KEY.findall(text)


def lock_journal(run) -> str:
    """`heartwise lock set` with the passphrase typed twice; returns the recovery key shown."""
    result = run("lock", "set", input=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    shown = recovery_keys(result.stdout)
    assert len(shown) == 1, result.stdout
    return shown[0]


@pytest.fixture
def journal_with_entry(run) -> None:
    assert run("log", "He answered late and I waited.").exit_code == 0


def test_lock_set_shows_the_recovery_key_once_and_locks_the_journal(
    run, settings: Settings, journal_with_entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("lock", "set", input=f"{PASSPHRASE}\n{PASSPHRASE}\n")

    assert result.exit_code == 0, result.output
    assert "now locked" in result.stdout
    assert "shown this once" in result.stdout
    assert len(recovery_keys(result.output)) == 1
    assert locked(settings)
    status = run("lock", "status")
    assert status.exit_code == 0
    assert "has a passphrase" in status.stdout
    assert recovery_keys(status.output) == []  # shown once: never again

    # Nobody to type it and nothing in the environment: a kind message, no traceback.
    refused = run("list", input="")
    assert refused.exit_code == 10
    assert refused.stdout == ""
    assert "Your journal is locked." in refused.stderr
    assert "HEARTWISE_PASSPHRASE" in refused.stderr

    # Typed on standard input, as a script might.
    typed = run("list", input=f"{PASSPHRASE}\n")
    assert typed.exit_code == 0, typed.output
    assert "He answered late" in typed.stdout

    monkeypatch.setenv("HEARTWISE_PASSPHRASE", PASSPHRASE)
    listed = run("list", input="")
    assert listed.exit_code == 0, listed.output
    assert "He answered late" in listed.stdout


def test_a_wrong_passphrase_is_refused_kindly(
    run, journal_with_entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_journal(run)
    monkeypatch.setenv("HEARTWISE_PASSPHRASE", "not the passphrase")

    result = run("list", input="")

    assert result.exit_code == 2
    assert "does not open this journal" in result.stderr
    assert "He answered late" not in result.output


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (f"{PASSPHRASE}\n{PASSPHRASE}x\n", "were not the same"),
        (f"{PASSPHRASE}\n", "were not the same"),  # the confirmation never came
        ("short\nshort\n", "at least 8 characters"),
    ],
)
def test_lock_set_refuses_and_changes_nothing(
    run, settings: Settings, journal_with_entry, typed: str, message: str
) -> None:
    result = run("lock", "set", input=typed)

    assert result.exit_code == 2
    assert message in result.stderr
    assert recovery_keys(result.output) == []
    assert not locked(settings)
    assert "has no passphrase" in run("lock", "status").stdout
    listed = run("list", input="")
    assert listed.exit_code == 0
    assert "He answered late" in listed.stdout


def test_lock_set_with_nothing_typed_is_refused(run, settings: Settings) -> None:
    result = run("lock", "set", input="")
    assert result.exit_code == 10
    assert "nothing was typed" in result.stderr
    assert not locked(settings)


def test_lock_set_twice_is_refused(run, journal_with_entry, monkeypatch) -> None:
    lock_journal(run)
    monkeypatch.setenv("HEARTWISE_PASSPHRASE", PASSPHRASE)
    again = run("lock", "set", input=f"{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert again.exit_code == 2
    assert "lock change" in again.stderr
    assert recovery_keys(again.output) == []


def test_lock_change_asks_for_the_current_passphrase_then_the_new_one_twice(
    run, journal_with_entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_journal(run)

    changed = run("lock", "change", input=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}\n")

    assert changed.exit_code == 0, changed.output
    assert "passphrase is changed" in changed.stdout
    assert recovery_keys(changed.output) == []
    old = run("list", input=f"{PASSPHRASE}\n")
    assert old.exit_code == 2
    assert "does not open" in old.stderr
    monkeypatch.setenv("HEARTWISE_PASSPHRASE", NEW_PASSPHRASE)
    listed = run("list", input="")
    assert listed.exit_code == 0
    assert "He answered late" in listed.stdout


def test_lock_change_with_a_mismatched_confirmation_keeps_the_old_passphrase(
    run, journal_with_entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_journal(run)
    monkeypatch.setenv("HEARTWISE_PASSPHRASE", PASSPHRASE)

    changed = run("lock", "change", input=f"{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}!\n")

    assert changed.exit_code == 2
    assert "were not the same" in changed.stderr
    assert run("list", input="").exit_code == 0  # the old passphrase still opens


def test_lock_change_without_a_lock_points_to_lock_set(run, journal_with_entry) -> None:
    result = run("lock", "change", input=f"{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 2
    assert "lock set" in result.stderr


def test_lock_recover_sets_a_new_passphrase_and_shows_a_new_recovery_key(
    run, journal_with_entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_key = lock_journal(run)

    recovered = run("lock", "recover", input=f"{old_key}\n{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}\n")

    assert recovered.exit_code == 0, recovered.output
    assert "new passphrase is set" in recovered.stdout
    shown = recovery_keys(recovered.stdout)
    assert len(shown) == 1
    assert shown[0] != old_key
    assert old_key not in recovered.output  # the key typed is not echoed back

    monkeypatch.setenv("HEARTWISE_PASSPHRASE", NEW_PASSPHRASE)
    listed = run("list", input="")
    assert listed.exit_code == 0
    assert "He answered late" in listed.stdout

    stale = run("lock", "recover", input=f"{old_key}\n{PASSPHRASE}\n{PASSPHRASE}\n")
    assert stale.exit_code == 2
    assert "recovery key does not open" in stale.stderr
    assert recovery_keys(stale.output) == []
    assert run("list", input="").exit_code == 0  # still the new passphrase


def test_lock_recover_refuses_a_malformed_key(run, settings: Settings, journal_with_entry) -> None:
    lock_journal(run)
    result = run("lock", "recover", input=f"ABCD-EFGH\n{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 2
    assert "eight groups of four" in result.stderr
    assert locked(settings)


def test_lock_remove_opens_the_journal_without_a_passphrase_again(
    run, settings: Settings, journal_with_entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_journal(run)
    monkeypatch.setenv("HEARTWISE_PASSPHRASE", PASSPHRASE)

    removed = run("lock", "remove")

    assert removed.exit_code == 0, removed.output
    assert "passphrase is removed" in removed.stdout
    assert not locked(settings)
    monkeypatch.delenv("HEARTWISE_PASSPHRASE")
    assert "has no passphrase" in run("lock", "status").stdout
    listed = run("list", input="")
    assert listed.exit_code == 0
    assert "He answered late" in listed.stdout
    again = run("lock", "remove")
    assert again.exit_code == 2
    assert "no passphrase to remove" in again.stderr


def test_lock_remove_needs_the_passphrase(run, settings: Settings, journal_with_entry) -> None:
    lock_journal(run)
    result = run("lock", "remove", input="")
    assert result.exit_code == 10
    assert locked(settings)


def test_lock_status_on_a_new_journal(run) -> None:
    result = run("lock", "status")
    assert result.exit_code == 0
    assert "has no passphrase" in result.stdout


def test_lock_help_lists_its_commands(run) -> None:
    result = run("lock", "--help")
    assert result.exit_code == 0
    for command in ("set", "change", "remove", "recover", "status"):
        assert command in result.stdout


@pytest.mark.usefixtures("journal_with_entry")
def test_doctor_knows_a_locked_journal_needs_no_key_file(
    run, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_journal(run)
    settings.key_path.unlink()
    monkeypatch.setenv("HEARTWISE_PASSPHRASE", PASSPHRASE)

    result = run("doctor")

    assert result.exit_code == 0, result.output
    assert "not needed: your passphrase protects the journal" in result.stdout
    assert "problem" not in result.stdout
