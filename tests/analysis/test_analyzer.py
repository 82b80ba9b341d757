"""The analyser's contract: shapes, vocabularies, spans, determinism and the clear-cut rules.

The models are retrained from time to time, so nothing here pins a score or a label that
only a model would give on borderline text. What is asserted is what the rules make
certain, and the shape every caller (CLI, API, pages) relies on.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from heartwise.analysis import Findings, analyze, rules
from heartwise.analysis.findings import (
    CRISIS_KINDS,
    CRISIS_LEVELS,
    MARKER_KINDS,
    SIGNS,
    TRAPS,
)
from heartwise.errors import InvalidInput
from heartwise.services import insight

SUICIDE = "I want to kill myself tonight"
VIOLENCE = "He hit me again and I'm scared to go home"
HARSH = "You never listen, whatever."

SAMPLES = [
    SUICIDE,
    VIOLENCE,
    HARSH,
    "This traffic is killing me",
    "I'm dying to see him",
    "He must think I'm pathetic. I always ruin everything, it's all my fault.",
    "Do you still love me? I checked his phone again last night.",
    "Why do you always do this? You're so selfish. If you go out again I'll leave.",
    "We cooked dinner together and laughed about the cat.",
    "He won't let me see my friends and he takes my phone.",
    "line one\nline two. Line three!\n\n  ",
]


def span_ok(text: str, span: list[int]) -> None:
    assert isinstance(span, list)
    assert len(span) == 2
    start, end = span
    assert isinstance(start, int)
    assert isinstance(end, int)
    assert 0 <= start < end <= len(text), (span, len(text))
    assert text[start:end].strip(), f"span {span} covers only white space"


def check_contract(text: str, result: dict[str, object]) -> None:
    """Everything the issue promises about the JSON of one text."""
    assert list(result) == ["traps", "signs", "blame", "crisis"]
    for group, allowed in (("traps", TRAPS), ("signs", SIGNS)):
        findings = result[group]
        assert isinstance(findings, list)
        labels = []
        for finding in findings:
            assert set(finding) == {"label", "score", "spans"}
            assert finding["label"] in allowed
            assert isinstance(finding["score"], float | int)
            assert 0.0 <= finding["score"] <= 1.0
            assert finding["spans"], f"{finding['label']} asserted without a span"
            for span in finding["spans"]:
                span_ok(text, span)
            labels.append(finding["label"])
        assert len(labels) == len(set(labels)), "a label is listed twice"

    blame = result["blame"]
    assert isinstance(blame, dict)
    assert set(blame) == {"harsh", "score", "markers"}
    assert isinstance(blame["harsh"], bool)
    assert 0.0 <= blame["score"] <= 1.0
    if not blame["harsh"]:
        assert blame["markers"] == []
    for marker in blame["markers"]:
        assert set(marker) == {"kind", "span"}
        assert marker["kind"] in MARKER_KINDS
        span_ok(text, marker["span"])

    crisis = result["crisis"]
    assert isinstance(crisis, dict)
    assert set(crisis) == {"level", "kinds", "spans"}
    assert crisis["level"] in CRISIS_LEVELS
    assert set(crisis["kinds"]) <= set(CRISIS_KINDS)
    assert len(crisis["kinds"]) == len(set(crisis["kinds"]))
    if crisis["level"] == "none":
        assert crisis["kinds"] == []
        assert crisis["spans"] == []
    else:
        assert crisis["kinds"], "a crisis level without a kind"
        assert crisis["spans"], "a crisis level without the words behind it"
    for span in crisis["spans"]:
        span_ok(text, span)


def as_json(text: str) -> dict[str, object]:
    # Through JSON, exactly as the CLI and the API hand it out.
    result: dict[str, object] = json.loads(json.dumps(analyze(text).to_dict()))
    return result


@pytest.mark.parametrize("text", SAMPLES)
def test_every_result_keeps_the_promised_shape_and_vocabulary(text: str) -> None:
    check_contract(text, as_json(text))


@pytest.mark.parametrize("text", SAMPLES)
def test_the_same_text_always_gives_the_same_findings(text: str) -> None:
    first = analyze(text)
    assert analyze(text) == first
    assert analyze(str(text)).to_dict() == first.to_dict()


def test_findings_are_frozen_values() -> None:
    findings = analyze(HARSH)
    assert isinstance(findings, Findings)
    with pytest.raises(AttributeError):
        findings.blame = findings.blame  # type: ignore[misc]


# -- crisis ----------------------------------------------------------------------------------


def test_a_wish_to_die_tonight_is_urgent_suicide_with_the_words_behind_it() -> None:
    crisis = as_json(SUICIDE)["crisis"]

    assert crisis["level"] == "urgent"
    assert "suicide" in crisis["kinds"]
    quoted = [SUICIDE[a:b] for a, b in crisis["spans"]]
    assert any("kill myself" in quote for quote in quoted), quoted


def test_being_hit_and_scared_to_go_home_is_urgent_violence() -> None:
    crisis = as_json(VIOLENCE)["crisis"]

    assert crisis["level"] == "urgent"
    assert "violence" in crisis["kinds"]
    quoted = [VIOLENCE[a:b] for a, b in crisis["spans"]]
    assert any("hit me" in quote or "scared to go home" in quote for quote in quoted), quoted


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be alive anymore",
        "I've been cutting myself again",
        "He threatened to kill me if I leave",
    ],
)
def test_clear_danger_words_always_raise_crisis(text: str) -> None:
    crisis = analyze(text).crisis
    assert crisis.level in ("concern", "urgent")
    assert crisis.spans


@pytest.mark.parametrize("text", ["This traffic is killing me", "I'm dying to see him"])
def test_everyday_idioms_never_raise_the_crisis_banner(text: str) -> None:
    # The idiom itself is no evidence: no crisis rule fires on it and the models read
    # the text with it blanked out. Crisis favours recall, so the model may still give a
    # quiet "concern" pointer to the safety plan (see the model card), but never the
    # full banner that urgent danger shows.
    assert list(rules.find("crisis", text)) == []
    assert rules.mask_idioms(text) != text
    assert analyze(text).crisis.level != "urgent"


@pytest.mark.parametrize(
    "text",
    ["Keep driving. Don't come back here tonight.", "Fine. Then don't bother coming home."],
)
def test_telling_a_partner_to_stay_away_is_not_read_as_danger(text: str) -> None:
    assert rules.mask_idioms(text) != text
    assert analyze(text).crisis.level == "none"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("If I don't come back tonight, look after the cat.", "I don't come back tonight"),
        ("I'm not coming back. Thank you for everything.", "I'm not coming back"),
        ("Don't come home, I've taken all my pills.", "I've taken all my pills"),
    ],
)
def test_the_writer_not_coming_back_stays_in_view(text: str, kept: str) -> None:
    # Only the imperative to the partner is blanked; what the writer says of themselves
    # is read, whether alone or beside it.
    assert kept in rules.mask_idioms(text)


@pytest.mark.parametrize(
    "text",
    [
        "You're hiding in the garage so you don't have to talk to me. Again.",
        "Typical. Hiding in the loft instead of helping with the kids.",
    ],
)
def test_the_partner_hiding_from_a_talk_is_no_danger_rule(text: str) -> None:
    assert not [hit for hit in rules.find("crisis", text) if hit.label.startswith("violence")]


@pytest.mark.parametrize(
    "text",
    [
        "I'm hiding in the bathroom with the door locked, he's shouting my name.",
        "Hiding in my car round the corner, I'm too scared of him to go in.",
    ],
)
def test_the_writer_hiding_from_someone_is_still_danger(text: str) -> None:
    assert "violence/urgent" in {hit.label for hit in rules.find("crisis", text)}


def test_do_it_again_as_a_threat_is_no_self_harm_rule() -> None:
    # "Do it again and I'm deleting your number" threatens; wanting to do it again,
    # after self-harm, is still read.
    assert list(rules.find("crisis", "Do it again and I'm deleting your number.")) == []
    wanting = rules.find("crisis", "the marks are healing but I want to do it again tonight")
    assert "self_harm/concern" in {hit.label for hit in wanting}


def test_not_holding_my_breath_is_an_idiom() -> None:
    text = "Leaving work now. Hope you've eaten, but I'm not holding my breath."

    assert "holding my breath" not in rules.mask_idioms(text)
    assert list(rules.find("crisis", text)) == []


def test_an_idiom_alone_is_read_as_no_danger() -> None:
    assert as_json("This traffic is killing me")["crisis"] == {
        "level": "none",
        "kinds": [],
        "spans": [],
    }


@pytest.mark.parametrize(
    "text",
    [
        "Don't bother coming home tonight.",
        "Put the seat down or clean the bathroom yourself from now on.",
        "I'm done. Don't call me.",
    ],
)
def test_an_angry_text_to_a_partner_is_no_crisis(text: str) -> None:
    # Harsh, but nobody is in danger: the crisis models learn from messages to a
    # partner, so shutting someone out reads as blame, not as a risk to life.
    assert analyze(text).crisis.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "If you walk out that door tonight I swear I will swallow everything in the cabinet.",
        "Leave and I'll take the whole packet of paracetamol.",
    ],
)
def test_an_overdose_threatened_in_an_argument_is_urgent(text: str) -> None:
    crisis = analyze(text).crisis

    assert crisis.level == "urgent"
    assert "suicide" in crisis.kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Don't come back tonight. You had me by the throat against the wardrobe.", "violence"),
        ("Last night you slapped me in front of the kids and I can't stop shaking.", "violence"),
        ("He told me he'd stab me if I went to the police.", "violence"),
        ("Too late to be sorry, I've already taken all my sleeping tablets.", "suicide"),
        ("Ignore me then. I'm driving to the cliffs and I'm not coming back.", "suicide"),
        ("I've started cutting again since you moved out.", "self_harm"),
    ],
)
def test_danger_said_inside_a_message_to_a_partner_is_urgent(text: str, kind: str) -> None:
    crisis = analyze(text).crisis

    assert crisis.level == "urgent"
    assert kind in crisis.kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "He took my bank card again and says I only get it back when I've learned to behave.",
            "coercive_control",
        ),
        (
            "You've had my phone all evening and said I'm not leaving the flat till you've read "
            "every message.",
            "coercive_control",
        ),
        (
            "I'm in the car outside the petrol station, he threw the kettle at the wall and my "
            "arm is burning.",
            "violence",
        ),
        (
            "The razor's back in my washbag. I told myself I'd stopped but the old cuts are "
            "itching to be new ones.",
            "self_harm",
        ),
    ],
)
def test_danger_said_without_a_danger_word_is_still_seen(text: str, kind: str) -> None:
    # No rule names these; the models have to read control, a wound and an old habit
    # from the situation itself (`crisis_5` and `crisis_6` were written for this).
    crisis = analyze(text).crisis

    assert crisis.level in ("concern", "urgent")
    assert kind in crisis.kinds


@pytest.mark.parametrize(
    "text",
    [
        "Gave my guitar to Sam today since I never play it, and cancelled the gym because "
        "I'm swimming instead.",
        "Threw the old kettle out, the element burnt out and the handle was melting.",
    ],
)
def test_the_same_objects_in_an_ordinary_day_are_no_crisis(text: str) -> None:
    assert analyze(text).crisis.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Mum's going to kill me if I'm late for lunch again lol",
        "He said he'd kill me if I spoiled the finale.",
        "Honestly that mortgage is a weight round my neck.",
        "Need a quiet night to myself tonight, talk tomorrow?",
        "You beat me at Scrabble again, rematch after tea.",
        "Wish the bus had been on time this morning, I was soaked.",
    ],
)
def test_everyday_look_alikes_of_danger_fire_no_crisis_rule(text: str) -> None:
    assert list(rules.find("crisis", text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'll take all the meds back to the pharmacy tomorrow, they expired.",
        "I'll take all my pills with breakfast like the doctor said.",
    ],
)
def test_taking_medicine_somewhere_or_as_prescribed_fires_no_crisis_rule(text: str) -> None:
    assert list(rules.find("crisis", text)) == []


def test_urgency_holds_inside_a_longer_entry() -> None:
    text = (
        "We argued about the dishes again and I went for a walk to calm down. "
        "Honestly I want to kill myself tonight. Tomorrow is the dentist."
    )
    crisis = analyze(text).crisis

    assert crisis.level == "urgent"
    assert "suicide" in crisis.kinds
    assert any("kill myself" in text[a:b] for a, b in crisis.spans)


# -- blaming language ------------------------------------------------------------------------


def test_an_absolute_with_a_shrug_is_harsh_and_marked() -> None:
    blame = as_json(HARSH)["blame"]

    assert blame["harsh"] is True
    absolutes = [m for m in blame["markers"] if m["kind"] == "absolute"]
    assert absolutes, blame
    for marker in absolutes:
        start, end = marker["span"]
        quoted = HARSH[start:end]
        assert quoted
        assert quoted in HARSH
        assert "never" in quoted.lower()


def test_markers_are_sorted_and_unique() -> None:
    text = "Why do you always do this? You're so selfish. Grow up. If you go out I'll leave."
    markers = analyze(text).blame.markers
    assert analyze(text).blame.harsh
    keys = [(m.span, m.kind) for m in markers]
    assert keys == sorted(set(keys))
    assert {"why_question", "criticism", "contempt"} <= {m.kind for m in markers}


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "😀😀🎉💔", "!!! ??? ...", "12345 678"])
def test_text_without_letters_gives_an_empty_result(text: str) -> None:
    assert analyze(text) == Findings()
    check_contract(text, as_json(text))


@pytest.mark.parametrize(
    "text",
    [
        "Привет, как дела? Я очень скучаю по тебе.",
        "<script>alert(1)</script>",
        "<b>bold</b> <img src=x onerror=alert(1)>",
        "我很想你",
    ],
    ids=["cyrillic", "script-tag", "html", "chinese"],
)
def test_other_scripts_and_markup_give_a_calm_result(text: str) -> None:
    result = as_json(text)

    check_contract(text, result)
    assert result["crisis"]["level"] == "none"
    assert result["blame"]["markers"] == []


def test_a_huge_text_is_read_without_crashing_and_spans_stay_in_bounds() -> None:
    # The analyser itself reads at most its limit; the services refuse more (below).
    text = ("You never listen. " * 7000)[:100_001]
    result = as_json(text)
    check_contract(text, result)
    for marker in result["blame"]["markers"]:
        assert marker["span"][1] <= 100_000


def test_the_service_refuses_empty_and_oversized_text_kindly() -> None:
    with pytest.raises(InvalidInput, match="nothing to read"):
        insight.read_text("   ")
    with pytest.raises(InvalidInput, match="100,000"):
        insight.read_text("a" * 100_001)
    assert insight.read_text("a" * 100_000) is not None


def test_the_service_explains_each_note_calmly_with_a_next_step() -> None:
    text = "He must think I'm pathetic. You never listen, whatever."
    notes = insight.notes(text, analyze(text))

    assert notes
    for note in notes:
        assert note.says.strip()
        assert note.next_step.strip()
        assert all(quote and quote in text for quote in note.quotes)


# -- lazy models -----------------------------------------------------------------------------


def test_importing_the_analysis_package_loads_no_model() -> None:
    # In a fresh interpreter: other tests in this process may have loaded the models.
    code = (
        "import sys, heartwise.analysis\n"
        "from heartwise.analysis import analyzer\n"
        "before = analyzer.default_analyzer.cache_info().currsize\n"
        "heartwise.analysis.analyze('You never listen.')\n"
        "after = analyzer.default_analyzer.cache_info().currsize\n"
        "print(before, after, 'sklearn' in sys.modules, 'torch' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["0", "1", "False", "False"]
