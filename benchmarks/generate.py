"""Generate a large, realistic claims folder for the speed benchmark.

Each story file holds `per_story` claims and as many statements about one made-up
product: texts mix model names, quantities with units, prices, dates and periods,
and some statements confirm a claim, some contradict it and some address nothing,
so the matcher does real work. The output depends only on the seed.

    python benchmarks/generate.py --claims 20000 OUT_DIR
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

BRANDS = [
    "Xiaomi",
    "Apple",
    "Samsung",
    "Google",
    "OnePlus",
    "Sony",
    "Nintendo",
    "Nvidia",
    "AMD",
    "Huawei",
    "Oppo",
    "Vivo",
    "Asus",
    "Lenovo",
    "Motorola",
    "Nothing",
]
LINES = ["Galaxy", "Pixel", "Mate", "Find", "Zenfone", "Xperia", "Redmi", "iPhone", "ROG", "Edge"]
SUFFIXES = ["", " Pro", " Ultra", " Plus", " Max", " Lite", " Fold", " mini"]
CHIPS = [
    "Snapdragon 8 Gen 1",
    "Snapdragon 8+ Gen 1",
    "Snapdragon 8 Gen 2",
    "Dimensity 9200",
    "A16 Bionic",
    "A15 Bionic",
    "Tensor G2",
    "Exynos 2200",
    "Kirin 9000S",
]
SOURCES = [
    "Bloomberg",
    "The Verge",
    "GSMArena",
    "Digital Chat Station (Weibo)",
    "Ming-Chi Kuo",
    "91mobiles",
    "Android Authority",
    "MacRumors",
    "a retailer leak",
    "OnLeaks",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _model(rng: random.Random) -> str:
    return (
        f"{rng.choice(BRANDS)} {rng.choice(LINES)} {rng.randint(5, 15)}"
        f"{rng.choice(['', 'S', 'T', 'a'])}{rng.choice(SUFFIXES)}"
    )


Fact = tuple[str, str, str, str]  # attribute, claim value, claim text, statement text


def _camera(rng: random.Random, model: str) -> Fact:
    where = rng.choice(["main", "front", "ultra-wide", "telephoto"])
    mp = rng.choice([12, 16, 20, 32, 48, 50, 64, 108, 200])
    official = mp if rng.random() < 0.5 else rng.choice([12, 32, 48, 50.3, 64])
    return (
        f"{where} camera",
        f"{mp}MP",
        f"The {model} will have a {mp}MP {where} camera.",
        f"The {model} has a {official}MP {where} camera with optical image stabilisation.",
    )


def _battery(rng: random.Random, model: str) -> Fact:
    mah = rng.choice([3279, 4000, 4500, 4600, 5000, 5500, 6000])
    watts = rng.choice([25, 33, 45, 67, 80, 120])
    official = mah if rng.random() < 0.6 else mah + rng.choice([-500, 100, 500])
    return (
        "battery",
        f"{mah:,} mAh",
        f"{model} to pack a {mah:,} mAh battery with {watts}W fast charging.",
        f"{model}: {official:,} mAh battery, {watts}W wired charging.",
    )


def _chip(rng: random.Random, model: str) -> Fact:
    chip = rng.choice(CHIPS)
    official = chip if rng.random() < 0.5 else rng.choice(CHIPS)
    return (
        "chip",
        chip,
        f"The {model} will run on the {chip}.",
        f"The {model} is powered by the {official} chipset.",
    )


def _launch(rng: random.Random, model: str) -> Fact:
    year = rng.randint(2019, 2025)
    month = rng.randrange(12)
    official = month if rng.random() < 0.5 else (month + rng.randint(1, 3)) % 12
    return (
        "launch date",
        f"{MONTHS[month]} {year}",
        f"The {model} will launch in {MONTHS[month]} {year}.",
        f"The {model} was launched on {rng.randint(1, 28)} {MONTHS[official]} {year}.",
    )


def _price(rng: random.Random, model: str) -> Fact:
    price = rng.choice([299, 349.99, 499, 599, 799, 899, 999, 1099, 1299])
    currency = rng.choice(["$", "€", "£"])
    official = price if rng.random() < 0.5 else price + 100
    return (
        "price",
        f"{currency}{price}",
        f"The {model} will start at {currency}{price}.",
        f"The {model} starts at {currency}{official} for the base model.",
    )


def _screen(rng: random.Random, model: str) -> Fact:
    inches = rng.choice([6.1, 6.4, 6.7, 6.8, 7.0, 7.6])
    hz = rng.choice([60, 90, 120, 144])
    return (
        "screen",
        f"{inches}-inch {hz} Hz",
        f"{model} gets a {inches}-inch OLED display at {hz} Hz.",
        f"The {model} features a {inches}-inch AMOLED screen with a {rng.choice([60, 120])} Hz refresh rate.",
    )


def _denial(rng: random.Random, model: str) -> Fact:
    feature = rng.choice(["headphone jack", "microSD slot", "charger in the box", "USB-C port"])
    return (
        "feature",
        feature,
        f"The {model} will keep the {feature}.",
        f"{rng.choice(BRANDS)} confirmed the {model} will not have a {feature}.",
    )


FACTS: list[Callable[[random.Random, str], Fact]] = [
    _camera,
    _battery,
    _chip,
    _launch,
    _price,
    _screen,
    _denial,
]


def _quote(text: str) -> str:
    # Double-quoted YAML scalar: the texts contain ':' and '#', which plain scalars
    # would misread.
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def story_text(rng: random.Random, index: int, per_story: int) -> str:
    """One story file's YAML with `per_story` claims and `per_story` statements."""
    model = _model(rng)
    year = rng.randint(2019, 2025)
    lines = [
        f"# Generated story {index}: rumours about the {model}.",
        f"story: {_quote(f'The {model} ({year})')}",
        f"subject: {_quote(model)}",
        "",
        "claims:",
    ]
    facts = [rng.choice(FACTS)(rng, model) for _ in range(per_story)]
    for n, (attribute, value, claim, _statement) in enumerate(facts):
        lines += [
            f"  - id: claim-{n + 1}",
            f"    text: {_quote(claim)}",
        ]
        if rng.random() < 0.5:
            lines += [f"    attribute: {attribute}", f"    value: {_quote(value)}"]
        lines += [
            f"    source: {_quote(rng.choice(SOURCES))}",
            f"    url: https://example.com/{index}/{n + 1}",
            f"    reported: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "",
        ]
    lines.append("statements:")
    for n, (_attribute, _value, _claim, statement) in enumerate(facts):
        if rng.random() < 0.2:  # a statement that addresses nothing rumoured
            statement = (
                f"{rng.choice(BRANDS)} said the {model} ships in {rng.randint(2, 9)} colours."
            )
        lines += [
            f"  - id: statement-{n + 1}",
            f"    text: {_quote(statement)}",
            f"    source: {rng.choice(BRANDS)}",
            f"    date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "",
        ]
    return "\n".join(lines)


def generate(out: Path, claims: int, per_story: int = 10, seed: int = 2022) -> list[Path]:
    """Write `claims` claims and as many statements into `out`; return the files."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    stories = -(-claims // per_story)
    for index in range(stories):
        count = min(per_story, claims - index * per_story)
        path = out / f"story-{index:06d}.yaml"
        path.write_text(story_text(rng, index, count), encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the story files into")
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    files = generate(args.out, args.claims, args.per_story, args.seed)
    print(f"wrote {len(files)} story files to {args.out}")


if __name__ == "__main__":
    main()
