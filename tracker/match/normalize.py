"""Text normalisation and tokenising shared by every matching rule.

Texts are normalised once (Unicode dashes, spaced punctuation as in "60 %" or "word ,",
ISO dates written out) and cut into `Token`s that keep their original spelling, a
lower-case form and a light stem. Rules then work on token indices, so "the words
next to a number" is a slice, not a new regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Dashes, minus signs and the multiplication sign have one spelling each afterwards.
_TRANSLATE = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u00d7": " x ",
        "\u00a0": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2033": '"',
    }
)
_SPACED_PUNCT = re.compile(r"\s+([,.;:%)!?])(?=\s|$)")
# Whatever _SPACED_PUNCT matches, this matches too (its last space and the mark).
_MAYBE_SPACED = re.compile(r"\s[,.;:%)!?]")
_SPACED_POSSESSIVE = re.compile(r"\s+'s\b")
_CONTRACTION = re.compile(r"\b([A-Za-z]+)n't\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(\w)'s\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_TOKEN = re.compile(
    r"(?P<money>[$€£¥₹])"
    r"|f/(?P<aperture>\d+(?:\.\d+)?)"
    r"|(?P<alnum>[A-Za-z0-9]+(?:[.,]\d+)*[A-Za-z]*(?:\+(?![\dA-Za-z]))?)"
    r"|(?P<punct>'s\b|[;:.,!?()/%~\"+-])"
)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_NUM_UNIT = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)([A-Za-z]+)$")


@dataclass(slots=True)
class Token:
    """One token: `kind` is word, number, code (letters and digits), money, punct."""

    text: str
    low: str
    stem: str
    kind: str
    index: int
    hyphen_before: bool = False
    capital: bool = False


def normalise(text: str) -> str:
    """One spelling for dashes and quotes, spaced punctuation closed up, ISO dates spelled."""
    text = text.translate(_TRANSLATE)
    if "'" in text:  # the three patterns below all need an apostrophe
        text = _SPACED_POSSESSIVE.sub("'s", text)
        text = _CONTRACTION.sub(_expand, text)
        text = _POSSESSIVE.sub(r"\1 's", text)
    if _MAYBE_SPACED.search(text):  # a quicker scan; most texts have none
        text = _SPACED_PUNCT.sub(r"\1", text)
    return _ISO_DATE.sub(_spell_iso, text) if "-" in text else text


def _expand(match: re.Match[str]) -> str:
    head = match[1].lower()
    return {"wo": "will not", "ca": "can not", "sha": "shall not"}.get(head, match[1] + " not")


def _spell_iso(match: re.Match[str]) -> str:
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{day} {MONTHS[month - 1].title()} {year}"
    return match[0]


def stem(word: str) -> str:
    """A light, predictable stem: enough to equate "reviews"/"review", "launched"/"launch"."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEMS[word] = _stem(word)
    return found


_STEMS: dict[str, str] = {}


# Irregular past forms, by their verb: "broke up" and "breaking up" are one event.
# Forms that are more often another word are left out ("led" of LED, "left", "born",
# "felt", "shot", "saw", "rose").
IRREGULAR_VERBS = {
    "break": "broke broken",
    "sell": "sold",
    "win": "won",
    "begin": "began begun",
    "make": "made",
    "take": "took taken",
    "give": "gave given",
    "get": "got gotten",
    "hold": "held",
    "meet": "met",
    "tell": "told",
    "write": "wrote written",
    "bring": "brought",
    "buy": "bought",
    "build": "built",
    "choose": "chose chosen",
    "draw": "drew drawn",
    "drive": "drove driven",
    "find": "found",
    "see": "seen",
    "send": "sent",
    "spend": "spent",
    "stand": "stood",
    "pay": "paid",
    "lose": "lost",
    "become": "became",
    "come": "came",
    "go": "went gone",
    "run": "ran",
    "grow": "grew grown",
    "rise": "risen",
    "fall": "fell fallen",
    "know": "knew known",
    "show": "shown",
    "speak": "spoke spoken",
    "steal": "stole stolen",
    "sing": "sang sung",
    "teach": "taught",
    "think": "thought",
    "catch": "caught",
    "fight": "fought",
    "seek": "sought",
    "keep": "kept",
    "hear": "heard",
    "say": "said",
    "fly": "flew flown",
    "throw": "threw thrown",
    "wear": "wore worn",
    "hide": "hid hidden",
    "ride": "rode ridden",
    "shake": "shook shaken",
    "strike": "struck",
    "freeze": "froze frozen",
    "forget": "forgot forgotten",
    "withdraw": "withdrew withdrawn",
    "undergo": "underwent undergone",
}
_BASE_OF = {form: verb for verb, forms in IRREGULAR_VERBS.items() for form in forms.split()}


def _stem(word: str) -> str:
    base = _BASE_OF.get(word)
    if base is not None:
        word = base
    if len(word) <= 3 or not word.isalpha() or word.endswith("us"):
        return word
    for suffix, keep in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ers", ""),
        ("ed", ""),
        ("es", "e"),
        ("er", ""),
        ("s", ""),
    ):
        minimum = 4 if suffix in ("er", "ers") else 3
        if word.endswith(suffix) and len(word) - len(suffix) >= minimum:
            base = word[: len(word) - len(suffix)] + keep
            if suffix == "s" and word.endswith("ss"):
                return word
            return base.rstrip("e") if len(base) > 3 else base
    return word.rstrip("e") if len(word) > 3 else word


def number_value(text: str) -> float | None:
    """The value of a plain number token ("4,860" -> 4860.0), else None."""
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", ""))


def decimals(text: str) -> int:
    """How many decimal places a number was written with ("50.3" -> 1)."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def tokenize(text: str) -> list[Token]:
    """Cut normalised text into tokens; "50MP" becomes the number 50 and the word MP."""
    tokens: list[Token] = []
    append = tokens.append
    hyphen = False
    for match in _TOKEN.finditer(text):
        group = match.lastgroup
        value = match[0]
        if group == "alnum":
            if hyphen and tokens and tokens[-1].low in PREFIXES and value.isalpha():
                # "pre-order", "co-engineered", "Wi-Fi": one word, not a prefix and a word.
                last = tokens.pop()
                _add(tokens, last.text + value, "word", last.hyphen_before)
            else:
                pieces = _PIECES.get(value) or _pieces(value)
                for text_, low, stem_, kind, capital in pieces:
                    append(Token(text_, low, stem_, kind, len(tokens), hyphen, capital))
                    hyphen = False
        elif group == "punct":
            if value == "-":
                hyphen = True
                continue
            # Punctuation has no case and no stem: its token is built directly.
            append(Token(value, value, value, "punct", len(tokens), hyphen, False))
        elif group == "money":
            _add(tokens, value, "money", hyphen)
        else:
            _add(tokens, "f/", "word", hyphen)
            _add(tokens, match["aperture"], "number", False)
        hyphen = False
    return tokens


Piece = tuple[str, str, str, str, bool]
# Words recur across texts: each distinct one is cut and stemmed once. Bounded: the
# table starts afresh when full.
_PIECES: dict[str, tuple[Piece, ...]] = {}
PIECES_LIMIT = 100_000


def _pieces(alnum: str) -> tuple[Piece, ...]:
    """The tokens (text, low, stem, kind, capital) of one letters-and-digits run."""
    found = _PIECES.get(alnum)
    if found is None:
        cut: list[Token] = []
        _add_alnum(cut, alnum, False)
        found = tuple((t.text, t.low, t.stem, t.kind, t.capital) for t in cut)
        if len(_PIECES) >= PIECES_LIMIT:
            _PIECES.clear()
        _PIECES[alnum] = found
    return found


# Prefixes written with a hyphen that make one word with what follows.
PREFIXES = frozenset(["pre", "co", "non", "re", "un", "sub", "semi", "multi", "wi", "e"])


# Capitalised abbreviations that would otherwise read as small words: "US" is a
# country, not "us".
ABBREVIATIONS = {"US": "usa", "USA": "usa"}


def _add(tokens: list[Token], text: str, kind: str, hyphen: bool) -> None:
    low = ABBREVIATIONS.get(text) or text.lower()
    word_stem = stem(low) if kind == "word" else low
    tokens.append(Token(text, low, word_stem, kind, len(tokens), hyphen, text != low))


def _add_alnum(tokens: list[Token], text: str, hyphen: bool) -> None:
    if _NUMBER.match(text):
        _add(tokens, text, "number", hyphen)
        return
    split = _NUM_UNIT.match(text)
    if split and split[2].lower() in UNIT_WORDS:
        _add(tokens, split[1], "number", hyphen)
        _add(tokens, split[2], "word", False)
        return
    has_digit = any(map(str.isdigit, text))
    if has_digit and _ORDINAL.match(text):
        _add(tokens, text, "word", hyphen)
        return
    _add(tokens, text, "code" if has_digit else "word", hyphen)


# Units written straight after a number; the value is the canonical unit name.
UNIT_WORDS: dict[str, str] = {
    "mp": "MP",
    "megapixel": "MP",
    "megapixels": "MP",
    "mah": "mAh",
    "wh": "Wh",
    "w": "W",
    "watt": "W",
    "watts": "W",
    "kw": "kW",
    "hz": "Hz",
    "khz": "kHz",
    "mhz": "MHz",
    "ghz": "GHz",
    "gb": "GB",
    "tb": "TB",
    "mb": "MB",
    "nm": "nm",
    "nanometre": "nm",
    "nanometer": "nm",
    "nanometres": "nm",
    "nanometers": "nm",
    "mm": "mm",
    "cm": "cm",
    "inch": "inch",
    "inches": "inch",
    "in": "inch",
    "x": "x",
    "percent": "%",
    "fps": "fps",
    "tflops": "TFLOPS",
    "teraflops": "TFLOPS",
    "tf": "TFLOPS",
    "hours": "hour",
    "hour": "hour",
    "hrs": "hour",
    "years": "year",
    "year": "year",
    "months": "month",
    "days": "day",
    "weeks": "week",
    "kg": "kg",
    "g": "g",
    "grams": "g",
    "gram": "g",
    "kilograms": "kg",
    "p": "p",
    "k": "K",
    "mph": "mph",
    "am": "am",
    "pm": "pm",
    "yuan": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "rs": "INR",
    "inr": "INR",
    "usd": "USD",
    "eur": "EUR",
    "euros": "EUR",
    "dollars": "USD",
}


Aliases = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=8)
def alias_rewriter(groups: Aliases) -> Callable[[str], str]:
    """A function that writes every alias as its group's first phrase.

    "selfie camera" becomes "front camera" when the configuration groups them, so
    coverage and context see one phrase. Longer phrases are tried first.
    """
    canonical: dict[str, str] = {}
    for group in groups:
        for phrase in group[1:]:
            canonical.setdefault(phrase.lower(), group[0])
    if not canonical:
        return lambda text: text
    ordered = sorted(canonical, key=lambda p: (-len(p), p))
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])", re.IGNORECASE
    )
    return lambda text: pattern.sub(lambda m: canonical[m[0].lower()], text)
