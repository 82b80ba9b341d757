"""Just enough English grammar to turn a blaming sentence into an observation.

The coach changes a draft's wording, never its facts: "you never called" becomes "you
didn't call", "why did you delete it?" becomes "you deleted it". That needs verb forms
and object pronouns, nothing more. When a word's form is not certain, the functions
answer None and the coach leaves that sentence out rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, as word lists read best."""
    return frozenset(words.split())


# Irregular past tenses of verbs people use about each other; "read", "put" and "let"
# are their own past.
_IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "come": "came",
    "get": "got",
    "give": "gave",
    "make": "made",
    "take": "took",
    "go": "went",
    "bring": "brought",
    "think": "thought",
    "pay": "paid",
    "meet": "met",
    "leave": "left",
    "keep": "kept",
    "hear": "heard",
    "write": "wrote",
    "send": "sent",
    "spend": "spent",
    "forget": "forgot",
    "buy": "bought",
    "find": "found",
    "know": "knew",
    "see": "saw",
    "do": "did",
    "have": "had",
    "eat": "ate",
    "drive": "drove",
    "read": "read",
    "let": "let",
    "put": "put",
    "sit": "sat",
    "stand": "stood",
    "hang": "hung",
    "sleep": "slept",
    "feel": "felt",
    "lose": "lost",
    "show": "showed",
    "choose": "chose",
    "ring": "rang",
    "speak": "spoke",
    "wake": "woke",
    "become": "became",
    "run": "ran",
    "hide": "hid",
    "throw": "threw",
    "fall": "fell",
    "hold": "held",
    "break": "broke",
    "blow": "blew",
    "understand": "understood",
    "build": "built",
    "drink": "drank",
    "swim": "swam",
    "sing": "sang",
    "begin": "began",
    "wear": "wore",
    "steal": "stole",
    "teach": "taught",
    "catch": "caught",
    "fight": "fought",
    "sell": "sold",
    "lend": "lent",
    "ride": "rode",
    "shake": "shook",
    "dig": "dug",
    "freeze": "froze",
    "forgive": "forgave",
    "mean": "meant",
    "sink": "sank",
    "swear": "swore",
    "tear": "tore",
    "sweep": "swept",
    "draw": "drew",
    "fly": "flew",
    "grow": "grew",
    "feed": "fed",
    "lead": "led",
    "bleed": "bled",
    "speed": "sped",
}
_IRREGULAR_BASE = {past: base for base, past in _IRREGULAR_PAST.items()}
# Verbs in their base form that have an irregular past: "go", "take", "forget", "leave".
IRREGULAR_BASES = frozenset(_IRREGULAR_PAST)
# Past participles that are not the past tense: "you'd have been there", "had you seen".
_IRREGULAR_PARTICIPLES = {
    "been": "be",
    "gone": "go",
    "seen": "see",
    "shown": "show",
    "taken": "take",
    "given": "give",
    "done": "do",
    "eaten": "eat",
    "written": "write",
    "driven": "drive",
    "spoken": "speak",
    "forgotten": "forget",
    "gotten": "get",
    "known": "know",
    "broken": "break",
    "chosen": "choose",
    "woken": "wake",
    "rung": "ring",
    "drunk": "drink",
    "swum": "swim",
}
# Verbs whose base form ends in a silent "e": "invited" -> "invite", not "invit".
_E_VERBS = word_set(
    """care like notice invite share include introduce promise smile hate love move arrive
    believe decide change agree apologise apologize organise organize recognise recognize
    excuse dance close phone hope use prepare save serve complete continue argue refuse
    realise realize schedule replace ignore compare manage praise celebrate surprise
    arrange exchange describe force pause raise reduce remove rescue solve tease type
    vote waste wipe delete create date note quote rate relate separate guide provide
    abuse confuse accuse chase ease please release increase practise advise involve
    judge make take bake wake shake come become write bite smoke joke scrape tape vape
    invite lose choose prove"""
)
_VOWELS = "aeiou"


def past_form(base: str) -> str:
    """The simple past of a verb in its base form: call -> called, plan -> planned."""
    word = base.lower()
    if word in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[word]
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ied"
    if _doubles_final_consonant(word):
        return word + word[-1] + "ed"
    return word + "ed"


def _doubles_final_consonant(word: str) -> bool:
    # Short words ending consonant-vowel-consonant double it: stop -> stopped, but
    # visit -> visited (stress on the first syllable) is longer and left alone.
    return (
        len(word) in (3, 4)
        # "opened", "ironed", "edited": stressed on the first syllable ("omitted" is not).
        and not (len(word) == 4 and word[0] in _VOWELS and word not in ("omit", "emit"))
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def plural(noun: str) -> str:
    """The plural of a countable everyday noun ("holiday" → "holidays", "party" →
    "parties", "lunch" → "lunches")."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def base_form(verb: str) -> str | None:
    """The base form of a verb that may be past, a past participle or base: called ->
    call, been -> be, call -> call
    ("calls" stays: an "-s" is as often a noun's; see ``base_of_present``). None when the
    word does not look like a verb form we can undo."""
    word = verb.lower()
    if word in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[word]
    if word in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[word]
    if word in _IRREGULAR_PAST:
        return word
    if word in ("lied", "died", "tied"):
        return word[:-1]
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 3:
        return _undo_ed(word)
    if not word.isalpha():
        return None
    return word


def base_of_present(verb: str) -> str:
    """The base of a verb known to be in the third person present: "leaves" -> "leave",
    "misses" -> "miss", "carries" -> "carry"; the inverse of ``third_person``."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "oes")):
        return verb[:-2]
    return verb[:-1]


def _undo_ed(word: str) -> str:
    stem = word[:-2]
    if word[:-1] in _E_VERBS:
        return word[:-1]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    # English words rarely end in "c", "v", "z" or "u", or "ng"-less "g": noticed,
    # loved, argued, managed all had a silent "e".
    if stem[-1] in "cvzu" or (stem[-1] == "g" and stem[-2] not in "gn"):
        return stem + "e"
    return stem


def base_of_gerund(verb: str) -> str | None:
    """The base of an "-ing" form: "bringing" -> "bring", "inviting" -> "invite",
    "letting" -> "let"; None for a word that is not one."""
    word = verb.lower()
    if not word.endswith("ing") or len(word) < 5 or not word.isalpha():
        return None
    if word in ("being", "doing", "going", "seeing", "lying", "dying", "tying"):
        return {"being": "be", "lying": "lie", "dying": "die", "tying": "tie"}.get(word, word[:-3])
    return _undo_ed(word[:-3] + "ed")


def is_past(verb: str) -> bool:
    word = verb.lower()
    if word in _IRREGULAR_PAST:  # "put", "read", "let": the present is the likelier
        return False
    return word in _IRREGULAR_BASE or (
        word.endswith("ed") and len(word) > 3 and word not in _ED_NOT_PAST
    )


# Words in "-ed" that are no past tense: "in the shed", "a hundred quid".
_ED_NOT_PAST = word_set("shed sheds greed sled hundred sacred naked wicked rugged ragged kindred")


_OBJECT = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me", "you": "you"}


def object_pronoun(subject: str) -> str:
    """ "he" -> "him"; a noun phrase ("my partner") stays as it is."""
    return _OBJECT.get(subject.lower(), subject)


# Words that may start an observation and are written in lower case mid-sentence.
_LOWER_STARTS = word_set(
    """you your you're you've you'd you'll the my we we're we've we'd we'll our it it's
    there there's this that these those he he's she she's they they're they've his her
    their when a an"""
)


def as_clause(sentence: str) -> str:
    """A sentence made ready to follow "when": no final stop, a lower-case first word
    unless it is "I" or a name."""
    text = sentence.strip().rstrip(".!?;:,").strip()
    first = text.split(" ", 1)[0]
    if first.lower() in _LOWER_STARTS:
        text = first.lower() + text[len(first) :]
    return text


# A closing quote after the stop belongs to the sentence it closes: "'I'll cook.' It's
# nine" is two sentences, the first a quotation. A point between digits ends nothing:
# "you left at 7.45", "£3.50".
SENTENCE = re.compile(r"(?:(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]*|[.!?]+)(?:['’\"”](?=\s|$))?")
# A "sentence" longer than this is read in pieces: no message to a partner has one, and
# reading 10,000 characters without a full stop as one sentence costs seconds.
LONGEST_SENTENCE = 400


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence of ``text`` with where it starts; an overlong one in pieces cut
    at a space."""
    for match in SENTENCE.finditer(text):
        start, words = match.start(), match.group()
        while len(words) > LONGEST_SENTENCE:
            cut = words.rfind(" ", 0, LONGEST_SENTENCE)
            cut = cut if cut > 0 else LONGEST_SENTENCE
            yield start, words[:cut]
            start, words = start + cut, words[cut:]
        yield start, words


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.!?])")
_REPEATED_COMMAS = re.compile(r"(?:\s*,){2,}")
# A joiner whose aside went from between two commas: "…, and [honestly], the way you act".
_JOINER_BETWEEN_COMMAS = re.compile(r",\s*(and|but|so|or|then)\s*,(?=\s)", re.IGNORECASE)


def tidy(text: str) -> str:
    """Spaces and commas left behind after words were taken out."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _REPEATED_COMMAS.sub(",", text)
    text = _JOINER_BETWEEN_COMMAS.sub(r", \1", text)
    text = text.strip(" ,;:-–—")
    return _LEADING_JOINER.sub("", text)


_LEADING_JOINER = re.compile(r"^(?:and|but|so|then|or)\s+", re.IGNORECASE)
