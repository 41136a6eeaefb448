"""The kinds of key term a text holds, and a text read once (`Parsed`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.match.normalize import UNIT_WORDS, Token
from tracker.match.vocab import NEGATIONS, STOPWORDS


@dataclass(frozen=True)
class Quantity:
    """A number with its unit; `low`/`high` hold the interval a bound or hedge makes."""

    value: float
    unit: str
    low: float
    high: float
    places: int
    start: int
    end: int
    text: str
    comparison: bool = False
    starting: bool = False
    negated: bool = False
    # The bound as written: "more than", "under" (before the figure), "or more", "+"
    # (after it); "" for an exact figure.
    bound: str = ""

    @property
    def shown(self) -> str:
        """The figure with its bound, for evidence: "more than $323 million"."""
        if not self.bound or self.text.endswith(self.bound):
            return self.text
        if self.bound in ("+", "~"):
            return self.text + "+" if self.bound == "+" else "~" + self.text
        return (
            f"{self.text} {self.bound}"
            if self.bound.startswith("or ")
            else f"{self.bound} {self.text}"
        )


@dataclass(frozen=True)
class Ident:
    """An identifier or model name: tokens in lower case, e.g. ("xiaomi", "12s", "ultra")."""

    words: tuple[str, ...]
    start: int
    end: int
    text: str
    negated: bool = False
    comparison: bool = False

    @property
    def key(self) -> str:
        return " ".join(self.words)

    @property
    def shown(self) -> str:
        """The name as evidence shows it: as written."""
        return self.text

    @property
    def codes(self) -> tuple[str, ...]:
        """The parts that carry digits: what tells one model from its neighbour."""
        return tuple(w for w in self.words if any(map(str.isdigit, w)))


@dataclass(frozen=True)
class Period:
    """A date or period as an inclusive range of ordinal days."""

    low: float
    high: float
    start: int
    end: int
    text: str
    day: bool = False
    comparison: bool = False
    negated: bool = False
    # "from 1972 to 1977": both ends are claimed, not any time in between.
    span: bool = False

    @property
    def shown(self) -> str:
        """The date or period as evidence shows it: as written."""
        return self.text


@dataclass
class Parsed:
    """A text read once: tokens, terms and polarity. Cached per statement."""

    text: str
    tokens: list[Token]
    quantities: list[Quantity] = field(default_factory=list)
    idents: list[Ident] = field(default_factory=list)
    names: list[Ident] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    negation: list[int] = field(default_factory=list)
    verb: int = -1
    verbs: dict[int, int] = field(default_factory=dict)

    def content(self) -> list[Token]:
        """Content words and codes, not inside quantities or dates."""
        return [
            t
            for t in self.tokens
            if t.kind in ("word", "code")
            and t.low not in STOPWORDS
            and t.index not in self.used
            and t.low not in UNIT_WORDS
            and t.low not in NEGATIONS
        ]

    def clause_negated(self, index: int) -> bool:
        """Whether the clause holding token `index` carries a negation."""
        return any(self.clause[n] == self.clause[index] for n in self.negation)
