"""Questions and orders that carry a request or an observation inside their blame.

"Is it too much to ask that you show up on time?" asks for something: "show up on time".
"When was the last time you asked about my day?" too: "ask about my day". "Either you
delete her number or we're finished" wants "delete her number". "Don't walk away from
me when I'm talking" describes what happened: "you walk away from me when I'm talking".
"Stop interrupting me" too: "you're interrupting me". The coach keeps what is inside
and lets the frame go; the blame rules then read what is kept like any other words.

Only verbs a person can simply do become requests ("call", "ask", "come home"), never
verbs of the mind ("care", "love"); only acts a person can see become observations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heartwise.domain.coach_cues import NOT_UNDERSTOOD
from heartwise.domain.coach_grammar import base_form, base_of_present, word_set

_I = re.IGNORECASE
_REQUEST_FRAMES = (
    re.compile(r"^are you (?:ever|even|actually|really) (?:going|gonna) to (.+)$", _I),
    re.compile(
        r"^(?:do|did|will|would|can|could|can't|won't|couldn't) you "
        r"(?:ever |even |actually )+(?:just )?(.+)$",
        _I,
    ),
    re.compile(r"^when was the last time you (?:actually |even |ever |really )?(.+)$", _I),
    re.compile(
        r"^(?:why is it|how is it|how hard is it|how hard can it be|how difficult is it|"
        r"is it (?:really )?that hard)(?: so (?:hard|difficult))?(?: for you)? to (.+)$",
        _I,
    ),
    re.compile(
        r"^(?:can|could|will|would) you (?:please )?(?:just )?stop [^,.!?]+?,? and "
        r"(?:just |actually |please |maybe )?(.+)$",
        _I,
    ),
    re.compile(r"^either you (.+?),? or\b.*$", _I),
    # "Must be nice being too busy to pick up the kids", "too important to reply?"; "you
    # were too busy to notice I was crying" asks for nothing and is read on as it stands.
    re.compile(r"^(?!i\b|i'm\b|we\b).*?\btoo (?:busy|important|good|cool) to (.+)$", _I),
    re.compile(
        r"^(?:maybe |perhaps )?(?:you could|try (?:and |to )?)(?:actually |just |even )?(.+?)"
        r"(?: for once| this time| for a change)?(?:,? instead of .*)?$",
        _I,
    ),
)
# Questions and complaints that exist only to say how little was asked: "would it kill
# you to ...", "you could at least ...". What they ask for is kept when it is something a
# person can simply do; otherwise nothing of the sentence is ("you could at least
# pretend to care" is blame through and through, not something that happened).
_RHETORICAL_FRAMES = (
    # "Is it too much to ask that you show up on time?", "is it really too much to water
    # the tomatoes?"
    re.compile(
        r"^is (?:it|that) (?:really |actually )?too much (?:for you )?to "
        r"(?:ask (?:that |for )?(?:you )?(?:to )?)?(.+)$",
        _I,
    ),
    re.compile(
        r"^how many (?:more )?(?:reminders|times|hints|texts|messages) does it take "
        r"(?:for you |you )?to (.+)$",
        _I,
    ),
    # "What part of 'pick up milk' was confusing?": the request, quoted back as a taunt.
    re.compile(
        r"^(?:what|which) (?:bit|part) of ['\"‘“]([^'\"’”]{2,60})['\"’”]\s+"
        + NOT_UNDERSTOOD
        + ".*$",
        _I,
    ),
    # "Would it kill you to put the bins out?", "did it ever cross your mind to ask me?"
    re.compile(r"^would it (?:actually |really |honestly )?(?:kill|hurt) you to (.+)$", _I),
    re.compile(r"^did it (?:ever |not |never )?(?:cross your mind|occur to you) to (.+)$", _I),
    # "You can't even be bothered to text me goodnight anymore." Not "don't bother
    # coming home": that sends away rather than asks.
    re.compile(r"^(?:you )?(?:can't|couldn't|won't) (?:even )?be bothered to (.+)$", _I),
    re.compile(r"^you (?:don't|didn't) (?:even )?bother (?:to )?(.+)$", _I),
    # "You could at least have called": what was wanted, asked for from now on.
    re.compile(r"^(?:you )?could(?:n't you)? (?:at least|even|not even) (?:have )?(.+)$", _I),
    # "Is it beyond you to replace the loo roll?"
    re.compile(r"^is (?:it|that) (?:really |actually )?beyond you to (.+)$", _I),
    # "You'd know if you ever asked about my day": what was not done, asked for.
    re.compile(
        r"^you(?:'d| would) know (?:that |this |it )?if you (?:ever |even |actually )?(.+)$", _I
    ),
)
# Praise that opens a complaint and means its opposite: "Great, so you've cancelled
# again", "Nice one, you locked us out". What follows is said plainly and is what
# happened. Praise for something done ("well done, you actually/finally/managed to ...")
# is sarcasm about the act itself, so nothing of it is kept. ``LEAD`` has already taken
# a leading "well" off "well done".
_PRAISE_THEN_FACT = (
    re.compile(
        r"^(?:great|perfect|brilliant|lovely|wonderful|fantastic|nice|cool),? so (you\b.+)$", _I
    ),
    re.compile(
        r"^(?:done|nice one|good job|great job|bravo),? (you\b(?! (?:actually|finally|managed|"
        r"remembered|bothered|even|did it|made it)\b).+)$",
        _I,
    ),
)
# A question that asks what sort of person would do it, and so says what was done:
# "Who leaves a wet towel on the laptop?", "What kind of father misses his son's first
# match?" The act stays, said of the partner; "his son's" is "your son's".
_WHO_DOES = re.compile(
    r"^(?:who|what (?:kind|sort) of (?:an? )?(?:\w+ )?(?:person|man|woman|husband|wife|"
    r"father|dad|mother|mum|mom|partner|boyfriend|girlfriend|adult|grown (?:man|woman)|"
    r"human(?: being)?|parent))(?: in (?:their|his|her) right mind)?"
    r"(?: (?:even|actually|seriously|honestly|just|still))? "
    r"(?!is\b|was\b|has\b|does\b|says\b|thinks\b|knows\b|cares\b|needs\b)"
    r"([a-z]+[^s\W]s|[a-z]+(?:sses|shes|ches|xes|oes))\b(.*)$",
    _I,
)
_THEIR_OWN_PARTNER = re.compile(
    r"\b(?:their|his|her) (?:own )?(?:partner|wife|husband|girlfriend|boyfriend|fianc[ée]e?)"
    r"(?:('s|’s)|\b)",
    _I,
)
# "… and then books a stag do": the next act, said of the partner as well.
_AND_THEN_DOES = re.compile(
    r"\b(and (?:then )?(?:just )?)(?!is\b|was\b|has\b|does\b)"
    r"([a-z]+[^s\W]s|[a-z]+(?:sses|shes|ches|xes|oes))\b"
)
_THEIR = re.compile(r"\b(?:their|his)(?: own)? (?=\w)|\bher own (?=\w)", _I)
# "... or should I just give up", "... or we're done": what follows the request.
_OR_ELSE = re.compile(r",?\s+or\s+(?:should|else|i|i'm|i'll|we|we're|it|it's|you'll)\b.*$", _I)
# What keeps score rather than asks: "text me goodnight | anymore", "ask me | for once".
_SCOREKEEPING_TAIL = re.compile(
    r",?\s+(?:any ?more|these days|lately|for once|for a change|once in a while|"
    r"like a normal person|like everyone else)$",
    _I,
)
_STOP_ASKED = re.compile(
    r"^(?:can|could|will|would) you (?:please )?(?:just )?stop (\w+ing)\b(.*)$", _I
)
_DONT = re.compile(r"^(?:please )?don't (?:you )?(?:dare |ever )?(\w+)(.*)$", _I)
_STOP = re.compile(r"^(?:please )?(?:stop|quit) (\w+ing)\b(.*)$", _I)
# What may follow "would you be willing to": things a person can do on request.
DOABLE = word_set(
    """ask call ring text message answer reply tell come show help pick put take clean wash
    tidy cook book pay send bring let give talk listen look meet wait stay plan check
    keep spend delete stop start try walk drive feed empty load unload charge sort fix
    move invite introduce include remember say share sit go turn switch hang leave
    get do make write eat join visit return collect use wear water buy order pack drop
    fetch hoover iron mow lock close open rinse wipe fill replace refill"""
)
# Acts a person can see, which a "don't" or "stop" can turn into what happened.
SEEN = word_set(
    """walk hang shout yell raise interrupt roll swear slam laugh speak snap turn storm
    ignore go leave use take read check touch throw talk smoke drink drive play text call
    scroll game bring change cancel make invite move spend eat sleep"""
)
# Verbs that say what the speaker thinks of the act rather than what it was.
JUDGING = word_set(
    """lie lying act acting pretend pretending moan moaning whine whining nag nagging
    sulk sulking be being treat treating play playing string stringing mess messing make
    making lecture lecturing patronise patronising patronize patronizing bother"""
)


@dataclass(frozen=True)
class Turn:
    """What a blaming frame carries: a request, or an observation to read on."""

    request: str | None = None
    situation: str | None = None


def turn(sentence: str) -> Turn | None:
    """The request or observation inside ``sentence``'s frame; None when it has none. A
    rhetorical frame with nothing doable inside gives a ``Turn`` with neither: the whole
    sentence is blame, and nothing of it is kept."""
    text = sentence.strip()
    for frame in _RHETORICAL_FRAMES:
        found = frame.match(text)
        if found:
            return Turn(request=_wanted(found.group(1)))
    for frame in _REQUEST_FRAMES:
        found = frame.match(text)
        if found:
            wanted = _wanted(found.group(1))
            return Turn(request=wanted) if wanted else None
    for frame in _PRAISE_THEN_FACT:
        found = frame.match(text)
        if found:
            return Turn(situation=found.group(1))
    who = _WHO_DOES.match(text)
    if who:
        return Turn(situation=_what_was_done(who))
    dont = _DONT.match(text)
    if dont and dont.group(1).lower() in SEEN and _about_me(dont.group(2)):
        return Turn(situation=f"you {dont.group(1).lower()}{dont.group(2)}")
    stop = _STOP.match(text) or _STOP_ASKED.match(text)
    if stop:
        verb = stop.group(1).lower()
        if verb not in JUDGING and (base_form(verb[:-3]) or "") not in JUDGING:
            return Turn(situation=f"you're {verb}{stop.group(2)}")
    return None


def _what_was_done(who: re.Match[str]) -> str:
    """ "Who forgets their own partner's surgery?" -> "you forget my surgery"."""
    rest = _THEIR_OWN_PARTNER.sub(lambda m: "my" if m.group(1) else "me", who.group(2))
    rest = _THEIR.sub("your ", rest)
    rest = _AND_THEN_DOES.sub(lambda m: m.group(1) + base_of_present(m.group(2)), rest)
    rest = re.sub(r"\bdoesn't\b", "don't", rest, flags=_I)
    return f"you {base_of_present(who.group(1).lower())}{rest}"


def _wanted(asked: str) -> str | None:
    return _doable(_SCOREKEEPING_TAIL.sub("", _OR_ELSE.sub("", asked)))


# "Be" asks for a state of mind ("be nicer"), except in these, which are things a
# person can simply do: "can't you ever be on time?" asks for "be on time".
_DOABLE_BE = re.compile(r"^be (?:on time|home|ready|back|there on time)\b", _I)


def _doable(wanted: str) -> str | None:
    words = wanted.strip().split()
    if not words:
        return None
    if _DOABLE_BE.match(wanted.strip()):
        return wanted.strip()
    verb = base_form(words[0])
    if verb is None or verb not in DOABLE:
        return None
    return " ".join([verb, *words[1:]])


def _about_me(rest: str) -> bool:
    # "Don't walk away from me", "don't hang up on me", "don't shout when I'm talking":
    # an act done to the writer, as is "don't talk to me like that". "Don't talk to me
    # tonight" is a wish, not an act seen.
    return bool(
        re.search(
            r"\b(?:on me|at me|over me|from me|away|when i|while i|in front of|"
            r"to me like (?:that|this)|to me that way|to me in that tone)\b",
            rest,
            _I,
        )
    )
