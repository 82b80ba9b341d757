"""The rules every new or edited entry follows, before anything is stored."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heartwise.domain.entries import (
    MAX_TEXT,
    check_mood,
    check_text,
    clean_tags,
    make_draft,
    parse_emotion,
    tag_key,
)
from heartwise.domain.time import parse_day, parse_moment
from heartwise.errors import InvalidInput

PARIS = timezone(timedelta(hours=1))
EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=PARIS)


def test_a_draft_keeps_what_was_written_and_drops_microseconds() -> None:
    draft = make_draft(
        "He was late and did not call.",
        EVENING.replace(microsecond=123456),
        mood=4,
        emotions={"Anxious": 70, "left  out": 30},
        tags=["#Trust", "@us"],
    )

    assert draft.text == "He was late and did not call."
    assert draft.occurred_at == EVENING
    assert draft.occurred_at.microsecond == 0
    assert draft.occurred_at.utcoffset() == timedelta(hours=1)
    assert draft.mood == 4
    assert draft.emotions == {"anxious": 70, "left out": 30}
    assert draft.tags == ("Trust", "us")


def test_a_draft_without_a_time_zone_is_refused() -> None:
    with pytest.raises(InvalidInput, match="needs a time zone") as caught:
        make_draft("Some words.", datetime(2026, 11, 20, 21, 30))
    assert caught.value.field == "occurred_at"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_entry_needs_some_text(text: str) -> None:
    with pytest.raises(InvalidInput, match="needs some text"):
        make_draft(text, EVENING)


def test_text_up_to_the_limit_is_kept_whole() -> None:
    text = "a" * MAX_TEXT
    assert check_text(text) == text


def test_text_over_100000_characters_is_refused_with_the_numbers() -> None:
    with pytest.raises(InvalidInput, match=r"100,001 characters.*up to 100,000") as caught:
        check_text("a" * (MAX_TEXT + 1))
    assert caught.value.field == "text"


@pytest.mark.parametrize("mood", [None, 1, 5, 10])
def test_mood_is_empty_or_a_whole_number_from_1_to_10(mood: int | None) -> None:
    assert check_mood(mood) == mood


@pytest.mark.parametrize("mood", [0, 11, -3, 5.5, "5", True])
def test_mood_outside_1_to_10_is_refused(mood: object) -> None:
    with pytest.raises(InvalidInput, match=r"from 1 .* to 10") as caught:
        check_mood(mood)
    assert caught.value.field == "mood"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("anxious:70", ("anxious", 70)),
        ("Anxious:0", ("anxious", 0)),
        ("jealous:100", ("jealous", 100)),
        ("  Left   Out :30", ("left out", 30)),
        ("heart-broken:5", ("heart-broken", 5)),
        ("émue:40", ("émue", 40)),
    ],
)
def test_an_emotion_is_read_as_name_colon_intensity(spec: str, expected: tuple[str, int]) -> None:
    assert parse_emotion(spec) == expected


@pytest.mark.parametrize("spec", ["bad", "anxious:", ":50", "anxious:high", "anxious:-1", "a:b:5"])
def test_an_emotion_in_another_form_is_refused_with_an_example(spec: str) -> None:
    with pytest.raises(InvalidInput, match=r"anxious:70|named with letters") as caught:
        parse_emotion(spec)
    assert caught.value.field == "emotions"


@pytest.mark.parametrize("spec", ["anxious:101", "anxious:1000"])
def test_an_emotion_intensity_above_100_is_refused(spec: str) -> None:
    with pytest.raises(InvalidInput, match="from 0 to 100"):
        parse_emotion(spec)


def test_an_emotion_name_must_start_with_a_letter() -> None:
    with pytest.raises(InvalidInput, match="named with letters"):
        parse_emotion("3am-dread:50")


def test_tags_lose_their_sign_and_surrounding_space_and_keep_the_first_spelling() -> None:
    tags = clean_tags(["#Trust", " @us ", "trust", "TRUST", "", "  ", "#", "late  night"])
    assert tags == ("Trust", "us", "late night")


def test_two_tags_that_differ_only_in_case_are_one_tag() -> None:
    assert tag_key("#Trust") == tag_key("trust") == tag_key("TRUST")


def test_a_tag_over_50_characters_is_refused() -> None:
    with pytest.raises(InvalidInput, match="up to 50 characters"):
        clean_tags(["x" * 51])


def test_more_than_30_tags_are_refused() -> None:
    assert len(clean_tags([f"tag{n}" for n in range(30)])) == 30
    with pytest.raises(InvalidInput, match="up to 30 tags"):
        clean_tags([f"tag{n}" for n in range(31)])


def test_more_than_20_emotions_are_refused() -> None:
    many = {f"feeling {chr(ord('a') + n)}": 10 for n in range(21)}
    with pytest.raises(InvalidInput, match="up to 20 emotions"):
        make_draft("Too much at once.", EVENING, emotions=many)


def test_a_moment_with_an_offset_keeps_that_offset() -> None:
    moment = parse_moment("2026-11-20T21:30:15-05:30")
    assert moment == datetime(2026, 11, 20, 21, 30, 15, tzinfo=timezone(-timedelta(hours=5.5)))
    assert moment.utcoffset() == -timedelta(hours=5, minutes=30)


def test_a_moment_without_an_offset_is_local_time_on_that_day() -> None:
    moment = parse_moment("2026-07-01T08:00")
    assert moment.tzinfo is not None
    assert moment == datetime(2026, 7, 1, 8, 0).astimezone()


def test_a_moment_drops_its_fractions_of_a_second() -> None:
    assert parse_moment("2026-11-20T21:30:15.987+01:00").microsecond == 0


@pytest.mark.parametrize("raw", ["nonsense", "2026-13-01T10:00", "20/11/2026", "", "tomorrow"])
def test_a_malformed_moment_is_refused_with_an_example(raw: str) -> None:
    with pytest.raises(InvalidInput, match=r"is not a date and time.*2026-11-20T21:30") as caught:
        parse_moment(raw, field="at")
    assert caught.value.field == "at"


def test_a_long_malformed_moment_is_shortened_in_the_message() -> None:
    with pytest.raises(InvalidInput, match="…") as caught:
        parse_moment("x" * 500)
    assert "x" * 41 not in caught.value.message


def test_a_day_bound_covers_the_whole_local_day() -> None:
    start = parse_day("2026-11-20", field="from")
    end = parse_day("2026-11-20", field="to", end_of_day=True)
    assert start == datetime(2026, 11, 20, 0, 0, 0).astimezone()
    assert end == datetime(2026, 11, 20, 23, 59, 59).astimezone()


def test_a_day_bound_may_also_be_a_full_moment() -> None:
    assert parse_day("2026-11-20T12:00+01:00", field="from") == datetime(
        2026, 11, 20, 12, 0, tzinfo=PARIS
    )


@pytest.mark.parametrize(("raw", "tag"), [("@ #us", "us"), ("# # late  night", "late night")])
def test_signs_and_spaces_before_a_tag_are_all_dropped(raw: str, tag: str) -> None:
    assert clean_tags([raw]) == (tag,)


def test_a_lone_sign_is_not_a_tag() -> None:
    assert clean_tags(["# #", "@", "# @ "]) == ()


@given(st.lists(st.text(max_size=12) | st.text("#@ aB", max_size=6), max_size=8))
def test_cleaning_tags_twice_changes_nothing(raw: list[str]) -> None:
    # An edit or a backup round trip cleans stored tags again; they must come out the same.
    once = clean_tags(raw)
    assert clean_tags(once) == once
    assert all(tag and tag == tag.strip() and tag[0] not in "#@" for tag in once)


@pytest.mark.parametrize("field", ["text", "tags", "emotions"])
def test_text_from_a_terminal_in_another_encoding_is_refused_kindly(field: str) -> None:
    broken = "caf\udce9"  # what Python makes of a Latin-1 byte in a UTF-8 terminal
    values: dict[str, object] = {"text": "fine", "tags": ["ok"], "emotions": {"calm": 10}}
    values[field] = broken if field == "text" else ([broken] if field == "tags" else {broken: 5})
    with pytest.raises(InvalidInput, match="not valid Unicode") as caught:
        make_draft(
            str(values["text"]),
            EVENING,
            tags=values["tags"],  # type: ignore[arg-type]
            emotions=values["emotions"],  # type: ignore[arg-type]
        )
    assert caught.value.field == field
