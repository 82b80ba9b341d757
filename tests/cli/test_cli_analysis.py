"""`heartwise analyze`, `heartwise safety-plan` and `heartwise settings` at the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from contracts import check_findings_shape

from heartwise.config import Settings

SUICIDE = "I want to kill myself tonight"
VIOLENCE = "He hit me again and I'm scared to go home"
HARSH = "You never listen, whatever."
LOCAL_EMERGENCY = "call your local emergency number"


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """No locale from the machine running the tests: the default resources, unless set."""
    monkeypatch.delenv("HEARTWISE_LOCALE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def said(text: str) -> str:
    return " ".join(text.split())


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert "Something unexpected went wrong" not in result.output


def analyze_json(cli, text: str) -> dict[str, object]:
    result = cli("analyze", text, "--json")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, "--json prints exactly one object"
    parsed: dict[str, object] = json.loads(lines[0])
    return parsed


# -- analyze ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [SUICIDE, VIOLENCE, HARSH, "We laughed at dinner."])
def test_analyze_json_prints_one_object_of_the_promised_shape(cli, text: str) -> None:
    check_findings_shape(text, analyze_json(cli, text))


def test_analyze_json_reports_urgent_suicide_with_its_words(cli) -> None:
    crisis = analyze_json(cli, SUICIDE)["crisis"]

    assert crisis["level"] == "urgent"
    assert "suicide" in crisis["kinds"]
    assert any("kill myself" in SUICIDE[a:b] for a, b in crisis["spans"])


def test_analyze_json_marks_an_absolute_in_harsh_words(cli) -> None:
    blame = analyze_json(cli, HARSH)["blame"]

    assert blame["harsh"] is True
    assert any(
        m["kind"] == "absolute" and HARSH[m["span"][0] : m["span"][1]] in HARSH
        for m in blame["markers"]
    )


def test_analyze_reads_standard_input_with_a_dash_or_no_text(cli) -> None:
    from_argument = cli("analyze", VIOLENCE, "--json").stdout
    from_dash = cli("analyze", "-", "--json", input=VIOLENCE)
    from_nothing = cli("analyze", "--json", input=VIOLENCE)

    assert from_dash.exit_code == from_nothing.exit_code == 0
    assert from_dash.stdout == from_nothing.stdout == from_argument
    assert json.loads(from_dash.stdout)["crisis"]["level"] == "urgent"


def test_the_same_text_gives_the_same_output(cli) -> None:
    text = "He must think I'm pathetic. You never listen. Do you still love me?"
    assert cli("analyze", text, "--json").stdout == cli("analyze", text, "--json").stdout
    assert cli("analyze", text).stdout == cli("analyze", text).stdout


def test_urgent_words_show_crisis_help_at_once_with_the_emergency_number(cli) -> None:
    result = cli("analyze", SUICIDE + " You never listen, whatever.")

    assert result.exit_code == 0, result.stderr
    out = said(result.stdout)
    assert "You are not alone" in out
    assert LOCAL_EMERGENCY in out
    assert "heartwise safety-plan" in out
    # The help comes first, before anything else heartwise noticed.
    first_note = out.find("•")
    assert first_note == -1 or out.index("You are not alone") < first_note


def test_crisis_help_follows_the_locale(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEARTWISE_LOCALE", "en-GB")

    out = said(cli("analyze", SUICIDE).stdout)

    assert "call 999" in out
    assert "Samaritans" in out
    # The services for the kind of danger come first.
    assert out.index("Samaritans") < out.index("National Domestic Abuse Helpline")

    violence = said(cli("analyze", VIOLENCE).stdout)
    assert "call 999" in violence
    assert violence.index("National Domestic Abuse Helpline") < violence.index("Samaritans")


def test_an_unknown_locale_still_says_to_call_the_local_emergency_number(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEARTWISE_LOCALE", "xx-YY")
    assert LOCAL_EMERGENCY in said(cli("analyze", VIOLENCE).stdout)


def test_json_output_stays_pure_json_when_the_text_is_urgent(cli) -> None:
    result = cli("analyze", SUICIDE, "--json")
    json.loads(result.stdout)
    assert "You are not alone" not in result.output


def test_a_calm_text_gets_a_calm_answer(cli) -> None:
    result = cli("analyze", "😀🎉💔")
    assert result.exit_code == 0
    assert "Nothing stood out" in result.stdout
    assert "You are not alone" not in result.output


@pytest.mark.parametrize(
    "text",
    ["😀🎉💔", "Привет, как дела?", "<script>alert(1)</script>", "我很想你"],
    ids=["emoji", "cyrillic", "html", "chinese"],
)
def test_other_scripts_emoji_and_markup_are_read_gracefully(cli, text: str) -> None:
    result = cli("analyze", text, "--json")

    assert result.exit_code == 0, result.stderr
    parsed = json.loads(result.stdout)
    check_findings_shape(text, parsed)
    assert parsed["crisis"]["level"] == "none"
    no_traceback(result)


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_text_is_refused_with_a_clear_message(cli, text: str) -> None:
    result = cli("analyze", "-", "--json", input=text)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "There is nothing to read yet" in result.stderr
    no_traceback(result)


def test_more_than_100000_characters_are_refused(cli) -> None:
    result = cli("analyze", "-", "--json", input="a" * 100_001)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "100,000" in result.stderr
    no_traceback(result)


# -- analyze --jsonl -------------------------------------------------------------------------


def write_lines(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "texts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_writes_one_object_per_line_in_order_blank_texts_included(
    cli, tmp_path: Path
) -> None:
    texts = [SUICIDE, "", HARSH, "   ", "We laughed at dinner.", VIOLENCE, "😀"]
    path = write_lines(tmp_path, [json.dumps({"text": t}) for t in texts])

    result = cli("analyze", "--jsonl", str(path))

    assert result.exit_code == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == len(texts)
    for text, found in zip(texts, objects, strict=True):
        check_findings_shape(text, found)
        if text.strip():
            assert found == analyze_json(cli, text)
    assert objects[0]["crisis"]["level"] == "urgent"
    assert (
        objects[1]
        == objects[3]
        == {
            "traps": [],
            "signs": [],
            "blame": {"harsh": False, "score": 0.0, "markers": []},
            "crisis": {"level": "none", "kinds": [], "spans": []},
        }
    )
    assert objects[2]["blame"]["harsh"] is True
    assert objects[5]["crisis"]["level"] == "urgent"


def test_jsonl_extra_fields_are_ignored(cli, tmp_path: Path) -> None:
    path = write_lines(tmp_path, [json.dumps({"id": 7, "text": HARSH, "note": "x"})])
    result = cli("analyze", "--jsonl", str(path))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"text": "unclosed', "Line 3 is not valid JSON."),
        ("not json at all", "Line 3 is not valid JSON."),
        ('{"body": "no text field"}', 'Line 3 needs a "text" field'),
        ('{"text": 42}', 'Line 3 needs a "text" field'),
        ('["text"]', 'Line 3 needs a "text" field'),
    ],
)
def test_a_malformed_jsonl_line_is_named_and_exits_2(
    cli, tmp_path: Path, bad: str, message: str
) -> None:
    path = write_lines(tmp_path, [json.dumps({"text": HARSH}), json.dumps({"text": "ok"}), bad])

    result = cli("analyze", "--jsonl", str(path))

    assert result.exit_code == 2
    assert message in said(result.stderr)
    no_traceback(result)


def test_a_missing_jsonl_file_is_reported_without_a_traceback(cli, tmp_path: Path) -> None:
    result = cli("analyze", "--jsonl", str(tmp_path / "absent.jsonl"))

    assert result.exit_code != 0
    assert "absent.jsonl could not be opened" in said(result.stderr)
    no_traceback(result)


# -- safety plan -----------------------------------------------------------------------------


def test_an_empty_safety_plan_invites_writing_and_shows_help(cli) -> None:
    result = cli("safety-plan")

    assert result.exit_code == 0, result.stderr
    out = said(result.stdout)
    assert "My warning signs" in out
    assert "not written yet" in out
    assert LOCAL_EMERGENCY in out
    assert "heartwise safety-plan --edit" in out


def test_a_plan_written_in_the_editor_is_shown_again_and_sealed(
    cli, make_editor, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    canary = "ZebraCanaryPlan42"
    editor = make_editor(f"Ask Sam to keep the {canary} pills")

    saved = cli("safety-plan", "--edit")

    assert saved.exit_code == 0, saved.stderr
    assert "Your safety plan is saved" in saved.stdout
    seen = (editor.record / "seen").read_text()
    assert "## Making my surroundings safer" in seen
    assert editor.modes == ["600"]
    assert not editor.files[0].exists()

    monkeypatch.setenv("HEARTWISE_LOCALE", "en-GB")
    shown = cli("safety-plan")
    assert shown.exit_code == 0
    out = said(shown.stdout)
    assert f"Making my surroundings safer Ask Sam to keep the {canary} pills" in out
    assert "call 999" in out
    assert "Samaritans" in out
    for path in settings.data_dir.iterdir():
        if path.is_file():
            assert canary.encode() not in path.read_bytes(), path.name


def test_editing_the_plan_again_keeps_what_was_written(cli, make_editor) -> None:
    make_editor("Walk to the park")
    assert cli("safety-plan", "--edit").exit_code == 0
    editor = make_editor("Call my sister")
    assert cli("safety-plan", "--edit").exit_code == 0

    assert "Walk to the park" in (editor.record / "seen").read_text()
    out = said(cli("safety-plan").stdout)
    assert "Walk to the park Call my sister" in out


# -- settings --------------------------------------------------------------------------------


def test_analysis_is_on_until_switched_off(cli) -> None:
    assert "Reading entries for patterns: on" in cli("settings").stdout

    off = cli("settings", "--analysis", "off")
    assert off.exit_code == 0, off.stderr
    assert "Reading entries for patterns: off" in off.stdout
    assert "Reading entries for patterns: off" in cli("settings").stdout

    assert "Reading entries for patterns: on" in cli("settings", "--analysis", "on").stdout
    assert "Reading entries for patterns: on" in cli("settings").stdout


def test_a_bad_switch_value_exits_2_and_changes_nothing(cli) -> None:
    cli("settings", "--analysis", "off")

    result = cli("settings", "--analysis", "maybe")

    assert result.exit_code == 2
    assert "Please say on or off" in result.stderr
    no_traceback(result)
    assert "Reading entries for patterns: off" in cli("settings").stdout
