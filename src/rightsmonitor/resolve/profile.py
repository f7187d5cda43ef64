"""What the registry knows about one entity, as a sum of its records.

A profile is built from one record (a document-level person or organisation) or read back
from a stored entity, and profiles add up: an entity that gains a record is its stored
profile plus the record's, so adding a document never re-reads the entity's other records.
The canonical name is the Latin-script name most records give; among equals, the one English
documents write (the working language most users share), then the first one seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Profile", "combine", "from_data", "from_fact", "to_data"]


def _script(name: str) -> str:
    return "Cyrl" if any("\u0400" <= ch <= "\u04ff" for ch in name) else "Latn"


@dataclass
class Profile:
    written: Counter[str] = field(default_factory=Counter)  # main name → records giving it
    languages: dict[str, set[str]] = field(default_factory=dict)  # every spelling → languages
    documents: set[str] = field(default_factory=set)
    mentions: int = 0
    external_ids: dict[str, str] = field(default_factory=dict)
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    type: str | None = None
    first: str = ""  # the ingest position of the earliest record (sortable)

    @property
    def name(self) -> str:
        order = list(self.written)
        return min(
            self.written,
            key=lambda n: (
                _script(n) != "Latn",
                -self.written[n],
                "en" not in self.languages.get(n, ()),  # the lingua franca of the desk
                order.index(n),
            ),
        )


def from_fact(
    fact: Mapping[str, Any],
    document: str,
    language: str,
    external: Mapping[str, str],
    first: str,
) -> Profile:
    """The profile of one record: a fact as the extractor stored it."""
    spellings = {fact["name"], *fact.get("aliases", [])}
    spellings |= {m["norm"] for m in fact.get("mentions", []) if m.get("norm")}
    return Profile(
        written=Counter({str(fact["name"]): 1}),
        languages={str(n): {language} - {""} for n in spellings},
        documents={document},
        mentions=len(fact.get("mentions", [])),
        external_ids=dict(external),
        gender=fact.get("gender"),
        roles={str(r) for r in fact.get("roles", [])},
        type=fact.get("type"),
        first=first,
    )


def combine(profiles: Iterable[Profile]) -> Profile:
    """One profile for records of one entity (earlier profiles first: their gender, type and
    first-seen name win ties)."""
    out = Profile()
    for p in sorted(profiles, key=lambda p: p.first):
        out.written.update(p.written)
        for name, langs in p.languages.items():
            out.languages.setdefault(name, set()).update(langs)
        out.documents |= p.documents
        out.mentions += p.mentions
        out.external_ids.update(p.external_ids)
        out.gender = out.gender or p.gender
        out.roles |= p.roles
        out.type = out.type or p.type
        out.first = min(out.first, p.first) if out.first else p.first
    return out


def to_data(profile: Profile, persons: bool) -> dict[str, Any]:
    """The stored form: what users read (aliases, documents, …) and, under ``profile``, what
    adding a record needs."""
    name = profile.name
    data: dict[str, Any] = {
        "aliases": [
            {"name": n, "script": _script(n), "languages": sorted(profile.languages[n])}
            for n in sorted(profile.languages)
            if n != name and len(n) > 1
        ],
        "documents": sorted(profile.documents),  # not stored: the members' documents
        "mentions": profile.mentions,
        "external_ids": dict(sorted(profile.external_ids.items())),
    }
    if persons:
        data["gender"] = profile.gender
        data["roles"] = sorted(profile.roles)
    else:
        data["type"] = profile.type
    data["profile"] = {
        "written": dict(profile.written),
        "name_languages": sorted(profile.languages.get(name, set())),
        "first": profile.first,
    }
    return data


def from_data(name: str, data: Mapping[str, Any]) -> Profile | None:
    """A stored entity's profile, or None for an entity stored before profiles were kept."""
    stored = data.get("profile")
    if not stored:
        return None
    languages = {str(a["name"]): set(a.get("languages", [])) for a in data.get("aliases", [])}
    languages[name] = set(stored.get("name_languages", []))
    return Profile(
        written=Counter({str(k): int(v) for k, v in stored["written"].items()}),
        languages=languages,
        documents=set(data.get("documents", [])),
        mentions=int(data.get("mentions", 0)),
        external_ids=dict(data.get("external_ids", {})),
        gender=data.get("gender"),
        roles=set(data.get("roles", [])),
        type=data.get("type"),
        first=str(stored.get("first", "")),
    )
