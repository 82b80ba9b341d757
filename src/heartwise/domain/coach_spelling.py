"""Texting spellings and shouting, read as the words they stand for.

People write to a partner the way they text, and the way they talk: "u never listen",
"ur so selfish", "dont", "WHERE ARE YOU", "yuh lef di gate open". The coach's rules are
written in plain spelling, so a draft is first read in plain spelling: "u" as "you",
"dont" as "don't", a shouted "AGAIN" as "again", "di" as "the".
Only spelling changes, never a word's meaning, so a rewrite made from the plain reading
still says only what the draft said.

``plain`` also returns, for every character of the plain reading, the position of the
draft's character it came from, so a mark found in the plain reading points into the
draft as the person wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from heartwise.domain.coach_clauses import FUNCTION_WORDS
from heartwise.domain.coach_grammar import IRREGULAR_BASES, is_past, word_set

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})

# One spelling for one word, whatever the context.
_SAME_WORD = {
    "u": "you",
    "youre": "you're",
    "ure": "you're",
    "youve": "you've",
    # Scots, Irish and Geordie: "ye're a proper numpty", "ye've left the shoes".
    "ye're": "you're",
    "ye've": "you've",
    "youd": "you'd",
    "ud": "you'd",
    "youll": "you'll",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "cldnt": "couldn't",
    "wldnt": "wouldn't",
    "shldnt": "shouldn't",
    "dnt": "don't",
    "im": "I'm",
    "ive": "I've",
    "thats": "that's",
    "whats": "what's",
    "theres": "there's",
    "wen": "when",
    "sed": "said",
    "wat": "what",
    "wot": "what",
    "coz": "because",
    "cos": "because",
    "cuz": "because",
    "bc": "because",
    "tho": "though",
    "pls": "please",
    "urself": "yourself",
    "plz": "please",
    "msg": "message",
    "msgs": "messages",
    "txt": "text",
    "txts": "texts",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2nite": "tonight",
    "tonite": "tonight",
    "2day": "today",
    "b4": "before",
    "ppl": "people",
    "rly": "really",
    "srsly": "seriously",
    "abt": "about",
    "frm": "from",
    "nvr": "never",
    "nevr": "never",
    "alwyz": "always",
    "alwys": "always",
    "allways": "always",
    "evry": "every",
    "i": "I",
    "y'all": "you",
    "yall": "you",
}
# Jamaican and Trinidadian spellings of English words: "yuh lef di gate open", "yuh
# cyaan even wash one plate", "bring it back pon empty"; and Scots ones: "ye cannae
# answer yer phone", "I telt ye". Not "mi" (I, me or my), "fi" (to or for) or "ma" (my
# or mum), whose word depends on more than the next one.
_DIALECT = {
    "di": "the",
    "inna": "in",
    "pon": "on",
    "wid": "with",
    "dat": "that",
    "dis": "this",
    "mawnin": "morning",
    "neva": "never",
    "tek": "take",
    "lef": "left",
    "cyaan": "can't",
    "cyah": "can't",
    "tink": "think",
    "ting": "thing",
    "tings": "things",
    "nutten": "nothing",
    "anyting": "anything",
    "everyting": "everything",
    "afta": "after",
    "likkle": "little",
    "mek": "make",
    "madda": "mother",
    "mudda": "mother",
    "bredda": "brother",
    "yu": "you",
    "ye": "you",
    "ye'd": "you'd",
    "ye'll": "you'll",
    "dae": "do",
    "wi": "with",
    "tae": "to",
    "cannae": "can't",
    "dinnae": "don't",
    "didnae": "didn't",
    "isnae": "isn't",
    "wisnae": "wasn't",
    "wouldnae": "wouldn't",
    "couldnae": "couldn't",
    "havnae": "haven't",
    "havenae": "haven't",
    "aboot": "about",
    "telt": "told",
    "whit": "what",
}
# "yuh" is "your" before what is someone's ("yuh madda", "yuh car"), and "you" before
# what someone does ("yuh lef", "yuh cyaan", "yuh always").
_YOUR_BEFORE = word_set(
    """madda mudda mother mum mam dad fadda bredda brother sister bredren friend friends
    ex car phone work job money tings things clothes family cousin cousins own baby
    pickney house yard plate food mouth head face wife husband man woman gyal boss
    mates mate crew people church"""
)
# "an" is "and" before a word that does not open with a vowel sound ("an bring it
# back"); an article before one ("an hour") or before letters ("an MOT", "an X-ray").
_AN_IS_AN = re.compile(r"^(?:[aeiouhAEIOUH]|[A-Z](?:[A-Z]|-|$))")
# "2" is "to" before whom or where it goes ("dont lie 2 me", "went 2 the pub"), and "4"
# is "for" before whom or what it is for ("late 4 my stuff"); a number elsewhere ("2
# hours", "4 days").
_TO_BEFORE = word_set("me you u him her us them the my your ur our work bed school")
_NUMBER_AS_WORD = {"2": "to", "4": "for"}
# "r" is "are" after who is ("u r late", "we r done"); a letter elsewhere ("plan r").
_R_AFTER = word_set("u you we they")
# "ya" is "you" only before what a subject does: "ya nvr text back", "ya left the gate
# open", "then ya wonder why". Not "Ya Allah", "ya know", "see ya later", or "ya" as yes;
# nor before "always" or "just", after which it is as often "you're" ("ya alwys on ur
# phone").
_YA_IS_YOU_BEFORE = word_set(
    """never didn't don't can't won't couldn't wouldn't wonder think thought said
    promised forgot left went told"""
)
# Jamaican "nuh" and Trinidadian "doh" are "don't" after the one who does not do it
# ("yuh nuh call", "you doh pay"); elsewhere "nuh" is a tag ("yuh hear me, nuh?"), and
# after "mi" as often "not" ("mi nuh fool").
_NUH_AFTER = word_set("you yuh u we dem him she he")
# "ain't" after who does it, in the English of the American South and of Black
# Americans: before "never" it only doubles the negative ("you ain't never took my
# side": you never took it); before a plain verb it is "didn't" ("you ain't text
# back"); before a participle "haven't" ("you ain't been home"); otherwise "aren't" or
# "isn't" ("you ain't listening", "it ain't that deep", "I ain't pressed").
_AINT_AFTER = {
    **dict.fromkeys(("you", "yuh", "u", "we", "they", "y'all", "dem"), ("aren't", "haven't")),
    **dict.fromkeys(("he", "she", "it", "that", "this"), ("isn't", "hasn't")),
    "i": ("am not", "haven't"),
}
_PLAIN_VERBS = IRREGULAR_BASES | word_set(
    """text call answer reply listen help clean cook pick ask show wash check visit pay
    care tell say bother try move open close wait stay"""
)
_PARTICIPLES = word_set("been done seen gone had got gotten heard told said called")
# After these the next word would say which; "ain't half" is Cockney for "really".
_AINT_UNCLEAR = word_set("even just really ever no half alf") | {""}
_DROPPED = ""  # a word that is read as nothing, with the space after it
# Not "I ain't never": "I am never getting in a car with you again" is a vow, not a fact.
_BE = {"aren't": "are", "isn't": "is"}
# Words that open what a verb is done to: "lifted | a finger", "paid | the rent".
_OBJECT_STARTS = word_set(
    """a an the my your his her our their one any anything nothing me us them him it
    this that these those"""
)


def _aint(previous: str, following: str, later: str) -> str | None:
    """What "ain't" says between ``previous`` and ``following`` (``later`` comes after
    that); None when it cannot tell."""
    plain = _AINT_AFTER.get(previous.lower())
    if plain is None or following in _AINT_UNCLEAR or following.startswith("'"):
        return None
    if following == "never":
        # "you ain't never took": you never took; "you ain't never on time": you are
        # never on time, which the absolute rules read as "you are not on time".
        done = later == "once" or _a_verb(later)
        return _DROPPED if done else _BE.get(plain[0])
    if following in _PARTICIPLES:
        return plain[1]
    if following in _PLAIN_VERBS:
        return "didn't"
    if _a_verb(following) and later in _OBJECT_STARTS:
        return plain[1]  # "you ain't lifted a finger": you haven't lifted one
    return plain[0]  # "you ain't invited", "I ain't bothered"


def _a_verb(word: str) -> bool:
    return word in _PLAIN_VERBS or word in _PARTICIPLES or is_past(word)


# Short forms that are words only in lower case: "me n you", "start w me", "not rn"; a
# capital "N" or "W" is a letter or a name ("plan B or plan N"), "RN" a nurse.
_LOWER_CASE_ONLY = {"n": "and", "w": "with", "rn": "right now"}

# "ur" is "you're" before a description or a verb in -ing, and "your" before a noun.
_YOURE_BEFORE = word_set(
    """so such a an the being always never not just really literally obviously clearly
    too very only still honestly seriously like gonna going doing making trying acting
    lowkey highkey
    lying late busy right wrong mad angry upset home out back on at in off with never
    ever sure kidding joking
    useless hopeless annoying mid lazy selfish rude boring cringe toxic delulu pathetic
    clueless stupid dumb weird petty sus childish immature"""
)
_WORD = re.compile(r"[A-Za-z0-9']+")
# Shouted words that are plainly ordinary words, not names or acronyms ("TV", "PS5").
_EMPHASIS = word_set(
    """again one once every never ever still now right told said asked thing things
    nothing everything anything only late today tonight always seriously literally
    really listen answer phone where are call text why what how who stop"""
)


# Acronyms are short ("TV", "NHS", "ASAP"); a longer word in capitals is shouted.
SHOUTED_LENGTH = 5


@lru_cache(maxsize=16)  # the coach reads one draft several ways; spell it out once
def plain(text: str) -> tuple[str, tuple[int, ...]]:
    """The draft in plain spelling, and where each of its characters came from. A
    shouted ordinary word is lowered; a draft written all in capitals is lowered
    throughout."""
    text = text.translate(APOSTROPHES)
    shouted = _mostly_capitals(text)
    words = list(_WORD.finditer(text))
    spoken = _spoken_punctuation(text, [w.group().lower() for w in words])
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for index, match in enumerate(words):
        following = words[index + 1].group() if index + 1 < len(words) else ""
        previous = words[index - 1].group() if index else ""
        if _in_a_compound(text, match):  # "Wi-Fi" is no "with"
            spelled = spoken.get(index, match.group())
        else:
            earlier = words[index - 2].group() if index > 1 else ""
            later = words[index + 2].group() if index + 2 < len(words) else ""
            spelled = spoken.get(
                index, _plain_word(match.group(), previous, following, shouted, earlier, later)
            )
        if spelled == match.group():
            continue
        pieces.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        pieces.append(spelled)
        last = match.end() - 1
        origin.extend(min(match.start() + i, last) for i in range(len(spelled)))
        position = match.end()
        if spelled == _DROPPED and text[position : position + 1] == " ":
            position += 1  # "you ain't never": "you never", one space between
    pieces.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(pieces), tuple(origin)


def _in_a_compound(text: str, match: re.Match[str]) -> bool:
    return (
        text[match.end() : match.end() + 1] == "-" or text[match.start() - 1 : match.start()] == "-"
    )


# Punctuation said aloud to a phone's dictation: "you forgot full stop".
_SPOKEN_MARKS = {("full", "stop"): ".", ("question", "mark"): "?", ("exclamation", "mark"): "!"}


def _spoken_punctuation(text: str, lower: list[str]) -> dict[int, str]:
    """Where dictated punctuation stands, by word index, and the mark it stands for
    ("" for the second word of a pair). Only in a draft without any punctuation of its
    own, where the words can be nothing else."""
    if any(mark in text for mark in ",.!?;"):
        return {}
    found: dict[int, str] = {}
    for i, word in enumerate(lower):
        if i == 0:
            continue  # a draft opening "Comma…" is about a comma
        pair = (word, lower[i + 1]) if i + 1 < len(lower) else None
        if pair in _SPOKEN_MARKS:
            found[i], found[i + 1] = _SPOKEN_MARKS[pair], ""
        elif word == "comma" and i + 1 < len(lower):
            found[i] = ","
    return found


def plain_text(text: str) -> str:
    return plain(text)[0]


# Before "yr" these say it is a year ("every yr", "last yr"), not "your".
_YEAR_AFTER = word_set("a one every single this last next per that each")


# A letter held for effect at a word's end: "askkk", "lazyyy", "omggg", "nowww". Only
# letters no English word ends on three times over, and never "s", "l", "e", "o" or "f"
# ("yesss" may be "yes" or "mess"; "welll", "freee", "tooo", "offf" have their double).
_HELD_LETTER = re.compile(r"([bcdghkmnprtwyz])\1{2,}$", re.IGNORECASE)


def _plain_word(
    word: str, previous: str, next_word: str, shouted: bool, earlier: str = "", later: str = ""
) -> str:
    """``word`` in plain spelling, read beside the words around it (``earlier`` is the
    one before ``previous``, ``later`` the one after ``next_word``)."""
    word = _HELD_LETTER.sub(r"\1", word)
    lower, before, following = word.lower(), previous.lower(), next_word.lower()
    if word == "r" and before in _R_AFTER:
        return "are"
    if lower == "yr" and (before in _YEAR_AFTER or before.isdigit()):
        return word  # "every single yr", "last yr", "2 yr": a year
    if lower == "ya" and _SAME_WORD.get(following, following) in _YA_IS_YOU_BEFORE:
        return "You" if word[0].isupper() else "you"
    if lower in ("nuh", "doh") and before in _NUH_AFTER:
        return "don't"
    if lower in ("ain't", "aint"):
        aint = _aint(before, following, later.lower())
        if aint is not None:
            return aint
    # Nigerian Pidgin "you no dey call" is "you do not call", a word for a word.
    if lower == "no" and before in _NUH_AFTER and following == "dey":
        return "do"
    if lower == "dey" and before == "no" and earlier.lower() in _NUH_AFTER:
        return "not"
    if lower == "yuh":
        spelled = "your" if following in _YOUR_BEFORE else "you"
        return spelled.capitalize() if word[0].isupper() else spelled
    if lower in ("ur", "yer", "yr"):
        following = _SAME_WORD.get(following, following)  # "ur alwyz late": "always"
        doing = following.endswith(("ing", "in'"))  # "yer comin'"
        spelled = "you're" if following in _YOURE_BEFORE or doing else "your"
        return spelled.capitalize() if word[0].isupper() else spelled
    if word == "an" and next_word and not _AN_IS_AN.match(next_word) and not shouted:
        return "and"
    if lower in _DIALECT and not (word.isupper() and len(word) > 1 and not shouted):
        spelled = _DIALECT[lower]
        return spelled.capitalize() if word[0].isupper() else spelled
    if word in _LOWER_CASE_ONLY:
        return _LOWER_CASE_ONLY[word]
    if word in _NUMBER_AS_WORD and following in _TO_BEFORE:
        return _NUMBER_AS_WORD[word]
    if lower in _SAME_WORD:
        spelled = _SAME_WORD[lower]
        return spelled[0].upper() + spelled[1:] if word[0].isupper() else spelled
    capitals = len(word) > 1 and word.isupper() and word.replace("'", "").isalpha()
    ordinary = lower in _EMPHASIS or lower in FUNCTION_WORDS or len(word) >= SHOUTED_LENGTH
    if capitals and (shouted or ordinary):
        return "I" + lower[1:] if lower.startswith("i'") else lower
    return word


def shouts(text: str) -> bool:
    """Whether the draft shouts: written all in capitals, or with an ordinary word in
    capitals ("AGAIN", "ONE thing"); names and acronyms ("TV", "NHS") do not count."""
    if _mostly_capitals(text):
        return True
    for match in _WORD.finditer(text.translate(APOSTROPHES)):
        word = match.group()
        lower = word.lower()
        ordinary = lower in _EMPHASIS or lower in FUNCTION_WORDS or len(word) >= SHOUTED_LENGTH
        if len(word) >= 3 and word.isupper() and ordinary:
            return True
    return False


def _mostly_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    words = _WORD.findall(text)
    upper = sum(ch.isupper() for ch in letters)
    return len(words) >= 2 and len(letters) >= 6 and upper >= 0.8 * len(letters)


def back(span: tuple[int, int], origin: Sequence[int]) -> tuple[int, int]:
    """A span of the plain reading as a span of the draft."""
    start, end = span
    if not origin:
        return span
    first = origin[min(start, len(origin) - 1)]
    last = origin[min(max(end - 1, start), len(origin) - 1)] + 1
    return first, max(last, first + 1)
