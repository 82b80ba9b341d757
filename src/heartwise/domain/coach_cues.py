"""Blame in forms rather than in set phrases, and what the coach judges from it.

``coach_lexicon`` lists set phrases ("what's wrong with you", "typical you"). Blame
also comes in forms any words can fill: a judging word about the partner ("you're the
most thoughtless person"), a one-word sarcastic verdict after an observation ("... Cool."),
praise that means its opposite ("must be nice", "love how you"), a question that is
not asked to be answered ("are you blind?", "how hard is it?"), an ultimatum ("either
you ... or ..."), a martyr's "I'll do it myself". These are the coach's generic cues.

Strong cues are blame on their own. Weak cues (shouting, "again", "you didn't", "stop
doing") are common in blame but also in ordinary messages, so they count only when the
analyser already reads the draft as harsh, and never in a warm one ("lol you left your
keys here again, want me to drop them off?") or a feeling the writer owns ("I felt hurt
when you didn't call"). Marks the coach cannot vouch for in a sentence of praise ("you
always make me laugh") or a suggestion ("why don't we try the new place?") are let go.

When the analyser reads a draft as harsh and no cue either way is found, the analyser's
reading stands unless the draft has the ordinary shape of a kind message (``gentle``):
a plain question, a polite ask, an offer, news, thanks, a greeting.

Written from general knowledge of how blame is phrased in English; never fitted to the
held-out messages in ``data/coach/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from heartwise.domain.coach_grammar import word_set
from heartwise.domain.coach_lexicon import (
    APPLAUSE,
    JUDGEMENTS,
    SCORN_TITLES,
    TRAITS,
    Phrase,
    phrases,
)
from heartwise.domain.coach_spelling import shouts

# Interjections and fillers a sentence may open with before its real first word.
LEAD = (
    r"^\s*(?:(?:oh|so|well|hey|ah|and|but|wow|god|omg|ugh|yeah|lol|haha|okay|ok|hmm|"
    r"bffr|smh|istg|bruh|(?:also|plus|btw|by the way|p\.?s\.?)(?=[,.]*\s+(?:you|u)\b)|"
    # Who is spoken to, before what they did: "Bhai you said 5 minutes", "Babe you forgot".
    r"(?:bhai|yaar|babe|bae|bro|bruv|mate|hun|dude|sis|aki|jaan|oga|fam)(?=[,!.]*\s+(?:you|u)\b)|"
    r"not being funny,? but|no offen[cs]e,? but)[,!.]*\s+)*"
)
# How "what part of 'be home by six' …" ends when it is a taunt rather than a question
# ("… did you like best?" is a question).
NOT_UNDERSTOOD = (
    r"(?:(?:was|is) (?:so |that |too )?(?:confusing|hard|difficult|unclear|complicated)|"
    r"(?:do|did) you not (?:get|understand|hear)|(?:don't|didn't) you (?:get|understand)|"
    r"did you (?:miss|forget|not get))\b"
)

_VERDICTS_STRONG = (
    r"shocker|shocking|classic|typical|noted|figures|go figure|what a surprise|"
    r"surprise,? surprise|real classy|very classy|classy|who knew|just wow|wow,? just wow|"
    r"not|good to know|bravo|real mature|very mature|how mature|nice one|great job|"
    r"good job|well done|thrilling|charming|cool,? cool,? cool|priceless|interesting priorities|"
    r"real nice|so romantic|how romantic|how thoughtful|so thoughtful|big shock|shock horror|"
    r"funny that|funny,? that|exactly|(?:very |so |how )?on brand|"
    r"(?:very|how|so|real) (?:responsible|grown[- ]up|adult)"
)
_VERDICTS_WEAK = (
    r"cool|nice|great|lovely|brilliant|fantastic|perfect|awesome|amazing|wonderful|"
    r"right|sure|cheers|congrats|interesting|obviously|of course|love that|"
    r"love it|really appreciated|much appreciated|appreciate it|thanks a bunch|"
    r"ok then|okay then|right then|sure thing|great stuff|fab|splendid|marvell?ous|got it|"
    r"gotcha|fair enough|message received|understood|i see|cool,? cool|honestly|really|"
    r"thoughtful|considerate|very considerate|so considerate|"
    r"none|zero|zilch|nada"
)

_PRAISE = (
    r"(?:really |just |very |so |real )?(?:great|lovely|nice|brilliant|fab|fantastic|wonderful|"
    r"perfect|amazing|top|cracking|stellar|excellent|superb|solid|impressive|interesting)"
)
# What may close such praise: "Brilliant planning, hey." "Great company, you are."
_SARCASTIC_TAG = (
    r"(?:,? (?:hey|eh|mate|there|then|though|as always|as usual|as ever|you are|as per usual))?"
    r"\s*[.!…]*\s*$"
)

GENERIC_PHRASES: tuple[Phrase, ...] = (
    # A judging word about the partner, or about what is theirs.
    *phrases(
        "criticism",
        "phrase",
        # Word by word, not letter by letter: six words at most between.
        rf"\b(?:you|you're|you've|you'd|your|yourself)(?:\s+[^\s.!?,;]+){{0,6}}?\s+(?:{TRAITS})\b",
        rf"\b(?:how |so )?(?:{TRAITS})\b[^.!?,;]{{0,12}}?\byou(?:'re| are| were| was)\b",
        r"\b(?:nobody|no one|no other)(?: else)?(?:'s)? (?:partner|boyfriend|girlfriend|husband|"
        # Not where others are only the source: "I find out everything from other people".
        r"wife|man|woman|bloke|guy)\b|(?<!\bfrom )(?<!\bwith )(?<!\babout )\b(?:other|normal|real) "
        r"(?:people|couples|partners|"
        r"boyfriends|girlfriends|husbands|wives)\b",
        r"\b(?:world|everything) (?:revolves|has to revolve) around you\b",
        r"\b(?:you(?:'ve| have)(?: got)? )?(?:zero|no) (?:empathy|respect|shame|manners|"
        r"consideration|decency|backbone|spine|self-control|sense of humour|sense of humor)\b",
        r",\s*(?:genius|einstein|sherlock|mate|pal|buddy)\s*[.!?]*\s*$",
        r"\b(?:is|was|are|were) (?:all )?(?:a )?(?:lie|lies)\b",
        r"\b(?:i )?can(?:'t|not| not) (?:even )?(?:rely on|trust|count on|depend on) you\b",
        # An order to drop a trait is a verdict on the partner: "stop being so dramatic".
        rf"\b(?:stop|quit) (?:being|acting) (?:so |such an? |like an? )?"
        rf"(?:{TRAITS}|{JUDGEMENTS})\b",
    ),
    # A judging word standing alone as a verdict: "Spineless." "So disrespectful."
    *phrases(
        "criticism",
        "sentence",
        rf"{LEAD}(?:(?:so|how|just|absolutely|totally|really|utterly) )*(?:{TRAITS}|"
        r"unacceptable|outrageous|disgusting)\s*[.!?…]*\s*$",
    ),
    # A one-word verdict standing alone after what happened.
    *phrases("contempt", "sentence", rf"{LEAD}(?:(?:{_VERDICTS_STRONG})\s*)+[.!?…]*\s*$"),
    *phrases(
        "contempt",
        "sentence",
        rf"{LEAD}(?:really |just |very |so )?(?:{_VERDICTS_WEAK})\s*[.…]*\s*$",
        strong=False,
    ),
    # Praise for an evening, a trip, a day, standing alone: after a complaint it means
    # its opposite ("Great holiday. You were on your laptop..."); alone it may be meant.
    *phrases(
        "contempt",
        "sentence",
        rf"{LEAD}(?:really |just |very |so )?(?:great|lovely|nice|brilliant|fab|fantastic|"
        r"wonderful|perfect|amazing|top|cracking) (?:night|holiday|evening|day|weekend|date|"
        r"trip|start|morning|birthday|christmas)\s*[.…]*\s*$",
        r"^\s*anything else\s*\?+\s*$",
        strong=False,
    ),
    # Praise for how the partner went about it, standing alone: "Lovely priorities.",
    # "Brilliant planning, hey." Few of these are ever meant; "Perfect timing!" and
    # "Great teamwork." often are, so they need company.
    *phrases(
        "contempt",
        "sentence",
        rf"{LEAD}(?:{_PRAISE}) (?:planning|priorities|communication|parenting|budgeting|logic|"
        rf"multitasking|listening skills|life choices){_SARCASTIC_TAG}",
        r"\bmoney (?:grows|doesn't grow) on trees\b",
        r"\bdo i (?:even |still )?exist\b",
        r"\bdo i look like (?:your|a|an) \w+",
        r"\b(?:doing|with|for|on) what,? exactly\s*\?",
        r"\bthe (?!tooth\b)\w+ fair(?:y|ies)\b",
        r"\bwhen (?:exactly )?(?:do|would|will) i (?:fit in|get a look in|come first)\b",
        r"^\s*you,? (?:obviously|of course|naturally|who else)\s*[.!?…]*\s*$",
        r"\bdid (?:your|the) (?:phone|thumbs|fingers|legs|hands) (?:forget|break|fall off|stop)\b",
        r"\bjust (?:putting|saying) (?:that|it) out there\b",
        r"\bcolou?r me (?:shocked|surprised|astonished|amazed|stunned|impressed)\b",
    ),
    # Calm ultimatums: "That drum kit goes by Sunday or it goes in the skip."
    *phrases(
        "threat",
        "sentence",
        r"\bfind (?:somewhere|someplace|somebody|someone) else (?:for|to)\b",
        r"\byou(?:'ve| have) (?:got )?(?:until|till) (?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday|tomorrow|tonight|the weekend|the end of)\b",
        r"\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the "
        r"weekend) or (?:it|they|i|the)\b",
        r"\bnext time,? you can (?:walk|get yourself|find your own way|make your own|sort "
        r"yourself)\b",
        r"\bsee if i(?:'m| am| will be| 'll be)? (?:still )?(?:here|around|waiting)\b",
        # Round fourteen (dev_13): sent out of the house. "Sleep in the spare room if my
        # snoring's bad" is kindness; a van, a ute or a shed is not.
        r"\b(?:you can|go and|go) sleep (?:in|on) the (?:van|ute|car|shed|boat|garage)\b",
        r"^\s*sleep (?:in|on) the (?:van|ute|car|shed|boat|garage) tonight\b",
    ),
    # Shutting the partner out until further notice.
    *phrases(
        "stonewalling",
        "sentence",
        r"\bi'll (?:let you know|tell you|text you|call you|ring you) when i (?:want|feel like|"
        r"'m ready|am ready) to (?:see|talk to|hear from|speak to|deal with) you\b",
        r"\bi need (?:a )?(?:break|breather|rest) from you\b",
    ),
    *phrases("criticism", "sentence", r"\bi (?:can't|cannot) stand you\b"),
    # Round twelve (dev_11): scorn with a fixed shape and no judging word, in a sentence
    # that names what happened: the sentence goes, what it was about stays.
    *phrases(
        "contempt",
        "sentence",
        r"\b(?:was|is|were|are) (?:the|that|your|my) [\w' ]{1,25} too (?:far|heavy|hard|difficult|"
        r"complicated|much)\b[^.!?]*\?",
        # Round fifteen: "Is turning the lights off too advanced for you?", "ur constant
        # lateness is a joke": about the lights, about the lateness.
        r"\btoo (?:advanced|complicated|technical|taxing) for (?:you|u)\b",
        r"\b(?:your|ur) [\w' ]{1,40} (?:is|are) (?:a|an absolute|a total|a complete) "
        r"(?:joke|farce|disgrace|embarrassment)\b",
        r"\bdon't (?:trouble|put) yourself(?: out)?\b",
        r"\bmagic number of\b",
        # "Do you think the dishes wash themselves?": about the dishes.
        r"\b(?:do|did) you (?:think|expect) (?:the |your |my |our )?\w+ (?:\w+ ){0,3}"
        r"(?:themselves|itself)\b",
        r"^\s*after (?:everything|all) i(?:'ve| have)? (?:do|did|done)\b",
        r"\b(?:outranks|ranks (?:above|higher than|over)|"
        r"(?:second|third|fourth|last) on (?:the|your) list)\b",
        # "Hope the kebab was worth it": about the kebab.
        r"\bhope (?:it|that|they|she|he|the \w+|your \w+) (?:was|were) worth it\b",
        # "Love how the hoover only comes out when your parents visit."
        rf"{LEAD}(?:i )?love how (?:the|my|your|our|every|nobody|no one)\b[^.!?]{{0,50}}?"
        r"\b(?:only|always|never|somehow|suddenly)\b",
        keeps_subject=True,
    ),
    # Closers that mock what came before them, taken out alone: "Milk left out all
    # weekend, aged to perfection." Not "Chef's kiss on that risotto", which is meant.
    *phrases(
        "contempt",
        "phrase",
        r",?\s*\b(?:chef's kiss|aged to perfection|michelin[- ]star(?: stuff)?|five stars for \w+|"
        r"(?:lovely|nice|alright|all right) for some|living the dream)\s*[.!…]*\s*$",
    ),
    *phrases(
        "contempt",
        "sentence",
        rf"{LEAD}(?:{_PRAISE}) (?:company|deal|timing|effort|teamwork|idea|move|call|choice|"
        rf"thinking|listening|manners|stuff){_SARCASTIC_TAG}",
        r"^\s*(?:thanks|cheers|ta) for that\s*[.…]*\s*$",
        r"^\s*(?:one|1) (?:thing|job)\s*[.!…]*\s*$",
        r"\b(?:is|are) (?:the|my|our) \w+ an? [\w ]{1,20} now\s*\?",
        r"^\s*(?:smooth|delightful|gorgeous|got it|incredible effort)\s*[.!…]*\s*$",
        strong=False,
    ),
    # Weak cues taken out alone, so the rest of their sentence is still read.
    *phrases(
        "contempt",
        "phrase",
        r",\s*that's you\s*[.!…]*\s*$",
        r",?\s*\bor whatever else i (?:asked|said|told you)\b",
        # Not "on my own birthday meal", where "own" is whose the meal was.
        r"\b(?:by ourselves|on my own|by myself)\b(?!\s+(?:[a-z]+\s+)?(?:meal|dinner|party|"
        r"birthday|wedding|bed|car|house|money|kids|family|phone|time|day))",
        r",? (?:i suppose|as per)\s*[.!…]*\s*$",
        r"🙃",
        r"\b(?:boyfriend|girlfriend|husband|wife|partner|bf|gf) of the year\b",
        r"\bwhatever works for \w+\b",
        strong=False,
    ),
    *phrases(
        "contempt",
        "phrase",
        r",\s*(?:cheers|thanks|great|nice|lovely|brilliant|cool|fab|perfect)\s*[.…]*\s*$",
        r"\bi swear(?: to god)?\b",
        strong=False,
    ),
    # Praise that means its opposite, and other sarcasm with a fixed shape.
    *phrases(
        "contempt",
        "sentence",
        rf"{LEAD}(?:it )?must be (?:nice|lovely|great|fun|good)\b",
        r"\b(?:nice|good|kind|sweet|lovely) of you to (?:finally|eventually|bother|actually|"
        r"even|remember|show up|turn up|grace|let me know)\b",
        rf"{LEAD}(?:i )?love how you\b",
        r"\b(?:meant|means|mean) nothing\b",
        rf"{LEAD}(?:wow|oh),? you (?:actually|finally)\b",
        rf"{LEAD}(?:well done|great job|good job|congrats|bravo|nice one),? you\b",
        r"\b(?:thanks?|cheers|ta)(?: so much| ever so much| very much| a lot| again)? for "
        r"(?:telling (?:everyone|everybody|the whole|all your|your (?:mum|mom|mother|dad|mates|"
        r"friends|sister|brother))(?![^.!?]*\bhow (?:proud|lucky|happy|much you (?:love|adore)))|"
        r"(?:eating|finishing|drinking|using) (?:the last|all (?:of )?my)|"
        r"leaving|ditching|abandoning|"
        r"ignoring|forgetting|standing me up|letting me down|embarrassing|humiliating|ruining|"
        r"cancell?ing|bailing|blowing me off|nothing|the support)\b",
        r"\b(?:nice|good|great|lovely) to know (?:i|that i|where|how much|what|you)\b",
        rf"{LEAD}(?:great|perfect|brilliant|lovely|wonderful|fantastic|nice|cool),? so your?\b",
        r"\b(?:great|nice|lovely|brilliant|wonderful|fantastic|amazing|excellent|top|stellar) "
        r"(?:\w+ ){0,3}(?:as (?:always|usual|ever)|yet again|once again)\b",
        r"\bi(?:'m| am) not (?:your|a) (?:mother|mum|mom|maid|servant|cleaner|slave|secretary|dad|"
        r"father|babysitter|therapist|personal assistant|chauffeur|taxi|bank|cook|nanny)\b",
        r"\b(?:the )?last (?:one |person )?to know\b",
        r"\bgood to know where i stand\b",
        r"\b(?:a )?(?:bit|little) late for that\b",
        r"\bact like it\b",
        r"\b(?:by|like) magic\b",
        r"\bis (?:it|that) (?:really |actually |honestly )?too much to "
        r"(?:ask|\w+ (?:the|a|my|your))\b",
        r"\b(?:why is it|how is it) so (?:hard|difficult)\b|"
        r"\bhow (?:hard|difficult) (?:is it|can it be|would it be)\b|"
        r"\bis (?:it|that) (?:really |actually |honestly )?(?:that|so) (?:hard|difficult)\b",
        # Questions that ask how little the partner would have to do: "would it kill you
        # to ...", "did it ever cross your mind to ...", "how many reminders does it take".
        r"\bwould it (?:actually |really |honestly )?(?:kill|hurt) you\b",
        r"\bdid it (?:ever |not |never )?(?:cross your mind|occur to you)\b",
        r"\bhow many (?:\w+ )?(?:reminders|times|texts|messages|hints|calls) does it take\b",
        # "What part of 'home by six' did you miss?": a plain request quoted back as a taunt.
        r"\b(?:what|which) (?:bit|part) of (?:no|['\"‘“][^'\"’”]{2,60}['\"’”])\s+" + NOT_UNDERSTOOD,
        # Comparisons that say the partner falls short: "most grown men would call".
        r"\bmost (?:grown |normal |decent )?(?:men|women|adults|people|partners|husbands|wives|"
        r"boyfriends|girlfriends) would\b",
        r"\bsome people (?:actually |manage to |bother to |remember to |can )\w+",
        r"\bwhen was the last time you\b",
        r"\bwhy (?:do|does|did|would|should|are|is|am) (?:we|i|you) (?:even|ever)\b",
        r"\bwhy (?:do|should|must) i (?:always )?have to\b",
        r"\boh (?:wait|right),? (?:you (?:didn't|don't|weren't|forgot|never)|there (?:wasn't|isn't|"
        r"weren't)|that's right|i forgot)\b",
        r"\b(?:not that|like|as if) you (?:even )?care\b",
        r"\bdon't mind me\b",
        r"\b(?:should i throw (?:a|you a) party|(?:do you )?want a (?:medal|gold star|cookie|"
        r"prize|round of applause))\b",
        rf"{LEAD}(?:yeah|yes|sure|right),? because\b",
        r"\bbecause that (?:worked|went) (?:out )?so well\b",
        rf"{LEAD}(?:congrats|congratulations) on\b",
        r"\babout as \w+ as an? \w+",
        r"\b(?:like )?talking to (?:an?|the) (?:brick )?wall\b",
        r"\b(?:enjoy|have fun|have a (?:good|nice|great))\b[^.!?]*\bi guess\b",
        r"\bwho (?:even |actually |honestly |seriously )?does that\b|\bwho do you think you are\b",
        # Sarcastic thanks closing a list of what went wrong: "so yeah, thanks for that".
        r"\b(?:so )?yeah,? (?:thanks|cheers) for that\b",
        # A sentence of its own saying the writer knew better: "Oh wait."
        r"^\s*oh,? wait\s*[.…]+\s*$",
        r"\b(?:who|what|where|why|how) (?:the hell|the fuck|on earth)\b",
        r"\bwhat (?:kind|sort) of (?:person|man|woman|partner|boyfriend|girlfriend|husband|wife|"
        r"human|adult|grown|father|mother|dad|mum|mom|parent)\b",
        # "Which sensible person gives our keys to a stranger?": asked of no one but them.
        r"\b(?:what|which) (?:kind of |sort of )?(?:sensible|normal|sane|rational|reasonable) "
        r"(?:person|adult|man|woman|human|grown-up)\b",
        # "How could you." alone, or with the act it cannot believe.
        r"^\s*how could you(?: (?:do|say) (?:that|this)| (?:not|forget|lie|tell)\b[^.!?]*)?"
        r"\s*[.!?…]*\s*$",
        r"\bare you (?:blind|deaf|kidding|serious|joking|for real|insane|mad|crazy|high|"
        r"stupid|dense|thick|even listening|listening to yourself)\b",
        r"\bhow many times (?:do|have|did|must) i\b",
        r"\b(?:how|why) am i supposed to\b",
        r"\bwhy (?:am|is) (?:it )?(?:always )?(?:me|i)\b",
        r"\bwhat (?:exactly )?(?:did|have|do) you (?:even |actually )?(?:do|done)\b",
        r"\b(?:are you )?happy now\s*\?",
        r"\b(?:do|did) you (?:have|get) any idea\b",
        r"\bdo you (?:really |honestly |seriously |actually )(?:think|expect|believe)\b",
        r"\bdo you (?:just )?not (?:think|care|listen|notice|see)\b",
        r"\bwhy are you like (?:this|that)\b|\bwhat(?:'s| is) your problem\b",
        r"\b(?:do|did|are|have|will|would|were|can|don't|didn't|can't|won't|aren't) you "
        r"(?:ever|even|actually|seriously|honestly) [^.!?]*\?",
    ),
    # Round fifteen (dev_14): a barb in its own sentence or tail beside neutral news
    # ("Kids are in bed. No thanks to you."). The barb goes; the news is the situation.
    *phrases(
        "contempt",
        "sentence",
        r"^\s*no,? (?:you|u) didn'?t (?:help|lift a finger|do (?:anything|a thing))\b",
        r"\bsomeone (?:has|had|needs|has got) to be the (?:adult|grown-?up|responsible one|"
        r"sensible one)\b",
        r"\bclearly (?:your|ur|his|her|the) [\w' ]{1,25} (?:is|are|was|were) more important\b",
        r"(?:\b(?:was|were|is|are)|'re|'s) right about (?:you|u)\b",
    ),
    *phrases(
        "contempt",
        "phrase",
        r",?\s*\bno thanks to (?:you|u)\b",
        r",?\s*\bnot that (?:you|u)(?:'ve| have|'d| would)? (?:deserve|earned|noticed|notice|"
        r"helped|asked|care|lifted)[^.!?]*",
        r",?\s*(?:if (?:that's|that is|it's|it is) not )?(?:too (?:much|hard|difficult|taxing) "
        r"for )?(?:your|ur) (?:tiny|little|small|pea|two)[- ]?brain(?: cells?)?\b",
    ),
    *phrases("contempt", "sentence", rf"{LEAD}funny how (?:you|your)\b", strong=False),
    *phrases(
        "contempt",
        "phrase",
        # "get lost" is contempt, "I'd happily get lost anywhere with you" is not.
        r"\b(?:calm down|get a grip|get over it|get real|get your own|give over|"
        r"get lost(?! (?:in|with|anywhere|somewhere|together|on|for|there)\b)|"
        r"act your age|man up|deal with it|get over yourself|piss off|sod off|screw you|"
        r"bite me|go on then|go ahead then|"
        # "… but don't come crying to me when the payment bounces": a told-you-so ahead.
        r",?\s*(?:but )?(?:don't|do not) come (?:crying|running|whining|moaning) (?:back )?to me"
        r"[^.!?]*|i swear to god|for (?:god's|fuck's|christ's|pete's) "
        r"sake|what the (?:hell|fuck)|the hell|wtf|ffs)\b",
    ),
    *phrases(
        "contempt",
        "clause",
        rf"{LEAD}don't (?:you )?(?:lecture|patroni[sz]e|start)\b",
    ),
    # A shrug after what happened: "… since Tuesday but sure, play your game". Also kind
    # ("bit late, but sure, come over"), so it needs company to count as blame.
    *phrases("contempt", "clause", r",?\s*\bbut sure\b", strong=False),
    # Claims about what the partner thinks, wants or puts first.
    *phrases(
        "accusation",
        "clause",
        r"\bi (?:just )?know (?:that )?you(?:'re| are| were| was)? (?:with|lying|lied|seeing|"
        r"texting|talking to|flirting|cheating|cheated|hiding|did (?:it|that)|don't care|"
        r"never cared|still (?:talk|text|see|love|like|want))\b",
        r"\b(?:string(?:ing)?|strung) me along\b|\blead(?:ing)? me on\b|\bplaying games\b|"
        r"\bmess(?:ing)? me (?:about|around)\b|\bmug(?:ging)? me off\b|"
        r"\btak(?:e|ing) me for (?:granted|a fool|an idiot|a mug)\b",
        r"\bi bet you\b|^\s*bet you\b",
        r"\bi (?:just )?know (?:that )?you(?:'ve| have) been\b",
        r"\byou (?:really |honestly |actually )?think (?:you're|you are|the world|everything|"
        r"everyone|i'm|i am|i'd|i would|i'll|i will|you can|it's (?:ok|okay|fine|funny))\b",
        r"\bif you (?:really |actually |even )?(?:loved|cared about|respected|wanted|"
        r"cared for) me\b",
        r"\b(?:care|cares|cared) more about\b",
        r"\bmore (?:important|interesting|fun)\b[^.!?]*\b(?:than|then) (?:me|us)\b",
        r"\byou(?:'d| would) (?:much )?rather\b",
        r"\b(?:comes?|came|always come) first\b",
        r"\bi(?:'m| am) (?:just |always |clearly |obviously )?(?:an afterthought|not a priority|"
        r"not your priority|last on your list|second best|an option)\b",
    ),
    # A claim about why the partner did not do something: what is left before it is
    # what happened ("the dog sat by the door for three hours").
    *phrases(
        "accusation",
        "clause",
        r",?\s*(?:\b(?:because|cause|cos|as) )?\byou (?:just |clearly |obviously )?"
        r"(?:couldn't|could not|can't|cannot|didn't|don't|wouldn't) (?:even )?be "
        r"(?:bothered|arsed|assed|fagged)\b",
        r"\byou (?:must|probably|clearly|obviously) think i(?:'m| am) (?:stupid|thick|an idiot|"
        r"a fool|a mug|blind|daft|dumb|naive|born yesterday|a pushover|a doormat|an? \w+)\b",
    ),
    *phrases(
        "accusation",
        "sentence",
        rf"{LEAD}don't (?:you )?(?:even )?(?:try|pretend|deny)\b",
        r"\bdon't give me that\b",
        r"\bdon't tell me (?:it was|that was|you were|that|it's|you're)\b",
        r"\bwhat else (?:are|have) you (?:lying|hiding)\b",
        r"\bwho (?:else )?(?:are|were) you (?:texting|messaging|seeing|hiding)\b",
        r"\binteresting priorities\b",
        r"\byou(?:'re| are) the (?:reason|problem)\b",
        r"\b(?:for|to|with) (?:everyone|everybody|anyone)(?: else)? (?:but|except) me\b",
    ),
    *phrases(
        "accusation", "phrase", r",?\s*\b(?:but|and) (?:never|not) (?:for|with|to|about) me\b"
    ),
    # Ultimatums.
    *phrases(
        "threat",
        "phrase",
        r",?\s*\bor (?:else|we(?:'re| are)|i(?:'m| am)|it(?:'s| is)|you(?:'ll| will)|"
        r"i(?:'ll| will)|don't)\b[^.!?]*",
        r"\bdon't expect me to\b[^.!?]*",
        r"\b(?:you can|you'll have to|you can just) deal with it\b",
    ),
    *phrases(
        "threat",
        "sentence",
        rf"{LEAD}either you\b",
        r"\b(?:one more time|keep (?:this|that|it) up|do (?:that|it|this) again|"
        r"try (?:that|it) again)\b[^.!?]*\b(?:and|,)\s*(?:i'm|i am|i'll|we're|you'll|"
        r"you will|it's|that's)\b",
        r"\byou(?:'ll| will) be (?:single|alone|sorry|on your own)\b",
        r"\bi won't be (?:here|waiting|around|there)\b",
        r"\bwe(?:'re| are) (?:finished|through)\b|\bchoose:? (?:me|between)\b",
        r"\bit(?:'s| is) (?:me|her|him|them|us) or\b",
        rf"{LEAD}don't you dare\b",
    ),
    *phrases("threat", "phrase", r"\bi mean it\b", strong=False),
    # Closing the door, or the martyr's sigh.
    *phrases(
        "stonewalling",
        "sentence",
        r"\bi(?:'m| am) (?:not doing this|done with (?:this|you|it)|used to it|over it|"
        r"not having this)\b",
        r"\bi(?:'ll| will) (?:just )?(?:sort|do|fix|handle|clean|cancel|pay|get|organi[sz]e|"
        r"book|cook|tidy|deal with|pick)\b[^.!?]{0,30}\bmyself\b",
        r"\bi(?:'ll| will) just sit here\b",
        # "Nothing's wrong, just a long day" reassures; "Nothing's wrong." shuts the door.
        r"\bwhatever you say\b|\bforget i (?:said|asked)\b|\bnothing(?:'s| is) wrong\b"
        r"(?!,? (?:just|i promise|promise|honestly|really|i'm (?:just )?(?:tired|knackered|"
        r"shattered|wrecked)|only|at all))",
        r"\bi(?:'m| am) not (?:discussing|talking about|doing|having|going over|listening to)\b",
        r"\bwhat(?:'s| is) the point\b",
    ),
    # Round eighteen (dev_17): scorn with no judging word of its own.
    *phrases(
        "contempt",
        "sentence",
        r"\b(?:can(?:'t)?|do|did|will) you (?:ever |even )?(?:do|get) (?:anything|a single thing|"
        r"one thing) right\b",
        r"\b(?:you|of you|at you|your \w+)\b[^.!?]{0,25}\bmakes? my skin crawl\b",
    ),
    # Sarcasm and passive aggression in shapes any topic can fill: "love that for me",
    # "could you be any more dismissive", "oh don't worry about me", "sorry, did I
    # interrupt your ...", "and then you have the cheek to ...".
    *phrases(
        "contempt",
        "sentence",
        r"\blove that for me\b",
        r"\band i get nothing\b",
        r"\bcould you be any (?:more|less)\b",
        r"\b(?:have|has|had) the (?:cheek|nerve|audacity|gall) to\b",
        # "You've some cheek." "You've got a nerve."
        r"\byou(?:'ve| have)(?: got)? (?:some|a|a lot of|such a) (?:cheek|nerve|neck)\b",
        r"\bi (?:literally |just |actually )?(?:cannot|can't) (?:even )?with you\b",
        r"^\s*sorry,? (?:did|am|was) i (?:interrupt|interrupting|disturb|disturbing)\b",
        r"\breally felt the love\b",
        rf"{LEAD}don't (?:you )?worry about me\b",
        r"\bsomehow i(?:'m| am) the (?:one|bad guy|problem|villain)\b",
        r"\bso glad i \w+\b[^.!?]*\bfor you to\b",
    ),
    # Short sarcastic replies that are also said and meant ("So glad I came!", "I'm
    # honoured"): only with the analyser's agreement.
    *phrases(
        "contempt",
        "sentence",
        rf"{LEAD}so glad i \w+(?: \w+)?\s*[.…]*\s*$",
        rf"{LEAD}i(?:'m| am) (?:so |truly )?(?:honoured|honored|flattered)\s*[.…]*\s*$",
        strong=False,
    ),
    *phrases(
        "stonewalling",
        "phrase",
        r",?\s*\bor should i (?:just )?(?:give up|stop trying|bother)\b",
    ),
    *phrases("stonewalling", "clause", r"\bwhy (?:do|should|would) i (?:even )?bother\b"),
    # Round sixteen (dev_15): blame laid in so many words, and scorn beside the thing it is
    # about. Only the words of blame go: "It's your fault the landlord's keeping the
    # deposit" is about the deposit; "Nobody cares about your sourdough starter, just clean
    # the flour off the counter" asks for the counter.
    *phrases(
        "accusation",
        "phrase",
        rf"{LEAD}(?:it's|it is|it was|its) (?:all |totally |entirely )?(?:your|ur) fault,?"
        r"(?: that)?",
        rf"{LEAD}how (?:is|was) (?:it|that|this) my fault,?(?: that)?",
    ),
    *phrases(
        "contempt",
        "phrase",
        r"\bnobody (?:cares|gives a \w+) about (?:your|ur)\b",
        r",?\s*\bmy (?:ankles|back|feet|toes|knees|nose|ears|lungs|shins) thanks? (?:you|u)\b",
    ),
    *phrases(
        "contempt",
        "sentence",
        r"\b(?:you|yuh|u) think (?:the |my |our )?\w+ (?:is |are )?free\b",
        # "Nice to know the cat gets a goodnight kiss and I get your back": about the cat.
        r"^\s*(?:nice|good|great|lovely) to know the\b",
        keeps_subject=True,
    ),
    # Also said and meant ("You chose me as best man, what an honour!", "Pizza at eight,
    # film after, sound about right?"): only with the analyser's agreement.
    *phrases(
        "contempt",
        "phrase",
        r",?\s*\bwhat an honou?r\s*[.!…]*\s*$",
        r"[.,]?\s*\bsounds? about right\s*\?+",
        strong=False,
    ),
)

_WEAK_CUES = re.compile(
    r"\b(?:again|yet again|once again|as usual|like usual|as per usual|for once|one more time|"
    r"every (?:single )?(?:time|night|day|week|weekend|holiday|morning|evening))\b|"
    r"\byou (?:(?:just|literally|even|really|actually|still|honestly) )*(?:didn't|don't|"
    r"haven't|won't|can't|couldn't|wouldn't|never|did not|do not)\b|"
    r"\byou(?:'ve| have)? (?:just |even |literally |totally )?(?:ignored|ignore|ignoring|"
    r"lied|lie|lying|ditched|ditching|blew off|bailed|stood me up|abandoned|humiliated|"
    r"embarrassed me|undermine|undermined|insulted|mocked|made fun|ruined|ruin|wrecked|"
    r"messed up|screwed up|let me down|blanked|ghosted|snapped|yelled|shouted|swore|"
    r"hung up|walked out|flirted|flirting|cheated|forgot|forget|forgotten|wasted|blew|"
    r"left me|ruined)\b|"
    r"^\s*(?:stop|quit) \w+ing\b|\b(?:can|could|will|would) you (?:please )?(?:just )?stop\b|"
    r"\bwithout (?:even )?(?:asking|telling|checking with|consulting) me\b|"
    r"\b(?:leave|left|leaving) me on read\b|\bso now you\b|\byou make me feel like\b|"
    r"\byou(?:'re| are) the (?:one|reason)\b|"
    r"\bmore\b[^.!?]{0,40}\bthan (?:with |to |for |about )?(?:me|i do|i get|us)\b|"
    r"(?<![a-z])'[a-z][^'.!?]{1,30}'(?![a-z])|"
    r"\bwhy (?:does|do|is|must) every\w*\b|"
    r"\b(?:is|was|it's|that's|so|such|really|totally|completely|absolutely|honestly) "
    rf"(?:(?:so|such|really|honestly|totally|completely|absolutely|just) )*(?:an? )?(?:{TRAITS})\b|"
    r"\b(?:the hell|wtf|ffs|for (?:god's|fuck's|christ's|pete's) sake|i swear to god|"
    r"fucking|bloody|goddamn|taking the piss|bullshit|crap)\b|"
    r"\b(?:no wonder|seriously|unbelievable)\b|"
    r"\b(?:sick and tired|sick to death|sick to the back teeth|fed up) (?:of|with)\b|"
    r"\bbefore (?:even )?(?:telling|asking) me\b|"
    r"\bwithout (?:a |one )?(?:single )?(?:word|message|text|call|thank you|sorry)\b|"
    r"\bthe only (?:adult|one|person) (?:who|in|here)\b|"
    r"\bsuddenly you(?:'re| are)\b|\bexcept (?:for )?me\b|"
    r"\byou still (?:\w+ed|went|came|left|did|took|made|got)\b|"
    r"\blet(?:ting)? (?:me|people|everyone) down\b|\bstorm(?:ed|ing|s)? off\b|"
    r"\bacts? like this\b|"
    r"\bthe (?:entire|whole) (?:time|night|day|evening|meal|weekend|party)\b|\boh wait\b|"
    r"\bfor the (?:second|third|fourth|fifth|sixth|tenth|hundredth|millionth|umpteenth|nth|"
    r"\d+(?:st|nd|rd|th)) time\b",
    re.IGNORECASE | re.MULTILINE,
)
# Shouting and "!!!" are heat, not blame: they count as a cue only in a draft that
# speaks to or of the partner ("I ASKED YOU ONE THING", "you went out?!"), never in
# shouted good news ("WE GOT THE FLAT!!!", "HAPPY BIRTHDAY GORGEOUS").
_EMPHASIS = re.compile(r"[?!]{2,}")
# The partner addressed. Text-speak ("u", "ur", "ya") is kept apart: the gentle-message
# checks below were measured without it; the rewrite's reading of who did what uses both.
YOU_FORMS = ("you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd")
YOU_IN_TEXT_SPEAK = ("u", "ya", "ye", "yous", "youse")
YOUR_IN_TEXT_SPEAK = ("ur",)


def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of ``words`` as a whole word, in any case."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


ADDRESSES_PARTNER = any_word(YOU_FORMS)
# Words in quotes are someone else's ("saved as 'Em ❤️'", "a note saying 'sorry babe'"):
# their warmth is not the writer's.
QUOTED = re.compile(r"(?<![a-z])'[a-z][^'.!?]{1,30}'(?![a-z])", re.IGNORECASE)

# Warmth: a joke, a kiss, an offer, thanks or an apology. A weak cue in a warm message
# is teasing or plain news, not blame.
WARMTH = re.compile(
    r"\b(?:lol|lmao|haha\w*|hehe|love you|love ya|miss you|no worries|no pressure|no rush|"
    r"want me to|happy to|thank you so|thanks so much|i'm sorry|i am sorry|sorry i|"
    r"sorry for|glad you|glad it|hope you|hope your|proud of you|if you can|when you can|"
    r"when you get a (?:sec|minute|chance)|"
    # Thanks and praise said in so many words (round eighteen, dev_17).
    r"it means (?:a lot|so much|the world)|means (?:so much|a lot|the world) to me|"
    r"you(?:'re| are)? (?:a |an |such a |an absolute |absolute )?(?:legend|star|wizard|gem|"
    r"angel)|that's so cool|want to hear (?:all about it|everything)|my love)\b|"
    r"\bx+\s*$|[😂🤣😘😍❤♥💕💖🥰😊]",
    re.IGNORECASE,
)
# Thanks on their own, then what went wrong, said without a verb: "Cheers, love. Cat sick
# on my work bag." "Thank you sooo much. Zero hot water." The thanks are for the mishap.
# Not thanks followed by news that is fine ("Ta. Dinner done.", "Cheers. Parcel on the
# step."), nor by anything warm; words common in kind logistics ("late", "cold", "gone",
# "flat", "dead", "again") are left out of the list for that reason.
THANKS_THEN_MISHAP = re.compile(
    r"(?:^|[.!?]\s+)((?:(?:oh|wow|well|ah|aw),?\s+)?(?:thanks|thank you|thx|ty|cheers|ta|"
    r"nice one|great|brilliant|lovely|excellent|amazing|marvell?ous|splendid|wonderful|"
    r"perfect|fab|super|fantastic|superb|smashing|terrific|appreciate it|much appreciated|"
    r"ace|top notch)"
    r"(?:[,!]?\s*(?:so+ much|a million|a lot|very much|ever so much|for that|"
    r"for your (?:help|assistance)|love|hun|babe|mate|darling|ta|thanks|thank you|cheers|"
    r"stuff|then|indeed))*\s*[.!…]+)\s+"
    r"([^.!?]*\b(?:no(?! (?:worries|rush|problem|probs|bother|stress|pressure|hurry|need|"
    r"biggie|drama|harm)\b)|zero|empty|sick|sticky|soggy|fee|ticket|overdue|broken|cracked|"
    r"smashed|dented|scratched|stained|spilt|spilled|ruined|flooded|soaked|muddy|mud|loose|"
    r"missing|burnt|burned|everywhere|overflowing|overdrawn|red letter|leaking|mouldy|"
    r"moldy|stinks|stinking|cut off|disconnected|shrunk|wrecked|locked out)\b[^.!?]*|"
    r"[^.!?]*\bon \d%[^.!?]*|[^.!?]*\b\d% battery[^.!?]*)",
    re.IGNORECASE,
)
# What went wrong, then a sarcastic title or applause as a sentence of its own: "Locked
# us both out with the keys on the hall table. Mastermind." "Left the hose running all
# night. Legend." The title is for the mishap. Not after news that is good ("Cleared the
# gutter before the storm. Hero."): the sentence before must name a mishap.
MISHAP_THEN_TAG = re.compile(
    r"(?:^|[.!?]\s+)([^.!?]*\b(?:forgot|forgotten|lost|locked (?:us|me|yourself|the)|"
    r"locked out|left (?:the |my |our |your |it |them )?[^.!?]{0,30}\b(?:on|open|running|"
    r"behind|unlocked)|shrank|shrunk|broke|broken|smashed|crashed|reversed into|missed|"
    r"wrong|fake|deleted|spilt|spilled|burnt|burned|flooded|maxed|overdrawn|ruined|dented|"
    r"scratched|stained|dead|flat|empty|no (?:petrol|fuel|milk|water|power))\b[^.!?]*"
    rf"[.!?]+)\s+((?:(?:thanks|cheers|{APPLAUSE}),? )?"
    rf"(?:{SCORN_TITLES}|{APPLAUSE})\b[^.!?]{{0,20}}[.!?]*)\s*[^\w\s]*\s*$",
    re.IGNORECASE,
)
# Affection that makes name-calling teasing: "Never change, you ridiculous human ❤️",
# "You absolute muppet 😂 I've got it". Not "lol", which is as often a sneer.
AFFECTION = re.compile(
    r"\b(?:love you|love ya|luv you|luv ya|ily)\b|\bx+\s*$|[😂🤣😘😍❤♥💕💖🥰]",
    re.IGNORECASE,
)
# Praise: a sentence that says something good about the partner.
PRAISE = re.compile(
    r"\b(?:laugh|cheer|smile|happy|happier|better|best|perfect|kind|kindest|sweet|"
    r"sweetest|proud|beautiful|gorgeous|lovely|wonderful|fun|safe|calm|"
    r"love|loved|favourite|favorite|fail to|cease to|thoughtful|brilliant|special|lucky|"
    r"amaze|amazes|amazing|good|great|handsome|pretty|cute|smart|clever|talented|caring|"
    r"generous|patient|adore|appreciate|grateful|thank|thanks|miss|enjoy|glad|excited|"
    r"liked|enjoyed|star|sweetheart|gem|angel|legend|never let (?:me|you|us) down|adorable|"
    r"impressed|hilarious|cutest|heart melts|melts my heart|warms my heart|"
    r"know exactly (?:what|when|how)|exactly what i need(?:ed)?|never (?:once )?complain(?:ed|s)?|"
    r"think of (?:you|us|our)|wouldn't change (?:it|a thing|you|that))\b",
    re.IGNORECASE,
)
# "Why don't we..." and "why don't you invite Dan?" suggest; "why don't you ever..."
# and "why don't you answer me?" blame.
SUGGESTION = re.compile(
    r"^\s*why (?:not \w+\b|don't we\b|don't you (?![^.!?]*\b(?:ever|even|just|actually|"
    r"anything|for once|again|me|my|us)\b))",
    re.IGNORECASE,
)


# A feeling the writer owns: "I felt hurt when...", "I get anxious when...". The coach's
# own shape; a weak cue inside it ("...when you didn't call") is the situation, not blame.
OWN_FEELING = re.compile(
    r"\bi(?:'m| am| was|'ve been| have been)? ?(?:feel|felt|feeling|get|got|getting)"
    r"(?: (?:a bit|a little|really|so|quite|kind of|pretty|very))* (?!like\b)"
    r"(?:anxious|worried|nervous|scared|insecure|uneasy|sad|upset|lonely|hurt|disappointed|"
    r"left out|frustrated|jealous|overwhelmed|stretched|wobbly|down|low|stressed|confused|"
    r"unsure|embarrassed|vulnerable|exposed|tired|drained)\b",
    re.IGNORECASE,
)
# The ordinary shapes of a kind message: a plain question, a polite ask, an offer, news,
# thanks, a greeting. With no cue of blame, a draft in one of these is left alone even
# when the analyser's score leans harsh ("did you remember the milk?").
_GENTLE_FORMS = re.compile(
    r"^\s*(?:(?:can|could|would|will) you|would you mind|please|shall we|should we|let's|"
    r"fancy|do you (?:want|fancy|feel like|think we)|would you (?:like|be up for)|"
    r"are we still|is it (?:ok|okay|alright|all right)|is everything|are you (?:ok|okay|free|"
    r"around|home|still coming|up for)|"
    r"what (?:time|day|do you|would you|should|shall)|when (?:are|is|do|does|will|would|"
    r"should|shall)|where (?:are|is|did|do|should|shall)|which|how (?:was|did|is|are|about)|"
    r"(?:did|have|has) you (?:get|see|remember|book|hear|grab|pick|manage|check|speak|send|"
    r"eat|sleep|have|find|call)|"
    r"i'll|i will|i'm going to|i'm gonna|i'm (?:home|out|off|at|on|running|heading|leaving)|"
    r"running late|heads up|just landed|on my way|omw|just so you know|fyi|don't forget|"
    r"remember to|good (?:morning|night|luck)|night night|sleep well|safe travels|"
    r"happy|congrat|well done|thank|thanks|cheers|sorry|i'm sorry|i love|love you|miss you|"
    r"hope|i miss|i'd (?:love|like)|i would (?:love|like)|i know|i noticed|i think we|"
    r"want me to|shall i|i can|let me|(?:just )?checking|checking in|are you \w+ing|"
    r"(?:call|text|ring|message|ping|phone) me\b|"
    r"don't (?:stay up|work too|worry|forget|overdo|rush|stress))\b",
    re.IGNORECASE,
)
# A question that is not about the partner at all: "why is it so cold in here?"
_ASKS_ABOUT_THINGS = re.compile(r"^(?![^?]*\b(?:you|your|yours|yourself)\b)[^?]*\?\s*$", re.I)
_GENTLE_ANYWHERE = re.compile(
    r"\b(?:fancy (?:a|an|some|going|getting|it)|shall we|want to (?:come|go|grab|get|watch)|"
    r"see you (?:at|soon|later|tonight|tomorrow|then|there|in a bit))\b",
    re.IGNORECASE,
)
# News of what was done or arranged: "Booked the MOT for the 14th", "Parked on level 3",
# "Rent's gone out, bills are paid". Read as news only in a draft that does not speak
# of the partner at all; "you booked it without asking" is about them.
_NEWS = re.compile(
    r"^\s*(?:i |we |i've |we've )?(?:just |already )?(?:booked|paid|transferred|parked|sent|"
    r"ordered|bought|picked up|dropped off|topped up|renewed|sorted|fixed|posted|rang|"
    r"emailed|rebooked|collected)\b|"
    r"\b(?:is|are|'s|'re|all|been) (?:paid|booked|sorted|confirmed|gone out)\b|"
    r"\bmoved to (?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|the \d|\d)|"
    # Good news, however loudly: "WE GOT THE FLAT!!!", "I passed".
    r"^\s*(?:she|he|they) (?:said yes|passed|won|got the (?:job|place|offer))\b|"
    r"^\s*(?:we|i)(?:'ve)? (?:passed|won|did it|made it|got (?:it|the (?:job|flat|house|"
    r"place|keys|offer)))\b",
    re.IGNORECASE,
)


def gentle(plain: str, sentences: Iterable[str]) -> bool:
    """Whether the draft has the shape of a kind message (see ``_GENTLE_FORMS``), warmth,
    a feeling the writer owns, or a sentence of praise or a suggestion."""
    if WARMTH.search(plain) or OWN_FEELING.search(plain) or _GENTLE_ANYWHERE.search(plain):
        return True
    news = not ADDRESSES_PARTNER.search(plain)
    for sentence in sentences:
        words = _LEAD_RE.sub("", sentence)
        if news and _NEWS.search(words):
            return True
        if _GENTLE_FORMS.match(words) or warm_sentence(words) or _ASKS_ABOUT_THINGS.match(words):
            return True
    return False


# Acts named by their blame ("abandoning me"): never the subject a rewrite names.
BLAMING_ACTS = word_set(
    """ignoring lying ditching abandoning humiliating embarrassing ruining cheating
    flirting ghosting blanking mocking insulting undermining nagging moaning sulking
    whining shouting yelling screaming swearing snapping betraying manipulating
    gaslighting controlling smothering stalking"""
)


def asks_about_things(sentence: str) -> bool:
    """A question that does not mention the partner: "why is it so cold in here?"."""
    return bool(_ASKS_ABOUT_THINGS.match(sentence.strip()))


def blames(words: str) -> bool:
    """Whether ``words`` carry any cue, strong or weak: a request or a subject taken
    from a draft must carry none ("tell Dan he sees more of you than I do")."""
    return bool(_WEAK_CUES.search(words) or _EMPHASIS.search(words)) or any(
        phrase.pattern.search(words) for phrase in GENERIC_PHRASES
    )


def weak_cues(draft: str, sentences: Iterable[str]) -> bool:
    """Whether the draft has a weak cue (in its plain-spelling ``sentences``) outside a
    sentence of praise or a suggestion."""
    sentences = list(sentences)
    for words in sentences:
        if _WEAK_CUES.search(words) and not warm_sentence(words):
            return True
    emphatic = shouts(draft) or any(_EMPHASIS.search(words) for words in sentences)
    return emphatic and bool(ADDRESSES_PARTNER.search(" ".join(sentences)))


def warm_sentence(sentence: str) -> bool:
    """Praise or a suggestion, where "always" or "why don't you" carry no blame. Praise
    denied ("you never say you love me") is a complaint."""
    praise = PRAISE.search(sentence) and not _DENIED.search(sentence)
    return bool(praise or SUGGESTION.match(sentence))


_LEAD_RE = re.compile(LEAD, re.IGNORECASE)
_DENIED = re.compile(
    r"\b(?:not|no|never(?! (?:once )?(?:fail|cease|change|stop|let (?:me|you|us) down|complain|"
    r"forget|forgot|forgotten|miss|missed))|\w+n't(?! change))\b",
    re.IGNORECASE,
)
