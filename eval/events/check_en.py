"""Sanity check for the English event gold (eval/events/*/en_*.json).

Run: python3 eval/events/check_en.py   (from the repository root, or any cwd)
Checks that every event text / status evidence / call text occurs verbatim in the
paired .txt (events: at least `occurrence` times), that types, polarities, statuses
and stances come from the closed lists, and that dates are well formed; prints counts.
"""
import glob, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
EVENT_TYPES = set("""detention arrest pre_trial_detention house_arrest administrative_detention charge
prosecution conviction sentence appeal_rejected fine suspension ban_or_liquidation
designation_as_extremist search_or_raid enforced_disappearance travel_ban disbarment_or_dismissal
censorship internet_shutdown attack torture killing_or_death hunger_strike release acquittal
case_closed reinstatement_or_annulment asylum_granted exile deportation_or_forced_transfer
extradition_request_or_interpol_notice arrest_warrant persecution harassment threat lawsuit protest
law_adopted_or_amended election sanction_imposed other""".split())
POLARITIES = {"happened", "demanded", "threatened", "alleged", "denied", "annulled", "planned"}
STATUSES = {"at liberty", "facing charges or investigation", "detained", "pre-trial detention",
            "house arrest", "convicted and serving", "released", "former prisoner",
            "refugee or in exile", "disappeared", "deceased", "unknown"}
STANCES = {"calls on", "calls for", "urges", "demands", "asks", "requests", "condemns", "deplores",
           "welcomes", "expresses concern", "supports", "recalls", "stresses", "notes"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def count(hay, needle):
    n, i = 0, hay.find(needle)
    while i != -1:
        n, i = n + 1, hay.find(needle, i + 1)
    return n


def main():
    problems, totals = [], {}
    for split in ("dev", "setaside"):
        files = sorted(glob.glob(os.path.join(HERE, split, "en_*.json")))
        c = Counter()
        for jf in files:
            name = os.path.basename(jf)
            txt = open(jf[:-5] + ".txt", encoding="utf-8").read()
            g = json.load(open(jf, encoding="utf-8"))
            words = len(txt.split())
            if not 120 <= words <= 300:
                problems.append(f"{name}: {words} words")
            if g.get("language") != "en":
                problems.append(f"{name}: language")
            if g.get("date") is not None and not DATE.match(g["date"]):
                problems.append(f"{name}: bad text date {g['date']}")
            for e in g["events"]:
                n = count(txt, e["text"])
                if n < e.get("occurrence", 1):
                    problems.append(f"{name}: event text {e['text']!r} occurs {n}x < {e.get('occurrence', 1)}")
                if n > 1 and "occurrence" not in e:
                    problems.append(f"{name}: event text {e['text']!r} ambiguous without occurrence")
                if e["type"] not in EVENT_TYPES:
                    problems.append(f"{name}: type {e['type']}")
                if e["polarity"] not in POLARITIES:
                    problems.append(f"{name}: polarity {e['polarity']}")
                if e["date"] is not None and not DATE.match(e["date"]):
                    problems.append(f"{name}: bad event date {e['date']}")
                if not isinstance(e["victims"], list) or not isinstance(e["perpetrators"], list):
                    problems.append(f"{name}: victims/perpetrators must be lists")
            for s in g["statuses"]:
                if s["evidence"] not in txt:
                    problems.append(f"{name}: evidence {s['evidence']!r} not in text")
                if s["status"] not in STATUSES:
                    problems.append(f"{name}: status {s['status']}")
            for k in g["calls"]:
                if k["text"] not in txt:
                    problems.append(f"{name}: call {k['text']!r} not in text")
                if k["stance"] not in STANCES:
                    problems.append(f"{name}: stance {k['stance']}")
            c["texts"] += 1
            c["words"] += words
            c["events"] += len(g["events"])
            c["statuses"] += len(g["statuses"])
            c["calls"] += len(g["calls"])
            for e in g["events"]:
                c["pol:" + e["polarity"]] += 1
                c["type:" + e["type"]] += 1
            print(f"{split}/{name}: {words} words, {len(g['events'])} events, "
                  f"{len(g['statuses'])} statuses, {len(g['calls'])} calls")
        totals[split] = c
    for split, c in totals.items():
        print(f"\n{split}: {c['texts']} texts, {c['words']} words, {c['events']} events, "
              f"{c['statuses']} statuses, {c['calls']} calls")
        print("  polarity:", ", ".join(f"{k[4:]} {v}" for k, v in sorted(c.items()) if k.startswith("pol:")))
    alltypes = totals["dev"] + totals["setaside"]
    print("\ntypes (all):", ", ".join(f"{k[5:]} {v}" for k, v in alltypes.most_common() if k.startswith("type:")))
    unused = sorted(t for t in EVENT_TYPES if alltypes["type:" + t] == 0)
    print("types not used:", ", ".join(unused) or "-")
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems))
        return 1
    print("\nOK: no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
