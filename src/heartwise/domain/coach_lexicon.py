"""The coach's own word lists: harsh phrases it marks and takes out, and topics.

The analyser's blame markers (``analysis/rules.py``) say where a draft is harsh; these
phrases add the short ones it leaves unmarked ("Typical.", "Seriously?") and say how the
rewrite treats each: take out the words (``phrase``), or leave out the rest of the
sentence from the phrase on (``clause``), or the whole sentence (``sentence``). Whatever
is left out is marked, so the person sees why it went.

Written for heartwise from its own understanding of blaming language; never fitted to
the held-out messages in ``data/coach/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that judge a person rather than describe an act.
JUDGEMENTS = (
    r"selfish|lazy|useless|pathetic|ridiculous|childish|immature|cold|heartless|impossible|"
    r"inconsiderate|careless|irresponsible|hopeless|awful|terrible|toxic|crazy|insane|"
    r"unbelievable|rude|mean|cruel|clueless|dramatic|paranoid|obsessed|embarrassing|"
    r"unreliable|disgusting|a joke|a mess|a disaster|a child|a baby|a liar|a cheat|"
    r"a jerk|a coward|an idiot|a loser|the worst|so fake|fake|two-faced|spineless|weak|"
    r"controlling|needy|clingy|heartless|ungrateful|unfair|stupid|dumb|useless|"
    r"a narcissist|a nightmare|unbearable|out of your mind|(?:acting|behaving) like an? \w+"
)
INSULTS = (
    r"idiot|moron|loser|pathetic|stupid|jerk|clown|coward|liar|cheater|narcissist|"
    r"psycho|dumb|useless|idiotic"
)


# A judging word left once the phrases around it are gone ("you you selfish"): the
# clause it is in is left out rather than passed on.
STILL_HARSH = re.compile(rf"\b(?:{JUDGEMENTS}|{INSULTS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Phrase:
    kind: str  # one of the analyser's marker kinds
    action: str  # phrase, clause or sentence
    pattern: re.Pattern[str]


def _phrases(kind: str, action: str, *patterns: str) -> list[Phrase]:
    return [Phrase(kind, action, re.compile(p, re.IGNORECASE)) for p in patterns]


PHRASES: tuple[Phrase, ...] = (
    *_phrases(
        "contempt",
        "sentence",
        r"\b(?:wow|gee),? thanks?\b",
        r"\bthanks (?:a lot|for nothing)\b",
        r"\bwhat (?:are|were) you hiding\b",
        r"\b(?:talk to|go find) (?:someone|somebody) who cares\b",
    ),
    *_phrases(
        "criticism",
        "phrase",
        rf"\b(?:what(?:'s| is) wrong with you|you(?:'re| are)(?: (?:so|such|being|acting|"
        r"just|really|totally|completely|honestly|like|always|a|an|the|literally))* "
        rf"(?:{JUDGEMENTS}))\b",
        rf"\bsuch an? (?:{INSULTS}|joke|mess|child|baby)\b",
    ),
    *_phrases(
        "contempt",
        "phrase",
        r"^\s*(?:oh|ah),? (?:great|wonderful|perfect|sure|please|really|brilliant|lovely)\b[,!.]*",
        r"^\s*(?:wow|seriously|typical(?: you)?|unbelievable|unreal|classic|shocking|"
        r"incredible|amazing|nice one|well done|great job|congratulations|congrats|"
        r"of course|yeah right|what a (?:joke|surprise|shock)|big surprise|"
        r"how convenient|no surprise there|lol|haha)\b[,!?.]*",
        r"\b(?:typical|unbelievable|unreal|seriously)\s*[.!?]+\s*$",
        r"\b(?:grow up|get a life|give me a break|get over (?:it|yourself)|shut up(?: about)?)\b",
        r"\b(?:see if i care|like i care|who cares)\b",
        r"\b(?:you )?(?:stupid|pathetic|useless) (?:idiot|moron|loser|jerk|clown)\b",
        rf"\b(?:you )?(?:{INSULTS})\b",
        r"\blike (?:a normal person|an adult|a grown-up|a child|a teenager|a baby|a robot)\b",
        r"\bof all people\b",
    ),
    *_phrases(
        "accusation",
        "phrase",
        r"\b(?:admit it|stop lying|don't lie(?: to me)?|you(?:'re| are) lying|you lied(?: to me)?|"
        r"don't pretend(?: you (?:were|are|didn't|don't)| to be)?[^,.!?]*|"
        r"and you know it|don't (?:act|play) (?:innocent|dumb)|"
        r"(?:on purpose|deliberately)(?: (?:to|just to) (?:hurt|embarrass|annoy|upset|punish) me)?|"
        r"you don't (?:even |really )?care (?:that|if))\b",
    ),
    *_phrases(
        "accusation",
        "clause",
        r"\byou (?:obviously|clearly|secretly|probably) ",
        r"\byou (?:only|just) (?:want|care|think about|love)\b",
        r"\byou don't (?:even |really |actually )?(?:care|love me|want me|want to be|respect|"
        r"think about)\b",
        r"\byou (?:never )?cared\b",
        r"\byou want (?:to get away|out|someone else)\b",
    ),
    *_phrases("accusation", "phrase", r"(?<=\byou )only\b"),
    *_phrases(
        "threat",
        "phrase",
        r",?\s*\bor (?:else|we(?:'re| are) done|i(?:'m| am) (?:leaving|done|gone|out)|"
        r"it(?:'s| is) over)\b[^.!?]*",
    ),
    *_phrases(
        "threat",
        "sentence",
        r"\b(?:last chance|you(?:'ll| will) regret|i(?:'m| am) leaving you|we(?:'re| are) done|"
        r"i(?:'ll| will) leave you|it(?:'s| is) over|watch what happens|you(?:'ll| will) see|"
        r"don't (?:bother|come back|come home)|i'm done with you|find someone else)\b",
    ),
    *_phrases(
        "stonewalling",
        "sentence",
        r"^\s*(?:whatever|fine|ok(?:ay)? then|k|forget it|never ?mind|nothing)\s*[.!]*\s*$",
        r"\b(?:do what(?:ever)? you want|leave me alone|i(?:'m| am) done(?: talking)?|"
        r"i don't care anymore|not discussing this|i(?:'m| am) not talking about (?:this|it)|"
        r"don't talk to me|don't text me|talk to the hand|forget it|i give up)\b",
    ),
    *_phrases(
        "absolute",
        "phrase",
        r"\b(?:always|constantly|all the time|forever|24/7|like always|as usual|as always|"
        r"yet again|once again|every single day)\b",
    ),
)

# Words that add heat but no facts; taken out quietly, without a mark of their own.
SOFTENERS = re.compile(
    r"\b(?:even|just|seriously|literally|honestly|again|anymore|already|for once|ever|"
    r"i can't believe(?: that)?|i cannot believe(?: that)?|clearly|obviously|"
    r"of course|at all|whatsoever)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Topic:
    """What a draft is about, judged by its words, and what fits that subject."""

    name: str
    words: re.Pattern[str]
    feelings: tuple[str, str, str]
    requests: tuple[str, str]


def _topic(
    name: str, words: str, feelings: tuple[str, str, str], requests: tuple[str, str]
) -> Topic:
    return Topic(name, re.compile(rf"\b(?:{words})", re.IGNORECASE), feelings, requests)


# First match wins; the requests are positive, concrete and doable, and name no time,
# place or person, so choosing one adds no fact the draft did not give.
TOPICS: tuple[Topic, ...] = (
    _topic(
        "presence",
        r"on (?:your|the) phone|your phone at|phone at dinner|scroll|screen|distracted|"
        r"half.listen|not listening",
        ("lonely", "sad", "frustrated"),
        (
            "put the phones away for a while when we're together",
            "tell me when you need a few minutes for something else",
        ),
    ),
    _topic(
        "contact",
        r"text|messag|call|phone|answer|repl|respond|read|seen|online|location|hear from|"
        r"silen|ghost",
        ("anxious", "worried", "lonely"),
        (
            "send me a short message when you know you'll be out of reach",
            "tell me roughly when you'll be free to talk",
        ),
    ),
    _topic(
        "others",
        r"\bex\b|ex's|her photo|his photo|flirt|coworker|colleague|she |he |\bher\b|\bhim\b|"
        r"girl|guy|\bwom[ae]n|\bm[ae]n\b|instagram|follow|liked ",
        ("insecure", "anxious", "left out"),
        (
            "tell me a little about it when something like this comes up",
            "talk with me about what would help me feel more secure",
        ),
    ),
    _topic(
        "plans",
        r"plan|cancel|late|promis|forg[eo]t|birthday|anniversar|date|weekend|dinner|"
        r"holiday|trip|ticket|wait|minute|hour|tonight|evening|party|bar|game",
        ("disappointed", "hurt", "sad"),
        (
            "let me know as soon as you think plans might change",
            "choose one evening with me that we both keep",
        ),
    ),
    _topic(
        "home",
        r"dish|laundry|chore|clean|cook|shopping|groceri|bin|mess|house|money|bill|rent|"
        r"spend|kids|help",
        ("overwhelmed", "exhausted", "frustrated"),
        (
            "sit down with me and share out the jobs",
            "pick one of these jobs that will be yours",
        ),
    ),
    _topic(
        "closeness",
        r"time for me|together|attention|listen|love|care|first|friends|family|introduce|"
        r"distant|cold|busy|work",
        ("lonely", "hurt", "sad"),
        (
            "plan some time for just the two of us",
            "tell me one thing that would help us feel closer",
        ),
    ),
)
DEFAULT_TOPIC = Topic(
    "other",
    re.compile(r"(?!)"),
    ("hurt", "sad", "worried"),
    (
        "talk about this with me when you have a moment",
        "tell me how this looks from your side",
    ),
)
AFTER_SHUTTING_DOWN = "take a short break with me and come back to this when we're both calm"


def topic_of(text: str) -> Topic:
    for topic in TOPICS:
        if topic.words.search(text):
            return topic
    return DEFAULT_TOPIC
