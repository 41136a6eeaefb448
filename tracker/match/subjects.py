"""Whose figure is it: the subject of a claim and the owner of a statement's terms.

A statement about the "12S Pro" does not settle a claim about the "12S Ultra"; in
"Pixel 7 starts at $599 and Pixel 7 Pro at $899" each price belongs to its model.
"""

from __future__ import annotations

from tracker.match.claim import ClaimReading, Key
from tracker.match.idents import equivalent, family_covers, member_of, related
from tracker.match.pairing import listed_run, respective
from tracker.match.reading import Reading, size_mark
from tracker.match.terms import STOPWORDS, VARIANTS, Ident, Parsed, Period, Quantity


def subject_mismatch(claim: ClaimReading, statement: Reading) -> str:
    """A reason when the statement is about a sibling of the claim's subject, else ""."""
    idents = statement.parsed.idents
    if statement.quantifier_clauses and any(
        related(s.words, i.words) for s in claim.subjects for i in idents
    ):
        return ""
    for subject in claim.subjects:
        if any(
            equivalent(subject.words, i.words) or family_covers(subject.words, i.words)
            for i in idents
        ):
            continue
        siblings = [
            i
            for i in idents
            if related(subject.words, i.words) and not _names_the_claimed_model(claim, statement, i)
        ]
        if subject in claim.family and all(member_of(subject.words, i.words) for i in siblings):
            continue  # "all three Galaxy S23 phones": the S23 Ultra is one of them
        if siblings:
            return f"different subject: claim {subject.text}, statement {siblings[0].text}"
    if claim.variants and not claim.subjects:
        named = {t.low for t in statement.parsed.tokens if t.low in VARIANTS and t.capital}
        # Variant words of identifiers ("iPhone 15 Pro") or of names without numbers
        # ("MacBook Pro" against a claim about the "MacBook Air").
        mentioned = {
            w for i in (*idents, *statement.parsed.names) for w in i.words if w in VARIANTS
        }
        if mentioned and not (claim.variants & named):
            return f"different model: claim {'/'.join(sorted(claim.variants))}, statement {'/'.join(sorted(mentioned))}"
    return ""


def _names_the_claimed_model(claim: ClaimReading, statement: Reading, ident: Ident) -> bool:
    """For a claim about a model's name: whether `ident` is the claimed name, or the name
    the statement gives the model of the claim's size. Either is the claim's very model,
    not a sibling."""
    if not claim.naming:
        return False
    values = [k.term for k in claim.values if k.value and isinstance(k.term, Ident)]
    return any(equivalent(v.words, ident.words) for v in values) or named_by_size(
        claim, statement, ident
    )


def named_by_size(claim: ClaimReading, statement: Reading, ident: Ident) -> bool:
    """Whether a claim about a model's name ("the 6.7-inch model will be sold as X")
    meets the name the statement gives the model of that size ("the 6.7-inch Y")."""
    sizes = claim.subject_numbers[0]
    return claim.naming and any(
        size_mark(q) in sizes and q.end + 1 == ident.start for q in statement.parsed.quantities
    )


def statement_owner(statement: Reading, start: int, end: int, names: bool = True) -> Ident | None:
    """The identifier a statement term belongs to: "for X" after it, else the nearest before."""
    key = (start, end, names)
    if key not in statement.owners:
        statement.owners[key] = _owner(statement.parsed, start, end, names)
    return statement.owners[key]


def _owner(parsed: Parsed, start: int, end: int, names: bool) -> Ident | None:
    tokens = parsed.tokens
    clause = parsed.clause[start]
    if end + 1 < len(tokens) and tokens[end + 1].low in ("for", "on"):
        for ident in (*parsed.idents, *parsed.names):
            if ident.start in (end + 2, end + 3):
                return ident
    paired = respective(parsed, start)
    if paired is not None:
        return paired
    # Identifiers first; a name ("Pixel Watch") only when no identifier precedes.
    for group in (parsed.idents, parsed.names) if names else (parsed.idents,):
        before = [i for i in group if i.end < start and parsed.clause[i.end] == clause]
        if before:
            return max(before, key=lambda i: i.end)
    return None


def foreign(key: Key, claim: ClaimReading, statement: Reading, start: int, end: int) -> bool:
    """Whether a statement term belongs to another model than the claim term's subject.

    Dates belong to events ("Galaxy Unpacked"), so only identifiers own them.
    """
    owner = statement_owner(statement, start, end, names=not isinstance(key.term, Period))
    if owner is None or statement.parsed.clause[start] in statement.quantifier_clauses:
        return False
    subjects = [key.owner] if key.owner is not None else claim.subjects
    if any(member_of(f.words, owner.words) for f in claim.family):
        return False  # a member of the family the claim quantifies over
    if subjects:
        if any(
            equivalent(s.words, o.words) or family_covers(s.words, o.words)
            for s in subjects
            for o in _coordinated(statement.parsed, owner, start)
        ):
            return False
        if not owner.codes:
            # A name without a number ("AirPods Pro") may be the claim's model, unless
            # it adds a word of its own ("Pixel Watch" is not the "Pixel 7").
            return any(
                related(s.words, owner.words) and not set(owner.words) <= set(s.words)
                for s in subjects
            )
        if any(related(s.words, owner.words) for s in subjects):
            return True
    owner_variants = {w for w in owner.words if w in VARIANTS}
    mine = {w for s in subjects for w in s.words if w in VARIANTS} or set(claim.variants)
    return bool(mine and owner_variants and not (mine & owner_variants))


def _coordinated(parsed: Parsed, owner: Ident, start: int) -> list[Ident]:
    """The owner with the models listed with it ("X and Y come in 128GB, 256GB"): a term
    after such a list belongs to each of them, unless the figures pair off one by one."""
    if owner not in parsed.idents or respective(parsed, start) is not None:
        return [owner]
    return [parsed.idents[n] for n in listed_run(parsed, parsed.idents, parsed.idents.index(owner))]


def adjacent(statement: Reading, owner: Ident, other: Quantity | Period) -> bool:
    """Whether the owner stands right by the term ("RTX 3090 at $1,499")."""
    tokens = statement.parsed.tokens
    low, high = (
        (owner.end + 1, other.start) if owner.end < other.start else (other.end + 1, owner.start)
    )
    between = tokens[low:high]
    return len(between) <= 3 and all(t.low in STOPWORDS for t in between)
