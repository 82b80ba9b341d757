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

from heartwise.domain.coach_clauses import MENTAL
from heartwise.domain.coach_cues import BLAMING_ACTS, NOT_UNDERSTOOD
from heartwise.domain.coach_grammar import (
    base_form,
    base_of_gerund,
    base_of_present,
    is_past,
    past_form,
    word_set,
)

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
        r"is it (?:really |actually |honestly )?(?:that |so |this |physically )?"
        r"(?:hard|difficult|painful|impossible))(?: so (?:hard|difficult))?(?: for (?:you|u))? "
        r"to (.+?)(?:,? or (?:what|something)\b.*)?$",
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
    # "How many times do I have to ask you to take the bins out?", "how often must I
    # remind you to feed the cat": the request, asked once.
    re.compile(
        r"^how (?:many (?:more )?times|often) (?:do|must|will|have|did|should) i "
        r"(?:have to |need to |got to |gotta )?(?:ask|tell|beg|remind|asked|told|begged|"
        r"reminded) (?:you|u) to (.+)$",
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
# A verdict that someone cannot do a plain thing: "you're incapable of being on time",
# "are you physically unable to put a plate in the dishwasher, or what?". The thing is
# asked for, when a person can simply do it; the verdict is not kept either way.
_INCAPABLE = re.compile(
    r"^(?:are (?:you|u)|(?:you|u)(?:'re|’re| are| seem(?: to be)?)|ur)"
    r"(?: (?:just|simply|completely|totally|genuinely|physically|actually|honestly|really))?"
    r" (?:(?:incapable|not capable) of (?P<doing>[a-z]+ing\b.*?)|unable to (?P<do>[a-z].*?))"
    r"(?:,? or (?:is it|are you|what)\b.*)?$",
    _I,
)
# "It's a bit rich to lecture me about my phone when you read the news through our
# anniversary dinner": the lecture is what the writer objects to having heard; what the
# partner did is after "when". Only when it says "you": "…while that metal detector
# sits in the hall" names a thing, which the subject rules read better.
_BIT_RICH = re.compile(
    r"^(?:(?:it's|that's|it is|that is) )?(?:a )?(?:bit |little )?rich,? (?:of you )?"
    r"(?:to )?[a-z]+(?:ing)?\b.*?\b(?:when|while|whilst) ((?:you|your|u|ur)\b.{8,})$",
    _I,
)
# "Since when do you get to decide where we spend Christmas?" asks nothing: it says what
# the partner does ("you decide where we spend Christmas"). Not of the mind: "since when
# do you care what I eat" is a jibe, and "since when do you like olives" only curious.
_SINCE_WHEN = re.compile(
    r"^since when (?:do|did) (?:you|u) (?:get to |have to |go and |just )?([a-z]+)\b(.*)$", _I
)
_OF_THE_MIND = MENTAL | word_set("fancy start")
# Words of praise that, in a harsh draft, mean their opposite: "Magnificent, the dog's eaten
# the cake", "Cracking idea to bring the kids round", "Och, smashing, I do love finding…".
_PRAISE = (
    r"(?:cracking|brilliant|wonderful|superb|outstanding|great|fantastic|amazing|stellar|"
    r"lovely|genius|smart|clever|inspired|excellent|fab|fabulous|terrific|stunning|"
    r"magnificent|marvell?ous|nice|cool|solid|impressive|smashing|classy|gorgeous|perfect|"
    r"delightful|awesome|beautiful|grand)"
)
# Praise that opens a complaint and means its opposite: "Great, so you've cancelled
# again", "Nice one, you locked us out". What follows is said plainly and is what
# happened. Praise for something done ("well done, you actually/finally/managed to ...")
# is sarcasm about the act itself, so nothing of it is kept. ``LEAD`` has already taken
# a leading "well" off "well done".
_PRAISE_THEN_FACT = (
    # "Magnificent, the dog's eaten the cake you left out", "Grand stuff, the heating's
    # been on all day with every window open": the praise goes, the news is what happened.
    re.compile(rf"^{_PRAISE}(?: stuff| news)?,\s+((?:the|my|our|your)\s.+)$", _I),
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
    r"^(?:who(?: the hell| on earth| tf| the fuck| in god's name)?|"
    r"(?:what|which) (?:(?:kind|sort) of (?:an? )?(?:\w+ )?|sensible |normal |sane )"
    r"(?:person|man|woman|husband|wife|"
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
    fetch hoover iron mow lock close open rinse wipe fill replace refill service inform
    warn notify"""
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


def turn(sentence: str, question: bool = False) -> Turn | None:
    """The request or observation inside ``sentence``'s frame; None when it has none. A
    rhetorical frame with nothing doable inside gives a ``Turn`` with neither: the whole
    sentence is blame, and nothing of it is kept."""
    text = sentence.strip()
    condition = _counterfactual(text)
    if condition is not None:
        return condition
    for frame in _RHETORICAL_FRAMES:
        found = frame.match(text)
        if found:
            return Turn(request=_wanted(found.group(1)))
    unable = _INCAPABLE.match(text)
    if unable:
        if unable.group("do"):
            return Turn(request=_wanted(unable.group("do")))
        verb, _, rest = unable.group("doing").partition(" ")
        return Turn(request=_wanted(f"{base_of_gerund(verb) or verb} {rest}"))
    for frame in _REQUEST_FRAMES:
        found = frame.match(text)
        if found:
            wanted = _wanted(found.group(1))
            return Turn(request=wanted) if wanted else None
    for frame in _PRAISE_THEN_FACT:
        found = frame.match(text)
        if found:
            return Turn(situation=found.group(1))
    praised = _praised_act(text, question) or _asked_how(text)
    if praised:
        return Turn(situation=praised)
    who = _WHO_DOES.match(text)
    if who:
        return Turn(situation=_what_was_done(who))
    rich = _BIT_RICH.match(text)
    if rich:
        return Turn(situation=rich.group(1))
    since_when = _SINCE_WHEN.match(text)
    if since_when and (base_form(since_when.group(1)) or "") not in _OF_THE_MIND:
        return Turn(situation=f"you {since_when.group(1).lower()}{since_when.group(2)}")
    dont = _DONT.match(text)
    if dont and dont.group(1).lower() in SEEN and _about_me(dont.group(2)):
        return Turn(situation=f"you {dont.group(1).lower()}{dont.group(2)}")
    stop = _STOP.match(text) or _STOP_ASKED.match(text)
    if stop:
        verb = stop.group(1).lower()
        if verb not in JUDGING and (base_form(verb[:-3]) or "") not in JUDGING:
            return Turn(situation=f"you're {verb}{stop.group(2)}")
    return None


# Blame as a condition: "If you cared you'd have picked up", "A real partner would've
# been at the hospital", "Someone who respected me would've come home before 4am", "Had
# you read the email even once, we…". The condition is the jibe; what would have been
# done says what was not: "you didn't pick up", "you weren't at the hospital".
_IF_YOU_CARED = (
    r"if (?:you|u) (?:really |actually |truly |even |ever )?(?:cared|loved me|respected me|"
    r"respected my \w+|gave a (?:damn|toss|monkey's)|valued (?:me|us|my \w+)|"
    r"were (?:any kind of|a real|a decent|a proper|a good) \w+)"
    r"(?: about (?:me|us|this|my \w+))?(?: at all)?,?\s+(?:you|u)(?:'d| would)"
)
_A_REAL_PARTNER = (
    r"(?:any|a|an) (?:normal|real|proper|decent|good|half-decent|caring|loving) "
    r"(?:\w+ )?(?:partner|wife|husband|boyfriend|girlfriend|man|woman|father|mother|dad|mum|"
    r"mom|person|parent|fianc[ée]e?)(?: who (?:really )?(?:cared|loved me|respected me))?"
    r"\s+(?:would|'d)"
)
_SOMEONE_WHO_CARED = (
    r"(?:someone|anyone|a (?:man|woman|person)) who (?:really |actually )?(?:cared|"
    r"loved me|respected me|gave a damn)\s+(?:would|'d)"
)
_COUNTERFACTUAL = re.compile(
    rf"^(?:{_IF_YOU_CARED}|{_A_REAL_PARTNER}|{_SOMEONE_WHO_CARED})(?P<not>n't| not)?"
    r"(?P<have>'ve|\s+have)?\s+(?:(?:already|at least|just|even)\s+)?"
    r"(?P<verb>[a-z]+)\b(?P<rest>[^,;]*)",
    _I,
)
_HAD_YOU = re.compile(
    r"^had (?:you|u) (?:ever |even |just |actually )?(?P<verb>[a-z]+)\b(?P<rest>[^,;]*),", _I
)
# What only made the comparison: "…instead of going to the pub quiz", "…even once".
_COMPARED = re.compile(r"\s+(?:instead of|rather than)\b.*$|\s+(?:even )?(?:just )?once$", _I)


def _counterfactual(text: str) -> Turn | None:
    """What a condition blames the partner for (see ``_COUNTERFACTUAL``); None when
    ``text`` is no such condition."""
    match = _COUNTERFACTUAL.match(text) or _HAD_YOU.match(text)
    if match is None:
        return None
    verb = match.group("verb").lower()
    base = base_form(verb)
    rest = _COMPARED.sub("", match.group("rest")).rstrip()
    if base is None or not rest.strip():
        return Turn()  # "If you cared you'd know": nothing that was done is named
    if match.re is _COUNTERFACTUAL and not match.group("have"):
        # "If you respected my work you'd stop ringing me": asked for, as it stands.
        return Turn(request=_doable(f"{base}{rest}"))
    if match.re is _COUNTERFACTUAL and match.group("not"):
        return Turn(situation=f"you {past_form(base)}{rest}")  # "…wouldn't have told…"
    if base == "be":
        return Turn(situation=f"you weren't{rest}")
    return Turn(situation=f"you didn't {base}{rest}")


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


# What a draft grants before it gets to its complaint: "Footy with the boys is fine, but
# you rocked up three hours late", "I don't care that you went to the pub, I care that you
# drove home", "It's not the phone I'm angry about, it's that you lied about the price".
# The granted part is what the person is *not* upset about, so a rewrite that names it
# ("about the pub") misses the point; only the complaint is read on.
_GRANTED = (
    r"(?:fine|ok|okay|grand|no (?:issue|problem|bother|big deal)|whatever|nice|lovely|"
    r"your (?:business|call|choice)|not the (?:issue|problem|point))"
)
_UPSET = r"(?:angry|upset|mad|annoyed|hurt|bothered|vexed|fuming|cross|pissed off)"
_CONCESSIONS = (
    # "X is fine, but Y", "Your mum came for tea and that's fine, but Y", "Aye the flat's
    # nice and the rent's fine but Y", "Is okay you go to football, but Y".
    re.compile(
        rf"^(?:.*?\b(?:is|was|are|were|'s|’s)\s+|is\s+)(?:all |totally |perfectly |absolutely )?"
        rf"{_GRANTED}\b[^.?!]*?,?\s+but\s+(?P<complaint>.+)$",
        _I,
    ),
    # "Nice holiday photos, but Y": praise for a thing, then the complaint.
    re.compile(
        r"^(?:nice|lovely|great|gorgeous|beautiful) [a-z]+(?: [a-z]+)?,\s*but\s+(?P<complaint>.+)$",
        _I,
    ),
    # "I know the traffic was bad, but Y", "Yes the trip was dear and yes it rained, but
    # Y", "See your mates whenever you like, but Y", "I don't mind you seeing the lads but Y".
    re.compile(
        r"^(?:(?:yes|yeah|aye|fair enough)(?! nah\b),? |i know |i get (?:it|that) |"
        r"i (?:don't|do not|dont) mind |"
        r".*?\bwhenever (?:you|u|he|she) (?:like|likes|want|wants|please)\b|"
        r".*?,\s*i (?:don't|do not|dont) (?:care|mind)\b)"
        r"[^.?!]*?,?\s+but\s+(?P<complaint>.+)$",
        _I,
    ),
    # "I don't care that X, I care that Y"; "idc about X, ur the one who Y".
    re.compile(
        r"^i (?:don't|do not|dont) care (?:that|about|if) [^.?!]+?,?\s+"
        r"(?:(?:what )?i (?:do )?care (?:about|that)(?: is)?(?: that)?|but)\s+(?P<complaint>.+)$",
        _I,
    ),
    re.compile(r"^idc (?:that|about|if) [^,.?!]+,\s*(?:but\s+)?(?P<complaint>.+)$", _I),
    # "It's not the new phone I'm angry about, it's that you lied about the price."
    re.compile(
        rf"^it(?:'s|’s| is) not [^,.?!]+? (?:i'm|i am|that (?:bothers|upsets) me)"
        rf"(?: {_UPSET} (?:about|at|with|by))?,\s*it(?:'s|’s| is) (?:that |the fact that )?"
        rf"(?P<complaint>.+)$",
        _I,
    ),
    # "I'm not angry about the cinema, I'm angry that you laughed …"
    re.compile(
        rf"^i(?:'m|’m| am) not {_UPSET} (?:about|at|by|over) [^,.?!]+?,\s*"
        rf"i(?:'m|’m| am) {_UPSET} (?:that|because|cause|about|at) (?P<complaint>.+)$",
        _I,
    ),
    # "Forget the flowers, the issue is you told your mates"; "…, but the real problem is
    # you used my card".
    re.compile(
        r"^.*?,?\s+(?:but )?the (?:real |actual )?(?:issue|problem|point|thing) is,? "
        r"(?:that )?(?P<complaint>.+)$",
        _I,
    ),
)
# An opinion said before the complaint: "I reckon you forgot the bins on purpose", "My
# feeling is you're simply incapable of being on time". The complaint is what was seen;
# that the writer thinks it is already said by sending it.
_OPINION_FIRST = re.compile(
    r"^(?:honestly,? )?(?:i (?:really |honestly |genuinely )?(?:think|reckon|believe|guess|"
    r"suppose|suspect)|my (?:feeling|sense|guess|impression) is|i get the (?:feeling|sense|"
    r"impression)|it seems to me|if you ask me),? (?:that )?(?P<complaint>(?:you|u|ur|your)\b.+)$",
    _I,
)
# "It's you telling Nkechi about our argument that's the problem, not that you went to
# her house": the complaint comes first and the granted part after it.
_COMPLAINT_FIRST = re.compile(
    r"^it(?:'s|’s| is) (?P<complaint>.+?) that(?:'s|’s| is) the (?:real )?(?:problem|issue)\b.*$",
    _I,
)


def the_complaint(sentence: str) -> str:
    """``sentence`` without what it grants before its complaint (see ``_CONCESSIONS``);
    the sentence as it is when it grants nothing."""
    text = sentence.strip()
    for pattern in (*_CONCESSIONS, _COMPLAINT_FIRST):
        found = pattern.match(text)
        if found and _says_something(found.group("complaint")):
            return _as_an_act(found.group("complaint"))
    opinion = _OPINION_FIRST.match(text)
    if opinion and _seen_or_judged(opinion.group("complaint")):
        return opinion.group("complaint")
    return sentence


_JUDGED_OR_DENIED = re.compile(
    r"^(?:you|u)(?:'re|’re| are| were| never| always| don't| didn't| can't| won't| simply| "
    r"just| seem)\b|^ur\b",
    _I,
)


def _seen_or_judged(complaint: str) -> bool:
    """Whether what follows an opinion is something done ("you forgot the bins") or a
    verdict the blame rules take out ("you're simply incapable…"), rather than a guess
    at what the partner feels or would do ("you enjoy winding me up", "your ex would've
    loved this"), which stays the writer's guess."""
    words = complaint.split()
    return bool(_JUDGED_OR_DENIED.match(complaint)) or (len(words) > 1 and is_past(words[1]))


# How a complaint set against a concession tends to open, and the act it names:
# "you forgetting to pick Leo up" is about the forgetting, "ur the one who left me there"
# and "why you told them" say what was done.
_OPENINGS = (
    (re.compile(r"^(?:you|u)\s+(?=[a-z]{2,}ing\b)", _I), ""),
    (re.compile(r"^(?:you(?:'re|’re| are)|ur|u r) the one (?:who|that)\s+", _I), "you "),
    (re.compile(r"^why (?:you|u)\s+", _I), "you "),
)


def _as_an_act(complaint: str) -> str:
    for opening, replacement in _OPENINGS:
        if opening.match(complaint):
            return opening.sub(replacement, complaint, count=1)
    return complaint


def _says_something(part: str) -> bool:
    """Whether ``part`` is a complaint of its own: someone doing something ("you drove
    home", "the second I mention Rory you go quiet") or the doing itself ("ditching our
    weekend away"). "…, but whatever", "…, but leave me on read" and "…, but maybe
    next time check" are not: there the whole sentence is the complaint, or none is."""
    words = part.split()
    return len(words) >= 3 and bool(_A_COMPLAINT_OPENS.match(part))


_A_COMPLAINT_OPENS = re.compile(
    r"^(?:you|u|ur|your|ye|yer|ya|the|my|our|his|her|their|she|he|they|we|it|i|why)\b"
    r"|^[a-z]{2,}ing\b",
    _I,
)


# "-ing" words that are things, not acts: "Lovely evening", "What a treat, nothing".
_NOT_ACTS = word_set(
    """morning evening nothing something anything everything thing wedding ceiling building
    darling ring spring king string sibling during outing considering seeing including
    according regarding concerning assuming supposing thanksgiving"""
)
_AN_ACT = r"(?!(?:" + "|".join(sorted(_NOT_ACTS)) + r")\b)(?P<verb>[a-z]{2,}ing)"
# Praise that means its opposite, for something the partner did: "Cracking idea to bring
# the neighbour's kids round the day I'm in bed with flu", "Wonderful plan, booking the
# ferry for the morning of the christening", "Very kind of you to give my jumper away".
# What was done is what happened; the praise goes.
_DEED = (
    r"(?:idea|plan|planning|timing|touch|move|work|effort|thinking|decision|call|budgeting|"
    r"parenting|choice)"
)
_THEIR_ACT = re.compile(
    rf"^(?:(?:what an? |such an? |(?:real(?:ly)? |very |truly )?){_PRAISE} {_DEED}"
    r"(?: (?:only|there|mate|babe|love|hun|bro|yaar|again))?"
    r"|(?:(?:very|so|how|real(?:ly)?|truly|ever so) )?(?:kind|generous|thoughtful|"
    r"considerate|sweet|nice|lovely|good|decent|big|mature|classy) of (?:you|u)"
    r"|(?:very|so|how|real(?:ly)?) (?:generous|thoughtful|considerate|mature|classy)"
    r"|what an? (?:gent|gentleman|hero|star|legend|catch|sweetheart|saint))"
    rf"(?:\s+to\s+(?P<base>[a-z]+)|,?\s+{_AN_ACT})\b(?P<rest>.*)$",
    _I,
)
# The same praise for what the writer went through: "Loved standing at the bus stop for
# forty minutes", "Such a pleasure bumping into your ex at the quiz", "So relaxing,
# hoovering round your gym bag", "I really do enjoy doing the school run on my day off".
# A plain "I love cooking for you" is left as it is: it may well be meant.
_MY_ORDEAL = re.compile(
    rf"^(?:(?:ah|och|oh|aw|well|sure|right|yeah|yes|{_PRAISE})\b[^,]{{0,20}},\s*)*"
    r"(?:(?:such|what) an? (?:(?:romantic|lovely|relaxing|fun|great|nice|cosy|cozy|special|"
    r"perfect|wonderful|brilliant) )?(?:pleasure|treat|joy|delight|thrill|anniversary|"
    r"evening|night|morning|weekend|day|date|birthday|holiday)"
    r"|(?:(?:so|really|very|super|always|just|ever so) )?(?:relaxing|fun|cosy|cozy|nice|lovely|"
    r"romantic|enjoyable|restful|satisfying)"
    r"|(?:super |really )?fun (?:morning|evening|night|day|weekend|afternoon)"
    r"|loved|enjoyed|i (?:really |absolutely |just )(?:do |did )?(?:love|enjoy)(?:ed)?"
    r"|i (?:do|did) (?:love|enjoy))"
    rf",?\s+{_AN_ACT}\b(?P<rest>.*)$",
    _I,
)
# Praise for an act that is the jibe itself ("Nice of you to finally show up"), for a
# word that was never said ("Nice of you to mention the promotion. Oh wait, you didn't."),
# or for a verb of judging: nothing of these is what happened.
_NOT_THE_POINT = JUDGING | word_set(
    """finally actually even eventually ever mention warn ask consult check bother ruin
    wreck destroy"""
)
_AT_ALL = re.compile(r"\bat all\b|\b(?:did|didn't) (?:you|ya|u)\b", _I)
_AND_THEN = re.compile(r"\b(and (?:then )?)([a-z]+ing)\b", _I)


# Thanks for a harm, which can only be sarcastic: "Cheers for telling everyone my news
# before I could", "Thanks for eating all my leftovers". Thanks for anything else may be
# meant ("Thanks for cooking, but…"), and is not read as what went wrong; nor is thanks
# for telling or letting the writer know, which mostly means they were not told ("Thanks
# for letting me know you'd be late. Oh wait.").
# Before the thanks, a word or two of the writer's own said with a comma ("Nossa, thank
# you for…", "Now then, thanks for…"); after it, a tag ("Thanks eh, for…", "Thank you ha
# for…"): the thanks is as sarcastic as without them.
_HARM_LEAD = r"^(?:(?:oh|wow|well|so|and),?\s+|[\w'’]+(?: [\w'’]+)?,\s+)?"
_THANKS_TAG = r"(?:,?\s+(?:eh|ha|hey|huh|la|lah|naman|talaga|po|mate|love|babe|hun|bro|sis|man))?,?"
# Telling others, or posting the writer's news: "posting that photo of me", "sharing our
# news"; not "telling me", nor posting a parcel.
_TOLD_ON_ME = r"telling(?! me\b)|(?:announcing|posting|sharing)(?=[^.!?,]*\b(?:our|my|me|about)\b)"
_THANKED_FOR_HARM = re.compile(
    rf"{_HARM_LEAD}(?:thanks?|thank you|cheers|ta)"
    rf"(?: so much| ever so much| very much| a lot| again)?{_THANKS_TAG} for\s+"
    rf"(?P<verb>{_TOLD_ON_ME}|eating|drinking|leaving|ditching|abandoning|ignoring|"
    r"forgetting|embarrassing|humiliating|ruining|cancell?ing|bailing|spoiling|breaking|losing|"
    r"wrecking|binning|blowing(?= me off)|standing(?= me up)"
    # Done to the writer's things, not to a job: "finishing the last of the milk".
    r"|(?:finishing|using)(?= (?:the last|all|my|our)\b))\b(?P<rest>.*)$",
    _I,
)
# The same said as appreciation, for the harms it can only mean sarcastically:
# "Appreciate you sharing my pregnancy news with your cousin before I'd told my parents".
_APPRECIATED_HARM = re.compile(
    rf"{_HARM_LEAD}(?:i\s+)?(?:really\s+|so\s+)?appreciate (?:you|u)\s+"
    rf"(?P<verb>{_TOLD_ON_ME}|eating|drinking|forgetting|ignoring|embarrassing|humiliating|"
    r"ruining)\b(?P<rest>.*)$",
    _I,
)
_PRAISE_AFTER = re.compile(
    r"\s+(?:really|truly|so|real|very|ever so)\s+(?:appreciated?|thoughtful|kind|generous|"
    r"considerate|touching|lovely|nice|classy|helpful|sweet)\b.*$",
    _I,
)


def _praised_act(text: str, question: bool = False) -> str | None:
    """What was done, said plainly, when ``text`` praises it and means the opposite;
    None for any other sentence. Asked, the praise is the partner's: "Enjoyed scrolling
    through our anniversary dinner?" is not the writer's ordeal."""
    thanked = _THANKED_FOR_HARM.match(text) or _APPRECIATED_HARM.match(text)
    if thanked:
        # What follows the act is more of the sarcasm: "…, really thoughtful", "…, you
        # legend", "… really appreciated".
        rest = _PRAISE_AFTER.sub("", thanked.group("rest").split(",", 1)[0])
        return _done_by("you", thanked.group("verb"), base_of_gerund(thanked.group("verb")), rest)
    theirs = _THEIR_ACT.match(text)
    if theirs:
        verb = theirs.group("verb") or ""
        base = theirs.group("base") or base_of_gerund(verb)
        return _done_by("you", verb, base, theirs.group("rest"))
    mine = None if question else _MY_ORDEAL.match(text)
    if mine:
        verb = mine.group("verb")
        return _done_by("I", verb, base_of_gerund(verb), mine.group("rest"))
    return None


def _done_by(doer: str, verb: str, base: str | None, rest: str) -> str | None:
    # The act needs its own words: "Nice going, dimwit" names none.
    words_after = re.findall(r"[a-z0-9]+", rest.split(",", 1)[0], _I)
    judged = verb.lower() in JUDGING | BLAMING_ACTS or (base or "").lower() in _NOT_THE_POINT
    if judged or len(words_after) < 2:
        return None
    if _AT_ALL.search(rest):  # "How kind of you to turn up at all": the act is the jibe
        return None
    if verb.lower() == "being":  # "I love being introduced as the housemate"
        return f"{doer} {'was' if doer == 'I' else 'were'}{rest}"
    if base is None or base.lower() in ("be", "have"):
        return None
    then = _AND_THEN.sub(lambda m: m.group(1) + _past_of_gerund(m.group(2)), rest)
    return f"{doer} {past_form(base.lower())}{then}"


def _past_of_gerund(verb: str) -> str:
    base = base_of_gerund(verb)
    return past_form(base) if base and verb.lower() not in _NOT_ACTS else verb


# Questions that only ask how it could happen, and so say what did: "How do you manage to
# burn the toast three mornings in a row?", "How can you not know where the passports
# are?", "Who does that, finishing the soup I cooked for my mother?"
_HOW_MANAGED = re.compile(
    r"^how (?:do|did|does|can|could) (?:you|u) (?:even |always |still )?(?:manage|find a way) "
    r"to (?P<act>\w+\b.+)$",
    _I,
)
_HOW_NOT = re.compile(
    r"^how (?P<modal>can|could|do|did) (?:you|u) not (?P<verb>[a-z]+)\b(?P<rest>.+)$", _I
)
_WHO_DOES_THAT = re.compile(
    rf"^who (?:does|would do|even does|on earth does) (?:that|this),?\s+{_AN_ACT}\b(?P<rest>.*)$",
    _I,
)


def _asked_how(text: str) -> str | None:
    managed = _HOW_MANAGED.match(text)
    if managed and len(managed.group("act").split()) >= 2:
        return "you " + managed.group("act")
    not_done = _HOW_NOT.match(text)
    if not_done and not_done.group("verb").lower() not in JUDGING:
        # "How could you not tell me" asks about what was not done then; "how can you
        # not know" about now.
        past = not_done.group("modal").lower() in ("could", "did")
        verb = not_done.group("verb")
        return (
            f"you {'didn' if past else 'don'}'t {base_form(verb) or verb}{not_done.group('rest')}"
        )
    who = _WHO_DOES_THAT.match(text)
    if who:
        return _done_by(
            "you", who.group("verb"), base_of_gerund(who.group("verb")), who.group("rest")
        )
    return None
