"""Hand-built results for report tests and the screenshot: verdicts with evidence.

The engine is tested elsewhere; reporters must render whatever a `CheckResult` holds,
so these results are built directly: every status, manual verdicts, a review flag,
near misses, matched and conflicting terms, and problems.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tracker.check import check
from tracker.config import Config
from tracker.finding import Finding, Level
from tracker.model import Claim, Location, Statement, Status, Story
from tracker.result import CheckResult, Evidence, Relation, Verdict

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"

# Headless Chromium with nothing that reaches the network or needs a display.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

S, C, R = Status.CONFIRMED, Status.CONTRADICTED, Status.RUMOURED
SUP, CON, UNR = Relation.SUPPORTS, Relation.CONTRADICTS, Relation.UNRELATED


def _story(
    story_id: str,
    title: str,
    claims: list[tuple[str, str, str, str | None, str]],
    statements: list[tuple[str, str, str, str]],
) -> Story:
    path = f"claims/{story_id}.yaml"
    built_claims = tuple(
        Claim(
            story=story_id,
            id=cid,
            text=text,
            location=Location(path, 6 + 7 * n, 5),
            source=source,
            url=url,
            reported=reported,
        )
        for n, (cid, text, source, url, reported) in enumerate(claims)
    )
    first = 8 + 7 * len(claims)
    built_statements = tuple(
        Statement(
            story=story_id,
            id=sid,
            text=text,
            location=Location(path, first + 5 * n, 5),
            source=source,
            date=date,
            url=f"https://example.com/{story_id}/{sid}",
        )
        for n, (sid, text, source, date) in enumerate(statements)
    )
    return Story(story_id, title, path, None, built_claims, built_statements)


def _ev(
    statement: str,
    relation: Relation,
    score: float,
    detail: str,
    matched: tuple[str, ...] = (),
    conflicts: tuple[str, ...] = (),
    date: str | None = None,
) -> Evidence:
    return Evidence(statement, relation, score, detail, matched, conflicts, date)


def evidence_result() -> CheckResult:
    """Two stories with every kind of verdict, and one problem."""
    pixel = _story(
        "pixel-8-pro-2023",
        "Google Pixel 8 Pro",
        [
            (
                "chip",
                "The Pixel 8 Pro will run on the Tensor G3.",
                "Android Authority",
                "https://example.com/aa/tensor-g3",
                "2023-03-20",
            ),
            ("display", "The Pixel 8 Pro keeps a 6.7-inch display.", "OnLeaks", None, "2023-01-10"),
            ("price", "The Pixel 8 Pro will start at $899.", "Yogesh Brar", None, "2023-09-01"),
            (
                "launch-date",
                "Google will unveil the Pixel 8 Pro on 4 October 2023.",
                "The Verge",
                "https://example.com/verge/date",
                "2023-08-30",
            ),
            (
                "sos",
                "The Pixel 8 Pro will send SOS messages by satellite.",
                "9to5Google",
                None,
                "2023-06-02",
            ),
            (
                "updates",
                "The Pixel 8 phones get seven years of OS updates.",
                "forum speculation",
                None,
                "2023-09-28",
            ),
            (
                "colours",
                "The Pixel 8 Pro comes in Obsidian, Porcelain and Bay.",
                "Kamila Wojciechowska",
                None,
                "2023-07-12",
            ),
        ],
        [
            (
                "launch-event",
                "Google announced the Pixel 8 Pro with the Tensor G3 chip and a 6.7-inch Super Actua display on 4 October 2023.",
                "Google",
                "2023-10-04",
            ),
            ("pricing", "The Pixel 8 Pro starts at $999 in the US.", "Google Store", "2023-10-04"),
            (
                "support",
                "Pixel 8 and Pixel 8 Pro get seven years of OS and security updates.",
                "Google",
                "2023-10-04",
            ),
            (
                "colour-leak",
                "Retail listings show the Pixel 8 Pro in Obsidian and Porcelain.",
                "Google Store (early listing)",
                "2023-09-20",
            ),
            (
                "colour-final",
                "The Pixel 8 Pro is available in Obsidian, Porcelain and Bay.",
                "Google",
                "2023-10-04",
            ),
        ],
    )
    deck = _story(
        "steam-deck-oled-2023",
        "Valve's Steam Deck OLED",
        [
            (
                "screen",
                "The new Steam Deck will have a 7.4-inch HDR OLED screen.",
                "The Verge",
                "https://example.com/verge/deck",
                "2023-11-02",
            ),
            (
                "battery",
                "The Steam Deck OLED will have a 50Wh battery.",
                "Dataminer on X",
                None,
                "2023-11-05",
            ),
            (
                "entry-price",
                "The Steam Deck OLED will start at $399.",
                "Reddit",
                None,
                "2023-11-06",
            ),
            (
                "successor",
                "A Steam Deck 2 will ship in 2024.",
                "YouTube rumour video",
                None,
                "2023-06-15",
            ),
            (
                "refresh-rate",
                "The OLED model refreshes at up to 90 Hz.",
                "Digital Foundry",
                None,
                "2023-11-07",
            ),
        ],
        [
            (
                "announcement",
                "Valve announced the Steam Deck OLED with a 7.4-inch HDR OLED screen, a 50Wh battery and a 90Hz refresh rate.",
                "Valve",
                "2023-11-09",
            ),
            (
                "prices",
                "The Steam Deck OLED costs $549 (512GB) and $649 (1TB).",
                "Valve",
                "2023-11-09",
            ),
        ],
    )
    verdicts = (
        Verdict(
            pixel.claims[0],
            S,
            S,
            (
                _ev(
                    "pixel-8-pro-2023/launch-event",
                    SUP,
                    96.0,
                    "model 'Tensor G3' matches the statement",
                    ("Tensor G3", "Pixel 8 Pro"),
                    (),
                    "2023-10-04",
                ),
            ),
        ),
        Verdict(
            pixel.claims[1],
            S,
            S,
            (
                _ev(
                    "pixel-8-pro-2023/launch-event",
                    SUP,
                    91.5,
                    "6.7-inch equals 6.7-inch (display)",
                    ("6.7-inch", "display"),
                    (),
                    "2023-10-04",
                ),
            ),
        ),
        Verdict(
            pixel.claims[2],
            C,
            C,
            (
                _ev(
                    "pixel-8-pro-2023/pricing",
                    CON,
                    88.0,
                    "$899 ≠ $999 for the starting price",
                    ("Pixel 8 Pro", "start"),
                    ("$899 vs $999",),
                    "2023-10-04",
                ),
            ),
        ),
        Verdict(
            pixel.claims[3],
            S,
            S,
            (
                _ev(
                    "pixel-8-pro-2023/launch-event",
                    SUP,
                    90.0,
                    "4 October 2023 falls on the statement's date",
                    ("4 October 2023", "Pixel 8 Pro"),
                    (),
                    "2023-10-04",
                ),
            ),
        ),
        Verdict(
            pixel.claims[4],
            R,
            R,
            (),
            (
                _ev(
                    "pixel-8-pro-2023/launch-event",
                    UNR,
                    54.0,
                    "shares 'Pixel 8 Pro' but says nothing about satellite SOS",
                    ("Pixel 8 Pro",),
                ),
            ),
        ),
        Verdict(
            pixel.claims[5],
            S,
            S,
            (
                _ev(
                    "pixel-8-pro-2023/support",
                    SUP,
                    94.0,
                    "'seven years' of OS updates matches",
                    ("seven years", "OS updates"),
                    (),
                    "2023-10-04",
                ),
            ),
        ),
        Verdict(
            pixel.claims[6],
            S,
            S,
            (
                _ev(
                    "pixel-8-pro-2023/colour-final",
                    SUP,
                    97.0,
                    "all three colours listed",
                    ("Obsidian", "Porcelain", "Bay"),
                    (),
                    "2023-10-04",
                ),
                _ev(
                    "pixel-8-pro-2023/colour-leak",
                    CON,
                    80.0,
                    "lists two colours, not 'Bay'",
                    ("Obsidian", "Porcelain"),
                    ("Bay",),
                    "2023-09-20",
                ),
            ),
            review="statements disagree; the latest (2023-10-04) decides",
        ),
        Verdict(
            deck.claims[0],
            S,
            S,
            (
                _ev(
                    "steam-deck-oled-2023/announcement",
                    SUP,
                    95.0,
                    "7.4-inch HDR OLED matches",
                    ("7.4-inch", "HDR OLED"),
                    (),
                    "2023-11-09",
                ),
            ),
        ),
        Verdict(
            deck.claims[1],
            S,
            S,
            (
                _ev(
                    "steam-deck-oled-2023/announcement",
                    SUP,
                    93.0,
                    "50Wh equals 50Wh (battery)",
                    ("50Wh", "battery"),
                    (),
                    "2023-11-09",
                ),
            ),
        ),
        Verdict(
            deck.claims[2],
            C,
            C,
            (
                _ev(
                    "steam-deck-oled-2023/prices",
                    CON,
                    86.0,
                    "starts at $549, not $399 (lowest listed price)",
                    ("Steam Deck OLED",),
                    ("$399 vs $549",),
                    "2023-11-09",
                ),
            ),
        ),
        Verdict(
            replace(
                deck.claims[3],
                verdict=C,
                reason="Valve said a true successor is not coming before 2025.",
            ),
            C,
            R,
            (),
            (
                _ev(
                    "steam-deck-oled-2023/announcement",
                    UNR,
                    51.0,
                    "about the OLED model, not a successor",
                    ("Steam Deck",),
                ),
            ),
        ),
        Verdict(
            deck.claims[4],
            S,
            S,
            (
                _ev(
                    "steam-deck-oled-2023/announcement",
                    SUP,
                    89.0,
                    "up to 90 Hz covers 90Hz",
                    ("90 Hz",),
                    (),
                    "2023-11-09",
                ),
            ),
        ),
    )
    findings = (
        Finding(
            "claims/switch-2-2025.yaml",
            12,
            15,
            Level.ERROR,
            "bad-date",
            "'reported' 2024-02-30 is not a real calendar date (YYYY-MM-DD)",
        ),
        Finding(
            "claims/switch-2-2025.yaml",
            19,
            5,
            Level.ERROR,
            "unknown-field",
            "unknown field 'sorce' (did you mean 'source'?)",
        ),
    )
    files = (
        "claims/pixel-8-pro-2023.yaml",
        "claims/steam-deck-oled-2023.yaml",
        "claims/switch-2-2025.yaml",
    )
    return CheckResult((pixel, deck), verdicts, findings, files)


def hostile_result() -> CheckResult:
    """The hostile story as loaded, with hostile evidence and a javascript: URL added.

    Paths are relative to the working folder: call it from the repository root.
    """
    loaded = check([HOSTILE.relative_to(Path.cwd())], Config())
    story = loaded.stories[0]
    statement = story.statements[0]
    evil = "<script>alert(1)</script> [x](javascript:alert(1)) @octocat\n::error::evidence"
    verdicts = []
    for n, verdict in enumerate(loaded.verdicts):
        claim = verdict.claim
        if n == 0:
            # The schema refuses such a URL; the renderer must refuse it on its own too.
            claim = replace(claim, url="javascript:alert(1)")
        evidence = _ev(
            statement.id,
            (SUP, CON, UNR, CON)[n % 4],
            77.0,
            evil,
            ("<b>term</b>",),
            ("@team\r\n::warning::x",),
            "<i>2024</i>",
        )
        status = (S, C, R, C)[n % 4]
        if status is R:
            verdicts.append(Verdict(claim, status, status, (), (evidence,), review=evil))
        else:
            verdicts.append(Verdict(claim, status, status, (evidence,), review=evil))
    return replace(loaded, verdicts=tuple(verdicts), fail_on=frozenset({Status.RUMOURED}))
