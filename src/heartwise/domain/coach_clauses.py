"""Sentence by sentence: a blaming sentence turned into a plain statement or request.

"Why did you delete it?" -> "you deleted it"; "You never call me back" -> "you don't
call me back", from which the request "call me back" is taken; "Every time I need you,
you're busy" -> "I need you and you're busy". Each change keeps the sentence's facts and
drops only its heat; where a change would need a guess, the sentence is left out instead.
"""

from __future__ import annotations

import html
import re

from heartwise.domain.coach_grammar import base_form, is_past, past_form, tidy, word_set
from heartwise.domain.coach_lexicon import SOFTENERS

# "If you go out, I'm leaving": the condition is what the draft is about; the threat goes.
# "If you're not back by midnight, I'm leaving" and "…, you can stay there" too.
CONDITIONAL_THREAT = re.compile(
    r"^\s*if ((?:you|u)(?:'[a-z]+)? .+?),?\s*(?:then )?"
    r"(?:(?:i'll|i will|i'm|i am|we're|we are|we'll|it's|that's)\s+"
    r"(?:leav\w*|done|gone|out|break\w* up|end\w*|over|going|finished|through|getting|"
    r"taking|staying|moving|packing|changing|telling|deleting|blocking|cancell?ing|sleeping)|"
    r"don't (?:expect|bother|come|count|think|wait)|you can forget|forget (?:it|about)|"
    r"you'll regret|i won't|i'll never|you'll be sorry|"
    r"you (?:can|may) (?:as well |also |just )?(?:stay|sleep|live) (?:there|at|with|over))\b.*$",
    re.IGNORECASE,
)
WHY_QUESTION = re.compile(
    r"^\s*why (do|does|did|don't|didn't|can't|won't|wouldn't|couldn't|would|are|is|were|was|"
    # "why is your mother's opinion always…": the owner's thing is the subject.
    # "why is the front door unlocked": a compound's second word is the subject's too.
    r"must|should|have|haven't) (you|(?:your|the|my|our) \w+(?:['’]s \w+| (?:door|gate|room|"
    r"bill|light|lights|window|windows|tap|card|machine|account|drawer|cupboard|table|heating|"
    r"alarm))?|it|he|she|they)\b(.*)$",
    re.IGNORECASE,
)
NEGATED = re.compile(
    # Not a prohibition reported: "(I) already tell you | don't buy the online stuff" asks
    # for nothing to be done, and "would you be willing to buy…" would turn it round.
    r"(?<!\btell )(?<!\btold )(?<!\btelling )(?<!\bwarned )(?<!\basked )"
    r"\byou (don't|didn't|won't|can't|cannot|do not|did not|will not|wouldn't|never) "
    r"(\w+)([^,.!?;]*)",
    re.IGNORECASE,
)
_NEVER = re.compile(r"\b(you|i|we|they) never (?:once |ever |even |really )?(\w+)", re.IGNORECASE)
# "You're never here" -> "you're not here"; "..., never mine" says only the absolute.
_BE_NEVER = re.compile(
    r"\b(you're|you are|you were|it's|it is|he's|he is|she's|she is|they're|they are|"
    r"i'm) never\b",
    re.IGNORECASE,
)
_NEVER_ME = re.compile(r",?\s*(?:but |and )?never (?:mine|me|for me|with me|to me)\b", re.I)
MARKUP = re.compile(r"<[^<>]{0,200}>")


def without_markup(text: str) -> str:
    """``text`` as words: a pasted "<b>" goes and "&amp;" is "&". What the coach reads
    and what its model reads are the same words."""
    return html.unescape(MARKUP.sub(" ", text))


# Where a request taken from a complaint ends: "call me back | and it hurts".
_REQUEST_ENDS = re.compile(
    r"(?:\s(?:and|but|so|because|cause|&|which|then)|,)\s+(?:it|it's|i|i'm|i've|that|this|we|now|"
    r"then|you're|you've|everyone|nobody)\b.*$",
    re.IGNORECASE,
)
_EVERY_TIME = re.compile(r"\bevery (?:single )?time\b", re.IGNORECASE)
EVERY_SINGLE = re.compile(r"\bevery single\b", re.IGNORECASE)  # "every" says as much
# "when we fight, | you go to your mum's"; not "when he needs a loan, | a lift or …".
_WHEN_FIRST = re.compile(
    r"^when (.+?), ((?:i|you|we|he|she|they|it|i'm|you're|we're|it's)\b.+)$", re.IGNORECASE
)
# "when you hum in the kitchen | I want to scream": no comma, but a new subject opens
# the second clause. Not after a word that takes a clause ("when you tell me | I'm
# wrong", "when you say you're busy").
_WHEN_THEN = re.compile(
    r"^when ([^,]+? [^,]+?)"
    # Not after a word that takes an object ("sit down beside | you", "ask where | you've
    # been"), where "you" is no new subject.
    r"(?<!\bwith)(?<!\bto)(?<!\bbeside)(?<!\bover)(?<!\bfor)(?<!\bat)(?<!\babout)"
    r"(?<!\bwhere)(?<!\bwhat)(?<!\bhow)(?<!\bwhy)(?<!\bwho)(?<!\bneed)(?<!\bwant)(?<!\bcall)"
    r" ((?:i|you|we|he|she|they)(?:(?:'m|'re|'ve|'ll|'d) "
    # Nor "when I need you | your phone is dead": "you" was the object there too.
    r"| (?!(?:you|your|you're|i|i'm|my|we|he|she|they|the|a|an|and|or|to)\b))\S+.*)$",
    re.IGNORECASE,
)
# Verbs that take what follows as a clause ("you said | you'd be home"), and so say
# nothing alone ("Half eight, you said.").
CLAUSE_TAKING_VERBS = word_set(
    """tell tells told say says said think thinks thought know knows knew feel feels felt
    see sees saw hear hears heard realise realize realised realized notice noticed decide
    decided pretend pretended ask asks asked mean means meant wish hope reckon"""
)
_TAKES_A_CLAUSE = CLAUSE_TAKING_VERBS | word_set("me that if so because")


def _when_as_and(text: str) -> str:
    """ "when we fight, you go quiet" -> "we fight and you go quiet": what happens, then
    what the partner does. The second clause starts at the first new subject with no
    comma before it ("when you hum in the kitchen | I want to scream"), else at the first
    comma a subject follows ("when he needs a loan, a lift or a bed, | you say yes")."""
    found = _WHEN_THEN.match(text)
    if found and found.group(1).rstrip(",").split()[-1].lower() in _TAKES_A_CLAUSE:
        found = None
    found = found or _WHEN_FIRST.match(text)
    if not found:
        return text
    first = found.group(1).rstrip(",")
    if first.split()[-1].lower() in _JOINERS:  # "when you say 'soon come' and | you …"
        return f"{first} {found.group(2)}"
    return f"{first} and {found.group(2)}"


_JOINERS = word_set("and but so then or")


_ANY_TO_WHAT = re.compile(r"\b(?:anything|everything) (?=i |you |we )", re.IGNORECASE)
ABSOLUTE_LEFT = re.compile(r"\b(?:always|never|constantly|all the time)\b", re.IGNORECASE)
_DURATION = re.compile(
    r"\b(?:all (?:day|night|evening|morning|week|weekend|afternoon)|for (?:\w+ )?"
    r"(?:minutes|hours|days|weeks|ages)|in (?:\w+ )?(?:hours|days|weeks|ages))\b",
    re.IGNORECASE,
)
IMPERATIVE = re.compile(
    # Not a permission said to sting: "ring back all you want", "go for all I care".
    r"^(?![^.!?]*\b(?:all you (?:want|like)|as (?:much|often) as you (?:want|like)|"
    r"for all i care|see if i care)\b)"
    # Nor what was done, told without its "you": "Let Zara stay up till midnight, then
    # went to bed yourself" goes on in the past, and asking for it again would be wrong.
    r"(?![^.!?]*(?:,\s*|\s+)(?:and )?then\s+(?:went|left|came|said|told|forgot|walked|fell|"
    r"got|took|sat|slept|ate|drank|made|did|ignored|laughed|stormed|turned|disappeared)\b)"
    r"\s*(?:please )?(call|text|answer|reply|tell|come|help|pick|give|show|talk|send|"
    r"check in|be home|put|take|wash|tidy|load|book|pay|"
    # Not what opens a rant or a comparison: "Listen, I'm the one who…", "Let me get this
    # straight", "Look at Tunde, promoted twice", "Ask anyone at that barbecue".
    r"listen(?!\s*[,!.…-]|\s+(?:na|nah|mate|love|babe|here|up)\b)|"
    r"let(?! me (?:get this straight|guess|tell you|remind you|be clear|spell it out)\b)|"
    r"look at(?! (?:the state of|yourself|you|him|her|them|(?-i:[A-Z])\w+)\b)|"
    r"ask(?! (?:anyone|anybody|everyone|everybody|around|yourself|any of)\b)|"
    r"bring|walk|feed|ring|message|"
    # "Empty the bin", but "Empty chair next to me" and "Clean sheets on the bed" name
    # things.
    r"(?:clean|empty)(?= (?:the|your|my|our|it|them|this|that|these|those|out|up|off|some|"
    r"all)\b))\b[^.!?]*",
    re.IGNORECASE,
)
# Verbs of the mind: "would you be willing to care?" is not something a person can do
# on request, so these never become requests.
MENTAL = word_set(
    "care love want think know like mean feel trust believe understand respect notice "
    "see be have need get seem bother mind matter"
)

# "You never miss leg day", "you never fail to…", "you didn't forget the match": not
# doing these is doing something always, so asking for them ("would you be willing to
# miss leg day?") asks the opposite.
_ALWAYS_DONE = word_set("miss fail forget")
_BUT_THEN = re.compile(r"\s*,?\s+but\s+", re.IGNORECASE)
_HOW_LONG_NOT = re.compile(
    r"\s+(?:for (?:\d+|an?|one|two|three|four|five|six|several|hours|days|weeks)"
    r"(?: (?:hrs?|hours?|mins?|minutes?|days?|weeks?|months?))?"
    r"|the (?:whole|entire) (?:time|day|night|week|weekend))\s*$",
    re.IGNORECASE,
)

FUNCTION_WORDS = word_set(
    """a an the and or but if then so to of in on at by for with about from as into than
    too very that this these those it its it's is are was were be been being am do does
    did done doing don't didn't doesn't have has had having i i'm i've i'd i'll me my
    myself you you're you've you'd you'll your yours yourself we we're our us he she him
    her his they them their what which who whom when where why how all any both each few
    more most other some such no nor not only own same can will just should now up down
    out off over again there here would could may might must shall let's get got also
    even ever really still yet oh ok okay yes yeah one won't can't"""
)
_DANGLING = word_set("a an the such so very to and of with my your our is are was were not")


def ends_cleanly(words: list[str]) -> bool:
    """A clause cut short by a removed phrase ("you're such a") is left out."""
    last = words[-1].lower().strip(",")
    return last not in _DANGLING and not ABSOLUTE_LEFT.search(" ".join(words))


def without_absolutes(text: str) -> str | None:
    """``text`` with "every time" and "never" turned into plain words; None when an
    absolute is left that cannot be taken out without changing what the words say."""
    # "every time" closing a clause says only "always": it goes; opening one it is "when".
    text = re.sub(r"\s*\bevery (?:single )?time\s*$", "", text, flags=re.IGNORECASE)
    text = _EVERY_TIME.sub("when", text)
    text = EVERY_SINGLE.sub("every", text)
    text = _ANY_TO_WHAT.sub("what ", text)
    # "you forget everything that matters to me" says "always" without the word.
    text = re.sub(r"\b(?:anything|everything) that\b", "what", text, flags=re.IGNORECASE)
    text = _when_as_and(text.strip())
    text = re.sub(r"\bnever once\b", "never", text, flags=re.IGNORECASE)
    text = _NEVER.sub(_not_never, _NEVER_ME.sub("", text))
    text = _BE_NEVER.sub(lambda found: f"{found.group(1)} not", text)
    text = _NOT_ONCE.sub(r"\1 not", text)  # "you have not once cleaned it": you have not
    text = _NOT_ONCE_DID.sub(_did_not, text)  # "not once did you look": you didn't look
    return None if re.search(r"\bnever\b", text, re.IGNORECASE) else text


# "Not once did you look", "not one time this whole exam season have you asked": how
# long it has not happened goes with the absolute.
_NOT_ONCE_DID = re.compile(
    r"\bnot (?:once|one time|a single time|one single time)"
    r"(?: (?:in|during|this|all|over|since)\b[^,;]{0,40}?)? (did|have|has) (you|he|she|they) (\w+)",
    re.IGNORECASE,
)


def _did_not(found: re.Match[str]) -> str:
    aux, subject, verb = found.groups()
    return f"{subject} {'didn' if aux.lower() == 'did' else aux.lower() + 'n'}'t {verb}"


_NOT_ONCE = re.compile(
    r"\b(has|have|had|did|do|does|was|were|is|are|could|would)\s+not\s+once\b", re.IGNORECASE
)


def _not_never(match: re.Match[str]) -> str:
    subject, verb = match.group(1), match.group(2)
    base = base_form(verb)
    if base is None:
        return match.group()
    return f"{subject} {'didn' if is_past(verb) else 'don'}'t {base}"


def why_as_statement(why: re.Match[str]) -> str:
    """ "Why did you delete it" -> "you deleted it"; "why don't you call" -> "you don't
    call"; "why is your phone off" -> "your phone is off"."""
    aux, subject, rest = why.group(1).lower(), why.group(2), why.group(3).strip()
    rest = re.sub(r"^(?:always |ever |even |just )*", "", rest)
    if aux == "did" and subject.lower() != "you" and re.match(r"have to \w", rest):
        # "why did my sister have to be the one to tell me": she had to be
        return f"{subject} had to {rest[len('have to ') :]}"
    rest = re.sub(r"^(?:have to |need to |got to )", "", rest)
    if aux in ("don't", "can't", "won't", "wouldn't", "couldn't", "haven't"):
        return f"{subject} don't {rest}"
    if aux in ("didn't",):
        return f"{subject} didn't {rest}"
    if aux == "does" and subject.lower() != "it" and " " in subject:  # "your sister gets"
        verb, _, tail = rest.partition(" ")
        return f"{subject} {third_person(verb)} {tail}".strip()
    if aux in ("do", "does", "must", "should"):
        return f"{subject} {rest}"
    if aux in ("did", "would"):
        verb, _, tail = rest.partition(" ")
        if verb.lower() == "be":  # "why did you have to be so rude"
            return (
                f"{subject} {'were' if subject.lower() in ('you', 'they', 'we') else 'was'} {tail}"
            )
        return f"{subject} {past_form(verb)} {tail}" if verb.isalpha() else ""
    if aux == "have":
        return f"{subject} have {rest}"
    be = {"are": "are", "is": "is", "were": "were", "was": "was"}[aux]
    if subject.lower() == "you":
        be = "were" if be in ("was", "were") else "are"
    return f"{subject} {be} {rest}"


def third_person(verb: str) -> str:
    """ "get" -> "gets", "go" -> "goes", "try" -> "tries"; "have" -> "has"."""
    word = verb.lower()
    if word == "have":
        return "has"
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def request_from(negated: re.Match[str]) -> str | None:
    verb, rest = negated.group(2), negated.group(3)
    while verb.lower() in ("ever", "even", "just", "really", "actually"):
        verb, _, rest = rest.strip().partition(" ")
        rest = " " + rest
    base = base_form(verb) if verb else None
    if base is None or base in MENTAL or base in _ALWAYS_DONE:
        return None
    # Texting without stops runs the next clause on: "didn't reply to my snap you were
    # online" asks for the reply, not for being online.
    rest = _NEXT_CLAUSE.split(rest, maxsplit=1)[0]
    # "can't keep a cactus alive | and you want a puppy": what follows is another charge.
    rest = TRAILING_JOINER.sub("", _AND_YOU.split(rest, maxsplit=1)[0])
    # "never miss leg day | but always miss parents' evening": what follows is a charge.
    rest = _BUT_THEN.split(rest, maxsplit=1)[0]
    rest = _HOW_LONG_NOT.sub("", rest)  # "can't text back | for 5 hrs": how long it was not
    rest = _SHRUGGED_OFF.sub("", rest)  # "you never listen & whatever": not part of the ask
    if _LOST_OBJECT.search(rest):
        # "a dinner you didn't even show up to": what it was to is before the clause.
        return None
    # A double negative's second "no" is the first one said again ("yuh neva answer
    # nutten", "you don't tell me nothing"): asked for, it is "any". Only in the clause
    # the negation governs: "unless there's nothing better on" means its "nothing".
    found = _SUBORDINATE.search(rest)
    own, later = (rest[: found.start()], rest[found.start() :]) if found else (rest, "")
    own = _NEGATIVE_CONCORD.sub(_asked_for_any, _NOTHING_I.sub("what I", own))
    if _HEAR_WORD.match(f"{base}{own}"):
        return "listen to me"  # Pidgin "you no dey hear word": you don't listen
    return as_request(f"{base}{own}{later}")


def _asked_for_any(negative: re.Match[str]) -> str:
    """The "any" a double negative's second "no" stands for: "nothing" is "anything",
    "no one" "anyone" (``as_request`` then says "something", "someone")."""
    return "any" + negative.group(1).lower()[2:].strip()


# "nutten mi seh", "nothing I say" is what I say.
_NOTHING_I = re.compile(r"\bnothing (?:mi|i)\b", re.IGNORECASE)
_NEGATIVE_CONCORD = re.compile(r"\b(nothing|nobody|no ?one|nowhere)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\b(?:unless|if|when|because|since|while|though|although|until|till|where|who|which|"
    r"that|so|but|there's|there is)\b.*$",
    re.IGNORECASE,
)
_HEAR_WORD = re.compile(r"^hear word\s*$", re.IGNORECASE)


# A shrug closing what was not done: "… & whatever", "…, or whatever", "… and stuff".
_SHRUGGED_OFF = re.compile(
    r"\s*(?:,|&|\band\b|\bor\b)?\s*\b(?:whatever|and stuff|or something|or anything)\s*$"
    # A count said after it: "ask how my exam went | not once", "say sorry | ever".
    r"|(?:\s*,?\s*\b(?:not once|not even once|ever))+\s*$",
    re.IGNORECASE,
)
_LOST_OBJECT = re.compile(r"\b(?:to|for|at|with|about|from|of)\s*[.!?]*\s*$", re.IGNORECASE)


# A joiner left at a clause's end once what it joined is cut off: "full of gunk because
# | you never rinse a plate", "reply to my snap and | you were online".
TRAILING_JOINER = re.compile(
    r",?\s*\b(?:and|but|because|cause|cos|or|while|when|if|so|then)\s*$", re.IGNORECASE
)
# A new clause with its own subject, joined by nothing: not after "when", "if", "that"…
_NEXT_CLAUSE = re.compile(
    r"(?<!\bwhen)(?<!\bif)(?<!\bbefore)(?<!\bafter)(?<!\bthat)(?<!\buntil)(?<!\btill)"
    r"(?<!\bbecause)(?<!\bso)(?<!\bas)(?<!\bthan)(?<!\bwhile)(?<!\bsince)(?<!\bwhere)"
    r"(?<!\bonce)(?<!\bunless)(?<!\bwhat)(?<!\bhow)(?<!\bwhy)(?<!\blike)"
    # Nor after a verb of saying or its object: "tell her we're not coming", "when your
    # mama says I'm not a good wife" report what was said.
    r"(?<!\bher)(?<!\bhim)(?<!\bthem)(?<!\bme)(?<!\bus)(?<!\bsay)(?<!\bsays)(?<!\bsaid)"
    r"(?<!\btell)(?<!\btold)(?<!\bthink)(?<!\bthinks)(?<!\bthought)(?<!\bknow)(?<!\bknew)"
    r"(?<!\bhope)(?<!\bmean)(?<!\bguess)(?<!\bswear)(?<!\bpretend)"
    # Only a subject with "be": "the word I said" and "the food you made" are no new
    # clause, but "you were online" is.
    r"\s+(?=(?:you|i|we|they|he|she)\s+(?:were|was|are|am)\b|(?:you're|i'm|we're|they're)\b)",
    re.IGNORECASE,
)


_AND_YOU = re.compile(r",?\s+\b(?:and|but)\s+(?:then\s+)?(?=(?:you|u)\s+\w)", re.IGNORECASE)


# "reply to your own girlfriend": the person who writes is the partner named, so the
# request asks for "me" rather than keep the reproach in "your own".
_OWN_PARTNER = re.compile(
    r"\byour (?:own )?(?:girlfriend|boyfriend|wife|husband|partner|fianc[ée]e?|missus|"
    r"other half)\b(?=\s*$|\s+(?:for once|first|back)\b)",
    re.IGNORECASE,
)


# "a single message", "every single night", "not a single one of my calls": "single"
# only stresses the count. Not "you act like you're single".
_SINGLE = re.compile(r"\b(a|one|every|not a) single(?=\s)( one\b| thing\b)?", re.IGNORECASE)
_ONE_OF_THEM = {"a": "one", "one": "one", "every": "every one", "not a": "not one"}


def without_single(text: str, a_thing: str = "a thing") -> str:
    """``text`` with "single" said plainly: "one single thing" is "one thing", "a single
    one of my games" "one of my games". ``a_thing`` is what "a single thing" becomes: a
    request asks for "something"; "you couldn't do a single thing" did not do "a thing"."""

    def plain_count(found: re.Match[str]) -> str:
        lead, what = found.group(1), (found.group(2) or "").strip().lower()
        if what == "one":
            return _ONE_OF_THEM[lead.lower()]
        if what == "thing" and lead.lower() == "a":
            return a_thing
        return lead + (found.group(2) or "")

    return _SINGLE.sub(plain_count, text)


def as_request(text: str) -> str:
    text = _REQUEST_ENDS.sub("", text)
    text = re.sub(r"\s+or (?:just|even|do you|are you|is it|should i)\b.*$", "", text, flags=re.I)
    text = _DURATION.sub(" ", SOFTENERS.sub(" ", text))
    text = without_single(text, a_thing="something")
    text = re.sub(r"\banything\b", "something", text, flags=re.IGNORECASE)
    text = re.sub(r"\banyone\b", "someone", text, flags=re.IGNORECASE)
    text = _OWN_PARTNER.sub("me", text)
    words = tidy(text).split()
    if words:
        words[0] = words[0].lower()
    return " ".join(words)
