"""A rewrite's situation said as a plain observation.

What a draft says happened is kept, but not the heat it was said with: "you're glued to
that game every single night" says "you're on that game", "you booked it without even
asking me" says "you booked it before we'd talked about it". Intensifiers, exaggerations
and frequency words go; the act and the things it names stay. A long run-on sentence
gives its first few clauses only, because the rewrite is about this time, not the whole
history. Nothing is added that the draft did not say.
"""

from __future__ import annotations

import re
import unicodedata

from heartwise.domain.coach_clauses import FUNCTION_WORDS, without_single
from heartwise.domain.coach_grammar import is_past, tidy, word_set
from heartwise.domain.coach_lexicon import CALLED_WITH, MADE_ME_A_JOKE, SCORN_TITLES

# How many words of a draft one rewrite's situation carries: enough for the act and what
# it was about; past that, a run-on sentence turns back into a list of grievances.
MAX_SITUATION_WORDS = 18

_I = re.IGNORECASE
# Exasperated frames around what happened: "I don't even know where to start, I asked
# you ...", "I don't know why I bother telling you about X, you ...".
_EXASPERATED_OPENING = re.compile(
    r"^i don't (?:even )?know (?:where to (?:start|begin)|why i (?:even )?bother\b[^,]*)"
    r"(?:\s+honestly)?,?\s*|"
    # A shrug before the act: "It's fine, I'll just eat by myself", "I suppose I'll …".
    r"^(?:(?:no no|nah|honestly),?\s+)?it's (?:fine|grand|ok|okay),\s*|^i suppose\s+(?=i\b)",
    _I,
)
# Words that only make an act sound bigger: "absolutely glued", "a whole weekend", "two
# solid hours", "without a single message", "way too much".
_INTENSIFIERS = re.compile(
    r"\b(?:absolutely|completely|totally|utterly|literally|entirely|genuinely|frankly|"
    r"apparently|basically|solid|whole|entire|bloody|flipping|freaking)\s+",
    _I,
)
_WAY_TOO = re.compile(r"\bway too\b", _I)
# How often, said as a charge: "every single night", "every five seconds", "for the
# third summer running". The act is the same without it.
_FREQUENCY = re.compile(
    r",?\s*\b(?:every (?:\w+ )?(?:night|day|week|weekend|morning|evening|second|seconds|"
    r"minute|minutes|moment|moments|hour|hours|summer|year|meal|time)|(?:for )?(?:the )?\w+ "
    r"(?:\w+ )?(?:summer|year|week|weekend|month|time|night|day|sunday|saturday|friday) "
    r"(?:running|on the (?:trot|bounce)|in a row)|day in,? day out|"
    r"the (?:whole|entire) (?:time|day|night|evening|weekend|way through)|"
    r"24/7|round the clock|non-?stop)\b"
    # "every single minute of it": the "of it" goes with its count.
    r"(?:\s+of (?:it|that|them)\b)?",
    _I,
)
_WHOLE_TIME_WHILE = re.compile(
    r"\bthe (?:whole|entire) time (?=(?:i|you|we|he|she|they)(?:'m|'re)?\b)", _I
)
# Time given as what is spent ("you spend every waking moment on that renovation"): the
# count goes, the time stays, or the sentence would lose its object.
_TIME_SPENT = re.compile(
    r"\b(spen(?:d|ds|t|ding)) (?:every (?:waking |single )?(?:moment|minute|hour|second)s?|"
    r"all day(?: and (?:all )?night)?|day and night|every spare minute)\b",
    _I,
)
_WHOLE_TIME_SPENT = re.compile(r"\b(spen(?:d|ds|t|ding) the) (?:whole|entire) (\w+)", _I)
# Verbs that judge how the act was done; the plain verb says the same act.
_LOADED_VERBS = (
    (re.compile(r"\bglued to\b", _I), "on"),
    # "the punchline | of your birthday": where it happened.
    (MADE_ME_A_JOKE, lambda found: "made me look bad" + (" at " if found.group(1) else "")),
    (
        re.compile(
            r"\bwithout (?:even )?(?:asking|telling|checking with|consulting) me(?: first)?\b", _I
        ),
        "before we'd talked about it",
    ),
)
# Similes that say how it felt rather than what happened: "like it's on fire", "like
# it's nothing", "like I'm furniture".
_SIMILE = re.compile(r",?\s*\blike (?:it's|it is|i'm|i am|i was|a|an) [^,;]*", _I)
# A sign-off that comments on the act rather than saying it, left at a clause's end by
# texting without stops: "you spent the grocery money on vapes nice one", "… huh",
# "… cool cool", "… r you serious", "… that was lekker of you".
_SIGN_OFF = re.compile(
    # Not after a verb it completes: "you think that's ok" says what is ok.
    r"(?<!\bthat's)(?<!\bit's)(?<!\bis)(?<!\bwas)(?<!\bare)(?<!\bbe)(?<!\bwere)(?<!\bseems)"
    r"(?<!\blooks)(?<!\bfeels)(?<!\bsounds)(?<!\bnot)"
    r"[,\s]+(?:nice one|cool(?: cool)?|huh|ok(?:ay)?|great|lovely|love it|thx|thanks|"
    r"cheers|wow|amazing|classic|fab|r (?:you|u) serious|are you serious|i know|"
    # Only after a comma: "…, tell me", but "you never tell me" says what happened.
    r"(?:(?<=,\s)|(?<=,))(?:but )?(?:please,? )?(?:tell me|explain that|answer me|go on|"
    r"seriously)|"
    r"that was (?:\w+ )?(?:lekker|nice|kind|big|classy|sweet|lovely) of you)$",
    _I,
)
# A call at a clause's end says who is spoken to, not what happened: "… you let them,
# bru", "… since lunch, mate".
_CALLED_AT_THE_END = re.compile(
    r",\s*(?:bru|bro|boet|mate|babe|hun|hon|dude|pal|fam|sis|love|man|my guy|bud|buddy|"
    # A title said in scorn: "… soaking for four days, | master chef".
    rf"(?:master )?chef|{SCORN_TITLES}|captain|professor|princess|sunshine)$",
    _I,
)
# Mock praise closing the act: "…the wrong night, | event planner of the year", "…and
# you're at the pub | best boyfriend ever".
_TITLE_AT_THE_END = re.compile(
    r"(?:(?:,\s*|\s+)(?:the |my )?(?:best|worst|greatest) (?:boyfriend|girlfriend|husband|wife|"
    r"partner|dad|father|mum|mother)(?: ever| of the year)?|,\s*[\w' -]{1,25} of the year)$",
    _I,
)
# A wish that is a jibe after the act: "you made me cry at my own birthday dinner, | hope
# the steak was good".
_HOPE_IT_WAS_WORTH_IT = re.compile(
    r",\s*(?:i )?hope (?:the|your|it|that|they|she|he) [^,;]{0,30}?(?:was|were|is|are) "
    r"(?:good|worth it|nice|fun|tasty|great|lovely|delicious)$",
    _I,
)
# A jibe at the end that the partner will not care: "…, not that you'll remember".
_NOT_THAT_YOU_CARE = re.compile(
    r",?\s*not that you(?:'d|'ll| would| will| ever| even)? (?:ever |even )?"
    r"(?:remember|care|notice|listen|bother|read this)\w*$",
    _I,
)
# A comment after a comma that says the act was to be expected: "you forced it, plainly".
_EXPECTED_AT_THE_END = re.compile(
    r",\s*(?:plainly|obviously|clearly|evidently|apparently|naturally|of course|as usual|as always|"
    r"as per usual|as you do|surprise surprise|in case you(?:'re| are| were) wondering|"
    r"just so you know|fyi|for the record|by the way)$",
    _I,
)
# What the writer is mocked as expected to do about it: "…on zero sleep | and we're
# supposed to clap", "… and I'm meant to just be fine with that".
_APPLAUSE_EXPECTED = re.compile(
    r",?\s+and (?:i'm|i am|im|we're|we are) (?:supposed|meant|expected) to (?:just )?"
    r"(?:clap|cheer|applaud|smile|nod|say thanks|be (?:fine|ok|okay|cool|alright|grateful|"
    r"impressed|thankful|happy|pleased|proud)(?: with (?:it|that|this))?)$",
    _I,
)
# A list's vague end: "boxes and cables and whatnot", "… or whatever".
_VAGUE_END = re.compile(
    r",?\s+(?:and|or) (?:whatnot|all that|whatever|stuff|that|so on|everything else)$", _I
)
# "every single pair of them": a count of the things, which stay named before it; not
# "every one of Chloe's posts", which names them.
_EVERY_ONE_OF = re.compile(
    r",?\s*\bevery (?:single |last )?(?:one|pair|piece|bit|item|mile|step|penny)"
    r"(?: of (?:them|it)\b|\b(?! of\b))",
    _I,
)
# A reason whose subject was a verdict and went with it: "because [you're too lazy] to
# carry it up" leaves "because to carry it up".
_REASON_LEFT_WITHOUT_SUBJECT = re.compile(r",?\s+(?:because|cause|as|since)\s+to\b.*$", _I)
# Advice that is a verdict: "…, maybe you should live alone".
_ADVICE_TAIL = re.compile(r",?\s+maybe you (?:should|ought to|need to)\b.*$", _I)
# Where a run-on sentence may be cut: after a comma, or before "and"/"but"/"so".
_CUT_POINT = re.compile(r",\s+|\s+(?:and|but|so|then)\s+", _I)


# "The whole of Easter Monday", "all of Christmas Eve": the time itself, not its size.
_WHOLE_OF = re.compile(
    r"\b(?i:the (?:whole|entire) of|all of)\s+(?=[A-Z]|(?i:the |my |your |our ))"
)


# "on your phone the entire dinner": without its size, the event is when it happened,
# "on your phone during the dinner". Only after words that cannot take it as their
# object: "you ruined the whole dinner", "you posted the whole trip" keep "the".
_WHOLE_EVENT = re.compile(
    r"\b(\w+) the (?:whole|entire) (?=(?:dinner|meal|film|movie|party|wedding|trip|drive|"
    r"journey|flight|match|game|holiday|concert|show|meeting|lunch|breakfast|date|"
    r"christening|funeral)\b)",
    _I,
)
# "You ruined the whole evening": the evening is what was ruined, not how long it went on.
_SPOILT_WHOLE = re.compile(
    r"\b(ruined|ruin|ruins|spoiled|spoilt|spoil|spoils|wrecked|wreck|wrecks) the (?:whole|entire) ",
    _I,
)
_DURING_AFTER = word_set(
    """phone laptop ipad tablet screen asleep quiet drunk silent sulked sulking moaned
    moaning whinged whinging complained complaining talked talking texted texting scrolled
    scrolling gamed gaming me"""
)


def _the_event_as_a_time(found: re.Match[str]) -> str:
    before = found.group(1)
    return f"{before} during the " if before.lower() in _DURING_AFTER else f"{before} the "


def neutral(clause: str) -> str | None:
    """``clause`` as a plain observation; None when nothing of the act is left."""
    text = _EXASPERATED_OPENING.sub("", _without_symbols(clause).strip())
    text = _WHOLE_OF.sub("", text)
    # How often goes first: "the whole time" is a frequency, not "the time" intensified.
    text = _WHOLE_TIME_SPENT.sub(r"\1 \2", _TIME_SPENT.sub(r"\1 so much time", text))
    text = _WHOLE_TIME_WHILE.sub("while ", text)  # "the whole time I was away": while
    text = _SPOILT_WHOLE.sub(r"\1 the ", text)  # what was spoilt is no "how long"
    text = _EVERY_ONE_OF.sub("", _FREQUENCY.sub("", text))
    text = _WHOLE_EVENT.sub(_the_event_as_a_time, text)
    text = _WAY_TOO.sub("too", _INTENSIFIERS.sub("", without_single(text)))
    for loaded, plain in _LOADED_VERBS:
        text = loaded.sub(plain, text)
    text = tidy(_without_simile(text))
    text = tidy(_REASON_LEFT_WITHOUT_SUBJECT.sub("", _ADVICE_TAIL.sub("", text)))
    text = _without_tails(text)
    # Last, once the tails and the cap are done: either can leave "…9 | you are".
    text = tidy(_HANGING_END.sub("", capped(text)))
    words = text.split()
    if len(words) == 2 and words[0].lower() in _I_ALONE:
        return None  # "I know", "I'll eat", "I checked" say nothing of what happened
    return text if len(words) >= 2 else None


_I_ALONE = frozenset({"i", "i'll", "i'm", "i've", "i'd"})


# A verdict on the partner after the act: "you left the hob on, | you're a walking
# hazard", "you forget the school meeting, | this is very bad from you"; and a name heaped
# up after it that no list of insults knows ("the bill will be massive, | ya big gom").
_VERDICT_AT_THE_END = re.compile(
    rf",\s*(?:(?:you|ye|ya|u)(?:\s+{CALLED_WITH})+(?:\s+[a-z]+)?"
    r"|(?:you(?:'re|’re| are)|ur|ye're|yer)\s+(?:an?|such an?|so|a walking|a total|"
    r"a complete|an absolute)\s+[^,;]{1,30}"
    r"|(?:this|that|it)(?:'s|’s| is| was) (?:very |so |really |just |honestly )?(?:bad|wrong|"
    r"low|rude|not (?:ok|okay|on|fair|right|normal))(?: (?:from|of) (?:you|u))?)$",
    _I,
)
# What the writer will do about it, after what happened: "you forgot Lily's parents'
# evening | and I'm going alone from now on", "you turned up drunk | and I won't forgive
# it this time". A plan or a punishment is not the situation, and said back it threatens.
_MY_PLANS = (
    r"(?:(?:this|next) (?:time|year|week) |from now on,? )?"
    r"i(?:'m| am|'ll| will| won't| will not)(?: not)?(?: sure i want to)? "
    r"(?!going to (?:be|say)\b)"
    r"(?:going|gonna|moving|sleeping|staying|taking|blocking|calling|forgive|coming back|"
    r"ever|done|finished|booking|changing|cancell?ing)\b.*$"
)
_MY_PLANS_AFTER = re.compile(
    rf"(?:,\s*(?:and |so |but |then )?|\s+(?:and |so |but |then )){_MY_PLANS}", _I
)
_MY_PLANS_ALONE = re.compile(rf"^(?:and |so |but |then )?{_MY_PLANS}", _I)
# A punishment said straight after the act it punishes, with no joiner: "if you check
# your emails one more time at dinner | I'm throwing that phone in the soup"; and the
# other half of an ultimatum: "your turn, | or we don't go".
_PUNISHMENT_AFTER = re.compile(
    r",?\s+(?:i(?:'m| am|'ll| will) (?:throwing|binning|selling|kicking|smashing|burning|"
    r"dumping|unplugging|deleting|cancell?ing|changing the locks)\b"
    r"|or (?:we|i) (?:don't|won't|aren't|am not|'m not|do not) (?:go|come|bother|talk|"
    r"speak|stay|cook|pay|drive|going|coming)\b).*$",
    _I,
)


def is_my_plan(clause: str) -> bool:
    """Whether a whole clause is what the writer will do ("I'm staying at Nadia's till
    you're ready"): worth saying only when nothing of what happened is left."""
    return bool(_MY_PLANS_ALONE.match(clause.strip()))


# What is left of a result once its simile went: "… for three days | so it smells".
_LEFT_HANGING = re.compile(
    r",?\s+(?:so|and|till|until) (?:it|they|the \w+|everything) (?:now )?"
    r"(?:smells|smelt|smelled|looks|looked|sounds|feels|tastes)$"
    r"|,\s*(?:smelling|looking|sounding|tasting)$",  # "…still in the machine, | smelling"
    _I,
)
# What a verdict leaves hanging at a clause's end once it has gone: a joiner and a
# subject ("…because | you [care more about your phone]"), with its "be" too ("…, and
# it's [pathetic]"; after a time, "…it is now 9 | you are [liar]"), or a word that only
# led into it ("such", "turned out to be"). Not "…like I'm" or "…how I am", which lost
# more than a word.
_HANGING_END = re.compile(
    r",?\s+(?:and|but|because|cause|cos|bc|when|while|if|or)\s+"
    r"(?:you|u|i|we|he|she|they|it)(?:'re|'s|'m| are| is| was| were| am)?\s*$"
    r"|(?<=\d)\s+(?:you|u|i|we|he|she|they|it)(?:'re|'s|'m| are| is| was| were| am)\s*$"
    r"|\s+(?:such|very|quite|a|an|the)\s*$"
    r"|(?:^|\s+)(?:you|i|we|he|she|they)(?:'ve| have)? turned out to be\s*$",
    _I,
)
# A verdict that opens a sentence before the act: "You're so unserious, | you forgot to
# pay the school fees again".
# Also Newfoundland's "You're some stunned, b'y, you put…" and Ghanaian and Nigerian
# "Chale you be buffoon paa, you forgot…".
_VERDICT_FIRST = re.compile(
    r"^(?:(?:(?:chale|abeg|eh|ah|haba),?\s+)?(?:you(?:'re|’re| are| be)|ur|yer|ye're)\s+"
    r"(?:so|such an?|an?|a total|a complete|an absolute|some|real)\s+[^,;]{1,30}"
    r"|(?:chale|abeg),?\s+you be\s+[^,;]{1,30}),"
    r"(?:\s*(?:b'y|bud|mate|man|bro|boy|girl|my son|me son),)?\s*(?=(?:you|ye|u)\b)",
    _I,
)


def without_verdict_first(text: str) -> str:
    """``text`` without a verdict that opens it before the act ("You're so unserious, |
    you forgot to pay the school fees again")."""
    return _VERDICT_FIRST.sub("", text)


# A part whose verdict went and left its "is" behind: "your jealousy is, | he's my cousin".
_COPULA_LEFT_FIRST = re.compile(
    r"^[^,;]*\b(?:is|was|are|were),\s*(?=(?:he|she|it|they|we|i|you)(?:'s|'re|'m|’s|’re|’m)?\s)",
    _I,
)


# A name the writer's own English calls the partner, set off by a comma before the act
# or after it: "You egg, | you left the chilly bin at the bach", "… all night, | you
# absolute colander-head". No list knows every such name, so the shape says it: "you"
# and one to three words alone between a comma and the clause's edge. Not when a word
# of them is a verb or a little word, which make a clause of their own: "…, you know",
# "…, you promised", "…, you lot too". In the middle too: "…, ya dropkick, and now…".
_NAMED_FIRST = re.compile(
    r"^(?:you|ya|ye|yuh|jou)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+),\s*(?=(?:you|ye|ya|u)\b)", _I
)
_NAMED_LAST = re.compile(r",\s*(?:you|ya|ye|yuh|jou)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)$", _I)
_NAMED_BETWEEN = re.compile(
    r",\s*(?:you|ya|ye|yuh|jou)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+),\s*(?=(?:and|so|but|now)\b)", _I
)
_NOT_A_NAME = word_set(
    """know see say said did do does are were was will would could should can promise
    promised swear swore agree agreed forgot left lie lied win won lose lost bet think
    thought wish decide choose pick go went come came again too both all two lot guys
    also first ok okay there here up out back right idea mean meant ask asked start
    started want wanted need needed hear heard tell told take took make made get got
    keep kept sleep slept eat ate drink drank buy bought pay paid run ran drive drove
    next last day days time week now then later today tonight tomorrow yesterday"""
)


# One word alone after "you" is mostly a verb ("your boss emails, | you answer", "the
# second I need you, | you vanish"), so one word is a name only when it is built like
# one ("colander-head", "knucklehead", "dropkick") or is a name the lists know.
_BUILT_LIKE_A_NAME = re.compile(
    r"(?:-|head|brain|brains|wit|kick|nut|ball|bag|face|pot|lump|skull)[a-z]*$|^[a-z]+-", _I
)
_ONE_WORD_NAMES = word_set(
    """egg thief twpsyn numpty eejit idjit drongo doylem galah dingus mampara moegoe
    olodo mumu goondu sotong buddhu kwasia munter streel meff divvy gom gowk dafty
    plonker muppet pillock dropkick clown dummy dork doofus numbskull donut mochyn"""
)


def _a_name(words: str) -> bool:
    """Whether ``words`` after "you" and a comma can only be a name called."""
    alone = words.lower().split()
    if len(alone) > 1 and alone[0] in ("this", "dis"):  # "You this olodo, you…"
        alone = alone[1:]
    if len(alone) == 1 and not (alone[0] in _ONE_WORD_NAMES or _BUILT_LIKE_A_NAME.search(alone[0])):
        return False
    for word in alone:
        if word in _NOT_A_NAME or word in FUNCTION_WORDS or is_past(word):
            return False
        if word.endswith(("n't", "'ll", "'re", "'ve", "'d")):
            return False
    return True


def _without_names_called(text: str) -> str:
    first = _NAMED_FIRST.match(text)
    if first and _a_name(first.group(1)):
        text = text[first.end() :]
    last = _NAMED_LAST.search(text)
    if last and _a_name(last.group(1)):
        text = text[: last.start()]
    between = _NAMED_BETWEEN.search(text)
    if between and _a_name(between.group(1)):
        text = text[: between.start()] + " " + text[between.end() :]
    return text


# What a verdict said first leaves of its "you are": "[Dead divvy,] you are, | lettin'
# the dog eat the roast" is "you are lettin' the dog eat the roast".
_OWNED_AFTER_A_VERDICT = re.compile(
    r"^,?\s*(you are|you were|you're),\s*(?=[a-z]+(?:ing|in')\s)", _I
)


def _without_tails(text: str) -> str:
    """``text`` without what closes it and says nothing of the act, however many there
    are: "… wow ok", "… and whatnot, mate"."""
    text = _OWNED_AFTER_A_VERDICT.sub(r"\1 ", text)
    # Names first: "You egg, | you're so lazy, | you left…" opens on its verdict once the
    # name has gone.
    text = _COPULA_LEFT_FIRST.sub("", _VERDICT_FIRST.sub("", _without_names_called(text)))
    while True:
        shorter = _PUNISHMENT_AFTER.sub("", _without_names_called(text))
        shorter = _LEFT_HANGING.sub(
            "", _VERDICT_AT_THE_END.sub("", _MY_PLANS_AFTER.sub("", shorter))
        )
        shorter = _SIGN_OFF.sub("", _EXPECTED_AT_THE_END.sub("", shorter))
        shorter = _TITLE_AT_THE_END.sub("", _CALLED_AT_THE_END.sub("", shorter))
        shorter = _NOT_THAT_YOU_CARE.sub("", _HOPE_IT_WAS_WORTH_IT.sub("", shorter))
        shorter = _APPLAUSE_EXPECTED.sub("", shorter)
        shorter = tidy(_VAGUE_END.sub("", shorter))
        if shorter == text:
            return text
        text = shorter


# A sense verb whose likeness went with the simile: "you look | like a total dag". The
# clause says nothing without it.
SENSE_VERBS = r"(?:look|looks|looked|sound|sounds|seem|seems|feel|feels|felt)"
_LIKENESS_LEFT = re.compile(rf"\b{SENSE_VERBS}$", _I)


# What the partner made the writer look or feel like: "you made me look | like a
# gold-digger | at your parents' dinner". The likeness is a name, if the writer's own;
# the rewrite says what it meant ("look bad", "feel small") and keeps where it was. Not
# "you make me feel like a flatmate, | not a girlfriend", which only a likeness says.
MADE_ME_SEEM = (
    r"\b(?:made|make|makes|making)\s+me\s+(?:(?P<looks>look|looked|sound|seem)|feel|felt)"
)
_MADE_ME_LIKE = re.compile(
    rf"({MADE_ME_SEEM})\s+like (?:an?|some) "
    r"(?:[\w'-]+ ){0,3}?[\w'-]+(?!\s*,?\s*not\b)(?=\s+(?:at|in|to|by|on|when|while|with|for|"
    r"during|over|after|before|because|and|but|then|so)\b|\s*[,;.!?]|\s*$)",
    _I,
)


def likeness_meant(made_me_seem: re.Match[str]) -> str:
    """What a likeness after ``MADE_ME_SEEM`` said of the writer: that they looked bad
    ("made me look like a liar") or felt small ("made me feel like a coat rack")."""
    return "bad" if made_me_seem.group("looks") else "small"


def _made_me_look_bad(found: re.Match[str]) -> str:
    return f"{found.group(1)} {likeness_meant(found)}"


def _without_simile(text: str) -> str:
    text = _MADE_ME_LIKE.sub(_made_me_look_bad, text)
    plain = _SIMILE.sub("", text)
    if plain == text or not _LIKENESS_LEFT.search(plain):
        return plain
    cuts = list(_CUT_POINT.finditer(plain))
    return _JOINER_LEFT.sub("", plain[: cuts[-1].start()]) if cuts else ""


def without_frequency(text: str) -> str:
    """``text`` without how often it says something happens ("for the second month
    running", "every single night"): a count is not what a draft is about."""
    return tidy(_FREQUENCY.sub("", text))


def _without_symbols(text: str) -> str:
    """``text`` without emoji and other pictographs: "😒" says how it felt, and a
    rewrite says that in words."""
    return "".join(
        " " if unicodedata.category(ch) in ("So", "Sk", "Cs") else ch
        for ch in text
        if ch not in "\u200d\ufe0f\ufe0e"
    )


# A joiner left at the end of a cut: "…, forgot the shopping, | and".
_JOINER_LEFT = re.compile(r"[,;\s]+(?:and|but|so|then|or)$", _I)


def capped(text: str) -> str:
    """The first clauses of ``text`` up to ``MAX_SITUATION_WORDS`` words, cut where a
    clause ends; a text with no such place, or only one that leaves fewer than six words,
    is cut before a phrase (``_cut_at_a_phrase``)."""
    if len(text.split()) <= MAX_SITUATION_WORDS:
        return text
    kept = ""
    for found in _CUT_POINT.finditer(text):
        head = text[: found.start()]
        if len(head.split()) > MAX_SITUATION_WORDS:
            break
        kept = head
    if len(kept.split()) < _SHORTEST_CUT:  # "we go out | and you end up chatting to …"
        kept = _cut_at_a_phrase(text.split())
    return tidy(_JOINER_LEFT.sub("", kept))


# Where a cut with no clause end in reach goes instead of at the eighteenth word, which
# left "…watching horror films while I was" and "…ignored me for two hours to talk shop
# with": before the last word that opens a phrase, so that what is kept ends on a word
# that says something. "to" opens one after a noun ("two hours | to talk shop"), not
# after a verb it completes ("you forgot to book the vet"); so does a word in "-ing"
# ("round the car park | looking for a cheaper spot").
_PHRASE_OPENERS = word_set(
    """while because until when whenever if after before since though as with without
    for at in on from by about into over and or but then so that which who where"""
)
_SHORTEST_CUT = 6


def _cut_at_a_phrase(words: list[str]) -> str:
    """The longest head of ``words`` within the cap that stops before a phrase; with no
    such place, the first words within the cap without the function words they end on."""
    lower = [word.lower().strip(",;") for word in words]
    for end in range(min(MAX_SITUATION_WORDS, len(words) - 1), _SHORTEST_CUT - 1, -1):
        before = lower[end - 1]
        opens = (
            lower[end] in _PHRASE_OPENERS
            or (lower[end].endswith("ing") and len(lower[end]) > 4)
            or (lower[end] == "to" and not is_past(before) and not before.endswith("ing"))
        )
        if opens and before not in FUNCTION_WORDS:
            return " ".join(words[:end])
    kept = words[:MAX_SITUATION_WORDS]
    while len(kept) > _SHORTEST_CUT and kept[-1].lower() in FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept)
