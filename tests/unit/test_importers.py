"""Bringing a journal over from jrnl or Day One."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from heartwise.domain.entries import EntryRecord
from heartwise.errors import ImportFailed
from heartwise.services.importers import read_dayone, read_jrnl

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PARIS_WINTER = timezone(timedelta(hours=1))
NEW_YORK_WINTER = timezone(timedelta(hours=-5))
NEW_YORK_SUMMER = timezone(timedelta(hours=-4))


def fixture(name: str) -> io.BytesIO:
    return io.BytesIO((FIXTURES / name).read_bytes())


def as_file(document: Any) -> io.BytesIO:
    return io.BytesIO(json.dumps(document).encode())


def jrnl_entry(**overrides: Any) -> dict[str, Any]:
    entry = {
        "title": "Counted the minutes until he called back.",
        "body": "It was only twenty. It felt like a whole afternoon.",
        "date": "2024-04-02",
        "time": "18:10",
        "tags": [],
        "starred": False,
    }
    return {**entry, **overrides}


def dayone_entry(**overrides: Any) -> dict[str, Any]:
    entry = {
        "uuid": "0B1C2D3E4F5A4B6C8D7E9F0A1B2C3D4E",
        "creationDate": "2024-04-02T16:10:00Z",
        "timeZone": "Europe/Paris",
        "starred": False,
        "text": "Counted the minutes until he called back.",
    }
    return {**entry, **overrides}


def jrnl_file(*entries: Any) -> io.BytesIO:
    return as_file({"tags": {}, "entries": list(entries)})


def dayone_file(*entries: Any) -> io.BytesIO:
    return as_file({"metadata": {"version": "1.0"}, "entries": list(entries)})


def failure(records: Iterator[EntryRecord]) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        list(records)
    return caught.value


@pytest.fixture
def machine_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """jrnl times are local times, so pin the machine's zone to one with daylight saving."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# -- jrnl: the real export of jrnl 4.6 -------------------------------------------------------


def test_every_jrnl_entry_comes_over_in_the_order_of_the_file() -> None:
    records = list(read_jrnl(fixture("jrnl_export.json")))

    assert [record.draft.text.split("\n")[0] for record in records] == [
        "Quiet dinner, loud thoughts. @home",
        "Sent the first good-morning text today and did not check for a reply every minute.",
        "We argued about the weekend. @us @Work",
        "Café talk — naming the fear. #trust @us",
    ]


def test_a_jrnl_title_and_body_become_one_text_with_a_blank_line_between() -> None:
    dinner, _, argument, _ = read_jrnl(fixture("jrnl_export.json"))

    assert dinner.draft.text == (
        "Quiet dinner, loud thoughts. @home\n"
        "\n"
        "He scrolled through his phone for most of the meal and I did not say anything.\n"
        "I kept asking myself whether I have become boring to him."
    )
    assert argument.draft.text == (
        "We argued about the weekend. @us @Work\n"
        "\n"
        "I wanted us to visit my sister; he wanted to rest after a long @work week.\n"
        "\n"
        "We both got louder than we meant to.\n"
        "An hour later he knocked on the study door and said sorry, and so did I."
    )


def test_a_jrnl_entry_with_only_a_title_keeps_just_the_title() -> None:
    _, good_morning, _, _ = read_jrnl(fixture("jrnl_export.json"))

    assert good_morning.draft.text == (
        "Sent the first good-morning text today and did not check for a reply every minute."
    )


def test_jrnl_tags_arrive_without_their_at_or_hash_sign() -> None:
    dinner, _, argument, cafe = read_jrnl(fixture("jrnl_export.json"))

    assert dinner.draft.tags == ("home",)
    assert argument.draft.tags == ("us", "work")
    assert cafe.draft.tags == ("us", "trust")


def test_a_starred_jrnl_entry_is_tagged_starred_and_the_others_are_not() -> None:
    records = list(read_jrnl(fixture("jrnl_export.json")))

    assert records[1].draft.tags == ("starred",)
    assert ["starred" in record.draft.tags for record in records] == [False, True, False, False]


@pytest.mark.usefixtures("machine_in_new_york")
def test_jrnl_times_are_read_as_local_time_with_that_days_offset() -> None:
    dinner, good_morning, argument, cafe = read_jrnl(fixture("jrnl_export.json"))

    assert dinner.draft.occurred_at == datetime(2024, 3, 2, 21, 40, tzinfo=NEW_YORK_WINTER)
    assert good_morning.draft.occurred_at == datetime(2024, 3, 5, 8, 15, tzinfo=NEW_YORK_WINTER)
    # Clocks in New York went forward on 10 March 2024, between these two entries.
    assert argument.draft.occurred_at == datetime(2024, 3, 9, 23, 5, tzinfo=NEW_YORK_WINTER)
    assert cafe.draft.occurred_at == datetime(2024, 3, 14, 19, 30, tzinfo=NEW_YORK_SUMMER)
    assert argument.draft.occurred_at.utcoffset() == timedelta(hours=-5)
    assert cafe.draft.occurred_at.utcoffset() == timedelta(hours=-4)


def test_jrnl_times_follow_whatever_zone_this_machine_is_in() -> None:
    dinner, *_ = read_jrnl(fixture("jrnl_export.json"))

    local_dinner_time = datetime(2024, 3, 2, 21, 40).astimezone()
    assert dinner.draft.occurred_at == local_dinner_time
    assert dinner.draft.occurred_at.utcoffset() == local_dinner_time.utcoffset()


def test_jrnl_entries_bring_no_mood_emotions_or_bookkeeping_times() -> None:
    for record in read_jrnl(fixture("jrnl_export.json")):
        assert record.draft.mood is None
        assert record.draft.emotions == {}
        assert record.created_at is None
        assert record.updated_at is None
        assert record.deleted_at is None


def test_seconds_in_a_jrnl_time_are_accepted() -> None:
    (record,) = read_jrnl(jrnl_file(jrnl_entry(time="18:10:42")))

    assert record.draft.occurred_at == datetime(2024, 4, 2, 18, 10, 42).astimezone()


# -- jrnl: files heartwise refuses -----------------------------------------------------------


def test_an_impossible_jrnl_date_names_the_entry_the_field_and_the_date() -> None:
    problem = failure(read_jrnl(fixture("jrnl_bad_date.json")))

    assert problem.message == (
        "Entry 1 of the jrnl file has a date heartwise cannot read: “2024-02-30”."
    )
    assert problem.field == "date"
    assert "Waited up for him" not in problem.message


def test_an_impossible_jrnl_time_names_the_entry_and_the_time() -> None:
    problem = failure(read_jrnl(jrnl_file(jrnl_entry(), jrnl_entry(time="25:61"))))

    assert problem.message == "Entry 2 of the jrnl file has a time heartwise cannot read: “25:61”."
    assert problem.field == "time"


def test_a_jrnl_entry_without_a_date_is_refused() -> None:
    entry = jrnl_entry()
    del entry["date"]

    problem = failure(read_jrnl(jrnl_file(jrnl_entry(), jrnl_entry(), entry)))

    assert problem.message == "Entry 3 of the jrnl file has no “date”."


def test_a_jrnl_entry_with_an_empty_title_and_body_has_no_text() -> None:
    problem = failure(read_jrnl(jrnl_file(jrnl_entry(), jrnl_entry(title="  ", body="\n"))))

    assert problem.message == "Entry 2 of the jrnl file has no text."


def test_jrnl_tags_must_be_a_list_of_words() -> None:
    problem = failure(read_jrnl(jrnl_file(jrnl_entry(tags="@us"))))

    assert problem.message == "Entry 1 of the jrnl file has “tags” that are not a list of words."
    assert problem.field == "tags"


def test_a_jrnl_star_must_be_true_or_false() -> None:
    problem = failure(read_jrnl(jrnl_file(jrnl_entry(starred="yes"))))

    assert problem.message == (
        "Entry 1 of the jrnl file has a “starred” that is neither true nor false."
    )


def test_a_jrnl_entry_that_is_not_an_object_is_refused() -> None:
    problem = failure(read_jrnl(jrnl_file(jrnl_entry(), "Counted the minutes")))

    assert problem.message == (
        "Entry 2 of the jrnl file is not a JSON object, so it is not an entry."
    )
    assert "Counted the minutes" not in problem.message


def test_a_jrnl_entry_the_journal_rules_refuse_says_which_entry_without_quoting_it() -> None:
    words = "I keep rereading his messages. " * 4_000

    problem = failure(read_jrnl(jrnl_file(jrnl_entry(), jrnl_entry(body=words))))

    assert problem.message.startswith("Entry 2 of the jrnl file: This entry has ")
    assert "characters" in problem.message
    assert problem.field == "text"
    assert "rereading" not in problem.message


def test_a_file_without_a_list_of_entries_is_not_a_jrnl_export() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_jrnl(as_file({"tags": {}, "entries": {"title": "x"}}))

    assert caught.value.message == (
        "This file does not look like a jrnl JSON export: it has no list of “entries”."
    )


def test_a_broken_jrnl_file_says_on_which_line_and_column_the_json_breaks() -> None:
    broken = b'{\n  "entries": [\n    {"title": "He did not text back",, "body": ""}\n  ]\n}\n'

    with pytest.raises(ImportFailed) as caught:
        read_jrnl(io.BytesIO(broken))

    assert caught.value.message == (
        "The jrnl file is not valid JSON: there is a problem at line 3, column 38 "
        "(Expecting property name enclosed in double quotes)."
    )
    assert "text back" not in caught.value.message


def test_a_truncated_real_jrnl_export_is_refused_as_a_whole() -> None:
    whole = (FIXTURES / "jrnl_export.json").read_bytes()

    with pytest.raises(ImportFailed) as caught:
        read_jrnl(io.BytesIO(whole[: len(whole) // 2]))

    assert caught.value.message.startswith("The jrnl file is not valid JSON: there is a problem")
    assert "line " in caught.value.message
    assert "column " in caught.value.message


def test_an_empty_jrnl_file_is_refused() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_jrnl(io.BytesIO(b"\n"))

    assert caught.value.message == "The jrnl file is empty."


def test_a_zipped_jrnl_export_asks_to_be_unzipped() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_jrnl(io.BytesIO(b"PK\x03\x04\x14\x00\x00\x00"))

    assert "unzip" in caught.value.message


# -- Day One ---------------------------------------------------------------------------------


def test_every_day_one_entry_comes_over_in_the_order_of_the_file() -> None:
    records = list(read_dayone(fixture("dayone_export.json")))

    assert [record.draft.text.split("\n")[0] for record in records] == [
        "# The party",
        "Watching the fireworks from the roof, he held my hand without me reaching for it first.",
        "The note he left on the fridge before his early shift. A small drawing of the two of "
        "us and the cat.",
        "Valentine’s Day and I kept comparing our evening to the photos other couples posted.",
    ]


def test_day_one_text_keeps_its_markdown() -> None:
    party, fireworks, _, valentines = read_dayone(fixture("dayone_export.json"))

    assert party.draft.text == (
        "# The party\n"
        "\n"
        "He spent most of the evening talking with his old friend from university and I stood "
        "near the kitchen pretending to read the wine labels.\n"
        "\n"
        "Nothing happened. I know nothing happened. Still, my chest felt tight the whole way "
        "home, and I picked a fight about the train times instead of saying that I felt "
        "invisible."
    )
    assert fireworks.draft.text == (
        "Watching the fireworks from the roof, he held my hand without me reaching for it "
        "first.\n"
        "\n"
        "I want to remember that I did not have to ask."
    )
    assert valentines.draft.text == (
        "Valentine’s Day and I kept comparing our evening to the photos other couples posted.\n"
        "He cooked. It was lovely. I still felt a little hollow, and I think that feeling is "
        "older than him."
    )


def test_day_one_photo_placeholders_are_dropped_and_the_words_kept() -> None:
    _, _, fridge_note, _ = read_dayone(fixture("dayone_export.json"))

    assert fridge_note.draft.text == (
        "The note he left on the fridge before his early shift. A small drawing of the two of "
        "us and the cat.\n"
        "\n"
        "I read it three times. Why is it so hard to believe the kind things?"
    )
    assert "dayone-moment" not in fridge_note.draft.text


def test_a_placeholder_in_the_middle_of_day_one_text_leaves_one_blank_line() -> None:
    text = "Before.\n\n![](dayone-moment:/video/1A2B3C)\n\nAfter."

    (record,) = read_dayone(dayone_file(dayone_entry(text=text)))

    assert record.draft.text == "Before.\n\nAfter."


def test_day_one_times_are_shown_in_the_zone_the_entry_was_written_in() -> None:
    party, fireworks, fridge_note, _ = read_dayone(fixture("dayone_export.json"))

    assert party.draft.occurred_at == datetime(2023, 11, 18, 22, 47, 12, tzinfo=PARIS_WINTER)
    assert party.draft.occurred_at.utcoffset() == timedelta(hours=1)
    # 02:30 UTC on 4 July is still the evening of 3 July in New York, in summer time.
    assert fireworks.draft.occurred_at == datetime(2023, 7, 3, 22, 30, tzinfo=NEW_YORK_SUMMER)
    assert fireworks.draft.occurred_at.utcoffset() == timedelta(hours=-4)
    assert fridge_note.draft.occurred_at == datetime(2024, 1, 20, 11, 5, 33, tzinfo=PARIS_WINTER)
    assert fridge_note.draft.occurred_at.utcoffset() == timedelta(hours=1)


def test_a_day_one_entry_without_a_time_zone_stays_in_utc() -> None:
    *_, valentines = read_dayone(fixture("dayone_export.json"))

    assert valentines.draft.occurred_at == datetime(2024, 2, 14, 18, 0, tzinfo=UTC)
    assert valentines.draft.occurred_at.utcoffset() == timedelta(0)


def test_a_day_one_time_zone_heartwise_does_not_know_falls_back_to_utc() -> None:
    (record,) = read_dayone(dayone_file(dayone_entry(timeZone="Moon/Tranquility_Base")))

    assert record.draft.occurred_at == datetime(2024, 4, 2, 16, 10, tzinfo=UTC)
    assert record.draft.occurred_at.utcoffset() == timedelta(0)


def test_day_one_tags_come_over_and_a_starred_entry_is_tagged_starred() -> None:
    party, fireworks, fridge_note, valentines = read_dayone(fixture("dayone_export.json"))

    assert party.draft.tags == ("jealousy", "us")
    assert fireworks.draft.tags == ("good days", "starred")
    assert fridge_note.draft.tags == ()
    assert valentines.draft.tags == ("comparison", "us")


def test_day_one_creation_and_modification_times_become_the_bookkeeping_times() -> None:
    party, fireworks, *_ = read_dayone(fixture("dayone_export.json"))

    assert party.created_at == party.draft.occurred_at
    assert party.updated_at == datetime(2023, 11, 19, 8, 2, 40, tzinfo=PARIS_WINTER)
    assert party.updated_at is not None
    assert party.updated_at.utcoffset() == timedelta(hours=1)
    assert fireworks.created_at == fireworks.draft.occurred_at
    assert fireworks.updated_at is None
    assert party.deleted_at is None


def test_day_one_entries_bring_no_mood_or_emotions() -> None:
    for record in read_dayone(fixture("dayone_export.json")):
        assert record.draft.mood is None
        assert record.draft.emotions == {}


# -- Day One: files heartwise refuses --------------------------------------------------------


def test_a_day_one_entry_that_was_only_a_photo_has_no_text() -> None:
    photo_only = dayone_entry(text="![](dayone-moment://9E8D7C6B5A4F4E3D2C1B0A9F8E7D6C5B)\n")

    problem = failure(read_dayone(dayone_file(dayone_entry(), dayone_entry(), photo_only)))

    assert problem.message == "Entry 3 of the Day One file has no text."
    assert problem.field == "text"


def test_a_day_one_entry_without_text_has_no_text() -> None:
    entry = dayone_entry()
    del entry["text"]

    problem = failure(read_dayone(dayone_file(entry)))

    assert problem.message == "Entry 1 of the Day One file has no text."


def test_an_unreadable_day_one_creation_date_names_the_entry_and_the_field() -> None:
    problem = failure(
        read_dayone(dayone_file(dayone_entry(), dayone_entry(creationDate="yesterday evening")))
    )

    assert problem.message == (
        "Entry 2 of the Day One file has a creationDate heartwise cannot read: “yesterday evening”."
    )
    assert problem.field == "creationDate"
    assert "Counted the minutes" not in problem.message


def test_a_day_one_entry_without_a_creation_date_is_refused() -> None:
    entry = dayone_entry()
    del entry["creationDate"]

    problem = failure(read_dayone(dayone_file(entry)))

    assert problem.message == "Entry 1 of the Day One file has no “creationDate”."


def test_a_day_one_text_that_is_not_a_string_is_refused() -> None:
    problem = failure(read_dayone(dayone_file(dayone_entry(text=["Counted", "the minutes"]))))

    assert problem.message == "Entry 1 of the Day One file has a “text” that is not text."
    assert "Counted" not in problem.message


def test_day_one_tags_must_be_a_list_of_words() -> None:
    problem = failure(read_dayone(dayone_file(dayone_entry(tags=["us", 7]))))

    assert problem.message == "Entry 1 of the Day One file has “tags” that are not a list of words."


def test_a_day_one_tag_the_journal_rules_refuse_names_the_entry() -> None:
    problem = failure(read_dayone(dayone_file(dayone_entry(tags=["x" * 51]))))

    assert problem.message == "Entry 1 of the Day One file: A tag can be up to 50 characters."
    assert problem.field == "tags"


def test_a_json_file_of_another_shape_is_not_a_day_one_export() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_dayone(fixture("dayone_not_export.json"))

    assert caught.value.message == (
        "This file does not look like a Day One JSON export: it has no list of “entries”."
    )


def test_a_json_list_is_not_a_day_one_export() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_dayone(as_file([dayone_entry()]))

    assert "does not look like a Day One JSON export" in caught.value.message


def test_a_broken_day_one_file_says_on_which_line_and_column_the_json_breaks() -> None:
    broken = b'{\n  "metadata" : {\n    "version" : "1.0"\n  }\n  "entries" : []\n}\n'

    with pytest.raises(ImportFailed) as caught:
        read_dayone(io.BytesIO(broken))

    assert caught.value.message == (
        "The Day One file is not valid JSON: there is a problem at line 5, column 3 "
        "(Expecting ',' delimiter)."
    )


def test_the_day_one_zip_asks_to_be_unzipped_to_its_journal_json() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_dayone(io.BytesIO(b"PK\x03\x04\x14\x00\x08\x08\x08\x00Journal.json"))

    assert caught.value.message == (
        "This is a zip archive, not a Day One JSON file. Day One puts its JSON export in a zip: "
        "please unzip it and import the Journal.json inside."
    )


def test_a_day_one_file_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_dayone(io.BytesIO(b'{"entries": ["\xff\xfe caf\xe9"]}'))

    assert caught.value.message == "The Day One file is not UTF-8 text, so it cannot be JSON."
