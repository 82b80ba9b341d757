"""A gentler rewrite built from a draft's own words.

Each sentence of the draft is read on its own. The blame goes (insults, sarcasm,
threats, claims about motives, "always" and "never"); what is left of an observation
stays ("you left me on read for five hours"), and a complaint about something missing
("you never call me back") becomes a request ("call me back"). The rewrite then says
"I feel … when …" and asks "Would you be willing to …?".

The draft is read in plain spelling first ("u" as "you", a shouted "AGAIN" as
"again"; see ``coach_spelling``). Frames that carry a request or an observation inside
their blame ("is it too much to ask that you ...", "stop interrupting me") give up what
they carry (``coach_turns``). When nothing of the situation survives the blame (pure
sarcasm, a verdict), the rewrite still names what the draft is about with the draft's
own words: "about the gas bill", "when it comes to making plans", "about last night",
"about how we talk" (from "you're impossible to talk to"). A word that judges is never
that subject ("your selfishness", "you're such a child"); a draft that is all verdict
and names nothing gets a rewrite that names nothing rather than an invented subject.

The rewrite never invents facts: it only keeps, drops or rearranges the draft's words.
A feeling is used only when the draft names one; otherwise the person chooses among a
few that fit the subject, and the text shows the choice in brackets. The same goes for
a request the draft does not make.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from heartwise.domain.coach_clauses import (
    ABSOLUTE_LEFT,
    CLAUSE_TAKING_VERBS,
    CONDITIONAL_THREAT,
    EVERY_SINGLE,
    FUNCTION_WORDS,
    IMPERATIVE,
    NEGATED,
    TRAILING_JOINER,
    WHY_QUESTION,
    as_request,
    ends_cleanly,
    request_from,
    why_as_statement,
    without_absolutes,
    without_markup,
)
from heartwise.domain.coach_cues import (
    BLAMING_ACTS,
    GENERIC_PHRASES,
    LEAD,
    PRAISE,
    THANKS_THEN_MISHAP,
    YOU_FORMS,
    YOU_IN_TEXT_SPEAK,
    YOUR_IN_TEXT_SPEAK,
    any_word,
    blames,
)
from heartwise.domain.coach_grammar import (
    as_clause,
    base_of_gerund,
    is_past,
    past_form,
    plural,
    sentences,
    tidy,
    word_set,
)
from heartwise.domain.coach_lexicon import (
    AFTER_SHUTTING_DOWN,
    APPLAUSE,
    MASS_NOUNS,
    PHRASES,
    SCORN_TITLES,
    SITUATION_NOUNS,
    SOFTENERS,
    STILL_HARSH,
    Topic,
    topic_of,
)
from heartwise.domain.coach_neutral import (
    MADE_ME_SEEM,
    SENSE_VERBS,
    is_my_plan,
    likeness_meant,
    neutral,
    without_frequency,
    without_verdict_first,
)
from heartwise.domain.coach_spelling import plain_text
from heartwise.domain.coach_turns import DOABLE, JUDGING, SEEN, the_complaint, turn
from heartwise.domain.feelings import (
    FEELINGS,
    feeling_ends_at,
    feeling_named_in,
    feeling_starts_at,
)

_MAX_CLAUSES = 2
_SENTENCE_PHRASES = tuple(p for p in (*PHRASES, *GENERIC_PHRASES) if p.action == "sentence")
_PART_PHRASES = tuple(p for p in (*PHRASES, *GENERIC_PHRASES) if p.action != "sentence")
_ULTIMATUM_TAILS = tuple(p for p in _PART_PHRASES if p.kind == "threat")
_LEAD = re.compile(LEAD, re.IGNORECASE)

_STARTS_CLAUSE = word_set(
    """you you're you've you'd your i i'm i've i'd we we're we've our my the it
    it's there this that he she they his their when"""
)
# "you didn't hear a word I said, did you": the tag asks for nothing.
_TAG_AUX = (
    r"(?:did|do|don't|didn't|are|aren't|were|weren't|will|won't|can't|haven't|have|is|isn't|"
    r"was|wasn't|would|wouldn't|does|doesn't|hasn't)"
)
# "… didn't it?", "… does it?" ask nothing either, after a comma: "you do it" is no tag.
_TAG_QUESTION = re.compile(
    rf"(?:,?\s+{_TAG_AUX}\s+you|,\s*{_TAG_AUX}\s+(?:it|they|he|she))\s*$", re.IGNORECASE
)
_SCARE_QUOTES = re.compile(r"(?<![a-z])'[a-z][^'.!?]{1,30}'(?![a-z])", re.IGNORECASE)
# Words that make a group of words a clause rather than a bare noun phrase ("the state
# of the kitchen" cannot follow "I feel hurt when").
_VERBISH = word_set(
    """you i we he she they it you're you've you'd you'll i'm i've i'd we're they're he's
    she's it's there's that's is are was were be been has have had do does did don't
    didn't doesn't can can't could couldn't will won't would wouldn't"""
)


def _has_verb(words: list[str]) -> bool:
    lower = [w.lower() for w in words]
    return any(
        (w in _VERBISH and not _party_do(lower, i)) or is_past(w) or _is_doing(lower, i)
        for i, w in enumerate(lower)
    )


def _is_doing(lower: list[str], at: int) -> bool:
    """ "your mam's | expecting us": an "'s" before an "-ing" word is "is"."""
    after = lower[at + 1] if at + 1 < len(lower) else ""
    return lower[at].endswith(("'s", "’s")) and after.endswith("ing") and len(after) > 4


# A "do" that is a party, not a verb: "your mate's stag do", "the leaving do".
_PARTIES = word_set("stag hen leaving work office birthday christmas engagement family")


def _party_do(lower: list[str], at: int) -> bool:
    return lower[at] == "do" and at > 0 and lower[at - 1] in _PARTIES


_SUBJECTS = word_set("you you're i i'm we we're they they're he she it's")
_NOUN_PHRASE = re.compile(
    r"\b(my|your|our|the|his|their|this|that) ([a-z][a-z'-]+)(?: ([a-z]+))?", re.I
)
# Second words of everyday compounds: "the golf course", "the toilet seat", "gym kit".
_NOUN_SECOND = SITUATION_NOUNS | word_set(
    "list day course seat group kit bag key keys cake play pickup fees report gate strips "
    "service repair treatment visit runs scissors knife knives pans towels sheets mugs "
    "machine tin shake pics drawer oil pan shirt shirts uniform ticket tickets form forms "
    "market quiz seats chair roll"
)
# Words in "-er" after a noun that are no thing: comparisons ("the car later") and verbs
# ("did the kids remember").
_NOT_ER_NOUNS = word_set(
    """later longer faster bigger better earlier sooner harder easier louder quieter colder
    hotter cheaper nicer older younger smaller higher lower closer further farther quicker
    slower shorter nearer wider deeper richer poorer worse rather whether together either
    neither other another over under after ever never however whatever wherever whenever
    remember answer offer order gather bother wonder matter suffer consider deliver
    discover enter cover recover register prefer alter were here there where mother father
    brother sister daughter"""
)


def _second_of_compound(word: str) -> bool:
    """Whether ``word``, after a noun, ends a compound with it: "the golf course", and
    the many things named by what they do ("leaf blower", "lawn mower", "coffee maker")."""
    return word in _NOUN_SECOND or _names_a_doer(word)


def _names_a_doer(word: str) -> bool:
    doer = word.endswith("er") and len(word) >= 5 and not word.endswith("ier")
    return doer and word not in _NOT_ER_NOUNS | FUNCTION_WORDS | _VERBISH


@dataclass(frozen=True)
class Rewrite:
    """The parts of a rewrite and the text they make; choices are the person's to make."""

    situation: tuple[str, ...]
    topic: str | None
    feeling: str | None
    feeling_choices: tuple[str, ...]
    request: str | None
    request_choices: tuple[str, ...]

    @property
    def needs_feeling(self) -> bool:
        return self.feeling is None

    @property
    def needs_request(self) -> bool:
        return self.request is None

    @property
    def text(self) -> str:
        """The rewrite as shown: an open choice appears as "[one / other]"."""
        feeling = self.feeling or _choice(self.feeling_choices)
        request = self.request or _choice(self.request_choices)
        return compose(self.situation, self.topic, feeling, request)

    def filled(self, feeling: str | None = None, request: str | None = None) -> str:
        """The rewrite with the person's choices (or, by default, the first of each)."""
        return compose(
            self.situation,
            self.topic,
            feeling or self.feeling or self.feeling_choices[0],
            request or self.request or self.request_choices[0],
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "feeling": self.feeling,
            "needs_feeling": self.needs_feeling,
            "feeling_choices": list(self.feeling_choices),
            "request": self.request,
            "needs_request": self.needs_request,
            "request_choices": list(self.request_choices),
        }


def _choice(options: tuple[str, ...]) -> str:
    return "[" + " / ".join(options) + "]"


def compose(situation: tuple[str, ...], topic: str | None, feeling: str, request: str) -> str:
    if situation:
        opening = f"I feel {feeling} when {' and '.join(situation)}."
    elif topic:
        opening = f"I feel {feeling} {topic}."
    else:
        opening = f"I feel {feeling}, and I'd like to ask you something."
    return f"{opening} Would you be willing to {request}?"


@dataclass
class _Reading:
    clauses: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    shut_down: bool = False
    # How often the whole draft speaks to the partner ("you", "your", "ur"): a sentence
    # that names no one is read as their act only when no other sentence does.
    you_words: int = 0
    # The draft says an effort was wasted ("For nothing."): the efforts it tells without
    # a doer are the writer's ("Kept the whole Saturday free.").
    my_effort_wasted: bool = False
    # A sentence of the draft is a sarcastic title or applause alone ("Genius.", "Slow
    # clap 👏"): what it caps was done, so "Put my coat in the hot wash" is past.
    capped_by_a_tag: bool = False
    # What a mock surprise said was remembered ("Wow you remembered the dentist"), as its
    # topic: what the lateness told next ("Only a week late.") was late for.
    remembered: str | None = None


def rewrite(draft: str, subject: str | None = None) -> Rewrite:
    """A gentler version of ``draft`` made of its own words (see the module docstring).
    ``subject`` is what a model is confident the draft is about (``topic_of``)."""
    # Markup is not words: a pasted "<b>" or "&amp;" has no place in what is sent.
    text = _quoted_against_the_clock(plain_text(without_markup(_beginning(draft))))
    mishaps = ". ".join(found.group(2) for found in THANKS_THEN_MISHAP.finditer(text))
    text = THANKS_THEN_MISHAP.sub(_without_the_thanks, text)
    reading = _Reading(
        you_words=_you_words(text),
        my_effort_wasted=bool(_FOR_NOTHING.search(text)),
        capped_by_a_tag=any(_TAG_ALONE.match(s.strip(" .!?…")) for _, s in sentences(text)),
    )
    news = 0  # how many clauses were news told before an aside with the grievance
    for index, (start, sentence) in enumerate(sentences(text)):
        read_before = (len(reading.clauses), len(reading.topics), len(reading.requests))
        for part in _MID_PLEASE.split(sentence, maxsplit=1):
            _read_sentence(part, reading)
        read_after = (len(reading.clauses), len(reading.topics), len(reading.requests))
        if index == 1 and _ASIDE.search(sentence.strip()) and read_after != read_before:
            news = read_before[0] if _is_news(text[:start]) else 0
    topic = topic_of(text, subject)
    # What happened, said plainly: the heat of the draft's wording stays out of it.
    plain_clauses = (neutral(clause) for clause in reading.clauses[news:])
    # "you make me feel like a flatmate, not a girlfriend" loses its simile and with it
    # what the feeling was: "you make me feel, not a girlfriend" says nothing.
    # "you grow | always | up" closed up is a jibe again, and is not what happened.
    whole = [c for c in plain_clauses if c and not _FEEL_CUT_SHORT.search(c) and not _jibe(c)]
    # What the writer will do next is no situation, unless nothing else is left.
    happened = [c for c in whole if not is_my_plan(c)] or whole
    situation = tuple(dict.fromkeys(happened))[:_MAX_CLAUSES]
    request = reading.requests[0] if reading.requests else None
    subject = next((t for t in reading.topics if has_content(t)), None)
    if not has_content(" ".join((*situation, request or ""))):
        # Nothing of the situation survived the blame: say what it was about, in the
        # draft's own words, rather than a rewrite that could be about anything.
        complaint = _without_verdicts_on_who(_complaints_only(text))
        subject = subject or subject_of(complaint) or _fragment_named(mishaps)
        if subject:
            situation = ()
    return Rewrite(
        situation=situation,
        topic=None if situation else subject,
        feeling=feeling_named_in(text),
        feeling_choices=topic.feelings,
        request=request,
        request_choices=_request_choices(topic, request, reading.shut_down),
    )


# A second sentence said as an aside to the first: "Your dad rang about Sunday lunch. |
# Also you're hopeless, the insurance lapsed…", "Kids are at my mum's till 6. | You
# missed parents' evening again btw." When the first is short news, it is not the
# grievance (``_is_news``).
_ASIDE_OPENERS = r"(?:also|plus|btw|by the way|p\.?s\.?)"
_ASIDE = re.compile(
    rf"^(?:{_ASIDE_OPENERS}|and also|oh and|and another thing)\b|\bbtw\W*$", re.IGNORECASE
)


# What an aside's opening leaves once the blame after it has gone: "Also | you're
# hopeless |, the car insurance lapsed".
_ASIDE_LEFT = re.compile(rf"^{_ASIDE_OPENERS}\s*,\s*", re.IGNORECASE)


def _is_news(text: str) -> bool:
    """Whether ``text`` is a short piece of news with no "you" in it ("Your dad rang about
    Sunday lunch.", "The boiler's making that noise again."), unlike "You forgot my
    birthday." or "I don't understand why your mother must come every weekend"."""
    words = text.split()
    return len(words) <= _NEWS_WORDS and not _YOU_OR_WHY.search(text)


_NEWS_WORDS = 8
_YOU_OR_WHY = re.compile(r"\b(?:you|you're|you've|you'd|you'll|u|why|how come)\b", re.IGNORECASE)


def _without_the_thanks(found: re.Match[str]) -> str:
    """Thanks for a mishap ("Thank you for your assistance. | Kitchen floor sticky.") say
    nothing of it: what went wrong is read alone."""
    return found.group(0).replace(found.group(1), "", 1)


# What a fragment says of its thing after it, and what it says came in its place:
# "Kitchen floor | sticky", "| Zero | hot water", "Glitter | everywhere".
_FRAGMENT_TAIL = re.compile(
    r"(?:\s+(?:everywhere|again|still|now|sticky|empty|overflowing|soaked|flooded|ruined|"
    r"gone|forever|as usual|yet again|all over|on the floor))+$",
    re.IGNORECASE,
)
_NO_THING_AFTER = word_set("very so such really too quite pretty rather just how what")
_FRAGMENT_HEAD = re.compile(r"^(?:zero|no|another|more|still)\s+", re.IGNORECASE)


def _fragment_named(text: str) -> str | None:
    """The thing a mishap said without a verb names (``text`` holds the fragments that
    followed thanks for them): "Amazing, thanks. Forty quid overdraft fee." is "about the
    forty quid overdraft fee". Only a short fragment with no verb, verdict or praise.
    Read anywhere else, a verbless sentence is as often a verdict ("Drama queen.") or
    words of another language, which are no subject."""
    for _, sentence in sentences(text):
        part = _LIST_BREAK.split(sentence.strip(" .!?…"), maxsplit=1)[0]
        part = _FRAGMENT_HEAD.sub("", _FRAGMENT_TAIL.sub("", part)).strip()
        words = part.split()
        if not 2 <= len(words) <= 6 or _has_verb(words) or PRAISE.search(part):
            continue
        if STILL_HARSH.search(part) or ABSOLUTE_LEFT.search(part) or not has_content(part):
            continue
        first = words[0].lower()
        if first in _NO_THING_AFTER:  # "Very brave.", "Such a cosy fridge, …": praise
            continue
        determined = first in _DETERMINERS or first[0].isdigit() or first.endswith("'s")
        lead = "" if determined else "the "
        return f"about {lead}{first}{part[len(words[0]) :]}"
    return None


def _complaints_only(text: str) -> str:
    """``text`` without what its sentences grant before their complaints: a draft that
    says the party was fine is not about the party."""
    return " ".join(the_complaint(sentence) for _, sentence in sentences(text))


def _jibe(clause: str) -> bool:
    # Also a clause left hanging once its simile went: "the kitchen looks | like a bomb
    # hit it" says nothing about the kitchen; and a verdict left once what followed it
    # went ("you're no right in the heid | if you think I'm paying").
    hanging = bool(_HANGS_ON_A_LINK.search(clause) or _ONLY_A_TAG.match(clause))
    hanging = hanging or bool(_WHO_YOU_ARE.match(clause)) or _a_bare_verdict(clause)
    return hanging or any(phrase.pattern.search(clause) for phrase in _PART_PHRASES)


# "you're so unserious", "you're shameless", "ur such a clown fr" once "a clown" went:
# a word about the partner and nothing else is a verdict, not what happened, unless the
# word is a state they were in ("you're late", "you were out", "you're drunk again") or
# something they were doing ("you were smiling").
_BARE_YOU_ARE = re.compile(
    r"^(?:you(?:'re| are| were)|ur|u r|yer)\s+(?:(?:so|such|really|very|too|just|genuinely|"
    r"always|literally|actually)\s+)*(?P<word>[a-z'-]+)(?:\s+(?:fr|tbh|lol|at this|"
    r"aren't you|weren't you))?$",
    re.IGNORECASE,
)
_STATES_OF_BEING = word_set(
    """late early tired home out away back here there alive hungry angry upset drunk
    hungover asleep awake busy online offline sick ill gone quiet silent sober stressed
    sad worried scared pregnant injured hurt free off knackered exhausted shattered
    broke caught seen told warned"""
)


def _a_bare_verdict(clause: str) -> bool:
    """Whether ``clause`` is only a word about the partner, or that word and a comma
    before more of the same ("you are so shameless, no sense")."""
    head, comma, rest = clause.partition(",")
    if comma and _YOU_WORD.match(rest.strip()):
        return False  # "…, you took the last slice" is an act of its own
    found = _BARE_YOU_ARE.match(head.strip())
    if not found:
        return False
    word = found.group("word").lower()
    return word not in _STATES_OF_BEING and not word.endswith("ing")


# What is left of a sentence that said nothing of what happened: a tag once the verdict
# went ("You're some gobshite, | you know that?"), a preamble ("I must say"), being done
# ("I'm so done": read as shutting down, and not said back), sarcasm ("but I'm not
# holding my breath"), a threat's condition alone ("if | you do that | again, I'm …").
_ONLY_A_TAG = re.compile(
    r"^(?:and |but )?(?:do )?(?:you|ya|ye) know (?:that|it)$|^(?:and |but )?(?:do )?"
    r"(?:you|ya|ye) know what\b|"
    r"^(?:i must|i have to|i've got to|i gotta) say$|"
    r"^(?:honestly,? |seriously,? |tbh,? |ugh,? )?i(?:'m| am) (?:so |just |honestly |completely |"
    r"absolutely )*done$|^(?:but )?(?:i'm|i am) not holding my breath$|"
    r"^you (?:do|did|pull|try)(?: a stunt like| something like)? (?:that|this|it)$|"
    r"^i(?:'ve| have) said what i (?:said|had to say)$|"
    r"^(?:so,? |right,? |ok(?:ay)?,? )?let me (?:get this straight|guess|spell it out)\b",
    re.IGNORECASE,
)
_HANGS_ON_A_LINK = re.compile(
    r"\b(?:looks|seems|sounds|feels|looked|seemed|sounded|felt)$", re.IGNORECASE
)


# A thing the writer consoles themselves with, said to sting: "The lasagne won't mind."
# It is no subject of the complaint.
_A_THING_WONT_MIND = re.compile(
    r"^(?:at least )?(?:the|my|your|our) [\w' -]{2,30}? (?:won't|will not|doesn't|does not|"
    r"didn't|did not) (?:mind|care|complain|judge|notice)\b",
    re.IGNORECASE,
)


def _without_verdicts_on_who(text: str) -> str:
    """``text`` without its sentences that only say what the partner is ("You're a
    walking red flag." is about no walking) or console the writer ("The lasagne won't
    mind.")."""
    kept = (
        s
        for _, s in sentences(text)
        if not _WHO_YOU_ARE.match(s.strip(" .!?…"))
        and not _CALLED_A_CHILD.match(s.strip())
        and not _A_THING_WONT_MIND.match(s.strip())
    )
    return " ".join(kept)


# A "please" in the middle of an unpunctuated text starts a new sentence: "ur mum rang
# about sunday lunch | please deal with her yourself".
_MID_PLEASE = re.compile(
    r"(?<=\w)(?<!\bcould)(?<!\bwould)(?<!\bcan)(?<!\byou)(?<!\bto)\s+(?:(?:and|so|but)\s+)?"
    r"(?=please\s+[a-z]+\s+\w)",
    re.IGNORECASE,
)
# A rewrite keeps two clauses and one request, so the first part of a long draft gives
# all it needs; reading further only costs time (a draft may have 10,000 characters).
REWRITE_READS = 2_000


def _beginning(draft: str) -> str:
    if len(draft) <= REWRITE_READS:
        return draft
    cut = draft.rfind(" ", 0, REWRITE_READS)
    return draft[: cut if cut > 0 else REWRITE_READS]


def _request_choices(topic: Topic, request: str | None, shut_down: bool) -> tuple[str, ...]:
    offered = (AFTER_SHUTTING_DOWN, topic.requests[0]) if shut_down else topic.requests
    return tuple(dict.fromkeys(((request,) if request else ()) + offered))


# A verdict on the partner in one part of life: "When it comes to my family, you're a
# brick wall", "When it comes to texting back you're a ghost". The verdict goes; the part
# of life is what the draft is about, and what follows it is read on.
_VERDICT_ON_A_SUBJECT = re.compile(
    r"^when it comes to (?P<what>[^,]{2,40}?),?\s+(?:you|u)(?:'re| are| r)\s+[^,]+"
    r"(?:,\s*(?P<rest>.+))?$",
    re.IGNORECASE,
)


def _read_sentence(sentence: str, reading: _Reading) -> None:
    if _ONLY_QUOTED.match(sentence):
        # The partner's own words, quoted back: what happened is said next, and what the
        # words were about is kept in case it is not.
        _add_topic(sentence.strip(" '‘’\"“”.!?,…"), reading)
        return
    sentence = the_complaint(_STOP_IN_QUOTE.sub(r"\1", sentence.strip()))
    question = sentence.endswith("?")
    text = sentence.rstrip(".!?…").strip()
    if _ROLE_REFUSED.match(text) or _SAID_ONLY_TO_HURT.search(text):
        return  # "I'm not your PA", "let that sink in": what happened is elsewhere
    text = _BLESS_YOUR_HEART.sub("", text)  # "Bless your heart, you really thought …"
    ultimatum = _ONE_MORE_AND.match(text)
    if ultimatum:  # "One more drunk call at 3am and we're done": about the drunk call
        # The thing is read as "One more X." ("…weekend on the golf course" is about the
        # golf course); a thing with nothing else to read in it as "Another X.".
        what, read_before = ultimatum.group(1), len(reading.topics)
        _read_sentence(f"One more {what}.", reading)
        thing = None if len(reading.topics) > read_before else subject_of(f"Another {what}.")
        if thing:
            reading.topics.append(thing)
        return
    text = _late_for_what_was_remembered(_my_chore_alone(_with_the_doer_said(text)), reading)
    refused = _REFUSED_BECAUSE.match(text)
    if refused and not _NO_ACT_DONE.match(refused.group("act")):
        _read_sentence(refused.group("act") + ("?" if question else "."), reading)
        return
    after = _AFTER_DOING_IT_TO_ME.search(text)
    if after:
        # "Oh so now you want to talk, | after ignoring me for two days?": what was done
        # before is an act of its own, whatever the rest of the sentence is.
        head = text[: after.start()].strip()
        if head:
            _read_sentence(head + ("?" if question else "."), reading)
        doing, _, rest = after.group(1).partition(" ")
        done = past_form(base_of_gerund(doing) or doing)
        text, question = f"you {done}{' ' + rest if rest else ''}{after.group(2)}", False
    bothered = _NOT_BOTHERED_BECAUSE.search(text)
    if bothered and text[: bothered.start()].strip():
        # "I walked home in the rain | cos you couldn't be bothered to pick me up": what
        # happened, and what was not done asked for.
        reason = turn(bothered.group("reason"))
        if reason is not None and reason.request:
            _add_request(as_request(reason.request), reading)
        text = text[: bothered.start()]
    text = _EXCLAIMED.sub("", text).strip()
    judged = _VERDICT_ON_A_SUBJECT.match(text)
    if judged:  # "When it comes to promises you're all talk, | you said you'd fix the shed"
        reading.topics.append(f"about {judged.group('what').strip()}")
        if not judged.group("rest"):
            return
        text = judged.group("rest")
    speaks_to_them_elsewhere = reading.you_words > _you_words(sentence)
    if not reading.my_effort_wasted:
        text = _with_you_put_back(text, speaks_to_them_elsewhere, reading.capped_by_a_tag)
    told = _setting_after(_how_long_after(text))
    unframed = _without_mock_frames(told, reading)
    if not unframed:
        return
    text = unframed
    if _THE_FACT_THAT.match(text):
        text = _the_act_in_evidence(_SAYS_IT_ALL.sub("", _THE_FACT_THAT.sub("", text)))
    verdict = _VERDICT_AT_THE_END.search(text)
    if verdict and _a_thing_named(text[: verdict.start()]):
        text = text[: verdict.start()]
    asked = _EXPLAIN_WHY.match(text)
    if asked:  # "Kindly explain why the drawer is hanging off": it is hanging off
        text, question = asked.group(1), False
    said = _WHY_IS_IT.sub("", text)
    if said != text:  # "why is it you can find time for …" says what happened
        text, question = said, False
    hyperbole = _HYPERBOLE.search(text) or _EXASPERATED_WITH.search(text)
    if hyperbole:  # "I swear you're allergic to the vacuum": about the vacuum
        _add_topic(hyperbole.group(1), reading)
        return
    spent = _SPENT_ON.match(_LEAD.sub("", text))
    if spent:  # "$60 on DoorDash in one night": about the $60 on DoorDash, not the night
        amount, thing = _amount_mid_sentence(spent.group(1)), spent.group(2)
        thing = _AFTER_THE_THING_BOUGHT.sub("", thing)
        reading.topics.append(f"about the {amount} on {thing}")
        return
    if _MOCK_SURPRISE.match(text):  # "Wow you remembered the anniversary": about it, not when
        read_before = len(reading.topics)
        _add_topic(text, reading)
        reading.remembered = reading.topics[-1] if len(reading.topics) > read_before else None
        return
    shared = _HARD_TO_DO_WITH.search(text)
    if shared and shared.group(1).lower() not in _NOT_SHARED:
        # "You're impossible to talk to": the verdict goes, what the two of them do
        # together stays, said of both of them rather than of the partner.
        reading.topics.append(f"about how we {shared.group(1).lower()}")
    kept_on = _KEEP_DOING_AND.match(_LEAD.sub("", text))
    if kept_on:
        doing = _what_is_being_done(kept_on.group(1))
        if doing:
            reading.topics.append(doing)
            return
    turned = turn(_LEAD.sub("", text), question)
    if turned is not None:
        if turned.request:
            _add_request(as_request(turned.request), reading)
        if turned.situation is None:
            return
        text, question = turned.situation, False
    act = _threatened_over(text)
    if act:
        text, question = act, False
    # "Forgetting to pick Leo up was unforgivable": what was done, named before the
    # verdict on it can take the whole sentence with it.
    judged = _LED_BY_DOING.match(text) and _DOING_IS.search(text)
    doing = _what_is_being_done(text) if judged else None
    if doing:
        reading.topics.append(doing)
        return
    kept = _without_blame(text, reading)
    why = WHY_QUESTION.match(kept or "")
    if why:
        kept, question = _without_blame(why_as_statement(why), reading), False
    if kept is not None:
        _read_clause(tidy(kept), question, reading)


# A complaint told without its "you": "Left me at arrivals for two hours", "Booked a
# lads' weekend on our anniversary", "Ate the curry I saved for lunch". The past verb's
# doer is the partner when the sentence names the writer ("me", "my", "I", "us") and
# never says "you". Not verbs of what the writer went through or did ("Waited an hour at
# my mum's", "Spent my birthday alone", "Came home to my kitchen wrecked").
# A sentence that names no one at all ("Left the back gate open and the dog got out.")
# is the partner's act too, when no other sentence of the draft speaks to them: a writer
# who tells their own errand sets it against what the partner did ("Sorted the
# insurance. You'd have given up after five.").
_TOLD_WITHOUT_YOU = re.compile(
    r"^(?:(never|conveniently|just|completely|totally|actually|casually|only|even|also) )?"
    r"([A-Za-z]+)\b(.*)$"
)
_NAMES_THE_WRITER = re.compile(r"\b(?:me|my|mine|i|i'm|i'd|i've|i'll|us|our)\b", re.IGNORECASE)
_SAYS_YOU = any_word(("you", *YOU_IN_TEXT_SPEAK))
_YOU_WORD = any_word(YOU_FORMS + YOU_IN_TEXT_SPEAK + YOUR_IN_TEXT_SPEAK)
# A tag that asks for attention, not about the partner: "Real nice, yuh hear."
_YOU_TAG = re.compile(r"\byou (?:hear|know)\b(?=\s*(?:[.!?,]|$))", re.IGNORECASE)


def _with_the_doer_said(text: str) -> str:
    """``text`` with the partner named as the one who did it, where the draft left them
    out or hid them in a frame: "Online at 2am but couldn't reply" ("you were online"),
    "…but can't spend ten minutes with me" ("but you can't"), "Must be nice to sleep
    in…" ("you sleep in…"), "Only ninety minutes late" ("you were ninety minutes late"),
    "the way you left me…" ("you left me…")."""
    online = _ONLINE_WITHOUT_YOU.match(text)
    if online:
        text = f"you were {online.group('status').lower()}{online.group('rest')}"
    if _SAYS_YOU.match(text):
        text = _NO_SUBJECT_AFTER_BUT.sub(_you_after_but, text, count=1)
    envied = _MUST_BE_NICE.match(text)
    verb = (envied.group("base") or base_of_gerund(envied.group("doing"))) if envied else None
    if envied and verb and _an_envied_act(verb, envied.group("rest")):
        text = f"you {verb}{envied.group('rest')}"
    text = _act_out_of_its_question(text)
    late = _ONLY_SO_LATE.search(text)
    if late:  # "Only ninety minutes late": the partner was
        # What follows a comma is a jibe about it: "…, well done", "…, that's progress".
        rest = _PARTICLE_AT_THE_END.sub("", late.group("rest").split(",")[0])
        text = f"you were {late.group('how')} late{rest}"
    the_way = _THE_WAY_YOU.match(text)
    return f"{the_way.group('you')} {the_way.group('act')}" if the_way else text


def _late_for_what_was_remembered(text: str, reading: _Reading) -> str:
    """ "Wow you remembered the dentist. | Only a week late.": "you were a week late for
    the dentist", one thing said rather than the lateness alone."""
    remembered = reading.remembered
    if not remembered or not remembered.startswith("about ") or not _WAS_LATE.match(text):
        return text
    reading.topics.remove(remembered)
    reading.remembered = None
    thing = remembered.removeprefix("about ")
    return _LATE.sub(f"late for {thing}", text, count=1)


def _act_out_of_its_question(text: str) -> str:
    """What the partner does, asked about as a reproach: "Must you show me up…?" and
    "Look how you shame me…" ("you show me up…"), "Why do you even ask what I want if
    you're getting KFC anyway?" ("you ask what I want and then get KFC anyway")."""
    asked = _ASKS_THEN_DOES_IT_ANYWAY.match(text)
    if asked:
        verb, _, rest = asked.group("then").partition(" ")
        return f"you {asked.group('ask')} and then {base_of_gerund(verb) or verb} {rest}"
    framed = _MUST_YOU.match(text) or _LOOK_HOW_YOU.match(text)
    if framed and not (framed.re is _LOOK_HOW_YOU and _MORE_THAN_ONE_ACT.search(text)):
        return f"you {framed.group('act')}"
    return text


def _my_chore_alone(text: str) -> str:
    """ "Guess I'll just shovel the whole driveway myself then" is what the writer does
    alone: "I shovel the whole driveway myself". Not a threat or a jibe with no chore in
    it ("I'll just move out", "I'll just assume you've been abducted")."""
    alone = _I_WILL_JUST.search(text)
    if not alone or alone.group("verb").lower() in _NOT_A_CHORE:
        return text
    # What follows a comma is its jibe: "…, same as every other week", "…, it's not like
    # it matters to anyone".
    act = _MARTYR_TAIL.sub("", alone.group("rest").split(",")[0])
    # "I'll just sit here by myself again" names nothing once "by myself", a weak cue of
    # sarcasm, has gone: "when I sit here" would say less than what the draft is about.
    left = _HERE_AGAIN.sub(" ", _ALONE.sub(" ", act))
    names_something = has_content(left) or _A_NAME_OR_NUMBER.search(left) is not None
    if not _ALONE.search(act) or not names_something:
        return text
    return f"I {alone.group('verb').lower()}{act}"


def _you_after_but(found: re.Match[str]) -> str:
    """ "and still couldn't" is "and you still couldn't"; "but can't" is "but you can't"."""
    joint, still = (
        found.group("joint").removesuffix(" still"),
        found.group("joint").endswith("still"),
    )
    return f"{joint} you {'still ' if still else ''}{found.group('not')}"


def _you_words(text: str) -> int:
    """How often ``text`` speaks to the partner, not counting tags."""
    return len(_YOU_WORD.findall(_YOU_TAG.sub("", text)))


# "For nothing." or "And for what?" as a sentence of its own, after an effort told with
# no doer: the writer's. Not "Thanks for nothing", which thanks the partner.
_FOR_NOTHING = re.compile(r"(?:^|[.!?…]\s+)(?:(?:and|all|all that) )?for (?:nothing|what)\b", re.I)
# Said of the writer, with no one named: what they found out ("Checked the joint
# account"), and a participle with no object, which is what was done to them ("Left on
# read again", "Locked out in the rain", "Ignored again") or a thing's doing ("Updated
# last week").
_MY_OWN_CHECKS = word_set("checked asked")
_NO_OBJECT = word_set("on out off again by up in last away down")
_DESCRIBES = re.compile(r"\s+(?:\S+\s+)?(?:is|are|was|were)\b|\s+to be\b", re.IGNORECASE)
# What the writer went through or did themselves. With "me" straight after, someone did
# it to them: "Texted me from the bar at eleven", "Stood me up at the Christmas market",
# "Made me wait an hour" are the partner's.
_WHAT_I_WENT_THROUGH = word_set(
    """came went got woke had was were did spent sat waited stood walked cried slept
    stayed cooked cleaned paid drove worked missed tried asked texted called rang
    messaged begged said thought felt found saw heard knew looked needed wanted made
    lost started finished arrived delayed dropped noted packed loved enjoyed
    embarrassed worried scared tired bored annoyed ashamed interested confused stressed
    gutted chuffed"""
)
# Where the writer is the doer after all: "Took me two hours", "Touched a nerve, did I?",
# "…: all on me".
_I_DID_IT = re.compile(
    r"^\s*,|\b(?:did i|didn't i|have i|haven't i)\W*$|\ball on me\b|\bmyself\b", re.IGNORECASE
)
_IT_TOOK_ME = word_set("took cost")
# The writer laughing at or sorry for their own slip: "Forgot my lunch, gutted",
# "Lost my keys again lol", "Burnt the toast, sorry!".
_MY_OWN_SLIP = re.compile(
    r"\b(?:lol|haha\w*|oops|whoops|sorry|my bad|gutted|typical me|silly me|doh|ugh|fml)\b",
    re.IGNORECASE,
)


# A sarcastic title or applause as a sentence of its own: "Genius.", "Nice one,
# Einstein.", "Gold star for you ⭐", "Slow clap 👏", "Sherlock strikes again".
_TAG_ALONE = re.compile(
    rf"^(?:(?:{APPLAUSE}|{SCORN_TITLES})\b[^.!?]{{0,25}}|(?:classic|smooth|lovely|great|"
    r"brilliant|nice|perfect|amazing)(?:,? (?:really |very )?(?:classic|smooth|lovely|great|"
    r"brilliant|nice|perfect|amazing))?)\W*$",
    re.IGNORECASE,
)
# Verbs whose past is their present: read as past only when a tag caps what they did.
_SAME_IN_THE_PAST = word_set("put let set cut shut hit spread quit cast burst split")


def _with_you_put_back(text: str, speaks_to_them_elsewhere: bool, capped: bool = False) -> str:
    """``text`` with the partner named as the doer when it tells their act without them;
    unchanged otherwise. ``capped``: a sarcastic tag in the draft says it was done."""
    mine = _MY_ACT_TO_YOU.match(text) or _I_SAW_YOU.match(text)
    if mine:  # "Sent you a voice note … and you replied with a thumbs up"
        return f"I {mine.group(1).lower()} {mine.group(2)}"
    found = _TOLD_WITHOUT_YOU.match(text)
    if not found:
        return text
    adverb, verb, rest = found.groups()
    lowered = verb.lower()
    if _SAYS_YOU.search(text) and not _tells_me_of_you(lowered, rest):
        return text
    past = is_past(verb) or (capped and lowered in _SAME_IN_THE_PAST)
    # "Feed yourself", "Need milk": "-eed" is no past tense.
    if not past or lowered.endswith("eed"):
        return text
    if lowered in _WHAT_I_WENT_THROUGH and not _TOLD_TO_ME.match(rest):
        return text
    if not _NAMES_THE_WRITER.search(rest) and not _names_no_one_but_them(
        lowered, rest, speaks_to_them_elsewhere
    ):
        return text
    if _I_DID_IT.search(rest) or _MY_OWN_SLIP.search(rest):
        return text
    if lowered in _IT_TOOK_ME and rest.lstrip().lower().startswith("me "):
        return text  # "Took me two hours": the writer's time, not the partner's doing
    return f"you {adverb.lower() + ' ' if adverb else ''}{lowered}{rest}"


# What the writer did for the partner, told without "I", set against what the partner
# did back: "Sent you a voice note about my day | and you replied with a thumbs up",
# "Asked you to grab bread and you came back with beer".
_MY_ACT_TO_YOU = re.compile(
    r"^(sent|told|asked|texted|messaged|rang|called|reminded|begged|warned|showed|gave|"
    r"bought|cooked|made|booked|left) (you\b.*?\band (?:then )?(?:you|u)\b.+)$",
    re.IGNORECASE,
)
# What the writer saw or heard the partner do, told without "I": "Saw you liked her
# photo at 2am", "Heard you told Liam about the debt".
_I_SAW_YOU = re.compile(r"^(saw|heard|noticed|found out)(?: that)? ((?:you|u)\b.+)$", re.I)
# "Told me you were at work", "Promised me you'd cancelled it": the "you" is inside what
# was said, and the one who said it to the writer is the partner.
_TOLD = word_set("told promised assured convinced")
_TOLD_TO_ME = re.compile(r"^\s+(?:to\s+)?me\b", re.IGNORECASE)


# "Promised you'd come, then bailed", "Said you'd be home by six": what the partner
# promised of themselves. Not "Told you I'd be late", which the writer told.
_PROMISED = word_set("promised swore said insisted")
_OF_THEMSELVES = re.compile(r"^\s+(?:you'd|you would|you'll|you will|you were going to)\b", re.I)


def _tells_me_of_you(verb: str, rest: str) -> bool:
    if verb in _PROMISED and _OF_THEMSELVES.match(rest):
        return True
    return verb in _TOLD and bool(_TOLD_TO_ME.match(rest))


def _no_object_follows(words: list[str]) -> bool:
    """Whether the words after a past form start with no object: "on read", "out in the
    rain", "again"; "out the joint card" and "on the roof" say what was done."""
    first = words[0].lower().strip(",;:")
    if first not in _NO_OBJECT:
        return False
    # A particle with its object after it is a doing: "Maxed out the joint card". But
    # "Signed in your sister's handwriting", "Picked by your mum" say how it was done to
    # something, not what the partner did to it.
    second = words[1].lower() if len(words) > 1 else ""
    opens_object = second in _DETERMINERS or second in _EVERY or second == "all"
    return not opens_object or first in ("in", "by")


def _names_no_one_but_them(verb: str, rest: str, speaks_to_them_elsewhere: bool) -> bool:
    """Whether a past verb with no one named ("Left the hob on and went out") tells the
    partner's act: it has an object, it is no check of the writer's, and the draft
    speaks to the partner nowhere else."""
    words = rest.split()
    if speaks_to_them_elsewhere or not words or verb in _MY_OWN_CHECKS:
        return False
    if rest.startswith(",") or _no_object_follows(words):
        return False
    # "Deleted messages are still messages", "Honoured to be squeezed in": the past
    # form describes, and the sentence's verb comes after it.
    return not _DESCRIBES.match(rest)


# Praise or wonder that means its opposite, around a plain account of what the partner
# did: "Glad you enjoyed yourself while I sat in A&E", "Interesting that you deleted the
# chat before I got home". The frame goes; the account is the situation.
_PRAISE_FRAME = re.compile(
    r"^(?:(?:oh|wow|well|honestly|so|ah),?\s+)?(?:i\s+)?"
    r"(?:(?:love|funny|amazing|interesting|cute|fascinating|incredible|hilarious)\s+(?:how|that)"
    r"|(?:so |really )?glad(?: that)?|(?:such a |what a )?shame(?: that)?"
    r"|(?:good|nice|great|lovely) to (?:know|see|hear)(?: that)?)"
    r"\s+((?:you|your)\b.+)$",
    re.IGNORECASE,
)
# An account that is itself the praise, and so means its opposite too: "your priorities
# are in order", "your night was so fun"; or no account at all: "(see) you reading".
_PRAISE_WITHIN = re.compile(
    r"^(?:you|your(?: \w+){1,2}) (?:are|is|was|were|'re|'s|seem|look)"
    r"(?: (?:so|really|very|still|all|clearly|obviously))? "
    r"(?:fun|nice|lovely|great|good|fine|in order|sorted|important|happy|working)\b"
    r"|^you \w+ing\b",
    re.IGNORECASE,
)
# Certainty that means its opposite: "I'm sure your mum will be thrilled you cancelled on
# us for poker", "…but I'm sure it's high on your list". What is certain is a jibe; an
# act of the partner's told inside it is what happened.
_MOCK_SURE = re.compile(r"^(?:oh,? |and |but )?i(?:'m| am) (?:sure|certain)\b,?\s*(.*)$", re.I)
_SURE_AFTER = re.compile(r"(?<=\w)\s*,?\s+(?:but|and)\s+i(?:'m| am) sure\b.*$", re.I)
_TOLD_INSIDE = re.compile(r"\b(?:hearing |that )?(you ([a-z]+)\b.+)$", re.IGNORECASE)


def _without_mock_frames(text: str, reading: _Reading) -> str | None:
    """``text`` without praise or certainty that means its opposite. None when no act
    is left inside it; the thing it names is then kept as the subject."""
    praised = _PRAISE_FRAME.match(text)
    if praised and not _PRAISE_WITHIN.match(praised.group(1)):
        text = praised.group(1)  # "Funny how you only text when you need a lift"
    # "The bin's overflowing | but I'm sure it's high on your list"
    text = _SURE_AFTER.sub("", text)
    sure = _MOCK_SURE.match(text)
    if not sure:
        return text
    act = _act_within_the_mock(sure.group(1))
    if act is None:  # "I'm sure the laundry will fold itself": about the laundry
        _add_topic(sure.group(1), reading)
    return act


def _act_within_the_mock(certain: str) -> str | None:
    """The partner's past act told inside mock certainty, or None: "the twins will love
    hearing | you chose a golf trip over their birthday". "You had a good reason" is the
    jibe itself."""
    found = _TOLD_INSIDE.search(certain)
    # Straight after "I'm sure", the "you …" is what the writer pretends to believe.
    if not found or found.start() == 0 or not is_past(found.group(2)):
        return None
    return None if found.group(2).lower() in ("had", "were", "was") else found.group(1)


# When or where it happened, said before the partner's act: "Last night you left me at
# the party", "On my birthday you went to the pub", "At the wedding, your mum ignored
# me". The act opens the situation, and its setting follows it.
_SETTING_FIRST = re.compile(
    r"^((?:yesterday|today|tonight|earlier(?: today| tonight)?|"
    r"last (?:night|week|weekend|month|year|time|christmas|summer|[a-z]+day)"
    r"(?: (?:morning|afternoon|evening|night))?|"
    r"this (?:morning|afternoon|evening|week|weekend|month|year)|that (?:night|morning|day)|"
    r"(?:every|each) (?:single )?[a-z]+|in front of (?:[\w']+ ){0,2}[\w']+|"
    r"(?:on|at|in|during|after|before|over|since) "
    r"(?:(?:my|our|your|his|her|their|the|a|an|[a-z]+'s) (?:[\w'-]+ ){0,2}[\w'-]+|[a-z]+day)))"
    r"\s*,?\s+((?:you|your)\b.+)$",
    re.IGNORECASE,
)
# Settings that are idioms, not a time or a place: "in the end", "at the same time".
_NO_SETTING = re.compile(r"^(?:in the end|at the (?:same )?time|at the moment)\b", re.I)


def _setting_after(text: str) -> str:
    """``text`` with a setting said before the partner's act moved after it."""
    found = _SETTING_FIRST.match(text)
    if not found or _NO_SETTING.match(text):
        return text
    setting, act = found.groups()
    words = setting.split()
    if words[-1].lower() == "time":
        return text  # "Every time you hum, I …" is "when you hum" (without_absolutes)
    if words[0].lower() in _EVERY and (not _an_occasion(words[-1]) or words[1].lower() == "single"):
        # "Every photo you like is …" names what is liked, not when; "every single
        # holiday" keeps score, and is read as before (about holidays).
        return text
    return f"{act} {setting[0].lower()}{setting[1:]}"


# How long, said first: "Six weeks your cousin's been on our couch", "Half an hour I
# stood in the rain". The act opens the situation, and how long follows its first
# clause ("we've been in this flat for four years | and you …"). Not "One day you're
# lovely, the next …", which is no length of time.
_HOW_LONG_FIRST = re.compile(
    r"^((?:half an?|an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|forty-five|fifty|\d+)\s+(?:(?:whole|solid|full|long)\s+)?"
    r"(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?))\s*,?\s+"
    r"((?:you|your|i|i've|i'm|i'd|we|we've|we're|she|he|they|my|the)\b.+)$",
    re.IGNORECASE,
)
_FIRST_CLAUSE_ENDS = re.compile(r",\s+|\s+(?:and|but|so|meanwhile|while)\s+", re.IGNORECASE)
# Time spent is what was spent: "I spent | three hours | on that roast".
_SPENT = re.compile(r"^(?:i|you|we)(?:'ve| have)? (?:spent|wasted)\b", re.IGNORECASE)


def _how_long_after(text: str) -> str:
    """``text`` with how long, said before the act, moved into it."""
    found = _HOW_LONG_FIRST.match(text)
    if not found:
        return text
    how_long, act = found.group(1).lower(), found.group(2)
    spent = _SPENT.match(act)
    if spent:
        return f"{act[: spent.end()]} {how_long}{act[spent.end() :]}"
    ends = _FIRST_CLAUSE_ENDS.search(act)
    cut = ends.start() if ends else len(act)
    return f"{act[:cut]} for {how_long}{act[cut:]}"


def _an_occasion(word: str) -> bool:
    return word.lower() in _OCCASIONS or word[0].isupper()  # "every Eid", "every Sunday"


# The partner's words quoted back against the clock: "'I'll be home by 8.' It's 10:40.",
# "'Babe I'm on my way' 40 mins ago.", "'Just one', he said. Four hours ago.", "'I'll do
# it later,' said in January.", "'Just one more game' has now lasted two hours". What
# happened is that they said it, and when: "you said 'I'll be home by 8' and it's 10:40".
_NUMBER_WORD = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|ninety|a couple of|a few|several)"
)
_QUOTED_THEN_THE_CLOCK = re.compile(
    r"^\s*(?:[\"“](?P<double>[^\"”]{2,80}?)[,.!?…]*[\"”]|['‘](?P<single>.{2,80}?)[,.!?…]*['’]"
    r"(?=[\s,.!?]|$))"
    r"[,.!?…]*\s*(?:(?:he|she|you|u) said[,.!?…]*\s*)?"
    r"(?:(?P<ago>(?:was\s+)?" + _NUMBER_WORD + r"(?: and a half)?\s+(?:mins?|minutes?|hrs?|hours?|"
    r"days?|weeks?|months?)\s+ago)|(?P<now>(?:and\s+)?(?:now\s+)?it'?s\s+(?:now\s+)?\d{1,2}"
    r"(?:[:.]\d\d)?\s*(?:am|pm)?)|(?P<said>said\s+(?:in|on|at|last)\s+[\w ]{2,20}?)|"
    r"(?P<lasted>has\s+(?:now\s+)?lasted\s+[^.!?,]{3,40}))(?P<rest>[,.!?…].*|\s*)$",
    re.IGNORECASE,
)


# What was said, then the clock in a sentence of its own: "Bhai you said 5 minutes. |
# It's been 50." is one thing, "you said 5 minutes and it's been 50".
_SAID_THEN_THE_CLOCK = re.compile(
    r"(\b(?:you|u) said [^.!?]{2,60})[.!?]+\s+(it'?s (?:been|now) [^.!?]{1,30}[.!?]*)",
    re.IGNORECASE,
)


def _quoted_against_the_clock(text: str) -> str:
    """``text`` with the partner's words held against the clock said as one thing: "You
    said "I'll be home by 8" and it's 10:40", "you said 5 minutes and it's been 50"."""
    text = _SAID_THEN_THE_CLOCK.sub(lambda m: f"{m.group(1)} and {m.group(2).lower()}", text)
    found = _QUOTED_THEN_THE_CLOCK.match(text)
    if not found:
        return text
    words = found.group("double") or found.group("single")
    if found.group("ago"):
        when = " " + re.sub(r"^was\s+", "", found.group("ago"), flags=re.IGNORECASE)
    elif found.group("now"):
        now = re.sub(r"^(?:and\s+)?(?:now\s+)?", "", found.group("now"), flags=re.IGNORECASE)
        when = " and " + now[:1].lower() + now[1:]
    elif found.group("said"):
        when = " " + re.sub(r"^said\s+", "", found.group("said"), flags=re.IGNORECASE).strip()
    else:
        when = " and it " + found.group("lasted")
    rest = found.group("rest").lstrip(",.!?… ")
    when = when[:2].lower() + when[2:]  # "It's 10:40" and "Four hours ago" go mid-sentence
    return f'You said "{words}"{when}.' + (f" {rest}" if rest else "")


# A sentence that is all quotation: "'I'll cook tonight, you rest.'"
_ONLY_QUOTED = re.compile(r"^\s*['‘\"“][A-Za-z].*['’\"”][,.!?…]*\s*$")
# A stop inside a closing quote: "you told me 'I'm not like my dad.'" ends at the quote.
_STOP_IN_QUOTE = re.compile(r"[.!?…]+(['’\"”])$")


def _the_act_in_evidence(text: str) -> str:
    """What "the fact that …" said was done, without what is made of it: "you thought a
    gift card counted as a present | is honestly sad", "you forgot the booking | tells me
    where I rank"."""
    mains = list(_MAIN_VERB.finditer(text))
    for main in reversed(mains):
        head = text[: main.start()]
        if len(head.split()) >= 3 and _has_verb(head.split()):
            return head
    return text


_MAIN_VERB = re.compile(
    r"\s+(?:is|was|are|were|tells|told|says|said|shows|showed|proves|proved|means|speaks)\b",
    re.IGNORECASE,
)


def _a_thing_named(head: str) -> bool:
    """Whether ``head`` only names something ("your work laptop on the dinner table"),
    so that a verdict after it can go and leave the thing."""
    words = head.split()
    return len(words) >= 2 and not _has_verb(words)


# Money spent on something, said as a charge: "£95 on Deliveroo this week", "Two grand
# on a bike you've ridden twice", "Rs 18,000 on cricket gear".
_NUMBER = (
    r"(?:\d[\d,.]*k?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:hundred|thousand|grand))?)"
)
_AMOUNT = (
    r"(?:[$£€]\s?\d[\d,.]*k?|(?:rs\.?|inr|r)\s?\d[\d,.]*|"
    rf"{_NUMBER}\s?(?:quid|bucks|dollars?|euros?|pounds?|grand|rand|rupees|naira|cedis|pesos|k))"
)
_SPENT_ON = re.compile(
    rf"^({_AMOUNT})\s+(?:spent\s+)?on\s+((?:an? |the |my |your |our |his |her |their )?"
    r"[a-z][\w'-]*(?: [a-z][\w'-]*){0,2})",
    re.IGNORECASE,
)


def _amount_mid_sentence(amount: str) -> str:
    """ "Two grand" after "the" is "two grand", and "A hundred quid" is "hundred quid"."""
    words = amount.split()
    if words[0].lower() in ("a", "one") and len(words) > 1:
        words = words[1:]
    if words[0].isalpha() and words[0].lower() not in ("rs", "r", "inr"):
        words[0] = words[0].lower()
    return " ".join(words)


# What comes after the thing bought: "Deliveroo | this week alone", "DoorDash | in one
# night", "a drone | without asking".
_AFTER_THE_THING_BOUGHT = re.compile(
    r"\s+(?:in|this|last|at|for|and|when|while|since|every|on|again|today|tonight|"
    r"yesterday|alone|you|u|just|already|then|without|with|instead)\b.*$",
    re.IGNORECASE,
)
# A role refused ("I'm not your PA.", "I am not a taxi"): it says what the writer will
# not be, not what happened.
_ROLE_REFUSED = re.compile(
    r"^(?:and )?(?:i(?:'m| am) not|do i look like) (?:your|a|an|the) [a-z']+(?: [a-z']+)?$",
    re.IGNORECASE,
)
_EXASPERATED = (
    r"(?:(?:doing|done|did) my head in|driving me (?:mad|crazy|insane|round the bend|"
    r"up the wall))"
)
# Sentences said only to wound, with nothing of what happened in them: a verdict on the
# partner as a whole, a veiled threat, a taunt.
# A verdict said as a fragment: "A 38 year old child who can't book a dentist."
_A_CHILD = r"^an? (?:[\w-]+ ){0,4}(?:child|baby|toddler|teenager|man-?child)\b(?! seat)"
_SAID_ONLY_TO_HURT = re.compile(
    r"^i (?:can't|cannot) stand you(?: sometimes| anymore| right now)?$|"
    r"^i(?:'m| am) not (?:saying|telling you|asking|repeating) (?:it|this|that|myself)"
    r"(?: again| twice| one more time)?$|"
    r"\b(?:you're|you are) dead to me\b|"
    # "It's grand." "Honestly it's fine.": said of nothing that happened.
    r"^(?:honestly,? |no no,? |no,? |totally |oh )?it's (?:fine|grand|ok|okay|all good|alright|"
    r"all right|that simple)$|^your (?:call|choice)$|"
    rf"\bbut i might be$|\blet that sink in\b|\b{_EXASPERATED}$|"
    # Round fourteen (dev_13): asides and sarcasm that say nothing of what happened.
    r"\bnot that anyone (?:asked|cares|noticed|wondered)\b|^the \w+ won't mind$|"
    r"\bi won't (?:bring it up|mention it|say it|ask) again\b|\brolling in it\b|"
    # Round fifteen (dev_14): what the partner would have done, imagined to belittle;
    # a tag or a preamble alone ("you know that?", "I'm so done", "I'll say it once");
    # a verdict said as a fragment ("A 38 year old child who can't book a dentist").
    r"^you(?:'d| would) (?:have|probably have|'ve) (?:given up|quit|cried|panicked|lost it|"
    r"melted|broken)\b|^i won't repeat myself$|"
    r"\bi(?:'ll| will) (?:only )?say (?:it|this) once\b|^i(?:'m| am) saying this once$|"
    rf"{_A_CHILD}",
    re.IGNORECASE,
)
_CALLED_A_CHILD = re.compile(_A_CHILD, re.IGNORECASE)
# An ultimatum over one more of something: "One more missed video call and we're
# finished". The threat is not said back; the thing is what the draft is about, as in
# "Another missed video call." Not "one more time", which names nothing.
_ONE_MORE_AND = re.compile(
    r"^one more (?!time\b|chance\b|word\b)([a-z][\w' -]{2,40}?),? (?:and|or) "
    r"(?:i'm|i am|i'll|i will|we're|we are|it's|that's|you're|you can|you'll)\b.*$",
    re.IGNORECASE,
)
# What the partner did before, said as "after …": "…, after ignoring me for two days",
# "After blanking me all night." Only acts done against the writer, which are what the
# draft is about; "after picking me up" is a favour said in passing.
_AFTER_DOING_IT_TO_ME = re.compile(
    r"(?:^|,?\s+)after (ignoring|blanking|ghosting|leaving|dumping|lying to|shouting at|"
    r"snapping at|yelling at|hanging up on|standing me up)(\s+(?:me|us)\b.*|(?<=up)\b.*)$",
    re.IGNORECASE,
)
# Who was online, said without "you were": "Online at 2:14am but couldn't reply to me at
# 9", "Active on Insta at midnight and still no text". And who could not, said without
# "you" after "but" or "and still": "You'll grind for hours for a digital sword but can't
# spend ten minutes with me". Both are the partner, as the contrast makes plain. Only
# before "can't" and "won't", which ask for something: "…but couldn't answer me" reads
# well as it is, and "but never for the kids" has no verb to ask for.
_ONLINE_WITHOUT_YOU = re.compile(
    r"^(?P<status>online|active(?: on [a-z]+)?|on (?:insta|instagram|whatsapp|facebook|"
    r"tiktok|snap|snapchat|discord|xbox|steam|twitter|x))\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_NO_SUBJECT_AFTER_BUT = re.compile(
    r"\b(?P<joint>but|yet|and still|but still)\s+(?P<not>can't|cannot|won't)\b",
    re.IGNORECASE,
)
# Envy that is sarcasm: "Must be nice to sleep in while I do the school run", "Must be
# lovely having that much time for Twitter and none for me". What is envied is what the
# partner does. Not "having a partner who…" or "being you", which say who they are.
_MUST_BE_NICE = re.compile(
    r"^(?:(?:oh|well|wow|gosh),?\s+)?(?:it )?must be (?:so )?(?:nice|lovely|great|fun|good|"
    r"relaxing)\b,?\s+(?:to\s+(?P<base>[a-z]+)|(?P<doing>[a-z]{2,}ing))\b"
    r"(?!\s+(?:a|an|the)\s+(?:partner|wife|husband|girlfriend|boyfriend|mate)\b|\s+you\b)"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
# What is had is an act only as time spent: "having that much time for Twitter and none
# for me"; "having a boss who sends you to Lisbon" envies the boss, "being the fun parent"
# says who they are, and "making me the punchline" is read elsewhere.
_TIME_HAD = re.compile(
    r"^\s+(?:that much |so much |all the |\w+ (?=hours|minutes))?"
    r"(?:time|hours|minutes)\b",
    re.IGNORECASE,
)


def _an_envied_act(verb: str, rest: str) -> bool:
    if verb.lower() in ("be", "make") or not rest.strip():
        return False
    return verb.lower() != "have" or bool(_TIME_HAD.match(rest))


# Asking the writer's view and going ahead anyway: "Why do you even ask my opinion if
# you're going to book it anyway", "…what I want for tea if you're getting KFC anyway".
_ASKS_THEN_DOES_IT_ANYWAY = re.compile(
    r"^why (?:do|would) (?:you|u) (?:even |bother to )?(?P<ask>ask(?: me)? .+?),? "
    r"(?:if|when) (?:you're|you are|ur|you) (?:(?:just )?(?:going to|gonna) )?"
    r"(?P<then>[a-z]+ .*?\banyway)$",
    re.IGNORECASE,
)
_MUST_YOU = re.compile(r"^must (?:you|u|ya) (?P<act>(?!be\b)[a-z].+)$", re.IGNORECASE)
# Not "See how you like that", a taunt.
_LOOK_HOW_YOU = re.compile(
    r"^(?:just )?(?:look|see) how (?:you|u|yuh|ya) "
    r"(?P<act>(?!are\b|is\b|look\b|like\b)[a-z]+ .+)$",
    re.IGNORECASE,
)
# "Look how yuh lef de kitchen, dishes pile up…": a run of acts read better by their
# subject than said back.
_MORE_THAN_ONE_ACT = re.compile(r",|\b(?:and|an)\b", re.IGNORECASE)
# Sarcasm about how late the partner was, told without them: "Only ninety minutes late",
# "Not bad for you, only an hour late this time", "Only three days late naman".
_ONLY_SO_LATE = re.compile(
    r"(?:^|,\s*)(?:(?:and|but|oh|so|yeah),?\s+)?(?:only|just|a mere|barely)\s+"
    r"(?P<how>(?:\d[\d.,:]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|a couple of|a few|"
    r"several)\s+(?:\w+\s+)?"
    r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?))\s+late\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_WAS_LATE = re.compile(r"^you were .+? late\b", re.IGNORECASE)
_LATE = re.compile(r"\blate\b")
_PARTICLE_AT_THE_END = re.compile(r"\s+(?:naman|lah|la|leh|lor|po|eh|ha|lol)\s*$", re.I)
# The writer's sarcastic "I'll just…" about doing alone what the two of them share:
# "Sweet as, I'll just do the whole bach clean-up myself then", "Don't mind me, I'll just
# hoover round your feet". The chore must say it is done alone or around the partner.
_I_WILL_JUST = re.compile(
    r"(?:^|,\s*)(?:(?:i )?guess )?(?:i'll|i will|ill) just (?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_NOT_A_CHORE = word_set(
    """be assume forget tell move leave go wait ask stop die disappear pretend talk text
    call ring message block delete quit give sleep shut keep get clone"""
)
_ALONE = re.compile(
    r"\b(?:myself|on my own|by myself|alone|while (?:you|u)\b|round (?:you|u|your)\b|"
    r"around (?:you|u|your)\b)",
    re.IGNORECASE,
)
_A_NAME_OR_NUMBER = re.compile(r"[A-Z0-9]")  # "A&E", "the 6am feed"
_HERE_AGAIN = re.compile(r"\b(?:here|there|again|quietly|now)\b", re.IGNORECASE)
_MARTYR_TAIL = re.compile(
    r"(?:,?\s+(?:then|shall i|eh|yeah|like everything else|like always|as usual|"
    r"no biggie|legend))+\s*$",
    re.IGNORECASE,
)
# "The way you X" is the act itself, whether it stands alone ("the way u left me on
# delivered for 2 days then sent a meme?? absolutely not") or is the subject of what it
# does to the writer ("The way you talk down to waiters makes me cringe"): "when the way
# you…" is not a sentence. Text-speak's "no bc" starts a new thought ("…then sent a meme
# no bc who does that"), which is not part of the act.
_THE_WAY_YOU = re.compile(
    r"^(?:and |but |also |honestly,? |ngl,? )?the way (?P<you>you|u|ya)\s+(?P<act>.+?)"
    r"(?:\s+(?:makes?|made|is|was|gets?|got|drives?|drove|annoys?|annoyed|hurts?|kills?|"
    r"says?|said|shows?|showed|tells?|told me)\b.*|\s+no (?:bc|because|cos|cause)\b.*)?$",
    re.IGNORECASE,
)
# The writer's refusal or dare, justified by what the partner did: "Don't lecture me about
# Ramadan | when you haven't prayed once this month", "Don't expect me to be in the mood |
# when you've ignored me all day", "Go back to Priya then, | since you bring her up every
# five minutes". The refusal is the heat; the act after it is what happened. Only an act
# already done or done again and again: "Don't expect me to be here when you get back"
# speaks of a return still to come, "since you love them so much" of a state of mind,
# and "since when…" is a question of its own.
_REFUSED_BECAUSE = re.compile(
    r"^(?:(?:fine|ok(?:ay)?|right|well)[,.]?\s+)?"
    r"(?:(?:don'?t|do not|never) (?:expect|(?:lecture|tell|judge|preach at|preach to|nag|"
    r"moan at|start on|come at|give) me)\b[^,;]*?,?\s+(?:when|since)|"
    r"(?:go back to|go (?:and )?(?:be|stay) with|tell|say hi to|go cry to|run (?:back )?to)\b"
    r"[^,;]*?,?\s+since) (?!when\b)(?P<act>(?:you|u|ya|he|she|they|the two of you|you two)"
    r"(?:'ve| have| haven't| hasn't| has|'d| had| hadn't| did| didn't| never| always| only)?"
    r"\s+[a-z']+\b.*)$",
    re.IGNORECASE,
)
_NO_ACT_DONE = re.compile(
    r"^(?:you|u|ya|he|she|they|the two of you|you two)\s+(?:get|come|go|are|'re|is|'s|"
    r"were|was|can|could|will|'ll|would|should|decide|finish|love|like|adore|prefer|care|"
    r"want|wanna|think|know|feel|mean|believe|trust|need|seem)\b",
    re.IGNORECASE,
)
# A reason that is a jibe: "…, because you couldn't be bothered to come and get me".
_NOT_BOTHERED_BECAUSE = re.compile(
    r",?\s+(?:because|cos|cause|coz|bc|since|as)\s+(?P<reason>(?:you|u)\s+(?:can't|couldn't|"
    r"cannot|could not|won't|wouldn't)\s+(?:even\s+)?be\s+bothered\s+to\s+[^,;]+)$",
    re.IGNORECASE,
)
_BLESS_YOUR_HEART = re.compile(
    r"^(?:well,? )?bless (?:your|his|her) (?:little )?(?:heart|cotton socks)(?:\s+for\b)?[,!.]*\s*",
    re.IGNORECASE,
)
# An exclamation, first or last: "Oh my days, you've done it again", "Such a drama
# queen, my god". It names no god and no days ("My days off are never mine" does).
# Nor is a Welsh "Tidy," ("great") the verb: "Tidy, you've locked the keys in again".
_EXCLAIMED = re.compile(
    r"^(?:oh,?\s+my\s+(?:god|gosh|days|word|lord|goodness)\b[,!.]*"
    r"|my\s+(?:god|gosh|days|word|lord|goodness)[,!.]+"
    r"|tidy(?:,|!|\s+(?:that is|so)\b[,.!]*|$)"
    # New Zealand's "sweet as", said through the teeth: "Sweet as, left me to cook".
    r"|sweet as(?:,\s*(?:hey|bro|eh|mate))?[,!]+)\s*"
    r"|,?\s*\b(?:oh\s+)?my\s+(?:god|gosh|days|word|lord|goodness)[,!.]*$",
    re.IGNORECASE,
)
# A frame that turns the act into evidence: "The fact that you forgot her recital says
# everything" is about forgetting the recital; the verdict drawn from it goes.
_THE_FACT_THAT = re.compile(
    r"^(?:(?:and|honestly|just|but)\s+)?the (?:very |mere )?fact (?:that\s+)?(?=\w+\s+\w)",
    re.IGNORECASE,
)
_SAYS_IT_ALL = re.compile(
    r",?\s+(?:just |really |honestly |kind of |pretty much )?(?:says|tells me|speaks|shows|"
    r"proves|sums up) (?:everything|it all|volumes|a lot|enough|all i need to know|"
    r"exactly (?:who|what|how) you are)\b.*$",
    re.IGNORECASE,
)
# A verdict passed on what the sentence names, at its end: "Your work laptop on the
# dinner table every night is getting old", "… at midnight are not normal and you know
# it". What is named stays; the verdict goes.
_VERDICT_AT_THE_END = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:just |really |so |honestly |absolutely |frankly |getting )?"
    r"(?:getting (?:old|ridiculous|tiresome|boring)|wearing (?:thin|me down)|"
    r"not (?:normal|ok|okay|on|acceptable|funny|cute|fine|right)|creepy|vile|disgusting|"
    r"pathetic|unacceptable|embarrassing|a joke|beyond me|insane|mental|ridiculous|"
    r"(?:bang )?out of order|disrespectful|shameful|a disgrace|a new low)"
    r"(?: fast| now)?(?:,? (?:and you know it|honestly|frankly|tbh|mate))?$",
    re.IGNORECASE,
)
_EXPLAIN_WHY = re.compile(
    r"^(?:kindly |please |care to |can you |could you )?explain (?:to me )?why\s+"
    r"(?!do\b|does\b|did\b)(.+)$",
    re.IGNORECASE,
)
_WHY_IS_IT = re.compile(
    r"^why is it(?: that)?\s+(?=you\b|every (?:single )?time\b|whenever\b)", re.IGNORECASE
)
# The thing such a sentence ends by naming: "the vacuum", "that drum kit".
_NAMED_LAST = r"((?:the |your |my |our |that |this |those )?[a-z][a-z' ]+)$"
_HYPERBOLE = re.compile(rf"\byou(?:'re| are) (?:allergic|immune) to {_NAMED_LAST}", re.IGNORECASE)
# Exasperation with what it names: "you're doing my head in with that drum kit".
_EXASPERATED_WITH = re.compile(
    rf"\b{_EXASPERATED} (?:with|over|about) {_NAMED_LAST}", re.IGNORECASE
)
# Surprise at something ordinary being done, which says it is seldom done.
_MOCK_SURPRISE = re.compile(
    r"^(?:oh )?(?:wow|well well(?: well)?|look at that)[,!]*\s+you (?:actually |finally )?"
    r"[a-z]+ed\b",
    re.IGNORECASE,
)
# A verdict on what it is like to do something with the partner: "you're a nightmare
# to plan anything with", "you are impossible to live with".
_HARD_TO_DO_WITH = re.compile(
    r"\byou(?:'re| are| were)\b[^,;:.!?]*?\bto ([a-z]+)(?: (?:anything|things|stuff))? "
    r"(?:to|with|around)\s*(?:[,;:]|$)",
    re.IGNORECASE,
)
# Verbs that say nothing of what the two do ("impossible to be with", "to do anything with").
_NOT_SHARED = word_set("be get have deal put cope stand do make go")


def _without_blame(text: str, reading: _Reading) -> str | None:
    """``text`` without the coach's harsh phrases; None when the whole sentence goes.

    Sentence-wide phrases (threats, sarcasm, shutting down) are read first, on the
    sentence as written: "Wow, you actually did the dishes" is sarcasm only while the
    "wow" is still there. An ultimatum's tail goes before them: "answer me | or we're
    done" keeps its request."""
    for phrase in _ULTIMATUM_TAILS:
        text = phrase.pattern.sub(" ", text)
    for phrase in _SENTENCE_PHRASES:
        if phrase.pattern.search(text):
            reading.shut_down |= phrase.kind == "stonewalling"
            if phrase.kind != "contempt" or phrase.keeps_subject:  # sarcasm's words mean
                _add_topic(text, reading)  # their opposite; the things it names are real
            return None
    for phrase in _PART_PHRASES:
        found = phrase.pattern.search(text)
        while found:
            if phrase.action == "clause":
                if phrase.kind != "contempt":  # "… but sure, you're the tired one" says
                    _add_topic(text[found.start() :], reading)  # nothing of what happened
                text = text[: found.start()]
            else:
                if phrase.kind == "criticism":  # "your behaviour was shameful"
                    _add_topic(found.group(), reading)
                start, end = _likeness_clause(text, found.start(), found.end())
                text = text[:start] + _made_me_seem(text[:start]) + text[end:]
            found = phrase.pattern.search(text)
    return text


# Blame said only through a likeness, with a thing as what is likened: "Our bedroom with
# your kit everywhere is like a changing room". The likeness is the verdict; the thing is
# what it is about. Only when the likeness ends the sentence ("This house is like a hotel
# to you, you come and go…" goes on to what was done); not a doing ("Sharing the car with
# you is like…" keeps the sharing), nor a person or "it" ("it's like you don't care").
_THING_LIKENED = re.compile(
    r"^((?:my|our|your|the|this|that)\s[^,;:]+?)\s+(?:is|was|feels|'s)\s+"
    r"(?:just |basically |literally |honestly |always )?like\b[^,;:]*$",
    re.IGNORECASE,
)


# A name called through a likeness: "and now I look | like an idiot". Without the
# likeness the clause says nothing ("and now I look"), and what follows it only placed
# the likeness ("… in front of my boss"): the clause goes whole. Not when someone made
# the writer look so: "you made me look | like a fool | at my own party" says what they did.
_LIKENESS = re.compile(r"like\b", re.IGNORECASE)
_SENSE_BEFORE = re.compile(
    r"\b(?:i|you|we|they|he|she|it)\s+(?:now\s+)?"
    rf"{SENSE_VERBS}\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",\s*|;\s*|\s+(?:and|but|so)\s+", re.IGNORECASE)


# Someone made the writer look or feel like a name: "you made me look | like a liar | to
# my sister". The name is the writer's, not the partner's, but it is still a name, and
# without it the verb is left hanging ("you made me look to my sister"): see
# ``likeness_meant``.
_MADE_ME_SEEM = re.compile(rf"{MADE_ME_SEEM}\s*$", re.IGNORECASE)
_LIKE_BEFORE = re.compile(r"\blike\s+$", re.IGNORECASE)


def _made_me_seem(before: str) -> str:
    """What stands in for a likeness removed right after ``before`` (``_likeness_clause``
    has already taken its "like")."""
    found = _MADE_ME_SEEM.search(before)
    return f" {likeness_meant(found)} " if found else " "


def _likeness_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the removal of a harsh phrase at ``start:end`` of ``text`` starts and ends."""
    like = _LIKE_BEFORE.search(text, 0, start)  # "you look like | a total clown"
    if like:
        start = like.start()
    if not _LIKENESS.match(text, start) or not _SENSE_BEFORE.search(text[:start]):
        return start, end
    breaks = [found.start() for found in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = re.compile(r"[,;]").search(text, end)
    return (breaks[-1] if breaks else 0), (after.start() if after else len(text))


def _read_clause(text: str, question: bool, reading: _Reading) -> None:
    untagged = _TAG_QUESTION.sub("", text)
    if untagged != text:  # "Your mam's expecting us again, is she?" says she is
        text, question = untagged, False
    text = without_verdict_first(text)  # "Chale you be buffoon paa, | you forgot the…"
    if _WHO_YOU_ARE.match(text):
        return  # "you're a vandal", "you are such a dofo": a verdict, whatever the word
    likened = _THING_LIKENED.match(text)
    if likened:  # "Our joint account with you in charge is | like a bucket with no bottom"
        _add_topic(likened.group(1), reading)
        return
    kept = _without_judging_parts(text, reading)
    plain = without_absolutes(kept) if kept is not None else None
    if plain is None:
        return
    if _NOT_THE_ISSUE.match(plain):
        return  # "I'm not mad about the party. | I'm mad you got in Jordan's car."
    named_for = _NAMED_FOR_DOING.match(plain)
    if named_for:  # "you're a total idiot | for forgetting my mum's 60th"
        doing = _what_is_being_done(named_for.group(1))
        if doing:
            reading.topics.append(doing)
        return
    felt = feeling_ends_at(plain)
    if felt is not None:
        # The feeling is said once, up front; what the partner did after it is kept: "I
        # got scared after the storm but | you were too busy to text".
        act = _ACT_RIGHT_AFTER_FEELING.match(plain, felt) or _ACT_AFTER_FEELING.search(plain, felt)
        where = _IN_FRONT_OF.search(_HEDGE_AT_THE_END.sub("", plain), felt)
        if act is not None:
            plain = act.group(1)
        elif where and _DONE_TO_ME.search(plain[:felt]):
            # "You embarrassed me in front of your uncles": the feeling came from what
            # they did, and where it happened is what it is about.
            place = neutral(where.group(1)) or where.group(1)  # "the whole family": "the family"
            reading.topics.append(f"about what happened {place}")
            return
        else:
            # "you never text back | and then you wonder why I'm upset": the feeling
            # closes a jibe about the partner's surprise; what they did comes first.
            plain = _act_before_wondering(plain[: feeling_starts_at(plain)])
            if not plain:
                return
    # "…with my parents, because | you're rude": the reason went with the blame;
    # "…for Eid when | you never even asked me" the time with it.
    text = _JOINER_LEFT_BY_BLAME.sub("", plain)
    imperative = IMPERATIVE.match(text)
    if imperative:
        _add_request(as_request(imperative.group().removeprefix("please ").strip()), reading)
        return
    either = _YOU_EITHER.match(text)
    if either:  # "you either hand over the card tonight | or I'm …": what is wanted
        _add_request(as_request(either.group(1)), reading)
        return
    doing = _what_is_being_done(text)
    if doing:  # "Borrowing my razor again": about the borrowing, not about the razor
        reading.topics.append(doing)
        return
    negated = NEGATED.search(text)
    request = request_from(negated) if negated else None
    if negated and request:
        # Said once, as what the person would like: "would you be willing to call me
        # back?" rather than also "when you don't call me back".
        _add_request(request, reading)
        # "full of gunk because | you never rinse a plate": the joiner goes with it.
        text = TRAILING_JOINER.sub("", text[: negated.start()].rstrip())
    text = _ASIDE_LEFT.sub("", tidy(_LEAD.sub("", tidy(SOFTENERS.sub(" ", text)))))
    unfinished = _UNFINISHED_IF.match(text)
    if unfinished:  # "if you're late one more time": the threat is unsaid, the act is kept
        text = unfinished.group(1)
    _place(re.sub(r"^when\s+(?=\S+\s+\S)", "", text, flags=re.IGNORECASE), question, reading)


# A name called for what was done, once the name went: "you're a total | for
# forgetting my mum's 60th". What was done is the subject.
_NAMED_FOR_DOING = re.compile(
    r"^(?:you(?:'re| are)|ur)\s+(?:(?:an?|such an?|so|the|a total|a complete|an absolute)\s+)?"
    r"(?:[\w-]+\s+)?for\s+(\w+ing\b.*)$",
    re.IGNORECASE,
)
# What the writer says is not what upset them.
_NOT_THE_ISSUE = re.compile(
    r"^(?:honestly,? )?i(?:'m| am) not (?:even )?(?:mad|angry|upset|bothered|annoyed|fussed)\b",
    re.IGNORECASE,
)
_JOINER_LEFT_BY_BLAME = re.compile(
    r",?\s*\b(?:because|cause|cos|and|but|when|if|though|although|unless)\s*$"
    # A hedge left where the verdict was: "your conduct at the wedding was, | frankly".
    r"|,?\s*\b(?:frankly|honestly|really|clearly|obviously|seriously|tbh)\s*$",
    re.IGNORECASE,
)
_ACT_RIGHT_AFTER_FEELING = re.compile(r"\s+((?:you|your)\b.+)$", re.IGNORECASE)
_WONDERING_WHY = re.compile(
    r"[,\s]*(?:\b(?:and|but|so)\s+)?(?:then\s+)?(?:you|u)\s+(?:wonder|ask(?: me)?|"
    r"act (?:all )?surprised|can't (?:see|understand)|don't (?:see|get|understand))\s+"
    r"why(?:\s+(?:I'm|I am|I get|I got|I feel|I was|I'd be))?\s*$",
    re.IGNORECASE,
)


# The writer's feeling, told as what they said when the partner did it: "you laughed |
# when I said I felt left out". The feeling is said up front; the act is kept.
_WHEN_I_SAID_I = re.compile(
    r"[,\s]*\b(?:when|after|as|while)\s+i\s+(?:said|told you|mentioned|admitted|explained|"
    r"confessed)(?: that)?(?:\s+i(?:'m| am| was| felt| feel| had been| have been)?)?\s*$",
    re.IGNORECASE,
)


# Surprise at the writer's feeling, acted after the act: "you leave me on read | and then
# act shocked when I'm", "Ignoring me all evening | then acting surprised that I'm".
_SURPRISED_THAT_I = re.compile(
    r"[,\s]*(?:\b(?:and|but|so)\s+)?(?:then\s+)?(?:(?:you|u)\s+)?(?:act|acting|get|getting)"
    r"(?: all)?\s+(?:shocked|surprised|confused|offended|defensive)\s+(?:when|that|because)\s+"
    r"(?:(?:I'm|I am|im|I get|I got|I feel|I was)\s*)?$",
    re.IGNORECASE,
)


def _act_before_wondering(before: str) -> str:
    """What the partner did, told before "and then you wonder why I'm …", "and then act
    shocked when I'm …" or "when I said I felt …"; "" when ``before`` (a clause up to its
    feeling) does not end that way or tells no act."""
    wondering = (
        _WONDERING_WHY.search(before)
        or _SURPRISED_THAT_I.search(before)
        or _WHEN_I_SAID_I.search(before)
    )
    act = before[: wondering.start()].strip() if wondering else ""
    doing, _, rest = act.partition(" ")
    base = base_of_gerund(doing) if doing.lower().endswith("ing") else None
    if base and rest:  # "Ignoring me all evening | then acting surprised…": theirs
        act = f"you {past_form(base)} {rest}"
    return act if len(act.split()) >= 2 and _SAYS_YOU.match(act) else ""


# What closes a sentence without saying where: "…at the barbecue, honestly", "…AGAIN".
_HEDGE_AT_THE_END = re.compile(
    r",?\s+(?:(?:yet |once )?again|as usual|lol|honestly|seriously|tbh|fr)$", re.IGNORECASE
)
# Where something was done to the writer, after the feeling it gave them: a few words
# that open no clause of their own; not "at the braai by bringing up my weight", whose
# "by…" says how, and reads badly after "what happened".
_IN_FRONT_OF = re.compile(
    r"\b((?:in front of|at) (?:(?!(?:by|for|because|cos|when|while|after|before|and|but|so|"
    r"if|with)\b)[\w'-]+\s+){0,6}?[\w'-]+)\s*$",
    re.IGNORECASE,
)
# A feeling said as what the partner did to the writer: "you embarrassed me", "you've
# humiliated me".
_DONE_TO_ME = re.compile(
    r"\b(?:you|u|yuh|ya|ye)\s+(?:(?:have|'ve|just|totally|really|successfully)\s+)*"
    r"(?:embarrass(?:ed)?|humiliat(?:ed|e)|shamed?|show(?:ed)? me up)\b",
    re.IGNORECASE,
)
_ACT_AFTER_FEELING = re.compile(
    r"(?:\b(?:that|when|because|but|and|as|since)\b|,)\s+"
    r"(?:(?:obviously|clearly|then|now|still|even)\s+)*((?:you|your)\b.+)$",
    re.IGNORECASE,
)
# A clause that only says what the partner is: "you're a vandal", "you are such a dofo",
# "you're an absolute menace". No act is in it to keep.
_WHO_YOU_ARE = re.compile(
    r"^(?:(?:honestly|seriously|basically|man|bro|babe|mate)\s+|(?:[\w']+ )?[\w']+,\s+)?"
    r"(?:(?:(?:you(?:'re| are| is)|ur|u r|you really are|you're really) "
    r"(?:such |just |literally |officially |actually )?(?:an?|the|some)|you (?:an?|some)) "
    r"(?:\w+ ){0,2}\w+"
    # Patois, with no "are": "yuh too lie", "yuh real wutless", "yuh wutless", "yuh nuh
    # have no shame", "yuh tink mi a fool"; and its tag alone, "yuh hear?".
    r"|you (?:(?:real|too)(?: [\w-]+){0,2}|wutless|wotless|stupidee|dunce|mad|hear)"
    r"|you (?:nuh |don't |no )?(?:ave|have|get)(?: no)?"
    r"(?: (?:sense|shame|respect|manners|ambition))?(?: at all)?"
    # Nigerian and Ghanaian Pidgin: "you dey craze?", "you no get shame".
    r"|you dey (?:craze|lie|whine me|worry me|mad|vex)"
    # "You really are something else", "you're a piece of work", Scots "no right in the heid".
    r"|you(?:'re| are| really are|'re really) (?:something else|a piece of work|unreal|"
    r"no right in the heid)"
    # "you is the only man I know who could burn water": a verdict measured on everyone.
    r"|you(?:'re| are| is) the only (?:man|woman|person|one|guy|bloke|girl) (?:i know )?who\b.*"
    r"|you (?:think|feel) (?:seh )?(?:mi|me|I'm)(?: a| is)? (?:an? |your |you )?[\w-]+)"
    # Measured against everyone: "… the most stubborn man I've ever met".
    r"(?: (?:that |who )?(?:i've|i have|i'd|i had) (?:ever )?"
    r"(?:known|met|seen|dated|been with|lived with|worked with))?"
    # A call or a tag after it: "…, bru", "… fr", "…, do you know that".
    r"(?:,?\s*(?:bru|bro|mate|fr|fam|babe|hun|man|lol|tbh|honestly|do you know that|you know that|"
    r"ya know|you hear))*(?:,\s*[a-z]+)?$",
    re.IGNORECASE,
)
# A condition with its consequence left unsaid: what the partner did is the condition.
_UNFINISHED_IF = re.compile(
    r"^if (you\b[^,;]+?)(?:\s+(?:one more time|ever again|again))?$", re.IGNORECASE
)


def _without_judging_parts(text: str, reading: _Reading) -> str | None:
    """``text`` without its parts that judge ("you're ignoring my calls | it's
    childish"); None when nothing else is left."""
    if _SCARE_QUOTES.search(text):  # "you're always 'tired'": the quotes say the opposite
        _add_topic(text, reading)
        return None
    if not STILL_HARSH.search(text):
        return text
    _add_topic(text, reading)
    parts = re.split(r"\s*[,;:]\s+|\s+[-–—]\s+|\s+(?:and|but|so)\s+(?=it|that|this)", text)
    kept = [part for part in parts if not STILL_HARSH.search(part)]
    return ", ".join(kept) if kept and len(kept) < len(parts) else None


# A question that opens like these is a statement said with a rise ("we're going to
# your parents' again this Sunday?"), and reads as what happened.
_STATEMENT_QUESTIONS = word_set("you you're you've your i i'm we we're my")
_FED_UP = re.compile(
    r"^i(?:'m| am)? (?:so |really |just |beyond |absolutely |completely )*"
    r"(?:sick|tired|fed up|done|sick and tired|sick to (?:the back )?(?:teeth|death)) "
    # Not an illness: "I'm sick with a fever and you went to five-a-side anyway".
    r"(?:of|with) (?!(?:a |the |this |my )?(?:fever|flu|cold|covid|migraine|bug|virus|"
    r"temperature|infection|tummy bug|stomach bug|chest infection)\b)(.+)$",
    re.IGNORECASE,
)
# "No reply." "No text." A thing that did not come, said as a fragment.
_NOTHING_CAME = re.compile(r"^(?:(?:and )?still )?no ([a-z]+)$", re.IGNORECASE)
# An intensifier left with nothing to intensify once a judging word went.
_CUT_SHORT = re.compile(r"\b(?:so|such|very|too)\s+(?:with|about|at|for|in|on|of|to)\b", re.I)


# A count of the times before the act: "Third time this month | you've skipped the
# school run". The count keeps score; the act is what happened.
_COUNTED_FIRST = re.compile(
    r"^(?:that's |this is |it's )?(?:the )?(?:second|third|fourth|fifth|sixth|umpteenth|"
    r"hundredth|millionth|\d+(?:st|nd|rd|th)) time (?:this|today|tonight|in a|since|in)\b"
    r"[^,]*?,?\s*(?:that\s+)?(?=you\b)",
    re.IGNORECASE,
)


def _place(text: str, question: bool, reading: _Reading) -> None:
    """What is left of a sentence becomes a clause after "when", or else a subject."""
    text = _COUNTED_FIRST.sub("", text)
    if question:  # "so we're not talking about it then?": the "then" only asks
        text = re.sub(r",?\s+then$", "", text, flags=re.IGNORECASE)
    if _placed_by_its_shape(text, reading):
        return
    if _MOCK_DISCOVERY.match(text):  # "Oh wait, you were on Instagram": about Instagram
        _add_topic(text, reading)
        return
    opened = _OPENER.match(text)
    if opened and text.split()[0].lower() not in _STARTS_CLAUSE:
        text = opened.group(1)  # "Fair dinkum, you told your brother …": the act stays
    words = text.split()
    first = words[0].lower() if words else ""
    second = words[1].lower() if len(words) > 1 else ""
    # "you said", "you know": a verb that needs what follows it says nothing alone, and
    # nor does an auxiliary left by an absolute ("You | always | do.").
    two = len(words) == 2 and first in _SUBJECTS and not second.endswith("ing")
    two = two and second not in CLAUSE_TAKING_VERBS and second not in _AUXILIARIES
    long_enough = len(words) >= 3 or two
    if question and first not in _STATEMENT_QUESTIONS:
        _add_topic(text, reading)
    elif first in _STARTS_CLAUSE and long_enough and ends_cleanly(words) and _has_verb(words):
        reading.clauses.append(as_clause(text))
    else:
        _add_topic(text, reading)
        done = _AND_YOU_DID.search(text)
        if done and _a_plain_act(done.group(1), done.group(2)):
            # "Cooked for two hours and you grabbed McDonald's on the way home": what
            # the partner did is said whole after the "and".
            reading.clauses.append(as_clause(done.group(1)))


# The same threat said the other way round: "Don't come home tonight | if you're going
# to be drunk again", "Better don't come back if you want to drink with them again".
_STAY_AWAY_IF = re.compile(
    r"^(?:(?:better|so|then|and)\s+)?(?:don'?t|do not)\s+(?:come|bother|show up)\b[^,]*?,?\s+"
    r"if ((?:you|u)\b.+)$",
    re.IGNORECASE,
)


def _threatened_over(text: str) -> str | None:
    """What a threat is about, with the threat gone: "If you go out, I'm leaving" is
    about "you go out", "Ring me at work again and I'm blocking you" about "you ring me
    at work". None when ``text`` is no threat of either shape."""
    threat = CONDITIONAL_THREAT.match(text) or _STAY_AWAY_IF.match(text)
    if threat:
        return threat.group(1)
    ordered = _DO_IT_AGAIN_AND.match(_LEAD.sub("", text))
    if ordered and ordered.group(1).split()[0].lower() in DOABLE | SEEN | _ORDERED_IN_ANGER:
        order = ordered.group(1)
        return f"you {order[0].lower()}{order[1:]}{ordered.group(2)}"
    return None


# What is left of "you either … or I'm …" once its threat went.
_YOU_EITHER = re.compile(r"^(?:so |right,? )?you either ([a-z]+ .+)$", re.IGNORECASE)


def _what_is_being_done(text: str) -> str | None:
    """A sentence led by what was done, as the subject of the feeling: "Scrolling TikTok
    while I was crying" is "about you scrolling TikTok while I was crying", "Waiting for
    you for an hour" is "about waiting for you for an hour". None for any other shape,
    or when what is left is not a whole, plain phrase (round fifteen, dev_14)."""
    found = _LED_BY_DOING.match(text.strip())
    if not found:
        return None
    verb, rest = found.group(1), found.group(2)
    # What was done ends at a comma, an emoji, what is made of it ("… | is a choice",
    # "… | was beyond") or a second charge ("… | and still won't try the nose strips").
    verdict = _DOING_IS.search(rest)
    within = _SUBORDINATE.search(rest[: verdict.start()]) if verdict else None
    if verdict and within:
        # "while I | was crying": the verb belongs to the "while"; but once the "while"
        # has a verb of its own, a last "was" is the verdict on the whole ("laughing when I
        # said I was nervous | was low").
        last = list(_DOING_IS.finditer(rest))[-1]
        has_own_verb = any(is_past(w) for w in rest[within.end() : last.start()].split())
        verdict = last if has_own_verb and last is not verdict else None
    said_mine = bool(verdict and _MY_JOB.search(rest[verdict.end() :]))
    rest = _DOING_ENDS.split(rest[: verdict.start()] if verdict else rest, maxsplit=1)[0]
    rest = _AGAIN_AT_THE_END.sub("", rest.rstrip(" ,;:"))  # "borrowing my razor | AGAIN"
    lowered = verb.lower()
    # "behind my back" names no back; "dragging your feet" is no act on feet, and the
    # thing it was about is the subject instead.
    unsaid = tidy(_IDIOM.sub("", f"{verb}{rest}"))
    if not unsaid.lower().startswith(lowered):
        return None
    rest = unsaid[len(verb) :]
    words = f"{verb}{rest}".split()
    plain = not STILL_HARSH.search(rest) and not ABSOLUTE_LEFT.search(rest)
    if lowered in _NOT_DONE or not 2 <= len(words) <= _LONGEST_DOING or not plain:
        return None
    if lowered in _ON_MY_WAY and not _TO_ME.search(rest):
        return None
    if not ends_cleanly(words):
        return None
    # "… to you", but not inside a "while I'm talking to you": that is the writer's part.
    before_subordinate = _SUBORDINATE.split(rest, maxsplit=1)[0]
    to_you = _TO_YOU.match(rest) or _SAID_TO_YOU.search(before_subordinate)
    by_me = lowered in _DONE_BY_ME or to_you or said_mine
    rest = EVERY_SINGLE.sub("every", rest)  # a count kept
    return f"about {'' if by_me else 'you '}{lowered}{rest}"


# What the writer is the one doing: "Sitting here on my own", "Coming home to a mess".
_DONE_BY_ME = word_set("waiting sitting standing coming cleaning tidying paying")
# Done to or for the partner: "Cleaning up after you", "Asking you five times".
_TO_YOU = re.compile(
    r"^\s+(?:(?:up|round|around)\s+)?(?:(?:after|for|on|behind|at)\s+)?(?:you|u)\b"
)
# "Explaining the same thing to you five times": the writer explains.
_SAID_TO_YOU = re.compile(r"\b(?:to|with) (?:you|u)\b", re.IGNORECASE)
_LED_BY_DOING = re.compile(r"^([A-Za-z]{2,}ing)\b(?!['’])(.*)$")
_AGAIN_AT_THE_END = re.compile(r"(?:,?\s+(?:yet |once )?again)?(?:,?\s+i see)?$", re.IGNORECASE)
# What is made of the act, as in ``_MAIN_VERB`` but without "said" and "told": in
# "Telling my mum you said I was lazy" they belong to the act.
_DOING_IS = re.compile(
    r"\s(?:is|was|are|were|isn't|wasn't|shows|proves|means|says|speaks)\b", re.IGNORECASE
)
_SUBORDINATE = re.compile(
    r"\b(?:while|when|whenever|because|after|before|since|as|that|who|which|where|if|until|"
    r"till|cos|cause|coz) (?:i|you|u|he|she|they|we|it|my|your|our|his|her|their|the)\b",
    re.IGNORECASE,
)
# The writer's own news: "Sleeping at Mum's.", "Heading out." Unless it is done to the
# writer: "Going through my drawers", "Going to the wedding without me".
_ON_MY_WAY = word_set("sleeping staying heading crashing going leaving")
_TO_ME = re.compile(r"^\s+(?:me|my)\b|\b(?:without|through|with) (?:me|my)\b", re.IGNORECASE)
_DOING_ENDS = re.compile(
    r"\s*[,;:–—\U0001F000-\U0001FAFF\u2600-\u27BF]|"
    r"\s+(?:and|but|so)\s+(?:still\s+)?(?:won't|can't|don't|didn't|wont|cant|dont|didnt|never|"
    r"you|u|i|i've|i'm|i'll|now)\b",
    re.IGNORECASE,
)
# "Remembering your mum's birthday is somehow my job": the writer is the one doing it.
_MY_JOB = re.compile(r"\b(?:my (?:job|problem|responsibility)|up to me|on me)\b", re.IGNORECASE)
# An order with its consequence: "Ring me at work again and I'm blocking your number".
# Only an order: "You forgot again and I had to ring the school" says what happened.
_DO_IT_AGAIN_AND = re.compile(
    r"^((?!(?:you|i|we|he|she|they|it|the|my|your|our|that|this|there|u|ur|if|when|whenever)\b)"
    r"[a-z]+\b[^,.;]*?)\s+(?:again|one more time|once more|ever again)\b([^,.;]{0,40}?),?\s+"
    r"(?:and|&) (?:i'm|i'll|i will|i am|you'll|you're|you can|we're|we'll)\b",
    re.IGNORECASE,
)
# Orders given in anger beyond the everyday verbs: "Vape in the car once more and …".
_ORDERED_IN_ANGER = word_set("vape flirt lie borrow forget message dance pull shout")
# "Keep driving like that and you're walking home": the threat goes, the driving stays.
# The same as a dare: "Keep ignoring me, see where it gets you", "Just carry on ghosting
# me and watch what happens".
_KEEP_DOING_AND = re.compile(
    r"^(?:just )?(?:keep|continue|carry on) ([a-z]{2,}ing\b[^,]*?),? "
    r"(?:(?:and|or) (?:you|i|we|it|this|that|one day|next)|(?:and )?(?:see|watch) "
    r"(?:where|how|what|if|who))\b.*$",
    re.IGNORECASE,
)
_LONGEST_DOING = 16


def _a_plain_act(clause: str, verb: str) -> bool:
    """Whether ``clause`` says what was done, and only that: "you came back with beer",
    not "you deserved it", "you killed it" or a bare "you planned"."""
    words = (neutral(clause) or "").split()  # "you knew, apparently" is two words
    plain_words = not STILL_HARSH.search(clause) and not blames(clause)
    return (
        is_past(verb)
        and verb.lower() not in _VERDICT_VERBS
        and len(words) >= 3
        and plain_words
        and ends_cleanly(words)
    )


_VERDICT_VERBS = word_set("deserved killed ruined wrecked destroyed blew")
# A report of what the partner did after a fragment: "Forty quid in Aldi | and you came
# back with …". Only a past act: "Skip it and you needn't come back" is a consequence.
_AND_YOU_DID = re.compile(r"\s(?:and|but|then)\s+(?:now\s+)?(you\s+(?:just\s+)?(\w+)\b.*)$", re.I)
_MOCK_DISCOVERY = re.compile(r"^(?:oh )?wait\b", re.IGNORECASE)
# Up to three words and a comma before what the partner did: a call, a name or an
# interjection ("Wueh, you said …", "Right then Kev, you've …", "Ach away, you're some
# eejit, you've gone and sold the good ladder"). Sarcastic openers were read before
# this, on the whole sentence. Not "… and you …", as often a threat's consequence
# ("Skip it and you needn't come back").
_OPENER = re.compile(r"^(?:[a-z']+\s+){0,2}[a-z']+,\s+((?:you|your)\b.+)$", re.IGNORECASE)
_FEEL_CUT_SHORT = re.compile(r"\bfeel(?:\s+like)?\s*(?:,|$)", re.IGNORECASE)


def _placed_by_its_shape(text: str, reading: _Reading) -> bool:
    """Shapes whose situation is not the words as they stand: "I'm sick of your
    excuses" is about the excuses; "No reply." says a reply did not come; "you are so
    with money" lost its judging word and is cut short."""
    fed_up = _FED_UP.match(text)
    missing = _NOTHING_CAME.match(text)
    if fed_up:
        _add_topic(fed_up.group(1), reading)
    elif missing and missing.group(1).lower() in SITUATION_NOUNS:
        reading.clauses.append(f"there's no {missing.group(1).lower()}")
    elif _CUT_SHORT.search(text):
        _add_topic(text, reading)
    else:
        return False
    return True


def _add_request(request: str, reading: _Reading) -> None:
    # A request that still carries blame ("tell Dan he sees more of you than I do") is
    # not one the person would want to send.
    if request.lower() in _ASKS_FOR_A_NEW_PERSON:  # "you never change": nothing doable
        return
    if request.lower() in _NEEDS_WHAT:  # "four streaming apps | you never watch": watch what?
        return
    if request and not STILL_HARSH.search(request) and not blames(request):
        reading.requests.append(request)


_ASKS_FOR_A_NEW_PERSON = word_set("change grow care try bother")
# Auxiliaries that say nothing after a subject alone ("You | always | do."). Not "you
# didn't": after "You said you'd ring the school." it is what happened.
_AUXILIARIES = word_set("do does did are were was is will would can could have has had")
# Verbs that ask for nothing without what they are done to.
_NEEDS_WHAT = word_set("watch use do get take make bring buy fix wash pay put give send find keep")


def _add_topic(text: str, reading: _Reading) -> None:
    """The first thing ``text`` is about, as "about your ex" or "when it comes to keeping
    promises"; nothing when it names no such thing."""
    text = _subject_words(text)
    opening = _opening_thing(text)
    if opening:  # "Spare duvet on the floor.": the duvet, not the floor
        reading.topics.append(f"about {opening}")
        return
    for match in _NOUN_PHRASE.finditer(text):
        noun = match.group(2).lower().rstrip("'")
        # "that apparently doesn't": there "that" starts a clause, and names nothing.
        starts_clause = (
            match.group(1).lower() == "that"
            and noun.endswith("ly")
            and noun not in SITUATION_NOUNS  # "that family do" is a family do
            and not match.group(2)[0].isupper()  # "that July" is a July
        )
        if noun in FUNCTION_WORDS or noun in _VAGUE or starts_clause:
            continue
        phrase = f"{match.group(1).lower()} {match.group(2).rstrip(chr(39))}"
        second = (match.group(3) or "").lower()
        # "your mum's | opinion" needs its noun; "at my mum's | was" is a place already.
        owns = (
            match.group(2).lower().endswith("'s")
            and second
            and second not in _VERBISH | _AFTER_IS_OR_HAS  # "the bill's come in"
            and not (is_past(second) and second not in SITUATION_NOUNS)  # "school's emailed"
            and not _in_a_state(match.group(1), noun, text[match.start(3) :])  # "battery's flat"
        )
        # "the second month", "my spare key": a first word that is no everyday thing
        # describes the next one, which the phrase needs.
        describes = noun in _DESCRIBING_ONLY and _names_a_thing(second)
        # "the Lake District": a name in capitals goes on to its last capital.
        named = match.group(2)[0].isupper() and (match.group(3) or " ")[0].isupper()
        party = noun in _PARTIES and second == "do"  # "my work do", "the leaving do"
        if (
            second
            and (owns or describes or named or party or _second_of_compound(second))
            and (second not in FUNCTION_WORDS or party)
        ):
            phrase += f" {match.group(3)}"
            if second in _PARTIES and re.match(r" do\b", text[match.end() :], re.I):
                phrase += " do"  # "your mate's stag do"
            third = re.match(r" ([a-z]+)\b", text[match.end() :], re.I)
            if third and _second_of_compound(third.group(1).lower()):
                phrase += third.group(0)  # "your sister's engagement party"
        elif noun in _DESCRIBING_ONLY:
            continue  # "about the new" from "on the new carpet, again"
        elif phrase.endswith("'s") and (
            match.group(1).lower() in ("the", "this", "that")
            or not _AT_A_PLACE.search(text[: match.start()])
        ):
            # "the car's on empty", "my mum's in hospital": the car is, it owns nothing.
            # "at your mum's" is a place, and stays one.
            phrase = phrase[:-2]
        if not STILL_HARSH.search(phrase) and not ABSOLUTE_LEFT.search(phrase):
            # "dinner with your boss" is about the dinner, not the boss alone.
            shared = _SHARED_BEFORE.search(text[: match.start()])
            if shared and shared.group(1).lower() in MASS_NOUNS | _OUTINGS:
                phrase = f"{shared.group(1).lower()} {shared.group(2).lower()} {phrase}"
            reading.topics.append(f"about {phrase}")
            return
    doing = _DOING.search(text)
    not_doing = FUNCTION_WORDS | _NOT_DOING  # "cheers for nothing tonight"
    if doing and doing.group(1).lower() not in not_doing and not STILL_HARSH.search(text):
        words = [doing.group(1)]
        if doing.group(2).lower() not in FUNCTION_WORDS:
            words.append(doing.group(2))
        reading.topics.append("when it comes to " + " ".join(words).lower())


def _subject_words(text: str) -> str:
    """``text`` without what is never its subject: "your own sister's wedding" is her
    wedding, "threw me under the bus" is about no bus, and "for the second month
    running" or "third weekend on the trot" is a count."""
    return without_frequency(_IDIOM.sub("", _OWN.sub(r"\1", text)))


_AT_A_PLACE = re.compile(r"\b(?:at|to|from|round|over|near) $", re.IGNORECASE)
# Words after "the bill's" that make it "the bill is" or "the bill has", not an owner.
_AFTER_IS_OR_HAS = word_set(
    """been gone come got gotten done left back run going coming getting still just already
    started finished ended eaten taken made said arrived due overdue late till until"""
)
# States after a thing's "'s", where it is "is": "the battery's flat", "your phone's
# dead". A person's "'s" owns: "your mum's flat" is where she lives.
_STATES = word_set(
    """flat dead empty full broken blocked leaking overflowing ruined soaked filthy stuck
    jammed missing bust busted knackered"""
)


def _a_state(lower: list[str], at: int) -> bool:
    """Whether the word at ``at``, after an "'s", says how a thing is: "Battery's flat."
    Not before a verb: "Jo's flat is a tip" names her flat."""
    following = lower[at + 1] if at + 1 < len(lower) else ""
    return lower[at] in _STATES and following not in _VERBISH


def _in_a_state(determiner: str, noun: str, rest: str) -> bool:
    """Whether "<determiner> <noun>'s <rest>" says how a thing is ("the battery's flat",
    "your phone's dead") rather than what someone owns ("the landlord's flat is damp")."""
    noun = noun.removesuffix("'s")
    thing = determiner.lower() in ("the", "this", "that") or noun in SITUATION_NOUNS
    return thing and noun not in _KIN_NAMES and _a_state(_words_of(rest)[1], 0)


# Sayings whose things are not the subject: no bus, no boat, no book.
_IDIOM = re.compile(
    r"\b(?:throw(?:ing|n|s)?|threw) (?:me|us|him|her|them) under the bus|"
    r"\brock(?:ing|ed)? the boat|\bby the book|\bthe last straw|\bon the same page|"
    r"\bdrag(?:ging|ged|s)? (?:your|his|her|their|my|our) feet|\bfor the record|"
    r"\b(?:have|having|had|has) (?:my|your|his|her|our|their) backs?\b|"
    r"\bbehind (?:my|your|his|her|our|their) backs?\b",
    re.IGNORECASE,
)
# A meal or an outing just before "with/at" someone: "dinner with", "drinks at".
_SHARED_BEFORE = re.compile(r"\b([a-z]+) (with|at) $", re.IGNORECASE)
_OUTINGS = word_set("drinks drink brunch pints pint date dates")
# "your own sister's wedding" is her wedding; "your constant lateness" is the lateness,
# and an absolute left in the subject would keep the blame (round fifteen).
_OWN = re.compile(
    r"\b(my|your|our|the|this|that|ur) (?:own|constant|endless|non-?stop|continual|perpetual)\b",
    re.IGNORECASE,
)
_DOING = re.compile(r"\b(?:at|about|of|for|with) ([a-z]+ing) ([a-z']+)", re.IGNORECASE)
# Words that only describe: never the whole of what a draft is about.
_DESCRIBING_ONLY = word_set(
    """new old good bad last first second third fourth next previous spare little big
    missing charming lovely famous usual muddy dirty wet smelly empty broken clean
    cold slow quick fast long short early late electric leftover front"""
)


def _names_a_thing(word: str) -> bool:
    """Whether ``word``, after a describing word, can be the thing it describes."""
    if len(word) < 3 or word in FUNCTION_WORDS | _VERBISH | JUDGING | BLAMING_ACTS | _PARTICLES:
        return False
    if word.endswith(("ly", "ed")) or word in _NOT_DOING:
        return False
    return not STILL_HARSH.search(word) and not blames(word)


_WORD = re.compile(r"[a-z][a-z'-]+")
_NOT_SUBJECTS = FUNCTION_WORDS | frozenset(FEELINGS) | word_set("thing things time times")


def has_content(text: str) -> bool:
    """Whether ``text`` has a word that says something: not a function word."""
    return any(word not in FUNCTION_WORDS for word in _WORD.findall(text.lower()))


_DETERMINERS = word_set("my your our the his her their this that these those a an")
# Determiners that keep score ("another weekend at your mum's", "one phone call in four
# days"): the thing they name stays, said plainly as "the".
_SCOREKEEPING_DETERMINERS = word_set("another one")
# The same, only opening a sentence: "Third cancelled date." ("our second date" is not).
_ORDINALS = word_set("second third fourth fifth sixth seventh eighth ninth tenth umpteenth")


def _noun_phrase(words: list[str], lower: list[str], at: int, every: bool = False) -> str | None:
    """The noun at ``at`` with its determiner and up to two words between ("the gas
    bill", "a happy valentine's text", "your band" from "your stupid band"); a bare noun
    only when it reads well bare ("money", "plans")."""
    if lower[at] in _KIN_TITLES and at + 1 < len(words) and words[at + 1][0].isupper():
        return f"{words[at]} {words[at + 1]}"  # "Grandma Rose", not "the grandma"
    kept = [words[at] if words[at][0].isupper() and at > 0 else lower[at]]
    owned: str | None = None  # "Olivia's birthday post": a possessive can stand for "the"
    first = at  # where the phrase starts in its sentence
    for before in range(at - 1, max(at - 4, -1), -1):
        word = lower[before]
        if word in _EVERY and (len(kept) > 1 or kept[0] == lower[at]):
            return _every_plural(kept, lower[at]) if every else None
        if word == "single" and before > 0 and lower[before - 1] in _EVERY:
            continue
        keeping_score = word in _SCOREKEEPING_DETERMINERS or (
            before == 0 and word in _ORDINALS and lower[at] not in _HOW_OFTEN
        )
        if keeping_score and not (word == "one" and lower[at] == "job"):
            return " ".join(["the", *kept])  # but "you had one job" names no job
        if word in _DETERMINERS:
            return None if _said_of_partner(lower, before) else " ".join([word, *kept])
        if word in FUNCTION_WORDS or word in _VAGUE or ABSOLUTE_LEFT.search(word):
            break
        judging = STILL_HARSH.search(word) or blames(word) or word in _ALSO_A_VERDICT
        if not judging:  # a judging word is left out: "your stupid band" is "your band"
            kept.insert(0, words[before])
            first = before
            if owned is None and _is_possessive(words[before], word):
                # "Olivia's birthday post" and "Mum's car" stand alone; "kid's parents
                # evening" takes "the".
                named = words[before][0].isupper() and word not in SITUATION_NOUNS
                owned = " ".join(kept if named or word in _KIN_NAMES else ["the", *kept])
    if owned:
        return owned
    if first == 0 and _shorthand(words, lower, at, kept):
        # A note's shorthand drops "the": "Milk. Gone.", "Petrol light's on.", "Wet
        # towel on bed." name the milk, the petrol light and the wet towel.
        opening = kept[0] if kept[0].isupper() else kept[0].lower()  # "RSVP" stays
        return " ".join(["the", opening, *kept[1:]])
    if lower[at] in MASS_NOUNS or lower[at].endswith("s"):
        return kept[-1]
    return None


def _every_plural(kept: list[str], noun: str) -> str | None:
    """What "every …" is about, when asked for (the plural is not the draft's own word):
    "every single holiday" is about holidays, and a compound takes its plural at its end,
    "every school run" about school runs. "every night" only says how often."""
    if noun in _HOW_OFTEN and len(kept) == 1:
        return None
    return " ".join([*kept[:-1], plural(kept[-1])])


def _shorthand(words: list[str], lower: list[str], at: int, kept: list[str]) -> bool:
    """Whether the noun at ``at``, with ``kept`` from the start of its sentence, is a
    note's "the"-less subject rather than a command ("Answer your phone", "Stop making
    excuses") or a count ("Three missed calls")."""
    if lower[at] in MASS_NOUNS or len(kept) > 2:
        return False
    if lower[at] in _HOW_OFTEN and (len(kept) == 1 or kept[0].lower() in _WHICH_TIME):
        return False  # a time is no note's thing: "Last night at Jodie's", "Morning, noon"
    after = lower[at + 1] if at + 1 < len(lower) else ""
    is_or_has = words[at].lower().endswith(("'s", "’s"))  # "Lawn's a jungle"
    if (after in _DETERMINERS | _OBJECTS | _PARTICLES) and not is_or_has:
        return False  # the noun is a verb here: "Text me", "Answer your phone", "Ring back"
    # Only a plain describing word or another thing may come first ("wet towel", "petrol
    # light"): an opening "Stellar evening" or "Classic Tuesday" is sarcasm, not a thing.
    describing = [w.lower() for w in kept[:-1]]
    return all(w in _DESCRIBING_ONLY or w in _NOUN_SECOND for w in describing)


# Family words that are also names: "Mum's car", never "the mum's car".
_KIN_NAMES = word_set("mum mom mam ma dad da nan nana gran granny grandma grandad grandpa")
_WHICH_TIME = word_set("last this next good whole")  # "Last night", but "Date night"
# Family words that come before a name: "Grandma Rose", "Uncle Dev", "Aunty Ngozi".
_KIN_TITLES = _KIN_NAMES | word_set("aunt aunty auntie uncle cousin nanna")
_OBJECTS = word_set("me him her us them it you")
_PARTICLES = word_set("back")  # "Ring back", "Text back": a verb, not a thing
_EVERY = word_set("every each")
_HOW_OFTEN = word_set(
    """time night day week weekend month year morning evening afternoon hour minute
    second summer winter spring autumn"""
)
# What "every …" names when it says when (``_setting_after``): a stretch of time, or an
# occasion ("every party", "every Eid").
_OCCASIONS = _HOW_OFTEN | word_set(
    "holiday birthday anniversary payday party dinner meal match game visit trip argument fight row"
)


# Words whose "'s" is "is" or "has", not a possessive: "that's", "there's".
_NOT_POSSESSORS = FUNCTION_WORDS | word_set("that there what who he she here where let everyone")


def _is_possessive(word: str, stem: str) -> bool:
    return word.lower().endswith(("'s", "’s")) and stem not in _NOT_POSSESSORS


# What comes just before a noun said of the partner rather than about a situation:
# "you're such a child", "acting like a kid", "you are a baby".
_CALLS_THEM = word_set("such like you're")
# "Like" after these is wanting or enjoying, not a comparison: "I'd like the car back".
_LIKES = word_set("i i'd we we'd you you'd they he she would really to")


def _said_of_partner(lower: list[str], determiner: int) -> bool:
    """Whether the noun phrase starting at ``determiner`` is a verdict on the partner."""
    before = lower[determiner - 1] if determiner > 0 else ""
    earlier = lower[max(0, determiner - 3) : determiner - 1]
    if before in ("are", "were", "being"):
        return "you" in earlier
    if before == "like":
        return not earlier or earlier[-1] not in _LIKES
    if before == "not":  # "I'm not a bank": a role refused, not what happened
        return bool(earlier) and earlier[-1] in ("i'm", "am")
    return before in _CALLS_THEM


# Nouns that name no situation: "about the point", "about your mouth".
_VAGUE = word_set(
    """point mouth life way problem fault deal reason attitude behaviour behavior face head
    mind word words thing things stuff side time times lot end one kind sort type state heads
    planet world earth universe entire whole famous same usual two both straight"""
)
# "-ing" words that say what something is like, not what was done: "Disappointing, as
# ever" is about nothing "when it comes to disappointing".
_LIKE_ING = word_set(
    """interesting confusing amazing annoying boring exhausting disgusting shocking
    stunning cracking smashing mortifying disappointing embarrassing humiliating
    infuriating frustrating insulting patronising patronizing condescending terrifying
    horrifying sickening maddening baffling staggering astonishing appalling revolting
    charming exciting dazzling thrilling fascinating riveting understanding thriving"""
)
_NOT_DOING = _LIKE_ING | word_set(
    """thing nothing something anything everything everyting morning evening wedding
    darling feeling ring spring king string building ceiling sibling during bring sing
    living coming going getting giving letting telling picking thanksgiving
    kidding"""
)
# "-ing" words that start a sentence without being something done: "Morning.",
# "Amazing how …", "Nothing from you all day".
_NOT_DONE = _NOT_DOING - word_set("getting coming going giving letting telling picking") | (
    word_set(
        """according including following pending outstanding walking ironing washing
        shopping parking being seeing considering assuming supposing regarding concerning
        excluding loving roaming"""
    )
)


def subject_of(text: str) -> str | None:
    """What ``text`` is about, in its own words, when its sentences gave nothing: the
    first everyday thing it names ("about the gas bill"), or a named person's thing when
    that says more ("about Biscuit's vet records"), or else the first thing it
    says someone did ("when it comes to cancelling"), or else the time it speaks of
    ("about tonight"), or else what it says happens every time ("about holidays" from
    "every single holiday"). None when it names none of these."""
    text = _subject_words(text)
    found = _everyday_thing(text, every=False)
    owned = _named_owners_thing(text)
    if owned and (not found or owned.startswith(found)):
        return owned  # "Biscuit's vet records", more than "Biscuit's vet"
    if found:
        return found
    every_word: list[str] = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    for word in (w.lower() for w in every_word):
        doing = word.endswith("ing") and len(word) > 5 and word not in _NOT_DOING | _NOT_SUBJECTS
        if doing and not STILL_HARSH.search(word) and word not in JUDGING | BLAMING_ACTS:
            return "when it comes to " + word
    return _undone_again(text) or _time_of(text) or _everyday_thing(text, every=True)


_LIST_BREAK = re.compile(r"\s*[,;:–—]\s*|\s+-\s+")
# Things that, before another word, are a verdict on it: "rubbish excuse", "trash take".
_ALSO_A_VERDICT = word_set("rubbish trash garbage")
# What follows "rent's" when the "'s" is "is" or "has": "Rent's late", "Lawn's a jungle".
_NOT_OWNED = FUNCTION_WORDS | _VERBISH | _AFTER_IS_OR_HAS | _DESCRIBING_ONLY


def _words_of(part: str) -> tuple[list[str], list[str]]:
    """The words of ``part`` as written, and lower-cased without an "'s"."""
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z'-]*", part)
    return words, [w.lower().removesuffix("'s").rstrip("'") for w in words]


def _thing_at(words: list[str], lower: list[str], i: int, every: bool = False) -> str | None:
    """The thing named at ``i``; with the next word when that ends a compound with it,
    since the phrase ends at its last noun ("phone call", "petrol light", "lawn mower")."""
    compound = i + 1 < len(lower) and _second_of_compound(lower[i + 1])
    return (compound and _noun_phrase(words, lower, i + 1, every)) or _noun_phrase(
        words, lower, i, every
    )


def _opening_thing(text: str) -> str | None:
    """The thing a note's shorthand opens with ("Bathroom tap. Still dripping."), when
    it opens with one; None otherwise."""
    words, lower = _words_of(_LIST_BREAK.split(text.strip(), maxsplit=1)[0])
    if len(lower) > 1 and _is_possessive(words[0], lower[0]) and _owner_or_verdict(words, lower, 0):
        # "Mum's car is blocking the drive": the car is the thing, and who owns it says
        # which car. Only an owner that reads as a name: "Kid's parents evening" is not.
        found = _thing_at(words, lower, 1)
        owned = _owned_thing(words, lower, 0)
        if found and owned and owned.startswith(found):
            return owned  # "Nan's Christmas pudding", more than "Nan's Christmas"
        return found if found and not found.lower().startswith("the ") else None
    if len(lower) > 1 and lower[0] in _KIN_NAMES:
        # "Mum's Sunday roast is off limits": a family name owns what follows, unless
        # its "'s" is "is" ("Mum's poorly", "Dad's coming").
        return _owned_thing(words, lower, 0)
    for i, word in enumerate(lower[:3]):
        if word in FUNCTION_WORDS or _owner_or_verdict(words, lower, i):
            return None
        if i == 0 and _is_possessive(words[0], word) and word in SITUATION_NOUNS | MASS_NOUNS:
            return f"the {word}"  # "Dinner's in the oven": its "'s" is "is", so the dinner
        if word in SITUATION_NOUNS:
            found = _thing_at(words, lower, i)
            # Only the shorthand's own "the": a bare "Lunch with the ex" is about the ex.
            return found if found and found.lower().startswith(f"the {lower[0]}") else None
    return None


def _owner_or_verdict(words: list[str], lower: list[str], i: int) -> bool:
    """Whether the word at ``i`` owns the next ("kid's parents evening") or judges it
    ("rubbish excuse") rather than being the thing spoken of."""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if not after:
        return False
    if _is_possessive(words[i], lower[i]):
        # "Rent's late", "Lawn's a jungle", "Recycling's overflowing": "'s" is "is". A
        # note's opening "Ute's filthy" is too, unless a thing follows ("Mum's car").
        is_or_has = after in _NOT_OWNED or (after.endswith("ing") and after not in SITUATION_NOUNS)
        is_or_has = is_or_has or _a_state(lower, i + 1)
        opening_is = i == 0 and after not in SITUATION_NOUNS | _NOUN_SECOND
        return not (is_or_has or opening_is)
    return lower[i] in _ALSO_A_VERDICT


def _list_parts(text: str) -> Iterator[str]:
    """Each sentence of ``text``, and within it each item of a list: a list's commas part
    its things, so "Laundry, bins, dog" names no "laundry bins"."""
    for _, sentence in sentences(text):
        yield from _LIST_BREAK.split(sentence)


def _situation_noun(word: str) -> bool:
    """An everyday thing, or more than one: "birthday" and "birthdays"."""
    if word in SITUATION_NOUNS:
        return True
    single = word.removesuffix("s")
    return single != word and single in SITUATION_NOUNS and single not in _ALSO_A_VERB


# Everyday things that are verbs as well, so that with an "s" they are as often a verb:
# "she works late", "an hour shows how little".
_ALSO_A_VERB = word_set(
    """work show call text run walk date play post message reply chat drink visit match
    plan book cook clean park shop watch dress help cover rest name smoke"""
)


def _likened_to(lower: list[str], i: int) -> bool:
    """Whether the thing at ``i`` is named only to liken someone to it: "like living
    with a houseplant", "as romantic as a brick". Not further back: "you act like I
    don't exist when your friends…" is about the friends."""
    return "like" in lower[max(0, i - 4) : i] or "as" in lower[max(0, i - 3) : i]


def _everyday_thing(text: str, every: bool) -> str | None:
    for part in _list_parts(text):
        words, lower = _words_of(part)
        for i, word in enumerate(lower):
            if not _situation_noun(word) or _owner_or_verdict(words, lower, i):
                continue  # "kid's" in "kid's parents evening" is not the subject
            if _likened_to(lower, i):
                continue  # "like talking to a brick wall", "as romantic as a brick"
            if i and _a_state(lower, i) and _is_possessive(words[i - 1], lower[i - 1]):
                # "battery's flat" is no flat: the battery is what it speaks of.
                before = _noun_phrase(words, lower, i - 1)
                if before:
                    return "about " + before
                continue
            found = _thing_at(words, lower, i, every)
            if found:
                return "about " + found
    return None


def _named_owners_thing(text: str) -> str | None:
    """A named person's or pet's thing, in up to two words: "about Zara's orthodontist
    slot", "about Biscuit's flea drops". None when the "'s" is "is" or "has" ("Zara's
    late", "Biscuit's been sick") or what follows judges rather than names."""
    for part in _list_parts(text):
        words, lower = _words_of(part)
        for i, word in enumerate(words[:-1]):
            named = word[0].isupper() and lower[i] not in _NOT_POSSESSORS | _NOT_DOING
            owned = _owned_thing(words, lower, i) if named else None
            if owned:
                return "about " + owned
            at_a_place = i and _AT_A_PLACE.search(lower[i - 1] + " ")
            if named and at_a_place and _is_possessive(word, lower[i]):
                return "about " + word  # "back at Declan's till all hours": his place
    return None


def _owned_thing(words: list[str], lower: list[str], i: int) -> str | None:
    """The owner at ``i`` with its thing in up to two words ("Zara's orthodontist
    slot"); None when the word at ``i`` owns nothing."""
    if not _is_possessive(words[i], lower[i]):
        return None
    thing = list(itertools.takewhile(_names_a_thing_owned, lower[i + 1 : i + 3]))
    if len(thing) == 2 and not _ends_a_thing(thing[1], lower[i + 3 : i + 4]):
        thing = thing[:1]  # "Sam's boyfriend manages to": the boyfriend
    if not thing or (thing[0].endswith("ing") and thing[0] not in SITUATION_NOUNS):
        return None
    if _a_state(lower, i + 1):
        return None
    return " ".join([words[i], *words[i + 1 : i + 1 + len(thing)]])


def _names_a_thing_owned(word: str) -> bool:
    return _names_a_thing(word) and word not in _NOT_OWNED | _NOT_ER_NOUNS | _VAGUE


_PLACE_WORDS = word_set("at in on from for with of by about")


def _ends_a_thing(word: str, after: list[str]) -> bool:
    """Whether ``word`` is the last noun of a thing rather than a verb after it: "flea
    drops were", "orthodontist slot at", "war medals went" end a thing; "boyfriend
    manages to" does not."""
    if _second_of_compound(word):
        return True
    if not after or after[0] in _VERBISH | _PLACE_WORDS:
        return True
    return is_past(after[0]) and after[0] not in SITUATION_NOUNS


# "Oh great, cancelled again.": what happened to a plan, without saying who did it.
_UNDONE_AGAIN = re.compile(
    r"\b(?:cancell?ed|postponed|rescheduled|forgotten|missed|called off)"
    r"(?: (?:again|last minute))+\b",
    re.IGNORECASE,
)


def _undone_again(text: str) -> str | None:
    found = _UNDONE_AGAIN.search(text)
    return f"when it's {found.group().lower()}" if found else None


# When a draft names no thing and no act, the time it speaks of is still its own words:
# "about tonight", "about last time". Never from a threat ("... by Friday").
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TIME = re.compile(
    r"\b(?:tonight|today|yesterday|this (?:morning|afternoon|evening|weekend)|"
    rf"last (?:night|time|weekend)|{_DAY}(?: (?:morning|afternoon|evening|night))?)\b",
    re.IGNORECASE,
)
_THREATS = tuple(p.pattern for p in (*PHRASES, *GENERIC_PHRASES) if p.kind == "threat")


_WEEKDAY = re.compile(rf"^{_DAY}\b")


def _time_of(text: str) -> str | None:
    for _, sentence in sentences(text):
        found = _TIME.search(sentence)
        threat = CONDITIONAL_THREAT.search(sentence) or any(t.search(sentence) for t in _THREATS)
        if found and not threat:
            when = found.group().lower()
            return "about " + (when.capitalize() if _WEEKDAY.match(when) else when)
    return None


def plainer_versions(done: Rewrite, draft: str) -> tuple[Rewrite, ...]:
    """Gentler fallbacks for a rewrite that may still read as blame: its first clause
    alone, then only what the draft is about ("about the game"), and last the first
    clause with an offered request instead of the draft's own, for a request that is
    what reads as blame ("spare me ten minutes" can read as "spare me!"). Each is made
    of the same draft's words or the offered choices, so none adds a fact; the caller,
    which can ask the analyser, chooses the first that no longer reads as harsh."""
    versions: list[Rewrite] = []
    if len(done.situation) > 1:
        versions.append(replace(done, situation=done.situation[:1]))
    subject = done.topic or subject_of(plain_text(without_markup(draft)))
    if done.situation and subject:
        versions.append(replace(done, situation=(), topic=subject))
    offered = tuple(choice for choice in done.request_choices if choice != done.request)
    if done.request and done.situation and offered:
        versions.append(
            replace(done, situation=done.situation[:1], request=None, request_choices=offered)
        )
    return tuple(versions)
