"""Evaluate the message coach on held-out messages written for heartwise.

    .venv/bin/python benchmarks/eval_coach.py              # the newest held-out set (33)
    .venv/bin/python benchmarks/eval_coach.py --heldout 1  # an older held-out set (1 to 32)
    .venv/bin/python benchmarks/eval_coach.py --dev        # the development sets instead
    .venv/bin/python benchmarks/eval_coach.py --rules-alone  # without the coach's model

Data: `data/coach/harsh_heldout_33.jsonl` and `gentle_heldout_33.jsonl`, written blind to
the rules and to the coach's model; the older pairs
(`*_heldout.jsonl` to `*_heldout_32.jsonl`) have been scored in earlier rounds (see the
README there). None is ever used to change the rules. The development sets are
`dev.jsonl` and `dev_2.jsonl` to `dev_23.jsonl`, read together.

For every harsh message, the coach's rewrite is read as the person would send it: with
the first of each offered choice filled in (``Rewrite.filled()``). Four shares, each over
*all* harsh messages, so a harsh message the coach leaves alone counts as a miss:

1. not harsh: the blame detector (``analyze``) no longer finds the rewrite harsh;
2. feeling: the rewrite says "I feel <a feeling from heartwise's list>";
3. content kept: at least one content word of the draft is in a part of the rewrite
   taken from the draft (its situation, its subject, or a request the draft made);
   words the coach's templates and offered choices add never count;
4. clean: no absolute and no insult, by this script's own word list and by the
   analyser's absolute, criticism and contempt rules.

The content share is also printed over the drafts of six words or more alone, as a
figure to read beside the target, not instead of it: the held-out sets are written with
a fifth of pure verdicts, whose only content words are the verdict itself.

Gentle messages: the share the coach leaves alone (no rewrite). Speed: the median time
of one ``coach_message`` call over every message, measured in this run after the models
are loaded (their load time is printed on its own).

With ``--topics [N]``, what the offered choices fit instead: when a draft names no feeling
or request, the coach offers feelings and requests chosen by what the draft is about. On
`topics_heldout_2.jsonl` (``--topics 1``: `topics_heldout.jsonl`; with ``--dev``:
`topics_dev.jsonl`), 360 harsh drafts each labelled with the subject whose choices would
fit the sender best, it counts the drafts
offered that subject's requests, the general ones instead, or another subject's. A figure
to read, not one of the issue's targets: offering another subject's requests ("share out
the jobs" for drink-driving) is worse than offering the general ones.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import heartwise.analysis  # noqa: E402
from heartwise.analysis import analyze, rules  # noqa: E402
from heartwise.analysis.analyzer import default_analyzer  # noqa: E402
from heartwise.domain.coach_clauses import FUNCTION_WORDS  # noqa: E402
from heartwise.domain.coach_lexicon import DEFAULT_TOPIC, TOPICS  # noqa: E402
from heartwise.domain.coach_rewrite import Rewrite  # noqa: E402
from heartwise.domain.feelings import FEELINGS  # noqa: E402
from heartwise.services.coach import coach_message  # noqa: E402

DATA = ROOT / "data" / "coach"
DEV_FILES = ("dev.jsonl", *(f"dev_{n}.jsonl" for n in range(2, 24)))
TARGET_SHARE = 0.95
TARGET_GENTLE = 0.90
TARGET_MS = 20.0

# This script's own list, kept apart from the coach's so the check is not the rule.
ABSOLUTE = re.compile(
    r"\b(?:always|never|constantly|every (?:single )?time|every single|all the time|forever|"
    r"nobody ever|no one ever|not once)\b",
    re.IGNORECASE,
)
INSULT = re.compile(
    r"\b(?:idiot|moron|loser|pathetic|stupid|selfish|lazy|useless|liar|jerk|childish|"
    r"immature|ridiculous|crazy|insane|psycho|toxic|worthless|the worst|disgusting|clown|"
    r"coward|cheater|narcissist|dumb|heartless|spineless|grow up|shut up|typical)\b",
    re.IGNORECASE,
)
FEELING = re.compile(
    r"\bI feel (?:" + "|".join(re.escape(f) for f in FEELINGS) + r")\b", re.IGNORECASE
)
WORD = re.compile(r"[a-z][a-z']+")


def content_words(text: str) -> set[str]:
    # A quote mark or a plural possessive's apostrophe at a word's edge is not part of
    # it: "the car'" in "'bits for the car'" is "car", "kids'" is "kids". Nor is an
    # "'s": "the dog's been sick" and "the dog's bowl" both speak of "dog".
    raw = WORD.findall(text.lower().replace("’", "'"))
    words = {w.strip("'").removesuffix("'s") for w in raw}
    return {w for w in words if len(w) >= 2 and w not in FUNCTION_WORDS}


def kept_content(draft: str, rewrite: Rewrite, sent: str) -> bool:
    """A content word of the draft is in the rewrite, in a part taken from the draft
    (the situation, the subject, or a request the draft itself made)."""
    parts = [*rewrite.situation, rewrite.topic or "", rewrite.request or ""]
    taken = [part for part in parts if part and part in sent]
    return bool(content_words(draft) & content_words(" ".join(taken)))


# Drafts this long name more than a verdict; the held-out sets' pure verdicts are
# shorter ("Unbelievable.", "you're exhausting").
LONGER = 6


def _words(text: str) -> int:
    return len(text.split())


def is_clean(text: str) -> bool:
    if ABSOLUTE.search(text) or INSULT.search(text):
        return False
    kinds = {hit.label for hit in rules.find("blame", text)}
    return not kinds & {"absolute", "criticism", "contempt"}


def read(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# The first pair has no number; the n-th is `*_heldout_<n>.jsonl`. Each new pair raises
# NEWEST_HELDOUT, and `make eval-coach` reads the newest.
NEWEST_HELDOUT = 34
HELDOUT_FILES = {
    1: ("harsh_heldout.jsonl", "gentle_heldout.jsonl"),
    **{
        n: (f"harsh_heldout_{n}.jsonl", f"gentle_heldout_{n}.jsonl")
        for n in range(2, NEWEST_HELDOUT + 1)
    },
}


def load(dev: bool, heldout: int) -> tuple[list[str], list[str]]:
    if dev:
        rows = [row for name in DEV_FILES for row in read(DATA / name)]
        harsh = [str(r["text"]) for r in rows if r["harsh"]]
        return harsh, [str(r["text"]) for r in rows if not r["harsh"]]
    harsh_file, gentle_file = HELDOUT_FILES[heldout]
    harsh = [str(r["text"]) for r in read(DATA / harsh_file)]
    return harsh, [str(r["text"]) for r in read(DATA / gentle_file)]


def timed(text: str) -> tuple[float, Rewrite | None]:
    start = time.perf_counter()
    result = coach_message(text)
    return (time.perf_counter() - start) * 1000, result.rewrite


def line(name: str, value: float, target: float, *, at_most: bool = False) -> None:
    met = value <= target if at_most else value >= target
    sign = "≤" if at_most else "≥"
    shown = f"{value:.2f} ms" if at_most else f"{value:.3f}"
    print(f"  {name:<52} {shown:>10}   target {sign} {target:g}   {'met' if met else 'MISSED'}")


# The n-th held-out subject set; `--topics` alone reads the newest.
TOPIC_HELDOUT = {1: "topics_heldout.jsonl", 2: "topics_heldout_2.jsonl"}
NEWEST_TOPICS = max(TOPIC_HELDOUT)


def subject_offered(rewrite: Rewrite | None) -> str | None:
    """The subject whose requests the coach offered; None when it proposed no rewrite."""
    if rewrite is None:
        return None
    offered = set(rewrite.request_choices)
    return next(t.name for t in (*TOPICS, DEFAULT_TOPIC) if offered & set(t.requests))


def score_topics(name: str, show: bool) -> None:
    rows = read(DATA / name)
    outcome = dict.fromkeys(("fits", "general", "other subject", "no rewrite"), 0)
    per_label: dict[str, list[int]] = {}
    for row in rows:
        text, label = str(row["text"]), str(row["topic"])
        offered = subject_offered(coach_message(text).rewrite)
        if offered is None:
            kind = "no rewrite"
        elif offered == label:
            kind = "fits"
        elif offered == DEFAULT_TOPIC.name:
            kind = "general"
        else:
            kind = "other subject"
        outcome[kind] += 1
        tally = per_label.setdefault(label, [0, 0])
        tally[0] += kind == "fits"
        tally[1] += 1
        if show and kind != "fits":
            print(f"- [{label} -> {offered}] {text}")
    n = len(rows)
    print(f"Subjects of the offered choices, {name}: {n} labelled harsh drafts")
    shares = {
        "fits": "the labelled subject's choices",
        "general": "the general choices instead",
        "other subject": "another subject's choices",
        "no rewrite": "no rewrite proposed",
    }
    for kind, label in shares.items():
        print(f"  {label:<52} {outcome[kind] / n:>10.3f}   ({outcome[kind]})")
    print(
        "  fits, per labelled subject: "
        + ", ".join(f"{label} {fits}/{of}" for label, (fits, of) in sorted(per_label.items()))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--dev", action="store_true", help="use the development sets: " + ", ".join(DEV_FILES)
    )
    parser.add_argument(
        "--heldout",
        type=int,
        choices=sorted(HELDOUT_FILES),
        default=NEWEST_HELDOUT,
        help="which held-out set",
    )
    parser.add_argument("--show", action="store_true", help="print each harsh rewrite")
    parser.add_argument(
        "--rules-alone",
        action="store_true",
        help="without the coach's model (its second opinion), to see what the model adds",
    )
    parser.add_argument(
        "--word-lists-alone",
        action="store_true",
        help="offer choices by the word lists alone, without the subject model",
    )
    parser.add_argument(
        "--topics",
        type=int,
        nargs="?",
        const=NEWEST_TOPICS,
        choices=sorted(TOPIC_HELDOUT),
        help="what the offered choices fit, on a held-out subject set (default: the newest)"
        " or, with --dev, on topics_dev.jsonl (see the docstring)",
    )
    args = parser.parse_args()
    if args.rules_alone:
        # The model speaks through this one function; with no lean, the rules decide.
        heartwise.analysis.draft_lean = lambda text: None
    if args.rules_alone or args.word_lists_alone:
        heartwise.analysis.draft_subject = lambda text: None
    if args.show and not args.dev:
        parser.error("--show prints rewrites to develop with: only with --dev")
    if args.topics is not None:
        score_topics("topics_dev.jsonl" if args.dev else TOPIC_HELDOUT[args.topics], args.show)
        return
    harsh, gentle = load(args.dev, args.heldout)

    start = time.perf_counter()
    default_analyzer()
    load_ms = (time.perf_counter() - start) * 1000

    times: list[float] = []
    counts = dict.fromkeys(("rewritten", "not_harsh", "feeling", "kept", "clean", "chosen"), 0)
    longer = sum(_words(text) >= LONGER for text in harsh)
    longer_kept = 0
    for text in harsh:
        ms, rewrite = timed(text)
        times.append(ms)
        if rewrite is None:
            if args.show:
                print(f"- {text}\n    (left alone)")
            continue
        sent = rewrite.filled()
        checks = {
            "rewritten": True,
            "not_harsh": not analyze(sent).blame.harsh,
            "feeling": bool(FEELING.search(sent)),
            "kept": kept_content(text, rewrite, sent),
            "clean": is_clean(sent),
            "chosen": rewrite.feeling is not None,
        }
        for name, passed in checks.items():
            counts[name] += passed
        longer_kept += checks["kept"] and _words(text) >= LONGER
        if args.show:
            failed = [name for name, passed in checks.items() if not passed and name != "chosen"]
            print(f"- {text}\n    {rewrite.text}" + (f"\n    FAILS: {failed}" if failed else ""))
    left_alone = 0
    for text in gentle:
        ms, rewrite = timed(text)
        times.append(ms)
        left_alone += rewrite is None

    n = len(harsh)
    which = "development sets" if args.dev else f"held-out set {args.heldout}"
    which += ", rules alone (no model)" if args.rules_alone else ""
    which += ", choices by word lists alone" if args.word_lists_alone else ""
    print(f"Message coach on the {which}: {n} harsh and {len(gentle)} gentle messages")
    print(f"  (models loaded once in {load_ms:.0f} ms, before timing)")
    print("Harsh messages (share of all harsh messages):")
    print(f"  {'a rewrite was proposed':<52} {counts['rewritten'] / n:>10.3f}")
    line("rewrite not found harsh by the blame detector", counts["not_harsh"] / n, TARGET_SHARE)
    line("rewrite has a first-person feeling statement", counts["feeling"] / n, TARGET_SHARE)
    line("rewrite keeps a content word of the draft", counts["kept"] / n, TARGET_SHARE)
    if longer:
        # Not a target: the same share without the shortest drafts, which in these sets
        # are mostly verdicts whose only content word is the insult itself.
        shown = f"{longer_kept / longer:.3f}"
        label = f"  of the {longer} drafts of {LONGER}+ words (not a target)"
        print(f"  {label:<52} {shown:>10}")
    line("rewrite has no absolute or insult", counts["clean"] / n, TARGET_SHARE)
    print(f"  {'feeling taken from the draft (not a choice)':<52} {counts['chosen'] / n:>10.3f}")
    print("Gentle messages:")
    line("left alone (no rewrite proposed)", left_alone / len(gentle), TARGET_GENTLE)
    print("Speed:")
    line("median time per coached message", statistics.median(times), TARGET_MS, at_most=True)


if __name__ == "__main__":
    main()
