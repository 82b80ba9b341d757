"""Sealing and keys: what is stored can only be opened where and how it was sealed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from heartwise.errors import KeyMissing, VaultError
from heartwise.vault.keys import (
    KEY_BYTES,
    create_device_key,
    key_file_is_private,
    new_key,
    read_device_key,
    unwrap_key,
    wrap_key,
)
from heartwise.vault.sealer import Sealer

SECRET = b"I checked his phone while he slept. I am ashamed."


@pytest.fixture
def sealer() -> Sealer:
    return Sealer(owner_id=1, data_key=new_key())


def test_a_sealed_value_opens_to_the_same_bytes(sealer: Sealer) -> None:
    sealed = sealer.seal("entries", 7, "text", SECRET)
    assert SECRET not in sealed
    assert sealer.unseal("entries", 7, "text", sealed) == SECRET


def test_sealing_twice_gives_different_ciphertexts(sealer: Sealer) -> None:
    assert sealer.seal("entries", 7, "text", SECRET) != sealer.seal("entries", 7, "text", SECRET)


def test_json_values_round_trip(sealer: Sealer) -> None:
    value = {"mood": 3, "emotions": {"jaloux": 80}, "tags": ["us", "🫶"]}
    sealed = sealer.seal_json("entries", 7, "details", value)
    assert sealer.unseal_json("entries", 7, "details", sealed) == value


def test_changing_any_single_byte_fails_the_integrity_check(sealer: Sealer) -> None:
    sealed = sealer.seal("entries", 7, "text", SECRET)
    for position in range(len(sealed)):
        tampered = bytearray(sealed)
        tampered[position] ^= 0x01
        with pytest.raises(VaultError, match="failed its integrity check"):
            sealer.unseal("entries", 7, "text", bytes(tampered))


def test_a_truncated_or_empty_value_fails_the_integrity_check(sealer: Sealer) -> None:
    sealed = sealer.seal("entries", 7, "text", SECRET)
    for broken in (sealed[:-1], sealed[:13], b""):
        with pytest.raises(VaultError, match="failed its integrity check"):
            sealer.unseal("entries", 7, "text", broken)


@pytest.mark.parametrize(
    ("table", "row_id", "field_name"),
    [("entries", 8, "text"), ("entries", 7, "details"), ("triggers", 7, "text")],
    ids=["another row", "another field", "another table"],
)
def test_a_value_copied_to_another_place_does_not_open(
    sealer: Sealer, table: str, row_id: int, field_name: str
) -> None:
    sealed = sealer.seal("entries", 7, "text", SECRET)
    with pytest.raises(VaultError, match=rf"{field_name} of {table} #{row_id} failed"):
        sealer.unseal(table, row_id, field_name, sealed)


def test_a_value_copied_to_another_owner_does_not_open(sealer: Sealer) -> None:
    sealed = sealer.seal("entries", 7, "text", SECRET)
    other_owner = Sealer(owner_id=2, data_key=sealer.data_key)
    with pytest.raises(VaultError, match="copied from another item"):
        other_owner.unseal("entries", 7, "text", sealed)


def test_another_data_key_does_not_open_a_value(sealer: Sealer) -> None:
    sealed = sealer.seal("entries", 7, "text", SECRET)
    with pytest.raises(VaultError, match="integrity check"):
        Sealer(owner_id=1, data_key=new_key()).unseal("entries", 7, "text", sealed)


def test_search_tokens_are_keyed_and_never_the_word(sealer: Sealer) -> None:
    token = sealer.token("jealous")
    assert token == sealer.token("jealous")
    assert "jealous" not in token
    assert token != sealer.token("jealous", kind="t")
    assert token != Sealer(owner_id=1, data_key=new_key()).token("jealous")


def test_a_wrapped_key_unwraps_with_its_device_key() -> None:
    device_key, data_key = new_key(), new_key()
    wrapped = wrap_key(device_key, data_key, owner_id=1, purpose="device")
    assert data_key not in wrapped
    assert unwrap_key(device_key, wrapped, owner_id=1, purpose="device") == data_key


def test_a_wrong_device_key_does_not_fit() -> None:
    wrapped = wrap_key(new_key(), new_key(), owner_id=1, purpose="device")
    with pytest.raises(VaultError, match="does not fit this journal"):
        unwrap_key(new_key(), wrapped, owner_id=1, purpose="device")


def test_a_wrapped_key_is_bound_to_its_owner_and_purpose() -> None:
    device_key = new_key()
    wrapped = wrap_key(device_key, new_key(), owner_id=1, purpose="device")
    with pytest.raises(VaultError, match="does not fit"):
        unwrap_key(device_key, wrapped, owner_id=2, purpose="device")
    with pytest.raises(VaultError, match="does not fit"):
        unwrap_key(device_key, wrapped, owner_id=1, purpose="recovery")


def test_the_device_key_file_is_private_and_has_its_header(tmp_path: Path) -> None:
    path = tmp_path / "data" / "device.key"
    key = create_device_key(path)

    assert len(key) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert key_file_is_private(path)
    assert path.read_bytes().startswith(b"heartwise-device-key v1\n")
    assert read_device_key(path) == key
    assert [p.name for p in path.parent.iterdir()] == ["device.key"]  # no temp file left


def test_an_existing_key_file_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "device.key"
    create_device_key(path)
    before = path.read_bytes()
    with pytest.raises(VaultError, match="will not replace it"):
        create_device_key(path)
    assert path.read_bytes() == before


def test_a_missing_key_file_says_how_to_restore_it(tmp_path: Path) -> None:
    with pytest.raises(KeyMissing, match=r"device\.key.*chmod 600"):
        read_device_key(tmp_path / "device.key")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a key\n", "not a heartwise key file"),
        (b"heartwise-device-key v1\nshort\n", "does not hold a whole key"),
        (b"heartwise-device-key v1\n!!!!\n", "does not hold a whole key"),
    ],
)
def test_a_damaged_key_file_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "device.key"
    path.write_bytes(content)
    with pytest.raises(VaultError, match=message):
        read_device_key(path)


def test_a_key_file_others_can_read_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "device.key"
    create_device_key(path)
    os.chmod(path, 0o644)
    assert not key_file_is_private(path)
