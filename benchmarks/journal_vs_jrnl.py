"""Time the heartwise CLI against jrnl 4.6 on the same journals, as whole processes.

What it measures: for journals of 1,000, 10,000 and 100,000 generated entries (80-150 words of
journal-like sentences each, dates spread over about eleven years, 0-3 tags from 30), the wall
clock time (median of several runs) and the peak memory (max RSS) of four commands, each run as
a fresh process exactly as a person would type it:

==========  ===================================  ===============================
operation   heartwise                            jrnl 4.6
==========  ===================================  ===============================
add         ``heartwise log TEXT --tag bench``   ``jrnl "TEXT @bench"``
list        ``heartwise list -n 10``             ``jrnl -n 10``
tag         ``heartwise list -n 10 --tag TAG``   ``jrnl -n 10 @TAG``
search      ``heartwise search WORD``            ``jrnl -contains WORD``
==========  ===================================  ===============================

Both tools get the same entries (same text, dates and tags). heartwise's journal is built with
``heartwise import FILE --from heartwise`` from a JSON backup written here (its time and memory
are printed for information); jrnl's is written directly in jrnl's plain-text format. Built
journals are cached under ``benchmarks/.cache/`` (jrnl gets its own venv there too), and every
run works on a fresh copy, so adds never pile up in the cache.

It prints a Markdown table (median ms, and the jrnl/heartwise ratio), the peak memory, and
PASS/FAIL for the performance goals: heartwise at 100,000 entries within 1.5x of its time at
1,000; at least 10x faster than jrnl at 100,000; ``list -n 10`` under 150 ms; and every
command (import excepted) under 100 MB at 100,000. The goals are reported, not asserted: the
exit status is non-zero only when something could not be run.

Run it from the repository root after ``make run`` or ``make test`` has installed heartwise::

    .venv/bin/python benchmarks/journal_vs_jrnl.py
    .venv/bin/python benchmarks/journal_vs_jrnl.py --sizes 1000,10000 --runs 5
    .venv/bin/python benchmarks/journal_vs_jrnl.py --tools jrnl --sizes 1000

The full run takes roughly 10-20 minutes, most of it jrnl at 100,000 entries (run once there).
Progress goes to stderr; the report goes to stdout. Linux (``os.wait4``) only.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Self

REPO_ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = REPO_ROOT / "benchmarks" / ".cache"
JRNL_VENV = CACHE_DIR / "jrnl-venv"
JRNL_VERSION = "4.6"

# Bump when the generated journals change, so stale caches are not reused.
GENERATOR_VERSION = 1
SEED = 20261125
DEFAULT_SIZES = (1_000, 10_000, 100_000)
LARGE_SIZE = 100_000
OPERATIONS = ("add", "list", "tag", "search")
TOOLS = ("heartwise", "jrnl")

WORDS_MIN, WORDS_MAX = 80, 150
FIRST_DAY = datetime(2016, 1, 1)
LAST_DAY = datetime(2026, 10, 31, 23, 59)
SAMPLE_SIZE = 5_000
SEARCH_SHARE = 0.01
TAG_SHARE = 0.03
ADD_TAG = "bench"
ADD_TEXT = "Benchmark entry {n}. We walked to the park after work and I felt calm."

SCALING_LIMIT = 1.5
SPEEDUP_GOAL = 10.0
LIST_LIMIT_MS = 150.0
RSS_LIMIT_MB = 100.0


class BenchmarkError(Exception):
    """Something could not be run; the message says what and what to do."""


# ---------------------------------------------------------------------------
# Vocabulary: real words at the head of each pool, made-up words in the long tail.


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


TEMPLATES = (
    "I felt {e} when {p} {v} the {n}",
    "{t} we {v} the {n} at the {pl}",
    "{p} said the {n} was {a}",
    "I noticed how {a} the {n} looked {t}",
    "The {n} at the {pl} was {a} and {a}",
    "I kept thinking about the {n} and the {n}",
    "{t} I {v} a {a} {n} with {p}",
    "It was a {a} day, and I felt {e} about the {n}",
    "Maybe the {n} was not as {a} as I feared",
    "I want to remember the {n} from the {pl}",
    "We talked {adv} about the {n} over dinner",
    "{p} {v} my {n} {adv}, which made me feel {e}",
    "Next time I will bring the {n} to the {pl}",
    "My {n} felt {a} after the {n}",
    "I wrote down three things: the {n}, the {n}, and the {n}",
    "Part of me was {e}, part of me was {e}",
    "The {pl} smelled of {n} and {n}",
    "I asked {p} about the {n}, and {p} {v} it {adv}",
    "There was a {a} {n} near the {pl}",
    "I am grateful for the {n} and for {p}",
    "By evening the {n} seemed less {a}",
    "{t} {p} {v} the {n} without asking me",
    "I noticed the urge to check the {n}, and I waited",
    "The {a} {n} reminded me of the {pl}",
    "I told {p} that I felt {e}, and {p} listened",
    "Nothing about the {n} was as {a} as the story in my head",
)

NOUNS = words(
    "message phone call dinner walk coffee morning evening weekend plan promise text reply "
    "silence argument hug breakfast lunch movie book song photo letter gift meeting deadline "
    "project email trip train bus car bike garden kitchen window door bed pillow blanket "
    "sunset rain storm snow wind sky river sea beach forest hill road bridge market shop "
    "bakery cafe bread soup salad cake tea wine candle lamp chair table sofa carpet mirror "
    "jacket scarf shoe umbrella bag wallet key ticket calendar clock schedule routine habit "
    "question answer story joke memory dream worry fear hope doubt feeling thought idea "
    "boundary apology compliment surprise invitation party birthday anniversary holiday "
    "concert game puzzle picture painting notebook journal pen present plant flower tree "
    "dog cat bird neighbour colleague manager team office desk screen laptop keyboard "
    "playlist podcast recipe oven stove sink laundry shower towel suitcase map postcard "
    "balcony staircase corridor hallway garage attic basement roof fence gate path lake "
    "harbour station platform airport hotel museum library gallery theatre cinema stadium "
    "exercise run swim yoga stretch breath pulse headache appetite nap bedtime alarm"
)

ADJECTIVES = words(
    "quiet long short warm cold bright dark heavy light slow quick busy calm loud gentle "
    "strange familiar small big new old kind tired fresh soft hard simple difficult easy "
    "lovely awkward honest tense relaxed messy clean early late sunny grey rainy windy "
    "cosy noisy empty crowded careful sudden steady patient distant close open tender"
)

EMOTIONS_WORDS = words(
    "anxious calm hopeful sad happy jealous lonely relieved grateful hurt proud nervous "
    "safe restless content uneasy cheerful tired overwhelmed peaceful insecure loved"
)

VERBS = words(
    "fixed found forgot cooked cleaned planned cancelled moved shared read wrote watched "
    "missed noticed carried opened closed painted bought sold answered ignored checked "
    "mentioned explained changed kept repaired borrowed returned booked postponed finished"
)

ADVERBS = words(
    "slowly quietly honestly gently quickly calmly warmly carefully openly patiently "
    "briefly clearly softly kindly finally"
)

PEOPLE = (
    "my partner",
    "Sam",
    "Alex",
    "Mum",
    "Dad",
    "my sister",
    "my brother",
    "Priya",
    "Jordan",
    "Noor",
    "Lena",
    "my friend Kai",
    "the therapist",
    "my manager",
    "Tomas",
    "Grandma",
)

PLACES = (
    "park",
    "office",
    "station",
    "beach",
    "market",
    "cafe on the corner",
    "gym",
    "library",
    "clinic",
    "garden",
    "old flat",
    "harbour",
    "bakery",
    "cinema",
    "lake",
    "hospital",
)

TIMES = (
    "this morning",
    "tonight",
    "after work",
    "at lunch",
    "yesterday",
    "later",
    "before bed",
    "on the way home",
    "around noon",
    "early today",
)

TAGS = words(
    "work family partner friends therapy sleep anxiety jealousy trust gratitude exercise "
    "health money home travel weekend reassurance phone socialmedia conflict repair selfcare "
    "reading music cooking nature holiday parents kids goals"
)

EMOTIONS = ("anxious", "sad", "calm", "happy", "jealous", "angry", "hopeful", "lonely")

ONSETS = words("b br c ch d dr f fl g gr h j k l m n p pl r s sh st t tr v w z")
VOWELS = words("a e i o u ai ea oo ou")
CODAS = ("", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ng")
MADE_UP_NOUNS = 2_600


@dataclass(frozen=True)
class Pool:
    """Words drawn with Zipf-like frequencies: the first word is the most common."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...]

    @classmethod
    def zipf(cls, words: Sequence[str], exponent: float = 1.0, offset: float = 1.0) -> Pool:
        total = 0.0
        cumulative = []
        for rank in range(len(words)):
            total += 1.0 / (rank + offset) ** exponent
            cumulative.append(total)
        return cls(tuple(words), tuple(cumulative))

    def pick(self, rng: random.Random) -> str:
        # What rng.choices(words, cum_weights=...) does, without its per-call overhead.
        return self.words[bisect.bisect(self.cum_weights, rng.random() * self.cum_weights[-1])]


def made_up_words(count: int, taken: set[str], seed: int) -> list[str]:
    """Pronounceable made-up words (two or three syllables), none equal to a word in `taken`."""
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.choice((2, 2, 2, 3))
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)
        )
        if word not in taken:
            words[word] = None
    return list(words)


def build_pools() -> dict[str, Pool]:
    taken = {*NOUNS, *ADJECTIVES, *EMOTIONS_WORDS, *VERBS, *ADVERBS, *TAGS}
    nouns = [*NOUNS, *made_up_words(MADE_UP_NOUNS, taken, SEED)]
    return {
        "n": Pool.zipf(nouns, offset=5.0),
        "a": Pool.zipf(ADJECTIVES, 0.8),
        "e": Pool.zipf(EMOTIONS_WORDS, 0.8),
        "v": Pool.zipf(VERBS, 0.8),
        "adv": Pool.zipf(ADVERBS, 0.8),
        "p": Pool.zipf(PEOPLE, 0.8),
        "pl": Pool.zipf(PLACES, 0.8),
        "t": Pool.zipf(TIMES, 0.5),
    }


def all_vocabulary(pools: Mapping[str, Pool]) -> set[str]:
    words = {w.lower() for pool in pools.values() for phrase in pool.words for w in phrase.split()}
    words.update(re.findall(r"[a-z]+", " ".join(TEMPLATES).lower()))
    words.update(TAGS)
    words.update(re.findall(r"[a-z]+", ADD_TEXT.lower()))
    words.add(ADD_TAG)
    return words


# ---------------------------------------------------------------------------
# Entries


@dataclass(frozen=True)
class Entry:
    moment: datetime  # naive local time, whole minutes (jrnl's resolution)
    title: str  # the first sentence
    body: str
    tags: tuple[str, ...]
    mood: int | None
    emotions: tuple[tuple[str, int], ...]

    @property
    def text(self) -> str:
        return f"{self.title} {self.body}"


class EntryWriter:
    """Writes entry texts, tags, moods and emotions from one seeded random stream."""

    def __init__(self, pools: Mapping[str, Pool], seed: int) -> None:
        self.rng = random.Random(seed)
        self.pools = pools
        self.tags = Pool.zipf(TAGS, 0.8)
        self.templates = [
            [(part, pools[part[1:-1]] if part.startswith("{") else None) for part in split]
            for split in (re.split(r"(\{\w+\})", template) for template in TEMPLATES)
        ]

    def sentence(self) -> str:
        parts = self.rng.choice(self.templates)
        words = "".join(part if pool is None else pool.pick(self.rng) for part, pool in parts)
        return words[0].upper() + words[1:]

    def sentences(self) -> list[str]:
        target = self.rng.randint(WORDS_MIN, WORDS_MAX)
        sentences: list[str] = []
        count = 0
        while count < target:
            words = self.sentence().split()
            room = WORDS_MAX - count
            if len(words) > room:
                words = words[:room]
            count += len(words)
            end = "!" if self.rng.random() < 0.05 else "."
            sentences.append(" ".join(words).rstrip(",:") + end)
        return sentences

    def entry(self, moment: datetime) -> Entry:
        first, *rest = self.sentences()
        tag_count = self.rng.choices((0, 1, 2, 3), weights=(30, 35, 25, 10))[0]
        tags: list[str] = []
        while len(tags) < tag_count:
            tag = self.tags.pick(self.rng)
            if tag not in tags:
                tags.append(tag)
        mood = self.rng.randint(1, 10) if self.rng.random() < 0.7 else None
        emotions = {self.rng.choice(EMOTIONS): 10 * self.rng.randint(1, 10) for _ in range(2)}
        kept = tuple(emotions.items())[: self.rng.choice((0, 1, 1, 2))]
        return Entry(moment, first, " ".join(rest), tuple(tags), mood, kept)


def entry_moments(size: int, seed: int) -> list[datetime]:
    rng = random.Random(seed)
    minutes = int((LAST_DAY - FIRST_DAY).total_seconds() // 60)
    return sorted(FIRST_DAY + timedelta(minutes=rng.randrange(minutes)) for _ in range(size))


def generate_entries(size: int, pools: Mapping[str, Pool]) -> list[Entry]:
    """The same texts for every size (a prefix of one stream); dates spread over the span."""
    writer = EntryWriter(pools, SEED)
    return [writer.entry(moment) for moment in entry_moments(size, SEED + size)]


def entry_words(entry: Entry) -> set[str]:
    return set(re.findall(r"[a-z]+", entry.text.lower()))


@dataclass(frozen=True)
class Probes:
    """The word searched for and the tag filtered on, the same at every size."""

    word: str
    tag: str


def choose_search_word(sample: Sequence[Entry], pools: Mapping[str, Pool]) -> str:
    """A noun in about 1% of entries that is part of no other word (jrnl matches substrings,
    heartwise whole words). Shares are averaged over neighbouring ranks, so the choice does
    not favour a word that is merely lucky in the sample."""
    doc_freq = Counter(word for entry in sample for word in entry_words(entry))
    nouns = pools["n"].words
    shares = [doc_freq[noun] / len(sample) for noun in nouns]

    def smoothed(rank: int) -> float:
        window = shares[max(0, rank - 10) : rank + 11]
        return sum(window) / len(window)

    near = [r for r in range(len(nouns)) if 0.5 < smoothed(r) / SEARCH_SHARE < 2]
    vocabulary = all_vocabulary(pools)
    candidates = [
        r
        for r in near
        if len(nouns[r]) > 4 and not any(nouns[r] in o and nouns[r] != o for o in vocabulary)
    ]
    if not candidates:
        raise BenchmarkError("the generator has no word in about 1% of entries; check its pools")
    return nouns[min(candidates, key=lambda r: abs(smoothed(r) - SEARCH_SHARE))]


def choose_probes(pools: Mapping[str, Pool]) -> Probes:
    """The search word, and a tag on about 3% of entries."""
    sample = generate_entries(SAMPLE_SIZE, pools)
    tag_freq = Counter(tag for entry in sample for tag in entry.tags)
    tag = min(TAGS, key=lambda t: (abs(tag_freq[t] / len(sample) - TAG_SHARE), t))
    return Probes(choose_search_word(sample, pools), tag)


# ---------------------------------------------------------------------------
# Journal files


def write_heartwise_backup(entries: Iterable[Entry], path: Path) -> None:
    backup = {
        "format": "heartwise-backup",
        "version": 1,
        "exported_at": datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "entries": [
            {
                "text": entry.text,
                "mood": entry.mood,
                "emotions": dict(entry.emotions),
                "tags": list(entry.tags),
                "occurred_at": entry.moment.astimezone().isoformat(),
            }
            for entry in entries
        ],
    }
    with path.open("w", encoding="utf-8") as handle:
        json.dump(backup, handle, ensure_ascii=False)


def jrnl_entry_text(entry: Entry) -> str:
    """One entry as jrnl 4.6 writes it: ``[date] title``, then the body (tags inline)."""
    tags = "".join(f" @{tag}" for tag in entry.tags)
    return f"[{entry.moment:%Y-%m-%d %H:%M}] {entry.title}\n{entry.body}{tags}\n"


def write_jrnl_journal(entries: Iterable[Entry], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("\n".join(jrnl_entry_text(entry) for entry in entries))


def jrnl_config(journal: Path) -> str:
    """jrnl's YAML config; ``version`` must equal jrnl's own or jrnl rewrites the file."""
    config = {
        "version": JRNL_VERSION,
        "journals": {"default": {"journal": str(journal)}},
        "encrypt": False,
        "editor": "",
        "template": False,
        "default_hour": 9,
        "default_minute": 0,
        "timeformat": "%Y-%m-%d %H:%M",
        "tagsymbols": "@",
        "highlight": False,
        "linewrap": 79,
        "indent_character": "|",
        "colors": dict.fromkeys(("body", "date", "tags", "title"), "none"),
    }
    # JSON is valid YAML, but jrnl treats a config starting with "{" as a 1.x config.
    lines = [f"{key}: {json.dumps(value)}" for key, value in config.items()]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Running processes


# Runs inside the launcher process: spawn one command per request line, wait4, reply.
LAUNCHER_CODE = r"""
import json, os, sys, time
def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"rss_kb": peak_kb()}), flush=True)
for line in sys.stdin:
    req = json.loads(line)
    write = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, req["stdout"], write, 0o600),
               (os.POSIX_SPAWN_OPEN, 2, req["stderr"], write, 0o600)]
    start = time.perf_counter()
    try:
        pid = os.posix_spawn(req["argv"][0], req["argv"], req["env"], file_actions=actions)
    except OSError as exc:
        print(json.dumps({"error": str(exc)}), flush=True)
        continue
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"seconds": seconds, "code": code, "rss_kb": usage.ru_maxrss}), flush=True)
"""


@dataclass(frozen=True)
class ProcessResult:
    seconds: float
    max_rss_kb: int
    returncode: int
    stdout: str
    stderr: str


class Launcher:
    """Starts every timed command from a small separate Python process.

    Linux counts the memory of the process a child was forked from in the child's ru_maxrss,
    so children of this script (which holds up to 100,000 entries) would all look as large as
    it. Spawned by this launcher, they start from its ~9 MB, below any Python CLI's own peak.
    Start it before building anything big.
    """

    def __init__(self) -> None:
        argv = [sys.executable, "-I", "-S", "-c", LAUNCHER_CODE]
        self._proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.own_rss_kb = int(self._reply()["rss_kb"])

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        self._proc.wait(timeout=30)

    def _reply(self) -> dict[str, Any]:
        line = self._proc.stdout.readline() if self._proc.stdout else ""
        if not line:
            raise BenchmarkError("the process launcher stopped unexpectedly")
        return dict(json.loads(line))

    def run(
        self, argv: Sequence[str], env: Mapping[str, str], *, capture_stdout: bool = False
    ) -> ProcessResult:
        """Run one command to completion: wall time, peak RSS (wait4) and its output."""
        with tempfile.TemporaryDirectory(prefix="heartwise-bench-") as tmp:
            out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
            request = {
                "argv": list(argv),
                "env": dict(env),
                "stdout": str(out) if capture_stdout else os.devnull,
                "stderr": str(err),
            }
            if self._proc.stdin is None:
                raise BenchmarkError("the process launcher is closed")
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            reply = self._reply()
            if "error" in reply:
                raise BenchmarkError(f"could not start {argv[0]}: {reply['error']}")
            return ProcessResult(
                seconds=float(reply["seconds"]),
                max_rss_kb=int(reply["rss_kb"]),
                returncode=int(reply["code"]),
                stdout=out.read_text("utf-8", "replace") if capture_stdout else "",
                stderr=err.read_text("utf-8", "replace"),
            )


def shown(argv: Sequence[str]) -> str:
    name = Path(argv[0]).name
    return " ".join([name, *(a if " " not in a else repr(a) for a in argv[1:])])


def check_ok(result: ProcessResult, argv: Sequence[str], what: str, hint: str) -> None:
    if result.returncode == 0:
        return
    stderr = result.stderr.strip() or "(nothing on stderr)"
    raise BenchmarkError(
        f"{what}: `{shown(argv)}` exited with status {result.returncode}.\n"
        f"--- its stderr ---\n{stderr}\n------------------\n{hint}"
    )


_started = time.perf_counter()


def progress(message: str) -> None:
    print(f"[{time.perf_counter() - _started:7.1f}s] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# The two tools


HEARTWISE_HINT = (
    "heartwise must support `import FILE --from heartwise`, `log TEXT --tag T`, "
    "`list -n N [--tag T]` and `search WORD` with HEARTWISE_DATA_DIR set. "
    "If the journal was built by an older heartwise, try again with --rebuild."
)
JRNL_HINT = "Try again with --rebuild; if it persists, remove benchmarks/.cache/jrnl-venv."


HEARTWISE_ARGS: dict[str, Callable[[Probes, str], list[str]]] = {
    "add": lambda probes, text: ["log", text, "--tag", ADD_TAG],
    "list": lambda probes, text: ["list", "-n", "10"],
    "tag": lambda probes, text: ["list", "-n", "10", "--tag", probes.tag],
    "search": lambda probes, text: ["search", probes.word],
}
JRNL_ARGS: dict[str, Callable[[Probes, str], list[str]]] = {
    "add": lambda probes, text: [f"{text} @{ADD_TAG}"],
    "list": lambda probes, text: ["-n", "10"],
    "tag": lambda probes, text: ["-n", "10", f"@{probes.tag}"],
    "search": lambda probes, text: ["-contains", probes.word],
}


@dataclass(frozen=True)
class Tool:
    """How to run one journal tool on one working copy of a journal."""

    name: str
    base: tuple[str, ...]
    env: Mapping[str, str]
    operations: Mapping[str, Callable[[Probes, str], list[str]]]
    hint: str
    launcher: Launcher

    def command(self, operation: str, probes: Probes, n: int) -> list[str]:
        """The command line of one operation; `n` numbers the entries that adds write."""
        return [*self.base, *self.operations[operation](probes, ADD_TEXT.format(n=n))]

    def run(self, argv: Sequence[str], what: str, *, capture: bool = False) -> ProcessResult:
        result = self.launcher.run(argv, self.env, capture_stdout=capture)
        check_ok(result, argv, what, self.hint)
        return result


@dataclass(frozen=True)
class Toolbox:
    """Makes the tools for a journal's data: both run through one launcher."""

    launcher: Launcher
    heartwise: Path

    def heartwise_at(self, data_dir: Path) -> Tool:
        env = {**os.environ, "HEARTWISE_DATA_DIR": str(data_dir)}
        base = (str(self.heartwise),)
        return Tool("heartwise", base, env, HEARTWISE_ARGS, HEARTWISE_HINT, self.launcher)

    def jrnl_at(self, home: Path, journal: Path) -> Tool:
        """jrnl with a private HOME and XDG dirs, and a config file of our own."""
        config = home / ".config" / "jrnl" / "jrnl.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(jrnl_config(journal), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
        )
        base = (str(JRNL_VENV / "bin" / "jrnl"), "--config-file", str(config))
        return Tool("jrnl", base, env, JRNL_ARGS, JRNL_HINT, self.launcher)


def run_setup(argv: Sequence[str], what: str) -> str:
    """Run an untimed setup command; its stdout, or an error with its output."""
    result = subprocess.run(list(argv), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise BenchmarkError(f"{what}: `{shown(argv)}` failed:\n{output}")
    return result.stdout


def jrnl_installed_version() -> str | None:
    python = JRNL_VENV / "bin" / "python"
    if not python.exists():
        return None
    code = "import importlib.metadata as m; print(m.version('jrnl'))"
    try:
        return run_setup([str(python), "-c", code], "checking jrnl").strip()
    except BenchmarkError:
        return None


def ensure_jrnl() -> None:
    """Install jrnl==4.6 into its own venv under the cache, once."""
    if jrnl_installed_version() == JRNL_VERSION:
        return
    progress(f"installing jrnl {JRNL_VERSION} into {JRNL_VENV.relative_to(REPO_ROOT)}")
    shutil.rmtree(JRNL_VENV, ignore_errors=True)
    run_setup([sys.executable, "-m", "venv", str(JRNL_VENV)], "creating jrnl's venv failed")
    pip = [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
    run_setup([*pip, f"jrnl=={JRNL_VERSION}"], "installing jrnl failed (is PyPI reachable?)")


def check_heartwise(executable: Path) -> None:
    if executable.is_file() and os.access(executable, os.X_OK):
        return
    raise BenchmarkError(
        f"heartwise is not installed at {executable}: run `make run` or `make test` first "
        "(or pass --heartwise PATH)."
    )


# ---------------------------------------------------------------------------
# Cached journals and working copies


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    runs: int
    jrnl_runs: int
    jrnl_large_runs: int
    heartwise: Path
    tools: tuple[str, ...]
    rebuild: bool

    def runs_for(self, tool: str, size: int) -> int:
        if tool == "heartwise":
            return self.runs
        return self.jrnl_large_runs if size >= LARGE_SIZE else self.jrnl_runs


@dataclass(frozen=True)
class Dataset:
    """The pristine cached journals of one size, and facts about them."""

    size: int
    root: Path
    facts: Mapping[str, Any]

    @property
    def jrnl_file(self) -> Path:
        return self.root / "jrnl" / "journal.txt"

    @property
    def heartwise_dir(self) -> Path:
        return self.root / "heartwise"

    def meta_file(self, tool: str) -> Path:
        """Written last when a tool's journal is built and checked: the cache mark."""
        return self.root / f"{tool}.json"

    def meta(self, tool: str) -> dict[str, Any]:
        path = self.meta_file(tool)
        return dict(json.loads(path.read_text("utf-8"))) if path.exists() else {}


def dataset_facts(entries: Sequence[Entry], probes: Probes) -> dict[str, Any]:
    return {
        "size": len(entries),
        "generator_version": GENERATOR_VERSION,
        "search_word": probes.word,
        "search_matches": sum(probes.word in entry_words(e) for e in entries),
        "tag": probes.tag,
        "tag_matches": sum(probes.tag in e.tags for e in entries),
        "last_moment": f"{entries[-1].moment:%Y-%m-%d %H:%M}",
        "last_title": entries[-1].title,
    }


@contextmanager
def working_copy(dataset: Dataset, tool: str, toolbox: Toolbox) -> Iterator[Tool]:
    """A throwaway copy of the cached journal, so runs never change the cache."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"work-{tool}-{dataset.size}-", dir=CACHE_DIR))
    try:
        if tool == "jrnl":
            journal = work / "journal.txt"
            shutil.copyfile(dataset.jrnl_file, journal)
            yield toolbox.jrnl_at(work / "home", journal)
        else:
            shutil.copytree(dataset.heartwise_dir, work / "heartwise")
            yield toolbox.heartwise_at(work / "heartwise")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def verify_jrnl(tool: Tool, facts: Mapping[str, Any]) -> None:
    argv = [*tool.base, "-n", "3"]
    result = tool.run(argv, "jrnl could not read the generated journal", capture=True)
    shown_dates = re.findall(r"^(\d{4}-\d\d-\d\d \d\d:\d\d) ", result.stdout, re.MULTILINE)
    if len(shown_dates) != 3 or shown_dates[-1] != facts["last_moment"]:
        raise BenchmarkError(
            f"`{shown(argv)}` did not show the 3 newest generated entries, the last at "
            f"{facts['last_moment']}; it showed {shown_dates}:\n{result.stdout[-600:]}"
        )


def verify_heartwise(tool: Tool, facts: Mapping[str, Any]) -> None:
    argv = [*tool.base, "list", "-n", "3"]
    result = tool.run(argv, "heartwise could not list the imported journal", capture=True)
    if not result.stdout.strip():
        raise BenchmarkError(f"`{shown(argv)}` printed nothing after the import.\n{HEARTWISE_HINT}")
    opening = " ".join(str(facts["last_title"]).split()[:3])
    if opening not in " ".join(result.stdout.split()):
        progress(f"warning: `{shown(argv)}` does not show the newest entry ({opening!r}...)")


def build_jrnl(dataset: Dataset, entries: Sequence[Entry], toolbox: Toolbox) -> None:
    progress(f"{dataset.size:,} entries: writing jrnl's journal")
    dataset.jrnl_file.parent.mkdir(parents=True, exist_ok=True)
    write_jrnl_journal(entries, dataset.jrnl_file)
    with working_copy(dataset, "jrnl", toolbox) as tool:
        verify_jrnl(tool, dataset.facts)
    meta = {"built_at": datetime.now().isoformat(timespec="seconds")}
    dataset.meta_file("jrnl").write_text(json.dumps(meta), encoding="utf-8")


def build_heartwise(dataset: Dataset, entries: Sequence[Entry], toolbox: Toolbox) -> None:
    shutil.rmtree(dataset.heartwise_dir, ignore_errors=True)
    dataset.heartwise_dir.mkdir(parents=True)
    backup = dataset.root / "backup.json"
    progress(f"{dataset.size:,} entries: writing heartwise's backup file")
    write_heartwise_backup(entries, backup)
    tool = toolbox.heartwise_at(dataset.heartwise_dir)
    argv = [*tool.base, "import", str(backup), "--from", "heartwise"]
    progress(f"{dataset.size:,} entries: heartwise import (timed once)")
    result = tool.run(argv, f"heartwise could not import {dataset.size:,} entries")
    progress(f"{dataset.size:,} entries: heartwise import took {result.seconds:.1f} s")
    verify_heartwise(tool, dataset.facts)
    backup.unlink()
    meta = {
        "built_at": datetime.now().isoformat(timespec="seconds"),
        "executable": str(toolbox.heartwise),
        "import_seconds": result.seconds,
        "import_max_rss_kb": result.max_rss_kb,
    }
    dataset.meta_file("heartwise").write_text(json.dumps(meta), encoding="utf-8")


def is_built(dataset: Dataset, tool: str, toolbox: Toolbox) -> bool:
    """Built and checked, and for heartwise by the same executable (its key file and
    schema belong to it)."""
    meta = dataset.meta(tool)
    return bool(meta) and (tool == "jrnl" or meta.get("executable") == str(toolbox.heartwise))


BUILDERS: dict[str, Callable[[Dataset, Sequence[Entry], Toolbox], None]] = {
    "jrnl": build_jrnl,
    "heartwise": build_heartwise,
}


def ensure_dataset(
    size: int, probes: Probes, pools: Mapping[str, Pool], options: Options, toolbox: Toolbox
) -> Dataset:
    """The cached journals of this size for the chosen tools, built if missing."""
    root = CACHE_DIR / "journals" / f"gen{GENERATOR_VERSION}-{size}"
    facts_file = root / "dataset.json"
    facts = json.loads(facts_file.read_text("utf-8")) if facts_file.exists() else {}
    if (facts.get("search_word"), facts.get("tag")) != (probes.word, probes.tag):
        shutil.rmtree(root, ignore_errors=True)  # made by another generator
    dataset = Dataset(size, root, facts)
    if options.rebuild:
        for tool in options.tools:
            dataset.meta_file(tool).unlink(missing_ok=True)
    missing = [tool for tool in options.tools if not is_built(dataset, tool, toolbox)]
    if not missing:
        return dataset
    progress(f"{size:,} entries: generating")
    entries = generate_entries(size, pools)
    root.mkdir(parents=True, exist_ok=True)
    dataset = Dataset(size, root, dataset_facts(entries, probes))
    facts_file.write_text(json.dumps(dataset.facts, indent=1), encoding="utf-8")
    for tool in missing:
        BUILDERS[tool](dataset, entries, toolbox)
    return dataset


# ---------------------------------------------------------------------------
# Measuring


@dataclass(frozen=True)
class Measurement:
    tool: str
    operation: str
    size: int
    seconds: tuple[float, ...]
    max_rss_kb: int
    last_stderr: str

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def max_rss_mb(self) -> float:
        return self.max_rss_kb / 1024


def measure_operation(
    tool: Tool, operation: str, size: int, probes: Probes, runs: int
) -> Measurement:
    what = f"{tool.name} {operation} at {size:,} entries failed"
    progress(f"{size:,} entries: {tool.name} {operation}, {runs} run(s)")
    if tool.name == "jrnl" and operation == "add" and size >= LARGE_SIZE:
        progress("    (jrnl rewrites the journal and counts every tag on an add: minutes here)")
    if runs > 1:  # one untimed run first, so every timed run finds warm file caches
        tool.run(tool.command(operation, probes, 0), what)
    results = [tool.run(tool.command(operation, probes, n), what) for n in range(1, runs + 1)]
    measurement = Measurement(
        tool=tool.name,
        operation=operation,
        size=size,
        seconds=tuple(r.seconds for r in results),
        max_rss_kb=max(r.max_rss_kb for r in results),
        last_stderr=results[-1].stderr,
    )
    progress(
        f"    median {measurement.median_ms:,.1f} ms, peak RSS {measurement.max_rss_mb:.1f} MB"
    )
    return measurement


# Reads first, so they see the journal exactly as built; adds grow it by one entry a run.
MEASURE_ORDER = ("list", "tag", "search", "add")


def measure_tool(
    dataset: Dataset, tool_name: str, probes: Probes, options: Options, toolbox: Toolbox
) -> list[Measurement]:
    runs = options.runs_for(tool_name, dataset.size)
    with working_copy(dataset, tool_name, toolbox) as tool:
        if tool_name == "jrnl":
            verify_jrnl(tool, dataset.facts)
        else:
            verify_heartwise(tool, dataset.facts)
        return [measure_operation(tool, op, dataset.size, probes, runs) for op in MEASURE_ORDER]


Results = dict[tuple[str, str, int], Measurement]


def measure_all(options: Options, launcher: Launcher) -> tuple[Results, list[Dataset], Probes]:
    if "heartwise" in options.tools:
        check_heartwise(options.heartwise)
    if "jrnl" in options.tools:
        ensure_jrnl()
    toolbox = Toolbox(launcher, options.heartwise)
    pools = build_pools()
    progress("choosing the search word and the tag")
    probes = choose_probes(pools)
    results: Results = {}
    datasets = []
    for size in options.sizes:
        dataset = ensure_dataset(size, probes, pools, options, toolbox)
        datasets.append(dataset)
        for tool in options.tools:
            for m in measure_tool(dataset, tool, probes, options, toolbox):
                results[(m.tool, m.operation, m.size)] = m
    return results, datasets, probes


# ---------------------------------------------------------------------------
# Report


def fmt_ms(m: Measurement | None) -> str:
    return "—" if m is None else f"{m.median_ms:,.1f}"


def fmt_mb(m: Measurement | None) -> str:
    return "—" if m is None else f"{m.max_rss_mb:,.1f}"


def fmt_ratio(hw: Measurement | None, jr: Measurement | None) -> str:
    return "—" if hw is None or jr is None else f"{jr.median_ms / hw.median_ms:,.1f}x"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]], right_from: int) -> str:
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def timing_table(results: Results, sizes: Sequence[int]) -> str:
    rows = []
    for op in OPERATIONS:
        for size in sizes:
            hw, jr = results.get(("heartwise", op, size)), results.get(("jrnl", op, size))
            counts = " / ".join("—" if m is None else str(len(m.seconds)) for m in (hw, jr))
            rows.append([op, f"{size:,}", fmt_ms(hw), fmt_ms(jr), fmt_ratio(hw, jr), counts])
    header = ["operation", "entries", "heartwise median ms", "jrnl median ms", "jrnl / heartwise"]
    return markdown_table([*header, "runs (heartwise / jrnl)"], rows, right_from=1)


def memory_table(results: Results, sizes: Sequence[int]) -> str:
    rows = []
    for op in OPERATIONS:
        for size in sizes:
            hw, jr = results.get(("heartwise", op, size)), results.get(("jrnl", op, size))
            rows.append([op, f"{size:,}", fmt_mb(hw), fmt_mb(jr)])
    header = ["operation", "entries", "heartwise peak RSS MB", "jrnl peak RSS MB"]
    return markdown_table(header, rows, right_from=1)


def import_table(datasets: Sequence[Dataset]) -> str:
    rows = []
    for dataset in datasets:
        meta = dataset.meta("heartwise")
        if meta:
            seconds, rss = meta["import_seconds"], meta["import_max_rss_kb"] / 1024
            rows.append([f"{dataset.size:,}", f"{seconds:,.1f}", f"{rss:,.1f}", meta["built_at"]])
    header = ["entries", "heartwise import s", "peak RSS MB", "measured at"]
    return markdown_table(header, rows, right_from=0) if rows else "(heartwise not measured)"


def jrnl_found(m: Measurement | None) -> str:
    found = re.search(r"(\d+) entr(?:y|ies) found", m.last_stderr) if m else None
    return found.group(1) if found else "?"


def notes(
    results: Results, datasets: Sequence[Dataset], probes: Probes, floor_mb: float
) -> list[str]:
    lines = [
        (
            f"- search: `{probes.word}`, a word no other generated word contains, so jrnl's "
            "substring match and a whole-word match find the same entries. jrnl prints every "
            "match; heartwise prints what `heartwise search WORD` prints by default."
        ),
        f"- tag: `{probes.tag}`; both tools print the newest 10 entries with it (`-n 10`).",
        (
            "- every run works on a fresh copy of the cached journal; reads are timed before "
            "adds, and each add grows that copy by one entry (negligible)."
        ),
        (
            "- peak RSS is the largest ru_maxrss (os.wait4) over the runs. Commands are started "
            f"by a small launcher process, so no figure reads below its {floor_mb:.1f} MB."
        ),
    ]
    for d in datasets:
        words, tags, size = d.facts["search_matches"], d.facts["tag_matches"], d.size
        jrnl = results.get(("jrnl", "search", size))
        seen = f", jrnl found {jrnl_found(jrnl)}" if jrnl else ""
        lines.append(
            f"- {size:,} entries: `{probes.word}` in {words:,} ({words / size:.1%}){seen}; "
            f"`{probes.tag}` on {tags:,} ({tags / size:.1%})"
        )
    return lines


# ---------------------------------------------------------------------------
# Checks


@dataclass(frozen=True)
class Check:
    title: str
    passed: bool | None  # None: not measured in this run
    figures: tuple[str, ...] = ()

    def render(self) -> str:
        status = {True: "PASS", False: "FAIL", None: "SKIP"}[self.passed]
        return "\n".join([f"- **{status}** {self.title}", *(f"  - {f}" for f in self.figures)])


def measured_at(sizes: Sequence[int]) -> str:
    return "" if sizes[-1] == LARGE_SIZE else f" (measured at {sizes[-1]:,}, the largest size run)"


def heartwise_pairs(
    results: Results, small: int, large: int
) -> list[tuple[str, Measurement, Measurement]] | None:
    """heartwise's (small, large) measurements per operation, or None if any is missing."""
    pairs = []
    for op in OPERATIONS:
        a, b = results.get(("heartwise", op, small)), results.get(("heartwise", op, large))
        if a is None or b is None:
            return None
        pairs.append((op, a, b))
    return pairs


def check_scaling(results: Results, sizes: Sequence[int]) -> Check:
    title = f"heartwise at {LARGE_SIZE:,} entries within {SCALING_LIMIT}x of its time at 1,000"
    small, large = sizes[0], sizes[-1]
    pairs = heartwise_pairs(results, small, large) if small != large else None
    if pairs is None:
        return Check(title, None, ("needs heartwise measured at two sizes",))
    if (small, large) != (1_000, LARGE_SIZE):
        title += f" (measured: {large:,} against {small:,})"
    ratios = [b.median_ms / a.median_ms for _, a, b in pairs]
    figures = tuple(
        f"{op}: {a.median_ms:,.1f} ms -> {b.median_ms:,.1f} ms ({ratio:.2f}x)"
        for (op, a, b), ratio in zip(pairs, ratios, strict=True)
    )
    return Check(title, all(r <= SCALING_LIMIT for r in ratios), figures)


def check_speedup(results: Results, sizes: Sequence[int]) -> Check:
    title = f"heartwise at least {SPEEDUP_GOAL:.0f}x faster than jrnl at {LARGE_SIZE:,} entries"
    pairs = heartwise_pairs(results, sizes[-1], sizes[-1])
    jrnl = [results.get(("jrnl", op, sizes[-1])) for op in OPERATIONS]
    if pairs is None or any(m is None for m in jrnl):
        return Check(title, None, ("needs both tools measured",))
    ratios = [j.median_ms / h.median_ms for (_, h, _), j in zip(pairs, jrnl, strict=True) if j]
    figures = tuple(
        f"{op}: heartwise {h.median_ms:,.1f} ms, jrnl {j.median_ms:,.1f} ms ({ratio:,.1f}x)"
        for (op, h, _), j, ratio in zip(pairs, jrnl, ratios, strict=True)
        if j
    )
    passed = all(r >= SPEEDUP_GOAL for r in ratios)
    return Check(title + measured_at(sizes), passed, figures)


def check_list_latency(results: Results, sizes: Sequence[int]) -> Check:
    title = f"`heartwise list -n 10` median under {LIST_LIMIT_MS:.0f} ms at every size"
    found = [(s, results.get(("heartwise", "list", s))) for s in sizes]
    measured = [(s, m) for s, m in found if m is not None]
    if not measured:
        return Check(title, None, ("heartwise not measured",))
    figures = tuple(f"{s:,} entries: {m.median_ms:,.1f} ms" for s, m in measured)
    return Check(title, all(m.median_ms < LIST_LIMIT_MS for _, m in measured), figures)


def check_memory(results: Results, sizes: Sequence[int]) -> Check:
    title = (
        f"peak RSS of every heartwise command under {RSS_LIMIT_MB:.0f} MB at {LARGE_SIZE:,} "
        "entries (import excepted)"
    )
    pairs = heartwise_pairs(results, sizes[-1], sizes[-1])
    if pairs is None:
        return Check(title, None, ("heartwise not measured",))
    figures = tuple(f"{op}: {m.max_rss_mb:,.1f} MB" for op, m, _ in pairs)
    passed = all(m.max_rss_mb < RSS_LIMIT_MB for _, m, _ in pairs)
    return Check(title + measured_at(sizes), passed, figures)


HEADLINE = "Wall clock of whole processes, median of the runs; lower is better."


def render_report(
    results: Results,
    datasets: Sequence[Dataset],
    probes: Probes,
    options: Options,
    floor_mb: float,
) -> str:
    sizes = options.sizes
    checks = [
        check(results, sizes)
        for check in (check_scaling, check_speedup, check_list_latency, check_memory)
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (
        f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, "
        f"load average {load} at the end"
    )
    sections = [
        f"# heartwise vs jrnl {JRNL_VERSION}\n\n{machine}. {HEADLINE}",
        timing_table(results, sizes),
        "## Peak memory (max RSS of the process)\n\n" + memory_table(results, sizes),
        "## heartwise import (measured once, when the journal was built)\n\n"
        + import_table(datasets),
        "## Notes\n\n" + "\n".join(notes(results, datasets, probes, floor_mb)),
        "## Checks\n\n" + "\n".join(check.render() for check in checks),
    ]
    return "\n\n".join(sections)


# ---------------------------------------------------------------------------
# Command line


def parse_sizes(raw: str) -> tuple[int, ...]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in raw.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {raw!r}") from None
    if not sizes or sizes[0] < 10:
        raise argparse.ArgumentTypeError("each size must be at least 10")
    return tuple(sizes)


def parse_tools(raw: str) -> tuple[str, ...]:
    tools = tuple(t for t in TOOLS if t in {part.strip() for part in raw.split(",")})
    if not tools or len(tools) != len({p for p in raw.split(",") if p.strip()}):
        raise argparse.ArgumentTypeError(f"choose from {', '.join(TOOLS)}")
    return tools


def positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        description="Time the heartwise CLI against jrnl 4.6 on journals of the same entries."
    )
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=DEFAULT_SIZES,
        help="comma-separated journal sizes (default: 1000,10000,100000)",
    )
    parser.add_argument(
        "--runs", type=positive, default=7, help="timed runs of each heartwise command (default: 7)"
    )
    parser.add_argument(
        "--jrnl-runs",
        type=positive,
        default=5,
        help=f"timed runs of each jrnl command below {LARGE_SIZE:,} entries (default: 5)",
    )
    parser.add_argument(
        "--jrnl-large-runs",
        type=positive,
        default=1,
        help=f"timed runs of each jrnl command at {LARGE_SIZE:,} entries or more "
        "(default: 1; jrnl takes seconds to minutes there)",
    )
    parser.add_argument(
        "--heartwise",
        type=Path,
        default=REPO_ROOT / ".venv" / "bin" / "heartwise",
        help="the heartwise executable (default: .venv/bin/heartwise)",
    )
    parser.add_argument(
        "--tools",
        type=parse_tools,
        default=TOOLS,
        help="which tools to measure (default: heartwise,jrnl)",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="rebuild the cached journals of the chosen sizes and tools",
    )
    args = parser.parse_args(argv)
    return Options(
        sizes=args.sizes,
        runs=args.runs,
        jrnl_runs=args.jrnl_runs,
        jrnl_large_runs=args.jrnl_large_runs,
        heartwise=args.heartwise.absolute(),
        tools=args.tools,
        rebuild=args.rebuild,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("error: this benchmark runs on Linux only (/proc, os.wait4)", file=sys.stderr)
        return 1
    try:
        with Launcher() as launcher:  # first, while this process is still small
            results, datasets, probes = measure_all(options, launcher)
            floor_mb = launcher.own_rss_kb / 1024
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    print(render_report(results, datasets, probes, options, floor_mb))
    progress("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
