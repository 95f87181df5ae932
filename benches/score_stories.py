#!/usr/bin/env python3
"""Scores story / novelty output against the labels written by gen_stories.py.

  score_stories.py LABELS OUTPUT [--story-field story] [--novelty-field novelty]
                   [--first-field story_first] [--json FILE]

LABELS: JSON Lines from `gen_stories.py --labels` (id, story, kind, first, expect, of, groups,
published_at), in archive order. OUTPUT: JSON Lines with one record per article carrying `id`,
`story` (any JSON value; equal values = same predicted story), `novelty` (new / update / repeat)
and optionally `story_first` (bool, or the id of the story's first article). Field names may be
dotted paths (e.g. `stories.id`).

Prints:
  * input problems: unparsable lines, records without id, unknown or duplicate ids, labelled
    articles missing from OUTPUT, records without a story or a valid novelty. Each of these is
    scored as an error: a missing story is a singleton story, a missing / invalid novelty is wrong;
  * per kind: count, novelty accuracy against `expect` (95 % Wilson interval) and the predicted
    novelty mix, and how often the article got the same predicted story as its `of` article (its
    parent for copies: should be 100 %; its trap partner for template / next_quarter /
    shared_boilerplate / same_event_other_writer: should be 0 %);
  * pairwise precision / recall / F1 over same-story pairs, overall and within the window
    (leaving out late_repost / undated / undated_copy articles), with 95 % Wilson intervals;
  * false merges inside trap families (pairs of distinct stories in one family given one story),
    and whether any two next_quarter reports of one company merged;
  * novelty accuracy split by whether the archive's input order disagrees with publication time
    for the article (it arrived before its parent, or a first arrived after one of its copies).
Standard library only.
"""

import argparse
import json
import math
import sys
from collections import Counter, defaultdict

NOVELTIES = ("new", "update", "repeat")
EXPECT = {"update": "update", "repost": "repeat", "trimmed": "repeat", "reordered": "repeat", "exact": "repeat",
          "late_repost": "new", "undated_copy": None}
FIRST_KINDS = ("original", "template", "next_quarter", "shared_boilerplate", "same_event_other_writer", "undated")
OUT_OF_WINDOW = {"late_repost", "undated_copy", "undated"}
FAMILIES = {"tpl": "template (same routine-notice template)", "nq": "next_quarter (one company's quarterly reports)",
            "bp": "shared_boilerplate (one outlet's disclaimer)", "ev": "same_event_other_writer (one event)"}


def wilson(k, n, z=1.96):
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def pct(k, n):
    if n == 0:
        return "     -"
    lo, hi = wilson(k, n)
    return f"{100 * k / n:6.2f}% [{100 * lo:6.2f}, {100 * hi:6.2f}]"


def get(rec, path):
    cur = rec
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None, False
        cur = cur[part]
    return cur, True


def pairs(n):
    return n * (n - 1) // 2


def pairwise(idx, pred, true):
    cp, ct, cpt = Counter(), Counter(), Counter()
    for i in idx:
        cp[pred[i]] += 1
        ct[true[i]] += 1
        cpt[(pred[i], true[i])] += 1
    tp = sum(pairs(v) for v in cpt.values())
    pp = sum(pairs(v) for v in cp.values())
    tt = sum(pairs(v) for v in ct.values())
    return tp, pp, tt


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels")
    ap.add_argument("output")
    ap.add_argument("--story-field", default="story")
    ap.add_argument("--novelty-field", default="novelty")
    ap.add_argument("--first-field", default="story_first")
    ap.add_argument("--json", help="also write the summary numbers to this file as JSON")
    args = ap.parse_args()

    # ---- labels ----
    ids, index = [], {}
    story_of, kind, expect, first, of, groups, dated = [], [], [], [], [], [], []
    sid_ix, kind_ix = {}, {}
    with open(args.labels, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            lab = json.loads(line)
            i = len(ids)
            ids.append(lab["id"])
            index[lab["id"]] = i
            story_of.append(sid_ix.setdefault(lab["story"], len(sid_ix)))
            k = kind_ix.setdefault(lab["kind"], lab["kind"])
            kind.append(k)
            expect.append(lab["expect"] if "expect" in lab else EXPECT.get(k, "new"))
            first.append(bool(lab.get("first")))
            of.append(lab.get("of"))
            groups.append(lab.get("groups") or ())
            dated.append(lab.get("published_at") is not None)
    n = len(ids)
    of_ix = [index.get(x, -1) if x else -1 for x in of]

    # ---- output ----
    prob = Counter()
    pred_story = [None] * n
    pred_nov = [None] * n
    pred_first = [None] * n
    seen = bytearray(n)
    story_keys = {}
    any_first = False
    with open(args.output, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                prob["unparsable lines"] += 1
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                prob["records without a string id"] += 1
                continue
            i = index.get(rec["id"])
            if i is None:
                prob["records with an id not in the labels"] += 1
                continue
            if seen[i]:
                prob["duplicate records (first one kept)"] += 1
                continue
            seen[i] = 1
            v, ok = get(rec, args.story_field)
            if not ok or v is None:
                prob["records without a story (scored as singletons)"] += 1
            else:
                try:
                    key = (type(v).__name__, v)
                    hash(key)
                except TypeError:
                    key = ("json", json.dumps(v, sort_keys=True))
                pred_story[i] = story_keys.setdefault(key, len(story_keys))
            v, ok = get(rec, args.novelty_field)
            if not ok or v is None:
                prob["records without a novelty (scored wrong)"] += 1
            elif isinstance(v, str) and v.strip().lower() in NOVELTIES:
                pred_nov[i] = v.strip().lower()
            else:
                prob["records with an invalid novelty (scored wrong)"] += 1
                pred_nov[i] = "invalid"
            v, ok = get(rec, args.first_field)
            if ok:
                any_first = True
                # A string is the id of the story's first article (finsent's story_first).
                pred_first[i] = v if isinstance(v, bool) else (v == rec["id"] if isinstance(v, str) else None)
    missing = n - sum(seen)
    if missing:
        prob["labelled articles missing from the output (singletons, novelty wrong)"] += missing
    nxt = len(story_keys)
    for i in range(n):
        if pred_story[i] is None:
            pred_story[i] = nxt
            nxt += 1

    # ---- input order vs publication order ----
    members = defaultdict(list)
    for i in range(n):
        members[story_of[i]].append(i)
    sensitive = bytearray(n)
    for i in range(n):
        if first[i]:
            if min(members[story_of[i]]) < i:
                sensitive[i] = 1
        elif of_ix[i] > i:
            sensitive[i] = 1

    out = {"articles": n, "stories": len(sid_ix), "problems": dict(prob)}
    print(f"labels: {n} articles, {len(sid_ix)} stories; output: {sum(seen)} of them scored")
    if prob:
        print("input problems (counted as errors):")
        for k, v in prob.items():
            print(f"  {v:8d}  {k}")
    else:
        print("input problems: none")

    # ---- per kind ----
    print("\nper kind                   n   novelty accuracy (95% CI)          predicted new/update/repeat/other   same story as `of` (95% CI)")
    order = [k for k in FIRST_KINDS + ("update", "repost", "trimmed", "reordered", "exact", "late_repost", "undated_copy") if k in kind_ix]
    order += sorted(k for k in kind_ix if k not in order)
    out["kinds"] = {}
    tot_ok = tot_n = 0
    bykind = defaultdict(list)
    for i in range(n):
        bykind[kind[i]].append(i)
    for k in order:
        idx = bykind[k]
        scored = [i for i in idx if expect[i] is not None]
        ok = sum(1 for i in scored if pred_nov[i] == expect[i])
        tot_ok += ok
        tot_n += len(scored)
        mix = Counter(pred_nov[i] if pred_nov[i] in NOVELTIES else "other" for i in idx)
        linked = [i for i in idx if of_ix[i] >= 0]
        same = sum(1 for i in linked if pred_story[i] == pred_story[of_ix[i]])
        exp = {expect[i] for i in scored}
        exp_s = "/".join(sorted(exp)) if exp else "not scored"
        print(f"  {k:24s} {len(idx):6d}  {pct(ok, len(scored)):30s} ({exp_s:6s})  "
              f"{mix['new']:6d}/{mix['update']:6d}/{mix['repeat']:6d}/{mix['other']:5d}   "
              f"{pct(same, len(linked)) if linked else '     -'}")
        out["kinds"][k] = {"n": len(idx), "novelty_scored": len(scored), "novelty_correct": ok,
                           "predicted": dict(mix), "with_of": len(linked), "same_story_as_of": same}
    print(f"  {'all scored':24s} {tot_n:6d}  {pct(tot_ok, tot_n)}")
    out["novelty"] = {"scored": tot_n, "correct": tot_ok}

    # ---- pairwise ----
    print("\npairwise over same-story pairs (pairs are not independent: the intervals are optimistic)")
    out["pairwise"] = {}
    for name, idx in (("all articles", range(n)),
                      ("within window (no late_repost/undated*)", [i for i in range(n) if kind[i] not in OUT_OF_WINDOW])):
        tp, pp, tt = pairwise(idx, pred_story, story_of)
        p = tp / pp if pp else float("nan")
        r = tp / tt if tt else float("nan")
        f1 = 2 * p * r / (p + r) if pp and tt and (p + r) else float("nan")
        print(f"  {name}: true pairs {tt}, predicted pairs {pp}, correct {tp}")
        print(f"    precision {pct(tp, pp)}   recall {pct(tp, tt)}   F1 {100 * f1:.2f}%")
        out["pairwise"][name] = {"true_pairs": tt, "predicted_pairs": pp, "correct_pairs": tp}

    # ---- trap families ----
    fam = defaultdict(list)
    for i in range(n):
        for g in groups[i]:
            fam[g].append(i)
    print("\nfalse merges inside trap families (distinct stories given the same predicted story)")
    out["families"] = {}
    nq_examples = []
    for pre, desc in FAMILIES.items():
        cand = merged = nfam = fam_hit = 0
        for g, idx in fam.items():
            if not g.startswith(pre + ":"):
                continue
            nfam += 1
            cp, cpt = Counter(pred_story[i] for i in idx), Counter((pred_story[i], story_of[i]) for i in idx)
            ct = Counter(story_of[i] for i in idx)
            c = pairs(len(idx)) - sum(pairs(v) for v in ct.values())
            m = sum(pairs(v) for v in cp.values()) - sum(pairs(v) for v in cpt.values())
            cand += c
            merged += m
            if m:
                fam_hit += 1
                if pre == "nq" and len(nq_examples) < 5:
                    by = defaultdict(list)
                    for i in idx:
                        by[pred_story[i]].append(i)
                    for v in by.values():
                        if len({story_of[i] for i in v}) > 1:
                            nq_examples.append([ids[i] for i in v][:3])
                            break
        print(f"  {desc:48s} families {nfam:6d}  merged pairs {merged:8d} of {cand:10d}  {pct(merged, cand)}"
              f"  families hit {fam_hit}")
        out["families"][pre] = {"families": nfam, "candidate_pairs": cand, "merged_pairs": merged, "families_hit": fam_hit}
    nqm = out["families"].get("nq", {}).get("merged_pairs", 0)
    print(f"\nnext_quarter reports merged: {'YES' if nqm else 'NO'}" + (f" ({nqm} pairs; e.g. {nq_examples})" if nqm else ""))
    out["next_quarter_merged"] = bool(nqm)

    # ---- order sensitivity ----
    print("\nnovelty accuracy by input order (expected novelty follows published_at)")
    for name, want in (("input order agrees with time", 0), ("arrived out of order", 1)):
        idx = [i for i in range(n) if sensitive[i] == want and expect[i] is not None]
        ok = sum(1 for i in idx if pred_nov[i] == expect[i])
        print(f"  {name:32s} {len(idx):8d}  {pct(ok, len(idx))}")
        out["order_" + ("in" if want == 0 else "out")] = {"n": len(idx), "correct": ok}

    if any_first:
        idx = range(n)
        ok = sum(1 for i in idx if pred_first[i] is not None and pred_first[i] == first[i])
        bad_type = sum(1 for i in idx if seen[i] and pred_first[i] is None)
        print(f"\nstory_first accuracy: {pct(ok, n)}  (records without a boolean {args.first_field}: {bad_type})")
        out["story_first"] = {"n": n, "correct": ok}

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
