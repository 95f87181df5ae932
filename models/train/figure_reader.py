"""The prose figure reader (src/figures/prose.rs) measured on a labelled set: `finsent
classify` output without the reader against output with it, per category, with Wilson
intervals and a paired bootstrap of the difference, and every row the reader answered
(its probabilities are exactly 0.9/0.05/0.05).

    # the gold label must not collide with classify's "label"
    python3 -c 'import json,sys
    for l in open(sys.argv[1]):
        r = json.loads(l); r["gold"] = r.pop("label"); print(json.dumps(r))' \
        models/train/fresh/direction.jsonl > /tmp/gold.jsonl
    # ALONE: a release build of 3fdf5a8, the commit before the prose reader
    ALONE/finsent classify -q /tmp/gold.jsonl -o /tmp/alone.jsonl
    target/release/finsent classify -q /tmp/gold.jsonl -o /tmp/reader.jsonl
    python3 models/train/figure_reader.py /tmp/gold.jsonl /tmp/alone.jsonl /tmp/reader.jsonl
"""
import json, math, random, sys, collections

def load(p):
    return [json.loads(l) for l in open(p) if l.strip()]

gold, base, new = (load(p) for p in sys.argv[1:4])
assert len(gold) == len(base) == len(new)
def fired(row):
    p = row["probs"]
    v = sorted(round(x, 4) for x in (p["negative"], p["neutral"], p["positive"]))
    return v == [0.05, 0.05, 0.9]

def wilson(k, n, z=1.96):
    if n == 0:
        return (float("nan"),) * 2
    p = k / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return ((c - h) / d, (c + h) / d)

def paired_boot(b, a, reps=10000, seed=7):
    rnd = random.Random(seed)
    n = len(a)
    diffs = []
    for _ in range(reps):
        idx = [rnd.randrange(n) for _ in range(n)]
        diffs.append(sum(a[i] - b[i] for i in idx) / n)
    diffs.sort()
    return diffs[int(0.025 * reps)], diffs[int(0.975 * reps)]

def report(name, rows):
    n = len(rows)
    b = [int(base[i]["label"] == gold[i]["gold"]) for i in rows]
    a = [int(new[i]["label"] == gold[i]["gold"]) for i in rows]
    kb, ka = sum(b), sum(a)
    lo, hi = paired_boot(b, a)
    wb, wa = wilson(kb, n), wilson(ka, n)
    print(f"| {name} | {n} | {kb/n:.3f} [{wb[0]:.3f}, {wb[1]:.3f}] | {ka/n:.3f} [{wa[0]:.3f}, {wa[1]:.3f}] | {(ka-kb)/n:+.3f} [{lo:+.3f}, {hi:+.3f}] |")

allrows = list(range(len(gold)))
fp = [i for i in allrows if gold[i]["category"] == "figure_prose"]
print("| set | n | model alone | model + reader | difference (paired bootstrap) |")
print("| --- | ---: | ---: | ---: | ---: |")
report("figure_prose", fp)
report("whole set", allrows)
report("all but figure_prose", [i for i in allrows if gold[i]["category"] != "figure_prose"])
print()
by = collections.defaultdict(lambda: [0, 0, 0, 0])  # fired, right with reader, right alone (on fired), n
for i in allrows:
    c = gold[i]["category"]
    by[c][3] += 1
    if fired(new[i]):
        by[c][0] += 1
        by[c][1] += new[i]["label"] == gold[i]["gold"]
        by[c][2] += base[i]["label"] == gold[i]["gold"]
print("| category | n | reader answered | right with reader | right, model alone (same rows) |")
print("| --- | ---: | ---: | ---: | ---: |")
tot = [0, 0, 0]
for c in sorted(by):
    f, r, m, n = by[c]
    print(f"| {c} | {n} | {f} | {r} | {m} |")
    if c != "figure_prose":
        tot = [tot[0] + f, tot[1] + r, tot[2] + m]
w = wilson(tot[1], tot[0])
print(f"\nother categories: fired {tot[0]}, right {tot[1]} (Wilson {w[0]:.3f}-{w[1]:.3f}), model alone right on the same rows {tot[2]}")
print("\nrows the reader answered:")
for i in allrows:
    if fired(new[i]):
        print(f"  {gold[i]['id']} {gold[i]['category']}: gold {gold[i]['gold']}, reader {new[i]['label']}, alone {base[i]['label']}")
changed = [i for i in allrows if base[i]["label"] != new[i]["label"] and not fired(new[i])]
print("label changes without the reader firing (should be none):", len(changed))
