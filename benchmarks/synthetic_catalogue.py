"""Synthesise a catalogue of any size for the build benchmark.

The texts are sentences and keywords drawn from the shipped catalogue, so the
pages, the Pagefind index and the exports look like the real thing; names get a
running number so every service is distinct. The same seed gives the same
catalogue. The region and its municipalities are made up (``Kunta 1`` …).
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
SOURCE = PROJECT / "catalogue"
MUNICIPALITIES = 20
PROVIDERS = 25
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _sentences(texts: list[str]) -> list[str]:
    sentences = []
    for text in texts:
        for part in _SENTENCE.split(" ".join(text.split())):
            if len(part) > 20 and not part.startswith(("-", "*")):
                sentences.append(part)
    return sentences


def _vocabulary() -> tuple[list[str], list[str], list[str], list[str]]:
    """Names, sentences, summaries and keywords of the shipped services."""
    names: list[str] = []
    texts: list[str] = []
    summaries: list[str] = []
    keywords: list[str] = []
    for path in sorted((SOURCE / "services").glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        names.append(entry["name"])
        texts += [entry[k] for k in ("what", "why", "how", "for_whom") if entry.get(k)]
        if entry.get("summary"):
            summaries.append(entry["summary"])
        keywords += entry.get("keywords") or []
    return names, _sentences(texts), summaries, sorted(set(keywords))


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def write_catalogue(root: Path, services: int, seed: int = 7) -> Path:
    """Write a catalogue of ``services`` services under ``root`` (replaced if present)."""
    rng = random.Random(seed)
    names, sentences, summaries, keywords = _vocabulary()
    if root.exists():
        shutil.rmtree(root)
    (root / "services").mkdir(parents=True)
    shutil.copy(SOURCE / "themes.yml", root / "themes.yml")
    theme_ids = [t["id"] for t in yaml.safe_load((root / "themes.yml").read_text("utf-8"))["themes"]]
    municipalities = [
        {"id": f"kunta-{i}", "name": f"Kunta {i}", "code": f"{900 + i:03d}"}
        for i in range(1, MUNICIPALITIES + 1)
    ]
    _dump(
        root / "region.yml",
        {
            "id": "testialue",
            "name": "Testialue",
            "site": {
                "title": "Testialueen palvelut",
                "description": "Keksitty alue suorituskykytestiä varten.",
                "intro": "Tämä sivusto on tehty suorituskykytestiä varten. Palvelut ovat keksittyjä.",
                "colors": {
                    "primary": "#0b4f71",
                    "primary_light": "#2f6f90",
                    "primary_dark": "#08374f",
                    "accent": "#1f6b3a",
                    "link": "#0a5a85",
                    "tint": "#eef5f9",
                },
            },
            "municipalities": municipalities,
        },
    )
    providers = [{"id": f"tuottaja-{i}", "name": f"Tuottaja {i}"} for i in range(1, PROVIDERS + 1)]
    _dump(root / "providers.yml", {"providers": providers})

    ids = [f"palvelu-{i:05d}" for i in range(1, services + 1)]
    for number, service_id in enumerate(ids, start=1):
        area: object = "region"
        if rng.random() > 0.4:
            area = sorted(rng.sample([m["id"] for m in municipalities], rng.randint(1, 3)))
        entry: dict[str, object] = {
            "name": f"{rng.choice(names)} {number}",
            "summary": rng.choice(summaries),
            "themes": sorted(rng.sample(theme_ids, rng.randint(1, 3)), key=theme_ids.index),
            "provider": rng.choice(providers)["id"],
            "area": area,
            "what": " ".join(rng.sample(sentences, 3)),
            "why": " ".join(rng.sample(sentences, 2)),
            "how": " ".join(rng.sample(sentences, 2)),
            "for_whom": " ".join(rng.sample(sentences, 1)),
            "access": {"routes": sorted(rng.sample(["self", "referral", "decision"], rng.randint(1, 2)))},
            "keywords": rng.sample(keywords, 4),
            "links": [{"title": "Lisätietoa", "url": f"https://example.org/{service_id}"}],
        }
        if rng.random() < 0.5:
            entry["last_reviewed"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.3:
            entry["related"] = sorted(set(rng.sample(ids, 2)) - {service_id})
        if rng.random() < 0.3:
            entry["contacts"] = [{"name": "Neuvonta", "email": f"{service_id}@example.org"}]
        _dump(root / "services" / f"{service_id}.yml", entry)
    return root
