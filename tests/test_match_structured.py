"""The structured path: `attribute` names the slot, `value` is the term compared there.

Contrastive pairs: one statement (or value) supports, its twin contradicts.
"""

from __future__ import annotations

import pytest

from tests.match_support import relation
from tracker.result import Relation

CAMERAS = (
    "Xiaomi 12S Ultra camera system: a 1-inch-type Sony IMX989 main sensor with 50.3 "
    "megapixels, a 48MP ultra-wide camera and a 48MP periscope telephoto with 5x optical "
    "zoom, plus a 32MP front-facing camera."
)


@pytest.mark.parametrize(
    ("value", "expected"), [("32MP", Relation.SUPPORTS), ("20MP", Relation.CONTRADICTS)]
)
def test_attribute_names_the_noun_of_a_paraphrased_figure(value: str, expected: Relation) -> None:
    # "selfie camera" shares no noun with "front-facing camera"; the attribute does.
    outcome = relation(
        f"Up front, a {value} selfie camera will sit in a centred punch-hole.",
        CAMERAS,
        attribute="front camera",
        value=value,
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1280 x 800", Relation.SUPPORTS), ("1920 x 1080", Relation.CONTRADICTS)],
)
def test_an_attribute_of_only_general_words_still_names_the_slot(
    value: str, expected: Relation
) -> None:
    outcome = relation(
        f"The Steam Deck OLED moves to a {value} screen.",
        "Valve announced Steam Deck OLED with a 7.4-inch HDR OLED screen that keeps the "
        "1280 x 800 resolution.",
        subject="Steam Deck OLED",
        attribute="resolution",
        value=value,
    )
    assert outcome.relation is expected


def test_value_words_outside_the_terms_must_be_found_to_confirm() -> None:
    statement = "Nintendo announced the Switch OLED Model with a 7-inch OLED screen."
    claim = "The new Switch will have a 7-inch OLED screen."
    found = relation(claim, statement, attribute="screen", value="7-inch OLED")
    assert found.relation is Relation.SUPPORTS
    missing = relation(claim, statement, attribute="screen", value="7-inch LCD")
    assert missing.relation is not Relation.SUPPORTS


SWITCH = "Nintendo announced the Switch OLED Model with a 7-inch OLED screen."


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # The value is in its slot, but the maker the claim names is never said.
        ("The new Switch will have a 7-inch OLED screen made by Samsung Display.", False),
        # "from Samsung Display" names the source as much as "made by" does.
        ("The new Switch will have a 7-inch OLED screen from Samsung Display.", False),
        # Its twin, whose statement does name the maker, is confirmed.
        ("The new Switch will have a 7-inch OLED screen made by Nintendo.", True),
        # An owner ("Nintendo's") describes the product; the product is what is claimed.
        ("The new Switch will have Nintendo's 7-inch OLED screen.", True),
    ],
)
def test_names_the_claim_asserts_beside_its_value_must_be_said(claim: str, expected: bool) -> None:
    # Only "from X to Y" makes X a point of comparison, which is not required.
    outcome = relation(claim, SWITCH, attribute="screen", value="7-inch OLED")
    assert (outcome.relation is Relation.SUPPORTS) is expected


def test_a_name_may_be_spelt_one_edit_apart() -> None:
    statement = "In 2019 she started her own label under Kowalsky Records named Blue Fern."
    claim = "In 2019 she started her own label named Blue Fern under Kowalski Records."
    assert relation(claim, statement).relation is Relation.SUPPORTS
    other = "In 2019 she started her own label under Maple Records named Blue Fern."
    assert relation(claim, other).relation is not Relation.SUPPORTS


def test_a_quantified_claim_is_not_confirmed_by_one_model_in_its_slot() -> None:
    outcome = relation(
        "All three Galaxy S23 phones will be limited to 25W wired charging.",
        "Galaxy S23 has a 3,900mAh battery with 25W charging.",
        subject="Galaxy S23 series",
        attribute="wired charging",
        value="25W on all models",
    )
    assert outcome.relation is not Relation.SUPPORTS


STORAGE = (
    "iPhone 14 Pro and iPhone 14 Pro Max come in 128GB, 256GB, 512GB and 1TB capacities "
    "starting at $999 and $1,099."
)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("iPhone 14 Pro will offer 512GB of storage.", Relation.SUPPORTS),
        ("iPhone 14 Pro and Pro Max will start with 128GB of storage.", Relation.SUPPORTS),
        ("iPhone 14 Pro and Pro Max will start with 256GB of storage.", Relation.CONTRADICTS),
    ],
)
def test_figures_after_a_list_of_models_belong_to_each(claim: str, expected: Relation) -> None:
    # More figures than models: they do not pair off, so each belongs to both models.
    assert relation(claim, STORAGE).relation is expected


FOLD = (
    "Galaxy Z Fold4 has a 50MP wide, 12MP ultra-wide and 10MP telephoto camera with 3x "
    "optical zoom."
)


@pytest.mark.parametrize(
    ("claim", "expected", "conflict"),
    [
        ("The Fold4's telephoto will be a 10MP lens with 3x zoom.", Relation.SUPPORTS, ""),
        ("The Fold4's telephoto will be a 12MP lens with 3x zoom.", Relation.CONTRADICTS, "10"),
        ("The Fold4 will have a 12MP telephoto lens.", Relation.CONTRADICTS, "10"),
    ],
)
def test_a_figure_goes_with_the_noun_its_claim_names_nearby(
    claim: str, expected: Relation, conflict: str
) -> None:
    # "telephoto ... 12MP lens": the claim's nearby word names the statement's noun, and
    # the figure next to the model name does not outrank the telephoto figure.
    outcome = relation(claim, FOLD)
    assert outcome.relation is expected
    assert all(f"statement {conflict}" in c for c in outcome.conflicts)


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [("2412 x 1080", Relation.SUPPORTS), ("2400 x 1080", Relation.CONTRADICTS)],
)
def test_a_pixel_grid_is_the_screens_whatever_its_noun(resolution: str, expected: Relation) -> None:
    outcome = relation(
        f"Nothing Phone (2) will have a 6.7-inch display with a {resolution} resolution.",
        "On 11 July 2023 Nothing launched Phone (2) with a 6.7-inch 1080 x 2412 LTPO OLED display.",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The GPU will run at 2,230MHz.", Relation.SUPPORTS),
        ("The GPU will run at 1,743MHz.", Relation.CONTRADICTS),
        ("The SSD will hold 1,000GB.", Relation.SUPPORTS),
        ("The SSD will hold 825GB.", Relation.CONTRADICTS),
    ],
)
def test_units_of_one_family_compare_across_scales(claim: str, expected: Relation) -> None:
    statement = "The GPU runs at up to 2.23GHz and the SSD holds 1TB."
    assert relation(claim, statement).relation is expected


@pytest.mark.parametrize(
    ("price", "expected"), [("$999", Relation.SUPPORTS), ("$1,099", Relation.CONTRADICTS)]
)
def test_a_model_named_after_the_verb_makes_a_lone_figure_conflict(
    price: str, expected: Relation
) -> None:
    outcome = relation(
        f"Apple will set the iPhone 14 Pro's starting price at {price}.",
        "iPhone 14 Pro and iPhone 14 Pro Max start at $999 and $1,099.",
    )
    assert outcome.relation is expected


def test_evidence_quotes_values_as_written() -> None:
    outcome = relation(
        "Apple will set the iPhone 14 Pro's starting price at $1,099.",
        "iPhone 14 Pro and iPhone 14 Pro Max start at $999 and $1,099 with a 48MP camera.",
    )
    assert outcome.conflicts == ["$1,099: claim $1,099, statement $999"]
    spaced = relation("The phone has a 48 MP camera.", "The phone has a 48 megapixel camera.")
    assert spaced.matched == ["48 megapixel"]


@pytest.mark.parametrize(
    ("figure", "expected"), [("48MP", Relation.SUPPORTS), ("64MP", Relation.CONTRADICTS)]
)
def test_rumour_verbs_of_change_need_no_counterpart(figure: str, expected: Relation) -> None:
    # "move to", "switch to", "the next": how rumours speak, never what statements say.
    outcome = relation(
        f"The next Pixel Pro will move to a {figure} main camera.",
        "The Pixel Pro has a 48MP main camera.",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("MagSafe", Relation.SUPPORTS), ("Lightning", Relation.CONTRADICTS)],
)
def test_a_name_found_beside_its_slot_confirms_the_structured_value(
    value: str, expected: Relation
) -> None:
    outcome = relation(
        f"The new MacBook Air will get a {value} charging connector.",
        "Apple unveiled a redesigned MacBook Air with a 1080p camera, the MagSafe charging "
        "port and a fanless design.",
        subject="redesigned MacBook Air",
        attribute="charging port",
        value=value,
    )
    assert outcome.relation is expected


def test_a_name_elsewhere_than_its_slot_does_not_confirm() -> None:
    outcome = relation(
        "The new MacBook Air will get a MagSafe charging connector.",
        "Apple unveiled a redesigned MacBook Air with a fanless design. MagSafe wallets "
        "are sold separately.",
        subject="redesigned MacBook Air",
        attribute="charging port",
        value="MagSafe",
    )
    assert outcome.relation is not Relation.SUPPORTS


@pytest.mark.parametrize(
    ("value", "expected"), [("16GB", Relation.SUPPORTS), ("12GB", Relation.UNRELATED)]
)
def test_an_attribute_finds_its_slot_under_another_noun(value: str, expected: Relation) -> None:
    # "memory" names the slot a statement calls "RAM": the value there confirms, however
    # few of the claim's other words the statement has.
    outcome = relation(
        f"The PS5 will have {value} of RAM to spare for developers.",
        "PS5 has an 8-core CPU, 16GB of fast ram and an 825GB SSD.",
        subject="PS5",
        attribute="memory",
        value=value,
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Windows 11", Relation.SUPPORTS), ("Windows 12", Relation.CONTRADICTS)],
)
def test_a_name_attribute_makes_the_named_model_its_own_slot(
    value: str, expected: Relation
) -> None:
    outcome = relation(
        f"Microsoft's next version of Windows will be called {value}.",
        "Microsoft introduced Windows 11 with a redesigned Start menu; it will be a free upgrade.",
        subject="next Windows release",
        attribute="product name",
        value=value,
    )
    assert outcome.relation is expected


S21 = (
    "The Galaxy S21 Ultra has four rear cameras: a 108MP wide, a 12MP ultra-wide and two "
    "10MP telephotos with 3x and 10x optical zoom."
)


@pytest.mark.parametrize(
    ("value", "expected"), [("four", Relation.SUPPORTS), ("five", Relation.CONTRADICTS)]
)
def test_a_bare_number_value_counts_what_the_attribute_names(
    value: str, expected: Relation
) -> None:
    outcome = relation(
        "The Galaxy S21 Ultra will have a 108MP wide camera at the rear.",
        S21,
        subject="Galaxy S21 Ultra",
        attribute="number of rear cameras",
        value=value,
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("price", "expected"),
    [("$1,699.99", Relation.SUPPORTS), ("$1,899.99", Relation.CONTRADICTS)],
)
def test_a_bound_before_another_models_figure_bounds_the_claims_own(
    price: str, expected: Relation
) -> None:
    # "less than the Z Fold3's $1,799" says the Fold4 costs less than $1,799.
    outcome = relation(
        "The Galaxy Z Fold4 will cost less than the Z Fold3's $1,799.",
        f"In the US, Galaxy Z Fold4 starts at {price} and Galaxy Z Flip4 at $999.99.",
        subject="Galaxy Z Fold4",
        attribute="US starting price",
        value="below $1,799",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is faster than the RTX 3090's 1,700MHz.", Relation.UNRELATED),
        ("It runs at less than the RTX 3090's 1,700MHz.", Relation.CONTRADICTS),
    ],
)
def test_only_a_bound_makes_another_models_figure_the_claims(text: str, expected: Relation) -> None:
    # "faster than X's figure" compares; "less than X's figure" bounds the claim's own.
    outcome = relation(f"The Acme GPU 5 boost clock: {text}", "The Acme GPU 5 boosts to 1,800MHz.")
    assert outcome.relation is expected


COLOURS = (
    "iPhone 16 Pro and iPhone 16 Pro Max come in black titanium, white titanium, natural "
    "titanium and desert titanium."
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Desert Titanium", Relation.SUPPORTS),
        ("Titanium Gray", Relation.CONTRADICTS),
        ("Rose", Relation.CONTRADICTS),
    ],
)
def test_a_colour_value_is_compared_with_the_listed_colours(value: str, expected: Relation) -> None:
    outcome = relation(
        f"The iPhone 16 Pro will come in a new {value} finish.",
        COLOURS,
        subject="iPhone 16 Pro",
        attribute="colour",
        value=value,
    )
    assert outcome.relation is expected


def test_a_colour_of_another_part_is_not_compared_with_the_body_colours() -> None:
    outcome = relation(
        "The new MacBook Air will have an off-white bezel and keyboard.",
        "The MacBook Air comes in silver, space gray, starlight and midnight.",
        subject="MacBook Air",
        attribute="bezel and keyboard colour",
        value="off-white",
    )
    assert outcome.relation is Relation.UNRELATED


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Steam Deck", Relation.SUPPORTS), ("SteamPal", Relation.CONTRADICTS)],
)
def test_a_name_value_meets_the_name_a_statement_announces(value: str, expected: Relation) -> None:
    outcome = relation(
        f"Valve's handheld gaming PC will be called the {value}.",
        "Valve announced Steam Deck, a handheld gaming PC running SteamOS.",
        subject="Valve handheld PC",
        attribute="product name",
        value=value,
    )
    assert outcome.relation is expected


def test_a_code_name_is_not_denied_by_the_announced_name() -> None:
    outcome = relation(
        "Apple's Mac chip project is code-named Kalamata.",
        "Apple unveiled M1, its first chip designed for the Mac.",
        attribute="code name",
        value="Kalamata",
    )
    assert outcome.relation is not Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Steam Deck", Relation.SUPPORTS), ("SteamPal", Relation.CONTRADICTS)],
)
def test_a_claim_text_naming_a_product_is_a_name_slot(name: str, expected: Relation) -> None:
    outcome = relation(
        f"Valve's handheld gaming PC will be called the {name}.",
        "Valve announced Steam Deck, a handheld gaming PC running SteamOS.",
    )
    assert outcome.relation is expected


def test_a_code_name_in_the_text_is_not_a_name_slot() -> None:
    outcome = relation(
        "Apple's Mac chip project is code-named Kalamata.",
        "Apple unveiled M1, its first chip designed for the Mac.",
    )
    assert outcome.relation is not Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("desert titanium", Relation.SUPPORTS), ("rose", Relation.CONTRADICTS)],
)
def test_a_claim_text_naming_a_colour_slot_meets_the_listed_colours(
    colour: str, expected: Relation
) -> None:
    outcome = relation(f"The iPhone 16 Pro will come in a new {colour} finish.", COLOURS)
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("tech", "expected"),
    [("LCD", Relation.SUPPORTS), ("micro-OLED (uOLED)", Relation.CONTRADICTS)],
)
def test_a_display_technology_meets_the_one_a_statement_names(
    tech: str, expected: Relation
) -> None:
    outcome = relation(
        f"The Quest 3 will use {tech} displays.",
        "Meta detailed Quest 3: a Snapdragon XR2 Gen 2 chip and two LCD panels.",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("port", "expected"), [("Lightning", Relation.SUPPORTS), ("USB-C", Relation.CONTRADICTS)]
)
def test_a_port_meets_the_ports_a_statement_names(port: str, expected: Relation) -> None:
    outcome = relation(
        f"The AirPods Pro 2 charging case will switch from micro-USB to {port}.",
        "The AirPods Pro 2 case can be charged with a Lightning cable or a Qi charger.",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("supported", Relation.SUPPORTS), ("not supported", Relation.CONTRADICTS)],
)
def test_a_yes_no_value_meets_the_feature_a_statement_names(value: str, expected: Relation) -> None:
    outcome = relation(
        "Wireless charging support is uncertain for the device.",
        "Phone (1) packs a 4,500mAh battery with 33W wired and 15W Qi wireless charging.",
        subject="Nothing Phone (1)",
        attribute="wireless charging",
        value=value,
    )
    assert outcome.relation is expected


def test_a_feature_denied_in_the_statement_contradicts_a_yes() -> None:
    outcome = relation(
        "The phone will offer wireless charging.",
        "The phone has no wireless charging, when there is no budget for it.",
        attribute="wireless charging",
        value="yes",
    )
    assert outcome.relation is Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("value", "expected"), [("centred", Relation.SUPPORTS), ("left-aligned", Relation.UNRELATED)]
)
def test_a_plain_value_in_a_sentence_naming_its_slot_confirms(
    value: str, expected: Relation
) -> None:
    outcome = relation(
        "The Start menu and taskbar icons move to a new spot on the screen.",
        "Microsoft introduced Windows 11 with a redesigned Start menu and taskbar centred "
        "on the screen.",
        subject="Windows 11",
        attribute="Start menu position",
        value=value,
    )
    assert outcome.relation is expected


def test_a_webcam_slot_finds_a_camera() -> None:
    outcome = relation(
        "The new MacBook Air will get a 1080p webcam.",
        "Apple unveiled a redesigned MacBook Air with a 1080p FaceTime HD camera.",
        subject="redesigned MacBook Air",
        attribute="webcam",
        value="1080p",
    )
    assert outcome.relation is Relation.SUPPORTS


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Bluetooth 5.3", Relation.SUPPORTS), ("Bluetooth 5.2", Relation.CONTRADICTS)],
)
def test_a_rival_value_in_the_attribute_slot_shares_no_other_claim_word(
    value: str, expected: Relation
) -> None:
    # The spec line names only the slot ("Bluetooth"), none of the claim's other words.
    outcome = relation(
        f"AirPods Pro 2 will be the first AirPods with {value} and the LC3 codec.",
        "AirPods Pro 2 use the H2 chip and the LC3 codec. Wireless connectivity: Bluetooth 5.3.",
        subject="AirPods Pro 2",
        attribute="Bluetooth version",
        value=value,
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "The Galaxy Tab S10 is the first Tab to support the S Pen with a magnet dock.",
            Relation.SUPPORTS,
        ),
        ("The Galaxy Tab S10 has no S Pen support, to keep the price down.", Relation.CONTRADICTS),
    ],
)
def test_a_yes_value_is_settled_by_the_feature_not_by_the_word_yes(
    statement: str, expected: Relation
) -> None:
    # No statement writes "yes": the value's word must not be a term to find.
    outcome = relation(
        "The Galaxy Tab S10 will support Samsung's S Pen stylus.",
        statement,
        subject="Galaxy Tab S10",
        attribute="S Pen support",
        value="yes",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Acme announced the Pocket Console 2, on sale from 3 March 2023.", Relation.CONTRADICTS),
        ("Acme announced the Pocket Console Lite, on sale from 3 March 2023.", Relation.UNRELATED),
        ("The Pocket Console (2nd generation) goes on sale on 3 March 2023.", Relation.CONTRADICTS),
    ],
)
def test_a_sibling_model_without_the_subjects_number_says_nothing_of_its_slot(
    statement: str, expected: Relation
) -> None:
    # The family is named, the generation is not: another model's release date.
    outcome = relation(
        "A true Pocket Console 2 could launch in 2024 or 2025.",
        statement,
        subject="Pocket Console 2",
        attribute="release",
        value="2024 or 2025",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("value", "expected"), [("two", Relation.SUPPORTS), ("three", Relation.CONTRADICTS)]
)
def test_a_number_word_counts_the_noun_across_a_figure(value: str, expected: Relation) -> None:
    # "dual 50MP rear cameras": two cameras, each of 50MP.
    outcome = relation(
        f"The Acme Phone 3 will have {value} rear cameras.",
        "Acme launched the Acme Phone 3 with dual 50MP rear cameras and a 5,000mAh battery.",
        subject="Acme Phone 3",
        attribute="rear cameras",
        value=value,
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("The 15-inch Acme Book Air goes on sale on 3 March 2023.", Relation.CONTRADICTS),
        ("The M2 Acme Book Air goes on sale on 3 March 2023.", Relation.UNRELATED),
    ],
)
def test_a_subject_named_by_its_size_is_not_a_sibling_of_another_size(
    statement: str, expected: Relation
) -> None:
    outcome = relation(
        "Acme will add a 15-inch Acme Book Air in 2024.",
        statement,
        subject="15-inch Acme Book Air",
        attribute="launch timing",
        value="2024",
    )
    assert outcome.relation is expected


CODENAMED = "Acme plans a cheaper VR headset, codenamed Orchid, for 2027."


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # A statement naming the code name speaks of that product: its date settles it.
        ("Acme said the Orchid headset will ship in 2028.", Relation.CONTRADICTS),
        ("Acme's cheaper VR headset, codenamed Orchid, is released in 2027.", Relation.SUPPORTS),
        # One that never names it may be about another headset: no contradiction.
        ("Acme said the Vista 3 headset will ship in 2028.", Relation.UNRELATED),
    ],
)
def test_a_product_known_by_its_code_name_is_judged_only_where_it_is_named(
    statement: str, expected: Relation
) -> None:
    outcome = relation(
        CODENAMED, statement, subject="Acme (Orchid headset)", attribute="release", value="2027"
    )
    assert outcome.relation is expected
    if expected is Relation.UNRELATED:
        assert "never names the code name Orchid" in outcome.detail


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("an optional Acme Nova RX 7700S Graphics Module", Relation.CONTRADICTS),
        ("an optional Zeta GeForce RTX 40-series Graphics Module", Relation.SUPPORTS),
        # A name that does not hold the slot's noun is not the slot's value.
        ("an Acme Nova 7840HS processor", Relation.UNRELATED),
    ],
)
def test_a_name_holding_the_attributes_noun_is_the_slots_value(
    module: str, expected: Relation
) -> None:
    outcome = relation(
        "The Frame Laptop 16's discrete graphics module will use a Zeta GeForce RTX 40-series GPU.",
        f"Frame opened Frame Laptop 16 pre-orders with {module}.",
        subject="Frame Laptop 16",
        attribute="graphics module",
        value="Zeta GeForce RTX 40-series",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # The value's date in its slot ("on sale" is when it is released), said
        # positively: the claim's "not in 2023" is contradicted, whatever else it adds.
        ("Acme announced Acme Pi 5, on sale from the end of October 2023.", Relation.CONTRADICTS),
        # A date of another kind of event is not the slot's.
        ("Acme Pi 5 was shown to the press in October 2023.", Relation.UNRELATED),
    ],
)
def test_a_denied_date_found_in_its_slot_is_contradicted(
    statement: str, expected: Relation
) -> None:
    outcome = relation(
        "Don't expect an Acme Pi 5 in 2023, which will be a 'recovery year'.",
        statement,
        subject="Acme Pi 5",
        attribute="release year",
        value="not in 2023",
    )
    assert outcome.relation is expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "The 6.1-inch Acme 14 and the new 6.7-inch Acme 14 Plus ship in October.",
            Relation.CONTRADICTS,
        ),
        (
            "The 6.7-inch non-Pro model is sold as the Acme 14 Max.",
            Relation.SUPPORTS,
        ),
        # Another size's name says nothing of what the 6.7-inch model is called.
        ("The new 6.1-inch Acme 14 Plus ships in October.", Relation.UNRELATED),
    ],
)
def test_the_name_given_to_the_model_of_the_claimed_size_settles_a_name(
    statement: str, expected: Relation
) -> None:
    outcome = relation(
        "The 6.7-inch non-Pro model will be sold as the Acme 14 Max.",
        statement,
        subject="6.7-inch Acme 14 (non-Pro)",
        attribute="model name",
        value="Acme 14 Max",
    )
    assert outcome.relation is expected


def test_one_generic_attribute_word_in_a_name_is_not_the_slot() -> None:
    outcome = relation(
        "The Acme Ally will use the Z1 Extreme chip.",
        "The Acme Ally uses a Zeta Wi-Fi 6E Chip.",
        subject="Acme Ally",
        attribute="chip",
        value="Z1 Extreme",
    )
    assert outcome.relation is not Relation.CONTRADICTS


def test_a_negation_about_something_else_does_not_flip_a_value_found_in_its_slot() -> None:
    outcome = relation(
        "The Acme 5 Pro will cost $699 with a faster GPU and more storage.",
        "The Acme 5 Pro lacks a disc drive, costs $699.",
        subject="Acme 5 Pro",
        attribute="price",
        value="$699",
    )
    assert outcome.relation is not Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # The claim's text gives no figure: its structured value must be found.
        ("The Acme 8 is priced higher.", Relation.UNRELATED),
        ("The Acme 8 is priced higher, at 799 dollars.", Relation.SUPPORTS),
    ],
)
def test_a_value_the_text_never_states_must_be_found(statement: str, expected: Relation) -> None:
    outcome = relation(
        "The Acme 8 will be priced higher.",
        statement,
        subject="Acme 8",
        attribute="price",
        value="$799",
    )
    assert outcome.relation is expected
