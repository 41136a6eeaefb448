"""Word lists shared by the term readers, and phrase look-ups before a position.

Stop words, variant words ("Pro", "Ultra"), polarity cues, bounds ("at least", "under"),
comparison cues ("up from", "than"), currencies, multipliers and date words.
"""

from __future__ import annotations

import math

from tracker.match.normalize import MONTHS, Token

INF = math.inf


def word_list(text: str) -> list[str]:
    """The words of a literal list written as one string."""
    return text.split()


STOPWORDS = frozenset(
    word_list(
        """a an the and or of to in on at by for with from as is are was were be been being
        will would could can may might shall should must do does did has have had having it
        its this that these those their his her they them he she we you i our your than then
        so such into onto over about via per also again still just only even very more most
        much new set said says say reportedly reported report expected expect expects likely
        tipped rumoured rumored tip plan plans planning going get gets getting got come
        comes coming feature features featuring offer offers offering include includes
        including pack packs carry carries sport sports boast boasts use uses using used run
        runs running power powered support supports supported bring brings make makes made
        there here which who whose what when where while both all every each any some other
        another one's up out now later soon already reportedly according apparently claim
        claims add adds added gain gains able fewer less under below above least than
        around roughly approximately nearly almost exceeding before after since until till
        early mid late upcoming next move moves moving
        preparing prepares"""
    )
)
# Words that only say which variant of a product is meant: "14" and "14 Pro" differ.
VARIANTS = frozenset(
    word_list("""pro max plus ultra mini lite se fold flip xl ti edge air note neo fe prime
    extreme super xt xtx gre classic elite""")
)
QUANTIFIERS = frozenset(["all", "every", "both", "each", "entire", "whole"])
# Verbs that take something away: they deny their own object ("removes the headphone
# jack"), not the rest of the sentence, and a negation before them cancels them ("will
# not remove the jack" keeps it).
PRIVATIVES = frozenset(
    word_list(
        """scrapped dropped drop drops axed lacks lack miss misses remove removes removed
        removing ditch ditches ditched omit omits omitted"""
    )
)
NEGATIONS = (
    frozenset(
        word_list(
            """not no never without neither nor cancelled canceled cancel denied deny denies
            false untrue unlikely"""
        )
    )
    | PRIVATIVES
)
# Where a privative verb's object ends: "removed Lightning and uses USB-C", "ditched
# steel for titanium".
OBJECT_ENDS = frozenset(word_list("and but while for instead , ; : ."))
HEDGES_APPROX = frozenset(
    ["about", "around", "roughly", "approximately", "nearly", "almost", "circa", "some"]
)
# Words by which a statement reports without settling: "Apple may add USB-C", "is
# rumoured to", "declined to comment". Such a statement neither confirms nor denies.
UNSETTLED = frozenset(
    word_list(
        """may might rumoured rumored reportedly allegedly purportedly supposedly expected
        considering unconfirmed speculation speculated tipped declined refused"""
    )
)
# Hedges that put the figure just below the number: "nearly $1 billion" is under it.
HEDGES_BELOW = frozenset(["nearly", "almost"])
Phrases = tuple[tuple[str, ...], ...]


def _phrases(text: str) -> Phrases:
    """ "at least|more than" -> (("at", "least"), ("more", "than"))."""
    return tuple(tuple(p.split()) for p in text.split("|"))


BOUND_LOW = _phrases(
    "at least|no less than|no fewer than|not less than|not fewer than|more than|over|above"
    "|greater than|upwards of|exceeding|beyond|higher than"
)
BOUND_HIGH = _phrases(
    "under|no more than|not more than|less than|fewer than|below|at most|lower than"
    "|limited to|top out at|tops out at|max|maximum"
)
STRICT = frozenset(
    word_list("""more over above greater under less fewer below exceeding beyond higher lower""")
)
COMPARISON = _phrases(
    "up from|down from|than|compared|versus|vs|replacing|replaces|replace|instead of|as"
    "|same as|predecessor|previous"
)
# Units written at another scale of one family, as (canonical unit, power of ten):
# "2.23GHz" is compared as 2,230MHz, "1TB" as 1,000GB.
SCALED_UNITS = {"GHz": ("MHz", 3), "TB": ("GB", 3), "kW": ("W", 3)}
STARTING = frozenset(
    ["start", "starts", "starting", "started", "from", "begin", "begins", "beginning", "cheapest"]
)
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR"}
CURRENCY_WORDS = {"cny": "CNY", "rs": "INR", "inr": "INR", "usd": "USD", "eur": "EUR"}
CURRENCY_WORDS |= {"rmb": "CNY", "yuan": "CNY", "gbp": "GBP"}
# Units of money.
MONEY = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
MULTIPLIERS |= {"lakh": 1e5, "crore": 1e7, "crores": 1e7}
# Colour and finish words: the values of a "colour" slot, which a statement lists.
COLOURS = frozenset(
    word_list(
        """black white gray grey silver gold blue green red pink purple violet yellow orange
        brown beige rose graphite titanium bronze copper cream ivory teal navy lavender coral"""
    )
)
# Attribute words that name a colour slot.
COLOUR_SLOTS = frozenset(word_list("colour colours color colors finish finishes shade shades"))
# Rival technologies of one slot, written in many ways; each pattern's match, with
# spaces and hyphens removed, is the value ("micro-OLED" -> "microoled"). The slot
# words say where they are values: a claim or statement sentence must name the slot.
TECH_FAMILIES: dict[str, tuple[str, frozenset[str]]] = {
    "display": (
        r"\b(?:micro[- ]?oled|micro[- ]?led|mini[- ]?led|amoled|oled|lcd|e[- ]?ink)\b",
        frozenset(word_list("display displays screen screens panel panels")),
    ),
    "port": (
        r"\b(?:usb[- ]?c|usb type[- ]?c|lightning|micro[- ]?usb|magsafe)\b",
        frozenset(word_list("port ports connector charging charged charge cable")),
    ),
}
# Ordinal words from "second" on ("first" is too common to rank anything by itself).
ORDINAL_WORDS = {
    word: n
    for n, word in enumerate(
        word_list(
            """second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth"""
        ),
        start=2,
    )
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    **{
        word: n
        for n, word in enumerate(
            word_list("""thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"""),
            start=13,
        )
    },
    **{
        word: 10 * n
        for n, word in enumerate(
            word_list("thirty forty fifty sixty seventy eighty ninety"), start=3
        )
    },
    "dual": 2,
    "single": 1,
    "twin": 2,
    "quad": 4,
}
MONTH_ABBREV = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
MONTH_NAMES = {m: i + 1 for i, m in enumerate(MONTHS)} | MONTH_ABBREV
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
STOPWORDS = STOPWORDS | WEEKDAYS
CLAUSE_BREAKS = frozenset({";", ".", ":", "!", "?"})
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
AUXILIARIES = frozenset(
    word_list("do does did will would is are was were can could has have had should may might")
)
# Words ending in "ed" that are rarely the verb of a claim.
NOT_VERBS = frozenset(word_list("based need speed embedded advanced red shared dedicated"))
VERBS = frozenset(
    word_list(
        """will would could can may might is are was were has have had gets get uses use runs
        run ships ship comes come packs pack carries carry launches launch costs cost starts
        start features offers includes sports boasts arrives arrive debuts debut goes go
        supports support keeps keep moves move gains gain adds add needs need lets let
        becomes become remains remain stays stay hits hit tops top began begins became won
        wins lost loses made makes took takes gave gives got held holds left leaves met
        meets sold sells told wrote writes brought brings bought buys built builds chose
        chooses drew drove found finds saw sees sent sends spent spends stood led leads
        paid pays played plays"""
    )
)


def before_phrase(tokens: list[Token], index: int, phrases: Phrases) -> str | None:
    """The phrase that ends right before `index` (skipping articles), if any."""
    end = index
    while end > 0 and tokens[end - 1].low in ("a", "an", "the", "$", "€", "£", "¥", "₹"):
        end -= 1
    if end == 0:
        return None
    by_last = _BY_LAST_WORD.get(id(phrases))
    # Only phrases ending in the word before can end there: a quick test first.
    found = phrases if by_last is None else by_last.get(tokens[end - 1].low, ())
    for phrase in found:
        size = len(phrase)
        if end - size >= 0 and tuple(t.low for t in tokens[end - size : end]) == phrase:
            return " ".join(phrase)
    return None


# For each remembered phrase group, its phrases by their last word, in their order.
_BY_LAST_WORD: dict[int, dict[str, Phrases]] = {}


def _remember(*groups: Phrases) -> None:
    """Index each phrase group by last word, for `before_phrase`'s quick test."""
    for group in groups:
        index: dict[str, Phrases] = {}
        for phrase in group:
            index[phrase[-1]] = (*index.get(phrase[-1], ()), phrase)
        _BY_LAST_WORD[id(group)] = index


def near_before(tokens: list[Token], index: int, words: frozenset[str], span: int) -> bool:
    """Whether one of `words` stands within `span` tokens before `index`."""
    return any(token.low in words for token in tokens[max(0, index - span) : index])


# For a quantity, "by $100" is a change, not the value.
COMPARISON_BY = (*COMPARISON, ("by",))
_remember(BOUND_LOW, BOUND_HIGH, COMPARISON, COMPARISON_BY)

# Kinds of one slot that exclude each other, each with its synonyms (word stems): a
# figure of "wired charging" is not one of "MagSafe charging".
# How often: "100 million daily active users" is not a monthly figure.
PERIODICITY = (
    frozenset(["daily"]),
    frozenset(["weekly"]),
    frozenset(["monthly"]),
    frozenset(["quarterly"]),
    frozenset(["yearly", "annual", "annually"]),
)
# Where: a domestic total is not a worldwide one.
SCOPES = (
    frozenset(["domestic", "domestically"]),
    frozenset(["worldwid", "global", "globally", "international", "internationally"]),
)
SLOT_KINDS = (
    (frozenset(["wir"]), frozenset(["wireless", "magsaf", "qi"])),
    (frozenset(["front", "selfi"]), frozenset(["rear", "back"])),
    PERIODICITY,
    SCOPES,
)
# Kinds whose words also say the same of a figure ("globally", "worldwide"); the slot
# words above only tell slots apart ("selfie" for "front" still needs an alias).
FIGURE_QUALIFIERS = (PERIODICITY, SCOPES)


# Structured values that say a feature is there, or is not.
YES_VALUES = frozenset(["yes", "supported", "available", "included", "true"])
NO_VALUES = frozenset(["no", "not supported", "unsupported", "none", "removed", "false"])


def affirms(value: object) -> bool | None:
    """A yes/no value: True for "yes"/"supported", False for "no"/"not supported", else
    None (the value names something)."""
    text = str(value or "").strip().lower()
    return True if text in YES_VALUES else False if text in NO_VALUES else None
