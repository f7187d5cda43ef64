"""Development check of persons.v1 on real Polish news (SlavicNER, ../shared/corpus/polish-names).

Not part of the test suite: the data stays in ../shared. For each article, the persons found
are compared with the annotated person mentions (ids starting 'PER-'): a predicted mention is
right when it overlaps an annotated person mention; its nominative is right when the person's
name equals the annotated lemma (case-insensitive). Usage:
    .venv/bin/python eval/slavicner_persons.py [--limit N] [--errors]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rightsmonitor.extract.persons import extract_persons
from rightsmonitor.ingest import read_bytes
from rightsmonitor.parse import parse_read_text

CORPUS = Path(
    os.environ.get(
        "RIGHTSMONITOR_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared/corpus"
    )
)
ROOT = CORPUS / "polish-names" / "slavicner"


def gold_mentions(tsv: Path) -> list[tuple[int, int, str, str]]:
    out = []
    for line in tsv.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 6 and parts[4] == "PER" and parts[5].startswith("PER-"):
            out.append((int(parts[0]), int(parts[1]), parts[2], parts[3]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=40, help="articles per topic")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    if not ROOT.exists():
        print(
            f"error: SlavicNER not found at {ROOT} (set RIGHTSMONITOR_CORPUS to the corpus folder)",
            file=sys.stderr,
        )
        return 2
    tp_pred = n_pred = tp_gold = n_gold = lemma_ok = lemma_n = 0
    errors: list[str] = []
    for topic_dir in sorted((ROOT / "raw").iterdir()):
        for txt in sorted((topic_dir / "pl").glob("*.txt"))[: args.limit]:
            tsv = ROOT / "ner" / topic_dir.name / "pl" / txt.name.replace(".txt", ".tsv")
            if not tsv.exists():
                continue
            raw = txt.read_bytes()
            doc = parse_read_text(read_bytes(raw, txt.name), language="pl")
            text = raw.decode("utf-8")
            gold = gold_mentions(tsv)
            found = extract_persons(list(doc.units), "pl").persons
            units = {u.id: u for u in doc.units}
            pred = []
            for person in found:
                for m in person.mentions:
                    u = units[m.unit]
                    a, b = doc.offsets.span_to_source(u.start + m.start, u.start + m.end)
                    pred.append((a, b, m.text, m.norm or person.name))
            n_pred += len(pred)
            n_gold += len(gold)
            for a, b, surface, name in pred:
                hit = next((g for g in gold if g[0] < b and a < g[1]), None)
                if hit:
                    tp_pred += 1
                    lemma_n += 1
                    if " ".join(hit[3].split()).casefold() == name.casefold():
                        lemma_ok += 1
                    elif args.errors:
                        errors.append(
                            f"LEMMA {surface!r}: ours {name!r}, gold {hit[3]!r} ({txt.name})"
                        )
                elif args.errors:
                    context = text[max(0, a - 40) : b + 20]
                    errors.append(f"FALSE {surface!r} → {name!r} ({txt.name}): {context!r}")
            for g in gold:
                if any(g[0] < b and a < g[1] for a, b, _s, _n in pred):
                    tp_gold += 1
                elif args.errors:
                    errors.append(f"MISS {g[2]!r} ({g[3]}) ({txt.name})")
    print(
        f"person mentions: precision {tp_pred / max(n_pred, 1):.3f} ({tp_pred}/{n_pred}), "
        f"recall {tp_gold / max(n_gold, 1):.3f} ({tp_gold}/{n_gold}), "
        f"nominative right {lemma_ok / max(lemma_n, 1):.3f} ({lemma_ok}/{lemma_n})"
    )
    for line in errors[:300]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
