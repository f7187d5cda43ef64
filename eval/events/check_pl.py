"""Check the Polish event gold (pl_*.json) in eval/events/dev and eval/events/setaside.

Every event 'text' must occur in its text at least 'occurrence' times (raw substring count),
every status 'evidence' and call 'text' must occur verbatim; types, polarities, statuses and
stances must come from the fixed lists; dates must be YYYY, YYYY-MM or YYYY-MM-DD or null.
Prints per-file and per-split counts; with -v also prints the context of every repeated trigger.
Run: python3 eval/events/check_pl.py [-v]
"""
import glob, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "corpus"))
TYPES = set("""detention arrest pre_trial_detention house_arrest administrative_detention charge prosecution
conviction sentence appeal_rejected fine suspension ban_or_liquidation designation_as_extremist search_or_raid
enforced_disappearance travel_ban disbarment_or_dismissal censorship internet_shutdown attack torture
killing_or_death hunger_strike release acquittal case_closed reinstatement_or_annulment asylum_granted exile
deportation_or_forced_transfer extradition_request_or_interpol_notice arrest_warrant persecution harassment threat
lawsuit protest law_adopted_or_amended election sanction_imposed other""".split())
POLARITIES = {"happened", "demanded", "threatened", "alleged", "denied", "annulled", "planned"}
STATUSES = {"at liberty", "facing charges or investigation", "detained", "pre-trial detention", "house arrest",
            "convicted and serving", "released", "former prisoner", "refugee or in exile", "disappeared",
            "deceased", "unknown"}
STANCES = {"calls on", "calls for", "urges", "demands", "asks", "requests", "condemns", "deplores", "welcomes",
           "expresses concern", "supports", "recalls", "stresses", "notes"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = {"type", "text", "occurrence", "polarity", "victims", "perpetrators", "date"}


def nth(text, sub, n):
    pos = -1
    for _ in range(n):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return -1
    return pos


def main():
    verbose = "-v" in sys.argv
    errors = 0
    totals = {}
    for split in ("dev", "setaside"):
        tot = Counter()
        for jp in sorted(glob.glob(os.path.join(HERE, split, "pl_*.json"))):
            g = json.load(open(jp, encoding="utf-8"))
            if "document" in g:
                tp = os.path.join(CORPUS, g["document"])
            else:
                tp = jp[:-5] + ".txt"
            text = open(tp, encoding="utf-8").read()
            name = os.path.relpath(jp, HERE)

            def err(msg):
                nonlocal errors
                errors += 1
                print(f"ERROR {name}: {msg}")

            if g.get("language") != "pl":
                err("language is not 'pl'")
            if g.get("date") is not None and not DATE.match(g["date"]):
                err(f"bad text date {g['date']!r}")
            for i, e in enumerate(g["events"]):
                if set(e) != KEYS:
                    err(f"event {i} keys {sorted(e)}")
                if e["type"] not in TYPES:
                    err(f"event {i} type {e['type']!r}")
                if e["polarity"] not in POLARITIES:
                    err(f"event {i} polarity {e['polarity']!r}")
                if e["date"] is not None and not DATE.match(e["date"]):
                    err(f"event {i} date {e['date']!r}")
                n = text.count(e["text"])
                occ = e.get("occurrence", 1)
                if n == 0:
                    err(f"event {i} text not found: {e['text']!r}")
                elif occ < 1 or occ > n:
                    err(f"event {i} occurrence {occ} of {e['text']!r} but only {n} in text")
                elif verbose and n > 1:
                    p = nth(text, e["text"], occ)
                    ctx = text[max(0, p - 40):p + len(e["text"]) + 40].replace("\n", " ")
                    print(f"  {name} #{i} {e['type']} [{occ}/{n}] ...{ctx}...")
            for s in g["statuses"]:
                if s["status"] not in STATUSES:
                    err(f"status {s['status']!r} for {s['name']}")
                if s["evidence"] not in text:
                    err(f"evidence not found: {s['evidence']!r}")
            for c in g["calls"]:
                if c["stance"] not in STANCES:
                    err(f"stance {c['stance']!r}")
                if c["text"] not in text:
                    err(f"call text not found: {c['text']!r}")
                elif text.count(c["text"]) > 1:
                    print(f"  warning {name}: call text occurs {text.count(c['text'])} times: {c['text']!r}")
            pol = Counter(e["polarity"] for e in g["events"])
            print(f"{name}: {len(g['events'])} events ({dict(pol)}), {len(g['statuses'])} statuses, "
                  f"{len(g['calls'])} calls, {len(text.split())} words")
            tot.update(files=1, events=len(g["events"]), statuses=len(g["statuses"]), calls=len(g["calls"]))
            tot.update({"pol:" + k: v for k, v in pol.items()})
        totals[split] = tot
    for split, tot in totals.items():
        print(f"== {split}: {tot['files']} files, {tot['events']} events, {tot['statuses']} statuses, "
              f"{tot['calls']} calls; polarity " + ", ".join(f"{k[4:]} {v}" for k, v in sorted(tot.items()) if k.startswith("pol:")))
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
