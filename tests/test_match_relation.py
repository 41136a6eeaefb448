"""Relations by term kind, in contrastive pairs: one statement supports, its twin contradicts."""

from __future__ import annotations

import pytest

from tests.match_support import relation, status
from tracker.config import Config
from tracker.model import Status
from tracker.result import Relation

CAMERAS = (
    "The Xiaomi 12S Ultra has a 1-inch 50.3MP Sony IMX989 main camera, a 48MP ultra-wide "
    "camera, a 48MP 5x periscope telephoto camera and a 32MP front camera."
)

TITLES = "The club has won fourteen league titles."

HOT_BOYS = (
    "The first time that the Hot Boys met after breaking up in 2001 was when Lil Wayne "
    "brought out Juvenile at one of his shows in 2009."
)


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # an irregular past form names the same event: "broke up" is "breaking up"
        ("Hot Boys broke up in 2001.", HOT_BOYS, Relation.SUPPORTS),
        ("Hot Boys broke up after 2001.", HOT_BOYS, Relation.CONTRADICTS),
        # quantities: the statement's figure rounded to the claim's precision
        ("The phone will have a 50MP main camera.", CAMERAS, Relation.SUPPORTS),
        ("The phone will have a 64MP main camera.", CAMERAS, Relation.CONTRADICTS),
        # the same-context figure, not the nearest one
        ("The phone will have a 32MP front camera.", CAMERAS, Relation.SUPPORTS),
        ("The phone will have a 20MP front camera.", CAMERAS, Relation.CONTRADICTS),
        # units must agree
        (
            "The Ultra will carry a 4,860mAh battery.",
            "The Xiaomi 12S Ultra has a 4,860mAh battery.",
            Relation.SUPPORTS,
        ),
        (
            "The Ultra will carry a 4,900mAh battery.",
            "The Xiaomi 12S Ultra has a 4,860mAh battery.",
            Relation.CONTRADICTS,
        ),
        # counts written as words above twelve
        ("The club has won 14 league titles.", TITLES, Relation.SUPPORTS),
        ("The club has won 15 league titles.", TITLES, Relation.CONTRADICTS),
    ],
)
def test_quantities(claim: str, statement: str, expected: Relation) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The first Xiaomi-Leica phone will be the Xiaomi 12S Ultra.", Relation.SUPPORTS),
        ("The first Xiaomi-Leica phone will be the Xiaomi 12 Ultra.", Relation.CONTRADICTS),
    ],
)
def test_model_names(claim: str, expected: Relation) -> None:
    statement = "Xiaomi launched its first Leica phone, the Xiaomi 12S Ultra, on 4 July 2022."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("chip", "expected"),
    [("Snapdragon 8+ Gen 1", Relation.SUPPORTS), ("Snapdragon 8 Gen 1", Relation.CONTRADICTS)],
)
def test_chip_generations(chip: str, expected: Relation) -> None:
    statement = "The Xiaomi 12S Ultra is powered by the Snapdragon 8+ Gen 1 chip."
    assert (
        relation(f"The phone will be powered by the {chip} chip.", statement).relation is expected
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The phone will launch in July 2022.", Relation.SUPPORTS),
        ("The phone will launch in Q3 2022.", Relation.SUPPORTS),
        ("The phone will launch in August 2022.", Relation.CONTRADICTS),
        ("The phone will launch on 5 July 2022.", Relation.CONTRADICTS),
    ],
)
def test_dates(claim: str, expected: Relation) -> None:
    statement = "Xiaomi will launch the phone on 4 July 2022."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The Switch OLED will have a new Nvidia chip.", Relation.SUPPORTS),
        ("The Switch OLED will not have a new Nvidia chip.", Relation.CONTRADICTS),
    ],
)
def test_polarity(claim: str, expected: Relation) -> None:
    statement = "Nintendo said the Switch OLED has a new Nvidia chip."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # Removing a thing says it is not there: "without" agrees, "with" conflicts.
        ("The Acme 5 will ship without a charger in the box.", Relation.SUPPORTS),
        ("The Acme 5 will ship with a charger in the box.", Relation.CONTRADICTS),
    ],
)
def test_a_removal_is_a_negation(claim: str, expected: Relation) -> None:
    statement = "Acme is removing the charger from the box of the Acme 5 it ships."
    assert relation(claim, statement).relation is expected


def test_statement_polarity_flip() -> None:
    statement = "Nintendo said the Switch OLED does not have a new Nvidia chip."
    outcome = relation("The Switch OLED will have a new Nvidia chip.", statement)
    assert outcome.relation is Relation.CONTRADICTS


def test_sibling_model_is_another_subject_not_a_conflict() -> None:
    outcome = relation(
        "The iPhone 14 Pro will use the A16 Bionic chip.",
        "The iPhone 14 and iPhone 14 Plus use the A15 Bionic chip.",
    )
    assert outcome.relation is Relation.UNRELATED
    assert "different subject" in outcome.detail


def test_quantifier_covers_every_sibling() -> None:
    outcome = relation(
        "The iPhone 14 Pro will support Crash Detection.",
        "Every iPhone 14 model, the iPhone 14 Pro included, supports Crash Detection.",
    )
    assert outcome.relation is Relation.SUPPORTS


def test_comparison_value_is_not_the_claimed_value() -> None:
    statement = "The Steam Deck OLED has a 7.4-inch screen (up from 7 inches)."
    assert relation("The Steam Deck OLED has a 7-inch screen.", statement).relation is not (
        Relation.SUPPORTS
    )


def test_starting_price_is_the_lowest() -> None:
    statement = "iPhone 14 Pro and iPhone 14 Pro Max start at $999 and $1,099."
    assert relation("The iPhone 14 Pro will start at $999.", statement).relation is (
        Relation.SUPPORTS
    )
    assert relation("The iPhone 14 Pro will start at $1,099.", statement).relation is (
        Relation.CONTRADICTS
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The film has fewer than 106 reviews.", Relation.SUPPORTS),
        ("The film has more than 106 reviews.", Relation.CONTRADICTS),
    ],
)
def test_bounds(claim: str, expected: Relation) -> None:
    statement = "The film holds an approval rating of 60% based on 104 reviews."
    assert relation(claim, statement).relation is expected


def test_structured_value_is_compared_in_its_slot() -> None:
    outcome = relation(
        "The phone's selfie shooter is rumoured.",
        CAMERAS,
        attribute="front camera",
        value="20MP",
    )
    assert outcome.relation is Relation.CONTRADICTS
    assert "front camera" in outcome.detail


def test_paraphrase_without_alias_stays_unsettled_and_alias_fixes_it() -> None:
    claim = "The phone will have a 32MP selfie camera."
    statement = "The phone has a 32MP front camera and a 50MP main camera."
    assert status(claim, statement) is Status.RUMOURED
    config = Config(aliases=(("front camera", "selfie camera"),))
    assert status(claim, statement, config=config) is Status.CONFIRMED


def test_every_evidence_has_a_detail_line() -> None:
    outcome = relation("The phone will have a 20MP front camera.", CAMERAS)
    assert outcome.detail == "20MP: claim 20MP, statement 32MP"
    assert outcome.conflicts == ["20MP: claim 20MP, statement 32MP"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Lightning", Relation.SUPPORTS), ("USB-C", Relation.CONTRADICTS)],
)
def test_value_without_digits_is_compared_in_the_attribute_slot(
    value: str, expected: Relation
) -> None:
    outcome = relation(
        f"The iPhone 14 Pro will keep a {value} port.",
        "Apple announced the iPhone 14 Pro with the Lightning port.",
        attribute="port",
        value=value,
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # Silent on what the second clause denies: the first clause is judged alone.
        ("The Pixel 8 runs on the Tensor G3 chip in every market.", Relation.SUPPORTS),
        # Naming what the claim denies: the claim's negation stands and conflicts.
        (
            "The Pixel 8 runs on the Tensor G3 chip, and a Snapdragon version exists.",
            (Relation.CONTRADICTS),
        ),
    ],
)
def test_negation_scope_is_its_clause(statement: str, expected: Relation) -> None:
    claim = "The Pixel 8 will run on the Tensor G3 chip; there will be no Snapdragon version."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # One model of the quantified family with another figure: not all of them.
        ("The Pixel 9 Pro XL supports 37W wired charging.", Relation.CONTRADICTS),
        # The family's figure itself, or every model's.
        ("Every Pixel 9 model supports 27W wired charging.", Relation.SUPPORTS),
        # Another generation is not a member of the family.
        ("The Pixel 8 Pro supports 30W wired charging.", Relation.UNRELATED),
    ],
)
def test_quantified_family_each_member_claimed(statement: str, expected: Relation) -> None:
    claim = "All three Pixel 9 phones will support 27W wired charging."
    assert relation(claim, statement).relation is expected


def test_one_member_equal_figure_does_not_confirm_the_family() -> None:
    statement = "The Pixel 9 Pro XL supports 27W wired charging."
    outcome = relation("All three Pixel 9 phones will support 27W wired charging.", statement)
    assert outcome.relation is not Relation.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # The claim names what the second starting price is for.
        ("Refurbished Surface Laptop units will start at $899.", Relation.SUPPORTS),
        # The product as a whole starts at the lowest price.
        ("The Surface Laptop will start at $899.", Relation.CONTRADICTS),
        ("The Surface Laptop will start at $699.", Relation.SUPPORTS),
    ],
)
def test_parallel_starting_prices(claim: str, expected: Relation) -> None:
    statement = "The new Surface Laptop starts at $699 and refurbished units at $899."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "Galaxy S25 Plus and Galaxy S25 Ultra have 6.7-inch and 6.9-inch displays.",
            (Relation.SUPPORTS),
        ),
        # The Plus, named by its variant word in the claim, has another figure.
        (
            "The Galaxy S25 Plus has a 6.6-inch display and the Galaxy S25 Ultra a 6.9-inch one.",
            Relation.CONTRADICTS,
        ),
        # The Ultra's figure is not the Plus's.
        ("The Galaxy S25 Ultra has a 6.7-inch display.", Relation.UNRELATED),
    ],
)
def test_sibling_named_by_its_variant_words(statement: str, expected: Relation) -> None:
    claim = "The Galaxy S25 Plus and Ultra displays will measure 6.7 and 6.9 inches."
    assert relation(claim, statement).relation is expected


PIXEL_9_PRO = "The Pixel 9 Pro will get an always-on display."
PIXEL_9_STORAGE = "The Pixel 9 Pro comes with 128GB, 256GB or 512GB of storage."
PIXEL_9A = "The Pixel 9a does not get Gemini Nano."
X60 = "The Snapdragon X60 modem was designed in-house in Austin."


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # A negated clause about other models of the family denies nothing of the claim's.
        (
            PIXEL_9_PRO,
            "Always-on display is reserved for the Pixel 9 Pro; the Pixel 9a does not get it.",
            Relation.SUPPORTS,
        ),
        (PIXEL_9_PRO, "The Pixel 9 Pro does not get an always-on display.", Relation.CONTRADICTS),
        # "Starts with" a figure of a list: the lowest.
        ("The Pixel 9 Pro will start with 128GB of storage.", PIXEL_9_STORAGE, Relation.SUPPORTS),
        (
            "The Pixel 9 Pro will start with 256GB of storage.",
            PIXEL_9_STORAGE,
            (Relation.CONTRADICTS),
        ),
        # "Miss out" denies.
        ("The Pixel 9a will miss out on Gemini Nano.", PIXEL_9A, Relation.SUPPORTS),
        ("The Pixel 9a will get Gemini Nano.", PIXEL_9A, Relation.CONTRADICTS),
        # The clause with the claim's words is about another chip.
        (
            X60,
            "The T2 was designed in-house in Austin; the Snapdragon X60 modem comes from Qualcomm.",
            Relation.UNRELATED,
        ),
        (X60, X60, Relation.SUPPORTS),
    ],
)
def test_scope_of_negations_and_starting_figures(
    claim: str, statement: str, expected: Relation
) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("bound", "confirmed"),
    [
        # Smaller figures hold the bound, but the total, as well placed, breaks it.
        ("$90 million", False),
        ("$100 million", True),
    ],
)
def test_bound_needs_no_better_placed_figure_outside_it(bound: str, confirmed: bool) -> None:
    claim = f"The film has grossed a worldwide total of less than {bound}."
    statement = (
        "The film has grossed $40.5 million in North America and $52 million in other"
        " territories, for a worldwide total of $92.5 million."
    )
    assert (relation(claim, statement).relation is Relation.SUPPORTS) is confirmed


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # Wireless charging's figure is not the wired one's.
        ("The Pixel 9 will support 25W wired charging.", Relation.UNRELATED),
        ("The Pixel 9 will support 20W wireless charging.", Relation.CONTRADICTS),
        ("The Pixel 9 will support 15W wireless charging.", Relation.SUPPORTS),
        # "The device" is the product the statement names.
        ("There is no support for wireless charging on the device.", Relation.CONTRADICTS),
        ("There is support for wireless charging on the device.", Relation.SUPPORTS),
    ],
)
def test_charging_kinds_and_generic_references(claim: str, expected: Relation) -> None:
    statement = "The Pixel 9 supports Qi wireless charging at up to 15W."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("The 15-inch Acme Book Air goes on sale on 3 March 2023.", Relation.CONTRADICTS),
        # The same family at another size is another model: its size settles nothing.
        ("Acme unveiled an Acme Book Air with a 13.6-inch display in 2023.", Relation.UNRELATED),
    ],
)
def test_a_model_the_text_names_by_its_size_is_not_a_sibling_of_another_size(
    statement: str, expected: Relation
) -> None:
    outcome = relation("Acme will add a 15-inch Acme Book Air in 2024.", statement)
    assert outcome.relation is expected


def test_a_size_before_a_name_and_its_noun_is_the_part_size() -> None:
    # "6.1-inch ProMotion display": the size is the display's, so a statement about the
    # same model with another display size contradicts.
    outcome = relation(
        "The Acme Phone 14 will have a 6.1-inch ProMotion display.",
        "The Acme Phone 14 has a 6.3-inch ProMotion display.",
    )
    assert outcome.relation is Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Acme Deck 2 goes on sale on 16 November 2023.", Relation.CONTRADICTS),
        # The family without the claim's number: another model, whose date says nothing.
        ("Acme announced Acme Deck OLED, on sale from 16 November 2023.", Relation.UNRELATED),
    ],
)
def test_a_sibling_of_the_claims_numbered_model_does_not_contradict(
    statement: str, expected: Relation
) -> None:
    outcome = relation("A true Acme Deck 2 could launch in 2024 or 2025.", statement)
    assert outcome.relation is expected
    if expected is Relation.UNRELATED:
        assert "another model of the family" in outcome.detail


def test_an_ordinal_word_names_the_number_of_a_model() -> None:
    # "the first season" is Season 1, not a sibling of it.
    outcome = relation(
        "Season 1 of Acme Show has more than 67 reviews on Rotten Tomatoes.",
        "On Rotten Tomatoes, the first season of Acme Show has 65 reviews.",
    )
    assert outcome.relation is Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("In 2011, Mara began dating British architect Tomas Lind.", Relation.SUPPORTS),
        # Another name in the same place: the claim's name is not said, so no confirmation.
        ("In 2011, Mara began dating British architect Piet Ovens.", Relation.UNRELATED),
    ],
)
def test_a_swapped_name_after_an_irregular_verb_is_not_confirmed(
    statement: str, expected: Relation
) -> None:
    claim = "In 2011, Mara began dating British architect Tomas Lind."
    assert relation(claim, statement).relation is expected


def test_the_reason_names_what_the_statement_does_not_say() -> None:
    outcome = relation(
        "The Acme Console's screen will be made by Samsung Display.",
        "The Acme Console's screen is made in Korea.",
    )
    assert outcome.relation is Relation.UNRELATED
    assert "the statement does not say Samsung Display" in outcome.detail
    unnamed = relation(
        "The Quiet Harbour has more than 14 reviews on Critic Index.",
        "On Critic Index the film has 15 reviews.",
    )
    assert "the statement does not name Quiet Harbour" in unnamed.detail


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # A negation before a removal cancels it: the jack stays.
        (
            "Apple will not remove the headphone jack.",
            "Apple removed the headphone jack.",
            Relation.CONTRADICTS,
        ),
        (
            "Apple will remove the headphone jack.",
            "Apple removed the headphone jack in the Acme 7.",
            Relation.SUPPORTS,
        ),
        (
            "The Acme 7 will have a headphone jack.",
            "Apple removed the headphone jack in the Acme 7.",
            Relation.CONTRADICTS,
        ),
        # A removal denies its own object, not the clause that follows it.
        (
            "The Acme 15 will use USB-C.",
            "Apple removed Lightning and the Acme 15 uses USB-C.",
            Relation.SUPPORTS,
        ),
        (
            "The Acme 15 will not use USB-C.",
            "Apple removed Lightning and the Acme 15 uses USB-C.",
            Relation.CONTRADICTS,
        ),
        (
            "The Acme 15 Pro will have a titanium frame.",
            "Apple ditched steel for a titanium frame on the Acme 15 Pro.",
            Relation.SUPPORTS,
        ),
        # More objects of one removal ("the charger and earphones") are all removed.
        (
            "The Acme 21 will ship without earphones in the box.",
            "Acme is removing the charger and earphones from the box of the Acme 21.",
            Relation.SUPPORTS,
        ),
    ],
)
def test_a_removal_denies_its_own_object(claim: str, statement: str, expected: Relation) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # An acronym is a name the claim asserts ...
        (
            "The console's screen will be made by BOE.",
            "The console's screen is made by Samsung Display.",
            Relation.UNRELATED,
        ),
        (
            "The album had sales of 2.1 million in the US.",
            "The album had sales of 2.1 million worldwide.",
            Relation.UNRELATED,
        ),
        # ... unless it is a figure's own noun.
        ("The Acme 8 will have 12GB of RAM.", "The Acme 8 has 12GB of RAM.", Relation.SUPPORTS),
        # "from" names a source, unless "to" makes it the old side of a change.
        (
            "The Acme 8 will use a 4nm chip from Samsung.",
            "The Acme 8 uses a 4nm chip from TSMC.",
            Relation.UNRELATED,
        ),
        (
            "The Acme 8 will move from Lightning to USB-C.",
            "The Acme 8 moves to USB-C.",
            Relation.SUPPORTS,
        ),
        # A title without a lower-case verb still asserts its names.
        (
            "Acme Console Screen Made By Sharp",
            "The Acme Console screen is made by Samsung Display.",
            Relation.UNRELATED,
        ),
        (
            "Acme Console Screen Made By Samsung Display",
            "The Acme Console screen is made by Samsung Display.",
            Relation.SUPPORTS,
        ),
    ],
)
def test_names_asserted_in_acronyms_sources_and_titles(
    claim: str, statement: str, expected: Relation
) -> None:
    assert relation(claim, statement).relation is expected


def test_extreme_names_a_variant() -> None:
    outcome = relation(
        "The Acme Ally will use the Z1 Extreme chip.", "The Acme Ally uses the Z1 chip."
    )
    assert outcome.relation is not Relation.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        (
            "The app has 100 million daily active users.",
            "The app has 100 million daily active users.",
            Relation.SUPPORTS,
        ),
        # Another period or another scope is another figure.
        (
            "The app has 100 million daily active users.",
            "The app has 100 million monthly active users.",
            Relation.UNRELATED,
        ),
        (
            "The film earned $300 million worldwide.",
            "The film earned $300 million domestically.",
            Relation.UNRELATED,
        ),
    ],
)
def test_a_figure_of_another_period_or_scope_is_another_figure(
    claim: str, statement: str, expected: Relation
) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("The Acme 15 has USB-C.", Relation.SUPPORTS),
        # A statement that hedges or only reports settles nothing either way.
        ("Acme may add USB-C to the Acme 15.", Relation.UNRELATED),
        ("The Acme 15 is rumoured to have USB-C.", Relation.UNRELATED),
        ("Acme declined to say if the Acme 15 has USB-C.", Relation.UNRELATED),
        ("Acme may drop USB-C from the Acme 15.", Relation.UNRELATED),
    ],
)
def test_a_hedging_statement_settles_nothing(statement: str, expected: Relation) -> None:
    outcome = relation("The Acme 15 will have USB-C.", statement)
    assert outcome.relation is expected
    if expected is Relation.UNRELATED:
        assert "does not settle it" in outcome.detail


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # Lower-case "may" is the verb, not the month, even beside a number.
        (
            "The Acme 15 may launch in September 2023.",
            "Acme launched the Acme 15 on 22 September 2023.",
            Relation.SUPPORTS,
        ),
        (
            "The Acme 8 may launch on October 4.",
            "Acme launched the Acme 8 on October 4.",
            Relation.SUPPORTS,
        ),
        (
            "The Acme 8 will launch on 4 May.",
            "Acme launched the Acme 8 on 5 May.",
            Relation.CONTRADICTS,
        ),
    ],
)
def test_may_the_verb_is_no_month(claim: str, statement: str, expected: Relation) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        # The model a statement replaces is not the one it gives.
        (
            "The Acme 15 will ship with AcmeOS 16.",
            "The Acme 15 ships with AcmeOS 17, replacing AcmeOS 16.",
            Relation.CONTRADICTS,
        ),
        (
            "The Acme 15 will ship with AcmeOS 17.",
            "The Acme 15 ships with AcmeOS 17, replacing AcmeOS 16.",
            Relation.SUPPORTS,
        ),
        (
            "The Acme 15 will use the Z16 chip.",
            "The Acme 15 uses the Z17 chip, succeeding the Z16.",
            Relation.CONTRADICTS,
        ),
        # The old side of a change is not the new value.
        (
            "The Acme 15 will cost $799.",
            "The Acme 15 price rises from $799 to $899.",
            Relation.CONTRADICTS,
        ),
        (
            "The Acme 15 will cost $899.",
            "The Acme 15 price rises from $799 to $899.",
            Relation.SUPPORTS,
        ),
    ],
)
def test_replaced_models_and_old_figures_are_not_the_value(
    claim: str, statement: str, expected: Relation
) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The Acme 8 will have a 50MP main camera.", Relation.SUPPORTS),
        # The ultrawide camera is 12MP: the 50MP beside the model's name is another camera.
        ("The Acme 8 will have a 50MP ultrawide camera.", Relation.CONTRADICTS),
        ("The Acme 8 will have a 12MP ultrawide camera.", Relation.SUPPORTS),
    ],
)
def test_an_equal_figure_of_another_noun_does_not_answer_the_claim(
    claim: str, expected: Relation
) -> None:
    statement = "The Acme 8 has a 50MP main camera and a 12MP ultrawide camera."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("claim", "statement", "expected"),
    [
        ("The Zeta 4080 Super will cost $999.", "The Zeta 4080 costs $999.", Relation.UNRELATED),
        (
            "The Zeta 4080 Super will cost $999.",
            "The Zeta 4080 Super costs $999.",
            Relation.SUPPORTS,
        ),
        ("The Zeta 7900 XT will cost $899.", "The Zeta 7900 XTX costs $899.", Relation.UNRELATED),
        (
            "The Acme Watch 6 Classic will cost $399.",
            "The Acme Watch 6 costs $399.",
            Relation.UNRELATED,
        ),
    ],
)
def test_more_variant_words_name_sibling_models(
    claim: str, statement: str, expected: Relation
) -> None:
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("The Acme Book Air gets the Z3 chip.", Relation.SUPPORTS),
        # A sibling named without a number ("Book Pro") is another model.
        ("The Acme Book Pro gets the Z3 chip.", Relation.UNRELATED),
    ],
)
def test_a_sibling_without_a_number_is_another_model(statement: str, expected: Relation) -> None:
    outcome = relation("The Acme Book Air will get the Z3 chip.", statement)
    assert outcome.relation is expected


def test_unlikely_is_a_denial_and_allegedly_settles_nothing() -> None:
    unlikely = relation("The Acme 15 is unlikely to have USB-C.", "The Acme 15 has USB-C.")
    assert unlikely.relation is Relation.CONTRADICTS
    alleged = relation("The Acme 15 will have USB-C.", "The Acme 15 allegedly has USB-C.")
    assert alleged.relation is Relation.UNRELATED


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Meta announced the Quest 3, launching this fall from $499.99.", Relation.SUPPORTS),
        ("Meta announced the Quest 3, launching this fall from $549.99.", Relation.CONTRADICTS),
    ],
)
def test_a_sum_of_money_says_what_price_words_say(statement: str, expected: Relation) -> None:
    # "priced", "cost" and "range" need no words of their own in the statement: its
    # figure is a price, and "range" only restates the claimed range.
    outcome = relation("The Quest 3 will be priced in the $300 to $500 range.", statement)
    assert outcome.relation is expected
    cost = relation("The Quest 3 will cost $499.", statement)
    assert cost.relation is expected


def test_price_words_still_need_a_sum_of_money() -> None:
    outcome = relation(
        "The Quest 3 will be priced in the $300 to $500 range.",
        "Meta announced the Quest 3, launching this fall with 128GB of storage.",
    )
    assert outcome.relation is Relation.UNRELATED
