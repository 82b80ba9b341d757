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

from heartwise.domain.coach_grammar import word_set

# Words that judge a person rather than describe an act.
JUDGEMENTS = (
    r"selfish|lazy|useless|pathetic|ridiculous|childish|immature|cold|heartless|impossible|"
    r"inconsiderate|careless|irresponsible|hopeless|awful|terrible|toxic|crazy|insane|"
    r"unbelievable|rude|mean|cruel|clueless|dramatic|paranoid|obsessed|embarrassing|"
    r"unreliable|disgusting|a joke|a mess|a disaster|a child|a baby|a liar|a cheat|"
    r"a jerk|a coward|an idiot|a loser|the worst|so fake|fake|two-faced|spineless|weak|"
    r"controlling|needy|clingy|heartless|ungrateful|unfair|stupid|dumb|useless|"
    r"a narcissist|a nightmare|unbearable|out of your mind|(?:acting|behaving) like an? \w+|"
    r"typical|unforgivable|unacceptable|disgraceful|shameful|a disgrace"
)
INSULTS = (
    r"idiot|moron|loser|pathetic|stupid|jerk|clown|coward|liar|cheater|narcissist|"
    r"psycho|dumb|useless|idiotic"
)


# Words that judge who someone is, beyond the ones above: English has many, and a
# draft uses whichever comes to mind ("spineless", "a slob", "so disrespectful"). None
# of them names an act a person could describe instead, so none is kept in a rewrite.
# Words with an everyday sense as well ("cold", "mean", "a mess") are left out here.
TRAITS = (
    r"self-?cent(?:red|ered)|self-?absorbed|self-?obsessed|thoughtless|insensitive|"
    r"disrespectful|rude|arrogant|smug|manipulative|narcissistic|petty|pig-?headed|"
    r"stubborn|hypocritical|a hypocrite|dishonest|deceitful|sneaky|shady|untrustworthy|"
    r"incompetent|worthless|entitled|spoilt|spoiled|possessive|uncaring|unromantic|"
    r"boring|lame|annoying|irritating|insufferable|unbearable|impossible|shameful|"
    r"disgraceful|a disgrace|an embarrassment|embarrassing|gross|vile|nasty|horrible|"
    r"evil|hysterical|unhinged|delusional|delulu|gutless|spineless|cowardly|"
    r"greedy|stingy|vain|shallow|two-?faced|classless|trashy|sloppy|a slob|slob|a pig|"
    r"pigsty|a brat|brat|a nag|a drama queen|a pushover|a doormat|a snake|a creep|creepy|"
    r"a failure|(?:a )?waste of space|useless|lazy|selfish|pathetic|childish|immature|"
    r"inconsiderate|careless|irresponsible|clueless|paranoid|obsessive|controlling|"
    r"needy|clingy|ungrateful|unreliable|unfair|toxic|cruel|heartless|disgusting|"
    r"stupid|dumb|idiotic|ridiculous|insane|crazy|psycho|muppet|git|prat|plonker|"
    r"pillock|numpty|tosser|wanker|dickhead|prick|arsehole|asshole|jackass|dumbass|"
    r"douche(?:bag)?|bitch|twat|precious|incapable|hopeless|a flirt|laziest|rudest|meanest|"
    r"dumbest|stupidest|cruell?est|nastiest|most selfish|unreal|suffocating|"
    # British and Australian English: "a right mardy sod", "you drongo".
    r"mardy|stroppy|a (?:right |miserable |lazy |stroppy )?sod|knobhead|bellend|nutter|"
    r"drongo|galah|wet blanket|eejit|gobshite|thick (?:skull|head)|thick as \w+|"
    r"wasteful|feckless|reckless|bone idle|tight-?fisted|cheapskate|a tightwad|"
    r"feral|brainless|gormless|witless|dozy|a chancer|chancer|a soft touch"
)

# Words that heap up before a name the partner is called: "you absolute plank", "you
# complete moron", "you clumsy idiot". They go with the name, never stay behind it.
CALLED_WITH = (
    r"(?:absolute|complete|total|utter|great|big|right|proper|lazy|useless|stupid|"
    r"brainless|daft|silly|bloody|little|clueless|clumsy|careless|massive|selfish|thick)"
)
# Titles given in scorn after a mishap ("Mastermind.", "…, Einstein") and applause for
# it ("Slow clap 👏", "Gold star"): the coach's marks, tails and subjectless acts read
# the same lists.
SCORN_TITLES = r"(?:legend|genius|hero|champ|champion|mastermind|einstein|sherlock)"
APPLAUSE = (
    r"(?:slow clap|gold star|round of applause|well done|nice one|good one|nice work|top work|"
    r"great job|good job|top marks|bravo)"
)
# Blame for being laughed at: "you made me a laughing stock", "… the punchline of your
# birthday". Marked, and said plainly in a rewrite: "you made me look bad". Not "you
# make me laugh", which is the opposite.
MADE_ME_A_JOKE = re.compile(
    r"\b(?:made|make|makes|have made|'ve made) me (?:a|the|into a|into the) "
    r"(?:laughing ?stock|joke|punchline|butt of (?:the|every|your) jokes?)"
    r"( of (?=the|your|my|our))?",
    re.IGNORECASE,
)
# Nouns that are name-calling only when said to the partner ("you absolute plank",
# "you lazy lump"); elsewhere they are things ("a loose plank", "found a lump").
NAME_CALLING = re.compile(
    rf"\byou (?:{CALLED_WITH}\s+)*(?:plank|lump|donkey|sod|"
    r"scatterbrain|dimwit|imbecile|halfwit|nitwit|dingbat|airhead|wally|div|weapon|fool|"
    r"melon|turnip|cow|mare|dope|pig|lummox|twit|wazzock|bampot|buffoon)\b(?=\s*(?:[,.!?;:…]|$))",
    re.IGNORECASE,
)

# Swearing adds heat and no facts: never part of a rewrite.
PROFANITY = (
    r"bloody|damn|damned|fucking|fuckin|effing|bleeding|flipping|frigging|goddamn|"
    r"sodding|bloomin|freaking|friggin|shit|shitty|crap|crappy|piss|pissed"
)

# Nouns made from judging words ("your selfishness with the car"), and words that
# describe a person as tiring rather than name what they did ("you're exhausting", "such
# a flake"). Not cues of blame on their own ("an exhausting day" is kind news), but
# never a subject a rewrite names.
JUDGING_NOUNS = (
    r"\w+(?:ishness|lessness)|laziness|rudeness|stupidity|arrogance|immaturity|pettiness|"
    r"nastiness|meanness|cruelty|hypocrisy|incompetence|neediness|clinginess|stubbornness|"
    r"smugness|selfishness|exhausting|infuriating|exasperating|maddening|tiresome|"
    r"a flake|flaky|flakey|embarrassment"
)

# A judging word left once the phrases around it are gone ("you you selfish"): the
# clause it is in is left out rather than passed on.
STILL_HARSH = re.compile(
    rf"\b(?:{JUDGEMENTS}|{INSULTS}|{TRAITS}|{PROFANITY}|{JUDGING_NOUNS})\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Phrase:
    kind: str  # one of the analyser's marker kinds
    action: str  # phrase, clause or sentence
    pattern: re.Pattern[str]
    # A strong phrase is blame on its own; a weak one ("always", "why do you") also
    # turns up in warm messages ("you always make me laugh"), so it needs company.
    strong: bool = True
    # A sentence that goes whole but names real things ("Love how the hoover only comes
    # out when …"): the rewrite may still say what it was about. Sarcasm's own words
    # ("Living the dream.") never are.
    keeps_subject: bool = False


def phrases(
    kind: str, action: str, *patterns: str, strong: bool = True, keeps_subject: bool = False
) -> list[Phrase]:
    return [
        Phrase(kind, action, re.compile(p, re.IGNORECASE), strong, keeps_subject) for p in patterns
    ]


PHRASES: tuple[Phrase, ...] = (
    # Name-calling first, whole: "you lazy sod" goes, not "you lazy" leaving "sod".
    *phrases("criticism", "phrase", NAME_CALLING.pattern),
    *phrases(
        "contempt",
        "sentence",
        r"\b(?:wow|gee),? thanks?\b",
        r"\bthanks (?:a lot|for nothing)\b",
        r"\bwhat (?:are|were) you hiding\b",
        r"\b(?:talk to|go find) (?:someone|somebody) who cares\b",
        r"\byou had (?:one|1) job\b",
    ),
    *phrases(
        "criticism",
        "phrase",
        rf"\b(?:what(?:'s| is) wrong with you|you(?:'re| are)(?: (?:so|such|being|acting|"
        r"just|really|totally|completely|honestly|like|always|a|an|the|literally|absolute|"
        r"complete|total|utter|right|proper|bit of))* "
        rf"(?:{JUDGEMENTS}|nightmare|liability|disaster|disgrace|embarrassment))\b",
        rf"\bsuch an? (?:{INSULTS}|joke|mess|child|baby)\b",
    ),
    *phrases(
        "contempt",
        "phrase",
        r"^\s*(?:oh|ah),? (?:great|wonderful|perfect|sure|please|really|brilliant|lovely)\b[,!.]*",
        r"^\s*(?:typical(?: you)?|unbelievable|unreal|classic|shocking|yeah right|"
        r"what a (?:joke|surprise|shock)|big surprise|how convenient|no surprise there)"
        r"\b[,!?.]*",
        r"\b(?:typical|unbelievable|unreal)\s*[.!?]*\s*$",
        r"\b(?:grow up|get a life|give me a break|get over (?:it|yourself)|shut up(?: about)?)\b",
        r"\b(?:see if i care|like i care|who cares)\b",
        r"\b(?:you )?(?:stupid|pathetic|useless) (?:idiot|moron|loser|jerk|clown)\b",
        # The words heaped before the name go with it: "you're an absolute clown". Only
        # after "you" or "a": "Absolute clown show" is about the show.
        rf"\b(?:you|an?) (?:{CALLED_WITH}\s+)+(?:{INSULTS})\b",
        rf"\b(?:(?:you|like) )?(?:an? )?(?:{INSULTS})\b",
        r"\blike (?:a normal person|an adult|a grown-up|a child|a teenager|a baby|a robot|"
        r"a maniac|a lunatic|a madman|a nutter|a psycho|a mug|a fool|an idiot|a pig|a slob|"
        r"an animal|a toddler|a five-year-old)\b",
        r"\bof all people\b",
    ),
    # Openers that are as often glad as sarcastic ("wow, you look lovely", "of course I'll
    # come"): weak, so a warm sentence keeps them.
    *phrases(
        "contempt",
        "phrase",
        r"^\s*(?:wow|seriously|incredible|amazing|nice one|well done|great job|"
        r"congratulations|congrats|of course|lol|haha)\b[,!?.]*",
        r"\bseriously\s*[.!?]+\s*$",
        strong=False,
    ),
    *phrases(
        "accusation",
        "phrase",
        r"\b(?:admit it|stop lying|don't lie(?: to me)?|you(?:'re| are) lying|you lied(?: to me)?|"
        r"don't pretend(?: you (?:were|are|didn't|don't)| to be)?[^,.!?]*|"
        r"and you know it|don't (?:act|play) (?:innocent|dumb)|"
        r"(?:on purpose|deliberately)(?: (?:to|just to) (?:hurt|embarrass|annoy|upset|punish) me)?|"
        r"(?:just )?to (?:wind me up|get at me|get a reaction|provoke me|make me jealous|"
        r"mess with me|hurt me|upset me|annoy me)|"
        r"you don't (?:even |really )?care (?:that|if))\b",
    ),
    *phrases(
        "accusation",
        "clause",
        r"\byou (?:obviously|clearly|secretly|probably) ",
        r"\byou (?:only|just) (?:want|care|think about|love)\b",
        r"\byou don't (?:even |really |actually )?(?:care|love me|want me|want to be|respect|"
        r"think about)\b",
        r"\byou (?:never )?cared\b",
        r"\byou want (?:to get away|out|someone else)\b",
    ),
    *phrases("accusation", "phrase", r"(?<=\byou )only\b"),
    *phrases(
        "threat",
        "phrase",
        r",?\s*\bor (?:else|we(?:'re| are) done|i(?:'m| am) (?:leaving|done|gone|out)|"
        r"it(?:'s| is) over)\b[^.!?]*",
    ),
    *phrases(
        "threat",
        "sentence",
        r"\b(?:last chance|you(?:'ll| will) regret|i(?:'m| am) leaving you|we(?:'re| are) done|"
        r"i(?:'ll| will) leave you|it(?:'s| is) over|watch what happens|you(?:'ll| will) see|"
        # An order not to come home threatens; "if you don't come home" describes.
        r"(?<!you )don't (?:bother|come back|come home)|i'm done with you|find someone else)\b",
    ),
    *phrases(
        "stonewalling",
        "sentence",
        r"^\s*(?:whatever|fine|ok(?:ay)? then|k|forget it|never ?mind|nothing)\s*[.!]*\s*$",
        r"\b(?:do what(?:ever)? you want|leave me alone|i(?:'m| am) done(?: talking)?|"
        r"i don't care anymore|not discussing this|i(?:'m| am) not talking about (?:this|it)|"
        # "Don't talk to me like that" describes how they spoke (see ``coach_turns``).
        r"don't talk to me(?! like| that way| in that tone)|don't text me|talk to the hand|"
        r"forget it|i give up)\b",
    ),
    *phrases(
        "absolute",
        "phrase",
        r"\b(?:always|constantly|all the time|forever|24/7|like always|as usual|as always|"
        r"like usual|as per usual|"
        r"yet again|once again|every single day)\b",
    ),
)

# Words that add heat but no facts; taken out quietly, without a mark of their own. Not
# as the first word of a quotation: "you said 'just one'" quotes the partner.
SOFTENERS = re.compile(
    # "seriously" only as a softener: "you take nothing too seriously" needs it.
    r"(?<![\"“‘'])\b(?:even|just|(?<!too )(?<!so )(?<!very )(?<!more )seriously|literally|"
    r"honestly|again|anymore|already|"
    r"for once(?: in your (?:life|lives))?|ever|"
    r"i can't believe(?: that)?|i cannot believe(?: that)?|clearly|obviously|"
    r"of course|at all|whatsoever)\b",
    re.IGNORECASE,
)


# Everyday things a couple's messages are about. When blame leaves nothing of a draft's
# situation, the rewrite names the first of these the draft mentions ("about the gas
# bill") so it stays about what happened. Broad on purpose: any subject of daily life.
SITUATION_NOUNS = word_set(
    """phone phones message messages text texts call calls reply replies voicemail
    email emails chat chats story stories post posts photo photos picture pictures
    comment comments instagram facebook snapchat tiktok whatsapp location
    dinner lunch breakfast meal meals food takeaway leftovers restaurant reservation
    table cafe coffee drink drinks pub bar club party parties gig concert cinema film
    films movie movies show game games football match gym run walk date dates
    plan plans weekend weekends evening evenings night nights morning holiday holidays
    vacation trip trips flight ticket tickets hotel birthday anniversary christmas
    easter valentine's wedding funeral interview exam surgery appointment
    friends friend mates lads girls family mum mom dad parents sister brother
    brothers sisters cousin nan grandma grandad kids kid children child baby
    bedtime homework school nursery dog dogs cat cats
    ex colleague colleagues coworker coworkers boss office work job shift shifts
    overtime meeting meetings laptop
    house flat apartment home room bedroom kitchen bathroom sofa bed garden car keys
    charger heating lights door gate garage
    dishes dishwasher washing laundry washing-up chores chore cleaning hoovering
    vacuuming cooking shopping groceries bins bin trash rubbish recycling milk
    socks towels clothes mess kettle fridge
    money rent bill bills budget savings card bank paycheck payday wages debt loan
    purchase purchases trainers insurance mortgage
    promise promises secret secrets question questions answer argument
    arguments fight fights row conversation conversations apology excuse excuses
    drinking smoking gaming scrolling snoring relationship band hair ring
    station airport shop shops supermarket mall park beach hospital doctor dentist vet
    plumber train bus taxi lift facetime zoom calendar diary graduation ceremony
    conference promotion presentation recital performance attacks therapy medication
    operation scan results
    lawn grass hedge fence shed gutters patio bbq barbecue towel sheets duvet pillow
    shelf shelves cupboard drawer wardrobe sink tap toilet shower bath boiler radiator
    oven hob microwave hoover iron ironing rug carpet floor stairs hallway porch
    driveway petrol fuel tyre tyres window windows lock alarm receipt receipts parcel
    parcels package delivery post letter letters invite invitation rsvp paperwork
    passport visa form forms tax lease landlord deposit overdraft statement account
    pram nappies nappy bottle bottles lunchbox uniform costume present presents gift
    gifts flowers cake console headset controller xbox playstation tv
    telly remote wifi password vape vapes beer wine cigarettes van bike ute
    truck motorbike barbie braai light paws clubs golf coat coats jacket shoes boots credit
    gas water electricity hike picnic camping bumper dent scratch guitar drums
    pizza burger burgers chips fries curry pasta lasagne sandwich sandwiches soup salad
    steak chicken rice bread toast eggs cheese chocolate biscuits crisps snacks sweets
    dessert pudding sauce juice cereal noodles kebab fruit vegetables veg
    vase plate plates mug mugs bowl bowls pan pans pot pots cutlery dinnerware
    soap shampoo toothpaste toothbrush razor mirror lamp candle candles blanket blankets
    curtains blinds cushion cushions mattress couch armchair chair chairs desk ceiling
    roof wallpaper furniture mould heater aircon
    scooter tram ferry boat parking seatbelt satnav motorway traffic carpark
    tablet ipad computer headphones earbuds airpods speaker camera printer router
    app apps netflix spotify youtube playlist subscription subscriptions
    shirt shirts dresses jeans trousers jumper hoodie sweater skirt hat scarf gloves
    handbag wallet purse sunglasses umbrella
    puppy kitten rabbit hamster parrot horse litter leash kennel cage
    plants houseplant houseplants weeds hose pool toys lego pushchair buggy stroller
    cot crib medicine pills prescription inhaler fever flu headache migraine injury
    festival reunion christening fireworks quiz
    invoice fees salary bonus pension klarna paypal refund
    noise music radio neighbours neighbour babysitter nanny
    church mosque temple library pharmacy chemist tank"""
)


# Those that read well without "the" or "my": "about money", not "about reply".
MASS_NOUNS = word_set(
    """money dinner lunch breakfast food work homework bedtime laundry shopping rent
    drinking smoking gaming scrolling snoring cooking cleaning hoovering vacuuming
    overtime christmas easter football insurance savings debt instagram facebook
    snapchat tiktok whatsapp coffee takeaway school nursery washing-up facetime zoom therapy
    medication"""
)


@dataclass(frozen=True)
class Topic:
    """What a draft is about, judged by its words, and what fits that subject.

    ``words`` are the subject's everyday words; ``telling`` (when there is one) are words
    that say what a complaint is about even beside another subject's words: "lied" in
    "Paid the fine myself because you lied about the ticket" makes it about honesty, not
    money, and "in front of" in "…at my mum's, in front of everyone" about respect.
    """

    name: str
    words: re.Pattern[str]
    feelings: tuple[str, str, str]
    requests: tuple[str, str]
    telling: re.Pattern[str] | None = None


def _topic(
    name: str,
    words: str,
    feelings: tuple[str, str, str],
    requests: tuple[str, str],
    telling: str | None = None,
) -> Topic:
    return Topic(
        name,
        re.compile(rf"\b(?:{words})", re.IGNORECASE),
        feelings,
        requests,
        re.compile(rf"\b(?:{telling})", re.IGNORECASE) if telling else None,
    )


# Telling words first (in this order), then everyday words, first match wins. Safety,
# honesty and respect have telling words only: a car, a phone or a party belong to every
# subject. The requests are positive, concrete and doable, and name no time, place or
# person, so choosing one adds no fact the draft did not give. Measured with
# `eval_coach.py --topics` (data/coach/README.md, "What the offered choices are about").
TOPICS: tuple[Topic, ...] = (
    _topic(
        "safety",
        r"(?!)",
        ("scared", "worried", "shocked"),
        (
            "agree with me on what we both do to keep each other safe",
            "talk with me about what would help me feel safe",
        ),
        telling=r"drunk|drink.?driv|over the limit|"
        r"(?:pints|beers|drinks|wine|vodka|shots|spliff|high)\b.{0,60}"
        r"\b(?:drove|driv|behind the wheel)|"
        r"(?:drove|driv\w*)\b.{0,60}\b(?:pints|beers|drunk|drinks|wine|high)\b|"
        r"speeding|reckless|seat ?belts?\b|unsafe|danger|could(?:'ve| have) (?:died|been killed|"
        r"killed|crashed)|nearly (?:crashed|killed|hit)|insulin|overdos|smoke alarm|"
        r"(?:left|leave|leaving) (?:the |our |my )?(?:baby|kids?|toddler|children)\b.{0,30}"
        r"\b(?:alone|in the car|on (?:their|his|her) own|unattended)|unattended|"
        r"while driving|at the wheel|driv(?:e|ing) like|slow down|kill (?:us|yourself|someone)|"
        r"helmet|chest pains?|\blump\b|blood pressure|no doctor|(?:see|book|call) (?:a|the) "
        r"doctor|sleeping (?:tablets|pills)|(?:tablets|pills) with|gas on|hob on|"
        r"(?:by|near|next to) the (?:pool|road)|gate open|car seat|from the pub with|"
        r"after (?:a few|some|two|three|four|five) (?:tinnies|pints|beers|drinks)",
    ),
    _topic(
        "honesty",
        r"(?!)",
        ("hurt", "unsure", "uneasy"),
        (
            "tell me the truth, even when it's hard to say",
            "talk with me openly about what happened",
        ),
        telling=r"lie\b|lied|lies\b|lying|liar|behind my back|hid\b|hidden|hiding|secret|"
        r"the truth|\btrue\b|dishonest|cover(?:ed|ing)? (?:it |that |this )?up|made up|pretend|"
        r"(?:said|told me) you (?:were|was|'d|had) (?:at|with|in|working|stopped|quit|sold)|"
        r"told me (?:the|it|that) |story keeps|which version|delet|found (?:out|the|a|your)|"
        r"(?:hear|heard|find out|found out) (?:it )?from (?:your|the|my|a)|"
        r"what else (?:have|haven't)|"
        r"swe?ar(?:s|ing)? (?:to|on|blind|down)|swore (?:to|on|blind|down|you)|innocent|guilty|"
        r"looked me in the eye|forgot(?:')? to tell",
    ),
    _topic(
        "respect",
        r"(?!)",
        ("embarrassed", "hurt", "upset"),
        (
            "agree with me that we are on each other's side when others are around",
            "talk it over with me in private when something I do bothers you",
        ),
        telling=r"in front of|embarrass|humiliat|made fun|mak(?:e|es|ing) fun|mock|"
        r"laugh(?:ed|ing)? at me|talk(?:ed|s|ing)? over me|belittl|put(?:s|ting)? me down|"
        r"ma(?:de|ke|kes|king) me look|showed me up|at my expense|"
        r"told (?:everyone|everybody|the whole|all (?:your|our|my|the)|"
        r"your (?:whole|mates|friends))|"
        r"jokes? (?:about|at) (?:my|me)|crack about|"
        r"call(?:s|ed|ing)? (?:me|my \w+) (?:a |an |stupid|thick|fat|ugly|lazy|names|['‘\"])|"
        r"friends' front|in front a\b|roll(?:ed|s|ing)? your eyes|eye.?roll|dismiss|interrupt|"
        r"finish(?:es|ed)? it for me|the (?:clueless|dramatic|stupid|silly) one|"
        r"posted (?:that|a|the) (?:photo|picture|pic|video) of me|about my (?:weight|panic|body)|"
        r"yawn|everyone (?:notices|noticed|looks|looked|saw|laughed)|like I was (?:an? )|"
        r"talk(?:s|ed)? down|patronis|patroniz",
    ),
    # First of the everyday words: "the phone bill" and "80 quid on a game" are about
    # money, not the phone or plans. Money words only, so "pay attention", "a bank
    # holiday" and Bill (a capital B is a name unless plural) stay out.
    _topic(
        "money",
        r"money|(?-i:\b(?:[Bb]ills|bill)\b)|\brent\b|"
        r"spen(?:d|t|ding) (?:[£$€\d]|(?:all|half) (?:of )?"
        r"(?:our|the|my|your|that)\b(?! (?:day|night|time|weekend|evening))|so much money)|"
        r"\bpa(?:y|id) (?:for|the|rent|back|off|half|nothing|your share|my share|[£$€\d])|"
        r"payday|paycheck|wages|debt|loan|budget|savings|overdr|credit card|bank(?! holiday)|"
        r"mortgage|quid|bucks|\btax(?:es)?\b|(?:on|for|another|owes?|costs?|cost me) [£$€]\s?\d|"
        r"subscriptions?|\bowe|declined|paying|"
        r"insurance|\bfund\b|credit|transfer|(?:parking|speeding) fine|fine's|account",
        ("anxious", "worried", "stretched thin"),
        (
            "sit down with me and go through the money together",
            "agree with me on how we split what we owe each month",
        ),
    ),
    _topic(
        "presence",
        r"on (?:your|the|ur) (?:phone|switch|laptop|ipad|tablet)|your phone at|phone at dinner|"
        r"phone down|picked up (?:your|ur) phone|press phone|scroll|screen|distracted|half.listen|"
        r"not listening|reels|tiktok|reddit|twitter|swip|headset|earbuds|playstation|ps5|xbox|"
        r"fortnite|console|gaming|fantasy football|checking the scores|work emails|group chat|"
        r"laptop|memes|talking to you|did you even notice",
        ("lonely", "sad", "frustrated"),
        (
            "put the phones away for a while when we're together",
            "tell me when you need a few minutes for something else",
        ),
    ),
    _topic(
        "contact",
        r"text|messag|call(?! of duty)|phone|answer|repl|respond|read|seen|online|location|"
        r"hear from|silen|ghost|pick up\b|not a word|out of signal|reach you|gone quiet|"
        r"(?:you're|ur) alive|where (?:were|are) you|where you were|switched (?:your |ur )?phone",
        ("anxious", "worried", "lonely"),
        (
            "send me a short message when you know you'll be out of reach",
            "tell me roughly when you'll be free to talk",
        ),
    ),
    _topic(
        "family",
        r"in.laws?\b|\bmum\b|\bmom\b|mother|\bdad\b|father|parents|mama|mammy|madda|amma|"
        r"appa|aunties|granny|\bgran\b|nephew|niece|"
        r"(?:your|my|our|ur) (?:sister|brother|family|folks|nan|gran|auntie|aunt|uncle|cousin)",
        ("frustrated", "hurt", "uneasy"),
        (
            "talk it through with me before we answer our families",
            "agree with me on how we handle our families together",
        ),
    ),
    _topic(
        "others",
        r"her photo|his photo|coworker|colleague|she |he |\bher\b|\bhim\b|"
        r"girl|guy|\bwom[ae]n|\bm[ae]n\b|instagram|follow|liked |heart emoji|kisses|perfume|"
        r"buddy|barman|barmaid|comment(?:s|ed)? on|your post|(?:his|her) story",
        ("insecure", "anxious", "left out"),
        (
            "talk with me about what would help me feel more secure",
            "tell me a little about it when something like this comes up",
        ),
        telling=r"\bex\b|ex's|flirt|work wife|work husband|dating app|tinder|hinge|bumble|"
        r"just a friend",
    ),
    _topic(
        "plans",
        r"plan|cancel|late|promis|forg[eo]t|birthday|anniversar|date|weekend|dinner|"
        r"holiday|trip|ticket|wait|minute|hour|tonight|evening|party|bar|game|booked|"
        r"turn(?:ed)? up|rolled in|rain check|pick me up|meant to|o'clock|going or not|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|christening|wedding|valentine",
        ("disappointed", "hurt", "sad"),
        (
            "let me know as soon as you think plans might change",
            "choose one evening with me that we both keep",
        ),
    ),
    _topic(
        "home",
        r"dish|laundry|chore|clean|cook|shopping|groceri|bin|mess|house|kids|help|socks|hoover|"
        r"fridge|shop\b|mow|grass|towel|nappy|nappies|washing|pots?\b|sink|gutter|milk|plumber|"
        r"school run|night feed|baby|toddler|bath|lunches|kitchen|\btap\b|hands.on|at home|maid|"
        r"pe kits?|smoke alarm|battery|around (?:here|the house)",
        ("overwhelmed", "exhausted", "frustrated"),
        (
            "sit down with me and share out the jobs",
            "pick one of these jobs that will be yours",
        ),
    ),
    _topic(
        "closeness",
        # "love", not "lovely": "Lovely, another night alone" is sarcasm about anything.
        r"time for me|together|attention|listen|\blov(?:e|ed|es|ing)\b|care|first|friends|"
        r"family|introduce|distant|cold|busy|work|any ?more|flatmates|kiss|cuddl|hug|\bsex\b|"
        r"married to|than (?:me|you do with me)|asked about my day|where do I fit|mates|"
        r"lads|band|golf|fishing|garage|office|made time",
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


def topic_of(text: str, subject: str | None = None) -> Topic:
    """What ``text`` is about: ``subject`` (the subject model's confident reading, when
    there is one), else a telling word's subject, else the first subject whose everyday
    words it uses, else the general choices. Cross-validation put the model first
    (``training/train_coach_topics.py``)."""
    return (
        TOPICS_BY_NAME.get(subject or "")
        or telling_topic(text)
        or everyday_topic(text)
        or DEFAULT_TOPIC
    )


def telling_topic(text: str) -> Topic | None:
    return next((t for t in TOPICS if t.telling and t.telling.search(text)), None)


def everyday_topic(text: str) -> Topic | None:
    return next((t for t in TOPICS if t.words.search(text)), None)


TOPICS_BY_NAME: dict[str, Topic] = {t.name: t for t in (*TOPICS, DEFAULT_TOPIC)}
